//! Whether an element is on screen or near it (within half a screen), for work that only
//! matters to what can be seen: painting charts, building list rows. Backed by an
//! `IntersectionObserver`; where the browser has none, everything counts as near.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A signal that follows whether the element of `node` is near the screen. It starts false and
/// is set soon after the element is mounted.
pub fn use_near_screen<E>(node: NodeRef<E>) -> ReadSignal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (near, set_near) = signal(false);
    // Dropped, and so disconnected, with the component.
    let watch = StoredValue::new_local(None::<Watch>);
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            let watching = Watch::new(element.unchecked_ref(), move |is_near| {
                set_near.set(is_near)
            });
            if watching.is_none() {
                set_near.set(true);
            }
            watch.set_value(watching);
        }
    });
    near
}

/// An observer of one element; stops observing when dropped.
struct Watch {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Watch {
    fn new(element: &web_sys::Element, on_change: impl Fn(bool) + 'static) -> Option<Watch> {
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
        options.set_root_margin("50% 0px");
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
