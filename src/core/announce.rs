//! What the page says to a screen reader after a filter change, and when: the sentence of the
//! polite live region (the visible count and the deaths, in the reader's language with its
//! plural forms) and the rule that says it once, when the results have settled, rather than on
//! every keystroke of a search.
//!
//! Pure: the page feeds the clock in ([`Settling`]), so the rule is tested natively.

use super::aggregate::Totals;
use super::i18n::{Arg, Lang};

/// How long the results must stay unchanged before they are said, in milliseconds: longer than
/// the pause between two keystrokes of a quick typist, short enough to follow a click at once.
pub const SETTLE_MS: f64 = 700.0;

/// "Results: 1,234 events, 5,678 deaths (best estimate)": what the live region says of
/// `totals` in `tr`, each number with its plural form.
pub fn results_sentence(tr: Lang, totals: &Totals) -> String {
    let events = tr.count("events-count", u64::from(totals.events));
    let deaths = tr.count("deaths-count", totals.deaths_best);
    tr.format(
        "announce-results",
        &[
            ("events", Arg::Text(&events)),
            ("deaths", Arg::Text(&deaths)),
        ],
    )
}

/// Waits for the results to settle: each change restarts the wait, and the results are said
/// once the last change is [`SETTLE_MS`] old. Times are the page's clock in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Settling {
    /// When the latest change not yet said happened.
    pending: Option<f64>,
}

impl Settling {
    /// A change of the results at `now`: returns when to look again (see [`Settling::due`]).
    pub fn changed(&mut self, now: f64) -> f64 {
        self.pending = Some(now);
        now + SETTLE_MS
    }

    /// Whether the results are to be said at `now`: a change is waiting and none came for
    /// [`SETTLE_MS`]. Saying them consumes the change, so they are said once. A timer that
    /// fires a little early (browsers round) still counts within a millisecond.
    pub fn due(&mut self, now: f64) -> bool {
        match self.pending {
            Some(at) if now - at >= SETTLE_MS - 1.0 => {
                self.pending = None;
                true
            }
            _ => false,
        }
    }

    /// Whether a change is waiting to be said.
    pub fn is_waiting(&self) -> bool {
        self.pending.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn totals(events: u32, deaths: u64) -> Totals {
        Totals {
            events,
            deaths_best: deaths,
            ..Totals::default()
        }
    }

    fn plain(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn the_sentence_gives_the_count_and_the_deaths_with_their_plural_forms() {
        assert_eq!(
            results_sentence(Lang::En, &totals(16_614, 123_456)),
            "Results: 16,614 events, 123,456 deaths (best estimate)"
        );
        assert_eq!(
            results_sentence(Lang::En, &totals(1, 1)),
            "Results: 1 event, 1 death (best estimate)"
        );
        assert_eq!(
            results_sentence(Lang::En, &totals(0, 0)),
            "Results: 0 events, 0 deaths (best estimate)"
        );
        let ar = |events, deaths| plain(results_sentence(Lang::Ar, &totals(events, deaths)));
        assert_eq!(ar(2, 11), "النتائج: حدثان، 11 قتيلًا (أفضل تقدير)");
        assert_eq!(ar(0, 0), "النتائج: لا أحداث، لا قتلى (أفضل تقدير)");
        assert_eq!(ar(1, 3), "النتائج: حدث واحد، 3 قتلى (أفضل تقدير)");
        // Past 100 the last two digits choose the form.
        assert_eq!(
            ar(16_614, 103),
            "النتائج: 16,614 حدثًا، 103 قتلى (أفضل تقدير)"
        );
    }

    #[test]
    fn typing_is_said_once_when_it_stops() {
        let mut settling = Settling::default();
        assert!(!settling.due(0.0), "nothing changed yet");
        // Keystrokes 150 ms apart: each restarts the wait, and no timer of an earlier one
        // finds the results settled.
        let mut checks = Vec::new();
        for key in 0..6 {
            checks.push(settling.changed(f64::from(key) * 150.0));
        }
        let last = *checks.last().expect("six keystrokes");
        for &at in &checks[..5] {
            assert!(!settling.due(at), "said at {at} while typing");
        }
        assert!(settling.is_waiting());
        assert!(settling.due(last));
        // Once: the same timer or a later one says nothing more.
        assert!(!settling.due(last));
        assert!(!settling.due(last + 5_000.0));
        assert!(!settling.is_waiting());
    }

    #[test]
    fn a_timer_a_little_early_still_counts() {
        let mut settling = Settling::default();
        let at = settling.changed(1_000.0);
        assert!(!settling.due(at - 2.0));
        assert!(settling.due(at - 0.5));
    }
}
