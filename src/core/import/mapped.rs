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

use rustc_hash::FxHashMap;

use super::acled_actors;
use super::csv_rows::{
    csv_reader, header_names, read_record, unclosed_quote, Row, RowNumbers, Tally,
    UnknownGovernorates,
};
use super::header_row;
use super::parties::Parties;
use super::spreadsheet::SheetTable;
use super::table_mapping::{self, parse_date, Field, Mapping, TableDate};
use super::table_numbers::count;
use super::table_preview;
pub use super::table_preview::{
    column_letters, preview_csv, preview_csv_with_header, preview_rows, preview_sheet,
    TablePreview, PREVIEW_ROWS, SAMPLE_ROWS,
};
use super::table_words::{actor_named, governorate_named, kind_of};
use super::ucdp::GovernorateShapes;
use super::{
    file_source, is_collection_id, FileInfo, Format, ImportError, Imported, Progress, PROGRESS_ROWS,
};
use crate::core::i18n::Said;
use crate::core::model::{
    ActorRef, Casualty, Citation, Collection, Dataset, DatePrecision, DateRange, Event,
    LocationPrecision, Place, SCHEMA_VERSION,
};
use crate::core::query::is_event_id;
use crate::core::records::Records;
use crate::core::validate::PieceWriter;
use crate::core::validate::SYRIA_BOUNDS;
use crate::core::vocab::{Actor, CasualtyGroup, EventKind, Outcome, Publisher, Qualifier, Role};

/// The id of the one source every event cites.
pub const SOURCE_ID: &str = "file";

/// Reads every row of a CSV file with `mapping` into one collection, the header found among
/// the first rows as [`preview_csv`] finds it (rows above it are not read). `progress` is
/// called every [`PROGRESS_ROWS`] rows and once at the end.
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
    import_csv_with_header(reader, None, mapping, source, progress)
}

/// [`import_csv`] with the header taken from the row of index `header` among the rows read, as
/// [`preview_csv_with_header`] takes it, or found when `None`.
///
/// # Errors
/// As [`import_csv`].
pub fn import_csv_with_header<R: Read>(
    reader: R,
    header: Option<usize>,
    mapping: &Mapping,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    read_csv(reader, header, mapping, source, progress, None)
}

/// [`import_csv_with_header`], with the collection written in pieces to `pieces` as the rows
/// are read (the header before the first piece): the collection returned then holds no
/// events. The pieces hold the same collection [`import_csv_with_header`] returns.
///
/// # Errors
/// As [`import_csv`]; the pieces written before an error are not a whole collection.
pub fn import_csv_in_pieces<R: Read>(
    reader: R,
    header: Option<usize>,
    mapping: &Mapping,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
    pieces: &mut PieceWriter<'_>,
) -> Result<Imported, ImportError> {
    read_csv(reader, header, mapping, source, progress, Some(pieces))
}

/// [`import_csv_with_header`] and [`import_csv_in_pieces`].
fn read_csv<R: Read>(
    reader: R,
    header: Option<usize>,
    mapping: &Mapping,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
    mut pieces: Option<&mut PieceWriter<'_>>,
) -> Result<Imported, ImportError> {
    let mut csv = csv_reader(reader).map_err(|error| ImportError::Read(error.to_string()))?;
    let mut record = csv::ByteRecord::new();
    let mut rows = RowNumbers::default();
    // The first rows, among which the header is: each with its row and whether a quote left
    // open swallowed it.
    let mut first: Vec<(u64, csv::ByteRecord)> = Vec::new();
    let mut unclosed_at = None;
    while first.len() < header_row::ROWS_LOOKED_AT
        && read_record(&mut csv, &mut record, rows.next())?
    {
        let row = rows.of(&csv, &record);
        if unclosed_quote(&csv) {
            unclosed_at = Some(row);
        }
        first.push((row, record.clone()));
    }
    let Some((_, top)) = first.first() else {
        return Err(ImportError::Empty);
    };
    header_names(top)?;
    let index = table_preview::header_index(&first, header);
    let names = header_names(first.get(index).map(|(_, r)| r).unwrap_or(top))?;
    let mut builder = Builder::new(&names, mapping, source, Format::OtherCsv)?;
    let mut report = |builder: &mut Builder<'_>, bytes: u64| {
        builder.write_due(pieces.as_deref_mut());
        if builder.tally.rows_read.is_multiple_of(PROGRESS_ROWS) {
            progress(Progress {
                rows: builder.tally.rows_read,
                bytes,
            });
        }
    };
    for (row, record) in first.iter().skip(index + 1) {
        builder.add(record, *row, unclosed_at == Some(*row));
        report(&mut builder, csv.position().byte());
    }
    while read_record(&mut csv, &mut record, rows.next())? {
        let row = rows.of(&csv, &record);
        let unclosed = unclosed_quote(&csv);
        builder.add(&record, row, unclosed);
        report(&mut builder, csv.position().byte());
    }
    if builder.tally.rows_read == 0 && builder.blank_rows == 0 {
        return Err(ImportError::HeaderOnly);
    }
    progress(Progress {
        rows: builder.tally.rows_read,
        bytes: csv.position().byte(),
    });
    if let Some(pieces) = pieces {
        builder.write(pieces);
    }
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
    read_sheet(table, mapping, source, progress, None)
}

/// [`import_sheet`], with the collection written in pieces to `pieces` as the rows are read
/// (the header before the first piece): the collection returned then holds no events.
///
/// # Errors
/// As [`import_sheet`]; the pieces written before an error are not a whole collection.
pub fn import_sheet_in_pieces(
    table: &SheetTable,
    mapping: &Mapping,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
    pieces: &mut PieceWriter<'_>,
) -> Result<Imported, ImportError> {
    read_sheet(table, mapping, source, progress, Some(pieces))
}

/// [`import_sheet`] and [`import_sheet_in_pieces`].
fn read_sheet(
    table: &SheetTable,
    mapping: &Mapping,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
    mut pieces: Option<&mut PieceWriter<'_>>,
) -> Result<Imported, ImportError> {
    let mut builder = Builder::new(&table.header, mapping, source, Format::Spreadsheet)?;
    for (row, record) in &table.rows {
        builder.add(record, *row, false);
        builder.write_due(pieces.as_deref_mut());
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
    if let Some(pieces) = pieces {
        builder.write(pieces);
    }
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
    events: Records,
    /// Each event id seen, with its row, to name the first row of a duplicate.
    seen: FxHashMap<String, u64>,
    tally: Tally,
    shapes: Option<GovernorateShapes>,
    /// Governorate names not recognised, warned of once each.
    unknown_governorates: UnknownGovernorates,
    /// Whether the row being read writes such a name said at an earlier row.
    noted: bool,
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
            events: Records::default(),
            seen: FxHashMap::default(),
            tally: Tally::default(),
            shapes: super::ucdp::governorate_shapes().ok(),
            unknown_governorates: UnknownGovernorates::default(),
            noted: false,
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
        self.noted = false;
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
                self.events.push(&event);
            }
        }
        self.tally.count_noted(fields.problems, self.noted);
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
            self.noted |= self.unknown_governorates.note(
                fields,
                column,
                governorate_text,
                governorate.is_some(),
            );
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

    /// Writes the events read since the last write to `pieces`, when they make a piece.
    fn write_due(&mut self, pieces: Option<&mut PieceWriter<'_>>) {
        if let Some(pieces) = pieces {
            if self.events.len() >= pieces.per_piece() {
                self.write(pieces);
            }
        }
    }

    /// Writes the events read since the last write to `pieces`, with the parties met since.
    fn write(&mut self, pieces: &mut PieceWriter<'_>) {
        let shell = self.shell();
        pieces.write(
            move || shell,
            self.parties.as_slice(),
            &[],
            &mut self.events,
        );
    }

    fn finish(mut self) -> Imported {
        self.unknown_governorates.finish(&mut self.tally.problems);
        let shell = self.shell();
        let dataset = Dataset {
            parties: self.parties.into_vec(),
            events: self.events,
            ..shell
        };
        self.tally.into_imported(dataset, self.format)
    }

    /// The collection the table becomes, without its parties and events.
    fn shell(&self) -> Dataset {
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
        Dataset {
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
            sources: vec![file_source(
                SOURCE_ID,
                Publisher::Other,
                format!("Your file: {file_name}"),
                // The language of a reader's own table is not known.
                "und",
            )],
            parties: Vec::new(),
            dyads: Vec::new(),
            events: Records::default(),
            figures: Vec::new(),
        }
    }
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
    super::without_bidi_controls(line)
}
