//! The stored form of a file the reader opened ([`crate::core::stored`]), written and read
//! in slices between frames: what the device keeps, so that a reload reopens the file by
//! copying its columns back instead of checking every record again.

use std::sync::Arc;

use js_sys::Uint8Array;
use web_sys::Blob;

use crate::core::i18n::Said;
use crate::core::place_names::PlaceNames;
use crate::core::stored::{self, StoredStream, StoredWriter};
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

/// [`write_in_slices`] at once, for a worker (whose thread nothing else waits on), in blobs of
/// `part_bytes`: `made` is given the bytes of each as it is made, in order, and may transfer
/// them ([`BlobParts`]).
///
/// Errors: why the browser would not make a blob.
pub fn write_whole(
    loaded: &Loaded,
    part_bytes: usize,
    made: &mut dyn FnMut(&Uint8Array),
) -> Result<Blob, String> {
    let mut writer = StoredWriter::new(loaded);
    let mut parts = BlobParts::new(part_bytes);
    while let Some(item) = writer.next_item() {
        parts.push(&item, made)?;
    }
    parts.finish(made)
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
    yield_to_browser().await;
    let size = blob.size() as usize;
    let mut coming = StoredComing::new(Arc::clone(place_names));
    let mut read_to = 0;
    while read_to < size {
        let to = (read_to + WINDOW).min(size);
        let part = blob
            .slice_with_f64_and_f64(read_to as f64, to as f64)
            .map_err(|_| damaged("a part could not be cut"))?;
        coming.take(&blob_lines::read_array(&part).await?).await?;
        read_to = to;
    }
    coming.finish().await
}

/// A stored form read in slices between frames as its bytes come: a kept file's windows
/// ([`read_in_slices`]), or the parts the checking worker posts as it writes the form.
pub struct StoredComing {
    stream: StoredStream,
    slices: Slices,
}

impl StoredComing {
    /// A form whose table is kept when it was built with `place_names`.
    pub fn new(place_names: Arc<PlaceNames>) -> StoredComing {
        StoredComing {
            stream: StoredStream::new(place_names),
            slices: Slices::new(),
        }
    }

    /// Copies the next `bytes` of the form into the page's memory (their buffer is let go
    /// then), and reads the items they complete, pausing for the browser between them.
    ///
    /// Errors: a form that does not read, in words.
    pub async fn take(&mut self, bytes: &Uint8Array) -> Result<(), Said> {
        bytes.copy_to(self.stream.room(bytes.length() as usize));
        // Freed now, not when the collector comes.
        blob_lines::release(&bytes.buffer());
        while self.stream.read_item().map_err(not_read)? {
            if self.slices.due() {
                self.slices.pause().await;
            }
        }
        Ok(())
    }

    /// The file, once every byte of the form was taken.
    ///
    /// Errors: a form cut short, or whose parts do not fit together, in words.
    pub async fn finish(self) -> Result<Loaded, Said> {
        yield_to_browser().await;
        self.stream.finish().map_err(not_read)
    }
}

fn not_read(error: stored::StoredError) -> Said {
    damaged(&error.to_string())
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
