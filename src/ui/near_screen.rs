//! How near the screen an element is, and the pacing of work by it: a filter change updates at
//! once only what is on screen, so the frame that shows it is not held up by panels nobody
//! sees yet. Everything else follows just after that frame, and canvases far from the screen
//! are painted only when they come near (their pixels carry nothing a reader or a search
//! could find; list rows and button labels do, so they are never left stale). Backed by two
//! `IntersectionObserver`s; where the browser has none, everything counts as on screen.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::browser;

/// Where an element is relative to the viewport.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Nearness {
    /// More than half a screen away.
    Far,
    /// Off screen, within half a screen.
    Near,
    /// At least partly on screen.
    OnScreen,
}

/// A signal that follows how near the screen the element of `node` is. It starts `Far` and is
/// set soon after the element is mounted.
pub fn use_nearness<E>(node: NodeRef<E>) -> Memo<Nearness>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (near, on_screen) = (RwSignal::new(false), RwSignal::new(false));
    let nearness = Memo::new(move |_| match (on_screen.get(), near.get()) {
        (true, _) => Nearness::OnScreen,
        (false, true) => Nearness::Near,
        (false, false) => Nearness::Far,
    });
    // Dropped, and so disconnected, with the component.
    let watches = StoredValue::new_local(Vec::<Watch>::new());
    Effect::new(move |_| {
        let Some(element) = node.get() else {
            return;
        };
        let element: &web_sys::Element = element.unchecked_ref();
        let watching = [("50% 0px", near), ("0px", on_screen)]
            .into_iter()
            .filter_map(|(margin, flag)| Watch::new(element, margin, move |is| flag.set(is)))
            .collect::<Vec<_>>();
        if watching.is_empty() {
            on_screen.set(true);
        }
        watches.set_value(watching);
    });
    nearness
}

/// A copy of `source` paced by `nearness`: it follows at once while the element is on screen,
/// and just after the next frame otherwise.
pub fn use_paced<T, S>(source: S, nearness: Memo<Nearness>) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    S: GetUntracked<Value = T> + Track + Copy + Send + Sync + 'static,
{
    let (shown, set_shown) = signal(source.get_untracked());
    // Also runs after the frame, when the component may have been dropped in the meantime
    // (a change of tab): then there is nothing to catch up with.
    let catch_up = move || {
        let Some(latest) = source.try_get_untracked() else {
            return;
        };
        if shown.try_with_untracked(|shown| *shown != latest) == Some(true) {
            set_shown.set(latest);
        }
    };
    Effect::new(move |_| {
        source.track();
        if nearness.get() == Nearness::OnScreen {
            catch_up();
        } else {
            browser::after_next_paint(catch_up);
        }
    });
    shown
}

/// An observer of one element; stops observing when dropped.
struct Watch {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Watch {
    /// Calls `on_change` with whether `element` intersects the viewport grown by `margin`.
    fn new(
        element: &web_sys::Element,
        margin: &str,
        on_change: impl Fn(bool) + 'static,
    ) -> Option<Watch> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let last = entries
                .iter()
                .filter_map(|entry| entry.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                .next_back();
            if let Some(entry) = last {
                on_change(entry.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(margin);
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(element);
        Some(Watch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
