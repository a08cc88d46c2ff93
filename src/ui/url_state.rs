//! The view state lives in the URL: this hook decodes it with the core's codec and writes it
//! back. Discrete changes push a history entry (so Back undoes them); typing replaces the entry.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::core::query::{self, Notice, ViewState};

/// The decoded state, the notices about parameters that were ignored, and how to change it.
#[derive(Clone, Copy)]
pub struct UrlState {
    pub state: Memo<ViewState>,
    pub notices: Memo<Vec<Notice>>,
    set: Callback<(ViewState, bool)>,
}

impl UrlState {
    /// Replaces the view state; `replace` keeps the history entry (for typing).
    pub fn set(&self, state: ViewState, replace: bool) {
        self.set.run((state, replace));
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
}

/// Must be called under the `<Router>`.
pub fn use_url_state() -> UrlState {
    let location = use_location();
    let decoded = Memo::new(move |_| query::decode(&location.search.get()));
    let state = Memo::new(move |_| decoded.get().0);
    let notices = Memo::new(move |_| decoded.get().1);
    let navigate = use_navigate();
    let pathname = location.pathname;
    let set = Callback::new(move |(next, replace): (ViewState, bool)| {
        let encoded = query::encode(&next);
        let path = pathname.get_untracked();
        let target = if encoded.is_empty() {
            path
        } else {
            format!("{path}?{encoded}")
        };
        navigate(
            &target,
            NavigateOptions {
                replace,
                scroll: false,
                resolve: false,
                ..NavigateOptions::default()
            },
        );
    });
    UrlState {
        state,
        notices,
        set,
    }
}
