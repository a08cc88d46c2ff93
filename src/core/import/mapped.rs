//! The mapped import: any table of incidents (a CSV separated by commas, semicolons or tabs,
//! in UTF-8 or UTF-16, or a spreadsheet's sheet) read with the columns the reader confirmed in
//! the mapping step ([`super::table_mapping::Mapping`]). First [`preview_csv`] (or
//! [`preview_sheet`] for a spreadsheet's sheet) gives the header, the first rows and a guessed
//! mapping; then [`import_csv`] (or [`import_sheet`]) reads every row into one collection.
//!
//! Decisions, each with its reason (`docs/own-table-import.md` gives the whole mapping):
//!
//! - **The file is the source.** Every event cites the file, with the description column
//!   verbatim as the quote and the source column as who reported it. A row with an empty
//!   description is kept with a warning, its quote a marked stand-in in square brackets.
//! - **Dates** are read in the forms [`super::table_mapping::parse_date`] lists, numeric
//!   year-last dates only in the order the reader chose. A month or a year alone is kept as
//!   that span with that precision; with an end date the span runs to it (precision "period").
//! - **Places**: the governorate in any usual spelling, English or Arabic; a governorate not
//!   recognised, or none, is found from the coordinates when they lie in Syria (a warning says
//!   so when a name was given). Coordinates outside Syria are dropped with a warning.
//! - **Actors**: each `;`-separated name of the perpetrator column is a perpetrator, of the
//!   other column a target; each is grouped under a broad actor by the same rules as ACLED's
//!   and UCDP's names, else "Other named groups".
//! - **Kinds**: the table's type is kept as written (`event_type`, filterable) and grouped
//!   under a broad kind by its words (English or Arabic: "airstrike", "غارة", "shelling",
//!   "قصف"...), else "Other".
//! - **Deaths**: one number (or best with low and high) is everyone killed, as the table
//!   states it ("exactly"); civilians killed are a part of it. Whole numbers only, with
//!   thousands separators or Arabic-Indic digits accepted; an empty cell is no figure, not
//!   zero.

use std::io::Read;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::acled::LARGE_FATALITIES;
use super::acled_actors::{self, actor_for_name};
use super::acled_fields;
use super::csv_rows::{
    csv_reader, csv_reader_and_delimiter, header_names, read_record, unclosed_quote, Row,
    RowNumbers, Tally,
};
use super::parties::Parties;
use super::spreadsheet::SheetTable;
use super::table_mapping::{self, parse_date, DateEvidence, Field, Mapping, TableDate};
use super::ucdp::GovernorateShapes;
use super::{is_collection_id, FileInfo, Format, ImportError, Imported, Progress, PROGRESS_ROWS};
use crate::core::i18n::{label_key, Said};
use crate::core::model::{
    ActorRef, Casualty, Citation, Collection, Dataset, DatePrecision, DateRange, Event,
    LocationPrecision, Place, Source, SCHEMA_VERSION,
};
use crate::core::query::is_event_id;
use crate::core::validate::SYRIA_BOUNDS;
use crate::core::vocab::{
    Actor, CasualtyGroup, EventKind, Governorate, Outcome, Publisher, Qualifier, Role,
};

/// Rows shown in the mapping step's preview.
pub const PREVIEW_ROWS: usize = 8;
/// Rows the guess and the date evidence look at.
pub const SAMPLE_ROWS: usize = 500;
/// Characters of a cell kept in the sample (the preview only shows the start of a long text).
const SAMPLE_CHARS: usize = 160;
/// The id of the one source every event cites.
pub const SOURCE_ID: &str = "file";

/// What the mapping step shows: the table's header and first rows, how it was read, and the
/// guessed mapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TablePreview {
    /// The header's names as written (trimmed; an empty name is shown as its column letter).
    pub header: Vec<String>,
    /// The first rows (up to [`SAMPLE_ROWS`]), each cell shortened to 160 characters; the
    /// step shows the first [`PREVIEW_ROWS`].
    pub sample: Vec<Vec<String>>,
    /// How the text was read, for people: "UTF-8, separated by semicolons"; or the sheet.
    pub reading: String,
    /// The same, as a message of the catalogues, for the page to word in the reader's
    /// language.
    #[serde(default)]
    pub reading_said: Option<Said>,
    /// A workbook's sheets, in order; empty for a CSV file.
    #[serde(default)]
    pub sheets: Vec<String>,
    /// The sheet shown, for a workbook.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The mapping the header and rows suggest.
    pub guess: Mapping,
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
    reading: String,
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
        reading_said: None,
        sheets: Vec::new(),
        sheet: None,
        guess,
    }
}

/// The preview of a spreadsheet's sheet, with the workbook's sheets to choose from.
pub fn preview_sheet(table: &SheetTable) -> TablePreview {
    let rows = table.rows.iter().map(|(_, record)| cells(record));
    let said = Said::new("reading-sheet")
        .arg("sheet", table.sheet.clone())
        .arg("row", table.header_row.to_string());
    let mut preview = preview_rows(table.header.clone(), rows, said.english());
    preview.reading_said = Some(said);
    preview.sheets = table.sheets.clone();
    preview.sheet = Some(table.sheet.clone());
    preview
}

/// A record's cells as text, trimmed (the preview shows them; the import reads the record).
fn cells(record: &csv::ByteRecord) -> Vec<String> {
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

/// Reads the header and first rows of a CSV file for the mapping step.
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::HeaderOnly`], [`ImportError::Read`],
/// [`ImportError::Unreadable`].
pub fn preview_csv<R: Read>(reader: R) -> Result<TablePreview, ImportError> {
    let (mut csv, delimiter) =
        csv_reader_and_delimiter(reader).map_err(|error| ImportError::Read(error.to_string()))?;
    let encoding = csv.get_ref().inner().encoding().said();
    let mut record = csv::ByteRecord::new();
    if !read_record(&mut csv, &mut record, 1)? {
        return Err(ImportError::Empty);
    }
    let header = header_names(&record)?;
    let mut rows = Vec::new();
    while rows.len() < SAMPLE_ROWS && read_record(&mut csv, &mut record, rows.len() as u64 + 2)? {
        rows.push(cells(&record));
    }
    if rows.is_empty() {
        return Err(ImportError::HeaderOnly);
    }
    let key = match (header.len() > 1, delimiter) {
        (false, _) => "reading-text",
        (true, b';') => "reading-semicolons",
        (true, b'\t') => "reading-tabs",
        (true, _) => "reading-commas",
    };
    let said = Said::new(key).arg_said("encoding", encoding);
    let mut preview = preview_rows(header, rows.into_iter(), said.english());
    preview.reading_said = Some(said);
    Ok(preview)
}

/// Reads every row of a CSV file with `mapping` into one collection. `progress` is called every
/// [`PROGRESS_ROWS`] rows and once at the end.
///
/// # Errors
/// As [`preview_csv`], and [`ImportError::InvalidCollectionId`]; a mapping that cannot be
/// imported ([`Mapping::missing`]) is [`ImportError::NotADataset`] with its first reason.
pub fn import_csv<R: Read>(
    reader: R,
    mapping: &Mapping,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    let mut csv = csv_reader(reader).map_err(|error| ImportError::Read(error.to_string()))?;
    let mut record = csv::ByteRecord::new();
    let mut rows = RowNumbers::default();
    if !read_record(&mut csv, &mut record, 1)? {
        return Err(ImportError::Empty);
    }
    rows.of(&csv, &record);
    let header = header_names(&record)?;
    let mut builder = Builder::new(&header, mapping, source, Format::OtherCsv)?;
    while read_record(&mut csv, &mut record, rows.next())? {
        let row = rows.of(&csv, &record);
        let unclosed = unclosed_quote(&csv);
        builder.add(&record, row, unclosed);
        if builder.tally.rows_read.is_multiple_of(PROGRESS_ROWS) {
            progress(Progress {
                rows: builder.tally.rows_read,
                bytes: csv.position().byte(),
            });
        }
    }
    if builder.tally.rows_read == 0 && builder.blank_rows == 0 {
        return Err(ImportError::HeaderOnly);
    }
    progress(Progress {
        rows: builder.tally.rows_read,
        bytes: csv.position().byte(),
    });
    Ok(builder.finish())
}

/// Reads every row of a spreadsheet's sheet (each numbered as the sheet shows it) with
/// `mapping` into one collection. `progress` gets rows read, and bytes 0.
///
/// # Errors
/// [`ImportError::HeaderOnly`] when there are no rows, [`ImportError::InvalidCollectionId`],
/// and a mapping that cannot be imported as for [`import_csv`].
pub fn import_sheet(
    table: &SheetTable,
    mapping: &Mapping,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    let mut builder = Builder::new(&table.header, mapping, source, Format::Spreadsheet)?;
    for (row, record) in &table.rows {
        builder.add(record, *row, false);
        if builder.tally.rows_read.is_multiple_of(PROGRESS_ROWS) {
            progress(Progress {
                rows: builder.tally.rows_read,
                bytes: 0,
            });
        }
    }
    if builder.tally.rows_read == 0 {
        return Err(ImportError::HeaderOnly);
    }
    progress(Progress {
        rows: builder.tally.rows_read,
        bytes: 0,
    });
    Ok(builder.finish())
}

/// A name of a row, before its party is interned.
struct Named<'a> {
    name: &'a str,
    actor: Actor,
    role: Role,
}

/// Accumulates the events and the parties they point into.
struct Builder<'a> {
    header: &'a [String],
    mapping: &'a Mapping,
    source: &'a FileInfo,
    format: Format,
    date_column: usize,
    parties: Parties,
    events: Vec<Event>,
    /// Each event id seen, with its row, to name the first row of a duplicate.
    seen: FxHashMap<String, u64>,
    tally: Tally,
    shapes: Option<GovernorateShapes>,
    /// Governorate names not recognised, warned of once each.
    unknown_governorates: FxHashSet<String>,
    /// Rows with nothing in them, passed over.
    blank_rows: u64,
}

impl<'a> Builder<'a> {
    fn new(
        header: &'a [String],
        mapping: &'a Mapping,
        source: &'a FileInfo,
        format: Format,
    ) -> Result<Self, ImportError> {
        if !is_collection_id(&source.collection_id) {
            return Err(ImportError::InvalidCollectionId(
                source.collection_id.clone(),
            ));
        }
        // The date order's need is checked row by row (a row whose date needs it is skipped
        // with a reason), so only the mapping's shape is checked here.
        if let Some(reason) = mapping.missing(false, header.len()).into_iter().next() {
            return Err(ImportError::NotADataset(reason));
        }
        let date_column = mapping.column(Field::Date).unwrap_or_default();
        Ok(Builder {
            header,
            mapping,
            source,
            format,
            date_column,
            parties: Parties::default(),
            events: Vec::new(),
            seen: FxHashMap::default(),
            tally: Tally::default(),
            shapes: super::ucdp::governorate_shapes().ok(),
            unknown_governorates: FxHashSet::default(),
            blank_rows: 0,
        })
    }

    /// Reads one record (row `row`), adding its event or its problems. A row with nothing in
    /// it (a spreadsheet saved as CSV writes its empty rows as separators only) is passed
    /// over, not counted as read.
    fn add(&mut self, record: &csv::ByteRecord, row: u64, unclosed: bool) {
        let empty = |field: &[u8]| field.iter().all(u8::is_ascii_whitespace);
        if !unclosed && record.iter().all(empty) {
            self.blank_rows += 1;
            return;
        }
        let mut fields = Row {
            columns: self.header,
            record,
            row,
            problems: Vec::new(),
        };
        // A spreadsheet's rows are as wide as its widest; a CSV's must match the header, but
        // for empty fields past its end (a separator left at the end of the line).
        let width = self.header.len();
        let trailing_empty = record.len() > width && record.iter().skip(width).all(empty);
        let shape_ok = if self.format == Format::Spreadsheet || trailing_empty {
            !fields.has_wrong_shape(record.len(), unclosed)
        } else {
            !fields.has_wrong_shape(width, unclosed)
        };
        if shape_ok {
            if let Some(event) = self.event(&mut fields) {
                self.events.push(event);
            }
        }
        self.tally.count(fields.problems);
    }

    fn text<'r>(&self, fields: &mut Row<'r, [String]>, field: Field) -> &'r str {
        fields.optional(self.mapping.column(field))
    }

    /// The event of a row whose shape is right, or `None` with its errors in `fields`.
    fn event(&mut self, fields: &mut Row<'_, [String]>) -> Option<Event> {
        // A row without an id of its own is named by its row, as a table without ids is.
        let local_id = match self
            .mapping
            .column(Field::Id)
            .map(|column| fields.text(column))
        {
            Some(id) if !id.is_empty() => table_mapping::western_digits(id),
            _ => format!("row-{}", fields.row),
        };
        let id = format!("{}:{local_id}", self.source.collection_id);
        let id_column = self.mapping.column(Field::Id).unwrap_or_default();
        if !local_id.is_empty() && !is_event_id(&id) {
            fields.error_said(id_column, &local_id, Said::new("problem-id-not-in-link"));
        } else if let Some(first) = self.seen.get(&id) {
            fields.error_said(
                id_column,
                &local_id,
                Said::new("problem-same-id").arg("first", first.to_string()),
            );
        }

        let date = self.date(fields);
        let place = self.place(fields);
        let named = self.actors(fields);
        let kind_text = self.text(fields, Field::Kind);
        let kind = kind_of(kind_text);
        let casualties = self.casualties(fields, kind);
        let description = fields.optional(self.mapping.column(Field::Summary));
        let reported_by = self.text(fields, Field::Source);

        if fields.has_errors() {
            return None;
        }
        let (date, place, casualties) = (date?, place?, casualties?);
        let what = if kind_text.is_empty() {
            "Incident"
        } else {
            kind_text
        };
        if let (true, Some(column)) = (description.is_empty(), self.mapping.column(Field::Summary))
        {
            fields.warn_said(column, "", Said::new("problem-no-description"));
        }
        let quote = if description.is_empty() {
            format!(
                "[The file gives no description for this row: {what} at {}]",
                place.name
            )
        } else {
            description.to_string()
        };
        let mut actors: Vec<ActorRef> = Vec::new();
        for named in &named {
            let party = self.parties.index_of(named.name, &[named.actor])?;
            let actor_ref = ActorRef {
                actor: named.actor,
                role: named.role,
                party: Some(party),
            };
            if !actors.contains(&actor_ref) {
                actors.push(actor_ref);
            }
        }
        let summary = summary(what, &place, &named, &casualties);
        self.seen.insert(id.clone(), fields.row);
        Some(Event {
            id,
            date: DateRange {
                start: date.start.to_string(),
                end: date.end.to_string(),
                precision: date.precision,
            },
            places: vec![place],
            actors,
            kind,
            event_type: (!kind_text.is_empty()).then(|| kind_text.to_string()),
            sub_event_type: None,
            count: None,
            casualties,
            facilities: Vec::new(),
            weapons: Vec::new(),
            summary,
            citations: vec![Citation {
                source: SOURCE_ID.to_string(),
                quote,
                reported_by: (!reported_by.is_empty()).then(|| reported_by.to_string()),
            }],
            ucdp: None,
            acled: None,
        })
    }

    /// The row's date span, or `None` with its error in `fields`.
    fn date(&self, fields: &mut Row<'_, [String]>) -> Option<TableDate> {
        let today = Some(self.source.today);
        let order = self.mapping.date_order;
        let text = fields.required(self.date_column);
        if text.is_empty() {
            return None;
        }
        let start = match parse_date(text, order, today) {
            Ok(date) => date,
            Err(said) => {
                fields.error_said(self.date_column, text, said);
                return None;
            }
        };
        let Some(end_column) = self.mapping.column(Field::EndDate) else {
            return Some(start);
        };
        let end_text = fields.text(end_column);
        if end_text.is_empty() {
            return Some(start);
        }
        match parse_date(end_text, order, today) {
            Ok(end) if end.end < start.start => {
                fields.error_said(
                    end_column,
                    end_text,
                    Said::new("problem-before-start").arg("start", start.start.to_string()),
                );
                None
            }
            Ok(end) if end.end == start.end => Some(start),
            Ok(end) => Some(TableDate {
                start: start.start,
                end: end.end,
                precision: DatePrecision::Period,
            }),
            Err(message) => {
                fields.error_said(end_column, end_text, message);
                None
            }
        }
    }

    /// The row's place, or `None` with its errors in `fields`.
    fn place(&mut self, fields: &mut Row<'_, [String]>) -> Option<Place> {
        let name = self.text(fields, Field::Place);
        let governorate_text = self.text(fields, Field::Governorate);
        let district = self.text(fields, Field::District);
        let point = self.point(fields);
        let named_governorate = governorate_named(governorate_text);
        let governorate = named_governorate.or_else(|| {
            let (lat, lon) = point?;
            self.shapes.as_ref()?.containing(lon, lat)
        });
        if !governorate_text.is_empty() && named_governorate.is_none() {
            let column = self.mapping.column(Field::Governorate).unwrap_or_default();
            let message = match governorate {
                Some(found) => Said::new("problem-governorate-placed")
                    .arg_key("governorate", label_key("gov", found.id())),
                None => Said::new("problem-governorate-unknown"),
            };
            if governorate.is_some()
                || self
                    .unknown_governorates
                    .insert(governorate_text.to_lowercase())
            {
                fields.warn_said(column, governorate_text, message);
            }
        }
        let (display, precision) = if !name.is_empty() {
            (name.to_string(), LocationPrecision::Exact)
        } else if let Some((lat, lon)) = point {
            (format!("{lat}, {lon}"), LocationPrecision::Exact)
        } else if !district.is_empty() {
            (district.to_string(), LocationPrecision::District)
        } else if let Some(found) = governorate {
            (found.label().to_string(), LocationPrecision::Governorate)
        } else if !governorate_text.is_empty() {
            (governorate_text.to_string(), LocationPrecision::Governorate)
        } else {
            fields.whole_row_said(Said::new("problem-no-place"));
            return None;
        };
        Some(Place {
            name: display,
            governorate,
            district: (!district.is_empty()).then(|| district.to_string()),
            lat: point.map(|(lat, _)| lat),
            lon: point.map(|(_, lon)| lon),
            precision,
            gazetteer: None,
        })
    }

    /// The row's point in Syria: `None` when the table has no coordinates or this row's are
    /// empty (fine), wrong (an error) or outside Syria (a warning).
    fn point(&self, fields: &mut Row<'_, [String]>) -> Option<(f64, f64)> {
        let lat_column = self.mapping.column(Field::Latitude)?;
        let lon_column = self.mapping.column(Field::Longitude)?;
        let (lat_text, lon_text) = (fields.text(lat_column), fields.text(lon_column));
        if lat_text.is_empty() && lon_text.is_empty() {
            return None;
        }
        let lat = fields.coordinate(lat_column, 90.0);
        let lon = fields.coordinate(lon_column, 180.0);
        let (lat, lon) = (lat?, lon?);
        if SYRIA_BOUNDS.contains(lat, lon) {
            return Some((lat, lon));
        }
        let value = format!("{lat}, {lon}");
        let key = if SYRIA_BOUNDS.contains(lon, lat) {
            "problem-swapped-coordinates"
        } else {
            "problem-outside-syria-map"
        };
        fields.warn_said(lat_column, &value, Said::new(key));
        None
    }

    /// The row's named actors: the perpetrator column's, then the target column's.
    fn actors<'r>(&self, fields: &mut Row<'r, [String]>) -> Vec<Named<'r>> {
        let mut named = Vec::new();
        for (field, role) in [
            (Field::Actor1, Role::Perpetrator),
            (Field::Actor2, Role::Target),
        ] {
            let text = fields.optional(self.mapping.column(field));
            for name in acled_actors::names(text) {
                let known = self.parties.actor_of(name);
                let actor = known.unwrap_or_else(|| actor_named(name));
                named.push(Named { name, actor, role });
            }
        }
        named
    }

    /// The row's deaths as casualties (none when the cells are empty), or `None` with errors.
    fn casualties(&self, fields: &mut Row<'_, [String]>, kind: EventKind) -> Option<Vec<Casualty>> {
        let low = count(fields, self.mapping.column(Field::DeathsLow));
        let best = count(fields, self.mapping.column(Field::Deaths));
        let high = count(fields, self.mapping.column(Field::DeathsHigh));
        let civilians = count(fields, self.mapping.column(Field::Civilians));
        let (low, best, high, civilians) = (low?, best?, high?, civilians?);
        let column = |field| self.mapping.column(field).unwrap_or_default();
        let out_of_order = [(low, best, Field::DeathsLow), (best, high, Field::Deaths)]
            .into_iter()
            .chain([(low, high, Field::DeathsLow)])
            .find(|(below, above, _)| matches!((below, above), (Some(b), Some(a)) if b > a));
        if let Some((below, above, field)) = out_of_order {
            fields.error_said(
                column(field),
                &below.unwrap_or_default().to_string(),
                Said::new("problem-above-higher")
                    .arg("higher", above.unwrap_or_default().to_string()),
            );
            return None;
        }
        let total = best.or(high).or(low);
        if best.is_none() && (low.is_some() || high.is_some()) {
            let field = if low.is_some() {
                Field::DeathsLow
            } else {
                Field::DeathsHigh
            };
            fields.warn_said(
                column(field),
                &total.unwrap_or_default().to_string(),
                Said::new("problem-no-best"),
            );
        }
        if let (Some(civilians), Some(total)) = (civilians, best) {
            if civilians > total {
                fields.warn_said(
                    column(Field::Civilians),
                    &civilians.to_string(),
                    Said::new("problem-more-civilians").arg("total", total.to_string()),
                );
            }
        }
        if kind.is_milestone() && total.is_some_and(|n| n > 0) {
            fields.warn_said(
                column(Field::Deaths),
                &total.unwrap_or_default().to_string(),
                Said::new("problem-milestone-deaths"),
            );
        }
        let killed = |group, low, best, high| Casualty {
            group,
            outcome: Outcome::Killed,
            low,
            best,
            high,
            qualifier: Qualifier::Exact,
            wording: None,
            party: None,
        };
        let mut casualties = Vec::new();
        if best.is_some() || low.is_some() || high.is_some() {
            casualties.push(killed(CasualtyGroup::All, low, best, high));
        }
        if let Some(civilians) = civilians {
            casualties.push(killed(
                CasualtyGroup::Civilians,
                None,
                Some(civilians),
                None,
            ));
        }
        Some(casualties)
    }

    fn finish(self) -> Imported {
        let file_name = &self.source.file_name;
        let columns: Vec<String> = self
            .mapping
            .columns
            .iter()
            .filter_map(|(field, &column)| {
                let name = self.header.get(column)?;
                Some(format!("{} ← “{name}”", field.label()))
            })
            .collect();
        let dataset = Dataset {
            schema_version: SCHEMA_VERSION,
            collection: Collection {
                id: self.source.collection_id.clone(),
                name: file_name.clone(),
                description: format!(
                    "Your own table “{file_name}”, read on this device with the columns you \
                     chose ({}). Nothing was uploaded.",
                    columns.join("; ")
                ),
                version: None,
                license: None,
                attribution: Vec::new(),
                citations: Vec::new(),
            },
            sources: vec![Source {
                id: SOURCE_ID.to_string(),
                publisher: Publisher::Other,
                title: format!("Your file: {file_name}"),
                published: None,
                published_inferred: false,
                published_note: None,
                // The language of a reader's own table is not known.
                language: "und".to_string(),
                file: None,
                url: None,
            }],
            parties: self.parties.into_vec(),
            dyads: Vec::new(),
            events: self.events,
            figures: Vec::new(),
        };
        Imported {
            dataset,
            problems: self.tally.problems,
            problems_not_listed: self.tally.problems_not_listed,
            rows_read: self.tally.rows_read,
            rows_skipped: self.tally.rows_skipped,
            rows_warned: self.tally.rows_warned,
            format: self.format,
        }
    }
}

/// A count cell: `None` (with an error in `fields`) when it is not a whole number of people,
/// `Some(None)` when the table has no such column or the cell is empty.
fn count(fields: &mut Row<'_, [String]>, column: Option<usize>) -> Option<Option<u64>> {
    let Some(column) = column else {
        return Some(None);
    };
    let text = fields.text(column);
    if text.is_empty() {
        return Some(None);
    }
    match whole_number(text) {
        Some(count) if count > u64::from(u32::MAX) => {
            fields.error_said(column, text, Said::new("problem-far-too-many-people"));
            None
        }
        Some(count) => {
            if count > LARGE_FATALITIES {
                fields.warn_said(
                    column,
                    text,
                    Said::new("problem-many-killed").arg("limit", LARGE_FATALITIES.to_string()),
                );
            }
            Some(Some(count))
        }
        None => {
            let key = if text.trim_start().starts_with('-') {
                "problem-negative-people"
            } else {
                "problem-not-whole-people"
            };
            fields.error_said(column, text, Said::new(key));
            None
        }
    }
}

/// A whole number as tables write it: `1200`, `1,200`, `1 200`, `12.0` (a spreadsheet's
/// number), or in Arabic-Indic digits (`١٢`); `None` for anything else.
pub fn whole_number(text: &str) -> Option<u64> {
    // The Arabic thousands separator groups as a comma does.
    let ascii = table_mapping::western_digits(text.trim()).replace('\u{066C}', ",");
    // A spreadsheet's number: `12.0`, `12.00`.
    let number = match ascii.split_once('.') {
        Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => whole,
        _ => ascii.as_str(),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    for separator in [',', ' ', '\u{a0}', '\u{202f}'] {
        let groups: Vec<&str> = number.split(separator).collect();
        if groups.len() > 1 {
            let first = groups.first().copied().unwrap_or_default();
            let grouped = digits(first)
                && first.len() <= 3
                && groups
                    .iter()
                    .skip(1)
                    .all(|group| group.len() == 3 && digits(group));
            return grouped.then(|| groups.concat().parse().ok()).flatten();
        }
    }
    digits(number).then(|| number.parse().ok()).flatten()
}

/// Words of actor names as monitors write them, in English and Arabic, with the broad actor
/// each says; the first found in the lower-cased name wins.
const ACTOR_WORDS: &[(&str, Actor)] = &[
    ("russia", Actor::Russia),
    ("روس", Actor::Russia),
    ("hezbollah", Actor::Hezbollah),
    ("حزب الله", Actor::Hezbollah),
    ("iranian-backed", Actor::IranBacked),
    ("iran", Actor::Iran),
    ("إيران", Actor::Iran),
    ("ايران", Actor::Iran),
    ("إيراني", Actor::Iran),
    ("coalition", Actor::Coalition),
    ("التحالف", Actor::Coalition),
    ("turk", Actor::Turkey),
    ("ترك", Actor::Turkey),
    ("israel", Actor::Israel),
    ("إسرائيل", Actor::Israel),
    ("اسرائيل", Actor::Israel),
    ("islamic state", Actor::Isis),
    ("isis", Actor::Isis),
    ("isil", Actor::Isis),
    ("daesh", Actor::Isis),
    ("داعش", Actor::Isis),
    ("تنظيم الدولة", Actor::Isis),
    ("tahrir al-sham", Actor::Hts),
    ("hts", Actor::Hts),
    ("nusra", Actor::Hts),
    ("تحرير الشام", Actor::Hts),
    ("النصرة", Actor::Hts),
    ("sdf", Actor::Sdf),
    ("syrian democratic forces", Actor::Sdf),
    ("قسد", Actor::Sdf),
    ("سوريا الديمقراطية", Actor::Sdf),
    ("national defence", Actor::ProGovernmentMilitias),
    ("الدفاع الوطني", Actor::ProGovernmentMilitias),
    ("regime", Actor::SyrianGovernment),
    ("syrian army", Actor::SyrianGovernment),
    ("government forces", Actor::SyrianGovernment),
    ("النظام", Actor::SyrianGovernment),
    ("الجيش السوري", Actor::SyrianGovernment),
    ("القوات الحكومية", Actor::SyrianGovernment),
    ("free syrian army", Actor::Opposition),
    ("opposition", Actor::Opposition),
    ("المعارضة", Actor::Opposition),
    ("الجيش الحر", Actor::Opposition),
    ("unknown", Actor::Unknown),
    ("unidentified", Actor::Unknown),
    ("مجهول", Actor::Unknown),
];

/// The broad actor of a name in a reader's table: the vocabulary's own id or name, a UCDP
/// group, a name ACLED's rules know, else the first of [`ACTOR_WORDS`] it holds; "Other named
/// groups" when none.
pub fn actor_named(name: &str) -> Actor {
    let lower = name.trim().to_lowercase();
    Actor::ALL
        .iter()
        .copied()
        .find(|actor| actor.id() == lower || actor.label().to_lowercase() == lower)
        .or_else(|| super::ucdp_actors::actor_for_group(name))
        .or_else(|| actor_for_name(name).filter(|actor| *actor != Actor::Other))
        .or_else(|| {
            ACTOR_WORDS
                .iter()
                .find(|(word, _)| lower.contains(word))
                .map(|(_, actor)| *actor)
        })
        .unwrap_or(Actor::Other)
}

/// Arabic names of the governorates, as Syrian sources write them (with or without the
/// article, and "محافظة" before it removed by [`governorate_named`]).
const ARABIC_GOVERNORATES: [(&str, Governorate); 14] = [
    ("دمشق", Governorate::Damascus),
    ("حلب", Governorate::Aleppo),
    ("ريف دمشق", Governorate::RifDimashq),
    ("حمص", Governorate::Homs),
    ("حماة", Governorate::Hama),
    ("اللاذقية", Governorate::Latakia),
    ("إدلب", Governorate::Idlib),
    ("الحسكة", Governorate::AlHasakah),
    ("دير الزور", Governorate::DeirEzZor),
    ("طرطوس", Governorate::Tartus),
    ("الرقة", Governorate::ArRaqqah),
    ("درعا", Governorate::Daraa),
    ("السويداء", Governorate::AsSuwayda),
    ("القنيطرة", Governorate::Quneitra),
];

/// The governorate a cell names: any spelling ACLED, UCDP or the gazetteer use, or its Arabic
/// name (hamza and tāʾ marbūṭa variants, "محافظة" before it, do not matter).
pub fn governorate_named(text: &str) -> Option<Governorate> {
    if text.is_empty() {
        return None;
    }
    acled_fields::governorate(text)
        .or_else(|| super::ucdp_fields::governorate_of_adm1(text))
        .or_else(|| {
            let key = arabic_key(text.trim().trim_start_matches("محافظة").trim());
            ARABIC_GOVERNORATES
                .iter()
                .find(|(name, _)| arabic_key(name) == key)
                .map(|(_, governorate)| *governorate)
        })
}

/// Arabic text reduced to compare spellings: alef forms as bare alef, tāʾ marbūṭa as hāʾ, alef
/// maqṣūra as yāʾ, diacritics and tatweel removed, spaces dropped.
fn arabic_key(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'أ' | 'إ' | 'آ' => Some('ا'),
            'ة' => Some('ه'),
            'ى' => Some('ي'),
            '\u{064B}'..='\u{0652}' | 'ـ' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

/// Words of a table's incident types, in order, with the broad kind each says. The first
/// found in the lower-cased type wins: "barrel bomb airstrike" is a barrel bomb.
const KIND_WORDS: &[(&str, EventKind)] = &[
    ("chemical", EventKind::ChemicalAttack),
    ("chlorine", EventKind::ChemicalAttack),
    ("sarin", EventKind::ChemicalAttack),
    ("كيما", EventKind::ChemicalAttack),
    ("barrel", EventKind::BarrelBomb),
    ("برميل", EventKind::BarrelBomb),
    ("براميل", EventKind::BarrelBomb),
    ("guided", EventKind::GuidedMissile),
    ("atgm", EventKind::GuidedMissile),
    ("صاروخ موجه", EventKind::GuidedMissile),
    ("airdrop", EventKind::Airdrop),
    ("air drop", EventKind::Airdrop),
    ("airstrike", EventKind::Airstrike),
    ("air strike", EventKind::Airstrike),
    ("air raid", EventKind::Airstrike),
    ("air/drone", EventKind::Airstrike),
    ("aerial", EventKind::Airstrike),
    ("drone", EventKind::Airstrike),
    ("warplane", EventKind::Airstrike),
    ("helicopter", EventKind::Airstrike),
    ("bombing raid", EventKind::Airstrike),
    ("غارة", EventKind::Airstrike),
    ("غارات", EventKind::Airstrike),
    ("طيران", EventKind::Airstrike),
    ("جوي", EventKind::Airstrike),
    ("rocket", EventKind::RocketAttack),
    ("missile", EventKind::RocketAttack),
    ("صاروخ", EventKind::RocketAttack),
    ("صواريخ", EventKind::RocketAttack),
    ("shell", EventKind::Shelling),
    ("artillery", EventKind::Shelling),
    ("mortar", EventKind::Shelling),
    ("قصف", EventKind::Shelling),
    ("مدفع", EventKind::Shelling),
    ("ied", EventKind::Ied),
    ("car bomb", EventKind::Ied),
    ("explosive", EventKind::Ied),
    ("landmine", EventKind::Ied),
    ("land mine", EventKind::Ied),
    ("عبوة", EventKind::Ied),
    ("مفخخ", EventKind::Ied),
    ("لغم", EventKind::Ied),
    ("انفجار", EventKind::Ied),
    ("patrol", EventKind::JointPatrol),
    ("دورية", EventKind::JointPatrol),
    ("arrest", EventKind::RaidArrest),
    ("detention", EventKind::RaidArrest),
    ("raid", EventKind::RaidArrest),
    ("اعتقال", EventKind::RaidArrest),
    ("مداهمة", EventKind::RaidArrest),
    ("clash", EventKind::GroundAttack),
    ("battle", EventKind::GroundAttack),
    ("ground", EventKind::GroundAttack),
    ("armed attack", EventKind::GroundAttack),
    ("shooting", EventKind::GroundAttack),
    ("اشتباك", EventKind::GroundAttack),
    ("هجوم", EventKind::GroundAttack),
    ("ceasefire", EventKind::CeasefireAgreement),
    ("agreement", EventKind::CeasefireAgreement),
    ("هدنة", EventKind::CeasefireAgreement),
    ("اتفاق", EventKind::CeasefireAgreement),
];

/// The broad kind of a table's incident type: the vocabulary's own id or name, an ACLED
/// sub-event type, else the first of [`KIND_WORDS`] it holds; "Other" when none.
pub fn kind_of(text: &str) -> EventKind {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return EventKind::Other;
    }
    EventKind::ALL
        .iter()
        .copied()
        .find(|kind| kind.id() == lower || kind.label().to_lowercase() == lower)
        .or_else(|| acled_fields::kind(text))
        .or_else(|| {
            KIND_WORDS
                .iter()
                .find(|(word, _)| lower.contains(word))
                .map(|(_, kind)| *kind)
        })
        .unwrap_or(EventKind::Other)
}

/// One plain line: "Airstrike at Kafr Nabl (Idlib): Russian forces against Civilians; 4
/// killed, 3 of them civilians".
fn summary(what: &str, place: &Place, named: &[Named<'_>], casualties: &[Casualty]) -> String {
    let mut line = format!("{what} at {}", place.name);
    if let Some(governorate) = place.governorate {
        if governorate.label() != place.name {
            line.push_str(&format!(" ({})", governorate.label()));
        }
    }
    let side = |role| -> Vec<&str> {
        named
            .iter()
            .filter(|n| n.role == role)
            .map(|n| n.name)
            .collect()
    };
    let (first, second) = (side(Role::Perpetrator), side(Role::Target));
    if !first.is_empty() || !second.is_empty() {
        line.push_str(": ");
        line.push_str(&first.join(", "));
        if !second.is_empty() {
            line.push_str(if first.is_empty() {
                "against "
            } else {
                " against "
            });
            line.push_str(&second.join(", "));
        }
    }
    let number = |group| {
        casualties
            .iter()
            .find(|c| c.group == group)
            .and_then(|c| c.best)
    };
    match (number(CasualtyGroup::All), number(CasualtyGroup::Civilians)) {
        (Some(all), Some(civilians)) => {
            line.push_str(&format!("; {all} killed, {civilians} of them civilians"))
        }
        (Some(all), None) => line.push_str(&format!("; {all} killed")),
        (None, Some(civilians)) => line.push_str(&format!("; {civilians} civilians killed")),
        (None, None) => {}
    }
    super::without_bidi_controls(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_tables_write_them() {
        assert_eq!(whole_number("12"), Some(12));
        assert_eq!(whole_number("1,200"), Some(1200));
        assert_eq!(whole_number("1 200 000"), Some(1_200_000));
        assert_eq!(whole_number("12.0"), Some(12));
        assert_eq!(whole_number("3.00"), Some(3));
        assert_eq!(whole_number("١٢"), Some(12));
        assert_eq!(whole_number("۱٬۲۰۰"), Some(1200));
        for bad in ["12.5", "1,20", "-3", "about 5", "", "1,2000"] {
            assert_eq!(whole_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn governorates_are_found_in_either_script() {
        assert_eq!(governorate_named("Idleb"), Some(Governorate::Idlib));
        assert_eq!(governorate_named("ادلب"), Some(Governorate::Idlib));
        assert_eq!(governorate_named("محافظة حماه"), Some(Governorate::Hama));
        assert_eq!(governorate_named("ريف دمشق"), Some(Governorate::RifDimashq));
        assert_eq!(governorate_named("Hatay"), None);
    }

    #[test]
    fn actors_come_from_their_names_in_either_script() {
        assert_eq!(actor_named("Russian forces"), Actor::Russia);
        assert_eq!(actor_named("Government of Syria"), Actor::SyrianGovernment);
        assert_eq!(
            actor_named("Military Forces of Syria (2000-2024)"),
            Actor::SyrianGovernment
        );
        assert_eq!(actor_named("قوات النظام"), Actor::SyrianGovernment);
        assert_eq!(actor_named("الطيران الروسي"), Actor::Russia);
        assert_eq!(actor_named("Unknown"), Actor::Unknown);
        assert_eq!(actor_named("Liwa al-Quds"), Actor::PalestinianFactions);
        assert_eq!(actor_named("Village guard of Kafr Nabl"), Actor::Other);
    }

    #[test]
    fn kinds_come_from_the_types_words() {
        assert_eq!(kind_of("Airstrike"), EventKind::Airstrike);
        assert_eq!(kind_of("Barrel bomb airstrike"), EventKind::BarrelBomb);
        assert_eq!(kind_of("Air/drone strike"), EventKind::Airstrike);
        assert_eq!(kind_of("قصف مدفعي"), EventKind::Shelling);
        assert_eq!(kind_of("غارة جوية"), EventKind::Airstrike);
        assert_eq!(kind_of("Protest"), EventKind::Other);
        assert_eq!(kind_of(""), EventKind::Other);
    }

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
