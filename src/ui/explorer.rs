//! The explorer: reads the view state from the URL, asks the core for the matching rows, counts
//! and aggregates, and lays out the panels. All computing happens in the core; this only wires
//! signals to components.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::baseline::Baseline;
use crate::core::catalog::Catalog;
use crate::core::date_window::{self, Milestones};
use crate::core::engine::Engine;
use crate::core::facet::Facet;
use crate::core::file_link::FileLabel;
use crate::core::filter::Dimension;
use crate::core::query::View;
use crate::core::rows::Rows;
use crate::ui::about::About;
use crate::ui::adding;
use crate::ui::bar_panels::{BarPanel, Breakdown, CompositionPanel};
use crate::ui::browser;
use crate::ui::event_detail::EventDetail;
use crate::ui::event_list::EventList;
use crate::ui::figures_view::FiguresView;
use crate::ui::filter_panel::FilterPanel;
use crate::ui::i18n::{self, Language};
use crate::ui::live_region::LiveRegion;
use crate::ui::map_view::MapView;
use crate::ui::record_focus::RecordFocus;
use crate::ui::summary_bar::SummaryBar;
use crate::ui::timeline_panel::TimelinePanel;
use crate::ui::url_state::use_url_state;

/// The whole-table sums the explorer shares with its panels ([`Baseline`]), or a baseline of
/// the panel's own outside an explorer (the same numbers, computed again).
pub fn use_baseline() -> Arc<Baseline> {
    use_context::<Arc<Baseline>>().unwrap_or_default()
}

/// The first work of an explorer, done ahead for a catalog (while a file joins, in slices:
/// see [`adding::prepare_explorer`]): its engine, and the whole-table sums its panels start
/// from. The explorer of that catalog takes them instead of making its own in the task that
/// first draws it.
pub struct Prepared {
    /// The engine, built over the catalog's table with no filter.
    pub engine: Engine,
    /// The table's whole-table sums, made under the default metric.
    pub baseline: Arc<Baseline>,
}

/// Where the app keeps a [`Prepared`] explorer for the explorer of its catalog.
#[derive(Clone, Copy)]
pub struct PreparedExplorer(StoredValue<Option<(Arc<Catalog>, Prepared)>>);

impl PreparedExplorer {
    /// An empty one, given to the explorers below.
    pub fn provide() -> PreparedExplorer {
        let prepared = PreparedExplorer(StoredValue::new(None));
        provide_context(prepared);
        prepared
    }

    /// Keeps `prepared`, made for `catalog`, for its explorer (replacing any kept before).
    pub fn keep(&self, catalog: Arc<Catalog>, prepared: Prepared) {
        self.0.set_value(Some((catalog, prepared)));
    }

    /// What was prepared for `catalog`, if anything was: taken, as one explorer owns it.
    fn take(&self, catalog: &Arc<Catalog>) -> Option<Prepared> {
        let kept = self.0.try_update_value(Option::take).flatten()?;
        Arc::ptr_eq(&kept.0, catalog).then_some(kept.1)
    }
}

/// When the reader switches language, the app builds the explorer again over the same
/// catalog: this one hands its engine and whole-table sums to that one as it goes, instead of
/// the new one building them again (with a million-row file open, the switch's longest task
/// went from 188 to 77 ms). Only then: an
/// explorer that goes for a new catalog leaves the slot to what was prepared for that one.
fn keep_for_a_language_switch(
    catalog: &Arc<Catalog>,
    engine: StoredValue<Engine>,
    baseline: &Arc<Baseline>,
) {
    let (Some(slot), Some(language)) =
        (use_context::<PreparedExplorer>(), use_context::<Language>())
    else {
        return;
    };
    let built_in = language.0.get_untracked();
    let catalog = catalog.clone();
    let baseline = baseline.clone();
    on_cleanup(move || {
        if language.0.try_get_untracked() == Some(built_in) {
            return;
        }
        let empty = crate::core::table::EventTable::default();
        let taken = engine
            .try_update_value(|engine| std::mem::replace(engine, Engine::new(&empty, 0, |_| None)));
        if let Some(engine) = taken {
            slot.keep(catalog, Prepared { engine, baseline });
        }
    });
}

/// The explorer over `catalog`; `files` are the reader's files open here, by collection id,
/// which its links name.
#[component]
pub fn Explorer(catalog: Arc<Catalog>, files: Arc<BTreeMap<String, FileLabel>>) -> impl IntoView {
    let url = use_url_state(catalog.clone(), files);
    let state = url.state;
    let tr = i18n::lang();
    // Back and Forward can bring another language: the app builds the interface again in it.
    if let Some(language) = use_context::<Language>() {
        Effect::new(move |_| {
            let wanted = state.with(i18n::lang_of);
            if language.0.get_untracked() != wanted {
                language.0.set(wanted);
            }
        });
    }
    let state_catalog = catalog.clone();
    let filter = Memo::new(move |_| state.with(|s| s.filter(&state_catalog.table)));
    // The incremental engine keeps the marks and the cross counts from one filter to the next,
    // so a change costs what it changes (a brush visits the rows at the window's edges). The
    // passes are measured so the benchmark can read them from the Performance timeline.
    let prepared = use_context::<PreparedExplorer>().and_then(|p| p.take(&catalog));
    let (engine, baseline) = match prepared {
        Some(Prepared { engine, baseline }) => (engine, baseline),
        None => {
            let _measure = browser::Measure::new("engine");
            let engine = Engine::new(&catalog.table, 0, |_| None);
            (engine, Arc::new(Baseline::new()))
        }
    };
    let engine = StoredValue::new(engine);
    keep_for_a_language_switch(&catalog, engine, &baseline);
    // The open facets (actor names, districts, places, sources) whose options are shown: only
    // theirs are counted. A group starts open when the link ticks one of its values.
    let wanted =
        RwSignal::new(state.with_untracked(|s| s.facets.clone().map(|set| !set.is_empty())));
    let engine_catalog = catalog.clone();
    // Counts the filters applied: a memo of `()` would never notify, as `()` equals `()`.
    let applied = Memo::new(move |previous: Option<&u64>| {
        let _measure = browser::Measure::new("filter");
        let filter = filter.get();
        let wanted = wanted.get();
        let table = &engine_catalog.table;
        engine.update_value(|engine| {
            for facet in Facet::ALL {
                engine.want_facet(table, facet, wanted[facet.index()]);
            }
            engine.set_filter(table, filter);
        });
        previous.map_or(0, |n| n.wrapping_add(1))
    });
    // Read, not only tracked: reading is what runs a memo.
    let rows = Memo::new(move |_| {
        applied.get();
        Rows::new(engine.with_value(Engine::rows))
    });
    let cross = Memo::new(move |_| {
        applied.get();
        let _measure = browser::Measure::new("cross-counts");
        engine.with_value(|engine| engine.cross_counts().clone())
    });
    // Counts the reader's filter changes, for the live region: the filter's own memo, so a
    // sort, a page or a group opened says nothing.
    let filter_changes = Memo::new(move |previous: Option<&u64>| {
        // Read, not only tracked: reading is what runs a memo.
        filter.with(|_| ());
        previous.map_or(0, |n| n.wrapping_add(1))
    });
    // The whole table's sums, which the totals, bars, composition and map take the rows a
    // filter leaves out from when most rows match (a clear costs what it leaves out). Made
    // lazily, once per table (or ahead, with the engine), and shared with the panels.
    provide_context(baseline.clone());
    let totals_catalog = catalog.clone();
    let totals = Memo::new(move |_| rows.with(|rows| baseline.totals(&totals_catalog.table, rows)));
    // The events shown that the date window keeps whole though their dates reach beyond it:
    // the window's own days read with the rows, as the same rows may reach beyond one window
    // and not the next.
    let beyond_catalog = catalog.clone();
    let beyond = Memo::new(move |_| {
        filter.with(|filter| {
            rows.with(|rows| {
                date_window::beyond_window(&beyond_catalog.table, rows, filter, Milestones::Counted)
            })
        })
    });

    // While only events dated within the window count: those the dates alone leave out
    // though they overlap the window, read from the engine's marks after each change.
    let left_out_catalog = catalog.clone();
    let left_out = Memo::new(move |_| {
        applied.get();
        filter.with(|filter| {
            date_window::counts_within(filter)
                .then(|| {
                    let rows =
                        engine.with_value(|engine| engine.rows_failing_only(Dimension::Date));
                    date_window::left_out_within(&left_out_catalog.table, &rows, filter)
                })
                .flatten()
        })
    });

    // A page beyond the last (an old or hand-edited link, Back to a longer list) is brought
    // back in the state, not only on screen, so the address and "Previous" agree with it.
    Effect::new(move |_| {
        let count = rows.with(|rows| rows.len());
        let mut clamped = state.get();
        if let Some(notice) = clamped.clamp_page(count) {
            url.correct(move |s| s.page = clamped.page, notice);
        }
    });

    let current_view = Memo::new(move |_| state.with(|s| s.view));
    let tab = move |view: View, label: String| {
        view! {
            <button type="button" aria-current=move || if current_view.get() == view { Some("page") } else { None }
                on:click=move |_| url.update(|s| s.view = view)>{label}</button>
        }
    };
    let notices = move || {
        let notices = url.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notices" role="status" data-testid="notices">
                    <strong>{tr.text("notices-heading")}</strong>
                    // A notice the catalogues do not word yet stays in English, marked so.
                    <ul>{notices.into_iter().map(|n| match &n.said {
                        Some(said) => view! { <li>{tr.said(said)}</li> }.into_any(),
                        None => view! { <li lang="en" dir="ltr">{n.message}</li> }.into_any(),
                    }).collect_view()}</ul>
                </div>
            }
        })
    };
    let first_errors: Vec<String> = catalog.errors().take(3).map(ToString::to_string).collect();
    let load_problems = (catalog.skipped > 0).then(|| {
        view! {
            <div class="notices" role="status" data-testid="skipped-notice">
                {tr.count("skipped-records", catalog.skipped as u64)}
                <ul>{first_errors.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}</ul>
            </div>
        }
    });
    // A memo, so that the detail panel is rebuilt only when the selection changes, not on every
    // filter change. In the figures view, `sel` names a reported figure, which that view shows.
    let selection =
        Memo::new(move |_| state.with(|s| s.selected.clone().filter(|_| s.view != View::Figures)));
    let figure_selection =
        Memo::new(move |_| state.with(|s| s.selected.clone().filter(|_| s.view == View::Figures)));
    let c = catalog.clone();
    let main_view = move || {
        let catalog = c.clone();
        match current_view.get() {
            View::About => view! { <About catalog=catalog /> }.into_any(),
            View::Figures => {
                // The figures view shows the figure named by `sel`: rebuilt when it changes.
                figure_selection.track();
                view! { <FiguresView catalog=catalog url=url /> }.into_any()
            }
            View::Map => view! { <MapView catalog=catalog url=url rows=rows /> }.into_any(),
            _ => view! {
                <TimelinePanel catalog=catalog.clone() url=url rows=rows />
                <div class="chart-grid">
                    <BarPanel catalog=catalog.clone() url=url rows=rows breakdown=Breakdown::Actor />
                    <BarPanel catalog=catalog.clone() url=url rows=rows breakdown=Breakdown::Kind />
                    <BarPanel catalog=catalog.clone() url=url rows=rows breakdown=Breakdown::Governorate />
                    <CompositionPanel catalog=catalog.clone() url=url rows=rows />
                </div>
                <EventList catalog=catalog url=url rows=rows />
            }.into_any(),
        }
    };
    let detail_catalog = catalog.clone();
    // A record the reader opens takes focus, and gives it back where it was opened from when it
    // closes; one the page opens on (a link to it) leaves focus where the page starts.
    // Only a change of the selected event moves focus: coming back to the list from the
    // figures view brings the record back without taking focus from the tabs.
    let record_focus = RecordFocus::provide();
    let last_selected = StoredValue::new(state.with_untracked(|s| s.selected.clone()));
    // In the figures view, `sel` names a reported figure, which that view highlights.
    let detail = move || {
        let selected = selection.get();
        let now = state.with_untracked(|s| s.selected.clone());
        let take_focus = last_selected.with_value(|last| *last != now);
        last_selected.set_value(now);
        selected.map(|id| {
            if take_focus {
                record_focus.remember_opener();
            }
            view! { <EventDetail catalog=detail_catalog.clone() url=url id=id take_focus=take_focus /> }
        })
    };
    // The filter panel (its option lists over every actor, place and source) is drawn in a
    // task after the summary and the charts: all of it in one task held the page's thread for
    // over 100 ms when a large file joined. Its column is kept meanwhile.
    let panel_ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        adding::yield_to_browser().await;
        // The explorer may be gone by then (another file opened at once).
        let _ = panel_ready.try_set(true);
    });
    let panel_catalog = catalog.clone();
    let filter_panel = move || {
        if panel_ready.get() {
            view! { <FilterPanel catalog=panel_catalog.clone() url=url cross=cross wanted=wanted /> }
                .into_any()
        } else {
            view! { <div class="filter-side"></div> }.into_any()
        }
    };
    view! {
        <SummaryBar catalog=catalog.clone() url=url rows=rows totals=totals beyond=beyond left_out=left_out />
        <LiveRegion changes=filter_changes totals=totals />
        {notices}
        {load_problems}
        <div class="explorer">
            {filter_panel}
            <div class="main">
                <nav class="tabs" aria-label=tr.text("tabs-label")>
                    {tab(View::List, tr.text("tab-list"))}
                    {tab(View::Map, tr.text("tab-map"))}
                    {tab(View::Figures, tr.text("tab-figures"))}
                    {tab(View::About, tr.text("tab-about"))}
                </nav>
                {detail}
                {main_view}
            </div>
        </div>
    }
}
