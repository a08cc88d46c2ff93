//! The ACLED importer: a user's ACLED export (CSV) becomes one collection, one event per row,
//! read as a stream so that a file of a million rows never sits in memory as text.
//!
//! Columns are found by their header names (trimmed, any case, a UTF-8 byte order mark
//! removed), never by position: the current 31-column layout, the older one (`data_id`,
//! `event_id_no_cnty`, `iso3`, no `disorder_type` or `civilian_targeting`) and files with
//! extra columns (`population_best`...) all read the same. The event id is `event_id_cnty`
//! (or, in a file without it, `data_id`), prefixed with the caller's collection id.
//!
//! Decisions, each with its reason (`docs/acled-import.md` gives the whole mapping):
//!
//! - **Dates.** ACLED gives one date per event and says in `time_precision` how sure it is of
//!   it (1 the day, 2 the week, 3 the month). The date range is that one day
//!   (`start` = `end` = `event_date`) and the precision says how loose it is: ACLED does not
//!   say which week or month span it means (a calendar week? the seven days around the
//!   date?), and any span drawn around it would be a guess that moves events across the
//!   edges of a date filter. A missing `time_precision` is read as a day, with a warning.
//! - **Places.** `location` is the place's name, `admin2` its district, `admin1` its
//!   governorate whatever the spelling ("Idleb", "Rural Damascus", "As-Sweida"); an `admin1`
//!   outside Syria leaves the governorate empty and the row is kept. `admin3` and the country
//!   (outside Syria) are named in the summary. The point is ACLED's, kept only inside Syria's
//!   box (the app's map and the collection check cover Syria only): a point outside it is
//!   dropped with a warning, which says "latitude and longitude look swapped" when the two
//!   swapped would be inside Syria. `geo_precision` 1/2/3 is exact/near/governorate.
//! - **Kinds.** `event_type` and `sub_event_type` are kept as ACLED writes them; the broad
//!   kind comes from the sub-event type (`acled_fields::SUB_EVENT_TYPES`).
//! - **Actors.** Each name in `actor1`, `assoc_actor_1`, `actor2` and `assoc_actor_2` (the
//!   associated fields may list several, separated by `;`) is a party, grouped under a broad
//!   actor by `acled_actors::RULES`. The `actor1` side is the perpetrator and the `actor2`
//!   side the target in violence against civilians and explosions/remote violence; in every
//!   other type both sides are participants (`acled_fields::EVENT_TYPES`).
//! - **Deaths.** `fatalities` is one casualty of everyone killed, qualified "at least":
//!   ACLED records deaths only, and where reports disagree it takes the lowest figure, so its
//!   count is a conservative one. Zero is kept as an exact zero. In violence against civilians
//!   ACLED's victims are civilians by definition, so the same number is also given as
//!   civilians killed (inside the total, never added to it).
//! - **Citation.** The file is the one source (publisher ACLED); each event cites it with
//!   ACLED's `notes` verbatim as the quote and the `source` column as who ACLED got it from.
//!   A row without notes is kept with a warning, and its quote says in square brackets that
//!   ACLED gives no notes, naming the sub-event type and place: a marked stand-in, never text
//!   presented as ACLED's.
//!
//! Rows that cannot be mapped are skipped with a [`RowProblem`] naming the row, column and
//! value: an impossible or doubtful date, coordinates that are not on Earth, a negative or
//! non-numeric `fatalities`, an empty required field, a row with the wrong number of fields,
//! a quote never closed, an `event_id_cnty` seen before. A file whose every row is skipped
//! still imports, with no events: the problems say why.

use rustc_hash::{FxHashMap, FxHashSet};

use super::parties::Parties;
use super::ucdp::GovernorateShapes;

/// Fatalities in one event above which a row is kept with a warning: more than any single
/// event in ACLED's Syria data, so most likely a typo, and one such value outweighs the rest.
pub const LARGE_FATALITIES: u64 = 10_000;
use std::io::Read;

use super::acled_actors::{self, actor_for_name};
use super::acled_fields::{self, parse_event_date};
use super::acled_read::{Columns, Row};
use super::csv_rows::{
    csv_reader, read_record, unclosed_quote, RowNumbers, Tally, UnknownGovernorates,
};
use super::file_source;
use super::Format;
use super::{is_collection_id, FileInfo, ImportError, Imported, Progress, PROGRESS_ROWS};
use crate::core::i18n::Said;
use crate::core::model::{
    AcledInfo, ActorRef, Casualty, Citation, Collection, Dataset, DatePrecision, DateRange, Event,
    LocationPrecision, Place, SCHEMA_VERSION,
};
use crate::core::query::is_event_id;
use crate::core::records::Records;
use crate::core::validate::{PieceWriter, SYRIA_BOUNDS};
use crate::core::vocab::{Actor, CasualtyGroup, EventKind, Outcome, Publisher, Qualifier, Role};

/// The id of the one source every event cites.
pub const SOURCE_ID: &str = "acled";
/// The credit line ACLED's terms ask for.
pub const ATTRIBUTION: &str =
    "Data: Armed Conflict Location & Event Data Project (ACLED), acleddata.com";
/// The licence note of an imported collection.
pub const LICENSE: &str = "ACLED terms of use: the file stays on this device";

/// The columns an import cannot do without, as the error names them. The event id may also
/// be the older layout's `data_id`.
pub const REQUIRED: [&str; 11] = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
    "admin1",
];

/// Reads an ACLED export from `reader` and builds one collection (see the module docs).
/// `progress` is called every [`PROGRESS_ROWS`] records and once at the end.
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::HeaderOnly`], [`ImportError::MissingColumns`] (the
/// required columns, [`REQUIRED`], that the header lacks), [`ImportError::InvalidCollectionId`],
/// [`ImportError::NotADataset`] for UTF-16 text, [`ImportError::Read`] when the reader fails,
/// [`ImportError::Unreadable`] when the CSV reader gives up at a row. Rows that cannot be
/// mapped are not errors: they are in [`Imported::problems`].
pub fn import<R: Read>(
    reader: R,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    read(reader, source, progress, None)
}

/// [`import`], with the collection written in pieces to `pieces` as the rows are read (a
/// piece of events as soon as it is read, the header before the first): the collection
/// returned then holds no events. The pieces hold the same collection [`import`] returns.
///
/// # Errors
/// As [`import`]; the pieces written before an error are not a whole collection.
pub fn import_in_pieces<R: Read>(
    reader: R,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
    pieces: &mut PieceWriter<'_>,
) -> Result<Imported, ImportError> {
    read(reader, source, progress, Some(pieces))
}

/// [`import`] and [`import_in_pieces`].
fn read<R: Read>(
    reader: R,
    source: &FileInfo,
    progress: &mut dyn FnMut(Progress),
    mut pieces: Option<&mut PieceWriter<'_>>,
) -> Result<Imported, ImportError> {
    if !is_collection_id(&source.collection_id) {
        return Err(ImportError::InvalidCollectionId(
            source.collection_id.clone(),
        ));
    }
    let mut csv = csv_reader(reader).map_err(|error| ImportError::Read(error.to_string()))?;
    let mut record = csv::ByteRecord::new();
    let mut rows = RowNumbers::default();
    if !read_record(&mut csv, &mut record, 1)? {
        return Err(ImportError::Empty);
    }
    rows.of(&csv, &record);
    let columns = Columns::from_header(&record)?;

    let mut builder = Builder::new(source);
    while read_record(&mut csv, &mut record, rows.next())? {
        let row = rows.of(&csv, &record);
        // A quote left open swallows the rest of the file into this, the last, record.
        let unclosed = unclosed_quote(&csv);
        builder.add(&columns, &record, row, unclosed);
        if let Some(pieces) = pieces.as_deref_mut() {
            if builder.events.len() >= pieces.per_piece() {
                builder.write(pieces);
            }
        }
        if builder.tally.rows_read.is_multiple_of(PROGRESS_ROWS) {
            progress(Progress {
                rows: builder.tally.rows_read,
                bytes: csv.position().byte(),
            });
        }
    }
    if builder.tally.rows_read == 0 {
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

/// A named actor of a row, before its party is interned.
struct Named<'a> {
    name: &'a str,
    actor: Actor,
    role: Role,
    /// Whether it is of the `actor1` side (`actor1`, `assoc_actor_1`) or the `actor2` side.
    first_side: bool,
}

/// Accumulates the events and the parties they point into.
struct Builder<'a> {
    source: &'a FileInfo,
    parties: Parties,
    events: Records,
    /// Each event id seen, with its row, to name the first row of a duplicate.
    seen: FxHashMap<String, u64>,
    tally: Tally,
    /// The governorates' outlines, for a Syrian row whose `admin1` names none of them; `None`
    /// if they cannot be read (then such a row keeps no governorate, with a warning).
    shapes: Option<GovernorateShapes>,
    /// Countries other than Syria already warned of, once each.
    other_countries: FxHashSet<String>,
    /// Syrian rows' `admin1` names that name no governorate, warned of once each.
    unknown_governorates: UnknownGovernorates,
    /// Whether the row being read writes such a name said at an earlier row.
    noted: bool,
}

impl<'a> Builder<'a> {
    fn new(source: &'a FileInfo) -> Self {
        Builder {
            shapes: super::ucdp::governorate_shapes().ok(),
            other_countries: FxHashSet::default(),
            unknown_governorates: UnknownGovernorates::default(),
            noted: false,
            source,
            parties: Parties::default(),
            events: Records::default(),
            seen: FxHashMap::default(),
            tally: Tally::default(),
        }
    }

    /// Reads one record (spreadsheet row `row`), adding its event or its problems.
    fn add(&mut self, columns: &Columns, record: &csv::ByteRecord, row: u64, unclosed: bool) {
        let mut fields = Row {
            columns,
            record,
            row,
            problems: Vec::new(),
        };
        self.noted = false;
        if !fields.has_wrong_shape(columns.names.len(), unclosed) {
            if let Some(event) = self.event(&mut fields) {
                self.events.push(&event);
            }
        }
        self.tally.count_noted(fields.problems, self.noted);
    }

    /// The event of a row whose shape is right, or `None` with its errors in `fields`.
    fn event(&mut self, fields: &mut Row<'_>) -> Option<Event> {
        let columns = fields.columns;
        let today = self.source.today;

        let local_id = fields.required(columns.event_id);
        let id = format!("{}:{local_id}", self.source.collection_id);
        if !local_id.is_empty() && !is_event_id(&id) {
            fields.error_said(
                columns.event_id,
                local_id,
                Said::new("problem-id-not-in-link"),
            );
        } else if let Some(first) = self.seen.get(&id) {
            fields.error_said(
                columns.event_id,
                local_id,
                Said::new("problem-same-id").arg("first", first.to_string()),
            );
        }

        let date_text = fields.required(columns.event_date);
        let day = if date_text.is_empty() {
            None
        } else {
            match parse_event_date(date_text, today) {
                Ok(day) => Some(day),
                Err(said) => {
                    fields.error_said(columns.event_date, date_text, said);
                    None
                }
            }
        };
        if let (Some(day), Some(index)) = (day, columns.year) {
            let year = fields.text(index);
            if !year.is_empty() && year != day.ymd().0.to_string() {
                fields.warn_said(
                    index,
                    year,
                    Said::new("problem-acled-year").arg("day", day.to_string()),
                );
            }
        }
        let time_precision = fields.optional(columns.time_precision);
        let precision = match acled_fields::date_precision(time_precision) {
            Some(precision) => precision,
            None if time_precision.is_empty() => {
                let index = columns.time_precision.unwrap_or(columns.event_date);
                fields.warn_said(index, "", Said::new("problem-acled-no-time-precision"));
                DatePrecision::Day
            }
            None => {
                let index = columns.time_precision.unwrap_or_default();
                fields.error_said(index, time_precision, Said::new("problem-one-two-three"));
                DatePrecision::Day
            }
        };

        let event_type = fields.required(columns.event_type);
        let sub_event_type = fields.required(columns.sub_event_type);
        let (role1, role2) = match acled_fields::roles(event_type) {
            Some(roles) => roles,
            None => {
                if !event_type.is_empty() {
                    fields.warn_said(
                        columns.event_type,
                        event_type,
                        Said::new("problem-acled-event-type"),
                    );
                }
                (Role::Participant, Role::Participant)
            }
        };
        let kind = match acled_fields::kind(sub_event_type) {
            Some(kind) => kind,
            None => {
                if !sub_event_type.is_empty() {
                    fields.warn_said(
                        columns.sub_event_type,
                        sub_event_type,
                        Said::new("problem-acled-sub-event-type"),
                    );
                }
                EventKind::Other
            }
        };

        let actor1 = fields.required(columns.actor1);
        let assoc_actor_1 = fields.optional(columns.assoc_actor_1);
        let actor2 = fields.optional(columns.actor2);
        let assoc_actor_2 = fields.optional(columns.assoc_actor_2);
        let mut named = Vec::new();
        for (field, role, first_side) in [
            (actor1, role1, true),
            (assoc_actor_1, role1, true),
            (actor2, role2, false),
            (assoc_actor_2, role2, false),
        ] {
            for name in acled_actors::names(field) {
                // A name seen before keeps the category it got then: the rules run once per
                // distinct name, not once per row.
                let known = self.parties.actor_of(name);
                if let Some(actor) = known.or_else(|| actor_for_name(name)) {
                    named.push(Named {
                        name,
                        actor,
                        role,
                        first_side,
                    });
                }
            }
        }

        let place = self.place(fields);

        let fatalities_text = fields.required(columns.fatalities);
        let fatalities = if fatalities_text.is_empty() {
            None
        } else {
            match fatalities_text.parse::<u64>() {
                // The table counts in 32 bits: a larger number could not be summed exactly,
                // and no event comes near it.
                Ok(count) if count > u64::from(u32::MAX) => {
                    fields.error_said(
                        columns.fatalities,
                        fatalities_text,
                        Said::new("problem-far-too-many-fatalities"),
                    );
                    None
                }
                Ok(count) => {
                    if count > LARGE_FATALITIES {
                        fields.warn_said(
                            columns.fatalities,
                            fatalities_text,
                            Said::new("problem-many-fatalities")
                                .arg("limit", LARGE_FATALITIES.to_string()),
                        );
                    }
                    Some(count)
                }
                Err(_) => {
                    let digits = fatalities_text.bytes().all(|b| b.is_ascii_digit());
                    let key = if fatalities_text.starts_with('-') {
                        "problem-negative-fatalities"
                    } else if digits {
                        "problem-too-many-fatalities"
                    } else {
                        "problem-not-whole-fatalities"
                    };
                    fields.error_said(columns.fatalities, fatalities_text, Said::new(key));
                    None
                }
            }
        };
        if kind.is_milestone() && fatalities.is_some_and(|count| count > 0) {
            fields.warn_said(
                columns.fatalities,
                fatalities_text,
                Said::new("problem-milestone-fatalities"),
            );
        }

        let notes = fields.text(columns.notes);
        let reported_by = fields.optional(columns.source);

        if fields.has_errors() {
            return None;
        }
        let (day, place, fatalities) = (day?, place?, fatalities?);
        if notes.is_empty() {
            fields.warn_said(columns.notes, "", Said::new("problem-acled-no-notes"));
        }

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
        let relation = match (role1, event_type.eq_ignore_ascii_case("Battles")) {
            (Role::Perpetrator, _) => "against",
            (_, true) => "vs",
            _ => "and",
        };
        let summary = summary(sub_event_type, &place, fields, &named, relation, fatalities);
        let quote = if notes.is_empty() {
            format!(
                "[ACLED gives no notes for this event: {sub_event_type} at {}]",
                place.name
            )
        } else {
            notes.to_string()
        };
        let columns = fields.columns;
        let mut kept = std::collections::BTreeMap::new();
        for &index in &columns.others {
            let value = fields.text(index);
            if let (false, Some(name)) = (value.is_empty(), columns.names.get(index)) {
                kept.insert(name.clone(), value.to_string());
            }
        }
        let acled = AcledInfo {
            event_id_cnty: local_id.to_string(),
            fields: kept,
        };
        self.seen.insert(id.clone(), fields.row);
        Some(Event {
            id,
            date: DateRange {
                start: day.to_string(),
                end: day.to_string(),
                precision,
            },
            places: vec![place],
            actors,
            kind,
            event_type: Some(event_type.to_string()),
            sub_event_type: Some(sub_event_type.to_string()),
            count: None,
            casualties: casualties(fatalities, event_type),
            facilities: Vec::new(),
            weapons: Vec::new(),
            summary,
            citations: vec![Citation {
                source: SOURCE_ID.to_string(),
                quote,
                reported_by: (!reported_by.is_empty()).then(|| reported_by.to_string()),
            }],
            ucdp: None,
            acled: Some(Box::new(acled)),
        })
    }

    /// The row's place, or `None` with its errors in `fields`.
    fn place(&mut self, fields: &mut Row<'_>) -> Option<Place> {
        let columns = fields.columns;
        let location = fields.required(columns.location);
        let admin1 = fields.text(columns.admin1);
        let admin2 = fields.optional(columns.admin2);
        let country = fields.optional(columns.country);
        let governorate = acled_fields::governorate(admin1);
        let geo_precision = fields.optional(columns.geo_precision);
        let precision = match acled_fields::location_precision(geo_precision) {
            Some(precision) => precision,
            None if geo_precision.is_empty() => {
                let index = columns.geo_precision.unwrap_or(columns.location);
                fields.warn_said(index, "", Said::new("problem-acled-no-geo-precision"));
                LocationPrecision::Governorate
            }
            None => {
                let index = columns.geo_precision.unwrap_or_default();
                fields.error_said(index, geo_precision, Said::new("problem-one-two-three"));
                LocationPrecision::Governorate
            }
        };
        let lat = fields.coordinate(columns.latitude, 90.0);
        let lon = fields.coordinate(columns.longitude, 180.0);
        let syrian = country.is_empty() || country.eq_ignore_ascii_case("syria");
        // A Syrian row whose admin1 is misspelt or empty would drop out of every governorate
        // figure without a word: its coordinates place it instead. Said once per name, with
        // its rows counted, a row left out for another reason included.
        let governorate = match governorate {
            Some(found) => Some(found),
            None if syrian => {
                let located = lat
                    .zip(lon)
                    .zip(self.shapes.as_ref())
                    .and_then(|((lat, lon), shapes)| shapes.containing(lon, lat));
                self.noted |= self.unknown_governorates.note(
                    fields,
                    columns.admin1,
                    admin1,
                    located.is_some(),
                );
                located
            }
            None => {
                if self.other_countries.insert(country.to_lowercase()) {
                    fields.warn_said(
                        columns.country.unwrap_or(columns.admin1),
                        country,
                        Said::new("problem-acled-other-country"),
                    );
                }
                None
            }
        };
        let (lat, lon) = (lat?, lon?);
        let point = if SYRIA_BOUNDS.contains(lat, lon) {
            Some((lat, lon))
        } else {
            let in_syria = governorate.is_some() || country.eq_ignore_ascii_case("syria");
            let value = format!("{lat}, {lon}");
            if in_syria && SYRIA_BOUNDS.contains(lon, lat) {
                fields.warn_said(
                    columns.latitude,
                    &value,
                    Said::new("problem-swapped-coordinates"),
                );
            } else if in_syria {
                fields.warn_said(
                    columns.latitude,
                    &value,
                    Said::new("problem-outside-syria-placed"),
                );
            } else {
                fields.warn_said(
                    columns.latitude,
                    &value,
                    Said::new("problem-outside-syria-map"),
                );
            }
            None
        };
        Some(Place {
            name: location.to_string(),
            governorate,
            district: (!admin2.is_empty()).then(|| admin2.to_string()),
            lat: point.map(|(lat, _)| lat),
            lon: point.map(|(_, lon)| lon),
            precision,
            gazetteer: None,
        })
    }

    /// Writes the events read since the last write to `pieces`, with the parties met since.
    fn write(&mut self, pieces: &mut PieceWriter<'_>) {
        let source = self.source;
        pieces.write(
            || shell(source),
            self.parties.as_slice(),
            &[],
            &mut self.events,
        );
    }

    fn finish(mut self) -> Imported {
        self.unknown_governorates.finish(&mut self.tally.problems);
        let dataset = Dataset {
            parties: self.parties.into_vec(),
            events: self.events,
            ..shell(self.source)
        };
        self.tally.into_imported(dataset, Format::Acled)
    }
}

/// The collection an export becomes, without its parties and events.
fn shell(source: &FileInfo) -> Dataset {
    let file_name = &source.file_name;
    Dataset {
        schema_version: SCHEMA_VERSION,
        collection: Collection {
            id: source.collection_id.clone(),
            name: file_name.clone(),
            description: format!(
                "Your own ACLED export “{file_name}”, read on this device: one event per \
                     row, with ACLED's event and sub-event types, actors, place, fatalities \
                     and notes. Nothing was uploaded."
            ),
            version: None,
            license: Some(LICENSE.to_string()),
            attribution: vec![ATTRIBUTION.to_string()],
            citations: Vec::new(),
        },
        sources: vec![file_source(
            SOURCE_ID,
            Publisher::Acled,
            format!("ACLED export: {file_name}"),
            "en",
        )],
        parties: Vec::new(),
        dyads: Vec::new(),
        events: Records::default(),
        figures: Vec::new(),
    }
}

/// ACLED's fatalities as casualties: everyone killed, "at least" (ACLED's count is
/// conservative; an exact zero when it is zero), and in violence against civilians the same
/// number as civilians killed, which the total already includes.
fn casualties(fatalities: u64, event_type: &str) -> Vec<Casualty> {
    let killed = |group| Casualty {
        group,
        outcome: Outcome::Killed,
        low: None,
        best: Some(fatalities),
        high: None,
        qualifier: if fatalities == 0 {
            Qualifier::Exact
        } else {
            Qualifier::AtLeast
        },
        wording: None,
        party: None,
    };
    let mut casualties = vec![killed(CasualtyGroup::All)];
    if event_type.eq_ignore_ascii_case("Violence against civilians") && fatalities > 0 {
        casualties.push(killed(CasualtyGroup::Civilians));
    }
    casualties
}

/// One plain line from the row's fields: "Air/drone strike at Kafr Nabl (Kafr Nabl, Maarrat
/// An Nu'man, Idleb): Military Forces of Russia (2000-) against Civilians (Syria); 2
/// fatalities (ACLED's conservative count)". `relation` joins the two sides: "against",
/// "vs" or "and".
fn summary(
    sub_event_type: &str,
    place: &Place,
    fields: &mut Row<'_>,
    named: &[Named<'_>],
    relation: &str,
    fatalities: u64,
) -> String {
    let columns = fields.columns;
    let admin3 = fields.optional(columns.admin3);
    let admin2 = fields.optional(columns.admin2);
    let admin1 = fields.text(columns.admin1);
    let country = fields.optional(columns.country);
    let mut areas: Vec<&str> = Vec::new();
    for area in [admin3, admin2, admin1] {
        if !area.is_empty() && !areas.contains(&area) {
            areas.push(area);
        }
    }
    let outside = place.governorate.is_none() && !country.eq_ignore_ascii_case("syria");
    if outside && !country.is_empty() {
        areas.push(country);
    }
    // Written piece by piece into one string: a row's summary is on the reading's hot path.
    let mut line = String::with_capacity(160);
    line.push_str(sub_event_type);
    line.push_str(" at ");
    line.push_str(&place.name);
    if !areas.is_empty() {
        line.push_str(" (");
        push_joined(&mut line, areas.iter().copied());
        line.push(')');
    }
    let side = |first_side: bool| {
        named
            .iter()
            .filter(move |n| n.first_side == first_side)
            .map(|n| n.name)
    };
    if side(true).next().is_some() {
        line.push_str(": ");
        push_joined(&mut line, side(true));
        if side(false).next().is_some() {
            line.push(' ');
            line.push_str(relation);
            line.push(' ');
            push_joined(&mut line, side(false));
        }
    }
    match fatalities {
        0 => line.push_str("; no fatalities recorded (ACLED)"),
        1 => line.push_str("; 1 fatality (ACLED's conservative count)"),
        n => {
            line.push_str("; ");
            line.push_str(&n.to_string());
            line.push_str(" fatalities (ACLED's conservative count)");
        }
    }
    super::without_bidi_controls(line)
}

/// Appends `parts` to `line`, a comma and a space between two.
fn push_joined<'a>(line: &mut String, parts: impl Iterator<Item = &'a str>) {
    for (index, part) in parts.enumerate() {
        if index > 0 {
            line.push_str(", ");
        }
        line.push_str(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab::Governorate;

    #[test]
    fn zero_fatalities_are_an_exact_zero_and_civilians_only_in_violence_against_them() {
        let zero = casualties(0, "Battles");
        assert_eq!(zero.len(), 1);
        assert_eq!(
            (zero[0].best, zero[0].qualifier),
            (Some(0), Qualifier::Exact)
        );
        let civilians = casualties(3, "Violence against civilians");
        let groups: Vec<_> = civilians.iter().map(|c| (c.group, c.best)).collect();
        assert_eq!(
            groups,
            [
                (CasualtyGroup::All, Some(3)),
                (CasualtyGroup::Civilians, Some(3))
            ]
        );
        assert!(civilians.iter().all(|c| c.qualifier == Qualifier::AtLeast));
        assert_eq!(casualties(3, "Explosions/Remote violence").len(), 1);
    }

    #[test]
    fn governorate_is_used_for_the_syria_test() {
        // The swapped-point warning relies on the box holding both orders' overlap.
        assert!(SYRIA_BOUNDS.contains(36.2, 37.1));
        assert!(!SYRIA_BOUNDS.contains(40.1, 36.2) && SYRIA_BOUNDS.contains(36.2, 40.1));
        assert_eq!(acled_fields::governorate("Idleb"), Some(Governorate::Idlib));
    }
}
