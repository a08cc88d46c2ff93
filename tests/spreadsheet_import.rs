//! The spreadsheet reader (`core::import::spreadsheet::read_sheet`) on real `.xlsx` workbooks
//! written here with `rust_xlsxwriter`: every expected cell text is computed from the value the
//! test wrote, and damaged or foreign bytes must give a clear error, never a panic. The last
//! test holds the browser tests' fixture (`e2e/fixtures/monitor-sheet.xlsx`) to its CSV twin.

use std::io::{Cursor, Read, Write};

use incident_explorer::core::import::spreadsheet::{read_sheet, SheetTable};
use incident_explorer::core::import::ImportError;
use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, Formula, Workbook, XlsxError};

/// The bytes of a workbook built by `build`.
fn xlsx(build: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>) -> Vec<u8> {
    let mut book = Workbook::new();
    build(&mut book).expect("the test's workbook is built");
    book.save_to_buffer().expect("the test's workbook is saved")
}

/// A record's cells as text.
fn texts(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .map(|field| String::from_utf8(field.to_vec()).expect("cells are UTF-8"))
        .collect()
}

/// The rows of a table as (row number, cells).
fn rows(table: &SheetTable) -> Vec<(u64, Vec<String>)> {
    table
        .rows
        .iter()
        .map(|(row, record)| (*row, texts(record)))
        .collect()
}

fn read(bytes: &[u8], sheet: Option<&str>) -> SheetTable {
    read_sheet(bytes, sheet).unwrap_or_else(|error| panic!("the sheet reads: {error}"))
}

fn iso(year: u16, month: u8, day: u8) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// One incident row as the test writes it.
struct Incident {
    date: (u16, u8, u8),
    /// Hours and minutes, for a cell formatted as a date with a time.
    time: Option<(u16, u8)>,
    governorate: &'static str,
    killed: Option<i32>,
    share: f64,
    confirmed: bool,
    description: &'static str,
}

const HEADER: [&str; 7] = [
    "Date",
    "Governorate",
    "Killed",
    "Share",
    "Confirmed",
    "Description",
    "Source",
];

fn incidents() -> Vec<Incident> {
    vec![
        Incident {
            date: (2019, 3, 4),
            time: None,
            governorate: "Idlib",
            killed: Some(12),
            share: 0.25,
            confirmed: true,
            description: "قصف جوي على سوق في معرة النعمان",
        },
        Incident {
            date: (2018, 6, 1),
            time: Some((13, 30)),
            governorate: "Aleppo",
            // An empty cell in the middle of the row.
            killed: None,
            share: 1.0 / 3.0,
            confirmed: false,
            description: "Shelling of the old city, \"heavy\", with commas",
        },
        Incident {
            date: (2016, 12, 31),
            time: None,
            governorate: "Deir ez-Zor",
            killed: Some(-3),
            share: 1_234_567.5,
            confirmed: true,
            description: "  leading and trailing spaces kept  ",
        },
    ]
}

/// The workbook of `incidents()`, one row left empty between the second and third incident
/// (row 4) with only a formatted blank cell in it, the Source column left empty except for a
/// formula with its cached value; the expected rows (row number, cells).
fn incidents_workbook() -> (Vec<u8>, Vec<(u64, Vec<String>)>) {
    let incidents = incidents();
    let mut expected = Vec::new();
    let bytes = xlsx(|book| {
        let sheet = book.add_worksheet();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        let bold = Format::new().set_bold();
        for (column, name) in HEADER.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, *name, &bold)?;
        }
        let mut row = 1u32;
        for (index, incident) in incidents.iter().enumerate() {
            if index == 2 {
                sheet.write_blank(row, 3, &bold)?;
                row += 1;
            }
            let (year, month, day) = incident.date;
            let mut cells = vec![iso(year, month, day)];
            let when = ExcelDateTime::from_ymd(year, month, day)?;
            match incident.time {
                Some((hour, minute)) => {
                    sheet.write_datetime_with_format(
                        row,
                        0,
                        when.and_hms(hour, minute, 0)?,
                        &date_time,
                    )?;
                    cells[0] = format!("{} {hour:02}:{minute:02}", cells[0]);
                }
                None => {
                    sheet.write_datetime_with_format(row, 0, &when, &date)?;
                }
            }
            sheet.write_string(row, 1, incident.governorate)?;
            cells.push(incident.governorate.to_string());
            match incident.killed {
                Some(killed) => {
                    sheet.write_number(row, 2, killed)?;
                    cells.push(killed.to_string());
                }
                None => cells.push(String::new()),
            }
            sheet.write_number(row, 3, incident.share)?;
            cells.push(incident.share.to_string());
            sheet.write_boolean(row, 4, incident.confirmed)?;
            cells.push(if incident.confirmed { "TRUE" } else { "FALSE" }.to_string());
            sheet.write_string(row, 5, incident.description)?;
            cells.push(incident.description.to_string());
            if index == 0 {
                sheet.write_formula(row, 6, Formula::new("=2*21").set_result("42"))?;
                cells.push("42".to_string());
            } else {
                cells.push(String::new());
            }
            expected.push((u64::from(row) + 1, cells));
            row += 1;
        }
        Ok(())
    });
    (bytes, expected)
}

#[test]
fn a_sheet_reads_as_text_cell_by_cell() {
    let (bytes, expected) = incidents_workbook();
    let table = read(&bytes, None);
    assert_eq!(table.sheet, "Sheet1");
    assert_eq!(table.sheets, ["Sheet1"]);
    assert_eq!(table.header_row, 1);
    assert_eq!(table.header, HEADER);
    assert_eq!(rows(&table), expected);
    // The empty row 4 is left out: the third incident is on row 5.
    assert_eq!(
        table.rows.iter().map(|(row, _)| *row).collect::<Vec<_>>(),
        [2, 3, 5]
    );
}

#[test]
fn numbers_times_and_durations() {
    let numbers = [
        0.0,
        7.0,
        -12.0,
        1e15,
        0.1,
        2.5e-7,
        123_456.789,
        f64::from(u32::MAX),
    ];
    let bytes = xlsx(|book| {
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "number")?;
        sheet.write_string(0, 1, "time")?;
        for (row, number) in numbers.iter().enumerate() {
            sheet.write_number(row as u32 + 1, 0, *number)?;
        }
        let time = Format::new().set_num_format("hh:mm");
        let elapsed = Format::new().set_num_format("[h]:mm:ss");
        sheet.write_datetime_with_format(1, 1, ExcelDateTime::from_hms(13, 30, 0)?, &time)?;
        // A day and a half and five seconds, as elapsed time.
        sheet.write_number_with_format(2, 1, 1.5 + 5.0 / 86_400.0, &elapsed)?;
        Ok(())
    });
    let table = read(&bytes, None);
    let column = |index: usize| -> Vec<String> {
        rows(&table)
            .into_iter()
            .map(|(_, cells)| cells.get(index).cloned().unwrap_or_default())
            .collect()
    };
    let written: Vec<String> = numbers.iter().map(f64::to_string).collect();
    assert_eq!(column(0), written);
    assert_eq!(column(0)[3], "1000000000000000");
    let mut times = vec![String::new(); numbers.len()];
    times[0] = "13:30".into();
    times[1] = "36:00:05".into();
    assert_eq!(column(1), times);
}

#[test]
fn the_1904_date_system_is_honoured() {
    // rust_xlsxwriter writes the 1900 system only: the dates are written as serial numbers of
    // the 1904 system and the workbook part is marked as using it.
    let days = [(2019u16, 3u8, 4u8), (1904, 1, 1), (2016, 2, 29)];
    let bytes = xlsx(|book| {
        let sheet = book.add_worksheet();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_string(0, 0, "Date")?;
        for (row, &(year, month, day)) in days.iter().enumerate() {
            let serial_1900 = ExcelDateTime::from_ymd(year, month, day)?.to_excel();
            sheet.write_number_with_format(row as u32 + 1, 0, serial_1900 - 1462.0, &date)?;
        }
        Ok(())
    });
    let bytes = rewrite_zip(&bytes, |name, content| {
        if name == "xl/workbook.xml" {
            let xml = String::from_utf8(content).expect("the workbook part is UTF-8");
            assert!(xml.contains("<workbookPr"));
            xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
                .into_bytes()
        } else {
            content
        }
    });
    let table = read(&bytes, None);
    let read_days: Vec<String> = rows(&table)
        .into_iter()
        .map(|(_, cells)| cells.concat())
        .collect();
    let written: Vec<String> = days.iter().map(|&(y, m, d)| iso(y, m, d)).collect();
    assert_eq!(read_days, written);
}

#[test]
fn the_table_starts_at_its_first_cell() {
    // The table is at C3:E5, with a cell of spaces before it, a row with a cell past the
    // header's last column, and a row of spaces only.
    let bytes = xlsx(|book| {
        let sheet = book.add_worksheet();
        sheet.write_string(1, 0, "   ")?;
        sheet.write_string(2, 2, "  Village ")?;
        sheet.write_string(2, 3, "Killed")?;
        sheet.write_string(3, 2, "Kafr Nabl")?;
        sheet.write_number(3, 3, 4)?;
        sheet.write_string(4, 2, "  ")?;
        sheet.write_string(4, 4, " ")?;
        sheet.write_string(5, 2, "Binnish")?;
        sheet.write_string(5, 4, "note")?;
        Ok(())
    });
    let table = read(&bytes, None);
    assert_eq!(table.header_row, 3);
    assert_eq!(table.header, ["Village", "Killed", ""]);
    assert_eq!(
        rows(&table),
        [
            (4, vec!["Kafr Nabl".to_string(), "4".into(), String::new()]),
            (6, vec!["Binnish".to_string(), String::new(), "note".into()]),
        ]
    );
}

/// A workbook of three sheets: "Notes" (one line of text), "Incidents" (a header and two
/// rows) and "Empty".
fn three_sheets(notes_hidden: bool) -> Vec<u8> {
    xlsx(|book| {
        let notes = book.add_worksheet().set_name("Notes")?;
        notes.write_string(0, 0, "Read me first")?;
        notes.set_hidden(notes_hidden);
        let incidents = book.add_worksheet().set_name("Incidents")?;
        incidents.write_string(0, 0, "Village")?;
        incidents.write_string(1, 0, "Sarmin")?;
        incidents.write_string(2, 0, "Taftanaz")?;
        book.add_worksheet().set_name("Empty")?;
        // A hidden sheet cannot be the active one.
        if notes_hidden {
            book.worksheet_from_name("Incidents")?.set_active(true);
        }
        Ok(())
    })
}

#[test]
fn a_sheet_is_picked_by_name() {
    let bytes = three_sheets(false);
    let table = read(&bytes, Some("Incidents"));
    assert_eq!(table.sheet, "Incidents");
    assert_eq!(table.sheets, ["Notes", "Incidents", "Empty"]);
    assert_eq!(table.header, ["Village"]);
    assert_eq!(table.rows.len(), 2);
    // Spreadsheet apps compare sheet names without regard to case.
    assert_eq!(read(&bytes, Some("INCIDENTS")).sheet, "Incidents");
    // The first sheet, with one line, is a header with no rows.
    assert_eq!(read_sheet(&bytes, None), Err(ImportError::HeaderOnly));
    assert_eq!(read_sheet(&bytes, Some("Empty")), Err(ImportError::Empty));
}

#[test]
fn the_first_sheet_is_the_first_visible_one() {
    let bytes = three_sheets(true);
    let table = read(&bytes, None);
    assert_eq!(table.sheet, "Incidents");
    // The hidden sheet is still listed, and can be chosen.
    assert_eq!(table.sheets, ["Notes", "Incidents", "Empty"]);
    assert_eq!(
        read_sheet(&bytes, Some("Notes")),
        Err(ImportError::HeaderOnly)
    );
}

#[test]
fn chart_sheets_are_not_sheets_of_cells() {
    let bytes = xlsx(|book| {
        let mut chart = Chart::new(ChartType::Column);
        chart.add_series().set_values("Data!$B$2:$B$3");
        book.add_chartsheet()
            .set_name("Chart")?
            .insert_chart(0, 0, &chart)?;
        let data = book.add_worksheet().set_name("Data")?;
        data.write_string(0, 0, "Village")?;
        data.write_string(0, 1, "Killed")?;
        data.write_row(1, 0, ["Maarrat Misrin", "2"])?;
        data.write_row(2, 0, ["Kafr Takharim", "5"])?;
        Ok(())
    });
    let table = read(&bytes, None);
    assert_eq!(table.sheet, "Data");
    assert_eq!(table.sheets, ["Data"]);
    assert_eq!(table.rows.len(), 2);
}

#[test]
fn a_missing_sheet_is_named_with_the_sheets_there_are() {
    let bytes = three_sheets(false);
    let error = read_sheet(&bytes, Some("Incidents 2019")).expect_err("no such sheet");
    let message = error.to_string();
    assert!(matches!(error, ImportError::NotADataset(_)), "{error:?}");
    for name in ["Incidents 2019", "Notes", "Incidents", "Empty"] {
        assert!(message.contains(&format!("“{name}”")), "{message}");
    }
}

#[test]
fn an_empty_first_sheet_is_empty() {
    let bytes = xlsx(|book| {
        book.add_worksheet().set_name("Cover")?;
        let data = book.add_worksheet().set_name("Data")?;
        data.write_string(0, 0, "Date")?;
        data.write_string(1, 0, "2017-04-04")?;
        Ok(())
    });
    let error = read_sheet(&bytes, None).expect_err("the first sheet is empty");
    assert_eq!(error, ImportError::Empty);
    assert_eq!(error.to_string(), "The file is empty.");
    assert_eq!(read(&bytes, Some("Data")).header, ["Date"]);
}

#[test]
fn a_header_only_sheet_has_no_rows() {
    let bytes = xlsx(|book| {
        let sheet = book.add_worksheet();
        for (column, name) in HEADER.iter().enumerate() {
            sheet.write_string(3, column as u16, *name)?;
        }
        // A formatted but empty cell under the header is no row.
        sheet.write_blank(5, 1, &Format::new().set_bold())?;
        Ok(())
    });
    assert_eq!(read_sheet(&bytes, None), Err(ImportError::HeaderOnly));
}

/// Bytes from a fixed seed (xorshift), the same on every run.
fn noise(seed: u64, length: usize) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}

/// A ZIP archive of the given (name, content) entries.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("an entry starts");
        zip.write_all(content).expect("an entry is written");
    }
    zip.finish().expect("the archive is finished").into_inner()
}

/// The archive `bytes` with each entry's content passed through `change`.
fn rewrite_zip(bytes: &[u8], change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP archive");
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("an entry reads");
        let name = entry.name().expect("an entry name").to_string();
        let content = change(&name, content);
        entries.push((name, content));
    }
    let entries: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(name, content)| (name.as_str(), content.as_slice()))
        .collect();
    zip_of(&entries)
}

fn is_not_a_workbook(error: &ImportError) -> bool {
    matches!(error, ImportError::NotADataset(_))
}

#[test]
fn foreign_bytes_are_refused_in_words() {
    assert_eq!(read_sheet(b"", None), Err(ImportError::Empty));
    assert_eq!(read_sheet(b" \n", None), Err(ImportError::Empty));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("random bytes", noise(7, 5_000)),
        ("CSV text", b"date,place\n2019-01-01,Idlib\n".to_vec()),
        ("a ZIP of text", zip_of(&[("notes.txt", b"not a workbook")])),
        (
            "a Word document",
            zip_of(&[("word/document.xml", b"<w:document/>")]),
        ),
        ("an empty ZIP", zip_of(&[])),
    ];
    for (what, bytes) in cases {
        let error = read_sheet(&bytes, None).expect_err(what);
        assert!(is_not_a_workbook(&error), "{what}: {error:?}");
        let message = error.to_string();
        assert!(
            message.ends_with('.') && message.contains("workbook"),
            "{what}: {message}"
        );
    }
    let error = read_sheet(&zip_of(&[("notes.txt", b"hi")]), None).expect_err("a ZIP");
    assert!(error.to_string().contains("ZIP archive"), "{error}");
}

#[test]
fn an_old_office_file_that_is_not_a_workbook_is_refused() {
    // A compound file's header and nothing sensible after it.
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.extend(noise(3, 2_000));
    let error = read_sheet(&bytes, None).expect_err("not a workbook");
    assert!(error.to_string().ends_with('.'), "{error}");
}

#[test]
fn a_cut_short_or_damaged_workbook_is_an_error_not_a_panic() {
    let (bytes, _) = incidents_workbook();
    // Cut at every 37th byte: a truncated ZIP loses its central directory.
    for length in (0..bytes.len()).step_by(37) {
        let cut = bytes.get(..length).unwrap_or_default();
        if let Ok(table) = read_sheet(cut, None) {
            panic!("{length} bytes of {} read as {table:?}", bytes.len());
        }
    }
    let error = read_sheet(bytes.get(..bytes.len() / 2).unwrap_or_default(), None)
        .expect_err("half a workbook");
    assert!(
        error
            .to_string()
            .starts_with("The file could not be read: the workbook is damaged"),
        "{error}"
    );
    // Bytes changed here and there: read or refused, never a panic.
    for seed in 1..200u64 {
        let mut damaged = bytes.clone();
        for (step, byte) in noise(seed, 8).into_iter().enumerate() {
            let at = (seed as usize * 7919 + step * 104_729) % damaged.len();
            damaged[at] = byte;
        }
        if let Err(error) = read_sheet(&damaged, None) {
            assert!(!error.to_string().is_empty());
        }
    }
}

#[test]
fn damaged_sheet_xml_is_an_error() {
    let (bytes, _) = incidents_workbook();
    let bytes = rewrite_zip(&bytes, |name, content| {
        if name == "xl/worksheets/sheet1.xml" {
            content
                .get(..content.len() * 2 / 3)
                .unwrap_or_default()
                .to_vec()
        } else {
            content
        }
    });
    let error = read_sheet(&bytes, None).expect_err("the sheet's XML ends early");
    let message = error.to_string();
    assert!(matches!(error, ImportError::Read(_)), "{error:?}");
    assert!(message.contains("“Sheet1” is damaged"), "{message}");
}

#[test]
fn rows_written_out_of_order_are_put_in_order() {
    // Some writers put rows in any order; the table is in row order all the same.
    let bytes = xlsx(|book| {
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Village")?;
        sheet.write_string(1, 0, "Ariha")?;
        sheet.write_string(2, 0, "Jisr al-Shughur")?;
        Ok(())
    });
    let bytes = rewrite_zip(&bytes, |name, content| {
        if name != "xl/worksheets/sheet1.xml" {
            return content;
        }
        let xml = String::from_utf8(content).expect("UTF-8");
        let start = xml.find("<row r=\"2\"").expect("row 2");
        let middle = xml.find("<row r=\"3\"").expect("row 3");
        let end = xml.find("</sheetData>").expect("the end of the rows");
        format!(
            "{}{}{}{}",
            &xml[..start],
            &xml[middle..end],
            &xml[start..middle],
            &xml[end..]
        )
        .into_bytes()
    });
    let table = read(&bytes, None);
    assert_eq!(
        rows(&table),
        [
            (2, vec!["Ariha".to_string()]),
            (3, vec!["Jisr al-Shughur".to_string()])
        ]
    );
}

#[test]
fn the_browser_fixture_matches_its_csv() {
    let root = env!("CARGO_MANIFEST_DIR");
    let xlsx = std::fs::read(format!("{root}/e2e/fixtures/monitor-sheet.xlsx"))
        .expect("the fixture workbook is committed");
    let table = read(&xlsx, Some("Incidents"));
    assert_ne!(table.sheets.first().map(String::as_str), Some("Incidents"));
    let mut csv = csv::Reader::from_path(format!("{root}/e2e/fixtures/monitor-sheet.csv"))
        .expect("the fixture CSV is committed");
    let header: Vec<String> = csv
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(table.header, header);
    let csv_rows: Vec<Vec<String>> = csv
        .byte_records()
        .map(|record| texts(&record.expect("a CSV record")))
        .collect();
    let sheet_rows: Vec<Vec<String>> = rows(&table).into_iter().map(|(_, cells)| cells).collect();
    assert_eq!(sheet_rows, csv_rows);
    assert_eq!(table.header_row, 1);
    let numbers: Vec<u64> = table.rows.iter().map(|(row, _)| *row).collect();
    assert_eq!(numbers, (2..2 + csv_rows.len() as u64).collect::<Vec<_>>());
}
