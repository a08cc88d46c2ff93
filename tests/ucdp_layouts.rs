//! The UCDP GED importer (`core::import::ucdp`) on the layouts a user's file may have, built
//! here from rows of the bundled Syria CSV: the 19.1 layout as UCDP published it, the 49
//! columns of GED 23.1 to 25.1 (the same values renamed and re-ordered), the 49 columns without
//! a header row, a byte order mark, dates with a time of day; then each kind of broken row, a
//! global file's rows outside Syria, and a synthetic 25.1-style file of thousands of rows.
//! Every expected figure (rows, events, deaths, row numbers) is computed from the CSV the test
//! reads or writes, never typed in, and every imported collection is serialised and checked
//! with `core::validate` as the app would load it.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use incident_explorer::core::date::Day;
use incident_explorer::core::import::ucdp::{self, GovernorateShapes, GED_49, REQUIRED};
use incident_explorer::core::import::{sniff, FileInfo, Format, ImportError, Imported};
use incident_explorer::core::validate::{self, Severity};
use incident_explorer::core::vocab::Actor;
use incident_explorer::tools::synth_ucdp;

/// The bundled CSV: its header and records, read with the `csv` crate alone.
struct Bundled {
    header: Vec<String>,
    records: Vec<Vec<String>>,
}

fn bundled() -> &'static Bundled {
    static BUNDLED: OnceLock<Bundled> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw/ucdp/ged_syria_2016-2019.csv");
        let mut reader = csv::Reader::from_path(path).expect("the GED CSV opens");
        let header = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_string)
            .collect();
        let records = reader
            .records()
            .map(|record| {
                record
                    .expect("every record reads")
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        Bundled { header, records }
    })
}

impl Bundled {
    fn index(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|column| column == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    fn field<'a>(&self, record: &'a [String], name: &str) -> &'a str {
        &record[self.index(name)]
    }
}

/// A few dozen rows of the bundled CSV: the first ones, the first without an `adm_1`
/// (located by polygon or only to the country), and those whose `source_original` holds a
/// line break (a record over two lines).
fn sample() -> Vec<Vec<String>> {
    let bundled = bundled();
    let adm_1 = bundled.index("adm_1");
    let original = bundled.index("source_original");
    let mut rows: Vec<Vec<String>> = bundled.records.iter().take(40).cloned().collect();
    rows.extend(
        bundled
            .records
            .iter()
            .filter(|r| r[adm_1].is_empty())
            .take(12)
            .cloned(),
    );
    rows.extend(
        bundled
            .records
            .iter()
            .filter(|r| r[original].contains('\n'))
            .cloned(),
    );
    let id = bundled.index("id");
    let mut seen = std::collections::HashSet::new();
    rows.retain(|record| seen.insert(record[id].clone()));
    rows
}

/// CSV text of a header (if any) and records.
fn csv_text(header: Option<&[String]>, records: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    if let Some(header) = header {
        writer.write_record(header).expect("written");
    }
    for record in records {
        writer.write_record(record).expect("written");
    }
    String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8")
}

/// The 19.1 layout, as UCDP published it.
fn layout_19(records: &[Vec<String>]) -> String {
    csv_text(Some(&bundled().header), records)
}

/// The same records in the 49-column layout: each GED 23.1+ column from the 19.1 column of
/// the same name; the columns 19.1 lacks get stand-ins (the `*_dset_id` codes equal to the new
/// ids, an empty `where_description`...).
fn records_49(records: &[Vec<String>]) -> Vec<Vec<String>> {
    let bundled = bundled();
    records
        .iter()
        .map(|record| {
            GED_49
                .iter()
                .map(|name| match *name {
                    "relid" => format!("SYR-{}", bundled.field(record, "id")),
                    "code_status" => "Clear".to_string(),
                    "conflict_dset_id" => bundled.field(record, "conflict_new_id").to_string(),
                    "dyad_dset_id" => bundled.field(record, "dyad_new_id").to_string(),
                    "side_a_dset_id" => bundled.field(record, "side_a_new_id").to_string(),
                    "side_b_dset_id" => bundled.field(record, "side_b_new_id").to_string(),
                    "where_description" | "gwnoa" => String::new(),
                    other => bundled.field(record, other).to_string(),
                })
                .collect()
        })
        .collect()
}

fn header_49() -> Vec<String> {
    GED_49.iter().map(|name| name.to_string()).collect()
}

fn shapes() -> &'static GovernorateShapes {
    static SHAPES: OnceLock<GovernorateShapes> = OnceLock::new();
    SHAPES.get_or_init(|| ucdp::governorate_shapes().expect("the embedded outlines"))
}

fn info() -> FileInfo {
    FileInfo {
        collection_id: "ucdp-mine".into(),
        file_name: "ged251.csv".into(),
        today: Day::parse("2026-01-01").expect("a day"),
    }
}

fn import(text: &str) -> Result<Imported, ImportError> {
    let mut last = None;
    let imported = ucdp::import(text.as_bytes(), &info(), shapes(), &mut |p| last = Some(p));
    if let Ok(imported) = &imported {
        assert_eq!(last.map(|p| p.rows), Some(imported.rows_read));
    }
    imported
}

/// Imports, asserts the collection passes `core::validate` with no errors, and returns it.
fn imported(text: &str) -> Imported {
    let imported = import(text).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_vec(&imported.dataset).expect("serialises");
    let loaded = validate::load("imported.json", &json).unwrap_or_else(|p| panic!("{p:?}"));
    let errors: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(loaded.dataset.events.len(), imported.dataset.events.len());
    imported
}

fn errors(imported: &Imported) -> Vec<String> {
    imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn the_49_column_and_headerless_layouts_give_the_same_events_as_19_1() {
    let rows = sample();
    let old = imported(&layout_19(&rows));
    assert_eq!(old.rows_read, rows.len() as u64);
    assert_eq!(old.dataset.events.len(), rows.len());
    assert!(errors(&old).is_empty(), "{:?}", old.problems);
    let new = imported(&csv_text(Some(&header_49()), &records_49(&rows)));
    let headerless = imported(&csv_text(None, &records_49(&rows)));
    for other in [&new, &headerless] {
        assert_eq!(other.dataset.events, old.dataset.events);
        assert_eq!(other.dataset.parties, old.dataset.parties);
        assert_eq!(other.dataset.dyads, old.dataset.dyads);
        assert_eq!(other.problems, old.problems);
    }
    // Without a header the first record is row 1.
    assert_eq!(headerless.rows_read, rows.len() as u64);
    let bundled = bundled();
    let best: u64 = rows
        .iter()
        .map(|r| bundled.field(r, "best").parse::<u64>().expect("best"))
        .sum();
    let imported_best: u64 = old
        .dataset
        .events
        .to_vec()
        .iter()
        .filter_map(|e| e.ucdp.as_ref())
        .map(|u| u.best)
        .sum();
    assert_eq!(imported_best, best);
}

#[test]
fn each_layout_is_sniffed_as_ucdp() {
    let rows = sample();
    let texts = [
        layout_19(&rows),
        csv_text(Some(&header_49()), &records_49(&rows)),
        csv_text(None, &records_49(&rows)),
        format!("\u{FEFF}{}", csv_text(None, &records_49(&rows))),
        format!("\u{FEFF}{}", layout_19(&rows)),
    ];
    for text in texts {
        assert_eq!(sniff("ged.csv", text.as_bytes()), Ok(Format::UcdpGed));
    }
}

#[test]
fn a_byte_order_mark_and_times_of_day_change_nothing() {
    let rows = sample();
    let plain = imported(&layout_19(&rows));
    let bom = imported(&format!("\u{FEFF}{}", layout_19(&rows)));
    let headerless = imported(&csv_text(None, &records_49(&rows)));
    let bom_headerless = imported(&format!("\u{FEFF}{}", csv_text(None, &records_49(&rows))));
    assert_eq!(bom_headerless.dataset.events, headerless.dataset.events);
    assert_eq!(bom_headerless.problems, headerless.problems);
    let bundled = bundled();
    let (start, end) = (bundled.index("date_start"), bundled.index("date_end"));
    let timed: Vec<Vec<String>> = rows
        .iter()
        .map(|record| {
            let mut record = record.clone();
            record[start].push_str(" 00:00:00.000");
            record[end].push_str(" 00:00:00.000");
            record
        })
        .collect();
    let timed = imported(&layout_19(&timed));
    for other in [&bom, &timed] {
        assert_eq!(other.dataset.events, plain.dataset.events);
        assert_eq!(other.problems, plain.problems);
    }
}

/// The sample with one record changed by `change`, imported; the changed record's
/// spreadsheet row (the header is row 1) is returned too.
fn broken(at: usize, change: impl Fn(&mut Vec<String>)) -> (Imported, u64, usize) {
    let mut rows = sample();
    change(&mut rows[at]);
    let result = imported(&layout_19(&rows));
    (result, at as u64 + 2, rows.len())
}

/// Asserts that exactly the record at `at` was skipped, with one error on `column` whose
/// message contains `says`.
fn assert_skipped(at: usize, column: &str, says: &str, change: impl Fn(&mut Vec<String>)) {
    let (result, row, rows) = broken(at, change);
    let problems: Vec<_> = result
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert_eq!(problems.len(), 1, "{:?}", result.problems);
    assert_eq!(problems[0].row, row, "{}", problems[0]);
    assert_eq!(problems[0].column, column, "{}", problems[0]);
    assert!(problems[0].message().contains(says), "{}", problems[0]);
    assert_eq!(result.rows_skipped, 1);
    assert_eq!(result.dataset.events.len(), rows - 1);
}

#[test]
fn each_broken_field_skips_its_row_with_the_row_number() {
    let bundled = bundled();
    let set = |name: &'static str, value: &'static str| {
        let index = bundled.index(name);
        move |record: &mut Vec<String>| record[index] = value.to_string()
    };
    assert_skipped(
        3,
        "date_start",
        "no day 30",
        set("date_start", "2017-02-30"),
    );
    assert_skipped(
        5,
        "date_start",
        "2019-11-30",
        set("date_start", "30/11/2017"),
    );
    assert_skipped(7, "date_end", "before date_start", |record| {
        let start = bundled.field(record, "date_start").to_string();
        let day = Day::parse(&start).expect("a date");
        record[bundled.index("date_end")] = Day(day.0 - 1).to_string();
    });
    assert_skipped(
        9,
        "deaths_a",
        "a negative number of deaths",
        set("deaths_a", "-1"),
    );
    assert_skipped(
        11,
        "best",
        "not a whole number of deaths",
        set("best", "many"),
    );
    assert_skipped(
        13,
        "latitude",
        "not between -90 and 90",
        set("latitude", "95.2"),
    );
    assert_skipped(15, "longitude", "not a number", set("longitude", "east"));
    assert_skipped(
        17,
        "type_of_violence",
        "1, 2 or 3",
        set("type_of_violence", "4"),
    );
    assert_skipped(19, "where_prec", "1 to 7", set("where_prec", "9"));
    assert_skipped(21, "side_a", "required", set("side_a", ""));
    // A record with a field too few (the one in the middle dropped).
    let (result, row, _) = broken(23, |record| {
        record.remove(10);
    });
    let expected = format!(
        "row {row}: {} fields where the header has {}; the row was skipped",
        bundled.header.len() - 1,
        bundled.header.len()
    );
    assert_eq!(errors(&result), [expected]);
}

#[test]
fn best_outside_low_and_high_is_kept_with_a_warning() {
    let bundled = bundled();
    let (result, row, rows) = broken(4, |record| {
        let high: u64 = bundled.field(record, "high").parse().expect("high");
        record[bundled.index("best")] = (high + 1).to_string();
    });
    assert_eq!(result.dataset.events.len(), rows);
    let warnings: Vec<_> = result
        .problems
        .iter()
        .filter(|p| p.row == row)
        .map(|p| (p.severity, p.column.as_str()))
        .collect();
    // Outside low..high, and no longer the sum of its parts.
    assert_eq!(
        warnings,
        [(Severity::Warning, "best"), (Severity::Warning, "best")]
    );
}

#[test]
fn a_duplicate_id_names_the_first_row() {
    let bundled = bundled();
    let id = bundled.index("id");
    let mut rows = sample();
    rows[6][id] = rows[2][id].clone();
    let result = imported(&layout_19(&rows));
    assert_eq!(
        errors(&result),
        [format!(
            "row 8 / id / “{}”: the same id as row 4; this row was skipped",
            rows[2][id]
        )]
    );
}

#[test]
fn an_unclosed_quote_skips_the_last_row() {
    let rows = sample();
    let mut text = layout_19(&rows);
    // The last record's last field opened with a quote that is never closed.
    let last_comma = text.trim_end().rfind(',').expect("a comma");
    text.insert(last_comma + 1, '"');
    let result = imported(&text);
    let last_row = rows.len() as u64 + 1;
    let problems = errors(&result);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!(
            "row {last_row}: a quote opened in this row is never closed"
        )),
        "{problems:?}"
    );
    assert_eq!(result.dataset.events.len(), rows.len() - 1);
}

#[test]
fn a_header_alone_or_without_required_columns_is_refused() {
    let header = layout_19(&[]);
    assert!(matches!(import(&header), Err(ImportError::HeaderOnly)));
    assert!(matches!(import(""), Err(ImportError::Empty)));
    let rows = sample();
    let bundled = bundled();
    let dropped = [bundled.index("date_start"), bundled.index("best")];
    let keep = |record: &Vec<String>| -> Vec<String> {
        record
            .iter()
            .enumerate()
            .filter(|(index, _)| !dropped.contains(index))
            .map(|(_, field)| field.clone())
            .collect()
    };
    let records: Vec<Vec<String>> = rows.iter().map(keep).collect();
    let text = csv_text(Some(&keep(&bundled.header)), &records);
    let expected: Vec<String> = REQUIRED
        .iter()
        .filter(|name| ["date_start", "best"].contains(name))
        .map(|name| name.to_string())
        .collect();
    match import(&text) {
        Err(ImportError::MissingColumns { format, columns }) => {
            assert_eq!(format, Format::UcdpGed);
            assert_eq!(columns, expected);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn rows_outside_syria_and_unknown_groups_are_kept_with_one_warning_each() {
    let mut rows: Vec<Vec<String>> = records_49(&sample()[..6]);
    let at = |name: &str| GED_49.iter().position(|c| *c == name).expect("a column");
    let mut abroad = rows[0].clone();
    for (name, value) in [
        ("id", "999001"),
        ("country", "Iraq"),
        ("country_id", "645"),
        ("adm_1", "Baghdad governorate"),
        ("latitude", "33.3"),
        ("longitude", "44.4"),
    ] {
        abroad[at(name)] = value.to_string();
    }
    let mut abroad_again = abroad.clone();
    abroad_again[at("id")] = "999002".into();
    let mut unknown = rows[1].clone();
    unknown[at("id")] = "999003".into();
    unknown[at("side_b")] = "Imaginary Brigade".into();
    unknown[at("dyad_new_id")] = "999999".into();
    let mut unknown_again = unknown.clone();
    unknown_again[at("id")] = "999004".into();
    rows.extend([abroad, abroad_again, unknown, unknown_again]);
    let result = imported(&csv_text(Some(&header_49()), &rows));
    assert_eq!(result.dataset.events.len(), rows.len());
    assert!(errors(&result).is_empty());
    let warned: Vec<(u64, &str)> = result
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    let first_added = rows.len() as u64 - 2;
    assert_eq!(
        warned,
        [(first_added, "country"), (first_added + 2, "side_b")]
    );
    let event = |id: &str| {
        result
            .dataset
            .events
            .iter()
            .find(|e| e.id == format!("ucdp-mine:{id}"))
            .expect("the event")
    };
    let iraq = &event("999002").places[0];
    assert_eq!((iraq.governorate, iraq.lat, iraq.lon), (None, None, None));
    assert!(event("999002").summary.contains("(Iraq)"));
    assert!(event("999004")
        .actors
        .iter()
        .any(|a| a.actor == Actor::Other));
}

#[test]
fn a_synthetic_25_1_file_imports_without_errors_and_keeps_every_death() {
    let rows = 3_000;
    let mut bytes = Vec::new();
    synth_ucdp::write(&mut bytes, rows, 11, true).expect("written");
    let text = String::from_utf8(bytes).expect("UTF-8");
    // The expected figures, read with the csv crate alone.
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let best = header.iter().position(|c| c == "best").expect("best");
    let mut expected_best = 0u64;
    let mut records = 0usize;
    for record in reader.records() {
        let record = record.expect("a record");
        expected_best += record[best].parse::<u64>().expect("a number");
        records += 1;
    }
    assert_eq!(records, rows);
    let result = imported(&text);
    assert!(errors(&result).is_empty(), "{:?}", errors(&result));
    assert_eq!(result.rows_read, rows as u64);
    assert_eq!(result.dataset.events.len(), rows);
    let by_kind: BTreeMap<_, usize> =
        result
            .dataset
            .events
            .to_vec()
            .iter()
            .fold(BTreeMap::new(), |mut counts, event| {
                *counts.entry(event.kind).or_default() += 1;
                counts
            });
    assert_eq!(by_kind.len(), 3, "{by_kind:?}");
    let deaths: u64 = result
        .dataset
        .events
        .to_vec()
        .iter()
        .flat_map(|e| &e.casualties)
        .filter(|c| c.group == incident_explorer::core::vocab::CasualtyGroup::All)
        .filter_map(|c| c.best)
        .sum();
    assert_eq!(deaths, expected_best);
    // The same rows without their header row give the same events.
    let mut headerless = Vec::new();
    synth_ucdp::write(&mut headerless, rows, 11, false).expect("written");
    let headerless = imported(&String::from_utf8(headerless).expect("UTF-8"));
    assert_eq!(headerless.dataset.events, result.dataset.events);
}
