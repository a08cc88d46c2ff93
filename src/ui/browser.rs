//! The few browser services the components need — the current address and its history, the
//! clipboard, file downloads and performance marks — behind small functions that fail softly.

use wasm_bindgen::JsCast;

/// The page's full address.
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// The address of the app without query string or fragment.
pub fn app_base() -> String {
    web_sys::window()
        .map(|window| {
            let location = window.location();
            format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The query string of the page's address, with its `?`.
pub fn address_query() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// The page's path with `query` (encoded, without `?`) as its query string.
pub fn address_with_query(query: &str) -> String {
    let path = web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// Writes `address` to the history: a new entry, or in place of the current one.
pub fn write_address(address: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
        return;
    };
    let written = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address))
    };
    if written.is_err() {
        leptos::logging::warn!("the address could not be updated");
    }
}

/// Copies `text`; the returned promise settles when the clipboard has it.
pub fn copy_text(text: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    Some(window.navigator().clipboard().write_text(text))
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    download_parts(name, mime, &parts)
}

/// Offers `parts` (text and blobs, in order) as one file of type `mime`, for download as
/// `name`.
///
/// Errors: a sentence when the browser builds or offers no file.
pub fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(parts, &options)
        .map_err(|_| "the browser refused to build the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser refused to offer the file".to_string())?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let anchor = document
        .create_element("a")
        .map_err(|_| "no link element".to_string())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no link element".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Measures the scope it lives in, for the benchmark, which reads it from the Performance
/// timeline with `performance.getEntriesByName(name)`. Only the clock is read during a change:
/// the entries are written just after the frame, because the Performance API's marks and
/// measures cost more than some of the steps they time.
pub struct Measure {
    name: &'static str,
    start: f64,
}

impl Measure {
    pub fn new(name: &'static str) -> Measure {
        Measure { name, start: now() }
    }
}

impl Drop for Measure {
    fn drop(&mut self) {
        let end = now();
        let first = TIMED.with_borrow_mut(|timed| {
            timed.push((self.name, self.start, end));
            timed.len() == 1
        });
        if first {
            after_next_paint(write_measures);
        }
    }
}

thread_local! {
    /// Steps timed since the last frame: name, start and end.
    static TIMED: std::cell::RefCell<Vec<(&'static str, f64, f64)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The page's clock (`performance.now()`), in milliseconds; 0 without one.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Writes the timed steps as `performance.measure(name, {start, end})`, which `web_sys` offers
/// only behind its unstable APIs.
fn write_measures() {
    let timed = TIMED.with_borrow_mut(std::mem::take);
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return;
    };
    let Ok(measure) = js_sys::Reflect::get(&performance, &"measure".into()) else {
        return;
    };
    let measure = js_sys::Function::from(measure);
    for (name, start, end) in timed {
        let span = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&span, &"start".into(), &start.into());
        let _ = js_sys::Reflect::set(&span, &"end".into(), &end.into());
        let _ = measure.call2(&performance, &name.into(), &span);
    }
}

/// Tasks waiting for one moment of the next frame, in the order they were queued.
type Tasks = std::cell::RefCell<Vec<Box<dyn FnOnce()>>>;

/// Adds `task` to `queue`; says whether it is the first, for which the caller asks the
/// browser for the moment the queue runs ([`run_queued`]).
fn queue(queue: &'static std::thread::LocalKey<Tasks>, task: impl FnOnce() + 'static) -> bool {
    queue.with_borrow_mut(|tasks| {
        tasks.push(Box::new(task));
        tasks.len() == 1
    })
}

/// Runs the tasks of `queue`. Tasks they queue wait for the frame after.
fn run_queued(queue: &'static std::thread::LocalKey<Tasks>) {
    for task in queue.with_borrow_mut(std::mem::take) {
        task();
    }
}

thread_local! {
    /// Tasks waiting for the next frame to be painted.
    static AFTER_PAINT: Tasks = const { std::cell::RefCell::new(Vec::new()) };
    /// Tasks waiting for the next animation frame.
    static BEFORE_FRAME: Tasks = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `task` just after the next frame is painted. Tasks queued for the same frame share
/// one animation-frame callback and one timer: a filter change defers a dozen of them, and
/// each request costs a call into the browser and a closure.
pub fn after_next_paint(task: impl FnOnce() + 'static) {
    if queue(&AFTER_PAINT, task) {
        leptos::prelude::request_animation_frame(|| {
            leptos::prelude::set_timeout(|| run_queued(&AFTER_PAINT), std::time::Duration::ZERO);
        });
    }
}

/// After the next paint, focuses the first element `selector` matches, if any: the control
/// that took the place of the one just pressed, so that focus does not fall to the page.
pub fn focus_after_paint(selector: &'static str) {
    after_next_paint(move || {
        let found = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector(selector).ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = found {
            let _ = element.focus();
        }
    });
}

/// Runs `task` in the next animation frame, before the browser brings the page's styles and
/// layout up to date for it: after every change of the current task is in the page. Tasks
/// queued for the same frame share one callback and run in the order they were queued.
///
/// For painting canvases: setting a canvas's font first brings the page's styles up to date,
/// so a chart painted between a change's DOM updates pays for a style pass of its own (at a
/// million rows, some milliseconds per chart, per filter change). Painted here, after them
/// all, the charts share the one pass the frame makes anyway.
pub fn before_next_frame(task: impl FnOnce() + 'static) {
    if queue(&BEFORE_FRAME, task) {
        leptos::prelude::request_animation_frame(|| run_queued(&BEFORE_FRAME));
    }
}

/// Sets the CSS custom property `name` on the page's root element (`<html style>`), which the
/// stylesheet reads: through `style.setProperty`, which `web_sys` offers only with a feature
/// this app does not otherwise need.
pub fn set_root_property(name: &str, value: &str) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let Ok(style) = js_sys::Reflect::get(&root, &"style".into()) else {
        return;
    };
    let Ok(set) = js_sys::Reflect::get(&style, &"setProperty".into()) else {
        return;
    };
    let _ = js_sys::Function::from(set).call2(&style, &name.into(), &value.into());
}

/// The height of the viewport in CSS pixels.
pub fn viewport_height() -> Option<f64> {
    web_sys::window()?.inner_height().ok()?.as_f64()
}

/// Whether the window is wide enough for the filter sidebar to start open.
pub fn is_wide() -> bool {
    web_sys::window()
        .and_then(|window| window.inner_width().ok())
        .and_then(|width| width.as_f64())
        .is_some_and(|width| width >= 900.0)
}

/// Whether the main pointer is a finger (`(pointer: coarse)`): the timeline then says how to
/// choose dates by touch.
pub fn coarse_pointer() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(match_media) = js_sys::Reflect::get(&window, &"matchMedia".into()) else {
        return false;
    };
    let Ok(match_media) = match_media.dyn_into::<js_sys::Function>() else {
        return false;
    };
    match_media
        .call1(&window, &"(pointer: coarse)".into())
        .and_then(|list| js_sys::Reflect::get(&list, &"matches".into()))
        .is_ok_and(|matches| matches.as_bool() == Some(true))
}
