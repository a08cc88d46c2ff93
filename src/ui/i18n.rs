//! The interface's language in the page: which one is shown (the link's `lang`, else the
//! browser's preferred language), the switch in the header, and `<html lang dir>` and the
//! title kept in step with it. The strings themselves come from the core's catalogues
//! (`core::i18n`); components read the language once as they are built, and the app builds
//! the interface again when it changes.

use leptos::prelude::*;

use crate::core::i18n::{Lang, Said, SaidPart};
use crate::core::query;
use crate::ui::browser;

/// The language shown, shared by every component.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// The language the components are built in (English outside the app, in tests).
pub fn lang() -> Lang {
    use_context::<Language>()
        .map(|language| language.0.get_untracked())
        .unwrap_or_default()
}

/// The language shown, read so that the caller follows it: for the parts of the page that
/// live as long as the page (the header, the offline and update notices) and are not built
/// again on a switch.
pub fn tracked() -> Lang {
    use_context::<Language>()
        .map(|language| language.0.get())
        .unwrap_or_default()
}

/// The language the browser asks for: Arabic when its first preferred language is Arabic.
pub fn browser_lang() -> Lang {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Lang::En;
    };
    let preferred: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if preferred.is_empty() {
        return Lang::from_preferences(&[navigator.language().unwrap_or_default()]);
    }
    Lang::from_preferences(&preferred)
}

/// The language of `state`: its own, or the browser's when the link names none.
pub fn lang_of(state: &query::ViewState) -> Lang {
    state.lang.unwrap_or_else(browser_lang)
}

/// Provides the language of the address as the page opens, and keeps `<html lang dir>` and
/// the document's title in step with it.
pub fn provide_language() -> Language {
    let initial = lang_of(&query::decode(&browser::address_query()).0);
    let language = Language(RwSignal::new(initial));
    provide_context(language);
    Effect::new(move |_| apply_to_document(language.0.get()));
    language
}

/// Sets `<html lang dir>` and the title for `lang`.
fn apply_to_document(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.id());
        let _ = root.set_attribute("dir", lang.dir());
    }
    document.set_title(&lang.text("app-title"));
}

/// Shows `lang`: writes it into the address (a new history entry, so Back returns to the other
/// language) and rebuilds the interface in it.
pub fn switch_to(language: Language, lang: Lang) {
    let (mut state, _) = query::decode(&browser::address_query());
    state.lang = Some(lang);
    browser::write_address(&browser::address_with_query(&query::encode(&state)), false);
    if language.0.get_untracked() != lang {
        crate::ui::url_state::carry_notices_over();
        language.0.set(lang);
    }
}

/// The switch in the header: the other language, named in itself and marked with its
/// language, so a screen reader reads "العربية" in Arabic.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let language = use_context::<Language>()?;
    let other = move || language.0.get().other();
    Some(view! {
        <nav class="lang-switch" aria-label=move || language.0.get().text("lang-switch-label")>
            <button type="button" lang=move || other().id() data-testid="lang-switch"
                on:click=move |_| switch_to(language, other())>
                {move || other().own_name()}
            </button>
        </nav>
    })
}

/// The page's header: the title, the tagline, the language switch and what `children` adds
/// (the offline badge). It lives as long as the page and follows the language.
#[component]
pub fn SiteHeader(children: Children) -> impl IntoView {
    view! {
        <header class="site-header">
            <h1>{move || tracked().text("app-title")}</h1>
            <p class="tagline">{move || tracked().text("app-tagline")}</p>
            <LanguageSwitch />
            {children()}
        </header>
    }
}

/// `said` in `lang`, with a library's or the browser's own words (an error a parser wrote)
/// shown as written, marked as English and isolated, so that they keep their order inside a
/// sentence of either direction.
pub fn said_view(lang: Lang, said: &Said) -> impl IntoView {
    lang.said_parts(said)
        .into_iter()
        .map(|part| match part {
            SaidPart::Own(text) => text.into_any(),
            SaidPart::Foreign(text) => {
                view! { <bdi lang="en" dir="ltr" class="foreign-words">{text}</bdi> }.into_any()
            }
        })
        .collect_view()
}
