//! Tests of the collection checks: files refused or loaded, records skipped and named by their
//! paths, warnings, and the importer's pieces checked in one pass.

use super::*;

#[test]
fn a_record_without_a_valid_id_is_named_in_either_language() {
    use crate::core::i18n::Lang;
    for (what, _) in RECORD_KINDS {
        for raw in [serde_json::json!({}), serde_json::json!({"id": "a b “c”"})] {
            let label = record_label(&raw, what, 2);
            let said = record_said(&label).unwrap_or_else(|| panic!("{label}"));
            // The English is the label the command line prints.
            assert_eq!(said.english(), label);
            let arabic = Lang::Ar.said(&said);
            assert!(!arabic.contains(what), "{arabic}");
            assert!(arabic.contains('3'), "{arabic}");
        }
        // A valid id stays as written.
        let named = record_label(&serde_json::json!({"id": "ucdp:7"}), what, 0);
        assert_eq!(record_said(&named), None);
    }
}

/// The straight read of a record gives what the read through a JSON tree gives, or
/// nothing: for every event of the bundled collections, and for records it must leave to
/// the tree (a field it does not know, a field given twice, a text too long, a bad value).
#[test]
fn a_clean_record_reads_straight_as_through_a_tree() {
    #[derive(serde::Deserialize)]
    struct Events<'a> {
        #[serde(borrow)]
        events: Vec<&'a RawValue>,
    }
    let through_tree = |raw: &RawValue| {
        let mut problems = Problems::new("f");
        let value = parse_record(raw).expect("a record parses");
        read_record::<Event>(value, "label", &mut problems)
    };
    for file in ["public/data/curated.json", "public/data/ucdp.json"] {
        let bytes = std::fs::read(file).expect("a bundled collection");
        let text = std::str::from_utf8(&bytes).expect("text");
        let file: Events<'_> = serde_json::from_str(text).expect("its events");
        assert!(!file.events.is_empty());
        for raw in file.events {
            let straight = read_clean_record::<Event>(raw);
            assert!(straight.is_some(), "{}", raw.get());
            assert_eq!(straight, through_tree(raw));
        }
    }
    let event: Value = serde_json::from_str(GOOD).expect("GOOD is JSON");
    let with = |key: &str, value: Value| {
        let mut changed = event.clone();
        changed[key] = value;
        changed.to_string()
    };
    let good = RawValue::from_string(event.to_string()).expect("JSON");
    assert!(read_clean_record::<Event>(&good).is_some());
    let twice = GOOD.replacen(r#""id":"t:1","#, r#""id":"t:0","id":"t:1","#, 1);
    for text in [
        with("colour", Value::from("red")),
        with("summary", Value::from("x".repeat(MAX_TEXT_BYTES + 1))),
        with("date", Value::from("2020")),
        twice.clone(),
    ] {
        let raw = RawValue::from_string(text.clone()).expect("JSON");
        assert_eq!(read_clean_record::<Event>(&raw), None, "{text}");
    }
    // A record the importer wrote reads the same without the watch for unknown fields;
    // what else fails to read straight still goes through the tree.
    assert_eq!(
        read_written_record::<Event>(&good),
        read_clean_record::<Event>(&good)
    );
    for text in [
        with("summary", Value::from("x".repeat(MAX_TEXT_BYTES + 1))),
        with("date", Value::from("2020")),
        twice,
    ] {
        let raw = RawValue::from_string(text.clone()).expect("JSON");
        assert_eq!(read_written_record::<Event>(&raw), None, "{text}");
    }
}

/// The lines this app's importer writes are checked a piece in one pass (the first piece,
/// and a piece from an event that does not read straight on, the usual way): they load
/// to what the same lines checked as any collection's load to, events broken in later
/// pieces (first, in the middle, last) and spaces between events included.
#[test]
fn the_importers_pieces_checked_in_one_pass_load_as_any_pieces() {
    let bytes = std::fs::read("public/data/curated.json").expect("the curated collection");
    let dataset = load("curated.json", &bytes).expect("it loads").dataset;
    let events = dataset.events.len();
    let written = write_in_pieces(dataset, 3).expect("written");
    let mut lines: Vec<String> = lines_of(&written)
        .map(|line| String::from_utf8(line.to_vec()).expect("text"))
        .collect();
    assert!(lines.len() > 8, "{} lines", lines.len());
    let mut change = |line: usize, event: usize, change: &dyn Fn(&mut Value)| {
        let mut events: Vec<Value> = serde_json::from_str(&lines[line]).expect("a piece");
        change(&mut events[event]);
        lines[line] = serde_json::to_string(&events).expect("written");
    };
    change(3, 0, &|event| event["date"] = Value::from("2020"));
    change(5, 1, &|event| {
        event["summary"] = Value::from("x".repeat(MAX_TEXT_BYTES + 1))
    });
    change(6, 2, &|event| event["citations"] = Value::from(7));
    let twice = lines[7].replacen(r#"{"id":"#, r#"{"id":"x","id":"#, 2);
    lines[7] = twice.replacen(r#"{"id":"x","id":"#, r#"{"id":"#, 1);
    lines[8] = format!(
        " [ {} ] ",
        &lines[8][1..lines[8].len() - 1].replace(r#"},{"#, "} ,\n\t{")
    );
    let check = |lines: &[String], by_importer: bool| {
        let mut steps = LoadSteps::start("curated.json", lines[0].as_bytes())?;
        if by_importer {
            steps = steps.written_by_importer();
        }
        while !steps.step(usize::MAX)? {}
        for line in &lines[1..] {
            steps.check_piece(line.as_bytes())?;
        }
        steps.finish()
    };
    let (one_pass, usual) = (
        check(&lines, true).expect("loads"),
        check(&lines, false).expect("loads"),
    );
    // The field given twice reads through the tree (its last value counts): kept.
    assert_eq!(usual.skipped, 3, "{:?}", usual.problems);
    assert_eq!(one_pass.skipped, usual.skipped);
    assert_eq!(one_pass.problems, usual.problems);
    assert_eq!(one_pass.dataset.events, usual.dataset.events);
    assert_eq!(one_pass.dataset.events.len() + 3, events);
    // A piece with more after its closing bracket refuses the file either way.
    lines[4].push_str(" x");
    let refused = check(&lines, true).err();
    assert!(refused.is_some());
    assert_eq!(refused, check(&lines, false).err());
}

fn file_with_events(events: &str) -> String {
    format!(
        r#"{{"schema_version":1,"collection":{{"id":"t","name":"T","description":"d"}},
            "sources":[{{"id":"s","publisher":"sohr","title":"t","language":"en"}}],
            "events":[{events}]}}"#
    )
}

const GOOD: &str = r#"{"id":"t:1","date":{"start":"2020-11-12","end":"2020-11-12","precision":"day"},
        "places":[{"name":"Daraa","governorate":"Daraa","lat":32.6,"lon":36.1,"precision":"exact"}],
        "actors":[{"actor":"russia","role":"target"}],"kind":"ied","summary":"IED",
        "citations":[{"source":"s","quote":"an IED explosion"}]}"#;

fn lines(loaded: &Loaded) -> Vec<String> {
    loaded.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_good_file_loads_without_problems() {
    let loaded = load("t.json", file_with_events(GOOD).as_bytes());
    let loaded = loaded.map_err(|p| format!("{p:?}"));
    assert!(
        loaded
            .as_ref()
            .is_ok_and(|l| l.problems.is_empty() && l.dataset.events.len() == 1),
        "{loaded:?}"
    );
}

#[test]
fn rejects_files_that_are_not_collections() {
    for bad in [
            "",
            "[]",
            "{",
            "{\"schema_version\":2}",
            "{\"schema_version\":\"1\"}",
            "{\"schema_version\":1.5}",
            "null",
            "{\"schema_version\":1,\"collection\":{\"id\":\"t\",\"name\":\"T\",\"description\":\"d\"},\"sources\":[],\"events\":{}}",
            "{\"schema_version\":1,\"collection\":{\"id\":\"t\",\"name\":\"T\",\"description\":\"d\"},\"sources\":[]}",
            "{\"schema_version\":1,\"collection\":{\"id\":\"a b\",\"name\":\"T\",\"description\":\"d\"},\"sources\":[],\"events\":[]}",
        ] {
            assert!(
                load("bad.json", bad.as_bytes()).is_err(),
                "{bad} should be rejected"
            );
        }
}

#[test]
fn skips_bad_records_and_names_them() {
    let impossible = GOOD
        .replace("2020-11-12\",\"end\"", "2019-02-30\",\"end\"")
        .replace("t:1", "t:2");
    let backwards = GOOD
        .replace("\"end\":\"2020-11-12\"", "\"end\":\"2020-11-01\"")
        .replace("t:1", "t:3");
    let abroad = GOOD
        .replace("\"lat\":32.6", "\"lat\":48.8")
        .replace("t:1", "t:4");
    let unknown_actor = GOOD
        .replace("\"russia\"", "\"martians\"")
        .replace("t:1", "t:5");
    let negative = GOOD.replace("\"actors\"", "\"casualties\":[{\"group\":\"civilians\",\"outcome\":\"killed\",\"best\":-3,\"qualifier\":\"exact\"}],\"actors\"").replace("t:1", "t:6");
    let duplicate = GOOD.to_string();
    let events = [
        GOOD,
        &impossible,
        &backwards,
        &abroad,
        &unknown_actor,
        &negative,
        &duplicate,
    ]
    .join(",");
    let loaded = load("t.json", file_with_events(&events).as_bytes());
    let Ok(loaded) = loaded else {
        panic!("the file should load with records skipped");
    };
    assert_eq!(loaded.dataset.events.len(), 1);
    assert_eq!(loaded.skipped, 6);
    let text = lines(&loaded);
    let mentions = |needle: &str| text.iter().any(|line| line.contains(needle));
    assert!(mentions("t.json / t:2 / date.start"), "{text:?}");
    assert!(mentions("t:3 / date.end: ends"), "{text:?}");
    assert!(mentions("t:4 / places[0]: coordinates"), "{text:?}");
    assert!(
        mentions("t:5 / actors[0].actor: unknown variant `martians`"),
        "{text:?}"
    );
    assert!(
        mentions("t:6 / casualties[0].best: invalid value: negative number `-3`"),
        "{text:?}"
    );
    assert!(mentions("t:1 / id"), "{text:?}");
}

#[test]
fn inconsistent_ranges_load_with_a_warning() {
    // UCDP publishes some events whose low estimate is above the high one; they are kept as
    // published and flagged.
    let odd = GOOD.replace(
            "\"actors\"",
            "\"casualties\":[{\"group\":\"all\",\"outcome\":\"killed\",\"low\":4,\"best\":3,\"high\":3,\"qualifier\":\"exact\"}],\"actors\"",
        );
    let Ok(loaded) = load("t.json", file_with_events(&odd).as_bytes()) else {
        panic!("the file should load");
    };
    assert_eq!(loaded.dataset.events.len(), 1);
    assert_eq!(loaded.skipped, 0);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
    assert!(loaded.problems[0]
        .to_string()
        .starts_with("warning: t.json / t:1"));
}

#[test]
fn missing_fields_and_wrong_types_name_the_path() {
    let missing = GOOD.replace("\"summary\":\"IED\",", "");
    let float = GOOD.replace(
        "\"actors\"",
        "\"count\":{\"value\":2.5,\"qualifier\":\"exact\"},\"actors\"",
    );
    let text = GOOD.replace("\"lat\":32.6", "\"lat\":\"32.6\"");
    for (event, expected) in [
        (missing, "t:1 / summary: required field is missing"),
        (
            float,
            "t:1 / count.value: invalid type: floating point `2.5`, expected a whole number",
        ),
        (
            text,
            "t:1 / places[0].lat: invalid type: string \"32.6\", expected a number",
        ),
    ] {
        let Ok(loaded) = load("t.json", file_with_events(&event).as_bytes()) else {
            panic!("the file should load");
        };
        assert_eq!(loaded.skipped, 1);
        let text = lines(&loaded);
        assert!(text.iter().any(|l| l.contains(expected)), "{text:?}");
    }
}

#[test]
fn unknown_fields_warn_and_keep_the_record() {
    let event = GOOD
        .replace("\"kind\"", "\"sumary\":\"typo\",\"kind\"")
        .replace("\"role\":\"target\"", "\"role\":\"target\",\"rank\":1");
    let Ok(loaded) = load("t.json", file_with_events(&event).as_bytes()) else {
        panic!("the file should load");
    };
    assert_eq!(loaded.dataset.events.len(), 1);
    let text = lines(&loaded);
    assert!(
        text.contains(
            &"warning: t.json / t:1 / sumary: unknown field, ignored (is its name misspelt?)"
                .to_string()
        ),
        "{text:?}"
    );
    assert!(
        text.iter().any(|l| l.contains("t:1 / actors[0].rank")),
        "{text:?}"
    );
}

#[test]
fn only_http_links_count_as_links() {
    assert!(is_web_url("https://example.org/a"));
    assert!(is_web_url("HTTP://EXAMPLE.ORG"));
    assert!(!is_web_url("javascript:alert(1)"));
    assert!(!is_web_url("JAVASCRIPT:alert(1)"));
    assert!(!is_web_url(" \t\njavascript:alert(1)"));
    assert!(!is_web_url("data:text/html,x"));
    assert!(!is_web_url("https://a b"));
    assert!(!is_web_url("//evil.example"));
    assert!(!is_web_url("https:///evil.example"));
    assert!(!is_web_url("https://"));
    assert!(!is_web_url("https://a\u{0}b"));
    assert!(!is_web_url("ht\ttps://a"));
}

#[test]
fn printable_escapes_and_clips() {
    assert_eq!(printable("a\u{1b}[31mb", 10), "a\\u{1b}[31mb");
    assert_eq!(printable("abcdef", 3), "abc…");
    assert_eq!(printable("\u{202E}x", 5), "\\u{202e}x");
}
