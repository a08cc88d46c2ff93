//! The header's line of deaths under the count of events, and its note of the events that
//! give no number: worded from [`Totals`] in the reader's language, with the plural forms of
//! each number. A view where no event gives a number of deaths (or of civilians killed) says
//! so, rather than a 0 that nobody reported; one where some give their deaths only as "at
//! least" says that the range's top is no upper limit; one whose date window keeps events
//! dated to longer periods says that they count whole, and how many deaths they carry.

use super::aggregate::{Metric, Totals};
use super::date_window::BeyondWindow;
use super::i18n::{format_value, group_thousands, Arg, Lang};

/// "1,234 deaths (best estimate; range 1,100–1,400), 56 civilians"; "no number of deaths is
/// given; …" when none of the events counted gives one (milestones aside), and "…; no number
/// of civilians killed is given" when none gives that.
pub fn deaths_line(tr: Lang, totals: &Totals) -> String {
    let none_given = |without: u32| totals.counted() > 0 && without == totals.counted();
    let key = match (
        none_given(totals.without_deaths),
        none_given(totals.without_civilians),
    ) {
        (true, true) => "summary-deaths-none-given-no-civilians",
        (true, false) => "summary-deaths-none-given",
        (false, true) => "summary-deaths-no-civilians",
        (false, false) => "summary-deaths",
    };
    let [best, low, high, civilians] = [
        totals.deaths_best,
        totals.deaths_low,
        totals.deaths_high,
        totals.civilians_killed,
    ]
    .map(group_thousands);
    tr.format(
        key,
        &[
            ("best", Arg::Text(&best)),
            ("low", Arg::Text(&low)),
            ("high", Arg::Text(&high)),
            ("civilians", Arg::Text(&civilians)),
            ("count", Arg::Number(totals.deaths_best)),
            ("civilians_count", Arg::Number(totals.civilians_killed)),
        ],
    )
}

/// "(17 events give their deaths only as “at least”: …)": the events counted whose deaths
/// are only a lower bound ([`Totals::deaths_at_least`]), so that the range's top is read as
/// no upper limit; `None` when there are none, or when no event gives a number of deaths.
pub fn at_least_note(tr: Lang, totals: &Totals) -> Option<String> {
    (totals.deaths_at_least > 0)
        .then(|| tr.count("summary-at-least", u64::from(totals.deaths_at_least)))
}

/// "(3 events give no number of deaths: counted as 0)": the events counted whose record gives
/// no number of deaths or of civilians killed, which make the sums lower bounds; `None` when
/// every event gives both, or when [`deaths_line`] already says that none gives one.
pub fn unstated_note(tr: Lang, totals: &Totals) -> Option<String> {
    let some = |without: u32| without > 0 && without < totals.counted();
    let mut parts = Vec::new();
    if some(totals.without_deaths) {
        parts.push(tr.count("summary-no-deaths", u64::from(totals.without_deaths)));
    }
    if some(totals.without_civilians) {
        parts.push(tr.count("summary-no-civilians", u64::from(totals.without_civilians)));
    }
    tr.parts_note(&parts, ("summary-unstated", "summary-unstated-two"))
}

/// "(for 3 events the source's best estimate lies outside its own low–high range)": why the
/// summed best estimate may fall outside the summed range ([`Totals::best_outside_range`]);
/// `None` when no event counted has one.
pub fn outside_range_note(tr: Lang, totals: &Totals) -> Option<String> {
    (totals.best_outside_range > 0)
        .then(|| tr.count("summary-best-outside", u64::from(totals.best_outside_range)))
}

/// "(2 events have dates reaching beyond these dates, such as a whole month or year, and count
/// whole: 1,712 of the deaths)": the events shown that the date window keeps whole though they
/// may have happened outside it ([`BeyondWindow`]); `None` when there are none.
pub fn beyond_window_note(tr: Lang, beyond: &BeyondWindow) -> Option<String> {
    if beyond.events == 0 {
        return None;
    }
    let deaths = group_thousands(beyond.deaths_best);
    let key = if beyond.deaths_best == 0 {
        "summary-beyond-window-no-deaths"
    } else {
        "summary-beyond-window"
    };
    Some(tr.format(
        key,
        &[
            ("count", Arg::Number(u64::from(beyond.events))),
            ("n", Arg::Text(&group_thousands(u64::from(beyond.events)))),
            ("deaths", Arg::Text(&deaths)),
        ],
    ))
}

/// "(only events dated within these dates: 7 events whose dates reach beyond them are left
/// out, with 2,355 deaths)": said while the view counts only the events dated within its
/// dates, with what that leaves out of the view that counts overlapping events whole
/// ([`crate::core::date_window::left_out_within`]); the plain "(only events dated within these
/// dates)" when it leaves nothing out.
pub fn within_only_note(tr: Lang, left_out: &BeyondWindow) -> String {
    if left_out.events == 0 {
        return tr.text("summary-within-only");
    }
    let n = group_thousands(u64::from(left_out.events));
    let count = ("count", Arg::Number(u64::from(left_out.events)));
    if left_out.deaths_best == 0 {
        return tr.format(
            "summary-within-left-out-no-deaths",
            &[count, ("n", Arg::Text(&n))],
        );
    }
    let deaths = tr.format(
        "summary-left-out-deaths",
        &[
            ("count", Arg::Number(left_out.deaths_best)),
            ("n", Arg::Text(&group_thousands(left_out.deaths_best))),
        ],
    );
    tr.format(
        "summary-within-left-out",
        &[count, ("n", Arg::Text(&n)), ("deaths", Arg::Text(&deaths))],
    )
}

/// The view's total of `metric` as the header gives it: the events counted (milestones
/// aside), or the deaths' or civilians' best estimate.
pub fn metric_total(totals: &Totals, metric: Metric) -> u64 {
    match metric {
        Metric::Events => u64::from(totals.counted()),
        Metric::Deaths => totals.deaths_best,
        Metric::CivilianDeaths => totals.civilians_killed,
    }
}

/// "The chart shows 825.6 of this view's 2,479 deaths: …": said under the timeline when its
/// columns (`shown`, their sum) hold less than the view's total, because events dated to a
/// longer period are spread over periods the chart does not show (a window narrower than
/// their dates). `None` when the chart holds the total, to a twentieth.
pub fn timeline_part_note(tr: Lang, metric: Metric, shown: f64, total: u64) -> Option<String> {
    let missing = total as f64 - shown;
    (missing > 0.05).then(|| {
        tr.format(
            "timeline-part",
            &[
                ("metric", Arg::Text(metric.id())),
                ("shown", Arg::Text(&format_value(shown))),
                ("total", Arg::Text(&group_thousands(total))),
            ],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text without the isolation marks the catalogues put around arguments.
    fn plain(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    fn totals(events: u32, best: u64, civilians: u64) -> Totals {
        Totals {
            events,
            deaths_low: best,
            deaths_best: best,
            deaths_high: best + 2,
            civilians_killed: civilians,
            ..Totals::default()
        }
    }

    #[test]
    fn one_death_and_one_civilian_are_singular() {
        let line = |t: &Totals| plain(deaths_line(Lang::En, t));
        assert_eq!(
            line(&totals(1, 1, 1)),
            "1 death (best estimate; range 1–3), 1 civilian"
        );
        assert_eq!(
            line(&totals(4, 1_234, 2)),
            "1,234 deaths (best estimate; range 1,234–1,236), 2 civilians"
        );
        assert_eq!(
            line(&totals(0, 0, 0)),
            "0 deaths (best estimate; range 0–2), 0 civilians"
        );
    }

    #[test]
    fn no_number_given_is_said_not_written_as_zero() {
        let none = Totals {
            without_deaths: 5,
            without_civilians: 5,
            ..totals(5, 0, 0)
        };
        assert_eq!(
            plain(deaths_line(Lang::En, &none)),
            "no number of deaths or of civilians killed is given"
        );
        assert_eq!(unstated_note(Lang::En, &none), None);
        // Milestones are not counted: four events, one of them an agreement, none with deaths.
        let some_civilians = Totals {
            milestones: 1,
            without_deaths: 3,
            without_civilians: 1,
            ..totals(4, 0, 2)
        };
        assert_eq!(
            plain(deaths_line(Lang::En, &some_civilians)),
            "no number of deaths is given; 2 civilians killed"
        );
        assert_eq!(
            unstated_note(Lang::En, &some_civilians).map(plain),
            Some("(1 event gives no number of civilians killed: counted as 0)".to_string())
        );
        for lang in Lang::ALL {
            assert!(!deaths_line(lang, &none).contains('0'));
        }
    }

    #[test]
    fn a_timeline_holding_less_than_the_view_says_so() {
        let note = |metric, shown, total| timeline_part_note(Lang::En, metric, shown, total);
        assert_eq!(note(Metric::Deaths, 2_479.0, 2_479), None);
        // Spread values summed in floating point hold the total to a rounding.
        assert_eq!(note(Metric::Deaths, 2_478.999_999, 2_479), None);
        assert_eq!(
            note(Metric::Deaths, 825.637, 2_479).map(plain).as_deref(),
            Some(
                "The chart shows 825.6 of this view's 2,479 deaths: an event dated only to a \
                 longer period (a month, a year) is spread over all of it, and part of that lies \
                 outside the periods shown."
            )
        );
        assert!(note(Metric::Events, 21.4, 25)
            .map(plain)
            .is_some_and(|text| text.contains("21.4 of this view's 25 events")));
        assert!(note(Metric::CivilianDeaths, 1.0, 3)
            .map(plain)
            .is_some_and(|text| text.contains("civilians killed")));
        let totals = Totals {
            milestones: 1,
            ..totals(5, 10, 3)
        };
        assert_eq!(metric_total(&totals, Metric::Events), 4);
        assert_eq!(metric_total(&totals, Metric::Deaths), 10);
        assert_eq!(metric_total(&totals, Metric::CivilianDeaths), 3);
    }

    #[test]
    fn a_best_estimate_outside_its_range_is_said() {
        let note = |n: u32| {
            outside_range_note(
                Lang::En,
                &Totals {
                    best_outside_range: n,
                    ..totals(5, 10, 0)
                },
            )
            .map(plain)
        };
        assert_eq!(note(0), None);
        assert_eq!(
            note(1).as_deref(),
            Some("(for 1 event the source's best estimate lies outside its own low–high range)")
        );
        assert_eq!(
            note(101).as_deref(),
            Some("(for 101 events the source's best estimate lies outside its own low–high range)")
        );
    }

    #[test]
    fn events_reaching_beyond_the_window_are_said_to_count_whole() {
        let note = |events: u32, deaths_best: u64| {
            beyond_window_note(
                Lang::En,
                &BeyondWindow {
                    events,
                    deaths_best,
                },
            )
            .map(plain)
        };
        assert_eq!(note(0, 0), None);
        assert_eq!(
            note(2, 1_712).as_deref(),
            Some(
                "(2 events have dates reaching beyond these dates, such as a whole month or \
                 year, and count whole: 1,712 of the deaths)"
            )
        );
        assert_eq!(
            note(1, 0).as_deref(),
            Some(
                "(1 event has dates reaching beyond these dates, such as a whole month or year, \
                 and counts whole)"
            )
        );
        let arabic = beyond_window_note(
            Lang::Ar,
            &BeyondWindow {
                events: 3,
                deaths_best: 40,
            },
        )
        .map(plain)
        .unwrap_or_default();
        assert!(
            arabic.contains("3 أحداث") && arabic.contains("40"),
            "{arabic}"
        );
    }

    #[test]
    fn counting_within_the_dates_says_what_it_leaves_out() {
        let note = |tr: Lang, events: u32, deaths_best: u64| {
            plain(within_only_note(
                tr,
                &BeyondWindow {
                    events,
                    deaths_best,
                },
            ))
        };
        // Nothing left out: the plain note.
        assert_eq!(
            note(Lang::En, 0, 0),
            "(only events dated within these dates)"
        );
        assert_eq!(
            note(Lang::En, 7, 2_355),
            "(only events dated within these dates: 7 events whose dates reach beyond them are \
             left out, with 2,355 deaths)"
        );
        assert_eq!(
            note(Lang::En, 1, 1),
            "(only events dated within these dates: 1 event whose dates reach beyond them is \
             left out, with 1 death)"
        );
        assert_eq!(
            note(Lang::En, 2, 0),
            "(only events dated within these dates: 2 events whose dates reach beyond them are \
             left out)"
        );
        let arabic = note(Lang::Ar, 7, 2_355);
        assert!(
            arabic.contains("7 أحداث") && arabic.contains("2,355 قتيلًا"),
            "{arabic}"
        );
        assert_eq!(
            note(Lang::Ar, 0, 0),
            plain(Lang::Ar.text("summary-within-only"))
        );
    }

    #[test]
    fn deaths_given_as_at_least_are_said_to_have_no_upper_limit() {
        let note = |n: u32| {
            let totals = Totals {
                deaths_at_least: n,
                ..totals(20, 59, 8)
            };
            at_least_note(Lang::En, &totals).map(plain)
        };
        assert_eq!(note(0), None);
        assert_eq!(
            note(1),
            Some(
                "(1 event gives its deaths only as “at least”: the range's top is no upper limit)"
                    .to_string()
            )
        );
        assert_eq!(
            note(17),
            Some(
                "(17 events give their deaths only as “at least”: the range's top is no upper \
                 limit)"
                    .to_string()
            )
        );
        for lang in Lang::ALL {
            let totals = Totals {
                deaths_at_least: 2_345,
                ..totals(3_000, 59, 8)
            };
            assert!(at_least_note(lang, &totals).is_some_and(|note| note.contains("2,345")));
        }
    }

    #[test]
    fn some_without_numbers_are_noted_beside_the_sums() {
        let some = Totals {
            without_deaths: 2,
            without_civilians: 3,
            ..totals(10, 40, 7)
        };
        assert_eq!(
            plain(deaths_line(Lang::En, &some)),
            "40 deaths (best estimate; range 40–42), 7 civilians"
        );
        assert_eq!(
            unstated_note(Lang::En, &some).map(plain),
            Some(
                "(2 events give no number of deaths; 3 events give no number of civilians \
                 killed: counted as 0)"
                    .to_string()
            )
        );
    }
}
