//! What the page shows when the app panics: a fixed error panel with the panic message and a
//! Reload button, instead of a page that looks alive but no longer responds.
//!
//! The release build aborts on panic (`panic = "abort"`): the hook runs, then the WebAssembly
//! instance traps and no Rust code of the app runs again. So the panel is written by the hook
//! itself, with plain DOM calls (never Leptos, whose state may be what broke), and the message
//! is set as text (`textContent`, never `innerHTML`), so a panic message that quotes data
//! cannot inject markup. The Reload button's handler is a `wasm_bindgen` closure attached with
//! `addEventListener` (the Content Security Policy forbids inline scripts); it only calls
//! `location.reload()`, which needs none of the state the panic may have left broken. The panel
//! replaces the body's content, so no dead control is left to click.

use std::any::Any;
use std::panic::{Location, PanicHookInfo};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// `id` of the panel, so a second panic does not add a second one.
pub const PANEL_ID: &str = "panic-panel";
pub const HEADING: &str = "The explorer stopped because of an internal error";
pub const EXPLANATION: &str = "This is a fault in the explorer, not in anything you did. \
     Reloading the page usually helps. If it happens again, please report the message below \
     with the address of the page.";
pub const RELOAD: &str = "Reload the page";
/// Characters of the panic message shown; the full message is in the browser console.
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// Installs the panic hook: logs to the console as `console_error_panic_hook` does, then, in
/// the browser, shows the panel. Call it once, first thing in `main`.
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        if cfg!(target_arch = "wasm32") {
            // Nothing more can be done if the page itself is gone.
            let _ = show_panel(&panic_message(info.payload(), info.location()));
        }
    }));
}

/// The text shown for a panic: its message (or a placeholder when the payload is not text) and
/// where it happened, shortened to [`MAX_MESSAGE_CHARS`], without control characters other
/// than line breaks and tabs.
pub fn panic_message(payload: &(dyn Any + Send), location: Option<&Location<'_>>) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(the panic carried no message)");
    let mut message: String = text
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .take(MAX_MESSAGE_CHARS)
        .collect();
    if text.chars().count() > MAX_MESSAGE_CHARS {
        message.push('…');
    }
    if let Some(location) = location {
        message.push_str(&format!(
            "\n(at {}:{}:{})",
            location.file(),
            location.line(),
            location.column()
        ));
    }
    message
}

/// Replaces the page's content with the panel. Only works in a browser.
fn show_panel(message: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    if document.get_element_by_id(PANEL_ID).is_some() {
        return Ok(());
    }
    let body = document.body().ok_or("no body")?;
    let element = |tag: &str, text: Option<&str>| -> Result<web_sys::Element, JsValue> {
        let element = document.create_element(tag)?;
        element.set_text_content(text);
        Ok(element)
    };
    let panel = element("section", None)?;
    panel.set_id(PANEL_ID);
    panel.set_class_name("error-panel panic-panel");
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("data-testid", "panic-panel")?;
    let heading = element("h2", Some(HEADING))?;
    panel.append_child(&heading)?;
    let explanation = element("p", Some(EXPLANATION))?;
    panel.append_child(&explanation)?;
    let detail = element("pre", Some(message))?;
    detail.set_class_name("panic-message");
    panel.append_child(&detail)?;
    let button = element("button", Some(RELOAD))?;
    button.set_attribute("type", "button")?;
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())?;
    // The page lives until it is reloaded; so does the handler.
    reload.forget();
    panel.append_child(&button)?;
    body.replace_children_with_node_1(&panel);
    if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = button.focus();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_is_the_panic_text_and_where_it_happened() {
        let payload: Box<dyn Any + Send> = Box::new("index out of bounds");
        let location = Location::caller();
        let message = panic_message(payload.as_ref(), Some(location));
        assert!(
            message.starts_with("index out of bounds\n(at src/ui/panic_panel.rs:"),
            "{message}"
        );
        let formatted: Box<dyn Any + Send> = Box::new(format!("no event {}", 7));
        assert_eq!(panic_message(formatted.as_ref(), None), "no event 7");
        let opaque: Box<dyn Any + Send> = Box::new(42_u8);
        assert_eq!(
            panic_message(opaque.as_ref(), None),
            "(the panic carried no message)"
        );
    }

    #[test]
    fn the_message_is_shortened_and_loses_control_characters() {
        let hostile: Box<dyn Any + Send> = Box::new(format!(
            "<img src=x onerror=alert(1)>\u{1b}[31m\n{}",
            "x".repeat(5_000)
        ));
        let message = panic_message(hostile.as_ref(), None);
        // Markup stays as it is: it is set as text, which the browser never parses.
        assert!(
            message.starts_with("<img src=x onerror=alert(1)>[31m\n"),
            "{message}"
        );
        assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(message.ends_with('…'));
    }

    #[test]
    fn the_panel_text_is_fixed() {
        assert!(HEADING.contains("internal error"));
        assert!(EXPLANATION.contains("Reloading the page"));
        assert_eq!(RELOAD, "Reload the page");
    }
}
