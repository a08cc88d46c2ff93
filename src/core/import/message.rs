//! What the import worker tells the page while it reads a user's file, as serde types: the page
//! and the worker are two WebAssembly modules built from this crate, so both sides share these.
//!
//! The worker says [`WorkerMessage::Ready`] first; the page then posts the `File`. The worker
//! posts each message as an array: this enum as JSON text, and the collection's bytes: with
//! each [`WorkerMessage::Piece`] of a table read row by row, some megabytes of
//! [`crate::core::validate::PieceWriter`]'s lines in a transferred buffer (a `Uint8Array`),
//! posted as they are written; with the [`WorkerMessage::Done`] of a collection file, the file
//! as it was opened (a `Blob`). The page checks those bytes with
//! [`crate::core::validate::LoadSteps`], the same rules as a bundled collection, so a user's
//! file is held to the same rules: a collection in pieces in a second worker started to check
//! it ([`PageMessage::Check`], [`PageMessage::Lines`], [`PageMessage::LinesEnd`]), which
//! answers with [`WorkerMessage::Checking`] and then the file's stored form (in parts,
//! [`WorkerMessage::Stored`], then whole, [`WorkerMessage::Checked`]) or why it is refused
//! ([`WorkerMessage::Refused`]); any other (and a collection in pieces when the page has no
//! gazetteer for that worker) on the page, a slice at a time between frames.

use serde::{Deserialize, Serialize};

use crate::core::i18n::{Lang, Said, FOREIGN_ARG};
use crate::core::validate::Problem;

use super::mapped::TablePreview;
use super::table_mapping::Mapping;

/// What a file was read as ([`ImportSummary::format`]): a code, which the page words in the
/// reader's language ([`ReadAs::said`]), so that the worker carries no sentence of its own.
///
/// As JSON, an object tagged by `kind` (`{"kind":"acled"}`, `{"kind":"sheet","sheet":"2019"}`).
/// Summaries kept on the device by earlier versions hold the English words instead
/// (`"ACLED export (CSV)"`); they read back as the code they name ([`ReadAs::from_words`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadAs {
    /// An ACLED export (CSV).
    Acled,
    /// A UCDP GED table (CSV).
    Ucdp,
    /// This project's own collection file (JSON), whose records the page counts and checks
    /// itself.
    Collection,
    /// Any CSV table, read with the columns the reader chose.
    CsvTable,
    /// One sheet of a workbook, by its name as the workbook writes it, read with the columns
    /// the reader chose.
    Sheet { sheet: String },
    /// Words an earlier version kept that name none of the above, shown as they are (English).
    Words { words: String },
}

/// Reads [`ImportSummary::format`]: the code this version writes, or the English words of a
/// summary kept by an earlier version, read back as the code they name.
fn read_as_or_words<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<ReadAs, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Code(ReadAs),
        Words(String),
    }
    Ok(match Stored::deserialize(deserializer)? {
        Stored::Code(code) => code,
        Stored::Words(words) => ReadAs::from_words(&words),
    })
}

impl ReadAs {
    /// The code that the English words of an earlier version name (`"ACLED export (CSV)"`,
    /// `"Spreadsheet, sheet “2019”, columns chosen"`), or [`ReadAs::Words`] for words that name
    /// none.
    pub fn from_words(words: &str) -> ReadAs {
        match words {
            "ACLED export (CSV)" => ReadAs::Acled,
            "UCDP GED (CSV)" => ReadAs::Ucdp,
            "Collection (JSON)" => ReadAs::Collection,
            "CSV table, columns chosen" => ReadAs::CsvTable,
            _ => match words
                .strip_prefix("Spreadsheet, sheet “")
                .and_then(|rest| rest.strip_suffix("”, columns chosen"))
            {
                Some(sheet) => ReadAs::Sheet {
                    sheet: sheet.to_string(),
                },
                None => ReadAs::Words {
                    words: words.to_string(),
                },
            },
        }
    }

    /// The words for people, as a message of the catalogues (`summary-format-…`; a sheet's
    /// name placed as it is). Words kept by an earlier version come back as they were, marked
    /// as English ([`FOREIGN_ARG`]).
    pub fn said(&self) -> Said {
        match self {
            ReadAs::Acled => Said::new("summary-format-acled"),
            ReadAs::Ucdp => Said::new("summary-format-ucdp"),
            ReadAs::Collection => Said::new("summary-format-collection"),
            ReadAs::CsvTable => Said::new("summary-format-csv-table"),
            ReadAs::Sheet { sheet } => {
                Said::new("summary-format-sheet").arg("sheet", sheet.clone())
            }
            ReadAs::Words { words } => Said::new(AS_WRITTEN).arg(FOREIGN_ARG, words.clone()),
        }
    }
}

/// The key of a sentence kept by an earlier version in English words only: the words, as
/// written.
pub const AS_WRITTEN: &str = "import-as-written";

/// One message from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkerMessage {
    /// The worker is listening: messages posted to it before this are lost, as its module is
    /// still being compiled when its script has run.
    Ready,
    /// How far the reading is: rows read so far (0 while a collection file, which is not read
    /// row by row, is being read), bytes read, and the file's size in bytes.
    Progress { rows: u64, bytes: u64, total: u64 },
    /// The file is a table of no format the worker knows (any CSV, a spreadsheet): the reader
    /// must confirm its columns; the worker waits for a [`PageMessage`].
    Preview(TablePreview),
    /// The sheet the reader chose cannot be read (empty, or no header), or the row chosen as
    /// the header cannot be one; the worker still waits for another choice. The sentence
    /// names the sheet, or says it of the row.
    SheetUnreadable { said: Said },
    /// The next lines of the collection in pieces, while the file is still being read (a
    /// table read row by row: ACLED, UCDP, or any with its columns chosen): the bytes come
    /// with this message in a buffer of their own, whole lines, in order, the first beginning
    /// with the header. `share` is how much of the file was read when they were written (0 to
    /// 1).
    Piece { share: f64 },
    /// The file was read: a collection file's bytes come with this message (a table's lines
    /// came in pieces).
    Done(ImportSummary),
    /// The file could not be read at all, in one sentence for the reader, which the page words
    /// in the reader's language; from a worker checking a collection, it could not check it
    /// (the page says so, and the file is not added).
    Failed { said: Said },
    /// From a worker checking a collection ([`PageMessage::Check`]): the lines written by the
    /// time `share` of the file was read (0 to 1) are checked.
    Checking { share: f64 },
    /// From a worker checking a collection, once it is checked: the next bytes of its stored
    /// form ([`crate::core::stored`]) come with this message, in a buffer of their own, in
    /// order, as the form is written, for the page to read as they come.
    Stored,
    /// From a worker checking a collection: its stored form was all posted
    /// ([`WorkerMessage::Stored`]), and comes again with this message in one blob, for the
    /// device to keep.
    Checked,
    /// From a worker checking a collection: it is refused, for these problems.
    Refused { problems: Vec<Problem> },
}

/// What the page tells the worker after a [`WorkerMessage::Preview`], as JSON text; or, to a
/// worker checking a collection, the collection's lines (`[JSON text, bytes]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PageMessage {
    /// Show this sheet of the workbook instead.
    Sheet { name: String },
    /// Take the row of this index among the first rows read as the header instead
    /// ([`super::header_row::HeaderChoice::index`]).
    HeaderRow { index: usize },
    /// Read every row with these columns.
    Import { mapping: Mapping },
    /// To a worker started ahead of a check ([`PageMessage::Check`]): the JSON of the page's
    /// gazetteer ([`crate::core::place_names`]) comes with this message, as bytes, for the
    /// worker to read before the check is asked of it.
    Gazetteer,
    /// To a worker started to check a collection in pieces while another worker writes it (it
    /// reads no file then): the file's name; the JSON of the page's gazetteer comes with this
    /// message, as bytes, unless a [`PageMessage::Gazetteer`] brought it before.
    Check { file_name: String },
    /// To a worker checking a collection: its next lines, which come with this message in a
    /// transferred buffer (whole lines, in order, the first beginning with the header),
    /// written when `share` of the file was read (0 to 1).
    Lines { share: f64 },
    /// To a worker checking a collection: no lines follow, and the collection takes the id
    /// `collection_id` when one is given ([`ImportSummary::collection_id`]: the file's, known
    /// once the file was read through, where the lines name [`PROVISIONAL_COLLECTION_ID`]).
    LinesEnd { collection_id: Option<String> },
}

/// What was read from a file, for the "Your data" report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The file's name as the reader's system gives it.
    pub file_name: String,
    /// The file's size in bytes.
    pub size: u64,
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    pub fingerprint: String,
    /// What the file was read as, a code the page words ([`ReadAs::said`]).
    #[serde(deserialize_with = "read_as_or_words")]
    pub format: ReadAs,
    /// Data rows read (records of a CSV file; events of a collection file).
    pub rows_read: u64,
    /// Rows that could not be read and were left out; each has an error in `problems`.
    pub rows_skipped: u64,
    /// Rows kept with a warning in `problems`.
    pub rows_warned: u64,
    /// Every problem, in file order, up to the importer's limit.
    pub problems: Vec<ProblemLine>,
    /// Problems found beyond those listed (a file broken on every row).
    #[serde(default)]
    pub problems_not_listed: u64,
}

impl ImportSummary {
    /// The id of the collection a table read from this file takes: its fingerprint's
    /// ([`collection_id_of`]). `None` for a collection file, which names its own (and for a
    /// summary an earlier version kept, which says no more than words).
    pub fn collection_id(&self) -> Option<String> {
        match self.format {
            ReadAs::Acled | ReadAs::Ucdp | ReadAs::CsvTable | ReadAs::Sheet { .. } => {
                Some(collection_id_of(&self.fingerprint))
            }
            ReadAs::Collection | ReadAs::Words { .. } => None,
        }
    }
}

/// One problem with one row of a file.
///
/// As JSON, its fields; a line kept on the device by an earlier version also holds `message`
/// (the sentence in English) and may lack `said`: it reads back with the English words as its
/// sentence ([`AS_WRITTEN`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredProblemLine")]
pub struct ProblemLine {
    /// The row as a spreadsheet numbers it: the header is row 1, the first record row 2. 0 for
    /// a file without rows (a collection file, whose problems name the record instead).
    pub row: u64,
    /// The column's name in the file; empty when the problem is the whole row. For a
    /// collection file, the record's id, or its kind and place for a record without a valid id
    /// (`event #3`, in English).
    pub column: String,
    /// For a collection file's record without a valid id, the same as `column` as a message
    /// of the catalogues ([`crate::core::validate::record_said`]), which the page words in the
    /// reader's language; `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Said>,
    /// The value as the file holds it (shortened). For a collection file, the field's path.
    pub value: String,
    /// What is wrong, as a message of the catalogues, which the page words in the reader's
    /// language ([`ProblemLine::message`] in English).
    pub said: Said,
    /// True when the row was left out; false for a warning on a row that was kept.
    pub skipped: bool,
}

/// A [`ProblemLine`] as JSON, as this version or an earlier one wrote it.
#[derive(Deserialize)]
struct StoredProblemLine {
    row: u64,
    column: String,
    #[serde(default)]
    record: Option<Said>,
    value: String,
    /// The English sentence, which earlier versions kept beside (or instead of) `said`.
    #[serde(default)]
    message: String,
    #[serde(default)]
    said: Option<Said>,
    skipped: bool,
}

impl From<StoredProblemLine> for ProblemLine {
    fn from(stored: StoredProblemLine) -> ProblemLine {
        ProblemLine {
            row: stored.row,
            column: stored.column,
            record: stored.record,
            value: stored.value,
            said: stored
                .said
                .unwrap_or_else(|| Said::new(AS_WRITTEN).arg(FOREIGN_ARG, stored.message)),
            skipped: stored.skipped,
        }
    }
}

impl ProblemLine {
    /// What is wrong, in English (the English catalogue's words).
    pub fn message(&self) -> String {
        self.said.english()
    }
}

impl std::fmt::Display for ProblemLine {
    /// `row N / column / value: what is wrong`, the form the problem list shows.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let row = (self.row > 0).then(|| format!("row {}", self.row));
        let parts: Vec<&str> = [row.as_deref(), Some(&self.column), Some(&self.value)]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect();
        write!(f, "{}: {}", parts.join(" / "), self.message())
    }
}

impl From<&super::RowProblem> for ProblemLine {
    fn from(problem: &super::RowProblem) -> ProblemLine {
        ProblemLine {
            row: problem.row,
            column: problem.column.clone(),
            record: None,
            value: problem.value.clone(),
            said: problem.said.clone(),
            skipped: problem.severity == super::Severity::Error,
        }
    }
}

/// A collection file's problem: no row, named by record and field.
impl From<&crate::core::validate::Problem> for ProblemLine {
    fn from(problem: &crate::core::validate::Problem) -> ProblemLine {
        ProblemLine {
            row: 0,
            column: problem.record.clone().unwrap_or_default(),
            record: problem
                .record
                .as_deref()
                .and_then(crate::core::validate::record_said),
            value: problem.field.clone().unwrap_or_default(),
            said: problem
                .said
                .clone()
                .unwrap_or_else(|| Said::new(AS_WRITTEN).arg(FOREIGN_ARG, problem.message.clone())),
            skipped: problem.severity == super::Severity::Error,
        }
    }
}

/// The collection id an imported table is read under until its file's fingerprint, which its
/// id comes from, is known: the file is read once, and its fingerprint is known at the end.
/// It has the length of every [`collection_id_of`] (so that renaming the events leaves their
/// packed texts as they are, [`crate::core::records::Records::rename_id_prefix`]) and is
/// never one (`x` is no hex digit).
pub const PROVISIONAL_COLLECTION_ID: &str = "file-xxxxxxxxxxxx";

/// Gives an imported collection its final id: the collection's own and the prefix of each
/// event id (`<id>:<local id>`), for a collection imported before its file's fingerprint,
/// which the id comes from, was known ([`PROVISIONAL_COLLECTION_ID`]).
pub fn rename_collection(dataset: &mut crate::core::model::Dataset, id: &str) {
    let old = std::mem::replace(&mut dataset.collection.id, id.to_string());
    if old == id {
        return;
    }
    let renamed = |record: &str| {
        record
            .strip_prefix(old.as_str())
            .and_then(|rest| rest.strip_prefix(':'))
            .map(|local| format!("{id}:{local}"))
    };
    let rename = |record: &mut String| {
        if let Some(new) = renamed(record) {
            *record = new;
        }
    };
    dataset
        .events
        .rename_id_prefix(&format!("{old}:"), &format!("{id}:"));
    for figure in &mut dataset.figures {
        rename(&mut figure.id);
        if let Some(part_of) = &mut figure.part_of {
            rename(part_of);
        }
    }
}

/// [`rename_collection`] of a checked collection, with what was built from it: its table's
/// collection id and the records its problems name.
pub fn rename_loaded(loaded: &mut crate::core::validate::Loaded, id: &str) {
    let old = loaded.dataset.collection.id.clone();
    if old == id {
        return;
    }
    rename_collection(&mut loaded.dataset, id);
    if let Some(part) = &mut loaded.table {
        for collection in &mut part.table.collection_ids {
            if *collection == old {
                *collection = id.to_string();
            }
        }
    }
    let prefix = format!("{old}:");
    for problem in &mut loaded.problems {
        if let Some(record) = &mut problem.record {
            if let Some(local) = record.strip_prefix(prefix.as_str()) {
                *record = format!("{id}:{local}");
            }
        }
    }
}

/// The problem list as CSV (`row,column,value,problem,outcome`), for the reader to download.
/// Fields are quoted as RFC 4180 asks, and a field that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) is prefixed with `'`.
///
/// The column names and the outcome (`row left out`, `row kept`) are stable English
/// identifiers, which a script or a spreadsheet's filter can rely on in either language. The
/// `problem` column is in `lang`, the interface's language: the list is for the person who
/// reads the page, who checks the rows against the file in the language they read the report
/// in, and so is the name of a collection file's record without a valid id in the `column`
/// column (`event #3`); a sentence an earlier version kept in English only stays in English.
pub fn problems_csv(problems: &[ProblemLine], lang: Lang) -> String {
    let mut out = String::from("row,column,value,problem,outcome\r\n");
    for problem in problems {
        let outcome = if problem.skipped {
            "row left out"
        } else {
            "row kept"
        };
        let fields = [
            problem.row.to_string(),
            field(
                &problem
                    .record
                    .as_ref()
                    .map_or_else(|| problem.column.clone(), |said| lang.said(said)),
            ),
            field(&problem.value),
            field(&lang.said(&problem.said)),
            outcome.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV field, quoted when it needs to be and defused against formula injection.
fn field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The collection id given to an imported file: `file-` and the first 12 hex digits of its
/// fingerprint, so the same file opened twice is the same collection, and a link names it
/// without naming the file.
pub fn collection_id_of(fingerprint: &str) -> String {
    let digits: String = fingerprint.chars().take(12).collect();
    format!("file-{digits}")
}

#[cfg(test)]
mod tests;
