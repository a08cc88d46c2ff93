//! The mapping step's view of a table (a CSV file's or a spreadsheet's sheet): its header and
//! first rows, how it was read, and the guessed mapping ([`TablePreview`]), read by
//! [`preview_csv`] or [`preview_sheet`].

use std::io::Read;

use serde::{Deserialize, Serialize};

use super::csv_rows::{csv_reader_and_delimiter, header_names, read_record, RowNumbers};
use super::header_row::{self, HeaderChoice, ROWS_LOOKED_AT};
use super::spreadsheet::SheetTable;
use super::table_mapping::{self, DateEvidence, Mapping};
use super::ImportError;
use crate::core::i18n::Said;

/// Rows shown in the mapping step's preview.
pub const PREVIEW_ROWS: usize = 8;
/// Rows the guess and the date evidence look at.
pub const SAMPLE_ROWS: usize = 500;
/// Characters of a cell kept in the sample (the preview only shows the start of a long text).
const SAMPLE_CHARS: usize = 160;

/// What the mapping step shows: the table's header and first rows, how it was read, and the
/// guessed mapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TablePreview {
    /// The header's names as written (trimmed; an empty name is shown as its column letter).
    pub header: Vec<String>,
    /// The first rows (up to [`SAMPLE_ROWS`]), each cell shortened to 160 characters; the
    /// step shows the first [`PREVIEW_ROWS`].
    pub sample: Vec<Vec<String>>,
    /// How the text was read ("UTF-8, separated by semicolons"; or the sheet), as a message of
    /// the catalogues, for the page to word in the reader's language (the command line in
    /// English).
    pub reading: Said,
    /// A workbook's sheets, in order; empty for a CSV file.
    #[serde(default)]
    pub sheets: Vec<String>,
    /// The sheet shown, for a workbook.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The mapping the header and rows suggest.
    pub guess: Mapping,
    /// The row the column names were taken from, as the file numbers it (1 for the first).
    #[serde(default = "first_row")]
    pub header_row: u64,
    /// Its index among the rows read (0 for the first; more when title rows are above it).
    #[serde(default)]
    pub header_index: usize,
    /// The first rows, any of which the reader can take as the header instead.
    #[serde(default)]
    pub header_choices: Vec<HeaderChoice>,
}

fn first_row() -> u64 {
    1
}

impl TablePreview {
    /// What the sample says of the order of numeric dates under `mapping`.
    pub fn date_evidence(&self, mapping: &Mapping) -> DateEvidence {
        DateEvidence::of(mapping, &self.sample)
    }
}

/// The preview of the table of a header and its first rows (a sheet's, or a CSV's).
pub fn preview_rows(
    mut header: Vec<String>,
    rows: impl Iterator<Item = Vec<String>>,
    reading: Said,
) -> TablePreview {
    let mut sample: Vec<Vec<String>> = rows
        .take(SAMPLE_ROWS)
        .map(|row| {
            row.into_iter()
                .map(|cell| cell.chars().take(SAMPLE_CHARS).collect())
                .collect()
        })
        .collect();
    // Columns past the last one with a name or a value in the first rows are left out of the
    // step (a stray cell in a sheet's far corner would make thousands of empty columns).
    let used = |column: usize| {
        header.get(column).is_some_and(|name| !name.is_empty())
            || sample
                .iter()
                .any(|row| row.get(column).is_some_and(|cell| !cell.trim().is_empty()))
    };
    let width = (0..header.len())
        .rev()
        .find(|&c| used(c))
        .map_or(0, |c| c + 1);
    header.truncate(width);
    for row in &mut sample {
        row.truncate(width);
    }
    // The guess reads the names as written: an unnamed column is guessed by its values only.
    let guess = table_mapping::guess(&header, &sample);
    let header = header
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            if name.is_empty() {
                format!("column {}", column_letters(index))
            } else {
                name
            }
        })
        .collect();
    TablePreview {
        header,
        sample,
        reading,
        sheets: Vec::new(),
        sheet: None,
        guess,
        header_row: 1,
        header_index: 0,
        header_choices: Vec::new(),
    }
}

/// The preview of a spreadsheet's sheet, with the workbook's sheets to choose from and the
/// rows that could be its header.
pub fn preview_sheet(table: &SheetTable) -> TablePreview {
    let rows = table.rows.iter().map(|(_, record)| cells(record));
    let said = Said::new("reading-sheet")
        .arg("sheet", table.sheet.clone())
        .arg("row", table.header_row.to_string());
    let mut preview = preview_rows(table.header.clone(), rows, said);
    preview.sheets = table.sheets.clone();
    preview.sheet = Some(table.sheet.clone());
    preview.header_row = table.header_row;
    preview.header_index = table.above.len();
    let first: Vec<(u64, Vec<String>)> = table
        .above
        .iter()
        .map(|(row, record)| (*row, cells(record)))
        .chain([(table.header_row, table.header.clone())])
        .chain(
            table
                .rows
                .iter()
                .take(ROWS_LOOKED_AT)
                .map(|(row, record)| (*row, cells(record))),
        )
        .collect();
    preview.header_choices =
        header_row::choices(first.iter().map(|(row, cells)| (*row, cells.as_slice())));
    preview
}

/// A record's cells as text, trimmed (the preview shows them; the import reads the record).
pub(super) fn cells(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .map(|cell| String::from_utf8_lossy(cell).trim().to_string())
        .collect()
}

/// A column's letters as a spreadsheet names it: 0 is A, 25 Z, 26 AA.
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        rest -= 1;
        letters.push(char::from(b'A' + (rest % 26) as u8));
        rest /= 26;
    }
    letters.iter().rev().collect()
}

/// Reads the header and first rows of a CSV file for the mapping step, the header found among
/// the first rows ([`header_row::detect`]).
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::HeaderOnly`], [`ImportError::Read`],
/// [`ImportError::Unreadable`].
pub fn preview_csv<R: Read>(reader: R) -> Result<TablePreview, ImportError> {
    preview_csv_with_header(reader, None)
}

/// [`preview_csv`] with the header taken from the row of index `header` among the rows read
/// (0 the first; clamped to the rows the header is looked for in), or found when `None`.
///
/// # Errors
/// As [`preview_csv`]; [`ImportError::HeaderOnly`] when no row follows the header.
pub fn preview_csv_with_header<R: Read>(
    reader: R,
    header: Option<usize>,
) -> Result<TablePreview, ImportError> {
    let (mut csv, delimiter) =
        csv_reader_and_delimiter(reader).map_err(|error| ImportError::Read(error.to_string()))?;
    let encoding = csv.get_ref().inner().encoding().said();
    let mut record = csv::ByteRecord::new();
    let mut numbers = RowNumbers::default();
    // The first rows, each with its number in the file, as records.
    let mut first: Vec<(u64, csv::ByteRecord)> = Vec::new();
    while first.len() < header_row::HEADER_SEARCH_ROWS + SAMPLE_ROWS
        && read_record(&mut csv, &mut record, numbers.next())?
    {
        first.push((numbers.of(&csv, &record), record.clone()));
    }
    let Some((_, top)) = first.first() else {
        return Err(ImportError::Empty);
    };
    // A UTF-16 file reads as nonsense from its first row on: said before anything else.
    header_names(top)?;
    let index = header_index(&first, header);
    let (header_at, header_record) = first.get(index).cloned().unwrap_or_default();
    let names = header_names(&header_record)?;
    let rows: Vec<Vec<String>> = first
        .iter()
        .skip(index + 1)
        .take(SAMPLE_ROWS)
        .map(|(_, record)| cells(record))
        .collect();
    if rows.is_empty() {
        return Err(ImportError::HeaderOnly);
    }
    let key = match (names.len() > 1, delimiter) {
        (false, _) => "reading-text",
        (true, b';') => "reading-semicolons",
        (true, b'\t') => "reading-tabs",
        (true, _) => "reading-commas",
    };
    let said = Said::new(key).arg_said("encoding", encoding);
    let mut preview = preview_rows(names, rows.into_iter(), said);
    preview.header_row = header_at;
    preview.header_index = index;
    let shown: Vec<(u64, Vec<String>)> = first
        .iter()
        .take(ROWS_LOOKED_AT)
        .map(|(row, record)| (*row, cells(record)))
        .collect();
    preview.header_choices =
        header_row::choices(shown.iter().map(|(row, cells)| (*row, cells.as_slice())));
    Ok(preview)
}

/// The index of the header among `first` (the first records read, with their rows): `wanted`
/// when given (at most the last row the header is looked for in), else found.
pub(super) fn header_index(first: &[(u64, csv::ByteRecord)], wanted: Option<usize>) -> usize {
    let last = first
        .len()
        .min(header_row::HEADER_SEARCH_ROWS)
        .saturating_sub(1);
    match wanted {
        Some(index) => index.min(last),
        None => {
            let rows: Vec<Vec<String>> = first
                .iter()
                .take(ROWS_LOOKED_AT)
                .map(|(_, record)| cells(record))
                .collect();
            header_row::detect(&rows)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
