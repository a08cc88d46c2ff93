//! The ACLED importer and the format sniffer, on CSV text built here. Every expected count
//! (rows, events, deaths) is computed from the rows the test wrote, never typed in, and every
//! imported collection is serialised and checked with `core::validate` as the app would load
//! it.

use std::collections::BTreeMap;

use incident_explorer::core::date::Day;
use incident_explorer::core::import::{acled, sniff, FileInfo, Format, ImportError, Imported};
use incident_explorer::core::model::{DatePrecision, LocationPrecision};
use incident_explorer::core::validate::{self, Severity};
use incident_explorer::core::vocab::{Actor, CasualtyGroup, EventKind, Governorate, Role};

/// The current export layout, in ACLED's order.
const CURRENT: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// The older layout: `data_id`, `event_id_no_cnty`, `iso3`, no `disorder_type` or
/// `civilian_targeting`.
const OLDER: [&str; 31] = [
    "data_id",
    "iso",
    "event_id_cnty",
    "event_id_no_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "timestamp",
    "iso3",
];

type Row = BTreeMap<&'static str, String>;

/// A valid Syrian row with the given id; other fields are set per test.
fn row(id: &str) -> Row {
    let fields: [(&'static str, &str); 31] = [
        ("event_id_cnty", id),
        ("event_date", "2023-01-31"),
        ("year", "2023"),
        ("time_precision", "1"),
        ("disorder_type", "Political violence"),
        ("event_type", "Explosions/Remote violence"),
        ("sub_event_type", "Air/drone strike"),
        ("actor1", "Military Forces of Russia (2000-)"),
        ("assoc_actor_1", ""),
        ("inter1", "8"),
        ("actor2", "Civilians (Syria)"),
        ("assoc_actor_2", "Women (Syria); Health Workers (Syria)"),
        ("inter2", "7"),
        ("interaction", "78"),
        ("civilian_targeting", "Civilian targeting"),
        ("iso", "760"),
        ("region", "Middle East"),
        ("country", "Syria"),
        ("admin1", "Idleb"),
        ("admin2", "Ariha"),
        ("admin3", "Ariha"),
        ("location", "Ariha"),
        ("latitude", "35.8134"),
        ("longitude", "36.6078"),
        ("geo_precision", "1"),
        ("source", "SOHR"),
        ("source_scale", "National"),
        (
            "notes",
            "On 31 January 2023, Russian warplanes struck Ariha.",
        ),
        ("fatalities", "2"),
        ("tags", ""),
        ("timestamp", "1675191965"),
    ];
    fields
        .into_iter()
        .map(|(key, value)| (key, value.to_string()))
        .collect()
}

fn with(mut row: Row, changes: &[(&'static str, &str)]) -> Row {
    for (key, value) in changes {
        row.insert(key, value.to_string());
    }
    row
}

/// CSV text of `rows` under `header` (quoted as the csv crate quotes), with a UTF-8 BOM when
/// `bom`. A row's missing fields are empty; `data_id`... of the older layout come from the id.
fn csv_text(header: &[&str], rows: &[Row], bom: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(header);
    for row in rows {
        let id = row.get("event_id_cnty").cloned().unwrap_or_default();
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        let record: Vec<String> = header
            .iter()
            .map(|column| match *column {
                "data_id" | "event_id_no_cnty" => digits.clone(),
                "iso3" => "SYR".to_string(),
                _ => row.get(column).cloned().unwrap_or_default(),
            })
            .collect();
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    if bom {
        format!("\u{FEFF}{text}")
    } else {
        text
    }
}

fn info() -> FileInfo {
    FileInfo {
        collection_id: "acled-test".into(),
        file_name: "syria export.csv".into(),
        today: Day::from_ymd(2026, 6, 1).unwrap_or_default(),
    }
}

fn import(text: &str) -> Result<Imported, ImportError> {
    acled::import(text.as_bytes(), &info(), &mut |_| {})
}

fn imported(text: &str) -> Imported {
    import(text).unwrap_or_else(|error| panic!("{error}"))
}

/// Serialises the collection and loads it as the app does: it must load whole, no errors.
fn assert_loads(imported: &Imported) {
    let bytes = serde_json::to_vec(&imported.dataset).unwrap_or_default();
    let loaded = validate::load("import.json", &bytes).unwrap_or_else(|problems| {
        panic!("rejected: {problems:?}");
    });
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(loaded.dataset.events.len(), imported.dataset.events.len());
}

fn deaths(imported: &Imported) -> u64 {
    imported
        .dataset
        .events
        .to_vec()
        .iter()
        .flat_map(|event| &event.casualties)
        .filter(|c| c.group == CasualtyGroup::All)
        .filter_map(|c| c.best)
        .sum()
}

fn fatalities_of(rows: &[Row]) -> u64 {
    rows.iter()
        .filter_map(|row| row.get("fatalities")?.parse::<u64>().ok())
        .sum()
}

/// A mixed, valid file: both date styles, both inter forms, notes with quoted line breaks,
/// commas and quotes, Arabic, every event type, a row outside Syria.
fn good_rows() -> Vec<Row> {
    vec![
        row("SYR1"),
        with(
            row("SYR2"),
            &[
                ("event_date", "3 February 2023"),
                ("event_type", "Battles"),
                ("sub_event_type", "Armed clash"),
                ("actor1", "Military Forces of Syria (2000-2024)"),
                ("assoc_actor_1", "NDF: National Defence Forces"),
                ("actor2", "Hayat Tahrir al Sham"),
                ("assoc_actor_2", ""),
                ("inter1", "State Forces"),
                ("inter2", "Rebel Forces"),
                ("interaction", "State Forces-Rebel Forces"),
                ("admin1", "Hama"),
                ("admin2", "As-Suqaylabiyah"),
                ("location", "Kafr Nabudah"),
                ("latitude", "35.4622"),
                ("longitude", "36.4539"),
                ("geo_precision", "2"),
                (
                    "notes",
                    "On 3 February 2023, regime forces, backed by the NDF, clashed with HTS \
                     \"fighters\" near Kafr Nabudah,\nkilling 5.\r\nSOHR said: «٥ قتلى».",
                ),
                ("fatalities", "5"),
            ],
        ),
        with(
            row("SYR3"),
            &[
                ("event_date", "14-March-2023"),
                ("time_precision", "2"),
                ("event_type", "Violence against civilians"),
                ("sub_event_type", "Attack"),
                ("actor1", "Islamic State (Syria)"),
                ("actor2", "Civilians (Syria)"),
                ("inter1", "Political militia"),
                ("inter2", "Civilians"),
                ("admin1", "Deir ez Zor"),
                ("admin2", "Al Mayadin"),
                ("location", "الميادين"),
                ("latitude", "35.0196"),
                ("longitude", "40.4512"),
                (
                    "notes",
                    "هجوم لتنظيم الدولة على مدنيين قرب الميادين، مقتل 3.",
                ),
                ("fatalities", "3"),
            ],
        ),
        with(
            row("SYR4"),
            &[
                ("event_type", "Protests"),
                ("sub_event_type", "Peaceful protest"),
                ("actor1", "Protesters (Syria)"),
                ("actor2", ""),
                ("assoc_actor_2", ""),
                ("admin1", "As-Sweida"),
                ("location", "Suwayda"),
                ("latitude", "32.7089"),
                ("longitude", "36.5695"),
                ("time_precision", "3"),
                ("geo_precision", "3"),
                ("notes", ""),
                ("fatalities", "0"),
            ],
        ),
        with(
            row("SYR5"),
            &[
                ("event_type", "Strategic developments"),
                ("sub_event_type", "Agreement"),
                ("actor1", "Military Forces of Turkey (2002-)"),
                ("actor2", "Military Forces of Russia (2000-)"),
                ("assoc_actor_2", ""),
                ("admin1", "Aleppo"),
                ("location", "Tall Rifat"),
                ("latitude", "36.4697"),
                ("longitude", "37.0972"),
                ("fatalities", "0"),
            ],
        ),
        with(
            row("IRQ6"),
            &[
                ("country", "Iraq"),
                ("admin1", "Ninewa"),
                ("admin2", "Al-Mosul"),
                ("location", "Mosul"),
                ("latitude", "36.3400"),
                ("longitude", "43.1300"),
                ("actor1", "Military Forces of Turkey (2002-)"),
                ("actor2", "PKK: Kurdistan Workers Party"),
                ("assoc_actor_2", ""),
                ("notes", "Turkish drone strike on a vehicle in Mosul."),
                ("fatalities", "1"),
            ],
        ),
    ]
}

#[test]
fn the_current_layout_with_bom_imports_every_row() {
    let rows = good_rows();
    let text = csv_text(&CURRENT, &rows, true);
    let mut calls = Vec::new();
    let result = acled::import(text.as_bytes(), &info(), &mut |p| calls.push(p));
    let imported = result.unwrap_or_else(|error| panic!("{error}"));
    let errors: Vec<String> = imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(imported.format, Format::Acled);
    assert_eq!(imported.rows_read, rows.len() as u64);
    assert_eq!(imported.rows_skipped, 0);
    assert_eq!(imported.dataset.events.len(), rows.len());
    assert_eq!(deaths(&imported), fatalities_of(&rows));
    assert_loads(&imported);
    // The last progress call is at the end: every row, every byte.
    assert_eq!(
        calls.last().map(|p| (p.rows, p.bytes)),
        Some((rows.len() as u64, text.len() as u64))
    );

    let event = |id: &str| {
        imported
            .dataset
            .events
            .iter()
            .find(|e| e.id == format!("acled-test:{id}"))
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    // Notes are the quote, verbatim, line breaks, quotes and Arabic included.
    let clash = event("SYR2");
    assert_eq!(clash.citations[0].quote, rows[1]["notes"].trim());
    assert_eq!(clash.citations[0].reported_by.as_deref(), Some("SOHR"));
    assert_eq!(clash.date.start, "2023-02-03");
    assert_eq!(clash.kind, EventKind::GroundAttack);
    assert_eq!(clash.event_type.as_deref(), Some("Battles"));
    assert_eq!(clash.sub_event_type.as_deref(), Some("Armed clash"));
    assert!(clash.actors.iter().all(|a| a.role == Role::Participant));
    assert_eq!(clash.places[0].governorate, Some(Governorate::Hama));
    assert_eq!(clash.places[0].precision, LocationPrecision::Near);
    let strike = event("SYR1");
    assert_eq!(strike.kind, EventKind::Airstrike);
    assert_eq!(strike.places[0].governorate, Some(Governorate::Idlib));
    assert_eq!(strike.places[0].district.as_deref(), Some("Ariha"));
    let roles: Vec<(Actor, Role)> = strike.actors.iter().map(|a| (a.actor, a.role)).collect();
    // One reference per named party: Civilians, Women and Health Workers are all civilians.
    assert_eq!(
        roles,
        [
            (Actor::Russia, Role::Perpetrator),
            (Actor::Civilians, Role::Target),
            (Actor::Civilians, Role::Target),
            (Actor::Civilians, Role::Target),
        ]
    );
    let attack = event("SYR3");
    assert_eq!(attack.date.start, "2023-03-14");
    assert_eq!(attack.date.end, "2023-03-14");
    assert_eq!(attack.date.precision, DatePrecision::Week);
    assert_eq!(attack.places[0].name, "الميادين");
    assert_eq!(attack.places[0].governorate, Some(Governorate::DeirEzZor));
    assert!(attack
        .casualties
        .iter()
        .any(|c| c.group == CasualtyGroup::Civilians && c.best == Some(3)));
    let protest = event("SYR4");
    assert_eq!(protest.kind, EventKind::Other);
    assert_eq!(protest.date.precision, DatePrecision::Month);
    assert_eq!(protest.places[0].precision, LocationPrecision::Governorate);
    assert_eq!(protest.places[0].governorate, Some(Governorate::AsSuwayda));
    assert!(protest.citations[0]
        .quote
        .starts_with("[ACLED gives no notes"));
    assert_eq!(event("SYR5").kind, EventKind::CeasefireAgreement);
    let outside = event("IRQ6");
    assert_eq!(outside.places[0].governorate, None);
    assert_eq!(outside.places[0].lat, None);
    assert!(outside.summary.contains("Iraq"), "{}", outside.summary);
    // Warnings: the empty notes, and for the row outside Syria its country (once per
    // country) and its point; nothing else.
    let warned: Vec<(u64, &str)> = imported
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        warned,
        [(5, "notes"), (7, "country"), (7, "latitude")],
        "{:?}",
        imported.problems
    );
    assert_eq!(imported.rows_warned, 2);
    // Parties are deduplicated by exact name.
    let mut names: Vec<&str> = imported
        .dataset
        .parties
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count);
    assert!(names.contains(&"Health Workers (Syria)"));
    assert_eq!(imported.dataset.collection.id, "acled-test");
    assert_eq!(
        imported.dataset.sources[0].title,
        "ACLED export: syria export.csv"
    );
}

/// `text` (comma-separated) written again with `delimiter`, as a spreadsheet saves it.
fn with_delimiter(text: &str, delimiter: u8) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for record in reader.records() {
        let record = record.unwrap_or_else(|error| panic!("{error}"));
        writer
            .write_record(&record)
            .unwrap_or_else(|error| panic!("{error}"));
    }
    let bytes = writer
        .into_inner()
        .unwrap_or_else(|error| panic!("{error}"));
    String::from_utf8(bytes).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn semicolons_and_tabs_read_like_commas() {
    let rows = good_rows();
    let text = csv_text(&CURRENT, &rows, false);
    let commas = imported(&text);
    for delimiter in [b';', b'\t'] {
        let other = imported(&with_delimiter(&text, delimiter));
        assert_eq!(other.rows_skipped, 0, "{:?}", other.problems);
        assert_eq!(other.dataset.events, commas.dataset.events);
    }
}

#[test]
fn the_older_layout_imports_the_same_events() {
    let rows = good_rows();
    let current = imported(&csv_text(&CURRENT, &rows, false));
    let older = imported(&csv_text(&OLDER, &rows, false));
    assert_eq!(older.rows_skipped, 0, "{:?}", older.problems);
    // The same events; only the unmapped columns kept as written differ, as the layouts do.
    let mapped = |events: &[incident_explorer::core::model::Event]| {
        let mut events = events.to_vec();
        for event in &mut events {
            if let Some(acled) = &mut event.acled {
                acled.fields.clear();
            }
        }
        events
    };
    assert_eq!(
        mapped(&older.dataset.events.to_vec()),
        mapped(&current.dataset.events.to_vec())
    );
    assert_loads(&older);
}

#[test]
fn header_names_are_trimmed_and_case_insensitive_and_extra_columns_ignored() {
    let rows = vec![row("SYR1")];
    let text = csv_text(&CURRENT, &rows, false);
    let (header, body) = text.split_once('\n').unwrap_or_default();
    let header = header
        .split(',')
        .map(|name| format!(" {} ", name.to_uppercase()))
        .collect::<Vec<_>>()
        .join(",");
    let body = body.replace('\n', ",123\n");
    let text = format!("{header},population_best\n{body}");
    let imported = imported(&text);
    assert_eq!(imported.dataset.events.len(), 1, "{:?}", imported.problems);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
}

/// Imports a good row and then `bad`; returns the import and the problems of row 3.
fn with_bad_row(bad: Row) -> (Imported, Vec<String>, Vec<Severity>) {
    let rows = vec![row("SYR1"), bad];
    let imported = imported(&csv_text(&CURRENT, &rows, false));
    assert_loads(&imported);
    let of_row: Vec<_> = imported.problems.iter().filter(|p| p.row == 3).collect();
    let texts = of_row.iter().map(ToString::to_string).collect();
    let severities = of_row.iter().map(|p| p.severity).collect();
    (imported, texts, severities)
}

#[test]
fn each_broken_field_skips_its_row_and_names_it() {
    let cases: [(&'static str, &str, &str); 12] = [
        ("fatalities", "4294967296", "far too many"),
        ("fatalities", "99999999999999999999", "far too many"),
        ("event_date", "31/01/2023", "slashes"),
        ("event_date", "2023-02-30", "has no day 30"),
        ("event_date", "0025-01-31", "typo for 2025"),
        ("event_date", "sometime", "not a date"),
        ("latitude", "95.2", "between -90 and 90"),
        ("longitude", "east", "not a number"),
        ("fatalities", "-3", "negative"),
        ("fatalities", "three", "not a whole number"),
        ("fatalities", "", "required"),
        ("time_precision", "7", "1, 2 or 3"),
    ];
    for (column, value, says) in cases {
        let (imported, texts, severities) = with_bad_row(with(row("SYR2"), &[(column, value)]));
        assert_eq!(imported.dataset.events.len(), 1, "{column} {value}");
        assert_eq!(imported.rows_skipped, 1, "{column} {value}");
        assert_eq!(severities, [Severity::Error], "{texts:?}");
        let expected = format!("row 3 / {column} / “{value}”: ");
        assert!(
            texts[0].starts_with(&expected) && texts[0].contains(says),
            "{texts:?} should start with {expected} and say {says}"
        );
    }
}

#[test]
fn a_syrian_row_with_a_misspelt_admin1_is_placed_by_its_coordinates() {
    // Idlib city's coordinates, an admin1 no spelling list holds.
    let bad = with(
        row("SYR2"),
        &[
            ("admin1", "Idlb"),
            ("latitude", "35.9306"),
            ("longitude", "36.6339"),
        ],
    );
    let (imported, texts, severities) = with_bad_row(bad);
    assert_eq!(imported.dataset.events.len(), 2);
    assert_eq!(severities, [Severity::Warning], "{texts:?}");
    assert!(
        texts[0].contains("placed in a governorate by its coordinates"),
        "{texts:?}"
    );
    let placed = imported
        .dataset
        .events
        .to_vec()
        .iter()
        .find(|e| e.id.ends_with(":SYR2"))
        .and_then(|e| e.places.first())
        .and_then(|p| p.governorate);
    assert_eq!(
        placed,
        Some(incident_explorer::core::vocab::Governorate::Idlib)
    );
}

#[test]
fn an_unknown_admin1_is_warned_of_once_per_name_with_its_rows_counted() {
    // Idlib city's coordinates; "Idlb" in two spellings of case, once on a row left out for
    // its date; "Xyz" with coordinates in no governorate (the sea off Latakia).
    let idlb = [("latitude", "35.9306"), ("longitude", "36.6339")];
    let rows = vec![
        row("SYR1"),
        with(with(row("SYR2"), &idlb), &[("admin1", "Idlb")]),
        with(with(row("SYR3"), &idlb), &[("admin1", "IDLB")]),
        with(
            with(row("SYR4"), &idlb),
            &[("admin1", "Idlb"), ("event_date", "sometime")],
        ),
        with(
            row("SYR5"),
            &[
                ("admin1", "Xyz"),
                ("latitude", "35.5"),
                ("longitude", "35.6"),
            ],
        ),
        with(with(row("SYR6"), &idlb), &[("admin1", "idlb")]),
    ];
    let imported = imported(&csv_text(&CURRENT, &rows, false));
    assert_loads(&imported);
    let named = |name: &str| {
        rows.iter()
            .enumerate()
            .filter(|(_, r)| {
                r.get("admin1")
                    .is_some_and(|a| a.eq_ignore_ascii_case(name))
            })
            .map(|(index, _)| index as u64 + 2)
            .collect::<Vec<u64>>()
    };
    let warnings: Vec<_> = imported
        .problems
        .iter()
        .filter(|p| p.column == "admin1")
        .collect();
    // One line per name, at its first row, with its rows counted (the left-out one too).
    let lines: Vec<(u64, String)> = warnings.iter().map(|p| (p.row, p.message())).collect();
    let (idlb_rows, xyz_rows) = (named("idlb"), named("xyz"));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].0, idlb_rows[0]);
    assert!(
        lines[0].1.contains(&format!("{} rows", idlb_rows.len()))
            && lines[0]
                .1
                .contains("placed in a governorate by their coordinates"),
        "{lines:?}"
    );
    assert_eq!(lines[1].0, xyz_rows[0]);
    assert!(
        lines[1].1.contains("1 row)") && lines[1].1.contains("kept without"),
        "{lines:?}"
    );
    // Every row that writes such a name and is kept counts as warned.
    let left_out = 1;
    assert_eq!(imported.rows_skipped, left_out);
    assert_eq!(
        imported.rows_warned,
        (idlb_rows.len() + xyz_rows.len()) as u64 - left_out
    );
}

#[test]
fn an_unusually_large_toll_is_kept_with_a_warning_and_summed_exactly() {
    let toll = incident_explorer::core::import::acled::LARGE_FATALITIES + 1;
    let (imported, texts, severities) =
        with_bad_row(with(row("SYR2"), &[("fatalities", &toll.to_string())]));
    assert_eq!(imported.dataset.events.len(), 2);
    assert_eq!(severities, [Severity::Warning], "{texts:?}");
    assert!(texts[0].contains("check the value"), "{texts:?}");
    let rows = [
        row("SYR1"),
        with(row("SYR2"), &[("fatalities", &toll.to_string())]),
    ];
    assert_eq!(deaths(&imported), fatalities_of(&rows));
}

#[test]
fn a_swapped_point_in_syria_is_kept_with_a_warning() {
    let swapped = with(
        row("SYR2"),
        &[("latitude", "36.6078"), ("longitude", "35.8134")],
    );
    let (imported, texts, severities) = with_bad_row(swapped);
    // Latitude 36.6 and longitude 35.8 are inside the box either way: not swapped.
    assert!(texts.is_empty(), "{texts:?}");
    assert_eq!(severities, []);
    assert_eq!(imported.dataset.events.len(), 2);

    let swapped = with(
        row("SYR2"),
        &[("latitude", "40.1413"), ("longitude", "36.3960")],
    );
    let (imported, texts, severities) = with_bad_row(swapped);
    assert_eq!(imported.dataset.events.len(), 2);
    assert_eq!(severities, [Severity::Warning]);
    assert!(texts[0].contains("look swapped"), "{texts:?}");
    assert_eq!(imported.rows_warned, 1);
    assert_eq!(imported.dataset.events.to_vec()[1].places[0].lat, None);
}

#[test]
fn a_duplicate_event_id_skips_the_second_row() {
    let (imported, texts, _) = with_bad_row(row("SYR1"));
    assert_eq!(imported.dataset.events.len(), 1);
    assert!(texts[0].contains("the same id as row 2"), "{texts:?}");
}

#[test]
fn rows_are_counted_as_records_not_lines() {
    // Row 2's notes hold three line breaks; row 3 is broken and must be called row 3.
    let rows = vec![
        with(row("SYR1"), &[("notes", "one\ntwo\nthree\nfour")]),
        with(row("SYR2"), &[("event_date", "2023-13-01")]),
    ];
    let imported = imported(&csv_text(&CURRENT, &rows, false));
    let rows_named: Vec<u64> = imported.problems.iter().map(|p| p.row).collect();
    assert_eq!(rows_named, [3]);
}

#[test]
fn a_ragged_row_names_both_counts() {
    let text = csv_text(&CURRENT, &[row("SYR1"), row("SYR2")], false);
    let text = text.replacen("SYR2,", "SYR2,extra,", 1);
    let imported = imported(&text);
    assert_eq!(imported.dataset.events.len(), 1);
    let problem = imported.problems.first().map(ToString::to_string);
    assert_eq!(
        problem.as_deref(),
        Some("row 3: 32 fields where the header has 31; the row was skipped")
    );
}

#[test]
fn a_quote_closed_rows_later_makes_a_ragged_row_that_says_so() {
    let text = csv_text(&CURRENT, &[row("SYR1"), row("SYR2"), row("SYR3")], false);
    // Row 3's notes lose their closing quote: the next quote (row 4's) closes it.
    let closing = text.match_indices("Ariha.\"").nth(1).map_or(0, |(i, _)| i);
    let broken = format!(
        "{}{}",
        &text[..closing + "Ariha.".len()],
        &text[closing + "Ariha.\"".len()..]
    );
    let imported = imported(&broken);
    assert_eq!(imported.dataset.events.len(), 1);
    let texts: Vec<String> = imported.problems.iter().map(ToString::to_string).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].starts_with("row 3: 32 fields where the header has 31"));
    assert!(texts[0].contains("a quote may be missing"), "{texts:?}");
}

#[test]
fn an_unclosed_quote_skips_the_row_it_opens_in() {
    let text = csv_text(&CURRENT, &[row("SYR1"), row("SYR2"), row("SYR3")], false);
    // The last row's notes lose their closing quote: the file ends inside the quote.
    let closing = text.match_indices("Ariha.\"").nth(2).map_or(0, |(i, _)| i);
    let broken = format!(
        "{}{}",
        &text[..closing + "Ariha.".len()],
        &text[closing + "Ariha.\"".len()..]
    );
    let imported = imported(&broken);
    assert_eq!(imported.dataset.events.len(), 2, "{:?}", imported.problems);
    let texts: Vec<String> = imported.problems.iter().map(ToString::to_string).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(
        texts[0].starts_with("row 4: a quote opened in this row is never closed"),
        "{texts:?}"
    );
    assert_loads(&imported);
}

#[test]
fn whole_file_errors() {
    assert_eq!(import("").err(), Some(ImportError::Empty));
    let header_only = csv_text(&CURRENT, &[], true);
    assert_eq!(import(&header_only).err(), Some(ImportError::HeaderOnly));
    let missing = import("event_id_cnty,event_date,event_type\nSYR1,2023-01-01,Battles\n");
    let Err(ImportError::MissingColumns { columns, .. }) = &missing else {
        panic!("{missing:?}")
    };
    assert!(columns.contains(&"fatalities".to_string()), "{columns:?}");
    assert!(!columns.contains(&"event_date".to_string()), "{columns:?}");
    let message = missing.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.starts_with("This looks like an ACLED export, but its header lacks"));
    let nothing_known = import("x,y\n1,2\n");
    let Err(ImportError::MissingColumns { mut columns, .. }) = nothing_known else {
        panic!("{nothing_known:?}")
    };
    let mut required = acled::REQUIRED.map(String::from).to_vec();
    columns.sort();
    required.sort();
    assert_eq!(columns, required);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(header_only.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    // UTF-16 is read as text (`text_decoding`): its header is found, and nothing under it.
    let result = acled::import(utf16.as_slice(), &info(), &mut |_| {});
    assert!(
        matches!(&result, Err(ImportError::HeaderOnly)),
        "{result:?}"
    );
    let bad_id = FileInfo {
        collection_id: "my file".into(),
        ..info()
    };
    let result = acled::import(header_only.as_bytes(), &bad_id, &mut |_| {});
    assert!(matches!(result, Err(ImportError::InvalidCollectionId(_))));
}

#[test]
fn a_file_whose_every_row_is_skipped_still_imports_empty() {
    let rows = vec![with(row("SYR1"), &[("fatalities", "x")])];
    let imported = imported(&csv_text(&CURRENT, &rows, false));
    assert_eq!(imported.dataset.events.len(), 0);
    assert_eq!(imported.rows_skipped, 1);
    assert_loads(&imported);
}

#[test]
fn progress_is_reported_every_4096_rows_and_at_the_end() {
    let rows: Vec<Row> = (0..5000).map(|i| row(&format!("SYR{i}"))).collect();
    let text = csv_text(&CURRENT, &rows, false);
    let mut calls = Vec::new();
    let imported = acled::import(text.as_bytes(), &info(), &mut |p| calls.push(p))
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(imported.dataset.events.len(), 5000);
    let counted: Vec<u64> = calls.iter().map(|p| p.rows).collect();
    assert_eq!(counted, [4096, 5000]);
    assert!(calls[0].bytes < calls[1].bytes);
    assert_eq!(calls[1].bytes, text.len() as u64);
}

#[test]
fn sniff_tells_each_format() {
    let acled_current = csv_text(&CURRENT, &[row("SYR1")], true);
    let acled_older = csv_text(&OLDER, &[row("SYR1")], false);
    let ged_header = "id,relid,year,type_of_violence,date_start,date_end,best,low,high\n1,a,2019,1,2019-01-01,2019-01-01,3,3,3\n";
    let mut ged_row: Vec<String> = (0..49).map(|i| format!("x{i}")).collect();
    ged_row[0] = "244659".into();
    ged_row[5] = "1".into();
    ged_row[38] = "2019-03-02 00:00:00.000".into();
    ged_row[39] = "2019-03-02 00:00:00.000".into();
    let ged_headerless = format!("{}\n", ged_row.join(","));
    let other = "name;date;count\nA;2020-01-01;3\n";
    let tabbed = "a\tb\tc\n1\t2\t3\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "event_id_cnty,event_date,event_type\r\nSYR1,2023-01-01,Battles\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let utf16_other: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("x,y\n1,2\n".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let cases: [(&str, &[u8], Format); 10] = [
        (
            "a.json",
            b"\xEF\xBB\xBF  {\"schema_version\":1}",
            Format::Collection,
        ),
        ("a.csv", acled_current.as_bytes(), Format::Acled),
        ("a.csv", acled_older.as_bytes(), Format::Acled),
        ("a.csv", ged_header.as_bytes(), Format::UcdpGed),
        ("a.csv", ged_headerless.as_bytes(), Format::UcdpGed),
        ("a.csv", other.as_bytes(), Format::OtherCsv),
        ("a.tsv", tabbed.as_bytes(), Format::OtherCsv),
        ("a.csv", &utf16, Format::Acled),
        ("a.csv", &utf16_other, Format::OtherCsv),
        (
            "book.xlsx",
            b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml...xl/workbook.xml",
            Format::Spreadsheet,
        ),
    ];
    for (name, head, expected) in cases {
        assert_eq!(sniff(name, head), Ok(expected), "{name} {head:?}");
    }
    // A head cut in the middle of a line still tells the format by its header.
    let cut = &acled_current.as_bytes()[..acled_current.len() - 10];
    assert_eq!(sniff("a.csv", cut), Ok(Format::Acled));
}

#[test]
fn sniff_names_what_a_file_is_when_it_is_no_table() {
    let not_table = |name: &str, head: &[u8]| match sniff(name, head) {
        Err(ImportError::NotADataset(sentence)) => sentence.english(),
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(
        not_table("report.pdf", b"%PDF-1.7\n%\xE2\xE3"),
        "This looks like a PDF document, not a table of incidents."
    );
    assert!(not_table("x.png", b"\x89PNG\r\n\x1a\n").contains("PNG image"));
    assert!(not_table("x.docx", b"PK\x03\x04....word/document.xml").contains("Word document"));
    assert!(not_table("x.zip", b"PK\x03\x04....data/a.csv").contains("ZIP archive"));
    assert!(not_table("x.gz", b"\x1F\x8B\x08\x00").contains("gzip"));
    assert!(not_table("x.html", b"<!DOCTYPE html><html>").contains("web page"));
    assert!(not_table("notes.txt", b"just some words\nand more").contains("plain text"));
    assert!(not_table("a.json", b"[1,2,3]").contains("JSON list"));
    assert_eq!(sniff("a.csv", b""), Err(ImportError::Empty));
    assert_eq!(sniff("a.csv", b" \n\t "), Err(ImportError::Empty));
    assert_eq!(sniff("a.bin", b"abc\x00\x01def"), Err(ImportError::Binary));
    // Not UTF-8 but no NUL: a table saved in a Windows code page, read as one (the mapping
    // step then shows the text and says which code page).
    assert_eq!(
        sniff("a.csv", b"a,b\n\xFF\xFE\xFDx,y\n"),
        Ok(Format::OtherCsv)
    );
}

#[test]
fn a_synthetic_export_imports_without_errors_and_keeps_every_death() {
    use incident_explorer::tools::synth_acled;
    let rows = 3_000;
    let mut bytes = Vec::new();
    synth_acled::write(&mut bytes, rows, 11).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        sniff("synth.csv", &bytes[..bytes.len().min(65_536)]),
        Ok(Format::Acled)
    );

    // The fatalities column and the row count, read independently of the importer.
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().cloned().unwrap_or_default();
    let column = headers
        .iter()
        .position(|h| h == "fatalities")
        .unwrap_or(usize::MAX);
    let mut expected_deaths = 0u64;
    let mut records = 0u64;
    for record in reader.records() {
        let record = record.unwrap_or_else(|error| panic!("{error}"));
        records += 1;
        expected_deaths += record
            .get(column)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or_else(|| panic!("fatalities of record {records}"));
    }
    assert_eq!(records, rows as u64);

    let imported = acled::import(bytes.as_slice(), &info(), &mut |_| {})
        .unwrap_or_else(|error| panic!("{error}"));
    let errors: Vec<String> = imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(imported.rows_read, records);
    assert_eq!(imported.dataset.events.len() as u64, records);
    assert_eq!(deaths(&imported), expected_deaths);
    assert!(expected_deaths > 0);
    // Thousands of rows name hundreds of distinct actors, some of them grouped as Other.
    assert!(
        imported.dataset.parties.len() > 500,
        "{}",
        imported.dataset.parties.len()
    );
    assert!(imported
        .dataset
        .parties
        .iter()
        .any(|p| p.actors == [Actor::Other]));
    assert_loads(&imported);
}

/// ACLED's columns that the model has no place for are kept as written, unknown ones too, so a
/// reader can cite ACLED exactly; the mapped ones are not repeated.
#[test]
fn acleds_own_columns_are_kept_as_written() {
    let mut header: Vec<&str> = CURRENT.to_vec();
    header.push("population_best");
    let rows = vec![with(row("SYR1"), &[("population_best", "12345")])];
    let imported = imported(&csv_text(&header, &rows, false));
    let event = imported
        .dataset
        .events
        .get(0)
        .unwrap_or_else(|| panic!("no event: {:?}", imported.problems));
    let acled = event
        .acled
        .as_ref()
        .unwrap_or_else(|| panic!("no ACLED fields"));
    assert_eq!(acled.event_id_cnty, "SYR1");
    let written = |name: &str| rows[0].get(name).cloned();
    for name in [
        "inter1",
        "civilian_targeting",
        "source_scale",
        "timestamp",
        "population_best",
    ] {
        assert_eq!(acled.fields.get(name).cloned(), written(name), "{name}");
    }
    for mapped in ["notes", "fatalities", "event_date", "location", "actor1"] {
        assert!(!acled.fields.contains_key(mapped), "{mapped}");
    }
    assert!(!acled.fields.values().any(String::is_empty));
    assert_loads(&imported);
}

/// Two exports that share events (the same `event_id_cnty`), opened one after the other: the
/// second leaves out the events the first has, so no death is counted twice. So does a
/// collection that wrote those events without their ACLED fields but cites ACLED, whose ids
/// end in ACLED's.
#[test]
fn the_same_acled_events_in_two_files_are_not_counted_twice() {
    use incident_explorer::core::catalog::Catalog;
    use incident_explorer::core::model::Dataset;

    let rows = vec![row("SYR1"), row("SYR2"), row("SYR3")];
    let opened = |rows: &[Row], collection: &str, file: &str| {
        let source = FileInfo {
            collection_id: collection.into(),
            file_name: file.into(),
            ..info()
        };
        let csv = csv_text(&CURRENT, rows, false);
        let imported = acled::import(csv.as_bytes(), &source, &mut |_| {})
            .unwrap_or_else(|error| panic!("{error}"));
        imported.dataset
    };
    let load = |dataset: &Dataset, file: &str| {
        let bytes = serde_json::to_vec(dataset).unwrap_or_else(|error| panic!("{error}"));
        validate::load(file, &bytes).unwrap_or_else(|problems| panic!("{problems:?}"))
    };
    let first = opened(&rows, "file-aaaaaaaaaaaa", "first.csv");
    let second = opened(&rows[1..], "file-bbbbbbbbbbbb", "second.csv");
    let catalog = Catalog::new(vec![load(&first, "first.csv")]);
    let with_second = catalog
        .adding(load(&second, "second.csv"))
        .unwrap_or_else(|message| panic!("{message}"));
    assert_eq!(with_second.table.len(), rows.len());
    assert_eq!(with_second.skipped_per_file, vec![0, rows.len() - 1]);

    // The same events with their ACLED fields left out: known by their ids and ACLED source.
    let mut bare = second.clone();
    bare.collection.id = "file-cccccccccccc".into();
    let events: Vec<_> = bare
        .events
        .iter()
        .map(|mut event| {
            event.acled = None;
            event.id = event.id.replace("file-bbbbbbbbbbbb", "file-cccccccccccc");
            event
        })
        .collect();
    bare.events = events.into_iter().collect();
    assert!(bare
        .events
        .iter()
        .all(|event| event.id.ends_with(":SYR2") || event.id.ends_with(":SYR3")));
    let with_bare = catalog
        .adding(load(&bare, "bare.json"))
        .unwrap_or_else(|message| panic!("{message}"));
    assert_eq!(with_bare.table.len(), rows.len());
    assert_eq!(with_bare.skipped_per_file, vec![0, rows.len() - 1]);
}
