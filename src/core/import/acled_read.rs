//! Reading an ACLED export's CSV: the header's columns found by name, each record's fields as
//! text with the problems found in them, and the file's bytes watched for a quote that is never
//! closed.

use std::io::{self, Read};

use super::{header_key, Format, ImportError, RowProblem, Severity};

/// Where a CSV reader is in quoting, byte by byte, as the `csv` crate reads it: a quote opens
/// a quoted field only at the field's start, and `""` inside it is a quote character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first of `""`.
    QuoteInQuoted,
}

impl QuoteState {
    fn next(self, byte: u8) -> QuoteState {
        let ends_field = matches!(byte, b',' | b'\n' | b'\r');
        match (self, byte) {
            (QuoteState::FieldStart, b'"') => QuoteState::Quoted,
            (QuoteState::FieldStart | QuoteState::Unquoted, _) if ends_field => {
                QuoteState::FieldStart
            }
            (QuoteState::FieldStart | QuoteState::Unquoted, _) => QuoteState::Unquoted,
            (QuoteState::Quoted, b'"') => QuoteState::QuoteInQuoted,
            (QuoteState::Quoted, _) => QuoteState::Quoted,
            (QuoteState::QuoteInQuoted, b'"') => QuoteState::Quoted,
            (QuoteState::QuoteInQuoted, _) if ends_field => QuoteState::FieldStart,
            (QuoteState::QuoteInQuoted, _) => QuoteState::Unquoted,
        }
    }
}

/// The file's bytes on their way to the CSV reader, watched for a quote left open at the end
/// (which the reader itself accepts, reading the rest of the file into one field).
pub(super) struct Tracked<R> {
    inner: R,
    pub(super) state: QuoteState,
    /// Bytes read so far.
    pub(super) bytes: u64,
    /// Whether the file's end was reached.
    pub(super) eof: bool,
}

impl<R> Tracked<R> {
    pub(super) fn new(inner: R) -> Self {
        Tracked {
            inner,
            state: QuoteState::FieldStart,
            bytes: 0,
            eof: false,
        }
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        if count == 0 && !buf.is_empty() {
            self.eof = true;
        }
        for &byte in buf.get(..count).unwrap_or_default() {
            self.state = self.state.next(byte);
        }
        self.bytes += count as u64;
        Ok(count)
    }
}

/// Where each column the importer reads stands in the header.
pub(super) struct Columns {
    /// The header's names as written (trimmed, BOM removed), for messages.
    pub(super) names: Vec<String>,
    pub(super) event_id: usize,
    pub(super) event_date: usize,
    pub(super) year: Option<usize>,
    pub(super) time_precision: Option<usize>,
    pub(super) event_type: usize,
    pub(super) sub_event_type: usize,
    pub(super) actor1: usize,
    pub(super) assoc_actor_1: Option<usize>,
    pub(super) actor2: Option<usize>,
    pub(super) assoc_actor_2: Option<usize>,
    pub(super) country: Option<usize>,
    pub(super) admin1: usize,
    pub(super) admin2: Option<usize>,
    pub(super) admin3: Option<usize>,
    pub(super) location: usize,
    pub(super) latitude: usize,
    pub(super) longitude: usize,
    pub(super) geo_precision: Option<usize>,
    pub(super) source: Option<usize>,
    pub(super) notes: usize,
    pub(super) fatalities: usize,
}

impl Columns {
    pub(super) fn from_header(header: &csv::ByteRecord) -> Result<Columns, ImportError> {
        let names: Vec<String> = header
            .iter()
            .map(|name| {
                String::from_utf8_lossy(name)
                    .trim_start_matches('\u{FEFF}')
                    .trim()
                    .to_string()
            })
            .collect();
        if names
            .first()
            .is_some_and(|first| first.starts_with("\u{FFFD}\u{FFFD}") || first.contains('\0'))
        {
            return Err(ImportError::NotADataset(
                "This file is UTF-16 text: save it as UTF-8 CSV to import it.".into(),
            ));
        }
        if names.iter().all(|name| name.is_empty()) {
            return Err(ImportError::Empty);
        }
        let keys: Vec<String> = names.iter().map(|name| header_key(name)).collect();
        let find = |name: &str| keys.iter().position(|key| key == name);
        let mut missing = Vec::new();
        let mut need = |name: &str, found: Option<usize>| {
            if found.is_none() {
                missing.push(name.to_string());
            }
            found.unwrap_or_default()
        };
        let event_id = need(
            "event_id_cnty",
            find("event_id_cnty").or_else(|| find("data_id")),
        );
        let columns = Columns {
            event_id,
            event_date: need("event_date", find("event_date")),
            year: find("year"),
            time_precision: find("time_precision"),
            event_type: need("event_type", find("event_type")),
            sub_event_type: need("sub_event_type", find("sub_event_type")),
            actor1: need("actor1", find("actor1")),
            assoc_actor_1: find("assoc_actor_1"),
            actor2: find("actor2"),
            assoc_actor_2: find("assoc_actor_2"),
            country: find("country"),
            admin1: need("admin1", find("admin1")),
            admin2: find("admin2"),
            admin3: find("admin3"),
            location: need("location", find("location")),
            latitude: need("latitude", find("latitude")),
            longitude: need("longitude", find("longitude")),
            geo_precision: find("geo_precision"),
            source: find("source"),
            notes: need("notes", find("notes")),
            fatalities: need("fatalities", find("fatalities")),
            names,
        };
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                format: Format::Acled,
                columns: missing,
            });
        }
        Ok(columns)
    }

    pub(super) fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}

/// One record being read: its fields as text, and the problems found in it so far.
pub(super) struct Row<'a> {
    pub(super) columns: &'a Columns,
    pub(super) record: &'a csv::ByteRecord,
    pub(super) row: u64,
    pub(super) problems: Vec<RowProblem>,
}

impl<'a> Row<'a> {
    /// The field at `index` as text (trimmed of surrounding spaces); "" when the row has no
    /// such field or it is not UTF-8 (an error).
    pub(super) fn text(&mut self, index: usize) -> &'a str {
        let bytes = self.record.get(index).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => text.trim(),
            Err(_) => {
                let value = String::from_utf8_lossy(bytes).into_owned();
                self.error(index, &value, "not UTF-8 text".into());
                ""
            }
        }
    }

    pub(super) fn optional(&mut self, index: Option<usize>) -> &'a str {
        index.map_or("", |index| self.text(index))
    }

    /// The field at `index`, which must not be empty (an error otherwise).
    pub(super) fn required(&mut self, index: usize) -> &'a str {
        let text = self.text(index);
        if text.is_empty() && self.record.get(index).is_some() {
            self.error(index, "", "required, but empty".into());
        }
        text
    }

    pub(super) fn problem(
        &mut self,
        severity: Severity,
        index: usize,
        value: &str,
        message: String,
    ) {
        self.problems.push(RowProblem {
            row: self.row,
            column: self.columns.name(index).to_string(),
            value: value.to_string(),
            message,
            severity,
        });
    }

    pub(super) fn error(&mut self, index: usize, value: &str, message: String) {
        self.problem(Severity::Error, index, value, message);
    }

    pub(super) fn warn(&mut self, index: usize, value: &str, message: String) {
        self.problem(Severity::Warning, index, value, message);
    }

    pub(super) fn whole_row(&mut self, message: String) {
        self.problems.push(RowProblem {
            row: self.row,
            column: String::new(),
            value: String::new(),
            message,
            severity: Severity::Error,
        });
    }

    pub(super) fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_open_only_at_the_start_of_a_field() {
        let run = |text: &str| {
            text.bytes()
                .fold(QuoteState::FieldStart, |state, byte| state.next(byte))
        };
        assert_eq!(run("a,\"b\nc\",d\n"), QuoteState::FieldStart);
        assert_eq!(run("a,\"b \"\"c\"\" d\"\n"), QuoteState::FieldStart);
        assert_eq!(run("a,b\"c,d\n"), QuoteState::FieldStart);
        assert_eq!(run("a,\"b\nc,d\n"), QuoteState::Quoted);
    }
}
