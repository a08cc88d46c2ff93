//! The view state lives in the URL: this hook decodes it with the core's codec and writes it
//! back. Every new state, from a link, Back and Forward, the form or a click, first goes
//! through the core's one rule ([`ViewState::reconcile`]) and is labelled with the reader's
//! files in view ([`ViewState::label_files`]), so a live view and its link never differ; an
//! address that is not the canonical link of what it shows is rewritten at once.
//!
//! History: a discrete change pushes an entry, so Back undoes it. Typing (the search box, a
//! date field) pushes one entry for its first change and replaces it for the rest, until the
//! field loses focus: Back then undoes the whole typing, not one keystroke or digit.
//!
//! A change sets the state at once and writes the URL just after the next paint: Chromium's
//! history API costs several milliseconds, which would push the update past one frame. Links
//! to a view of this page change the state in place (see [`UrlState::follow`]).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::file_link::FileLabel;
use crate::core::query::{self, Notice, ViewState};
use crate::ui::browser;

thread_local! {
    /// The notices on screen, kept so a switch of language can carry them over.
    static SHOWN: RefCell<Vec<Notice>> = const { RefCell::new(Vec::new()) };
    /// Notices carried over a switch of language, for the explorer built in the new one.
    static CARRIED: RefCell<Option<Vec<Notice>>> = const { RefCell::new(None) };
}

/// Keeps the notices on screen for the explorer that the page builds next, in another
/// language: the address was already made canonical, so decoding it again would lose them,
/// and each notice is worded again in the new language ([`Notice::said`]).
pub fn carry_notices_over() {
    let shown = SHOWN.with(|shown| shown.borrow().clone());
    CARRIED.with(|carried| *carried.borrow_mut() = Some(shown));
}

/// The decoded state, the notices about what in it was ignored or changed, and how to change
/// it.
#[derive(Clone, Copy)]
pub struct UrlState {
    pub state: ReadSignal<ViewState>,
    pub notices: ReadSignal<Vec<Notice>>,
    set_state: WriteSignal<ViewState>,
    set_notices: WriteSignal<Vec<Notice>>,
    /// The loaded data, whose collections and values [`ViewState::reconcile`] matches
    /// against.
    catalog: StoredValue<Arc<Catalog>>,
    /// The reader's files open here, by collection id: what a link says of them.
    files: StoredValue<Arc<BTreeMap<String, FileLabel>>>,
    /// The field being typed in, whose later changes replace the history entry.
    typing: StoredValue<Option<&'static str>>,
}

/// The address that opens event `id`'s record, naming its file when the event is from one of
/// `files` (the reader's files open here, by collection id): [`query::event_query`].
pub fn event_link(id: &str, files: &BTreeMap<String, FileLabel>) -> String {
    format!("{}?{}", browser::app_base(), query::event_query(id, files))
}

impl UrlState {
    /// The reader's files open here, by collection id.
    pub fn files(&self) -> Arc<BTreeMap<String, FileLabel>> {
        self.files.get_value()
    }

    /// Replaces the view state; `replace` keeps the history entry.
    pub fn set(&self, state: ViewState, replace: bool) {
        self.typing.set_value(None);
        self.apply(state, replace, Vec::new());
    }

    /// Applies `change` to the current state and pushes the result.
    pub fn update(&self, change: impl FnOnce(&mut ViewState)) {
        let mut state = self.state.get_untracked();
        change(&mut state);
        self.set(state, false);
    }

    /// A change made by typing in `field`: the first one pushes a history entry, the next ones
    /// (until [`Self::end_typing`] or any other change) replace it.
    pub fn update_typing(&self, field: &'static str, change: impl FnOnce(&mut ViewState)) {
        let replace = self.typing.get_value() == Some(field);
        let mut state = self.state.get_untracked();
        change(&mut state);
        self.apply(state, replace, Vec::new());
        self.typing.set_value(Some(field));
    }

    /// The reader left the field: the next change pushes again.
    pub fn end_typing(&self) {
        self.typing.set_value(None);
    }

    /// Corrects the state without a history entry, adding `notice` to those shown: for what
    /// only the results can tell, such as a page beyond the last.
    pub fn correct(&self, change: impl FnOnce(&mut ViewState), notice: Notice) {
        let mut state = self.state.get_untracked();
        change(&mut state);
        let mut notices = self.notices.get_untracked();
        notices.push(notice);
        self.apply(state, true, notices);
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

    /// Sets `state` after the one rule, shows `notices` and what the rule said, and writes
    /// the address after the frame.
    fn apply(&self, mut state: ViewState, replace: bool, mut notices: Vec<Notice>) {
        // A change made in the page (a link to another view, Clear all) keeps the language
        // shown unless it names one.
        if state.lang.is_none() {
            state.lang = self.state.with_untracked(|current| current.lang);
        }
        notices.extend(settle(&mut state, self.catalog, self.files));
        // A change made in the page leaves nothing of the address ignored any more: older
        // notices go, and what the rule did to this change is said.
        if self.notices.with_untracked(|shown| *shown != notices) {
            self.set_notices.set(notices);
        }
        if self.state.with_untracked(|current| *current == state) {
            return;
        }
        // Encoded after the frame too: nothing on screen waits for the address.
        let written = state.clone();
        self.set_state.set(state);
        browser::after_next_paint(move || {
            let address = browser::address_with_query(&query::encode(&written));
            browser::write_address(&address, replace);
        });
    }
}

/// The one rule, and the labels of the reader's files in view.
fn settle(
    state: &mut ViewState,
    catalog: StoredValue<Arc<Catalog>>,
    files: StoredValue<Arc<BTreeMap<String, FileLabel>>>,
) -> Vec<Notice> {
    catalog.with_value(|c| {
        let notices = state.reconcile(&c.table);
        files.with_value(|files| state.label_files(&c.table, files));
        notices
    })
}

/// The view state of the current address after the one rule, matched against the loaded
/// `catalog` and labelled with the reader's `files` open here (by collection id); kept in step
/// with Back and Forward.
pub fn use_url_state(catalog: Arc<Catalog>, files: Arc<BTreeMap<String, FileLabel>>) -> UrlState {
    let catalog = StoredValue::new(catalog);
    let files = StoredValue::new(files);
    let read_address = move || {
        let address = browser::address_query();
        let (mut state, mut notices) = query::decode(&address);
        notices.extend(settle(&mut state, catalog, files));
        // The address becomes the canonical link of what is shown (dates in order, what was
        // ignored left out, known values spelt as the app writes them), so that "Copy link" and
        // the export's link reproduce this view and no other; the notices say what changed.
        let canonical = query::encode(&state);
        if canonical != address.trim_start_matches('?') {
            browser::write_address(&browser::address_with_query(&canonical), true);
        }
        (state, notices)
    };
    let (initial, mut initial_notices) = read_address();
    if let Some(carried) = CARRIED.with(|carried| carried.borrow_mut().take()) {
        for notice in carried {
            if !initial_notices.contains(&notice) {
                initial_notices.push(notice);
            }
        }
    }
    let (state, set_state) = signal(initial);
    let (notices, set_notices) = signal(initial_notices);
    Effect::new(move |_| {
        notices.with(|shown| SHOWN.with(|kept| kept.borrow_mut().clone_from(shown)))
    });
    let typing = StoredValue::new(None);
    let listener = window_event_listener(ev::popstate, move |_| {
        let (next, next_notices) = read_address();
        typing.set_value(None);
        set_state.set(next);
        set_notices.set(next_notices);
    });
    on_cleanup(move || listener.remove());
    UrlState {
        state,
        notices,
        set_state,
        set_notices,
        catalog,
        files,
        typing,
    }
}
