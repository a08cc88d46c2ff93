//! The UCDP GED importer: turns UCDP's Syria country file (GED 19.1, 2016-01-01 to 2019-11-30)
//! into the `ucdp` collection, one event per GED row, so that UCDP's events can be filtered,
//! mapped and cited beside the curated reports. Everything UCDP records is kept (its own fields in
//! [`UcdpInfo`], its side names as parties, its dyads) and nothing is guessed: UCDP does not
//! record weapons, so events get UCDP's type of violence as their kind, and it codes Russian air
//! support under the Government of Syria, so no Russian side appears. A row that cannot be mapped
//! is returned as a [`RowProblem`] with its UCDP id and reason, never dropped silently.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Display;
use std::path::Path;
use std::str::FromStr;

use serde::Deserialize;

use super::ucdp_actors;
use crate::core::date::Day;
use crate::core::geo::Polygons;
use crate::core::model::{
    ActorRef, Casualty, Citation, Collection, Dataset, DatePrecision, DateRange, Dyad, Event,
    LocationPrecision, Party, Place, Source, UcdpInfo, SCHEMA_VERSION,
};
use crate::core::vocab::{
    Actor, CasualtyGroup, EventKind, Governorate, Outcome, Publisher, Qualifier, Role,
};

/// The collection id, also the prefix of every event id.
pub const COLLECTION_ID: &str = "ucdp";
/// The one source every UCDP event cites.
pub const SOURCE_ID: &str = "ucdp-ged-syria-19.1";
/// Where the CSV lives in the project, as recorded in [`Source::file`].
pub const CSV_FILE: &str = "data/raw/ucdp/ged_syria_2016-2019.csv";

const VERSION: &str = "UCDP GED Syria 20160101-20191130 (652.1601.1911), codebook 19.1";
const SOURCE_TITLE: &str = "UCDP GED Syria 20160101-20191130 (652.1601.1911)";
const ATTRIBUTION: &str = "Data: Uppsala Conflict Data Program (UCDP), ucdp.uu.se, CC BY 4.0";
/// The two works the data's README asks users to cite, verbatim.
const CITATIONS: [&str; 2] = [
    "Sundberg, Ralph & Erik Melander (2013). \"Introducing the UCDP Georeferenced Event Dataset\". Journal of Peace Research 50(4): 523-532.",
    "Högbladh, Stina (2019). \"UCDP GED Codebook version 19.1\". Department of Peace and Conflict Research, Uppsala University.",
];

/// The CSV columns the importer reads; checked once so that a renamed column is one clear error
/// rather than a problem on every row.
const COLUMNS: [&str; 31] = [
    "id",
    "type_of_violence",
    "conflict_new_id",
    "conflict_name",
    "dyad_new_id",
    "dyad_name",
    "side_a",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
];

/// The result of an import: the collection, the rows it could not map, and remarks for the
/// person running it (how unlocated rows were placed).
#[derive(Debug, Clone)]
pub struct Import {
    pub dataset: Dataset,
    pub problems: Vec<RowProblem>,
    pub notes: Vec<String>,
}

/// A row left out of the collection, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// UCDP's event id, or `record N` when the record could not be read far enough to have one.
    pub ucdp_id: String,
    pub reason: String,
}

/// One GED row. Every field is read as text so that a bad number is reported with the row's id
/// and the field's name instead of a bare deserialisation error.
#[derive(Debug, Deserialize)]
struct Row {
    id: String,
    type_of_violence: String,
    conflict_new_id: String,
    conflict_name: String,
    dyad_new_id: String,
    dyad_name: String,
    side_a: String,
    side_b: String,
    number_of_sources: String,
    source_article: String,
    source_office: String,
    source_date: String,
    source_headline: String,
    source_original: String,
    where_prec: String,
    where_coordinates: String,
    adm_1: String,
    adm_2: String,
    latitude: String,
    longitude: String,
    event_clarity: String,
    date_prec: String,
    date_start: String,
    date_end: String,
    deaths_a: String,
    deaths_b: String,
    deaths_civilians: String,
    deaths_unknown: String,
    low: String,
    best: String,
    high: String,
}

/// Reads the GED CSV and the governorate polygons and builds the `ucdp` collection.
///
/// Fails only when a file cannot be read at all (or the polygons are not the 14 governorates);
/// rows that cannot be mapped are returned in [`Import::problems`].
pub fn import(csv_path: &Path, governorates_geojson: &Path) -> Result<Import, String> {
    let shapes = GovernorateShapes::load(governorates_geojson)?;
    let mut reader = csv::ReaderBuilder::new()
        .from_path(csv_path)
        .map_err(|e| format!("cannot open {}: {e}", csv_path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the header of {}: {e}", csv_path.display()))?
        .clone();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|column| !headers.iter().any(|header| header == *column))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{} lacks the GED column(s) {}",
            csv_path.display(),
            missing.join(", ")
        ));
    }

    let mut builder = Builder::new(&shapes);
    let mut problems = Vec::new();
    for (position, record) in reader.records().enumerate() {
        let record_label = format!("record {}", position + 1);
        let record = match record {
            Ok(record) => record,
            // An I/O error would repeat on every later record: stop instead.
            Err(e) if e.is_io_error() => {
                return Err(format!("cannot read {}: {e}", csv_path.display()))
            }
            Err(e) => {
                problems.push(RowProblem {
                    ucdp_id: record_label,
                    reason: format!("unreadable CSV record: {e}"),
                });
                continue;
            }
        };
        let ucdp_id = match record.get(0) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => record_label,
        };
        let row: Row = match record.deserialize(Some(&headers)) {
            Ok(row) => row,
            Err(e) => {
                problems.push(RowProblem {
                    ucdp_id,
                    reason: format!("unreadable CSV record: {e}"),
                });
                continue;
            }
        };
        if let Err(reason) = builder.add(&row) {
            problems.push(RowProblem { ucdp_id, reason });
        }
    }

    let notes = builder.notes();
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        collection: collection(),
        sources: vec![source()],
        parties: builder.parties,
        dyads: builder.dyads,
        events: builder.events,
        figures: Vec::new(),
    };
    Ok(Import {
        dataset,
        problems,
        notes,
    })
}

/// The bundled file's bytes: compact JSON (serde_json::to_vec) plus a trailing newline.
pub fn to_bundle(dataset: &Dataset) -> Result<Vec<u8>, String> {
    let mut bytes = serde_json::to_vec(dataset)
        .map_err(|e| format!("cannot serialise the UCDP collection: {e}"))?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn collection() -> Collection {
    Collection {
        id: COLLECTION_ID.to_string(),
        name: "UCDP Georeferenced Event Dataset: Syria 2016-2019".to_string(),
        description: "Every event in UCDP's Georeferenced Event Dataset (GED) for Syria from \
            1 January 2016 to 30 November 2019: state-based, non-state and one-sided violence \
            that killed at least one person, with UCDP's low, best and high death estimates, its \
            sides and dyads, and the source it coded each event from. UCDP does not record \
            weapons, and it codes Russian air support under the Government of Syria."
            .to_string(),
        version: Some(VERSION.to_string()),
        license: Some("CC BY 4.0".to_string()),
        attribution: vec![ATTRIBUTION.to_string()],
        citations: CITATIONS.iter().map(|c| c.to_string()).collect(),
    }
}

fn source() -> Source {
    Source {
        id: SOURCE_ID.to_string(),
        publisher: Publisher::Ucdp,
        title: SOURCE_TITLE.to_string(),
        published: None,
        published_inferred: false,
        published_note: None,
        language: "en".to_string(),
        file: Some(CSV_FILE.to_string()),
        url: None,
    }
}

/// `adm_1` as UCDP spells it, mapped to the governorate vocabulary.
pub fn governorate_from_adm1(adm_1: &str) -> Option<Governorate> {
    Some(match adm_1 {
        "Damascus Governorate" => Governorate::Damascus,
        "Aleppo Governorate" => Governorate::Aleppo,
        "Rif Dimashq Governorate" => Governorate::RifDimashq,
        "Homs Governorate" => Governorate::Homs,
        "Hamah Governorate" => Governorate::Hama,
        "Latakia Governorate" => Governorate::Latakia,
        "Idlib Governorate" => Governorate::Idlib,
        "Al Hasakah Governorate" => Governorate::AlHasakah,
        "Deir ez Zor Governorate" => Governorate::DeirEzZor,
        "Tartus Governorate" => Governorate::Tartus,
        "Ar Raqqah Governorate" => Governorate::ArRaqqah,
        "Daraa Governorate" => Governorate::Daraa,
        "As Suwayda Governorate" => Governorate::AsSuwayda,
        "Quneitra Governorate" => Governorate::Quneitra,
        _ => return None,
    })
}

/// UCDP `date_prec` (1 exact day .. 5 year).
pub fn date_precision(date_prec: u8) -> Option<DatePrecision> {
    Some(match date_prec {
        1 => DatePrecision::Day,
        2 => DatePrecision::Days,
        3 => DatePrecision::Week,
        4 => DatePrecision::Month,
        5 => DatePrecision::Year,
        _ => return None,
    })
}

/// UCDP `where_prec` (1 exact place .. 7 country or water). 6 and 7 both become `Country`: the
/// model has nothing wider, and the UCDP code is kept in [`UcdpInfo::where_prec`].
pub fn location_precision(where_prec: u8) -> Option<LocationPrecision> {
    Some(match where_prec {
        1 => LocationPrecision::Exact,
        2 => LocationPrecision::Near,
        3 => LocationPrecision::District,
        4 => LocationPrecision::Governorate,
        5 => LocationPrecision::Region,
        6 | 7 => LocationPrecision::Country,
        _ => return None,
    })
}

fn number<T>(field: &str, text: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: Display,
{
    text.parse()
        .map_err(|e| format!("{field} {text:?} is not a valid number: {e}"))
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

/// A row's governorate and how it was found.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Located {
    /// From UCDP's `adm_1`, whatever the row's `where_prec`.
    Adm1(Governorate),
    /// `adm_1` empty: the governorate polygon containing the coordinates.
    Polygon(Governorate),
    /// `adm_1` empty and outside every polygon: the governorate whose boundary is nearest, this
    /// many degrees away.
    Nearest(Governorate, f64),
    /// `adm_1` empty and located only to the country (`where_prec` 6 or 7): no governorate. The
    /// coordinates are UCDP's country point, which says nothing about the governorate.
    Country,
}

impl Located {
    fn governorate(self) -> Option<Governorate> {
        match self {
            Located::Adm1(governorate)
            | Located::Polygon(governorate)
            | Located::Nearest(governorate, _) => Some(governorate),
            Located::Country => None,
        }
    }
}

/// The governorate of a row, and how it was found. `adm_1` wins whenever UCDP gives it; without
/// it, a row located only to the country (`where_prec` 6 or 7) has none, and any finer row takes
/// the polygon containing its coordinates, or the nearest one for points just off a border.
fn locate(
    shapes: &GovernorateShapes,
    adm_1: &str,
    where_prec: u8,
    lon: f64,
    lat: f64,
) -> Result<Located, String> {
    if !adm_1.is_empty() {
        let governorate = governorate_from_adm1(adm_1)
            .ok_or_else(|| format!("adm_1 {adm_1:?} is not one of the 14 governorates"))?;
        return Ok(Located::Adm1(governorate));
    }
    if where_prec >= 6 {
        return Ok(Located::Country);
    }
    if let Some(governorate) = shapes.containing(lon, lat) {
        return Ok(Located::Polygon(governorate));
    }
    match shapes.nearest(lon, lat) {
        Some((governorate, degrees)) => Ok(Located::Nearest(governorate, degrees)),
        None => Err("adm_1 empty and no governorate polygons".to_string()),
    }
}

/// A row checked and converted, before it touches the shared party and dyad tables, so that a
/// row refused halfway leaves no trace in them.
struct Checked {
    ucdp_id: u64,
    type_of_violence: u8,
    dyad_id: u32,
    conflict_id: u32,
    side_a_actors: Vec<Actor>,
    side_b_actors: Vec<Actor>,
    date: DateRange,
    lon: f64,
    lat: f64,
    place: Place,
    located: Located,
    info: UcdpInfo,
}

/// Accumulates events and the party and dyad tables they point into.
struct Builder<'a> {
    shapes: &'a GovernorateShapes,
    parties: Vec<Party>,
    party_index: HashMap<String, u32>,
    dyads: Vec<Dyad>,
    dyad_index: HashMap<u32, u32>,
    events: Vec<Event>,
    ids: HashSet<u64>,
    by_polygon: BTreeMap<Governorate, usize>,
    by_nearest: Vec<String>,
    country_level: usize,
    adm1_disagrees: usize,
}

impl<'a> Builder<'a> {
    fn new(shapes: &'a GovernorateShapes) -> Self {
        Builder {
            shapes,
            parties: Vec::new(),
            party_index: HashMap::new(),
            dyads: Vec::new(),
            dyad_index: HashMap::new(),
            events: Vec::new(),
            ids: HashSet::new(),
            by_polygon: BTreeMap::new(),
            by_nearest: Vec::new(),
            country_level: 0,
            adm1_disagrees: 0,
        }
    }

    fn check(&self, row: &Row) -> Result<Checked, String> {
        let ucdp_id: u64 = number("id", &row.id)?;
        let type_of_violence: u8 = number("type_of_violence", &row.type_of_violence)?;
        if !(1..=3).contains(&type_of_violence) {
            return Err(format!(
                "type_of_violence {type_of_violence} is not 1, 2 or 3"
            ));
        }
        let side_actors = |label: &str, side: &str| {
            ucdp_actors::actors_for_side(side).map_err(|unknown| {
                format!(
                    "{label} {side:?} names group(s) missing from the mapping table in \
                     src/tools/ucdp_actors.rs: {}",
                    unknown.join("; ")
                )
            })
        };
        let side_a_actors = side_actors("side_a", &row.side_a)?;
        let side_b_actors = side_actors("side_b", &row.side_b)?;

        let date_prec: u8 = number("date_prec", &row.date_prec)?;
        let start = Day::parse(&row.date_start)
            .map_err(|e| format!("date_start {:?}: {e}", row.date_start))?;
        let end =
            Day::parse(&row.date_end).map_err(|e| format!("date_end {:?}: {e}", row.date_end))?;
        if end < start {
            return Err(format!(
                "date_end {} is before date_start {}",
                row.date_end, row.date_start
            ));
        }
        let date = DateRange {
            start: start.to_string(),
            end: end.to_string(),
            precision: date_precision(date_prec)
                .ok_or_else(|| format!("date_prec {date_prec} is not 1 to 5"))?,
        };

        let where_prec: u8 = number("where_prec", &row.where_prec)?;
        let precision = location_precision(where_prec)
            .ok_or_else(|| format!("where_prec {where_prec} is not 1 to 7"))?;
        if row.latitude.is_empty() || row.longitude.is_empty() {
            return Err("coordinates missing (latitude or longitude empty)".to_string());
        }
        let lat: f64 = number("latitude", &row.latitude)?;
        let lon: f64 = number("longitude", &row.longitude)?;
        if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(format!(
                "coordinates {}, {} are not a point on Earth",
                row.latitude, row.longitude
            ));
        }
        let located = locate(self.shapes, &row.adm_1, where_prec, lon, lat)?;
        let place = Place {
            name: row.where_coordinates.clone(),
            governorate: located.governorate(),
            district: non_empty(&row.adm_2),
            lat: Some(lat),
            lon: Some(lon),
            precision,
            gazetteer: None,
        };

        let info = UcdpInfo {
            id: ucdp_id,
            type_of_violence,
            dyad: 0, // Set once the dyad is interned.
            event_clarity: number("event_clarity", &row.event_clarity)?,
            date_prec,
            where_prec,
            where_coordinates: row.where_coordinates.clone(),
            adm_1: non_empty(&row.adm_1),
            number_of_sources: number("number_of_sources", &row.number_of_sources)?,
            source_office: non_empty(&row.source_office),
            source_date: non_empty(&row.source_date),
            source_article: non_empty(&row.source_article),
            source_original: (row.source_original != row.source_office)
                .then(|| row.source_original.clone()),
            deaths_a: number("deaths_a", &row.deaths_a)?,
            deaths_b: number("deaths_b", &row.deaths_b)?,
            deaths_civilians: number("deaths_civilians", &row.deaths_civilians)?,
            deaths_unknown: number("deaths_unknown", &row.deaths_unknown)?,
            low: number("low", &row.low)?,
            best: number("best", &row.best)?,
            high: number("high", &row.high)?,
        };
        Ok(Checked {
            ucdp_id,
            type_of_violence,
            dyad_id: number("dyad_new_id", &row.dyad_new_id)?,
            conflict_id: number("conflict_new_id", &row.conflict_new_id)?,
            side_a_actors,
            side_b_actors,
            date,
            lon,
            lat,
            place,
            located,
            info,
        })
    }

    fn add(&mut self, row: &Row) -> Result<(), String> {
        let checked = self.check(row)?;
        if self.ids.contains(&checked.ucdp_id) {
            return Err(format!("id {} appears more than once", checked.ucdp_id));
        }
        if let Some(&index) = self.dyad_index.get(&checked.dyad_id) {
            let dyad = self.dyads.get(index as usize);
            let party_name = |party: u32| self.parties.get(party as usize).map(|p| &p.name);
            let same = dyad.is_some_and(|d| {
                d.name == row.dyad_name
                    && d.conflict_id == checked.conflict_id
                    && d.conflict_name == row.conflict_name
                    && party_name(d.side_a) == Some(&row.side_a)
                    && party_name(d.side_b) == Some(&row.side_b)
            });
            if !same {
                return Err(format!(
                    "dyad {} was first seen with another name, conflict or sides",
                    checked.dyad_id
                ));
            }
        }

        let side_a = self.party(&row.side_a, &checked.side_a_actors)?;
        let side_b = self.party(&row.side_b, &checked.side_b_actors)?;
        let dyad = match self.dyad_index.get(&checked.dyad_id) {
            Some(&index) => index,
            None => {
                let index = u32::try_from(self.dyads.len())
                    .map_err(|_| "too many dyads for a u32 index".to_string())?;
                self.dyads.push(Dyad {
                    id: checked.dyad_id,
                    name: row.dyad_name.clone(),
                    conflict_id: checked.conflict_id,
                    conflict_name: row.conflict_name.clone(),
                    side_a,
                    side_b,
                });
                self.dyad_index.insert(checked.dyad_id, index);
                index
            }
        };
        self.ids.insert(checked.ucdp_id);

        match checked.located {
            Located::Adm1(governorate) => {
                if self.shapes.containing(checked.lon, checked.lat) != Some(governorate) {
                    self.adm1_disagrees += 1;
                }
            }
            Located::Polygon(governorate) => {
                *self.by_polygon.entry(governorate).or_default() += 1;
            }
            Located::Nearest(governorate, degrees) => {
                self.by_nearest.push(format!(
                    "{} {:?} ({}, {}) -> {} ({degrees:.4} degrees, at most {:.2} km)",
                    checked.ucdp_id,
                    row.where_coordinates,
                    row.latitude,
                    row.longitude,
                    governorate.id(),
                    km_at_most(degrees)
                ));
            }
            Located::Country => {
                self.country_level += 1;
            }
        }

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
        let summary = format!(
            "{} {relation} {} {preposition} {}: {} killed (UCDP best estimate)",
            row.side_a, row.side_b, row.where_coordinates, info.best
        );
        // The GED `source_headline` is kept only here, as the quote; without one, the article.
        let quote = if row.source_headline.is_empty() {
            row.source_article.clone()
        } else {
            row.source_headline.clone()
        };
        self.events.push(Event {
            id: format!("{COLLECTION_ID}:{}", checked.ucdp_id),
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
                source: SOURCE_ID.to_string(),
                quote,
                reported_by: non_empty(&row.source_office),
            }],
            ucdp: Some(info),
        });
        Ok(())
    }

    /// The index of the party with this name, added on first sight.
    fn party(&mut self, name: &str, actors: &[Actor]) -> Result<u32, String> {
        if let Some(&index) = self.party_index.get(name) {
            return Ok(index);
        }
        let index = u32::try_from(self.parties.len())
            .map_err(|_| "too many parties for a u32 index".to_string())?;
        self.parties.push(Party {
            name: name.to_string(),
            actors: actors.to_vec(),
        });
        self.party_index.insert(name.to_string(), index);
        Ok(index)
    }

    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.country_level > 0 {
            notes.push(format!(
                "{} rows have an empty adm_1 and are located only to the country (where_prec 6 \
                 or 7); their coordinates are UCDP's country point, so they get no governorate \
                 (their place precision is `country`).",
                self.country_level
            ));
        }
        let by_polygon: usize = self.by_polygon.values().sum();
        let unlocated = by_polygon + self.by_nearest.len();
        if unlocated > 0 {
            let counts: Vec<String> = self
                .by_polygon
                .iter()
                .map(|(governorate, count)| format!("{} {count}", governorate.id()))
                .collect();
            notes.push(format!(
                "{unlocated} rows have an empty adm_1 but are located finer than the country; \
                 their governorate comes from their coordinates: {by_polygon} lie inside a \
                 governorate polygon ({}), {} lie outside every polygon and were given the \
                 governorate of the nearest polygon edge.",
                counts.join(", "),
                self.by_nearest.len()
            ));
        }
        for nearest in &self.by_nearest {
            notes.push(format!("nearest polygon edge: {nearest}"));
        }
        if self.adm1_disagrees > 0 {
            notes.push(format!(
                "{} rows have an adm_1 that differs from the governorate polygon containing \
                 their coordinates (border places, simplified polygons); UCDP's adm_1 is kept.",
                self.adm1_disagrees
            ));
        }
        notes
    }
}

/// UCDP's total with its low and high estimates, then the parts it is made of. Zero parts are
/// left out to keep the bundle small; [`UcdpInfo`] keeps all four.
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

/// Kilometres per degree of latitude (and of longitude at the equator).
const KM_PER_DEGREE: f64 = 111.32;

/// An upper bound in km for a distance that [`crate::core::geo`] measures in plain degrees: a
/// degree of longitude is never longer than a degree of latitude, so the true distance is at most
/// this. Only used to make the notes readable.
fn km_at_most(degrees: f64) -> f64 {
    degrees * KM_PER_DEGREE
}

/// The 14 governorate polygons (read with [`crate::core::geo`]), for rows whose `adm_1` is empty
/// and that are located finer than the country.
#[derive(Debug, Clone)]
pub struct GovernorateShapes {
    polygons: Polygons,
}

impl GovernorateShapes {
    /// A FeatureCollection whose features carry the governorate's vocabulary id
    /// ([`Governorate::id`]) in `properties.name`; any other name is an error, so that a point is
    /// never placed in an area the importer cannot name.
    pub fn load(path: &Path) -> Result<Self, String> {
        let polygons = Polygons::from_geojson_file(path)?;
        Self::new(polygons).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn new(polygons: Polygons) -> Result<Self, String> {
        for (position, area) in polygons.areas.iter().enumerate() {
            if Governorate::from_id(&area.name).is_none() {
                return Err(format!(
                    "feature {position}: {:?} is not a governorate",
                    area.name
                ));
            }
        }
        Ok(GovernorateShapes { polygons })
    }

    /// The governorate whose polygon contains the point.
    pub fn containing(&self, lon: f64, lat: f64) -> Option<Governorate> {
        self.polygons
            .area_containing(lon, lat)
            .and_then(|area| Governorate::from_id(&area.name))
    }

    /// The governorate with the nearest boundary, and how far it is in degrees (0 inside).
    pub fn nearest(&self, lon: f64, lat: f64) -> Option<(Governorate, f64)> {
        self.polygons
            .nearest_area(lon, lat)
            .and_then(|(area, degrees)| Some((Governorate::from_id(&area.name)?, degrees)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adm1_names_map_to_the_fourteen_governorates() {
        assert_eq!(
            governorate_from_adm1("Hamah Governorate"),
            Some(Governorate::Hama)
        );
        assert_eq!(
            governorate_from_adm1("Deir ez Zor Governorate"),
            Some(Governorate::DeirEzZor)
        );
        assert_eq!(
            governorate_from_adm1("Ar Raqqah Governorate"),
            Some(Governorate::ArRaqqah)
        );
        assert_eq!(
            governorate_from_adm1("Al Hasakah Governorate"),
            Some(Governorate::AlHasakah)
        );
        assert_eq!(
            governorate_from_adm1("As Suwayda Governorate"),
            Some(Governorate::AsSuwayda)
        );
        let all = [
            "Damascus",
            "Aleppo",
            "Rif Dimashq",
            "Homs",
            "Hamah",
            "Latakia",
            "Idlib",
            "Al Hasakah",
            "Deir ez Zor",
            "Tartus",
            "Ar Raqqah",
            "Daraa",
            "As Suwayda",
            "Quneitra",
        ];
        let mut mapped: Vec<Governorate> = all
            .iter()
            .filter_map(|name| governorate_from_adm1(&format!("{name} Governorate")))
            .collect();
        mapped.sort();
        mapped.dedup();
        assert_eq!(mapped, Governorate::ALL.to_vec());
        assert_eq!(governorate_from_adm1(""), None);
        assert_eq!(governorate_from_adm1("Hama"), None);
    }

    #[test]
    fn precisions_follow_the_codebook() {
        let dates: Vec<_> = (0..=6).map(date_precision).collect();
        assert_eq!(
            dates,
            [
                None,
                Some(DatePrecision::Day),
                Some(DatePrecision::Days),
                Some(DatePrecision::Week),
                Some(DatePrecision::Month),
                Some(DatePrecision::Year),
                None
            ]
        );
        let places: Vec<_> = (0..=8).map(location_precision).collect();
        assert_eq!(
            places,
            [
                None,
                Some(LocationPrecision::Exact),
                Some(LocationPrecision::Near),
                Some(LocationPrecision::District),
                Some(LocationPrecision::Governorate),
                Some(LocationPrecision::Region),
                Some(LocationPrecision::Country),
                Some(LocationPrecision::Country),
                None
            ]
        );
    }

    #[test]
    fn km_at_most_is_degrees_of_latitude() {
        assert!((km_at_most(1.0) - 111.32).abs() < 1e-9);
        assert_eq!(km_at_most(0.0), 0.0);
    }

    #[test]
    fn areas_that_are_not_governorates_are_refused() {
        let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"name":"Hamah"},"geometry":{"type":"Polygon","coordinates":
            [[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#;
        let polygons = Polygons::from_geojson(geojson).unwrap_or_else(|e| panic!("{e}"));
        let refused = GovernorateShapes::new(polygons).err().unwrap_or_default();
        assert!(
            refused.contains("\"Hamah\" is not a governorate"),
            "{refused}"
        );
    }

    fn shapes() -> GovernorateShapes {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/geo/syria_governorates.geojson");
        GovernorateShapes::load(&path).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_polygons_are_the_fourteen_governorates() {
        let mut named: Vec<Governorate> = shapes()
            .polygons
            .areas
            .iter()
            .filter_map(|area| Governorate::from_id(&area.name))
            .collect();
        named.sort();
        assert_eq!(named, Governorate::ALL.to_vec());
    }

    #[test]
    fn border_points_take_the_nearest_governorate() {
        let shapes = shapes();
        // Douma, in Rif Dimashq just outside the Damascus hole.
        assert_eq!(
            shapes.containing(36.4015, 33.5722),
            Some(Governorate::RifDimashq)
        );
        // UCDP's "Syria/Turkey Border" point (rows 219380, 249538) lies just north of the border.
        assert_eq!(shapes.containing(38.95, 36.7), None);
        let nearest = shapes.nearest(38.95, 36.7);
        assert!(
            nearest.is_some_and(
                |(governorate, degrees)| governorate == Governorate::ArRaqqah
                    && km_at_most(degrees) < 1.0
            ),
            "{nearest:?}"
        );
    }

    #[test]
    fn country_level_rows_without_adm1_have_no_governorate() {
        let shapes = shapes();
        // UCDP's country point (latitude 35.0, longitude 38.0) lies in Hama.
        let (lon, lat) = (38.0, 35.0);
        assert_eq!(shapes.containing(lon, lat), Some(Governorate::Hama));
        for where_prec in [6, 7] {
            assert_eq!(
                locate(&shapes, "", where_prec, lon, lat),
                Ok(Located::Country)
            );
            // An adm_1 is kept whatever the precision.
            assert_eq!(
                locate(&shapes, "Aleppo Governorate", where_prec, lon, lat),
                Ok(Located::Adm1(Governorate::Aleppo))
            );
        }
        // Finer rows without adm_1 take the polygon.
        assert_eq!(
            locate(&shapes, "", 5, lon, lat),
            Ok(Located::Polygon(Governorate::Hama))
        );
        assert!(locate(&shapes, "Hama", 1, lon, lat).is_err());
    }
}
