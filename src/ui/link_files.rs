//! The notice of a link that shows a reader's own file this device does not have: which file
//! (its name, the rows read from it, its events, the start of its SHA-256 fingerprint), an
//! "Open this file…" control, and, when the reader opens another file, that it is not the one.
//! The control is a label of the page's file input, so it opens the same chooser. The link
//! waits in the app as a [`PendingLink`] and is shown once its file is open.
//!
//! Everything from the link is text, each name isolated (`<bdi>`), so a name cannot reorder
//! the sentence around it.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::bar_chart::group_thousands;
use crate::core::file_link::{MissingFile, PendingLink};

/// The notice, while the link waits for files; nothing otherwise. Dismiss lets the link go.
#[component]
pub fn LinkFiles(link: RwSignal<Option<PendingLink>>) -> impl IntoView {
    move || {
        link.get().map(|pending| {
            let several = pending.missing.len() > 1;
            let files = pending.missing.into_iter().map(|file| {
                let id = file.id.clone();
                view! { <p class="link-file" data-testid="link-file" data-collection=id>{describe(file)}</p> }
            }).collect_view();
            let (missing, still, open) = if several {
                ("They are not on this device. Open the same files here", "The link's files are still missing.", "Open one of these files…")
            } else {
                ("It is not on this device. Open the same file here", "The link's file is still missing.", "Open this file…")
            };
            let other = pending.other.map(|(name, id)| view! {
                <p class="link-files-other" role="alert" data-testid="link-file-other">
                    "You opened "<strong><bdi>{name}</bdi></strong>", which is not a file this link shows (it became the collection “"<bdi>{id}</bdi>"”). "{still}
                </p>
            });
            view! {
                <section class="link-files" aria-label="Files this link shows" data-testid="link-files">
                    {files}
                    <p>{missing}" to see the link's view, its filters included; a file is read on this device and never uploaded."</p>
                    {other}
                    <div class="link-files-actions">
                        <label for="open-file" class="button primary" role="button" tabindex="0"
                            data-testid="link-file-open" on:keydown=open_by_key>{open}</label>
                        <button type="button" on:click=move |_| link.set(None)>"Dismiss"</button>
                    </div>
                </section>
            }
        })
    }
}

/// One missing file, in a sentence: "This link shows NAME (48,211 rows read, 48,190 events;
/// SHA-256 starting 3f9a0c1d2e4b…), a file opened on another device."
fn describe(file: MissingFile) -> impl IntoView {
    let n = |count: u64, one: &str, many: &str| {
        let unit = if count == 1 { one } else { many };
        format!(
            "{} {unit}",
            group_thousands(i64::try_from(count).unwrap_or(i64::MAX))
        )
    };
    let identity = match file.fingerprint() {
        Some(digits) => view! { "SHA-256 starting "<code>{digits}</code>"…" }.into_any(),
        None => view! { "collection “"<bdi>{file.id}</bdi>"”" }.into_any(),
    };
    match file.label {
        Some(label) => {
            let counts = format!(
                "{} read, {}; ",
                n(label.rows, "row", "rows"),
                n(label.events, "event", "events")
            );
            view! {
                "This link shows "<strong class="file-name"><bdi>{label.name().to_string()}</bdi></strong>
                " ("{counts}{identity}"), a file opened on another device."
            }
            .into_any()
        }
        None => {
            view! { "This link shows a file opened on another device ("{identity}")." }.into_any()
        }
    }
}

/// Enter and Space on the label open the chooser, as they would on a button.
fn open_by_key(event: ev::KeyboardEvent) {
    if !matches!(event.key().as_str(), "Enter" | " ") {
        return;
    }
    event.prevent_default();
    if let Some(label) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    {
        label.click();
    }
}
