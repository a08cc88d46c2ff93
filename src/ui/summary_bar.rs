//! The bar above the explorer: how many events are visible out of how many, the deaths they
//! carry (best estimate with the low–high range), and the actions on the whole view: copy its
//! link, export it, clear all filters.
//!
//! The bar sticks to the top of a wide screen: its height is written to the page's root
//! (`--summary-bar-height`), which the stylesheet keeps free above a focused element
//! (`scroll-padding-top`), so Tab and Shift+Tab never put focus under the bar.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::aggregate::Totals;
use crate::core::catalog::Catalog;
use crate::core::date_window::BeyondWindow;
use crate::core::filter::DateMatch;
use crate::core::i18n::Arg;
use crate::core::rows::Rows;
use crate::core::summary_line;
use crate::ui::browser;
use crate::ui::export_file::{self, ExportFormat};
use crate::ui::i18n;
use crate::ui::skip_link;
use crate::ui::url_state::UrlState;

#[component]
pub fn SummaryBar(
    catalog: Arc<Catalog>,
    url: UrlState,
    rows: Memo<Rows>,
    totals: Memo<Totals>,
    beyond: Memo<Option<BeyondWindow>>,
    /// While only events dated within the dates count, what that leaves out
    /// ([`crate::core::date_window::left_out_within`]); `None` otherwise.
    left_out: Memo<Option<BeyondWindow>>,
) -> impl IntoView {
    let total_events = catalog.table.len();
    // Whether only events dated within the dates count: the note then stands, its words
    // following what that leaves out.
    let counting_within = Memo::new(move |_| left_out.with(Option::is_some));
    let tr = i18n::lang();
    let copied = RwSignal::new(false);
    let export_catalog = catalog.clone();
    // The export being written, and the share of it written (0 to 100).
    let exporting = RwSignal::new(None::<(ExportFormat, u32)>);
    let export = move |format: ExportFormat| {
        if exporting.get_untracked().is_some() {
            return;
        }
        let catalog = export_catalog.clone();
        // The rows of the view when the button was pressed, whatever the reader does next.
        let rows = rows.get_untracked();
        let view_link = browser::current_href();
        let files = url.files();
        exporting.set(Some((format, 0)));
        leptos::task::spawn_local(async move {
            let progress = |percent| {
                exporting.try_set(Some((format, percent)));
            };
            let written = export_file::write_export(
                &catalog, &rows, format, &view_link, &files, tr, progress,
            )
            .await;
            exporting.try_set(None);
            if let Err(error) = written {
                leptos::logging::warn!("export failed: {error}");
            }
        });
    };
    let export_label = move |format: ExportFormat, key: &'static str| match exporting.get() {
        Some((now, percent)) if now == format => {
            tr.format("exporting", &[("percent", Arg::Text(&percent.to_string()))])
        }
        _ => tr.text(key),
    };
    let export_json = export.clone();
    let bar = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        // Measured after the frame: the bar may be gone by then (a language switch).
        if let Some(bar) = bar.try_get_untracked().flatten() {
            let height = bar.offset_height();
            browser::set_root_property("--summary-bar-height", &format!("{height}px"));
        }
    };
    // Its height changes with its text (the totals, the language) and the window's width.
    Effect::new(move |_| {
        // Read, not only tracked: reading is what runs a memo.
        totals.with(|_| ());
        browser::after_next_paint(measure);
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || on_resize.remove());
    let collections = catalog
        .datasets
        .iter()
        .map(|d| d.collection.name.clone())
        .collect::<Vec<_>>();
    let shown = move || {
        let chosen = url.state.with(|s| s.collections.clone());
        if chosen.is_empty() {
            collections.join(" + ")
        } else {
            catalog
                .datasets
                .iter()
                .filter(|d| chosen.contains(&d.collection.id))
                .map(|d| d.collection.name.clone())
                .collect::<Vec<_>>()
                .join(" + ")
        }
    };
    view! {
        <div class="summary-bar" role="region" aria-label=tr.text("summary-label") node_ref=bar>
            <span class="count" data-testid="visible-count">
                <strong data-testid="event-visible">{move || group_thousands(i64::from(totals.with(|t| t.events)))}</strong>
                " " {tr.text("summary-of")} " "
                <span data-testid="event-total">{group_thousands(total_events as i64)}</span>
                " " {tr.count("summary-events", total_events as u64)}
                // Listed, but never counted as incidents, deaths or attacks (see the README).
                {move || totals.with(|t| (t.milestones > 0).then(|| view! {
                    <span class="milestones-note" data-testid="milestones-note">" "{
                        tr.count("summary-milestones", u64::from(t.milestones))
                    }</span>
                }))}
            </span>
            <span data-testid="deaths">{move || totals.with(|t| summary_line::deaths_line(tr, t))}</span>
            // Deaths given only as "at least": the range's top is no upper limit, said so.
            {move || totals.with(|t| summary_line::at_least_note(tr, t)).map(|text| view! {
                <span class="unstated-note" data-testid="at-least">" "{text}</span>
            })}
            // A source's best estimate outside its own range: why the sums may look so.
            {move || totals.with(|t| summary_line::outside_range_note(tr, t)).map(|text| view! {
                <span class="unstated-note" data-testid="best-outside">" "{text}</span>
            })}
            // Events that add 0 for lack of a number: the sums are lower bounds, said so.
            {move || totals.with(|t| summary_line::unstated_note(tr, t)).map(|text| view! {
                <span class="unstated-note" data-testid="unstated">" "{text}</span>
            })}
            // Events the date window counts whole though their dates reach beyond it, and the
            // other way of matching dates, offered where the figure is read.
            {move || beyond.with(|b| b.and_then(|b| summary_line::beyond_window_note(tr, &b))).map(|text| view! {
                <span class="unstated-note" data-testid="beyond-window">" "{text}" "
                    <button type="button" data-testid="count-within"
                        on:click=move |_| {
                            url.update(|s| { s.date_match = DateMatch::Within; s.page = 0; });
                            browser::focus_after_paint("[data-testid=count-overlapping]");
                        }
                    >{tr.text("count-within-only")}</button>
                </span>
            })}
            {move || counting_within.get().then(|| view! {
                    <span class="unstated-note" data-testid="within-only">" "{move || left_out.with(|l| l.as_ref().map(|l| summary_line::within_only_note(tr, l)))}" "
                        <button type="button" data-testid="count-overlapping"
                            on:click=move |_| {
                                url.update(|s| { s.date_match = DateMatch::Overlap; s.page = 0; });
                                // No note when no event reaches beyond the window: the choice
                                // under the dates, else the results, takes focus.
                                browser::focus_after_paint("[data-testid=count-within], [data-testid=date-match]");
                                skip_link::refocus_if_lost();
                            }
                        >{tr.text("count-overlapping")}</button>
                    </span>
                })}
            // Collection names come from the data: isolated.
            <bdi class="collections">{shown}</bdi>
            <span class="actions">
                <button type="button" on:click=move |_| {
                    if browser::copy_text(&browser::current_href()).is_some() {
                        copied.set(true);
                        set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
                    }
                }>{move || if copied.get() { tr.text("link-copied") } else { tr.text("copy-link") }}</button>
                <button type="button" disabled=move || exporting.get().is_some()
                    on:click=move |_| export(ExportFormat::Csv)>{move || export_label(ExportFormat::Csv, "export-csv")}</button>
                <button type="button" disabled=move || exporting.get().is_some()
                    on:click=move |_| export_json(ExportFormat::Json)>{move || export_label(ExportFormat::Json, "export-json")}</button>
                <button type="button" on:click=move |_| url.update(|state| *state = state.cleared())>{tr.text("clear-all")}</button>
            </span>
        </div>
    }
}
