//! What the data is and is not, how it was made, and the licences and attributions.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::catalog::Catalog;
use crate::core::i18n::Arg;
use crate::ui::i18n;
use crate::ui::offline_badge::SavedCopy;

#[component]
pub fn About(catalog: Arc<Catalog>) -> impl IntoView {
    let tr = i18n::lang();
    let collections = catalog.datasets.iter().map(|d| {
        let c = &d.collection;
        view! {
            <li>
                <strong><bdi>{c.name.clone()}</bdi></strong>
                {tr.format("about-collection-counts", &[
                    ("events", Arg::Text(&group_thousands(d.events.len() as i64))),
                    ("figures", Arg::Text(&d.figures.len().to_string())),
                    ("sources", Arg::Text(&d.sources.len().to_string())),
                ])}" "
                // What a collection says of itself is data, in its own language.
                <bdi>{c.description.clone()}</bdi>
                {c.version.clone().map(|v| view! { <br/>{tr.text("about-version")}" "<bdi>{v}</bdi> })}
                {c.license.clone().map(|l| view! { <br/>{tr.text("about-licence")}" "<bdi>{l}</bdi> })}
                {(!c.attribution.is_empty()).then(|| view! { <br/><bdi>{c.attribution.join(" ")}</bdi> })}
                {(!c.citations.is_empty()).then(|| view! { <ul>{c.citations.iter().map(|x| view! { <li><bdi>{x.clone()}</bdi></li> }).collect_view()}</ul> })}
            </li>
        }
    }).collect_view();
    let listed: Vec<String> = catalog
        .problems
        .iter()
        .take(100)
        .map(ToString::to_string)
        .collect();
    let problems = (!catalog.problems.is_empty()).then(|| view! {
        <details class="notices">
            <summary>{tr.format("about-problems", &[
                ("skipped", Arg::Text(&catalog.skipped.to_string())),
                ("n", Arg::Text(&catalog.problems.len().to_string())),
            ])}</summary>
            // The problems are worded in English for now.
            <ul lang="en" dir="ltr">{listed.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}</ul>
        </details>
    });
    view! {
        <section class="panel about" data-testid="about">
            <h2>{tr.text("about-title")}</h2>
            <p>{tr.text("about-lead")}</p>
            <h3>{tr.text("about-data-heading")}</h3>
            <ul>
                {["about-point-figures", "about-point-words", "about-point-dates", "about-point-places", "about-point-russia", "about-point-weapons"]
                    .map(|key| view! { <li>{tr.text(key)}</li> })}
            </ul>
            <h3>{tr.text("about-collections")}</h3>
            <ul>{collections}</ul>
            <SavedCopy />
            {problems}
            <h3>{tr.text("about-licences")}</h3>
            // The works cited keep their own titles, in English.
            <ul>
                <li>{tr.text("about-licence-ucdp")}" "<span lang="en" dir="ltr">"Sundberg, Ralph & Erik Melander (2013). \"Introducing the UCDP Georeferenced Event Dataset\". Journal of Peace Research 50(4): 523-532. Högbladh, Stina (2019). \"UCDP GED Codebook version 19.1\". Department of Peace and Conflict Research, Uppsala University."</span></li>
                <li>{tr.text("about-licence-boundaries")}" "<span lang="en" dir="ltr">"(Runfola, D. et al. (2020) geoBoundaries: A global database of political administrative boundaries. PLoS ONE 15(4): e0231866)."</span>" "{tr.text("about-licence-boundaries-terms")}</li>
                <li>{tr.text("about-licence-places")}</li>
                <li>{tr.text("about-licence-place-names")}</li>
                <li>{tr.text("about-licence-reports")}</li>
            </ul>
        </section>
    }
}
