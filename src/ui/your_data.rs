//! "Your data": the files the reader opened in this page, each with what was read from it (rows
//! read, skipped and warned, size, when, its SHA-256 fingerprint), its problem list with a CSV
//! download, "Save as collection (JSON)" and Remove.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::bar_chart::group_thousands;
use crate::core::file_link::FileLabel;
use crate::core::i18n::{Arg, Lang};
use crate::core::import::message::{problems_csv, ImportSummary, ProblemLine, ReadAs};
use crate::ui::browser;
use crate::ui::i18n;

/// Problem lines shown on the page; the download has them all.
const SHOWN_PROBLEMS: usize = 50;

/// A file the reader opened, as the list shows it (and as the device keeps it).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OpenedFile {
    pub summary: ImportSummary,
    /// The collection the file became.
    pub collection_id: String,
    /// Events it added to the explorer.
    pub events: usize,
    /// When it was opened, as the reader's clock says: `2026-11-30 14:02`.
    pub opened_at: String,
}

impl OpenedFile {
    /// What a link says of this file: rows read, events and name.
    pub fn label(&self) -> Option<FileLabel> {
        FileLabel::new(
            self.summary.rows_read,
            self.events as u64,
            &self.summary.file_name,
        )
    }
}

/// The labels of `files`, by collection id, for the links of views that show them.
pub fn labels(files: &[OpenedFile]) -> Arc<BTreeMap<String, FileLabel>> {
    Arc::new(
        files
            .iter()
            .filter_map(|file| Some((file.collection_id.clone(), file.label()?)))
            .collect(),
    )
}

/// The reader's clock now, as `YYYY-MM-DD HH:MM`.
pub fn local_time_now() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// The list; empty until a file is opened. `on_save` and `on_remove` get a file's collection
/// id; `saving` is the collection being saved, if any, and the share written (0 to 100).
#[component]
pub fn YourData(
    files: RwSignal<Vec<OpenedFile>>,
    saving: RwSignal<Option<(String, u32)>>,
    on_save: Callback<String>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let tr = i18n::lang();
    move || {
        let files = files.get();
        (!files.is_empty()).then(|| {
            view! {
                // A disclosure, open at first: on a phone the reader can fold it away.
                <details class="your-data" data-testid="your-data" open>
                    <summary><h2>{tr.format("your-data-title", &[("n", Arg::Text(&files.len().to_string()))])}</h2></summary>
                    <p class="your-data-note">{tr.text("your-data-note")}</p>
                    <ul>{files.into_iter().map(|file| view! { <FileEntry file=file saving=saving on_save=on_save on_remove=on_remove /> }).collect_view()}</ul>
                </details>
            }
        })
    }
}

#[component]
fn FileEntry(
    file: OpenedFile,
    saving: RwSignal<Option<(String, u32)>>,
    on_save: Callback<String>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let tr = i18n::lang();
    let summary = file.summary;
    let unit = if summary.format == ReadAs::Collection {
        "records-count"
    } else {
        "rows-count"
    };
    let n = |count: u64| group_thousands(i64::try_from(count).unwrap_or(i64::MAX));
    let counts = tr.format(
        "your-data-counts",
        &[
            ("read", Arg::Text(&tr.count(unit, summary.rows_read))),
            ("skipped", Arg::Text(&n(summary.rows_skipped))),
            ("warned", Arg::Text(&n(summary.rows_warned))),
            (
                "events",
                Arg::Text(&tr.count("events-count", file.events as u64)),
            ),
        ],
    );
    let size = if summary.size < 100_000 {
        format!("{:.1} KB", summary.size as f64 / 1e3)
    } else {
        format!("{:.1} MB", summary.size as f64 / 1e6)
    };
    // What the file was read as, in the page's language.
    let format = tr.said(&summary.format.said());
    let details = tr.format(
        "your-data-details",
        &[
            ("format", Arg::Text(&format)),
            ("size", Arg::Text(&size)),
            ("when", Arg::Text(&file.opened_at)),
        ],
    );
    let problems = summary.problems;
    let not_listed = summary.problems_not_listed;
    let total = problems.len();
    let csv = problems_csv(&problems, tr);
    let download_name = format!("{}-problems.csv", file.collection_id);
    let download = move |_| {
        if let Err(error) = browser::download(&download_name, "text/csv;charset=utf-8", &csv) {
            leptos::logging::warn!("the problem list could not be offered: {error}");
        }
    };
    let id = file.collection_id.clone();
    let saved = file.collection_id.clone();
    let this_file = file.collection_id.clone();
    // While a collection is written, its button says how far it has got, and every file's
    // waits.
    let save_label = move || {
        saving.with(|saving| match saving {
            Some((id, percent)) if *id == this_file => {
                tr.format("saving", &[("percent", Arg::Text(&percent.to_string()))])
            }
            _ => tr.text("your-data-save"),
        })
    };
    view! {
        <li class="opened-file" data-collection=file.collection_id.clone()>
            <p class="opened-name"><strong><bdi>{summary.file_name}</bdi></strong>" "<span class="muted">{details}</span></p>
            <p data-testid="import-counts">{counts}</p>
            <p class="fingerprint">"SHA-256 "<code>{summary.fingerprint}</code></p>
            {(total > 0).then(|| view! {
                <details class="import-problems">
                    <summary>{tr.count("your-data-problems", total as u64)}</summary>
                    <ul data-testid="import-problems">
                        {problems.iter().take(SHOWN_PROBLEMS).map(|line| view! {
                            <li class="problem-line" class:skipped=line.skipped>
                                <span class="outcome">{if line.skipped { tr.text("problem-left-out") } else { tr.text("problem-kept") }}</span>" "
                                <span class="problem-text">{problem_text(tr, line)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    {(total > SHOWN_PROBLEMS).then(|| view! { <p>{tr.format("your-data-first-shown", &[
                        ("shown", Arg::Text(&SHOWN_PROBLEMS.to_string())),
                        ("total", Arg::Text(&total.to_string())),
                    ])}</p> })}
                    {(not_listed > 0).then(|| view! { <p>{tr.format("your-data-not-listed", &[("n", Arg::Text(&not_listed.to_string()))])}</p> })}
                    <button type="button" on:click=download>{tr.text("your-data-download-problems")}</button>
                </details>
            })}
            <div class="file-actions">
                <button type="button" class="save-collection" on:click=move |_| on_save.run(saved.clone())
                    disabled=move || saving.with(Option::is_some)
                    title=tr.text("your-data-save-title")>{save_label}</button>
                <button type="button" class="remove-file" on:click=move |_| on_remove.run(id.clone())>{tr.text("your-data-remove")}</button>
            </div>
        </li>
    }
}

/// A problem as `row N / column / value: what is wrong`, the file's column and value each
/// isolated, so that a right-to-left name, or a direction control in a value, cannot reorder
/// the app's own words around it.
fn problem_text(tr: Lang, line: &ProblemLine) -> impl IntoView {
    let mut parts: Vec<AnyView> = Vec::new();
    if line.row > 0 {
        let row = line.row.to_string();
        parts.push(
            view! { <span>{tr.format("problem-row", &[("row", Arg::Text(&row))])}</span> }
                .into_any(),
        );
    }
    // A collection file's record without a valid id, named by its kind and place in the
    // page's language.
    if let Some(record) = &line.record {
        parts.push(
            view! { <bdi class="file-record">{i18n::said_view(tr, record)}</bdi> }.into_any(),
        );
    }
    // The file's own words, verbatim (spaces kept) and set apart from the sentence.
    let column = (line.record.is_none()).then_some((&line.column, "file-column"));
    for (text, class) in column.into_iter().chain([(&line.value, "file-value")]) {
        if !text.is_empty() {
            if !parts.is_empty() {
                parts.push(view! { " / " }.into_any());
            }
            parts.push(view! { <bdi class=class>{text.clone()}</bdi> }.into_any());
        }
    }
    // The sentence in the page's language; one an earlier version kept in English only stays
    // in English, marked so (`said_view` marks a foreign text).
    let message = view! { <span>{i18n::said_view(tr, &line.said)}</span> };
    view! { {parts}": "{message} }
}
