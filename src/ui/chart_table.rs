//! A chart's numbers as an HTML table, and the controls every chart has beside its title:
//! "SVG" downloads the picture, "Table" shows the chart as its table instead (a toggle kept in
//! the link, `table=`), and "CSV" downloads that table. The rows come from the core
//! (`core::chart_table`), computed from the values the chart is drawn from; this only renders
//! them. Names in the cells are text nodes (escaped) isolated in `<bdi>`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::chart_table::{ChartPanel, ChartTable};
use crate::core::export;
use crate::core::i18n::{format_value, Arg, Lang};
use crate::core::query::{toggle, ViewState};
use crate::core::rows::Rows;
use crate::ui::browser;
use crate::ui::i18n;
use crate::ui::url_state::UrlState;

/// Whether `state` shows `panel` as a table.
pub fn table_shown(state: ReadSignal<ViewState>, panel: ChartPanel) -> Memo<bool> {
    Memo::new(move |_| state.with(|s| s.tables.contains(&panel)))
}

/// The accessible name of `panel`'s SVG download: "Download the chart by actor as SVG".
pub fn download_label(lang: Lang, panel: ChartPanel) -> String {
    lang.format(
        "download-svg-label",
        &[("chart", Arg::Text(&panel.subject(lang)))],
    )
}

/// The "Table" toggle and the "CSV" download of `panel`'s table.
#[component]
pub fn TableTools(
    catalog: Arc<Catalog>,
    url: UrlState,
    panel: ChartPanel,
    /// The chart's table, read only when the CSV is asked for.
    #[prop(into)]
    table: Signal<ChartTable>,
    /// The rows the chart is made from, whose collections the CSV credits.
    #[prop(into)]
    rows: Signal<Rows>,
) -> impl IntoView {
    let tr = i18n::lang();
    let shown = table_shown(url.state, panel);
    let subject = panel.subject(tr);
    let chart = [("chart", Arg::Text(&subject))];
    let download = move |_| {
        // The collections the chart's rows come from, when the CSV is asked for.
        let attribution = rows.with_untracked(|rows| {
            export::attributions_of_rows(&catalog.table, &catalog.datasets, rows)
        });
        let mut notes = Vec::with_capacity(attribution.len() + 3);
        table.with_untracked(|t| notes.push(t.caption.clone()));
        notes.push(tr.text("table-csv-columns"));
        notes.push(tr.format(
            "table-csv-view",
            &[("link", Arg::Text(&browser::current_href()))],
        ));
        notes.extend(attribution);
        let written = table.with_untracked(|t| t.to_csv(&notes)).and_then(|csv| {
            browser::download(
                &format!("{}.csv", panel.file_stem()),
                "text/csv;charset=utf-8",
                &csv,
            )
        });
        if let Err(error) = written {
            leptos::logging::warn!("table export failed: {error}");
        }
    };
    view! {
        <button type="button" class="table-toggle" data-testid="table-toggle"
            aria-pressed=move || if shown.get() { "true" } else { "false" }
            aria-label=tr.format("table-toggle-label", &chart)
            on:click=move |_| url.update(|s| toggle(&mut s.tables, panel))
        >{tr.text("table-toggle")}</button>
        <button type="button" data-testid="table-csv"
            aria-label=tr.format("table-csv-label", &chart)
            on:click=download
        >{tr.text("table-csv")}</button>
    }
}

/// `table` as an HTML table, in a box that scrolls when it is long or wide (focusable, so the
/// keyboard scrolls it too).
#[component]
pub fn ChartTableView(#[prop(into)] table: Signal<ChartTable>) -> impl IntoView {
    let tr = i18n::lang();
    let caption = move || table.with(|t| t.caption.clone());
    let head = move || {
        table.with(|t| {
            let numbers = t
                .numbers
                .iter()
                .map(|c| view! { <th scope="col" class="n">{c.heading.clone()}</th> })
                .collect_view();
            view! {
                <th scope="col">{t.label.heading.clone()}</th>
                {numbers}
                {t.selected.clone().map(|heading| view! { <th scope="col">{heading}</th> })}
            }
        })
    };
    let selected_text = tr.text("table-selected");
    let body = move || {
        table.with(|t| {
            let has_selected = t.selected.is_some();
            t.rows
                .iter()
                .map(|row| {
                    let numbers = row
                        .numbers
                        .iter()
                        .map(|&n| view! { <td class="n">{format_value(n)}</td> })
                        .collect_view();
                    let selected = has_selected.then(|| {
                        let text = if row.selected {
                            selected_text.clone()
                        } else {
                            String::new()
                        };
                        view! { <td class="selected-cell">{text}</td> }
                    });
                    view! {
                        <tr class:selected=row.selected>
                            <th scope="row"><bdi>{row.label.clone()}</bdi></th>
                            {numbers}
                            {selected}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="chart-table-scroll" tabindex="0" role="region" aria-label=caption>
            <table class=move || table.with(|t| format!("chart-table by-{}", t.label.name)) data-testid="chart-table">
                <caption>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
