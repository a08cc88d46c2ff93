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

pub(crate) mod counts;
pub(crate) mod lanes;
#[cfg(test)]
mod tests;

pub use counts::{cross_counts, cross_counts_of, cross_counts_wanted, facet_counts};

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

/// How the date filter treats an event whose dates are a range (an event dated only to a month
/// or a year, or one that lasted days): kept when its range overlaps the window (the
/// default, so that narrowing the dates never hides the imprecisely dated events that may have
/// happened then), or only when the range lies within it (`dates=within`: what a reader citing
/// a figure for those dates wants, since an overlapping event counts whole, however long).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum DateMatch {
    /// The event's first day is at most `to` and its last day at least `from`.
    #[default]
    Overlap,
    /// The event's first day is at least `from` and its last day at most `to`.
    Within,
}

impl DateMatch {
    pub const ALL: &'static [DateMatch] = &[DateMatch::Overlap, DateMatch::Within];

    /// The link's value (`dates=within`).
    pub fn id(self) -> &'static str {
        match self {
            DateMatch::Overlap => "overlap",
            DateMatch::Within => "within",
        }
    }

    pub fn from_id(id: &str) -> Option<DateMatch> {
        Self::ALL.iter().copied().find(|m| m.id() == id)
    }

    /// Whether a row of days `start..=end` fails the window `from..=to` (inclusive day
    /// numbers, open ends as `i32::MIN` and `i32::MAX`). Branch-free: both sides are cheap.
    #[inline]
    pub fn fails(self, (start, end): (i32, i32), (from, to): (i32, i32)) -> bool {
        match self {
            DateMatch::Overlap => (start > to) | (end < from),
            DateMatch::Within => (start < from) | (end > to),
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
    /// With `to`: the window `[from, to]` (both inclusive) the event's date range must
    /// overlap, or lie within, as `date_match` says. Either bound may be open.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Overlap by default: an event dated only "November 2019" may have happened on any of
    /// those days, so a range that covers some of them shows it, or narrowing the dates would
    /// hide exactly the imprecisely dated events.
    pub date_match: DateMatch,
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
        CrossCounts::zero_wanted(table, &[true; Facet::COUNT])
    }

    /// All zero, sized for `table`'s options, the facets only where `wanted` (by
    /// [`Facet::index`]; the others empty, and never allocated: a place facet of a large file
    /// holds a hundred thousand values).
    pub fn zero_wanted(table: &EventTable, wanted: &[bool; Facet::COUNT]) -> CrossCounts {
        CrossCounts {
            actor: vec![0; Actor::ALL.len()],
            kind: vec![0; EventKind::ALL.len()],
            governorate: vec![0; Governorate::ALL.len()],
            collection: vec![0; table.collection_ids.len()],
            publisher: vec![0; Publisher::ALL.len()],
            casualty: vec![0; CasualtyFilter::ALL.len()],
            facets: std::array::from_fn(|i| match wanted.get(i) {
                Some(true) => vec![0; table.facets[i].dictionary.len()],
                _ => Vec::new(),
            }),
        }
    }
}

impl Filter {
    /// The date window as inclusive day numbers, open ends at `i32::MIN` and `i32::MAX`.
    pub fn date_bounds(&self) -> (i32, i32) {
        (
            self.from.map_or(i32::MIN, |d| d.0),
            self.to.map_or(i32::MAX, |d| d.0),
        )
    }

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
                let days = (
                    table.start.get(row).copied().unwrap_or(i32::MAX),
                    table.end.get(row).copied().unwrap_or(i32::MIN),
                );
                !self.date_match.fails(days, self.date_bounds())
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
                        Some(text) => {
                            table.row_matches_terms(row, text, &EventTable::named_terms(terms))
                        }
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
            let window = self.date_bounds();
            let shift = Dimension::Date as u8;
            let days = table.start.iter().zip(&table.end);
            // One loop per way of matching, so that the test in each is one comparison pair.
            match self.date_match {
                DateMatch::Overlap => {
                    for (mark, (&start, &end)) in marks.iter_mut().zip(days) {
                        *mark |=
                            Mark::from(DateMatch::Overlap.fails((start, end), window)) << shift;
                    }
                }
                DateMatch::Within => {
                    for (mark, (&start, &end)) in marks.iter_mut().zip(days) {
                        *mark |= Mark::from(DateMatch::Within.fails((start, end), window)) << shift;
                    }
                }
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
                    let named = EventTable::named_terms(&terms);
                    for (row, (mark, text)) in marks.iter_mut().zip(&table.search_text).enumerate()
                    {
                        if mark.count_ones() <= 1 && !table.row_matches_terms(row, text, &named) {
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

/// The rows whose mark is 0, ascending: found four marks at a time as words of bits, then
/// listed from the words at their exact number.
pub(crate) fn unmarked_rows(marks: &[Mark]) -> Vec<u32> {
    let (words, count) = lanes::unmarked_words(marks);
    let mut rows = Vec::new();
    lanes::rows_of(&words, count, &mut rows);
    rows
}
