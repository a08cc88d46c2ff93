//! Files the reader opened, kept on this device so they are there after a reload and offline:
//! in the browser's origin-private file system (OPFS), which only this site's pages can read
//! and which is never sent anywhere. Each file is kept as what it became once checked, in
//! its stored form (`core::stored`: its collection, problems and table, read back without a
//! second check; not the file as opened), beside an index of what was read from it. Earlier
//! versions kept the collection's JSON instead, which still reopens.
//!
//! Layout: `own-files/index.json` (the list, [`OpenedFile`]s as JSON, each naming the file
//! that holds it) and that file, `own-files/<collection id>.<time>.kept` (or `.json`, or
//! `<collection id>.json`, as earlier versions named it). Every failure comes back as a
//! sentence, a full disk included (`QuotaExceededError`), for the page to show.
//!
//! A file is kept in steps that a reload can cut at any point without a half copy ever being
//! listed: a note of the write begun (`writing.json`, [`Writing`]), the collection under a new
//! name, then the list naming it (the commit), then the copy it replaces removed and the note.
//! On the next visit a note still there says the write was cut: what it wrote and the list
//! does not name is removed, and the reader is told that the file was not kept
//! ([`after_interruption`]).

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions, FileSystemWritableFileStream,
};

use serde::{Deserialize, Serialize};

use crate::core::i18n::Said;
use crate::ui::your_data::OpenedFile;

const FOLDER: &str = "own-files";
const INDEX: &str = "index.json";
/// The note of a write begun and not finished.
const JOURNAL: &str = "writing.json";

/// One file of the list: the file as "Your data" shows it, and the name of the file that holds
/// its collection (absent in lists written by earlier versions: `<collection id>.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    file: OpenedFile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stored_as: Option<String>,
}

impl Entry {
    /// The name of the file that holds the collection.
    fn data_name(&self) -> String {
        self.stored_as
            .clone()
            .unwrap_or_else(|| format!("{}.json", self.file.collection_id))
    }
}

/// A write begun: the file being kept, the name its collection is written under, and the
/// name of the copy it replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Writing {
    pub collection_id: String,
    pub file_name: String,
    pub stored_as: String,
    #[serde(default)]
    pub replaces: Option<String>,
}

/// What to do on finding the note of a write in `writing`, given the names of the files the
/// list holds collections in (`listed`) and the collections it lists (`listed_ids`): the files
/// to remove (written and not listed, or replaced), and the name of the file to tell the
/// reader was not kept (none when the write had reached the list, or when the list still holds
/// an earlier complete copy of it).
pub fn after_interruption(
    writing: &Writing,
    listed: &[String],
    listed_ids: &[String],
) -> (Vec<String>, Option<String>) {
    if listed.contains(&writing.stored_as) {
        // Committed: only the replaced copy may be left.
        let replaced = writing.replaces.clone().filter(|old| !listed.contains(old));
        return (replaced.into_iter().collect(), None);
    }
    let report = (!listed_ids.contains(&writing.collection_id)).then(|| writing.file_name.clone());
    (vec![writing.stored_as.clone()], report)
}

/// The largest file kept, in bytes: of its stored form (`core::stored`, about 550 bytes an
/// ACLED row, so some 1.8 million rows), or of the collection's JSON that an earlier version
/// kept. Reopening holds the whole file in the page's WebAssembly memory beside the bundled
/// collections, and a much larger one could exhaust it at every reload: such a file stays
/// open until the page is closed, and is not kept.
pub const KEEP_LIMIT: usize = 1_000_000_000;

/// Keeps `file` and its `bytes` (its stored form, or its collection's JSON: a blob the
/// browser holds, written from there), after the files kept already.
///
/// Errors: why the browser would not keep it (no storage in this browser or mode, a full
/// disk), in words.
pub async fn keep(file: &OpenedFile, bytes: &Blob) -> Result<(), Said> {
    let size = bytes.size() as usize;
    if size > KEEP_LIMIT {
        return Err(Said::new("store-too-large")
            .arg("limit", (KEEP_LIMIT / 1_000_000).to_string())
            .arg("size", (size / 1_000_000).to_string()));
    }
    let folder = folder().await?;
    let mut index = read_index(&folder).await?;
    let replaces = index
        .iter()
        .find(|kept| kept.file.collection_id == file.collection_id)
        .map(Entry::data_name);
    let writing = Writing {
        collection_id: file.collection_id.clone(),
        file_name: file.summary.file_name.clone(),
        stored_as: format!("{}.{}.kept", file.collection_id, js_sys::Date::now() as u64),
        replaces,
    };
    write(&folder, JOURNAL, Bytes::Page(&to_json(&writing)?)).await?;
    if let Err(error) = write(&folder, &writing.stored_as, Bytes::Browser(bytes)).await {
        // Nothing was listed: what was written goes.
        remove(&folder, &writing.stored_as).await;
        remove(&folder, JOURNAL).await;
        return Err(error);
    }
    index.retain(|kept| kept.file.collection_id != file.collection_id);
    index.push(Entry {
        file: file.clone(),
        stored_as: Some(writing.stored_as.clone()),
    });
    // The commit: from here the list names the new copy.
    write(&folder, INDEX, Bytes::Page(&to_json(&index)?)).await?;
    if let Some(old) = writing.replaces.filter(|old| *old != writing.stored_as) {
        remove(&folder, &old).await;
    }
    remove(&folder, JOURNAL).await;
    Ok(())
}

fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, Said> {
    serde_json::to_vec(value)
        .map_err(|error| Said::new("store-index-not-written").arg("reason", error.to_string()))
}

/// Removes `name` from `folder`; gone already is fine.
async fn remove(folder: &FileSystemDirectoryHandle, name: &str) {
    let _ = JsFuture::from(folder.remove_entry(name)).await;
}

/// What the kept files are on a visit: each with its collection's bytes (the browser's file,
/// read when the page reads it), the names of those whose collection is missing (with why it
/// could not be read, if it could not), and the name of a file whose keeping a reload cut (see
/// the module docs).
pub struct Kept {
    pub files: Vec<(OpenedFile, Blob)>,
    pub missing: Vec<(String, Option<Said>)>,
    pub unfinished: Option<String>,
}

/// Every kept file with its collection's bytes, in the order they were opened, after the
/// leftovers of a write a reload cut are cleared. A file whose collection is missing is left
/// out and named in [`Kept::missing`].
pub async fn kept() -> Result<Kept, Said> {
    let folder = folder().await?;
    let index = read_index(&folder).await?;
    let unfinished = clear_interrupted(&folder, &index).await;
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for entry in index {
        match read_blob(&folder, &entry.data_name()).await {
            Ok(Some(bytes)) => files.push((entry.file, bytes)),
            Ok(None) => missing.push((entry.file.summary.file_name, None)),
            Err(error) => missing.push((entry.file.summary.file_name, Some(error))),
        }
    }
    Ok(Kept {
        files,
        missing,
        unfinished,
    })
}

/// Clears what a write cut by a reload left ([`after_interruption`]); the name of the file
/// that was not kept, if one was not.
async fn clear_interrupted(folder: &FileSystemDirectoryHandle, index: &[Entry]) -> Option<String> {
    let note = read(folder, JOURNAL).await.ok().flatten()?;
    let Ok(writing) = serde_json::from_slice::<Writing>(&note) else {
        remove(folder, JOURNAL).await;
        return None;
    };
    let listed: Vec<String> = index.iter().map(Entry::data_name).collect();
    let ids: Vec<String> = index.iter().map(|e| e.file.collection_id.clone()).collect();
    let (leftovers, report) = after_interruption(&writing, &listed, &ids);
    for name in leftovers {
        // Never a file the list names, nor one outside the folder.
        if !listed.contains(&name) && !name.contains('/') {
            remove(folder, &name).await;
        }
    }
    remove(folder, JOURNAL).await;
    report
}

/// Forgets the file that became `collection_id`.
pub async fn forget(collection_id: &str) -> Result<(), Said> {
    let folder = folder().await?;
    let mut index = read_index(&folder).await?;
    let forgotten: Vec<String> = index
        .iter()
        .filter(|kept| kept.file.collection_id == collection_id)
        .map(Entry::data_name)
        .collect();
    index.retain(|kept| kept.file.collection_id != collection_id);
    write(&folder, INDEX, Bytes::Page(&to_json(&index)?)).await?;
    // Gone already is fine: the index no longer names it.
    for name in forgotten {
        remove(&folder, &name).await;
    }
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
async fn read_index(folder: &FileSystemDirectoryHandle) -> Result<Vec<Entry>, Said> {
    match read(folder, INDEX).await? {
        None => Ok(Vec::new()),
        Some(bytes) => serde_json::from_slice(&bytes)
            .map_err(|error| Said::new("store-index-damaged").arg("reason", error.to_string())),
    }
}

/// The bytes of `name`, or `None` when there is no such file.
async fn read(folder: &FileSystemDirectoryHandle, name: &str) -> Result<Option<Vec<u8>>, Said> {
    let Some(file) = read_blob(folder, name).await? else {
        return Ok(None);
    };
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| describe(&error))?;
    Ok(Some(Uint8Array::new(&buffer).to_vec()))
}

/// The file `name` as the browser holds it (not read yet), or `None` when there is no such
/// file.
async fn read_blob(folder: &FileSystemDirectoryHandle, name: &str) -> Result<Option<Blob>, Said> {
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
    Ok(Some(file.into()))
}

/// Bytes to write: in the page's memory, or a blob the browser holds.
enum Bytes<'a> {
    Page(&'a [u8]),
    Browser(&'a Blob),
}

/// Writes `bytes` as `name`, replacing what was there once the write is complete.
async fn write(
    folder: &FileSystemDirectoryHandle,
    name: &str,
    bytes: Bytes<'_>,
) -> Result<(), Said> {
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
    let started = match bytes {
        Bytes::Page(bytes) => stream.write_with_u8_array(bytes),
        Bytes::Browser(bytes) => stream.write_with_blob(bytes),
    };
    let written = match started {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn writing(replaces: Option<&str>) -> Writing {
        Writing {
            collection_id: "file-0123456789ab".into(),
            file_name: "monitor sheet.csv".into(),
            stored_as: "file-0123456789ab.1700000000000.json".into(),
            replaces: replaces.map(str::to_string),
        }
    }

    #[test]
    fn a_write_cut_before_the_list_is_cleared_and_said() {
        let cut = writing(None);
        let (remove, report) = after_interruption(&cut, &[], &[]);
        assert_eq!(remove, std::slice::from_ref(&cut.stored_as));
        assert_eq!(report, Some(cut.file_name.clone()));
        // An earlier complete copy is still listed: cleared, and nothing to say.
        let old = format!("{}.json", cut.collection_id);
        let again = writing(Some(&old));
        let (remove, report) = after_interruption(
            &again,
            std::slice::from_ref(&old),
            std::slice::from_ref(&again.collection_id),
        );
        assert_eq!(remove, std::slice::from_ref(&again.stored_as));
        assert_eq!(report, None);
    }

    #[test]
    fn a_write_cut_after_the_list_only_clears_the_replaced_copy() {
        let old = "file-0123456789ab.json".to_string();
        let done = writing(Some(&old));
        let listed = [done.stored_as.clone()];
        let (remove, report) =
            after_interruption(&done, &listed, std::slice::from_ref(&done.collection_id));
        assert_eq!(remove, [old]);
        assert_eq!(report, None);
        // The replaced copy already removed: nothing left to do.
        let (remove, _) = after_interruption(&writing(None), &listed, &[]);
        assert!(remove.is_empty());
    }

    #[test]
    fn lists_of_earlier_versions_still_read() {
        let entry: Entry = serde_json::from_str(&format!(
            "{{\"summary\":{},\"collection_id\":\"kept\",\"events\":3,\"opened_at\":\"2026-11-30 14:02\"}}",
            serde_json::json!({
                "file_name": "kept.json", "size": 10, "fingerprint": "00", "format": "Collection (JSON)",
                "rows_read": 0, "rows_skipped": 0, "rows_warned": 0, "problems": []
            })
        ))
        .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(entry.stored_as, None);
        assert_eq!(entry.data_name(), "kept.json");
        // Its format, kept in English words, reads as the code the page words.
        assert_eq!(
            entry.file.summary.format,
            crate::core::import::message::ReadAs::Collection
        );
        // Written back as it was, plus nothing: the list stays readable by them too.
        let text = serde_json::to_string(&entry).unwrap_or_default();
        assert!(!text.contains("stored_as"), "{text}");
    }
}
