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

use crate::core::file_link::{MissingFile, PendingLink};
use crate::core::i18n::{Arg, Lang};
use crate::ui::i18n;

/// The notice, while the link waits for files; nothing otherwise. Dismiss lets the link go.
#[component]
pub fn LinkFiles(link: RwSignal<Option<PendingLink>>) -> impl IntoView {
    let tr = i18n::lang();
    move || {
        link.get().map(|pending| {
            let several = pending.missing.len() > 1;
            let files = pending.missing.into_iter().map(|file| {
                let id = file.id.clone();
                view! { <p class="link-file" data-testid="link-file" data-collection=id>{describe(tr, file)}</p> }
            }).collect_view();
            let [missing, still, open] = if several {
                ["link-missing-several", "link-still-several", "link-open-several"]
            } else {
                ["link-missing-one", "link-still-one", "link-open-one"]
            }
            .map(|key| tr.text(key));
            let other = pending.other.map(|(name, id)| view! {
                <p class="link-files-other" role="alert" data-testid="link-file-other">
                    {tr.text("link-other-before")}" "<strong><bdi>{name}</bdi></strong>{tr.text("link-other-middle")}<bdi>{id}</bdi>{tr.text("link-other-after")}" "{still}
                </p>
            });
            view! {
                <section class="link-files" aria-label=tr.text("link-files-region") data-testid="link-files">
                    {files}
                    <p>{tr.format("link-see", &[("missing", Arg::Text(&missing))])}</p>
                    {other}
                    <div class="link-files-actions">
                        <label for="open-file" class="button primary" role="button" tabindex="0"
                            data-testid="link-file-open" on:keydown=open_by_key>{open}</label>
                        <button type="button" on:click=move |_| link.set(None)>{tr.text("dismiss")}</button>
                    </div>
                </section>
            }
        })
    }
}

/// One missing file, in a sentence: "This link shows NAME (48,211 rows read, 48,190 events;
/// SHA-256 starting 3f9a0c1d2e4b…), a file opened on another device."
fn describe(tr: Lang, file: MissingFile) -> impl IntoView {
    let identity = match file.fingerprint() {
        Some(digits) => {
            view! { {tr.text("link-sha-starting")}" "<code>{digits}</code>"…" }.into_any()
        }
        None => view! { {tr.text("link-collection")}" “"<bdi>{file.id}</bdi>"”" }.into_any(),
    };
    match file.label {
        Some(label) => {
            let counts = tr.format(
                "link-counts",
                &[
                    ("rows", Arg::Text(&tr.count("rows-count", label.rows))),
                    ("events", Arg::Text(&tr.count("events-count", label.events))),
                ],
            );
            view! {
                {tr.text("link-shows")}" "<strong class="file-name"><bdi>{label.name().to_string()}</bdi></strong>
                " ("{counts}" "{identity}")"{tr.text("link-shows-after")}
            }
            .into_any()
        }
        None => view! { {tr.text("link-shows-unnamed")}" ("{identity}")." }.into_any(),
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
