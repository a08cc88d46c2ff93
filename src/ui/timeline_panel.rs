//! The timeline panel: stacked columns by week or month for the chosen metric, hatched where the
//! value comes from imprecisely dated events, numbered markers for milestones (agreements,
//! ceasefires, political events).
//! Dragging across it with a mouse or pen sets the date range; hovering a column shows its exact
//! value. By touch a swipe scrolls it sideways (on a phone it is wider than the screen) and
//! choosing dates is a different gesture: a tap marks a column as the start, a second tap on
//! another column sets the dates from one to the other, on the same column that one period. From the
//! keyboard it is one Tab stop: the arrow keys (left is earlier, in both languages, as the axis
//! is drawn), Home and End move a marked column, whose value is shown, and Enter or Space sets
//! the dates to it. "Table" shows the same columns as a table.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::bar_chart::{format_value, group_thousands};
use crate::charts::palette;
use crate::charts::timeline_chart::{self, Column, Milestone, TimelineChart};
use crate::charts::Chart;
use crate::core::aggregate::{self, Interval, Metric};
use crate::core::catalog::Catalog;
use crate::core::chart_table::{timeline_stacks, ChartPanel, ChartTable, TimelineStacks};
use crate::core::date::Day;
use crate::core::i18n::{Arg, Lang};
use crate::core::rows::Rows;
use crate::core::summary_line;
use crate::ui::box_width::use_box_width;
use crate::ui::browser;
use crate::ui::chart_table::{download_label, table_shown, ChartTableView, TableTools};
use crate::ui::chart_view::{chart_download, ChartCanvas};
use crate::ui::i18n;
use crate::ui::near_screen::{use_nearness, use_paced};
use crate::ui::roving;
use crate::ui::url_state::UrlState;

/// How many actors get their own colour; the rest share "other".
const STACKED_ACTORS: usize = 8;
/// How far (CSS pixels) a finger may move between touching and lifting and still be a tap.
const TAP_SLOP: i32 = 10;
/// Agreements listed under the timeline at first, and added by each "show more": a file can
/// hold thousands, and the browser takes seconds to lay out a list of them all at once (13 s
/// for 9,248 in headless Chromium), which would freeze the page as the file opens.
const MILESTONES_LISTED: usize = 100;

#[component]
pub fn TimelinePanel(catalog: Arc<Catalog>, url: UrlState, rows: Memo<Rows>) -> impl IntoView {
    let state = url.state;
    let tr = i18n::lang();
    // While the reader is further down the page, the timeline, its legend and its agreements
    // follow a filter change just after the frame that shows it.
    let panel = NodeRef::<leptos::html::Section>::new();
    let nearness = use_nearness(panel);
    let rows = use_paced(rows, nearness);
    let table_catalog = catalog.clone();
    let baseline = crate::ui::explorer::use_baseline();
    let part_baseline = baseline.clone();
    // What the timeline depends on besides the rows, so that sorting, paging or selecting
    // an event does not recompute it.
    let options =
        Memo::new(move |_| state.with(|s| (s.interval, s.metric, s.stacked, (s.from, s.to))));
    // Laid out at the width of its box, so its text keeps its size on a phone and a desktop.
    let chart_box = NodeRef::<leptos::html::Div>::new();
    // Whether the reader uses a finger: the timeline is then laid out wider, scrolled, and
    // says how to choose dates by touch.
    let touch_used = RwSignal::new(browser::coarse_pointer());
    let box_width = use_box_width(chart_box);
    let timeline = Memo::new(move |_| {
        let (interval, metric, stacked, range) = options.get();
        let measured = box_width.get();
        let width = match measured {
            None | Some(0) => timeline_chart::WIDTH,
            Some(width) => width,
        };
        let touch = touch_used.get();
        rows.with(|rows| {
            // Until its box is measured (in the task that first draws it, just after), the
            // chart is laid out over no rows: laid out over every row at a guessed width and
            // again at the measured one, a million rows' chart held that task 10 ms longer.
            let rows = if measured.is_some() { &rows[..] } else { &[] };
            let _measure = browser::Measure::new("timeline");
            let timeline = baseline.timeline(&table_catalog.table, rows, interval, metric, range);
            // By touch, each column wide enough for a finger: the box scrolls to the rest.
            let width = if touch {
                width.max(timeline_chart::touch_width(timeline.buckets.len()))
            } else {
                width
            };
            layout(tr, &timeline, stacked, &table_catalog.table, width)
        })
    });
    // What the columns hold of the view's total: less when events dated to a longer period
    // are spread over periods the chart does not show (a window narrower than their dates).
    let part_catalog = catalog.clone();
    let part = Memo::new(move |_| {
        // Until its box is measured the chart holds no rows (see above): nothing to say.
        box_width.get()?;
        let (metric, shown) = timeline.with(|t| {
            let shown: f64 = t.stacks.periods.iter().map(|p| p.total()).sum();
            (t.metric, shown)
        });
        let total = rows.with(|rows| {
            let totals = part_baseline.totals(&part_catalog.table, rows);
            summary_line::metric_total(&totals, metric)
        });
        summary_line::timeline_part_note(tr, metric, shown, total)
    });
    let chart = Memo::new(move |_| timeline.with(|t| t.chart.clone()));
    // The table of the same columns: computed only while it is shown or downloaded.
    let table = Memo::new(move |_| timeline.with(|t| ChartTable::timeline(tr, &t.stacks)));
    let shown = table_shown(state, ChartPanel::Timeline);
    let hovered = RwSignal::new(None::<usize>);
    // The keyboard's column, and whether the keyboard has the focus (`:focus-visible`): the
    // column is then marked on the chart.
    let cursor = RwSignal::new(None::<usize>);
    let keyboard = RwSignal::new(false);
    let drag_start = RwSignal::new(None::<usize>);
    let drag_now = RwSignal::new(None::<usize>);
    // By touch: the column a first tap marked, and where the finger went down (a finger that
    // moves is scrolling, not choosing).
    let pending = RwSignal::new(None::<usize>);
    let touch_down = StoredValue::new(None::<(i32, i32)>);
    let milestone_catalog = catalog.clone();
    // Memos, so the legend and the list of agreements are rebuilt only when they change, not
    // on every filter change.
    let legend = Memo::new(move |_| timeline.with(|t| t.legend.clone()));
    let milestones = Memo::new(move |_| timeline.with(|t| t.milestones.clone()));
    let milestone_stop = RwSignal::new(None::<String>);
    let milestones_listed = RwSignal::new(MILESTONES_LISTED);

    let pick_range = move |a: usize, b: usize| {
        let (first, last) = (a.min(b), a.max(b));
        timeline.with_untracked(|t| {
            if let (Some(start), Some(end)) =
                (t.chart.columns().get(first), t.chart.columns().get(last))
            {
                let from = start.start;
                let to = Day(end.end_exclusive.0 - 1);
                pending.set(None);
                url.update(|s| {
                    s.from = Some(from);
                    s.to = Some(to);
                    s.page = 0;
                });
            }
        });
    };
    let brush = move || {
        let (Some(a), Some(b)) = (drag_start.get(), drag_now.get()) else {
            return None;
        };
        let (first, last) = (a.min(b), a.max(b));
        let style = chart.with(|c| {
            let width = f64::from(c.size().0);
            let (m0, m1) = (c.marks().get(first)?, c.marks().get(last)?);
            Some(format!(
                "left:{:.3}%;width:{:.3}%",
                m0.x / width * 100.0,
                (m1.x + m1.width - m0.x) / width * 100.0
            ))
        })?;
        Some(view! { <div class="timeline-brush" style=style></div> })
    };
    // The column a first tap marked, with its period, until the second tap.
    let started = move || {
        let index = pending.get()?;
        let (style, from, to) = chart.with(|c| {
            let width = f64::from(c.size().0);
            let mark = c.marks().get(index)?;
            let column = c.columns().get(index)?;
            Some((
                format!(
                    "left:{:.3}%;width:{:.3}%",
                    mark.x / width * 100.0,
                    mark.width / width * 100.0
                ),
                column.start.to_string(),
                Day(column.end_exclusive.0 - 1).to_string(),
            ))
        })?;
        Some(view! {
            <div class="timeline-pending" data-testid="timeline-pending" style=style
                data-from=from data-to=to></div>
        })
    };
    let span = move || {
        chart.with(|c| {
            let first = c.columns().first()?.start.to_string();
            let last = Day(c.columns().last()?.end_exclusive.0 - 1).to_string();
            Some((first, last))
        })
    };
    let marked = move || {
        if !keyboard.get() {
            return None;
        }
        let style = chart.with(|c| {
            let (width, height) = c.size();
            let (width, height) = (f64::from(width), f64::from(height));
            let index = cursor.get()?.min(c.marks().len().checked_sub(1)?);
            let mark = c.marks().get(index)?;
            Some(format!(
                "left:{:.3}%;width:{:.3}%;top:{:.3}%;height:{:.3}%",
                mark.x / width * 100.0,
                mark.width / width * 100.0,
                mark.y / height * 100.0,
                mark.height / height * 100.0
            ))
        })?;
        Some(
            view! { <div class="timeline-cursor" data-testid="timeline-cursor" style=style></div> },
        )
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // Arrows move through the columns (left is earlier: the axis runs left to right in
        // both languages), Home and End go to the first and last, Enter selects one.
        let Some(last) = timeline
            .with_untracked(|t| t.chart.columns().len())
            .checked_sub(1)
        else {
            return;
        };
        let current = cursor.get_untracked().map(|i| i.min(last));
        let next = match ev.key().as_str() {
            "ArrowRight" => current.map_or(0, |i| (i + 1).min(last)),
            "ArrowLeft" => current.map_or(last, |i| i.saturating_sub(1)),
            "Home" => 0,
            "End" => last,
            "Enter" | " " => {
                if let Some(i) = current {
                    ev.prevent_default();
                    pick_range(i, i);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        cursor.set(Some(next));
        hovered.set(Some(next));
        keyboard.set(true);
        if let Some(element) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            chart.with_untracked(|c| reveal(&element, c, next));
        }
    };
    let column_at = move |ev: &web_sys::PointerEvent| -> Option<usize> {
        // The container, not the element under the pointer, gives the chart's full width.
        let target = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        let rect = target.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return None;
        }
        let fraction = (f64::from(ev.client_x()) - rect.left()) / rect.width();
        chart.with_untracked(|c| timeline_chart::column_at(fraction, c.columns().len(), c.size().0))
    };

    let canvas_label = Signal::derive(move || {
        let columns = timeline.with(|t| t.chart.columns().len());
        tr.format(
            "timeline-canvas-label",
            &[("n", Arg::Text(&columns.to_string()))],
        )
    });

    view! {
        <section class="panel timeline" node_ref=panel>
            <h2>
                {tr.text("timeline")}
                <span class="tools">
                    <label>{tr.text("timeline-metric")}" "
                        <select aria-label=tr.text("timeline-metric-label") on:change=move |ev| {
                            let metric = Metric::from_id(&event_target_value(&ev)).unwrap_or(Metric::Events);
                            url.update(|s| s.metric = metric);
                        }>
                            {Metric::ALL.iter().map(|&m| view! {
                                <option value=m.id() selected=move || state.with(|s| s.metric == m)>{tr.label("metric", m.id())}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>{tr.text("timeline-by")}" "
                        <select aria-label=tr.text("timeline-interval-label") on:change=move |ev| {
                            let interval = Interval::from_id(&event_target_value(&ev)).unwrap_or(Interval::Month);
                            url.update(|s| s.interval = interval);
                        }>
                            {Interval::ALL.iter().map(|&i| view! {
                                <option value=i.id() selected=move || state.with(|s| s.interval == i)>{tr.label("interval", i.id())}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <input type="checkbox" prop:checked=move || state.with(|s| s.stacked)
                            on:change=move |_| url.update(|s| s.stacked = !s.stacked) />
                        " "{tr.text("timeline-by-actor")}
                    </label>
                    <button type="button" aria-label=download_label(tr, ChartPanel::Timeline)
                        on:click=move |_| chart.with_untracked(|c| chart_download("timeline.svg", &c.at_width(timeline_chart::WIDTH)))
                    >{tr.text("download-svg")}</button>
                    <TableTools catalog=catalog url=url panel=ChartPanel::Timeline table=table rows=rows />
                </span>
            </h2>
            // The box the chart is laid out to, there whatever it shows (the chart, its table
            // or no events), so that it is measured in the task that first draws the panel.
            <div class="timeline-box" node_ref=chart_box>
            <Show
                when=move || chart.with(|c| !c.columns().is_empty())
                fallback=move || view! { <p class="empty">{tr.text("timeline-empty")}</p> }
            >
                <Show when=move || shown.get() fallback=move || view! {
                <div class="timeline-scroll">
                <div class="chart-canvas timeline-canvas" data-testid="timeline"
                    data-first=move || span().map(|(first, _)| first)
                    data-last=move || span().map(|(_, last)| last)
                    style=move || {
                        let (w, h) = chart.with(|c| c.size());
                        // Laid out wider than its box for a finger: shown at that width.
                        let wide = if touch_used.get() { format!(";min-width:{w}px") } else { String::new() };
                        format!("aspect-ratio:{w}/{h}{wide}")
                    }
                    tabindex="0"
                    role="group"
                    aria-label=canvas_label
                    on:keydown=on_key
                    on:focus=move |ev| {
                        // Focus from the keyboard marks a column at once (the last one the
                        // keys were on, else the first); a click's focus marks none.
                        let from_keyboard = ev
                            .current_target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
                        if from_keyboard {
                            let column = cursor.get_untracked().unwrap_or(0);
                            cursor.set(Some(column));
                            hovered.set(Some(column));
                            keyboard.set(true);
                        }
                    }
                    on:blur=move |_| keyboard.set(false)
                    on:pointerdown=move |ev| {
                        keyboard.set(false);
                        if ev.pointer_type() == "touch" {
                            // The browser pans on a swipe (`touch-action: pan-x pan-y`); a tap
                            // is told on the finger's lifting.
                            touch_used.set(true);
                            touch_down.set_value(Some((ev.client_x(), ev.client_y())));
                            return;
                        }
                        if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            let _ = target.set_pointer_capture(ev.pointer_id());
                        }
                        if let Some(index) = column_at(&ev) {
                            drag_start.set(Some(index));
                            drag_now.set(Some(index));
                        }
                    }
                    on:pointermove=move |ev| {
                        if ev.pointer_type() == "touch" {
                            return;
                        }
                        let index = column_at(&ev);
                        hovered.set(index);
                        if drag_start.get_untracked().is_some() {
                            drag_now.set(index);
                        }
                    }
                    on:pointerleave=move |ev| {
                        if ev.pointer_type() != "touch" {
                            hovered.set(None);
                        }
                    }
                    on:pointercancel=move |_| {
                        touch_down.set_value(None);
                        drag_start.set(None);
                        drag_now.set(None);
                    }
                    on:pointerup=move |ev| {
                        if ev.pointer_type() == "touch" {
                            let Some((x, y)) = touch_down.get_value() else { return };
                            touch_down.set_value(None);
                            if (ev.client_x() - x).abs() > TAP_SLOP || (ev.client_y() - y).abs() > TAP_SLOP {
                                return;
                            }
                            let Some(index) = column_at(&ev) else { return };
                            hovered.set(Some(index));
                            match pending.get_untracked() {
                                Some(start) => pick_range(start, index),
                                None => pending.set(Some(index)),
                            }
                            return;
                        }
                        let end = column_at(&ev).or(drag_now.get_untracked());
                        if let (Some(a), Some(b)) = (drag_start.get_untracked(), end) {
                            pick_range(a, b);
                        }
                        drag_start.set(None);
                        drag_now.set(None);
                    }
                >
                    <ChartCanvas chart=chart nearness=nearness label=canvas_label />
                    {brush}
                    {started}
                    {marked}
                </div>
                </div>
                <p class="hover-value" aria-live="polite" data-testid="timeline-value">
                    {move || {
                        let value = hovered.get().and_then(|i| timeline.with(|t| t.label(tr, i)));
                        let start = pending.get().and_then(|i| timeline.with(|t| t.period(tr, i)));
                        match (value, start) {
                            (value, Some(start)) => {
                                let step = tr.format("timeline-touch-start", &[("period", Arg::Text(&start))]);
                                value.map_or(step.clone(), |value| format!("{value} {step}"))
                            }
                            (Some(value), None) => value,
                            (None, None) if touch_used.get() => tr.text("timeline-touch-hint"),
                            (None, None) => tr.text("timeline-hint"),
                        }
                    }}
                </p>
                }>
                    <ChartTableView table=table />
                </Show>
            </Show>
            </div>
            {move || part.get().map(|text| view! { <p class="hover-value" data-testid="timeline-part">{text}</p> })}
            <ul class="legend">
                {move || legend.with(|legend| legend.iter().map(|(label, color)| view! {
                    <li><span class="swatch" style=format!("background:{color}")></span>{label.clone()}</li>
                }).collect_view())}
                <li><span class="swatch hatched"></span>{tr.text("timeline-imprecise-legend")}</li>
            </ul>
            // A box of fixed height, scrolled when the agreements do not fit: filters change how
            // many there are, and a growing or shrinking list would move the charts and the
            // list below it, and the reader's place with them.
            <div class="milestones-box">
                {move || {
                    let catalog = milestone_catalog.clone();
                    let listed = milestones_listed.get();
                    milestones.with(|t| {
                        if t.is_empty() {
                            return view! { <p class="muted">{tr.text("milestones-none")}</p> }.into_any();
                        }
                        // One Tab stop for the list (roving focus): the arrow keys move
                        // between the agreements.
                        let first = t.first().map(|&(number, _)| format!("milestone-{number}"));
                        let first = StoredValue::new(first);
                        view! {
                            <ol class="milestones legend" aria-label=tr.text("milestones-label")
                                on:keydown=move |ev| roving::on_key(&ev, "button")
                                on:focusin=move |ev| {
                                    if let Some(id) = roving::focused_id(&ev) {
                                        if milestone_stop.with_untracked(|c| c.as_deref() != Some(id.as_str())) {
                                            milestone_stop.set(Some(id));
                                        }
                                    }
                                }>
                                {t.iter().take(listed).filter_map(|&(number, row)| {
                                    let event = catalog.event(row as usize)?;
                                    let id = event.id.clone();
                                    let button_id = format!("milestone-{number}");
                                    let stop_id = button_id.clone();
                                    let tabindex = move || {
                                        let current = milestone_stop.get().filter(|c| is_listed(c, listed, milestones));
                                        first.with_value(|f| roving::tab_index(current.as_deref(), f.as_deref(), &stop_id))
                                    };
                                    Some(view! {
                                        <li value=number.to_string()>
                                            <button type="button" class="link" id=button_id tabindex=tabindex on:click=move |_| {
                                                let id = id.clone();
                                                url.update(|s| s.selected = Some(id));
                                            }>{format!("{number}. {} — ", Day::parse(&event.date.start).map_or_else(|_| event.date.start.clone(), |day| tr.day(day)))}<bdi>{event.summary.clone()}</bdi></button>
                                        </li>
                                    })
                                }).collect_view()}
                            </ol>
                            {(t.len() > listed).then(|| {
                                // The first agreement the button lists takes the focus and
                                // the list's Tab stop: the button itself is drawn again.
                                let next = t.get(listed).map(|&(number, _)| format!("milestone-{number}"));
                                view! {
                                <button type="button" class="link" data-testid="milestones-more"
                                    on:click=move |_| {
                                        milestones_listed.update(|n| *n += MILESTONES_LISTED);
                                        if let Some(id) = next.clone() {
                                            milestone_stop.set(Some(id.clone()));
                                            browser::after_next_paint(move || focus_element(&id));
                                        }
                                    }>
                                    {tr.format("milestones-more", &[
                                        ("more", Arg::Text(&group_thousands((t.len() - listed).min(MILESTONES_LISTED) as i64))),
                                        ("listed", Arg::Text(&group_thousands(listed as i64))),
                                        ("total", Arg::Text(&group_thousands(t.len() as i64))),
                                    ])}
                                </button>
                                }
                            })}
                        }.into_any()
                    })
                }}
            </div>
        </section>
    }
}

/// Moves the focus to the element with id `id`, if it is on the page.
fn focus_element(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Whether the roving stop `id` (`milestone-N`) is one of the first `listed` agreements.
fn is_listed(id: &str, listed: usize, milestones: Memo<Vec<(usize, u32)>>) -> bool {
    let Some(number) = id
        .strip_prefix("milestone-")
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return false;
    };
    milestones.with(|m| m.iter().take(listed).any(|&(n, _)| n == number))
}

impl Layout {
    /// What hovering or focusing column `index` says: worded only when asked, not for every
    /// column on every change.
    fn label(&self, tr: Lang, index: usize) -> Option<String> {
        let column = self.chart.columns().get(index)?;
        let total: f64 = column.segments.iter().map(|(_, v)| v).sum();
        let span = self.period(tr, index)?;
        let imprecise = if column.imprecise > 0.0 {
            let value = format_value(column.imprecise);
            format!(
                " {}",
                tr.format("timeline-imprecise", &[("value", Arg::Text(&value))])
            )
        } else {
            String::new()
        };
        let value = format_value(total);
        let metric = tr.label("metric", self.metric.id());
        let line = tr.format(
            "chart-value",
            &[
                ("label", Arg::Text(&span)),
                ("value", Arg::Text(&value)),
                ("metric", Arg::Text(&metric)),
            ],
        );
        Some(format!("{line}{imprecise}"))
    }
}

impl Layout {
    /// The period of column `index` in words ("March 2019", "week of 4 March 2019").
    fn period(&self, tr: Lang, index: usize) -> Option<String> {
        let column = self.chart.columns().get(index)?;
        Some(match self.interval {
            Interval::Week => tr.format(
                "timeline-week-of",
                &[("date", Arg::Text(&tr.day(column.start)))],
            ),
            Interval::Month => {
                let (year, month, _) = column.start.ymd();
                tr.month(year, month)
            }
        })
    }
}

/// What the panel draws, computed once per change.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    chart: TimelineChart,
    /// The columns' values, which the chart draws and the table lists.
    stacks: TimelineStacks,
    interval: Interval,
    metric: Metric,
    legend: Vec<(String, String)>,
    /// (marker number, table row)
    milestones: Vec<(usize, u32)>,
}

fn layout(
    tr: Lang,
    timeline: &aggregate::Timeline,
    stacked: bool,
    table: &crate::core::table::EventTable,
    width: u32,
) -> Layout {
    // The actors with the largest totals get colours; the rest (and "no actor") share one.
    // The table of the timeline lists the same stacks.
    let stacks = timeline_stacks(timeline, stacked, STACKED_ACTORS);
    let columns: Vec<Column> = stacks
        .periods
        .iter()
        .map(|period| Column {
            start: period.start,
            end_exclusive: period.end_exclusive,
            segments: period.series.iter().copied().enumerate().collect(),
            imprecise: period.imprecise,
        })
        .collect();
    let mut legend: Vec<(String, String)> = stacks
        .actors
        .iter()
        .enumerate()
        .map(|(series, a)| {
            (
                tr.label("actor", a.id()),
                palette::css(palette::series(series)),
            )
        })
        .collect();
    legend.push((
        if stacked {
            tr.text("timeline-other-actors")
        } else {
            tr.text("timeline-all-events")
        },
        palette::css(palette::series(stacks.actors.len())),
    ));
    let metric = timeline.metric;
    // Numbered in date order: the markers and the list under the chart share the numbers.
    let numbered = timeline_chart::number_by_date(
        timeline
            .milestones
            .iter()
            .filter_map(|&row| Some((Day(*table.start.get(row as usize)?), row)))
            .collect(),
    );
    let milestones: Vec<(usize, u32)> = numbered.iter().map(|&(n, _, row)| (n, row)).collect();
    let milestone_days: Vec<Milestone> = numbered
        .iter()
        .map(|&(number, day, _)| Milestone { day, number })
        .collect();
    Layout {
        chart: TimelineChart::laid_out(
            columns,
            milestone_days,
            &tr.label("metric", metric.id()),
            width,
        ),
        stacks,
        interval: timeline.interval,
        metric,
        legend,
        milestones,
    }
}

/// Scrolls the timeline's box sideways so that column `index` is in view: on a phone the
/// timeline is wider than the screen, and the keyboard's column must not leave it.
fn reveal(canvas: &web_sys::Element, chart: &TimelineChart, index: usize) {
    let (Some(scroller), Some(mark)) = (canvas.parent_element(), chart.marks().get(index)) else {
        return;
    };
    let scale = f64::from(canvas.client_width()) / f64::from(chart.size().0.max(1));
    let (left, right) = (mark.x * scale, (mark.x + mark.width) * scale);
    let shown = f64::from(scroller.scroll_left());
    let room = f64::from(scroller.client_width());
    const MARGIN: f64 = 24.0;
    if left < shown + MARGIN {
        scroller.set_scroll_left((left - MARGIN).max(0.0) as i32);
    } else if right > shown + room - MARGIN {
        scroller.set_scroll_left((right - room + MARGIN) as i32);
    }
}
