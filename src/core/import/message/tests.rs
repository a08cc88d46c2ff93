//! Tests of the messages between the page and the import worker: problems as lines and as CSV,
//! summaries kept by earlier versions, collection ids and renames, and JSON round trips.

use super::*;
use crate::core::i18n::SaidPart;

/// A line whose sentence is `said`'s key with the argument `value`.
fn line(row: u64, column: &str, value: &str, key: &'static str, skipped: bool) -> ProblemLine {
    ProblemLine {
        row,
        column: column.into(),
        record: None,
        value: value.into(),
        said: Said::new(key),
        skipped,
    }
}

#[test]
fn a_problem_reads_row_column_value_and_what_is_wrong() {
    let problem = line(7, "event_date", "2023-02-30", "problem-not-iso-date", true);
    let english = Lang::En.text("problem-not-iso-date");
    assert_eq!(
        problem.to_string(),
        format!("row 7 / event_date / 2023-02-30: {english}")
    );
    assert_eq!(problem.message(), english);
    let whole = line(9, "", "", "problem-required", true);
    assert_eq!(
        whole.to_string(),
        format!("row 9: {}", Lang::En.text("problem-required"))
    );
    let record = line(0, "ucdp:7", "date.start", "problem-not-iso-date", true);
    assert_eq!(
        record.to_string(),
        format!("ucdp:7 / date.start: {english}")
    );
}

#[test]
fn the_problem_list_is_csv_that_a_spreadsheet_reads_safely() {
    let worded = line(
        3,
        "fatalities",
        "=HYPERLINK(\"x\")",
        "problem-not-whole-people",
        true,
    );
    let lines = [
        line(2, "notes", "a, \"b\"\nc", "problem-required", false),
        worded,
    ];
    let csv = problems_csv(&lines, Lang::En);
    let arabic = problems_csv(&lines, Lang::Ar);
    // The column names stay English; the problem follows the language.
    assert_eq!(csv.lines().next(), arabic.lines().next());
    assert!(arabic.contains(&Lang::Ar.text("problem-not-whole-people")));
    assert!(!arabic.contains(&lines[1].message()));
    assert!(csv.contains(&lines[1].message()));
    assert!(arabic.contains("row left out"));
    let mut reader = ::csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|record| match record {
            Ok(record) => record.iter().map(str::to_string).collect(),
            Err(error) => panic!("{error}"),
        })
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][2], "a, \"b\"\nc");
    assert_eq!(rows[0][4], "row kept");
    assert_eq!(rows[1][2], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[1][4], "row left out");
}

/// Summaries and problem lines as earlier versions kept them on the device: the format in
/// English words (with `format_said` beside it in later ones), problems with their English
/// `message`, and `said` only when the catalogues worded it.
fn stored_by_an_earlier_version(format: &str) -> String {
    serde_json::json!({
        "file_name": "kept.csv", "size": 10, "fingerprint": "00",
        "format": format,
        "format_said": {"key": "summary-format-acled"},
        "rows_read": 2, "rows_skipped": 1, "rows_warned": 0,
        "problems": [
            {"row": 2, "column": "event_date", "value": "x",
             "message": "not a date", "skipped": true},
            {"row": 3, "column": "fatalities", "value": "-1",
             "message": "a negative number of fatalities",
             "said": {"key": "problem-negative-fatalities"}, "skipped": true}
        ]
    })
    .to_string()
}

#[test]
fn summaries_kept_by_earlier_versions_still_open() {
    let formats = [
        ("ACLED export (CSV)", ReadAs::Acled),
        ("UCDP GED (CSV)", ReadAs::Ucdp),
        ("Collection (JSON)", ReadAs::Collection),
        ("CSV table, columns chosen", ReadAs::CsvTable),
        (
            "Spreadsheet, sheet “Events, 2019”, columns chosen",
            ReadAs::Sheet {
                sheet: "Events, 2019".into(),
            },
        ),
    ];
    for (words, code) in formats {
        let summary: ImportSummary = serde_json::from_str(&stored_by_an_earlier_version(words))
            .unwrap_or_else(|error| panic!("{words}: {error}"));
        // The English words they kept are what the English catalogue says of the code.
        assert_eq!(summary.format.said().english(), words);
        assert_eq!(summary.format, code);
        assert_eq!(summary.problems_not_listed, 0);
        let [untold, worded] = summary.problems.as_slice() else {
            panic!("{:?}", summary.problems);
        };
        // A sentence kept in English only stays as it was, marked as English.
        assert_eq!(untold.message(), "not a date");
        assert_eq!(untold.said.key, AS_WRITTEN);
        assert_eq!(
            Lang::Ar.said_parts(&untold.said),
            [SaidPart::Foreign("not a date".into())]
        );
        assert_eq!(worded.said, Said::new("problem-negative-fatalities"));
        // Written back in this version's form, it reads back the same.
        let text = serde_json::to_string(&summary).unwrap_or_default();
        assert!(!text.contains("\"message\""), "{text}");
        assert_eq!(
            serde_json::from_str::<ImportSummary>(&text).ok(),
            Some(summary)
        );
    }
    // Words that name no format are kept and shown as they were.
    let other: ImportSummary = serde_json::from_str(&stored_by_an_earlier_version("Some table"))
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        Lang::Ar.said_parts(&other.format.said()),
        [SaidPart::Foreign("Some table".into())]
    );
}

#[test]
fn a_summary_carries_codes_and_no_english() {
    let summary = ImportSummary {
        file_name: "events.xlsx".into(),
        size: 10,
        fingerprint: "00".into(),
        format: ReadAs::Sheet {
            sheet: "2019".into(),
        },
        rows_read: 1,
        rows_skipped: 1,
        rows_warned: 0,
        problems: vec![line(2, "date", "x", "problem-not-a-table-date", true)],
        problems_not_listed: 0,
    };
    let text = serde_json::to_string(&WorkerMessage::Done(summary.clone())).unwrap_or_default();
    assert!(
        text.contains(r#""format":{"kind":"sheet","sheet":"2019"}"#),
        "{text}"
    );
    for english in [
        summary.format.said().english(),
        summary.problems[0].message(),
    ] {
        assert!(!text.contains(&english), "{english} in {text}");
    }
    assert_eq!(
        serde_json::from_str::<WorkerMessage>(&text).ok(),
        Some(WorkerMessage::Done(summary))
    );
}

#[test]
fn the_collection_id_comes_from_the_fingerprint_and_is_a_valid_id() {
    let id = collection_id_of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    assert_eq!(id, "file-9f86d081884c");
    assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    // The id a table is read under until then: as long as every file's (so that a
    // rename leaves the packed texts as they are), a valid id, and none of theirs.
    assert_eq!(PROVISIONAL_COLLECTION_ID.len(), id.len());
    assert!(crate::core::validate::is_collection_id(
        PROVISIONAL_COLLECTION_ID
    ));
    let digits = PROVISIONAL_COLLECTION_ID.trim_start_matches("file-");
    assert!(!digits.bytes().any(|b| b.is_ascii_hexdigit()));
}

#[test]
fn a_table_takes_its_files_id_and_a_collection_file_its_own() {
    let summary = |format: ReadAs| ImportSummary {
        file_name: "mine.csv".into(),
        size: 1,
        fingerprint: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        format,
        rows_read: 1,
        rows_skipped: 0,
        rows_warned: 0,
        problems: Vec::new(),
        problems_not_listed: 0,
    };
    for format in [
        ReadAs::Acled,
        ReadAs::Ucdp,
        ReadAs::CsvTable,
        ReadAs::Sheet {
            sheet: "2019".into(),
        },
    ] {
        assert_eq!(
            summary(format).collection_id().as_deref(),
            Some("file-9f86d081884c")
        );
    }
    assert_eq!(summary(ReadAs::Collection).collection_id(), None);
}

#[test]
fn renaming_a_collection_renames_its_record_ids() {
    let mut dataset = dataset_of("file");
    rename_collection(&mut dataset, "file-0123456789ab");
    assert_eq!(dataset.collection.id, "file-0123456789ab");
    let ids: Vec<String> = dataset.events.iter().map(|e| e.id).collect();
    assert_eq!(ids, ["file-0123456789ab:SYR1", "file-0123456789ab:SYR2:b"]);
}

#[test]
fn renaming_a_checked_collection_renames_its_table_and_problems() {
    let dataset = dataset_of(PROVISIONAL_COLLECTION_ID);
    let table = crate::core::table::TableBuilder::new(std::slice::from_ref(&dataset))
        .build(std::slice::from_ref(&dataset));
    let problem = |record: &str| crate::core::validate::Problem {
        severity: crate::core::validate::Severity::Warning,
        file: "mine.csv".into(),
        record: Some(record.into()),
        field: None,
        message: "m".into(),
        said: None,
    };
    let mut loaded = crate::core::validate::Loaded {
        file: "mine.csv".into(),
        dataset,
        problems: vec![
            problem(&format!("{PROVISIONAL_COLLECTION_ID}:SYR1")),
            problem("event #3"),
        ],
        skipped: 0,
        table: Some(crate::core::table::TablePart {
            table,
            place_names: Default::default(),
        }),
    };
    rename_loaded(&mut loaded, "file-0123456789ab");
    assert_eq!(loaded.dataset.collection.id, "file-0123456789ab");
    assert_eq!(
        loaded.dataset.events.id(1),
        Some("file-0123456789ab:SYR2:b")
    );
    let records: Vec<Option<&str>> = loaded
        .problems
        .iter()
        .map(|p| p.record.as_deref())
        .collect();
    assert_eq!(records, [Some("file-0123456789ab:SYR1"), Some("event #3")]);
    let tables = loaded.table.map(|part| part.table.collection_ids);
    assert_eq!(tables, Some(vec!["file-0123456789ab".to_string()]));
}

/// A collection of id `id` with two events, `<id>:SYR1` and `<id>:SYR2:b`.
fn dataset_of(id: &str) -> crate::core::model::Dataset {
    crate::core::model::Dataset {
        schema_version: crate::core::model::SCHEMA_VERSION,
        collection: crate::core::model::Collection {
            id: id.into(),
            name: "n".into(),
            description: "d".into(),
            version: None,
            license: None,
            attribution: Vec::new(),
            citations: Vec::new(),
        },
        sources: Vec::new(),
        parties: Vec::new(),
        dyads: Vec::new(),
        events: vec![
            crate::core::table::test_data::ev(&format!("{id}:SYR1"), "2020-01-01").0,
            crate::core::table::test_data::ev(&format!("{id}:SYR2:b"), "2020-01-02").0,
        ]
        .into(),
        figures: Vec::new(),
    }
}

#[test]
fn messages_round_trip_as_json() {
    let message = WorkerMessage::Progress {
        rows: 4096,
        bytes: 1 << 20,
        total: 1 << 24,
    };
    let text = serde_json::to_string(&message).unwrap_or_default();
    assert!(text.contains("\"kind\":\"progress\""));
    assert_eq!(
        serde_json::from_str::<WorkerMessage>(&text).ok(),
        Some(message)
    );
}

#[test]
fn checking_messages_round_trip_as_json() {
    let refused = WorkerMessage::Refused {
        problems: vec![Problem::said(
            crate::core::validate::Severity::Error,
            "export.csv",
            Some("e1".into()),
            Some("date".into()),
            Said::new("problem-not-iso-date"),
        )],
    };
    for message in [
        refused,
        WorkerMessage::Stored,
        WorkerMessage::Checked,
        WorkerMessage::Checking { share: 0.5 },
    ] {
        let text = serde_json::to_string(&message).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<WorkerMessage>(&text).ok(),
            Some(message)
        );
    }
    for message in [
        PageMessage::Gazetteer,
        PageMessage::Check {
            file_name: "export.csv".into(),
        },
        PageMessage::Lines { share: 0.25 },
        PageMessage::LinesEnd {
            collection_id: Some("file-0123456789ab".into()),
        },
        PageMessage::LinesEnd {
            collection_id: None,
        },
    ] {
        let text = serde_json::to_string(&message).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<PageMessage>(&text).ok(),
            Some(message)
        );
    }
}
