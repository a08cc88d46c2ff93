//! Whole-table sums, to add up a filter's rows from what they leave out.
//!
//! The totals, the bar charts, the composition and the map's layers are integer sums over the
//! rows that match the filter (a [`Reduce`]). When most rows match (a cleared filter, one
//! option taken off), summing them costs most exactly when little changed. So the group's sums
//! over every row of the table are computed once, kept in a [`Baseline`], and a filter's sums
//! are the whole table's minus the sums over the rows it fails ([`sum_rows`]); when fewer than
//! half the rows match, they are summed directly.
//!
//! Both ways give the same numbers, bit for bit: every sum is of integers with wrapping
//! arithmetic (sums modulo 2^64), where subtracting what was added is exact whatever the
//! order, and each reducer's per-row contribution is the only place its counting rule lives.
//! Floating-point values (a timeline's spread shares) are never summed this way: the timeline
//! of every row is kept instead, for the last interval, metric and window it was made for.

use std::sync::{Mutex, OnceLock};

use super::aggregate::bar_keys::BarKeys;
use super::aggregate::{Composition, Group, GroupSums};
use super::aggregate::{Interval, Metric, Timeline, Totals};
use super::date::Day;
use super::filter::{CrossCounts, Filter};
use super::map_layers::{MapCells, MapSums};
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
    /// Per [`Metric::ALL`] index, per [`Group::ALL`] index.
    groups: [[OnceLock<GroupSums>; Group::ALL.len()]; Metric::ALL.len()],
    /// Per [`Metric::ALL`] index.
    map: [OnceLock<MapSums>; Metric::ALL.len()],
    /// The map's cells, for a table that has none of its own.
    cells: OnceLock<MapCells>,
    /// The bar charts' keys of the table's rows, or none (too many distinct sets): the
    /// groups' sums, whole and each filter's, are all made one way or all the other.
    keys: OnceLock<Option<BarKeys>>,
    /// The timeline of every row, for the last interval, metric and window asked for.
    timeline: Mutex<Option<(TimelineKey, Timeline)>>,
    /// The cross counts of no filter, every facet counted.
    counts: OnceLock<CrossCounts>,
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

    /// How many parts [`Baseline::prepare`] makes: the totals, the composition, the bar
    /// charts' keys, each [`Group`]'s sums and the counts of every option
    /// ([`Baseline::counts_of_all`]).
    pub const PARTS: usize = 4 + Group::ALL.len();

    /// Makes part `part` (below [`Baseline::PARTS`]) of `table`'s whole-table sums under
    /// `metric` now, rather than when a panel first asks for it: at a million rows each is a
    /// pass over every row (some milliseconds to tens of them in WebAssembly), which an
    /// explorer would otherwise make in the task that first draws it. Parts already made, and
    /// parts past the last, cost nothing; so does any part for another table than this
    /// baseline's.
    pub fn prepare(&self, table: &EventTable, metric: Metric, part: usize) {
        // Each way in asks for its whole-table sums before it sums the rows given: none here.
        match part.checked_sub(3) {
            None if part == 0 => drop(self.totals(table, &[])),
            None if part == 1 => drop(self.composition(table, &[])),
            None => drop(self.keys(table)),
            Some(group) => match Group::ALL.get(group) {
                Some(&group) => drop(self.group(table, &[], group, metric)),
                None if group == Group::ALL.len() => drop(self.counts_of_all(table)),
                None => {}
            },
        }
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
    pub fn totals(&self, table: &EventTable, rows: &[u32]) -> Totals {
        super::aggregate::totals_from(table, rows, |reduce| {
            self.whole(&self.totals, reduce, table)
        })
    }

    /// [`super::aggregate::composition`] of `rows` (ascending row numbers), the same numbers.
    pub fn composition(&self, table: &EventTable, rows: &[u32]) -> Composition {
        super::aggregate::composition_from(table, rows, |reduce| {
            self.whole(&self.composition, reduce, table)
        })
    }

    /// The sums of `group` under `metric` over `rows` (ascending row numbers), per member in
    /// vocabulary order, as [`super::aggregate::by_actor`] and its siblings rank them.
    pub fn group(
        &self,
        table: &EventTable,
        rows: &[u32],
        group: Group,
        metric: Metric,
    ) -> Vec<u64> {
        let slot = self.group_slot(group, metric);
        let keys = self.keys(table);
        super::aggregate::group_from(table, rows, group, metric, keys, |reduce| {
            slot.and_then(|slot| self.whole(slot, reduce, table))
        })
    }

    /// [`Baseline::group`] of every row of `table`, without a list of them: the whole table's
    /// sums, made on first use.
    pub fn group_of_all(&self, table: &EventTable, group: Group, metric: Metric) -> Vec<u64> {
        let slot = self.group_slot(group, metric);
        let keys = self.keys(table);
        super::aggregate::group_of_all_from(table, group, metric, keys, |reduce| {
            slot.and_then(|slot| self.whole(slot, reduce, table))
        })
    }

    /// The bar charts' keys of `table`'s rows, made on first use; `None` for another table
    /// than this baseline's, or one with too many distinct sets ([`BarKeys::new`]).
    fn keys(&self, table: &EventTable) -> Option<&BarKeys> {
        if !self.serves(table) {
            return None;
        }
        self.keys.get_or_init(|| BarKeys::new(table)).as_ref()
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
    /// the last time is given again; otherwise it is made from the rows.
    pub fn timeline(
        &self,
        table: &EventTable,
        rows: &[u32],
        interval: Interval,
        metric: Metric,
        window: (Option<Day>, Option<Day>),
    ) -> Timeline {
        let make = || super::aggregate::timeline(table, rows, interval, metric, window);
        if !self.serves(table) || !every_row(rows, table.len()) {
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

    /// [`super::map_layers::map_layers`] of `rows` (ascending row numbers), the same layers.
    pub fn map_layers(
        &self,
        table: &EventTable,
        rows: &[u32],
        metric: Metric,
    ) -> super::map_layers::MapLayers {
        if !self.serves(table) {
            return super::map_layers::map_layers(table, rows, metric);
        }
        let cells = if table.map_cells.cover(table) {
            &table.map_cells
        } else {
            self.cells
                .get_or_init(|| MapCells::new(&table.lat, &table.lon))
        };
        let slot = Metric::ALL
            .iter()
            .position(|&m| m == metric)
            .and_then(|m| self.map.get(m));
        super::map_layers::layers_from(table, cells, rows, metric, |reduce| {
            slot.and_then(|slot| self.whole(slot, reduce, table))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::aggregate::{self, ranked};
    use crate::core::chart_table::{bar_count_of_all, bar_rows_in, Breakdown};
    use crate::core::date::Day;
    use crate::core::i18n::Lang;
    use crate::core::map_layers;
    use crate::core::query::ViewState;
    use crate::core::table::test_data::xorshift;
    use crate::core::vocab::{Actor, EventKind, Governorate};
    use proptest::prelude::*;

    /// A random table of `rows` rows from `seed`: several actors and governorates a row, some
    /// milestones, numbers of the dead (some huge), points in a few cells or none.
    fn table(rows: usize, seed: u64) -> EventTable {
        let mut next = xorshift(seed | 1);
        let mut table = EventTable::default();
        for _ in 0..rows {
            let start = 100 + next(40) as i32;
            table.start.push(start);
            table.end.push(start + next(3) as i32 * next(10) as i32);
            table.kind.push(next(EventKind::ALL.len() as u64) as u8);
            table.actors_any.push(next(1 << Actor::ALL.len()) as u32);
            table
                .lead_actor
                .push(next(Actor::ALL.len() as u64 + 1) as u8);
            table
                .governorates
                .push(next(1 << Governorate::ALL.len()) as u16);
            let mut number = || match next(8) {
                0 => u32::MAX - next(3) as u32,
                1..=3 => 0,
                _ => next(50) as u32,
            };
            table.deaths_low.push(number());
            table.deaths_best.push(number());
            table.deaths_high.push(number());
            table.civilians_killed.push(number());
            table.children_killed.push(number());
            table.women_killed.push(number());
            table.combatants_killed.push(number());
            table.flags.push(next(256) as u8);
            let (lat, lon) = match next(4) {
                0 => (f32::NAN, f32::NAN),
                _ => (
                    35.0 + next(30) as f32 * 0.037,
                    36.0 + next(30) as f32 * 0.041,
                ),
            };
            table.lat.push(lat);
            table.lon.push(lon);
        }
        if !seed.is_multiple_of(3) {
            // Some tables with their own cells, some the map finds afresh.
            table.index_cells();
        }
        table
    }

    /// Each row kept when `keep` says so, ascending.
    fn rows_of(len: usize, mut keep: impl FnMut(usize) -> bool) -> Vec<u32> {
        (0..len)
            .filter(|&row| keep(row))
            .map(|row| row as u32)
            .collect()
    }

    /// The sums of `group` over `rows` the slow way: each row's value added to each member
    /// it has, one member at a time.
    fn brute_group(table: &EventTable, rows: &[u32], group: Group, metric: Metric) -> Vec<u64> {
        let values = aggregate::Values::new(table, metric);
        let mut sums = vec![0u64; group.members()];
        for &row in rows {
            let row = row as usize;
            for (member, sum) in sums.iter_mut().enumerate() {
                let has = match group {
                    Group::Actor => table.actors_any[row] & (1 << member) != 0,
                    Group::Kind => usize::from(table.kind[row]) == member,
                    Group::Governorate => table.governorates[row] & (1 << member) != 0,
                };
                if has {
                    *sum = sum.wrapping_add(values.count(row));
                }
            }
        }
        sums
    }

    /// Every panel's sums from `baseline` equal those summed directly over `rows`.
    fn agrees(baseline: &Baseline, table: &EventTable, rows: &[u32]) -> Result<(), TestCaseError> {
        for &metric in Metric::ALL {
            for group in Group::ALL {
                let slow = brute_group(table, rows, group, metric);
                prop_assert_eq!(&baseline.group(table, rows, group, metric), &slow);
                prop_assert_eq!(&aggregate::group_sums(table, rows, group, metric), &slow);
            }
        }
        prop_assert_eq!(baseline.totals(table, rows), aggregate::totals(table, rows));
        prop_assert_eq!(
            baseline.composition(table, rows),
            aggregate::composition(table, rows)
        );
        for &metric in Metric::ALL {
            prop_assert_eq!(
                ranked(
                    Actor::ALL,
                    &baseline.group(table, rows, Group::Actor, metric)
                ),
                aggregate::by_actor(table, rows, metric)
            );
            prop_assert_eq!(
                ranked(
                    EventKind::ALL,
                    &baseline.group(table, rows, Group::Kind, metric)
                ),
                aggregate::by_kind(table, rows, metric)
            );
            prop_assert_eq!(
                ranked(
                    Governorate::ALL,
                    &baseline.group(table, rows, Group::Governorate, metric)
                ),
                aggregate::by_governorate(table, rows, metric)
            );
            prop_assert_eq!(
                baseline.map_layers(table, rows, metric),
                map_layers::map_layers(table, rows, metric)
            );
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn the_complement_gives_the_direct_sums(
            seed in any::<u64>(),
            rows in 0usize..200,
            keep in 0u64..=16,
            salt in any::<u64>(),
        ) {
            let table = table(rows, seed);
            let baseline = Baseline::new();
            // A share of the rows from none to all, at random.
            let mut next = xorshift(salt | 1);
            let kept = rows_of(rows, |_| next(16) < keep);
            agrees(&baseline, &table, &kept)?;
            // Edge cases: all, none, exactly half, all but one, the first half.
            agrees(&baseline, &table, &rows_of(rows, |_| true))?;
            agrees(&baseline, &table, &[])?;
            agrees(&baseline, &table, &rows_of(rows, |row| row % 2 == 0))?;
            agrees(&baseline, &table, &rows_of(rows, |row| row != rows / 2))?;
            agrees(&baseline, &table, &rows_of(rows, |row| row < rows / 2 + 1))?;
        }

        #[test]
        fn the_sums_of_every_row_need_no_list_of_them(
            seed in any::<u64>(),
            rows in 0usize..200,
            used_first in any::<bool>(),
        ) {
            let table = table(rows, seed);
            let every = rows_of(rows, |_| true);
            // A fresh baseline, or one whose whole-table sums were made by an earlier change.
            let baseline = Baseline::new();
            if used_first {
                agrees(&baseline, &table, &every)?;
            }
            for &metric in Metric::ALL {
                for group in Group::ALL {
                    prop_assert_eq!(
                        baseline.group_of_all(&table, group, metric),
                        brute_group(&table, &every, group, metric)
                    );
                }
            }
            for breakdown in [Breakdown::Actor, Breakdown::Kind, Breakdown::Governorate] {
                let bars = bar_rows_in(
                    None,
                    Lang::En,
                    &table,
                    &every,
                    Metric::Events,
                    breakdown,
                    &ViewState::default(),
                );
                prop_assert_eq!(bar_count_of_all(&baseline, &table, breakdown), bars.len());
            }
        }
    }

    #[test]
    fn the_timeline_of_every_row_is_kept_and_given_again_the_same() {
        let table = table(120, 3);
        let baseline = Baseline::new();
        let all = rows_of(120, |_| true);
        let most = rows_of(120, |row| row != 7);
        let windows = [
            (None, None),
            (Some(Day(110)), None),
            (Some(Day(105)), Some(Day(120))),
        ];
        // Twice over, so that the second time each comes from the kept timeline when the key
        // is the last one, and is made again when it is not.
        for _ in 0..2 {
            for &interval in Interval::ALL {
                for &metric in Metric::ALL {
                    for window in windows {
                        for rows in [&all, &most, &all] {
                            let direct =
                                aggregate::timeline(&table, rows, interval, metric, window);
                            let kept = baseline.timeline(&table, rows, interval, metric, window);
                            assert_eq!(kept, direct);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn prepared_parts_are_the_sums_made_on_first_use() {
        let (first, other) = (table(90, 17), table(30, 2));
        let table = &first;
        let (prepared, lazy) = (Baseline::new(), Baseline::new());
        for part in 0..Baseline::PARTS + 2 {
            prepared.prepare(table, Metric::Deaths, part);
        }
        // Every part is made, and only for the metric asked.
        assert!(prepared.totals.get().is_some() && prepared.composition.get().is_some());
        assert!(prepared.counts.get().is_some());
        assert!(prepared.keys.get().is_some_and(Option::is_some));
        for (m, &metric) in Metric::ALL.iter().enumerate() {
            for group in Group::ALL {
                assert_eq!(
                    prepared.groups[m][group.index()].get().is_some(),
                    metric == Metric::Deaths,
                    "{metric:?} {group:?}"
                );
            }
        }
        let most = rows_of(90, |row| row % 7 != 0);
        assert_eq!(prepared.totals(table, &most), lazy.totals(table, &most));
        assert_eq!(
            prepared.composition(table, &most),
            lazy.composition(table, &most)
        );
        for group in Group::ALL {
            assert_eq!(
                prepared.group(table, &most, group, Metric::Deaths),
                lazy.group(table, &most, group, Metric::Deaths)
            );
        }
        // Prepared for one table, a baseline keeps its sums and makes another's directly.
        prepared.prepare(&other, Metric::Events, 0);
        assert!(lazy.totals.get().is_some());
        assert_eq!(prepared.totals.get(), lazy.totals.get());
        let all = rows_of(30, |_| true);
        assert_eq!(
            prepared.totals(&other, &all),
            aggregate::totals(&other, &all)
        );
    }

    #[test]
    fn the_counts_of_every_option_are_those_of_the_view_with_no_filter() {
        use crate::core::table::test_data::{dataset, ev};
        use crate::core::table::TableBuilder;
        use crate::core::vocab::Role;
        let events = (0..30)
            .map(|i| {
                let event = ev(&format!("c:{i}"), &format!("2017-01-{:02}", 1 + i % 28));
                match i % 3 {
                    0 => event.actor(Actor::Russia, Role::Perpetrator),
                    1 => event.actor(Actor::Isis, Role::Perpetrator),
                    _ => event.place("Saraqib", Some(Governorate::Idlib)),
                }
            })
            .collect();
        let datasets = [dataset("c", events)];
        let table = TableBuilder::new(&datasets).build(&datasets);
        let unfiltered = crate::core::query::ViewState::default().filter(&table);
        let counts = crate::core::filter::cross_counts(&unfiltered, &table);
        assert_eq!(counts.actor[Actor::Russia.index()], 10);
        assert_eq!(counts.governorate[Governorate::Idlib.index()], 10);
        let (prepared, lazy) = (Baseline::new(), Baseline::new());
        for part in 0..Baseline::PARTS {
            prepared.prepare(&table, Metric::Events, part);
        }
        assert!(prepared.counts.get().is_some());
        assert_eq!(prepared.counts_of_all(&table), counts);
        assert_eq!(lazy.counts_of_all(&table), counts);
    }

    #[test]
    fn multi_valued_rows_count_in_every_bar_both_ways() {
        let table = table(64, 11);
        let baseline = Baseline::new();
        let all = rows_of(64, |_| true);
        let most = rows_of(64, |row| row % 5 != 0);
        for rows in [&all, &most] {
            // Brute force: each row adds its value to every actor it names.
            let values = aggregate::Values::new(&table, Metric::Deaths);
            let mut expected = vec![0u64; Actor::ALL.len()];
            for &row in rows.iter() {
                for (actor, sum) in expected.iter_mut().enumerate() {
                    if table.actors_any[row as usize] & (1 << actor) != 0 {
                        *sum = sum.wrapping_add(values.count(row as usize));
                    }
                }
            }
            assert_eq!(
                baseline.group(&table, rows, Group::Actor, Metric::Deaths),
                expected
            );
        }
    }

    #[test]
    fn a_table_of_too_many_member_sets_sums_its_bars_by_bytes() {
        // Random masks over 6,000 rows: nearly every row its own set, too many for keys.
        let table = table(6000, 23);
        let baseline = Baseline::new();
        let most = rows_of(6000, |row| row % 5 != 0);
        let few = rows_of(6000, |row| row % 5 == 0);
        for &metric in Metric::ALL {
            for group in Group::ALL {
                for rows in [&most, &few] {
                    let slow = brute_group(&table, rows, group, metric);
                    assert_eq!(baseline.group(&table, rows, group, metric), slow);
                }
            }
        }
        assert!(baseline.keys.get().is_some_and(Option::is_none));
    }

    #[test]
    fn rows_not_ascending_or_out_of_range_are_summed_directly() {
        let table = table(40, 5);
        let baseline = Baseline::new();
        let mut shuffled = rows_of(40, |row| row != 3);
        shuffled.reverse();
        let direct = aggregate::totals(&table, &shuffled);
        assert_eq!(baseline.totals(&table, &shuffled), direct);
        let mut twice = rows_of(40, |_| true);
        twice.push(39);
        assert_eq!(
            baseline.totals(&table, &twice),
            aggregate::totals(&table, &twice)
        );
        let mut past = rows_of(40, |_| true);
        past.push(40);
        assert_eq!(
            baseline.totals(&table, &past),
            aggregate::totals(&table, &past)
        );
    }

    #[test]
    fn a_baseline_used_with_another_table_sums_directly() {
        let first = table(50, 7);
        let second = table(50, 8);
        let baseline = Baseline::new();
        let rows = rows_of(50, |row| row != 9);
        assert_eq!(
            baseline.totals(&first, &rows),
            aggregate::totals(&first, &rows)
        );
        assert_eq!(
            baseline.totals(&second, &rows),
            aggregate::totals(&second, &rows)
        );
        assert_eq!(
            baseline.map_layers(&second, &rows, Metric::Events),
            map_layers::map_layers(&second, &rows, Metric::Events)
        );
    }
}
