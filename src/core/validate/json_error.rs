//! Saying where bytes stop being one JSON document: the line and column serde_json gives,
//! turned into the field whose value is broken and the last record id before it, so that the
//! place can be found in a 20 MB file.

use super::{printable, MAX_ID_BYTES, MAX_KEY_BYTES, MESSAGE_CHARS, QUOTE_CHARS};
use crate::core::i18n::Said;
use crate::core::query::is_event_id;

/// The problem for bytes that are not a JSON document: where, near what, in which field and
/// after which record, with a hint for the usual causes.
pub(super) fn describe_json_error(
    bytes: &[u8],
    error: &serde_json::Error,
) -> (Option<String>, Option<String>, Said) {
    let offset = byte_offset(bytes, error.line(), error.column());
    let before = bytes.get(..offset).unwrap_or(bytes);
    let at = bytes.get(offset..).unwrap_or_default();
    let field = field_before(before);
    let record = last_id_before(before);
    let reason = printable(&error.to_string(), MESSAGE_CHARS);
    let near = String::from_utf8_lossy(at.get(..60).unwrap_or(at)).into_owned();
    // One line: runs of whitespace (the file's indentation) become one space.
    let near = near
        .trim_end_matches('\u{FFFD}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let starts =
        |word: &[u8]| at.starts_with(word) || at.get(1..).is_some_and(|a| a.starts_with(word));
    let hint = if starts(b"NaN") || starts(b"Infinity") {
        "nan"
    } else if error.to_string().starts_with("recursion limit exceeded") {
        "deep"
    } else if error.is_eof() {
        "eof"
    } else {
        "none"
    };
    // The parser's own words (serde_json's, in English) are an argument, shown as it writes
    // them; the sentence around them follows the reader's language.
    let said = if near.is_empty() {
        Said::new("problem-not-json")
    } else {
        Said::new("problem-not-json-near").arg("near", printable(&near, 24))
    };
    (record, field, said.arg("reason", reason).arg("hint", hint))
}

/// Byte offset of serde_json's (1-based line, 1-based byte column) in `bytes`.
fn byte_offset(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(bytes.len())
}

/// The key whose value starts right after `before` (`"best": ` → `best`), if any; the
/// opening brackets of an array value are skipped (`"weapons": [[[` → `weapons`).
fn field_before(before: &[u8]) -> Option<String> {
    let end = before
        .iter()
        .rposition(|&b| b != b'[' && !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let text = before.get(..end).unwrap_or_default();
    let text = text.strip_suffix(b":")?;
    let text = trim_end_ascii(text);
    let text = text.strip_suffix(b"\"")?;
    let start = text.iter().rposition(|&b| b == b'"')?;
    let key = text.get(start + 1..)?;
    (key.len() <= MAX_KEY_BYTES)
        .then(|| std::str::from_utf8(key).ok())
        .flatten()
        .map(|key| printable(key, QUOTE_CHARS))
}

/// The value of the last `"id": "…"` in `before` that is a valid record id.
fn last_id_before(before: &[u8]) -> Option<String> {
    let mut end = before.len();
    while let Some(start) = find_last(before.get(..end)?, b"\"id\"") {
        end = start;
        let rest = before.get(start + 4..)?;
        let rest = trim_start_ascii(rest).strip_prefix(b":")?;
        let rest = trim_start_ascii(rest).strip_prefix(b"\"");
        let Some(rest) = rest else { continue };
        let close = rest.iter().take(MAX_ID_BYTES + 1).position(|&b| b == b'"');
        let id = close
            .and_then(|close| rest.get(..close))
            .and_then(|id| std::str::from_utf8(id).ok());
        if let Some(id) = id.filter(|id| is_event_id(id)) {
            return Some(id.to_string());
        }
    }
    None
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn trim_end_ascii(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    bytes.get(..end).unwrap_or_default()
}

fn trim_start_ascii(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}
