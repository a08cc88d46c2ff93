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
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
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

/// Marks the start of a measured step on the Performance timeline.
pub fn mark_start(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(&format!("{name}:start"));
    }
}

/// Records a performance measure from [`mark_start`] to now, named `name`, so the benchmark can
/// read it with `performance.getEntriesByName(name)`.
pub fn measure(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let start = format!("{name}:start");
        let _ = performance.measure_with_start_mark(name, &start);
        // Marks are looked up by name among all kept: drop the one used.
        performance.clear_marks_with_mark_name(&start);
    }
}

/// Measures the scope it lives in: started on creation, recorded when dropped.
pub struct Measure(&'static str);

impl Measure {
    pub fn new(name: &'static str) -> Measure {
        mark_start(name);
        Measure(name)
    }
}

impl Drop for Measure {
    fn drop(&mut self) {
        measure(self.0);
    }
}

/// Runs `task` just after the next frame is painted.
pub fn after_next_paint(task: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(task, std::time::Duration::ZERO);
    });
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
