//! The full record of one event: every source with publisher, title, date and verbatim quote,
//! the wording of each figure, UCDP's fields, and the place with coordinates and precision.
//! The selection is in the URL, so this view is itself a link.
//!
//! Opened by the reader, the record takes focus on its heading; Escape or Close shuts it and
//! gives focus back to where the reader opened it from (`record_focus`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::i18n::{Arg, Lang};
use crate::core::model::LocationPrecision;
use crate::core::validate::is_web_url;
use crate::ui::browser;
use crate::ui::event_text;
use crate::ui::i18n;
use crate::ui::record_focus::RecordFocus;
use crate::ui::url_state::UrlState;

/// The record of event `id`; `take_focus` when the reader just opened it (not when the page
/// opens on a link to it).
#[component]
pub fn EventDetail(
    catalog: Arc<Catalog>,
    url: UrlState,
    id: String,
    take_focus: bool,
) -> impl IntoView {
    let tr = i18n::lang();
    let focus = use_context::<RecordFocus>();
    let close = {
        let id = id.clone();
        move || {
            if let Some(focus) = focus {
                focus.give_back(&id);
            }
            url.update(|s| s.selected = None);
        }
    };
    let on_key = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" && !ev.default_prevented() {
                ev.prevent_default();
                close();
            }
        }
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get().filter(|_| take_focus) {
            RecordFocus::enter(&heading);
        }
    });
    let Some(row) = catalog.row_of(&id) else {
        let close = close.clone();
        return view! {
            <section class="panel detail" role="status" on:keydown=on_key>
                <h2 tabindex="-1" node_ref=heading>{tr.format("detail-not-found", &[("id", Arg::Text(&id))])}</h2>
                <button type="button" on:click=move |_| close()>{tr.text("detail-close")}</button>
            </section>
        }.into_any();
    };
    let (Some(event), Some(dataset)) = (catalog.event(row), catalog.dataset_of(row)) else {
        return ().into_any();
    };
    let event = &event;
    let (date, precision) = event_text::date(tr, event);
    let date_line = match precision {
        Some(precision) => tr.format(
            "detail-date-line",
            &[
                ("date", Arg::Text(&date)),
                ("precision", Arg::Text(&precision)),
                ("from", Arg::Text(&day_of(tr, &event.date.start))),
                ("to", Arg::Text(&day_of(tr, &event.date.end))),
            ],
        ),
        None => date,
    };
    let permalink = crate::ui::url_state::event_link(&event.id, &url.files());
    let places = event
        .places
        .iter()
        .map(|p| {
            let coordinates = match (p.lat, p.lon) {
                (Some(lat), Some(lon)) => format!("{lat:.5}, {lon:.5}"),
                _ => tr.text("detail-no-coordinates"),
            };
            let gazetteer = p
                .gazetteer
                .as_ref()
                .map(|g| tr.format("detail-from-gazetteer", &[("gazetteer", Arg::Text(g))]))
                .unwrap_or_default();
            let governorate = p
                .governorate
                .map(|g| tr.label("gov", g.id()))
                .unwrap_or_else(|| tr.text("detail-governorate-unknown"));
            let district = p
                .district
                .as_ref()
                .map(|d| tr.format("detail-district", &[("district", Arg::Text(d))]))
                .unwrap_or_default();
            let rest = tr.format(
                "detail-place",
                &[
                    ("governorate", Arg::Text(&governorate)),
                    ("located", Arg::Text(&located(tr, p.precision))),
                    ("coordinates", Arg::Text(&coordinates)),
                    ("gazetteer", Arg::Text(&gazetteer)),
                    ("district", Arg::Text(&district)),
                ],
            );
            let name = event_text::place_name(tr, &catalog, p);
            // In Arabic: the gazetteer's name with the source's spelling beside it and where
            // the name comes from, or the source's spelling and why there is no Arabic one.
            let origin = match (name.from, name.source_spelling) {
                (Some(from), _) => Some(tr.format(
                    "detail-arabic-name",
                    &[("source", Arg::Text(&p.name)), ("from", Arg::Text(from))],
                )),
                (None, true) => Some(tr.text("place-source-spelling")),
                (None, false) => None,
            };
            (name.text.to_string(), name.lang, origin, rest)
        })
        .collect::<Vec<_>>();
    let citations = event.citations.iter().map(|citation| {
        let source = dataset.source(&citation.source);
        let title = source.map(|s| s.title.clone()).unwrap_or_else(|| citation.source.clone());
        let publisher = source.map(|s| tr.label("pub", s.publisher.id())).unwrap_or_else(|| tr.text("detail-unknown-publisher"));
        let published = source.and_then(|s| s.published.clone()).map(|date| {
            let inferred = source.is_some_and(|s| s.published_inferred);
            let key = if inferred { "detail-published-inferred" } else { "detail-published" };
            tr.format(key, &[("date", Arg::Text(&day_of(tr, &date)))])
        }).unwrap_or_else(|| tr.text("detail-no-publication-date"));
        // The quote's language, where the source gives it; else the browser guesses its
        // direction from its first strong letter.
        let quote_lang = source.map(|s| s.language.clone()).filter(|l| !l.is_empty());
        let url = source.and_then(|s| s.url.clone()).filter(|u| is_web_url(u));
        let reported_by = citation.reported_by.clone();
        view! {
            <li class="citation">
                <p class="source-line">
                    <strong>{publisher}</strong>": "<bdi lang=quote_lang.clone()>{title}</bdi>" · "{published}
                    {reported_by.map(|by| view! { " · "{tr.text("detail-reported-by")}" "<bdi>{by}</bdi> })}
                    {url.map(|u| view! { " · " <a href=u.clone() rel="noopener noreferrer" target="_blank">{tr.text("detail-open-source")}</a> })}
                </p>
                <blockquote class="quote" data-testid="quote" dir="auto" lang=quote_lang>{citation.quote.clone()}</blockquote>
            </li>
        }
    }).collect_view();
    let no_casualties = event.casualties.is_empty();
    let casualties = event.casualties.iter().map(|c| {
        let words = c.wording.clone();
        view! { <li>{event_text::casualty(tr, c)}{words.map(|w| view! { " — "{tr.text("detail-as-reported")}" “"<bdi>{w}</bdi>"”" })}</li> }
    }).collect_view();
    let ucdp = event.ucdp.as_ref().map(|u| {
        let dyad = dataset.dyads.get(u.dyad as usize).map(|d| format!("{} ({})", d.name, d.conflict_name)).unwrap_or_default();
        view! {
            <h3>"UCDP GED"</h3>
            <dl>
                <dt>{tr.text("ucdp-event-id")}</dt><dd data-testid="ucdp-id">{u.id}</dd>
                <dt>{tr.text("ucdp-deaths")}</dt><dd dir="ltr">{format!("{} / {} / {}", u.low, u.best, u.high)}</dd>
                <dt>{tr.text("ucdp-sides")}</dt><dd dir="ltr">{format!("{} / {} / {} / {}", u.deaths_a, u.deaths_b, u.deaths_civilians, u.deaths_unknown)}</dd>
                <dt>{tr.text("ucdp-dyad")}</dt><dd data-testid="ucdp-dyad" dir="auto" lang="en">{dyad}</dd>
                <dt>{tr.text("ucdp-type")}</dt><dd>{match u.type_of_violence { 1 => tr.text("ucdp-type-1"), 2 => tr.text("ucdp-type-2"), 3 => tr.text("ucdp-type-3"), _ => "?".to_string() }}</dd>
                <dt>{tr.text("ucdp-precision")}</dt><dd dir="ltr"><code>{format!("date_prec {}, where_prec {}, event_clarity {}", u.date_prec, u.where_prec, u.event_clarity)}</code></dd>
                <dt>{tr.text("ucdp-sources")}</dt><dd><bdi>{u.source_office.clone().unwrap_or_default()}</bdi>" "{tr.format("ucdp-sources-line", &[
                    ("n", Arg::Text(&u.number_of_sources.to_string())),
                    ("count", Arg::Number(u64::from(u.number_of_sources))),
                    ("date", Arg::Text(&u.source_date.clone().unwrap_or_default())),
                ])}</dd>
                // UCDP's own English sentences: laid out left to right, and read as English, in
                // the Arabic view too (`dir="auto"` takes the text's direction).
                {u.source_article.clone().map(|a| view! { <dt>{tr.text("ucdp-article")}</dt><dd data-testid="ucdp-article" dir="auto" lang="en">{a}</dd> })}
                // The headline as UCDP gives it, where the quote above decoded its HTML
                // character references: what to search for in UCDP's own file.
                {u.source_headline.clone().map(|h| view! { <dt>{tr.text("ucdp-headline-as-given")}</dt><dd data-testid="ucdp-headline" dir="auto" lang="en">{h}</dd> })}
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
        .map(|f| tr.label("facility", f.id()))
        .collect::<Vec<_>>()
        .join(if tr == Lang::Ar { "، " } else { ", " });
    let weapons = event.weapons.join(", ");
    view! {
        <section class="panel detail" data-testid="event-detail" aria-labelledby="detail-title" on:keydown=on_key>
            <div class="detail-head">
                <h2 id="detail-title" tabindex="-1" node_ref=heading><bdi>{event.summary.clone()}</bdi></h2>
                <span class="tools">
                    <button type="button" on:click={
                        let permalink = permalink.clone();
                        move |_| { let _ = browser::copy_text(&permalink); }
                    }>{tr.text("detail-copy-link")}</button>
                    <button type="button" data-testid="detail-close" on:click=move |_| close()>{tr.text("detail-close")}</button>
                </span>
            </div>
            <dl>
                <dt>{tr.text("detail-id")}</dt><dd><bdi>{event.id.clone()}</bdi></dd>
                <dt>{tr.text("col-date")}</dt><dd>{date_line}</dd>
                <dt>{tr.text("col-kind")}</dt><dd>{tr.label("kind", event.kind.id())}{count.map(|c| view! { " — "<bdi>{c}</bdi> })}</dd>
                <dt>{tr.text("col-actors")}</dt><dd><bdi>{event_text::actors(tr, &catalog, row, event)}</bdi></dd>
                <dt>{tr.text("detail-places")}</dt><dd><ul>{places.into_iter().map(|(name, lang, origin, rest)| view! { <li><bdi lang=lang class:source-spelling=lang.is_some()>{name}</bdi>{origin.map(|o| view! { " ("<bdi>{o}</bdi>")" })}" — "{rest}</li> }).collect_view()}</ul></dd>
                {(!facilities.is_empty()).then(|| view! { <dt>{tr.text("detail-facilities")}</dt><dd>{facilities}</dd> })}
                {(!weapons.is_empty()).then(|| view! { <dt>{tr.text("detail-weapons")}</dt><dd><bdi>{weapons}</bdi></dd> })}
                <dt>{tr.text("filter-casualties")}</dt><dd data-testid="detail-casualties">{if no_casualties { tr.text("detail-casualties-none").into_any() } else { view! { <ul>{casualties}</ul> }.into_any() }}</dd>
                <dt>{tr.text("filter-collection")}</dt><dd><bdi>{dataset.collection.name.clone()}</bdi></dd>
            </dl>
            <h3>{tr.text("detail-evidence")}</h3>
            <ul class="citations">{citations}</ul>
            {ucdp}
            {acled}
            {(!dataset.collection.attribution.is_empty()).then(|| view! {
                <p class="source-line" lang="en" dir="ltr">{dataset.collection.attribution.join(" ")}</p>
            })}
        </section>
    }.into_any()
}

/// A `YYYY-MM-DD` date as `tr` writes it; anything else as it is.
fn day_of(tr: Lang, text: &str) -> String {
    crate::core::date::Day::parse(text).map_or_else(|_| text.to_string(), |day| tr.day(day))
}

/// How precisely a place is located, in words.
fn located(tr: Lang, precision: LocationPrecision) -> String {
    tr.text(match precision {
        LocationPrecision::Exact => "located-exact",
        LocationPrecision::Near => "located-near",
        LocationPrecision::District => "located-district",
        LocationPrecision::Governorate => "located-governorate",
        LocationPrecision::Region => "located-region",
        LocationPrecision::Country => "located-country",
    })
}
