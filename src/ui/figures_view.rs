//! The reported figures: tallies over a period that monitors publish (SNHR's tolls, for
//! example), kept apart from incidents, each with its wording, source and quote; and the
//! comparison of figures that count the same thing, beside what the event collections add up
//! to over the same window, area and actor, with a link to those events.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::catalog::Catalog;
use crate::core::compare::{self, EventSum};
use crate::core::date::Day;
use crate::core::i18n::{Arg, Lang};
use crate::core::model::{Area, Dataset, ReportedFigure};
use crate::core::query;
use crate::core::vocab::Actor;
use crate::ui::adding::yield_to_browser;
use crate::ui::event_text;
use crate::ui::i18n;
use crate::ui::skip_link;
use crate::ui::url_state::UrlState;

#[component]
pub fn FiguresView(catalog: Arc<Catalog>, url: UrlState) -> impl IntoView {
    let tr = i18n::lang();
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
                .map(|(dataset, figure)| figure_row(tr, dataset, figure, selected.as_deref(), url))
                .collect_view();
            let lead = members
                .first()
                .and_then(|&i| figures.get(i))
                .map(|(_, f)| *f);
            let sums = lead.map(|figure| event_sums_view(tr, &catalog, figure, url));
            let title = lead.map(|f| title(tr, f)).unwrap_or_default();
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
        .map(|(dataset, figure)| figure_row(tr, dataset, figure, selected.as_deref(), url))
        .collect_view();
    // A selected figure (`sel=<figure id>`) gets its own comparison at the top: every figure
    // comparable with it, whatever the source, and the event sums for its window.
    let focus = selected.as_deref().and_then(|id| {
        let figure = plain.iter().find(|f| f.id == id)?;
        let rows = figures
            .iter()
            .filter(|(_, other)| other.id == figure.id || compare::comparable(figure, other))
            .map(|(dataset, other)| figure_row(tr, dataset, other, Some(id), url))
            .collect_view();
        let title = title(tr, figure);
        Some(view! {
            <section class="comparison focus" data-testid="figure-focus">
                <h3>{tr.text("figures-selected")}" "{title}</h3>
                <FigureTable rows=rows.into_any() />
                {event_sums_view(tr, &catalog, figure, url)}
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
                    {tr.format("figures-unknown", &[("id", Arg::Text(id))])}
                </p>
            }
        });
    view! {
        <section class="panel" data-testid="figures">
            <h2>{tr.text("tab-figures")}</h2>
            {unknown}
            <p>{tr.text("figures-lead")}</p>
            {focus}
            <h3>{tr.text("figures-who")}</h3>
            <p>{tr.text("figures-who-lead")}</p>
            <p data-testid="counting-rule">{tr.text("figures-counting-rule")}</p>
            {comparisons}
            <h3>{tr.text("figures-all")}</h3>
            <FigureTable rows=all_rows.into_any() />
        </section>
    }
}

/// A table of figures with a fixed header.
/// The catalogue keys of the figure table's columns, in order: its headings, and the labels a
/// phone's cards show before each line.
const COLUMNS: [&str; 6] = [
    "figures-col-metric",
    "figures-col-period",
    "figures-col-area",
    "figures-col-by",
    "figures-col-value",
    "figures-col-source",
];

#[component]
fn FigureTable(rows: AnyView) -> impl IntoView {
    let tr = i18n::lang();
    let headers = COLUMNS.map(|key| view! { <th role="columnheader">{tr.text(key)}</th> });
    // The column names a phone shows before each line of a card (style/main.css), as CSS
    // custom properties of the table.
    let labels = COLUMNS
        .iter()
        .enumerate()
        .map(|(at, key)| {
            let label = tr.text(key).replace(['"', '\\'], "");
            format!("--label-{}:\"{label}\";", at + 1)
        })
        .collect::<String>();
    // The roles restate the table's semantics, which a browser may drop once a phone's
    // stylesheet lays the rows out as cards.
    view! {
        <div class="table-wrap">
            <table class="figures-table figures" role="table" style=labels>
                <thead role="rowgroup"><tr role="row">{headers}</tr></thead>
                <tbody role="rowgroup">{rows}</tbody>
            </table>
        </div>
    }
}

/// "civilians killed — 2019-04-26 to 2019-11-15, Idlib": what a figure counts, when and where.
fn title(tr: Lang, figure: &ReportedFigure) -> String {
    tr.format(
        "figures-title",
        &[
            ("metric", Arg::Text(&tr.label("figure", figure.metric.id()))),
            ("from", Arg::Text(&day_of(tr, &figure.period.start))),
            ("to", Arg::Text(&day_of(tr, &figure.period.end))),
            ("area", Arg::Text(&area_text(tr, &figure.area))),
        ],
    )
}

/// Where a figure counts, for the reader: the source's own words ("northwest Syria"); in Arabic
/// followed by the governorates it covers in Arabic, and the whole country named in Arabic.
fn area_text(tr: Lang, area: &Area) -> String {
    if tr == Lang::En {
        return area.name.clone();
    }
    if area.governorates.is_empty() {
        return if area.name == "Syria" {
            tr.text("figures-area-syria")
        } else {
            area.name.clone()
        };
    }
    let governorates = area
        .governorates
        .iter()
        .map(|g| tr.label("gov", g.id()))
        .collect::<Vec<_>>();
    format!("{} ({})", area.name, governorates.join("، "))
}

/// A `YYYY-MM-DD` date as `tr` writes it; anything else as it is.
fn day_of(tr: Lang, text: &str) -> String {
    Day::parse(text).map_or_else(|_| text.to_string(), |day| tr.day(day))
}

fn figure_row(
    tr: Lang,
    dataset: &Dataset,
    figure: &ReportedFigure,
    selected: Option<&str>,
    url: UrlState,
) -> impl IntoView {
    let source = figure
        .citations
        .first()
        .and_then(|c| dataset.source(&c.source));
    let publisher = source
        .map(|s| tr.label("pub", s.publisher.id()))
        .unwrap_or_default();
    let quote_lang = source.map(|s| s.language.clone()).filter(|l| !l.is_empty());
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
        .map(|a| tr.label("actor", a.id()))
        .collect::<Vec<_>>()
        .join(" + ");
    let metric = match figure.facility {
        Some(facility) => format!(
            "{} ({})",
            tr.label("figure", figure.metric.id()),
            tr.label("facility", facility.id())
        ),
        None => tr.label("figure", figure.metric.id()),
    };
    let quotes = figure
        .citations
        .iter()
        .map(|c| view! { <blockquote class="quote" dir="auto" lang=quote_lang.clone()>{c.quote.clone()}</blockquote> })
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
        <tr role="row" data-figure-id=figure.id.clone() class:selected=is_selected>
            <td role="cell">{metric}</td>
            <td role="cell">{tr.format("date-range", &[
                ("from", Arg::Text(&day_of(tr, &figure.period.start))),
                ("to", Arg::Text(&day_of(tr, &figure.period.end))),
            ])}</td>
            <td role="cell"><bdi>{area_text(tr, &figure.area)}</bdi></td>
            <td role="cell">{actors}</td>
            <td role="cell"><strong data-testid="figure-value">{value}</strong><br/>{tr.label("qual", figure.value.qualifier.id())}" · “"<bdi>{event_text::quantity(&figure.value)}</bdi>"”"</td>
            <td role="cell">
                {publisher}{(!reported_by.is_empty()).then(|| view! { {tr.text("figures-citing")}" "<bdi>{reported_by.join(", ")}</bdi> })}{quotes}
                <a href=compare_link.clone() class="compare-link" on:click=move |ev| {
                    url.follow(&ev, &compare_link);
                    skip_link::refocus_if_lost();
                }>{tr.text("figures-compare")}</a>
            </td>
        </tr>
    }
}

/// The event collections' sums for a figure: for each of its actors alone and, for an
/// alliance, all together. They are added up in a task of their own after the tab is drawn:
/// each comparison is a pass over the table (some 12 ms at a million rows), and the tab has
/// fourteen, which drawn with it held the page for 168 ms.
fn event_sums_view(
    tr: Lang,
    catalog: &Arc<Catalog>,
    figure: &ReportedFigure,
    url: UrlState,
) -> impl IntoView {
    // All actors first ("in all"), then each actor alone, then an alliance together.
    let mut actor_sets: Vec<Vec<Actor>> = vec![Vec::new()];
    actor_sets.extend(figure.actors.iter().map(|a| vec![*a]));
    if figure.actors.len() > 1 {
        actor_sets.push(figure.actors.clone());
    }
    let summed = RwSignal::new(None::<Vec<Vec<EventSum>>>);
    let (summing, figure_summed, sets) = (catalog.clone(), figure.clone(), actor_sets.clone());
    leptos::task::spawn_local(async move {
        yield_to_browser().await;
        // Not if the tab was left meanwhile.
        if summed.try_get_untracked().is_some() {
            let sums = compare::event_sums_for(&summing, &figure_summed, &sets);
            summed.try_set(Some(sums));
        }
    });
    let rows = {
        let (catalog, figure) = (catalog.clone(), figure.clone());
        let columns = catalog.datasets.len() + 2;
        move || {
            match summed.get() {
            Some(sums) => sums_rows(tr, &catalog, &figure, actor_sets.clone(), sums, url).into_any(),
            None => view! {
                <tr role="row"><td role="cell" colspan=columns data-testid="sums-pending">{tr.text("figures-summing")}</td></tr>
            }
            .into_any(),
        }
        }
    };
    let headers = catalog
        .datasets
        .iter()
        .map(|d| view! { <th role="columnheader"><bdi>{d.collection.name.clone()}</bdi></th> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="figures-table sums" role="table">
                <caption>{tr.format("figures-sums-caption", &[("measure", Arg::Text(&tr.label("measure", figure.metric.id())))])}</caption>
                <thead role="rowgroup"><tr role="row">
                    <th role="columnheader">{tr.text("figures-actor-any-role")}</th>{headers}
                    <th role="columnheader">{tr.text("figures-col-events")}</th>
                </tr></thead>
                <tbody role="rowgroup">{rows}</tbody>
            </table>
        </div>
    }
}

/// The rows of a figure's event sums table: for each of `actor_sets`, its label, `sums_of_sets`'
/// sum per collection of `catalog`, and a link to its events.
fn sums_rows(
    tr: Lang,
    catalog: &Catalog,
    figure: &ReportedFigure,
    actor_sets: Vec<Vec<Actor>>,
    sums_of_sets: Vec<Vec<EventSum>>,
    url: UrlState,
) -> impl IntoView {
    let names: Vec<String> = catalog
        .datasets
        .iter()
        .map(|d| d.collection.name.clone())
        .collect();
    actor_sets
        .into_iter()
        .zip(sums_of_sets)
        .map(|(actors, sums)| {
            let label = if actors.is_empty() {
                tr.text("figures-all-actors")
            } else {
                actors
                    .iter()
                    .map(|a| tr.label("actor", a.id()))
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            let actor_ids = actors.iter().map(|a| a.id()).collect::<Vec<_>>().join(",");
            let link = format!("?{}", query::encode(&compare::view_for(figure, &actors)));
            let cells = sums
                .into_iter()
                .enumerate()
                .map(|(index, sum)| {
                    let russia = (sum.mentions_russia > 0 && sum.collection == "ucdp").then(|| {
                        format!(" · {}", tr.format("figures-mentions-russia", &[("n", Arg::Text(&sum.mentions_russia.to_string()))]))
                    });
                    // Counted whole though dated partly outside the period: said beside the sum.
                    let beyond = (sum.beyond_period > 0).then(|| view! {
                        <span class="beyond-period" data-testid="beyond-period">
                            {format!(" · {}", tr.count("figures-beyond-period", u64::from(sum.beyond_period)))}
                        </span>
                    });
                    let value = sum.value.map_or_else(|| "—".to_string(), |v| group_thousands(v as i64));
                    view! {
                        <td role="cell" data-collection=sum.collection.clone()>
                            <strong data-testid="event-sum">{value}</strong>
                            " "{tr.count("figures-in-events", u64::from(sum.events))}
                            {russia}
                            {beyond}
                            <bdi class="visually-hidden">{names.get(index).cloned().unwrap_or_default()}</bdi>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr role="row" data-actors=actor_ids>
                    <td role="cell">{label}</td>
                    {cells}
                    <td role="cell"><a href=link.clone() data-testid="open-events" on:click=move |ev| {
                        url.follow(&ev, &link);
                        skip_link::refocus_if_lost();
                    }>{tr.text("figures-open-events")}</a></td>
                </tr>
            }
        })
        .collect_view()
}
