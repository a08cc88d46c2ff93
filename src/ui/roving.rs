//! Roving focus: a group of controls (the filter panel's checkboxes, the timeline's list of
//! agreements) is one Tab stop. The arrow keys move between its controls (Down and Right are
//! next, Up and Left previous, Left and Right mirrored in Arabic), Home and End go to the first
//! and last; Space ticks a checkbox and Enter presses a button, as they do anywhere. The one
//! control Tab reaches is the last one focused in the group, else the first.

use wasm_bindgen::JsCast;

use crate::ui::chart_view::roving_target;

/// Moves focus within the group a key was pressed in (`ev`'s current target), among its
/// shown elements of `tag` ("input" or "button"). Keys other than the arrows, Home and End are
/// left alone.
pub fn on_key(ev: &web_sys::KeyboardEvent, tag: &str) {
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let rtl = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("dir"))
        .is_some_and(|dir| dir == "rtl");
    let key = ev.key();
    // Only the keys that move focus: any other is left to the control.
    if roving_target(&key, 0, 0, rtl).is_none() {
        return;
    }
    let Some(group) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let collection = group.get_elements_by_tag_name(tag);
    let controls: Vec<web_sys::HtmlElement> = (0..collection.length())
        .filter_map(|i| collection.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        // A control not shown (an option with no event) has no offset parent.
        .filter(|element| element.offset_parent().is_some())
        .collect();
    let Some(last) = controls.len().checked_sub(1) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let current = controls
        .iter()
        .position(|element| active.as_ref().is_some_and(|a| a == element.as_ref()))
        .unwrap_or(0);
    // The same keys as a chart's bars (`chart_view::roving_target`).
    let Some(next) = roving_target(&key, current, last, rtl) else {
        return;
    };
    ev.prevent_default();
    if let Some(element) = controls.get(next) {
        let _ = element.focus();
    }
}

/// The id of the element focus went to, for a group's `focusin`: it becomes the group's one
/// Tab stop.
pub fn focused_id(ev: &web_sys::FocusEvent) -> Option<String> {
    let element = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    Some(element.id()).filter(|id| !id.is_empty())
}

/// The `tabindex` of control `id` in a group whose Tab stop is `current`, or `first` when
/// none has been focused yet (or the one focused is gone).
pub fn tab_index(current: Option<&str>, first: Option<&str>, id: &str) -> &'static str {
    if current.or(first) == Some(id) {
        "0"
    } else {
        "-1"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_control_is_the_tab_stop() {
        let ids = ["a", "b", "c"];
        let stops = |current| {
            ids.iter()
                .filter(|id| tab_index(current, Some("a"), id) == "0")
                .count()
        };
        assert_eq!(stops(None), 1);
        assert_eq!(stops(Some("b")), 1);
        assert_eq!(tab_index(None, Some("a"), "a"), "0");
        assert_eq!(tab_index(Some("c"), Some("a"), "a"), "-1");
        assert_eq!(tab_index(Some("c"), Some("a"), "c"), "0");
    }
}
