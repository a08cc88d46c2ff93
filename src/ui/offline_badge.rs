//! What the page knows about its offline copy: a badge while the browser is offline, and, for
//! the About panel, which version of the app and data this browser keeps.

use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::i18n::{Arg, Lang};
use crate::ui::update_notice;

/// "Offline — working from the saved copy" while the browser has no network.
#[component]
pub fn OfflineBadge() -> impl IntoView {
    let online = RwSignal::new(is_online());
    // The header lives as long as the page: the listeners need no removal.
    std::mem::forget(window_event_listener(leptos::ev::online, move |_| {
        online.set(true)
    }));
    std::mem::forget(window_event_listener(leptos::ev::offline, move |_| {
        online.set(false)
    }));
    view! {
        <span class="offline-status" role="status" aria-live="polite">
            {move || (!online.get()).then(|| view! {
                <span class="offline-badge" data-testid="offline-badge">{move || crate::ui::i18n::tracked().text("offline-badge")}</span>
            })}
        </span>
    }
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}

/// `version.json`, written by the build (scripts/post-build.mjs) and kept in the offline copy.
#[derive(Debug, Clone, Deserialize)]
struct Saved {
    version: String,
    files: u32,
    bytes: u64,
}

/// One line for the About panel: the version of the offline copy this page runs from.
#[component]
pub fn SavedCopy() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let tr = crate::ui::i18n::lang();
    match update_notice::container().filter(|_| !cfg!(debug_assertions)) {
        None if cfg!(debug_assertions) => text.set(tr.text("saved-dev")),
        None => text.set(tr.text("saved-unsupported")),
        Some(container) if container.controller().is_some() => describe(tr, text),
        Some(container) => {
            text.set(tr.text("saved-saving"));
            // The first visit's worker takes control once everything is stored.
            let taken_over = Closure::once_into_js(move || describe(tr, text));
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = container.add_event_listener_with_callback_and_add_event_listener_options(
                "controllerchange",
                taken_over.unchecked_ref(),
                &options,
            );
        }
    }
    view! { <p data-testid="saved-copy">{move || text.get()}</p> }
}

/// Reads `version.json` (answered from the offline copy) into `text`.
fn describe(tr: Lang, text: RwSignal<String>) {
    leptos::task::spawn_local(async move {
        let saved = match gloo_net::http::Request::get("version.json").send().await {
            Ok(response) if response.ok() => response
                .binary()
                .await
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Saved>(&bytes).ok()),
            _ => None,
        };
        // The About panel may have been closed meanwhile.
        let _ = text.try_set(match saved {
            Some(saved) => tr.format(
                "saved-version",
                &[
                    ("version", Arg::Text(&saved.version)),
                    ("files", Arg::Text(&saved.files.to_string())),
                    ("mb", Arg::Text(&format!("{:.1}", saved.bytes as f64 / 1e6))),
                ],
            ),
            None => tr.text("saved-unknown"),
        });
    });
}
