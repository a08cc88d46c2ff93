//! The polite live region: after the reader changes a filter, it says the new visible count and
//! deaths once, in the page's language (`core::announce`), when the results have settled, so
//! a screen reader hears one sentence for a search typed quickly, not one per keystroke. The
//! page's first results are not said: they are what the page opens on.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::aggregate::Totals;
use crate::core::announce::{results_sentence, Settling, SETTLE_MS};
use crate::ui::browser;
use crate::ui::i18n;

/// How long the region stays empty before a sentence equal to the last one is said again: a
/// screen reader says a region's text when it changes, so the same text is taken away first.
const REPEAT_GAP: Duration = Duration::from_millis(150);

/// The region, visually hidden. `changes` counts the filter changes (its first value is the
/// page's opening); `totals` are the results' numbers, read when they are said.
#[component]
pub fn LiveRegion(changes: Memo<u64>, totals: Memo<Totals>) -> impl IntoView {
    let tr = i18n::lang();
    let said = RwSignal::new(String::new());
    let settling = StoredValue::new(Settling::default());
    let say = move || {
        let due = settling
            .try_update_value(|settling| settling.due(browser::now()))
            .unwrap_or(false);
        let Some(sentence) = due
            .then(|| totals.try_with_untracked(|totals| results_sentence(tr, totals)))
            .flatten()
        else {
            return;
        };
        if said.try_get_untracked().as_deref() == Some(sentence.as_str()) {
            said.set(String::new());
            set_timeout(
                move || {
                    let _ = said.try_set(sentence);
                },
                REPEAT_GAP,
            );
        } else {
            said.set(sentence);
        }
    };
    Effect::new(move |opened: Option<()>| {
        // Read, not only tracked: reading is what runs a memo.
        changes.get();
        if opened.is_none() {
            return;
        }
        settling.update_value(|settling| {
            settling.changed(browser::now());
        });
        set_timeout(say, Duration::from_millis(SETTLE_MS as u64));
    });
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"
            data-testid="live-region">{said}</div>
    }
}
