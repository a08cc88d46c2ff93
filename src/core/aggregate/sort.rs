//! The event list's order: sort keys, the table's rows sorted once per key, and a page of the
//! matching rows in that order without sorting them all.

use crate::core::baseline::every_row;
use crate::core::table::EventTable;
use crate::core::text_index::RowSet;

/// Order of the event list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum SortKey {
    #[default]
    DateDesc,
    DateAsc,
    DeathsDesc,
    DeathsAsc,
}

impl SortKey {
    pub const ALL: &'static [SortKey] = &[
        SortKey::DateDesc,
        SortKey::DateAsc,
        SortKey::DeathsDesc,
        SortKey::DeathsAsc,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SortKey::DateDesc => "date-desc",
            SortKey::DateAsc => "date-asc",
            SortKey::DeathsDesc => "deaths-desc",
            SortKey::DeathsAsc => "deaths-asc",
        }
    }

    pub fn from_id(id: &str) -> Option<SortKey> {
        Self::ALL.iter().copied().find(|k| k.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::DateDesc => "Newest first",
            SortKey::DateAsc => "Oldest first",
            SortKey::DeathsDesc => "Most deaths first",
            SortKey::DeathsAsc => "Fewest deaths first",
        }
    }
}

/// The table's rows in each [`SortKey`]'s order, each sorted the first time a list needs it
/// (a cache: two tables are equal whatever their caches hold). At a million rows each order
/// is 4 MB and takes some 100 ms to sort natively, once.
#[derive(Clone, Default)]
pub struct SortOrders {
    orders: [std::sync::OnceLock<Vec<u32>>; SortKey::ALL.len()],
}

impl SortOrders {
    /// All rows of `table` sorted by `key` ([`compare_rows`]'s total order).
    fn rows(&self, table: &EventTable, key: SortKey) -> &[u32] {
        let at = SortKey::ALL.iter().position(|&k| k == key).unwrap_or(0);
        match self.orders.get(at) {
            Some(order) => order.get_or_init(|| {
                // Sorted as plain numbers: a comparison that reads the columns of both rows
                // took some 600 ms for a million rows in WebAssembly, as a file opened.
                let rows = u32::try_from(table.len()).unwrap_or(u32::MAX);
                let mut keys: Vec<u128> = (0..rows).map(|row| sort_key(table, key, row)).collect();
                keys.sort_unstable();
                keys.into_iter().map(|k| k as u32).collect()
            }),
            None => &[],
        }
    }
}

impl std::fmt::Debug for SortOrders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sorted = self.orders.iter().filter(|o| o.get().is_some()).count();
        write!(f, "SortOrders({sorted} sorted)")
    }
}

impl PartialEq for SortOrders {
    fn eq(&self, _: &SortOrders) -> bool {
        true
    }
}

/// Sorts `table`'s rows by `key` now, unless they were: a list's first page of many rows then
/// reads the order kept ([`SortOrders`]) instead of sorting as it is drawn.
pub fn sort_in_advance(table: &EventTable, key: SortKey) {
    table.sort_orders.rows(table, key);
}

/// Below this many matching rows a page is selected from them; above, it may be read off the
/// table's sorted order ([`SortOrders`]).
pub const WALK_FROM_ROWS: usize = 4096;

/// The rows at positions `first..first + count` of `rows` sorted by `key`, without sorting
/// every matching row: sorting them all would cost most exactly when the result is largest.
/// `rows` are ascending row numbers of `table`.
///
/// When the rows are many and the page is early, it is read off the table's order for `key`
/// (sorted once), skipping rows not among `rows`: about `(first + count) × table rows / rows`
/// steps. Otherwise the first `first + count` rows are selected from `rows`, which is linear
/// in `rows`. Both give the same page.
pub fn sorted_page(
    table: &EventTable,
    rows: &[u32],
    key: SortKey,
    first: usize,
    count: usize,
) -> Vec<u32> {
    sorted_page_from(table, rows, key, first, count, WALK_FROM_ROWS)
}

/// [`sorted_page`], reading the sorted order from `walk_from` matching rows on.
fn sorted_page_from(
    table: &EventTable,
    rows: &[u32],
    key: SortKey,
    first: usize,
    count: usize,
    walk_from: usize,
) -> Vec<u32> {
    let end = first.saturating_add(count).min(rows.len());
    if first >= end {
        return Vec::new();
    }
    // Walking reads about `end × table rows / rows` entries of the order; selecting reads
    // each of `rows` a few times.
    let walk = rows.len() >= walk_from
        && (end as u64).saturating_mul(table.len() as u64)
            <= (rows.len() as u64).saturating_mul(rows.len() as u64);
    if walk {
        walked_page(table, rows, key, first, end)
    } else {
        selected_page(table, rows, key, first, end)
    }
}

/// Positions `first..end` of `rows` in `key`'s order, read off the table's sorted order.
fn walked_page(
    table: &EventTable,
    rows: &[u32],
    key: SortKey,
    first: usize,
    end: usize,
) -> Vec<u32> {
    let order = table.sort_orders.rows(table, key);
    if every_row(rows, table.len()) {
        // No row left out: the page is that slice of the order.
        return order
            .get(first..end)
            .map(<[u32]>::to_vec)
            .unwrap_or_default();
    }
    let wanted = RowSet::of(table.len(), rows);
    order
        .iter()
        .copied()
        .filter(|&row| wanted.contains(row as usize))
        .skip(first)
        .take(end.saturating_sub(first))
        .collect()
}

/// Positions `first..end` of `rows` in `key`'s order, selected from `rows`.
fn selected_page(
    table: &EventTable,
    rows: &[u32],
    key: SortKey,
    first: usize,
    end: usize,
) -> Vec<u32> {
    let order = |a: &u32, b: &u32| compare_rows(table, key, *a, *b);
    let mut page = rows.to_vec();
    if end < page.len() {
        page.select_nth_unstable_by(end, order);
        page.truncate(end);
    }
    page.sort_unstable_by(order);
    page.drain(..first.min(page.len()));
    page
}

/// The list's order for `key`: dates by start then end, deaths by best estimate; ties always by
/// row number ascending, so the order is total and the same on every run whatever order the
/// rows came in (and sorts and selections agree without being stable). It is the order of
/// [`sort_key`], which sorting a whole order reads once a row.
fn compare_rows(table: &EventTable, key: SortKey, a: u32, b: u32) -> std::cmp::Ordering {
    sort_key(table, key, a).cmp(&sort_key(table, key, b))
}

/// Row `row`'s place in `key`'s order (see [`compare_rows`]) as one number. The row is the low
/// 32 bits, under the key's columns made unsigned with their order kept (and turned around for
/// a descending key); a row past the table reads as the earliest date and no deaths.
fn sort_key(table: &EventTable, key: SortKey, row: u32) -> u128 {
    // i32's order, as u32: the sign bit flipped.
    let day = |column: &[i32]| {
        let value = column.get(row as usize).copied().unwrap_or(i32::MIN);
        u64::from((value as u32) ^ 0x8000_0000)
    };
    let date = || (day(&table.start) << 32) | day(&table.end);
    let deaths = u64::from(table.deaths_best.get(row as usize).copied().unwrap_or(0));
    let primary = match key {
        SortKey::DateDesc => !date(),
        SortKey::DateAsc => date(),
        SortKey::DeathsDesc => !deaths,
        SortKey::DeathsAsc => deaths,
    };
    (u128::from(primary) << 32) | u128::from(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::test_data::*;
    use crate::core::vocab::CasualtyGroup;

    fn build(events: Vec<Ev>) -> EventTable {
        EventTable::build(&[dataset("curated", events)])
    }

    #[test]
    fn sorting_is_total_and_stable() {
        let table = build(vec![
            ev("c:0", "2019-11-14").killed(CasualtyGroup::Civilians, 5),
            ev("c:1", "2018-01-01").killed(CasualtyGroup::Civilians, 5),
            ev("c:2", "2019-11-14"),
            ev("c:3", "2020-03-01").killed(CasualtyGroup::Civilians, 9),
        ]);
        let sorted = |key| sorted_page(&table, &[3, 2, 1, 0], key, 0, 4);
        assert_eq!(sorted(SortKey::DateDesc), vec![3, 0, 2, 1]);
        assert_eq!(sorted(SortKey::DateAsc), vec![1, 0, 2, 3]);
        assert_eq!(sorted(SortKey::DeathsDesc), vec![3, 0, 1, 2]);
        assert_eq!(sorted(SortKey::DeathsAsc), vec![2, 0, 1, 3]);
    }

    #[test]
    fn the_sorted_orders_are_the_comparisons_order() {
        // Dates on both sides of day 0 and at the ends of i32, equal starts with other ends,
        // equal deaths, and deaths at u32's ends: every tie falls to the row number.
        let start = vec![5, -3, 5, i32::MIN, i32::MAX, 0, -3, 5, 0];
        let end = vec![9, -1, 7, 0, i32::MAX, 0, -1, 9, 2];
        let deaths = vec![2, 0, u32::MAX, 7, 2, 0, 1, u32::MAX, 7];
        let table = EventTable {
            start,
            end,
            deaths_best: deaths,
            ..EventTable::default()
        };
        // The order as the list defines it, from the columns themselves.
        let date = |row: u32| (table.start[row as usize], table.end[row as usize]);
        let deaths = |row: u32| table.deaths_best[row as usize];
        for &key in SortKey::ALL {
            let mut expected: Vec<u32> = (0..table.len() as u32).collect();
            expected.sort_by(|&a, &b| {
                match key {
                    SortKey::DateDesc => date(b).cmp(&date(a)),
                    SortKey::DateAsc => date(a).cmp(&date(b)),
                    SortKey::DeathsDesc => deaths(b).cmp(&deaths(a)),
                    SortKey::DeathsAsc => deaths(a).cmp(&deaths(b)),
                }
                .then(a.cmp(&b))
            });
            assert_eq!(table.sort_orders.rows(&table, key), expected, "{key:?}");
            let mut compared: Vec<u32> = (0..table.len() as u32).rev().collect();
            compared.sort_unstable_by(|&a, &b| compare_rows(&table, key, a, b));
            assert_eq!(compared, expected, "{key:?}");
        }
    }

    /// The whole list sorted, the slow way the page selection must agree with.
    fn sort_rows(table: &EventTable, rows: &mut [u32], key: SortKey) {
        rows.sort_by(|&a, &b| compare_rows(table, key, a, b));
    }

    #[test]
    fn a_sorted_page_is_that_slice_of_the_full_sort() {
        let dates = [
            "2019-11-14",
            "2018-01-01",
            "2019-11-14",
            "2020-03-01",
            "2017-06-30",
        ];
        let table = build(
            (0..23)
                .map(|i| {
                    ev(&format!("c:{i}"), dates[i % dates.len()])
                        .killed(CasualtyGroup::Civilians, (i * 7 % 5) as u64)
                })
                .collect(),
        );
        // A filtered subset in table order, as the filter pass returns it, and every row.
        for rows in [
            (0..23).filter(|r| r % 4 != 1).collect(),
            (0..23).collect::<Vec<u32>>(),
        ] {
            for key in [
                SortKey::DateDesc,
                SortKey::DateAsc,
                SortKey::DeathsDesc,
                SortKey::DeathsAsc,
            ] {
                let mut full = rows.clone();
                sort_rows(&table, &mut full, key);
                for count in [1, 4, 5, 50] {
                    for first in (0..=full.len() + 1).step_by(3) {
                        let expected: Vec<u32> =
                            full.iter().skip(first).take(count).copied().collect();
                        assert_eq!(
                            sorted_page(&table, &rows, key, first, count),
                            expected,
                            "{key:?} {first}+{count}"
                        );
                        // Both ways of finding a page, whichever the sizes choose.
                        let end = (first + count).min(rows.len());
                        if first < end {
                            assert_eq!(walked_page(&table, &rows, key, first, end), expected);
                            assert_eq!(selected_page(&table, &rows, key, first, end), expected);
                        }
                    }
                }
            }
        }
    }
}
