//! The CSV side shared by the importers: a record's fields read as text with the problems found
//! in them ([`Row`]), the header's names, and the file's bytes watched for a quote that is never
//! closed ([`Tracked`]), which the `csv` crate itself accepts by reading the rest of the file
//! into one field.

use std::io::{self, Read};

use super::text_decoding::Decoded;
use super::{Format, ImportError, Imported, RowProblem, Severity, MAX_ROW_PROBLEMS};
use crate::core::i18n::Said;
use crate::core::model::Dataset;
use crate::core::validate::MAX_TEXT_BYTES;

/// The names of a table's columns, by position, for the messages of [`RowProblem`]s.
pub(super) trait ColumnNames {
    /// The column's name as the header writes it; "" past the last column.
    fn name(&self, index: usize) -> &str;
}

impl ColumnNames for [String] {
    fn name(&self, index: usize) -> &str {
        self.get(index).map_or("", String::as_str)
    }
}

/// Where a CSV reader is in quoting, byte by byte, as the `csv` crate reads it: a quote opens
/// a quoted field only at the field's start, and `""` inside it is a quote character; a field
/// ends at the file's delimiter or a line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first of `""`.
    QuoteInQuoted,
}

impl QuoteState {
    /// The state after `byte`, in a file separated by `delimiter`.
    fn next(self, byte: u8, delimiter: u8) -> QuoteState {
        let ends_field = byte == delimiter || matches!(byte, b'\n' | b'\r');
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

    /// The state after `bytes`, in a file separated by `delimiter`: [`QuoteState::next`] for
    /// each byte, but a quoted field is passed to its next quote and an unquoted one to its
    /// end in one search each (most of a file's bytes are inside fields).
    fn after(mut self, bytes: &[u8], delimiter: u8) -> QuoteState {
        let mut at = 0;
        while let Some(rest) = bytes.get(at..).filter(|rest| !rest.is_empty()) {
            let (found, then) = match self {
                QuoteState::Quoted => (memchr::memchr(b'"', rest), QuoteState::QuoteInQuoted),
                QuoteState::Unquoted => (
                    memchr::memchr3(delimiter, b'\n', b'\r', rest),
                    QuoteState::FieldStart,
                ),
                QuoteState::FieldStart | QuoteState::QuoteInQuoted => {
                    let byte = rest.first().copied().unwrap_or_default();
                    (Some(0), self.next(byte, delimiter))
                }
            };
            match found {
                Some(offset) => {
                    self = then;
                    at += offset + 1;
                }
                None => break,
            }
        }
        self
    }
}

/// The file's bytes on their way to the CSV reader, watched for a quote left open at the end
/// (which the reader itself accepts, reading the rest of the file into one field).
pub(super) struct Tracked<R> {
    inner: R,
    /// The file's delimiter.
    delimiter: u8,
    pub(super) state: QuoteState,
    /// Bytes read so far.
    pub(super) bytes: u64,
    /// Whether the file's end was reached.
    pub(super) eof: bool,
    /// The last byte read (0 before any).
    pub(super) last: u8,
}

/// A CSV reader over `reader`, separated by what its header line is separated by (its first
/// line, or the first line below title lines that has a separator): a comma, or a semicolon
/// or a tab (the ACLED or GED export a spreadsheet saved again in a European
/// locale); UTF-16 text with a byte order mark is read as UTF-8 ([`Decoded`]). The first
/// 64 KiB are looked at without being consumed.
pub(super) fn csv_reader<R: Read>(reader: R) -> io::Result<csv::Reader<Tracked<Decoded<R>>>> {
    csv_reader_and_delimiter(reader).map(|(reader, _)| reader)
}

/// [`csv_reader`], with the delimiter it found (`,` when the header line has none).
pub(super) fn csv_reader_and_delimiter<R: Read>(
    reader: R,
) -> io::Result<(csv::Reader<Tracked<Decoded<R>>>, u8)> {
    let mut decoded = Decoded::new(reader)?;
    let head = decoded.fill_buf()?;
    let text = String::from_utf8_lossy(head);
    let delimiter = super::table_delimiter(&text).unwrap_or(b',');
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(Tracked::new(decoded, delimiter));
    Ok((reader, delimiter))
}

impl<R> Tracked<R> {
    /// The reader the bytes come from.
    pub(super) fn inner(&self) -> &R {
        &self.inner
    }

    pub(super) fn new(inner: R, delimiter: u8) -> Self {
        Tracked {
            inner,
            delimiter,
            state: QuoteState::FieldStart,
            bytes: 0,
            eof: false,
            last: 0,
        }
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        if count == 0 && !buf.is_empty() {
            self.eof = true;
        }
        let read = buf.get(..count).unwrap_or_default();
        self.state = self.state.after(read, self.delimiter);
        if let Some(&last) = read.last() {
            self.last = last;
        }
        self.bytes += count as u64;
        Ok(count)
    }
}

/// The header's names as written (trimmed, a byte order mark removed).
///
/// # Errors
/// [`ImportError::NotADataset`] for UTF-16 text (read as UTF-8 it starts with two replacement
/// characters or holds NUL bytes), [`ImportError::Empty`] when every name is empty.
pub(super) fn header_names(header: &csv::ByteRecord) -> Result<Vec<String>, ImportError> {
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
        return Err(ImportError::NotADataset(Said::new("import-utf16")));
    }
    if names.iter().all(|name| name.is_empty()) {
        return Err(ImportError::Empty);
    }
    Ok(names)
}

/// Reads the next record; `Ok(false)` at the end. `row` is the row it would be, for errors.
///
/// # Errors
/// [`ImportError::Read`] when the underlying reader fails, [`ImportError::Unreadable`] when the
/// CSV reader gives up at this row.
pub(super) fn read_record<R: Read>(
    csv: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
    row: u64,
) -> Result<bool, ImportError> {
    csv.read_byte_record(record).map_err(|error| {
        if error.is_io_error() {
            ImportError::Read(error.to_string())
        } else {
            ImportError::Unreadable {
                row,
                message: error.to_string(),
            }
        }
    })
}

/// Spreadsheet row numbers of a CSV file's records, as a spreadsheet app opening the file
/// numbers them: every line is a row, blank lines included, except the line breaks inside a
/// quoted field, which stay in their cell.
#[derive(Debug, Default)]
pub(super) struct RowNumbers {
    /// Line breaks inside the quoted fields of the records so far: lines that are no rows.
    inner_lines: u64,
    /// The row of the record before.
    last: u64,
    /// Whether the file's lines end in a carriage return (CR LF), once the header is read.
    carriage_returns: Option<bool>,
}

impl RowNumbers {
    /// The row of the record `csv` just read into `record`; called once per record, in order.
    /// The reader's line count after the record says where it ended (blank lines before a
    /// record are skipped by the reader, so its start is not where it says). A file whose lines
    /// end in a lone carriage return (which the reader does not count) is numbered record by
    /// record.
    pub(super) fn of<R: Read>(
        &mut self,
        csv: &csv::Reader<Tracked<R>>,
        record: &csv::ByteRecord,
    ) -> u64 {
        // The fields' bytes lie one after the other, with nothing between them.
        let inner = memchr::memchr_iter(b'\n', record.as_slice()).count() as u64;
        let tracked = csv.get_ref();
        let at_end = tracked.eof && csv.position().byte() == tracked.bytes;
        let terminated = !at_end || matches!(tracked.last, b'\n' | b'\r');
        let after = csv.position().line();
        // A record ended by CR LF leaves its LF to the next read, so the reader's line is
        // still the record's own; told once, from the header.
        let carriage_returns = *self
            .carriage_returns
            .get_or_insert(terminated && after == 1 + inner);
        // The line the record ends on, then the line it starts on.
        let end = if carriage_returns {
            after
        } else {
            after.saturating_sub(u64::from(terminated))
        };
        let start = end.saturating_sub(inner);
        let row = start.saturating_sub(self.inner_lines).max(self.last + 1);
        self.inner_lines += inner;
        self.last = row;
        row
    }

    /// The row the next record would have with no blank line before it, for errors.
    pub(super) fn next(&self) -> u64 {
        self.last + 1
    }
}

/// Whether the record just read is the last one and was swallowed by a quote left open: the
/// file's end was reached inside a quoted field, and the record ends where the bytes end.
pub(super) fn unclosed_quote<R: Read>(csv: &csv::Reader<Tracked<R>>) -> bool {
    let tracked = csv.get_ref();
    tracked.eof && tracked.state == QuoteState::Quoted && csv.position().byte() == tracked.bytes
}

/// One record being read: its fields as text, and the problems found in it so far.
pub(super) struct Row<'a, C: ?Sized> {
    pub(super) columns: &'a C,
    pub(super) record: &'a csv::ByteRecord,
    pub(super) row: u64,
    pub(super) problems: Vec<RowProblem>,
}

impl<'a, C: ColumnNames + ?Sized> Row<'a, C> {
    /// The field at `index` as text (trimmed of surrounding spaces); "" when the row has no
    /// such field or it is not UTF-8 (an error).
    pub(super) fn text(&mut self, index: usize) -> &'a str {
        let bytes = self.record.get(index).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => text.trim(),
            Err(_) => {
                let value = String::from_utf8_lossy(bytes).into_owned();
                self.error_said(index, &value, Said::new("problem-not-utf8"));
                ""
            }
        }
    }

    /// The field at `index` exactly as the file writes it (not trimmed: a value kept verbatim,
    /// such as a source's name, keeps even a trailing line break); "" as for [`Row::text`].
    pub(super) fn verbatim(&mut self, index: usize) -> &'a str {
        let bytes = self.record.get(index).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                let value = String::from_utf8_lossy(bytes).into_owned();
                self.error_said(index, &value, Said::new("problem-not-utf8"));
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
            self.error_said(index, "", Said::new("problem-required"));
        }
        text
    }

    /// A problem worded by the catalogues: its English sentence is the English catalogue's.
    pub(super) fn problem_said(
        &mut self,
        severity: Severity,
        index: usize,
        value: &str,
        said: Said,
    ) {
        self.problems.push(RowProblem {
            row: self.row,
            column: self.columns.name(index).to_string(),
            value: value.to_string(),
            said,
            severity,
        });
    }

    /// An error worded by the catalogues (key `problem-…`).
    pub(super) fn error_said(&mut self, index: usize, value: &str, said: Said) {
        self.problem_said(Severity::Error, index, value, said);
    }

    /// A warning worded by the catalogues (key `problem-…`).
    pub(super) fn warn_said(&mut self, index: usize, value: &str, said: Said) {
        self.problem_said(Severity::Warning, index, value, said);
    }

    /// An error with the whole row, worded by the catalogues.
    pub(super) fn whole_row_said(&mut self, said: Said) {
        self.problems.push(RowProblem {
            row: self.row,
            column: String::new(),
            value: String::new(),
            said,
            severity: Severity::Error,
        });
    }

    pub(super) fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Whether the record cannot be read field by field, with the whole-row error said: a
    /// quote never closed (`unclosed`), a count of fields other than the header's
    /// (`header_len`), or a field longer than the model allows.
    pub(super) fn has_wrong_shape(&mut self, header_len: usize, unclosed: bool) -> bool {
        let record = self.record;
        if unclosed {
            self.whole_row_said(Said::new("problem-unclosed-quote"));
        } else if record.len() != header_len {
            let key = if record.iter().any(|field| field.contains(&b'\n')) {
                "problem-field-count-break"
            } else {
                "problem-field-count"
            };
            self.whole_row_said(
                Said::new(key)
                    .arg("n", record.len().to_string())
                    .arg("header", header_len.to_string()),
            );
        } else if let Some(index) = record.iter().position(|f| f.len() > MAX_TEXT_BYTES) {
            let length = record.get(index).map_or(0, <[u8]>::len);
            self.error_said(
                index,
                "",
                Said::new("problem-text-too-long")
                    .arg_number("count", length as u64)
                    .arg("n", length.to_string())
                    .arg("max", MAX_TEXT_BYTES.to_string()),
            );
        } else {
            return false;
        }
        true
    }

    /// A latitude or longitude in degrees, at most `limit` from zero; `None` with an error.
    pub(super) fn coordinate(&mut self, index: usize, limit: f64) -> Option<f64> {
        let text = self.required(index);
        if text.is_empty() {
            return None;
        }
        // A decimal comma (`35,61`, as European and Arabic locales write it).
        let decimal_comma = text.matches(',').count() == 1 && !text.contains('.');
        let number = if decimal_comma {
            text.replace(',', ".")
        } else {
            text.to_string()
        };
        match number.parse::<f64>() {
            Ok(value) if value.is_finite() && value.abs() <= limit => Some(value),
            Ok(_) => {
                self.error_said(
                    index,
                    text,
                    Said::new("problem-degrees-range").arg("limit", limit.to_string()),
                );
                None
            }
            Err(_) => {
                self.error_said(index, text, Said::new("problem-not-degrees"));
                None
            }
        }
    }
}

/// Governorate names an importer does not recognise, warned of once each (compared without
/// regard to case): the first row that writes a name gets the warning, which at the end
/// ([`UnknownGovernorates::finish`]) says how many rows write it and how many of them their
/// coordinates placed in a governorate. The rows after the first are counted, not listed, so a
/// file with one misspelt governorate on every row lists one line, not thousands.
#[derive(Debug, Default)]
pub(super) struct UnknownGovernorates {
    /// Each name, lower case: (rows that write it, rows placed by their coordinates).
    names: rustc_hash::FxHashMap<String, (u64, u64)>,
}

/// The key of the warning [`UnknownGovernorates`] gives.
pub(super) const UNKNOWN_GOVERNORATE: &str = "problem-governorate-unknown-rows";

impl UnknownGovernorates {
    /// Notes that `fields`' row writes `name` in column `column`, a name no governorate has;
    /// `placed` when its coordinates placed it in one. The first row with the name gets the
    /// warning; true for a later one (counted, not listed: see [`Tally::count_noted`]).
    pub(super) fn note<C: ColumnNames + ?Sized>(
        &mut self,
        fields: &mut Row<'_, C>,
        column: usize,
        name: &str,
        placed: bool,
    ) -> bool {
        let entry = self.names.entry(name.to_lowercase()).or_default();
        entry.0 += 1;
        entry.1 += u64::from(placed);
        if entry.0 > 1 {
            return true;
        }
        // Worded with the counts at the end.
        fields.warn_said(column, name, Said::new(UNKNOWN_GOVERNORATE));
        false
    }

    /// Words each warning given in `problems` with its name's counts.
    pub(super) fn finish(&self, problems: &mut [RowProblem]) {
        for problem in problems {
            let said = &mut problem.said;
            if said.key != UNKNOWN_GOVERNORATE {
                continue;
            }
            let Some(&(rows, placed)) = self.names.get(&problem.value.to_lowercase()) else {
                continue;
            };
            *said = Said::new(UNKNOWN_GOVERNORATE)
                .arg_number("rows", rows)
                .arg_number("placed", placed)
                .arg_number("unplaced", rows - placed);
        }
    }
}

/// What an importer counts of the rows it reads, and the problems it lists (up to
/// [`MAX_ROW_PROBLEMS`]; the rest counted in `problems_not_listed`).
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub(super) problems: Vec<RowProblem>,
    pub(super) problems_not_listed: u64,
    pub(super) rows_read: u64,
    pub(super) rows_skipped: u64,
    pub(super) rows_warned: u64,
}

impl Tally {
    /// What the import gives: `dataset`, read as `format`, with these counts and problems.
    pub(super) fn into_imported(self, dataset: Dataset, format: Format) -> Imported {
        Imported {
            dataset,
            problems: self.problems,
            problems_not_listed: self.problems_not_listed,
            rows_read: self.rows_read,
            rows_skipped: self.rows_skipped,
            rows_warned: self.rows_warned,
            format,
        }
    }

    /// Counts one row read, with its problems: skipped when one is an error, warned when it
    /// has only warnings.
    pub(super) fn count(&mut self, problems: Vec<RowProblem>) {
        self.count_noted(problems, false);
    }

    /// [`Tally::count`] for a row that may also have a warning said at an earlier row
    /// (`noted`, see [`UnknownGovernorates`]): such a row counts as warned too.
    pub(super) fn count_noted(&mut self, problems: Vec<RowProblem>, noted: bool) {
        self.rows_read += 1;
        if problems.iter().any(|p| p.severity == Severity::Error) {
            self.rows_skipped += 1;
        } else if !problems.is_empty() || noted {
            self.rows_warned += 1;
        }
        for problem in problems {
            if self.problems.len() < MAX_ROW_PROBLEMS {
                self.problems.push(problem);
            } else {
                self.problems_not_listed += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(text: &str) -> Vec<u64> {
        let mut csv = csv_reader(text.as_bytes()).expect("reads");
        let mut record = csv::ByteRecord::new();
        let mut numbers = RowNumbers::default();
        let mut rows = Vec::new();
        while csv.read_byte_record(&mut record).expect("reads") {
            rows.push(numbers.of(&csv, &record));
        }
        rows
    }

    #[test]
    fn rows_count_blank_lines_but_not_line_breaks_in_quotes() {
        assert_eq!(rows_of("h\n\"a\nb\"\n\n\nc\nd"), [1, 2, 5, 6]);
        assert_eq!(rows_of("h\r\n\r\nc\r\n\"d\r\ne\"\r\nf\r\n"), [1, 3, 4, 5]);
        assert_eq!(rows_of("h\r\n\r\nc"), [1, 3]);
        // Lone carriage returns: numbered record by record.
        assert_eq!(rows_of("h\ra\rb"), [1, 2, 3]);
    }

    #[test]
    fn quotes_open_only_at_the_start_of_a_field() {
        let run = |text: &str, delimiter: u8| {
            text.bytes().fold(QuoteState::FieldStart, |state, byte| {
                state.next(byte, delimiter)
            })
        };
        assert_eq!(run("a,\"b\nc\",d\n", b','), QuoteState::FieldStart);
        assert_eq!(run("a,\"b \"\"c\"\" d\"\n", b','), QuoteState::FieldStart);
        assert_eq!(run("a,b\"c,d\n", b','), QuoteState::FieldStart);
        assert_eq!(run("a,\"b\nc,d\n", b','), QuoteState::Quoted);
        // After a semicolon, in a file it separates, a quote opens a field; in a file of
        // commas it is inside the field "a;"b", which the line break ends.
        assert_eq!(run("a;\"b\nc;d\n", b';'), QuoteState::Quoted);
        assert_eq!(run("a;\"b\nc;d\n", b','), QuoteState::FieldStart);
    }

    proptest::proptest! {
        /// The state after a run of bytes, read in pieces with jumps, is the state byte by
        /// byte.
        #[test]
        fn quote_state_after_pieces_is_the_state_byte_by_byte(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"a,;\"\n\r\t x".to_vec()), 0..200),
            cuts in proptest::collection::vec(0usize..200, 0..6),
            delimiter in proptest::sample::select(b",;\t".to_vec()),
        ) {
            let by_byte = bytes
                .iter()
                .fold(QuoteState::FieldStart, |state, &byte| state.next(byte, delimiter));
            let mut cuts: Vec<usize> = cuts.into_iter().map(|cut| cut.min(bytes.len())).collect();
            cuts.push(bytes.len());
            cuts.sort_unstable();
            let (mut state, mut from) = (QuoteState::FieldStart, 0);
            for cut in cuts {
                state = state.after(&bytes[from..cut], delimiter);
                from = cut;
            }
            proptest::prop_assert_eq!(state, by_byte);
        }
    }
}
