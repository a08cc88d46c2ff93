//! The event table: every event of every loaded collection, laid out as columns of small integers
//! and bitmasks so that filters and aggregations are tight loops over contiguous memory. It is
//! built once when the data loads (all parsing, vocabulary lookups, casualty arithmetic and text
//! normalisation happen here), a collection's rows at a time when they are built as its file is
//! checked ([`EventTable::append`]), and is read-only afterwards, so the hot paths that run on
//! every filter change do no parsing and no per-row allocation. The full record stays in the
//! [`Dataset`]s and is reached through [`EventTable::locations`].

use std::borrow::Borrow;
use std::sync::Arc;

use super::aggregate::SortOrders;
use super::date::Day;
use super::facet::Facets;
use super::map_layers::MapCells;
use super::model::{Dataset, DatePrecision, Event, LocationPrecision};
use super::place_names::PlaceNames;
use super::text_index::{RowSet, TextIndex, TextIndexBuilder};
use super::vocab::{Publisher, Role};

mod append;
mod deaths;
mod search_text;
#[cfg(test)]
pub(crate) mod test_data;

pub use append::Appending;
use deaths::{flags_of, killed_of, Killed};
pub use deaths::{states_civilians_killed, states_deaths, states_deaths_at_least};
use search_text::{search_text_of, ArabicNames};

/// [`EventTable::flags`] bit: some casualty entry says people were killed, numeric or not.
pub const KILLED_ANY: u8 = 1;
/// [`EventTable::flags`] bit: civilians (or a civilian subgroup such as children) were killed.
pub const CIVILIAN_KILLED_ANY: u8 = 1 << 1;
/// [`EventTable::flags`] bit: children were killed.
pub const CHILD_KILLED_ANY: u8 = 1 << 2;
/// [`EventTable::flags`] bit: some casualty entry says people were injured.
pub const INJURED_ANY: u8 = 1 << 3;

/// [`EventTable::flags`] bit: the record gives a number of deaths ([`states_deaths`]).
pub const DEATHS_STATED: u8 = 1 << 4;
/// [`EventTable::flags`] bit: the record gives a number of civilians killed
/// ([`states_civilians_killed`]).
pub const CIVILIANS_STATED: u8 = 1 << 5;
/// [`EventTable::flags`] bit: women were killed.
pub const WOMAN_KILLED_ANY: u8 = 1 << 6;
/// [`EventTable::flags`] bit: the record gives its deaths only as a lower bound, "at least"
/// ([`states_deaths_at_least`]).
pub const DEATHS_AT_LEAST: u8 = 1 << 7;

/// [`EventTable::lead_actor`] value for an event that names no actor.
pub const NO_ACTOR: u8 = u8::MAX;

/// One row per event across all loaded collections; see the module docs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventTable {
    /// First possible day ([`Day`] number).
    pub start: Vec<i32>,
    /// Last possible day ([`Day`] number), never before `start`.
    pub end: Vec<i32>,
    pub precision: Vec<DatePrecision>,
    /// Index into `collection_ids`.
    pub collection: Vec<u8>,
    /// Bitmask over `Publisher::ALL` of the publishers of the sources the event cites.
    pub publishers: Vec<u8>,
    /// `EventKind` index.
    pub kind: Vec<u8>,
    /// Bitmask over `Actor::ALL`, any role.
    pub actors_any: Vec<u32>,
    /// Bitmask over `Actor::ALL` of the perpetrators.
    pub actors_perpetrator: Vec<u32>,
    /// The actor an event is stacked under on the timeline: its first perpetrator in record
    /// order, else its first actor of any role, else [`NO_ACTOR`]. Kept as its own column
    /// because the bitmasks lose the order in which the record names actors.
    pub lead_actor: Vec<u8>,
    /// Bitmask over `Governorate::ALL` of all the event's places.
    pub governorates: Vec<u16>,
    /// The main place's point when it is located exactly or near a named place; NaN otherwise,
    /// so the map never draws a district- or governorate-level event as if it were a point.
    pub lat: Vec<f32>,
    pub lon: Vec<f32>,
    /// How precisely the main place is located.
    pub location_precision: Vec<LocationPrecision>,
    pub deaths_low: Vec<u32>,
    pub deaths_best: Vec<u32>,
    pub deaths_high: Vec<u32>,
    pub civilians_killed: Vec<u32>,
    pub children_killed: Vec<u32>,
    pub women_killed: Vec<u32>,
    pub combatants_killed: Vec<u32>,
    /// [`KILLED_ANY`], [`CIVILIAN_KILLED_ANY`], [`CHILD_KILLED_ANY`], [`INJURED_ANY`]: set when
    /// such a casualty entry exists even without a number ("several killed"), so a filter on
    /// casualties finds events whose counts above are 0 for lack of a figure. [`DEATHS_STATED`]
    /// and [`CIVILIANS_STATED`]: the counts above are the record's figures, not 0 for lack of
    /// one.
    pub flags: Vec<u8>,
    /// Each row's search text: summary, place names, party names and citation quotes (for UCDP
    /// events the quote is the GED headline), each normalised ([`super::search::normalise`])
    /// separately, joined by spaces. Kept only by a table built column by column (which
    /// [`EventTable::index_text`] then indexes) or by a [`TableBuilder::keeping_search_text`]:
    /// a table built from datasets holds its texts in `text_index` alone, which answers every
    /// search exactly, and so does not keep a second copy of them (about 270 bytes an event).
    pub search_text: Vec<String>,
    /// The words of every row's search text with the rows of each, which text search reads
    /// instead of scanning every row's text.
    pub text_index: TextIndex,
    /// Each row's map grid cell ([`EventTable::index_cells`]); empty for a table built column
    /// by column, whose map finds them afresh.
    pub map_cells: MapCells,
    /// The rows in each order of the event list, sorted when a list first needs it.
    pub sort_orders: SortOrders,
    /// (dataset index, event index) of the full record.
    pub locations: Vec<(usize, usize)>,
    /// Collection ids in first-seen order; datasets sharing an id share an index.
    pub collection_ids: Vec<String>,
    /// The open dimensions (actor names, districts, places, sources), dictionary-encoded, by
    /// [`super::facet::Facet::index`]. A table built column by column may leave them empty: a facet whose
    /// columns hold fewer rows than the table gives the missing rows no value.
    pub facets: Facets,
}

/// Builds an [`EventTable`] a slice of events at a time, so that a page can build the table
/// of a large catalog between frames. Each [`TableBuilder::step`] takes the same datasets;
/// [`EventTable::build`] is these steps run at once.
#[derive(Debug)]
pub struct TableBuilder {
    table: EventTable,
    /// The text index being built; `None` once [`TableBuilder::finish_words`] finished it.
    words: Option<TextIndexBuilder>,
    /// The next event: (dataset index, event index).
    next: (usize, usize),
    /// The collection index of dataset `next.0`, once assigned.
    collection: Option<u8>,
    /// Events visited so far, and in all the datasets.
    done: usize,
    total: usize,
    /// The Arabic names of places, searched beside the names the sources give.
    arabic: ArabicNames,
    /// Whether the table keeps each row's search text beside the index.
    keep_search_text: bool,
}

/// The table of one collection's events alone, built while its records were checked
/// ([`crate::core::validate::LoadSteps::building_table`]), so that adding the collection to a
/// catalog appends it ([`EventTable::append`]) instead of decoding every record again. Its rows'
/// locations name dataset 0.
#[derive(Debug, Clone)]
pub struct TablePart {
    pub table: EventTable,
    /// The gazetteer its places' Arabic names came from: a catalog appends the part only when
    /// it keeps the same one, so that every row's names come from one gazetteer.
    pub place_names: Arc<PlaceNames>,
}

impl Default for TableBuilder {
    /// A builder of no rows yet, for events given one at a time.
    fn default() -> TableBuilder {
        TableBuilder {
            table: EventTable::default(),
            words: Some(TextIndexBuilder::default()),
            next: (0, 0),
            collection: None,
            done: 0,
            total: 0,
            arabic: ArabicNames::default(),
            keep_search_text: false,
        }
    }
}

impl TableBuilder {
    /// A builder for the table of `datasets`, with room for all their events.
    pub fn new<D: Borrow<Dataset>>(datasets: &[D]) -> TableBuilder {
        let total: usize = datasets.iter().map(|d| d.borrow().events.len()).sum();
        let mut builder = TableBuilder {
            total,
            ..TableBuilder::default()
        };
        builder.reserve_exact(total);
        builder
    }

    /// This builder with the gazetteer of Arabic place names: a place's Arabic name, when it
    /// has one, is searched beside its source's name (so "حلب" finds events at Aleppo).
    pub fn with_place_names(mut self, place_names: Arc<PlaceNames>) -> TableBuilder {
        self.arabic = ArabicNames::new(place_names);
        self
    }

    /// This builder keeping each row's search text in [`EventTable::search_text`], for a
    /// caller that reads the texts themselves (the change benchmark makes its synthetic
    /// texts from them). The explorer does not: its searches read the index.
    pub fn keeping_search_text(mut self) -> TableBuilder {
        self.keep_search_text = true;
        self
    }

    /// Every step at once: the table of `datasets` (the datasets given to
    /// [`TableBuilder::new`]).
    pub fn build<D: Borrow<Dataset>>(mut self, datasets: &[D]) -> EventTable {
        while !self.step(datasets, usize::MAX) {}
        self.finish()
    }

    /// Adds up to `limit` more events of `datasets` (the datasets given to
    /// [`TableBuilder::new`]) to the table; `true` once every event was added.
    pub fn step<D: Borrow<Dataset>>(&mut self, datasets: &[D], limit: usize) -> bool {
        let mut left = limit;
        while let Some(dataset) = datasets.get(self.next.0).map(D::borrow) {
            let collection = match self.collection {
                Some(collection) => collection,
                None => *self
                    .collection
                    .insert(self.table.collection_index(&dataset.collection.id)),
            };
            while self.next.1 < dataset.events.len() {
                if left == 0 {
                    return false;
                }
                // Decoded from its record, read into the columns, and dropped.
                if let Some(event) = dataset.events.get(self.next.1) {
                    self.add(dataset, &event, collection, self.next);
                }
                self.next.1 += 1;
                self.done += 1;
                left -= 1;
            }
            self.next = (self.next.0 + 1, 0);
            self.collection = None;
        }
        true
    }

    /// Adds `event` of `dataset`, its record `location` (dataset index, event index), as the
    /// next row: for a builder fed events as they are read, not from datasets
    /// ([`TableBuilder::step`] is not called on it). Its collection is `dataset`'s.
    pub fn push_event(&mut self, dataset: &Dataset, event: &Event, location: (usize, usize)) {
        let collection = self.table.collection_index(&dataset.collection.id);
        self.add(dataset, event, collection, location);
        self.done += 1;
        self.total = self.total.max(self.done);
    }

    /// Room for `rows` more rows, reserved exactly: for a builder fed events as they are read,
    /// told how many are coming.
    pub fn reserve_exact(&mut self, rows: usize) {
        self.table.reserve_exact(rows);
        if let Some(words) = &mut self.words {
            words.reserve(rows);
        }
    }

    /// Reads `event` into the columns and its search text into the index.
    fn add(&mut self, dataset: &Dataset, event: &Event, collection: u8, location: (usize, usize)) {
        if let Some(text) = self
            .table
            .push(dataset, event, collection, location, &mut self.arabic)
        {
            // A row added after the words were finished is not indexed: the index then no
            // longer covers the table ([`EventTable::rows_with_text`] gives `None`).
            if let Some(words) = &mut self.words {
                words.push(&text);
            }
            if self.keep_search_text {
                self.table.search_text.push(text);
            }
        }
    }

    /// Events added so far, and in all the datasets.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    /// Finishes the text index now, so that [`TableBuilder::finish`] is only the map cells:
    /// at a million rows each is a step a page runs apart. Push no more rows after it.
    pub fn finish_words(&mut self) {
        if let Some(words) = self.words.take() {
            self.table.text_index = words.finish();
        }
    }

    /// The table, with its text index and its map cells.
    pub fn finish(mut self) -> EventTable {
        self.finish_words();
        let mut table = self.table;
        table.index_cells();
        table
    }
}

impl EventTable {
    /// Builds the table from the loaded datasets, in dataset then event order.
    ///
    /// Events whose dates do not parse are left out: validation already refuses them, so this
    /// only guards against a dataset built in code without it. Counts beyond `u32::MAX` saturate.
    pub fn build<D: Borrow<Dataset>>(datasets: &[D]) -> EventTable {
        TableBuilder::new(datasets).build(datasets)
    }

    /// (Re)builds [`EventTable::map_cells`] from `lat` and `lon`.
    pub fn index_cells(&mut self) {
        self.map_cells = MapCells::new(&self.lat, &self.lon);
    }

    /// (Re)builds [`EventTable::text_index`] from `search_text`, for a table built column by
    /// column.
    pub fn index_text(&mut self) {
        let mut words = TextIndexBuilder::default();
        for text in &self.search_text {
            words.push(text);
        }
        self.text_index = words.finish();
    }

    /// The rows that every term (normalised, as [`super::search::terms`] gives them) matches:
    /// by their search text, read from the index, or by the name of a governorate they are in
    /// ([`search_text::governorates_named`]); `None` when there are no terms or the index
    /// does not cover this table (one built column by column, without [`Self::index_text`]).
    pub fn rows_with_text(&self, terms: &[String]) -> Option<RowSet> {
        if self.text_index.rows() != self.len() {
            return None;
        }
        let mut sets = terms.iter().map(|term| {
            let mut rows = self.text_index.rows_matching(std::slice::from_ref(term))?;
            let named = search_text::governorates_named(term);
            if named != 0 {
                rows.union(&RowSet::from_column(
                    self.len(),
                    &self.governorates,
                    |governorates| governorates & named != 0,
                ));
            }
            Some(rows)
        });
        let mut all = sets.next()??;
        for set in sets {
            all.intersect(&set?);
        }
        Some(all)
    }

    /// Each term (normalised) with the governorates it names
    /// ([`search_text::governorates_named`]): what [`Self::row_matches_terms`] tests rows
    /// against, worked out once a query.
    pub fn named_terms(terms: &[String]) -> Vec<(&str, u16)> {
        terms
            .iter()
            .map(|term| (term.as_str(), search_text::governorates_named(term)))
            .collect()
    }

    /// Whether every term of `named` ([`Self::named_terms`]) matches row `row`, whose search
    /// text is `text` (normalised): by the text, or by the name of a governorate the row is
    /// in. The test [`Self::rows_with_text`] makes with the index, for a table that keeps its
    /// texts.
    pub fn row_matches_terms(&self, row: usize, text: &str, named: &[(&str, u16)]) -> bool {
        let governorates = self.governorates.get(row).copied().unwrap_or(0);
        named
            .iter()
            .all(|&(term, named)| text.contains(term) || governorates & named != 0)
    }

    pub fn len(&self) -> usize {
        self.start.len()
    }

    pub fn is_empty(&self) -> bool {
        self.start.is_empty()
    }

    /// The row of the event with this id, if it is loaded. A linear scan of the records' ids:
    /// it runs once per selection, not per frame.
    pub fn row_of<D: Borrow<Dataset>>(&self, event_id: &str, datasets: &[D]) -> Option<usize> {
        self.locations.iter().position(|&(dataset, event)| {
            datasets
                .get(dataset)
                .and_then(|d| d.borrow().events.id(event))
                .is_some_and(|id| id == event_id)
        })
    }

    /// The full record of a row, decoded from the collection's records.
    pub fn event<D: Borrow<Dataset>>(&self, row: usize, datasets: &[D]) -> Option<Event> {
        let &(dataset, event) = self.locations.get(row)?;
        datasets.get(dataset)?.borrow().events.get(event)
    }

    /// Room for exactly `rows` more rows in every column (the facets' once they hold rows:
    /// [`super::facet::ValueColumn::reserve_exact`]).
    fn reserve_exact(&mut self, rows: usize) {
        self.start.reserve_exact(rows);
        self.end.reserve_exact(rows);
        self.precision.reserve_exact(rows);
        self.collection.reserve_exact(rows);
        self.publishers.reserve_exact(rows);
        self.kind.reserve_exact(rows);
        self.actors_any.reserve_exact(rows);
        self.actors_perpetrator.reserve_exact(rows);
        self.lead_actor.reserve_exact(rows);
        self.governorates.reserve_exact(rows);
        self.lat.reserve_exact(rows);
        self.lon.reserve_exact(rows);
        self.location_precision.reserve_exact(rows);
        self.deaths_low.reserve_exact(rows);
        self.deaths_best.reserve_exact(rows);
        self.deaths_high.reserve_exact(rows);
        self.civilians_killed.reserve_exact(rows);
        self.children_killed.reserve_exact(rows);
        self.women_killed.reserve_exact(rows);
        self.combatants_killed.reserve_exact(rows);
        self.flags.reserve_exact(rows);
        self.locations.reserve_exact(rows);
        for facet in &mut self.facets {
            facet.any.reserve_exact(rows);
            facet.perpetrator.reserve_exact(rows);
        }
    }

    /// Index of a collection id, added on first sight. More than 256 collections share the last
    /// index; a browser session loads a handful.
    fn collection_index(&mut self, id: &str) -> u8 {
        let position = match self.collection_ids.iter().position(|known| known == id) {
            Some(position) => position,
            None => {
                self.collection_ids.push(id.to_string());
                self.collection_ids.len().saturating_sub(1)
            }
        };
        u8::try_from(position).unwrap_or(u8::MAX)
    }

    /// Appends `event`'s values to every column and gives its search text, for the caller to
    /// index; `None` (and nothing appended) when its dates do not parse.
    fn push(
        &mut self,
        dataset: &Dataset,
        event: &Event,
        collection: u8,
        location: (usize, usize),
        arabic: &mut ArabicNames,
    ) -> Option<String> {
        let (Ok(start), Ok(end)) = (Day::parse(&event.date.start), Day::parse(&event.date.end))
        else {
            return None;
        };
        self.start.push(start.0.min(end.0));
        self.end.push(start.0.max(end.0));
        self.precision.push(event.date.precision);
        self.collection.push(collection);
        self.publishers.push(publishers_of(dataset, event));
        self.kind
            .push(u8::try_from(event.kind.index()).unwrap_or(u8::MAX));

        let mut any = 0u32;
        let mut perpetrators = 0u32;
        for actor_ref in &event.actors {
            let bit = bit32(actor_ref.actor.index());
            any |= bit;
            if actor_ref.role == Role::Perpetrator {
                perpetrators |= bit;
            }
        }
        self.actors_any.push(any);
        self.actors_perpetrator.push(perpetrators);
        let lead = event
            .actors
            .iter()
            .find(|a| a.role == Role::Perpetrator)
            .or_else(|| event.actors.first())
            .and_then(|a| u8::try_from(a.actor.index()).ok())
            .unwrap_or(NO_ACTOR);
        self.lead_actor.push(lead);

        let governorates = event
            .places
            .iter()
            .filter_map(|place| place.governorate)
            .fold(0u16, |mask, g| {
                mask | 1u16.checked_shl(g.index() as u32).unwrap_or(0)
            });
        self.governorates.push(governorates);
        let main = event.places.first();
        let precision = main.map_or(LocationPrecision::Country, |p| p.precision);
        let point = main
            .filter(|_| {
                matches!(
                    precision,
                    LocationPrecision::Exact | LocationPrecision::Near
                )
            })
            .and_then(|p| Some((p.lat?, p.lon?)));
        let (lat, lon) = point.map_or((f32::NAN, f32::NAN), |(lat, lon)| (lat as f32, lon as f32));
        self.lat.push(lat);
        self.lon.push(lon);
        self.location_precision.push(precision);

        // Milestones (agreements, political events) are not acts of force: no deaths, no
        // casualty flags, whatever their record says.
        let killed = if event.kind.is_milestone() {
            Killed::default()
        } else {
            killed_of(&event.casualties)
        };
        self.deaths_low.push(saturate(killed.deaths.low));
        self.deaths_best.push(saturate(killed.deaths.best));
        self.deaths_high.push(saturate(killed.deaths.high));
        self.civilians_killed.push(saturate(killed.civilians.best));
        self.children_killed.push(saturate(killed.children));
        self.women_killed.push(saturate(killed.women));
        self.combatants_killed.push(saturate(killed.combatants));
        let mut flags = if event.kind.is_milestone() {
            0
        } else {
            flags_of(&event.casualties)
        };
        if states_deaths(event) {
            flags |= DEATHS_STATED;
        }
        if states_civilians_killed(event) {
            flags |= CIVILIANS_STATED;
        }
        if states_deaths_at_least(event) {
            flags |= DEATHS_AT_LEAST;
        }
        self.flags.push(flags);
        self.push_facets(dataset, event, arabic);
        self.locations.push(location);
        Some(search_text_of(dataset, event, arabic))
    }

    /// Appends the event's values of every facet ([`super::facet::Facet`]).
    fn push_facets(&mut self, dataset: &Dataset, event: &Event, arabic: &mut ArabicNames) {
        let [party, event_type, district, place, source] = &mut self.facets;
        let mut any = Vec::new();
        let mut perpetrators = Vec::new();
        for actor_ref in &event.actors {
            let named = actor_ref
                .party
                .and_then(|index| dataset.parties.get(usize::try_from(index).ok()?));
            let name = named.map_or(actor_ref.actor.label(), |p| p.name.as_str());
            let id = party.dictionary.intern(name);
            if party.groups.len() <= id as usize {
                party.groups.resize(id as usize + 1, 0);
            }
            if let Some(groups) = party.groups.get_mut(id as usize) {
                *groups |= bit32(actor_ref.actor.index());
            }
            any.push(id);
            if actor_ref.role == Role::Perpetrator {
                perpetrators.push(id);
            }
        }
        party.any.push_row(&mut any);
        party.perpetrator.push_row(&mut perpetrators);

        let mut ids = Vec::new();
        for name in [&event.event_type, &event.sub_event_type]
            .into_iter()
            .filter_map(|name| named(name.as_deref()?))
        {
            ids.push(event_type.dictionary.intern(name));
        }
        event_type.any.push_row(&mut ids);

        for name in event
            .places
            .iter()
            .filter_map(|p| named(p.district.as_deref()?))
        {
            ids.push(district.dictionary.intern(name));
        }
        district.any.push_row(&mut ids);
        for (found, name) in event
            .places
            .iter()
            .filter_map(|p| Some((p, named(&p.name)?)))
        {
            let id = place.dictionary.intern(name);
            // The Arabic name of a place the facet lists, from its first place of that name.
            if place.arabic.len() <= id as usize {
                let name = arabic.of(found).map(Box::from);
                place.arabic.resize(id as usize + 1, None);
                if let Some(slot) = place.arabic.get_mut(id as usize) {
                    *slot = name;
                }
            }
            ids.push(id);
        }
        place.any.push_row(&mut ids);

        for citation in &event.citations {
            let Some(found) = dataset.source(&citation.source) else {
                continue;
            };
            if let Some(title) = named(&found.title) {
                ids.push(source.dictionary.intern(title));
            }
            // A dataset that compiles news reports names the outlets it read (UCDP's
            // `source_office`, ACLED's `source`), separated by `;`. A report's own
            // `reported_by` is a phrase ("SOHR sources"), not a source of its own.
            if matches!(found.publisher, Publisher::Ucdp | Publisher::Acled) {
                let outlets = citation
                    .reported_by
                    .iter()
                    .flat_map(|outlets| outlets.split(';'))
                    .filter_map(named);
                for outlet in outlets {
                    ids.push(source.dictionary.intern(outlet));
                }
            }
        }
        source.any.push_row(&mut ids);
    }
}

/// A value as a facet holds it: trimmed, and `None` when nothing is left.
fn named(name: &str) -> Option<&str> {
    Some(name.trim()).filter(|name| !name.is_empty())
}

/// Bit `index` of a u32 mask, or no bit when the vocabulary ever outgrows the mask (the vocab
/// tests keep that from happening).
pub(crate) fn bit32(index: usize) -> u32 {
    u32::try_from(index)
        .ok()
        .and_then(|i| 1u32.checked_shl(i))
        .unwrap_or(0)
}

fn saturate(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn publishers_of(dataset: &Dataset, event: &Event) -> u8 {
    event
        .citations
        .iter()
        .filter_map(|citation| dataset.source(&citation.source))
        .fold(0u8, |mask, source| {
            let index = u32::try_from(source.publisher.index()).unwrap_or(u32::MAX);
            mask | 1u8.checked_shl(index).unwrap_or(0)
        })
}

#[cfg(test)]
mod tests;
