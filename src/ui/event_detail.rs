//! The full record of one event: every source with publisher, title, date and verbatim quote,
//! the wording of each figure, UCDP's fields, and the place with coordinates and precision.
//! The selection is in the URL, so this view is itself a link.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::model::LocationPrecision;
use crate::core::validate::is_web_url;
use crate::ui::browser;
use crate::ui::event_text;
use crate::ui::url_state::UrlState;

#[component]
pub fn EventDetail(catalog: Arc<Catalog>, url: UrlState, id: String) -> impl IntoView {
    let Some(row) = catalog.row_of(&id) else {
        return view! {
            <section class="panel detail" role="status">
                <p>{format!("No event has the id “{id}” in the loaded collections.")}</p>
                <button type="button" on:click=move |_| url.update(|s| s.selected = None)>"Close"</button>
            </section>
        }.into_any();
    };
    let (Some(event), Some(dataset)) = (catalog.event(row), catalog.dataset_of(row)) else {
        return ().into_any();
    };
    let (date, precision) = event_text::date(event);
    let date_line = format!(
        "{date}{}",
        precision
            .map(|p| format!(" ({p}; {} to {})", event.date.start, event.date.end))
            .unwrap_or_default()
    );
    let permalink = crate::ui::summary_bar::event_link(&event.id);
    let places = event
        .places
        .iter()
        .map(|p| {
            let coordinates = match (p.lat, p.lon) {
                (Some(lat), Some(lon)) => format!("{lat:.5}, {lon:.5}"),
                _ => "no coordinates (none given by an open gazetteer or the source)".to_string(),
            };
            let gazetteer = p
                .gazetteer
                .as_ref()
                .map(|g| format!(", from {g}"))
                .unwrap_or_default();
            format!(
                "{} — {}; {}; {coordinates}{gazetteer}{}",
                p.name,
                p.governorate
                    .map(|g| g.label())
                    .unwrap_or("governorate unknown"),
                located(p.precision),
                p.district
                    .as_ref()
                    .map(|d| format!("; district {d}"))
                    .unwrap_or_default(),
            )
        })
        .collect::<Vec<_>>();
    let citations = event.citations.iter().map(|citation| {
        let source = dataset.source(&citation.source);
        let title = source.map(|s| s.title.clone()).unwrap_or_else(|| citation.source.clone());
        let publisher = source.map(|s| s.publisher.label()).unwrap_or("unknown publisher");
        let published = source.and_then(|s| s.published.clone()).map(|date| {
            let inferred = source.is_some_and(|s| s.published_inferred);
            if inferred { format!("published {date} (inferred from the text)") } else { format!("published {date}") }
        }).unwrap_or_else(|| "publication date not stated".to_string());
        let url = source.and_then(|s| s.url.clone()).filter(|u| is_web_url(u));
        let reported_by = citation.reported_by.clone();
        view! {
            <li class="citation">
                <p class="source-line">
                    <strong>{publisher}</strong>": "{title}" · "{published}
                    {reported_by.map(|by| view! { " · reported by "{by} })}
                    {url.map(|u| view! { " · " <a href=u.clone() rel="noopener noreferrer" target="_blank">"open source"</a> })}
                </p>
                <blockquote class="quote" data-testid="quote">{citation.quote.clone()}</blockquote>
            </li>
        }
    }).collect_view();
    let casualties = event.casualties.iter().map(|c| {
        let words = c.wording.clone();
        view! { <li>{event_text::casualty(c)}{words.map(|w| view! { " — as reported: “"{w}"”" })}</li> }
    }).collect_view();
    let ucdp = event.ucdp.as_ref().map(|u| {
        let dyad = dataset.dyads.get(u.dyad as usize).map(|d| format!("{} ({})", d.name, d.conflict_name)).unwrap_or_default();
        view! {
            <h3>"UCDP GED"</h3>
            <dl>
                <dt>"Event id"</dt><dd data-testid="ucdp-id">{u.id}</dd>
                <dt>"Deaths low / best / high"</dt><dd>{format!("{} / {} / {}", u.low, u.best, u.high)}</dd>
                <dt>"Side A / side B / civilians / unknown"</dt><dd>{format!("{} / {} / {} / {}", u.deaths_a, u.deaths_b, u.deaths_civilians, u.deaths_unknown)}</dd>
                <dt>"Dyad"</dt><dd>{dyad}</dd>
                <dt>"Type of violence"</dt><dd>{match u.type_of_violence { 1 => "1 state-based", 2 => "2 non-state", 3 => "3 one-sided", _ => "?" }}</dd>
                <dt>"Precision codes"</dt><dd>{format!("date_prec {}, where_prec {}, event_clarity {}", u.date_prec, u.where_prec, u.event_clarity)}</dd>
                <dt>"Sources"</dt><dd>{format!("{} ({} sources, {})", u.source_office.clone().unwrap_or_default(), u.number_of_sources, u.source_date.clone().unwrap_or_default())}</dd>
                {u.source_article.clone().map(|a| view! { <dt>"Source article"</dt><dd>{a}</dd> })}
            </dl>
        }
    });
    // ACLED's own columns, as written, for citing ACLED exactly.
    let acled = event.acled.as_ref().map(|a| {
        let fields = a.fields.iter().map(|(name, value)| view! {
            <dt><code>{name.clone()}</code></dt><dd><bdi>{value.clone()}</bdi></dd>
        }).collect_view();
        view! {
            <h3>"ACLED"</h3>
            <dl data-testid="acled-fields">
                <dt><code>"event_id_cnty"</code></dt><dd data-testid="acled-id">{a.event_id_cnty.clone()}</dd>
                {fields}
            </dl>
        }
    });
    let count = event.count.as_ref().map(event_text::quantity);
    let facilities = event
        .facilities
        .iter()
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join(", ");
    let weapons = event.weapons.join(", ");
    view! {
        <section class="panel detail" data-testid="event-detail" aria-labelledby="detail-title">
            <h2 id="detail-title">
                {event.summary.clone()}
                <span class="tools">
                    <button type="button" on:click={
                        let permalink = permalink.clone();
                        move |_| { let _ = browser::copy_text(&permalink); }
                    }>"Copy link to this event"</button>
                    <button type="button" on:click=move |_| url.update(|s| s.selected = None)>"Close"</button>
                </span>
            </h2>
            <dl>
                <dt>"Id"</dt><dd>{event.id.clone()}</dd>
                <dt>"Date"</dt><dd>{date_line}</dd>
                <dt>"Kind"</dt><dd>{event.kind.label()}{count.map(|c| format!(" — {c}"))}</dd>
                <dt>"Actors"</dt><dd>{event_text::actors(&catalog, row, event)}</dd>
                <dt>"Places"</dt><dd><ul>{places.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul></dd>
                {(!facilities.is_empty()).then(|| view! { <dt>"Facilities"</dt><dd>{facilities}</dd> })}
                {(!weapons.is_empty()).then(|| view! { <dt>"Weapons"</dt><dd>{weapons}</dd> })}
                <dt>"Casualties"</dt><dd><ul>{casualties}</ul></dd>
                <dt>"Collection"</dt><dd>{dataset.collection.name.clone()}</dd>
            </dl>
            <h3>"Evidence"</h3>
            <ul class="citations">{citations}</ul>
            {ucdp}
            {acled}
            {(!dataset.collection.attribution.is_empty()).then(|| view! {
                <p class="source-line">{dataset.collection.attribution.join(" ")}</p>
            })}
        </section>
    }.into_any()
}

/// How precisely a place is located, in words.
fn located(precision: LocationPrecision) -> &'static str {
    match precision {
        LocationPrecision::Exact => "located exactly",
        LocationPrecision::Near => "located near the place",
        LocationPrecision::District => "located to the district",
        LocationPrecision::Governorate => "located to the governorate",
        LocationPrecision::Region => "located to a region",
        LocationPrecision::Country => "located to the country only",
    }
}
