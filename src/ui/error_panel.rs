//! The panel shown instead of the explorer when the data cannot be loaded: what went wrong, the
//! first problems, and a way to try again.

use leptos::prelude::*;

use crate::core::i18n::{Lang, Said};
use crate::core::validate::{Problem, Severity};
use crate::ui::i18n;

/// Shows `message` and up to ten `problems`, with a retry button.
#[component]
pub fn ErrorPanel(
    /// One sentence: what failed.
    message: Said,
    /// Problems to list under it (the first ten are shown).
    #[prop(optional)]
    problems: Vec<Problem>,
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let tr = crate::ui::i18n::lang();
    let count = problems.len();
    let shown: Vec<AnyView> = problems
        .iter()
        .take(10)
        .map(|problem| problem_line(tr, problem))
        .collect();
    view! {
        <section class="error-panel" role="alert">
            <h2>{tr.text("error-title")}</h2>
            <p class="error-message">{i18n::said_view(tr, &message)}</p>
            {(count > 0).then(|| view! {
                <p>{tr.count("error-problems", count as u64)}</p>
            })}
            <ul class="problems">{shown}</ul>
            <button type="button" on:click=move |_| on_retry.run(())>{tr.text("try-again")}</button>
        </section>
    }
}

/// A problem as `file / record / field: what is wrong`: the file's name, record and field each
/// isolated, what is wrong in the page's language (a sentence the catalogues do not word stays
/// in English, marked so); a warning starts as the import report marks a row kept.
fn problem_line(tr: Lang, problem: &Problem) -> AnyView {
    let place: Vec<AnyView> = [
        Some(&problem.file),
        problem.record.as_ref(),
        problem.field.as_ref(),
    ]
    .into_iter()
    .flatten()
    .enumerate()
    .map(|(index, part)| {
        let separator = (index > 0).then_some(" / ");
        view! { {separator}<bdi>{part.clone()}</bdi> }.into_any()
    })
    .collect();
    let warning = (problem.severity == Severity::Warning)
        .then(|| view! { <span class="outcome">{tr.text("problem-kept")}" "</span> });
    let what = match &problem.said {
        Some(said) => view! { <span>{i18n::said_view(tr, said)}</span> }.into_any(),
        None => view! { <span lang="en" dir="ltr">{problem.message.clone()}</span> }.into_any(),
    };
    view! { <li>{warning}{place}": "{what}</li> }.into_any()
}
