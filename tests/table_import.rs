//! The mapped import of any table (a monitor's own sheet saved as CSV, with semicolons, tabs,
//! UTF-16, day-first dates): the guess, the preview and every row read with the mapping. Every
//! expected figure is computed from the rows the test wrote, and every collection is
//! serialised and loaded with `core::validate` as the page loads it.

use incident_explorer::core::date::Day;
use incident_explorer::core::import::mapped::{self, TablePreview};
use incident_explorer::core::import::table_mapping::{DateOrder, Field, Mapping};
use incident_explorer::core::import::{acled, sniff, FileInfo, Format, ImportError, Imported};
use incident_explorer::core::model::DatePrecision;
use incident_explorer::core::validate::{self, Severity};
use incident_explorer::core::vocab::{Actor, CasualtyGroup, EventKind, Governorate, Role};

const HEADER: [&str; 10] = [
    "Date",
    "Governorate",
    "Village",
    "Latitude",
    "Longitude",
    "Perpetrator",
    "Type of attack",
    "Killed",
    "Civilians killed",
    "Description",
];

/// A monitor's rows: day-first dates, Arabic and English, empty cells.
fn rows() -> Vec<[&'static str; 10]> {
    vec![
        [
            "04/03/2019",
            "Idlib",
            "Kafr Nabl",
            "35.61",
            "36.56",
            "Russian forces",
            "Airstrike",
            "5",
            "4",
            "Warplanes struck the market; five killed, four of them civilians.",
        ],
        [
            "25/03/2019",
            "إدلب",
            "معرة النعمان",
            "",
            "",
            "قوات النظام",
            "قصف مدفعي",
            "2",
            "2",
            "قصف مدفعي على الأحياء السكنية",
        ],
        [
            "01/04/2019",
            "Hama",
            "Kafr Zita",
            "35.37",
            "36.60",
            "Syrian government forces; Russian forces",
            "Barrel bomb",
            "1,200",
            "",
            "A line with a \"quote\", a comma; and a semicolon.",
        ],
        [
            "12/04/2019",
            "Rural Damascus",
            "Douma",
            "",
            "",
            "",
            "Chemical attack",
            "",
            "",
            "",
        ],
        [
            "2019-05",
            "",
            "",
            "35.13",
            "36.75",
            "Unknown",
            "Protest",
            "0",
            "0",
            "Coordinates only, and a month.",
        ],
    ]
}

fn info() -> FileInfo {
    FileInfo {
        collection_id: "file-test".into(),
        file_name: "monitor sheet.csv".into(),
        today: Day::from_ymd(2026, 6, 1).unwrap_or_default(),
    }
}

/// The rows as CSV text separated by `delimiter`, quoting what needs it.
fn csv_text(header: &[&str], rows: &[Vec<String>], delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    writer.write_record(header).unwrap_or_default();
    for row in rows {
        writer.write_record(row).unwrap_or_default();
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn owned(rows: &[[&str; 10]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

fn preview(bytes: &[u8]) -> TablePreview {
    mapped::preview_csv(bytes).unwrap_or_else(|error| panic!("{error}"))
}

fn import(bytes: &[u8], mapping: &Mapping) -> Imported {
    mapped::import_csv(bytes, mapping, &info(), &mut |_| {})
        .unwrap_or_else(|error| panic!("{error}"))
}

/// Serialises the collection and loads it as the page does: whole, no errors.
fn assert_loads(imported: &Imported) {
    let bytes = serde_json::to_vec(&imported.dataset).unwrap_or_default();
    let loaded = validate::load("import.json", &bytes)
        .unwrap_or_else(|problems| panic!("rejected: {problems:?}"));
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(loaded.dataset.events.len(), imported.dataset.events.len());
}

fn total(imported: &Imported, group: CasualtyGroup) -> u64 {
    imported
        .dataset
        .events
        .to_vec()
        .iter()
        .flat_map(|event| &event.casualties)
        .filter(|c| c.group == group)
        .filter_map(|c| c.best)
        .sum()
}

/// The sum of a column of the test's rows, as whole numbers with thousands separators.
fn column_sum(rows: &[[&str; 10]], column: usize) -> u64 {
    rows.iter()
        .filter_map(|row| row[column].replace(',', "").parse::<u64>().ok())
        .sum()
}

#[test]
fn a_semicolon_table_with_day_first_dates_is_guessed_and_read_whole() {
    let rows = rows();
    let text = csv_text(&HEADER, &owned(&rows), b';');
    assert_eq!(sniff("sheet.csv", text.as_bytes()), Ok(Format::OtherCsv));
    let preview = preview(text.as_bytes());
    assert_eq!(preview.header, HEADER);
    assert_eq!(preview.sample.len(), rows.len());
    assert!(
        preview.reading.english().contains("semicolons"),
        "{}",
        preview.reading.english()
    );
    let guess = preview.guess.clone();
    for (field, column) in [
        (Field::Date, 0),
        (Field::Governorate, 1),
        (Field::Place, 2),
        (Field::Latitude, 3),
        (Field::Longitude, 4),
        (Field::Actor1, 5),
        (Field::Kind, 6),
        (Field::Deaths, 7),
        (Field::Civilians, 8),
        (Field::Summary, 9),
    ] {
        assert_eq!(guess.column(field), Some(column), "{field:?}");
    }
    // 25/03/2019 proves the order: day first.
    assert_eq!(guess.date_order, Some(DateOrder::DayMonthYear));
    assert!(preview.date_evidence(&guess).needs_order);

    let imported = import(text.as_bytes(), &guess);
    assert_loads(&imported);
    assert_eq!(imported.rows_read, rows.len() as u64);
    assert_eq!(imported.rows_skipped, 0, "{:?}", imported.problems);
    assert_eq!(imported.dataset.events.len(), rows.len());
    assert_eq!(total(&imported, CasualtyGroup::All), column_sum(&rows, 7));
    assert_eq!(
        total(&imported, CasualtyGroup::Civilians),
        column_sum(&rows, 8)
    );

    let events = &imported.dataset.events.to_vec();
    let first = &events[0];
    assert_eq!(first.date.start, "2019-03-04");
    assert_eq!(first.kind, EventKind::Airstrike);
    assert_eq!(first.event_type.as_deref(), Some("Airstrike"));
    assert_eq!(first.places[0].governorate, Some(Governorate::Idlib));
    assert_eq!(first.citations[0].quote, rows[0][9]);
    assert_eq!(
        first
            .actors
            .iter()
            .map(|a| (a.actor, a.role))
            .collect::<Vec<_>>(),
        [(Actor::Russia, Role::Perpetrator)]
    );
    // Arabic governorate and kind.
    assert_eq!(events[1].places[0].governorate, Some(Governorate::Idlib));
    assert_eq!(events[1].kind, EventKind::Shelling);
    // Two perpetrators in one cell; a thousands separator.
    assert_eq!(events[2].actors.len(), 2);
    assert_eq!(events[2].kind, EventKind::BarrelBomb);
    // No deaths written: no figure, not zero.
    assert!(events[3].casualties.is_empty());
    assert_eq!(events[3].kind, EventKind::ChemicalAttack);
    assert!(events[3].citations[0]
        .quote
        .starts_with("[The file gives no description"));
    // A month, placed by its coordinates (in Hama).
    let month = &events[4];
    assert_eq!(
        (
            month.date.start.as_str(),
            month.date.end.as_str(),
            month.date.precision
        ),
        ("2019-05-01", "2019-05-31", DatePrecision::Month)
    );
    assert_eq!(month.places[0].governorate, Some(Governorate::Hama));
    assert_eq!(month.kind, EventKind::Other);
    // The empty description is warned of; nothing else is.
    assert_eq!(imported.rows_warned, 1, "{:?}", imported.problems);
}

#[test]
fn quotes_in_a_semicolon_table_are_told_by_its_semicolons() {
    let mut rows = owned(&rows());
    let last = rows.len() - 1;
    // A semicolon in the last description: the file quotes it. A comma just before its
    // closing quote, at the file's end (no line break after the last row), once made that
    // quote look like one opening a field, never closed.
    rows[last][9] = "Shelling at dawn; houses hit,".to_string();
    let text = csv_text(&HEADER, &rows, b';').trim_end().to_string();
    let guess = preview(text.as_bytes()).guess;
    let whole = import(text.as_bytes(), &guess);
    assert_eq!(
        whole.dataset.events.len(),
        rows.len(),
        "{:?}",
        whole.problems
    );
    assert_eq!(whole.rows_skipped, 0, "{:?}", whole.problems);
    // The file ends inside that quote.
    let closing = text.rfind('"').unwrap_or_default();
    let broken = format!("{}{}", &text[..closing], &text[closing + 1..]);
    let imported = import(broken.as_bytes(), &guess);
    assert_eq!(
        imported.dataset.events.len(),
        last,
        "{:?}",
        imported.problems
    );
    let texts: Vec<String> = imported.problems.iter().map(ToString::to_string).collect();
    let row = last + 2;
    assert!(
        texts.iter().any(|text| text.starts_with(&format!(
            "row {row}: a quote opened in this row is never closed"
        ))),
        "{texts:?}"
    );
}

#[test]
fn utf16_and_tabs_read_as_utf8_and_commas_do() {
    let rows = owned(&rows());
    let comma = csv_text(&HEADER, &rows, b',');
    let tab = utf16le(&csv_text(&HEADER, &rows, b'\t'));
    assert_eq!(sniff("sheet.txt", &tab), Ok(Format::OtherCsv));
    let from_tab = preview(&tab);
    assert!(
        from_tab.reading.english().starts_with("UTF-16"),
        "{}",
        from_tab.reading.english()
    );
    assert_eq!(from_tab.header, preview(comma.as_bytes()).header);
    assert_eq!(from_tab.sample, preview(comma.as_bytes()).sample);
    let a = import(comma.as_bytes(), &from_tab.guess);
    let b = import(&tab, &from_tab.guess);
    assert_eq!(a.dataset.events, b.dataset.events);
    // The same without its byte order mark, as some programs save UTF-16.
    let unmarked = tab.get(2..).unwrap_or_default();
    assert_eq!(sniff("sheet.txt", unmarked), Ok(Format::OtherCsv));
    let from_unmarked = preview(unmarked);
    assert!(
        from_unmarked.reading.english().starts_with("UTF-16"),
        "{}",
        from_unmarked.reading.english()
    );
    assert_eq!(from_unmarked.header, from_tab.header);
    let c = import(unmarked, &from_unmarked.guess);
    assert_eq!(a.dataset.events, c.dataset.events);
}

#[test]
fn ambiguous_dates_are_never_read_in_a_guessed_order() {
    let header = ["date", "place", "killed"];
    let rows: Vec<Vec<String>> = [["03/04/2019", "Idlib", "1"], ["05/06/2019", "Aleppo", "2"]]
        .iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect();
    let text = csv_text(&header, &rows, b',');
    let preview = preview(text.as_bytes());
    assert_eq!(preview.guess.date_order, None);
    assert!(preview.date_evidence(&preview.guess).needs_order);
    assert!(!preview.guess.missing(true, header.len()).is_empty());
    // Imported anyway without an order, every row is skipped and says why.
    let unordered = import(text.as_bytes(), &preview.guess);
    assert_eq!(unordered.rows_skipped, rows.len() as u64);
    assert!(unordered.problems[0].message().contains("choose the order"));
    // Each order reads them its way.
    for (order, first) in [
        (DateOrder::DayMonthYear, "2019-04-03"),
        (DateOrder::MonthDayYear, "2019-03-04"),
    ] {
        let mapping = Mapping {
            date_order: Some(order),
            ..preview.guess.clone()
        };
        let imported = import(text.as_bytes(), &mapping);
        assert_eq!(
            imported.dataset.events.to_vec()[0].date.start,
            first,
            "{order:?}"
        );
    }
}

#[test]
fn each_broken_cell_skips_its_row_and_names_it() {
    let header = [
        "id",
        "date",
        "end date",
        "place",
        "governorate",
        "lat",
        "lon",
        "low",
        "best",
        "high",
    ];
    let good = [
        "a1",
        "2019-03-04",
        "",
        "Saraqib",
        "Idlib",
        "35.86",
        "36.8",
        "1",
        "2",
        "3",
    ];
    let broken: Vec<(usize, &str, &str)> = vec![
        (1, "2019-02-30", "day 30"),
        (1, "0025-01-01", "before 1900"),
        (1, "2031-01-01", "after 2027"),
        (2, "2019-03-01", "before the start date"),
        (5, "95", "between -90 and 90"),
        (7, "5", "above the higher estimate"),
        (8, "-2", "negative"),
        (8, "a few", "not a whole number"),
        (0, "a1", "the same id as row 2"),
        (0, "a b", "cannot be part of a link"),
    ];
    let mut rows = vec![good.map(str::to_string).to_vec()];
    for (index, (column, value, _)) in broken.iter().enumerate() {
        let mut row = good.map(str::to_string).to_vec();
        row[0] = format!("b{index}");
        row[*column] = value.to_string();
        rows.push(row);
    }
    // A row with nowhere, and a ragged row.
    let mut nowhere = good.map(str::to_string).to_vec();
    nowhere[0] = "c1".into();
    for column in [3, 4, 5, 6] {
        nowhere[column] = String::new();
    }
    rows.push(nowhere);
    let mut text = csv_text(&header, &rows, b',');
    text.push_str("c2,2019-03-04\n");
    let preview = preview(text.as_bytes());
    let mut mapping = preview.guess.clone();
    mapping.columns.insert(Field::DeathsLow, 7);
    mapping.columns.insert(Field::DeathsHigh, 9);
    assert_eq!(mapping.column(Field::Id), Some(0));
    assert_eq!(mapping.column(Field::EndDate), Some(2));
    assert_eq!(mapping.column(Field::Deaths), Some(8));
    let imported = import(text.as_bytes(), &mapping);
    assert_loads(&imported);
    let skipped = broken.len() as u64 + 2;
    assert_eq!(imported.rows_read, rows.len() as u64 + 1);
    assert_eq!(imported.rows_skipped, skipped, "{:#?}", imported.problems);
    assert_eq!(imported.dataset.events.len(), 1);
    for (index, (_, value, says)) in broken.iter().enumerate() {
        let row = index as u64 + 3;
        let problem = imported
            .problems
            .iter()
            .find(|p| p.row == row && p.severity == Severity::Error)
            .unwrap_or_else(|| panic!("no error for row {row} ({value})"));
        assert!(problem.message().contains(says), "row {row}: {problem}");
    }
    let messages: Vec<String> = imported.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        messages.iter().any(|m| m.contains("no place")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("2 fields where the header has 10")),
        "{messages:?}"
    );
    // The kept row's range.
    let kept = &imported.dataset.events.to_vec()[0].casualties[0];
    assert_eq!(
        (kept.low, kept.best, kept.high),
        (Some(1), Some(2), Some(3))
    );
}

#[test]
fn an_unknown_governorate_is_placed_by_its_point_and_said_once() {
    let header = ["date", "governorate", "lat", "lon"];
    let rows: Vec<Vec<String>> = [
        ["2019-03-04", "Idleb province", "35.9", "36.6"],
        ["2019-03-05", "Idlibb", "35.9", "36.6"],
        ["2019-03-06", "Hatay", "", ""],
        ["2019-03-07", "Hatay", "", ""],
    ]
    .iter()
    .map(|row| row.iter().map(|c| c.to_string()).collect())
    .collect();
    let text = csv_text(&header, &rows, b',');
    let imported = import(text.as_bytes(), &preview(text.as_bytes()).guess);
    assert_loads(&imported);
    let governorates: Vec<_> = imported
        .dataset
        .events
        .to_vec()
        .iter()
        .map(|e| e.places[0].governorate)
        .collect();
    assert_eq!(
        governorates,
        [
            Some(Governorate::Idlib),
            Some(Governorate::Idlib),
            None,
            None
        ]
    );
    let warnings: Vec<String> = imported.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("placed in a governorate by its coordinates"));
    let hatay = rows.iter().filter(|row| row[1] == "Hatay").count();
    assert!(warnings[1].contains("Hatay"));
    assert!(
        warnings[1].contains(&format!("{hatay} rows, said once")),
        "{warnings:?}"
    );
}

#[test]
fn a_mapping_without_a_date_is_refused_whole() {
    let text = "place,killed\nIdlib,3\n";
    let mapping = preview(text.as_bytes()).guess;
    let error = mapped::import_csv(text.as_bytes(), &mapping, &info(), &mut |_| {}).err();
    assert!(
        matches!(&error, Some(ImportError::NotADataset(reason)) if reason.english().contains("date")),
        "{error:?}"
    );
    assert_eq!(
        mapped::preview_csv("date,place\n".as_bytes()).err(),
        Some(ImportError::HeaderOnly)
    );
}

#[test]
fn an_acled_export_saved_as_utf16_now_imports() {
    let header = acled::REQUIRED.join("\t");
    let row = "SYR1\t2019-03-04\tBattles\tArmed clash\tMilitary Forces of Syria (2000-2024)\tKafr Nabl\t35.61\t36.56\t3\tClashes.\tIdleb";
    let bytes = utf16le(&format!("{header}\n{row}\n"));
    assert_eq!(sniff("export.csv", &bytes), Ok(Format::Acled));
    let imported = acled::import(bytes.as_slice(), &info(), &mut |_| {})
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(imported.dataset.events.len(), 1, "{:?}", imported.problems);
    assert_eq!(total(&imported, CasualtyGroup::All), 3);
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them_and_empty_rows_pass_over() {
    // Row 2 spans two lines inside quotes (still one row); rows 3 and 4 are blank lines; row 5
    // is separators only (an empty spreadsheet row); row 6 ends in a stray separator; row 7
    // has a bad count.
    let text = "id,date,place,lat,lon,killed\n\
                a,2019-03-04,\"Kafr\nNabl\",\"35,61\",\"36,56\",1\n\
                \n\
                \n\
                ,,,,,\n\
                b,٢٠١٩-٠٣-٠٥,Saraqib,35.86,36.8,2,\n\
                ,20190306,Douma,,,x\n\
                ,20190307,Douma,,,3\n";
    let preview = preview(text.as_bytes());
    let imported = import(text.as_bytes(), &preview.guess);
    assert_loads(&imported);
    assert_eq!(imported.rows_read, 4, "{:?}", imported.problems);
    assert_eq!(imported.rows_skipped, 1);
    let problem = &imported.problems[0];
    assert_eq!(
        (problem.row, problem.column.as_str()),
        (7, "killed"),
        "{problem}"
    );
    let events = &imported.dataset.events.to_vec();
    // A decimal comma is read; an Arabic-Indic date too; an empty id names the row.
    assert_eq!(events[0].places[0].lat, Some(35.61));
    assert_eq!(events[1].date.start, "2019-03-05");
    assert_eq!(events[2].id, "file-test:row-8");
    assert_eq!(total(&imported, CasualtyGroup::All), 1 + 2 + 3);
}

/// A sheet Excel saved as "CSV" on an Arabic Windows (Windows-1256, semicolons, Arabic column
/// names) reads as its UTF-8 copy does; one from a Western Windows (Windows-1252) likewise.
#[test]
fn windows_code_page_files_read_as_their_utf8_copies() {
    let arabic_header = [
        "التاريخ",
        "المحافظة",
        "القرية",
        "خط العرض",
        "خط الطول",
        "الجهة المنفذة",
        "نوع الهجوم",
        "عدد القتلى",
        "القتلى المدنيون",
        "الوصف",
    ];
    let rows = owned(&rows());
    for (header, encoding, label) in [
        (arabic_header, encoding_rs::WINDOWS_1256, "Windows-1256"),
        (HEADER, encoding_rs::WINDOWS_1252, "Windows-1252"),
    ] {
        let text = csv_text(&header, &rows, b';');
        let (bytes, _, unmappable) = encoding.encode(&text);
        if encoding == encoding_rs::WINDOWS_1252 {
            // The Western code page has no Arabic letters: only the rows it can write.
            assert!(unmappable, "the test's rows hold Arabic");
            let mut latin: Vec<Vec<String>> = rows
                .iter()
                .filter(|row| row.iter().all(|cell| cell.is_ascii()))
                .cloned()
                .collect();
            // Accented letters, as a French or German sheet holds.
            latin[0][9] =
                "Frappe aérienne près de l'hôpital, selon Médecins Sans Frontières".into();
            let text = csv_text(&header, &latin, b';');
            let (bytes, _, unmappable) = encoding.encode(&text);
            assert!(!unmappable);
            let utf8 = preview(text.as_bytes());
            let legacy = preview(&bytes);
            assert!(
                legacy.reading.english().starts_with(label),
                "{}",
                legacy.reading.english()
            );
            assert_eq!(legacy.header, utf8.header);
            let a = import(text.as_bytes(), &utf8.guess);
            let b = import(&bytes, &legacy.guess);
            assert_eq!(a.dataset.events, b.dataset.events);
            continue;
        }
        assert!(!unmappable);
        assert_eq!(sniff("sheet.csv", &bytes), Ok(Format::OtherCsv));
        let utf8 = preview(text.as_bytes());
        let legacy = preview(&bytes);
        assert!(
            legacy.reading.english().starts_with(label),
            "{}",
            legacy.reading.english()
        );
        assert_eq!(legacy.header, utf8.header);
        assert_eq!(legacy.sample, utf8.sample);
        assert_eq!(legacy.guess, utf8.guess);
        let a = import(text.as_bytes(), &utf8.guess);
        let b = import(&bytes, &legacy.guess);
        assert!(!a.dataset.events.is_empty());
        assert_eq!(a.dataset.events, b.dataset.events);
        assert_loads(&b);
    }
}
