//! The lines of the collection a table becomes, posted to the page as they are written: some
//! megabytes at a time, each in a buffer of its own that the page and then the checking worker
//! are handed without a copy (a transferred `ArrayBuffer`).
//!
//! They went as blobs before: a blob's bytes are copied into the browser's blob store when it
//! is made, and copied out again when the checking worker reads it. At a million ACLED rows
//! (some 1.3 GB of lines) that was about 3 s of the reading worker's time and 2 s of the
//! checking worker's, both of which the load waits for.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DedicatedWorkerGlobalScope;

use incident_explorer::core::import::message::WorkerMessage;
use incident_explorer::ui::blob_parts::reason_of;

/// Lines gathered for the next post; see the module docs.
pub struct PostedLines {
    /// The bytes gathered since the last post, at the buffer's start; a new buffer after each
    /// post (the posted one belongs to the page then).
    buffer: Uint8Array,
    /// Bytes of `buffer` gathered.
    filled: usize,
    /// The size of `buffer`: bytes gathered that are posted at once.
    capacity: usize,
    /// The size of each buffer after the first.
    post_bytes: usize,
    /// The share of the file read when the last line gathered was written (0 to 1).
    share: f64,
    /// Why a post failed, once one did: nothing more is posted.
    failed: Option<String>,
}

impl PostedLines {
    /// Lines posted every `post_bytes` bytes or so ([`WorkerMessage::Piece`]), the first once
    /// `first_bytes` are gathered: the checking worker waits for the first post, so it comes
    /// early, and later ones are larger, so there are few of them.
    pub fn new(first_bytes: usize, post_bytes: usize) -> PostedLines {
        PostedLines {
            buffer: Uint8Array::new_with_length(first_bytes as u32),
            filled: 0,
            capacity: first_bytes,
            post_bytes,
            share: 0.0,
            failed: None,
        }
    }

    /// Adds `line` (whole, its line break included), written when `share` of the file was
    /// read; posts the lines gathered once they fill a buffer. A line longer than a buffer is
    /// posted alone. A failure is kept and said by [`PostedLines::finish`].
    pub fn push(&mut self, line: &[u8], share: f64) {
        if self.failed.is_some() {
            return;
        }
        if self.filled + line.len() > self.capacity {
            self.post();
        }
        self.share = share;
        if line.len() > self.capacity {
            let alone = Uint8Array::from(line);
            self.send(&alone);
            return;
        }
        let end = self.filled + line.len();
        self.buffer
            .subarray(self.filled as u32, end as u32)
            .copy_from(line);
        self.filled = end;
        if self.filled == self.capacity {
            self.post();
        }
    }

    /// Posts the lines still gathered.
    ///
    /// Errors: why a post failed, now or before.
    pub fn finish(mut self) -> Result<(), String> {
        self.post();
        self.failed.map_or(Ok(()), Err)
    }

    /// Posts the bytes gathered, if any, in a new buffer of their own.
    fn post(&mut self) {
        if self.filled == 0 || self.failed.is_some() {
            return;
        }
        let gathered = self.buffer.subarray(0, self.filled as u32);
        self.send(&gathered);
        self.capacity = self.post_bytes;
        self.buffer = Uint8Array::new_with_length(self.capacity as u32);
        self.filled = 0;
    }

    /// Posts `bytes` with the share read, their buffer transferred.
    fn send(&mut self, bytes: &Uint8Array) {
        let message = WorkerMessage::Piece { share: self.share };
        let text = serde_json::to_string(&message).unwrap_or_default();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let posted = scope.post_message_with_transfer(
            &Array::of2(&JsValue::from_str(&text), bytes),
            &Array::of1(&bytes.buffer()),
        );
        if let Err(error) = posted {
            self.failed = Some(reason_of(&error));
        }
    }
}
