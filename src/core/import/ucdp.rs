//! The UCDP GED importer: a UCDP Georeferenced Event Dataset CSV becomes one collection, one
//! event per GED row, read as a stream. It is the one code path for both the bundled `ucdp`
//! collection (`dataset import-ucdp`, which builds `public/data/ucdp.json` from UCDP's Syria
//! file) and a user's own GED file opened in the browser's worker.
//!
//! Columns are found by name (`ucdp_columns`): the 19.1-era layouts, the 49 columns of GED 23.1
//! to 25.1, and a 49-column file without its header row all read the same. A UTF-8 byte order
//! mark is skipped, and a time of day after `date_start`/`date_end` is dropped.
//!
//! Everything UCDP records is kept (its own fields in [`UcdpInfo`], its side names as parties,
//! its dyads) and nothing is guessed:
//!
//! - **Kinds.** UCDP does not record weapons, so an event's kind is UCDP's `type_of_violence`:
//!   state-based, non-state or one-sided violence. In one-sided violence `side_a` is the
//!   perpetrator and `side_b` the target; otherwise both sides are participants.
//! - **Sides.** Each distinct `side_a`/`side_b` is a party; its actors come from the closed table
//!   of UCDP's Syrian groups (`ucdp_actors`). A group the table does not know is grouped under
//!   "Other named groups" with a warning on the first row that names it.
//! - **Places.** `where_coordinates` is the place, `adm_2` its district. The governorate is
//!   `adm_1`'s; without one, a row located only to the country (`where_prec` 6 or 7) has none
//!   (its coordinates are UCDP's country point), and a finer row takes the governorate polygon
//!   containing its coordinates, or the nearest for a point just off a border. A row outside
//!   Syria (a global GED file) is kept with no governorate and no point on the map, which shows
//!   Syria only, with a warning on the first row of each country.
//! - **Deaths.** UCDP's `best` with its `low` and `high` is the total killed; `deaths_a`,
//!   `deaths_b`, `deaths_civilians` and `deaths_unknown` are its parts. A `best` outside
//!   `low..high` (UCDP publishes some) is kept as published, with a warning.
//! - **Citation.** The file is the one source; each event quotes UCDP's `source_headline`
//!   (without one, `source_article`) and names `source_office` as who reported it. HTML
//!   character references in the quote (`&#8220;`, which UCDP keeps from some web pages) are
//!   given as their characters; such a headline is also kept as UCDP gives it.
//!
//! Rows that cannot be mapped are skipped with a [`RowProblem`] naming the row, column and value
//! (the UCDP id is the row's `id` column): a bad or impossible date, `date_end` before
//! `date_start`, a negative or non-numeric number, a code out of UCDP's range, coordinates not
//! on Earth, a row with the wrong number of fields, a quote never closed, an id seen before, a
//! dyad id seen with other sides.

use std::collections::HashMap;
use std::io::Read;

use super::csv_rows::{csv_reader, header_names, read_record, unclosed_quote, RowNumbers, Tally};
use super::file_source;
use super::parties::Parties;
use super::ucdp_check::{Checked, Checker, Row};
use super::ucdp_columns::Columns;
pub use super::ucdp_columns::{GED_49, REQUIRED};
pub use super::ucdp_fields::{governorate_from_adm1, GovernorateShapes, Located};
use super::{
    is_collection_id, looks_like_headerless_ged, FileInfo, Format, ImportError, Imported, Progress,
    PROGRESS_ROWS,
};
use crate::core::i18n::Said;
use crate::core::model::{
    ActorRef, Casualty, Citation, Collection, Dataset, Dyad, Event, Source, UcdpInfo,
    SCHEMA_VERSION,
};
use crate::core::records::Records;
use crate::core::validate::PieceWriter;
use crate::core::vocab::{CasualtyGroup, EventKind, Outcome, Publisher, Qualifier, Role};

/// The id of the one source every event of a user's file cites.
pub const SOURCE_ID: &str = "ucdp-ged";
/// The credit line UCDP's licence (CC BY 4.0) asks for.
pub const ATTRIBUTION: &str = "Data: Uppsala Conflict Data Program (UCDP), ucdp.uu.se, CC BY 4.0";
/// The licence of UCDP's data.
pub const LICENSE: &str = "CC BY 4.0";
/// The article UCDP asks users of the GED to cite, verbatim.
pub const GED_CITATION: &str = "Sundberg, Ralph & Erik Melander (2013). \"Introducing the UCDP Georeferenced Event Dataset\". Journal of Peace Research 50(4): 523-532.";

/// The governorate outlines the app embeds (`data/geo/syria_governorates.geojson`), for
/// [`import`]: what the browser's worker passes.
///
/// # Errors
/// [`ImportError::Shapes`] if the embedded file were not the 14 governorates' polygons.
pub fn governorate_shapes() -> Result<GovernorateShapes, ImportError> {
    GovernorateShapes::from_geojson(include_str!("../../../data/geo/syria_governorates.geojson"))
        .map_err(ImportError::Shapes)
}

/// How the collection and its one source are described. The collection's id is always the
/// caller's [`FileInfo::collection_id`].
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    /// The collection's name, description, version, licence, attribution and citations.
    pub collection: Collection,
    /// The source every event cites.
    pub source: Source,
}

impl Description {
    /// A user's own GED file, named after it: UCDP's licence, attribution line and citation,
    /// and a source titled "UCDP GED file: <file name>" (id [`SOURCE_ID`]).
    pub fn users_file(source: &FileInfo) -> Description {
        let file_name = &source.file_name;
        Description {
            collection: Collection {
                id: source.collection_id.clone(),
                name: file_name.clone(),
                description: format!(
                    "Your own UCDP GED file “{file_name}”, read on this device: one event per \
                     row, with UCDP's type of violence, sides and dyads, place, low, best and \
                     high death estimates and the source UCDP coded each event from. UCDP does \
                     not record weapons. Nothing was uploaded."
                ),
                version: None,
                license: Some(LICENSE.to_string()),
                attribution: vec![ATTRIBUTION.to_string()],
                citations: vec![GED_CITATION.to_string()],
            },
            source: file_source(
                SOURCE_ID,
                Publisher::Ucdp,
                format!("UCDP GED file: {file_name}"),
                "en",
            ),
        }
    }
}

/// Reads a user's UCDP GED CSV from `reader` and builds one collection described as the user's
/// own file ([`Description::users_file`]; see the module docs for the mapping). `shapes` are
/// the governorate polygons ([`governorate_shapes`]). `progress` is called every
/// [`PROGRESS_ROWS`] records and once at the end.
///
/// # Errors
/// As [`import_described`].
pub fn import<R: Read>(
    reader: R,
    source: &FileInfo,
    shapes: &GovernorateShapes,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    import_described(
        reader,
        source,
        Description::users_file(source),
        shapes,
        progress,
    )
}

/// [`import`] with the collection and its source described by the caller (the bundled
/// collection keeps its own title, version and citations).
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::HeaderOnly`], [`ImportError::MissingColumns`] (the
/// [`REQUIRED`] columns the header lacks), [`ImportError::InvalidCollectionId`],
/// [`ImportError::NotADataset`] for UTF-16 text, [`ImportError::Read`] when the reader fails,
/// [`ImportError::Unreadable`] when the CSV reader gives up at a row. Rows that cannot be
/// mapped are not errors: they are in [`Imported::problems`].
pub fn import_described<R: Read>(
    reader: R,
    source: &FileInfo,
    description: Description,
    shapes: &GovernorateShapes,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    read(reader, source, description, shapes, progress, None)
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
    shapes: &GovernorateShapes,
    progress: &mut dyn FnMut(Progress),
    pieces: &mut PieceWriter<'_>,
) -> Result<Imported, ImportError> {
    let description = Description::users_file(source);
    read(reader, source, description, shapes, progress, Some(pieces))
}

/// [`import_described`] and [`import_in_pieces`].
fn read<R: Read>(
    reader: R,
    source: &FileInfo,
    description: Description,
    shapes: &GovernorateShapes,
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
    let first_row = rows.of(&csv, &record);
    let first = without_bom(&record);
    let first_fields: Vec<String> = first
        .iter()
        .map(|field| String::from_utf8_lossy(field).into_owned())
        .collect();
    let headerless = looks_like_headerless_ged(&first_fields);
    let columns = if headerless {
        Columns::headerless()?
    } else {
        Columns::from_names(header_names(&record)?)?
    };

    let mut builder = Builder::new(source, description, shapes);
    let mut report = |builder: &mut Builder<'_>, bytes: u64| {
        if let Some(pieces) = pieces.as_deref_mut() {
            if builder.events.len() >= pieces.per_piece() {
                builder.write(pieces);
            }
        }
        if builder.tally.rows_read.is_multiple_of(PROGRESS_ROWS) {
            progress(Progress {
                rows: builder.tally.rows_read,
                bytes,
            });
        }
    };
    if headerless {
        builder.add(&columns, &first, first_row, unclosed_quote(&csv));
        report(&mut builder, csv.position().byte());
    }
    while read_record(&mut csv, &mut record, rows.next())? {
        let row = rows.of(&csv, &record);
        // A quote left open swallows the rest of the file into this, the last, record.
        builder.add(&columns, &record, row, unclosed_quote(&csv));
        report(&mut builder, csv.position().byte());
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

/// The record with a UTF-8 byte order mark taken off its first field (the `csv` crate keeps
/// it when it reads no header).
fn without_bom(record: &csv::ByteRecord) -> csv::ByteRecord {
    record
        .iter()
        .enumerate()
        .map(|(index, field)| match index {
            0 => field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field),
            _ => field,
        })
        .collect()
}

/// Accumulates the events and the party and dyad tables they point into.
struct Builder<'a> {
    source: &'a FileInfo,
    description: Description,
    parties: Parties,
    dyads: Vec<Dyad>,
    dyad_index: HashMap<u32, u32>,
    events: Records,
    checker: Checker<'a>,
    tally: Tally,
}

impl<'a> Builder<'a> {
    fn new(source: &'a FileInfo, description: Description, shapes: &'a GovernorateShapes) -> Self {
        Builder {
            source,
            description,
            parties: Parties::default(),
            dyads: Vec::new(),
            dyad_index: HashMap::new(),
            events: Records::default(),
            checker: Checker::new(shapes, source.today),
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
        if !fields.has_wrong_shape(columns.names.len(), unclosed) {
            if let Some(checked) = self.checker.check(&mut fields) {
                self.push(checked, &mut fields);
            }
        }
        self.tally.count(fields.problems);
    }

    /// Adds a checked row's event, interning its sides and dyad; an error in `fields` instead
    /// when its dyad id was first seen with other names or sides.
    fn push(&mut self, checked: Checked<'_>, fields: &mut Row<'_>) {
        let c = fields.columns;
        if let Some(&index) = self.dyad_index.get(&checked.dyad_id) {
            let dyad = self.dyads.get(index as usize);
            let party_name = |party: u32| self.parties.get(party).map(|p| p.name.as_str());
            let same = dyad.is_some_and(|d| {
                d.name == checked.dyad_name
                    && d.conflict_id == checked.conflict_id
                    && d.conflict_name == checked.conflict_name
                    && party_name(d.side_a) == Some(checked.side_a)
                    && party_name(d.side_b) == Some(checked.side_b)
            });
            if !same {
                let text = fields.text(c.dyad_new_id);
                fields.error_said(c.dyad_new_id, text, Said::new("problem-ucdp-dyad-changed"));
                return;
            }
        }
        let (Some(side_a), Some(side_b)) = (
            self.parties
                .index_of(checked.side_a, &checked.side_a_actors),
            self.parties
                .index_of(checked.side_b, &checked.side_b_actors),
        ) else {
            fields.whole_row_said(Said::new("problem-too-many-parties"));
            return;
        };
        let dyad = match self.dyad_index.get(&checked.dyad_id) {
            Some(&index) => index,
            None => {
                let Ok(index) = u32::try_from(self.dyads.len()) else {
                    fields.whole_row_said(Said::new("problem-too-many-dyads"));
                    return;
                };
                self.dyads.push(Dyad {
                    id: checked.dyad_id,
                    name: checked.dyad_name.to_string(),
                    conflict_id: checked.conflict_id,
                    conflict_name: checked.conflict_name.to_string(),
                    side_a,
                    side_b,
                });
                self.dyad_index.insert(checked.dyad_id, index);
                index
            }
        };
        self.checker.seen.insert(checked.ucdp_id, fields.row);
        self.events.push(&event(
            &self.source.collection_id,
            &self.description.source.id,
            checked,
            side_a,
            side_b,
            dyad,
        ));
    }

    /// Writes the events read since the last write to `pieces`, with the parties and dyads
    /// met since.
    fn write(&mut self, pieces: &mut PieceWriter<'_>) {
        let (source, description) = (self.source, &self.description);
        pieces.write(
            || shell(source, description.clone()),
            self.parties.as_slice(),
            &self.dyads,
            &mut self.events,
        );
    }

    fn finish(self) -> Imported {
        let dataset = Dataset {
            parties: self.parties.into_vec(),
            dyads: self.dyads,
            events: self.events,
            ..shell(self.source, self.description)
        };
        self.tally.into_imported(dataset, Format::UcdpGed)
    }
}

/// The collection `description` makes of the file `source`, without parties, dyads and events.
fn shell(source: &FileInfo, description: Description) -> Dataset {
    let Description {
        mut collection,
        source: cited,
    } = description;
    collection.id = source.collection_id.clone();
    Dataset {
        schema_version: SCHEMA_VERSION,
        collection,
        sources: vec![cited],
        parties: Vec::new(),
        dyads: Vec::new(),
        events: Records::default(),
        figures: Vec::new(),
    }
}

/// A checked row's event, its sides and dyad interned (`side_a`, `side_b`, `dyad` are their
/// indexes).
fn event(
    collection_id: &str,
    source_id: &str,
    checked: Checked<'_>,
    side_a: u32,
    side_b: u32,
    dyad: u32,
) -> Event {
    let one_sided = checked.type_of_violence == 3;
    let (role_a, role_b) = if one_sided {
        (Role::Perpetrator, Role::Target)
    } else {
        (Role::Participant, Role::Participant)
    };
    let actors = checked
        .side_a_actors
        .iter()
        .map(|&actor| ActorRef {
            actor,
            role: role_a,
            party: Some(side_a),
        })
        .chain(checked.side_b_actors.iter().map(|&actor| ActorRef {
            actor,
            role: role_b,
            party: Some(side_b),
        }))
        .collect();
    let kind = match checked.type_of_violence {
        1 => EventKind::StateBasedViolence,
        2 => EventKind::NonStateViolence,
        _ => EventKind::OneSidedViolence,
    };
    let info = UcdpInfo {
        dyad,
        ..checked.info
    };
    let casualties = casualties(&info, side_a, side_b);
    let relation = if one_sided { "against" } else { "vs" };
    // "at Teir Maaleh village" but "in Ar Rastan district", "in Syria".
    let preposition = if info.where_prec <= 2 { "at" } else { "in" };
    let country = checked
        .abroad
        .map(|country| format!(" ({country})"))
        .unwrap_or_default();
    let summary = super::without_bidi_controls(format!(
        "{} {relation} {} {preposition} {}{country}: {} killed (UCDP best estimate)",
        checked.side_a, checked.side_b, info.where_coordinates, info.best
    ));
    let reported_by = info.source_office.clone();
    Event {
        id: format!("{collection_id}:{}", checked.ucdp_id),
        date: checked.date,
        places: vec![checked.place],
        actors,
        kind,
        event_type: None,
        sub_event_type: None,
        count: None,
        casualties,
        facilities: Vec::new(),
        weapons: Vec::new(),
        summary,
        citations: vec![Citation {
            source: source_id.to_string(),
            quote: checked.quote,
            reported_by,
        }],
        ucdp: Some(Box::new(info)),
        acled: None,
    }
}

/// UCDP's total with its low and high estimates, then the parts it is made of. Zero parts are
/// left out to keep the collection small; [`UcdpInfo`] keeps all four.
fn casualties(info: &UcdpInfo, side_a: u32, side_b: u32) -> Vec<Casualty> {
    let part = |group, best, party| Casualty {
        group,
        outcome: Outcome::Killed,
        low: None,
        best: Some(best),
        high: None,
        qualifier: Qualifier::Exact,
        wording: None,
        party,
    };
    let mut casualties = vec![Casualty {
        group: CasualtyGroup::All,
        outcome: Outcome::Killed,
        low: Some(info.low),
        best: Some(info.best),
        high: Some(info.high),
        qualifier: Qualifier::Exact,
        wording: None,
        party: None,
    }];
    let parts = [
        (CasualtyGroup::Combatants, info.deaths_a, Some(side_a)),
        (CasualtyGroup::Combatants, info.deaths_b, Some(side_b)),
        (CasualtyGroup::Civilians, info.deaths_civilians, None),
        (CasualtyGroup::Unknown, info.deaths_unknown, None),
    ];
    for (group, best, party) in parts {
        if best > 0 {
            casualties.push(part(group, best, party));
        }
    }
    casualties
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_outlines_are_the_fourteen_governorates() {
        let shapes = governorate_shapes().unwrap_or_else(|e| panic!("{e}"));
        // Douma, in Rif Dimashq just outside the Damascus hole.
        assert_eq!(
            shapes.containing(36.4015, 33.5722),
            Some(crate::core::vocab::Governorate::RifDimashq)
        );
    }

    #[test]
    fn zero_parts_are_left_out_of_the_casualties() {
        let info = UcdpInfo {
            id: 1,
            type_of_violence: 1,
            dyad: 0,
            event_clarity: 1,
            date_prec: 1,
            where_prec: 1,
            where_coordinates: String::new(),
            adm_1: None,
            number_of_sources: 1,
            source_office: None,
            source_date: None,
            source_article: None,
            source_original: None,
            source_headline: None,
            deaths_a: 2,
            deaths_b: 0,
            deaths_civilians: 1,
            deaths_unknown: 0,
            low: 3,
            best: 3,
            high: 5,
        };
        let groups: Vec<_> = casualties(&info, 0, 1)
            .iter()
            .map(|c| (c.group, c.best, c.party))
            .collect();
        assert_eq!(
            groups,
            [
                (CasualtyGroup::All, Some(3), None),
                (CasualtyGroup::Combatants, Some(2), Some(0)),
                (CasualtyGroup::Civilians, Some(1), None)
            ]
        );
    }
}
