//! A collection written in pieces while its file is read (`validate::PieceWriter`, used by
//! the import worker so that the page checks the first pieces while the rest is read) loads
//! to exactly the collection the importer gives when it reads the file whole: the same
//! collection, sources, parties, dyads and events, the same problems. The parties and dyads
//! come in addition lines as they are met, and the rules for them are the header's. The same
//! holds for a table of any layout read with the columns chosen.

use incident_explorer::core::date::Day;
use incident_explorer::core::import::{acled, mapped, ucdp, FileInfo, Imported};
use incident_explorer::core::validate::{self, Loaded, PieceWriter, Severity};
use incident_explorer::tools::{synth_acled, synth_ucdp};

const PER_PIECE: usize = 200;

fn info() -> FileInfo {
    FileInfo {
        collection_id: "file-0123456789ab".into(),
        file_name: "mine.csv".into(),
        today: Day::parse("2026-01-01").expect("a day"),
    }
}

fn acled_file(rows: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    synth_acled::write(&mut bytes, rows, 5).unwrap_or_else(|error| panic!("{error}"));
    bytes
}

fn ucdp_file(rows: usize, header: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    synth_ucdp::write(&mut bytes, rows, 5, header).unwrap_or_else(|error| panic!("{error}"));
    bytes
}

/// The file read whole, then written in pieces as the worker wrote it before, and loaded.
fn whole(imported: Imported) -> Loaded {
    let bytes = validate::write_in_pieces(imported.dataset, PER_PIECE).expect("written");
    validate::load("mine.csv", &bytes).unwrap_or_else(|problems| panic!("{problems:?}"))
}

/// The lines written while the file is read, and what the importer returned.
fn streamed(read: impl FnOnce(&mut PieceWriter<'_>) -> Imported) -> (Vec<u8>, Imported) {
    let mut bytes = Vec::new();
    let mut put = |line: &[u8]| bytes.extend_from_slice(line);
    let mut pieces = PieceWriter::new(PER_PIECE, &mut put);
    let imported = read(&mut pieces);
    pieces.finish().expect("every line written");
    (bytes, imported)
}

fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .collect()
}

/// The streamed lines load, read whole and line by line (as the page reads them), to what
/// the whole import loads to; the importer itself kept no events.
fn assert_same(bytes: &[u8], imported: &Imported, expected: &Loaded) {
    assert!(
        imported.dataset.events.is_empty(),
        "the events went out in pieces"
    );
    for loaded in [
        validate::load("mine.csv", bytes).unwrap_or_else(|problems| panic!("{problems:?}")),
        validate::load_lines("mine.csv", lines(bytes).into_iter().map(<[u8]>::to_vec))
            .unwrap_or_else(|problems| panic!("{problems:?}")),
    ] {
        assert_eq!(loaded.dataset.collection, expected.dataset.collection);
        assert_eq!(loaded.dataset.sources, expected.dataset.sources);
        assert_eq!(loaded.dataset.parties, expected.dataset.parties);
        assert_eq!(loaded.dataset.dyads, expected.dataset.dyads);
        assert_eq!(loaded.dataset.events, expected.dataset.events);
        assert_eq!(loaded.problems, expected.problems);
        assert_eq!(loaded.skipped, expected.skipped);
    }
    assert_eq!(imported.dataset.parties, expected.dataset.parties);
}

/// The header goes out with no parties, and the parties come before the events that name
/// them; with `met_later`, parties keep coming after the first events (the file names new
/// ones all along): the page can check events before the file is read to its end.
fn assert_streams(bytes: &[u8], met_later: bool) {
    let lines = lines(bytes);
    let header: serde_json::Value = serde_json::from_slice(lines[0]).expect("a header");
    assert!(header.get("parties").is_none(), "{header}");
    let first_events = lines
        .iter()
        .position(|l| l.starts_with(b"["))
        .expect("events");
    assert!(
        lines[first_events - 1].starts_with(b"{"),
        "an addition first"
    );
    let last_addition = lines
        .iter()
        .rposition(|l| l.starts_with(b"{"))
        .expect("additions");
    assert_eq!(
        last_addition > first_events,
        met_later,
        "parties met after the first piece of events come after it"
    );
}

#[test]
fn an_acled_export_in_pieces_loads_to_the_whole_import() {
    let file = acled_file(3_000);
    let expected = whole(acled::import(file.as_slice(), &info(), &mut |_| {}).expect("read"));
    assert!(expected.dataset.events.len() > 2_000);
    let (bytes, imported) = streamed(|pieces| {
        acled::import_in_pieces(file.as_slice(), &info(), &mut |_| {}, pieces).expect("read")
    });
    assert_streams(&bytes, true);
    assert_same(&bytes, &imported, &expected);
}

#[test]
fn a_ucdp_file_in_pieces_loads_to_the_whole_import_with_and_without_its_header() {
    let shapes = ucdp::governorate_shapes().expect("the embedded outlines");
    for header in [true, false] {
        let file = ucdp_file(3_000, header);
        let whole_import = ucdp::import(file.as_slice(), &info(), &shapes, &mut |_| {});
        let expected = whole(whole_import.expect("read"));
        assert!(!expected.dataset.dyads.is_empty());
        let (bytes, imported) = streamed(|pieces| {
            ucdp::import_in_pieces(file.as_slice(), &info(), &shapes, &mut |_| {}, pieces)
                .expect("read")
        });
        // UCDP names a few dozen sides, all met in the first rows.
        assert_streams(&bytes, false);
        assert_same(&bytes, &imported, &expected);
    }
}

#[test]
fn any_table_in_pieces_loads_to_the_whole_import() {
    // An export read as a table of no known layout, with the columns the app guesses.
    let file = acled_file(3_000);
    let preview = mapped::preview_csv(file.as_slice()).expect("a preview");
    let mapping = preview.guess;
    let whole_import = mapped::import_csv_with_header(
        file.as_slice(),
        Some(preview.header_index),
        &mapping,
        &info(),
        &mut |_| {},
    );
    let expected = whole(whole_import.expect("read"));
    assert!(expected.dataset.events.len() > 2_000);
    let (bytes, imported) = streamed(|pieces| {
        mapped::import_csv_in_pieces(
            file.as_slice(),
            Some(preview.header_index),
            &mapping,
            &info(),
            &mut |_| {},
            pieces,
        )
        .expect("read")
    });
    assert_streams(&bytes, true);
    assert_same(&bytes, &imported, &expected);
}

/// The streamed lines of a small UCDP file, for the rules below.
fn ucdp_lines() -> Vec<Vec<u8>> {
    let file = ucdp_file(600, true);
    let shapes = ucdp::governorate_shapes().expect("the embedded outlines");
    let (bytes, _) = streamed(|pieces| {
        ucdp::import_in_pieces(file.as_slice(), &info(), &shapes, &mut |_| {}, pieces)
            .expect("read")
    });
    lines(&bytes).into_iter().map(<[u8]>::to_vec).collect()
}

fn load(lines: &[Vec<u8>]) -> Result<Loaded, Vec<validate::Problem>> {
    validate::load("mine.csv", &lines.join(&b'\n'))
}

#[test]
fn events_before_the_addition_of_their_parties_are_skipped_as_naming_none() {
    let mut lines = ucdp_lines();
    let clean = load(&lines).expect("loads");
    assert_eq!(clean.skipped, 0);
    // The first addition moved after the first piece of events: those events name parties
    // that are not given yet.
    assert!(lines[1].starts_with(b"{") && lines[2].starts_with(b"["));
    let events = serde_json::from_slice::<Vec<serde_json::Value>>(&lines[2])
        .expect("events")
        .len();
    lines.swap(1, 2);
    let loaded = load(&lines).expect("loads");
    assert_eq!(loaded.skipped, events);
    assert_eq!(
        loaded.dataset.events.len(),
        clean.dataset.events.len() - events
    );
}

#[test]
fn an_addition_that_does_not_parse_rejects_the_file_and_an_unknown_field_is_a_warning() {
    let lines = ucdp_lines();
    let mut broken = lines.clone();
    broken[1] = br#"{"parties":[{"name":7,"actors":[]}]}"#.to_vec();
    let problems = load(&broken).map(|_| ()).expect_err("rejected");
    assert!(problems[0].severity == Severity::Error, "{problems:?}");
    assert!(
        format!("{}", problems[0]).contains("parties"),
        "{}",
        problems[0]
    );

    let mut typo = lines.clone();
    let mut addition: serde_json::Value = serde_json::from_slice(&typo[1]).expect("JSON");
    addition["partys"] = serde_json::json!([]);
    typo[1] = serde_json::to_vec(&addition).expect("JSON");
    let loaded = load(&typo).expect("loads");
    assert_eq!(loaded.skipped, 0);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.severity == Severity::Warning && p.to_string().contains("partys")),
        "{:?}",
        loaded.problems
    );

    // A dyad whose side names a party not given is a warning, as in the header.
    let mut far = lines;
    let mut addition: serde_json::Value = serde_json::from_slice(&far[1]).expect("JSON");
    addition["dyads"][0]["side_b"] = serde_json::json!(99_999);
    far[1] = serde_json::to_vec(&addition).expect("JSON");
    let loaded = load(&far).expect("loads");
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.severity == Severity::Warning && p.to_string().contains("side_b")),
        "{:?}",
        loaded.problems
    );
}
