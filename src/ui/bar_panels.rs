//! Bar charts by actor, event kind and governorate, and the casualty composition. Clicking (or
//! pressing Enter on) a bar toggles that filter; the hover title gives the exact value.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::{self, format_value, Bar};
use crate::core::aggregate::{self, Metric};
use crate::core::catalog::Catalog;
use crate::core::query::toggle;
use crate::core::vocab::{Actor, EventKind, Governorate};
use crate::ui::browser::Measure;
use crate::ui::chart_view::{svg_download, ChartView, Target};
use crate::ui::url_state::UrlState;

/// Which breakdown a bar panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    Actor,
    Kind,
    Governorate,
}

impl Breakdown {
    fn title(self) -> &'static str {
        match self {
            Breakdown::Actor => "By actor (an event counts for each of its actors)",
            Breakdown::Kind => "By event kind",
            Breakdown::Governorate => "By governorate",
        }
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
    catalog: &Catalog,
    rows: &[u32],
    metric: Metric,
    breakdown: Breakdown,
    state: &crate::core::query::ViewState,
) -> Bars {
    let table = &catalog.table;
    match breakdown {
        Breakdown::Actor => aggregate::by_actor(table, rows, metric)
            .into_iter()
            .map(|(a, v)| {
                (
                    a.id().to_string(),
                    a.label().to_string(),
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
                    k.label().to_string(),
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
                    g.label().to_string(),
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
    let state = url.state;
    let data = Memo::new(move |_| {
        let metric = state.with(|s| s.metric);
        state.with(|s| rows.with(|rows| bars(&catalog, rows, metric, breakdown, s)))
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
    let drawn = Memo::new(move |_| {
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
            bar_chart::draw(&input, 480).ok()
        })
    });
    view! {
        <section class="panel" data-chart=breakdown.file()>
            <h2>
                {breakdown.title()}
                <span class="tools">
                    <button type="button" on:click=move |_| drawn.with_untracked(|d| if let Some(d) = d { svg_download(breakdown.file(), &d.svg) })>"SVG"</button>
                </span>
            </h2>
            {move || {
                let metric = state.with(|s| s.metric);
                match (drawn.get(), data.get()) {
                    (Some(drawn), bars) if !bars.is_empty() => {
                        let targets = bars.iter().map(|(_, label, value, selected)| Target {
                            label: format!("{label}: {} {}", format_value(*value), metric.label()),
                            pressed: *selected,
                        }).collect();
                        view! { <ChartView drawn=drawn targets=targets title=breakdown.title().to_string() on_pick=on_pick /> }.into_any()
                    }
                    _ => view! { <p class="empty">"Nothing to show for these filters."</p> }.into_any(),
                }
            }}
        </section>
    }
}

/// Who was killed: children, women, other civilians, combatants, unknown status.
#[component]
pub fn CompositionPanel(catalog: Arc<Catalog>, rows: Memo<Vec<u32>>) -> impl IntoView {
    let composition =
        Memo::new(move |_| rows.with(|rows| aggregate::composition(&catalog.table, rows)));
    let drawn = Memo::new(move |_| {
        let c = composition.get();
        let bars = composition_bars(&c);
        bar_chart::draw(&bars, 480).ok().map(|d| (d, bars))
    });
    view! {
        <section class="panel" data-chart="composition">
            <h2>
                "Who was killed (best estimates)"
                <span class="tools">
                    <button type="button" on:click=move |_| drawn.with_untracked(|d| if let Some((d, _)) = d { svg_download("casualty-composition.svg", &d.svg) })>"SVG"</button>
                </span>
            </h2>
            {move || match drawn.get() {
                Some((drawn, bars)) => {
                    let targets = bars.iter().map(|b| Target { label: format!("{}: {}", b.label, format_value(b.value)), pressed: false }).collect();
                    view! { <ChartView drawn=drawn targets=targets title="Casualty composition".to_string() /> }.into_any()
                }
                None => view! { <p class="empty">"Nothing to show."</p> }.into_any(),
            }}
        </section>
    }
}

fn composition_bars(c: &aggregate::Composition) -> Vec<Bar> {
    [
        ("Children", c.children),
        ("Women", c.women),
        ("Other civilians", c.other_civilians),
        ("Combatants", c.combatants),
        ("Unknown status", c.unknown),
    ]
    .into_iter()
    .map(|(label, value)| Bar {
        label: label.to_string(),
        value: value as f64,
        selected: false,
    })
    .collect()
}
