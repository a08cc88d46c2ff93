//! The root component: loads the bundled collections, then shows the explorer, or a clear error
//! panel with a retry button when the data cannot be loaded.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::explorer::Explorer;
use crate::ui::loader::{self, LoadError};
use crate::ui::offline_badge::OfflineBadge;
use crate::ui::update_notice::UpdateNotice;

/// The whole app: loading state, error panel or the explorer. There is one page, whatever the
/// path, so the app also works when hosted under a sub-path.
#[component]
pub fn App() -> impl IntoView {
    let data = LocalResource::new(|| async {
        loader::load_bundled()
            .await
            .map(|loaded| Arc::new(Catalog::new(loaded)))
    });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <header class="site-header">
            <h1>"Syria Incident Explorer"</h1>
            <p class="tagline">"Documented military incidents in Syria, each traced to the report that documented it."</p>
            <OfflineBadge />
        </header>
        <UpdateNotice />
        <main>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the datasets…"</p> }>
                {move || data.get().map(|result: Result<Arc<Catalog>, LoadError>| match result {
                    Ok(catalog) => view! { <Explorer catalog=catalog /> }.into_any(),
                    Err(error) => {
                        let problems = match &error {
                            LoadError::Rejected { problems } => problems.clone(),
                            _ => Vec::new(),
                        };
                        view! { <ErrorPanel message=error.to_string() problems=problems on_retry=retry /> }.into_any()
                    }
                })}
            </Suspense>
        </main>
    }
}
