//! The dataset model: what one collection file holds, as serde types.
//!
//! A collection (the curated reports, the UCDP import, a user's own file) is one JSON document:
//! its sources, the incidents ("events") it documents, and the tallies over a period ("reported
//! figures") that monitors publish. Events and figures are kept apart on purpose: a toll over two
//! years is not an incident and must never be summed with incidents. Every event and figure cites
//! a source with a verbatim quote, and every number keeps the words it was reported in.
//! `docs/data-format.md` explains each field with examples from the reports.

use serde::{Deserialize, Serialize};

use super::records::Records;

use super::vocab::{
    Actor, CasualtyGroup, EventKind, Facility, Governorate, Metric, Outcome, Publisher, Qualifier,
    Role,
};

/// The version of this model that a file was written for. Readers refuse other versions with a
/// clear message rather than guessing at renamed fields.
pub const SCHEMA_VERSION: u32 = 1;

fn is_false(value: &bool) -> bool {
    !*value
}

/// One collection file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dataset {
    pub schema_version: u32,
    pub collection: Collection,
    pub sources: Vec<Source>,
    /// Named parties as the source names them (for example UCDP's "Ahrar al-Sham, HTS, Southern
    /// Front"), each mapped to the actor vocabulary. Events reference them by index so that a
    /// long name is stored once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// UCDP dyads (side A against side B) referenced by index from [`UcdpInfo::dyad`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dyads: Vec<Dyad>,
    // The incidents: in the file an array of `Event`s, held compactly in memory (`Records`,
    // each decoded when read). A plain comment: the published schema describes the file.
    pub events: Records,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<ReportedFigure>,
}

impl Dataset {
    /// The source a citation names, when this file has it.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }
}

/// What the collection is and how to credit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Collection {
    /// Short stable id used in URLs and record ids, for example `curated` or `ucdp`.
    pub id: String,
    pub name: String,
    pub description: String,
    /// The version of the underlying data, for example "UCDP GED Syria 652.1601.1911".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Lines to show wherever this collection's data is shown or exported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attribution: Vec<String>,
    /// Works to cite when using the collection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
}

/// A report, article or dataset that events and figures cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    /// Stable id, unique within the file, for example `sohr-russia-m62`.
    pub id: String,
    pub publisher: Publisher,
    pub title: String,
    /// Publication date `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// True when `published` was inferred from the text rather than printed in it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub published_inferred: bool,
    /// How the date was inferred, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_note: Option<String>,
    /// BCP 47 language tag of the text, for example `en`.
    pub language: String,
    /// The project file holding the source text (`data/sources/...`), which quotes are checked
    /// against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Only ever a URL printed by the source itself; never constructed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A party as its source names it, mapped to the actor vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Party {
    /// The name exactly as the source gives it.
    pub name: String,
    /// Every vocabulary actor the name stands for: one per group of a coalition side.
    pub actors: Vec<Actor>,
}

/// A UCDP dyad: the two sides of a conflict relation, with the conflict it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dyad {
    pub id: u32,
    pub name: String,
    pub conflict_id: u32,
    pub conflict_name: String,
    /// Index into [`Dataset::parties`].
    pub side_a: u32,
    /// Index into [`Dataset::parties`].
    pub side_b: u32,
}

/// One documented incident: something that happened at a place over a (possibly uncertain) time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Event {
    /// Unique across all collections: the collection id, a colon, then a local id.
    pub id: String,
    pub date: DateRange,
    /// The first place is the main one; an event that hit several villages lists them all.
    pub places: Vec<Place>,
    pub actors: Vec<ActorRef>,
    pub kind: EventKind,
    /// The type of event as the collection itself names it (ACLED `event_type`, for example
    /// "Explosions/Remote violence"), when it has its own types; `kind` is the broad kind it is
    /// grouped under. Filterable as it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    /// The collection's sub-type within `event_type` (ACLED `sub_event_type`, for example
    /// "Air/drone strike").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_event_type: Option<String>,
    /// How many strikes, patrols, rockets... the event is made of, when the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub casualties: Vec<Casualty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facilities: Vec<Facility>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weapons: Vec<String>,
    /// One line in plain words.
    pub summary: String,
    pub citations: Vec<Citation>,
    /// UCDP's own fields, for events imported from the GED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ucdp: Option<Box<UcdpInfo>>,
    /// ACLED's own fields, for events imported from an ACLED export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acled: Option<Box<AcledInfo>>,
}

/// The columns of an ACLED export row that the common model has no place for, kept as written
/// so that a reader can cite ACLED exactly: `inter1`, `interaction`, `civilian_targeting`,
/// `tags`, `source_scale`, `timestamp` and the rest, including columns this app does not know
/// (`population_best`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AcledInfo {
    /// ACLED's event id, `event_id_cnty` (or `data_id` in older exports).
    pub event_id_cnty: String,
    /// Every other column that is not mapped to the model, by its name in the file's header,
    /// with its value as written; empty values are left out.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fields: std::collections::BTreeMap<String, String>,
}

/// When: the earliest and latest possible day, and how precisely the source dates it.
/// "In November 2020" is `2020-11-01 .. 2020-11-30`, precision `month`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct DateRange {
    /// `YYYY-MM-DD`
    pub start: String,
    /// `YYYY-MM-DD`, not before `start`.
    pub end: String,
    pub precision: DatePrecision,
}

/// How precisely an event is dated. A type of its own, never mixed up with [`LocationPrecision`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// The exact day is known.
    Day,
    /// Within a few days (UCDP `date_prec` 2).
    Days,
    Week,
    Month,
    Year,
    /// Somewhere within a longer stated period, for example "from the start of this year to
    /// November 8".
    Period,
}

/// Where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Place {
    /// The place as the source names it.
    pub name: String,
    /// One of the 14 governorates, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governorate: Option<Governorate>,
    /// Second-level unit (district), as given by the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Latitude in degrees (WGS84), only from a gazetteer or the source dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    pub precision: LocationPrecision,
    /// Where the coordinates come from, for example `geonames:172256`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer: Option<String>,
}

/// How precisely an event is located.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LocationPrecision {
    /// The named place itself.
    Exact,
    /// Near or around a named place (its outskirts, countryside, within about 25 km).
    Near,
    District,
    Governorate,
    /// A region larger than a governorate or crossing them ("northwest Syria", "the desert").
    Region,
    Country,
}

/// An actor in an event and the part it played.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ActorRef {
    pub actor: Actor,
    pub role: Role,
    /// Index into [`Dataset::parties`] when the source names the party in its own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<u32>,
}

/// A number as reported: the value when there is one, how it was qualified, and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Quantity {
    /// Absent for vague amounts such as "several".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u64>,
    pub qualifier: Qualifier,
    /// The words of the source, for example "over 60" or "Several airstrikes".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

/// People affected by an event, one group and outcome at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Casualty {
    pub group: CasualtyGroup,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<u64>,
    /// The best estimate; absent when the source gives no number ("injuring others").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    /// The words of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// Index into [`Dataset::parties`]: whose people these are (UCDP's side A or B).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<u32>,
}

/// Evidence: which source says it, in its own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Citation {
    /// A [`Source::id`] in the same file.
    pub source: String,
    /// Verbatim text of the source (whitespace may differ; an HTML character reference in the
    /// source's own file, such as `&#8220;`, is given as its character).
    pub quote: String,
    /// Who the source says it got the fact from, when second-hand (for example "OCHA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
}

/// The GED fields that the common model has no place for, kept so a user can cite UCDP exactly.
/// The GED `source_headline` is the quote of the event's citation (or, when the headline is
/// empty, that quote is the `source_article`), with any HTML character references in it
/// (`&#8220;`) given as the characters they stand for; the headline as UCDP gives it is kept
/// here only when it holds such references.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct UcdpInfo {
    /// UCDP's event id.
    pub id: u64,
    /// 1 state-based, 2 non-state, 3 one-sided violence.
    pub type_of_violence: u8,
    /// Index into [`Dataset::dyads`].
    pub dyad: u32,
    /// 1 clear, 2 lower clarity.
    pub event_clarity: u8,
    /// UCDP `date_prec`, 1 (exact day) to 5 (year).
    pub date_prec: u8,
    /// UCDP `where_prec`, 1 (exact place) to 7 (country or water).
    pub where_prec: u8,
    pub where_coordinates: String,
    /// `adm_1` exactly as UCDP writes it, before mapping to a governorate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adm_1: Option<String>,
    pub number_of_sources: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_office: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_article: Option<String>,
    /// UCDP's `source_original`; absent when equal to `source_office` (as it is for most rows).
    /// An empty string means UCDP gave none while `source_office` is not empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_original: Option<String>,
    /// UCDP's `source_headline` exactly as UCDP gives it, only when it holds HTML character
    /// references (`&#8220;Islamic State&#8221;`), which the citation's quote decodes; absent
    /// otherwise (the quote is then the headline itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_headline: Option<String>,
    pub deaths_a: u64,
    pub deaths_b: u64,
    pub deaths_civilians: u64,
    pub deaths_unknown: u64,
    pub low: u64,
    pub best: u64,
    pub high: u64,
}

/// A tally over a period published by a monitor: "Russian forces killed 5,233 civilians between
/// 2015-09-30 and 2017-09-30". Never an incident, never summed with incidents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ReportedFigure {
    /// Unique across collections, like event ids.
    pub id: String,
    pub period: DateRange,
    pub area: Area,
    /// Whose acts the figure counts; several when the source counts an alliance.
    pub actors: Vec<Actor>,
    pub metric: Metric,
    /// For metrics about facilities (attacks on vital facilities), which kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<Facility>,
    pub value: Quantity,
    /// Another figure this one is part of ("including 1,417 children").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    pub citations: Vec<Citation>,
}

/// The area a figure covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Area {
    /// As the source says it: "northwest Syria", "Syria".
    pub name: String,
    /// The governorates it covers, wholly or in part; empty for the whole country.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub governorates: Vec<Governorate>,
}
