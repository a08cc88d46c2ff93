//! The stored form of a file the reader opened ([`crate::core::stored`]), written and read
//! in slices between frames: what the device keeps, so that a reload reopens the file by
//! copying its columns back instead of checking every record again.

use std::sync::Arc;

use web_sys::Blob;

use crate::core::i18n::Said;
use crate::core::place_names::PlaceNames;
use crate::core::stored::{self, ItemHeader, StoredReader, StoredWriter};
use crate::core::validate::Loaded;
use crate::ui::adding::{yield_to_browser, Slices};
use crate::ui::blob_lines;
use crate::ui::blob_parts::BlobParts;

/// Bytes read from a kept file at a time: a few milliseconds of copying.
const WINDOW: usize = 8 << 20;

/// The stored form of `loaded`, in a blob the browser holds: each item goes out of the
/// page's memory as it is written. `None` when the browser would not make a blob.
pub async fn write_in_slices(loaded: &Loaded) -> Option<Blob> {
    yield_to_browser().await;
    let mut writer = StoredWriter::new(loaded);
    let mut parts = BlobParts::new(PART);
    let mut slices = Slices::new();
    while let Some(item) = writer.next_item() {
        parts.push(&item, &mut |_| {}).ok()?;
        if slices.due() {
            slices.pause().await;
        }
    }
    parts.finish(&mut |_| {}).ok()
}

/// [`write_in_slices`] at once, for a worker (whose thread nothing else waits on).
pub fn write_whole(loaded: &Loaded) -> Option<Blob> {
    let mut writer = StoredWriter::new(loaded);
    let mut parts = BlobParts::new(PART);
    while let Some(item) = writer.next_item() {
        parts.push(&item, &mut |_| {}).ok()?;
    }
    parts.finish(&mut |_| {}).ok()
}

/// Bytes gathered in the browser's memory before they become a blob ([`BlobParts`]).
const PART: usize = 32 << 20;

/// Whether `blob` holds a stored form (else it is a collection's JSON, as earlier versions
/// kept files).
pub async fn is_stored(blob: &Blob) -> bool {
    let head = blob.slice_with_f64_and_f64(0.0, stored::PREFIX_LEN as f64);
    match head {
        Ok(head) => read_bytes(&head)
            .await
            .is_ok_and(|bytes| stored::is_stored(&bytes)),
        Err(_) => false,
    }
}

/// The file the stored form in `blob` holds, read a window at a time, its table kept when it
/// was built with `place_names`.
///
/// Errors: the blob that cannot be read, or a form that does not read, in words.
pub async fn read_in_slices(blob: &Blob, place_names: &Arc<PlaceNames>) -> Result<Loaded, Said> {
    let not_read = |error: stored::StoredError| damaged(&error.to_string());
    yield_to_browser().await;
    let size = blob.size() as usize;
    let mut window = Window {
        blob,
        size,
        bytes: Vec::new(),
        at: 0,
        read_to: 0,
    };
    let prefix = window.take(stored::PREFIX_LEN).await?;
    stored::check_prefix(prefix).map_err(not_read)?;
    let mut reader = StoredReader::new(Arc::clone(place_names));
    let mut slices = Slices::new();
    while window.left() > 0 {
        let header = window.take(stored::ITEM_HEADER_LEN).await?;
        let header = ItemHeader::read(header).map_err(not_read)?;
        let payload = window.take(header.length).await?;
        reader.item(header, payload).map_err(not_read)?;
        if slices.due() {
            slices.pause().await;
        }
    }
    yield_to_browser().await;
    reader.finish().map_err(not_read)
}

/// A blob read in windows of [`WINDOW`] bytes.
struct Window<'a> {
    blob: &'a Blob,
    size: usize,
    /// The window read, from `read_to - bytes.len()` in the blob.
    bytes: Vec<u8>,
    /// The next byte to give, in `bytes`.
    at: usize,
    /// Where in the blob the window ends.
    read_to: usize,
}

impl Window<'_> {
    /// Bytes of the blob not given yet.
    fn left(&self) -> usize {
        self.size - self.read_to + (self.bytes.len() - self.at)
    }

    /// The next `length` bytes of the blob, in the window. Each byte is copied once, from the
    /// browser's memory into the window: the reader parses the item where it lies.
    ///
    /// Errors: the blob ends before, or cannot be read.
    async fn take(&mut self, length: usize) -> Result<&[u8], Said> {
        if length > self.left() {
            return Err(damaged("cut short"));
        }
        if self.bytes.len() - self.at < length {
            // What is left of the window, then as much of the blob as the item needs, read
            // into the window's room (kept from one window to the next).
            self.bytes.drain(..self.at);
            self.at = 0;
            let wanted = (length - self.bytes.len()).max(WINDOW);
            let to = (self.read_to + wanted).min(self.size);
            let part = self
                .blob
                .slice_with_f64_and_f64(self.read_to as f64, to as f64)
                .map_err(|_| damaged("a part could not be cut"))?;
            let array = blob_lines::read_array(&part).await?;
            let kept = self.bytes.len();
            self.bytes.resize(kept + array.length() as usize, 0);
            if let Some(room) = self.bytes.get_mut(kept..) {
                array.copy_to(room);
            }
            // Freed now, not when the collector comes.
            blob_lines::release(&array.buffer());
            self.read_to = to;
        }
        let taken = self
            .bytes
            .get(self.at..self.at + length)
            .ok_or_else(|| damaged("cut short"))?;
        self.at += length;
        Ok(taken)
    }
}

/// Why a kept copy did not read: its English `detail` (what the stored form says).
fn damaged(detail: &str) -> Said {
    Said::new("kept-stored-damaged").arg("detail", detail)
}

/// The bytes of `blob`, copied into the page's memory, the browser's copy let go at once.
async fn read_bytes(blob: &Blob) -> Result<Vec<u8>, Said> {
    let array = blob_lines::read_array(blob).await?;
    let bytes = array.to_vec();
    blob_lines::release(&array.buffer());
    Ok(bytes)
}
