//! Importing a user's own file: telling what kind of file it is ([`sniff`]) and turning a
//! foreign table of incidents into this project's model ([`acled::import`] for ACLED exports,
//! [`ucdp::import`] for UCDP GED files, which also builds the bundled UCDP collection).
//!
//! Everything here reads bytes it is given and writes nothing: no file system, no clock, no
//! threads, so the same code runs natively (`dataset import`) and in the browser's worker. The
//! caller reads the file, chooses the collection id (for example from the file's fingerprint)
//! and gives today's date, which the core cannot read on WebAssembly.
//!
//! Policy, as for collection files (`core::validate`): a file that is not the expected kind of
//! table at all is refused whole with one sentence saying what it looks like ([`ImportError`]);
//! inside a readable table, each row that cannot be mapped is skipped and reported as
//! `row N / column / value: what is wrong` ([`RowProblem`], [`Severity::Error`]), and a row kept
//! with something doubtful in it is reported as a [`Severity::Warning`]. Rows are numbered as a
//! spreadsheet numbers them: the header is row 1 and the first record row 2, counting records,
//! not lines, so a line break inside a quoted field does not shift the numbers.

pub mod acled;
pub mod acled_actors;
pub mod acled_fields;
mod acled_read;
mod csv_rows;
pub mod header_row;
pub mod mapped;
pub mod message;
mod parties;
mod sheet_dates;
pub mod spreadsheet;
pub mod spreadsheet_bounds;
pub mod table_dates;
pub mod table_mapping;
pub mod table_numbers;
pub mod table_preview;
pub mod table_words;
pub mod text_decoding;
pub mod ucdp;
pub mod ucdp_actors;
mod ucdp_check;
mod ucdp_columns;
pub mod ucdp_fields;

use std::fmt;

use super::date::Day;
use super::i18n::{Lang, Said};
use super::model::{Dataset, Source};
pub use super::validate::Severity;
use super::validate::{printable, MAX_ID_BYTES};
use super::vocab::Publisher;

/// `text` without the invisible controls that change the direction of the text after them
/// (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069): for the one-line summaries
/// an importer writes from a row's names, where an unclosed right-to-left override in a place
/// name would make the rest of the line, its numbers included, read backwards. Quotes keep
/// them (verbatim); the page isolates every text from data on its own. A text with none is
/// given back as it is (each control's UTF-8 starts with the byte 0xE2, which is looked for
/// first).
pub fn without_bidi_controls(text: String) -> String {
    let is_control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if memchr::memchr(0xE2, text.as_bytes()).is_none() || !text.contains(is_control) {
        return text;
    }
    text.chars().filter(|&c| !is_control(c)).collect()
}

/// Characters of a value quoted in a [`RowProblem`]'s text.
pub const VALUE_CHARS: usize = 60;
/// Row problems kept in [`Imported::problems`]; beyond it they are only counted
/// ([`Imported::problems_not_listed`]), so a file broken on every one of a million rows does
/// not hold a million messages.
pub const MAX_ROW_PROBLEMS: usize = 10_000;
/// Rows between two calls of the progress callback.
pub const PROGRESS_ROWS: u64 = 4_096;

/// What kind of file the user gave, as [`sniff`] tells from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// This project's own JSON collection file (read it with `core::validate::load`).
    Collection,
    /// An ACLED export (CSV), current or older layout.
    Acled,
    /// A UCDP Georeferenced Event Dataset CSV, with or without its header row.
    UcdpGed,
    /// Some other delimited text table (comma, semicolon or tab; UTF-8 or UTF-16).
    OtherCsv,
    /// A spreadsheet workbook (`.xlsx`, `.ods`).
    Spreadsheet,
}

impl Format {
    /// The name shown to people: "an ACLED export".
    pub fn label(self) -> String {
        Lang::En.text(self.key())
    }

    /// The catalogues' key of the format's name (`format-acled`: "an ACLED export").
    pub fn key(self) -> &'static str {
        match self {
            Format::Collection => "format-collection",
            Format::Acled => "format-acled",
            Format::UcdpGed => "format-ucdp",
            Format::OtherCsv => "format-other-csv",
            Format::Spreadsheet => "format-spreadsheet",
        }
    }
}

/// What the caller knows about the file, which the bytes do not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// The id of the collection the file becomes, and the prefix of its event ids
    /// (`<collection_id>:<event_id_cnty>`): 1 to 200 letters, digits, `.`, `_` or `-`.
    pub collection_id: String,
    /// The file's name as the user chose it, shown as the collection's name.
    pub file_name: String,
    /// Today's date (from the caller's clock): a date more than a year after it is a typo.
    pub today: Day,
}

/// The one source a collection imported from a file cites: the file itself, as `title`, from
/// `publisher`, in `language` (a BCP 47 tag; `und` when not known), with no date, path or
/// address (the file is the reader's own).
fn file_source(id: &str, publisher: Publisher, title: String, language: &str) -> Source {
    Source {
        id: id.to_string(),
        publisher,
        title,
        published: None,
        published_inferred: false,
        published_note: None,
        language: language.to_string(),
        file: None,
        url: None,
    }
}

/// How far an import has got: records read so far, and bytes of the file read by then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Data records read (the header not counted).
    pub rows: u64,
    /// Bytes of the file consumed by the CSV reader up to the end of the last record.
    pub bytes: u64,
}

/// One row skipped ([`Severity::Error`]) or kept with a note ([`Severity::Warning`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The spreadsheet row: the header is row 1, the first record row 2 (records, not lines).
    pub row: u64,
    /// The column's name as the header writes it; empty for a problem with the whole row.
    pub column: String,
    /// The value as the file writes it (possibly long; [`fmt::Display`] shortens it).
    pub value: String,
    /// What is wrong, as a message of the catalogues, for the page to word in the reader's
    /// language; [`RowProblem::message`] words it in English (what the command line prints).
    pub said: Said,
    /// An error skips the row; a warning keeps it.
    pub severity: Severity,
}

impl RowProblem {
    /// What is wrong, in English: the English catalogue's words for [`RowProblem::said`].
    pub fn message(&self) -> String {
        self.said.english()
    }
}

impl fmt::Display for RowProblem {
    /// `row 12 / event_date / “2023-02-30”: 2023-02 has no day 30`, with `warning: ` first for a
    /// warning; the value is shortened to [`VALUE_CHARS`] characters and its control characters
    /// are escaped, so a hostile file cannot inject terminal escapes or flood the list.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        write!(f, "row {}", self.row)?;
        if !self.column.is_empty() {
            write!(f, " / {}", printable(&self.column, VALUE_CHARS))?;
            write!(f, " / “{}”", printable(&self.value, VALUE_CHARS))?;
        }
        write!(f, ": {}", self.message())
    }
}

/// A file imported, possibly with rows skipped.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The collection: it passes `core::validate::load` with no errors once serialised. It may
    /// have no events, when every row was skipped: [`Imported::problems`] says why.
    pub dataset: Dataset,
    /// Row problems in file order, at most [`MAX_ROW_PROBLEMS`].
    pub problems: Vec<RowProblem>,
    /// Problems found beyond [`MAX_ROW_PROBLEMS`], counted but not listed.
    pub problems_not_listed: u64,
    /// Data records read (the header not counted).
    pub rows_read: u64,
    /// Records skipped: each has at least one error among the problems (unless past the limit).
    pub rows_skipped: u64,
    /// Records kept with at least one warning.
    pub rows_warned: u64,
    /// The layout the file was read as.
    pub format: Format,
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No bytes, or only whitespace.
    Empty,
    /// A header row and no records.
    HeaderOnly,
    /// Bytes that are not text: NUL bytes where text has none (in UTF-8, a Windows code page,
    /// or UTF-16 with a byte order mark).
    Binary,
    /// A file of another kind; the sentence names what it looks like.
    NotADataset(Said),
    /// The header lacks columns the format needs (their names, as the format spells them).
    MissingColumns {
        format: Format,
        columns: Vec<String>,
    },
    /// The CSV cannot be read from this row on (the header is row 1).
    Unreadable { row: u64, message: String },
    /// A format this caller cannot import (the command line has no mapping step).
    Unsupported(Format),
    /// The caller's collection id cannot prefix event ids.
    InvalidCollectionId(String),
    /// Reading the bytes failed (the underlying reader's error, in words).
    Read(String),
    /// A file beyond what can be read here (a sheet reaching too far), the sentence saying
    /// how to make it readable.
    TooLarge(Said),
    /// The governorate outlines an importer places rows with could not be read (a fault of
    /// the app, not of the file: its words).
    Shapes(String),
}

impl ImportError {
    /// The sentence for the reader, as a message of the catalogues: the page words it in the
    /// reader's language, the command line in English ([`fmt::Display`]). What comes from the
    /// file (column names, a sheet's name) or from a library (a reader's error) is an argument,
    /// kept as it is.
    pub fn said(&self) -> Said {
        match self {
            ImportError::Empty => Said::new("import-empty"),
            ImportError::HeaderOnly => Said::new("import-header-only"),
            ImportError::Binary => Said::new("import-binary"),
            ImportError::NotADataset(said) | ImportError::TooLarge(said) => said.clone(),
            ImportError::MissingColumns { format, columns } => Said::new("import-missing-columns")
                .arg_key("format", format.key())
                .arg_number("count", columns.len() as u64)
                .arg(
                    "columns",
                    columns
                        .iter()
                        .map(|c| printable(c, VALUE_CHARS))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ImportError::Unreadable { row, message } => Said::new("import-unreadable")
                .arg("row", row.to_string())
                .arg("reason", printable(message, 200)),
            ImportError::Unsupported(format) => {
                Said::new("import-unsupported").arg_key("format", format.key())
            }
            ImportError::InvalidCollectionId(id) => {
                Said::new("import-invalid-id").arg("id", printable(id, VALUE_CHARS))
            }
            ImportError::Read(message) => {
                Said::new("import-read").arg("reason", printable(message, 200))
            }
            ImportError::Shapes(message) => {
                Said::new("import-shapes").arg("reason", printable(message, 200))
            }
        }
    }
}

impl fmt::Display for ImportError {
    /// The sentence in English, as the English catalogue words it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().english())
    }
}

impl std::error::Error for ImportError {}

/// What kind of file `head` (its first bytes, up to 64 KiB, possibly cut in the middle of a
/// line or of a UTF-8 character) begins. `file_name` is only a hint for ZIP archives, whose
/// first bytes do not always say what they hold. Formats are told from content and header
/// names, never from column positions (except a UCDP GED file without a header, recognised
/// by its 49 fields whose values look like GED's).
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::Binary`], or [`ImportError::NotADataset`] with a
/// sentence naming what the file looks like ("This looks like a PDF document, not a table of
/// incidents.").
pub fn sniff(file_name: &str, head: &[u8]) -> Result<Format, ImportError> {
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    match magic(file_name, head) {
        Some(Magic::Workbook) => return Ok(Format::Spreadsheet),
        Some(Magic::Other(what)) => return Err(not_a_table(what)),
        None => {}
    }
    let text = decode_head(head)?;
    let body = text.trim_start_matches('\u{FEFF}').trim_start();
    if body.is_empty() {
        return Err(ImportError::Empty);
    }
    if body.starts_with('{') {
        return Ok(Format::Collection);
    }
    if body.starts_with('[') {
        return Err(ImportError::NotADataset(Said::new("import-json-list")));
    }
    let start: String = body.chars().take(100).collect::<String>().to_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Err(not_a_table("looks-html"));
    }
    if start.starts_with('<') {
        return Err(not_a_table("looks-xml"));
    }
    if start.starts_with("{\\rtf") {
        return Err(not_a_table("looks-rtf"));
    }
    table_format(body)
}

/// "This looks like …, not a table of incidents.", `what` the key of what it looks like.
fn not_a_table(what: &'static str) -> ImportError {
    ImportError::NotADataset(Said::new("import-not-a-table").arg_key("what", what))
}

/// What a file's first bytes say, for the kinds that say it there.
enum Magic {
    Workbook,
    /// Another kind of file, in words: "looks-pdf".
    Other(&'static str),
}

/// Known binary kinds by their first bytes.
fn magic(file_name: &str, head: &[u8]) -> Option<Magic> {
    const KINDS: &[(&[u8], &str)] = &[
        (b"%PDF", "looks-pdf"),
        (b"\x89PNG", "looks-png"),
        (b"\xFF\xD8\xFF", "looks-jpeg"),
        (b"GIF8", "looks-gif"),
        (b"\x1F\x8B", "looks-gzip"),
        (b"7z\xBC\xAF", "looks-7z"),
        (b"Rar!", "looks-rar"),
        (b"SQLite format 3", "looks-sqlite"),
        (b"PAR1", "looks-parquet"),
    ];
    // An OLE compound file: an Excel 97–2003 workbook, or an .xlsx under a password, when it is
    // named so (the spreadsheet reader says which); else an old Word or PowerPoint file.
    if head.starts_with(b"\xD0\xCF\x11\xE0") {
        let name = file_name.to_lowercase();
        return Some(
            if [".xls", ".xlsx", ".xlsm", ".xlsb"]
                .iter()
                .any(|ext| name.ends_with(ext))
            {
                Magic::Workbook
            } else {
                Magic::Other("looks-old-office")
            },
        );
    }
    if let Some((_, what)) = KINDS.iter().find(|(bytes, _)| head.starts_with(bytes)) {
        return Some(Magic::Other(what));
    }
    if !head.starts_with(b"PK\x03\x04") {
        return None;
    }
    // A ZIP archive: the names of its first members (in the local headers) say what it holds.
    let name = file_name.to_lowercase();
    let holds = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    Some(
        if holds(b"xl/")
            || holds(b"opendocument.spreadsheet")
            || name.ends_with(".xlsx")
            || name.ends_with(".ods")
        {
            Magic::Workbook
        } else if holds(b"word/") {
            Magic::Other("looks-word")
        } else if holds(b"ppt/") {
            Magic::Other("looks-powerpoint")
        } else {
            Magic::Other("looks-zip")
        },
    )
}

/// The head as text: UTF-16 with a byte order mark or the zero bytes of one without
/// decoded, else UTF-8 (a character cut at
/// the end of the head is dropped), else the Windows code page the bytes suggest, as the
/// importers will read the file ([`text_decoding`]). NUL bytes are [`ImportError::Binary`].
fn decode_head(head: &[u8]) -> Result<String, ImportError> {
    let utf16 = |big_endian: bool, bytes: &[u8]| {
        let units = bytes.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        // A surrogate pair cut at the end of the head decodes to one replacement character.
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect();
        if text.contains('\0') {
            Err(ImportError::Binary)
        } else {
            Ok(text)
        }
    };
    if let Some(rest) = head.strip_prefix(b"\xFF\xFE") {
        return utf16(false, rest);
    }
    if let Some(rest) = head.strip_prefix(b"\xFE\xFF") {
        return utf16(true, rest);
    }
    match text_decoding::utf16_without_mark(head) {
        Some(text_decoding::TextEncoding::Utf16LittleEndian) => return utf16(false, head),
        Some(text_decoding::TextEncoding::Utf16BigEndian) => return utf16(true, head),
        _ => {}
    }
    if head.contains(&0) {
        return Err(ImportError::Binary);
    }
    match std::str::from_utf8(head) {
        Ok(text) => Ok(text.to_string()),
        // Cut in the middle of a character at the very end: the part before it is the text.
        Err(error) if error.error_len().is_none() => {
            let valid = head.get(..error.valid_up_to()).unwrap_or_default();
            Ok(String::from_utf8_lossy(valid).into_owned())
        }
        Err(_) => {
            let encoding = text_decoding::without_mark(head, false);
            Ok(text_decoding::decode_code_page_whole(encoding, head))
        }
    }
}

/// The delimiter of a table's header line: the most frequent of comma, semicolon and tab
/// outside quotes; `None` when the line has none.
fn delimiter(line: &str) -> Option<u8> {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in line.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(count) = counts.iter_mut().find(|(d, _)| *d == byte) {
                count.1 += 1;
            }
        }
    }
    counts
        .iter()
        .filter(|(_, count)| *count > 0)
        .max_by_key(|(_, count)| *count)
        .map(|(d, _)| *d)
}

/// The delimiter of a table that may start with title lines: that of its first line, or when
/// that line has none (a title such as "Monthly report"), of the first of the next lines read
/// for a header ([`header_row::HEADER_SEARCH_ROWS`]) that has one.
fn table_delimiter(head: &str) -> Option<u8> {
    head.split(['\n', '\r'])
        .filter(|line| !line.trim().is_empty())
        .take(header_row::HEADER_SEARCH_ROWS)
        .find_map(delimiter)
}

/// The first records of a delimited table: up to `limit`, the last one possibly cut.
fn first_records(text: &str, delimiter: u8, limit: usize) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .records()
        .take(limit)
        .map_while(Result::ok)
        .map(|record| record.iter().map(str::to_string).collect())
        .collect()
}

/// Header names compared as the importers compare them: trimmed, lower case, BOM removed.
pub(crate) fn header_key(name: &str) -> String {
    name.trim_start_matches('\u{FEFF}').trim().to_lowercase()
}

/// Whether a header names the ACLED columns (current layout, or the older one with
/// `data_id` and `event_id_no_cnty`).
pub(crate) fn is_acled_header(names: &[String]) -> bool {
    let has = |name: &str| names.iter().any(|n| n == name);
    (has("event_id_cnty") && has("event_date") && has("event_type"))
        || (has("data_id") && has("event_id_no_cnty"))
}

/// Whether `id` can prefix event ids: 1 to 200 letters, digits, `.`, `_` or `-`.
pub(super) fn is_collection_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Whether a header names UCDP GED columns.
fn is_ucdp_header(names: &[String]) -> bool {
    let has = |name: &str| names.iter().any(|n| n == name);
    has("type_of_violence") && has("date_start") && has("best")
}

/// Whether a record looks like a row of the 49-column GED layout without its header: a whole
/// number id, a type of violence of 1 to 3, and ISO dates where `date_start` and `date_end`
/// stand.
pub(super) fn looks_like_headerless_ged(record: &[String]) -> bool {
    let field = |index: usize| record.get(index).map(|f| f.trim()).unwrap_or_default();
    let is_date = |text: &str| text.get(..10).is_some_and(|day| Day::parse(day).is_ok());
    record.len() == 49
        && !field(0).is_empty()
        && field(0).bytes().all(|b| b.is_ascii_digit())
        && matches!(field(5), "1" | "2" | "3")
        && is_date(field(38))
        && is_date(field(39))
}

/// The format of a text file that is not JSON or markup: a table, told by its header.
fn table_format(text: &str) -> Result<Format, ImportError> {
    // A title line or two may come before the header (see `header_row`).
    let Some(delimiter) = table_delimiter(text) else {
        return Err(not_a_table("looks-plain-text"));
    };
    let records = first_records(text, delimiter, 1);
    let names: Vec<String> = records
        .first()
        .map(|header| header.iter().map(|name| header_key(name)).collect())
        .unwrap_or_default();
    if is_acled_header(&names) {
        return Ok(Format::Acled);
    }
    if is_ucdp_header(&names) {
        return Ok(Format::UcdpGed);
    }
    if records
        .first()
        .is_some_and(|r| looks_like_headerless_ged(r))
    {
        return Ok(Format::UcdpGed);
    }
    Ok(Format::OtherCsv)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Only the embeddings, overrides and isolates go; every other character stays, those
        /// whose UTF-8 starts with the same byte (a dash, the marks U+200E and U+200F) too.
        #[test]
        fn bidi_controls_alone_are_taken_out(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', 'ب', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
                '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '—',
                '\u{2029}', '\u{206A}',
            ]), 0..40),
        ) {
            let text: String = chars.iter().collect();
            let kept: String = chars
                .iter()
                .filter(|c| {
                    !('\u{202A}'..='\u{202E}').contains(*c) && !('\u{2066}'..='\u{2069}').contains(*c)
                })
                .collect();
            proptest::prop_assert_eq!(without_bidi_controls(text), kept);
        }
    }

    #[test]
    fn a_row_problem_reads_as_a_spreadsheet_cell() {
        let problem = RowProblem {
            row: 12,
            column: "event_date".into(),
            value: format!("2023\u{1b}[31m{}", "x".repeat(100)),
            said: Said::new("problem-not-iso-date"),
            severity: Severity::Error,
        };
        let says = problem.message();
        assert_eq!(says, Lang::En.text("problem-not-iso-date"));
        let text = problem.to_string();
        assert!(
            text.starts_with("row 12 / event_date / “2023\\u{1b}[31m"),
            "{text}"
        );
        assert!(text.ends_with(&format!("…”: {says}")), "{text}");
        let whole_row = RowProblem {
            column: String::new(),
            severity: Severity::Warning,
            ..problem
        };
        assert_eq!(whole_row.to_string(), format!("warning: row 12: {says}"));
    }

    #[test]
    fn the_delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(delimiter("a;b;\"c,d,e\""), Some(b';'));
        assert_eq!(delimiter("a\tb\tc,d"), Some(b'\t'));
        assert_eq!(delimiter("just words"), None);
    }

    #[test]
    fn a_head_cut_inside_a_character_is_still_text() {
        let bytes = "event_date,location\n2023-01-31,حلب".as_bytes();
        let cut = &bytes[..bytes.len() - 1];
        assert!(decode_head(cut).is_ok_and(|text| text.ends_with("2023-01-31,حل")));
        // Not UTF-8: a Windows code page (here Western: a lone byte above 127).
        assert_eq!(decode_head(b"ab\xFFcd"), Ok("ab\u{FF}cd".into()));
        assert_eq!(decode_head(b"ab\0cd"), Err(ImportError::Binary));
    }

    #[test]
    fn every_error_is_one_sentence() {
        let errors = [
            ImportError::Empty,
            ImportError::HeaderOnly,
            ImportError::Binary,
            not_a_table("looks-pdf"),
            ImportError::MissingColumns {
                format: Format::Acled,
                columns: vec!["event_date".into(), "fatalities".into()],
            },
            ImportError::Unreadable {
                row: 7,
                message: "a quote is never closed".into(),
            },
            ImportError::Unsupported(Format::UcdpGed),
            ImportError::InvalidCollectionId("a b".into()),
            ImportError::Read("broken pipe".into()),
            ImportError::Shapes("not GeoJSON".into()),
            spreadsheet_bounds::too_wide("Sheet1", 0, 16_383),
        ];
        for error in errors {
            let text = error.to_string();
            assert!(
                text.ends_with('.') && text.starts_with(char::is_uppercase),
                "{text}"
            );
            assert!(!text.contains('\n'), "{text}");
        }
        assert_eq!(
            not_a_table("looks-pdf").to_string(),
            "This looks like a PDF document, not a table of incidents."
        );
    }
}
