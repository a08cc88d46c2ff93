//! Broken and malicious dataset files against the validator (`core::validate`), which the app
//! and `dataset check` both use. Each case asserts the exact words a user sees: the file, the
//! record id and the field path. Small cases are committed files in `tests/fixtures/hostile/`
//! (one per case); the huge ones (a 50 MB string, 10,000 nested arrays, thousands of bad
//! records) are generated here. The fuzz targets' committed corpora are replayed at the end, so
//! anything the fuzzers found stays fixed without a nightly toolchain.

use std::path::Path;
use std::time::Instant;

use incident_explorer::charts::{bar_chart, svg, timeline_chart};
use incident_explorer::core::date::Day;
use incident_explorer::core::query::{decode, encode};
use incident_explorer::core::validate::{
    self, cross_file_duplicates, is_web_url, load, resolve_cross_file_duplicates, Loaded, Severity,
    MAX_PROBLEMS, MAX_TEXT_BYTES,
};

const FIXTURES: &str = "tests/fixtures/hostile";

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(FIXTURES).join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The problems of a file that must be rejected whole, as printed.
fn rejected(name: &str) -> Vec<String> {
    match load(name, &fixture(name)) {
        Ok(loaded) => panic!(
            "{name} should be rejected, but loaded: {:?}",
            loaded.problems
        ),
        Err(problems) => {
            assert!(!problems.is_empty(), "{name}: rejected without a reason");
            assert!(problems.iter().all(|p| p.severity == Severity::Error));
            problems.iter().map(ToString::to_string).collect()
        }
    }
}

/// A file that must load (with records skipped), and its problems as printed.
fn loaded(name: &str) -> (Loaded, Vec<String>) {
    loaded_bytes(name, &fixture(name))
}

fn loaded_bytes(name: &str, bytes: &[u8]) -> (Loaded, Vec<String>) {
    match load(name, bytes) {
        Ok(loaded) => {
            let lines = loaded.problems.iter().map(ToString::to_string).collect();
            (loaded, lines)
        }
        Err(problems) => panic!("{name} should load, but was rejected: {problems:?}"),
    }
}

fn event_ids(loaded: &Loaded) -> Vec<String> {
    loaded.dataset.events.iter().map(|e| e.id).collect()
}

#[track_caller]
fn assert_has(lines: &[String], expected: &str) {
    assert!(
        lines.iter().any(|line| line.contains(expected)),
        "no problem contains {expected:?}:\n{}",
        lines.join("\n")
    );
}

/// One event in Syria, valid, as JSON.
fn event(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","date":{{"start":"2020-11-12","end":"2020-11-12","precision":"day"}},
        "places":[{{"name":"Daraa","governorate":"Daraa","lat":32.6,"lon":36.1,"precision":"exact"}}],
        "actors":[{{"actor":"russia","role":"target"}}],"kind":"ied","summary":"IED",
        "citations":[{{"source":"s","quote":"an IED explosion"}}]}}"#
    )
}

fn file_with_events(events: &[String]) -> String {
    format!(
        r#"{{"schema_version":1,"collection":{{"id":"t","name":"T","description":"d"}},
        "sources":[{{"id":"s","publisher":"sohr","title":"t","language":"en"}}],
        "events":[{}]}}"#,
        events.join(",")
    )
}

// --- Rejected whole ---------------------------------------------------------------------------

#[test]
fn malformed_json_is_rejected_with_line_record_and_excerpt() {
    let lines = rejected("malformed.json");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_has(
        &lines,
        "malformed.json / curated:broken-2: the file is not valid JSON, so it was rejected: \
         expected `,` or `}` at line 72 column 4, near “\"citations\": [ {",
    );
}

#[test]
fn nan_makes_the_file_invalid_json_and_the_message_says_why() {
    let lines = rejected("nan.json");
    assert_has(
        &lines,
        "nan.json / curated:nan-2 / best: the file is not valid JSON, so it was rejected: \
         expected value at line 82 column 14",
    );
    assert_has(&lines, "(NaN and Infinity are not JSON numbers");
    // Infinity too, anywhere.
    let infinity = file_with_events(&[event("t:1")]).replace("32.6", "Infinity");
    let Err(problems) = load("inf.json", infinity.as_bytes()) else {
        panic!("Infinity is not JSON")
    };
    assert!(
        problems[0].to_string().contains("t:1 / lat:"),
        "{problems:?}"
    );
}

#[test]
fn wrong_or_missing_schema_version_is_rejected() {
    assert_eq!(
        rejected("wrong_version.json"),
        [
            "wrong_version.json / schema_version: version 2 is not supported; this app reads \
          version 1, so the file was rejected"
        ]
    );
    assert_eq!(
        rejected("missing_version.json"),
        [
            "missing_version.json / schema_version: missing; this app reads files with \
          \"schema_version\": 1, so the file was rejected"
        ]
    );
    assert_eq!(
        rejected("string_version.json"),
        [
            "string_version.json / schema_version: must be the number 1, not a string; the file \
          was rejected"
        ]
    );
}

#[test]
fn wrong_top_level_shape_is_rejected() {
    assert_eq!(
        rejected("top_level_array.json"),
        [
            "top_level_array.json: the file is an array, not a JSON object with schema_version, \
          collection, sources and events; it was rejected"
        ]
    );
    assert_eq!(
        rejected("events_not_array.json"),
        [
            "events_not_array.json / events: must be an array of events, not an object; the file \
          was rejected"
        ]
    );
    let no_events =
        r#"{"schema_version":1,"collection":{"id":"t","name":"T","description":"d"},"sources":[]}"#;
    let Err(problems) = load("x.json", no_events.as_bytes()) else {
        panic!("a collection without events is rejected")
    };
    assert!(problems[0]
        .to_string()
        .starts_with("x.json / events: missing"));
    let bad_header = r#"{"schema_version":1,"collection":{"id":"t","name":7,"description":"d"},"sources":[],"events":[]}"#;
    let Err(problems) = load("x.json", bad_header.as_bytes()) else {
        panic!("a broken header is rejected")
    };
    assert_eq!(
        problems[0].to_string(),
        "x.json / collection.name: invalid type: integer `7`, expected a string; the collection \
         header is not valid, so the file was rejected"
    );
}

#[test]
fn deeply_nested_arrays_are_rejected_by_the_recursion_limit() {
    let depth = 10_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let text = file_with_events(&[event("t:1")]).replace(
        r#""summary":"IED""#,
        &format!(r#""summary":"IED","weapons":{nested}"#),
    );
    let started = Instant::now();
    let Err(problems) = load("deep.json", text.as_bytes()) else {
        panic!("10,000 nested arrays must be rejected")
    };
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    let line = problems[0].to_string();
    assert!(
        line.starts_with("deep.json / t:1 / weapons: the file is not valid JSON"),
        "{line}"
    );
    assert!(line.contains("recursion limit exceeded"), "{line}");
    assert!(line.contains("nested more than 128 levels deep"), "{line}");
    // Nesting the parser accepts, in a field the model does not know, costs only a warning.
    let shallow = file_with_events(&[event("t:1")]).replace(
        r#""summary":"IED""#,
        &format!(
            r#""summary":"IED","deep":{}{}"#,
            "[".repeat(100),
            "]".repeat(100)
        ),
    );
    let (loaded, lines) = loaded_bytes("shallow.json", shallow.as_bytes());
    assert_eq!(event_ids(&loaded), ["t:1"]);
    assert_eq!(
        lines,
        ["warning: shallow.json / t:1 / deep: unknown field, ignored (is its name misspelt?)"]
    );
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(file_with_events(&[event("t:1")]).as_bytes());
    let (loaded, lines) = loaded_bytes("bom.json", &bytes);
    assert_eq!(event_ids(&loaded), ["t:1"]);
    assert!(lines.is_empty(), "{lines:?}");
}

// --- Records skipped ----------------------------------------------------------------------------

#[test]
fn wrong_types_skip_the_record_and_name_the_field_path() {
    let (loaded, lines) = loaded("wrong_types.json");
    assert_eq!(event_ids(&loaded), ["curated:good-1"]);
    assert_eq!(loaded.skipped, 6);
    let f = "wrong_types.json";
    for expected in [
        format!("{f} / curated:lat-string-2 / places[0].lat: invalid type: string \"32.62\", expected a number"),
        format!("{f} / curated:best-string-3 / casualties[0].best: invalid type: string \"x\", expected a whole number, 0 or more"),
        format!("{f} / curated:summary-number-4 / summary: invalid type: integer `42`, expected a string"),
        format!("{f} / curated:kind-unknown-5 / kind: unknown variant `teleportation`, expected one of `airstrike`"),
        format!("{f} / curated:actors-object-6 / actors: invalid type: map, expected a sequence"),
        format!("{f} / curated:precision-bool-7 / date.precision: invalid type: boolean `true`"),
    ] {
        assert_has(&lines, &expected);
    }
}

#[test]
fn missing_required_fields_are_named_with_their_path() {
    let (loaded, lines) = loaded("missing_fields.json");
    assert_eq!(event_ids(&loaded), ["curated:good-1"]);
    assert_eq!(
        lines,
        [
            "missing_fields.json / curated:no-date-2 / date: required field is missing",
            "missing_fields.json / curated:no-group-3 / casualties[0].group: required field is missing",
            "missing_fields.json / curated:no-quote-4 / citations[0].quote: required field is missing",
            "missing_fields.json / event #5 / id: required field is missing",
        ]
    );
}

#[test]
fn unknown_fields_are_warnings_and_the_record_loads() {
    let (loaded, lines) = loaded("unknown_fields.json");
    assert_eq!(
        event_ids(&loaded),
        ["curated:good-1", "curated:typo-2", "curated:nested-3"]
    );
    assert_eq!(loaded.skipped, 1);
    let w = "warning: unknown_fields.json";
    let unknown = "unknown field, ignored (is its name misspelt?)";
    assert_eq!(
        lines,
        [
            format!("{w} / collection.colour: {unknown}"),
            format!("{w} / extra_top: {unknown}"),
            format!("{w} / src / homepage: {unknown}"),
            format!("{w} / curated:typo-2 / sumary: {unknown}"),
            format!("{w} / curated:nested-3 / places[0].altitude: {unknown}"),
            // A misspelt required field is both unknown and missing: together they say the fix.
            format!("{w} / curated:misspelt-required-4 / summray: {unknown}"),
            "unknown_fields.json / curated:misspelt-required-4 / summary: required field is missing"
                .to_string(),
        ]
    );
    assert!(loaded.problems[..6]
        .iter()
        .all(|p| p.severity == Severity::Warning));
}

#[test]
fn many_unknown_fields_in_one_record_are_counted_not_listed() {
    let extra: String = (0..50).map(|i| format!(r#""x{i}":{i},"#)).collect();
    let text = file_with_events(&[event("t:1").replacen('{', &format!("{{{extra}"), 1)]);
    let (loaded, lines) = loaded_bytes("many.json", text.as_bytes());
    assert_eq!(event_ids(&loaded), ["t:1"]);
    assert_eq!(
        lines.len(),
        validate::MAX_UNKNOWN_PER_RECORD + 1,
        "{lines:?}"
    );
    assert_has(
        &lines,
        "many.json / t:1: 45 more unknown fields were ignored",
    );
}

#[test]
fn duplicate_ids_in_one_file_keep_the_first_record() {
    let (loaded, lines) = loaded("duplicate_ids.json");
    assert_eq!(event_ids(&loaded), ["curated:1", "curated:2"]);
    assert_eq!(loaded.dataset.events.to_vec()[0].summary, "Event 1");
    assert!(loaded.dataset.figures.is_empty());
    assert_eq!(loaded.dataset.sources.len(), 1);
    assert_eq!(loaded.skipped, 3);
    assert_eq!(
        lines,
        [
            "duplicate_ids.json / src / id: another source of this file already has this id",
            "duplicate_ids.json / curated:1 / id: the id is already used by an earlier record (event #1)",
            "duplicate_ids.json / curated:2 / id: the id is already used by an earlier record (event #2)",
        ]
    );
}

#[test]
fn duplicate_ids_across_files_are_reported_and_dropped_from_the_later_file() {
    let (a, _) = loaded("cross_a.json");
    let (b, b_lines) = loaded("cross_b.json");
    assert_eq!(
        b_lines,
        [
            "warning: cross_b.json / curated:2 / id: does not start with the collection id \
          “ucdp:”, so it may clash with another collection's ids"
        ]
    );
    let mut files = vec![a, b];
    let problems: Vec<String> = cross_file_duplicates(&files)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "cross_b.json / curated:2 / id: the id is already used by a record of cross_a.json; \
          only that one is shown"
        ]
    );
    resolve_cross_file_duplicates(&mut files);
    assert_eq!(event_ids(&files[0]), ["curated:1", "curated:2"]);
    assert_eq!(event_ids(&files[1]), ["ucdp:1"]);
    assert_eq!(files[1].skipped, 1);
    assert_has(
        &files[1]
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        "cross_b.json / curated:2 / id: the id is already used by a record of cross_a.json",
    );
    assert!(cross_file_duplicates(&files).is_empty());
    // The same collection loaded twice is named too.
    let (again, _) = loaded("cross_a.json");
    let twice: Vec<String> = cross_file_duplicates(&[files.swap_remove(0), again])
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_has(
        &twice,
        "cross_a.json / collection.id: the collection “curated” is already loaded from cross_a.json",
    );
}

#[test]
fn impossible_dates_are_named() {
    let (loaded, lines) = loaded("impossible_dates.json");
    assert_eq!(event_ids(&loaded), ["curated:good-1", "curated:leap-ok-6"]);
    let f = "impossible_dates.json";
    for expected in [
        format!("{f} / curated:feb-30-2 / date.start: “2019-02-30”: 2019-02 has no day 30"),
        format!(
            "{f} / curated:backwards-3 / date.end: ends (2020-11-01) before it starts (2020-11-12)"
        ),
        format!("{f} / curated:month-13-4 / date.start: “2019-13-01”: month 13 does not exist"),
        format!(
            "{f} / curated:words-5 / date.start: “yesterday”: not a date of the form YYYY-MM-DD"
        ),
        format!("{f} / curated:not-leap-7 / date.start: “2019-02-29”: 2019-02 has no day 29"),
    ] {
        assert_has(&lines, &expected);
    }
}

#[test]
fn coordinates_outside_syria_are_named() {
    let (loaded, lines) = loaded("outside_syria.json");
    assert_eq!(event_ids(&loaded), ["curated:good-1"]);
    let f = "outside_syria.json";
    let outside = "(latitude, longitude) are outside Syria (32.2 to 37.4 N, 35.6 to 42.5 E)";
    for expected in [
        format!("{f} / curated:paris-2 / places[0]: coordinates 48.8566, 2.3522 {outside}"),
        format!("{f} / curated:null-island-3 / places[0]: coordinates 0, 0 {outside}"),
        format!("{f} / curated:swapped-4 / places[0]: coordinates 36.2, 33.5 {outside}"),
        format!(
            "{f} / curated:lat-only-5 / places[0]: latitude and longitude must be given together"
        ),
        format!("{f} / curated:second-place-6 / places[1]: coordinates -33.9, 151.2 {outside}"),
        format!("{f} / curated:no-place-7 / places: an event needs at least one place"),
    ] {
        assert_has(&lines, &expected);
    }
}

#[test]
fn negative_fractional_and_overflowing_counts_skip_the_record() {
    let (loaded, lines) = loaded("negative_counts.json");
    assert_eq!(event_ids(&loaded), ["curated:good-1"]);
    let f = "negative_counts.json";
    let whole = "expected a whole number, 0 or more";
    for expected in [
        format!("{f} / curated:negative-2 / casualties[0].best: invalid value: negative number `-3`, {whole}"),
        format!("{f} / curated:float-3 / casualties[0].best: invalid type: floating point `2.5`, {whole}"),
        format!("{f} / curated:negative-count-4 / count.value: invalid value: negative number `-1`, {whole}"),
        format!("{f} / curated:huge-5 / casualties[0].best: invalid type: floating point `1.8446744073709552e+19`, {whole}"),
        format!("{f} / curated:exponent-6 / casualties[0].best: invalid type: floating point `1000.0`, {whole}"),
    ] {
        assert_has(&lines, &expected);
    }
}

#[test]
fn references_to_missing_sources_parties_and_dyads_are_named() {
    let (loaded, lines) = loaded("bad_references.json");
    assert_eq!(event_ids(&loaded), ["ucdp:good-1"]);
    let f = "bad_references.json";
    assert_eq!(
        lines,
        [
            format!("warning: {f} / dyads[0].side_b: no party has the index 7"),
            format!("{f} / ucdp:unknown-source-2 / citations[0].source: “nowhere” is not a source of this file"),
            format!("{f} / ucdp:no-citation-3 / citations: every record needs at least one citation"),
            format!("{f} / ucdp:empty-quote-4 / citations[0].quote: the quote is empty"),
            format!("{f} / ucdp:bad-party-5 / actors[0].party: no party has the index 9"),
            format!("{f} / ucdp:bad-casualty-party-6 / casualties[0].party: no party has the index 3"),
        ]
    );
}

#[test]
fn source_urls_that_are_not_http_are_warnings_and_never_links() {
    let (loaded, lines) = loaded("bad_urls.json");
    assert_eq!(loaded.skipped, 0);
    assert_eq!(loaded.dataset.sources.len(), 6);
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    let f = "warning: bad_urls.json";
    assert_eq!(
        lines,
        [
            format!("{f} / js / url: “javascript:window.__pwned=1” is not an http(s) address; it is shown as text, not as a link"),
            format!("{f} / js-space / url: “ \\u{{9}}javascript:alert(1)” is not an http(s) address; it is shown as text, not as a link"),
            format!("{f} / data / url: “data:text/html,<script>alert(1)</script>” is not an http(s) address; it is shown as text, not as a link"),
            format!("{f} / protocol-relative / url: “//evil.example/x” is not an http(s) address; it is shown as text, not as a link"),
            format!("{f} / bad-date / published: “2019-02-30”: 2019-02 has no day 30"),
        ]
    );
    let links: Vec<&str> = loaded
        .dataset
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .filter(|u| is_web_url(u))
        .collect();
    assert_eq!(links, ["https://example.org/report"]);
}

#[test]
fn a_skipped_source_explains_why_its_citations_fail() {
    let text = file_with_events(&[event("t:1")]).replace(
        r#""language":"en"}"#,
        r#""language":"en"},{"id":"s2","publisher":"nobody","title":"t","language":"en"}"#,
    );
    let text = text.replace(r#""source":"s""#, r#""source":"s2""#);
    let (loaded, lines) = loaded_bytes("src.json", text.as_bytes());
    assert!(loaded.dataset.events.is_empty());
    assert_eq!(loaded.skipped, 2);
    assert_has(
        &lines,
        "src.json / s2 / publisher: unknown variant `nobody`",
    );
    assert_has(
        &lines,
        "src.json / t:1 / citations[0].source: “s2” is a source that was skipped (see its problem)",
    );
}

// --- Huge input -------------------------------------------------------------------------------

#[test]
fn a_50_mb_string_skips_only_its_record_and_the_file_still_loads_quickly() {
    let huge = "A".repeat(50 * 1024 * 1024);
    let events: Vec<String> = (1..=100)
        .map(|i| event(&format!("t:{i}")))
        .chain([event("t:huge").replace(r#""summary":"IED""#, &format!(r#""summary":"{huge}""#))])
        .collect();
    let text = file_with_events(&events);
    drop(huge);
    let started = Instant::now();
    let (loaded, lines) = loaded_bytes("huge.json", text.as_bytes());
    let took = started.elapsed();
    assert_eq!(loaded.dataset.events.len(), 100);
    assert_eq!(loaded.skipped, 1);
    assert_eq!(
        lines,
        [format!(
            "huge.json / t:huge / summary: text of {} bytes is longer than the {MAX_TEXT_BYTES} allowed",
            50 * 1024 * 1024
        )]
    );
    // A generous bound for a debug build on a busy machine; a release build takes well under
    // a second.
    assert!(took.as_secs() < 30, "loading took {took:?}");
}

#[test]
fn huge_text_anywhere_is_caught_with_its_path() {
    let big = "B".repeat(MAX_TEXT_BYTES + 1);
    // In a nested field of a record: the record is skipped.
    let nested = event("t:2").replace(
        r#""quote":"an IED explosion""#,
        &format!(r#""quote":"an IED explosion","reported_by":"{big}""#),
    );
    // As a key: no field has such a name.
    let key = event("t:3").replacen('{', &format!(r#"{{"{}":1,"#, "k".repeat(5000)), 1);
    // As an id: named by position, the id shortened.
    let id = event(&big);
    let text = file_with_events(&[event("t:1"), nested, key, id]);
    let (loaded, lines) = loaded_bytes("big.json", text.as_bytes());
    assert_eq!(event_ids(&loaded), ["t:1"]);
    let too_long = format!("is longer than the {MAX_TEXT_BYTES} allowed");
    assert_has(
        &lines,
        &format!("big.json / t:2 / citations[0].reported_by: text of 100001 bytes {too_long}"),
    );
    assert_has(
        &lines,
        &format!(
            "big.json / t:3 / {}…: text of 5000 bytes {too_long}",
            "k".repeat(40)
        ),
    );
    assert_has(
        &lines,
        &format!(
            "big.json / event #4 (id “{}…”) / id: text of 100001 bytes {too_long}",
            "B".repeat(40)
        ),
    );
    // In the header: parties are referenced by index and cannot be dropped one by one.
    let header = file_with_events(&[event("t:1")]).replace(
        r#""events""#,
        &format!(r#""parties":[{{"name":"{big}","actors":["russia"]}}],"events""#),
    );
    let Err(problems) = load("header.json", header.as_bytes()) else {
        panic!("oversized header text rejects the file")
    };
    assert_eq!(
        problems[0].to_string(),
        format!(
            "header.json / parties[0].name: text of 100001 bytes {too_long}; the file was rejected"
        )
    );
}

#[test]
fn problems_are_capped_so_a_hostile_file_cannot_flood_the_panel() {
    let events: Vec<String> = (0..5_000)
        .map(|i| event(&format!("t:{i}")).replace("2020-11-12\",\"end", "2019-02-30\",\"end"))
        .collect();
    let (loaded, lines) = loaded_bytes("flood.json", file_with_events(&events).as_bytes());
    assert_eq!(loaded.skipped, 5_000);
    assert_eq!(lines.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        lines.last().map(String::as_str),
        Some(
            "warning: flood.json: 4000 more problems were found and not listed (only the first \
             1000 are)"
        )
    );
}

#[test]
fn control_characters_and_bidi_overrides_from_the_file_are_escaped_in_messages() {
    let evil = event("t:1")
        .replace(
            r#""id":"t:1""#,
            r#""id":"\u001b[2J\u001b[31mred\u202egnp.exe""#,
        )
        .replace(r#""kind":"ied""#, r#""kind":"\u0007bell""#);
    let (loaded, lines) = loaded_bytes("ctl.json", file_with_events(&[evil]).as_bytes());
    assert!(loaded.dataset.events.is_empty());
    for line in &lines {
        assert!(
            !line.chars().any(|c| c.is_control() || c == '\u{202E}'),
            "{line:?}"
        );
    }
    assert_has(
        &lines,
        "ctl.json / event #1 (id “\\u{1b}[2J\\u{1b}[31mred\\u{202e}gnp.exe”) / kind: unknown variant `\\u{7}bell`",
    );
}

// --- Links and rendering ------------------------------------------------------------------------

#[test]
fn only_absolute_http_urls_become_links() {
    for good in [
        "https://example.org/a",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/Report.pdf",
        "hTtPs://example.org/?q=1&x=%20",
        "https://example.org/path#frag",
    ] {
        assert!(is_web_url(good), "{good:?} should be a link");
    }
    for bad in [
        "javascript:window.__pwned=1",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\tjavascript:alert(1)",
        "\njavascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript://example.org/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "\\\\evil.example\\x",
        "/relative/path",
        "example.org",
        "https:evil.example",
        "https:/evil.example",
        "https://",
        "https:///evil.example",
        "https://\\evil.example",
        " https://example.org",
        "https://example.org ",
        "https://exa mple.org",
        "https://example.org/\u{0}",
        "https://example.org/\u{7f}",
        "https://example.org/\u{2028}",
        "ｈｔｔｐｓ://example.org",
        "",
    ] {
        assert!(!is_web_url(bad), "{bad:?} must not be a link");
    }
}

#[test]
fn chart_svg_escapes_any_text_it_is_given() {
    // The charts' texts are vocabulary labels and numbers, not data; if that changes, plotters
    // still escapes them in the SVG a reader downloads and opens (the page paints on a canvas,
    // where text is never markup).
    let hostile = "<script>window.__pwned=1</script><img src=x onerror=alert(1)> & \"'";
    let columns = [timeline_chart::Column {
        start: Day(18_000),
        end_exclusive: Day(18_030),
        segments: vec![(0, 3.0)],
        imprecise: 0.0,
    }];
    let Ok(timeline) = svg::draw(&timeline_chart::TimelineChart::new(
        columns.to_vec(),
        Vec::new(),
        hostile,
    )) else {
        panic!("the timeline draws")
    };
    let Ok(bars) = svg::draw(&bar_chart::BarChart::new(
        vec![bar_chart::Bar {
            label: hostile.to_string(),
            value: 1.0,
            selected: false,
        }],
        600,
    )) else {
        panic!("the bar chart draws")
    };
    for svg in [&timeline.svg, &bars.svg] {
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
    }
}

// --- The fixtures the browser tests serve -------------------------------------------------------

#[test]
fn the_xss_fixture_loads_with_every_payload_intact() {
    let (loaded, lines) = loaded("xss.json");
    assert_eq!(loaded.skipped, 0, "{lines:?}");
    assert_eq!(loaded.dataset.events.len(), 22);
    assert_eq!(loaded.dataset.figures.len(), 4);
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning && p.field.as_deref() == Some("url")));
    let first = &loaded.dataset.events.to_vec()[0];
    assert_eq!(first.summary, "XSS 01: <script>window.__pwned=1</script>");
    assert_eq!(
        first.citations[0].quote,
        "<script>window.__pwned=1</script>"
    );
    let urls: Vec<&str> = loaded
        .dataset
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .collect();
    assert!(urls.iter().all(|u| !is_web_url(u)), "{urls:?}");
}

#[test]
fn the_partial_fixture_loads_three_of_six() {
    let (loaded, _) = loaded("partial.json");
    assert_eq!(
        event_ids(&loaded),
        [
            "curated:partial-good-1",
            "curated:partial-good-3",
            "curated:partial-good-6"
        ]
    );
    assert_eq!(loaded.skipped, 3);
}

// --- The command-line checker -------------------------------------------------------------------

#[test]
fn dataset_check_prints_the_same_problems() {
    for name in ["wrong_types.json", "nan.json", "unknown_fields.json"] {
        let path = format!("{FIXTURES}/{name}");
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_dataset"))
            .args(["check", &path])
            .output()
            .unwrap_or_else(|error| panic!("dataset check: {error}"));
        assert!(
            !output.status.success(),
            "{name}: errors must fail the check"
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        let expected: Vec<String> = match load(&path, &fixture(name)) {
            Ok(loaded) => loaded.problems.iter().map(ToString::to_string).collect(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        };
        for line in &expected {
            assert!(
                stdout.lines().any(|printed| printed == line),
                "{name}: {line:?} not printed:\n{stdout}"
            );
        }
    }
}

// --- The fuzzers' regression corpora ------------------------------------------------------------

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new("fuzz/corpus").join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            (name, bytes)
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "{}: the corpus lost its files",
        dir.display()
    );
    files
}

/// What `fuzz/fuzz_targets/dataset_parser.rs` checks, on its committed corpus.
#[test]
fn dataset_parser_corpus_round_trips() {
    for (name, bytes) in corpus("dataset_parser") {
        let Ok(first) = load(&name, &bytes) else {
            continue;
        };
        let written = serde_json::to_vec(&first.dataset).unwrap_or_default();
        let second = match load(&name, &written) {
            Ok(second) => second,
            Err(problems) => panic!("{name}: written out, it was rejected: {problems:?}"),
        };
        assert_eq!(second.skipped, 0, "{name}: {:?}", second.problems);
        assert!(
            second
                .problems
                .iter()
                .all(|p| p.severity == Severity::Warning),
            "{name}: {:?}",
            second.problems
        );
        assert_eq!(second.dataset, first.dataset, "{name}");
    }
}

/// What `fuzz/fuzz_targets/url_codec.rs` checks, on its committed corpus.
#[test]
fn url_codec_corpus_is_a_fixed_point() {
    for (name, bytes) in corpus("url_codec") {
        let query = String::from_utf8_lossy(&bytes);
        let (state, _) = decode(&query);
        let once = encode(&state);
        let (again, notices) = decode(&once);
        assert_eq!(again, state, "{name}: via {once:?}");
        assert!(notices.is_empty(), "{name}: {notices:?}");
        assert_eq!(encode(&again), once, "{name}");
    }
}
