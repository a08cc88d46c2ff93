//! Bar charts by actor, event kind and governorate, and the casualty composition. Clicking (or
//! pressing Enter on) a bar toggles that filter; the hover title gives the exact value. Each
//! panel also shows as a table ("Table") of the same numbers, which downloads as CSV.

use std::sync::Arc;

use leptos::html::{Div, Section};
use leptos::prelude::*;

use crate::charts::bar_chart::{format_value, Bar, BarChart};
use crate::core::catalog::Catalog;
pub use crate::core::chart_table::Breakdown;
use crate::core::chart_table::{
    bar_count_of_all, bar_rows_in, composition_rows, BarRow, ChartPanel, ChartTable,
};
use crate::core::i18n::Arg;
use crate::core::query::toggle;
use crate::core::rows::Rows;
use crate::core::vocab::{Actor, EventKind, Governorate};
use crate::ui::box_width::use_box_width;
use crate::ui::browser::Measure;
use crate::ui::chart_table::{download_label, table_shown, ChartTableView, TableTools};
use crate::ui::chart_view::{chart_download, ChartView, Target};
use crate::ui::explorer::use_baseline;
use crate::ui::i18n;
use crate::ui::near_screen::{use_nearness, use_paced};
use crate::ui::url_state::UrlState;

/// The width a bar chart is laid out at: its box's, in CSS pixels, once the box is on the page.
fn layout_width(measured: Option<u32>) -> u32 {
    match measured {
        None | Some(0) => 480,
        Some(width) => width,
    }
}

/// The bars of a chart, as the chart draws them.
fn bars_of(rows: &[BarRow]) -> Vec<Bar> {
    rows.iter()
        .map(|row| Bar {
            label: row.label.clone(),
            value: row.value,
            selected: row.selected,
        })
        .collect()
}

#[component]
pub fn BarPanel(
    catalog: Arc<Catalog>,
    url: UrlState,
    rows: Memo<Rows>,
    breakdown: Breakdown,
) -> impl IntoView {
    // The panel works from its own copy of the rows and the state, paced by how near the
    // screen it is: below the screen, it catches up just after the frame.
    let panel = NodeRef::<Section>::new();
    let nearness = use_nearness(panel);
    let rows = use_paced(rows, nearness);
    let state = use_paced(url.state, nearness);
    let tr = i18n::lang();
    let chart_panel = ChartPanel::Bars(breakdown);
    let area = NodeRef::<Div>::new();
    let width = use_box_width(area);
    // As many rows as the chart has bars with no filter: filters only take bars away.
    let baseline = use_baseline();
    let reserved = bar_count_of_all(&baseline, &catalog.table, breakdown);
    let table_catalog = catalog.clone();
    let data = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        let table = &table_catalog.table;
        state.with(|s| {
            rows.with(|rows| bar_rows_in(&baseline, tr, table, rows, metric, breakdown, s))
        })
    });
    let on_pick = Callback::new(move |index: usize| {
        let Some(id) = data.with_untracked(|bars| bars.get(index).map(|b| b.id.clone())) else {
            return;
        };
        url.update(|s| {
            match breakdown {
                Breakdown::Actor => {
                    if let Some(a) = Actor::from_id(&id) {
                        toggle(&mut s.actors, a)
                    }
                }
                Breakdown::Kind => {
                    if let Some(k) = EventKind::from_id(&id) {
                        toggle(&mut s.kinds, k)
                    }
                }
                Breakdown::Governorate => {
                    if let Some(g) = Governorate::from_id(&id) {
                        toggle(&mut s.governorates, g)
                    }
                }
            }
            s.page = 0;
        });
    });
    let chart = Memo::new(move |_| {
        let _measure = Measure::new("bars");
        let width = layout_width(width.get());
        data.with(|bars| BarChart::reserving(bars_of(bars), width, reserved))
    });
    let table = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        data.with(|bars| ChartTable::bars(tr, breakdown, metric, bars))
    });
    let shown = table_shown(state, chart_panel);
    let targets = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        data.with(|bars| {
            bars.iter()
                .map(|bar| Target {
                    label: tr.format(
                        "chart-value",
                        &[
                            ("label", Arg::Text(&bar.label)),
                            ("value", Arg::Text(&format_value(bar.value))),
                            ("metric", Arg::Text(&tr.label("metric", metric.id()))),
                        ],
                    ),
                    pressed: bar.selected,
                })
                .collect::<Vec<_>>()
        })
    });
    let file = format!("{}.svg", chart_panel.file_stem());
    let svg_file = file.clone();
    view! {
        <section class="panel" data-chart=file node_ref=panel>
            <h2>
                {breakdown.title(tr)}
                <span class="tools">
                    <button type="button" aria-label=download_label(tr, chart_panel)
                        on:click=move |_| chart.with_untracked(|c| chart_download(&svg_file, &c.compact()))
                    >{tr.text("download-svg")}</button>
                    <TableTools catalog=catalog url=url panel=chart_panel table=table rows=rows />
                </span>
            </h2>
            <div class="chart-area" node_ref=area>
                <Show
                    when=move || data.with(|bars| !bars.is_empty())
                    fallback=move || view! { <p class="empty">{tr.text("bars-empty")}</p> }
                >
                    <Show
                        when=move || shown.get()
                        fallback=move || view! { <ChartView chart=chart nearness=nearness targets=targets title=breakdown.title(tr) on_pick=on_pick /> }
                    >
                        <ChartTableView table=table />
                    </Show>
                </Show>
            </div>
        </section>
    }
}

/// Who was killed: children, women, other civilians, combatants, unknown status. Its bars
/// filter nothing, so they are not buttons: the values are drawn beside them and listed in
/// its table.
#[component]
pub fn CompositionPanel(catalog: Arc<Catalog>, url: UrlState, rows: Memo<Rows>) -> impl IntoView {
    let panel = NodeRef::<Section>::new();
    let nearness = use_nearness(panel);
    let rows = use_paced(rows, nearness);
    let state = use_paced(url.state, nearness);
    let tr = i18n::lang();
    let area = NodeRef::<Div>::new();
    let width = use_box_width(area);
    let table_catalog = catalog.clone();
    let baseline = use_baseline();
    let composition =
        Memo::new(move |_| rows.with(|rows| baseline.composition(&table_catalog.table, rows)));
    let bars = Memo::new(move |_| composition.with(|c| composition_rows(tr, c)));
    let chart = Memo::new(move |_| {
        let width = layout_width(width.get());
        bars.with(|bars| BarChart::new(bars_of(bars), width))
    });
    let table = Memo::new(move |_| bars.with(|bars| ChartTable::composition(tr, bars)));
    let shown = table_shown(state, ChartPanel::Composition);
    // Events that say children or women were killed without a number are in no bar: said so,
    // under the chart and its table alike.
    let without_number = Memo::new(move |_| {
        composition.with(|c| {
            let mut parts = Vec::new();
            if c.children_without_number > 0 {
                parts.push(tr.count("composition-children-no-number", c.children_without_number));
            }
            if c.women_without_number > 0 {
                parts.push(tr.count("composition-women-no-number", c.women_without_number));
            }
            tr.parts_note(&parts, ("composition-unstated", "composition-unstated-two"))
        })
    });
    view! {
        <section class="panel" data-chart="composition" node_ref=panel>
            <h2>
                {tr.text("composition")}
                <span class="tools">
                    <button type="button" aria-label=download_label(tr, ChartPanel::Composition)
                        on:click=move |_| chart.with_untracked(|c| chart_download("casualty-composition.svg", c))
                    >{tr.text("download-svg")}</button>
                    <TableTools catalog=catalog url=url panel=ChartPanel::Composition table=table rows=rows />
                </span>
            </h2>
            <div class="chart-area" node_ref=area>
                <Show
                    when=move || shown.get()
                    fallback=move || view! { <ChartView chart=chart nearness=nearness targets=Signal::derive(Vec::new) title=tr.text("composition-title") /> }
                >
                    <ChartTableView table=table />
                </Show>
            </div>
            {move || without_number.get().map(|text| view! { <p class="unstated-note" data-testid="composition-unstated">{text}</p> })}
        </section>
    }
}
