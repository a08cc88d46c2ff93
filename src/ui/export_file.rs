//! The view's export as a file (CSV or JSON), written a batch of rows at a time
//! ([`export::EXPORT_BATCH`]) with the browser's turn between batches: a million rows neither
//! hold the page nor sit whole in WebAssembly's memory (built at once, their rows and text took
//! more than the 4 GB it has, and the page stopped). The file's parts go to the browser as
//! they are written ([`BlobParts`], a blob every few megabytes); the bytes are those of
//! [`export::to_csv`] and [`export::to_json`].

use std::collections::BTreeMap;

use crate::core::catalog::Catalog;
use crate::core::export;
use crate::core::file_link::FileLabel;
use crate::core::i18n::Lang;
use crate::core::model::Dataset;
use crate::ui::adding::yield_to_browser;
use crate::ui::blob_parts::BlobParts;
use crate::ui::browser;
use crate::ui::url_state::event_link;

/// The two formats of a view's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// Writes the export of `rows` (table rows of `catalog`, in the order they are written) and
/// offers it for download; `view_link` is the view's address (in the JSON, and in a CSV
/// comment), `lang` the language of the CSV's comments. `progress` hears the share written,
/// 0 to 100, after each batch.
///
/// Errors: a sentence when the browser builds or offers no file.
pub async fn write_export(
    catalog: &Catalog,
    rows: &[u32],
    format: ExportFormat,
    view_link: &str,
    files: &BTreeMap<String, FileLabel>,
    lang: Lang,
    progress: impl Fn(u32),
) -> Result<(), String> {
    let attribution = export::attributions_of_rows(&catalog.table, &catalog.datasets, rows);
    let link = |id: &str| event_link(id, files);
    let mut file = BlobParts::new(PART_BYTES);
    let mut push = |text: &str| file.push(text.as_bytes(), &mut |_| {});
    let batches = rows.len().div_ceil(export::EXPORT_BATCH).max(1);
    let mut written = 0;
    for (at, batch) in rows.chunks(export::EXPORT_BATCH).enumerate() {
        let built = export::rows(&catalog.table, &catalog.datasets, batch, &link);
        push(&match format {
            ExportFormat::Csv => export::csv_records(&built),
            ExportFormat::Json => export::json_events(&built, written == 0),
        })?;
        written += built.len();
        progress(share_written(at, batches));
        yield_to_browser().await;
    }
    // The head and the tail count the rows written: the head goes in front of the rest.
    let (head, tail, name, mime) = match format {
        ExportFormat::Csv => (
            export::csv_head(),
            export::csv_tail(written, &attribution, lang, view_link),
            "syria-incidents.csv",
            "text/csv;charset=utf-8",
        ),
        ExportFormat::Json => (
            export::json_head(&attribution, view_link, written),
            export::json_tail(written).to_string(),
            "syria-incidents.json",
            "application/json",
        ),
    };
    push(&tail)?;
    let rows = file.finish(&mut |_| {})?;
    let parts = js_sys::Array::of2(&wasm_bindgen::JsValue::from_str(&head), &rows);
    browser::download_parts(name, mime, &parts)
}

/// Bytes of the file kept in WebAssembly's memory before they become a blob.
const PART_BYTES: usize = 4 << 20;

/// The share of a file written once batch `at` (from 0) of `batches` is, 0 to 100.
fn share_written(at: usize, batches: usize) -> u32 {
    u32::try_from((at + 1) * 100 / batches.max(1)).unwrap_or(100)
}

/// The whole collection `dataset` as this project's JSON collection file, in one blob: the
/// bytes of [`export::collection_json`], written [`export::EXPORT_BATCH`] events at a time
/// with the browser's turn between batches, each batch handed to the browser as it is
/// written. A million events (1.3 GB of JSON) neither hold the page (at once, a task of some
/// 4 s) nor sit whole in WebAssembly's memory beside the collection, which never gives memory
/// back. `progress` hears the share written, 0 to 100, after each batch.
///
/// Errors: a sentence when the collection cannot be written or the browser makes no blob.
pub async fn collection_blob(
    dataset: &Dataset,
    progress: impl Fn(u32),
) -> Result<web_sys::Blob, String> {
    let mut file = BlobParts::new(PART_BYTES);
    let mut push = |text: &str| file.push(text.as_bytes(), &mut |_| {});
    push(&export::collection_head(dataset)?)?;
    let events = dataset.events.len();
    let batches = events.div_ceil(export::EXPORT_BATCH).max(1);
    for at in 0..batches {
        let start = at * export::EXPORT_BATCH;
        push(&export::collection_events(
            dataset,
            start..start + export::EXPORT_BATCH,
        )?)?;
        progress(share_written(at, batches));
        yield_to_browser().await;
    }
    push(&export::collection_tail(dataset)?)?;
    file.finish(&mut |_| {})
}
