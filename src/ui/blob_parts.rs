//! Bytes gathered into blobs a piece at a time, outside WebAssembly's memory: the stored form
//! the page or the checking worker writes ([`crate::ui::stored_form`]), and the exports.
//!
//! Each piece is copied into one buffer of the browser's memory, used again for each blob;
//! every `flush_bytes` the bytes gathered become a blob of their own (the browser copies them,
//! and may keep them on disk). The blob given at the end is made of those blobs, without
//! copying them again. The bytes of each blob made are also offered to the caller, who may
//! transfer their buffer elsewhere (the checking worker posts the stored form to the page
//! that way as it writes it); the next bytes then gather in a new buffer. An array made for
//! each piece, and a blob of those arrays, cost as much again as the copies: at a million
//! rows, the stored form written that way took 9.2 s (2.9 s the arrays, 6.3 s the blobs),
//! against 0.6 s gathered.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use web_sys::Blob;

use crate::ui::blob_lines;

/// The blobs made so far, and the bytes gathered for the next; see the module docs.
pub struct BlobParts {
    blobs: Array,
    /// The bytes gathered since the last blob, at the buffer's start.
    buffer: Uint8Array,
    /// Bytes of `buffer` gathered.
    filled: usize,
    /// Why a blob could not be made, once one could not: nothing more is gathered.
    failed: Option<String>,
}

impl BlobParts {
    /// Parts that become a blob every `flush_bytes` bytes, gathered in a buffer of that size
    /// (a piece longer than the buffer is a blob of its own).
    pub fn new(flush_bytes: usize) -> BlobParts {
        BlobParts {
            blobs: Array::new(),
            buffer: Uint8Array::new_with_length(flush_bytes as u32),
            filled: 0,
            failed: None,
        }
    }

    /// Adds `piece` after the bytes gathered; `made` is given the bytes of each blob this
    /// makes (none, one, or two when the piece is a blob of its own), in order, which it may
    /// transfer.
    ///
    /// Errors: why a blob could not be made, now or before (nothing more is gathered then).
    pub fn push(&mut self, piece: &[u8], made: &mut dyn FnMut(&Uint8Array)) -> Result<(), String> {
        if let Some(reason) = &self.failed {
            return Err(reason.clone());
        }
        let room = self.buffer.length() as usize;
        if self.filled + piece.len() > room {
            self.flush(made)?;
        }
        if piece.len() > room {
            let alone = Uint8Array::from(piece);
            return self.keep(&alone, made);
        }
        let end = (self.filled + piece.len()) as u32;
        self.buffer
            .subarray(self.filled as u32, end)
            .copy_from(piece);
        self.filled += piece.len();
        if self.filled >= room {
            self.flush(made)?;
        }
        Ok(())
    }

    /// The one blob of every piece, in order, the buffer let go; `made` is given the bytes
    /// still gathered, if any, once their blob is made.
    ///
    /// Errors: why a blob could not be made.
    pub fn finish(mut self, made: &mut dyn FnMut(&Uint8Array)) -> Result<Blob, String> {
        let flushed = self.flush(made);
        blob_lines::release(&self.buffer.buffer());
        flushed?;
        Blob::new_with_blob_sequence(&self.blobs).map_err(|error| reason_of(&error))
    }

    /// Makes a blob of the bytes gathered; the buffer is free again (a new one, when `made`
    /// transferred it).
    fn flush(&mut self, made: &mut dyn FnMut(&Uint8Array)) -> Result<(), String> {
        if let Some(reason) = &self.failed {
            return Err(reason.clone());
        }
        if self.filled == 0 {
            return Ok(());
        }
        let room = self.buffer.length();
        let gathered = self.buffer.subarray(0, self.filled as u32);
        self.filled = 0;
        self.keep(&gathered, made)?;
        // A transferred buffer is empty (detached) here.
        if self.buffer.length() == 0 {
            self.buffer = Uint8Array::new_with_length(room);
        }
        Ok(())
    }

    /// Makes a blob of `bytes` (the browser copies them) and keeps it, then gives `made` the
    /// bytes; or keeps why the blob could not be made.
    fn keep(
        &mut self,
        bytes: &Uint8Array,
        made: &mut dyn FnMut(&Uint8Array),
    ) -> Result<(), String> {
        match Blob::new_with_u8_array_sequence(&Array::of1(bytes)) {
            Ok(blob) => {
                self.blobs.push(&blob);
                made(bytes);
                Ok(())
            }
            Err(error) => {
                let reason = reason_of(&error);
                self.failed = Some(reason.clone());
                Err(reason)
            }
        }
    }
}

/// What the browser said when it refused to make a blob, as text.
pub fn reason_of(error: &JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}
