//! The active filters as removable chips, shown while the filter panel is collapsed (the
//! default on a phone), so the reader sees what the results are filtered by without opening
//! it. Each chip names its filter and value (`core::chips`) and removes that value when
//! activated; focus then moves to the next chip, or the one before, or the panel's summary
//! when none is left, never to the page's body.

use std::sync::Arc;

use leptos::html::Ul;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::catalog::Catalog;
use crate::core::chips::{self, Chip, ChipKey};
use crate::ui::i18n;
use crate::ui::url_state::UrlState;

/// The chips of the view in `url`, while `shown`; `fallback` takes focus when the last chip
/// goes (the filter panel's summary).
#[component]
pub fn FilterChips(
    catalog: Arc<Catalog>,
    url: UrlState,
    shown: Signal<bool>,
    fallback: NodeRef<leptos::html::Summary>,
) -> impl IntoView {
    let tr = i18n::lang();
    let names: Vec<(String, String)> = catalog
        .datasets
        .iter()
        .map(|d| (d.collection.id.clone(), d.collection.name.clone()))
        .collect();
    let chips = Memo::new(move |_| {
        url.state.with(|state| {
            chips::chips(state, tr, |id| {
                names
                    .iter()
                    .find(|(known, _)| known == id)
                    .map(|(_, name)| name.clone())
            })
        })
    });
    let list = NodeRef::<Ul>::new();
    let remove = move |key: ChipKey| {
        // Focus moves before the chip goes: to the next chip, else the one before, else the
        // panel's summary (the chips go when the last one does).
        let at = chips.with_untracked(|chips| chips.iter().position(|chip| chip.key == key));
        let target = at.and_then(|at| {
            let buttons = list.get_untracked()?.get_elements_by_tag_name("button");
            let next = buttons.item(at as u32 + 1);
            next.or_else(|| {
                at.checked_sub(1)
                    .and_then(|before| buttons.item(before as u32))
            })
        });
        let target = target
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            .or_else(|| fallback.get_untracked());
        if let Some(target) = target {
            let _ = target.focus();
        }
        url.update(|state| chips::remove(state, &key));
    };
    let chip_view = move |chip: Chip| {
        let key = chip.key.clone();
        let label = if chip.from_data {
            let (before, after) = chip.around_value(tr);
            view! { {before}<bdi>{chip.value.clone()}</bdi>{after} }.into_any()
        } else {
            chip.text(tr).into_any()
        };
        view! {
            <li>
                <button type="button" class="chip" data-testid="filter-chip"
                    on:click=move |_| remove(key.clone())>
                    <span class="chip-label">
                        <span class="visually-hidden">{tr.text("chip-remove")}" "</span>
                        {label}
                    </span>
                    <span class="chip-x" aria-hidden="true">"×"</span>
                </button>
            </li>
        }
    };
    view! {
        <Show when=move || shown.get() && chips.with(|chips| !chips.is_empty())>
            <ul class="filter-chips" aria-label=tr.text("chips-label") data-testid="filter-chips" node_ref=list>
                // Keyed by value too: the search chip's text and a date change in place.
                <For each=move || chips.get() key=|chip| (chip.key.clone(), chip.value.clone()) let:chip>
                    {chip_view(chip)}
                </For>
            </ul>
        </Show>
    }
}
