//! The incident list: one page of rows at a time (never thousands in the DOM), sortable by date
//! and by deaths. Activating a summary opens that event's full record.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::aggregate::{self, SortKey};
use crate::core::catalog::Catalog;
use crate::ui::browser;
use crate::ui::event_text;
use crate::ui::url_state::UrlState;

pub const PAGE_SIZE: usize = 50;

#[component]
pub fn EventList(catalog: Arc<Catalog>, url: UrlState, rows: Memo<Vec<u32>>) -> impl IntoView {
    let state = url.state;
    let sort_catalog = catalog.clone();
    let sorted = Memo::new(move |_| {
        let key = state.with(|s| s.sort);
        let mut rows = rows.get();
        aggregate::sort_rows(&sort_catalog.table, &mut rows, key);
        rows
    });
    let pages = move || sorted.with(|rows| rows.len().div_ceil(PAGE_SIZE).max(1));
    let page = move || (state.with(|s| s.page) as usize).min(pages() - 1);
    let sort_button = move |label: &'static str, descending: SortKey, ascending: SortKey| {
        let aria = move || {
            state.with(|s| {
                if s.sort == descending {
                    "descending"
                } else if s.sort == ascending {
                    "ascending"
                } else {
                    "none"
                }
            })
        };
        view! {
            <th aria-sort=aria>
                <button type="button" on:click=move |_| url.update(|s| {
                    s.sort = if s.sort == descending { ascending } else { descending };
                    s.page = 0;
                })>
                    {label}
                    {move || state.with(|s| if s.sort == descending { " ↓" } else if s.sort == ascending { " ↑" } else { "" })}
                </button>
            </th>
        }
    };
    view! {
        <section class="panel">
            <h2>"Incidents"
                <span class="tools">{move || {
                    let total = sorted.with(Vec::len);
                    let first = page() * PAGE_SIZE;
                    if total == 0 { String::new() } else {
                        format!("{}–{} of {}", group_thousands((first + 1) as i64), group_thousands((first + PAGE_SIZE).min(total) as i64), group_thousands(total as i64))
                    }
                }}</span>
            </h2>
            {move || {
                let _measure = browser::Measure::new("list");
                let catalog = catalog.clone();
                if sorted.with(Vec::is_empty) {
                    return view! {
                        <p class="empty" data-testid="empty-result">"No incident matches these filters. "
                            <button type="button" on:click=move |_| url.set(Default::default(), false)>"Clear all filters"</button>
                        </p>
                    }.into_any();
                }
                let first = page() * PAGE_SIZE;
                let selected = state.with(|s| s.selected.clone());
                let rows_view = sorted.with(|rows| rows.iter().skip(first).take(PAGE_SIZE).filter_map(|&row| {
                    let row = row as usize;
                    let event = catalog.event(row)?;
                    let (date, precision) = event_text::date(event);
                    let place = event.places.first().map(|p| match p.governorate {
                        Some(g) if g.label() != p.name => format!("{}, {}", p.name, g.label()),
                        _ => p.name.clone(),
                    }).unwrap_or_default();
                    let casualties = event.casualties.iter().map(|c| {
                        let words = c.wording.as_ref().map(|w| format!(" — “{w}”")).unwrap_or_default();
                        format!("{}{words}", event_text::casualty(c))
                    }).collect::<Vec<_>>();
                    let id = event.id.clone();
                    let is_selected = selected.as_deref() == Some(event.id.as_str());
                    Some(view! {
                        <tr class:selected=is_selected data-event-id=event.id.clone()>
                            <td data-label="Date">{date}{precision.map(|p| view! { <span class="precision">{p}</span> })}</td>
                            <td data-label="Place">{place}</td>
                            <td data-label="Actors">{event_text::actors(&catalog, row, event)}</td>
                            <td data-label="Kind">{event.kind.label()}</td>
                            <td data-label="Casualties">{casualties.into_iter().map(|c| view! { <div>{c}</div> }).collect_view()}</td>
                            <td data-label="Summary" class="summary-cell">
                                <button type="button" on:click=move |_| { let id = id.clone(); url.update(|s| s.selected = Some(id)); }>{event.summary.clone()}</button>
                            </td>
                            <td data-label="Source">{event_text::sources(&catalog, row, event)}</td>
                        </tr>
                    })
                }).collect_view());
                view! {
                    <div class="table-wrap">
                        <table class="event-list" data-testid="event-list">
                            <thead><tr>
                                {sort_button("Date", SortKey::DateDesc, SortKey::DateAsc)}
                                <th>"Place"</th><th>"Actors"</th><th>"Kind"</th>
                                {sort_button("Casualties (by deaths)", SortKey::DeathsDesc, SortKey::DeathsAsc)}
                                <th>"Summary"</th><th>"Source"</th>
                            </tr></thead>
                            <tbody>{rows_view}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <nav class="pager" aria-label="Pages">
                <button type="button" disabled={move || page() == 0} on:click=move |_| url.update(|s| s.page = s.page.saturating_sub(1))>"Previous"</button>
                <span>{move || format!("Page {} of {}", page() + 1, pages())}</span>
                <button type="button" disabled={move || page() + 1 >= pages()} on:click=move |_| {
                    let next = (page() + 1) as u32;
                    url.update(|s| s.page = next);
                }>"Next"</button>
            </nav>
        </section>
    }
}
