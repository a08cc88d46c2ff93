//! The baseline's sums against direct sums and brute force, on random tables and filters.

use super::*;
use crate::core::aggregate::{self, ranked};
use crate::core::chart_table::{bar_count_of_all, bar_rows, Breakdown};
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
fn rows_of(len: usize, mut keep: impl FnMut(usize) -> bool) -> Rows {
    let rows = (0..len).filter(|&row| keep(row)).map(|row| row as u32);
    Rows::new(rows.collect())
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
/// The bar charts are asked both with one shared list (their sums per key made once and
/// kept) and with a list of their own each (made again).
fn agrees(baseline: &Baseline, table: &EventTable, rows: &Rows) -> Result<(), TestCaseError> {
    let shared = rows.clone();
    for &metric in Metric::ALL {
        for group in Group::ALL {
            let slow = brute_group(table, rows, group, metric);
            prop_assert_eq!(&baseline.group(table, &shared, group, metric), &slow);
            let own = Rows::new(rows.to_vec());
            prop_assert_eq!(&baseline.group(table, &own, group, metric), &slow);
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
                &baseline.group(table, &shared, Group::Actor, metric)
            ),
            aggregate::by_actor(table, rows, metric)
        );
        prop_assert_eq!(
            ranked(
                EventKind::ALL,
                &baseline.group(table, &shared, Group::Kind, metric)
            ),
            aggregate::by_kind(table, rows, metric)
        );
        prop_assert_eq!(
            ranked(
                Governorate::ALL,
                &baseline.group(table, &shared, Group::Governorate, metric)
            ),
            aggregate::by_governorate(table, rows, metric)
        );
        prop_assert_eq!(
            baseline.map_layers(table, &shared, metric),
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
        agrees(&baseline, &table, &Rows::default())?;
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
            let bars = bar_rows(
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
                        let direct = aggregate::timeline(&table, rows, interval, metric, window);
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
    // Every part is made, and only for the metric asked: with keys, the sums per key,
    // which every group shares, once (under the first group).
    assert!(prepared.totals.get().is_some() && prepared.composition.get().is_some());
    assert!(prepared.counts.get().is_some());
    assert!(prepared.keys.get().is_some_and(Option::is_some));
    for (m, &metric) in Metric::ALL.iter().enumerate() {
        for group in Group::ALL {
            assert_eq!(
                prepared.groups[m][group.index()].get().is_some(),
                metric == Metric::Deaths && group == Group::ALL[0],
                "{metric:?} {group:?}"
            );
        }
    }
    // The map's points, for that metric alone.
    for (m, &metric) in Metric::ALL.iter().enumerate() {
        assert_eq!(prepared.map[m].get().is_some(), metric == Metric::Deaths);
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
fn the_bar_charts_sums_per_key_are_kept_for_one_list_and_metric() {
    let table = table(80, 11);
    let baseline = Baseline::new();
    let some = rows_of(80, |row| row % 3 == 0);
    let others = rows_of(80, |row| row % 3 != 0);
    // Lists and metrics in turn: each chart's sums are the list's, never the last one's.
    for rows in [&some, &others, &some, &some.clone()] {
        for &metric in Metric::ALL {
            for group in Group::ALL {
                let slow = brute_group(&table, rows, group, metric);
                assert_eq!(baseline.group(&table, rows, group, metric), slow);
            }
        }
    }
    assert!(baseline.keys.get().is_some_and(Option::is_some));
    let kept = baseline.kept_key_sums.lock().ok();
    let kept = kept.as_ref().and_then(|kept| kept.as_ref());
    assert!(kept.is_some_and(
        |kept| kept.rows.same(&some) && kept.tag == Metric::ALL[Metric::ALL.len() - 1]
    ));
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
        // The map adds the governorates' values itself.
        for rows in [&most, &few] {
            assert_eq!(
                baseline.map_layers(&table, rows, metric),
                map_layers::map_layers(&table, rows, metric)
            );
        }
    }
    assert!(baseline.keys.get().is_some_and(Option::is_none));
}

#[test]
fn rows_not_ascending_or_out_of_range_are_summed_directly() {
    let table = table(40, 5);
    let baseline = Baseline::new();
    let mut shuffled = rows_of(40, |row| row != 3).to_vec();
    shuffled.reverse();
    let mut twice = rows_of(40, |_| true).to_vec();
    twice.push(39);
    let mut past = rows_of(40, |_| true).to_vec();
    past.push(40);
    let mut swapped = rows_of(40, |row| row != 5).to_vec();
    swapped.swap(10, 11);
    // Each after a list that differs from it in a few rows, so that the rows that came and
    // went would be summed if the walk could tell them.
    for odd in [shuffled, twice, past, swapped] {
        let near = rows_of(40, |row| row != 3 && row != 20);
        assert_eq!(
            baseline.totals(&table, &near),
            aggregate::totals(&table, &near)
        );
        let odd = Rows::new(odd);
        assert_eq!(
            baseline.totals(&table, &odd),
            aggregate::totals(&table, &odd)
        );
    }
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn sums_made_from_the_rows_that_came_and_went_are_the_direct_sums(
        seed in any::<u64>(),
        rows in 1usize..160,
        steps in proptest::collection::vec((any::<u64>(), 0u64..=64), 1..8),
    ) {
        let table = table(rows, seed);
        let baseline = Baseline::new();
        let mut member = vec![true; rows];
        let mut last = rows_of(rows, |_| true);
        agrees(&baseline, &table, &last)?;
        // Each step takes each row in or out with a chance of `flip` in 64: a few rows
        // change, or many.
        for (salt, flip) in steps {
            let mut next = xorshift(salt | 1);
            for kept in &mut member {
                *kept ^= next(64) < flip;
            }
            let list = rows_of(rows, |row| member[row]);
            // The totals first, so that their kept sums are the last list's: the rows that
            // came and went are found, and summed, when they are fewer than the limit.
            let truth = Changes::between(&last, &list, usize::MAX);
            let limit = changes_limit(list.len(), rows);
            let totals = baseline.totals(&table, &list);
            prop_assert_eq!(totals, aggregate::totals(&table, &list));
            let found = baseline.changes.lock().ok().and_then(|last| {
                last.as_ref().map(|last| last.changes.as_deref().cloned())
            });
            let few = truth.filter(|t| t.gained.len() + t.lost.len() < limit);
            prop_assert_eq!(found, Some(few));
            agrees(&baseline, &table, &list)?;
            last = list;
        }
    }
}

#[test]
fn a_row_more_is_summed_from_the_kept_sums() {
    let table = table(100, 9);
    let baseline = Baseline::new();
    let half = rows_of(100, |row| row < 50);
    let more = rows_of(100, |row| row < 50 || row == 77);
    for rows in [&half, &more] {
        assert_eq!(
            baseline.totals(&table, rows),
            aggregate::totals(&table, rows)
        );
    }
    // Half the rows, then one more: one row came, where the other ways read some fifty.
    let last = baseline.changes.lock().ok();
    let found = last.as_ref().and_then(|last| last.as_ref());
    let changes = found.and_then(|last| last.changes.as_deref());
    assert_eq!(
        changes,
        Some(&Changes {
            gained: vec![77],
            lost: Vec::new()
        })
    );
}
