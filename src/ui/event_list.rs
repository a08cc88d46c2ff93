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
    // The shortest row laid out on screen so far: rows are several lines tall, so counting
    // them at one line each would build three times the rows that fit.
    let shortest = StoredValue::new(None::<f64>);
    let measure_seen = move || {
        // Also runs after the frame, when the list may have been dropped (a change of tab).
        let body = body.try_get_untracked().flatten();
        let (Some(body), Some(height)) = (body, browser::viewport_height()) else {
            return;
        };
        if let Some(row) = shortest_row_on_screen(&body, height) {
            shortest.set_value(Some(shortest.get_value().map_or(row, |px| px.min(row))));
        }
        let row_px = shortest.get_value().unwrap_or(MIN_ROW_PX);
        seen.set_value(rows_above(
            height - body.get_bounding_client_rect().top(),
            row_px,
        ));
    };
    // Not while the list is far from the screen: it is read only on screen, and the list
    // cannot get there without coming near, which measures again (the observer says so after
    // the scroll that brought it).
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if nearness.get_untracked() != Nearness::Far {
            measure_seen();
        }
    });
    on_cleanup(move || on_scroll.remove());
    Effect::new(move |_| {
        if nearness.get() != Nearness::Far {
            measure_seen();
        }
    });
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

/// The least height of a row, in CSS pixels, before any row was measured: one line of text and
/// its padding.
const MIN_ROW_PX: f64 = 32.0;

/// How many rows can be on screen when `height` pixels of the list body are and no row is
/// shorter than `row_px`, with one more in case a shorter row comes along. The panels above
/// the list keep their height through filter changes (the bar charts reserve their rows), so
/// the list does not move up between measures.
fn rows_above(height: f64, row_px: f64) -> usize {
    const SPARE: usize = 1;
    if height <= 0.0 || row_px <= 0.0 {
        return SPARE;
    }
    ((height / row_px).ceil() as usize).saturating_add(SPARE)
}

/// The height of the shortest row wholly on a screen `height` pixels tall. Only those: rows
/// off screen are not laid out (`content-visibility`) and report a placeholder height.
fn shortest_row_on_screen(body: &web_sys::HtmlElement, height: f64) -> Option<f64> {
    let rows = body.children();
    (0..rows.length())
        .filter_map(|index| rows.item(index))
        .map(|row| row.get_bounding_client_rect())
        .skip_while(|rect| rect.top() < 0.0)
        .take_while(|rect| rect.bottom() <= height)
        .map(|rect| rect.height())
        .filter(|px| *px > 0.0)
        .reduce(f64::min)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_that_fit_are_counted_by_the_shortest_row_plus_a_spare() {
        assert_eq!(rows_above(1000.0, 100.0), 11);
        assert_eq!(rows_above(1000.0, MIN_ROW_PX), 33);
        // Part of a row on screen is a row to build.
        assert_eq!(rows_above(150.0, 100.0), 3);
        // The list below the screen, or a row of no height: only the spare.
        assert_eq!(rows_above(-20.0, 100.0), 1);
        assert_eq!(rows_above(500.0, 0.0), 1);
    }
}
