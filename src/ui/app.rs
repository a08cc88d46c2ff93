//! The root component: loads the bundled collections, then shows the explorer, or a clear error
//! panel with a retry button when the data cannot be loaded. Files the reader opens join the
//! bundled collections here: the explorer is rebuilt over the larger catalog. A link that shows
//! a file this device does not have waits here until the reader opens that file, and is then
//! the view shown.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::export;
use crate::core::file_link::{Opened, PendingLink};
use crate::core::import::message::{
    collection_id_of, ImportSummary, ProblemLine, COLLECTION_FORMAT,
};
use crate::core::query;
use crate::core::validate::{self, Loaded, Severity};
use crate::ui::browser;
use crate::ui::device_store;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::explorer::Explorer;
use crate::ui::i18n::{self, SiteHeader};
use crate::ui::link_files::LinkFiles;
use crate::ui::loader::{self, LoadError};
use crate::ui::offline_badge::OfflineBadge;
use crate::ui::open_file::OpenFile;
use crate::ui::update_notice::UpdateNotice;
use crate::ui::your_data::{labels, local_time_now, OpenedFile, YourData};

/// The whole app: loading state, error panel or the explorer. There is one page, whatever the
/// path, so the app also works when hosted under a sub-path.
#[component]
pub fn App() -> impl IntoView {
    // The link as it arrived, before the explorer rewrites it to what this device can show.
    let arrived = browser::address_query();
    let language = i18n::provide_language();
    let data = LocalResource::new(|| async {
        let mut loaded = loader::load_bundled().await?;
        let (files, notices) = reopen_kept(&mut loaded).await;
        Ok::<_, LoadError>(Start {
            catalog: Arc::new(Catalog::new(loaded)),
            files,
            notices,
        })
    });
    let retry = Callback::new(move |()| data.refetch());
    // The catalog once the reader opened or removed a file since the start.
    let with_files = RwSignal::new(None::<Arc<Catalog>>);
    let files = RwSignal::new(Vec::<OpenedFile>::new());
    let rejected = RwSignal::new(None::<String>);
    let store_notices = RwSignal::new(Vec::<String>::new());
    // A link that shows files this device does not have, until the reader opens them.
    let link = RwSignal::new(None::<PendingLink>);
    // The files kept on this device join the list once they are reopened.
    Effect::new(move |_| {
        if let Some(Ok(start)) = data.get() {
            files.set(start.files.clone());
            store_notices.set(start.notices.clone());
            link.set(PendingLink::of(&arrived, &start.catalog.collection_ids()));
        }
    });
    let current = move || {
        with_files.get_untracked().or_else(|| {
            data.get_untracked()
                .and_then(Result::ok)
                .map(|start| start.catalog)
        })
    };

    let on_read = Callback::new(move |(summary, bytes): (ImportSummary, Vec<u8>)| {
        rejected.set(None);
        let Some(base) = current() else {
            rejected.set(Some(
                "The bundled collections are not loaded yet; open the file again in a moment."
                    .into(),
            ));
            return;
        };
        // The same table read again (with other columns, another date order or sheet)
        // replaces its earlier reading: the collection id comes from the file's fingerprint,
        // and the reader chose anew. A collection file opened twice is still refused.
        let id = collection_id_of(&summary.fingerprint);
        let replacing = summary.format != COLLECTION_FORMAT
            && files.with_untracked(|files| files.iter().any(|file| file.collection_id == id));
        let base = if replacing {
            Arc::new(base.without(&id))
        } else {
            base
        };
        match add_file(&base, summary, &bytes) {
            Ok((catalog, opened)) => {
                if replacing {
                    store_notices.update(|notices| {
                        notices.push(format!(
                            "{} was read again, as chosen now; the earlier reading of it was \
                             replaced.",
                            opened.summary.file_name
                        ))
                    });
                }
                // The file a waiting link shows: the link's view, its filters included. Any
                // other file: the explorer opens on the new collection alone.
                let mut shown = None;
                link.update(|pending| {
                    let Some(waiting) = pending else {
                        return;
                    };
                    let file_name = &opened.summary.file_name;
                    if let Opened::LinksFile { query, settled } =
                        waiting.opened(&opened.collection_id, file_name)
                    {
                        shown = Some(query);
                        if settled {
                            *pending = None;
                        }
                    }
                });
                let query = shown.unwrap_or_else(|| format!("c={}", opened.collection_id));
                browser::write_address(&browser::address_with_query(&query), false);
                files.update(|files| {
                    files.retain(|file| file.collection_id != opened.collection_id);
                    files.push(opened.clone());
                });
                with_files.set(Some(Arc::new(catalog)));
                leptos::task::spawn_local(async move {
                    if let Err(error) = device_store::keep(&opened, &bytes).await {
                        store_notices.update(|notices| {
                            notices.push(format!(
                                "{} is open, but could not be kept on this device: {error}. \
                                 It will be gone after a reload.",
                                opened.summary.file_name
                            ))
                        });
                    }
                });
            }
            Err(message) => rejected.set(Some(message)),
        }
    });
    // The device forgets the file first, so that a reload right after Remove cannot bring it
    // back; the page lets it go either way.
    let on_remove = Callback::new(move |collection_id: String| {
        leptos::task::spawn_local(async move {
            if let Err(error) = device_store::forget(&collection_id).await {
                store_notices.update(|notices| {
                    notices.push(format!(
                        "The file was removed from this page, but this device could not forget \
                         it: {error}"
                    ))
                });
            }
            let Some(base) = current() else {
                return;
            };
            files.update(|files| files.retain(|file| file.collection_id != collection_id));
            // The view stays as it was, without the removed collection.
            let (mut state, _) = query::decode(&browser::address_query());
            state.collections.remove(&collection_id);
            state.files.remove(&collection_id);
            browser::write_address(&browser::address_with_query(&query::encode(&state)), false);
            with_files.set(Some(Arc::new(base.without(&collection_id))));
        });
    });

    // The whole collection a file became, every event of it, as a collection file.
    let on_save = Callback::new(move |collection_id: String| {
        let saved = current()
            .ok_or_else(|| "the page is still loading".to_string())
            .and_then(|catalog| {
                let dataset = catalog
                    .datasets
                    .iter()
                    .find(|dataset| dataset.collection.id == collection_id)
                    .ok_or_else(|| "it is not open any more".to_string())?;
                let json = export::collection_json(dataset)?;
                let name = files.with_untracked(|files| {
                    files
                        .iter()
                        .find(|file| file.collection_id == collection_id)
                        .map(|file| file.summary.file_name.clone())
                });
                let name = export::collection_file_name(name.as_deref().unwrap_or(&collection_id));
                browser::download(&name, "application/json", &json)
            });
        if let Err(error) = saved {
            store_notices.update(|notices| {
                notices.push(format!("The collection could not be saved: {error}."))
            });
        }
    });

    // Built again in the other language when the reader switches: the view is in the address.
    let page = move || {
        view! {
            <main>
                <LinkFiles link=link />
                <OpenFile on_read=on_read />
                {move || rejected.get().map(|message| view! {
                    <p class="import-failure" role="alert" data-testid="import-rejected">{message}</p>
                })}
                {move || {
                    let notices = store_notices.get();
                    (!notices.is_empty()).then(|| view! {
                        <div class="notices" role="status" data-testid="store-notices">
                            <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                <YourData files=files on_save=on_save on_remove=on_remove />
                <Suspense fallback=|| view! { <p class="loading" role="status">{i18n::lang().text("loading")}</p> }>
                    {move || {
                        if let Some(catalog) = with_files.get() {
                            let labels = files.with_untracked(|files| labels(files));
                            return Some(view! { <Explorer catalog=catalog files=labels /> }.into_any());
                        }
                        data.get().map(|result: Result<Start, LoadError>| match result {
                            Ok(start) => view! { <Explorer catalog=start.catalog files=labels(&start.files) /> }.into_any(),
                            Err(error) => {
                                let problems = match &error {
                                    LoadError::Rejected { problems } => problems.clone(),
                                    _ => Vec::new(),
                                };
                                view! { <ErrorPanel message=error.to_string() problems=problems on_retry=retry /> }.into_any()
                            }
                        })
                    }}
                </Suspense>
            </main>
        }
    };
    view! {
        <SiteHeader><OfflineBadge /></SiteHeader>
        <UpdateNotice />
        {move || {
            language.0.track();
            untrack(page)
        }}
    }
}

/// What the page starts with: the bundled collections and the files kept on this device.
#[derive(Clone)]
struct Start {
    catalog: Arc<Catalog>,
    files: Vec<OpenedFile>,
    /// Kept files that could not be reopened, in sentences.
    notices: Vec<String>,
}

/// Adds the files kept on this device to `loaded`, each checked as when it was opened. A
/// browser that keeps no files has none, and says nothing; a kept file that no longer loads
/// is named in a notice.
async fn reopen_kept(loaded: &mut Vec<Loaded>) -> (Vec<OpenedFile>, Vec<String>) {
    let Ok((kept, missing)) = device_store::kept().await else {
        return (Vec::new(), Vec::new());
    };
    let mut notices: Vec<String> = missing
        .into_iter()
        .map(|name| format!("{name} was kept on this device, but its data is gone; open it again."))
        .collect();
    let mut files = Vec::new();
    for (file, bytes) in kept {
        let clash = |id: &str| loaded.iter().any(|l| l.dataset.collection.id == id);
        match validate::load(&file.summary.file_name, &bytes) {
            Ok(one) if !clash(&one.dataset.collection.id) => {
                loaded.push(one);
                files.push(file);
            }
            Ok(_) => notices.push(format!(
                "{} was kept on this device, but a collection with its id is open already.",
                file.summary.file_name
            )),
            Err(problems) => notices.push(format!(
                "{} was kept on this device but could not be reopened{}; open it again.",
                file.summary.file_name,
                problems
                    .first()
                    .map(|problem| format!(" ({problem})"))
                    .unwrap_or_default()
            )),
        }
    }
    (files, notices)
}

/// `base` with the collection the worker read added, and the file's entry for "Your data".
///
/// Errors: one sentence when the collection is refused (its first problem) or clashes with
/// one already open.
fn add_file(
    base: &Catalog,
    mut summary: ImportSummary,
    bytes: &[u8],
) -> Result<(Catalog, OpenedFile), String> {
    let loaded = validate::load(&summary.file_name, bytes).map_err(|problems| {
        let first = problems
            .first()
            .map(|problem| format!(": {problem}"))
            .unwrap_or_default();
        format!("This file could not be opened{first}")
    })?;
    let events = loaded.dataset.events.len();
    if summary.format == COLLECTION_FORMAT {
        // A collection file: its records (events and figures) are what was read, and its
        // problems are the validator's, named by record and field.
        let kept = events + loaded.dataset.figures.len();
        summary.rows_read = (kept + loaded.skipped) as u64;
        summary.rows_skipped = loaded.skipped as u64;
        let warned: std::collections::BTreeSet<&str> = loaded
            .problems
            .iter()
            .filter(|problem| problem.severity == Severity::Warning)
            .map(|problem| problem.record.as_deref().unwrap_or_default())
            .collect();
        summary.rows_warned = warned.len() as u64;
        summary.problems = loaded.problems.iter().map(ProblemLine::from).collect();
    }
    let collection_id = loaded.dataset.collection.id.clone();
    let (checked, skipped) = (loaded.problems.len(), loaded.skipped);
    let catalog = base.adding(loaded)?;
    // Events already loaded from another collection (the same UCDP or ACLED event) were left
    // out of this one as it joined: they are skipped rows with a problem each.
    let events = catalog.datasets.last().map_or(events, |d| d.events.len());
    let left_out = catalog
        .skipped_per_file
        .last()
        .map_or(0, |&now| now.saturating_sub(skipped));
    summary.rows_skipped += left_out as u64;
    let joined = catalog
        .problems
        .iter()
        .filter(|problem| problem.file == summary.file_name)
        .skip(checked)
        .map(ProblemLine::from);
    summary.problems.extend(joined);
    Ok((
        catalog,
        OpenedFile {
            summary,
            collection_id,
            events,
            opened_at: local_time_now(),
        },
    ))
}
