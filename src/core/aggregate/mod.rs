//! Aggregations over a set of filtered rows: headline totals, the timeline (stacked by actor,
//! with imprecisely dated events spread and marked), bars by actor, kind and governorate, the
//! composition of the dead ([`groups`]), and list sorting ([`sort`]). Every function reads the
//! table's columns through the row list it is given and allocates only its output, so
//! re-aggregating after a filter change costs one pass over the selected rows (or, for the
//! integer sums, over the rows left out: [`crate::core::baseline`]). Ceasefires and agreements (milestone kinds) are
//! never counted as values: they are markers, not violence.

pub mod bar_keys;
pub mod groups;
pub mod sort;

pub mod timeline;

pub use groups::*;
pub use sort::{sorted_page, SortKey, SortOrders, WALK_FROM_ROWS};
pub use timeline::{no_actor_slot, timeline, timeline_in_one_pass, Bucket, Timeline, MAX_BUCKETS};

use super::date::Day;
use super::table::{bit32, EventTable};
use super::vocab::EventKind;

/// Timeline bucket width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Interval {
    Week,
    #[default]
    Month,
}

impl Interval {
    pub const ALL: &'static [Interval] = &[Interval::Week, Interval::Month];

    pub fn id(self) -> &'static str {
        match self {
            Interval::Week => "week",
            Interval::Month => "month",
        }
    }

    pub fn from_id(id: &str) -> Option<Interval> {
        Self::ALL.iter().copied().find(|i| i.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Interval::Week => "Weekly",
            Interval::Month => "Monthly",
        }
    }

    /// First day of the bucket holding `day`.
    pub fn bucket_start(self, day: Day) -> Day {
        match self {
            Interval::Week => day.week_start(),
            Interval::Month => day.month_start(),
        }
    }

    /// First day of the bucket after the one starting at `start`.
    pub fn next_start(self, start: Day) -> Day {
        match self {
            Interval::Week => Day(start.0.saturating_add(7)),
            Interval::Month => start.next_month_start(),
        }
    }
}

/// What the timeline and bars measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Metric {
    /// Number of events.
    #[default]
    Events,
    /// Best estimate of deaths.
    Deaths,
    /// Civilians killed (best estimate).
    CivilianDeaths,
}

impl Metric {
    pub const ALL: &'static [Metric] = &[Metric::Events, Metric::Deaths, Metric::CivilianDeaths];

    pub fn id(self) -> &'static str {
        match self {
            Metric::Events => "events",
            Metric::Deaths => "deaths",
            Metric::CivilianDeaths => "civilians",
        }
    }

    pub fn from_id(id: &str) -> Option<Metric> {
        Self::ALL.iter().copied().find(|m| m.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::Events => "Events",
            Metric::Deaths => "Deaths (best estimate)",
            Metric::CivilianDeaths => "Civilians killed",
        }
    }
}

/// Reads the value rows contribute to a metric: the one counting rule that the timeline, the
/// bars, the map and the totals share. Milestone kinds are looked up once, as a mask, so the
/// per-row cost is two loads and a bit test.
pub struct Values<'a> {
    /// `None` for [`Metric::Events`] (every non-milestone row is worth 1).
    column: Option<&'a [u32]>,
    kind: &'a [u8],
    milestones: u32,
}

impl<'a> Values<'a> {
    pub fn new(table: &'a EventTable, metric: Metric) -> Values<'a> {
        Values {
            column: match metric {
                Metric::Events => None,
                Metric::Deaths => Some(&table.deaths_best),
                Metric::CivilianDeaths => Some(&table.civilians_killed),
            },
            kind: &table.kind,
            milestones: milestone_kinds(),
        }
    }

    /// Whether `row` is a milestone (agreement, ceasefire, political event), or out of range:
    /// never counted, only marked.
    pub fn is_milestone(&self, row: usize) -> bool {
        self.kind
            .get(row)
            .is_none_or(|&kind| bit32(usize::from(kind)) & self.milestones != 0)
    }

    /// Whether events of the kind of index `kind` are milestones.
    pub fn is_milestone_kind(&self, kind: u8) -> bool {
        bit32(usize::from(kind)) & self.milestones != 0
    }

    /// The value of `row` as an integer, milestone or not (an event, or a number of people); 0
    /// for rows out of range.
    pub fn count_any(&self, row: usize) -> u64 {
        match self.column {
            None => u64::from(row < self.kind.len()),
            Some(column) => cell(column, row),
        }
    }

    /// The value of `row` as an integer (an event, or a number of people); 0 for milestones
    /// and for rows out of range.
    pub fn count(&self, row: usize) -> u64 {
        if self.is_milestone(row) {
            return 0;
        }
        match self.column {
            None => 1,
            Some(column) => cell(column, row),
        }
    }

    /// The value of `row`; 0 for milestones and for rows out of range.
    pub fn at(&self, row: usize) -> f64 {
        if self.is_milestone(row) {
            return 0.0;
        }
        match self.column {
            None => 1.0,
            Some(column) => column.get(row).map_or(0.0, |&v| f64::from(v)),
        }
    }
}

/// `column`'s value at `row` as a sum's integer; 0 for a row out of range.
pub(crate) fn cell(column: &[u32], row: usize) -> u64 {
    column.get(row).map_or(0, |&v| u64::from(v))
}

/// Mask over `EventKind` indexes of the milestone kinds.
fn milestone_kinds() -> u32 {
    EventKind::ALL
        .iter()
        .filter(|kind| kind.is_milestone())
        .fold(0, |mask, kind| mask | bit32(kind.index()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Casualty, DatePrecision};
    use crate::core::table::test_data::*;
    use crate::core::vocab::{Actor, CasualtyGroup, Governorate, Role};

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap_or_default()
    }

    fn all_rows(table: &EventTable) -> Vec<u32> {
        (0..table.len() as u32).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn build(events: Vec<Ev>) -> EventTable {
        EventTable::build(&[dataset("curated", events)])
    }

    #[test]
    fn ids_round_trip() {
        for i in Interval::ALL {
            assert_eq!(Interval::from_id(i.id()), Some(*i));
        }
        for m in Metric::ALL {
            assert_eq!(Metric::from_id(m.id()), Some(*m));
        }
        for k in SortKey::ALL {
            assert_eq!(SortKey::from_id(k.id()), Some(*k));
        }
        assert_eq!(Metric::from_id("civilians"), Some(Metric::CivilianDeaths));
        assert_eq!(SortKey::from_id("date"), None);
    }

    #[test]
    fn totals_sum_the_columns() {
        let table = build(vec![
            ev("c:1", "2019-11-14").casualty(casualty(
                CasualtyGroup::All,
                crate::core::vocab::Outcome::Killed,
                Some(2),
                Some(3),
                Some(5),
            )),
            ev("c:2", "2019-11-15").killed(CasualtyGroup::Civilians, 4),
            ev("c:3", "2019-11-16")
                .kind(EventKind::CeasefireAgreement)
                .killed(CasualtyGroup::Civilians, 100),
            // "Several killed": no number, counted as 0 and said so.
            ev("c:4", "2019-11-17").casualty(casualty(
                CasualtyGroup::All,
                crate::core::vocab::Outcome::Killed,
                None,
                None,
                None,
            )),
            // "At least 10 killed" (as ACLED gives every death toll): a floor, said so.
            ev("c:5", "2019-11-18").casualty(Casualty {
                qualifier: crate::core::vocab::Qualifier::AtLeast,
                ..casualty(
                    CasualtyGroup::All,
                    crate::core::vocab::Outcome::Killed,
                    None,
                    Some(10),
                    None,
                )
            }),
            // A best estimate outside the source's own range (as UCDP gives some): summed as
            // given, and counted.
            ev("c:6", "2019-11-19").casualty(casualty(
                CasualtyGroup::All,
                crate::core::vocab::Outcome::Killed,
                Some(9),
                Some(7),
                Some(8),
            )),
        ]);
        let totals = totals(&table, &all_rows(&table));
        assert_eq!(
            totals,
            Totals {
                events: 6,
                milestones: 1,
                deaths_low: 25,
                deaths_best: 24,
                deaths_high: 27,
                civilians_killed: 4,
                // c:4 gives no number; the ceasefire is not counted at all.
                without_deaths: 1,
                // c:1 (all people only), c:4, c:5 and c:6 give no number of civilians.
                without_civilians: 4,
                deaths_at_least: 1,
                best_outside_range: 1,
            }
        );
        assert_eq!(totals.counted(), 5);
    }

    #[test]
    fn month_event_spreads_over_weeks_and_is_marked_imprecise() {
        // November 2019: Friday 1st to Saturday 30th. Weeks start on Monday: Oct 28, Nov 4, 11,
        // 18, 25. Days in each: 3, 7, 7, 7, 6 of 30.
        let table = build(vec![
            ev("c:1", "2019-11-01")
                .range("2019-11-01", "2019-11-30", DatePrecision::Month)
                .actor(Actor::Russia, Role::Perpetrator)
                .killed(CasualtyGroup::Civilians, 30),
            ev("c:2", "2019-11-13").actor(Actor::Russia, Role::Perpetrator),
        ]);
        let rows = all_rows(&table);
        let events = timeline(&table, &rows, Interval::Week, Metric::Events, (None, None));
        let starts: Vec<String> = events.buckets.iter().map(|b| b.start.to_string()).collect();
        assert_eq!(
            starts,
            [
                "2019-10-28",
                "2019-11-04",
                "2019-11-11",
                "2019-11-18",
                "2019-11-25"
            ]
        );
        let imprecise: Vec<f64> = events.buckets.iter().map(|b| b.imprecise).collect();
        let expected = [3.0 / 30.0, 7.0 / 30.0, 7.0 / 30.0, 7.0 / 30.0, 6.0 / 30.0];
        for (got, want) in imprecise.iter().zip(expected) {
            assert!(close(*got, want), "{imprecise:?}");
        }
        // The day-precise event adds a whole 1 to its week, and nothing imprecise.
        let totals: Vec<f64> = events.buckets.iter().map(Bucket::total).collect();
        assert!(close(totals[2], 1.0 + 7.0 / 30.0), "{totals:?}");
        let sum: f64 = totals.iter().sum();
        assert!(close(sum, 2.0));

        let deaths = timeline(
            &table,
            &rows,
            Interval::Week,
            Metric::CivilianDeaths,
            (None, None),
        );
        let russia = Actor::Russia.index();
        let weekly: Vec<f64> = deaths.buckets.iter().map(|b| b.by_actor[russia]).collect();
        for (got, want) in weekly.iter().zip([3.0, 7.0, 7.0, 7.0, 6.0]) {
            assert!(close(*got, want), "{weekly:?}");
        }

        // By month the same event fits one bucket: nothing is imprecise.
        let monthly = timeline(&table, &rows, Interval::Month, Metric::Events, (None, None));
        assert_eq!(monthly.buckets.len(), 1);
        assert!(close(monthly.buckets[0].total(), 2.0));
        assert!(close(monthly.buckets[0].imprecise, 0.0));
        assert_eq!(monthly.buckets[0].end_exclusive, day("2019-12-01"));
    }

    #[test]
    fn range_sets_buckets_and_keeps_empty_ones() {
        let table = build(vec![
            ev("c:1", "2019-11-14"),
            ev("c:2", "2019-11-01").range("2019-10-15", "2019-11-13", DatePrecision::Period),
        ]);
        let rows = all_rows(&table);
        let full = timeline(&table, &rows, Interval::Month, Metric::Events, (None, None));
        assert_eq!(full.buckets.len(), 2);
        let range = (Some(day("2020-01-31")), Some(day("2019-11-02")));
        let clipped = timeline(&table, &rows, Interval::Month, Metric::Events, range);
        let starts: Vec<String> = clipped
            .buckets
            .iter()
            .map(|b| b.start.to_string())
            .collect();
        assert_eq!(starts, ["2019-11-01", "2019-12-01", "2020-01-01"]);
        // The period event keeps only its November share (13 of 30 days); October's is dropped.
        let totals: Vec<f64> = clipped.buckets.iter().map(Bucket::total).collect();
        assert!(close(totals[0], 1.0 + 13.0 / 30.0), "{totals:?}");
        assert!(close(totals[1], 0.0) && close(totals[2], 0.0));
        assert!(close(clipped.buckets[0].imprecise, 13.0 / 30.0));
        let empty = timeline(&table, &[], Interval::Week, Metric::Events, (None, None));
        assert!(empty.buckets.is_empty());
        // Absurd ranges are clamped, not overflowed, and a window of more buckets than a
        // timeline holds is narrowed to the rows' days, which are all shown.
        let plain = timeline(&table, &rows, Interval::Week, Metric::Events, (None, None));
        for window in [
            (Some(Day(i32::MIN)), Some(Day(i32::MAX))),
            (Some(day("0201-05-01")), None),
            (Some(day("0201-05-01")), Some(day("9999-12-31"))),
        ] {
            let huge = timeline(&table, &rows, Interval::Week, Metric::Events, window);
            assert_eq!(huge, plain, "{window:?}");
        }
        // Without rows there is nothing to narrow to: the window's first buckets.
        let none = timeline(
            &table,
            &[],
            Interval::Week,
            Metric::Events,
            (Some(Day(i32::MIN)), Some(Day(i32::MAX))),
        );
        assert_eq!(none.buckets.len(), MAX_BUCKETS);
        assert_eq!(none.buckets[0].start, day("0000-01-01").week_start());
        // A window that fits is kept whole, beyond the rows' days.
        let wide = timeline(
            &table,
            &rows,
            Interval::Month,
            Metric::Events,
            (Some(day("2010-01-01")), Some(day("2024-12-31"))),
        );
        assert_eq!(wide.buckets.len(), 15 * 12);
    }

    #[test]
    fn an_open_end_of_the_window_is_up_to_the_data() {
        // A long period event that starts years before the window, and two events inside it.
        let table = build(vec![
            ev("c:1", "2015-01-01").range("2015-01-01", "2023-11-30", DatePrecision::Period),
            ev("c:2", "2023-10-09"),
            ev("c:3", "2023-11-02"),
        ]);
        let rows = all_rows(&table);
        let starts = |window| -> Vec<String> {
            timeline(&table, &rows, Interval::Month, Metric::Events, window)
                .buckets
                .iter()
                .map(|b| b.start.to_string())
                .collect()
        };
        let both = starts((Some(day("2023-10-01")), Some(day("2023-11-30"))));
        assert_eq!(both, ["2023-10-01", "2023-11-01"]);
        // From only: up to the latest end of the rows, not back to the period's start.
        assert_eq!(starts((Some(day("2023-10-01")), None)), both);
        // To only: from the earliest start of the rows.
        let to_only = starts((None, Some(day("2015-02-10"))));
        assert_eq!(to_only, ["2015-01-01", "2015-02-01"]);
        // No rows: the given end alone.
        let lone = timeline(
            &table,
            &[],
            Interval::Month,
            Metric::Events,
            (Some(day("2023-10-05")), None),
        );
        assert_eq!(lone.buckets.len(), 1);
    }

    #[test]
    fn stacks_add_up_to_the_total_without_double_counting() {
        let table = build(vec![
            ev("c:1", "2019-11-14")
                .actor(Actor::Civilians, Role::Target)
                .actor(Actor::Turkey, Role::Perpetrator)
                .actor(Actor::Russia, Role::Perpetrator),
            ev("c:2", "2019-11-14")
                .actor(Actor::Sdf, Role::Participant)
                .actor(Actor::Isis, Role::Participant),
            ev("c:3", "2019-12-01"),
            ev("c:4", "2019-12-02").actor(Actor::Russia, Role::Perpetrator),
        ]);
        let rows = all_rows(&table);
        let t = timeline(&table, &rows, Interval::Month, Metric::Events, (None, None));
        let stacked: f64 = t.buckets.iter().map(Bucket::total).sum();
        assert!(close(stacked, f64::from(totals(&table, &rows).events)));
        let november = &t.buckets[0].by_actor;
        // Under its first perpetrator, Turkey, although Russia comes first in the vocabulary.
        assert!(close(november[Actor::Turkey.index()], 1.0));
        assert!(close(november[Actor::Russia.index()], 0.0));
        assert!(close(november[Actor::Sdf.index()], 1.0));
        assert!(close(t.buckets[1].by_actor[no_actor_slot()], 1.0));
        assert!(close(t.buckets[1].by_actor[Actor::Russia.index()], 1.0));
        // Bars by actor overlap instead: the first event counts for all three actors.
        let bars = by_actor(&table, &rows, Metric::Events);
        assert_eq!(bars.first(), Some(&(Actor::Russia, 2.0)));
        assert_eq!(bars.len(), 5);
    }

    #[test]
    fn milestones_are_markers_not_values() {
        let table = build(vec![
            ev("c:1", "2019-10-22")
                .kind(EventKind::CeasefireAgreement)
                .actor(Actor::Russia, Role::Participant),
            ev("c:2", "2019-11-14").actor(Actor::Russia, Role::Perpetrator),
        ]);
        let rows = all_rows(&table);
        let t = timeline(&table, &rows, Interval::Month, Metric::Events, (None, None));
        assert_eq!(t.milestones, vec![0]);
        // The milestone still sets the span, so its marker has a place.
        assert_eq!(t.buckets.len(), 2);
        assert!(close(t.buckets[0].total(), 0.0));
        assert!(close(t.buckets[1].total(), 1.0));
        assert_eq!(
            by_kind(&table, &rows, Metric::Events),
            vec![(EventKind::Airstrike, 1.0)]
        );
        assert_eq!(
            by_actor(&table, &rows, Metric::Events),
            vec![(Actor::Russia, 1.0)]
        );
    }

    #[test]
    fn bars_sort_descending_and_drop_zeros() {
        let table = build(vec![
            ev("c:1", "2019-11-14")
                .place("Ariha", Some(Governorate::Idlib))
                .place("Suran", Some(Governorate::Hama))
                .killed(CasualtyGroup::Civilians, 2),
            ev("c:2", "2019-11-14")
                .kind(EventKind::Shelling)
                .place("Idlib", Some(Governorate::Idlib))
                .killed(CasualtyGroup::Civilians, 5),
            ev("c:3", "2019-11-14")
                .kind(EventKind::Shelling)
                .place("Homs", Some(Governorate::Homs)),
        ]);
        let rows = all_rows(&table);
        assert_eq!(
            by_governorate(&table, &rows, Metric::Deaths),
            vec![(Governorate::Idlib, 7.0), (Governorate::Hama, 2.0)]
        );
        assert_eq!(
            by_governorate(&table, &rows, Metric::Events),
            vec![
                (Governorate::Idlib, 2.0),
                (Governorate::Homs, 1.0),
                (Governorate::Hama, 1.0)
            ]
        );
        assert_eq!(
            by_kind(&table, &rows, Metric::Events),
            vec![(EventKind::Shelling, 2.0), (EventKind::Airstrike, 1.0)]
        );
        assert!(by_actor(&table, &rows, Metric::Events).is_empty());
    }

    #[test]
    fn composition_parts() {
        let table = build(vec![
            ev("c:1", "2019-11-14")
                .killed(CasualtyGroup::Civilians, 10)
                .killed(CasualtyGroup::Children, 3)
                .killed(CasualtyGroup::Women, 2)
                .killed(CasualtyGroup::Combatants, 4)
                .killed(CasualtyGroup::Unknown, 6),
            // Parts larger than the whole: floored at zero for this event only.
            ev("c:2", "2019-11-14")
                .killed(CasualtyGroup::Civilians, 1)
                .killed(CasualtyGroup::Children, 5),
        ]);
        assert_eq!(
            composition(&table, &all_rows(&table)),
            Composition {
                children: 8,
                women: 2,
                other_civilians: 5,
                combatants: 4,
                unknown: 6,
                children_without_number: 0,
                women_without_number: 0,
            }
        );
    }
}
