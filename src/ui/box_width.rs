//! The width of an element's box in CSS pixels, followed as it changes (a window resized or
//! turned, a scroll bar appearing), so a chart can be laid out at the size it is shown at: one
//! chart pixel per CSS pixel keeps its text and its targets at the sizes the chart chose.
//! Backed by a `ResizeObserver`; where the browser has none, the width is read once.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A signal of the width of `node`'s element in whole CSS pixels (its client width: content
/// and padding); `None` until the element is on the page and has been measured (which is in
/// the same task that puts it there), `Some(0)` for a box not shown.
pub fn use_box_width<E>(node: NodeRef<E>) -> ReadSignal<Option<u32>>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (width, set_width) = signal(None::<u32>);
    // Dropped, and so disconnected, with the component.
    let watch = StoredValue::new_local(None::<Watch>);
    Effect::new(move |_| {
        let Some(element) = node.get() else {
            return;
        };
        let element: web_sys::Element = element.unchecked_ref::<web_sys::Element>().clone();
        let read = {
            let element = element.clone();
            move || {
                let now = Some(u32::try_from(element.client_width()).unwrap_or(0));
                if width.try_get_untracked().is_some_and(|was| was != now) {
                    set_width.set(now);
                }
            }
        };
        read();
        watch.set_value(Watch::new(&element, read));
    });
    width
}

/// A `ResizeObserver` of one element; stops observing when dropped.
struct Watch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Watch {
    fn new(element: &web_sys::Element, on_resize: impl Fn() + 'static) -> Option<Watch> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            on_resize();
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
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
