//! The filters: date range, text search, collections, publishers and sources, actors (by role)
//! and the names the sources give them, event kinds, governorates, districts and places, and
//! casualties. Every option shows how many events it would match under the other active filters
//! (cross-filter counts); options are listed by their count with no filter (collections in the
//! order they load); each group has its own Clear button.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::bar_chart::group_thousands;
use crate::core::catalog::Catalog;
use crate::core::date::Day;
use crate::core::facet::Facet;
use crate::core::filter::{ActorRole, CasualtyFilter, CrossCounts, DateMatch};
use crate::core::query::{toggle, TypedDate, ViewState};
use crate::core::vocab::{Actor, EventKind, Governorate, Publisher};
use crate::ui::browser;
use crate::ui::facet_filter::FacetFilter;
use crate::ui::filter_chips::FilterChips;
use crate::ui::i18n;
use crate::ui::near_screen::{use_nearness, use_paced};
use crate::ui::roving;
use crate::ui::url_state::UrlState;

/// The filter sidebar; a collapsible panel on narrow screens.
#[component]
pub fn FilterPanel(
    catalog: Arc<Catalog>,
    url: UrlState,
    /// Cross-filter counts under the current state.
    cross: Memo<CrossCounts>,
    /// Per open facet, whether its options are shown (and so counted).
    wanted: RwSignal<[bool; Facet::COUNT]>,
) -> impl IntoView {
    let state = url.state;
    let tr = i18n::lang();
    let collections: Vec<(String, String)> = catalog
        .datasets
        .iter()
        .map(|d| (d.collection.id.clone(), d.collection.name.clone()))
        .collect();
    // Counts with no filter: an option with no event at all is left out, and one that has none
    // under the current filters is greyed but stays, so the options below it do not move.
    // Made with the whole table's sums (ahead, when a file joins).
    let overall = crate::ui::explorer::use_baseline().counts_of_all(&catalog.table);
    let facet = {
        let catalog = catalog.clone();
        let overall = overall.facets.clone();
        move |facet: Facet| {
            view! {
                <FacetFilter catalog=catalog.clone() url=url cross=cross facet=facet
                    overall=overall[facet.index()].clone() wanted=wanted />
            }
        }
    };
    let casualty_group = NodeRef::<leptos::html::Fieldset>::new();
    let casualty_counts = use_paced(
        Memo::new(move |_| cross.with(|c| c.casualty.clone())),
        use_nearness(casualty_group),
    );

    // Open beside the results on a wide screen, collapsed on a phone; while collapsed, the
    // active filters show as chips under its summary.
    let open = RwSignal::new(browser::is_wide());
    let summary = NodeRef::<leptos::html::Summary>::new();
    let chips = view! {
        <FilterChips catalog=catalog.clone() url=url shown=Signal::derive(move || !open.get()) fallback=summary />
    };

    view! {
        <div class="filter-side">
        <details class="filters" open=open.get_untracked()
            on:toggle=move |ev| {
                let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if open.get_untracked() != now {
                    open.set(now);
                }
            }>
            <summary node_ref=summary>{tr.text("filters")}</summary>
            <fieldset>
                <legend>{tr.text("filter-search")}</legend>
                <label class="visually-hidden" for="search">{tr.text("filter-search-label")}</label>
                <input
                    id="search"
                    type="search"
                    placeholder=tr.text("filter-search-placeholder")
                    prop:value=move || state.with(|s| s.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        url.update_typing("q", |s| { s.text = text; s.page = 0; });
                    }
                    on:blur=move |_| url.end_typing()
                />
            </fieldset>
            <fieldset>
                <legend>
                    {tr.text("filter-dates")}
                    <ClearButton
                        active=Signal::derive(move || state.with(|s| s.from.is_some() || s.to.is_some() || s.date_match != DateMatch::Overlap))
                        on_clear=Callback::new(move |()| url.update(|s| {
                            (s.from, s.to, s.date_match) = (None, None, DateMatch::Overlap);
                            s.page = 0;
                        }))
                    />
                </legend>
                <div class="date-row">
                    {date_field(url, tr.text("filter-from"), "from", |s| s.from, |s, day| s.from = day)}
                    {date_field(url, tr.text("filter-to"), "to", |s| s.to, |s, day| s.to = day)}
                </div>
                // An event dated to a month or a year overlaps a narrower window: counted
                // whole by default, or left out.
                <label class="date-match">{tr.text("filter-date-match-label")}
                    <select data-testid="date-match"
                        prop:value=move || state.with(|s| s.date_match.id())
                        on:change=move |ev| {
                            let date_match = DateMatch::from_id(&event_target_value(&ev)).unwrap_or_default();
                            url.update(|s| { s.date_match = date_match; s.page = 0; });
                        }
                    >
                        <option value="overlap" selected=move || state.with(|s| s.date_match == DateMatch::Overlap)>{tr.text("filter-date-overlap")}</option>
                        <option value="within" selected=move || state.with(|s| s.date_match == DateMatch::Within)>{tr.text("filter-date-within")}</option>
                    </select>
                </label>
            </fieldset>
            <OptionGroup
                title=tr.text("filter-collection")
                name="collection"
                options=collections.iter().enumerate().map(|(i, (id, name))| (i, id.clone(), name.clone())).collect()
                checked=Memo::new(move |_| state.with(|s| s.collections.clone()))
                counts=Memo::new(move |_| cross.with(|c| c.collection.clone()))
                present=overall.collection.iter().map(|&n| n > 0).collect()
                on_toggle=Callback::new(move |id: String| url.update(|s| { toggle(&mut s.collections, id); s.page = 0; }))
                on_clear=Callback::new(move |()| url.update(|s| { s.collections.clear(); s.page = 0; }))
            />
            <OptionGroup
                title=tr.text("filter-publisher")
                name="publisher"
                options=by_count(Publisher::ALL.iter().map(|p| (p.index(), p.id().to_string(), tr.label("pub", p.id()))).collect(), &overall.publisher)
                checked=Memo::new(move |_| state.with(|s| s.publishers.iter().map(|p| p.id().to_string()).collect()))
                counts=Memo::new(move |_| cross.with(|c| c.publisher.clone()))
                present=overall.publisher.iter().map(|&n| n > 0).collect()
                on_toggle=Callback::new(move |id: String| url.update(|s| { if let Some(p) = Publisher::from_id(&id) { toggle(&mut s.publishers, p); } s.page = 0; }))
                on_clear=Callback::new(move |()| url.update(|s| { s.publishers.clear(); s.page = 0; }))
            />
            {facet(Facet::Source)}
            <fieldset class="actor-role">
                <legend>{tr.text("filter-actor-role")}</legend>
                <label class="visually-hidden" for="actor-role">{tr.text("filter-actor-role-label")}</label>
                // The value follows the state as a property: once the reader has picked an
                // option, `selected` attributes no longer move the selection (Back, Forward).
                <select id="actor-role"
                    prop:value=move || state.with(|s| s.actor_role.id())
                    on:change=move |ev| {
                    let role = ActorRole::from_id(&event_target_value(&ev)).unwrap_or(ActorRole::Any);
                    url.update(|s| { s.actor_role = role; s.page = 0; });
                }>
                    <option value="any" selected=move || state.with(|s| s.actor_role == ActorRole::Any)>{tr.text("filter-role-any")}</option>
                    <option value="perpetrator" selected=move || state.with(|s| s.actor_role == ActorRole::Perpetrator)>{tr.text("filter-role-perpetrator")}</option>
                </select>
            </fieldset>
            <OptionGroup
                title=tr.text("filter-actor")
                name="actor"
                options=by_count(Actor::ALL.iter().map(|a| (a.index(), a.id().to_string(), tr.label("actor", a.id()))).collect(), &overall.actor)
                checked=Memo::new(move |_| state.with(|s| s.actors.iter().map(|a| a.id().to_string()).collect()))
                counts=Memo::new(move |_| cross.with(|c| c.actor.clone()))
                present=overall.actor.iter().map(|&n| n > 0).collect()
                on_toggle=Callback::new(move |id: String| url.update(|s| { if let Some(a) = Actor::from_id(&id) { toggle(&mut s.actors, a); } s.page = 0; }))
                on_clear=Callback::new(move |()| url.update(|s| { s.actors.clear(); s.page = 0; }))
            />
            {facet(Facet::Party)}
            <OptionGroup
                title=tr.text("filter-kind")
                name="kind"
                options=by_count(EventKind::ALL.iter().map(|k| (k.index(), k.id().to_string(), tr.label("kind", k.id()))).collect(), &overall.kind)
                checked=Memo::new(move |_| state.with(|s| s.kinds.iter().map(|k| k.id().to_string()).collect()))
                counts=Memo::new(move |_| cross.with(|c| c.kind.clone()))
                present=overall.kind.iter().map(|&n| n > 0).collect()
                on_toggle=Callback::new(move |id: String| url.update(|s| { if let Some(k) = EventKind::from_id(&id) { toggle(&mut s.kinds, k); } s.page = 0; }))
                on_clear=Callback::new(move |()| url.update(|s| { s.kinds.clear(); s.page = 0; }))
            />
            {facet(Facet::EventType)}
            <OptionGroup
                title=tr.text("filter-governorate")
                name="governorate"
                options=by_count(Governorate::ALL.iter().map(|g| (g.index(), g.id().to_string(), tr.label("gov", g.id()))).collect(), &overall.governorate)
                checked=Memo::new(move |_| state.with(|s| s.governorates.iter().map(|g| g.id().to_string()).collect()))
                counts=Memo::new(move |_| cross.with(|c| c.governorate.clone()))
                present=overall.governorate.iter().map(|&n| n > 0).collect()
                on_toggle=Callback::new(move |id: String| url.update(|s| { if let Some(g) = Governorate::from_id(&id) { toggle(&mut s.governorates, g); } s.page = 0; }))
                on_clear=Callback::new(move |()| url.update(|s| { s.governorates.clear(); s.page = 0; }))
            />
            {facet(Facet::District)}
            {facet(Facet::Place)}
            <fieldset node_ref=casualty_group>
                <legend>
                    {tr.text("filter-casualties")}
                    <ClearButton
                        active=Signal::derive(move || state.with(|s| s.casualty.is_some()))
                        on_clear=Callback::new(move |()| url.update(|s| { s.casualty = None; s.page = 0; }))
                    />
                </legend>
                {CasualtyFilter::ALL.iter().map(|&option| {
                    let input_id = format!("casualty-{}", option.id());
                    let label_for = input_id.clone();
                    view! {
                        <label class="option" for=label_for>
                            <input type="radio" name="casualty" id=input_id
                                prop:checked=move || state.with(|s| s.casualty == Some(option))
                                on:change=move |_| url.update(|s| { s.casualty = Some(option); s.page = 0; })
                            />
                            {tr.label("cas", option.id())}
                            <span class="n">{move || casualty_counts.with(|c| group_thousands(i64::from(c.get(option.index()).copied().unwrap_or(0))))}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </details>
        {chips}
        </div>
    }
}

/// `options` (count index, id, label) by their count with no filter (`overall`), most first;
/// ties keep their order. Not by the live counts: options keep their places while the reader
/// ticks them.
fn by_count(
    mut options: Vec<(usize, String, String)>,
    overall: &[u32],
) -> Vec<(usize, String, String)> {
    options
        .sort_by_key(|(index, _, _)| std::cmp::Reverse(overall.get(*index).copied().unwrap_or(0)));
    options
}

/// One bound of the date filter (`field` is `from` or `to`). Typing in it replaces its history
/// entry after the first change, and a year still being typed digit by digit changes nothing.
fn date_field(
    url: UrlState,
    label: String,
    field: &'static str,
    get: fn(&ViewState) -> Option<Day>,
    set: fn(&mut ViewState, Option<Day>),
) -> impl IntoView {
    let apply = move |typed: TypedDate| {
        let day = match typed {
            TypedDate::Typing => return,
            TypedDate::Empty => None,
            TypedDate::Day(day) => Some(day),
        };
        url.update_typing(field, |s| {
            set(s, day);
            s.page = 0;
        });
    };
    view! {
        <label>{label}
            <input type="date" data-testid=format!("date-{field}")
                prop:value=move || url.state.with(|s| get(s).map(|d| d.to_string()).unwrap_or_default())
                on:change=move |ev| apply(TypedDate::read(&event_target_value(&ev)))
                on:blur=move |_| url.end_typing()
            />
        </label>
    }
}

/// A "Clear" button shown while a filter group is active. Hidden rather than removed: it comes
/// and goes with most clicks in its group. It hides itself when clicked, so focus first moves
/// to the group's first field (its first option, or its type-ahead box), not to the page.
#[component]
pub fn ClearButton(active: Signal<bool>, on_clear: Callback<()>) -> impl IntoView {
    let label = i18n::lang().text("clear");
    let button = NodeRef::<leptos::html::Button>::new();
    let clear = move |_| {
        let first_field = button
            .get_untracked()
            .and_then(|button| button.closest("fieldset").ok().flatten())
            .and_then(|group| group.query_selector("input, select").ok().flatten())
            .and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = first_field {
            let _ = field.focus();
        }
        on_clear.run(());
    };
    view! {
        <button type="button" class="clear" node_ref=button hidden=move || !active.get() on:click=clear>{label}</button>
    }
}

/// A group of checkboxes with cross-filter counts. Options with no event in the collections are
/// left out unless checked, so long vocabularies stay short; options with none under the other
/// filters are greyed.
#[component]
fn OptionGroup(
    title: String,
    name: &'static str,
    /// (count index, id, label)
    options: Vec<(usize, String, String)>,
    /// Memos, so the many closures of the options read them without recomputing.
    checked: Memo<BTreeSet<String>>,
    counts: Memo<Vec<u32>>,
    /// Whether each option (by count index) has any event with no filter.
    present: Vec<bool>,
    on_toggle: Callback<String>,
    on_clear: Callback<()>,
) -> impl IntoView {
    let active = Signal::derive(move || checked.with(|c| !c.is_empty()));
    let title_label = title.clone();
    // A group below the screen (the sidebar is long) updates its counts just after the frame.
    let group = NodeRef::<leptos::html::Fieldset>::new();
    let counts = use_paced(counts, use_nearness(group));
    // One Tab stop for the group (roving focus): the option last focused, else the first
    // with events.
    let current = RwSignal::new(None::<String>);
    let first = options
        .iter()
        .find(|(index, _, _)| present.get(*index).copied().unwrap_or(false))
        .map(|(_, id, _)| format!("{name}-{id}"));
    let first = StoredValue::new(first);
    view! {
        <fieldset data-filter=name node_ref=group>
            <legend>{title}<ClearButton active=active on_clear=on_clear /></legend>
            <div class="option-list" role="group" aria-label=title_label
                on:keydown=move |ev| roving::on_key(&ev, "input")
                on:focusin=move |ev| {
                    if let Some(id) = roving::focused_id(&ev) {
                        if current.with_untracked(|c| c.as_deref() != Some(id.as_str())) {
                            current.set(Some(id));
                        }
                    }
                }>
                {options.into_iter().map(|(index, id, label)| {
                    let input_id = format!("{name}-{id}");
                    // Per option, so only the options whose count or state changed are
                    // touched on a filter change.
                    let count = Memo::new(move |_| counts.with(|c| c.get(index).copied().unwrap_or(0)));
                    let present = present.get(index).copied().unwrap_or(false);
                    let is_checked = {
                        let id = id.clone();
                        Memo::new(move |_| checked.with(|c| c.contains(&id)))
                    };
                    view! {
                        <label class="option"
                            class:zero=move || count.get() == 0
                            class:absent=move || !present && !is_checked.get()
                            for=input_id.clone()>
                                <input type="checkbox" id=input_id.clone() value=id.clone()
                                    prop:checked=is_checked
                                    tabindex={
                                        let input_id = input_id.clone();
                                        move || current.with(|c| first.with_value(|f| roving::tab_index(c.as_deref(), f.as_deref(), &input_id)))
                                    }
                                    on:change={
                                        let id = id.clone();
                                        move |_| on_toggle.run(id.clone())
                                    }
                                />
                                <bdi>{label.clone()}</bdi>
                                <span class="n">{move || group_thousands(i64::from(count.get()))}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
