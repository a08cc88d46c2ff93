//! Hostile workbooks with a cell in a far corner (row 1,048,576, column XFD) or a declared
//! size far beyond their cells: the reader must refuse them with a sentence that names the far
//! cell, quickly and without building a grid up to it, and still read a table whose only far
//! cell is far down (rows are read sparsely). The workbooks are written here: `.xlsx` with
//! `rust_xlsxwriter`, `.ods` and `.xls` by hand (a ZIP of XML parts; a compound file holding
//! BIFF records).

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use incident_explorer::core::i18n::Lang;
use incident_explorer::core::import::spreadsheet::read_sheet;
use incident_explorer::core::import::spreadsheet_bounds::{
    self, cell_name, MAX_COLUMNS, SPARSE_FLOOR, SPARSE_RATIO,
};
use incident_explorer::core::import::ImportError;
use rust_xlsxwriter::Workbook;

const HEADER: [&str; 3] = ["Date", "Governorate", "Killed"];
const ROWS: [[&str; 3]; 2] = [["2019-03-04", "Idlib", "2"], ["2019-03-05", "Hama", "1"]];
/// The last row and column a spreadsheet app has (0-based): cell XFD1048576.
const LAST_ROW: u32 = 1_048_575;
const LAST_COLUMN: u16 = 16_383;
/// Time a refusal may take: it must not be spent building a grid.
const QUICK: Duration = Duration::from_secs(5);

/// An .xlsx workbook with the small table, and a cell holding "far" at `far` (0-based).
fn xlsx_with_far_cell(far: (u32, u16)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let mut write = || -> Result<(), rust_xlsxwriter::XlsxError> {
        for (column, name) in HEADER.iter().enumerate() {
            sheet.write(0, column as u16, *name)?;
        }
        for (row, cells) in ROWS.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                sheet.write(row as u32 + 1, column as u16, *cell)?;
            }
        }
        sheet.write(far.0, far.1, "far")?;
        Ok(())
    };
    write().unwrap_or_else(|e| panic!("{e}"));
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

fn refused(bytes: &[u8]) -> String {
    let started = Instant::now();
    let error = read_sheet(bytes, None).expect_err("the workbook is refused");
    assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
    assert!(matches!(error, ImportError::TooLarge(_)), "{error:?}");
    // The sentence reads in both languages.
    let arabic = Lang::Ar.said(&error.said());
    assert!(
        arabic
            .chars()
            .any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
        "{arabic}"
    );
    error.to_string()
}

#[test]
fn an_xlsx_cell_in_column_xfd_is_refused_by_name() {
    let sentence = refused(&xlsx_with_far_cell((LAST_ROW, LAST_COLUMN)));
    let far = cell_name(u64::from(LAST_ROW), u64::from(LAST_COLUMN));
    assert_eq!(far, "XFD1048576");
    assert!(sentence.contains(&far), "{sentence}");
    // The first column past the bound is refused too; the last one within it is read.
    let first_past = u16::try_from(MAX_COLUMNS).unwrap_or(u16::MAX);
    refused(&xlsx_with_far_cell((1, first_past)));
    let table = read_sheet(
        &xlsx_with_far_cell((ROWS.len() as u32 + 1, first_past - 1)),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.header.len(), usize::from(first_past));
}

#[test]
fn an_xlsx_cell_on_the_last_row_is_read_sparsely() {
    let table =
        read_sheet(&xlsx_with_far_cell((LAST_ROW, 0)), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.header, HEADER);
    // The table's rows, then the far row with its own number: nothing in between.
    let numbers: Vec<u64> = table.rows.iter().map(|(row, _)| *row).collect();
    let mut expected: Vec<u64> = (2..=ROWS.len() as u64 + 1).collect();
    expected.push(u64::from(LAST_ROW) + 1);
    assert_eq!(numbers, expected);
}

/// An .ods workbook whose one sheet holds the small table and the rows given as XML.
fn ods(extra_rows: &str) -> Vec<u8> {
    let cell = |text: &str| {
        format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"
        )
    };
    let row = |cells: &[&str]| {
        format!(
            "<table:table-row>{}</table:table-row>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    let rows: String = std::iter::once(row(&HEADER))
        .chain(ROWS.iter().map(|r| row(r)))
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Incidents\">\
         <table:table-column table:number-columns-repeated=\"3\"/>{rows}{extra_rows}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    let mut part = |name: &str, text: &str, options| {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(text.as_bytes()).map_err(Into::into))
            .unwrap_or_else(|e| panic!("{e}"));
    };
    part(
        "mimetype",
        "application/vnd.oasis.opendocument.spreadsheet",
        stored,
    );
    part("META-INF/manifest.xml", manifest, deflated);
    part("content.xml", &content, deflated);
    zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
}

/// Empty rows repeated down to row `last` (0-based), as LibreOffice writes a sheet's rest.
fn empty_rows_to(last: u64) -> String {
    let repeated = last - (ROWS.len() as u64 + 1);
    format!(
        "<table:table-row table:number-rows-repeated=\"{repeated}\">\
         <table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
    )
}

#[test]
fn an_ods_sheet_reads_with_its_empty_rest() {
    // LibreOffice's own way of ending a sheet: empty rows repeated to the last. Not a far cell.
    let table = read_sheet(&ods(&empty_rows_to(u64::from(LAST_ROW) + 1)), None)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.header, HEADER);
    assert_eq!(table.rows.len(), ROWS.len());
}

#[test]
fn an_ods_cell_on_the_last_row_is_refused_before_the_grid_is_built() {
    let far_row = format!(
        "{}<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>\
         <table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p></table:table-cell>\
         </table:table-row>",
        empty_rows_to(u64::from(LAST_ROW))
    );
    let sentence = refused(&ods(&far_row));
    // Column C of the last row: the grid runs from A1 to it.
    let far = cell_name(u64::from(LAST_ROW), HEADER.len() as u64 - 1);
    assert!(sentence.contains(&far), "{sentence}");
    assert!(sentence.contains("A1"), "{sentence}");
    let grid = (u64::from(LAST_ROW) + 1) * HEADER.len() as u64;
    assert!(grid > SPARSE_FLOOR);
}

#[test]
fn an_ods_cell_in_column_xfd_is_refused() {
    let far_row = format!(
        "<table:table-row><table:table-cell table:number-columns-repeated=\"{}\"/>\
         <table:table-cell office:value-type=\"string\"><text:p>far</text:p></table:table-cell>\
         </table:table-row>",
        LAST_COLUMN
    );
    let sentence = refused(&ods(&far_row));
    let far = cell_name(ROWS.len() as u64 + 1, u64::from(LAST_COLUMN));
    assert!(sentence.contains(&far), "{sentence}");
}

/// One BIFF record.
fn record(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut bytes = kind.to_le_bytes().to_vec();
    bytes.extend((data.len() as u16).to_le_bytes());
    bytes.extend(data);
    bytes
}

/// A BIFF8 Number record at (row, column).
fn number(row: u16, column: u16, value: f64) -> Vec<u8> {
    let mut data = row.to_le_bytes().to_vec();
    data.extend(column.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(value.to_le_bytes());
    record(0x0203, &data)
}

/// An .xls compound file whose one sheet declares rows `rows` and columns `columns` and holds
/// a Number cell in each of `cells`.
fn xls(rows: u32, columns: u16, cells: &[(u16, u16)]) -> Vec<u8> {
    let bof = record(0x0809, &[0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0]);
    let eof = record(0x000A, &[]);
    let name = "Incidents";
    let bound_sheet = |offset: u32| {
        let mut data = offset.to_le_bytes().to_vec();
        data.extend([0, 0, name.len() as u8, 0]);
        data.extend(name.as_bytes());
        record(0x0085, &data)
    };
    let globals_length = bof.len() + bound_sheet(0).len() + eof.len();
    let mut stream = bof.clone();
    stream.extend(bound_sheet(globals_length as u32));
    stream.extend(&eof);
    stream.extend(&bof);
    let mut dimensions = 0u32.to_le_bytes().to_vec();
    dimensions.extend(rows.to_le_bytes());
    dimensions.extend(0u16.to_le_bytes());
    dimensions.extend(columns.to_le_bytes());
    dimensions.extend(0u16.to_le_bytes());
    stream.extend(record(0x0200, &dimensions));
    for (index, &(row, column)) in cells.iter().enumerate() {
        stream.extend(number(row, column, index as f64));
    }
    stream.extend(&eof);
    let mut file =
        cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap_or_else(|e| panic!("{e}"));
    let mut workbook = file
        .create_stream("Workbook")
        .unwrap_or_else(|e| panic!("{e}"));
    workbook
        .write_all(&stream)
        .unwrap_or_else(|e| panic!("{e}"));
    drop(workbook);
    file.flush().unwrap_or_else(|e| panic!("{e}"));
    file.into_inner().into_inner()
}

#[test]
fn an_xls_sheet_declaring_a_far_size_or_holding_a_far_cell_is_refused() {
    // The largest size a BIFF8 sheet has, 65,536 rows of 256 columns, for three cells.
    let (rows, columns) = (65_536u32, 256u16);
    let cells = [(0, 0), (1, 0), (1, 1)];
    let grid = u64::from(rows) * u64::from(columns);
    assert!(grid > SPARSE_FLOOR && grid / SPARSE_RATIO > cells.len() as u64);
    let sentence = refused(&xls(rows, columns, &cells));
    let last = cell_name(u64::from(rows) - 1, u64::from(columns) - 1);
    assert_eq!(last, "IV65536");
    assert!(sentence.contains(&last), "{sentence}");
    assert!(sentence.contains("Incidents"), "{sentence}");
    // Declared small, but a cell far down and right.
    let far = (u16::MAX, 255);
    let sentence = refused(&xls(2, 2, &[(0, 0), (1, 1), far]));
    assert!(
        sentence.contains(&cell_name(far.0.into(), far.1.into())),
        "{sentence}"
    );
    // A size declared backwards is damage, said as such (calamine would count it round).
    let error = spreadsheet_bounds::xls_spreads(&{
        let mut dimensions = 10u32.to_le_bytes().to_vec();
        dimensions.extend(2u32.to_le_bytes());
        dimensions.extend([0, 0, 1, 0, 0, 0]);
        let bof = record(0x0809, &[0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0]);
        let eof = record(0x000A, &[]);
        [
            bof.clone(),
            eof.clone(),
            bof,
            record(0x0200, &dimensions),
            eof,
        ]
        .concat()
    });
    assert!(matches!(error, Err(ImportError::Read(_))), "{error:?}");
}
