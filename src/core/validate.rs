//! Reading a collection file that someone else produced, and saying exactly what is wrong with it.
//!
//! Policy: a file that is not JSON, has no or a different `schema_version`, or lacks the top-level
//! shape is rejected whole. Inside a readable file, each event or figure that fails to parse or
//! breaks a rule (impossible date, unknown vocabulary id, duplicate id, coordinates outside Syria,
//! citation of an unknown source, oversized text) is skipped and reported as
//! `file / record id / field: what is wrong`, and the valid records load. A researcher then still
//! sees the good data, and the count of what was skipped, instead of a blank page.
//!
//! In detail:
//!
//! - **Rejected whole** (`Err`): bytes that are not one JSON document (including `NaN`, which
//!   JSON does not have, and nesting deeper than serde_json's limit of 128); a root that is not
//!   an object; `schema_version` missing, not a number or not
//!   [`SCHEMA_VERSION`](super::model::SCHEMA_VERSION); `sources`,
//!   `events` or `figures` that are not arrays; a `collection`, `parties` or `dyads` that does not
//!   parse or holds text over [`MAX_TEXT_BYTES`] (parties and dyads are referenced by index, so
//!   one cannot be dropped without shifting the others). For invalid JSON the problem gives the
//!   line and column, the field whose value is broken when it can tell, and the last record id
//!   before the error, so the place can be found in a 20 MB file.
//! - **Skipped and reported** ([`Severity::Error`]): a source, event or figure that does not
//!   parse (the message names the field path, for example `casualties[0].best`), holds text over
//!   [`MAX_TEXT_BYTES`], has an id that a link cannot name or that an earlier record of the file
//!   already uses, or breaks a rule below. Events and figures citing a skipped source are skipped
//!   too, with a message saying why.
//! - **Kept with a warning** ([`Severity::Warning`]): fields the model does not know (a typo in
//!   an optional field name would otherwise silently lose data), a source URL that is not
//!   http(s) (it is shown as text, never as a link), a source date that does not parse, ids
//!   without their collection prefix, a low estimate above the high one (as UCDP publishes it).
//!
//! Every text taken from the file into a message is shortened and has its control characters
//! escaped, so a hostile file cannot flood the error panel or inject terminal escapes into the
//! output of `dataset check`. At most [`MAX_PROBLEMS`] problems are kept; the last one says how
//! many more there were.

use std::fmt;

use rustc_hash::FxHashSet;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;

use super::date::Day;
use super::i18n::Said;
use super::model::{Dataset, Event, Source};
use super::query::is_event_id;
use super::records::Records;

mod across_files;
mod json_error;
mod piece_writer;
mod pieces_coming;
mod problems;
mod seen_ids;
pub mod steps;

pub use across_files::{cross_file_duplicates, resolve_against, resolve_cross_file_duplicates};
use json_error::describe_json_error;
pub use piece_writer::PieceWriter;
pub use pieces_coming::{lines_of, pieces_foreseen, total_foreseen, PiecesComing};
use problems::{Problems, Reporter};
use seen_ids::SeenIds;
pub use steps::{load_lines, write_each_piece, write_in_pieces, LoadSteps, EVENTS_PER_PIECE};

/// Longest text accepted in one field. A 50 MB "summary" is an attack or an accident.
pub const MAX_TEXT_BYTES: usize = 100_000;
/// Longest object key accepted: no field of the model has a name anywhere near this long.
pub const MAX_KEY_BYTES: usize = 1_000;
/// Problems kept per file; beyond it they are counted in one last problem.
pub const MAX_PROBLEMS: usize = 1_000;
/// Unknown fields reported per record; beyond it they are counted.
pub const MAX_UNKNOWN_PER_RECORD: usize = 5;
/// Characters of a value from the file quoted in a message.
const QUOTE_CHARS: usize = 40;
/// Characters of a parser message kept (a list of expected vocabulary ids can be long).
const MESSAGE_CHARS: usize = 400;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The record was skipped (or the file rejected).
    Error,
    /// The record loaded as the source published it, but something in it looks wrong (UCDP
    /// ships 58 events whose low estimate exceeds their high one).
    Warning,
}

/// One thing wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// The id of the record, when there is one (`event #3` when the record has no usable id).
    /// For a file that is not valid JSON, the last record id before the error.
    pub record: Option<String>,
    /// The path of the field inside the record, for example `casualties[0].best`.
    pub field: Option<String>,
    /// What is wrong, in English words (what the command line prints).
    pub message: String,
    /// The same sentence as a message of the catalogues, which the page words in the
    /// reader's language.
    pub said: Option<Said>,
}

impl Problem {
    /// A problem of `file` worded by the catalogues: its English sentence is the English
    /// catalogue's.
    pub fn said(
        severity: Severity,
        file: &str,
        record: Option<String>,
        field: Option<String>,
        said: Said,
    ) -> Problem {
        Problem {
            severity,
            file: file.to_string(),
            record,
            field,
            message: said.english(),
            said: Some(said),
        }
    }
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
    /// The name the file was loaded under (as given to [`load`]).
    pub file: String,
    pub dataset: Dataset,
    /// Every problem found; each skipped record has at least one.
    pub problems: Vec<Problem>,
    pub skipped: usize,
    /// The table of the dataset's events, when it was built as they were checked
    /// ([`LoadSteps::building_table`]); dropped with any event dropped after.
    pub table: Option<crate::core::table::TablePart>,
}

/// Parses and validates a collection file: one JSON document, or the same collection in
/// pieces ([`steps`]). `Err` means the whole file was rejected.
pub fn load(file: &str, bytes: &[u8]) -> Result<Loaded, Vec<Problem>> {
    let mut steps = LoadSteps::start(file, bytes)?;
    while !steps.step(usize::MAX)? {}
    steps.finish()
}

/// One record from its slice of the file. The slice was read as JSON already: this fails only
/// on nesting deeper than the parser's recursion limit, which skipping a value does not check.
fn parse_record(raw: &RawValue) -> Result<Value, serde_json::Error> {
    serde_json::from_str(raw.get())
}

/// The problem with a file whose top level is not a JSON object, or that nests too deep: not
/// JSON at all (with where it breaks), or JSON of another kind. Parsed whole, once, only on
/// this path.
fn reject_whole(
    bytes: &[u8],
    reject: &dyn Fn(Option<String>, Option<String>, Said) -> Vec<Problem>,
) -> Vec<Problem> {
    match serde_json::from_slice::<Value>(bytes) {
        Err(error) => {
            let (record, field, message) = describe_json_error(bytes, &error);
            reject(record, field, message)
        }
        Ok(root) => reject(
            None,
            None,
            Said::new("problem-collection-not-object").arg_key("kind", kind_of(&root)),
        ),
    }
}

/// Whether a link from data may be shown as a link: only absolute http(s) addresses with a
/// host, without whitespace or control characters anywhere. Everything else (`javascript:`,
/// `data:`, `vbscript:`, protocol-relative `//host`, relative paths) is shown as text.
pub fn is_web_url(url: &str) -> bool {
    let rest = strip_prefix_ignore_case(url, "https://")
        .or_else(|| strip_prefix_ignore_case(url, "http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with(['/', '\\']))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// Longest record id: what a link (`sel=`) accepts.
pub const MAX_ID_BYTES: usize = super::query::MAX_SELECTION_BYTES;

/// A collection id as files and links may hold it: 1 to [`MAX_ID_BYTES`] bytes of ASCII
/// letters, digits, `.`, `_` and `-`.
pub fn is_collection_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The kinds of record [`record_label`] names, with the catalogues' key of each.
const RECORD_KINDS: [(&str, &str); 3] = [
    ("source", "record-source"),
    ("event", "record-event"),
    ("figure", "record-figure"),
];

/// A record's label as [`record_label`] writes it for a record without a valid id (`event #3`,
/// `event #3 (id “a b”)`), as a message of the catalogues whose English is that label, for the
/// page to word in the reader's language; `None` for a label that is the record's own id,
/// which stays as written.
pub fn record_said(label: &str) -> Option<Said> {
    let (what, rest) = label.split_once(" #")?;
    let (_, key) = RECORD_KINDS.iter().find(|(kind, _)| *kind == what)?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (number, rest) = rest.split_at(digits);
    let position: u64 = number.parse().ok()?;
    let said = Said::new("record-at")
        .arg_key("what", *key)
        .arg("n", position.to_string());
    if rest.is_empty() {
        return Some(said);
    }
    let id = rest.strip_prefix(" (id “")?.strip_suffix("”)")?;
    Some(
        Said::new("record-at-id")
            .arg_key("what", *key)
            .arg("n", position.to_string())
            .arg("id", id),
    )
}

/// What a record of the file is called in messages: its id when it is a valid one, else its
/// kind and position ("event #3"; [`record_said`] words it in either language).
fn record_label(raw: &Value, what: &str, position: usize) -> String {
    label_of(raw.get("id").and_then(Value::as_str), what, position)
}

/// [`record_label`] for a record whose id (if it has one as text) is `id`.
fn label_of(id: Option<&str>, what: &str, position: usize) -> String {
    match id {
        Some(id) if is_event_id(id) => id.to_string(),
        Some(id) => format!(
            "{what} #{} (id “{}”)",
            position + 1,
            printable(id, QUOTE_CHARS)
        ),
        None => format!("{what} #{}", position + 1),
    }
}

/// What the rules of one record need to know about the file.
struct Context {
    collection_id: String,
    /// Sources that loaded.
    sources: FxHashSet<String>,
    /// Ids of sources that were skipped, so that a citation of one says so.
    skipped_sources: FxHashSet<String>,
    party_count: usize,
    dyad_count: usize,
    /// Ids of the events and figures loaded so far, with where each is.
    seen: SeenIds,
}

impl Context {
    /// Checks that `id` can be linked to and is not used by a record that loaded before it;
    /// `events` are the events loaded so far.
    fn check_id(&self, report: &mut Reporter<'_>, events: &Records, id: &str) {
        if !is_event_id(id) {
            report.add(
                "id",
                Said::new("problem-id-unusable")
                    .arg("id", printable(id, QUOTE_CHARS))
                    .arg("max", MAX_ID_BYTES.to_string()),
            );
            return;
        }
        if let Some(first) = self.seen.get(id, events) {
            report.add(
                "id",
                Said::new("problem-id-used-earlier").arg("first", first.label()),
            );
            return;
        }
        let prefix_ok = id
            .strip_prefix(self.collection_id.as_str())
            .is_some_and(|rest| rest.starts_with(':'));
        if !prefix_ok {
            report.warn(
                "id",
                Said::new("problem-id-prefix").arg("collection", self.collection_id.clone()),
            );
        }
    }
}

fn check_source(report: &mut Reporter<'_>, source: &Source) {
    if source.id.is_empty() {
        report.add("id", Said::new("problem-source-no-id"));
    }
    if let Some(published) = &source.published {
        if let Err(error) = Day::parse(published) {
            report.warn("published", quoted(published, error.said()));
        }
    }
    if let Some(url) = &source.url {
        if !is_web_url(url) {
            report.warn(
                "url",
                Said::new("problem-url-not-web").arg("url", printable(url, QUOTE_CHARS)),
            );
        }
    }
}

fn check_event(report: &mut Reporter<'_>, context: &Context, event: &Event) {
    report.date("date", &event.date);
    if event.places.is_empty() {
        report.add("places", Said::new("problem-event-no-place"));
    }
    for (index, place) in event.places.iter().enumerate() {
        report.coordinates(&format!("places[{index}]"), place.lat, place.lon);
    }
    for (index, actor) in event.actors.iter().enumerate() {
        if let Some(party) = actor.party {
            if party as usize >= context.party_count {
                report.add(&format!("actors[{index}].party"), no_party(party));
            }
        }
    }
    for (index, casualty) in event.casualties.iter().enumerate() {
        let field = format!("casualties[{index}]");
        if let (Some(low), Some(high)) = (casualty.low, casualty.high) {
            if low > high {
                report.warn(
                    &field,
                    Said::new("problem-low-above-high")
                        .arg("low", low.to_string())
                        .arg("high", high.to_string()),
                );
            }
        }
        if let Some(party) = casualty.party {
            if party as usize >= context.party_count {
                report.add(&format!("{field}.party"), no_party(party));
            }
        }
    }
    report.citations(&event.citations, context);
    if let Some(ucdp) = &event.ucdp {
        if ucdp.dyad as usize >= context.dyad_count {
            report.add(
                "ucdp.dyad",
                Said::new("problem-no-dyad-index").arg("index", ucdp.dyad.to_string()),
            );
        }
    }
}

/// Checks the raw record for oversized text, then parses it; reports and returns `None` when
/// it cannot be read. Unknown fields are reported as warnings either way (a misspelt required
/// field shows up as both "missing" and "unknown", which says what to fix).
fn read_record<T: DeserializeOwned>(raw: Value, label: &str, problems: &mut Problems) -> Option<T> {
    let huge = oversized(&raw);
    if !huge.is_empty() {
        for (path, bytes) in huge {
            problems.push(
                Severity::Error,
                Some(label.to_string()),
                path,
                too_long(bytes),
            );
        }
        return None;
    }
    let parsed = parse::<T>(&raw);
    problems.unknown_fields(Some(label), &parsed.unknown, parsed.unknown_more);
    match parsed.value {
        Ok(value) => Some(value),
        Err((field, message)) => {
            problems.push_optional_field(Severity::Error, Some(label.to_string()), field, message);
            None
        }
    }
}

/// A record read straight from its JSON text into `T`, when that is all there is to it: the
/// text is short enough that no text in it can be too long ([`MAX_TEXT_BYTES`]), it names no
/// field `T` does not know, and it reads. `None` otherwise, and then [`read_record`] reads it
/// again through a JSON tree to word its problems.
///
/// The two give the same record whenever this one gives one: the model has no flattened or
/// untagged parts and its maps are sorted, so the order of the fields does not matter, and a
/// field given twice, which the tree would take the last of, makes this read fail.
fn read_clean_record<T: DeserializeOwned>(raw: &RawValue) -> Option<T> {
    let text = raw.get();
    if text.len() > MAX_TEXT_BYTES {
        return None;
    }
    let mut unknown = false;
    let mut json = serde_json::Deserializer::from_str(text);
    let value = serde_ignored::deserialize(&mut json, |_| unknown = true).ok()?;
    json.end().ok()?;
    (!unknown).then_some(value)
}

/// [`read_clean_record`] for a record this app's importer wrote from the model's own types
/// ([`PieceWriter`]): such a record names no field `T` does not know, so it is read without
/// watching for one, which took a quarter of the parsing. Any other difference (a text too
/// long, a value that does not read, a field given twice) still gives `None`.
fn read_written_record<T: DeserializeOwned>(raw: &RawValue) -> Option<T> {
    let text = raw.get();
    if text.len() > MAX_TEXT_BYTES {
        return None;
    }
    serde_json::from_str(text).ok()
}

/// A text of `bytes` bytes is longer than [`MAX_TEXT_BYTES`].
fn too_long(bytes: usize) -> Said {
    Said::new("problem-text-too-long")
        .arg_number("count", bytes as u64)
        .arg("n", bytes.to_string())
        .arg("max", MAX_TEXT_BYTES.to_string())
}

/// No party has the index `party`.
fn no_party(party: impl ToString) -> Said {
    Said::new("problem-no-party-index").arg("index", party.to_string())
}

/// `“value”: what is wrong with it`, the value from the file shortened.
fn quoted(value: &str, why: Said) -> Said {
    Said::new("problem-quoted")
        .arg("value", printable(value, QUOTE_CHARS))
        .arg_said("why", why)
}

/// Paths of strings longer than [`MAX_TEXT_BYTES`] and keys longer than [`MAX_KEY_BYTES`] in
/// `value`, with their lengths; at most a few. Allocates nothing unless it finds one.
fn oversized(value: &Value) -> Vec<(String, usize)> {
    fn any(value: &Value) -> bool {
        match value {
            Value::String(text) => text.len() > MAX_TEXT_BYTES,
            Value::Array(items) => items.iter().any(any),
            Value::Object(map) => map
                .iter()
                .any(|(key, item)| key.len() > MAX_KEY_BYTES || any(item)),
            _ => false,
        }
    }
    fn walk(value: &Value, path: &mut String, found: &mut Vec<(String, usize)>) {
        if found.len() >= MAX_UNKNOWN_PER_RECORD || !any(value) {
            return;
        }
        match value {
            Value::String(text) => found.push((field_or_root(path), text.len())),
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let length = path.len();
                    path.push_str(&format!("[{index}]"));
                    walk(item, path, found);
                    path.truncate(length);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    let length = path.len();
                    if key.len() > MAX_KEY_BYTES {
                        push_key(path, &printable(key, QUOTE_CHARS));
                        found.push((field_or_root(path), key.len()));
                    } else {
                        push_key(path, &printable(key, QUOTE_CHARS));
                        walk(item, path, found);
                    }
                    path.truncate(length);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(value, &mut String::new(), &mut found);
    found
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

fn field_or_root(path: &str) -> String {
    if path.is_empty() {
        ".".into()
    } else {
        path.to_string()
    }
}

/// A typed parse: the value or (field path, message), and the paths of unknown fields.
struct Parsed<T> {
    value: Result<T, (Option<String>, Said)>,
    unknown: Vec<String>,
    unknown_more: usize,
}

/// Parses `value` as `T`, noting the path of every field `T` does not know and, when it
/// fails, the path of the failure (`casualties[0].best`). The path of a failure is only looked
/// for once the fast parse has failed: tracking it costs as much as the parse itself.
fn parse<T: DeserializeOwned>(value: &Value) -> Parsed<T> {
    let mut unknown = Vec::new();
    let mut unknown_more = 0;
    let result = {
        let mut note = |path: serde_ignored::Path<'_>| {
            if unknown.len() < MAX_UNKNOWN_PER_RECORD {
                unknown.push(ignored_path(&path));
            } else {
                unknown_more += 1;
            }
        };
        T::deserialize(serde_ignored::Deserializer::new(value, &mut note))
    };
    let value = result.map_err(
        |error| match serde_path_to_error::deserialize::<_, T>(value) {
            Err(error) => {
                describe_serde_error(&error.path().to_string(), &error.into_inner().to_string())
            }
            // Cannot happen (the same parse), but the first error is still worth telling.
            Ok(_) => describe_serde_error(".", &error.to_string()),
        },
    );
    Parsed {
        value,
        unknown,
        unknown_more,
    }
}

/// `a[0].b` from serde_ignored's path, like serde_path_to_error writes it.
fn ignored_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => {
            let mut text = ignored_path(parent);
            push_key(&mut text, &printable(key, QUOTE_CHARS));
            text
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent),
    }
}

/// Turns serde's wording into the validator's: the missing field goes into the path, Rust
/// type names become words, and values quoted from the file are shortened and escaped.
fn describe_serde_error(path: &str, message: &str) -> (Option<String>, Said) {
    let path = (path != ".").then(|| printable(path, MESSAGE_CHARS));
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        let mut field = path.unwrap_or_default();
        push_key(&mut field, name);
        return (Some(field), Said::new("problem-field-missing"));
    }
    let mut message = message.to_string();
    for (rust, words) in [
        ("expected u64", "expected a whole number, 0 or more"),
        (
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        ),
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected f64", "expected a number"),
        ("expected a boolean", "expected true or false"),
        ("integer `-", "negative number `-"),
    ] {
        message = message.replace(rust, words);
    }
    (
        path,
        Said::new("problem-field-unreadable").arg("reason", printable(&message, MESSAGE_CHARS)),
    )
}

/// The message key of "an array", "a string"... for messages about the shape of a value.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "problem-kind-null",
        Value::Bool(_) => "problem-kind-bool",
        Value::Number(_) => "problem-kind-number",
        Value::String(_) => "problem-kind-string",
        Value::Array(_) => "problem-kind-array",
        Value::Object(_) => "problem-kind-object",
    }
}

/// Text from the file made safe for a one-line message: at most `max_chars` characters (then
/// "…"), with control characters and bidirectional overrides written as `\u{…}` escapes.
pub fn printable(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            out.push('…');
            break;
        }
        let invisible = matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        );
        if c.is_control() || invisible {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
