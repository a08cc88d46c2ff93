//! The incident list: one page of rows at a time (never thousands in the DOM), sortable by date
//! and by deaths. Activating a summary opens that event's full record.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::aggregate::{self, SortKey};
use crate::core::catalog::Catalog;
use crate::ui::browser;
use crate::ui::event_text;
use crate::ui::near_screen::use_near_screen;
use crate::ui::url_state::UrlState;

pub const PAGE_SIZE: usize = 50;

#[component]
pub fn EventList(catalog: Arc<Catalog>, url: UrlState, rows: Memo<Vec<u32>>) -> impl IntoView {
    let state = url.state;
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
    // Rows are built at once while the list is on screen or near it. When it is far below (the
    // reader is at the filters and charts), a change first empties the page and fills it just
    // after the frame is painted, so the update of what can be seen is not held up by rows
    // nobody sees yet.
    let list_top = NodeRef::<leptos::html::Div>::new();
    let near = use_near_screen(list_top);
    let filled = RwSignal::new(None::<Vec<u32>>);
    let shown_rows = Memo::new(move |_| {
        page_rows.with(|rows| {
            let complete = filled.with(|f| f.as_ref() == Some(rows));
            if complete || near.get_untracked() {
                rows.clone()
            } else {
                Vec::new()
            }
        })
    });
    Effect::new(move |_| {
        let rows = page_rows.get();
        browser::after_next_paint(move || filled.set(Some(rows)));
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
        <section class="panel event-list-panel">
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
                <div class="table-wrap" node_ref=list_top>
                    // The roles restate the table's semantics, which some browsers drop once CSS
                    // lays rows out as grids (style/main.css explains why it does).
                    <table class="event-list" data-testid="event-list" role="table">
                        <thead role="rowgroup"><tr role="row">
                            {sort_button("Date", SortKey::DateDesc, SortKey::DateAsc)}
                            <th role="columnheader">"Place"</th><th role="columnheader">"Actors"</th><th role="columnheader">"Kind"</th>
                            {sort_button("Casualties (by deaths)", SortKey::DeathsDesc, SortKey::DeathsAsc)}
                            <th role="columnheader">"Summary"</th><th role="columnheader">"Source"</th>
                        </tr></thead>
                        <tbody role="rowgroup">
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
            <td role="cell" data-label="Date">{date}{precision.map(|p| view! { <span class="precision">{p}</span> })}</td>
            <td role="cell" data-label="Place">{place}</td>
            <td role="cell" data-label="Actors">{event_text::actors(catalog, row, event)}</td>
            <td role="cell" data-label="Kind">{event.kind.label()}</td>
            <td role="cell" data-label="Casualties">{casualties.into_iter().map(|c| view! { <div>{c}</div> }).collect_view()}</td>
            <td role="cell" data-label="Summary" class="summary-cell">
                <button type="button" on:click=move |_| { let id = id.clone(); url.update(|s| s.selected = Some(id)); }>{event.summary.clone()}</button>
            </td>
            <td role="cell" data-label="Source">{event_text::sources(catalog, row, event)}</td>
        </tr>
    })
}
