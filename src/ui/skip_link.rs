//! "Skip to results": the page's first tab stop, visible when focused, which moves focus past
//! the header, the file input and the filters to the results: the incident list's heading, or
//! in another view (map, figures, About) that view's heading.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser;
use crate::ui::i18n;
use crate::ui::record_focus;

/// The `id` of the incident list's heading, which the link points to.
pub const RESULTS_ID: &str = "results";

/// The link, in the language shown; it lives as long as the page.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="skip-link" href=format!("#{RESULTS_ID}") data-testid="skip-link"
            on:click=move |ev| {
                // Focus, not the address's fragment: the view lives in the query string.
                ev.prevent_default();
                focus_results();
            }>
            {move || i18n::tracked().text("skip-to-results")}
        </a>
    }
}

/// Focuses the results' heading (the incident list's, else the first heading of the view
/// below the tabs, made focusable by script), scrolled to the top of the screen, and says
/// whether there was one.
pub fn focus_results() -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let heading = document
        .get_element_by_id(RESULTS_ID)
        .or_else(|| {
            document
                .query_selector(".main > .panel:not(.detail) h2")
                .ok()
                .flatten()
        })
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(heading) = heading else {
        return false;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    // To the top of the screen (below the sticky bar): the results start there.
    heading.scroll_into_view_with_bool(true);
    let _ = heading.focus();
    true
}

/// After the next frame, focuses the results' heading if focus fell to the page's body: for a
/// control that goes with the view it changes (a link to another view of the page).
pub fn refocus_if_lost() {
    browser::after_next_paint(|| {
        if record_focus::active_element().is_none() {
            focus_results();
        }
    });
}
