//! One open dimension of the filter panel (actor names, districts, places, sources): every value
//! the loaded data holds is an option, listed by its count with no filter, with the
//! cross-filtered count beside it. Above a dozen options a type-ahead box finds the rest; the
//! core decides what is listed ([`OptionOrder::visible`]). A group is a disclosure, closed
//! until the reader opens it or a link ticks one of its values.
//!
//! What is typed in the type-ahead box is not part of the view state: it only finds options,
//! and what the reader ticks is what the link keeps. Places are found by their source spelling
//! and by their gazetteer Arabic name alike ([`PlaceTypeAhead`]).

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::catalog::Catalog;
use crate::core::facet::{Facet, OptionOrder, LISTED_OPTIONS};
use crate::core::filter::CrossCounts;
use crate::core::i18n::{Arg, Lang};
use crate::core::place_typeahead::{shared_names, PlaceTypeAhead};
use crate::core::query::toggle;
use crate::core::vocab::Actor;
use crate::ui::filter_panel::ClearButton;
use crate::ui::i18n;
use crate::ui::near_screen::{use_nearness, use_paced};
use crate::ui::roving;
use crate::ui::url_state::UrlState;

/// The options of `facet`; nothing when no loaded event has a value of it.
#[component]
pub fn FacetFilter(
    catalog: Arc<Catalog>,
    url: UrlState,
    /// Cross-filter counts under the current state.
    cross: Memo<CrossCounts>,
    facet: Facet,
    /// Each value's count with no filter, by value id: the order of the options.
    overall: Vec<u32>,
    /// Per facet, whether its options are shown: this group sets its own as it opens and
    /// closes, and only shown facets are counted.
    wanted: RwSignal<[bool; Facet::COUNT]>,
) -> impl IntoView {
    let at = facet.index();
    let tr = i18n::lang();
    let facet_label = tr.label("facet", facet.id());
    let order = Arc::new(OptionOrder::new(
        &catalog.table.facets[at].dictionary,
        &overall,
    ));
    if order.is_empty() {
        return None;
    }
    let options = order.len();
    let searchable = order.searchable();
    let (typed, set_typed) = signal(String::new());
    let dictionary_catalog = catalog.clone();
    let checked = Memo::new(move |_| {
        let dictionary = &dictionary_catalog.table.facets[at].dictionary;
        url.state.with(|s| {
            s.facets[at]
                .iter()
                .filter_map(|value| dictionary.id(value))
                .collect::<Vec<u32>>()
        })
    });
    let order_catalog = catalog.clone();
    // Places are found by their Arabic names too, in either language.
    let places = (facet == Facet::Place).then(PlaceTypeAhead::default);
    // Arabic names given to several spellings: those options show their spelling too.
    let shared = Arc::new(shared_names(&catalog.table.facets[at].arabic));
    let visible = Memo::new(move |_| {
        let index = &order_catalog.table.facets[at];
        let dictionary = &index.dictionary;
        checked.with(|checked| {
            typed.with(|typed| match &places {
                Some(places) => places.visible(
                    &order,
                    dictionary,
                    &index.arabic,
                    checked,
                    typed,
                    LISTED_OPTIONS,
                ),
                None => order.visible(dictionary, checked, typed, LISTED_OPTIONS),
            })
        })
    });
    let group = NodeRef::<leptos::html::Fieldset>::new();
    let counts = use_paced(
        Memo::new(move |_| cross.with(|c| c.facets[at].clone())),
        use_nearness(group),
    );
    // Memos, so that a change elsewhere in the state (a sort, a page) writes nothing here.
    let ticked = Memo::new(move |_| url.state.with(|s| s.facets[at].len()));
    let active = Signal::derive(move || ticked.get() > 0);
    let clear = Callback::new(move |()| {
        set_typed.set(String::new());
        url.update(|s| {
            s.facets[at].clear();
            s.page = 0;
        })
    });
    // One Tab stop for the options (roving focus): the one last focused, else the first shown.
    let current = RwSignal::new(None::<String>);
    let tab_stop = Memo::new(move |_| {
        let first = visible.with(|v| v.ids.first().map(|id| format!("{}-{id}", facet.id())));
        let shown = current.with(|c| {
            c.clone().filter(|c| {
                visible.with(|v| v.ids.iter().any(|id| format!("{}-{id}", facet.id()) == *c))
            })
        });
        shown.or(first)
    });
    let option = move |id: u32| {
        let index = &catalog.table.facets[at];
        let value = index.dictionary.value(id).unwrap_or_default().to_string();
        let input_id = format!("{}-{id}", facet.id());
        let count = Memo::new(move |_| counts.with(|c| c.get(id as usize).copied().unwrap_or(0)));
        let is_checked = Memo::new(move |_| checked.with(|c| c.contains(&id)));
        let title = hint(tr, facet, &value, index.groups.get(id as usize).copied());
        let shown = place_option(tr, facet, index.arabic.get(id as usize), &value, &shared);
        let toggled = value.clone();
        view! {
            <label class="option" class:zero=move || count.get() == 0 for=input_id.clone() title=title>
                <input type="checkbox" id=input_id.clone() value=value.clone()
                    prop:checked=is_checked
                    tabindex={
                        let input_id = input_id.clone();
                        move || tab_stop.with(|stop| roving::tab_index(stop.as_deref(), None, &input_id))
                    }
                    on:change=move |_| {
                        let value = toggled.clone();
                        url.update(|s| { toggle(&mut s.facets[at], value); s.page = 0; });
                    }
                />
                {shown}
                <span class="n">{move || group_thousands(i64::from(count.get()))}</span>
            </label>
        }
    };
    let search_label = lowercase(tr, &facet_label);
    let search = move || {
        searchable.then(|| {
        view! {
            <input type="search" class="facet-search"
                data-testid=format!("facet-search-{}", facet.id())
                aria-label=tr.format("facet-find-label", &[
                    ("facet", Arg::Text(&search_label)),
                    ("n", Arg::Text(&group_thousands(options as i64))),
                ])
                placeholder=tr.format("facet-find-placeholder", &[("n", Arg::Text(&group_thousands(options as i64)))])
                prop:value=typed
                on:input=move |ev| set_typed.set(event_target_value(&ev))
            />
        }
    })
    };
    let footer = move || {
        let matches = visible.with(|v| v.matches);
        let more = visible.with(|v| v.more);
        let text = if matches == 0 {
            tr.text("facet-no-match")
        } else if more > 0 {
            tr.format(
                "facet-more",
                &[("n", Arg::Text(&group_thousands(more as i64)))],
            )
        } else {
            return None;
        };
        Some(view! { <p class="facet-more" role="status">{text}</p> })
    };
    // Closed unless a link opens it with values ticked: the open lists are long. A closed
    // group is neither counted (see `wanted`) nor built: a filter change costs nothing here
    // until the reader opens it.
    let is_open = Memo::new(move |_| wanted.with(|w| w[at]));
    let opened = is_open.get_untracked();
    let legend_label = facet_label.clone();
    let content = move || {
        let option = option.clone();
        let legend_label = legend_label.clone();
        let search = search.clone();
        is_open.get().then(move || {
            view! {
                <fieldset data-filter=facet.id() node_ref=group>
                    <legend class="visually-hidden">{legend_label.clone()}</legend>
                    <div class="facet-tools">{search()}<ClearButton active=active on_clear=clear /></div>
                    <div class="option-list" role="group" aria-label=legend_label.clone()
                        on:keydown=move |ev| roving::on_key(&ev, "input")
                        on:focusin=move |ev| {
                            if let Some(id) = roving::focused_id(&ev) {
                                if current.with_untracked(|c| c.as_deref() != Some(id.as_str())) {
                                    current.set(Some(id));
                                }
                            }
                        }>
                        <For each=move || visible.with(|v| v.ids.clone()) key=|id| *id let:id>
                            {option(id)}
                        </For>
                    </div>
                    {footer}
                </fieldset>
            }
        })
    };
    let summary = move || {
        let ticked = ticked.get();
        let options = group_thousands(options as i64);
        let facet = Arg::Text(&facet_label);
        if ticked == 0 {
            tr.format(
                "facet-summary",
                &[("facet", facet), ("n", Arg::Text(&options))],
            )
        } else {
            let ticked = ticked.to_string();
            tr.format(
                "facet-summary-ticked",
                &[
                    ("facet", facet),
                    ("ticked", Arg::Text(&ticked)),
                    ("n", Arg::Text(&options)),
                ],
            )
        }
    };
    Some(view! {
        <details class="facet" open=opened data-facet=facet.id()
            on:toggle=move |ev| {
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if wanted.with_untracked(|w| w[at] != open) {
                    wanted.update(|w| w[at] = open);
                }
            }>
            <summary>{summary}</summary>
            {content}
        </details>
    })
}

/// The tooltip of an option: its full text, and for an actor name the broad categories the
/// collection groups it under.
fn hint(tr: Lang, facet: Facet, value: &str, groups: Option<u32>) -> String {
    let mask = groups.unwrap_or(0);
    let names: Vec<String> = Actor::ALL
        .iter()
        .filter(|actor| mask >> actor.index() & 1 == 1)
        .filter(|actor| actor.label() != value)
        .map(|actor| tr.label("actor", actor.id()))
        .collect();
    if facet != Facet::Party || names.is_empty() {
        value.to_string()
    } else {
        let separator = if tr == Lang::Ar { "، " } else { ", " };
        tr.format(
            "facet-grouped-under",
            &[
                ("value", Arg::Text(value)),
                ("names", Arg::Text(&names.join(separator))),
            ],
        )
    }
}

/// An option's text: in Arabic, a place by its gazetteer name when it has one (with its
/// source's spelling beside it when that name is `shared` by several spellings), else by its
/// source's spelling, marked as such (as the list and the record mark it); any other value as
/// the data writes it.
fn place_option(
    tr: Lang,
    facet: Facet,
    arabic: Option<&Option<Box<str>>>,
    value: &str,
    shared: &HashSet<Box<str>>,
) -> AnyView {
    match (tr, facet, arabic) {
        (Lang::Ar, Facet::Place, Some(Some(name))) if shared.contains(name) => view! {
            <span class="value" dir="auto">
                {name.to_string()}" "<bdi class="spelling" lang="en">{value.to_string()}</bdi>
            </span>
        }
        .into_any(),
        (Lang::Ar, Facet::Place, Some(Some(name))) => {
            view! { <span class="value" dir="auto">{name.to_string()}</span> }.into_any()
        }
        (Lang::Ar, Facet::Place, _) => view! {
            <span class="value source-spelling" dir="auto" lang="en"
                title=tr.text("place-source-spelling")>{value.to_string()}</span>
        }
        .into_any(),
        _ => view! { <span class="value" dir="auto">{value.to_string()}</span> }.into_any(),
    }
}

/// A facet's name inside a sentence: lowercase in English ("find place among 2,000"), as it
/// is in Arabic.
fn lowercase(tr: Lang, label: &str) -> String {
    match tr {
        Lang::En => label.to_lowercase(),
        Lang::Ar => label.to_string(),
    }
}
