//! The incident list: one page of rows at a time (never thousands in the DOM), sortable by date
//! and by deaths. Activating a summary opens that event's full record.
//!
//! A filter change with the list on screen must reach the screen within a frame, so the rows
//! are put on the page as HTML text (`event_row`), and only as many as reach the bottom of the
//! screen are put there before the frame: the rest of the page follows just after it.

use std::sync::Arc;

use leptos::html::Section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::bar_chart::group_thousands;
use crate::core::aggregate::{self, SortKey};
use crate::core::catalog::Catalog;
use crate::core::i18n::{Arg, Lang};
use crate::core::query::PAGE_SIZE;
use crate::core::rows::Rows;
use crate::ui::browser;
use crate::ui::event_row::{row_html, EVENT_ID};
use crate::ui::i18n;
use crate::ui::near_screen::{use_nearness, use_paced, Nearness};
use crate::ui::record_focus;
use crate::ui::skip_link::{self, RESULTS_ID};
use crate::ui::url_state::UrlState;

#[component]
pub fn EventList(catalog: Arc<Catalog>, url: UrlState, rows: Memo<Rows>) -> impl IntoView {
    // The list works from its own copy of the rows and the state, paced by how near the
    // screen it is: while the reader is at the filters and charts, a list nobody sees yet is
    // rebuilt just after the frame, not before it.
    let list = NodeRef::<Section>::new();
    let tr = i18n::lang();
    let nearness = use_nearness(list);
    let rows = use_paced(rows, nearness);
    let state = use_paced(url.state, nearness);
    let sort = Memo::new(move |_| state.with(|s| s.sort));
    let selected = Memo::new(move |_| state.with(|s| s.selected.clone()));
    let total = Memo::new(move |_| rows.with(|rows| rows.len()));
    let pages = move || total.get().div_ceil(PAGE_SIZE).max(1);
    let page = Memo::new(move |_| (state.with(|s| s.page) as usize).min(pages() - 1));
    let page_catalog = catalog.clone();
    let page_rows = Memo::new(move |_| {
        let _measure = browser::Measure::new("list");
        let (key, first) = (sort.get(), page.get() * PAGE_SIZE);
        rows.with(|rows| aggregate::sorted_page(&page_catalog.table, rows, key, first, PAGE_SIZE))
    });
    let body = NodeRef::<leptos::html::Tbody>::new();
    // Which build of the rows is the latest, so the rest of a page that was replaced in the
    // meantime is not added after the frame.
    let generation = StoredValue::new(0_u64);
    // Where the rows began on screen and how tall they were, at the last fill. Scrolling moves
    // the rows, and resizing the window changes both.
    let geometry = StoredValue::new(RowGeometry::default());
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        geometry.update_value(|g| g.top = None);
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        geometry.set_value(RowGeometry::default());
    });
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    Effect::new(move |_| {
        let Some(body) = body.get() else {
            return;
        };
        let rows = page_rows.get();
        generation.update_value(|g| *g += 1);
        let latest = generation.get_value();
        let catalog = catalog.clone();
        let html = move |rows: &[u32], selected: Option<&str>| -> String {
            rows.iter()
                .filter_map(|row| row_html(tr, &catalog, *row, selected))
                .collect()
        };
        let current = selected.get_untracked();
        if nearness.get_untracked() != Nearness::OnScreen {
            body.set_inner_html(&html(&rows, current.as_deref()));
            return;
        }
        body.set_text_content(None);
        let mut seen = geometry.get_value();
        let built = fill_screen(
            &body,
            &rows,
            |rows| html(rows, current.as_deref()),
            &mut seen,
        );
        geometry.set_value(seen);
        if built < rows.len() {
            browser::after_next_paint(move || {
                // The list may have been dropped (a change of tab) or rebuilt since.
                if generation.try_get_value() == Some(latest) {
                    let selected = selected.try_get_untracked().flatten();
                    let rest = html(&rows[built..], selected.as_deref());
                    let _ = body.insert_adjacent_html("beforeend", &rest);
                }
            });
        }
    });
    // A new selection marks its row without rebuilding the list.
    Effect::new(move |_| {
        let selected = selected.get();
        let Some(body) = body.get_untracked() else {
            return;
        };
        let rows = body.children();
        for row in (0..rows.length()).filter_map(|index| rows.item(index)) {
            let id = row.get_attribute(EVENT_ID);
            if id.is_some() && id == selected {
                let _ = row.set_attribute("aria-current", "true");
            } else {
                let _ = row.remove_attribute("aria-current");
            }
        }
    });
    // One listener for the summaries of every row: they are HTML text, not components.
    let open_event = move |ev: leptos::ev::MouseEvent| {
        let button = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| {
                element
                    .closest(&format!("button[{EVENT_ID}]"))
                    .ok()
                    .flatten()
            });
        if let Some(id) = button.and_then(|button| button.get_attribute(EVENT_ID)) {
            url.update(|s| s.selected = Some(id));
        }
    };
    // A pager button pressed on the way to the first or last page is disabled by it, and
    // focus would fall to the page: it goes to the other button.
    let pager = NodeRef::<leptos::html::Nav>::new();
    let keep_focus = move || {
        browser::after_next_paint(move || {
            if record_focus::active_element().is_some() {
                return;
            }
            let other = pager
                .try_get_untracked()
                .flatten()
                .and_then(|nav| nav.query_selector("button:not([disabled])").ok().flatten())
                .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(other) = other {
                let _ = other.focus();
            }
        });
    };
    let sort_button = move |label: String, descending: SortKey, ascending: SortKey| {
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
            // The skip link's target, and where focus goes back when a record closes.
            <h2 id=RESULTS_ID tabindex="-1">{tr.text("list-title")}
                <span class="tools">{move || {
                    let total = total.get();
                    let first = page.get() * PAGE_SIZE;
                    if total == 0 { String::new() } else {
                        let [first, last, total] = [first + 1, (first + PAGE_SIZE).min(total), total]
                            .map(|n| group_thousands(n as i64));
                        tr.format("list-range", &[
                            ("first", Arg::Text(&first)), ("last", Arg::Text(&last)), ("total", Arg::Text(&total)),
                        ])
                    }
                }}</span>
            </h2>
            <Show
                when=move || total.get() != 0
                fallback=move || view! {
                    <p class="empty" data-testid="empty-result">{tr.text("list-empty")}" "
                        // The button goes with the empty result: focus goes to the list first.
                        <button type="button" on:click=move |_| {
                            skip_link::focus_results();
                            url.update(|state| *state = state.cleared());
                        }>{tr.text("clear-all-filters")}</button>
                    </p>
                }
            >
                <div class="table-wrap">
                    // The roles restate the table's semantics, which some browsers drop once CSS
                    // lays rows out as grids (style/main.css explains why it does).
                    // The labels a narrow screen shows before each cell (style/main.css).
                    <table class="event-list" data-testid="event-list" role="table" style=cell_labels(tr)>
                        <thead role="rowgroup"><tr role="row">
                            {sort_button(tr.text("col-date"), SortKey::DateDesc, SortKey::DateAsc)}
                            <th role="columnheader">{tr.text("col-place")}</th><th role="columnheader">{tr.text("col-actors")}</th><th role="columnheader">{tr.text("col-kind")}</th>
                            {sort_button(tr.text("col-casualties"), SortKey::DeathsDesc, SortKey::DeathsAsc)}
                            <th role="columnheader">{tr.text("col-summary")}</th><th role="columnheader">{tr.text("col-source")}</th>
                        </tr></thead>
                        <tbody role="rowgroup" node_ref=body on:click=open_event></tbody>
                    </table>
                </div>
            </Show>
            <nav class="pager" aria-label=tr.text("pages-label") node_ref=pager>
                <button type="button" disabled={move || page.get() == 0} on:click=move |_| {
                    url.update(|s| s.page = s.page.saturating_sub(1));
                    keep_focus();
                }>{tr.text("page-previous")}</button>
                <span>{move || tr.format("page-of", &[
                    ("page", Arg::Text(&(page.get() + 1).to_string())),
                    ("pages", Arg::Text(&pages().to_string())),
                ])}</span>
                <button type="button" disabled={move || page.get() + 1 >= pages()} on:click=move |_| {
                    let next = (page.get_untracked() + 1) as u32;
                    url.update(|s| s.page = next);
                    keep_focus();
                }>{tr.text("page-next")}</button>
            </nav>
        </section>
    }
}

/// The narrow layout's cell labels in `tr`, as CSS custom properties of the table
/// (`--label-1` is the first column's): the rows are written as HTML text, and one property
/// on the table costs nothing per row. `--label-sort` is the words before the sort buttons.
fn cell_labels(tr: Lang) -> String {
    let keys = [
        "col-date",
        "col-place",
        "col-actors",
        "col-kind",
        "filter-casualties",
        "col-summary",
        "col-source",
    ];
    let sort = tr.text("list-sort-label").replace(['"', '\\'], "");
    keys.iter()
        .enumerate()
        .map(|(at, key)| {
            let label = tr.text(key).replace(['"', '\\'], "");
            format!("--label-{}:\"{label}: \";", at + 1)
        })
        .chain(std::iter::once(format!("--label-sort:\"{sort}\";")))
        .collect()
}

/// Where the list's rows begin on screen (`None` once the page has scrolled) and their mean
/// height, in CSS pixels, as last measured.
#[derive(Debug, Clone, Copy, Default)]
struct RowGeometry {
    top: Option<f64>,
    row_px: Option<f64>,
}

/// Puts rows on the page until the last one reaches the bottom of the screen, and says how many
/// it put there. It guesses how many will do from the rows of the last change and puts them in
/// at once, then measures: each measure lays out the page, which the frame would do anyway,
/// but each costs a pass over it, so the fewer the better. When the guess falls short it guesses
/// again from the rows now in.
fn fill_screen(
    body: &web_sys::HtmlElement,
    rows: &[u32],
    html: impl Fn(&[u32]) -> String,
    seen: &mut RowGeometry,
) -> usize {
    // With no screen to measure, the whole page.
    let height = browser::viewport_height().unwrap_or(f64::INFINITY);
    let mut top = match seen.top {
        Some(top) => top,
        None => body.get_bounding_client_rect().top(),
    };
    let mut built = 0;
    let mut bottom = top;
    while built < rows.len() {
        let more = seen
            .row_px
            .map_or(1, |px| rows_to_reach(height - bottom, px));
        let end = built.saturating_add(more).min(rows.len());
        if body
            .insert_adjacent_html("beforeend", &html(&rows[built..end]))
            .is_err()
        {
            break;
        }
        built = end;
        let Some(last) = body.last_element_child() else {
            break;
        };
        bottom = last.get_bounding_client_rect().bottom();
        // The page is laid out now, so this costs nothing.
        top = body.get_bounding_client_rect().top();
        seen.top = Some(top);
        seen.row_px = Some((bottom - top) / built as f64);
        if bottom >= height {
            break;
        }
    }
    built
}

/// How many rows of `row_px` pixels fill `space` pixels: at least one.
fn rows_to_reach(space: f64, row_px: f64) -> usize {
    if !(space > 0.0 && row_px > 0.0) {
        return 1;
    }
    ((space / row_px).ceil() as usize).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fill_the_space_left_with_part_of_a_row_counting_as_one() {
        assert_eq!(rows_to_reach(470.0, 160.0), 3);
        assert_eq!(rows_to_reach(480.0, 160.0), 3);
        assert_eq!(rows_to_reach(481.0, 160.0), 4);
        // Nothing left to fill, or nothing measured: one row, then measure again.
        assert_eq!(rows_to_reach(-20.0, 160.0), 1);
        assert_eq!(rows_to_reach(500.0, 0.0), 1);
        assert_eq!(rows_to_reach(f64::NAN, 160.0), 1);
        assert_eq!(rows_to_reach(f64::INFINITY, 160.0), usize::MAX);
    }
}
