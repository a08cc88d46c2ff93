//! Whole-table sums and the sums last made, to add up a filter's rows from what they leave out
//! or from what changed.
//!
//! The totals, the bar charts, the composition and the map's layers are integer sums over the
//! rows that match the filter (a [`Reduce`]). When most rows match (a cleared filter, one
//! option taken off), summing them costs most exactly when little changed. So the group's sums
//! over every row of the table are computed once, kept in a [`Baseline`], and a filter's sums
//! are the whole table's minus the sums over the rows it fails ([`sum_rows`]); when fewer than
//! half the rows match, they are summed directly.
//!
//! The sums last made for a panel are kept with the rows they were made for. When few rows
//! came and went since (a filter narrowed by an option of few events, or one such option
//! taken off), the next rows' sums are the kept ones plus the rows gained and less the rows
//! lost ([`sum_changes`]); the two lists are walked once to find those rows, for every panel
//! ([`Changes::between`]).
//!
//! Every way gives the same numbers, bit for bit: every sum is of integers with wrapping
//! arithmetic (sums modulo 2^64), where subtracting what was added is exact whatever the
//! order, and each reducer's per-row contribution is the only place its counting rule lives.
//! Floating-point values (a timeline's spread shares) are never summed this way: the timeline
//! of every row is kept instead, for the last interval, metric and window it was made for.

use std::sync::{Arc, Mutex, OnceLock};

use super::aggregate::bar_keys::BarKeys;
use super::aggregate::GroupOf;
use super::aggregate::{key_reducer, members_of_keys, Composition, Group, GroupSums};
use super::aggregate::{timeline_in_one_pass, Interval, Metric, Timeline, Totals};
use super::aggregate::{CompositionOf, TotalsOf};
use super::date::Day;
use super::filter::{CrossCounts, Filter};
use super::map_layers::{MapCells, MapOf, MapSums};
use super::rows::{Changes, Rows};
use super::table::EventTable;

/// How a group adds up rows: its zero, one row's contribution, and taking one sum from
/// another. Every operation on the sums must be integer and wrapping, so that
/// `remove(whole, failing)` equals summing the passing rows exactly.
pub trait Reduce {
    /// The group's running sums.
    type Sums: Clone;
    /// The sums over no row.
    fn zero(&self) -> Self::Sums;
    /// Adds `row`'s contribution (a row of the table, in range).
    fn add(&self, sums: &mut Self::Sums, row: usize);
    /// `whole` minus `part`: the sums over the rows of `whole` not in `part`.
    fn remove(&self, whole: &Self::Sums, part: &Self::Sums) -> Self::Sums;
}

/// The sums of `reduce` over every row of a table of `len` rows.
pub fn sum_all<R: Reduce>(reduce: &R, len: usize) -> R::Sums {
    let mut sums = reduce.zero();
    for row in 0..len {
        reduce.add(&mut sums, row);
    }
    sums
}

/// The sums of `reduce` over `rows` of a table of `len` rows. With `whole` (the sums over
/// every row) and more than half the rows given, it is `whole` minus the rows not given;
/// otherwise (or when `rows` are not strictly ascending row numbers below `len`) the rows are
/// summed one by one. Rows at or past `len` are skipped.
pub fn sum_rows<R: Reduce>(
    reduce: &R,
    whole: Option<&R::Sums>,
    len: usize,
    rows: &[u32],
) -> R::Sums {
    if let Some(whole) = whole {
        if rows.len().saturating_mul(2) > len {
            if let Some(failing) = sum_left_out(reduce, len, rows) {
                return reduce.remove(whole, &failing);
            }
        }
    }
    let mut sums = reduce.zero();
    for &row in rows {
        let row = row as usize;
        if row < len {
            reduce.add(&mut sums, row);
        }
    }
    sums
}

/// The sums of `reduce` over a list of rows of a table of `len` rows, from `earlier` (its sums
/// over another list) and `changes` (the rows that came and went from that list to this one):
/// `earlier` plus the rows gained, less the rows lost. Rows at or past `len` are skipped, as
/// [`sum_rows`] skips them.
pub fn sum_changes<R: Reduce>(
    reduce: &R,
    earlier: &R::Sums,
    changes: &Changes,
    len: usize,
) -> R::Sums {
    let mut sums = earlier.clone();
    let mut lost = reduce.zero();
    for (rows, sums) in [(&changes.gained, &mut sums), (&changes.lost, &mut lost)] {
        for &row in rows {
            let row = row as usize;
            if row < len {
                reduce.add(sums, row);
            }
        }
    }
    reduce.remove(&sums, &lost)
}

/// The sums over the rows below `len` that `rows` leaves out, walking the gaps between
/// them; `None` when `rows` are not strictly ascending or reach `len`.
fn sum_left_out<R: Reduce>(reduce: &R, len: usize, rows: &[u32]) -> Option<R::Sums> {
    let mut sums = reduce.zero();
    let mut next = 0usize;
    for &row in rows {
        let row = row as usize;
        // Most often the next row: one comparison. Rows at or past `len` are caught after.
        if row != next {
            if row < next || row >= len {
                return None;
            }
            for gap in next..row {
                reduce.add(&mut sums, gap);
            }
        }
        next = row + 1;
    }
    if next > len {
        return None;
    }
    for gap in next..len {
        reduce.add(&mut sums, gap);
    }
    Some(sums)
}

/// The whole-table sums of one table's groups, each computed the first time it is asked for.
/// It belongs to the first table it is used with (known by its address and length): with any
/// other, every sum is made directly. That table must not change while the baseline is used
/// (the explorer's tables never do: a new table is a new explorer, with its own baseline).
#[derive(Default)]
pub struct Baseline {
    /// The table's address and length, set on first use.
    table: OnceLock<(usize, usize)>,
    totals: OnceLock<Totals>,
    composition: OnceLock<Composition>,
    /// Per [`Metric::ALL`] index, per [`Group::ALL`] index; with the bar charts' keys, the
    /// sums per key, which are every group's, are kept under the first group alone.
    groups: [[OnceLock<GroupSums>; Group::ALL.len()]; Metric::ALL.len()],
    /// The bar charts' sums per key for the rows and metric they were last made for: the
    /// three charts of a view ask for the same sums, so the second and third are given them.
    kept_key_sums: Kept<GroupSums, Metric>,
    /// Per [`Metric::ALL`] index.
    map: [OnceLock<MapSums>; Metric::ALL.len()],
    /// The sums last made of each panel, for the rows (and metric) they were made for: the
    /// next rows' are made from them when few rows came and went ([`Baseline::changes`]).
    kept_totals: Kept<Totals, ()>,
    kept_composition: Kept<Composition, ()>,
    /// Per [`Group::ALL`] index, without the bar charts' keys.
    kept_groups: [Kept<GroupSums, Metric>; Group::ALL.len()],
    kept_map: Kept<MapSums, Metric>,
    /// The rows that came and went between two lists, as last found: each panel's kept sums
    /// are made from the same two lists, so the lists are walked once.
    changes: Mutex<Option<LastChanges>>,
    /// The map's cells, for a table that has none of its own.
    cells: OnceLock<MapCells>,
    /// The bar charts' keys of the table's rows, or none (too many distinct sets): the
    /// groups' sums, whole and each filter's, are all made one way or all the other.
    keys: OnceLock<Option<BarKeys>>,
    /// The timeline of every row, for the last interval, metric and window asked for.
    timeline: Mutex<Option<(TimelineKey, Timeline)>>,
    /// The first start and last end of the table's rows (days), none for an empty table:
    /// a timeline is then made in one pass ([`timeline_in_one_pass`]).
    day_span: OnceLock<Option<(i32, i32)>>,
    /// The cross counts of no filter, every facet counted.
    counts: OnceLock<CrossCounts>,
}

/// A panel's sums (`S`) of the rows and tag (`T`: what else they depend on, the metric or
/// nothing) they were last made for, if any.
type Kept<S, T> = Mutex<Option<KeptSums<S, T>>>;

/// Sums made of `rows` with `tag`.
struct KeptSums<S, T> {
    rows: Rows,
    tag: T,
    sums: S,
}

/// The rows that came and went from one list to another, or `None` when they were too many
/// to be worth it ([`Baseline::changes`]).
struct LastChanges {
    from: Rows,
    to: Rows,
    changes: Option<Arc<Changes>>,
}

/// Of the rows the other ways read (the rows given, or those left out), the share that the
/// rows that came and went must be under for the kept sums to be made from them (3/4): they
/// are found by walking two lists, which costs a little.
fn changes_limit(rows: usize, len: usize) -> usize {
    let read = rows.min(len.saturating_sub(rows));
    read - read / 4
}

/// What a timeline of every row depends on: interval, metric and the date window.
type TimelineKey = (Interval, Metric, (Option<Day>, Option<Day>));

/// Whether `rows` are every row of a table of `len` rows: `0..len`, in order.
pub fn every_row(rows: &[u32], len: usize) -> bool {
    rows.len() == len && rows.iter().enumerate().all(|(at, &row)| row as usize == at)
}

impl std::fmt::Debug for Baseline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Baseline({:?})", self.table.get())
    }
}

impl Baseline {
    /// An empty baseline: nothing computed yet.
    pub fn new() -> Baseline {
        Baseline::default()
    }

    /// Whether this is `table`'s baseline (and it is now, if it was no table's).
    fn serves(&self, table: &EventTable) -> bool {
        let key = (std::ptr::from_ref(table) as usize, table.len());
        *self.table.get_or_init(|| key) == key
    }

    /// `slot`'s whole-table sums of `reduce` over `table`, computed on first use; `None` for
    /// another table than this baseline's.
    fn whole<'a, R: Reduce>(
        &self,
        slot: &'a OnceLock<R::Sums>,
        reduce: &R,
        table: &EventTable,
    ) -> Option<&'a R::Sums> {
        self.serves(table)
            .then(|| slot.get_or_init(|| sum_all(reduce, table.len())))
    }

    /// The sums of `reduce` over `rows` of `table`, with `whole` the slot of its whole-table
    /// sums, and `kept` where its last sums are kept with `tag`. Sums kept for this very list
    /// and tag are given again; else they are made from those kept for an earlier list with
    /// the same tag and the rows that came and went since, when those are few enough
    /// ([`Baseline::changes`]), or else from the whole table's or directly ([`sum_rows`]), and
    /// kept. For another table than this baseline's, they are summed directly.
    fn sums<R: Reduce, T: PartialEq>(
        &self,
        reduce: &R,
        whole: Option<&OnceLock<R::Sums>>,
        table: &EventTable,
        rows: &Rows,
        (tag, kept): (T, &Kept<R::Sums, T>),
    ) -> R::Sums {
        let len = table.len();
        let Some(whole) = whole.and_then(|slot| self.whole(slot, reduce, table)) else {
            return sum_rows(reduce, None, len, rows);
        };
        let Ok(mut kept) = kept.lock() else {
            return sum_rows(reduce, Some(whole), len, rows);
        };
        let earlier = kept.as_ref().filter(|earlier| earlier.tag == tag);
        if let Some(earlier) = earlier.filter(|earlier| earlier.rows.same(rows)) {
            return earlier.sums.clone();
        }
        let from_changes = earlier.and_then(|earlier| {
            let changes = self.changes(&earlier.rows, rows, len)?;
            Some(sum_changes(reduce, &earlier.sums, &changes, len))
        });
        let sums = from_changes.unwrap_or_else(|| sum_rows(reduce, Some(whole), len, rows));
        *kept = Some(KeptSums {
            rows: rows.clone(),
            tag,
            sums: sums.clone(),
        });
        sums
    }

    /// The rows that came and went from `from` to `to` (rows of a table of `len` rows) when
    /// they are fewer than [`changes_limit`] allows, else `None`: found once for two lists and
    /// given again to each panel that asks.
    fn changes(&self, from: &Rows, to: &Rows, len: usize) -> Option<Arc<Changes>> {
        let find = || Changes::between(from, to, changes_limit(to.len(), len)).map(Arc::new);
        let Ok(mut last) = self.changes.lock() else {
            return find();
        };
        if let Some(last) = last
            .as_ref()
            .filter(|last| last.from.same(from) && last.to.same(to))
        {
            return last.changes.clone();
        }
        let changes = find();
        *last = Some(LastChanges {
            from: from.clone(),
            to: to.clone(),
            changes: changes.clone(),
        });
        changes
    }

    /// How many parts [`Baseline::prepare`] makes: the totals, the composition, the bar
    /// charts' keys, each [`Group`]'s sums, the map's and the counts of every option
    /// ([`Baseline::counts_of_all`]).
    pub const PARTS: usize = 5 + Group::ALL.len();

    /// Makes part `part` (below [`Baseline::PARTS`]) of `table`'s whole-table sums under
    /// `metric` now, rather than when a panel first asks for it: at a million rows each is a
    /// pass over every row (some milliseconds to tens of them in WebAssembly), which an
    /// explorer would otherwise make in the task that first draws it. Parts already made, and
    /// parts past the last, cost nothing; so does any part for another table than this
    /// baseline's.
    pub fn prepare(&self, table: &EventTable, metric: Metric, part: usize) {
        let Some(group) = part.checked_sub(3) else {
            match part {
                0 => drop(self.whole(&self.totals, &TotalsOf::new(table), table)),
                1 => drop(self.whole(&self.composition, &CompositionOf::new(table), table)),
                _ => drop(self.keys(table)),
            }
            return;
        };
        match group.checked_sub(Group::ALL.len()) {
            None => {
                if let Some(&group) = Group::ALL.get(group) {
                    drop(self.group_of_all(table, group, metric));
                }
            }
            Some(0) => drop(self.whole_map(table, metric)),
            Some(1) => drop(self.counts_of_all(table)),
            Some(_) => {}
        }
    }

    /// The map's sums under `metric` over every row of `table`, made on first use: with the
    /// bar charts' keys, without the governorates' values (the keys' sums give them).
    /// `None` for another table than this baseline's.
    fn whole_map(&self, table: &EventTable, metric: Metric) -> Option<&MapSums> {
        let m = Metric::ALL.iter().position(|&m| m == metric)?;
        let by_governorate = self.keys(table).is_none();
        let reduce = MapOf::new(table, self.cells(table), metric, by_governorate);
        self.whole(self.map.get(m)?, &reduce, table)
    }

    /// The cross counts of no filter ([`Filter::default`]), every facet counted: how many
    /// rows of `table` have each option (the filter panel leaves out options with none). A
    /// pass over every row and every facet's values (some tens of milliseconds at a million
    /// rows), made once per table.
    pub fn counts_of_all(&self, table: &EventTable) -> CrossCounts {
        let count = || super::filter::cross_counts(&Filter::default(), table);
        if !self.serves(table) {
            return count();
        }
        self.counts.get_or_init(count).clone()
    }

    /// [`super::aggregate::totals`] of `rows` (ascending row numbers), the same numbers.
    pub fn totals(&self, table: &EventTable, rows: &Rows) -> Totals {
        super::aggregate::totals_from(table, rows, |reduce| {
            let kept = ((), &self.kept_totals);
            self.sums(reduce, Some(&self.totals), table, rows, kept)
        })
    }

    /// [`super::aggregate::composition`] of `rows` (ascending row numbers), the same numbers.
    pub fn composition(&self, table: &EventTable, rows: &Rows) -> Composition {
        super::aggregate::composition_from(table, |reduce| {
            let kept = ((), &self.kept_composition);
            self.sums(reduce, Some(&self.composition), table, rows, kept)
        })
    }

    /// The sums of `group` under `metric` over `rows` (ascending row numbers), per member in
    /// vocabulary order, as [`super::aggregate::by_actor`] and its siblings rank them. With the
    /// bar charts' keys, the sums per key are made once for the three charts of the same rows
    /// (`rows` cloned from one list: [`Rows::same`]) and metric.
    pub fn group(&self, table: &EventTable, rows: &Rows, group: Group, metric: Metric) -> Vec<u64> {
        if let Some(keys) = self.keys(table) {
            let members = self
                .key_sums(table, rows, metric, keys)
                .and_then(|sums| members_of_keys(table, group, metric, keys, &sums));
            // Always given for this table's keys; the whole table's sums are then per key, so
            // without them the rows would be summed directly.
            return members
                .unwrap_or_else(|| super::aggregate::group_sums(table, rows, group, metric));
        }
        let slot = self.group_slot(group, metric);
        let kept = self.kept_groups.get(group.index());
        super::aggregate::group_from(table, group, metric, |reduce| match kept {
            Some(kept) => self.sums(reduce, slot, table, rows, (metric, kept)),
            None => sum_rows(reduce, None, table.len(), rows),
        })
    }

    /// [`Baseline::group`] of every row of `table`, without a list of them: the whole table's
    /// sums, made on first use.
    pub fn group_of_all(&self, table: &EventTable, group: Group, metric: Metric) -> Vec<u64> {
        if let Some(keys) = self.keys(table) {
            let members = self
                .whole_key_sums(table, metric, keys)
                .and_then(|sums| members_of_keys(table, group, metric, keys, sums));
            // As in `group`: always given for this table's keys.
            return members.unwrap_or_else(|| {
                super::aggregate::group_of_all_from(table, group, metric, |_| None)
            });
        }
        let slot = self.group_slot(group, metric);
        super::aggregate::group_of_all_from(table, group, metric, |reduce| {
            slot.and_then(|slot| self.whole(slot, reduce, table))
        })
    }

    /// The sums per key of `keys` (this table's) under `metric` over `rows`, kept for the
    /// next chart of the same list and metric ([`Baseline::sums`]). `None` when `keys` are
    /// not `table`'s.
    fn key_sums(
        &self,
        table: &EventTable,
        rows: &Rows,
        metric: Metric,
        keys: &BarKeys,
    ) -> Option<GroupSums> {
        let reduce = key_reducer(table, metric, keys)?;
        let slot = self.group_slot(Group::ALL[0], metric);
        let kept = (metric, &self.kept_key_sums);
        Some(self.sums(&reduce, slot, table, rows, kept))
    }

    /// The sums per key of `keys` (this table's) under `metric` over every row, made on first
    /// use; `None` when `keys` are not `table`'s.
    fn whole_key_sums(
        &self,
        table: &EventTable,
        metric: Metric,
        keys: &BarKeys,
    ) -> Option<&GroupSums> {
        self.whole_key_sums_of(&key_reducer(table, metric, keys)?, table, metric)
    }

    /// The whole table's sums of `reduce` (a [`key_reducer`] under `metric`), made on first
    /// use and kept under the first group's slot, which with keys serves every group.
    fn whole_key_sums_of(
        &self,
        reduce: &GroupOf<'_>,
        table: &EventTable,
        metric: Metric,
    ) -> Option<&GroupSums> {
        self.whole(self.group_slot(Group::ALL[0], metric)?, reduce, table)
    }

    /// The bar charts' keys of `table`'s rows, made on first use; `None` for another table
    /// than this baseline's, or one with too many distinct sets ([`BarKeys::new`]).
    fn keys(&self, table: &EventTable) -> Option<&BarKeys> {
        if !self.serves(table) {
            return None;
        }
        // Keys of another length than the table's cannot be: a baseline serves one table.
        self.keys
            .get_or_init(|| BarKeys::new(table))
            .as_ref()
            .filter(|keys| keys.cover(table))
    }

    /// Where the whole table's sums of `group` under `metric` are kept.
    fn group_slot(&self, group: Group, metric: Metric) -> Option<&OnceLock<GroupSums>> {
        Metric::ALL
            .iter()
            .position(|&m| m == metric)
            .and_then(|m| self.groups.get(m))
            .and_then(|slots| slots.get(group.index()))
    }

    /// [`super::aggregate::timeline`] of `rows` (ascending row numbers), the same timeline.
    /// Its spread shares are fractions, so it is not taken from the rows left out: when `rows`
    /// are every row (no filter), the timeline made for the same interval, metric and window
    /// the last time is given again; otherwise it is made from the rows, in one pass over them
    /// with the table's span of days found once ([`timeline_in_one_pass`]).
    pub fn timeline(
        &self,
        table: &EventTable,
        rows: &[u32],
        interval: Interval,
        metric: Metric,
        window: (Option<Day>, Option<Day>),
    ) -> Timeline {
        if !self.serves(table) {
            return super::aggregate::timeline(table, rows, interval, metric, window);
        }
        let day_span = self.day_span.get_or_init(|| {
            let first = table.start.iter().copied().min()?;
            let last = table.end.iter().copied().max()?;
            Some((first, last))
        });
        let make = || match *day_span {
            Some(span) => timeline_in_one_pass(table, rows, interval, metric, window, span),
            None => super::aggregate::timeline(table, rows, interval, metric, window),
        };
        if !every_row(rows, table.len()) {
            return make();
        }
        let key = (interval, metric, window);
        let Ok(mut kept) = self.timeline.lock() else {
            return make();
        };
        match kept.as_ref() {
            Some((made_for, timeline)) if *made_for == key => timeline.clone(),
            _ => {
                let timeline = make();
                *kept = Some((key, timeline.clone()));
                timeline
            }
        }
    }

    /// The map's cells of `table`: its own, or made here once for a table without them.
    fn cells<'a>(&'a self, table: &'a EventTable) -> &'a MapCells {
        if table.map_cells.cover(table) {
            &table.map_cells
        } else {
            self.cells
                .get_or_init(|| MapCells::new(&table.lat, &table.lon))
        }
    }

    /// [`super::map_layers::map_layers`] of `rows` (ascending row numbers), the same layers.
    /// With the bar charts' keys, the governorates' values are the governorate chart's sums
    /// ([`Baseline::group`], shared with the charts of the same `rows`): the map adds only
    /// each row's point.
    pub fn map_layers(
        &self,
        table: &EventTable,
        rows: &Rows,
        metric: Metric,
    ) -> super::map_layers::MapLayers {
        if !self.serves(table) {
            return super::map_layers::map_layers(table, rows, metric);
        }
        let by_governorate = match self.keys(table) {
            None => None,
            Some(keys) => {
                let by_governorate = self.key_sums(table, rows, metric, keys).and_then(|sums| {
                    members_of_keys(table, Group::Governorate, metric, keys, &sums)
                });
                // Always given for this table's keys; the kept map sums leave the
                // governorates out, so without them the layers are made directly.
                let Some(by_governorate) = by_governorate else {
                    return super::map_layers::map_layers(table, rows, metric);
                };
                Some(by_governorate)
            }
        };
        let cells = self.cells(table);
        let slot = Metric::ALL
            .iter()
            .position(|&m| m == metric)
            .and_then(|m| self.map.get(m));
        super::map_layers::layers_from(table, cells, metric, by_governorate, |reduce| {
            self.sums(reduce, slot, table, rows, (metric, &self.kept_map))
        })
    }
}

#[cfg(test)]
mod tests;
