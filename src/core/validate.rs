//! Reading a collection file that someone else produced, and saying exactly what is wrong with it.
//!
//! Policy: a file that is not JSON, has no or a different `schema_version`, or lacks the top-level
//! shape is rejected whole. Inside a readable file, each event or figure that fails to parse or
//! breaks a rule (impossible date, unknown vocabulary id, duplicate id, coordinates outside Syria,
//! citation of an unknown source, oversized text) is skipped and reported as
//! `file / record id / field: what is wrong`, and the valid records load. A researcher then still
//! sees the good data, and the count of what was skipped, instead of a blank page.

use std::collections::HashSet;
use std::fmt;

use serde_json::Value;

use super::date::Day;
use super::model::{Dataset, DateRange, Event, ReportedFigure, SCHEMA_VERSION};

/// Longest text accepted in one field. A 50 MB "summary" is an attack or an accident.
pub const MAX_TEXT_BYTES: usize = 100_000;

/// Syria's bounding box with a small margin; the native checker also tests the exact outline.
pub const SYRIA_BOUNDS: Bounds = Bounds {
    lat_min: 32.2,
    lat_max: 37.4,
    lon_min: 35.6,
    lon_max: 42.5,
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub lat_min: f64,
    pub lat_max: f64,
    pub lon_min: f64,
    pub lon_max: f64,
}

impl Bounds {
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.lat_min..=self.lat_max).contains(&lat) && (self.lon_min..=self.lon_max).contains(&lon)
    }
}

/// Whether a problem cost the record its place in the loaded data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The record was skipped (or the file rejected).
    Error,
    /// The record loaded as the source published it, but something in it looks wrong (UCDP
    /// ships 58 events whose low estimate exceeds their high one).
    Warning,
}

/// One thing wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// The id of the record, when there is one.
    pub record: Option<String>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        write!(f, "{}", self.file)?;
        if let Some(record) = &self.record {
            write!(f, " / {record}")?;
        }
        if let Some(field) = &self.field {
            write!(f, " / {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A file that loaded, possibly with records skipped.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    /// Every problem found; each skipped record has at least one.
    pub problems: Vec<Problem>,
    pub skipped: usize,
}

/// Parses and validates a collection file. `Err` means the whole file was rejected.
pub fn load(file: &str, bytes: &[u8]) -> Result<Loaded, Vec<Problem>> {
    let problem = |record: Option<String>, field: Option<&str>, message: String| Problem {
        severity: Severity::Error,
        file: file.to_string(),
        record,
        field: field.map(str::to_string),
        message,
    };
    let mut root: Value = serde_json::from_slice(bytes).map_err(|error| {
        vec![problem(
            None,
            None,
            format!("not a valid JSON document ({error})"),
        )]
    })?;
    let object = root.as_object_mut().ok_or_else(|| {
        vec![problem(
            None,
            None,
            "the file must be a JSON object with schema_version, collection, sources and events"
                .into(),
        )]
    })?;
    match object.get("schema_version").and_then(Value::as_u64) {
        Some(version) if version == u64::from(SCHEMA_VERSION) => {}
        Some(version) => {
            return Err(vec![problem(
                None,
                Some("schema_version"),
                format!(
                    "version {version} is not supported; this app reads version {SCHEMA_VERSION}"
                ),
            )])
        }
        None => {
            return Err(vec![problem(
                None,
                Some("schema_version"),
                format!("missing or not a number; expected {SCHEMA_VERSION}"),
            )])
        }
    }

    let mut problems = Vec::new();
    let mut skipped = 0;
    // Records are parsed one by one so that one bad record costs only itself.
    let raw_events = take_array(object, "events");
    let raw_figures = take_array(object, "figures");
    let mut shell: Dataset = serde_json::from_value(root).map_err(|error| {
        vec![problem(
            None,
            None,
            format!("the collection header is not valid: {error}"),
        )]
    })?;

    let mut events = Vec::with_capacity(raw_events.len());
    for (position, raw) in raw_events.into_iter().enumerate() {
        let record = record_name(&raw, "event", position);
        match serde_json::from_value::<Event>(raw) {
            Ok(event) => events.push(event),
            Err(error) => {
                skipped += 1;
                problems.push(problem(Some(record), None, error.to_string()));
            }
        }
    }
    let mut figures = Vec::with_capacity(raw_figures.len());
    for (position, raw) in raw_figures.into_iter().enumerate() {
        let record = record_name(&raw, "figure", position);
        match serde_json::from_value::<ReportedFigure>(raw) {
            Ok(figure) => figures.push(figure),
            Err(error) => {
                skipped += 1;
                problems.push(problem(Some(record), None, error.to_string()));
            }
        }
    }
    shell.events = events;
    shell.figures = figures;

    let (dataset, rule_problems, rule_skipped) = enforce_rules(file, shell);
    problems.extend(rule_problems);
    Ok(Loaded {
        dataset,
        problems,
        skipped: skipped + rule_skipped,
    })
}

fn take_array(object: &mut serde_json::Map<String, Value>, key: &str) -> Vec<Value> {
    match object.get_mut(key) {
        Some(Value::Array(items)) => std::mem::take(items),
        _ => Vec::new(),
    }
}

fn record_name(raw: &Value, what: &str, position: usize) -> String {
    match raw.get("id").and_then(Value::as_str) {
        Some(id) if id.len() <= 200 => id.to_string(),
        _ => format!("{what} #{}", position + 1),
    }
}

/// Checks the rules serde cannot express and drops the records that break them.
fn enforce_rules(file: &str, mut dataset: Dataset) -> (Dataset, Vec<Problem>, usize) {
    let mut problems = Vec::new();
    let source_ids: HashSet<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
    for source in &dataset.sources {
        let mut report = Reporter::new(file, &source.id, &mut problems);
        report.text("title", &source.title);
        if let Some(published) = &source.published {
            if let Err(error) = Day::parse(published) {
                report.add("published", error.to_string());
            }
        }
        if let Some(url) = &source.url {
            if !is_web_url(url) {
                report.add("url", "only http(s) addresses are shown as links".into());
            }
        }
    }

    let mut seen = HashSet::new();
    let party_count = dataset.parties.len();
    let dyad_count = dataset.dyads.len();
    let before = dataset.events.len();
    dataset.events.retain(|event| {
        let mut report = Reporter::new(file, &event.id, &mut problems);
        if !seen.insert(event.id.clone()) {
            report.add("id", "the id is used by an earlier record".into());
        }
        report.text("id", &event.id);
        report.date("date", &event.date);
        report.text("summary", &event.summary);
        if event.places.is_empty() {
            report.add("places", "an event needs at least one place".into());
        }
        for (index, place) in event.places.iter().enumerate() {
            report.text(&format!("places[{index}].name"), &place.name);
            report.coordinates(&format!("places[{index}]"), place.lat, place.lon);
        }
        for (index, actor) in event.actors.iter().enumerate() {
            if actor
                .party
                .is_some_and(|party| party as usize >= party_count)
            {
                report.add(&format!("actors[{index}].party"), "no such party".into());
            }
        }
        for (index, casualty) in event.casualties.iter().enumerate() {
            let field = format!("casualties[{index}]");
            if let (Some(low), Some(high)) = (casualty.low, casualty.high) {
                if low > high {
                    report.warn(
                        &field,
                        format!("low {low} is above high {high}, as published"),
                    );
                }
            }
            if let Some(wording) = &casualty.wording {
                report.text(&format!("{field}.wording"), wording);
            }
        }
        report.citations(&event.citations, &source_ids);
        if let Some(ucdp) = &event.ucdp {
            if ucdp.dyad as usize >= dyad_count {
                report.add("ucdp.dyad", "no such dyad".into());
            }
        }
        report.is_clean()
    });
    let mut skipped = before - dataset.events.len();

    let before = dataset.figures.len();
    dataset.figures.retain(|figure| {
        let mut report = Reporter::new(file, &figure.id, &mut problems);
        if !seen.insert(figure.id.clone()) {
            report.add("id", "the id is used by an earlier record".into());
        }
        report.date("period", &figure.period);
        report.citations(&figure.citations, &source_ids);
        report.is_clean()
    });
    skipped += before - dataset.figures.len();
    (dataset, problems, skipped)
}

/// Whether a link from data may be shown as a link: only absolute http(s) addresses.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(char::is_whitespace)
}

/// Collects the problems of one record.
struct Reporter<'a> {
    file: &'a str,
    record: &'a str,
    problems: &'a mut Vec<Problem>,
    found: usize,
}

impl<'a> Reporter<'a> {
    fn new(file: &'a str, record: &'a str, problems: &'a mut Vec<Problem>) -> Self {
        Reporter {
            file,
            record,
            problems,
            found: 0,
        }
    }

    fn add(&mut self, field: &str, message: String) {
        self.found += 1;
        self.push(Severity::Error, field, message);
    }

    /// Reports without skipping the record.
    fn warn(&mut self, field: &str, message: String) {
        self.push(Severity::Warning, field, message);
    }

    fn push(&mut self, severity: Severity, field: &str, message: String) {
        let record: String = self.record.chars().take(200).collect();
        self.problems.push(Problem {
            severity,
            file: self.file.to_string(),
            record: Some(record),
            field: Some(field.to_string()),
            message,
        });
    }

    fn is_clean(&self) -> bool {
        self.found == 0
    }

    fn text(&mut self, field: &str, text: &str) {
        if text.len() > MAX_TEXT_BYTES {
            self.add(
                field,
                format!(
                    "text of {} bytes is longer than the {MAX_TEXT_BYTES} allowed",
                    text.len()
                ),
            );
        }
    }

    fn date(&mut self, field: &str, range: &DateRange) {
        let start = Day::parse(&range.start);
        let end = Day::parse(&range.end);
        if let Err(error) = &start {
            self.add(
                &format!("{field}.start"),
                format!("“{}”: {error}", clip(&range.start)),
            );
        }
        if let Err(error) = &end {
            self.add(
                &format!("{field}.end"),
                format!("“{}”: {error}", clip(&range.end)),
            );
        }
        if let (Ok(start), Ok(end)) = (start, end) {
            if end < start {
                self.add(
                    &format!("{field}.end"),
                    format!("ends ({end}) before it starts ({start})"),
                );
            }
        }
    }

    fn coordinates(&mut self, field: &str, lat: Option<f64>, lon: Option<f64>) {
        match (lat, lon) {
            (None, None) => {}
            (Some(lat), Some(lon)) if SYRIA_BOUNDS.contains(lat, lon) => {}
            (Some(lat), Some(lon)) => {
                self.add(field, format!("coordinates {lat}, {lon} are outside Syria"))
            }
            _ => self.add(
                field,
                "latitude and longitude must be given together".into(),
            ),
        }
    }

    fn citations(&mut self, citations: &[super::model::Citation], sources: &HashSet<String>) {
        if citations.is_empty() {
            self.add(
                "citations",
                "every record needs at least one citation".into(),
            );
        }
        for (index, citation) in citations.iter().enumerate() {
            if !sources.contains(&citation.source) {
                self.add(
                    &format!("citations[{index}].source"),
                    format!("“{}” is not a source of this file", clip(&citation.source)),
                );
            }
            if citation.quote.trim().is_empty() {
                self.add(
                    &format!("citations[{index}].quote"),
                    "the quote is empty".into(),
                );
            }
            self.text(&format!("citations[{index}].quote"), &citation.quote);
        }
    }
}

/// Keeps messages short when the offending value is huge.
fn clip(text: &str) -> String {
    let mut clipped: String = text.chars().take(40).collect();
    if clipped.len() < text.len() {
        clipped.push('…');
    }
    clipped
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "null",
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
        let text: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        let mentions = |needle: &str| text.iter().any(|line| line.contains(needle));
        assert!(mentions("t.json / t:2 / date.start"), "{text:?}");
        assert!(mentions("t:3 / date.end: ends"), "{text:?}");
        assert!(mentions("t:4 / places[0]: coordinates"), "{text:?}");
        assert!(mentions("t:5"), "{text:?}");
        assert!(mentions("t:6"), "{text:?}");
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
    fn only_http_links_count_as_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("JAVASCRIPT:alert(1)"));
        assert!(!is_web_url("data:text/html,x"));
        assert!(!is_web_url("https://a b"));
    }
}
