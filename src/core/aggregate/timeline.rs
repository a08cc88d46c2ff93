//! The timeline: the rows' values per bucket of time (weeks or months), stacked by lead actor,
//! with events dated more coarsely than a bucket spread over the buckets they cover.
//!
//! [`timeline`] makes it in two passes over the rows: the first finds their span (an open end
//! of the window is "up to the data") and milestones, the second adds each row to the
//! buckets of that span. When the span of the whole table is known ([`timeline_in_one_pass`],
//! which [`crate::core::baseline::Baseline::timeline`] calls), one pass adds the rows to the
//! buckets of the table's span while their own span is found, and the timeline's buckets are
//! then taken from those: at a million rows in WebAssembly, one pass less over a filter's rows.
//! Both give the same timeline, bit for bit: a bucket's value is summed from the same rows'
//! shares, computed the same way, in the same order.

use super::{Metric, Values};
use crate::core::date::Day;
use crate::core::table::{EventTable, NO_ACTOR};
use crate::core::vocab::Actor;

use super::Interval;

/// One bar of the timeline: `[start, end_exclusive)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub start: Day,
    pub end_exclusive: Day,
    /// Value per `Actor::ALL` index, plus one trailing slot for events that name no actor. Each
    /// event sits in exactly one slot, so the slots stack to the bucket's total.
    pub by_actor: Vec<f64>,
    /// The part of the total that comes from events spread over several buckets because they
    /// are dated more coarsely than the interval (or span a long period). The chart draws it
    /// differently so the reader can tell spread values from dated ones.
    pub imprecise: f64,
}

impl Bucket {
    /// Sum over all slots.
    pub fn total(&self) -> f64 {
        self.by_actor.iter().sum()
    }
}

/// A timeline over contiguous buckets.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub interval: Interval,
    pub metric: Metric,
    pub buckets: Vec<Bucket>,
    /// Rows of milestone kind (ceasefires, agreements), in the order given, to draw as markers.
    pub milestones: Vec<u32>,
}

/// Most buckets a timeline holds: about 190 years of weeks. A wider span (a mistyped year in a
/// user's file) is cut at the end rather than allocating without bound.
pub const MAX_BUCKETS: usize = 10_000;

/// Most buckets over a table's whole span for which [`timeline_in_one_pass`] adds rows in
/// one pass (their sums are a block of memory made for each timeline): about 40 years of
/// weeks. A table spanning more takes the two passes.
const GRID_MOST: usize = 2_000;

/// 0000-01-01 and 9999-12-31, the first and last days a date string can name.
const FIRST_DAY: i32 = -719_528;
const LAST_DAY: i32 = 2_932_896;

/// The slot of the trailing "no actor" entry in [`Bucket::by_actor`].
pub fn no_actor_slot() -> usize {
    Actor::ALL.len()
}

/// `day` within the days a date string can name, so calendar arithmetic cannot overflow.
fn clamp(day: Day) -> Day {
    Day(day.0.clamp(FIRST_DAY, LAST_DAY))
}

/// The empty buckets of `interval` from the one holding `first` to the one holding `last`, at
/// most [`MAX_BUCKETS`] of them (cut at the end).
fn buckets_over(interval: Interval, first: Day, last: Day) -> Vec<Bucket> {
    let mut buckets = Vec::new();
    let mut start = interval.bucket_start(first);
    while start <= last && buckets.len() < MAX_BUCKETS {
        let next = interval.next_start(start);
        if next <= start {
            // Only at the very end of the representable days; stop rather than loop.
            break;
        }
        buckets.push(Bucket {
            start,
            end_exclusive: next,
            by_actor: Vec::new(),
            imprecise: 0.0,
        });
        start = next;
    }
    buckets
}

/// The timeline's empty buckets for the date filter's `window` and the rows' `data_span`
/// (their first start and last end): the window, its open ends taken from the data.
fn buckets_for(
    interval: Interval,
    window: (Option<Day>, Option<Day>),
    data_span: Option<(Day, Day)>,
) -> Vec<Bucket> {
    let span = match (window, data_span) {
        ((Some(a), Some(b)), _) => Some((a.min(b), a.max(b))),
        ((from, to), Some((start, end))) => Some((from.unwrap_or(start), to.unwrap_or(end))),
        ((Some(day), None), None) | ((None, Some(day)), None) => Some((day, day)),
        ((None, None), None) => None,
    };
    // Only days of years 0000 to 9999 (what dates parse to) are bucketed, so the calendar
    // arithmetic cannot overflow whatever range a caller passes.
    let Some((first, last)) = span.map(|(first, last)| (clamp(first), clamp(last))) else {
        return Vec::new();
    };
    let buckets = buckets_over(interval, first, last);
    // A window of more than MAX_BUCKETS buckets (a year typed as 0201) would be cut before
    // the rows' days: it is narrowed to the days of the rows, which are then all shown.
    let cut = buckets
        .last()
        .is_some_and(|bucket| bucket.end_exclusive <= last);
    if let (true, Some((start, end))) = (cut, data_span) {
        let (first, last) = (clamp(start.max(first)), clamp(end.min(last)));
        if first <= last {
            return buckets_over(interval, first, last);
        }
    }
    buckets
}

/// Buckets and the values added to them so far: per bucket a value per slot (lead actor, or
/// none) and the spread part.
struct Grid {
    buckets: Vec<Bucket>,
    /// The first and last day the buckets cover.
    span: (i32, i32),
    /// Bucket index of every day of the span, so placing a row is a lookup, not calendar
    /// arithmetic (a few hundred kilobytes at most, for MAX_BUCKETS months).
    bucket_of: Vec<u32>,
    /// The buckets' values per slot, bucket after bucket, in one block of memory.
    sums: Vec<f64>,
    imprecise: Vec<f64>,
}

/// Slots a bucket has: one per actor and one for "no actor".
const SLOTS: usize = Actor::ALL.len() + 1;

impl Grid {
    /// `buckets` (contiguous, ascending), with nothing added.
    fn new(buckets: Vec<Bucket>) -> Grid {
        let span = match (buckets.first(), buckets.last()) {
            (Some(first), Some(last)) => (first.start.0, last.end_exclusive.0 - 1),
            _ => (0, -1),
        };
        let mut bucket_of: Vec<u32> = Vec::new();
        for (index, bucket) in (0u32..).zip(&buckets) {
            let days = usize::try_from(bucket.end_exclusive.0 - bucket.start.0).unwrap_or(0);
            bucket_of.extend(std::iter::repeat_n(index, days));
        }
        Grid {
            sums: vec![0.0; buckets.len() * SLOTS],
            imprecise: vec![0.0; buckets.len()],
            buckets,
            span,
            bucket_of,
        }
    }

    /// The index of the bucket holding `day`, a day of the span (0 for any other).
    #[inline(always)]
    fn index_of(&self, day: i32) -> usize {
        usize::try_from(day - self.span.0)
            .ok()
            .and_then(|offset| self.bucket_of.get(offset))
            .map_or(0, |&index| index as usize)
    }

    /// Adds `row`'s `value` over its days `start..=end`: all of it to its bucket when its
    /// days lie in one, else to each bucket the share of its days there, which also goes to
    /// the bucket's spread part. Shares outside the buckets are dropped.
    #[inline(always)]
    fn add(&mut self, table: &EventTable, row: usize, value: f64, (start, end): (i32, i32)) {
        let (span_start, span_end) = self.span;
        if value == 0.0 || end < span_start || start > span_end {
            return;
        }
        let slot = table
            .lead_actor
            .get(row)
            .copied()
            .filter(|&lead| lead != NO_ACTOR && usize::from(lead) < Actor::ALL.len())
            .map_or(no_actor_slot(), usize::from);
        let first_index = self.index_of(start.max(span_start));
        // Most events are dated to one day: one lookup.
        let last_index = if end == start {
            first_index
        } else {
            self.index_of(end.min(span_end))
        };
        let whole = start >= span_start && end <= span_end;
        if whole && first_index == last_index {
            if let Some(cell) = self.sums.get_mut(first_index * SLOTS + slot) {
                *cell += value;
            }
            return;
        }
        // Spread: each bucket gets the share of the event's days that fall in it.
        let days = f64::from(end - start + 1);
        for index in first_index..=last_index.max(first_index) {
            let Some(bucket) = self.buckets.get(index) else {
                break;
            };
            let overlap = end.min(bucket.end_exclusive.0 - 1) - start.max(bucket.start.0) + 1;
            if overlap <= 0 {
                continue;
            }
            let share = value * f64::from(overlap) / days;
            if let Some(cell) = self.sums.get_mut(index * SLOTS + slot) {
                *cell += share;
            }
            if let Some(part) = self.imprecise.get_mut(index) {
                *part += share;
            }
        }
    }

    /// The buckets with their values.
    fn into_buckets(self) -> Vec<Bucket> {
        let mut buckets = self.buckets;
        for ((bucket, values), &part) in buckets
            .iter_mut()
            .zip(self.sums.chunks(SLOTS))
            .zip(&self.imprecise)
        {
            bucket.by_actor = values.to_vec();
            bucket.imprecise = part;
        }
        buckets
    }

    /// `buckets` (contiguous, ascending) with the values of the grid's buckets that start
    /// on the same days, and nothing for those outside the grid; `None` when a bucket
    /// within the grid's span starts on no bucket of it.
    fn values_of(&self, mut buckets: Vec<Bucket>) -> Option<Vec<Bucket>> {
        for bucket in &mut buckets {
            let start = bucket.start.0;
            if start < self.span.0 || start > self.span.1 {
                bucket.by_actor = vec![0.0; SLOTS];
                continue;
            }
            let index = self.index_of(start);
            let from = self
                .buckets
                .get(index)
                .filter(|of| of.start == bucket.start)?;
            let values = self.sums.get(index * SLOTS..(index + 1) * SLOTS)?;
            debug_assert_eq!(from.end_exclusive, bucket.end_exclusive);
            bucket.by_actor = values.to_vec();
            bucket.imprecise = self.imprecise.get(index).copied().unwrap_or(0.0);
        }
        Some(buckets)
    }
}

/// What the rows read so far say besides their values: the milestones among them, and their
/// first start and last end.
#[derive(Default)]
struct Seen {
    milestones: Vec<u32>,
    span: Option<(i32, i32)>,
}

impl Seen {
    /// Notes `row`, dated `start..=end`.
    #[inline(always)]
    fn row(&mut self, values: &Values<'_>, row: u32, (start, end): (i32, i32)) {
        if values.is_milestone(row as usize) {
            self.milestones.push(row);
        }
        self.span = Some(match self.span {
            Some((first, last)) => (first.min(start), last.max(end)),
            None => (start, end),
        });
    }

    /// The rows' span, none when no row was read.
    fn span(&self) -> Option<(Day, Day)> {
        self.span.map(|(start, end)| (Day(start), Day(end)))
    }
}

/// Builds the timeline of `rows` over the date filter's window `(from, to)`.
///
/// Buckets cover the window (inclusive days, swapped if reversed), extended to whole buckets,
/// with empty buckets included. An open end is "up to the data": a missing `from` is the
/// earliest start of the rows and a missing `to` their latest end (with no rows, the given
/// end alone; with neither, no buckets). An event whose date range lies in one bucket adds
/// its value there. An event whose range covers several buckets adds to each a share
/// proportional to the days of its range in that bucket, and those shares also go to
/// [`Bucket::imprecise`]; shares falling outside the buckets (when the window cuts the event)
/// are dropped, not moved. The value goes to one slot: the event's lead actor (first
/// perpetrator, else first actor, else "no actor").
pub fn timeline(
    table: &EventTable,
    rows: &[u32],
    interval: Interval,
    metric: Metric,
    window: (Option<Day>, Option<Day>),
) -> Timeline {
    // One pass for the milestones and the rows' span.
    let values = Values::new(table, metric);
    let mut seen = Seen::default();
    for &row in rows {
        let at = row as usize;
        if let (Some(&start), Some(&end)) = (table.start.get(at), table.end.get(at)) {
            seen.row(&values, row, (start, end));
        }
    }
    let mut grid = Grid::new(buckets_for(interval, window, seen.span()));
    if !grid.buckets.is_empty() {
        for &row in rows {
            let row = row as usize;
            if let (Some(&start), Some(&end)) = (table.start.get(row), table.end.get(row)) {
                grid.add(table, row, values.at(row), (start, end));
            }
        }
    }
    Timeline {
        interval,
        metric,
        buckets: grid.into_buckets(),
        milestones: seen.milestones,
    }
}

/// [`timeline`] in one pass over `rows`, the same timeline, given `table_span`: the first
/// start and last end of every row of `table` (days). The rows are added to the buckets of
/// the table's span while their milestones and span are found, and the timeline's buckets
/// take their values from those. A table spanning more than [`GRID_MOST`] buckets, or a
/// span that is not the table's (a row outside it), gets [`timeline`].
pub fn timeline_in_one_pass(
    table: &EventTable,
    rows: &[u32],
    interval: Interval,
    metric: Metric,
    window: (Option<Day>, Option<Day>),
    table_span: (i32, i32),
) -> Timeline {
    let two_passes = || timeline(table, rows, interval, metric, window);
    let (first, last) = (clamp(Day(table_span.0)), clamp(Day(table_span.1)));
    if first > last {
        return two_passes();
    }
    let grid_buckets = buckets_over(interval, first, last);
    let covered = grid_buckets
        .last()
        .is_some_and(|bucket| bucket.end_exclusive > last);
    if !covered || grid_buckets.len() > GRID_MOST {
        return two_passes();
    }
    let mut grid = Grid::new(grid_buckets);
    let values = Values::new(table, metric);
    let mut seen = Seen::default();
    for &row in rows {
        let at = row as usize;
        let (Some(&start), Some(&end)) = (table.start.get(at), table.end.get(at)) else {
            continue;
        };
        if start < table_span.0 || end > table_span.1 {
            // Not the table's span after all: its shares might fall outside the grid.
            return two_passes();
        }
        seen.row(&values, row, (start, end));
        grid.add(table, at, values.at(at), (start, end));
    }
    match grid.values_of(buckets_for(interval, window, seen.span())) {
        Some(buckets) => Timeline {
            interval,
            metric,
            buckets,
            milestones: seen.milestones,
        },
        None => two_passes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::test_data::xorshift;
    use proptest::prelude::*;

    /// A table of `rows` random rows over about `years` years from 2011: most dated to a day,
    /// some to a month or a year, some milestones, lead actors and values at random.
    fn table(rows: usize, years: u64, seed: u64) -> EventTable {
        let mut next = xorshift(seed | 1);
        let mut table = EventTable::default();
        let origin = Day::parse("2011-01-01").map_or(15_000, |day| day.0);
        for _ in 0..rows {
            let start = origin + next(365 * years.max(1)) as i32;
            let length = match next(10) {
                0 => 30,
                1 => 365,
                2 => next(70) as i32,
                _ => 0,
            };
            table.start.push(start);
            table.end.push(start + length);
            table
                .kind
                .push(next(crate::core::vocab::EventKind::ALL.len() as u64) as u8);
            table
                .lead_actor
                .push(next(Actor::ALL.len() as u64 + 2) as u8);
            table.deaths_best.push(next(40) as u32);
            table.civilians_killed.push(next(9) as u32);
        }
        table
    }

    fn day(offset: i64) -> Option<Day> {
        Day::parse("2011-01-01")
            .ok()
            .map(|day| Day(day.0 + offset as i32))
    }

    fn span_of(table: &EventTable) -> (i32, i32) {
        let first = table.start.iter().copied().min().unwrap_or(0);
        let last = table.end.iter().copied().max().unwrap_or(-1);
        (first, last)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn one_pass_gives_the_two_passes_timeline(
            rows in 0usize..300,
            years in 1u64..12,
            seed in any::<u64>(),
            keep in 0u64..=8,
            from in proptest::option::of(-400i64..5000),
            to in proptest::option::of(-400i64..5000),
            weeks in any::<bool>(),
            metric in 0usize..3,
        ) {
            let table = table(rows, years, seed);
            let mut next = xorshift(seed.rotate_left(7) | 1);
            let list: Vec<u32> = (0..rows as u32).filter(|_| next(8) < keep).collect();
            let interval = if weeks { Interval::Week } else { Interval::Month };
            let metric = Metric::ALL[metric];
            let window = (from.and_then(day), to.and_then(day));
            let two = timeline(&table, &list, interval, metric, window);
            let one = timeline_in_one_pass(&table, &list, interval, metric, window, span_of(&table));
            prop_assert_eq!(one, two);
        }
    }

    #[test]
    fn a_window_of_more_buckets_than_a_timeline_holds_is_narrowed_alike() {
        // A year typed as 0201: the window is cut to the rows' days, both ways.
        let table = table(150, 4, 11);
        let rows: Vec<u32> = (0..150).step_by(2).collect();
        let window = (Day::parse("0201-01-01").ok(), day(900));
        for interval in [Interval::Week, Interval::Month] {
            let two = timeline(&table, &rows, interval, Metric::Deaths, window);
            let one = timeline_in_one_pass(
                &table,
                &rows,
                interval,
                Metric::Deaths,
                window,
                span_of(&table),
            );
            assert!(!two.buckets.is_empty() && two.buckets.len() < MAX_BUCKETS);
            assert_eq!(one, two, "{interval:?}");
        }
    }

    #[test]
    fn a_span_that_is_not_the_tables_gives_the_same_timeline() {
        let table = table(200, 3, 5);
        let all: Vec<u32> = (0..200).collect();
        let (first, last) = span_of(&table);
        let two = timeline(&table, &all, Interval::Month, Metric::Events, (None, None));
        for span in [
            (first + 40, last),
            (first, last - 40),
            (last, first),
            (0, 0),
        ] {
            let one = timeline_in_one_pass(
                &table,
                &all,
                Interval::Month,
                Metric::Events,
                (None, None),
                span,
            );
            assert_eq!(one, two, "{span:?}");
        }
        // A table over more years than the grid holds in weeks.
        let wide = timeline_in_one_pass(
            &table,
            &all,
            Interval::Week,
            Metric::Events,
            (None, None),
            (first - 7 * GRID_MOST as i32, last),
        );
        assert_eq!(
            wide,
            timeline(&table, &all, Interval::Week, Metric::Events, (None, None))
        );
    }
}
