//! What the data is and is not, how it was made, and the licences and attributions.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::catalog::Catalog;
use crate::ui::offline_badge::SavedCopy;

#[component]
pub fn About(catalog: Arc<Catalog>) -> impl IntoView {
    let collections = catalog.datasets.iter().map(|d| {
        let c = &d.collection;
        view! {
            <li>
                <strong>{c.name.clone()}</strong>
                {format!(": {} events, {} reported figures, {} sources. ", group_thousands(d.events.len() as i64), d.figures.len(), d.sources.len())}
                {c.description.clone()}
                {c.version.clone().map(|v| view! { <br/>"Version: "{v} })}
                {c.license.clone().map(|l| view! { <br/>"Licence: "{l} })}
                {(!c.attribution.is_empty()).then(|| view! { <br/>{c.attribution.join(" ")} })}
                {(!c.citations.is_empty()).then(|| view! { <ul>{c.citations.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
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
            <summary>{format!("{} records were skipped while loading; {} problems and warnings in all (the first 100 below).", catalog.skipped, catalog.problems.len())}</summary>
            <ul>{listed.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}</ul>
        </details>
    });
    view! {
        <section class="panel about" data-testid="about">
            <h2>"About this explorer"</h2>
            <p>"Documented military incidents in Syria, each traced to the report that documented it. Everything runs in your browser; no data leaves it."</p>
            <h3>"What the data is — and is not"</h3>
            <ul>
                <li>"Figures are as reported. Sources count differently and disagree: SNHR and SOHR count victims they document; UCDP counts deaths in events it can verify from news reports, with low, best and high estimates. A toll over a period (a \"reported figure\") is never added to incidents."</li>
                <li>"Every number keeps the words it was reported in (\"over 60\", \"nearly 25\", \"several airstrikes\") and a qualifier; nothing is rounded or guessed."</li>
                <li>"Dates carry a precision (day, a few days, week, month, year, period). On the timeline, events dated more coarsely than a column are spread over the columns they cover and drawn hatched."</li>
                <li>"Places carry a precision (exact, near, district, governorate, region, country). Coordinates come only from an open gazetteer or from UCDP; where there is none, the event is located to its governorate or region and never given an invented point."</li>
                <li>"UCDP codes Russian air support under the Government of Syria: in the UCDP collection there is no Russian side, so filtering by Russian forces finds only the curated reports."</li>
                <li>"UCDP does not record weapons: its events are classed by type of violence (state-based, non-state, one-sided)."</li>
            </ul>
            <h3>"Collections"</h3>
            <ul>{collections}</ul>
            <SavedCopy />
            {problems}
            <h3>"Licences and attributions"</h3>
            <ul>
                <li>"Data: Uppsala Conflict Data Program (UCDP), ucdp.uu.se, CC BY 4.0. Sundberg, Ralph & Erik Melander (2013). \"Introducing the UCDP Georeferenced Event Dataset\". Journal of Peace Research 50(4): 523-532. Högbladh, Stina (2019). \"UCDP GED Codebook version 19.1\". Department of Peace and Conflict Research, Uppsala University."</li>
                <li>"Governorate boundaries: UN OCHA / United Nations Cartographic Section (UNCS), via HDX and geoBoundaries (Runfola, D. et al. (2020) geoBoundaries: A global database of political administrative boundaries. PLoS ONE 15(4): e0231866). Licence: CC BY 3.0 IGO. Simplified, coordinates rounded, attributes added. The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations."</li>
                <li>"Place coordinates: GeoNames (www.geonames.org), CC BY 4.0, partly via Who's On First; airfields: airportsdata (MIT)."</li>
                <li>"Report texts (SOHR, SNHR, Al Jazeera) are quoted as evidence; their publishers are named on every quote."</li>
            </ul>
        </section>
    }
}
