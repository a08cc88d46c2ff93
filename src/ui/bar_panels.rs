//! Bar charts by actor, event kind and governorate, and the casualty composition. Clicking (or
//! pressing Enter on) a bar toggles that filter; the hover title gives the exact value.

use std::sync::Arc;

use leptos::html::Section;
use leptos::prelude::*;

use crate::charts::bar_chart::{format_value, Bar, BarChart};
use crate::core::aggregate::{self, Metric};
use crate::core::catalog::Catalog;
use crate::core::i18n::{Arg, Lang};
use crate::core::query::{toggle, ViewState};
use crate::core::vocab::{Actor, EventKind, Governorate};
use crate::ui::browser::Measure;
use crate::ui::chart_view::{chart_download, ChartView, Target};
use crate::ui::i18n;
use crate::ui::near_screen::{use_nearness, use_paced};
use crate::ui::url_state::UrlState;

/// Which breakdown a bar panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    Actor,
    Kind,
    Governorate,
}

impl Breakdown {
    fn title(self, tr: Lang) -> String {
        tr.text(match self {
            Breakdown::Actor => "bars-actor",
            Breakdown::Kind => "bars-kind",
            Breakdown::Governorate => "bars-governorate",
        })
    }

    fn file(self) -> &'static str {
        match self {
            Breakdown::Actor => "by-actor.svg",
            Breakdown::Kind => "by-kind.svg",
            Breakdown::Governorate => "by-governorate.svg",
        }
    }
}

/// (id, label, value, selected) per bar, in display order.
type Bars = Vec<(String, String, f64, bool)>;

fn bars(
    tr: Lang,
    catalog: &Catalog,
    rows: &[u32],
    metric: Metric,
    breakdown: Breakdown,
    state: &ViewState,
) -> Bars {
    let table = &catalog.table;
    match breakdown {
        Breakdown::Actor => aggregate::by_actor(table, rows, metric)
            .into_iter()
            .map(|(a, v)| {
                (
                    a.id().to_string(),
                    tr.label("actor", a.id()),
                    v,
                    state.actors.contains(&a),
                )
            })
            .collect(),
        Breakdown::Kind => aggregate::by_kind(table, rows, metric)
            .into_iter()
            .map(|(k, v)| {
                (
                    k.id().to_string(),
                    tr.label("kind", k.id()),
                    v,
                    state.kinds.contains(&k),
                )
            })
            .collect(),
        Breakdown::Governorate => aggregate::by_governorate(table, rows, metric)
            .into_iter()
            .map(|(g, v)| {
                (
                    g.id().to_string(),
                    tr.label("gov", g.id()),
                    v,
                    state.governorates.contains(&g),
                )
            })
            .collect(),
    }
}

#[component]
pub fn BarPanel(
    catalog: Arc<Catalog>,
    url: UrlState,
    rows: Memo<Vec<u32>>,
    breakdown: Breakdown,
) -> impl IntoView {
    // The panel works from its own copy of the rows and the state, paced by how near the
    // screen it is: below the screen, it catches up just after the frame.
    let panel = NodeRef::<Section>::new();
    let nearness = use_nearness(panel);
    let rows = use_paced(rows, nearness);
    let state = use_paced(url.state, nearness);
    let tr = i18n::lang();
    // As many rows as the chart has bars with no filter: filters only take bars away.
    let everything: Vec<u32> = (0..catalog.table.len() as u32).collect();
    let reserved = bars(
        tr,
        &catalog,
        &everything,
        Metric::Events,
        breakdown,
        &ViewState::default(),
    )
    .len();
    let data = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        state.with(|s| rows.with(|rows| bars(tr, &catalog, rows, metric, breakdown, s)))
    });
    let on_pick = Callback::new(move |index: usize| {
        let Some(id) = data.with_untracked(|bars| bars.get(index).map(|b| b.0.clone())) else {
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
        data.with(|bars| {
            let input: Vec<Bar> = bars
                .iter()
                .map(|(_, label, value, selected)| Bar {
                    label: label.clone(),
                    value: *value,
                    selected: *selected,
                })
                .collect();
            BarChart::reserving(input, 480, reserved)
        })
    });
    let targets = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        data.with(|bars| {
            bars.iter()
                .map(|(_, label, value, selected)| Target {
                    label: tr.format(
                        "chart-value",
                        &[
                            ("label", Arg::Text(label)),
                            ("value", Arg::Text(&format_value(*value))),
                            ("metric", Arg::Text(&tr.label("metric", metric.id()))),
                        ],
                    ),
                    pressed: *selected,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" data-chart=breakdown.file() node_ref=panel>
            <h2>
                {breakdown.title(tr)}
                <span class="tools">
                    <button type="button" on:click=move |_| chart.with_untracked(|c| chart_download(breakdown.file(), &c.compact()))>{tr.text("download-svg")}</button>
                </span>
            </h2>
            <Show
                when=move || data.with(|bars| !bars.is_empty())
                fallback=move || view! { <p class="empty">{tr.text("bars-empty")}</p> }
            >
                <ChartView chart=chart nearness=nearness targets=targets title=breakdown.title(tr) on_pick=on_pick />
            </Show>
        </section>
    }
}

/// Who was killed: children, women, other civilians, combatants, unknown status.
#[component]
pub fn CompositionPanel(catalog: Arc<Catalog>, rows: Memo<Vec<u32>>) -> impl IntoView {
    let panel = NodeRef::<Section>::new();
    let nearness = use_nearness(panel);
    let rows = use_paced(rows, nearness);
    let tr = i18n::lang();
    let bars = Memo::new(move |_| {
        rows.with(|rows| composition_bars(tr, &aggregate::composition(&catalog.table, rows)))
    });
    let chart = Memo::new(move |_| BarChart::new(bars.get(), 480));
    let targets = Memo::new(move |_| {
        bars.with(|bars| {
            bars.iter()
                .map(|b| Target {
                    label: tr.format(
                        "plain-value",
                        &[
                            ("label", Arg::Text(&b.label)),
                            ("value", Arg::Text(&format_value(b.value))),
                        ],
                    ),
                    pressed: false,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" data-chart="composition" node_ref=panel>
            <h2>
                {tr.text("composition")}
                <span class="tools">
                    <button type="button" on:click=move |_| chart.with_untracked(|c| chart_download("casualty-composition.svg", c))>{tr.text("download-svg")}</button>
                </span>
            </h2>
            <ChartView chart=chart nearness=nearness targets=targets title=tr.text("composition-title") />
        </section>
    }
}

fn composition_bars(tr: Lang, c: &aggregate::Composition) -> Vec<Bar> {
    [
        ("comp-children", c.children),
        ("comp-women", c.women),
        ("comp-other-civilians", c.other_civilians),
        ("comp-combatants", c.combatants),
        ("comp-unknown", c.unknown),
    ]
    .into_iter()
    .map(|(key, value)| Bar {
        label: tr.text(key),
        value: value as f64,
        selected: false,
    })
    .collect()
}
