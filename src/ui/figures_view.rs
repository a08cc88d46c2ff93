//! The reported figures: tallies over a period that monitors publish (SNHR's tolls, for
//! example), kept apart from incidents, each with its wording, source and quote; and the
//! comparison of figures that count the same thing, beside what the event collections add up
//! to over the same window, area and actor, with a link to those events.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::catalog::Catalog;
use crate::core::compare;
use crate::core::model::{Dataset, ReportedFigure};
use crate::core::query;
use crate::core::vocab::Actor;
use crate::ui::event_text;
use crate::ui::url_state::UrlState;

#[component]
pub fn FiguresView(catalog: Arc<Catalog>, url: UrlState) -> impl IntoView {
    let figures: Vec<(&Dataset, &ReportedFigure)> = catalog
        .datasets
        .iter()
        .map(|dataset| &**dataset)
        .flat_map(|dataset| dataset.figures.iter().map(move |figure| (dataset, figure)))
        .collect();
    let plain: Vec<&ReportedFigure> = figures.iter().map(|(_, f)| *f).collect();
    let groups = compare::comparison_groups(&plain);
    let selected = url.state.with_untracked(|s| s.selected.clone());
    let comparisons = groups
        .iter()
        .map(|members| {
            let rows = members
                .iter()
                .filter_map(|&i| figures.get(i))
                .map(|(dataset, figure)| figure_row(dataset, figure, selected.as_deref(), url))
                .collect_view();
            let lead = members
                .first()
                .and_then(|&i| figures.get(i))
                .map(|(_, f)| *f);
            let sums = lead.map(|figure| event_sums_view(&catalog, figure, url));
            let title = lead
                .map(|f| {
                    format!(
                        "{} — {} to {}, {}",
                        f.metric.label(),
                        f.period.start,
                        f.period.end,
                        f.area.name
                    )
                })
                .unwrap_or_default();
            view! {
                <section class="comparison" data-testid="comparison">
                    <h3>{title}</h3>
                    <FigureTable rows=rows.into_any() />
                    {sums}
                </section>
            }
        })
        .collect_view();
    let all_rows = figures
        .iter()
        .map(|(dataset, figure)| figure_row(dataset, figure, selected.as_deref(), url))
        .collect_view();
    // A selected figure (`sel=<figure id>`) gets its own comparison at the top: every figure
    // comparable with it, whatever the source, and the event sums for its window.
    let focus = selected.as_deref().and_then(|id| {
        let figure = plain.iter().find(|f| f.id == id)?;
        let rows = figures
            .iter()
            .filter(|(_, other)| other.id == figure.id || compare::comparable(figure, other))
            .map(|(dataset, other)| figure_row(dataset, other, Some(id), url))
            .collect_view();
        let title = format!(
            "{} — {} to {}, {}",
            figure.metric.label(),
            figure.period.start,
            figure.period.end,
            figure.area.name
        );
        Some(view! {
            <section class="comparison focus" data-testid="figure-focus">
                <h3>"Selected: "{title}</h3>
                <FigureTable rows=rows.into_any() />
                {event_sums_view(&catalog, figure, url)}
            </section>
        })
    });
    // A `sel` that names no figure (an event id, a mistyped link) is said, not ignored.
    let unknown = selected
        .as_deref()
        .filter(|id| !plain.iter().any(|f| f.id == *id))
        .map(|id| {
            view! {
                <p class="notices" role="status" data-testid="unknown-figure">
                    {format!("No reported figure has the id “{id}”; all figures are shown.")}
                </p>
            }
        });
    view! {
        <section class="panel" data-testid="figures">
            <h2>"Reported figures"</h2>
            {unknown}
            <p>"Tallies over a period as published by monitors. They are not incidents and are never added to the incident counts. Definitions differ: SNHR and SOHR count the victims they document; UCDP counts deaths in events it can verify, and codes Russian air support under the Government of Syria, so it has no Russian side."</p>
            {focus}
            <h3>"Who says how many"</h3>
            <p>"Figures from different sources that count the same thing over overlapping periods, areas and actors, and what the event collections in this explorer add up to for the first figure's window, area and actor (events whose dates overlap the period)."</p>
            <p data-testid="counting-rule">"How events are counted: agreements, ceasefires and political events (talks, conferences, visits) are never counted as incidents, deaths or attacks, here or anywhere in the explorer. A monitor's count of attacks or massacres is set beside attacks only (strikes, shelling, bombs, ground attacks and UCDP's violence), not beside patrols, convoys, withdrawals, raids or releases. Deaths are best estimates; a subgroup with no figure for its parent counts toward it (three children killed are at least three civilians killed). “Open these events” opens exactly the events counted."</p>
            {comparisons}
            <h3>"All reported figures"</h3>
            <FigureTable rows=all_rows.into_any() />
        </section>
    }
}

/// A table of figures with a fixed header.
#[component]
fn FigureTable(rows: AnyView) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="figures-table">
                <thead><tr><th>"Metric"</th><th>"Period"</th><th>"Area"</th><th>"By"</th><th>"Value and wording"</th><th>"Source and quote"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn figure_row(
    dataset: &Dataset,
    figure: &ReportedFigure,
    selected: Option<&str>,
    url: UrlState,
) -> impl IntoView {
    let source = figure
        .citations
        .first()
        .and_then(|c| dataset.source(&c.source));
    let publisher = source.map(|s| s.publisher.label()).unwrap_or_default();
    let reported_by = figure
        .citations
        .iter()
        .filter_map(|c| c.reported_by.clone())
        .collect::<Vec<_>>();
    let value = figure
        .value
        .value
        .map(|v| group_thousands(v as i64))
        .unwrap_or_else(|| "—".to_string());
    let actors = figure
        .actors
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(" + ");
    let metric = match figure.facility {
        Some(facility) => format!("{} ({})", figure.metric.label(), facility.label()),
        None => figure.metric.label().to_string(),
    };
    let quotes = figure
        .citations
        .iter()
        .map(|c| view! { <blockquote class="quote">{c.quote.clone()}</blockquote> })
        .collect_view();
    let is_selected = selected == Some(figure.id.as_str());
    let compare_link = format!(
        "?{}",
        query::encode(&query::ViewState {
            view: query::View::Figures,
            selected: Some(figure.id.clone()),
            ..query::ViewState::default()
        })
    );
    view! {
        <tr data-figure-id=figure.id.clone() class:selected=is_selected>
            <td>{metric}</td>
            <td>{format!("{} – {}", figure.period.start, figure.period.end)}</td>
            <td>{figure.area.name.clone()}</td>
            <td>{actors}</td>
            <td><strong data-testid="figure-value">{value}</strong><br/>{figure.value.qualifier.label()}" · “"{event_text::quantity(&figure.value)}"”"</td>
            <td>
                {publisher}{(!reported_by.is_empty()).then(|| format!(", citing {}", reported_by.join(", ")))}{quotes}
                <a href=compare_link.clone() class="compare-link" on:click=move |ev| url.follow(&ev, &compare_link)>"Compare with events"</a>
            </td>
        </tr>
    }
}

/// The event collections' sums for a figure: for each of its actors alone and, for an
/// alliance, all together.
fn event_sums_view(catalog: &Catalog, figure: &ReportedFigure, url: UrlState) -> impl IntoView {
    // All actors first ("in all"), then each actor alone, then an alliance together.
    let mut actor_sets: Vec<Vec<Actor>> = vec![Vec::new()];
    actor_sets.extend(figure.actors.iter().map(|a| vec![*a]));
    if figure.actors.len() > 1 {
        actor_sets.push(figure.actors.clone());
    }
    let names: Vec<String> = catalog
        .datasets
        .iter()
        .map(|d| d.collection.name.clone())
        .collect();
    let rows = actor_sets
        .into_iter()
        .map(|actors| {
            let label = if actors.is_empty() {
                "All actors".to_string()
            } else {
                actors.iter().map(|a| a.label()).collect::<Vec<_>>().join(" + ")
            };
            let sums = compare::event_sums(catalog, figure, &actors);
            let actor_ids = actors.iter().map(|a| a.id()).collect::<Vec<_>>().join(",");
            let link = format!("?{}", query::encode(&compare::view_for(figure, &actors)));
            let cells = sums
                .into_iter()
                .enumerate()
                .map(|(index, sum)| {
                    let russia = (sum.mentions_russia > 0 && sum.collection == "ucdp").then(|| {
                        format!(" · {} cite text mentioning Russia (derived from headline text; not a coded side)", sum.mentions_russia)
                    });
                    let value = sum.value.map_or_else(|| "—".to_string(), |v| group_thousands(v as i64));
                    view! {
                        <td data-collection=sum.collection.clone()>
                            <strong data-testid="event-sum">{value}</strong>
                            {format!(" in {} events", group_thousands(i64::from(sum.events)))}
                            {russia}
                            <span class="visually-hidden">{names.get(index).cloned().unwrap_or_default()}</span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr data-actors=actor_ids>
                    <td>{label}</td>
                    {cells}
                    <td><a href=link.clone() data-testid="open-events" on:click=move |ev| url.follow(&ev, &link)>"Open these events"</a></td>
                </tr>
            }
        })
        .collect_view();
    let headers = catalog
        .datasets
        .iter()
        .map(|d| view! { <th>{d.collection.name.clone()}</th> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="figures-table sums">
                <caption>{format!("Event collections over the same window and area: {}", compare::Measure::label(figure.metric))}</caption>
                <thead><tr><th>"Actor (any role)"</th>{headers}<th></th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
