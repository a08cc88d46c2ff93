//! Keeps the app available offline and says when a newer version is ready.
//!
//! Mounting [`UpdateNotice`] registers the service worker (`sw.js`, scope `./`: both relative, so
//! the app can live under a sub-path) and asks it to look for a new build on load, every 30
//! minutes, when the connection comes back and when the tab is shown again. Once a new build has
//! installed while this page is open, it shows "A new version is ready — Reload". Nothing
//! reloads by itself: the button tells the waiting worker to take over, and the page reloads
//! when that worker controls it, so the app and its data always come from one version.
//!
//! Debug builds (`trunk serve`) register no worker, and remove one left by a release build on
//! the same address, so that edits show on reload.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open page asks whether a new build has been deployed.
const CHECK_EVERY: Duration = Duration::from_secs(30 * 60);

thread_local! {
    /// Set by the Reload button: the next change of controlling worker reloads the page. The
    /// first visit's worker also takes control (`clients.claim()`), and that must not reload.
    static RELOAD_ON_TAKEOVER: Cell<bool> = const { Cell::new(false) };
}

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    register(move || ready.set(true));
    view! {
        <div class="update-status" role="status" aria-live="polite">
            {move || ready.get().then(|| view! {
                <div class="update-notice" data-testid="update-notice">
                    <span>{move || crate::ui::i18n::tracked().text("update-ready")}" "</span>
                    <button type="button" class="primary" on:click=|_| activate_waiting()>{move || crate::ui::i18n::tracked().text("update-reload")}</button>
                </div>
            })}
        </div>
    }
}

/// The page's service worker container; `None` where there is none (insecure origins, old
/// browsers), reading the property first because web-sys assumes it exists.
pub fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the worker once the page has loaded, then watches for new versions.
fn register(on_waiting: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    if cfg!(debug_assertions) {
        unregister_all(&container);
        return;
    }
    let reload_on_takeover = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_ON_TAKEOVER.replace(false) {
            reload();
        }
    });
    let _ = container.add_event_listener_with_callback(
        "controllerchange",
        reload_on_takeover.as_ref().unchecked_ref(),
    );
    reload_on_takeover.forget(); // Lives as long as the page.

    let start = move || {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope("./");
        let registered = container.register_with_options("sw.js", &options);
        let on_waiting = on_waiting.clone();
        spawn_local(async move {
            match JsFuture::from(registered).await {
                // Not a registration when something stubs the API (an automated browser).
                Ok(value) => match value.dyn_into::<ServiceWorkerRegistration>() {
                    Ok(registration) => watch(registration, on_waiting),
                    Err(_) => leptos::logging::warn!("offline copy unavailable: no registration"),
                },
                Err(error) => leptos::logging::warn!("offline copy unavailable: {error:?}"),
            }
        });
    };
    // Registering after the load event keeps the worker's downloads out of the first render.
    let loaded = web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.ready_state() == "complete");
    if loaded {
        start();
    } else {
        let listener = window_event_listener(leptos::ev::load, move |_| start());
        // A page loads once: the handle only needs to outlive this function.
        std::mem::forget(listener);
    }
}

/// Calls `on_waiting` when a new version is installed and waiting while an older one is
/// active, now or later; checks for updates now and from time to time.
fn watch(registration: ServiceWorkerRegistration, on_waiting: impl Fn() + Clone + 'static) {
    // An update that installed before this page opened (another tab left it waiting).
    if registration.waiting().is_some() && registration.active().is_some() {
        on_waiting();
    }
    let watched = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(worker) = watched.installing() else {
            return;
        };
        let registration = watched.clone();
        let on_waiting = on_waiting.clone();
        let installing = worker.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            // The first install has no active worker: it activates at once and needs no notice.
            if installing.state() == ServiceWorkerState::Installed
                && registration.active().is_some()
            {
                on_waiting();
            }
        });
        worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget(); // One per installed version.
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget(); // Lives as long as the page.

    check_for_update(&registration);
    let every = registration.clone();
    set_interval(move || check_for_update(&every), CHECK_EVERY);
    let online = registration.clone();
    std::mem::forget(window_event_listener(leptos::ev::online, move |_| {
        check_for_update(&online)
    }));
    std::mem::forget(window_event_listener_untyped(
        "visibilitychange",
        move |_| {
            let visible = web_sys::window()
                .and_then(|window| window.document())
                .is_some_and(|document| !document.hidden());
            if visible {
                check_for_update(&registration);
            }
        },
    ));
}

/// Asks the browser to fetch `sw.js` and install it if it changed. Offline this fails, quietly.
fn check_for_update(registration: &ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// The Reload button: lets the waiting version take over, then reloads (on `controllerchange`).
fn activate_waiting() {
    let Some(container) = container() else {
        reload();
        return;
    };
    RELOAD_ON_TAKEOVER.set(true);
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        match waiting {
            Some(worker) => {
                if worker
                    .post_message(&JsValue::from_str("skip-waiting"))
                    .is_err()
                {
                    reload();
                }
            }
            // Another tab already let it take over: this page only needs reloading.
            None => reload(),
        }
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Removes every registration of this origin's pages in scope (debug builds only).
fn unregister_all(container: &ServiceWorkerContainer) {
    let all = container.get_registrations();
    spawn_local(async move {
        if let Ok(list) = JsFuture::from(all).await {
            for registration in js_sys::Array::from(&list).iter() {
                if let Ok(promise) = registration
                    .unchecked_into::<ServiceWorkerRegistration>()
                    .unregister()
                {
                    let _ = JsFuture::from(promise).await;
                }
            }
        }
    });
}
