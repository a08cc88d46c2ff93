//! The engine checked against a brute-force oracle: property tests over random tables and
//! sequences of filter changes (the rows, the cross counts and the date counts an engine keeps
//! equal those recomputed from scratch), and the engine built in stages against one built at
//! once.

use super::*;

#[test]
fn rows_by_a_column_are_its_stable_order() {
    let mut random = xorshift(7);
    let column: Vec<i32> = (0..500)
        .map(|_| match random(5) {
            0 => i32::MIN,
            1 => i32::MAX,
            2 => 0,
            _ => random(41) as i32 - 20,
        })
        .collect();
    let mut stable: Vec<u32> = (0..500).collect();
    stable.sort_by_key(|&row| column[row as usize]);
    assert_eq!(rows_by(&column, 500), stable);
    assert_eq!(rows_by(&column, 3).len(), 3);
    assert_eq!(rows_by(&[], 3), Vec::<u32>::new());
}
use crate::core::aggregate::{sorted_page, SortKey};
use crate::core::date::Day;
use crate::core::facet::random;
use crate::core::filter::{cross_counts, ActorRole, CasualtyFilter};
use crate::core::table::test_data::xorshift;
use crate::core::vocab::EventKind;
use proptest::prelude::*;

/// A random table of `rows` rows from `seed`.
fn table(rows: usize, seed: u64) -> EventTable {
    let mut next = xorshift(seed | 1);
    let mut table = EventTable {
        collection_ids: vec!["a".into(), "b".into()],
        ..EventTable::default()
    };
    for row in 0..rows {
        let start = 100 + next(40) as i32;
        table.start.push(start);
        table.end.push(start + next(3) as i32 * next(10) as i32);
        table.collection.push(next(2) as u8);
        table.publishers.push(next(32) as u8);
        table.kind.push(next(EventKind::ALL.len() as u64) as u8);
        table.actors_any.push(next(64) as u32);
        table.actors_perpetrator.push(next(64) as u32);
        table.governorates.push(next(1 << 14) as u16);
        table.flags.push(next(16) as u8);
        table
            .search_text
            .push(format!("row{} word{}", row % 7, next(4)));
    }
    random::fill(&mut table.facets, rows, &mut next);
    table.index_text();
    table
}

fn filter(choice: &[u32; 9]) -> Filter {
    let day = |n: u32| (!n.is_multiple_of(3)).then(|| Day(95 + (n % 60) as i32));
    Filter {
        from: day(choice[0]),
        to: day(choice[1]),
        date_match: if (choice[0] / 3 + choice[1]).is_multiple_of(3) {
            DateMatch::Within
        } else {
            DateMatch::Overlap
        },
        actors: choice[2] % 3 * (choice[2] % 64),
        actor_role: if choice[3].is_multiple_of(2) {
            ActorRole::Any
        } else {
            ActorRole::Perpetrator
        },
        kinds: choice[4] % 2 * (choice[4] % 1024),
        governorates: (choice[5] % 2 * (choice[5] % 64)) as u16,
        collections: choice[6] % 3,
        publishers: 0,
        casualty: choice[7]
            .is_multiple_of(3)
            .then(|| CasualtyFilter::ALL[(choice[7] % 4) as usize]),
        text: match choice[8] % 4 {
            0 => "word1".into(),
            1 => "row3".into(),
            _ => String::new(),
        },
        facets: std::array::from_fn(|at| {
            // A generator seeded by the choice, so each facet picks on its own.
            let seed = u64::from(choice[(2 * at + 1) % 9]) * 2_654_435_761 + at as u64 + 1;
            random::selection(&mut xorshift(seed))
        }),
    }
}

fn bucket(day: i32) -> Option<usize> {
    usize::try_from((day - 100) / 7).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_engine_equals_a_fresh_evaluation_after_every_change(
        seed in any::<u64>(),
        rows in 0usize..120,
        steps in proptest::collection::vec(proptest::array::uniform9(0u32..1000), 1..12),
    ) {
        let table = table(rows, seed);
        let mut engine = Engine::new(&table, 8, bucket);
        // A new engine holds the empty filter's counts.
        let none = Filter::default();
        prop_assert_eq!(engine.cross_counts(), &cross_counts(&none, &table));
        prop_assert_eq!(engine.date_counts(), &date_counts(&none.marks(&table), 8, |row| bucket(table.start[row]))[..]);
        prop_assert_eq!(engine.rows(), none.marks(&table).rows());
        for step in &steps {
            let next = filter(step);
            engine.set_filter(&table, next.clone());
            let marks = next.marks(&table);
            prop_assert_eq!(engine.rows(), marks.rows());
            prop_assert_eq!(engine.cross_counts(), &cross_counts(&next, &table));
            prop_assert_eq!(engine.date_counts(), &date_counts(&marks, 8, |row| bucket(table.start[row]))[..]);
            let rows = marks.rows();
            let page = sorted_page(&table, &rows, SortKey::DateDesc, 0, 5);
            prop_assert_eq!(&engine.latest(&table, 5), &page);
            // Both ways of finding them, whichever the table's size picks.
            prop_assert_eq!(engine.latest_walking(&table, 5, usize::MAX), Some(page.clone()));
            prop_assert_eq!(&engine.latest_by_pass(&table, 5), &page);
            prop_assert_eq!(engine.latest_by_pass(&table, 0), Vec::<u32>::new());
            // What the dates alone leave out: the rows the filter passes without its dates,
            // less those it passes.
            let undated = Filter { from: None, to: None, ..next.clone() };
            let left_out: Vec<u32> = undated.marks(&table).rows().into_iter().filter(|row| rows.binary_search(row).is_err()).collect();
            prop_assert_eq!(engine.rows_failing_only(Dimension::Date), left_out);
        }
    }
}

/// One change of one dimension of `filter`, chosen by `choice`.
fn change_one(filter: &Filter, choice: &[u32; 9]) -> Filter {
    let other = self::filter(choice);
    let mut next = filter.clone();
    match choice[0] % 9 {
        8 => next.date_match = other.date_match,
        0 => next.from = other.from,
        1 => next.to = other.to,
        2 => next.actors = other.actors,
        3 => next.kinds = other.kinds,
        4 => next.governorates = other.governorates,
        5 => next.casualty = other.casualty,
        6 => next.text = other.text,
        _ => {
            let at = choice[2] as usize % Facet::COUNT;
            next.facets[at] = other.facets[at].clone();
        }
    }
    next
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn row_by_row_updates_equal_a_fresh_evaluation(
        seed in any::<u64>(),
        rows in 0usize..150,
        steps in proptest::collection::vec(proptest::array::uniform9(0u32..1000), 1..16),
    ) {
        let table = table(rows, seed);
        // A change of one dimension updates the counts from the rows it changed, or afresh
        // from the rows passing that dimension: each way on its own, and the cheaper of the
        // two as the explorer has it. A move of the date window visits the rows it reaches
        // (share 0) or, past the share (a small table reaches 4 often), makes its lists of
        // changed rows in one pass, as a toggle does.
        let ways = [RefreshBy::Fewer, RefreshBy::Afresh, RefreshBy::Changes];
        for (share, refresh_by) in [0, 4].into_iter().flat_map(|s| ways.map(|r| (s, r))) {
            let mut engine = Engine::new(&table, 8, bucket);
            engine.batch_share = share;
            engine.refresh_by = refresh_by;
            for step in &steps {
                let next = change_one(engine.filter(), step);
                engine.set_filter(&table, next.clone());
                let marks = next.marks(&table);
                prop_assert_eq!(&engine.marks[..], marks.bits());
                prop_assert_eq!(engine.cross_counts(), &cross_counts(&next, &table));
                prop_assert_eq!(engine.date_counts(), &date_counts(&marks, 8, |row| bucket(table.start[row]))[..]);
                let rows = marks.rows();
                prop_assert_eq!(engine.rows(), rows.clone());
                prop_assert_eq!(engine.latest(&table, 5), sorted_page(&table, &rows, SortKey::DateDesc, 0, 5));
            }
        }
    }
}

/// Each facet `wanted` asks for (bit `facet.index()`) is counted as `fresh` counts it; each
/// other is not counted at all.
fn wanted_facets_agree(
    engine: &Engine,
    fresh: &CrossCounts,
    wanted: u8,
) -> Result<(), TestCaseError> {
    for facet in Facet::ALL {
        let kept = &engine.cross_counts().facets[facet.index()];
        if wanted >> facet.index() & 1 == 1 {
            prop_assert_eq!(kept, &fresh.facets[facet.index()]);
        } else {
            prop_assert!(kept.is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn facets_taken_up_again_are_counted_as_afresh(
        seed in any::<u64>(),
        rows in 0usize..120,
        steps in proptest::collection::vec(
            (proptest::array::uniform9(0u32..1000), 0u8..16),
            1..12,
        ),
    ) {
        let table = table(rows, seed);
        // Row by row, and in batch past the share (a small table reaches it often).
        for (share, refresh_by) in [
            (0, RefreshBy::Changes),
            (0, RefreshBy::Afresh),
            (4, RefreshBy::Fewer),
        ] {
            let mut engine = Engine::new(&table, 8, bucket);
            engine.batch_share = share;
            engine.refresh_by = refresh_by;
            for (step, wanted) in &steps {
                for facet in Facet::ALL {
                    engine.want_facet(&table, facet, wanted >> facet.index() & 1 == 1);
                }
                let next = change_one(engine.filter(), step);
                engine.set_filter(&table, next.clone());
                let fresh = cross_counts(&next, &table);
                wanted_facets_agree(&engine, &fresh, *wanted)?;
                prop_assert_eq!(&engine.cross_counts().actor, &fresh.actor);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn clearing_the_filters_equals_a_fresh_evaluation(
        seed in any::<u64>(),
        rows in 0usize..120,
        steps in proptest::collection::vec(
            (proptest::array::uniform9(0u32..1000), 0u8..16, any::<bool>()),
            1..12,
        ),
    ) {
        let table = table(rows, seed);
        let mut engine = Engine::new(&table, 8, bucket);
        for (step, wanted, perpetrators) in &steps {
            for facet in Facet::ALL {
                engine.want_facet(&table, facet, wanted >> facet.index() & 1 == 1);
            }
            // A filter, then every filter cleared (in either role), as "Clear all" does.
            let role = if *perpetrators { ActorRole::Perpetrator } else { ActorRole::Any };
            let cleared = Filter { actor_role: role, ..Filter::default() };
            for next in [filter(step), cleared] {
                engine.set_filter(&table, next.clone());
                let marks = next.marks(&table);
                prop_assert_eq!(&engine.marks[..], marks.bits());
                let fresh = cross_counts(&next, &table);
                wanted_facets_agree(&engine, &fresh, *wanted)?;
                let mut both = fresh.clone();
                both.facets = engine.cross_counts().facets.clone();
                prop_assert_eq!(engine.cross_counts(), &both);
                prop_assert_eq!(engine.date_counts(), &date_counts(&marks, 8, |row| bucket(table.start[row]))[..]);
            }
        }
    }
}

#[test]
fn an_engine_built_in_stages_is_the_one_built_at_once() {
    let table = table(500, 3);
    let at_once = Engine::new(&table, 8, bucket);
    let mut build = EngineBuild::new(8, bucket);
    let mut stages = 1;
    while !build.step(&table) {
        stages += 1;
    }
    assert_eq!(stages, 3);
    let built = build.finish(&table);
    assert_eq!(format!("{built:?}"), format!("{at_once:?}"));
    assert_eq!(built.rows().len(), table.len());
}

/// A one-day brush, matching dates by `date_match`: the window 110–120 moved to 111–121 over
/// a table of 2,000 rows. The table, the new window's filter, the engine after the move, and
/// how many rows' marks the move changed.
fn brush_by_a_day(date_match: DateMatch) -> (EventTable, Filter, Engine, usize) {
    let table = table(2_000, 7);
    let mut engine = Engine::new(&table, 8, bucket);
    let window = |from: i32, to: i32| Filter {
        from: Some(Day(from)),
        to: Some(Day(to)),
        date_match,
        ..Filter::default()
    };
    engine.set_filter(&table, window(110, 120));
    let before = engine.clone();
    let moved = window(111, 121);
    engine.set_filter(&table, moved.clone());
    let changed = (0..table.len())
        .filter(|&row| before.marks[row] != engine.marks[row])
        .count();
    (table, moved, engine, changed)
}

#[test]
fn a_one_day_brush_visits_only_the_rows_at_the_edges() {
    let (table, moved, engine, changed) = brush_by_a_day(DateMatch::Overlap);
    // The marks of rows away from both edges are untouched.
    let at_edges = (0..table.len())
        .filter(|&row| table.end[row] == 110 || table.start[row] == 121)
        .count();
    assert!(changed <= at_edges, "{changed} > {at_edges}");
    assert_eq!(engine.rows(), moved.rows(&table));
}

#[test]
fn a_one_day_brush_within_the_window_visits_only_the_rows_at_the_edges() {
    let (table, moved, mut engine, changed) = brush_by_a_day(DateMatch::Within);
    // Matching within the window, `from` is tested on the first day and `to` on the last.
    let at_edges = (0..table.len())
        .filter(|&row| table.start[row] == 110 || table.end[row] == 121)
        .count();
    assert!(changed <= at_edges, "{changed} > {at_edges}");
    assert!(changed > 0);
    assert_eq!(engine.rows(), moved.rows(&table));
    // Switching the way of matching reads every row's dates again.
    let overlap = Filter {
        date_match: DateMatch::Overlap,
        ..moved.clone()
    };
    engine.set_filter(&table, overlap.clone());
    assert_eq!(engine.rows(), overlap.rows(&table));
    assert!(engine.rows().len() > moved.rows(&table).len());
}
