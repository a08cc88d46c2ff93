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
    let count = problems.len();
    let shown: Vec<String> = problems.iter().take(10).map(ToString::to_string).collect();
    view! {
        <section class="error-panel" role="alert">
            <h2>"The data could not be loaded"</h2>
            <p class="error-message">{message}</p>
            {(count > 0).then(|| view! {
                <p>{if count == 1 { "1 problem:".to_string() } else { format!("{count} problems in all; the first ones:") }}</p>
            })}
            <ul class="problems">
                {shown.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
            </ul>
            <button type="button" on:click=move |_| on_retry.run(())>"Try again"</button>
        </section>
    }
}
