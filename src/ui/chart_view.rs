//! Puts a chart on the page: painted on a canvas, which stays in place and is repainted when
//! the chart changes, with a transparent layer of buttons over its marks so every bar is
//! focusable (one Tab stop per chart, arrow keys within it) and clickable. A button's
//! accessible name carries the bar's exact value, which the stylesheet shows on hover and on
//! keyboard focus. Downloads draw the same chart as SVG.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::{JsCast, JsValue};

use crate::charts::{self, Chart};
use crate::ui::browser;
use crate::ui::canvas_backend::CanvasSurface;
use crate::ui::near_screen::Nearness;

/// The mark the arrow keys, Home and End move the focus to from mark `now` of the marks
/// `0..=last`: Up and Down along them, Left and Right too (mirrored when the page reads right
/// to left, `rtl`); `None` for any other key.
pub fn roving_target(key: &str, now: usize, last: usize, rtl: bool) -> Option<usize> {
    let (back, forward) = (now.saturating_sub(1), (now + 1).min(last));
    Some(match key {
        "ArrowDown" => forward,
        "ArrowUp" => back,
        "ArrowRight" if rtl => back,
        "ArrowRight" => forward,
        "ArrowLeft" if rtl => forward,
        "ArrowLeft" => back,
        "Home" => 0,
        "End" => last,
        _ => return None,
    })
}

/// One interactive mark: what it says on hover and to screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub label: String,
    pub pressed: bool,
}

/// A canvas that shows `chart`; its accessible name is `label`. A change is painted in the
/// next frame while the chart is on screen and just after that frame while it is near
/// (`nearness`, of the element that holds the canvas). Far from the screen it is painted when
/// it comes near, so charts further down the page cost nothing on a filter change until the
/// reader scrolls on.
#[component]
pub fn ChartCanvas<C>(
    chart: Memo<C>,
    nearness: Memo<Nearness>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView
where
    C: Chart + Clone + PartialEq + Send + Sync + 'static,
{
    let canvas = NodeRef::<Canvas>::new();
    let surface = StoredValue::new_local(None::<CanvasSurface>);
    // What the canvas shows, so coming near repaints only a chart that changed while far.
    let painted = StoredValue::new(None::<C>);
    // Paints the latest chart unless the canvas shows it already. Also runs after the frame,
    // when the component may have been dropped (a change of tab): then it does nothing.
    let paint = move || {
        let Some(Some(element)) = canvas.try_get_untracked() else {
            return;
        };
        chart.try_with_untracked(|chart| {
            if painted.try_with_value(|painted| painted.as_ref() == Some(chart)) != Some(false) {
                return;
            }
            let _measure = browser::Measure::new("chart-paint");
            surface.try_update_value(|surface| {
                if surface.is_none() {
                    *surface = CanvasSurface::new(element)
                        .map_err(|error| leptos::logging::warn!("no canvas: {error}"))
                        .ok();
                }
                let Some(surface) = surface.as_mut() else {
                    return;
                };
                let painted_now = surface.backend(chart.size()).and_then(|backend| {
                    let root = backend.into_drawing_area();
                    chart.paint(&root)?;
                    root.present().map_err(|error| error.to_string())
                });
                match painted_now {
                    Ok(()) => painted.set_value(Some(chart.clone())),
                    Err(error) => leptos::logging::warn!("chart not drawn: {error}"),
                }
            });
        });
    };
    Effect::new(move |_| {
        canvas.track();
        chart.track();
        match nearness.get() {
            Nearness::Far => {}
            Nearness::Near => browser::after_next_paint(paint),
            // In the frame, after the change's other updates: see `before_next_frame`.
            Nearness::OnScreen => browser::before_next_frame(paint),
        }
    });
    view! { <canvas class="chart-surface" node_ref=canvas role="img" aria-label=label></canvas> }
}

/// A chart with one button per mark, when marks can be picked (`on_pick`); calls `on_pick` with
/// the index of the activated mark. The buttons are one stop of the Tab key (roving focus):
/// the current bar is focusable, the others are reached with the arrow keys (Up and Down;
/// Left and Right too, mirrored in a right-to-left page), Home and End, and Enter or Space
/// activates the focused one as a click does. A chart without `on_pick` has no buttons: its
/// numbers are in its table.
#[component]
pub fn ChartView<C>(
    chart: Memo<C>,
    /// How near the screen the chart's panel is.
    nearness: Memo<Nearness>,
    /// One target per mark, same order.
    #[prop(into)]
    targets: Signal<Vec<Target>>,
    /// Accessible name of the chart.
    title: String,
    /// Called with the index of the activated mark.
    #[prop(optional)]
    on_pick: Option<Callback<usize>>,
) -> impl IntoView
where
    C: Chart + Clone + PartialEq + Send + Sync + 'static,
{
    let figure_label = title.clone();
    let size = Memo::new(move |_| chart.with(|c| c.size()));
    let width = Memo::new(move |_| size.get().0);
    let marks = Memo::new(move |_| chart.with(|c| c.marks().len()));
    // The bar that takes the focus from the Tab key: the last one focused, within the bars.
    let current = RwSignal::new(0_usize);
    let active = Memo::new(move |_| current.get().min(marks.get().saturating_sub(1)));
    let rtl = crate::ui::i18n::lang().dir() == "rtl";
    let layer = NodeRef::<leptos::html::Div>::new();
    // Focuses the bar the Tab key would reach, if it is shown.
    let focus_active = move || {
        let Some(Some(layer)) = layer.try_get_untracked() else {
            return;
        };
        let Some(index) = active.try_get_untracked() else {
            return;
        };
        let button = layer
            .children()
            .item(index as u32)
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    };
    // The buttons are keyed by position, so a filter change updates their boxes and labels in
    // place. There are as many as the chart has ever had marks: those beyond the current marks
    // are hidden, not dropped, because a filter often takes bars away and the next brings them
    // back, and building a button costs more than hiding it.
    let count = Memo::new(move |most: Option<&usize>| marks.get().max(most.copied().unwrap_or(0)));
    let button = move |index: usize| {
        // Memos, so a button's attributes are written only when they change.
        let mark = Memo::new(move |_| chart.with(|c| c.marks().get(index).copied()));
        let target = Memo::new(move |_| targets.with(|t| t.get(index).cloned()));
        let is_active = Memo::new(move |_| active.get() == index);
        // In units of the chart's width (`cqw`, the canvas scales with its width), not of its
        // height, which follows the number of bars: a bar's box stays the same whatever the
        // bars below it do, so a filter change rewrites no button's style.
        let style = move || {
            let unit = 100.0 / f64::from(width.get().max(1));
            match mark.get() {
                Some(m) => format!(
                    "left:{:.3}cqw;top:{:.3}cqw;width:{:.3}cqw;height:{:.3}cqw",
                    m.x * unit,
                    m.y * unit,
                    m.width * unit,
                    m.height * unit
                ),
                None => "display:none".to_string(),
            }
        };
        let label =
            move || target.with(|t| t.as_ref().map(|t| t.label.clone()).unwrap_or_default());
        view! {
            <button
                type="button"
                class="chart-target"
                style=style
                tabindex=move || if is_active.get() { "0" } else { "-1" }
                aria-label=label
                aria-pressed=move || if target.with(|t| t.as_ref().is_some_and(|t| t.pressed)) { "true" } else { "false" }
                on:focus=move |_| current.set(index)
                on:click=move |ev| {
                    let Some(pick) = on_pick else {
                        return;
                    };
                    let focused = ev.current_target().is_some_and(|target| {
                        document().active_element().is_some_and(|active| JsValue::from(active) == JsValue::from(target))
                    });
                    pick.run(index);
                    // A filter from the keyboard can take this bar away (the others leave the
                    // chart): the focus goes to a bar that stays rather than to the page.
                    if focused {
                        crate::ui::browser::after_next_paint(move || {
                            if marks.try_get_untracked().is_some_and(|shown| index >= shown) {
                                focus_active();
                            }
                        });
                    }
                }
            ></button>
        }
    };
    // Arrow keys, Home and End move the focus between the bars.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(last) = marks.get_untracked().checked_sub(1) else {
            return;
        };
        let Some(next) = roving_target(&ev.key(), active.get_untracked(), last, rtl) else {
            return;
        };
        ev.prevent_default();
        current.set(next);
        focus_active();
    };
    let targets_layer = on_pick.map(|_| {
        view! {
            <div class="chart-targets" node_ref=layer on:keydown=on_key>
                <For each=move || 0..count.get() key=|index| *index let:index>
                    {button(index)}
                </For>
            </div>
        }
    });
    view! {
        <figure class="chart" aria-label=figure_label>
            <div class="chart-canvas" style=move || { let (w, h) = size.get(); format!("aspect-ratio:{w}/{h}") }>
                <ChartCanvas chart=chart nearness=nearness label=title />
                {targets_layer}
            </div>
        </figure>
    }
}

/// Offers a chart as an SVG file.
pub fn chart_download<C: Chart>(name: &str, chart: &C) {
    match charts::svg::draw(chart) {
        Ok(drawn) => svg_download(name, &drawn.svg),
        Err(error) => leptos::logging::warn!("chart not drawn: {error}"),
    }
}

/// Offers SVG text as a file.
pub fn svg_download(name: &str, svg: &str) {
    if let Err(error) = browser::download(name, "image/svg+xml", svg) {
        leptos::logging::warn!("download failed: {error}");
    }
}
