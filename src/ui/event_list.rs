//! The incident list: one page of rows at a time (never thousands in the DOM), sortable by date
//! and by deaths. Activating a summary opens that event's full record.

use std::sync::Arc;

use leptos::html::Section;
use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::aggregate::{self, SortKey};
use crate::core::catalog::Catalog;
use crate::ui::browser;
use crate::ui::event_text;
use crate::ui::near_screen::{use_nearness, use_paced, Nearness};
use crate::ui::url_state::UrlState;

/// Rows per page: a screen or two of reading, and few enough to build within a frame.
pub const PAGE_SIZE: usize = 25;

#[component]
pub fn EventList(catalog: Arc<Catalog>, url: UrlState, rows: Memo<Vec<u32>>) -> impl IntoView {
    // The list works from its own copy of the rows and the state, paced by how near the
    // screen it is: while the reader is at the filters and charts, rows nobody sees yet are
    // built just after the frame, not before it.
    let list = NodeRef::<Section>::new();
    let nearness = use_nearness(list);
    let rows = use_paced(rows, nearness);
    let state = use_paced(url.state, nearness);
    let sort = Memo::new(move |_| state.with(|s| s.sort));
    let selected = Memo::new(move |_| state.with(|s| s.selected.clone()));
    let total = Memo::new(move |_| rows.with(Vec::len));
    let pages = move || total.get().div_ceil(PAGE_SIZE).max(1);
    let page = Memo::new(move |_| (state.with(|s| s.page) as usize).min(pages() - 1));
    let page_catalog = catalog.clone();
    let page_rows = Memo::new(move |_| {
        let _measure = browser::Measure::new("list");
        let (key, first) = (sort.get(), page.get() * PAGE_SIZE);
        rows.with(|rows| aggregate::sorted_page(&page_catalog.table, rows, key, first, PAGE_SIZE))
    });
    // On screen, the rows that can be seen are built before the frame and the rest of the
    // page just after it. How many can be seen is measured when the layout is up to date
    // anyway (after a full page is built, and on scrolling): measuring it during a change
    // would force a layout of a half-updated page.
    let body = NodeRef::<leptos::html::Tbody>::new();
    let seen = StoredValue::new(PAGE_SIZE);
    let measure_seen = move || {
        // Also runs after the frame, when the list may have been dropped (a change of tab).
        let body = body.try_get_untracked().flatten();
        if let (Some(body), Some(height)) = (body, browser::viewport_height()) {
            seen.set_value(rows_above(height - body.get_bounding_client_rect().top()));
        }
    };
    // Not while the list is far from the screen: it is read only on screen, and the list
    // cannot get there without scrolling through "near", which measures again.
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if nearness.get_untracked() != Nearness::Far {
            measure_seen();
        }
    });
    on_cleanup(move || on_scroll.remove());
    let complete = RwSignal::new(None::<Vec<u32>>);
    let shown_rows = Memo::new(move |_| {
        page_rows.with(|rows| {
            let whole = complete.with(|c| c.as_ref() == Some(rows));
            if whole || nearness.get_untracked() != Nearness::OnScreen {
                rows.clone()
            } else {
                rows[..seen.get_value().min(rows.len())].to_vec()
            }
        })
    });
    Effect::new(move |_| {
        let rows = page_rows.get();
        browser::after_next_paint(move || {
            measure_seen();
            complete.set(Some(rows));
        });
    });
    let render_row = move |row: u32| row_view(&catalog, url, selected, row);
    let sort_button = move |label: &'static str, descending: SortKey, ascending: SortKey| {
        let aria = move || {
            let key = sort.get();
            if key == descending {
                "descending"
            } else if key == ascending {
                "ascending"
            } else {
                "none"
            }
        };
        view! {
            <th role="columnheader" aria-sort=aria>
                <button type="button" on:click=move |_| url.update(|s| {
                    s.sort = if s.sort == descending { ascending } else { descending };
                    s.page = 0;
                })>
                    {label}
                    {move || { let key = sort.get(); if key == descending { " ↓" } else if key == ascending { " ↑" } else { "" } }}
                </button>
            </th>
        }
    };
    view! {
        <section class="panel event-list-panel" node_ref=list>
            <h2>"Incidents"
                <span class="tools">{move || {
                    let total = total.get();
                    let first = page.get() * PAGE_SIZE;
                    if total == 0 { String::new() } else {
                        format!("{}–{} of {}", group_thousands((first + 1) as i64), group_thousands((first + PAGE_SIZE).min(total) as i64), group_thousands(total as i64))
                    }
                }}</span>
            </h2>
            <Show
                when=move || total.get() != 0
                fallback=move || view! {
                    <p class="empty" data-testid="empty-result">"No incident matches these filters. "
                        <button type="button" on:click=move |_| url.set(Default::default(), false)>"Clear all filters"</button>
                    </p>
                }
            >
                <div class="table-wrap">
                    // The roles restate the table's semantics, which some browsers drop once CSS
                    // lays rows out as grids (style/main.css explains why it does).
                    <table class="event-list" data-testid="event-list" role="table">
                        <thead role="rowgroup"><tr role="row">
                            {sort_button("Date", SortKey::DateDesc, SortKey::DateAsc)}
                            <th role="columnheader">"Place"</th><th role="columnheader">"Actors"</th><th role="columnheader">"Kind"</th>
                            {sort_button("Casualties (by deaths)", SortKey::DeathsDesc, SortKey::DeathsAsc)}
                            <th role="columnheader">"Summary"</th><th role="columnheader">"Source"</th>
                        </tr></thead>
                        <tbody role="rowgroup" node_ref=body>
                            // Keyed by table row: rows that stay on the page across a change are
                            // kept, not rebuilt.
                            <For each=move || shown_rows.get() key=|row| *row children=render_row.clone() />
                        </tbody>
                    </table>
                </div>
            </Show>
            <nav class="pager" aria-label="Pages">
                <button type="button" disabled={move || page.get() == 0} on:click=move |_| url.update(|s| s.page = s.page.saturating_sub(1))>"Previous"</button>
                <span>{move || format!("Page {} of {}", page.get() + 1, pages())}</span>
                <button type="button" disabled={move || page.get() + 1 >= pages()} on:click=move |_| {
                    let next = (page.get_untracked() + 1) as u32;
                    url.update(|s| s.page = next);
                }>"Next"</button>
            </nav>
        </section>
    }
}

/// The least height of a row, in CSS pixels: one line of text and its padding.
const MIN_ROW_PX: f64 = 32.0;

/// How many rows can be on screen when `height` pixels of the list body are (a row is at least
/// `MIN_ROW_PX` tall), with a few more in case the panels above it moved since it was measured.
fn rows_above(height: f64) -> usize {
    const SPARE: usize = 3;
    if height <= 0.0 {
        return SPARE;
    }
    ((height / MIN_ROW_PX).ceil() as usize).saturating_add(SPARE)
}

/// One row: date with its precision, place, actors, kind, casualties in the report's words,
/// the summary (which opens the record) and the sources.
fn row_view(
    catalog: &Catalog,
    url: UrlState,
    selected: Memo<Option<String>>,
    row: u32,
) -> impl IntoView {
    let row = row as usize;
    let event = catalog.event(row)?;
    let (date, precision) = event_text::date(event);
    let place = event
        .places
        .first()
        .map(|p| match p.governorate {
            Some(g) if g.label() != p.name => format!("{}, {}", p.name, g.label()),
            _ => p.name.clone(),
        })
        .unwrap_or_default();
    let casualties = event
        .casualties
        .iter()
        .map(|c| {
            let words = c
                .wording
                .as_ref()
                .map(|w| format!(" — “{w}”"))
                .unwrap_or_default();
            format!("{}{words}", event_text::casualty(c))
        })
        .collect::<Vec<_>>();
    let id = event.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.with(|s| s.as_deref() == Some(id.as_str()))
    };
    Some(view! {
        <tr role="row" class:selected=is_selected data-event-id=event.id.clone()>
            <td role="cell">{date}{precision.map(|p| view! { <span class="precision">{p}</span> })}</td>
            <td role="cell">{place}</td>
            <td role="cell">{event_text::actors(catalog, row, event)}</td>
            <td role="cell">{event.kind.label()}</td>
            <td role="cell">{casualties.into_iter().map(|c| view! { <div>{c}</div> }).collect_view()}</td>
            <td role="cell" class="summary-cell">
                <button type="button" on:click=move |_| { let id = id.clone(); url.update(|s| s.selected = Some(id)); }>{event.summary.clone()}</button>
            </td>
            <td role="cell">{event_text::sources(catalog, row, event)}</td>
        </tr>
    })
}
