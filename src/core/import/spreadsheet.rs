//! Reading one sheet of a spreadsheet workbook (`.xlsx`, `.xlsb`, `.ods`, `.xls`) as a table of
//! text ([`read_sheet`]), so a workbook can go through the same column mapping as a CSV file.
//!
//! Cells become the text a person would type for them: strings as written, numbers in their
//! shortest form (`12`, not `12.0`), booleans `TRUE`/`FALSE`, date cells as ISO dates
//! (`2019-03-04`, or `2019-03-04 13:00` with a time), error cells as the spreadsheet shows them
//! (`#DIV/0!`). Other number formats (percentages, currencies, thousands separators) are not
//! applied: a cell shown as `12%` reads as `0.12`. Formula cells read as the value last
//! computed and saved with the file. Dates are computed here from the spreadsheet's serial
//! number (see [`serial_text`]), without a date library.
//!
//! `.xlsx` and `.xlsb` sheets are read cell by cell as they are unpacked, so the table is held
//! once, as text; `.ods` and `.xls` sheets are first read whole by the workbook reader, after
//! a scan of the file has made sure that no sheet reaches so far that the grid it is read
//! into would be huge (`super::spreadsheet_bounds`). A cell past column AMJ
//! ([`spreadsheet_bounds::MAX_COLUMNS`]), or a table over [`MAX_CELLS`] cells or
//! [`MAX_TEXT_BYTES`] bytes of text, is refused rather than let to exhaust memory (a small
//! packed file can unpack to gigabytes, and one far cell can stand for a grid of billions).
//!
//! Like the rest of `core::import`, this reads the bytes it is given and nothing else.

use std::io::Cursor;

use calamine::{
    CellErrorType, Data, DataRef, ExcelDateTime, Ods, OdsError, Reader, SheetType, SheetVisible,
    Xls, XlsError, Xlsb, XlsbError, Xlsx, XlsxError,
};

use super::header_row::{detect, HEADER_SEARCH_ROWS, ROWS_LOOKED_AT};
pub use super::sheet_dates::serial_text;
use super::sheet_dates::{duration_text, uses_1904};
use super::spreadsheet_bounds::{self, MAX_COLUMNS};
use super::ImportError;
use crate::core::i18n::Said;
use crate::core::validate::printable;

/// Cells a table may hold, counting the empty cells that pad each row to the table's width
/// (a million rows of 50 columns).
pub const MAX_CELLS: u64 = 50_000_000;
/// Bytes of cell text a table may hold (UTF-8).
pub const MAX_TEXT_BYTES: u64 = 512 * 1024 * 1024;

/// One sheet of a workbook read as a table of text.
///
/// Columns are those of the sheet from the first to the last that has a non-empty cell in
/// the header or in any row kept (so a table starting in column C has no empty columns A and
/// B), and the header and every row are exactly that wide. A cell holding only whitespace
/// counts as empty and reads as `""`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetTable {
    /// The sheet read.
    pub sheet: String,
    /// Every sheet's name, in workbook order (for a "which sheet" choice): the sheets of
    /// cells, hidden ones included; chart sheets and macro sheets are left out.
    pub sheets: Vec<String>,
    /// The spreadsheet row number (1-based, as the spreadsheet app shows it) of the header row:
    /// the first row of the sheet's used range that has any non-empty cell, or a row below it
    /// when the rows above are titles ([`super::header_row::detect`]).
    pub header_row: u64,
    /// The header's cells as text, trimmed (`""` for an empty header cell).
    pub header: Vec<String>,
    /// The rows after the header, each as wide as the widest row, cells as text; each with its
    /// spreadsheet row number. Fully empty rows are left out.
    pub rows: Vec<(u64, csv::ByteRecord)>,
    /// The rows above the header (a title, a note), not read: empty unless the header was
    /// found below the first row ([`super::header_row::detect`]) or taken there
    /// ([`SheetTable::set_header`]).
    pub above: Vec<(u64, csv::ByteRecord)>,
}

impl SheetTable {
    /// Takes the header from the row of index `index` among the rows read (the rows above
    /// the header, the header, then the rows; clamped to the rows the header is looked for
    /// in). The table is left as it was when that row cannot be the header.
    ///
    /// # Errors
    /// [`ImportError::Empty`] when that row is empty, [`ImportError::HeaderOnly`] when no row
    /// follows it.
    pub fn set_header(&mut self, index: usize) -> Result<(), ImportError> {
        let count = self.above.len() + 1 + self.rows.len();
        let index = index.min(count.min(HEADER_SEARCH_ROWS).saturating_sub(1));
        if index + 1 >= count {
            return Err(ImportError::HeaderOnly);
        }
        let header = csv::ByteRecord::from(std::mem::take(&mut self.header));
        let mut all = std::mem::take(&mut self.above);
        all.push((self.header_row, header));
        // The rows move by at most a few places: cheap beside reading the sheet.
        all.append(&mut self.rows);
        let sheet = std::mem::take(&mut self.sheet);
        let sheets = std::mem::take(&mut self.sheets);
        *self = split_at_header(sheet, sheets, all, index);
        Ok(())
    }
}

/// The table of `all` (every non-empty row, in order) with the row of index `index` as its
/// header; the caller has made sure that row exists and that a row follows it.
fn split_at_header(
    sheet: String,
    sheets: Vec<String>,
    mut all: Vec<(u64, csv::ByteRecord)>,
    index: usize,
) -> SheetTable {
    let mut above: Vec<(u64, csv::ByteRecord)> = all.drain(..(index + 1).min(all.len())).collect();
    let (header_row, header) = above.pop().unwrap_or_default();
    let header = header
        .iter()
        .map(|field| String::from_utf8_lossy(field).trim().to_string())
        .collect();
    SheetTable {
        sheet,
        sheets,
        header_row,
        header,
        rows: all,
        above,
    }
}

/// Reads `sheet` (or the first sheet when None) of the workbook in `bytes`.
///
/// `bytes` is the whole file: an Office Open XML workbook (`.xlsx`, `.xlsm`), a binary one
/// (`.xlsb`), an OpenDocument spreadsheet (`.ods`) or an Excel 97–2003 workbook (`.xls`),
/// told apart by content, not by name. The first sheet is the first visible sheet of cells
/// (the one the spreadsheet app opens on when none was chosen); a name is matched exactly, or
/// else without regard to case (as the spreadsheet apps compare sheet names).
///
/// # Errors
/// Each says in one sentence what is wrong:
/// - [`ImportError::Empty`]: no bytes, or a sheet with no non-empty cell.
/// - [`ImportError::HeaderOnly`]: a sheet whose only non-empty row is its first.
/// - [`ImportError::NotADataset`]: not a workbook (or a ZIP archive that holds none), a
///   password-protected workbook, a workbook with no sheet of cells, or no sheet named
///   `sheet` (the sentence names the sheets there are).
/// - [`ImportError::Read`]: a damaged or cut-short workbook (with the reader's words), or a
///   sheet over [`MAX_CELLS`] or [`MAX_TEXT_BYTES`].
/// - [`ImportError::TooLarge`]: a sheet with a cell past column AMJ, or (`.ods`, `.xls`) a
///   sheet whose cells spread over a grid too large to read, naming its far cell.
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<SheetTable, ImportError> {
    let mut book = Book::open(bytes)?;
    let sheets: Vec<(String, bool)> = book
        .sheets()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let names: Vec<String> = sheets.iter().map(|(name, _)| name.clone()).collect();
    let chosen = match sheet {
        Some(wanted) => names
            .iter()
            .find(|name| name.as_str() == wanted)
            .or_else(|| names.iter().find(|name| same_name(name, wanted)))
            .ok_or_else(|| no_such_sheet(wanted, &names))?,
        None => sheets
            .iter()
            .find(|(_, visible)| *visible)
            .or_else(|| sheets.first())
            .map(|(name, _)| name)
            .ok_or_else(|| ImportError::NotADataset(Said::new("workbook-no-sheet")))?,
    }
    .clone();
    let mut table = TableBuilder::default();
    book.read_cells(&chosen, &mut table)
        .map_err(|error| match error {
            Stop::Limit(message) => ImportError::Read(message),
            Stop::TooWide { row, column } => {
                spreadsheet_bounds::too_wide(&chosen, u64::from(row), u64::from(column))
            }
            Stop::Damaged { row, detail } => ImportError::Read(format!(
                "the sheet “{}” is damaged{} ({})",
                printable(&chosen, 60),
                row.map(|row| format!(" at row {row}")).unwrap_or_default(),
                printable(&detail, 160)
            )),
        })?;
    table.finish(chosen, names)
}

/// The names of the workbook's sheets of cells, in workbook order (hidden ones included).
///
/// # Errors
/// As [`read_sheet`] for a file that is not a readable workbook.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    let book = Book::open(bytes)?;
    Ok(book
        .sheets()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect())
}

/// Sheet names as the spreadsheet apps compare them: without regard to case.
fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

fn no_such_sheet(wanted: &str, names: &[String]) -> ImportError {
    let quoted: Vec<String> = names
        .iter()
        .map(|name| format!("“{}”", printable(name, 60)))
        .collect();
    let said = match quoted.as_slice() {
        [] => Said::new("workbook-no-such-sheet-none"),
        [one] => Said::new("workbook-no-such-sheet-one").arg("only", one.clone()),
        [init @ .., last] => Said::new("workbook-no-such-sheet-many")
            .arg("init", init.join(", "))
            .arg("last", last.clone()),
    };
    ImportError::NotADataset(said.arg("name", printable(wanted, 60)))
}

/// The first bytes of a ZIP archive (a local file header, or the end record of an empty one).
const ZIP_MAGIC: [&[u8]; 2] = [b"PK\x03\x04", b"PK\x05\x06"];
/// The first bytes of an OLE compound file: an `.xls` workbook, or an encrypted `.xlsx`.
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The key of the sentence for a workbook protected with a password.
const PASSWORD: &str = "workbook-password";

/// A workbook opened by calamine's reader for its format.
enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xlsb(Xlsb<Cursor<&'a [u8]>>),
    Ods(Ods<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
}

/// Why reading a sheet's cells stopped.
enum Stop {
    /// The table is over a limit (the sentence's end, for [`ImportError::Read`]).
    Limit(String),
    /// The reader failed, after the spreadsheet row given when there is one.
    Damaged { row: Option<u64>, detail: String },
    /// A cell past column [`MAX_COLUMNS`], at this (0-based) row and column.
    TooWide { row: u32, column: u32 },
}

fn damaged(detail: impl ToString) -> ImportError {
    ImportError::Read(format!(
        "the workbook is damaged or cut short ({})",
        printable(&detail.to_string(), 160)
    ))
}

impl<'a> Book<'a> {
    /// Opens the workbook in `bytes`, whatever its format.
    fn open(bytes: &'a [u8]) -> Result<Book<'a>, ImportError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(ImportError::Empty);
        }
        let cursor = || Cursor::new(bytes);
        if bytes.starts_with(CFB_MAGIC) {
            // An encrypted .xlsx is a compound file holding an "EncryptedPackage": the .xlsx
            // reader says so; otherwise this is an .xls workbook (or another Office file).
            if let Err(XlsxError::Password) = Xlsx::new(cursor()) {
                return Err(ImportError::NotADataset(Said::new(PASSWORD)));
            }
            // calamine reads every sheet whole as it opens the workbook: not one that reaches
            // too far.
            spreadsheet_bounds::check_xls(bytes, MAX_CELLS)?;
            return match Xls::new(cursor()) {
                Ok(book) => Ok(Book::Xls(book)),
                Err(XlsError::Password) => Err(ImportError::NotADataset(Said::new(PASSWORD))),
                // A compound file without a workbook stream (calamine's error type for it is
                // private; its words are "Cannot find Workbook stream").
                Err(error @ XlsError::Cfb(_)) if error.to_string().contains("Cannot find") => {
                    Err(ImportError::NotADataset(Said::new("workbook-old-office")))
                }
                Err(error) => Err(damaged(error)),
            };
        }
        if !ZIP_MAGIC.iter().any(|magic| bytes.starts_with(magic)) {
            return Err(ImportError::NotADataset(Said::new("workbook-not-one")));
        }
        let xlsx_error = match Xlsx::new(cursor()) {
            Ok(book) => return Ok(Book::Xlsx(book)),
            Err(XlsxError::Password) => return Err(ImportError::NotADataset(Said::new(PASSWORD))),
            // The ZIP container itself cannot be read: no other format can read it either.
            Err(XlsxError::Zip(error)) => return Err(damaged(error)),
            Err(error) => error,
        };
        match Xlsb::new(cursor()) {
            Ok(book) => return Ok(Book::Xlsb(book)),
            Err(XlsbError::Password) => return Err(ImportError::NotADataset(Said::new(PASSWORD))),
            Err(_) => {}
        }
        spreadsheet_bounds::check_ods(bytes, MAX_CELLS)?;
        let ods_error = match Ods::new(cursor()) {
            Ok(book) => return Ok(Book::Ods(book)),
            Err(OdsError::Password) => return Err(ImportError::NotADataset(Said::new(PASSWORD))),
            Err(error) => error,
        };
        // Neither reader took it: a workbook whose parts are damaged, or another ZIP archive.
        let holds = |name: &[u8]| bytes.windows(name.len()).any(|window| window == name);
        if holds(b"xl/workbook.") {
            Err(damaged(xlsx_error))
        } else if holds(b"opendocument.spreadsheet") {
            Err(damaged(ods_error))
        } else {
            Err(ImportError::NotADataset(Said::new("workbook-zip-without")))
        }
    }

    /// The workbook's sheets, in workbook order.
    fn sheets(&self) -> &[calamine::Sheet] {
        match self {
            Book::Xlsx(book) => book.sheets_metadata(),
            Book::Xlsb(book) => book.sheets_metadata(),
            Book::Ods(book) => book.sheets_metadata(),
            Book::Xls(book) => book.sheets_metadata(),
        }
    }

    /// Feeds the non-empty cells of sheet `name` to `table`, in the order the file holds them.
    fn read_cells(&mut self, name: &str, table: &mut TableBuilder) -> Result<(), Stop> {
        match self {
            Book::Xlsx(book) => stream_cells(book.worksheet_cells_reader(name), table, |cells| {
                cells.next_cell()
            }),
            Book::Xlsb(book) => stream_cells(book.worksheet_cells_reader(name), table, |cells| {
                cells.next_cell()
            }),
            Book::Ods(book) => whole_sheet(book, name, table),
            Book::Xls(book) => whole_sheet(book, name, table),
        }
    }
}

/// Why reading stopped after the row `table` was at, with the reader's words.
fn failed(table: &TableBuilder, detail: String) -> Stop {
    Stop::Damaged {
        row: table.current.map(|row| u64::from(row) + 1),
        detail,
    }
}

/// Feeds `table` the cells of a sheet read one at a time as the file is unpacked (`.xlsx`
/// and `.xlsb`, whose cell readers are alike but of two types): `opened` is the sheet's cell
/// reader, `next` gives its next cell.
fn stream_cells<'a, C, E: std::fmt::Display>(
    opened: Result<C, E>,
    table: &mut TableBuilder,
    mut next: impl FnMut(&mut C) -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
) -> Result<(), Stop> {
    let mut cells = opened.map_err(|error| failed(table, error.to_string()))?;
    while let Some(cell) = next(&mut cells).map_err(|error| failed(table, error.to_string()))? {
        table.add(cell.get_position(), Value::from(cell.get_value()))?;
    }
    Ok(())
}

/// Feeds `table` the cells of a sheet the workbook reader has read whole (`.ods`, `.xls`).
fn whole_sheet<RS, R>(book: &mut R, name: &str, table: &mut TableBuilder) -> Result<(), Stop>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let range = book
        .worksheet_range(name)
        .map_err(|error| failed(table, error.to_string()))?;
    table.add_range(&range)
}

/// A cell's value, borrowed from either of calamine's two cell types.
#[derive(Debug, Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    DateTime(ExcelDateTime),
    Error(&'a CellErrorType),
    Empty,
}

impl<'a> From<&'a Data> for Value<'a> {
    fn from(data: &'a Data) -> Value<'a> {
        match data {
            Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
                Value::Text(text)
            }
            Data::Int(number) => Value::Int(*number),
            Data::Float(number) => Value::Float(*number),
            Data::Bool(value) => Value::Bool(*value),
            Data::DateTime(date) => Value::DateTime(*date),
            Data::Error(error) => Value::Error(error),
            Data::Empty => Value::Empty,
        }
    }
}

impl<'a> From<&'a DataRef<'a>> for Value<'a> {
    fn from(data: &'a DataRef<'a>) -> Value<'a> {
        match data {
            DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
                Value::Text(text)
            }
            DataRef::SharedString(text) => Value::Text(text),
            DataRef::Int(number) => Value::Int(*number),
            DataRef::Float(number) => Value::Float(*number),
            DataRef::Bool(value) => Value::Bool(*value),
            DataRef::DateTime(date) => Value::DateTime(*date),
            DataRef::Error(error) => Value::Error(error),
            DataRef::Empty => Value::Empty,
        }
    }
}

/// Appends the text of `value` to `out`.
fn write_value(out: &mut String, value: Value<'_>) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = match value {
        Value::Text(text) => {
            out.push_str(text);
            Ok(())
        }
        Value::Int(number) => write!(out, "{number}"),
        Value::Float(number) => write_number(out, number),
        Value::Bool(true) => write!(out, "TRUE"),
        Value::Bool(false) => write!(out, "FALSE"),
        Value::DateTime(date) => {
            let serial = date.as_f64();
            let text = if date.is_duration() {
                duration_text(serial)
            } else {
                serial_text(serial, uses_1904(&date))
            };
            match text {
                Some(text) => write!(out, "{text}"),
                None => write_number(out, serial),
            }
        }
        Value::Error(error) => write!(out, "{error}"),
        Value::Empty => Ok(()),
    };
}

/// A number in Rust's shortest round-trip form, which writes integer values without a
/// fraction (`12`, `0.1`, `1234567.5`); `-0` as `0`.
fn write_number(out: &mut String, number: f64) -> std::fmt::Result {
    use std::fmt::Write;
    if number == 0.0 {
        out.push('0');
        Ok(())
    } else {
        write!(out, "{number}")
    }
}

/// The table as it is read, row by row.
#[derive(Default)]
struct TableBuilder {
    /// The row being read (0-based, as calamine numbers them).
    current: Option<u32>,
    /// The non-blank cells of the current row: (column, start and end of its text in `text`).
    cells: Vec<(u32, usize, usize)>,
    /// The current row's cell texts, one after the other.
    text: String,
    /// Rows with a non-blank cell, read so far: (0-based row, cells from column A to the last
    /// non-blank one).
    rows: Vec<(u32, csv::ByteRecord)>,
    /// Whether some row came before one already read (a file not written in row order).
    unordered: bool,
    /// The leftmost column with a non-blank cell.
    first_column: Option<u32>,
    /// Fields in `rows`, and bytes of text.
    fields: u64,
    bytes: u64,
}

impl TableBuilder {
    /// Takes the cell at `(row, column)` (0-based); empty and whitespace-only cells are skipped.
    fn add(&mut self, (row, column): (u32, u32), value: Value<'_>) -> Result<(), Stop> {
        if column >= MAX_COLUMNS && !matches!(value, Value::Empty) {
            return Err(Stop::TooWide { row, column });
        }
        if self.current != Some(row) {
            self.end_row()?;
            self.current = Some(row);
        }
        let start = self.text.len();
        write_value(&mut self.text, value);
        if self.text.get(start..).is_some_and(|t| t.trim().is_empty()) {
            self.text.truncate(start);
        } else {
            self.cells.push((column, start, self.text.len()));
            self.bytes += (self.text.len() - start) as u64;
            if self.bytes > MAX_TEXT_BYTES {
                return Err(Stop::Limit(format!(
                    "the sheet holds more than {} MB of text, more than can be read here",
                    MAX_TEXT_BYTES / (1024 * 1024)
                )));
            }
        }
        Ok(())
    }

    /// Takes the non-empty cells of a whole sheet read by calamine.
    fn add_range(&mut self, range: &calamine::Range<Data>) -> Result<(), Stop> {
        let (top, left) = range.start().unwrap_or_default();
        for (row, column, value) in range.used_cells() {
            // Positions within a sheet's range: u32 like the range's own.
            let row = top.saturating_add(u32::try_from(row).unwrap_or(u32::MAX));
            let column = left.saturating_add(u32::try_from(column).unwrap_or(u32::MAX));
            self.add((row, column), Value::from(value))?;
        }
        Ok(())
    }

    /// Stores the current row, when it has a non-blank cell.
    fn end_row(&mut self) -> Result<(), Stop> {
        let Some(row) = self.current.take() else {
            return Ok(());
        };
        if self.cells.is_empty() {
            self.text.clear();
            return Ok(());
        }
        // Cells come in column order from every writer seen; a cell written twice keeps its
        // last value, as the spreadsheet apps do.
        self.cells.sort_by_key(|&(column, _, _)| column);
        let mut record = csv::ByteRecord::new();
        let mut next_column = 0u32;
        for (index, &(column, start, end)) in self.cells.iter().enumerate() {
            let repeated = self
                .cells
                .get(index + 1)
                .is_some_and(|&(following, _, _)| following == column);
            if repeated {
                continue;
            }
            let padding = u64::from(column.saturating_sub(next_column));
            self.fields += padding + 1;
            if self.fields > MAX_CELLS {
                return Err(too_many_cells());
            }
            for _ in 0..padding {
                record.push_field(b"");
            }
            record.push_field(self.text.get(start..end).unwrap_or_default().as_bytes());
            next_column = column.saturating_add(1);
        }
        if let Some(&(column, _, _)) = self.cells.first() {
            self.first_column = Some(self.first_column.map_or(column, |c| c.min(column)));
        }
        if self.rows.last().is_some_and(|&(last, _)| last > row) {
            self.unordered = true;
        }
        self.rows.push((row, record));
        self.cells.clear();
        self.text.clear();
        Ok(())
    }

    /// The table: its header is the first row read, or a row below title rows
    /// ([`super::header_row::detect`]); the rows above it are kept apart.
    fn finish(mut self, sheet: String, sheets: Vec<String>) -> Result<SheetTable, ImportError> {
        self.end_row().map_err(|stop| match stop {
            Stop::Limit(message) => ImportError::Read(message),
            Stop::Damaged { detail, .. } => damaged(detail),
            Stop::TooWide { row, column } => {
                spreadsheet_bounds::too_wide(&sheet, u64::from(row), u64::from(column))
            }
        })?;
        if self.unordered {
            self.rows.sort_by_key(|&(row, _)| row);
            if let Some(pair) = self.rows.windows(2).find(|pair| match pair {
                [(a, _), (b, _)] => a == b,
                _ => false,
            }) {
                let row = pair.first().map_or(0, |&(row, _)| u64::from(row) + 1);
                return Err(damaged(format!(
                    "its row {row} is written twice, in two places"
                )));
            }
        }
        let first_column = self.first_column.unwrap_or(0) as usize;
        let end = self.rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
        let width = end.saturating_sub(first_column);
        if self.rows.is_empty() {
            return Err(ImportError::Empty);
        }
        if self.rows.len() == 1 {
            return Err(ImportError::HeaderOnly);
        }
        if (self.rows.len() as u64).saturating_mul(width as u64) > MAX_CELLS {
            return Err(ImportError::Read(too_many_cells_message()));
        }
        let fit = |record: csv::ByteRecord| -> csv::ByteRecord {
            if first_column == 0 && record.len() == end {
                return record;
            }
            let mut fitted = csv::ByteRecord::with_capacity(record.as_slice().len(), width);
            for field in record.iter().skip(first_column) {
                fitted.push_field(field);
            }
            for _ in fitted.len()..width {
                fitted.push_field(b"");
            }
            fitted
        };
        let all: Vec<(u64, csv::ByteRecord)> = self
            .rows
            .into_iter()
            .map(|(row, record)| (u64::from(row) + 1, fit(record)))
            .collect();
        let first: Vec<Vec<String>> = all
            .iter()
            .take(ROWS_LOOKED_AT)
            .map(|(_, record)| {
                record
                    .iter()
                    .map(|field| String::from_utf8_lossy(field).trim().to_string())
                    .collect()
            })
            .collect();
        // Never the last row: a header found has rows after it, and there are two rows or more.
        let index = detect(&first);
        Ok(split_at_header(sheet, sheets, all, index))
    }
}

fn too_many_cells() -> Stop {
    Stop::Limit(too_many_cells_message())
}

/// The end of the sentence for a sheet over [`MAX_CELLS`], for [`ImportError::Read`].
fn too_many_cells_message() -> String {
    format!(
        "the sheet holds more than {} million cells, more than can be read here",
        MAX_CELLS / 1_000_000
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn cells_as_text() {
        let written = |value: Value<'_>| {
            let mut out = String::new();
            write_value(&mut out, value);
            out
        };
        assert_eq!(written(Value::Float(12.0)), "12");
        assert_eq!(written(Value::Float(-0.0)), "0");
        assert_eq!(written(Value::Float(0.1)), "0.1");
        assert_eq!(written(Value::Float(1_234_567.25)), "1234567.25");
        assert_eq!(written(Value::Int(-7)), "-7");
        assert_eq!(written(Value::Bool(true)), "TRUE");
        assert_eq!(written(Value::Error(&CellErrorType::Div0)), "#DIV/0!");
        let duration =
            ExcelDateTime::new(1.5 + 20.0 / 86_400.0, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(written(Value::DateTime(duration)), "36:00:20");
        let far = ExcelDateTime::new(3e6, ExcelDateTimeType::DateTime, false);
        assert_eq!(written(Value::DateTime(far)), "3000000");
    }
}
