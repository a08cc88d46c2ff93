//! The import worker: reads a file the reader opened, off the page's thread, and hands the page
//! a collection it can load. A module of its own, so that the CSV and hashing code never weighs
//! on the app's first load; Trunk builds it (`data-type="worker"` in `index.html`) as
//! `import-worker.js`, `import-worker_bg.wasm` and the loader `import-worker_loader.js`.
//!
//! Protocol (types in `core::import_message`): the worker says it is ready, the page posts one
//! `File`; the worker answers
//! with progress messages, then one `done` message carrying the collection's JSON bytes, or one
//! `failed` message. The page cancels by terminating the worker. Nothing leaves the device: the
//! worker reads the file with `FileReaderSync`, in slices, and talks only to the page.
//!
//! On other targets than wasm32 this program does nothing.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::io::Read;

    use js_sys::{Array, Uint8Array};
    use sha2::{Digest, Sha256};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

    use incident_explorer::core::import_message::{
        ImportSummary, WorkerMessage, COLLECTION_FORMAT,
    };

    /// Bytes read from the file at a time: large enough that the calls cost nothing, small
    /// enough that progress moves and memory stays flat.
    const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

    /// Listens for the page's file.
    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
            match event.data().dyn_into::<File>() {
                Ok(file) => read(&file),
                Err(_) => post(&WorkerMessage::Failed {
                    message: "The import worker was sent something that is not a file.".into(),
                }),
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page wants it; the handler must too.
        on_message.forget();
        post(&WorkerMessage::Ready);
    }

    /// Reads `file` and posts the outcome.
    fn read(file: &File) {
        let reader = match SlicedFile::new(file) {
            Ok(reader) => reader,
            Err(message) => return post(&WorkerMessage::Failed { message }),
        };
        match collection_bytes(reader, file) {
            Ok((summary, bytes)) => post_done(&summary, bytes),
            Err(message) => post(&WorkerMessage::Failed { message }),
        }
    }

    /// The file as a collection's JSON bytes, with what was read.
    fn collection_bytes(
        mut reader: SlicedFile,
        file: &File,
    ) -> Result<(ImportSummary, Vec<u8>), String> {
        let mut bytes = Vec::with_capacity(reader.size as usize);
        let mut chunk = vec![0u8; SLICE as usize];
        loop {
            let read = reader
                .read(&mut chunk)
                .map_err(|error| format!("The file could not be read: {error}"))?;
            if read == 0 {
                break;
            }
            bytes.extend_from_slice(chunk.get(..read).unwrap_or_default());
            post(&WorkerMessage::Progress {
                rows: 0,
                bytes: reader.offset as u64,
                total: reader.size as u64,
            });
        }
        let summary = ImportSummary {
            file_name: file.name(),
            size: reader.size as u64,
            fingerprint: reader.fingerprint(),
            format: COLLECTION_FORMAT.into(),
            rows_read: 0,
            rows_skipped: 0,
            rows_warned: 0,
            problems: Vec::new(),
        };
        Ok((summary, bytes))
    }

    /// A `File` read front to back in slices through `FileReaderSync` (synchronous, which only
    /// a worker may use), hashing every byte as it passes.
    struct SlicedFile {
        file: File,
        reader: FileReaderSync,
        size: f64,
        offset: f64,
        hash: Sha256,
    }

    impl SlicedFile {
        fn new(file: &File) -> Result<SlicedFile, String> {
            let reader = FileReaderSync::new()
                .map_err(|_| "This browser cannot read files in a worker.".to_string())?;
            Ok(SlicedFile {
                file: file.clone(),
                reader,
                size: file.size(),
                offset: 0.0,
                hash: Sha256::new(),
            })
        }

        /// SHA-256 of the bytes read so far, as lowercase hex.
        fn fingerprint(&self) -> String {
            self.hash
                .clone()
                .finalize()
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect()
        }
    }

    impl Read for SlicedFile {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.offset >= self.size || out.is_empty() {
                return Ok(0);
            }
            let end = (self.offset + out.len().min(SLICE as usize) as f64).min(self.size);
            let slice = self
                .file
                .slice_with_f64_and_f64(self.offset, end)
                .map_err(|_| std::io::Error::other("the file could not be sliced"))?;
            let buffer = self.reader.read_as_array_buffer(&slice).map_err(|_| {
                std::io::Error::other("the file could not be read (was it moved or changed?)")
            })?;
            let bytes = Uint8Array::new(&buffer);
            let length = bytes.length() as usize;
            let Some(target) = out.get_mut(..length) else {
                return Err(std::io::Error::other("the file grew while it was read"));
            };
            bytes.copy_to(target);
            self.hash.update(&*target);
            self.offset += length as f64;
            Ok(length)
        }
    }

    /// Posts `message` without bytes.
    fn post(message: &WorkerMessage) {
        let text = serde_json::to_string(message).unwrap_or_default();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(&Array::of1(&JsValue::from_str(&text)));
    }

    /// Posts the summary with the collection's bytes, transferring their buffer.
    fn post_done(summary: &ImportSummary, bytes: Vec<u8>) {
        let text = serde_json::to_string(&WorkerMessage::Done(summary.clone())).unwrap_or_default();
        let array = Uint8Array::new_with_length(bytes.len() as u32);
        array.copy_from(&bytes);
        drop(bytes);
        let buffer = array.buffer();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let message = Array::of2(&JsValue::from_str(&text), &buffer);
        if scope
            .post_message_with_transfer(&message, &Array::of1(&buffer))
            .is_err()
        {
            post(&WorkerMessage::Failed {
                message: "The file was read but could not be handed to the page.".into(),
            });
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
