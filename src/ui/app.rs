//! The root component: loads the bundled collections, then shows the explorer, or a clear error
//! panel with a retry button when the data cannot be loaded. Files the reader opens join the
//! bundled collections here: the explorer is rebuilt over the larger catalog. A link that shows
//! a file this device does not have waits here until the reader opens that file, and is then
//! the view shown.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::{Catalog, CatalogBuild};
use crate::core::export;
use crate::core::file_link::{Opened, PendingLink};
use crate::core::i18n::Said;
use crate::core::import::message::{collection_id_of, ReadAs};
use crate::core::query;
use crate::ui::adding::{self, Adding, AddingProgress, Kept};
use crate::ui::browser;
use crate::ui::check_client;
use crate::ui::device_store;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::explorer::{Explorer, PreparedExplorer};
use crate::ui::export_file;
use crate::ui::i18n::{self, SiteHeader};
use crate::ui::import_client::Incoming;
use crate::ui::link_files::LinkFiles;
use crate::ui::loader::{self, LoadError};
use crate::ui::offline_badge::OfflineBadge;
use crate::ui::open_file::OpenFile;
use crate::ui::skip_link::SkipLink;
use crate::ui::stored_form;
use crate::ui::update_notice::UpdateNotice;
use crate::ui::your_data::{labels, OpenedFile, YourData};

/// The whole app: loading state, error panel or the explorer. There is one page, whatever the
/// path, so the app also works when hosted under a sub-path.
#[component]
pub fn App() -> impl IntoView {
    // The link as it arrived, before the explorer rewrites it to what this device can show.
    let arrived = browser::address_query();
    let language = i18n::provide_language();
    // The engine and whole-table sums of a catalog files joined, made while they joined (or
    // were reopened), for its explorer.
    let prepared = PreparedExplorer::provide();
    let first_query = arrived.clone();
    let data = LocalResource::new(move || {
        let first_query = first_query.clone();
        async move {
            let (loaded, (place_names, gazetteer)) =
                futures::future::join(loader::load_bundled(), loader::load_place_names()).await;
            let mut loaded = loaded?;
            let place_names = Arc::new(place_names);
            let (files, notices) = adding::reopen_kept(&mut loaded, &place_names).await;
            let build = CatalogBuild::new(loaded).with_place_names(place_names);
            let catalog = Arc::new(adding::build_in_slices(build, &|_| {}).await);
            // Files reopened can make the table large: the explorer's first work is done ahead,
            // in tasks of their own, for the view the link asks for.
            if !files.is_empty() {
                let explorer = adding::prepare_explorer(&catalog, &first_query).await;
                prepared.keep(catalog.clone(), explorer);
            }
            Ok::<_, LoadError>(Start {
                catalog,
                files,
                notices,
                gazetteer,
            })
        }
    });
    let retry = Callback::new(move |()| data.refetch());
    // The catalog once the reader opened or removed a file since the start.
    let with_files = RwSignal::new(None::<Arc<Catalog>>);
    let files = RwSignal::new(Vec::<OpenedFile>::new());
    let rejected = RwSignal::new(None::<Said>);
    // How far adding a file the worker read is, while it is added.
    let adding_now = RwSignal::new(None::<Adding>);
    let store_notices = RwSignal::new(Vec::<Said>::new());
    // A link that shows files this device does not have, until the reader opens them.
    let link = RwSignal::new(None::<PendingLink>);
    // The files kept on this device join the list once they are reopened.
    Effect::new(move |_| {
        if let Some(Ok(start)) = data.get() {
            if let Some(gazetteer) = &start.gazetteer {
                check_client::keep_gazetteer(gazetteer.clone());
            }
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

    let on_read = Callback::new(move |incoming: Incoming| {
        rejected.set(None);
        // Checking the file (in a second worker, or here in slices between frames) and
        // building the table run without holding the page, so it answers while a large file
        // joins.
        leptos::task::spawn_local(async move {
            let mut incoming = incoming;
            // A file opened while the bundled collections still load waits for them: it joins
            // their catalogue, and is checked with their place names. The worker reads on
            // meanwhile; the lines it hands over wait in the page's memory (some seconds of
            // reading at most: the bundled collections load in a few). Cancel ends the wait.
            let start = match current() {
                Some(start) => start,
                None => {
                    let name = incoming.name().to_owned();
                    adding_now.set(Some(Adding::waiting(name.clone())));
                    let bundled = incoming.unless_stopped(async move { data.await }).await;
                    adding_now.set(None);
                    // The reading stopped: the file input says why.
                    let Some(bundled) = bundled else {
                        return;
                    };
                    match (current(), bundled) {
                        (Some(start), _) => start,
                        (None, Ok(start)) => start.catalog,
                        (None, Err(_)) => {
                            rejected
                                .set(Some(Said::new("adding-bundled-failed").arg("name", name)));
                            return;
                        }
                    }
                }
            };
            let gazetteer = data
                .get_untracked()
                .and_then(Result::ok)
                .and_then(|start| start.gazetteer);
            let report = |now: Adding| adding_now.set(Some(now));
            let checker = adding::Checker {
                place_names: &start.place_names,
                gazetteer: gazetteer.as_ref(),
            };
            let (summary, kept, loaded) = match adding::check_file(incoming, checker, &report).await
            {
                Ok(Some(checked)) => checked,
                // The reading stopped: the file input says why.
                Ok(None) => {
                    adding_now.set(None);
                    return;
                }
                Err(message) => {
                    adding_now.set(None);
                    rejected.set(Some(message));
                    return;
                }
            };
            let name = summary.file_name.clone();
            // What the device keeps: the file's stored form, as the checking worker wrote it,
            // or written here before its collection joins the catalogue (which takes its
            // table); else a collection file as it was opened.
            let bytes = match kept {
                Kept::Stored(blob) => Some(blob),
                Kept::Collection(_) | Kept::Unwritten => {
                    let _stage = browser::Measure::new("stage: stored form");
                    let written = stored_form::write_in_slices(&loaded).await;
                    match kept {
                        Kept::Collection(file) => written.or(Some(file)),
                        _ => written,
                    }
                }
            };
            // The same table read again (with other columns, another date order or sheet)
            // replaces its earlier reading: the collection id comes from the file's
            // fingerprint, and the reader chose anew. A collection file opened twice is still
            // refused.
            let id = collection_id_of(&summary.fingerprint);
            let replacing = summary.format != ReadAs::Collection
                && files.with_untracked(|files| files.iter().any(|file| file.collection_id == id));
            let base = if replacing {
                let without = start.without_in_steps(&id);
                Arc::new(adding::build_in_slices(without, &|_| {}).await)
            } else {
                start.clone()
            };
            let added = match adding::add_file(&base, summary, loaded, &report).await {
                Ok((catalog, opened)) => {
                    // The explorer's first work, done ahead in tasks of their own, for the
                    // view it opens on unless a link waits for the file.
                    let catalog = Arc::new(catalog);
                    let query = format!("c={}", opened.collection_id);
                    let explorer = adding::prepare_explorer(&catalog, &query).await;
                    prepared.keep(catalog.clone(), explorer);
                    Ok((catalog, opened))
                }
                Err(message) => Err(message),
            };
            // The explorer is drawn in a task of its own, not after the table's last step.
            adding::yield_to_browser().await;
            adding_now.set(None);
            // A file opened or removed meanwhile built its catalog from the same start:
            // adding this one to that start would undo the other change.
            if !current().is_some_and(|now| Arc::ptr_eq(&now, &start)) {
                rejected.set(Some(Said::new("adding-files-changed").arg("name", name)));
                return;
            }
            let (catalog, opened) = match added {
                Ok(added) => added,
                Err(message) => {
                    rejected.set(Some(message));
                    return;
                }
            };
            if replacing {
                store_notices.update(|notices| {
                    notices.push(
                        Said::new("adding-read-again")
                            .arg("name", opened.summary.file_name.clone()),
                    )
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
            // The language the address names stays named: without it the page would follow
            // the browser's language, and a reader who chose Arabic would get English.
            let (mut state, _) = query::decode(&query);
            if state.lang.is_none() {
                state.lang = query::decode(&browser::address_query()).0.lang;
            }
            browser::write_address(&browser::address_with_query(&query::encode(&state)), false);
            files.update(|files| {
                files.retain(|file| file.collection_id != opened.collection_id);
                files.push(opened.clone());
            });
            {
                let _measure = browser::Measure::new("adding: explorer");
                with_files.set(Some(catalog));
            }
            let kept = {
                let _measure = browser::Measure::new("adding: keep");
                bytes
                    .as_ref()
                    .map(|bytes| device_store::keep(&opened, bytes))
            };
            let kept = match kept {
                Some(keeping) => keeping.await,
                None => Err(Said::new("store-form-not-made")),
            };
            if let Err(error) = kept {
                store_notices.update(|notices| {
                    notices.push(
                        Said::new("adding-not-kept")
                            .arg("name", opened.summary.file_name.clone())
                            .arg_said("reason", error),
                    )
                });
            }
        });
    });
    // The device forgets the file first, so that a reload right after Remove cannot bring it
    // back; the page lets it go either way.
    let on_remove = Callback::new(move |collection_id: String| {
        leptos::task::spawn_local(async move {
            if let Err(error) = device_store::forget(&collection_id).await {
                store_notices.update(|notices| {
                    notices.push(Said::new("removed-not-forgotten").arg_said("reason", error))
                });
            }
            files.update(|files| files.retain(|file| file.collection_id != collection_id));
            // The view stays as it was, without the removed collection.
            let (mut state, _) = query::decode(&browser::address_query());
            state.collections.remove(&collection_id);
            state.files.remove(&collection_id);
            browser::write_address(&browser::address_with_query(&query::encode(&state)), false);
            // Built in slices from the catalog shown; built again if another change landed
            // meanwhile, so that the removal is never lost.
            while let Some(base) = current() {
                let without = base.without_in_steps(&collection_id);
                let catalog = adding::build_in_slices(without, &|_| {}).await;
                if current().is_some_and(|now| Arc::ptr_eq(&now, &base)) {
                    with_files.set(Some(Arc::new(catalog)));
                    break;
                }
            }
        });
    });

    // The whole collection a file became, every event of it, as a collection file: written a
    // batch at a time, one file at a time, the button saying how far it has got.
    let saving = RwSignal::new(None::<(String, u32)>);
    let on_save = Callback::new(move |collection_id: String| {
        if saving.get_untracked().is_some() {
            return;
        }
        saving.set(Some((collection_id.clone(), 0)));
        leptos::task::spawn_local(async move {
            let saved = save_collection(current(), &collection_id, files, |percent| {
                saving.try_set(Some((collection_id.clone(), percent)));
            })
            .await;
            saving.try_set(None);
            if let Err(error) = saved {
                store_notices.try_update(|notices| {
                    notices.push(Said::new("save-failed").arg_said("reason", error));
                });
            }
        });
    });

    // Built again in the other language when the reader switches: the view is in the address.
    // The file input between them lives on, so a file being read or mapped is not lost.
    let before = move || view! { <LinkFiles link=link /> };
    let after = move || {
        view! {
            <AddingProgress adding=adding_now />
            {move || rejected.get().map(|message| view! {
                <p class="import-failure" role="alert" data-testid="import-rejected">{i18n::said_view(language.0.get(), &message)}</p>
            })}
            {move || {
                let notices = store_notices.get();
                (!notices.is_empty()).then(|| view! {
                    <div class="notices" role="status" data-testid="store-notices">
                        <ul>{notices.into_iter().map(|n| view! { <li>{i18n::said_view(language.0.get(), &n)}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <YourData files=files saving=saving on_save=on_save on_remove=on_remove />
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
                            view! { <ErrorPanel message=error.said() problems=problems on_retry=retry /> }.into_any()
                        }
                    })
                }}
            </Suspense>
        }
    };
    view! {
        <SkipLink />
        <SiteHeader><OfflineBadge /></SiteHeader>
        <UpdateNotice />
        <main>
            {move || {
                language.0.track();
                untrack(before)
            }}
            <OpenFile on_read=on_read />
            {move || {
                language.0.track();
                untrack(after)
            }}
        </main>
    }
}

/// What the page starts with: the bundled collections and the files kept on this device.
#[derive(Clone)]
struct Start {
    catalog: Arc<Catalog>,
    files: Vec<OpenedFile>,
    /// Kept files that could not be reopened, in sentences.
    notices: Vec<Said>,
    /// The gazetteer's JSON, for the worker that checks a file opened; `None` when it did not
    /// load.
    gazetteer: Option<js_sys::Uint8Array>,
}

/// Writes the collection `collection_id` of `catalog` (every event the reader's file became)
/// as a collection file and offers it under the file's name; `progress` hears the share
/// written. `files` name the reader's files.
///
/// Errors: what the reader is told when the page is still loading, the collection is no
/// longer open, or the file cannot be written or offered.
async fn save_collection(
    catalog: Option<Arc<Catalog>>,
    collection_id: &str,
    files: RwSignal<Vec<OpenedFile>>,
    progress: impl Fn(u32),
) -> Result<(), Said> {
    let catalog = catalog.ok_or_else(|| Said::new("save-still-loading"))?;
    let dataset = catalog
        .datasets
        .iter()
        .find(|dataset| dataset.collection.id == collection_id)
        .ok_or_else(|| Said::new("save-not-open"))?;
    let json = export_file::collection_blob(dataset, progress)
        .await
        .map_err(|reason| Said::new("save-not-written").arg("reason", reason))?;
    let name = files.with_untracked(|files| {
        files
            .iter()
            .find(|file| file.collection_id == collection_id)
            .map(|file| file.summary.file_name.clone())
    });
    let name = export::collection_file_name(name.as_deref().unwrap_or(collection_id));
    browser::download_parts(&name, "application/json", &js_sys::Array::of1(&json))
        .map_err(|reason| Said::new("save-not-offered").arg("reason", reason))
}
