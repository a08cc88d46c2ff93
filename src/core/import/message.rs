//! What the import worker tells the page while it reads a user's file, as serde types: the page
//! and the worker are two WebAssembly modules built from this crate, so both sides share these.
//!
//! The worker says [`WorkerMessage::Ready`] first; the page then posts the `File`. The worker
//! posts each message as a two-element array: this enum as JSON text, and for
//! [`WorkerMessage::Done`] the collection's bytes (an `ArrayBuffer`, transferred, not copied):
//! a collection in pieces ([`crate::core::validate::write_in_pieces`]) for a file the worker
//! read, or a collection file as it was opened. The page checks those bytes with
//! [`crate::core::validate::LoadSteps`], the same rules as a bundled collection, a slice at a
//! time between frames, so a user's file is held to the same rules.

use serde::{Deserialize, Serialize};

use crate::core::i18n::{Lang, Said};

use super::mapped::TablePreview;
use super::table_mapping::Mapping;

/// [`ImportSummary::format`] of this project's own collection files, whose records the page
/// counts and checks itself.
pub const COLLECTION_FORMAT: &str = "Collection (JSON)";

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
    /// The file was read: the collection's bytes come with this message.
    Done(ImportSummary),
    /// The file could not be read at all, in one sentence for the reader, which the page words
    /// in the reader's language.
    Failed { said: Said },
}

/// What the page tells the worker after a [`WorkerMessage::Preview`], as JSON text.
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
    /// What the file was read as, for people: "ACLED export (CSV)", "Collection (JSON)".
    pub format: String,
    /// The same, as a message of the catalogues (a sheet's name stays as it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format_said: Option<Said>,
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

/// One problem with one row of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemLine {
    /// The row as a spreadsheet numbers it: the header is row 1, the first record row 2. 0 for
    /// a file without rows (a collection file, whose problems name the record instead).
    pub row: u64,
    /// The column's name in the file; empty when the problem is the whole row. For a
    /// collection file, the record's id.
    pub column: String,
    /// The value as the file holds it (shortened). For a collection file, the field's path.
    pub value: String,
    /// What is wrong, in English words.
    pub message: String,
    /// The same sentence as a message of the catalogues, which the page words in the reader's
    /// language; `None` for one the catalogues do not word yet (shown in English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<Said>,
    /// True when the row was left out; false for a warning on a row that was kept.
    pub skipped: bool,
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
        write!(f, "{}: {}", parts.join(" / "), self.message)
    }
}

impl From<&super::RowProblem> for ProblemLine {
    fn from(problem: &super::RowProblem) -> ProblemLine {
        ProblemLine {
            row: problem.row,
            column: problem.column.clone(),
            value: problem.value.clone(),
            message: problem.message.clone(),
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
            value: problem.field.clone().unwrap_or_default(),
            message: problem.message.clone(),
            said: problem.said.clone(),
            skipped: problem.severity == super::Severity::Error,
        }
    }
}

/// Gives an imported collection its final id: the collection's own and the prefix of each
/// event id (`<id>:<local id>`). The importer runs before the file's fingerprint, which the
/// id comes from, is known; this renames after it.
pub fn rename_collection(dataset: &mut crate::core::model::Dataset, id: &str) {
    let old = std::mem::replace(&mut dataset.collection.id, id.to_string());
    let rename = |record: &mut String| {
        if let Some(local) = record
            .strip_prefix(old.as_str())
            .and_then(|rest| rest.strip_prefix(':'))
        {
            *record = format!("{id}:{local}");
        }
    };
    for event in &mut dataset.events {
        rename(&mut event.id);
    }
    for figure in &mut dataset.figures {
        rename(&mut figure.id);
        if let Some(part_of) = &mut figure.part_of {
            rename(part_of);
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
/// in; a sentence the catalogues do not word yet stays in English.
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
            field(&problem.column),
            field(&problem.value),
            field(
                &problem
                    .said
                    .as_ref()
                    .map_or_else(|| problem.message.clone(), |said| lang.said(said)),
            ),
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
mod tests {
    use super::*;

    fn line(row: u64, column: &str, value: &str, message: &str, skipped: bool) -> ProblemLine {
        ProblemLine {
            row,
            column: column.into(),
            value: value.into(),
            message: message.into(),
            said: None,
            skipped,
        }
    }

    #[test]
    fn a_problem_reads_row_column_value_and_what_is_wrong() {
        let problem = line(7, "event_date", "2023-02-30", "no such day", true);
        assert_eq!(
            problem.to_string(),
            "row 7 / event_date / 2023-02-30: no such day"
        );
        assert_eq!(
            line(9, "", "", "3 fields where the header has 31", true).to_string(),
            "row 9: 3 fields where the header has 31"
        );
        assert_eq!(
            line(0, "ucdp:7", "date.start", "not a date", true).to_string(),
            "ucdp:7 / date.start: not a date"
        );
    }

    #[test]
    fn the_problem_list_is_csv_that_a_spreadsheet_reads_safely() {
        let mut worded = line(3, "fatalities", "=HYPERLINK(\"x\")", "", true);
        worded.said = Some(Said::new("problem-not-whole-people"));
        worded.message = Lang::En.said(&Said::new("problem-not-whole-people"));
        let lines = [line(2, "notes", "a, \"b\"\nc", "odd", false), worded];
        let csv = problems_csv(&lines, Lang::En);
        let arabic = problems_csv(&lines, Lang::Ar);
        // The column names stay English; the problem follows the language.
        assert_eq!(csv.lines().next(), arabic.lines().next());
        assert!(arabic.contains(&Lang::Ar.text("problem-not-whole-people")));
        assert!(!arabic.contains(&lines[1].message));
        assert!(arabic.contains("row left out"));
        let mut reader = ::csv::ReaderBuilder::new().from_reader(csv.as_bytes());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|record| match record {
                Ok(record) => record.iter().map(str::to_string).collect(),
                Err(error) => panic!("{error}"),
            })
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][2], "a, \"b\"\nc");
        assert_eq!(rows[0][4], "row kept");
        assert_eq!(rows[1][2], "'=HYPERLINK(\"x\")");
        assert_eq!(rows[1][4], "row left out");
    }

    #[test]
    fn the_collection_id_comes_from_the_fingerprint_and_is_a_valid_id() {
        let id =
            collection_id_of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assert_eq!(id, "file-9f86d081884c");
        assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    }

    #[test]
    fn renaming_a_collection_renames_its_record_ids() {
        let mut dataset = crate::core::model::Dataset {
            schema_version: crate::core::model::SCHEMA_VERSION,
            collection: crate::core::model::Collection {
                id: "file".into(),
                name: "n".into(),
                description: "d".into(),
                version: None,
                license: None,
                attribution: Vec::new(),
                citations: Vec::new(),
            },
            sources: Vec::new(),
            parties: Vec::new(),
            dyads: Vec::new(),
            events: vec![
                crate::core::table::test_data::ev("file:SYR1", "2020-01-01").0,
                crate::core::table::test_data::ev("file:SYR2:b", "2020-01-02").0,
            ],
            figures: Vec::new(),
        };
        rename_collection(&mut dataset, "file-0123456789ab");
        assert_eq!(dataset.collection.id, "file-0123456789ab");
        let ids: Vec<&str> = dataset.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["file-0123456789ab:SYR1", "file-0123456789ab:SYR2:b"]);
    }

    #[test]
    fn messages_round_trip_as_json() {
        let message = WorkerMessage::Progress {
            rows: 4096,
            bytes: 1 << 20,
            total: 1 << 24,
        };
        let text = serde_json::to_string(&message).unwrap_or_default();
        assert!(text.contains("\"kind\":\"progress\""));
        assert_eq!(
            serde_json::from_str::<WorkerMessage>(&text).ok(),
            Some(message)
        );
    }
}
