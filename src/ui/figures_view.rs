//! The reported figures: tallies over a period that monitors publish (SNHR's tolls, for
//! example), kept apart from incidents, each with its wording, source and quote.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::catalog::Catalog;
use crate::ui::event_text;

#[component]
pub fn FiguresView(catalog: Arc<Catalog>) -> impl IntoView {
    let rows = catalog.datasets.iter().flat_map(|dataset| dataset.figures.iter().map(move |figure| (dataset, figure))).map(|(dataset, figure)| {
        let source = figure.citations.first().and_then(|c| dataset.sources.iter().find(|s| s.id == c.source));
        let publisher = source.map(|s| s.publisher.label()).unwrap_or_default();
        let reported_by = figure.citations.iter().filter_map(|c| c.reported_by.clone()).collect::<Vec<_>>();
        let value = figure.value.value.map(|v| group_thousands(v as i64)).unwrap_or_else(|| "—".to_string());
        let actors = figure.actors.iter().map(|a| a.label()).collect::<Vec<_>>().join(" + ");
        let metric = match figure.facility {
            Some(facility) => format!("{} ({})", figure.metric.label(), facility.label()),
            None => figure.metric.label().to_string(),
        };
        let quotes = figure.citations.iter().map(|c| view! { <blockquote class="quote">{c.quote.clone()}</blockquote> }).collect_view();
        view! {
            <tr data-figure-id=figure.id.clone()>
                <td>{metric}</td>
                <td>{format!("{} – {}", figure.period.start, figure.period.end)}</td>
                <td>{figure.area.name.clone()}</td>
                <td>{actors}</td>
                <td><strong>{value}</strong><br/>{figure.value.qualifier.label()}" · “"{event_text::quantity(&figure.value)}"”"</td>
                <td>{publisher}{(!reported_by.is_empty()).then(|| format!(", citing {}", reported_by.join(", ")))}{quotes}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <section class="panel" data-testid="figures">
            <h2>"Reported figures"</h2>
            <p>"Tallies over a period as published by monitors. They are not incidents and are never added to the incident counts; definitions differ between sources."</p>
            <div class="table-wrap">
                <table class="figures-table">
                    <thead><tr><th>"Metric"</th><th>"Period"</th><th>"Area"</th><th>"By"</th><th>"Value and wording"</th><th>"Source and quote"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
