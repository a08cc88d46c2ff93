//! The panel shown instead of the explorer when the data cannot be loaded: what went wrong, the
//! first problems, and a way to try again.

use leptos::prelude::*;

use crate::core::validate::Problem;

/// Shows `message` and up to ten `problems`, with a retry button.
#[component]
pub fn ErrorPanel(
    /// One sentence: what failed.
    message: String,
    /// Problems to list under it (the first ten are shown).
    #[prop(optional)]
    problems: Vec<Problem>,
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let tr = crate::ui::i18n::lang();
    let count = problems.len();
    let shown: Vec<String> = problems.iter().take(10).map(ToString::to_string).collect();
    view! {
        <section class="error-panel" role="alert">
            <h2>{tr.text("error-title")}</h2>
            // The reason and the problems are worded in English for now.
            <p class="error-message" lang="en" dir="ltr">{message}</p>
            {(count > 0).then(|| view! {
                <p>{tr.count("error-problems", count as u64)}</p>
            })}
            <ul class="problems" lang="en" dir="ltr">
                {shown.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
            </ul>
            <button type="button" on:click=move |_| on_retry.run(())>{tr.text("try-again")}</button>
        </section>
    }
}
