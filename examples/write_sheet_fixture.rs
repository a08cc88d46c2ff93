//! Writes the browser tests' spreadsheet fixture: `e2e/fixtures/monitor-sheet.xlsx`, a
//! human-rights monitor's own incident sheet as a workbook (a "Notes" sheet first, the
//! incidents on a sheet named "Incidents" after it, so a test must pick that sheet; dates are
//! real date cells shown day first), and beside it `e2e/fixtures/monitor-sheet.csv`, the same
//! incidents table as UTF-8 CSV text with dates as YYYY-MM-DD, from which browser tests compute
//! their expected counts. `tests/spreadsheet_import.rs` checks that the workbook's sheet reads
//! as exactly the CSV.
//!
//! The rows are made up for tests: plausible places, actors and tolls of 2016-2019, but no
//! event here is a real one.
//!
//! Run: `cargo run --example write_sheet_fixture` (rewrites both files; the same bytes on
//! every run).

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

const XLSX: &str = "e2e/fixtures/monitor-sheet.xlsx";
const CSV: &str = "e2e/fixtures/monitor-sheet.csv";

const HEADER: [&str; 9] = [
    "Date",
    "Governorate",
    "Village",
    "Perpetrator",
    "Type of attack",
    "Killed",
    "Civilians killed",
    "Description",
    "Source",
];

/// One made-up incident: date (year, month, day), governorate, village, perpetrator, type,
/// killed, civilians killed (None: not known), description, source.
type Incident = (
    (u16, u8, u8),
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
    Option<u32>,
    &'static str,
    &'static str,
);

const INCIDENTS: [Incident; 12] = [
    (
        (2016, 3, 8),
        "Aleppo",
        "Anadan",
        "Syrian government forces",
        "Barrel bomb",
        4,
        Some(4),
        "Two barrel bombs hit a residential street.",
        "Field researcher",
    ),
    (
        (2016, 7, 19),
        "Idlib",
        "Saraqib",
        "Russian forces",
        "Airstrike",
        7,
        Some(6),
        "غارة جوية على سوق الخضار في المدينة",
        "Local council statement",
    ),
    (
        (2016, 11, 2),
        "Hama",
        "Kafr Zita",
        "Syrian government forces",
        "Shelling",
        2,
        Some(2),
        "Artillery shells fell near a school.",
        "Field researcher",
    ),
    (
        (2017, 1, 25),
        "Rural Damascus",
        "Douma",
        "Syrian government forces",
        "Shelling",
        5,
        Some(5),
        "قصف مدفعي على حي سكني",
        "Monitor's daily report",
    ),
    (
        (2017, 4, 11),
        "Deir ez-Zor",
        "Al-Mayadin",
        "International coalition",
        "Airstrike",
        9,
        Some(8),
        "Strike on a building used as a shelter by displaced families.",
        "Monitor's daily report",
    ),
    (
        (2017, 8, 30),
        "Raqqa",
        "Al-Tabqa",
        "ISIS",
        "Car bomb",
        6,
        None,
        "Car bomb at a checkpoint; the civilian toll is not known.",
        "Witness by phone",
    ),
    (
        (2018, 2, 20),
        "Rural Damascus",
        "Hamouriyah",
        "Syrian government forces",
        "Airstrike",
        14,
        Some(14),
        "قصف جوي على بلدة حمورية، بينهم أطفال",
        "Field researcher",
    ),
    (
        (2018, 5, 16),
        "Daraa",
        "Nawa",
        "Unknown",
        "IED",
        1,
        Some(1),
        "An improvised explosive device went off near the market.",
        "Local council statement",
    ),
    (
        (2018, 9, 7),
        "Idlib",
        "Khan Shaykhun",
        "Russian forces",
        "Airstrike",
        3,
        Some(3),
        "Strike on the outskirts; farmland and a well hit.",
        "Field researcher",
    ),
    (
        (2019, 1, 13),
        "Aleppo",
        "Afrin",
        "Unknown",
        "Car bomb",
        8,
        Some(7),
        "انفجار سيارة مفخخة قرب دوار نوروز",
        "Witness by phone",
    ),
    (
        (2019, 5, 28),
        "Hama",
        "Kafr Nabudah",
        "Syrian government forces",
        "Barrel bomb",
        0,
        Some(0),
        "Barrel bombs on the village; houses destroyed, no deaths reported.",
        "Monitor's daily report",
    ),
    (
        (2019, 11, 4),
        "Idlib",
        "Maarat al-Numan",
        "Russian forces",
        "Airstrike",
        10,
        Some(9),
        "Airstrike on the vegetable market, \"several\" shops destroyed.",
        "Field researcher",
    ),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    std::fs::write(XLSX, workbook()?)?;
    let mut csv = csv::Writer::from_path(CSV)?;
    csv.write_record(HEADER)?;
    for (date, governorate, village, perpetrator, kind, killed, civilians, text, source) in
        INCIDENTS
    {
        let (year, month, day) = date;
        csv.write_record([
            format!("{year:04}-{month:02}-{day:02}").as_str(),
            governorate,
            village,
            perpetrator,
            kind,
            &killed.to_string(),
            &civilians.map(|n| n.to_string()).unwrap_or_default(),
            text,
            source,
        ])?;
    }
    csv.flush()?;
    println!("wrote {XLSX} and {CSV} ({} incidents)", INCIDENTS.len());
    Ok(())
}

/// The workbook's bytes, the same on every run (a fixed creation time).
fn workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title("Incidents recorded by the monitoring team (made up for tests)")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2020, 1, 15)?),
    );
    let notes = book.add_worksheet().set_name("Notes")?;
    let lines = [
        "Incident log of the monitoring team: one row per incident, on the sheet Incidents.",
        "Killed: all deaths in the incident. Civilians killed: civilians among them; empty when not known.",
        "These rows are made up for software tests; no event here is a real one.",
    ];
    for (row, line) in lines.iter().enumerate() {
        notes.write_string(row as u32, 0, *line)?;
    }
    let sheet = book.add_worksheet().set_name("Incidents")?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (column, name) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *name, &bold)?;
    }
    for (index, incident) in INCIDENTS.iter().enumerate() {
        let row = index as u32 + 1;
        let &(
            (year, month, day),
            governorate,
            village,
            perpetrator,
            kind,
            killed,
            civilians,
            text,
            source,
        ) = incident;
        sheet.write_datetime_with_format(
            row,
            0,
            ExcelDateTime::from_ymd(year, month, day)?,
            &date,
        )?;
        sheet.write_string(row, 1, governorate)?;
        sheet.write_string(row, 2, village)?;
        sheet.write_string(row, 3, perpetrator)?;
        sheet.write_string(row, 4, kind)?;
        sheet.write_number(row, 5, killed)?;
        if let Some(civilians) = civilians {
            sheet.write_number(row, 6, civilians)?;
        }
        sheet.write_string(row, 7, text)?;
        sheet.write_string(row, 8, source)?;
    }
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(7, 60)?;
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
