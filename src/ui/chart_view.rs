//! Puts a chart drawn by `charts` on the page: the SVG from plotters, with a transparent layer of
//! buttons over its marks so every bar is focusable, clickable and shows its exact value.

use leptos::prelude::*;

use crate::charts::Drawn;

/// One interactive mark: what it says on hover and to screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub label: String,
    pub pressed: bool,
}

/// Renders `drawn` and calls `on_pick` with the index of the mark the user activates.
#[component]
pub fn ChartView(
    /// The drawn chart. Its SVG text was produced by plotters, which escapes every label.
    drawn: Drawn,
    /// One target per mark, same order.
    targets: Vec<Target>,
    /// Accessible name of the chart.
    title: String,
    /// Called with the index of the activated mark.
    #[prop(optional)]
    on_pick: Option<Callback<usize>>,
) -> impl IntoView {
    let width = drawn.width;
    let height = drawn.height;
    let buttons = drawn
        .marks
        .iter()
        .zip(targets)
        .enumerate()
        .map(|(index, (mark, target))| {
            let style = format!(
                "left:{:.2}%;top:{:.2}%;width:{:.2}%;height:{:.2}%",
                mark.x / f64::from(width) * 100.0,
                mark.y / f64::from(height) * 100.0,
                mark.width / f64::from(width) * 100.0,
                mark.height / f64::from(height) * 100.0
            );
            let label = target.label.clone();
            view! {
                <button
                    type="button"
                    class="chart-target"
                    style=style
                    title=label.clone()
                    aria-label=label
                    aria-pressed=if target.pressed { "true" } else { "false" }
                    on:click=move |_| {
                        if let Some(pick) = on_pick {
                            pick.run(index);
                        }
                    }
                ></button>
            }
        })
        .collect_view();
    let figure_label = title.clone();
    view! {
        <figure class="chart" aria-label=figure_label>
            <div class="chart-canvas" style=format!("aspect-ratio:{width}/{height}")>
                <div class="chart-svg" inner_html=drawn.svg role="img" aria-label=title></div>
                <div class="chart-targets">{buttons}</div>
            </div>
        </figure>
    }
}

/// Offers a chart's SVG as a file.
pub fn svg_download(name: &str, svg: &str) {
    if let Err(error) = crate::ui::browser::download(name, "image/svg+xml", svg) {
        leptos::logging::warn!("download failed: {error}");
    }
}
