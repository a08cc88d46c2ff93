//! Open dimensions ("facets"): categorical fields whose values come from the loaded data, not
//! from a list in the code. Any value a collection holds becomes a filterable, countable option.
//!
//! Each facet is dictionary-encoded when the table is built: its distinct values get small
//! integer ids in order of first appearance ([`Dictionary`]), and each row holds the ids of its
//! values in one shared array ([`ValueColumn`], compressed sparse rows), so a multi-valued field
//! (several actors, several places) stays exact and there is no ceiling on distinct values.
//!
//! The facets beside the fixed dimensions of [`super::filter::Filter`]:
//! - [`Facet::Party`]: actors as the source names them (UCDP's "Government of Syria",
//!   "Syrian insurgents"). An actor the source does not name in its own words is named by its
//!   broad category ("Russian forces"). The broad categories stay a grouping over these names:
//!   a collection declares it in `parties[].actors` (see `docs/data-format.md`), kept per value
//!   in [`FacetIndex::groups`].
//! - [`Facet::EventType`]: the type of event as the collection names it (ACLED `event_type`
//!   and `sub_event_type`, both as values of the one dimension), for collections that have their
//!   own types; the broad kinds stay the fixed `kind` dimension.
//! - [`Facet::District`]: the second-level unit of every place of the event.
//! - [`Facet::Place`]: every place the event names, as the source spells it.
//! - [`Facet::Source`]: the report or dataset each citation names, and for a dataset that
//!   compiles news reports (UCDP, ACLED) each news source it cites (the citation's
//!   `reported_by`: UCDP's `source_office`, ACLED's `source`, split at `;`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::search::{contains_all, normalise, terms};

/// An open dimension of the event table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Party,
    EventType,
    District,
    Place,
    Source,
}

impl Facet {
    /// Every facet, in the order of [`Facets`] and of the URL.
    pub const ALL: [Facet; 5] = [
        Facet::Party,
        Facet::EventType,
        Facet::District,
        Facet::Place,
        Facet::Source,
    ];
    /// How many facets there are: the length of the per-facet arrays.
    pub const COUNT: usize = Self::ALL.len();

    /// The URL parameter and the `data-filter` name.
    pub fn id(self) -> &'static str {
        match self {
            Facet::Party => "party",
            Facet::EventType => "type",
            Facet::District => "district",
            Facet::Place => "place",
            Facet::Source => "source",
        }
    }

    /// The name shown above its options.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Party => "Actor as the source names it",
            Facet::EventType => "Type as the source names it",
            Facet::District => "District",
            Facet::Place => "Place",
            Facet::Source => "Source",
        }
    }

    /// What one value is, with its article, for notices.
    pub fn expects(self) -> &'static str {
        match self {
            Facet::Party => "an actor name",
            Facet::EventType => "an event type",
            Facet::District => "a district",
            Facet::Place => "a place",
            Facet::Source => "a source",
        }
    }

    /// Position in [`Self::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_id(id: &str) -> Option<Facet> {
        Self::ALL.iter().copied().find(|facet| facet.id() == id)
    }
}

/// Distinct values and their ids: id `i` is the `i`-th value first seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dictionary {
    values: Vec<String>,
    ids: FxHashMap<String, u32>,
}

impl Dictionary {
    /// The dictionary of `values`, each id its place in the list.
    ///
    /// Errors: a value listed twice, in English words.
    pub fn from_values(values: Vec<String>) -> Result<Dictionary, String> {
        let mut ids = FxHashMap::default();
        ids.reserve(values.len());
        for (id, value) in values.iter().enumerate() {
            let id = u32::try_from(id).map_err(|_| "too many values".to_string())?;
            if ids.insert(value.clone(), id).is_some() {
                return Err(format!("the value {value:?} is listed twice"));
            }
        }
        Ok(Dictionary { values, ids })
    }

    /// The id of `value`, added on first sight. Past `u32::MAX` values (never, in memory that
    /// a browser has), every new value shares the last id.
    pub fn intern(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        let id = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(value.to_string());
        self.ids.insert(value.to_string(), id);
        id
    }

    /// The id of exactly `value`.
    pub fn id(&self, value: &str) -> Option<u32> {
        self.ids.get(value).copied()
    }

    /// The id of `value`, or else of the first value equal to it but for letter case and
    /// Unicode form (a link typed by hand, or written by a system that decomposes accents):
    /// for matching what a link names to what the data spells. A linear scan: it runs for
    /// the values of a link, not per row.
    pub fn find(&self, value: &str) -> Option<u32> {
        self.id(value).or_else(|| {
            let folded = |text: &str| text.nfc().collect::<String>().to_lowercase();
            let wanted = folded(value);
            self.values
                .iter()
                .position(|known| folded(known) == wanted)
                .and_then(|position| u32::try_from(position).ok())
        })
    }

    /// The value of `id`.
    pub fn value(&self, id: u32) -> Option<&str> {
        self.values.get(id as usize).map(String::as_str)
    }

    /// Every value, by id.
    pub fn values(&self) -> &[String] {
        &self.values
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// Per row, the ids of its values: row `r` holds `ids[offsets[r]..offsets[r + 1]]`, ascending
/// and distinct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueColumn {
    offsets: Vec<u32>,
    ids: Vec<u32>,
}

impl Default for ValueColumn {
    fn default() -> ValueColumn {
        ValueColumn {
            offsets: vec![0],
            ids: Vec::new(),
        }
    }
}

impl ValueColumn {
    /// The column's parts: where each row's ids end (after a first 0), and the ids.
    pub fn parts(&self) -> (&[u32], &[u32]) {
        (&self.offsets, &self.ids)
    }

    /// A column from its parts, as [`ValueColumn::parts`] gave them.
    ///
    /// Errors: offsets that do not start at 0, go back, or end elsewhere than at the ids' end,
    /// in English words.
    pub fn from_parts(offsets: Vec<u32>, ids: Vec<u32>) -> Result<ValueColumn, String> {
        let fits = offsets.first() == Some(&0)
            && offsets.windows(2).all(|two| two[0] <= two[1])
            && offsets.last().is_some_and(|&end| end as usize == ids.len());
        match fits {
            true => Ok(ValueColumn { offsets, ids }),
            false => Err("a column's values do not fit its rows".into()),
        }
    }

    /// Appends a row holding `ids` (sorted and deduplicated here; the buffer is left empty).
    pub fn push_row(&mut self, ids: &mut Vec<u32>) {
        ids.sort_unstable();
        ids.dedup();
        self.ids.append(ids);
        self.offsets
            .push(u32::try_from(self.ids.len()).unwrap_or(u32::MAX));
    }

    /// Room for exactly `rows` more rows, and for their ids at the ids a row so far, so that
    /// a large file's column is not grown by doubling (a copy of all of it each time); the
    /// ids' room is a guess, made as [`super::room::guessed`] says. A column with no rows yet
    /// gets no room: most facets never fill their perpetrators' column.
    pub fn reserve_exact(&mut self, rows: usize) {
        let (had, ids) = (self.rows(), self.ids.len());
        if had == 0 {
            return;
        }
        self.offsets.reserve_exact(rows);
        let wanted = rows.saturating_mul(ids.div_ceil(had));
        if let Some(room) = super::room::guessed(ids, self.ids.capacity() - ids, wanted) {
            self.ids.reserve_exact(room);
        }
    }

    /// Appends `other`'s rows with each id `i` written as `to[i]`: the rows [`Self::push_row`]
    /// would give, a bulk copy when `to` maps distinct ids to distinct ids (a dictionary's
    /// interning does), so that only a row whose order the mapping changed is sorted again.
    /// An id `to` has no entry for is left out of its row.
    pub fn append_mapped(&mut self, other: &ValueColumn, to: &[u32]) {
        let base = self.ids.len();
        let rows = self.offsets.len();
        self.ids.reserve_exact(other.ids.len());
        self.offsets.reserve_exact(other.rows());
        self.ids.extend(
            other
                .ids
                .iter()
                .filter_map(|&id| to.get(id as usize).copied()),
        );
        let mut whole = self.ids.len() - base == other.ids.len();
        for pair in other.offsets.windows(2) {
            let &[start, end] = pair else { continue };
            let (start, end) = (base + start as usize, base + end as usize);
            let Some(row) = self.ids.get_mut(start..end).filter(|_| whole) else {
                whole = false;
                break;
            };
            if !row.windows(2).all(|two| two[0] < two[1]) {
                row.sort_unstable();
                // Two ids made one: the row needs deduplicating, which the rows after it
                // would have to move for.
                whole = row.windows(2).all(|two| two[0] < two[1]);
            }
            self.offsets.push(u32::try_from(end).unwrap_or(u32::MAX));
        }
        if !whole {
            // Row by row, as pushed.
            self.ids.truncate(base);
            self.offsets.truncate(rows);
            let mut mapped = Vec::new();
            for row in other.iter() {
                mapped.extend(row.iter().filter_map(|&id| to.get(id as usize).copied()));
                self.push_row(&mut mapped);
            }
        }
    }

    /// The ids of `row`; none for a row past the column.
    pub fn row(&self, row: usize) -> &[u32] {
        match (self.offsets.get(row), self.offsets.get(row + 1)) {
            (Some(&start), Some(&end)) => self
                .ids
                .get(start as usize..end as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// How many rows the column holds.
    pub fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Every row's ids in row order.
    pub fn iter(&self) -> impl Iterator<Item = &[u32]> + '_ {
        self.offsets.windows(2).map(|pair| match pair {
            [start, end] => self
                .ids
                .get(*start as usize..*end as usize)
                .unwrap_or_default(),
            _ => &[],
        })
    }
}

/// One facet of the table: its dictionary and its values per row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetIndex {
    pub dictionary: Dictionary,
    /// Every row's values.
    pub any: ValueColumn,
    /// For [`Facet::Party`], the actors named as perpetrators (what the filter reads when its
    /// role is "perpetrator"); empty for the other facets.
    pub perpetrator: ValueColumn,
    /// For [`Facet::Party`], per value id, the broad actor categories (`1 << Actor::index()`)
    /// the collection maps the name to: the grouping over the source's names.
    pub groups: Vec<u32>,
    /// For [`Facet::Place`], per value id, the Arabic name the gazetteer gives the first place
    /// of that name (`None` where it gives none); empty for the other facets.
    pub arabic: Vec<Option<Box<str>>>,
}

impl FacetIndex {
    /// Appends the rows of `other` (a facet of rows that come after these): its values are
    /// interned here, each row's ids mapped to this dictionary's, and a value's groups and
    /// Arabic name taken from `other` when this facet did not have the value yet. The result
    /// is the facet a table built over both sets of rows in order would hold.
    pub fn append(&mut self, other: &FacetIndex) {
        let ids: Vec<u32> = other
            .dictionary
            .values()
            .iter()
            .map(|value| self.dictionary.intern(value))
            .collect();
        self.any.append_mapped(&other.any, &ids);
        self.perpetrator.append_mapped(&other.perpetrator, &ids);
        for (&id, &groups) in ids.iter().zip(&other.groups) {
            if self.groups.len() <= id as usize {
                self.groups.resize(id as usize + 1, 0);
            }
            if let Some(mine) = self.groups.get_mut(id as usize) {
                *mine |= groups;
            }
        }
        for (&id, arabic) in ids.iter().zip(&other.arabic) {
            if self.arabic.len() <= id as usize {
                self.arabic.resize(id as usize + 1, None);
                if let Some(slot) = self.arabic.get_mut(id as usize) {
                    slot.clone_from(arabic);
                }
            }
        }
    }
}

/// Every facet of a table, by [`Facet::index`].
pub type Facets = [FacetIndex; Facet::COUNT];

/// A set of value ids as a bitmap over a dictionary, for a membership test per row.
pub type IdSet = super::bitset::BitSet;

/// How many options a facet lists before type-ahead is offered, and how many it lists at most
/// at once (the rest are reached by typing).
pub const LISTED_OPTIONS: usize = 12;

/// The options of one facet in the order the filter panel lists them, with their text
/// normalised for type-ahead. Built once per loaded table; the order is sorted, and the text
/// normalised, only when first asked for (a closed group never is, and a file can hold many
/// thousands of values).
#[derive(Debug, Clone, Default)]
pub struct OptionOrder {
    /// Value ids with at least one event, in id order.
    ids: Vec<u32>,
    /// Each value's count with no filter, by value id.
    overall: Vec<u32>,
    /// `ids` by their count with no filter (most first), then by value. Counts with no filter,
    /// not the cross-filtered counts: the options keep their places while the reader ticks
    /// them, which moving by live counts would not.
    order: OnceLock<Vec<u32>>,
    /// Per value id, its text as search compares it ([`normalise`]).
    normalised: OnceLock<Vec<String>>,
}

/// What a facet lists now: [`OptionOrder::visible`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visible {
    /// The value ids to list, in order.
    pub ids: Vec<u32>,
    /// How many more options match the typed text than are listed.
    pub more: usize,
    /// How many options match the typed text, listed or not (ticked ones aside).
    pub matches: usize,
}

impl OptionOrder {
    /// The options of `dictionary`'s values given `overall`, each value's count with no filter
    /// (by value id; values without a count, or with 0, are left out).
    pub fn new(dictionary: &Dictionary, overall: &[u32]) -> OptionOrder {
        let ids: Vec<u32> = (0..dictionary.len())
            .filter(|&id| overall.get(id).copied().unwrap_or(0) > 0)
            .filter_map(|id| u32::try_from(id).ok())
            .collect();
        OptionOrder {
            ids,
            overall: overall.to_vec(),
            order: OnceLock::new(),
            normalised: OnceLock::new(),
        }
    }

    /// The options in order; `dictionary` is the one given to [`Self::new`].
    fn order(&self, dictionary: &Dictionary) -> &[u32] {
        self.order.get_or_init(|| {
            let count = |id: u32| self.overall.get(id as usize).copied().unwrap_or(0);
            let mut order = self.ids.clone();
            // Values are distinct, so the order is total and an unstable sort gives it.
            order.sort_unstable_by(|&a, &b| {
                count(b)
                    .cmp(&count(a))
                    .then_with(|| dictionary.value(a).cmp(&dictionary.value(b)))
            });
            order
        })
    }

    /// Per value id of `dictionary` (the one given to [`Self::new`]), its normalised text.
    fn normalised(&self, dictionary: &Dictionary) -> &[String] {
        self.normalised
            .get_or_init(|| dictionary.values().iter().map(|v| normalise(v)).collect())
    }

    /// How many options have any event.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether the facet offers type-ahead: more options than [`LISTED_OPTIONS`].
    pub fn searchable(&self) -> bool {
        self.ids.len() > LISTED_OPTIONS
    }

    /// The options to list (`dictionary` is the one given to [`Self::new`]): the first `limit`
    /// in order whose text holds every term of `typed`
    /// (the rules of the search box: case, diacritics and Arabic variants aside), then every
    /// `checked` id not among them, so that a ticked option never disappears.
    pub fn visible(
        &self,
        dictionary: &Dictionary,
        checked: &[u32],
        typed: &str,
        limit: usize,
    ) -> Visible {
        let terms = terms(typed);
        let normalised: &[String] = if terms.is_empty() {
            &[]
        } else {
            self.normalised(dictionary)
        };
        let mut matching = self.order(dictionary).iter().copied().filter(|&id| {
            terms.is_empty()
                || normalised
                    .get(id as usize)
                    .is_some_and(|text| contains_all(text, &terms))
        });
        let mut ids: Vec<u32> = matching.by_ref().take(limit).collect();
        let more = matching.count();
        let matches = ids.len() + more;
        let listed: Vec<u32> = ids.clone();
        ids.extend(checked.iter().copied().filter(|id| !listed.contains(id)));
        Visible { ids, more, matches }
    }
}

/// Random facets for the property tests of the filter and the engine.
#[cfg(test)]
pub(crate) mod random {
    use super::*;

    /// Values per facet in [`fill`]: few, so that selections and rows share them often.
    pub const VALUES: u64 = 6;

    /// Gives every facet of `facets` `rows` rows of 0 to 3 random values among [`VALUES`]
    /// (`v0`, `v1`, ...), and actor names perpetrators among them.
    pub fn fill(facets: &mut Facets, rows: usize, next: &mut dyn FnMut(u64) -> u64) {
        for index in facets.iter_mut() {
            *index = FacetIndex::default();
            for value in 0..VALUES {
                index.dictionary.intern(&format!("v{value}"));
            }
            for _ in 0..rows {
                let mut any: Vec<u32> = (0..next(4)).map(|_| next(VALUES) as u32).collect();
                let mut perpetrators: Vec<u32> =
                    any.iter().copied().filter(|_| next(2) == 0).collect();
                index.any.push_row(&mut any);
                index.perpetrator.push_row(&mut perpetrators);
            }
        }
    }

    /// A random selection of one facet: often none, sometimes a value no row holds.
    pub fn selection(next: &mut dyn FnMut(u64) -> u64) -> Vec<u32> {
        let mut ids: Vec<u32> = match next(4) {
            0 | 1 => Vec::new(),
            2 => vec![next(VALUES) as u32],
            _ => vec![next(VALUES) as u32, next(VALUES + 1) as u32],
        };
        if next(8) == 0 {
            ids.push(u32::MAX);
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column of `rows`, pushed row by row.
    fn column(rows: &[&[u32]]) -> ValueColumn {
        let mut column = ValueColumn::default();
        for row in rows {
            column.push_row(&mut row.to_vec());
        }
        column
    }

    #[test]
    fn room_reserved_after_the_first_rows_holds_rows_as_full() {
        let mut empty = ValueColumn::default();
        empty.reserve_exact(1000);
        assert!(
            empty.ids.capacity() == 0 && empty.offsets.capacity() == 1,
            "no room"
        );
        let mut column = column(&[&[3, 1], &[2, 5]]);
        column.reserve_exact(100);
        let room = (column.offsets.capacity(), column.ids.capacity());
        assert!(room.0 >= 103 && room.1 >= 204, "{room:?}");
        for row in 0..100u32 {
            column.push_row(&mut vec![row, row + 1]);
        }
        assert_eq!(
            (column.offsets.capacity(), column.ids.capacity()),
            room,
            "nothing grew"
        );
        assert_eq!(column.rows(), 102);
        assert_eq!(column.iter().nth(101), Some(&[99, 100][..]));
    }

    #[test]
    fn rows_appended_mapped_are_the_rows_pushed_mapped() {
        let theirs: &[&[u32]] = &[&[0, 2], &[], &[1], &[0, 1, 2, 3], &[3]];
        let mine: &[&[u32]] = &[&[1, 4], &[0]];
        for to in [
            &[5, 6, 7, 8][..], // keeps the order
            &[7, 1, 0, 9],     // reorders some rows
            &[2, 2, 0, 1],     // makes two ids one
            &[4, 3],           // has no entry for ids 2 and 3
            &[],
        ] {
            let mut appended = column(mine);
            appended.append_mapped(&column(theirs), to);
            let mapped: Vec<Vec<u32>> = theirs
                .iter()
                .map(|row| {
                    row.iter()
                        .filter_map(|&id| to.get(id as usize).copied())
                        .collect()
                })
                .collect();
            let all: Vec<&[u32]> = mine
                .iter()
                .copied()
                .chain(mapped.iter().map(Vec::as_slice))
                .collect();
            assert_eq!(appended, column(&all), "{to:?}");
            assert_eq!(appended.rows(), mine.len() + theirs.len());
        }
    }

    #[test]
    fn a_dictionary_gives_ids_in_order_of_first_sight() {
        let mut dictionary = Dictionary::default();
        assert_eq!(dictionary.intern("Government of Syria"), 0);
        assert_eq!(dictionary.intern("IS"), 1);
        assert_eq!(dictionary.intern("Government of Syria"), 0);
        assert_eq!(dictionary.len(), 2);
        assert_eq!(dictionary.value(1), Some("IS"));
        assert_eq!(dictionary.value(2), None);
        assert_eq!(dictionary.find("government OF syria"), Some(0));
        // A decomposed accent (e + U+0302) finds the composed spelling.
        let place = dictionary.intern("Merc Xux\u{ea}");
        assert_eq!(dictionary.find("merc xuxe\u{302}"), Some(place));
        assert_eq!(dictionary.find("Hezbollah"), None);
    }

    #[test]
    fn a_value_column_keeps_each_rows_distinct_ids() {
        let mut column = ValueColumn::default();
        column.push_row(&mut vec![3, 1, 3]);
        column.push_row(&mut Vec::new());
        column.push_row(&mut vec![2]);
        assert_eq!(column.rows(), 3);
        assert_eq!(column.row(0), &[1, 3]);
        assert!(column.row(1).is_empty());
        assert_eq!(column.row(2), &[2]);
        assert!(column.row(3).is_empty());
        let rows: Vec<&[u32]> = column.iter().collect();
        assert_eq!(rows, vec![&[1, 3][..], &[][..], &[2][..]]);
    }

    #[test]
    fn options_are_listed_by_count_and_found_by_typing() {
        let mut dictionary = Dictionary::default();
        for value in [
            "Ariha",
            "Kafr Nubl",
            "Ma‘arrat al-Nu‘man",
            "Saraqib",
            "Idlib",
            "Unused",
        ] {
            dictionary.intern(value);
        }
        let overall = [5, 9, 2, 9, 30, 0];
        let order = OptionOrder::new(&dictionary, &overall);
        assert_eq!(order.len(), 5);
        assert!(!order.searchable());
        // By count, ties by value; "Unused" has no event.
        assert_eq!(
            order.visible(&dictionary, &[], "", 10).ids,
            vec![4, 1, 3, 0, 2]
        );
        let first_two = order.visible(&dictionary, &[], "", 2);
        assert_eq!((first_two.ids, first_two.more), (vec![4, 1], 3));
        assert_eq!(first_two.matches, 5);
        // A ticked option beyond the listed ones stays listed, after them.
        assert_eq!(order.visible(&dictionary, &[2], "", 2).ids, vec![4, 1, 2]);
        // Typing matches as the search box does: case and diacritics aside, every term.
        assert_eq!(order.visible(&dictionary, &[], "maarrat", 10).ids, vec![2]);
        assert_eq!(order.visible(&dictionary, &[], "KAFR nub", 10).ids, vec![1]);
        let one = order.visible(&dictionary, &[], "a", 1);
        assert_eq!((one.ids, one.more, one.matches), (vec![1], 3, 4));
        let none = order.visible(&dictionary, &[3], "zzz", 10);
        assert_eq!((none.ids, none.matches), (vec![3], 0));
    }

    #[test]
    fn facet_ids_round_trip() {
        for facet in Facet::ALL {
            assert_eq!(Facet::from_id(facet.id()), Some(facet));
            assert_eq!(Facet::ALL[facet.index()], facet);
        }
    }
}
