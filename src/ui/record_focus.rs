//! Focus around the record of one event. Opening a record moves focus to its heading and
//! scrolls it into view (it opens above the list, out of sight); closing it (Escape, Close)
//! gives focus back to the element the reader opened it from, or to the event's row in the list
//! when that element is gone, or to the results' heading. Focus never drops to the page's body.
//!
//! The explorer provides one [`RecordFocus`] as context; the record reads it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::event_row::EVENT_ID;
use crate::ui::skip_link;

/// Where focus was when the reader opened a record.
#[derive(Clone, Copy)]
pub struct RecordFocus {
    opener: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl RecordFocus {
    /// Provides a new one to the components below.
    pub fn provide() -> RecordFocus {
        let focus = RecordFocus {
            opener: StoredValue::new_local(None),
        };
        provide_context(focus);
        focus
    }

    /// Remembers the focused element as the one a record is being opened from, unless focus
    /// is inside a record (going from one record to another keeps the first opener) or
    /// nowhere.
    pub fn remember_opener(&self) {
        let Some(active) = active_element() else {
            return;
        };
        if active.closest(".detail").ok().flatten().is_some() {
            return;
        }
        self.opener.set_value(Some(active));
    }

    /// Focuses the record's `heading` (which has `tabindex="-1"`), scrolled to the top of the
    /// screen below the sticky bar (the stylesheet's `scroll-padding-top`).
    pub fn enter(heading: &web_sys::HtmlElement) {
        heading.scroll_into_view_with_bool(true);
        let _ = heading.focus();
    }

    /// Gives focus back as the record of event `id` closes: to the element it was opened
    /// from while that is on the page and can take focus, else the event's row in the list,
    /// else the results' heading.
    pub fn give_back(&self, id: &str) {
        let opener = self.opener.try_get_value().flatten();
        self.opener.set_value(None);
        let opener = opener
            .filter(|element| element.is_connected())
            .filter(|element| element.closest(".detail").ok().flatten().is_none())
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if opener.is_some_and(|opener| focus_taken(&opener)) {
            return;
        }
        let row = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                let selector = format!(".event-list button[{EVENT_ID}=\"{}\"]", css_string(id));
                document.query_selector(&selector).ok().flatten()
            })
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if row.is_some_and(|row| focus_taken(&row)) {
            return;
        }
        skip_link::focus_results();
    }
}

/// The focused element, if any but the page's body.
pub fn active_element() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let active = document.active_element()?;
    let body = document.body().map(web_sys::Element::from);
    (Some(&active) != body.as_ref()).then_some(active)
}

/// Focuses `element` and says whether it took focus (a hidden element does not).
fn focus_taken(element: &web_sys::HtmlElement) -> bool {
    let _ = element.focus();
    active_element().is_some_and(|active| &active == element.unchecked_ref::<web_sys::Element>())
}

/// `text` as the inside of a double-quoted CSS string: an event id from a file may hold any
/// character.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{c}' | '\0' => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn ids_are_escaped_as_css_strings() {
        assert_eq!(css_string("ucdp-123"), "ucdp-123");
        assert_eq!(css_string("a\"b\\c"), "a\\\"b\\\\c");
        assert_eq!(css_string("x\ny"), "x\\a y");
    }
}
