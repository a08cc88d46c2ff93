//! The events whose dates reach beyond a date window: kept whole, or left out.
//!
//! The date filter keeps an event whose dates overlap the window ([`DateMatch::Overlap`], the
//! default), and the header then counts it whole: an event UCDP dates only to 2017, with 1,049
//! deaths, adds all of them to a window of one day in March. A reader citing the figure for
//! those dates must be told, and offered the other way ([`DateMatch::Within`]), which leaves
//! such events out: the reader citing that figure must be told what it left out. This module
//! counts such events, among the rows shown ([`beyond_window`]) or among those the dates alone
//! leave out ([`left_out_within`]); `core::summary_line` words it.

use super::aggregate::{cell, Metric, Values};
use super::filter::{DateMatch, Dimension, Filter};
use super::table::EventTable;

/// Events whose first day is before the window or whose last day is after it, though they
/// overlap it: dated only to a longer period (a month, a year) or spanning days beyond it.
/// Milestones (agreements, political events, which often span years) among them are counted
/// or not as the caller says ([`Milestones`]); they carry no deaths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BeyondWindow {
    /// How many rows.
    pub events: u32,
    /// Their deaths, best estimate.
    pub deaths_best: u64,
}

/// Whether milestones count among the events a [`BeyondWindow`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestones {
    /// Counted, as the header counts the view's events: what it says then adds up with its
    /// count (13 events leave a view that counts only those dated within it, one of them an
    /// agreement of 2015 to 2023).
    Counted,
    /// Left aside, for a sum of incidents (a reported figure's, `core::compare`).
    Aside,
}

/// What of `rows` (row numbers of `table`, as the filter passed them) reaches beyond the
/// filter's date window, `milestones` counted or not. `None` when the filter sets no date, or
/// matches dates within the window (then nothing shown reaches beyond it); `Some` with zero
/// events when the window keeps none whole.
pub fn beyond_window(
    table: &EventTable,
    rows: &[u32],
    filter: &Filter,
    milestones: Milestones,
) -> Option<BeyondWindow> {
    if filter.date_match == DateMatch::Within || !filter.is_active(Dimension::Date) {
        return None;
    }
    let (from, to) = filter.date_bounds();
    Some(tally(table, rows, milestones, |start, end| {
        start < from || end > to
    }))
}

/// Whether `filter` counts only the events dated within its dates, and sets one: then
/// [`left_out_within`] has something to say.
pub fn counts_within(filter: &Filter) -> bool {
    filter.date_match == DateMatch::Within && filter.is_active(Dimension::Date)
}

/// What matching dates within the window leaves out: of `rows` (row numbers of `table` that
/// fail the date filter and pass every other, [`crate::core::engine::Engine::rows_failing_only`]),
/// those whose dates overlap the window, milestones counted: the events the header's count
/// loses against the view that counts overlapping events whole. `None` unless the filter
/// [`counts_within`] its dates.
pub fn left_out_within(table: &EventTable, rows: &[u32], filter: &Filter) -> Option<BeyondWindow> {
    if !counts_within(filter) {
        return None;
    }
    let window = filter.date_bounds();
    Some(tally(table, rows, Milestones::Counted, |start, end| {
        !DateMatch::Overlap.fails((start, end), window)
    }))
}

/// The events of `rows` (row numbers of `table`) whose first and last day `counted` keeps,
/// `milestones` counted or not, and their deaths.
fn tally(
    table: &EventTable,
    rows: &[u32],
    milestones: Milestones,
    counted: impl Fn(i32, i32) -> bool,
) -> BeyondWindow {
    let values = Values::new(table, Metric::Events);
    let mut tally = BeyondWindow::default();
    for &row in rows {
        let at = row as usize;
        let (Some(&start), Some(&end)) = (table.start.get(at), table.end.get(at)) else {
            continue;
        };
        let aside = milestones == Milestones::Aside && values.is_milestone(at);
        if counted(start, end) && !aside {
            tally.events = tally.events.saturating_add(1);
            tally.deaths_best = tally
                .deaths_best
                .saturating_add(cell(&table.deaths_best, at));
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Day;
    use crate::core::vocab::EventKind;

    /// A table of rows `(first day, last day, deaths)`, airstrikes, and one political event
    /// over every day after them.
    fn table(rows: &[(i32, i32, u32)]) -> EventTable {
        let mut table = EventTable::default();
        for &(start, end, deaths) in rows {
            table.start.push(start);
            table.end.push(end);
            table.deaths_best.push(deaths);
            table.kind.push(EventKind::Airstrike.index() as u8);
        }
        table.start.push(0);
        table.end.push(1_000);
        table.deaths_best.push(0);
        table.kind.push(EventKind::PoliticalEvent.index() as u8);
        table
    }

    fn window(from: Option<i32>, to: Option<i32>, date_match: DateMatch) -> Filter {
        Filter {
            from: from.map(Day),
            to: to.map(Day),
            date_match,
            ..Filter::default()
        }
    }

    #[test]
    fn counts_the_rows_shown_that_start_before_or_end_after_the_window() {
        // A day; a month around it; a run of days ending after it; one starting before it.
        let table = table(&[(10, 10, 1), (0, 30, 20), (10, 12, 300), (8, 10, 4000)]);
        // The political event (4) is shown: counted as the header counts it, or left aside.
        let all = [0, 1, 2, 3, 4];
        let one_day = window(Some(10), Some(10), DateMatch::Overlap);
        let beyond = |rows: &[u32], filter: &Filter| {
            beyond_window(&table, rows, filter, Milestones::Aside)
                .map(|b| (b.events, b.deaths_best))
        };
        assert_eq!(beyond(&all, &one_day), Some((3, 4320)));
        assert_eq!(
            beyond_window(&table, &all, &one_day, Milestones::Counted),
            Some(BeyondWindow {
                events: 4,
                deaths_best: 4320
            })
        );
        // Only the rows given are read.
        assert_eq!(beyond(&[0, 2], &one_day), Some((1, 300)));
        // An open end reaches every day on its side.
        let from_ten = window(Some(10), None, DateMatch::Overlap);
        assert_eq!(beyond(&all, &from_ten), Some((2, 4020)));
        let wide = window(Some(0), Some(30), DateMatch::Overlap);
        assert_eq!(beyond(&all, &wide), Some((0, 0)));
    }

    #[test]
    fn within_the_window_counts_what_the_dates_alone_leave_out_though_it_overlaps() {
        // A day inside; a month around it; days ending after it; a day before it (no overlap).
        let table = table(&[(10, 10, 1), (0, 30, 20), (10, 12, 300), (3, 3, 4000)]);
        let one_day = window(Some(10), Some(10), DateMatch::Within);
        // Rows 1, 2 and 3 fail the dates alone, and so does the political event (4): it
        // spans the window and leaves the header's count with the others, so it is counted
        // (with no deaths); row 3 does not overlap the window.
        let failing = [1, 2, 3, 4];
        assert_eq!(
            left_out_within(&table, &failing, &one_day),
            Some(BeyondWindow {
                events: 3,
                deaths_best: 320
            })
        );
        // Only the rows given are read: rows failing another dimension too are not given.
        let left_out = left_out_within(&table, &[2], &one_day);
        assert_eq!(left_out.map(|b| (b.events, b.deaths_best)), Some((1, 300)));
        // Nothing to say when matching by overlap, or without a date.
        let overlap = window(Some(10), Some(10), DateMatch::Overlap);
        assert_eq!(left_out_within(&table, &failing, &overlap), None);
        let no_date = window(None, None, DateMatch::Within);
        assert_eq!(left_out_within(&table, &failing, &no_date), None);
    }

    #[test]
    fn says_nothing_without_a_window_or_when_matching_within_it() {
        let table = table(&[(0, 30, 20)]);
        let none = window(None, None, DateMatch::Overlap);
        assert_eq!(
            beyond_window(&table, &[0], &none, Milestones::Counted),
            None
        );
        let within = window(Some(10), Some(10), DateMatch::Within);
        assert_eq!(
            beyond_window(&table, &[0], &within, Milestones::Counted),
            None
        );
    }
}
