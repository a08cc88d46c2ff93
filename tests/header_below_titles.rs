//! A table whose header row is not its first (a title line or two above it, as monitors write
//! their reports): the header is found below them in a CSV file and in a sheet, the rows above
//! are not reported as problems, the problems keep the file's real row numbers, and the
//! reader can take another row as the header. Expected figures come from the lines written.

use incident_explorer::core::date::Day;
use incident_explorer::core::import::mapped;
use incident_explorer::core::import::spreadsheet::read_sheet;
use incident_explorer::core::import::table_mapping::Field;
use incident_explorer::core::import::{sniff, FileInfo, Format};
use rust_xlsxwriter::{Workbook, XlsxError};

const TITLES: [&str; 2] = ["Monthly report – Idlib", ""];
const HEADER: &str = "Date,Governorate,Village,Killed,Description";
const ROWS: [&str; 3] = [
    "2019-03-04,Idlib,Kafr Nabl,2,Shelling of the market",
    "2019-03-05,Idlib,Saraqib,a few,Airstrike",
    "2019-03-06,Idlib,Ariha,1,Shelling",
];

fn info() -> FileInfo {
    FileInfo {
        collection_id: "file-test".into(),
        file_name: "report.csv".into(),
        today: Day::from_ymd(2026, 6, 1).unwrap_or_default(),
    }
}

fn lines() -> Vec<&'static str> {
    TITLES.into_iter().chain([HEADER]).chain(ROWS).collect()
}

/// The 1-based line of `text` in `lines`.
fn line_of(lines: &[&str], text: &str) -> u64 {
    lines
        .iter()
        .position(|line| *line == text)
        .map_or(0, |i| i as u64 + 1)
}

#[test]
fn a_csv_header_below_a_title_is_found_and_rows_keep_their_numbers() {
    let lines = lines();
    let text = lines.join("\n");
    // A table, though its first line is a title with no separator.
    assert_eq!(sniff("report.csv", text.as_bytes()), Ok(Format::OtherCsv));
    let preview = mapped::preview_csv(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let header_line = line_of(&lines, HEADER);
    assert_eq!(preview.header_row, header_line);
    // The blank line is not a row read: the header is the second row read.
    assert_eq!(preview.header_index, 1);
    let names: Vec<&str> = HEADER.split(',').collect();
    assert_eq!(preview.header, names);
    assert_eq!(preview.sample.len(), ROWS.len());
    assert_eq!(preview.guess.column(Field::Date), Some(0));
    // The choices name every row read with its line.
    let choice_rows: Vec<u64> = preview.header_choices.iter().map(|c| c.row).collect();
    let read: Vec<u64> = lines
        .iter()
        .filter(|line| !line.is_empty())
        .map(|line| line_of(&lines, line))
        .collect();
    assert_eq!(choice_rows, read);

    let imported = mapped::import_csv(text.as_bytes(), &preview.guess, &info(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.rows_read, ROWS.len() as u64);
    assert_eq!(imported.dataset.events.len() as u64, imported.rows_read - 1);
    // The one problem is on the row with "a few", numbered as the file numbers it.
    let bad = line_of(&lines, ROWS[1]);
    let rows: Vec<u64> = imported.problems.iter().map(|p| p.row).collect();
    assert_eq!(rows, [bad], "{:?}", imported.problems);
    assert!(imported.problems.iter().all(|p| p.row > header_line));
}

#[test]
fn the_reader_can_take_another_row_as_the_header() {
    let lines = lines();
    let text = lines.join("\n");
    let first =
        mapped::preview_csv_with_header(text.as_bytes(), Some(0)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.header_row, 1);
    assert_eq!(first.header, [TITLES[0]]);
    // The header row chosen is kept for the import: rows below it are read.
    let imported = mapped::import_csv_with_header(
        text.as_bytes(),
        Some(1),
        &mapped::preview_csv(text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
            .guess,
        &info(),
        &mut |_| {},
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.rows_read, ROWS.len() as u64);
}

#[test]
fn a_sheet_header_below_a_title_is_found_and_can_be_moved() {
    let mut book = Workbook::new();
    let build = |book: &mut Workbook| -> Result<(), XlsxError> {
        let sheet = book.add_worksheet();
        sheet.write(0, 0, TITLES[0])?;
        // Row 2 is left blank; the header is on row 3.
        for (row, line) in [HEADER].iter().chain(ROWS.iter()).enumerate() {
            for (column, cell) in line.split(',').enumerate() {
                sheet.write(row as u32 + 2, column as u16, cell)?;
            }
        }
        Ok(())
    };
    build(&mut book).unwrap_or_else(|e| panic!("{e}"));
    let bytes = book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"));
    let table = read_sheet(&bytes, None).unwrap_or_else(|e| panic!("{e}"));
    let header_row = TITLES.len() as u64 + 1;
    assert_eq!(table.header_row, header_row);
    assert_eq!(table.above.len(), 1);
    let names: Vec<&str> = HEADER.split(',').collect();
    assert_eq!(table.header, names);
    let numbers: Vec<u64> = table.rows.iter().map(|(row, _)| *row).collect();
    let expected: Vec<u64> = (1..=ROWS.len() as u64).map(|i| header_row + i).collect();
    assert_eq!(numbers, expected);
    let preview = mapped::preview_sheet(&table);
    assert_eq!(preview.header_row, header_row);
    assert_eq!(preview.header_index, 1);

    // Taken on the title row, then back on the header.
    let mut moved = table;
    moved.set_header(0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(moved.header_row, 1);
    assert_eq!(moved.rows.len(), ROWS.len() + 1);
    moved.set_header(1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(moved.header_row, header_row);
    assert_eq!(moved.header, names);
    assert_eq!(moved.rows.len(), ROWS.len());
    // The last row cannot name columns with no row below it; the table is left as it was.
    let last = moved.above.len() + moved.rows.len();
    assert!(moved.set_header(last).is_err());
    assert_eq!(moved.header_row, header_row);
}

#[test]
fn a_semicolon_table_below_a_title_is_read_with_semicolons() {
    let lines: Vec<String> = lines().iter().map(|line| line.replace(',', ";")).collect();
    let text = lines.join("\r\n");
    let preview = mapped::preview_csv(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(preview.reading.english(), "UTF-8, separated by semicolons");
    assert_eq!(preview.header.len(), HEADER.split(',').count());
    assert_eq!(preview.header_row, TITLES.len() as u64 + 1);
}
