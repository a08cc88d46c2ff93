//! The lines of a blob the browser holds (the import worker's hand-over of a file's
//! collection, or the copy of it kept on this device), read a window at a time into
//! WebAssembly's memory, or of buffers still coming in order (the pieces the worker posts
//! while it reads), each copied in as it is reached. The whole collection never sits in the
//! page's memory: the browser keeps a blob's bytes apart (on disk, for a large one), and the
//! page holds one window and the line being read.

use futures::channel::mpsc::UnboundedReceiver;
use futures::StreamExt;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

use crate::core::i18n::Said;
use crate::core::validate::total_foreseen;

/// Bytes read from the blob at a time.
const WINDOW: f64 = (4 << 20) as f64;

/// The lines of a blob, or of buffers coming in order, each without its line break; see the
/// module docs.
pub struct BlobLines {
    /// The blob being read; `None` for buffers coming, each read whole into the window.
    blob: Option<Blob>,
    /// Bytes of the blob, or of the buffer in the window.
    size: f64,
    /// Where the next window begins in the blob.
    next: f64,
    /// The window being read, and where in it.
    window: Vec<u8>,
    at: usize,
    /// Buffers still to come, each with the share of the whole reached at its end; `None`
    /// for a blob.
    coming: Option<UnboundedReceiver<(Uint8Array, f64)>>,
    /// Bytes of the buffers read before this one.
    before: usize,
    /// The share of the whole reached before this buffer and at its end.
    from: f64,
    upto: f64,
}

impl BlobLines {
    /// The lines of `blob`.
    pub fn new(blob: Blob) -> BlobLines {
        BlobLines {
            size: blob.size(),
            blob: Some(blob),
            next: 0.0,
            window: Vec::new(),
            at: 0,
            coming: None,
            before: 0,
            from: 0.0,
            upto: 1.0,
        }
    }

    /// The lines of the buffers `coming`, read as one, each with the share of the whole that
    /// its end reaches (0 to 1): the lines end when the channel closes. Waits for the first
    /// buffer; `None` when the channel closes before one comes.
    pub async fn coming(mut coming: UnboundedReceiver<(Uint8Array, f64)>) -> Option<BlobLines> {
        let (first, upto) = coming.next().await?;
        let size = first.length() as f64;
        Some(BlobLines {
            blob: None,
            size,
            next: size,
            window: copied_in(&first),
            at: 0,
            coming: Some(coming),
            before: 0,
            from: 0.0,
            upto: upto.clamp(0.0, 1.0),
        })
    }

    /// Bytes in the whole blob; of buffers still coming, a guess from the share of the whole
    /// they reached so far, with some room to spare.
    pub fn total(&self) -> usize {
        let received = self.before + self.size as usize;
        match self.coming {
            None => received,
            Some(_) => total_foreseen(received, self.upto),
        }
    }

    /// Bytes given as lines so far, their line breaks included.
    pub fn consumed(&self) -> usize {
        self.before + (self.next as usize).saturating_sub(self.window.len().saturating_sub(self.at))
    }

    /// The share of the whole given as lines so far (0 to 1).
    pub fn share(&self) -> f64 {
        let size = self.size;
        let within = if size > 0.0 {
            (self.consumed() - self.before) as f64 / size
        } else {
            1.0
        };
        self.from + (self.upto - self.from) * within.clamp(0.0, 1.0)
    }

    /// The next line, without its line break; `None` after the last (bytes after the last
    /// line break are a line when there are any).
    ///
    /// Errors: the browser's words when the blob cannot be read (a kept copy removed by the
    /// browser meanwhile, say).
    pub async fn next(&mut self) -> Result<Option<Vec<u8>>, Said> {
        let mut line = Vec::new();
        loop {
            let rest = self.window.get(self.at..).unwrap_or_default();
            if rest.is_empty() {
                let size = self.size;
                let blob = match &self.blob {
                    Some(blob) if self.next < size => blob,
                    // The next buffer, when more come.
                    _ => {
                        if let Some(coming) = &mut self.coming {
                            if let Some((bytes, upto)) = coming.next().await {
                                self.before += size as usize;
                                self.from = self.upto;
                                self.upto = upto.clamp(self.from, 1.0);
                                self.size = bytes.length() as f64;
                                self.next = self.size;
                                self.window = copied_in(&bytes);
                                self.at = 0;
                                continue;
                            }
                        }
                        return Ok((!line.is_empty()).then_some(line));
                    }
                };
                let end = (self.next + WINDOW).min(size);
                let part = blob
                    .slice_with_f64_and_f64(self.next, end)
                    .map_err(|error| read_error(&error))?;
                self.window = read_all(&part).await?;
                self.next = end;
                self.at = 0;
                continue;
            }
            match rest.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    line.extend_from_slice(rest.get(..end).unwrap_or_default());
                    self.at += end + 1;
                    return Ok(Some(line));
                }
                None => {
                    line.extend_from_slice(rest);
                    self.at = self.window.len();
                }
            }
        }
    }
}

/// Every byte of `blob`, in the browser's memory (not the page's WebAssembly memory).
///
/// Errors: the browser's words when it cannot be read.
pub async fn read_array(blob: &Blob) -> Result<Uint8Array, Said> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|error| read_error(&error))?;
    Ok(Uint8Array::new(&buffer))
}

/// Every byte of `blob`, copied into WebAssembly's memory. The browser's copy is let go at
/// once ([`release`]) rather than left to the garbage collector: read a window of 4 MB at a
/// time, a million-row file left up to some 170 MB of them on the page between collections.
async fn read_all(blob: &Blob) -> Result<Vec<u8>, Said> {
    Ok(copied_in(&read_array(blob).await?))
}

/// The bytes of `array`, copied into WebAssembly's memory; the browser's copy is let go
/// ([`release`]).
pub fn copied_in(array: &Uint8Array) -> Vec<u8> {
    let bytes = array.to_vec();
    release(&array.buffer());
    bytes
}

/// Lets go of the bytes of `buffer`, which nothing reads again, now: transferred to a buffer
/// of no bytes (`ArrayBuffer.prototype.transfer`), it is detached and its memory freed. A
/// browser without `transfer` leaves it to the garbage collector, as before.
pub fn release(buffer: &js_sys::ArrayBuffer) {
    let transfer = js_sys::Reflect::get(buffer, &"transfer".into()).ok();
    if let Some(transfer) = transfer
        .as_ref()
        .and_then(|t| t.dyn_ref::<js_sys::Function>())
    {
        let _ = transfer.call1(buffer, &wasm_bindgen::JsValue::from(0));
    }
}

/// A blob that could not be read, in the browser's words.
fn read_error(error: &wasm_bindgen::JsValue) -> Said {
    let detail = js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_default();
    Said::new("blob-not-read").arg("detail", detail)
}
