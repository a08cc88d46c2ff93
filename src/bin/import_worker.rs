//! The import worker: reads a file the reader opened, off the page's thread, and hands the page
//! a collection it can load. A module of its own, so that the CSV and hashing code never weighs
//! on the app's first load; Trunk builds it (`data-type="worker"` in `index.html`) as
//! `import-worker.js`, `import-worker_bg.wasm` and the loader `import-worker_loader.js`.
//!
//! Protocol (types in `core::import::message`): the worker says it is ready, the page posts one
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

    use incident_explorer::core::date::Day;
    use incident_explorer::core::import::message::{
        self, collection_id_of, ImportSummary, ProblemLine, WorkerMessage, COLLECTION_FORMAT,
    };
    use incident_explorer::core::import::{
        self, acled, ucdp, FileInfo, Format, ImportError, Progress,
    };

    /// Bytes read from the file at a time: large enough that the calls cost nothing, small
    /// enough that progress moves and memory stays flat.
    const SLICE: f64 = 4.0 * 1024.0 * 1024.0;
    /// Bytes the format is told from.
    const HEAD: usize = 64 * 1024;

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
        let outcome = SlicedFile::new(file).and_then(|mut reader| {
            let mut head = vec![0u8; HEAD];
            let length = read_up_to(&mut reader, &mut head)?;
            head.truncate(length);
            match import::sniff(&file.name(), &head).map_err(|error| error.to_string())? {
                Format::Collection => collection_bytes(head, reader, file),
                Format::Acled => table_collection(head, reader, file, Format::Acled),
                Format::UcdpGed => table_collection(head, reader, file, Format::UcdpGed),
                other => Err(ImportError::Unsupported(other).to_string()),
            }
        });
        match outcome {
            Ok((summary, bytes)) => post_done(&summary, bytes),
            Err(message) => post(&WorkerMessage::Failed { message }),
        }
    }

    /// Fills `buffer` from `reader` as far as the file goes; the count read.
    fn read_up_to(reader: &mut SlicedFile, buffer: &mut [u8]) -> Result<usize, String> {
        let mut filled = 0;
        while let Some(rest) = buffer.get_mut(filled..).filter(|rest| !rest.is_empty()) {
            match reader.read(rest) {
                Ok(0) => break,
                Ok(read) => filled += read,
                Err(error) => return Err(format!("The file could not be read: {error}")),
            }
        }
        Ok(filled)
    }

    /// An ACLED export or a UCDP GED table read row by row into a collection, named after the
    /// file's fingerprint.
    fn table_collection(
        head: Vec<u8>,
        mut reader: SlicedFile,
        file: &File,
        format: Format,
    ) -> Result<(ImportSummary, Vec<u8>), String> {
        let total = reader.size as u64;
        let source = FileInfo {
            // Renamed below, once the whole file has been read and its fingerprint is known.
            collection_id: "file".into(),
            file_name: file.name(),
            today: today(),
        };
        let mut progress = |at: Progress| {
            post(&WorkerMessage::Progress {
                rows: at.rows,
                bytes: at.bytes,
                total,
            })
        };
        let stream = std::io::Cursor::new(head).chain(&mut reader);
        let (imported, label) = match format {
            Format::UcdpGed => {
                let shapes = ucdp::governorate_shapes().map_err(|error| error.to_string())?;
                let imported = ucdp::import(stream, &source, &shapes, &mut progress);
                (imported, "UCDP GED (CSV)")
            }
            _ => (
                acled::import(stream, &source, &mut progress),
                "ACLED export (CSV)",
            ),
        };
        let mut imported = imported.map_err(|error| error.to_string())?;
        let fingerprint = reader.fingerprint();
        message::rename_collection(&mut imported.dataset, &collection_id_of(&fingerprint));
        let bytes = serde_json::to_vec(&imported.dataset)
            .map_err(|error| format!("The file was read but could not be handed over: {error}"))?;
        let summary = ImportSummary {
            file_name: file.name(),
            size: total,
            fingerprint,
            format: label.into(),
            rows_read: imported.rows_read,
            rows_skipped: imported.rows_skipped,
            rows_warned: imported.rows_warned,
            problems: imported.problems.iter().map(ProblemLine::from).collect(),
            problems_not_listed: imported.problems_not_listed,
        };
        Ok((summary, bytes))
    }

    /// Today on the reader's clock, which the core cannot read on WebAssembly.
    fn today() -> Day {
        let now = js_sys::Date::new_0();
        Day::from_ymd(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
        .unwrap_or(Day(i32::MAX / 2))
    }

    /// The file as a collection's JSON bytes, with what was read.
    fn collection_bytes(
        head: Vec<u8>,
        mut reader: SlicedFile,
        file: &File,
    ) -> Result<(ImportSummary, Vec<u8>), String> {
        let mut bytes = head;
        bytes.reserve((reader.size as usize).saturating_sub(bytes.len()));
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
            problems_not_listed: 0,
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
