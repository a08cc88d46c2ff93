//! The import's sentences in the interface's languages: every message key the importers, the
//! worker and the page's file messages ask for is in both catalogues; the English catalogue
//! gives the sentences the command line printed before; and a file's problems read in Arabic
//! with the file's values and column names kept as the file writes them.

use std::collections::BTreeSet;

use incident_explorer::core::date::Day;
use incident_explorer::core::i18n::{keys, Lang, Said, AR_FTL, EN_FTL};
use incident_explorer::core::import::mapped;
use incident_explorer::core::import::message::{ProblemLine, WorkerMessage, AS_WRITTEN};
use incident_explorer::core::import::{sniff, ucdp, FileInfo, Format, ImportError};
use incident_explorer::core::validate;

/// The prefixes of the keys of the import's sentences ("## File import and checking").
const PREFIXES: [&str; 21] = [
    "adding-",
    "kept-",
    "store-",
    "save-",
    "removed-",
    "export-",
    "import-",
    "looks-",
    "format-",
    "workbook-",
    "reading-",
    "summary-format-",
    "mapping-missing-",
    "mapping-no-such",
    "mapping-column-twice",
    "problem-",
    "open-",
    "reader-",
    "worker-",
    "encoding-",
    "load-",
];

/// The sources that word these sentences.
const SOURCES: [&str; 31] = [
    "src/ui/app.rs",
    "src/ui/adding.rs",
    "src/ui/device_store.rs",
    "src/core/import/mod.rs",
    "src/core/import/acled.rs",
    "src/core/import/acled_fields.rs",
    "src/core/date.rs",
    "src/core/catalog.rs",
    "src/core/import/csv_rows.rs",
    "src/core/import/mapped.rs",
    "src/core/import/spreadsheet.rs",
    "src/core/import/table_mapping.rs",
    "src/core/query.rs",
    "src/bin/import_worker/main.rs",
    "src/bin/import_worker/check.rs",
    "src/ui/check_client.rs",
    "src/ui/open_file.rs",
    "src/ui/import_client.rs",
    "src/ui/column_mapping.rs",
    "src/ui/your_data.rs",
    "src/core/export.rs",
    "src/core/import/ucdp.rs",
    "src/core/import/ucdp_check.rs",
    "src/core/import/ucdp_fields.rs",
    "src/core/import/ucdp_columns.rs",
    "src/core/import/ucdp_actors.rs",
    "src/core/validate.rs",
    "src/core/validate/steps.rs",
    "src/core/import/text_decoding.rs",
    "src/ui/loader.rs",
    "src/ui/error_panel.rs",
];

/// Every string literal of `source` (between two `"` on one line, no escapes needed here); in
/// the page's sources, whose literals are also class names and test ids, only the keys given to
/// `Said::new`.
fn literals(source: &str, page: bool) -> Vec<String> {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| {
            let parts: Vec<&str> = line.split('"').collect();
            parts
                .iter()
                .enumerate()
                .skip(1)
                .step_by(2)
                .filter(|(index, _)| !page || parts[index - 1].ends_with("Said::new("))
                .map(|(_, literal)| literal.to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn source(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

#[test]
fn every_key_the_import_asks_for_is_in_both_catalogues() {
    let en = keys(EN_FTL);
    let ar = keys(AR_FTL);
    let asked: BTreeSet<String> = SOURCES
        .iter()
        .flat_map(|path| literals(&source(path), path.starts_with("src/ui/")))
        .filter(|literal| {
            PREFIXES.iter().any(|prefix| literal.starts_with(prefix))
                && literal.len() > 6
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !literal.ends_with('-')
        })
        .collect();
    // The scan finds the keys: a scan that found none would prove nothing.
    assert!(asked.len() > 60, "{asked:?}");
    let missing_en: Vec<&String> = asked.iter().filter(|key| !en.contains(*key)).collect();
    let missing_ar: Vec<&String> = asked.iter().filter(|key| !ar.contains(*key)).collect();
    assert!(missing_en.is_empty(), "not in English: {missing_en:?}");
    assert!(missing_ar.is_empty(), "not in Arabic: {missing_ar:?}");
}

/// Arabic text: at least one letter of the Arabic block, and no key left unresolved.
fn assert_arabic(said: &Said) -> String {
    let arabic = Lang::Ar.said(said);
    for key in said.keys() {
        assert!(!arabic.contains(&key), "{key} unresolved in {arabic}");
    }
    assert!(
        arabic
            .chars()
            .any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
        "{arabic}"
    );
    arabic
}

fn info() -> FileInfo {
    FileInfo {
        collection_id: "file-0123456789ab".into(),
        file_name: "sheet.csv".into(),
        today: Day::from_ymd(2026, 11, 30).unwrap_or_default(),
    }
}

#[test]
fn a_files_problems_read_in_arabic_with_its_values_verbatim() {
    let header = "Date;End date;Governorate;Village;Killed;Description";
    let rows = [
        "2019-03-04;;Idlib;Kafr Nabl;a few;Shelling of the market",
        "2019-03-05;2019-03-01;Idlib;Saraqib;2;Airstrike",
        "2019-03-06;;Idleb-x;Ariha;1;",
        "2019-03-07;;;;3;Shelling",
        "2019-03-08;;Idlib",
    ];
    let text = format!("{header}\n{}\n", rows.join("\n"));
    let preview = mapped::preview_csv(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    // How the table was read, in both languages, the encoding's name kept.
    let reading = preview.reading.clone();
    assert_eq!(reading.english(), "UTF-8, separated by semicolons");
    assert!(assert_arabic(&reading).contains("UTF-8"));
    // The encoding's name is a message of its own: its identifier kept, isolated, in Arabic.
    assert!(
        Lang::Ar.said(&reading).contains("\u{2068}UTF-8\u{2069}"),
        "{}",
        Lang::Ar.said(&reading)
    );

    let imported = mapped::import_csv(text.as_bytes(), &preview.guess, &info(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<ProblemLine> = imported.problems.iter().map(ProblemLine::from).collect();
    let said_of = |key: &str| {
        lines
            .iter()
            .find(|line| line.said.key == key)
            .unwrap_or_else(|| panic!("no {key} in {lines:#?}"))
    };
    // The sentences the command line printed before, word for word.
    let count = said_of("problem-not-whole-people");
    assert_eq!(
        count.to_string(),
        "row 2 / Killed / a few: not a whole number of people"
    );
    let end = said_of("problem-before-start");
    assert_eq!(end.message(), "before the start date 2019-03-05");
    assert_eq!(end.value, rows[1].split(';').nth(1).unwrap_or_default());
    said_of("problem-governorate-unknown-rows");
    said_of("problem-no-place");
    let shape = said_of("problem-field-count");
    let fields = rows[4].split(';').count();
    assert_eq!(
        shape.message(),
        format!("{fields} fields where the header has 6; the row was skipped")
    );
    for line in &lines {
        let said = &line.said;
        assert_ne!(said.key, AS_WRITTEN, "not worded: {line}");
        assert_eq!(Lang::En.said(said), line.message());
        let arabic = assert_arabic(said);
        // A value from the file placed in the sentence stays as the file writes it.
        if said.key == "problem-before-start" {
            assert!(arabic.contains("2019-03-05"), "{arabic}");
        }
        // The line crosses the worker's boundary as JSON with its message key.
        let json = serde_json::to_string(line).unwrap_or_default();
        let back: Option<ProblemLine> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(line));
    }
}

#[test]
fn why_a_file_cannot_be_read_reads_in_both_languages() {
    let errors = [
        sniff("empty.csv", b"   ").err(),
        sniff("report.pdf", b"%PDF-1.7\n").err(),
        sniff("list.json", b"[1, 2]").err(),
        sniff("notes.txt", b"just some words\nno table here\n").err(),
        Some(ImportError::MissingColumns {
            format: Format::Acled,
            columns: vec!["event_date".into(), "fatalities".into()],
        }),
        Some(ImportError::MissingColumns {
            format: Format::UcdpGed,
            columns: vec!["date_start".into()],
        }),
        Some(ImportError::Unsupported(Format::Spreadsheet)),
        Some(ImportError::Read("broken pipe".into())),
    ];
    assert!(errors.iter().all(Option::is_some), "{errors:?}");
    for error in errors.into_iter().flatten() {
        let said = error.said();
        assert_eq!(error.to_string(), Lang::En.said(&said));
        let arabic = assert_arabic(&said);
        if let ImportError::MissingColumns { columns, .. } = &error {
            for column in columns {
                assert!(arabic.contains(column.as_str()), "{arabic}");
            }
        }
        // The worker's message carries the key, and the page words it in either language.
        let message = WorkerMessage::Failed { said: said.clone() };
        let json = serde_json::to_string(&message).unwrap_or_default();
        assert!(json.contains(&*said.key), "{json}");
        assert_eq!(
            serde_json::from_str::<WorkerMessage>(&json).ok(),
            Some(message)
        );
    }
    // The English sentences the command line printed before.
    let columns = ImportError::MissingColumns {
        format: Format::Acled,
        columns: vec!["event_date".into(), "fatalities".into()],
    };
    assert_eq!(
        columns.to_string(),
        format!(
            "This looks like {}, but its header lacks the columns event_date, fatalities.",
            Format::Acled.label()
        )
    );
    assert_eq!(Format::Acled.label(), "an ACLED export");
    assert_eq!(ImportError::Empty.to_string(), "The file is empty.");
}

#[test]
fn what_the_mapping_step_lacks_reads_in_both_languages() {
    let preview = mapped::preview_csv(&b"Notes,Other\nx,y\n"[..]).unwrap_or_else(|e| panic!("{e}"));
    let missing = preview.guess.missing(true, preview.header.len());
    let english: Vec<String> = missing.iter().map(Said::english).collect();
    assert!(english.contains(&"Choose the column that holds the date.".to_string()));
    for said in &missing {
        assert_arabic(said);
    }
}

/// Every problem line is worded by the catalogues, reads the same in English as the line's
/// English message, and reads in Arabic with every key resolved.
fn assert_worded(lines: &[ProblemLine]) {
    assert!(!lines.is_empty());
    for line in lines {
        let said = &line.said;
        assert_ne!(said.key, AS_WRITTEN, "not worded: {line}");
        assert_eq!(Lang::En.said(said), line.message());
        assert_arabic(said);
    }
}

/// The GED file's header and its first row, as fields, from the bundled raw file.
fn ged_header_and_row() -> (Vec<String>, Vec<String>) {
    let path = format!(
        "{}/data/raw/ucdp/ged_syria_2016-2019.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut reader = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    let row: Vec<String> = reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .unwrap_or_default();
    (header, row)
}

#[test]
fn a_ucdp_files_problems_read_in_arabic() {
    let (header, row) = ged_header_and_row();
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let id: u64 = row[at("id")].parse().unwrap_or_default();
    // One row per problem, each a copy of the first row with an id of its own.
    let changes: Vec<Vec<(&str, String)>> = vec![
        vec![],
        vec![("id", id.to_string())],
        vec![("best", "-3".into())],
        vec![("deaths_a", "many".into())],
        vec![("type_of_violence", "9".into())],
        vec![("date_prec", "8".into())],
        vec![("date_start", "2019-02-30".into())],
        vec![("date_end", "1999-01-01".into())],
        vec![("latitude", "95".into())],
        vec![("side_a", "Brigade of Nowhere".into())],
        vec![("adm_1", "Atlantis".into())],
        vec![
            ("best", "0".into()),
            ("low", "0".into()),
            ("high", "0".into()),
        ],
        vec![("low", "9".into())],
        vec![
            ("source_headline", String::new()),
            ("source_article", String::new()),
        ],
        vec![("country", "Lebanon".into())],
    ];
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(&header);
    for (offset, change) in changes.iter().enumerate() {
        let mut fields = row.clone();
        if offset > 0 {
            fields[at("id")] = (id + 1_000_000 + offset as u64).to_string();
        }
        for (name, value) in change {
            fields[at(name)] = value.clone();
        }
        let _ = writer.write_record(&fields);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let shapes = ucdp::governorate_shapes().unwrap_or_else(|e| panic!("{e}"));
    let imported =
        ucdp::import(&bytes[..], &info(), &shapes, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<ProblemLine> = imported.problems.iter().map(ProblemLine::from).collect();
    // Each changed row (the first is unchanged) has at least one problem.
    let rows: BTreeSet<u64> = lines.iter().map(|line| line.row).collect();
    assert_eq!(rows.len(), changes.len() - 1, "{lines:#?}");
    assert_worded(&lines);
    // The sentences the command line printed before, word for word.
    let message_of = |key: &str| {
        lines
            .iter()
            .find(|line| line.said.key == key)
            .map(ProblemLine::message)
            .unwrap_or_else(|| panic!("no {key} in {lines:#?}"))
    };
    assert_eq!(
        message_of("problem-same-id"),
        format!("the same id as row 2; this row was skipped")
    );
    assert_eq!(
        message_of("problem-ucdp-negative-deaths"),
        "a negative number of deaths"
    );
    assert_eq!(
        message_of("problem-ucdp-not-whole-deaths"),
        "not a whole number of deaths"
    );
    assert_eq!(message_of("problem-one-to"), "must be 1 to 5");
    assert_eq!(
        message_of("problem-ucdp-before-start"),
        format!("before date_start {}", row[at("date_start")])
    );
    assert_eq!(
        message_of("problem-degrees-range"),
        "not between -90 and 90 degrees"
    );
    // A group's name in the sentence is the actor's label, in the reader's language.
    let group = lines
        .iter()
        .find_map(|line| Some(&line.said).filter(|s| s.key == "problem-ucdp-unknown-group"))
        .unwrap_or_else(|| panic!("no unknown group in {lines:#?}"));
    assert!(
        !Lang::Ar.said(group).contains("Other"),
        "{}",
        Lang::Ar.said(group)
    );
}

#[test]
fn a_collection_files_problems_read_in_arabic() {
    let folder = format!("{}/tests/fixtures/hostile", env!("CARGO_MANIFEST_DIR"));
    let mut seen = BTreeSet::new();
    let entries = std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{folder}: {e}"));
    for entry in entries.flatten() {
        let path = entry.path();
        let bytes = std::fs::read(&path).unwrap_or_default();
        let name = path.display().to_string();
        let problems = match validate::load(&name, &bytes) {
            Ok(loaded) => loaded.problems,
            Err(problems) => problems,
        };
        let lines: Vec<ProblemLine> = problems.iter().map(ProblemLine::from).collect();
        if lines.is_empty() {
            continue;
        }
        assert_worded(&lines);
        for (problem, line) in problems.iter().zip(&lines) {
            // The command line's line is unchanged: its message is the English sentence.
            assert!(problem.to_string().ends_with(&line.message()), "{problem}");
            seen.insert(line.said.key.to_string());
        }
    }
    // The fixtures reach many of the checker's sentences, so this proves something.
    assert!(seen.len() > 15, "{seen:?}");
}
