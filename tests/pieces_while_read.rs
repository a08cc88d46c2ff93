//! A collection written in pieces while its file is read (`validate::PieceWriter`, used by
//! the import worker so that the page checks the first pieces while the rest is read) loads
//! to exactly the collection the importer gives when it reads the file whole: the same
//! collection, sources, parties, dyads and events, the same problems. The parties and dyads
//! come in addition lines as they are met, and the rules for them are the header's. The same
//! holds for a table of any layout read with the columns chosen.

use incident_explorer::core::date::Day;
use incident_explorer::core::import::message::{rename_loaded, PROVISIONAL_COLLECTION_ID};
use incident_explorer::core::import::{acled, mapped, ucdp, FileInfo, Imported};
use std::sync::Arc;

use incident_explorer::core::place_names::PlaceNames;
use incident_explorer::core::stored;
use incident_explorer::core::validate::{self, Loaded, PieceWriter, PiecesComing, Severity};
use incident_explorer::tools::place_names as gazetteer;
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

/// The lines as the checking worker takes them ([`PiecesComing`], the same calls): in buffers of
/// whole lines of some `blob_bytes` each, as the reading worker posts them, each with the
/// share of the file read when it was written (here, its end's share of the lines); the header
/// from the first, the table built with the gazetteer as it checks, and the file given in its
/// stored form, read back.
fn checked_as_the_worker_does(
    bytes: &[u8],
    blob_bytes: usize,
) -> Result<Loaded, Vec<validate::Problem>> {
    checked_and_named(bytes, blob_bytes, None)
}

/// [`checked_as_the_worker_does`], the collection given the id `collection_id` (when given)
/// once every line is checked, as the worker gives an imported table its file's id.
fn checked_and_named(
    bytes: &[u8],
    blob_bytes: usize,
    collection_id: Option<&str>,
) -> Result<Loaded, Vec<validate::Problem>> {
    let place_names = Arc::new(
        PlaceNames::from_json(&std::fs::read(gazetteer::OUTPUT).expect("the gazetteer"))
            .expect("a gazetteer"),
    );
    let mut blobs: Vec<&[u8]> = Vec::new();
    let mut from = 0;
    while from < bytes.len() {
        let mut to = (from + blob_bytes).min(bytes.len());
        // Whole lines: up to the next line break.
        to += bytes[to..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len() - to, |at| at + 1);
        blobs.push(&bytes[from..to.min(bytes.len())]);
        from = to;
    }
    let share = |blob: &[u8]| {
        (blob.as_ptr() as usize + blob.len() - bytes.as_ptr() as usize) as f64 / bytes.len() as f64
    };
    let mut coming = PiecesComing::default();
    let mut header = Vec::new();
    let mut steps = coming.start(
        "mine.csv",
        blobs[0],
        share(blobs[0]),
        Arc::clone(&place_names),
        &mut header,
    )?;
    for blob in &blobs[1..] {
        coming.check_lines(&mut steps, blob, share(blob))?;
    }
    let mut loaded = PiecesComing::finish(steps)?;
    if let Some(id) = collection_id {
        rename_loaded(&mut loaded, id);
    }
    let table = loaded.table.as_ref().map(|part| part.table.len());
    assert_eq!(table, Some(loaded.dataset.events.len()), "a row an event");
    let form = stored::write(&loaded);
    let read = stored::read(&form, place_names).expect("the stored form reads");
    assert_eq!(
        read.table.as_ref().map(|part| part.table.len()),
        table,
        "the table read back"
    );
    Ok(read)
}

#[test]
fn lines_checked_as_they_come_in_blobs_load_to_the_whole_import() {
    let file = acled_file(3_000);
    let expected = whole(acled::import(file.as_slice(), &info(), &mut |_| {}).expect("read"));
    let (bytes, _) = streamed(|pieces| {
        acled::import_in_pieces(file.as_slice(), &info(), &mut |_| {}, pieces).expect("read")
    });
    // One blob of everything, blobs of a few pieces, and blobs of one piece each.
    for blob_bytes in [usize::MAX / 2, 200_000, 1] {
        let loaded = checked_as_the_worker_does(&bytes, blob_bytes)
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(loaded.dataset.collection, expected.dataset.collection);
        assert_eq!(loaded.dataset.parties, expected.dataset.parties);
        assert_eq!(loaded.dataset.events, expected.dataset.events);
        assert_eq!(loaded.problems, expected.problems);
        assert_eq!(loaded.skipped, expected.skipped);
    }
    // A piece cut short refuses the file, as the page's checking does.
    let cut = bytes.len() - 20;
    let mut broken = bytes[..cut].to_vec();
    broken.push(b'\n');
    let refused = checked_as_the_worker_does(&broken, 200_000).err();
    let on_the_page =
        validate::load_lines("mine.csv", lines(&broken).into_iter().map(<[u8]>::to_vec)).err();
    assert!(refused.is_some());
    assert_eq!(refused, on_the_page);
}

#[test]
fn a_table_read_under_the_provisional_id_and_named_at_the_end_is_the_table_read_named() {
    // The worker reads a table once, under a provisional id, and learns the file's id (from
    // its fingerprint) at the end; the checker gives the collection that id before it writes
    // the stored form. What the page reads back is what reading it under that id gives.
    let file = acled_file(2_000);
    let stream = |info: &FileInfo| {
        streamed(|pieces| {
            acled::import_in_pieces(file.as_slice(), info, &mut |_| {}, pieces).expect("read")
        })
        .0
    };
    let named = info();
    let provisional = FileInfo {
        collection_id: PROVISIONAL_COLLECTION_ID.into(),
        ..info()
    };
    let expected = checked_as_the_worker_does(&stream(&named), 200_000)
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    let loaded = checked_and_named(&stream(&provisional), 200_000, Some(&named.collection_id))
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    assert_eq!(
        loaded.dataset.events.id_rename(),
        Some(("file-xxxxxxxxxxxx:", "file-0123456789ab:")),
        "the events' texts were packed under the provisional id, and stay so"
    );
    assert_eq!(loaded.dataset.collection, expected.dataset.collection);
    assert_eq!(loaded.dataset.parties, expected.dataset.parties);
    assert_eq!(loaded.dataset.events, expected.dataset.events);
    assert_eq!(
        loaded.dataset.events.to_vec(),
        expected.dataset.events.to_vec()
    );
    assert_eq!(loaded.problems, expected.problems);
    let table = |loaded: &Loaded| loaded.table.as_ref().map(|part| part.table.clone());
    let (Some(table), Some(expected_table)) = (table(&loaded), table(&expected)) else {
        panic!("both tables read back");
    };
    assert_eq!(table.collection_ids, vec![named.collection_id.clone()]);
    assert_eq!(table.collection_ids, expected_table.collection_ids);
    assert_eq!(table.search_text, expected_table.search_text);
    assert_eq!(table.start, expected_table.start);
    // The whole collection saved from it names every event by the file's id.
    let saved = serde_json::to_string(&loaded.dataset.events).expect("written");
    assert!(!saved.contains(PROVISIONAL_COLLECTION_ID));
    assert_eq!(saved.matches("\"id\":\"file-0123456789ab:").count(), 2_000);
}

#[test]
fn the_room_foreseen_for_the_events_follows_the_share_read() {
    // 1 MB of lines written by the time a tenth of the file was read: some 10.5 MB in all.
    let total = validate::total_foreseen(1_000_000, 0.1);
    assert!((10_000_000..11_000_000).contains(&total), "{total}");
    assert_eq!(validate::total_foreseen(1_000_000, 0.0), 0);
    assert_eq!(validate::total_foreseen(1_000_000, 2.0), 1_050_000);
    let piece = [b"[".as_slice(), &[b' '; 9_999]].concat();
    // This piece and the 10 of its size in the 100,000 bytes left.
    assert_eq!(
        validate::pieces_foreseen(200_000, 100_000, &piece),
        Some(11)
    );
    assert_eq!(validate::pieces_foreseen(200_000, 300_000, &piece), Some(1));
    // An addition line, or a piece too short to measure from, foretells nothing.
    assert_eq!(
        validate::pieces_foreseen(200_000, 100_000, &piece[..100]),
        None
    );
    let addition = [b"{".as_slice(), &[b' '; 9_999]].concat();
    assert_eq!(validate::pieces_foreseen(200_000, 100_000, &addition), None);
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
