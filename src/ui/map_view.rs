//! The map view: governorates shaded by the current metric under the current filters, located
//! events as circles, governorate-only events as counted badges. Clicking (or Enter on) a
//! governorate toggles it as a filter; hovering shows its name and value. "Table" shows the
//! governorates' numbers as a table instead.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::bar_chart::{format_value, group_thousands};
use crate::charts::map_chart::{self, CLASSES};
use crate::charts::palette;
use crate::core::catalog::Catalog;
use crate::core::chart_table::{ChartPanel, ChartTable};
use crate::core::geo::Polygons;
use crate::core::i18n::Arg;
use crate::core::map_layers::governorate_paths;
use crate::core::query::toggle;
use crate::core::rows::Rows;
use crate::core::vocab::Governorate;
use crate::ui::box_width::use_box_width;
use crate::ui::chart_table::{download_label, table_shown, ChartTableView, TableTools};
use crate::ui::chart_view::{roving_target, svg_download};
use crate::ui::i18n;
use crate::ui::url_state::UrlState;

/// The governorate boundaries ship inside the app, so the map needs no extra request and works
/// offline with the code that draws it.
fn governorates() -> &'static Result<Polygons, String> {
    static POLYGONS: OnceLock<Result<Polygons, String>> = OnceLock::new();
    POLYGONS.get_or_init(|| {
        Polygons::from_geojson(include_str!("../../data/geo/syria_governorates.geojson"))
    })
}

#[component]
pub fn MapView(catalog: Arc<Catalog>, url: UrlState, rows: Memo<Rows>) -> impl IntoView {
    let tr = i18n::lang();
    let Ok(polygons) = governorates() else {
        return view! { <section class="panel"><p class="chart-error">{tr.text("map-unreadable")}</p></section> }.into_any();
    };
    let state = url.state;
    let layers_catalog = catalog.clone();
    let baseline = crate::ui::explorer::use_baseline();
    let layers = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        let _measure = crate::ui::browser::Measure::new("map layers");
        rows.with(|rows| baseline.map_layers(&layers_catalog.table, rows, metric))
    });
    let table = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        state.with(|s| layers.with(|l| ChartTable::map(tr, l, metric, &s.governorates)))
    });
    let shown = table_shown(state, ChartPanel::Map);
    let selected =
        Memo::new(move |_| state.with(|s| s.governorates.iter().copied().collect::<Vec<_>>()));
    // Drawn at the width of its box, so its text keeps its size on a phone; the hit targets
    // keep the shape's own coordinates and are scaled with it.
    let canvas = NodeRef::<leptos::html::Div>::new();
    let box_width = use_box_width(canvas);
    let drawn = Memo::new(move |_| {
        let width = match box_width.get() {
            None | Some(0) => map_chart::WIDTH,
            Some(measured) => measured,
        };
        let _measure = crate::ui::browser::Measure::new("map draw");
        layers.with(|l| selected.with(|s| map_chart::draw_at(polygons, l, s, width).ok()))
    });
    let paths = governorate_paths(polygons, &map_chart::projection(polygons));
    let hovered = RwSignal::new(None::<usize>);
    let describe = move |index: usize| {
        let metric = state.with(|s| s.metric);
        layers.with(|l| {
            let name = Governorate::from_index(index)
                .map(|g| tr.label("gov", g.id()))
                .unwrap_or_default();
            let value = l.by_governorate.get(index).copied().unwrap_or(0.0);
            let area_only = l.area_only.get(index).copied().unwrap_or(0);
            // The badge counts events whatever the metric, so it is said as events: "of them"
            // would read as a share of the deaths.
            tr.format(
                "map-describe",
                &[
                    ("name", Arg::Text(&name)),
                    ("value", Arg::Text(&format_value(value))),
                    ("metric", Arg::Text(&tr.label("metric", metric.id()))),
                    ("n", Arg::Text(&group_thousands(i64::from(area_only)))),
                    ("count", Arg::Number(u64::from(area_only))),
                ],
            )
        })
    };
    let toggle = move |index: usize| {
        if let Some(governorate) = Governorate::from_index(index) {
            url.update(|s| {
                toggle(&mut s.governorates, governorate);
                s.page = 0;
            });
        }
    };
    // One Tab stop for the map: the governorate last focused; the arrow keys, Home and End
    // move between governorates, in the order of the list of governorates.
    let drawn_count = paths.iter().filter(|d| !d.is_empty()).count();
    let current = RwSignal::new(0_usize);
    let rtl = tr.dir() == "rtl";
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(last) = drawn_count.checked_sub(1) else {
            return;
        };
        let now = current.get_untracked().min(last);
        let Some(next) = roving_target(&ev.key(), now, last, rtl) else {
            return;
        };
        ev.prevent_default();
        current.set(next);
        let target = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|svg| svg.children().item(next as u32));
        if let Some(target) = target {
            // An SVG element focuses as an HTML one does (`focus()` of HTMLOrSVGElement).
            let _ = target.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    };
    let targets = paths.into_iter().enumerate().filter(|(_, d)| !d.is_empty()).enumerate().map(|(position, (index, d))| {
        let name = Governorate::from_index(index).map(|g| g.label()).unwrap_or_default();
        view! {
            <path d=d class="map-target" role="button" data-governorate=name
                tabindex=move || if current.get() == position { "0" } else { "-1" }
                aria-label=move || describe(index)
                aria-pressed=move || if selected.with(|s| Governorate::from_index(index).is_some_and(|g| s.contains(&g))) { "true" } else { "false" }
                on:click=move |_| toggle(index)
                on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); toggle(index); }
                on:pointerenter=move |_| hovered.set(Some(index))
                on:focus=move |_| {
                    current.set(position);
                    hovered.set(Some(index));
                }
                on:pointerleave=move |_| hovered.set(None)
            >
                <title>{move || describe(index)}</title>
            </path>
        }
    }).collect_view();
    let legend = move || {
        let metric = state.with(|s| s.metric);
        layers.with(|l| {
            let max = l.by_governorate.iter().copied().fold(0.0, f64::max);
            let breaks = map_chart::class_breaks(max);
            let mut lower = 0.0;
            let none = tr.format("map-legend-none", &[("metric", Arg::Text(metric.id()))]);
            let mut items = vec![(palette::css(CLASSES[0]), none)];
            // A map with nothing shaded has no classes to explain.
            let shaded = if max > 0.0 { &breaks[..] } else { &[] };
            for (class, upper) in shaded.iter().enumerate() {
                // Worded in Arabic ("من 1 إلى 50"): a dash between two numbers swaps their
                // ends when read right to left.
                let range = tr.format("map-legend-range", &[
                    ("from", Arg::Text(&format_value(lower))),
                    ("to", Arg::Text(&format_value(*upper))),
                ]);
                items.push((palette::css(CLASSES[class + 1]), range));
                lower = *upper;
            }
            let unplaced = l.unplaced;
            view! {
                <ul class="legend" aria-label=tr.text("map-legend")>
                    {items.into_iter().map(|(color, label)| view! { <li><span class="swatch" style=format!("background:{color}")></span>{label}</li> }).collect_view()}
                    <li><span class="swatch dot"></span>{tr.text("map-legend-circles")}</li>
                    <li><span class="swatch dashed"></span>{tr.text("map-legend-badges")}</li>
                </ul>
                {(unplaced > 0).then(|| view! { <p class="hover-value">{tr.format("map-unplaced", &[
                    ("n", Arg::Text(&group_thousands(i64::from(unplaced)))),
                    ("count", Arg::Number(u64::from(unplaced))),
                ])}</p> })}
            }
        })
    };
    view! {
        <section class="panel map" data-testid="map">
            <h2>
                {tr.text("tab-map")}
                <span class="tools">
                    <button type="button" aria-label=download_label(tr, ChartPanel::Map)
                        on:click=move |_| layers.with_untracked(|l| selected.with_untracked(|s| {
                            if let Ok(d) = map_chart::draw(polygons, l, s) { svg_download("map.svg", &d.svg) }
                        }))
                    >{tr.text("download-svg")}</button>
                    <TableTools catalog=catalog url=url panel=ChartPanel::Map table=table rows=rows />
                </span>
            </h2>
            // The map's shapes and targets are built once; the table only hides them.
            <div class="map-picture" class:hidden=move || shown.get()>
            <div class="map-canvas chart-canvas" node_ref=canvas style=format!("aspect-ratio:{}/{}", map_chart::WIDTH, map_chart::HEIGHT)>
                <div class="chart-svg" role="img" aria-label=tr.text("map-image") inner_html=move || drawn.with(|d| d.as_ref().map(|d| d.svg.clone()).unwrap_or_default())></div>
                <svg class="map-targets" viewBox=format!("0 0 {} {}", map_chart::WIDTH, map_chart::HEIGHT) aria-label=tr.text("map-governorates") on:keydown=on_key>
                    {targets}
                </svg>
            </div>
            <p class="hover-value" aria-live="polite" data-testid="map-value">
                {move || hovered.get().map(describe).unwrap_or_else(|| tr.text("map-hint"))}
            </p>
            </div>
            <Show when=move || shown.get()>
                <ChartTableView table=table />
            </Show>
            {legend}
            <p class="source-line">{tr.text("map-attribution")}</p>
        </section>
    }.into_any()
}
