//! Files the reader opened, kept on this device so they are there after a reload and offline:
//! in the browser's origin-private file system (OPFS), which only this site's pages can read
//! and which is never sent anywhere. Each file is kept as the collection it became (the JSON
//! the page loads, in pieces as the import worker hands it over, not the file as opened),
//! beside an index of what was read from it.
//!
//! Layout: `own-files/index.json` (the list, [`OpenedFile`]s as JSON) and
//! `own-files/<collection id>.json` (the collection). Every failure comes back as a sentence,
//! a full disk included (`QuotaExceededError`), for the page to show.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions, FileSystemWritableFileStream,
};

use crate::core::i18n::Said;
use crate::ui::your_data::OpenedFile;

const FOLDER: &str = "own-files";
const INDEX: &str = "index.json";

/// The largest collection kept, in bytes of JSON (about 400,000 ACLED rows). Reopening holds
/// the whole collection in the page's WebAssembly memory beside the bundled ones, and a much
/// larger one can exhaust it at every reload: such a file stays open until the page is
/// closed, and is not kept.
pub const KEEP_LIMIT: usize = 400_000_000;

/// Keeps `file` and its collection's JSON `bytes`, after the files kept already.
///
/// Errors: why the browser would not keep it (no storage in this browser or mode, a full
/// disk), in words.
pub async fn keep(file: &OpenedFile, bytes: &[u8]) -> Result<(), Said> {
    if bytes.len() > KEEP_LIMIT {
        return Err(Said::new("store-too-large")
            .arg("limit", (KEEP_LIMIT / 1_000_000).to_string())
            .arg("size", (bytes.len() / 1_000_000).to_string()));
    }
    let folder = folder().await?;
    write(&folder, &format!("{}.json", file.collection_id), bytes).await?;
    let mut index = read_index(&folder).await?;
    index.retain(|kept| kept.collection_id != file.collection_id);
    index.push(file.clone());
    let text = serde_json::to_vec(&index)
        .map_err(|error| Said::new("store-index-not-written").arg("reason", error.to_string()))?;
    write(&folder, INDEX, &text).await
}

/// Every kept file with its collection's bytes, in the order they were opened. A file whose
/// collection is missing is left out and named in the second list.
pub async fn kept() -> Result<(Vec<(OpenedFile, Vec<u8>)>, Vec<(String, Option<Said>)>), Said> {
    let folder = folder().await?;
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for file in read_index(&folder).await? {
        match read(&folder, &format!("{}.json", file.collection_id)).await {
            Ok(Some(bytes)) => files.push((file, bytes)),
            Ok(None) => missing.push((file.summary.file_name, None)),
            Err(error) => missing.push((file.summary.file_name, Some(error))),
        }
    }
    Ok((files, missing))
}

/// Forgets the file that became `collection_id`.
pub async fn forget(collection_id: &str) -> Result<(), Said> {
    let folder = folder().await?;
    let mut index = read_index(&folder).await?;
    index.retain(|kept| kept.collection_id != collection_id);
    let text = serde_json::to_vec(&index)
        .map_err(|error| Said::new("store-index-not-written").arg("reason", error.to_string()))?;
    write(&folder, INDEX, &text).await?;
    // Gone already is fine: the index no longer names it.
    let _ = JsFuture::from(folder.remove_entry(&format!("{collection_id}.json"))).await;
    Ok(())
}

/// The folder of kept files, made on first use.
async fn folder() -> Result<FileSystemDirectoryHandle, Said> {
    let window = web_sys::window().ok_or_else(|| Said::new("store-no-window"))?;
    let storage = window.navigator().storage();
    let root: FileSystemDirectoryHandle = JsFuture::from(storage.get_directory())
        .await
        .map_err(|error| Said::new("store-not-in-this-mode").arg_said("reason", describe(&error)))?
        .unchecked_into();
    let options = FileSystemGetDirectoryOptions::new();
    options.set_create(true);
    let folder = JsFuture::from(root.get_directory_handle_with_options(FOLDER, &options))
        .await
        .map_err(|error| describe(&error))?;
    Ok(folder.unchecked_into())
}

/// The list of kept files; empty when there is none yet.
async fn read_index(folder: &FileSystemDirectoryHandle) -> Result<Vec<OpenedFile>, Said> {
    match read(folder, INDEX).await? {
        None => Ok(Vec::new()),
        Some(bytes) => serde_json::from_slice(&bytes)
            .map_err(|error| Said::new("store-index-damaged").arg("reason", error.to_string())),
    }
}

/// The bytes of `name`, or `None` when there is no such file.
async fn read(folder: &FileSystemDirectoryHandle, name: &str) -> Result<Option<Vec<u8>>, Said> {
    let Ok(handle) = JsFuture::from(folder.get_file_handle(name)).await else {
        return Ok(None);
    };
    let handle: FileSystemFileHandle = handle.unchecked_into();
    let file: web_sys::File = JsFuture::from(handle.get_file())
        .await
        .map_err(|error| describe(&error))?
        .unchecked_into();
    if file.size() > KEEP_LIMIT as f64 {
        return Err(Said::new("store-too-large-to-reopen")
            .arg("limit", (KEEP_LIMIT / 1_000_000).to_string()));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| describe(&error))?;
    Ok(Some(Uint8Array::new(&buffer).to_vec()))
}

/// Writes `bytes` as `name`, replacing what was there once the write is complete.
async fn write(folder: &FileSystemDirectoryHandle, name: &str, bytes: &[u8]) -> Result<(), Said> {
    let options = FileSystemGetFileOptions::new();
    options.set_create(true);
    let handle: FileSystemFileHandle =
        JsFuture::from(folder.get_file_handle_with_options(name, &options))
            .await
            .map_err(|error| describe(&error))?
            .unchecked_into();
    let stream: FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
        .await
        .map_err(|error| describe(&error))?
        .unchecked_into();
    let written = match stream.write_with_u8_array(bytes) {
        Ok(promise) => JsFuture::from(promise).await.map(|_| ()),
        Err(error) => Err(error),
    };
    if let Err(error) = written {
        let _ = JsFuture::from(stream.abort()).await;
        return Err(describe(&error));
    }
    JsFuture::from(stream.close())
        .await
        .map(|_| ())
        .map_err(|error| describe(&error))
}

/// A browser error in words: its name (`QuotaExceededError`) and message.
fn describe(error: &JsValue) -> Said {
    let field = |key: &str| {
        Reflect::get(error, &JsValue::from_str(key))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    match (field("name"), field("message")) {
        (name, message) if name == "QuotaExceededError" => {
            Said::new("store-no-room").arg("detail", message)
        }
        (name, message) if !name.is_empty() => Said::new("store-browser-error")
            .arg("name", name)
            .arg("detail", message),
        _ => match error.as_string() {
            Some(text) => Said::new("store-browser-said").arg("detail", text),
            None => Said::new("store-unknown-error"),
        },
    }
}
