//! The collection a reading worker writes, gathered into blobs as it is written (and, while
//! it reads, posted to the page blob by blob).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use web_sys::Blob;

use incident_explorer::core::import::message::WorkerMessage;
use incident_explorer::ui::blob_lines;

use crate::worker::{post_with_blob, reason_of};

/// Bytes gathered into one blob a piece at a time: each piece is copied out of this
/// worker's WebAssembly memory into one buffer of the browser's, used again for each
/// blob, and every `flush_bytes` the bytes gathered become a blob of their own (the
/// browser copies them, and may keep them on disk). The blob handed over is made of those
/// blobs, without copying them again. One that posts each blob to the page as it is made
/// ([`BlobParts::posting_each`]) makes them smaller, so the page gets them sooner. An
/// array made for each piece, and a blob of those arrays, cost as much again as the
/// copies: at a million rows, the page's own first writing of the stored form that way
/// took 9.2 s against 0.6 s gathered.
pub(crate) struct BlobParts {
    /// The blobs made so far.
    blobs: Vec<Blob>,
    /// The bytes gathered since the last blob, at the buffer's start; it holds twice
    /// `flush_bytes`, so a piece rarely needs a blob of its own.
    buffer: Uint8Array,
    /// Bytes of `buffer` gathered.
    filled: usize,
    /// Bytes of pieces made into a blob at once.
    flush_bytes: usize,
    /// Whether each blob is posted to the page as it is made, and the share of the file
    /// read when the last piece was written.
    posting: Option<f64>,
    /// Why a blob could not be made, if one could not (the pieces after it are dropped).
    failed: Option<String>,
}

impl BlobParts {
    /// Parts posted to the page as they are made ([`WorkerMessage::Piece`]): some 4 MB of
    /// JSON each, a fifth of a second of this worker's reading.
    pub(crate) fn posting_each() -> BlobParts {
        let flush_bytes = 4 << 20;
        BlobParts {
            blobs: Vec::new(),
            buffer: Uint8Array::new_with_length(2 * flush_bytes as u32),
            filled: 0,
            flush_bytes,
            posting: Some(0.0),
            failed: None,
        }
    }

    /// [`BlobParts::push`] of a piece written when `share` of the file was read.
    pub(crate) fn push_at(&mut self, piece: &[u8], share: f64) {
        if let Some(posting) = &mut self.posting {
            *posting = share;
        }
        self.push(piece);
    }

    fn push(&mut self, piece: &[u8]) {
        if self.failed.is_some() {
            return;
        }
        let room = self.buffer.length() as usize;
        if self.filled + piece.len() > room {
            self.flush();
        }
        if piece.len() > room {
            let alone = Uint8Array::from(piece);
            self.made(Blob::new_with_u8_array_sequence(&Array::of1(&alone)));
            return;
        }
        let end = (self.filled + piece.len()) as u32;
        self.buffer
            .subarray(self.filled as u32, end)
            .copy_from(piece);
        self.filled += piece.len();
        if self.filled >= self.flush_bytes {
            self.flush();
        }
    }

    /// Makes a blob of the bytes gathered; the buffer is free again.
    fn flush(&mut self) {
        if self.filled == 0 {
            return;
        }
        let gathered = self.buffer.subarray(0, self.filled as u32);
        self.filled = 0;
        self.made(Blob::new_with_u8_array_sequence(&Array::of1(&gathered)));
    }

    /// Keeps (and posts, when posting) a blob made, or why it could not be.
    fn made(&mut self, blob: Result<Blob, JsValue>) {
        match blob {
            Ok(blob) => {
                if let Some(share) = self.posting {
                    post_with_blob(&WorkerMessage::Piece { share }, &blob);
                }
                self.blobs.push(blob)
            }
            Err(error) => self.failed = Some(reason_of(&error)),
        }
    }

    /// The one blob of every piece, in order; errors: why a blob could not be made.
    pub(crate) fn finish(mut self) -> Result<Blob, String> {
        self.flush();
        blob_lines::release(&self.buffer.buffer());
        if let Some(reason) = self.failed {
            return Err(reason);
        }
        let blobs: Array = self.blobs.into_iter().collect();
        Blob::new_with_blob_sequence(&blobs).map_err(|error| reason_of(&error))
    }
}
