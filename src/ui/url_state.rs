//! The view state lives in the URL: this hook decodes it with the core's codec and writes it
//! back. Discrete changes push a history entry (so Back undoes them); typing replaces the entry.
//!
//! A change sets the state at once and writes the URL just after the next paint: Chromium's
//! history API costs several milliseconds, which would push the update past one frame. Back
//! and Forward (`popstate`) decode the URL again; links to a view of this page change the state
//! in place (see [`UrlState::follow`]).

use leptos::ev;
use leptos::prelude::*;

use crate::core::query::{self, Notice, ViewState};
use crate::ui::browser;

/// The decoded state, the notices about parameters that were ignored, and how to change it.
#[derive(Clone, Copy)]
pub struct UrlState {
    pub state: ReadSignal<ViewState>,
    pub notices: ReadSignal<Vec<Notice>>,
    set_state: WriteSignal<ViewState>,
    set_notices: WriteSignal<Vec<Notice>>,
}

impl UrlState {
    /// Replaces the view state; `replace` keeps the history entry (for typing).
    pub fn set(&self, state: ViewState, replace: bool) {
        if self.state.with_untracked(|current| *current == state) {
            return;
        }
        // Encoded after the frame too: nothing on screen waits for the address.
        let written = state.clone();
        self.set_state.set(state);
        // The address is now canonical, so nothing in it is ignored any more.
        if self.notices.with_untracked(|n| !n.is_empty()) {
            self.set_notices.set(Vec::new());
        }
        browser::after_next_paint(move || {
            let address = browser::address_with_query(&query::encode(&written));
            browser::write_address(&address, replace);
        });
    }

    /// Applies `change` to the current state and pushes the result.
    pub fn update(&self, change: impl FnOnce(&mut ViewState)) {
        let mut state = self.state.get_untracked();
        change(&mut state);
        self.set(state, false);
    }

    /// Like [`Self::update`] but replaces the history entry.
    pub fn update_replacing(&self, change: impl FnOnce(&mut ViewState)) {
        let mut state = self.state.get_untracked();
        change(&mut state);
        self.set(state, true);
    }

    /// Handles a click on a link to another view of this page (`href` is its `?query`): a plain
    /// click changes the view in place, a click with a modifier (new tab, new window) is left
    /// to the browser.
    pub fn follow(&self, event: &ev::MouseEvent, href: &str) {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if modified || event.button() != 0 {
            return;
        }
        event.prevent_default();
        self.set(query::decode(href).0, false);
    }
}

/// The view state of the current address, kept in step with Back and Forward.
pub fn use_url_state() -> UrlState {
    let (initial, initial_notices) = query::decode(&browser::address_query());
    let (state, set_state) = signal(initial);
    let (notices, set_notices) = signal(initial_notices);
    let listener = window_event_listener(ev::popstate, move |_| {
        let (next, next_notices) = query::decode(&browser::address_query());
        set_state.set(next);
        set_notices.set(next_notices);
    });
    on_cleanup(move || listener.remove());
    UrlState {
        state,
        notices,
        set_state,
        set_notices,
    }
}
