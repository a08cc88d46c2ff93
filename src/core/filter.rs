//! Filtering the event table, and the crossfilter-style counts shown beside every filter option.
//!
//! A [`Filter`] is a conjunction of dimensions (date, actor, kind, governorate, collection,
//! publisher, casualty, text, and the open ones of [`super::facet`]: actor names, districts,
//! places, sources); inside a dimension the selected options are alternatives (any selected
//! actor), and an empty selection means "no constraint". Evaluation works column by
//! column: each active dimension is one tight pass over its column that marks, per row, a bit for
//! "fails this dimension". The rows are those with no bit set, and the same marks give the
//! cross-filter counts in one more pass (a row failing exactly one dimension still counts for the
//! options of that dimension). The costly text test runs last and only on rows that can still
//! matter. Nothing is allocated per row apart from the marks and the output.

use super::date::Day;
use super::facet::{Facet, IdSet, ValueColumn};
use super::search;
use super::table::{
    bit32, EventTable, CHILD_KILLED_ANY, CIVILIAN_KILLED_ANY, INJURED_ANY, KILLED_ANY,
};
use super::vocab::{Actor, EventKind, Governorate, Publisher};

/// Which actor column the actor filter reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ActorRole {
    /// The actor took part in any role (perpetrator, target, participant).
    #[default]
    Any,
    /// The actor is named as the perpetrator.
    Perpetrator,
}

impl ActorRole {
    pub const ALL: &'static [ActorRole] = &[ActorRole::Any, ActorRole::Perpetrator];

    pub fn id(self) -> &'static str {
        match self {
            ActorRole::Any => "any",
            ActorRole::Perpetrator => "perpetrator",
        }
    }

    pub fn from_id(id: &str) -> Option<ActorRole> {
        Self::ALL.iter().copied().find(|role| role.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            ActorRole::Any => "in any role",
            ActorRole::Perpetrator => "as perpetrator",
        }
    }
}

/// Events with casualties of a kind. Each option tests a flag set whenever such an entry exists,
/// with or without a number, so "several killed" is found too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CasualtyFilter {
    AnyKilled,
    CiviliansKilled,
    ChildrenKilled,
    AnyInjured,
}

impl CasualtyFilter {
    /// Every option, in display order; [`CrossCounts::casualty`] follows this order.
    pub const ALL: &'static [CasualtyFilter] = &[
        CasualtyFilter::AnyKilled,
        CasualtyFilter::CiviliansKilled,
        CasualtyFilter::ChildrenKilled,
        CasualtyFilter::AnyInjured,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CasualtyFilter::AnyKilled => "killed",
            CasualtyFilter::CiviliansKilled => "civilians",
            CasualtyFilter::ChildrenKilled => "children",
            CasualtyFilter::AnyInjured => "injured",
        }
    }

    pub fn from_id(id: &str) -> Option<CasualtyFilter> {
        Self::ALL.iter().copied().find(|c| c.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            CasualtyFilter::AnyKilled => "People killed",
            CasualtyFilter::CiviliansKilled => "Civilians killed",
            CasualtyFilter::ChildrenKilled => "Children killed",
            CasualtyFilter::AnyInjured => "People injured",
        }
    }

    /// Position in [`Self::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The [`EventTable::flags`] bit this option tests.
    pub fn flag(self) -> u8 {
        match self {
            CasualtyFilter::AnyKilled => KILLED_ANY,
            CasualtyFilter::CiviliansKilled => CIVILIAN_KILLED_ANY,
            CasualtyFilter::ChildrenKilled => CHILD_KILLED_ANY,
            CasualtyFilter::AnyInjured => INJURED_ANY,
        }
    }
}

/// The dimensions a filter constrains, for [`Filter::matches_row`]'s `skip`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Date,
    Actor,
    Kind,
    Governorate,
    Collection,
    Publisher,
    Casualty,
    Text,
    /// The open dimensions, one per [`Facet`].
    Party,
    EventType,
    District,
    Place,
    Source,
}

impl Dimension {
    pub const ALL: &'static [Dimension] = &[
        Dimension::Date,
        Dimension::Actor,
        Dimension::Kind,
        Dimension::Governorate,
        Dimension::Collection,
        Dimension::Publisher,
        Dimension::Casualty,
        Dimension::Text,
        Dimension::Party,
        Dimension::EventType,
        Dimension::District,
        Dimension::Place,
        Dimension::Source,
    ];

    /// This dimension's bit in the per-row failure marks (up to sixteen dimensions fit a
    /// [`Mark`]).
    pub fn bit(self) -> Mark {
        1 << (self as u8)
    }

    /// The dimension of an open facet.
    pub fn of_facet(facet: Facet) -> Dimension {
        match facet {
            Facet::Party => Dimension::Party,
            Facet::EventType => Dimension::EventType,
            Facet::District => Dimension::District,
            Facet::Place => Dimension::Place,
            Facet::Source => Dimension::Source,
        }
    }

    /// The facet this dimension filters, if it is an open one.
    pub fn facet(self) -> Option<Facet> {
        Facet::ALL
            .into_iter()
            .find(|&facet| Dimension::of_facet(facet) == self)
    }
}

/// Per row, one bit per [`Dimension`] the row fails.
pub type Mark = u16;

/// What the user asked to see. Masks are over the `index()` of the vocabulary (`collections`
/// over [`EventTable::collection_ids`]); an empty mask, `None` or empty text is no constraint.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// With `to`: the event's date range must overlap `[from, to]` (both inclusive). Overlap,
    /// not containment, because an event dated only "November 2019" may have happened on any of
    /// those days: a range that covers some of them must show it, or narrowing the dates would
    /// hide exactly the imprecisely dated events. Either bound may be open.
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub actors: u32,
    pub actor_role: ActorRole,
    pub kinds: u32,
    pub governorates: u16,
    pub collections: u32,
    pub publishers: u32,
    pub casualty: Option<CasualtyFilter>,
    /// Raw text as typed; normalised once per evaluation, never per row.
    pub text: String,
    /// Per [`Facet`], the selected value ids of its dictionary ([`EventTable::facets`]),
    /// ascending; empty is no constraint. An id the dictionary does not hold (a value no loaded
    /// event has) is kept, and matches no row.
    pub facets: [Vec<u32>; Facet::COUNT],
}

/// Per option, the number of rows that match every active dimension other than the option's
/// own and have that option: what the option would show if selected (alone) now. Vectors follow
/// `Actor::ALL`, `EventKind::ALL`, `Governorate::ALL`, [`EventTable::collection_ids`],
/// `Publisher::ALL` and [`CasualtyFilter::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CrossCounts {
    pub actor: Vec<u32>,
    pub kind: Vec<u32>,
    pub governorate: Vec<u32>,
    pub collection: Vec<u32>,
    pub publisher: Vec<u32>,
    pub casualty: Vec<u32>,
    /// Per [`Facet`], per value id of its dictionary.
    pub facets: [Vec<u32>; Facet::COUNT],
}

impl CrossCounts {
    /// All zero, sized for `table`'s options.
    pub fn zero(table: &EventTable) -> CrossCounts {
        CrossCounts {
            actor: vec![0; Actor::ALL.len()],
            kind: vec![0; EventKind::ALL.len()],
            governorate: vec![0; Governorate::ALL.len()],
            collection: vec![0; table.collection_ids.len()],
            publisher: vec![0; Publisher::ALL.len()],
            casualty: vec![0; CasualtyFilter::ALL.len()],
            facets: std::array::from_fn(|i| vec![0; table.facets[i].dictionary.len()]),
        }
    }
}

impl Filter {
    /// True when `row` passes every active dimension except `skip`. Normalises the text on each
    /// call: use [`Filter::rows`] or [`cross_counts`] for many rows. A row out of range matches
    /// nothing.
    pub fn matches_row(&self, table: &EventTable, row: usize, skip: Option<Dimension>) -> bool {
        if row >= table.len() {
            return false;
        }
        let terms = search::terms(&self.text);
        Dimension::ALL
            .iter()
            .filter(|&&dimension| Some(dimension) != skip)
            .all(|&dimension| self.passes(table, row, dimension, &terms))
    }

    /// The rows that pass every dimension, ascending.
    pub fn rows(&self, table: &EventTable) -> Vec<u32> {
        self.marks(table).rows()
    }

    /// Whether this filter constrains `dimension` at all.
    pub fn is_active(&self, dimension: Dimension) -> bool {
        match dimension {
            Dimension::Date => self.from.is_some() || self.to.is_some(),
            Dimension::Actor => self.actors != 0,
            Dimension::Kind => self.kinds != 0,
            Dimension::Governorate => self.governorates != 0,
            Dimension::Collection => self.collections != 0,
            Dimension::Publisher => self.publishers != 0,
            Dimension::Casualty => self.casualty.is_some(),
            Dimension::Text => !search::terms(&self.text).is_empty(),
            Dimension::Party
            | Dimension::EventType
            | Dimension::District
            | Dimension::Place
            | Dimension::Source => dimension
                .facet()
                .is_some_and(|facet| !self.facets[facet.index()].is_empty()),
        }
    }

    /// The column of `facet` the filter reads: for actor names, the filter's role decides
    /// between every name and the perpetrators' only.
    pub(crate) fn facet_column<'a>(&self, table: &'a EventTable, facet: Facet) -> &'a ValueColumn {
        let index = &table.facets[facet.index()];
        match (facet, self.actor_role) {
            (Facet::Party, ActorRole::Perpetrator) => &index.perpetrator,
            _ => &index.any,
        }
    }

    /// The selected ids of `facet` as a set, `None` when the facet is not constrained.
    fn facet_selection(&self, table: &EventTable, facet: Facet) -> Option<IdSet> {
        let selected = &self.facets[facet.index()];
        (!selected.is_empty())
            .then(|| IdSet::of(table.facets[facet.index()].dictionary.len(), selected))
    }

    /// The actor column the filter's role reads: any role, or perpetrators only.
    pub(crate) fn actor_column<'a>(&self, table: &'a EventTable) -> &'a [u32] {
        match self.actor_role {
            ActorRole::Any => &table.actors_any,
            ActorRole::Perpetrator => &table.actors_perpetrator,
        }
    }

    /// One dimension for one row (the slow path behind [`Filter::matches_row`]).
    fn passes(
        &self,
        table: &EventTable,
        row: usize,
        dimension: Dimension,
        terms: &[String],
    ) -> bool {
        match dimension {
            Dimension::Date => {
                let start = table.start.get(row).copied().unwrap_or(i32::MAX);
                let end = table.end.get(row).copied().unwrap_or(i32::MIN);
                self.to.is_none_or(|to| start <= to.0) && self.from.is_none_or(|from| end >= from.0)
            }
            Dimension::Actor => mask_passes(
                self.actors,
                self.actor_column(table).get(row).copied().unwrap_or(0),
            ),
            Dimension::Kind => mask_passes(
                self.kinds,
                bit32(usize::from(table.kind.get(row).copied().unwrap_or(u8::MAX))),
            ),
            Dimension::Governorate => mask_passes(
                u32::from(self.governorates),
                u32::from(table.governorates.get(row).copied().unwrap_or(0)),
            ),
            Dimension::Collection => mask_passes(
                self.collections,
                bit32(usize::from(
                    table.collection.get(row).copied().unwrap_or(u8::MAX),
                )),
            ),
            Dimension::Publisher => mask_passes(
                self.publishers,
                u32::from(table.publishers.get(row).copied().unwrap_or(0)),
            ),
            Dimension::Casualty => self.casualty.is_none_or(|casualty| {
                table.flags.get(row).copied().unwrap_or(0) & casualty.flag() != 0
            }),
            // A table that keeps its texts is tested on the row's text; one built from datasets
            // keeps only the index, which is asked for every row it matches (this slow path
            // serves checks of single rows, not the explorer's passes over the table).
            Dimension::Text => {
                terms.is_empty()
                    || match table.search_text.get(row) {
                        Some(text) => search::contains_all(text, terms),
                        None => table
                            .rows_with_text(terms)
                            .is_some_and(|rows| rows.contains(row)),
                    }
            }
            Dimension::Party
            | Dimension::EventType
            | Dimension::District
            | Dimension::Place
            | Dimension::Source => dimension.facet().is_none_or(|facet| {
                self.facet_selection(table, facet)
                    .is_none_or(|selected| selected.any(self.facet_column(table, facet).row(row)))
            }),
        }
    }

    /// Which dimensions each row fails, one bit each: the one pass over the table that both
    /// the rows ([`Marks::rows`]) and the cross counts ([`cross_counts_of`]) are read from, so
    /// a change that needs both does the work once. Each active dimension is one pass over its
    /// column, written without branches (the outcome of a random row is unpredictable, and
    /// mispredicted branches would cost more than the test itself). Text is read from the
    /// table's text index; a table built without one is scanned, and then only the rows failing
    /// at most one other dimension (whether a row failing two or more also fails the text
    /// changes neither the rows nor the cross counts).
    pub fn marks(&self, table: &EventTable) -> Marks {
        let mut marks: Vec<Mark> = vec![0; table.len()];
        if self.from.is_some() || self.to.is_some() {
            let from = self.from.map_or(i32::MIN, |d| d.0);
            let to = self.to.map_or(i32::MAX, |d| d.0);
            let shift = Dimension::Date as u8;
            for ((mark, &start), &end) in marks.iter_mut().zip(&table.start).zip(&table.end) {
                // `|` rather than `||`: both sides are cheap, and no branch is taken.
                *mark |= Mark::from((start > to) | (end < from)) << shift;
            }
        }
        if self.actors != 0 {
            let selected = self.actors;
            mark_failing(
                &mut marks,
                self.actor_column(table),
                Dimension::Actor,
                |actors| actors & selected == 0,
            );
        }
        if self.kinds != 0 {
            mark_failing(&mut marks, &table.kind, Dimension::Kind, |kind| {
                !has_bit(self.kinds, kind)
            });
        }
        if self.governorates != 0 {
            let selected = self.governorates;
            mark_failing(
                &mut marks,
                &table.governorates,
                Dimension::Governorate,
                |g| g & selected == 0,
            );
        }
        if self.collections != 0 {
            mark_failing(&mut marks, &table.collection, Dimension::Collection, |c| {
                !has_bit(self.collections, c)
            });
        }
        if self.publishers != 0 {
            let selected = self.publishers;
            mark_failing(&mut marks, &table.publishers, Dimension::Publisher, |p| {
                u32::from(p) & selected == 0
            });
        }
        if let Some(casualty) = self.casualty {
            let flag = casualty.flag();
            mark_failing(&mut marks, &table.flags, Dimension::Casualty, |flags| {
                flags & flag == 0
            });
        }
        for facet in Facet::ALL {
            if let Some(selected) = self.facet_selection(table, facet) {
                let column = self.facet_column(table, facet);
                let bit = Dimension::of_facet(facet).bit();
                for (row, mark) in marks.iter_mut().enumerate() {
                    *mark |= bit * Mark::from(!selected.any(column.row(row)));
                }
            }
        }
        let terms = search::terms(&self.text);
        if !terms.is_empty() {
            let bit = Dimension::Text.bit();
            match table.rows_with_text(&terms) {
                // The index: one pass over the dictionary of words, then one bit test a row.
                Some(matching) => {
                    for (row, mark) in marks.iter_mut().enumerate() {
                        *mark |= bit * Mark::from(!matching.contains(row));
                    }
                }
                // A table built without its index: scan the texts of the rows that could
                // still count (a row failing two other dimensions counts nowhere).
                None => {
                    for (mark, text) in marks.iter_mut().zip(&table.search_text) {
                        if mark.count_ones() <= 1 && !search::contains_all(text, &terms) {
                            *mark |= bit;
                        }
                    }
                }
            }
        }
        Marks(marks)
    }
}

/// Per row, one bit per [`Dimension`] the row fails (from [`Filter::marks`]), for the filter
/// and table it was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks(Vec<Mark>);

impl Marks {
    /// Marks from their bits, one [`Mark`] a row (see [`Dimension::bit`]).
    pub fn from_bits(bits: Vec<Mark>) -> Marks {
        Marks(bits)
    }

    /// One [`Mark`] a row: the bits of the dimensions it fails.
    pub fn bits(&self) -> &[Mark] {
        &self.0
    }

    pub fn into_bits(self) -> Vec<Mark> {
        self.0
    }

    /// The rows that fail no dimension, ascending.
    pub fn rows(&self) -> Vec<u32> {
        unmarked_rows(&self.0)
    }
}

/// The cross counts of one open facet (see [`CrossCounts::facets`]), by value id, from the
/// rows' marks ([`Marks::bits`]).
pub fn facet_counts(filter: &Filter, table: &EventTable, marks: &[Mark], facet: Facet) -> Vec<u32> {
    let mut counts = vec![0u32; table.facets[facet.index()].dictionary.len()];
    let bit = Dimension::of_facet(facet).bit();
    for (&mark, ids) in marks.iter().zip(filter.facet_column(table, facet).iter()) {
        if mark & !bit == 0 {
            for &id in ids {
                if let Some(count) = counts.get_mut(id as usize) {
                    *count += 1;
                }
            }
        }
    }
    counts
}

/// Per bucket, the rows that fail no dimension other than the date, each counted in its
/// bucket (`bucket_of_row`; `None` or a bucket past `buckets` leaves the row out): a date
/// histogram that ignores its own filter, as a crossfilter group does, so a brush shows what
/// lies around it.
pub fn date_counts(
    marks: &Marks,
    buckets: usize,
    bucket_of_row: impl Fn(usize) -> Option<usize>,
) -> Vec<u32> {
    let mut counts = vec![0u32; buckets];
    let others = !Dimension::Date.bit();
    for (row, &mark) in marks.0.iter().enumerate() {
        if mark & others != 0 {
            continue;
        }
        if let Some(count) = bucket_of_row(row).and_then(|bucket| counts.get_mut(bucket)) {
            *count += 1;
        }
    }
    counts
}

fn mask_passes(selected: u32, row: u32) -> bool {
    selected == 0 || selected & row != 0
}

/// Whether bit `index` of `mask` is set; indexes past the mask (a 40th collection) never are.
fn has_bit(mask: u32, index: u8) -> bool {
    (u64::from(mask) >> u32::from(index).min(63)) & 1 == 1
}

/// Sets `dimension`'s bit in the mark of every row whose value `fails`.
fn mark_failing<T: Copy>(
    marks: &mut [Mark],
    column: &[T],
    dimension: Dimension,
    fails: impl Fn(T) -> bool,
) {
    let shift = dimension as u8;
    for (mark, &value) in marks.iter_mut().zip(column) {
        *mark |= Mark::from(fails(value)) << shift;
    }
}

/// The rows whose mark is 0, ascending. Counted first so the output is allocated once at its
/// exact size, then written without a data-dependent branch: every row is stored at the next
/// free slot and the slot only advances for rows that pass.
pub(crate) fn unmarked_rows(marks: &[Mark]) -> Vec<u32> {
    let count = marks.iter().filter(|&&mark| mark == 0).count();
    let mut rows = vec![0u32; count];
    let mut next = 0usize;
    for (&mark, row) in marks.iter().zip(0u32..) {
        if let Some(slot) = rows.get_mut(next) {
            *slot = row;
        }
        next += usize::from(mark == 0);
    }
    rows
}

/// Per byte position of a mask column, how many qualifying rows had each byte value. Adding a
/// row is `N` increments whatever its bits, with no branch; the per-bit counts are read off the
/// 256 bins afterwards. This is what keeps cross counting at a few operations per row even for
/// rows with many actors or governorates.
struct ByteBins<const N: usize>([[u32; 256]; N]);

impl<const N: usize> ByteBins<N> {
    fn new() -> Self {
        ByteBins([[0; 256]; N])
    }

    /// Adds `weight` (0 or 1) to the bin of each byte of `value`.
    fn add(&mut self, value: u32, weight: u32) {
        for (position, bins) in (0u32..).zip(self.0.iter_mut()) {
            let byte = value.checked_shr(8 * position).unwrap_or(0) & 0xFF;
            if let Some(bin) = bins.get_mut(byte as usize) {
                *bin = bin.wrapping_add(weight);
            }
        }
    }

    /// Adds to `counts[i]` the rows whose value had bit `i` set.
    fn add_bits_to(&self, counts: &mut [u32]) {
        for (position, bins) in self.0.iter().enumerate() {
            for (byte, &rows) in bins.iter().enumerate().filter(|(_, &rows)| rows > 0) {
                for bit in (0..8).filter(|bit| byte >> bit & 1 == 1) {
                    if let Some(count) = counts.get_mut(position * 8 + bit) {
                        *count = count.saturating_add(rows);
                    }
                }
            }
        }
    }

    /// Adds to `counts[v]` the rows whose value was `v` (for one-byte, single-valued columns).
    fn add_values_to(&self, counts: &mut [u32]) {
        if let Some(bins) = self.0.first() {
            for (count, &rows) in counts.iter_mut().zip(bins) {
                *count = count.saturating_add(rows);
            }
        }
    }
}

const ACTOR_BYTES: usize = Actor::ALL.len().div_ceil(8);
const GOVERNORATE_BYTES: usize = Governorate::ALL.len().div_ceil(8);

/// Cross-filter counts for every option of every faceted dimension (see [`CrossCounts`]), in
/// one pass over the rows after the per-dimension marking. A row failing no dimension counts for
/// the options it has in every dimension; a row failing exactly one dimension counts only for
/// that dimension's options (it would be shown if that dimension's selection changed); a row
/// failing two or more counts nowhere. Each row adds a 0 or 1 weight per dimension rather than
/// branching on these cases. The actor counts read the column of the filter's role.
pub fn cross_counts(filter: &Filter, table: &EventTable) -> CrossCounts {
    cross_counts_of(filter, table, &filter.marks(table))
}

/// [`cross_counts`] from marks already computed by `filter.marks(table)`.
pub fn cross_counts_of(filter: &Filter, table: &EventTable, marks: &Marks) -> CrossCounts {
    cross_counts_wanted(filter, table, marks, &[true; Facet::COUNT])
}

/// [`cross_counts_of`], counting only the facets `wanted` (by [`Facet::index`]); the counts of
/// the others are left empty. Counting an open facet is a pass over its values, which a reader
/// who has not opened its options does not need.
pub fn cross_counts_wanted(
    filter: &Filter,
    table: &EventTable,
    marks: &Marks,
    wanted: &[bool; Facet::COUNT],
) -> CrossCounts {
    let mut actor_bins = ByteBins::<ACTOR_BYTES>::new();
    let mut kind_bins = ByteBins::<1>::new();
    let mut governorate_bins = ByteBins::<GOVERNORATE_BYTES>::new();
    let mut collection_bins = ByteBins::<1>::new();
    let mut publisher_bins = ByteBins::<1>::new();
    let mut flag_bins = ByteBins::<1>::new();
    let rows = marks
        .0
        .iter()
        .zip(filter.actor_column(table))
        .zip(&table.kind)
        .zip(&table.governorates)
        .zip(&table.collection)
        .zip(&table.publishers)
        .zip(&table.flags);
    for ((((((&mark, &actors), &kind), &governorates), &collection), &publishers), &flags) in rows {
        // 1 when the row fails no dimension other than `dimension`.
        let weight = |dimension: Dimension| u32::from(mark & !dimension.bit() == 0);
        actor_bins.add(actors, weight(Dimension::Actor));
        kind_bins.add(u32::from(kind), weight(Dimension::Kind));
        governorate_bins.add(u32::from(governorates), weight(Dimension::Governorate));
        collection_bins.add(u32::from(collection), weight(Dimension::Collection));
        publisher_bins.add(u32::from(publishers), weight(Dimension::Publisher));
        flag_bins.add(u32::from(flags), weight(Dimension::Casualty));
    }
    let mut counts = CrossCounts::zero(table);
    for facet in Facet::ALL {
        counts.facets[facet.index()] = if wanted[facet.index()] {
            facet_counts(filter, table, marks.bits(), facet)
        } else {
            Vec::new()
        };
    }
    actor_bins.add_bits_to(&mut counts.actor);
    kind_bins.add_values_to(&mut counts.kind);
    governorate_bins.add_bits_to(&mut counts.governorate);
    collection_bins.add_values_to(&mut counts.collection);
    publisher_bins.add_bits_to(&mut counts.publisher);
    let mut flag_counts = [0u32; 8];
    flag_bins.add_bits_to(&mut flag_counts);
    for (count, option) in counts.casualty.iter_mut().zip(CasualtyFilter::ALL) {
        let bit = option.flag().trailing_zeros() as usize;
        *count = flag_counts.get(bit).copied().unwrap_or(0);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::DatePrecision;
    use crate::core::table::test_data::*;
    use crate::core::vocab::{CasualtyGroup, Outcome, Role};

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap_or_default()
    }

    fn bit(index: usize) -> u32 {
        1 << index
    }

    /// Eight events across two collections with varied dimensions.
    fn datasets() -> Vec<crate::core::model::Dataset> {
        let curated = dataset(
            "curated",
            vec![
                // 0
                ev("curated:1", "2019-11-14")
                    .actor(Actor::Russia, Role::Perpetrator)
                    .actor(Actor::Civilians, Role::Target)
                    .place("Ariha", Some(Governorate::Idlib))
                    .killed(CasualtyGroup::Civilians, 5)
                    .killed(CasualtyGroup::Children, 2)
                    .cite(SOHR, "Russian warplanes struck a market in Ariha"),
                // 1
                ev("curated:2", "2019-11-20")
                    .kind(EventKind::Shelling)
                    .actor(Actor::SyrianGovernment, Role::Perpetrator)
                    .actor(Actor::Russia, Role::Participant)
                    .place("Kafr Nubl", Some(Governorate::Idlib))
                    .place("Suran", Some(Governorate::Hama))
                    .casualty(casualty(
                        CasualtyGroup::People,
                        Outcome::Injured,
                        None,
                        None,
                        None,
                    ))
                    .cite(SNHR, "shelling of Kafr Nubl"),
                // 2: month precision
                ev("curated:3", "2019-11-01")
                    .range("2019-11-01", "2019-11-30", DatePrecision::Month)
                    .kind(EventKind::GroundAttack)
                    .actor(Actor::Turkey, Role::Perpetrator)
                    .actor(Actor::Sdf, Role::Target)
                    .place("Ras al-Ayn", Some(Governorate::AlHasakah))
                    .killed(CasualtyGroup::Combatants, 12)
                    .cite(AL_JAZEERA, "Turkish-backed forces")
                    .cite(SOHR, "clashes near Ras al-Ayn"),
                // 3: milestone
                ev("curated:4", "2019-10-22")
                    .kind(EventKind::CeasefireAgreement)
                    .actor(Actor::Russia, Role::Participant)
                    .actor(Actor::Turkey, Role::Participant)
                    .summary("Sochi memorandum")
                    .cite(AL_JAZEERA, "agreement"),
                // 4
                ev("curated:5", "2020-02-03")
                    .actor(Actor::Israel, Role::Perpetrator)
                    .place("Damascus airport", Some(Governorate::Damascus))
                    .casualty(casualty(
                        CasualtyGroup::Combatants,
                        Outcome::Killed,
                        None,
                        None,
                        None,
                    ))
                    .cite(SOHR, "Israeli missiles"),
            ],
        );
        let ucdp = dataset(
            "ucdp",
            vec![
                // 5
                ev("ucdp:1", "2019-11-14")
                    .kind(EventKind::StateBasedViolence)
                    .actor(Actor::SyrianGovernment, Role::Participant)
                    .party(Actor::Opposition, Role::Participant, 0)
                    .place("Idlib", Some(Governorate::Idlib))
                    .casualty(casualty(
                        CasualtyGroup::All,
                        Outcome::Killed,
                        Some(3),
                        Some(4),
                        Some(6),
                    ))
                    .cite(UCDP, "clashes"),
                // 6
                ev("ucdp:2", "2019-12-25")
                    .kind(EventKind::OneSidedViolence)
                    .actor(Actor::Isis, Role::Perpetrator)
                    .place("Deir ez-Zor", Some(Governorate::DeirEzZor))
                    .killed(CasualtyGroup::Civilians, 3)
                    .cite(UCDP, "ISIS executed"),
                // 7: no actor, no place
                ev("ucdp:3", "2018-05-01").cite(UCDP, "unknown attackers"),
            ],
        );
        vec![curated, ucdp]
    }

    fn table() -> EventTable {
        EventTable::build(&datasets())
    }

    fn ids(filter: &Filter) -> Vec<u32> {
        filter.rows(&table())
    }

    #[test]
    fn empty_filter_keeps_every_row() {
        assert_eq!(ids(&Filter::default()), (0..8).collect::<Vec<u32>>());
    }

    #[test]
    fn date_range_keeps_overlapping_events() {
        let november = Filter {
            from: Some(day("2019-11-10")),
            to: Some(day("2019-11-16")),
            ..Filter::default()
        };
        // The month-precision event overlaps the week; the day events outside it do not.
        assert_eq!(ids(&november), vec![0, 2, 5]);
        let open_end = Filter {
            from: Some(day("2019-12-01")),
            ..Filter::default()
        };
        assert_eq!(ids(&open_end), vec![4, 6]);
        let open_start = Filter {
            to: Some(day("2019-10-31")),
            ..Filter::default()
        };
        assert_eq!(ids(&open_start), vec![3, 7]);
    }

    #[test]
    fn actors_by_role() {
        let russia = Filter {
            actors: bit(Actor::Russia.index()),
            ..Filter::default()
        };
        assert_eq!(ids(&russia), vec![0, 1, 3]);
        let russia_perpetrator = Filter {
            actor_role: ActorRole::Perpetrator,
            ..russia.clone()
        };
        assert_eq!(ids(&russia_perpetrator), vec![0]);
        // Within a dimension the options are alternatives.
        let either = Filter {
            actors: bit(Actor::Isis.index()) | bit(Actor::Israel.index()),
            ..Filter::default()
        };
        assert_eq!(ids(&either), vec![4, 6]);
    }

    #[test]
    fn kinds_governorates_collections_publishers() {
        let shelling = Filter {
            kinds: bit(EventKind::Shelling.index()) | bit(EventKind::OneSidedViolence.index()),
            ..Filter::default()
        };
        assert_eq!(ids(&shelling), vec![1, 6]);
        let hama = Filter {
            governorates: 1 << Governorate::Hama.index(),
            ..Filter::default()
        };
        assert_eq!(ids(&hama), vec![1]);
        let idlib = Filter {
            governorates: 1 << Governorate::Idlib.index(),
            ..Filter::default()
        };
        assert_eq!(ids(&idlib), vec![0, 1, 5]);
        let ucdp = Filter {
            collections: 1 << 1,
            ..Filter::default()
        };
        assert_eq!(ids(&ucdp), vec![5, 6, 7]);
        let al_jazeera = Filter {
            publishers: bit(Publisher::AlJazeera.index()),
            ..Filter::default()
        };
        assert_eq!(ids(&al_jazeera), vec![2, 3]);
    }

    #[test]
    fn casualty_options_use_the_flags() {
        let with = |casualty| Filter {
            casualty: Some(casualty),
            ..Filter::default()
        };
        // Row 4 has "combatants killed" without a number: still found.
        assert_eq!(ids(&with(CasualtyFilter::AnyKilled)), vec![0, 2, 4, 5, 6]);
        assert_eq!(ids(&with(CasualtyFilter::CiviliansKilled)), vec![0, 6]);
        assert_eq!(ids(&with(CasualtyFilter::ChildrenKilled)), vec![0]);
        assert_eq!(ids(&with(CasualtyFilter::AnyInjured)), vec![1]);
    }

    #[test]
    fn text_is_normalised_and_anded() {
        let text = |text: &str| Filter {
            text: text.to_string(),
            ..Filter::default()
        };
        assert_eq!(ids(&text("ARIHA market")), vec![0]);
        assert_eq!(ids(&text("ras al-ayn")), vec![2]);
        // Party names are searchable.
        assert_eq!(ids(&text("ahrar")), vec![5]);
        assert_eq!(ids(&text("   ")), (0..8).collect::<Vec<u32>>());
        assert!(ids(&text("ariha saraqib")).is_empty());
    }

    #[test]
    fn dimensions_are_anded() {
        let filter = Filter {
            actors: bit(Actor::SyrianGovernment.index()),
            governorates: 1 << Governorate::Idlib.index(),
            collections: 1,
            ..Filter::default()
        };
        assert_eq!(ids(&filter), vec![1]);
    }

    #[test]
    fn ids_and_skipped_dimensions() {
        for option in CasualtyFilter::ALL {
            assert_eq!(CasualtyFilter::from_id(option.id()), Some(*option));
        }
        assert_eq!(CasualtyFilter::from_id("dead"), None);
        assert_eq!(
            ActorRole::from_id("perpetrator"),
            Some(ActorRole::Perpetrator)
        );
        let table = table();
        let filter = Filter {
            kinds: bit(EventKind::Shelling.index()),
            ..Filter::default()
        };
        assert!(!filter.matches_row(&table, 0, None));
        assert!(filter.matches_row(&table, 0, Some(Dimension::Kind)));
        assert!(!filter.matches_row(&table, 99, Some(Dimension::Kind)));
    }

    /// Counts recomputed the slow way: for each option, the rows that pass everything but the
    /// option's dimension and have the option.
    fn brute_force(filter: &Filter, table: &EventTable) -> CrossCounts {
        let passing = |dimension| -> Vec<usize> {
            (0..table.len())
                .filter(|&row| filter.matches_row(table, row, Some(dimension)))
                .collect()
        };
        let actors = filter.actor_column(table);
        let count = |dimension, has: &dyn Fn(usize) -> bool| -> u32 {
            passing(dimension)
                .into_iter()
                .filter(|&row| has(row))
                .count() as u32
        };
        CrossCounts {
            actor: (0..Actor::ALL.len())
                .map(|a| count(Dimension::Actor, &|row| actors[row] & (1 << a) != 0))
                .collect(),
            kind: (0..EventKind::ALL.len())
                .map(|k| count(Dimension::Kind, &|row| usize::from(table.kind[row]) == k))
                .collect(),
            governorate: (0..Governorate::ALL.len())
                .map(|g| {
                    count(Dimension::Governorate, &|row| {
                        table.governorates[row] & (1 << g) != 0
                    })
                })
                .collect(),
            collection: (0..table.collection_ids.len())
                .map(|c| {
                    count(Dimension::Collection, &|row| {
                        usize::from(table.collection[row]) == c
                    })
                })
                .collect(),
            publisher: (0..Publisher::ALL.len())
                .map(|p| {
                    count(Dimension::Publisher, &|row| {
                        table.publishers[row] & (1 << p) != 0
                    })
                })
                .collect(),
            casualty: CasualtyFilter::ALL
                .iter()
                .map(|c| count(Dimension::Casualty, &|row| table.flags[row] & c.flag() != 0))
                .collect(),
            facets: Facet::ALL.map(|facet| {
                let column = filter.facet_column(table, facet);
                (0..table.facets[facet.index()].dictionary.len() as u32)
                    .map(|id| {
                        count(Dimension::of_facet(facet), &|row| {
                            column.row(row).contains(&id)
                        })
                    })
                    .collect()
            }),
        }
    }

    #[test]
    fn cross_counts_equal_a_brute_force_recount() {
        let table = table();
        let filters = [
            Filter::default(),
            Filter {
                actors: bit(Actor::Russia.index()),
                ..Filter::default()
            },
            Filter {
                actors: bit(Actor::Russia.index()) | bit(Actor::Turkey.index()),
                actor_role: ActorRole::Perpetrator,
                governorates: 1 << Governorate::Idlib.index(),
                ..Filter::default()
            },
            Filter {
                from: Some(day("2019-11-01")),
                to: Some(day("2019-12-31")),
                kinds: bit(EventKind::Airstrike.index()),
                casualty: Some(CasualtyFilter::AnyKilled),
                ..Filter::default()
            },
            Filter {
                collections: 1 << 1,
                publishers: bit(Publisher::Sohr.index()),
                text: "clashes".to_string(),
                ..Filter::default()
            },
            Filter {
                from: Some(day("2019-11-14")),
                to: Some(day("2019-11-14")),
                actors: bit(Actor::SyrianGovernment.index()),
                kinds: bit(EventKind::StateBasedViolence.index()),
                governorates: 1 << Governorate::Idlib.index(),
                collections: 1,
                publishers: bit(Publisher::Ucdp.index()),
                casualty: Some(CasualtyFilter::CiviliansKilled),
                text: "clashes".to_string(),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            assert_eq!(
                cross_counts(filter, &table),
                brute_force(filter, &table),
                "{filter:?}"
            );
        }
        // Random tables and filters, to reach every byte of the masks and every mix of failures.
        let mut next = crate::core::table::test_data::xorshift(0x2545_f491_4f6c_dd1d);
        let mut random = EventTable {
            collection_ids: vec!["a".into(), "b".into(), "c".into()],
            ..EventTable::default()
        };
        for row in 0..150 {
            let start = 18_000 + next(60) as i32;
            random.start.push(start);
            random.end.push(start + next(3) as i32 * next(40) as i32);
            random.collection.push(next(3) as u8);
            random.publishers.push(next(32) as u8);
            random.kind.push(next(EventKind::ALL.len() as u64) as u8);
            random.actors_any.push(next(1 << Actor::ALL.len()) as u32);
            random
                .actors_perpetrator
                .push(next(1 << Actor::ALL.len()) as u32);
            random
                .governorates
                .push(next(1 << Governorate::ALL.len()) as u16);
            random.flags.push(next(16) as u8);
            random
                .search_text
                .push(format!("row {} word{}", row, next(5)));
        }
        crate::core::facet::random::fill(&mut random.facets, 150, &mut next);
        let mut indexed = random.clone();
        indexed.index_text();
        assert!(random.rows_with_text(&search::terms("word1")).is_none());
        for _ in 0..60 {
            let pick = |n: u64, bits: u32, next: &mut dyn FnMut(u64) -> u64| {
                if next(3) == 0 {
                    0
                } else {
                    next(1 << bits.min(32)) as u32 & (n as u32)
                }
            };
            let filter = Filter {
                from: (next(3) == 0).then(|| Day(18_000 + next(60) as i32)),
                to: (next(3) == 0).then(|| Day(18_030 + next(60) as i32)),
                actors: pick(u64::from(u32::MAX), Actor::ALL.len() as u32, &mut next),
                actor_role: if next(2) == 0 {
                    ActorRole::Any
                } else {
                    ActorRole::Perpetrator
                },
                kinds: pick(u64::from(u32::MAX), EventKind::ALL.len() as u32, &mut next),
                governorates: pick(0xFFFF, 14, &mut next) as u16,
                collections: pick(0b111, 3, &mut next),
                publishers: pick(0b11111, 5, &mut next),
                casualty: (next(3) == 0).then(|| CasualtyFilter::ALL[next(4) as usize]),
                text: if next(4) == 0 {
                    "word1".to_string()
                } else {
                    String::new()
                },
                facets: std::array::from_fn(|_| crate::core::facet::random::selection(&mut next)),
            };
            // Both text paths: the scan of a table without its index, and the index.
            for table in [&random, &indexed] {
                assert_eq!(
                    cross_counts(&filter, table),
                    brute_force(&filter, table),
                    "{filter:?}"
                );
                let rows: Vec<u32> = (0..table.len() as u32)
                    .filter(|&row| filter.matches_row(table, row as usize, None))
                    .collect();
                assert_eq!(filter.rows(table), rows);
                let marks = filter.marks(table);
                assert_eq!(marks.rows(), rows);
                // The date histogram ignores the date filter and nothing else.
                let week = |day: i32| usize::try_from((day - 18_000) / 7).ok();
                let histogram = date_counts(&marks, 12, |row| week(table.start[row]));
                let mut expected = vec![0u32; 12];
                for row in 0..table.len() {
                    if filter.matches_row(table, row, Some(Dimension::Date)) {
                        if let Some(n) = week(table.start[row]).and_then(|w| expected.get_mut(w)) {
                            *n += 1;
                        }
                    }
                }
                assert_eq!(histogram, expected, "{filter:?}");
                assert_eq!(
                    cross_counts_of(&filter, table, &marks),
                    cross_counts(&filter, table)
                );
            }
        }
        // With nothing selected the counts are plain totals.
        let totals = cross_counts(&Filter::default(), &table);
        assert_eq!(totals.collection, vec![5, 3]);
        assert_eq!(totals.actor.get(Actor::Russia.index()), Some(&3));
        assert_eq!(totals.casualty, vec![5, 2, 1, 1]);
    }
}
