//! How far a workbook's cells reach, looked at before a sheet is read, so that a stray cell
//! in a far corner (row 1,048,576, column XFD) cannot make the reader build a grid up to it.
//!
//! `.xlsx` and `.xlsb` sheets are read cell by cell (`super::spreadsheet`), so only their
//! width is bounded ([`MAX_COLUMNS`], checked as they are read). calamine reads an `.ods`
//! workbook and an `.xls` workbook whole when it opens them, every sheet as a dense grid from
//! its first to its last non-empty cell (and for `.xls` with room reserved for the size the
//! sheet declares): [`check_ods`] and [`check_xls`] scan the file first, without building any
//! grid, and refuse a sheet whose grid would be too large ([`check_spread`]).

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::table_preview::column_letters;
use super::ImportError;
use crate::core::i18n::Said;
use crate::core::validate::printable;

/// Columns a sheet may reach from column A: A to AMJ (the 1,024 columns older spreadsheet
/// apps had); a table of incidents has a few dozen.
pub const MAX_COLUMNS: u32 = 1024;
/// Cells of a grid that are read whatever their share of filled cells (a few megabytes).
pub const SPARSE_FLOOR: u64 = 1_000_000;
/// A grid larger than [`SPARSE_FLOOR`] must have at least one filled cell in this many.
pub const SPARSE_RATIO: u64 = 32;

/// The non-empty cells of one sheet, as far as they reach.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spread {
    /// The sheet's name.
    pub sheet: String,
    /// The top left and bottom right corners of the non-empty cells, 0-based (row, column);
    /// `None` when it has none.
    pub corners: Option<((u64, u64), (u64, u64))>,
    /// Non-empty cells counted.
    pub filled: u64,
}

impl Spread {
    fn add(&mut self, (row, column): (u64, u64), rows: u64, columns: u64) {
        let (last_row, last_column) = (
            row.saturating_add(rows.max(1) - 1),
            column.saturating_add(columns.max(1) - 1),
        );
        self.filled = self.filled.saturating_add(rows.saturating_mul(columns));
        self.corners = Some(match self.corners {
            None => ((row, column), (last_row, last_column)),
            Some(((top, left), (bottom, right))) => (
                (top.min(row), left.min(column)),
                (bottom.max(last_row), right.max(last_column)),
            ),
        });
    }
}

/// A cell's name as the spreadsheet apps write it (`XFD1048576`), from 0-based positions.
pub fn cell_name(row: u64, column: u64) -> String {
    format!(
        "{}{}",
        column_letters(usize::try_from(column).unwrap_or(usize::MAX / 2)),
        row.saturating_add(1)
    )
}

/// The sentence for a sheet with a cell beyond column [`MAX_COLUMNS`].
pub fn too_wide(sheet: &str, row: u64, column: u64) -> ImportError {
    ImportError::TooLarge(
        Said::new("workbook-too-wide")
            .arg("sheet", printable(sheet, 60))
            .arg("cell", cell_name(row, column))
            .arg("last", column_letters(MAX_COLUMNS as usize - 1)),
    )
}

/// Refuses a sheet whose grid, from its first to its last non-empty cell, reaches beyond
/// column [`MAX_COLUMNS`], holds more than `max_cells` cells, or holds more than
/// [`SPARSE_FLOOR`] cells of which fewer than one in [`SPARSE_RATIO`] is filled.
///
/// # Errors
/// [`ImportError::TooLarge`], naming the sheet and its far cell.
pub fn check_spread(spread: &Spread, max_cells: u64) -> Result<(), ImportError> {
    let Some(((top, left), (bottom, right))) = spread.corners else {
        return Ok(());
    };
    if right >= u64::from(MAX_COLUMNS) {
        return Err(too_wide(&spread.sheet, bottom, right));
    }
    let grid = (bottom - top + 1).saturating_mul(right - left + 1);
    let sparse = grid > SPARSE_FLOOR && grid / SPARSE_RATIO > spread.filled;
    if grid > max_cells || sparse {
        return Err(ImportError::TooLarge(
            Said::new("workbook-too-spread")
                .arg("sheet", printable(&spread.sheet, 60))
                .arg("from", cell_name(top, left))
                .arg("to", cell_name(bottom, right))
                .arg_number("cells", spread.filled),
        ));
    }
    Ok(())
}

/// Scans the `content.xml` of the `.ods` workbook in `bytes` and checks each sheet
/// ([`check_spread`]). A file without a readable `content.xml` passes: the workbook reader
/// says what is wrong with it.
///
/// # Errors
/// As [`check_spread`].
pub fn check_ods(bytes: &[u8], max_cells: u64) -> Result<(), ImportError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    for spread in ods_spreads(BufReader::new(content)) {
        check_spread(&spread, max_cells)?;
    }
    Ok(())
}

/// A number attribute of an element (a repeat count), 1 when absent or not a number.
fn repeats(element: &BytesStart<'_>, name: &str) -> u64 {
    element
        .try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|attribute| attribute.value.parse().ok())
        .unwrap_or(1)
}

fn has_attribute(element: &BytesStart<'_>, name: &str) -> bool {
    element.try_get_attribute(name).ok().flatten().is_some()
}

/// The spread of every sheet of an OpenDocument `content.xml`, read as a stream; a damaged
/// document ends the scan where it breaks.
pub fn ods_spreads(content: impl std::io::BufRead) -> Vec<Spread> {
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buffer = Vec::new();
    let mut spreads: Vec<Spread> = Vec::new();
    // Where the reader is: the row and its repeat count, the column, and an open cell
    // (its column, repeat count, and whether it holds text).
    let (mut row, mut row_repeats, mut column) = (0u64, 1u64, 0u64);
    let mut open_cell: Option<(u64, u64, bool)> = None;
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        let closed = matches!(event, Event::Empty(_));
        match event {
            Event::Start(element) | Event::Empty(element) => match element.name().as_ref() {
                "table:table" => {
                    let name = element
                        .try_get_attribute("table:name")
                        .ok()
                        .flatten()
                        .map(|attribute| attribute.value.into_owned())
                        .unwrap_or_default();
                    spreads.push(Spread {
                        sheet: name,
                        ..Spread::default()
                    });
                    row = 0;
                }
                "table:table-row" if closed => {
                    row = row.saturating_add(repeats(&element, "table:number-rows-repeated"));
                }
                "table:table-row" => {
                    row_repeats = repeats(&element, "table:number-rows-repeated");
                    column = 0;
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let count = repeats(&element, "table:number-columns-repeated");
                    let valued = has_attribute(&element, "office:value-type")
                        || has_attribute(&element, "table:formula");
                    if closed {
                        if valued {
                            if let Some(spread) = spreads.last_mut() {
                                spread.add((row, column), row_repeats, count);
                            }
                        }
                    } else {
                        open_cell = Some((column, count, valued));
                    }
                    column = column.saturating_add(count);
                }
                _ => {}
            },
            Event::End(element) => match element.name().as_ref() {
                "table:table-row" => {
                    row = row.saturating_add(row_repeats);
                    row_repeats = 1;
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let (Some((at, count, true)), Some(spread)) =
                        (open_cell.take(), spreads.last_mut())
                    {
                        spread.add((row, at), row_repeats, count);
                    }
                }
                _ => {}
            },
            Event::Text(text) => {
                if let Some((_, _, holds)) = open_cell.as_mut() {
                    *holds |= !text.trim().is_empty();
                }
            }
            _ => {}
        }
        buffer.clear();
    }
    spreads
}

/// Scans the workbook stream of the `.xls` compound file in `bytes` and checks each sheet
/// ([`check_spread`]), both the cells it holds and the size it declares (for which calamine
/// reserves room). A file without a readable workbook stream passes: the workbook reader says
/// what is wrong with it.
///
/// # Errors
/// As [`check_spread`]; [`ImportError::Read`] for a sheet that declares an impossible size.
pub fn check_xls(bytes: &[u8], max_cells: u64) -> Result<(), ImportError> {
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut stream = Vec::new();
    let read = ["Workbook", "Book"].into_iter().any(|name| {
        stream.clear();
        file.open_stream(name)
            .and_then(|mut found| found.read_to_end(&mut stream))
            .is_ok()
    });
    if !read {
        return Ok(());
    }
    for (spread, declared) in xls_spreads(&stream)? {
        check_spread(&spread, max_cells)?;
        check_spread(&declared, max_cells)?;
    }
    Ok(())
}

/// BIFF records whose first four bytes are a cell's row and column (MS-XLS 2.4): Number,
/// Label, RString, BoolErr, RK, LabelSst, Formula; MulRk (0x00BD) holds a run of columns.
const CELL_RECORDS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];
const MUL_RK: u16 = 0x00BD;
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const DIMENSIONS: u16 = 0x0200;
const BOUND_SHEET: u16 = 0x0085;

fn u16_at(data: &[u8], at: usize) -> u64 {
    data.get(at..at + 2)
        .map_or(0, |b| u64::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> u64 {
    data.get(at..at + 4).map_or(0, |b| {
        u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    })
}

/// Each sheet's spread in a BIFF workbook stream, with the spread its Dimensions record
/// declares (filled as its cells, so that only its size can refuse it).
///
/// # Errors
/// [`ImportError::Read`] for a Dimensions record whose last row or column comes before its
/// first.
pub fn xls_spreads(stream: &[u8]) -> Result<Vec<(Spread, Spread)>, ImportError> {
    // Sheet names by the stream offset of their first record (BoundSheet8, MS-XLS 2.4.28).
    let mut names: Vec<(u64, String)> = Vec::new();
    let mut sheets: Vec<(Spread, Spread)> = Vec::new();
    let (mut at, mut depth, mut substreams) = (0usize, 0u32, 0u32);
    while let Some(header) = stream.get(at..at + 4) {
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let length = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = stream.get(at + 4..at + 4 + length).unwrap_or_default();
        match kind {
            BOF => {
                depth += 1;
                if depth == 1 {
                    substreams += 1;
                    // The first substream is the workbook's globals; the others are sheets.
                    if substreams > 1 {
                        let name = names
                            .iter()
                            .find(|(offset, _)| *offset == at as u64)
                            .map_or_else(|| format!("{}", substreams - 1), |(_, n)| n.clone());
                        let spread = Spread {
                            sheet: name,
                            ..Spread::default()
                        };
                        sheets.push((spread.clone(), spread));
                    }
                }
            }
            EOF => depth = depth.saturating_sub(1),
            BOUND_SHEET if depth == 1 => names.push((u32_at(data, 0), sheet_name(data))),
            _ if depth != 1 || substreams < 2 => {}
            DIMENSIONS => {
                let (first_row, last_row, first_column, last_column) = match data.len() {
                    10 => (
                        u16_at(data, 0),
                        u16_at(data, 2),
                        u16_at(data, 4),
                        u16_at(data, 6),
                    ),
                    _ => (
                        u32_at(data, 0),
                        u32_at(data, 4),
                        u16_at(data, 8),
                        u16_at(data, 10),
                    ),
                };
                // calamine takes a first column past 0xFF, or past the last, as 0.
                let first_column = if first_column > 0xFF || last_column < first_column {
                    0
                } else {
                    first_column
                };
                if let Some((cells, declared)) = sheets.last_mut() {
                    if last_row >= 1 && last_column >= 1 {
                        // The row after the last comes before the first: calamine would
                        // count the rows round to billions.
                        if last_row < first_row {
                            return Err(ImportError::Read(format!(
                                "the sheet “{}” declares an impossible size (rows {first_row} to \
                                 {last_row}); the workbook is damaged",
                                printable(&cells.sheet, 60)
                            )));
                        }
                        let rows = last_row - first_row;
                        let columns = last_column - first_column;
                        // Filled as the cells are, so that only a size far beyond them counts.
                        declared.add((first_row, first_column), rows, columns);
                        declared.filled = 0;
                    }
                }
            }
            MUL_RK => {
                let (row, first) = (u16_at(data, 0), u16_at(data, 2));
                let last = u16_at(data, data.len().saturating_sub(2));
                if let Some((cells, _)) = sheets.last_mut() {
                    cells.add((row, first), 1, (last + 1).saturating_sub(first));
                }
            }
            kind if CELL_RECORDS.contains(&kind) => {
                if let Some((cells, _)) = sheets.last_mut() {
                    cells.add((u16_at(data, 0), u16_at(data, 2)), 1, 1);
                }
            }
            _ => {}
        }
        at += 4 + length;
    }
    for (cells, declared) in &mut sheets {
        declared.filled = cells.filled;
    }
    Ok(sheets)
}

/// The name in a BoundSheet8 record (BIFF8: a count, a flag for two-byte characters, the
/// characters); a name that cannot be read is empty.
fn sheet_name(data: &[u8]) -> String {
    let count = usize::from(data.get(6).copied().unwrap_or(0));
    let wide = data.get(7).is_some_and(|flags| flags & 1 == 1);
    let text = data.get(8..).unwrap_or_default();
    if wide {
        let units: Vec<u16> = text
            .chunks_exact(2)
            .take(count)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        text.iter()
            .take(count)
            .map(|&byte| char::from(byte))
            .collect()
    }
}
