//! "Save as collection (JSON)": a file the reader opened, saved whole as this project's
//! collection file. An ACLED export built here goes the way the page takes it (read by the
//! importer, renamed after its fingerprint, handed over as JSON, loaded and added beside the
//! bundled collections), then is written by the function the page uses
//! (`core::export::collection_json`). The file must pass `dataset check` itself, hold every
//! event the file added, and read back as the same collection. Expected counts come from the
//! rows written here.

mod common;

use std::process::Command;

use sha2::{Digest, Sha256};

use incident_explorer::core::date::Day;
use incident_explorer::core::export::{
    collection_events, collection_file_name, collection_head, collection_json, collection_tail,
};
use incident_explorer::core::import::message::{collection_id_of, rename_collection};
use incident_explorer::core::import::{acled, FileInfo};
use incident_explorer::core::model::Dataset;
use incident_explorer::core::validate::{self, Severity};

const FILE_NAME: &str = "ACLED Syria 2023, “test” & more.csv";

// The current ACLED export layout, as the synthetic exports write it.
use incident_explorer::tools::synth_acled::COLUMNS;

/// One row of the export: id, date, event type, sub-event type, admin1, place, notes,
/// fatalities.
type Row = [&'static str; 8];

const ROWS: [Row; 6] = [
    [
        "SYR1",
        "2023-01-31",
        "Explosions/Remote violence",
        "Air/drone strike",
        "Idleb",
        "Ariha",
        "Warplanes struck Ariha, \"killing 2\".",
        "2",
    ],
    [
        "SYR2",
        "1 February 2023",
        "Battles",
        "Armed clash",
        "Hama",
        "Kafr Nabuda",
        "Clashes.\nBoth sides reported losses.",
        "12",
    ],
    [
        "SYR3",
        "2023-02-03",
        "Violence against civilians",
        "Attack",
        "Dara",
        "Tafas",
        "مسلحون مجهولون قتلوا رجلاً في طفس \u{202E}",
        "1",
    ],
    [
        "SYR4",
        "2023-02-04",
        "Protests",
        "Peaceful protest",
        "Idleb",
        "Maarrat an Nuaman",
        "Demonstration.",
        "0",
    ],
    [
        "SYR5",
        "2023-02-05",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Aleppo",
        "Kafr Halab",
        "Shelling, =SUM(1).",
        "3",
    ],
    // Left out by the importer: there is no 30 February.
    [
        "SYR6",
        "2023-02-30",
        "Battles",
        "Armed clash",
        "Hama",
        "Latamneh",
        "No such day.",
        "4",
    ],
];
const BROKEN: usize = 1;

fn csv_text() -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
    for [id, date, kind, sub, admin1, place, notes, fatalities] in ROWS {
        let record = COLUMNS.map(|column| match column {
            "event_id_cnty" => id,
            "event_date" => date,
            "year" => "2023",
            "time_precision" => "1",
            "event_type" => kind,
            "sub_event_type" => sub,
            "actor1" => "Military Forces of Syria (2000-2024)",
            "actor2" => "Civilians (Syria)",
            "inter1" => "1",
            "inter2" => "7",
            "interaction" => "17",
            "iso" => "760",
            "country" => "Syria",
            "admin1" => admin1,
            "location" => place,
            "latitude" => "35.5",
            "longitude" => "36.6",
            "geo_precision" => "1",
            "source" => "SOHR",
            "notes" => notes,
            "fatalities" => fatalities,
            _ => "",
        });
        let _ = writer.write_record(record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// The ACLED export as the page reads and adds it; returns its collection as the catalog
/// holds it.
fn opened_in_the_page(csv: &str) -> Dataset {
    let fingerprint: String = Sha256::digest(csv.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let id = collection_id_of(&fingerprint);
    let info = FileInfo {
        collection_id: "file".into(),
        file_name: FILE_NAME.into(),
        today: Day::from_ymd(2026, 12, 1).unwrap_or_default(),
    };
    let mut imported =
        acled::import(csv.as_bytes(), &info, &mut |_| {}).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(imported.rows_skipped as usize, BROKEN);
    rename_collection(&mut imported.dataset, &id);
    let handed_over = serde_json::to_vec(&imported.dataset).unwrap_or_default();
    let loaded = validate::load(FILE_NAME, &handed_over)
        .unwrap_or_else(|problems| panic!("rejected: {problems:?}"));
    let catalog = common::catalog(&common::BUNDLED)
        .adding(loaded)
        .unwrap_or_else(|message| panic!("{message}"));
    catalog
        .datasets
        .iter()
        .find(|dataset| dataset.collection.id == id)
        .map(|dataset| (**dataset).clone())
        .unwrap_or_else(|| panic!("{id} is not in the catalog"))
}

/// Runs `dataset check` on `files`; its output, and whether it passed.
fn dataset_check(files: &[&str]) -> (String, bool) {
    let output = Command::new(env!("CARGO_BIN_EXE_dataset"))
        .arg("check")
        .args(files)
        .output()
        .unwrap_or_else(|error| panic!("dataset check did not run: {error}"));
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status.success(),
    )
}

#[test]
fn a_saved_acled_file_passes_dataset_check_and_reads_back_whole() {
    let dataset = opened_in_the_page(&csv_text());
    let events = ROWS.len() - BROKEN;
    assert_eq!(dataset.events.len(), events);

    let json = collection_json(&dataset).unwrap_or_else(|error| panic!("{error}"));
    // The same collection gives the same bytes.
    assert_eq!(collection_json(&dataset).as_deref(), Ok(json.as_str()));
    // The format of the bundled collection files.
    let saved: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        saved["schema_version"],
        common::json(common::BUNDLED[0])["schema_version"]
    );
    assert_eq!(saved["events"].as_array().map(Vec::len), Some(events));

    // What `dataset check` runs, in this process: no problem at all.
    let saved_name = collection_file_name(FILE_NAME);
    assert_eq!(saved_name, format!("{FILE_NAME}.collection.json"));
    let loaded = validate::load(&saved_name, json.as_bytes())
        .unwrap_or_else(|problems| panic!("rejected: {problems:?}"));
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(loaded.skipped, 0);
    assert_eq!(loaded.dataset, dataset);
    assert_eq!(
        collection_json(&loaded.dataset).as_deref(),
        Ok(json.as_str())
    );

    // And the command itself, on the file alone and beside the bundled collections.
    let path = std::env::temp_dir().join(format!(
        "saved-collection-{}.collection.json",
        std::process::id()
    ));
    std::fs::write(&path, &json).unwrap_or_else(|error| panic!("{error}"));
    let file = path.to_string_lossy().into_owned();
    let alone = dataset_check(&[&file]);
    let beside = dataset_check(&[common::BUNDLED[0], common::BUNDLED[1], &file]);
    let _ = std::fs::remove_file(&path);
    assert!(alone.1, "{}", alone.0);
    assert!(
        alone.0.contains(&format!(
            "{events} events, 0 figures loaded; 0 records skipped; 0 errors"
        )),
        "{}",
        alone.0
    );
    assert!(beside.1, "{}", beside.0);
}

/// `collection` written as the page writes it: its head, its events `batch` at a time, its
/// tail.
fn written_in_batches(dataset: &Dataset, batch: usize) -> String {
    let mut json = collection_head(dataset).unwrap_or_else(|error| panic!("{error}"));
    let mut start = 0;
    while start < dataset.events.len() {
        let end = (start + batch).min(dataset.events.len());
        json.push_str(
            &collection_events(dataset, start..end).unwrap_or_else(|error| panic!("{error}")),
        );
        start = end;
    }
    json.push_str(&collection_tail(dataset).unwrap_or_else(|error| panic!("{error}")));
    json
}

#[test]
fn a_collection_written_in_batches_is_the_whole_collection_serialised() {
    // The bundled collections (figures, parties, dyads, sources), a file opened in the page
    // (none of those), and a collection of no event.
    let catalog = common::catalog(&common::BUNDLED);
    let opened = opened_in_the_page(&csv_text());
    let mut empty = opened.clone();
    empty.events = Default::default();
    let datasets: Vec<&Dataset> = catalog
        .datasets
        .iter()
        .map(|dataset| &**dataset)
        .chain([&opened, &empty])
        .collect();
    assert!(datasets.iter().any(|dataset| !dataset.figures.is_empty()));
    assert!(datasets.iter().any(|dataset| !dataset.dyads.is_empty()));
    for dataset in datasets {
        // The oracle: serde writing the whole collection at once.
        let mut whole = serde_json::to_string(dataset).unwrap_or_else(|error| panic!("{error}"));
        whole.push('\n');
        assert_eq!(collection_json(dataset).as_deref(), Ok(whole.as_str()));
        for batch in [1, 7, 2000] {
            assert_eq!(
                written_in_batches(dataset, batch),
                whole,
                "batches of {batch}"
            );
        }
        // A range past the last event writes nothing.
        let len = dataset.events.len();
        assert_eq!(collection_events(dataset, len..len + 5).as_deref(), Ok(""));
    }
}
