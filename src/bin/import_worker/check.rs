//! The import worker's second role: checking a collection another import worker is writing,
//! off the page's thread, and handing the page its stored form
//! ([`incident_explorer::core::stored`]).
//!
//! A table read row by row becomes a collection in pieces in the reading worker
//! ([`WorkerMessage::Piece`]); the page passes each buffer of lines on (transferred, not
//! copied) to a second worker started in this role ([`PageMessage::Check`] with the page's
//! gazetteer, or after a [`PageMessage::Gazetteer`] that brought it when the worker was started
//! ahead of the file; then [`PageMessage::Lines`] with each buffer, then
//! [`PageMessage::LinesEnd`] with the collection's id). This worker checks the lines as they
//! come, under the rules of the page's [`LoadSteps`], building the table of the events with
//! that gazetteer; once the lines end, it gives the collection that id (the file's
//! fingerprint's, known only once the file was read through, which the lines do not name), and
//! writes the file's stored form: each part of it is posted as it is written
//! ([`WorkerMessage::Stored`], a transferred buffer), so that the page reads the form while the
//! rest is written, and then the whole form in one blob ([`WorkerMessage::Checked`]), which the
//! page keeps on the device as it is. The reading and the checking run at once, one on each
//! core, and the page's thread is left free. Its replies: [`WorkerMessage::Checking`] after
//! each buffer, then the parts and one [`WorkerMessage::Checked`], or one
//! [`WorkerMessage::Refused`] or [`WorkerMessage::Failed`].
//!
//! [`PageMessage::Check`]: incident_explorer::core::import::message::PageMessage::Check
//! [`PageMessage::Gazetteer`]: incident_explorer::core::import::message::PageMessage::Gazetteer
//! [`PageMessage::Lines`]: incident_explorer::core::import::message::PageMessage::Lines
//! [`PageMessage::LinesEnd`]: incident_explorer::core::import::message::PageMessage::LinesEnd
//!
//! The form went whole in one blob before, which the page read back once it came: at a
//! million ACLED rows (some 550 MB of form) that read took the page 2.5 s after the checker
//! was done.

use std::cell::RefCell;
use std::sync::Arc;

use futures::channel::mpsc;
use futures::StreamExt;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, DedicatedWorkerGlobalScope};

use incident_explorer::core::i18n::Said;
use incident_explorer::core::import::message::{rename_loaded, WorkerMessage};
use incident_explorer::core::place_names::PlaceNames;
use incident_explorer::core::validate::{PiecesComing, Problem};
use incident_explorer::ui::blob_lines::copied_in;
use incident_explorer::ui::blob_parts::reason_of;
use incident_explorer::ui::stored_form;

use crate::worker::{post, post_with_blob};

/// Bytes of the stored form posted to the page at a time: some tens of milliseconds of the
/// page's reading, so that little is left to read once the last part comes.
const STORED_PART_BYTES: usize = 8 << 20;

/// What the page sends while a collection is checked.
enum Coming {
    /// Whole lines of the collection, and the share of the file read when the last was
    /// written (0 to 1).
    Lines(Uint8Array, f64),
    /// No lines follow; the collection's id from now on, when it changes.
    End(Option<String>),
}

thread_local! {
    /// Where the page's lines go, until they end.
    static LINES: RefCell<Option<mpsc::UnboundedSender<Coming>>> = const { RefCell::new(None) };
    /// The page's gazetteer as [`read_gazetteer`] read it, or why it could not, for the next
    /// check.
    static GAZETTEER: RefCell<Option<Result<Arc<PlaceNames>, String>>> = const { RefCell::new(None) };
}

/// Reads the page's gazetteer from its JSON, `gazetteer`, for the next check: the page may
/// send it before a file needs it, so that reading it (a tenth of a second) is not waited for.
pub fn read_gazetteer(gazetteer: &[u8]) {
    let read = PlaceNames::from_json(gazetteer).map(Arc::new);
    GAZETTEER.with_borrow_mut(|slot| *slot = Some(read));
}

/// Starts checking the collection of the file `file_name` with the gazetteer [`read_gazetteer`]
/// read (the page's own, so that the table's Arabic names are the page's); its lines come with
/// [`lines`] and end with [`end`]. They wait in this worker's JavaScript memory until they are
/// checked, each copied into its WebAssembly memory only then.
pub fn start(file_name: String) {
    let (sender, receiver) = mpsc::unbounded();
    LINES.with(|slot| *slot.borrow_mut() = Some(sender));
    let place_names = GAZETTEER
        .with_borrow(Clone::clone)
        .unwrap_or_else(|| Err("no gazetteer came".to_string()));
    wasm_bindgen_futures::spawn_local(async move {
        match check(&file_name, place_names, receiver).await {
            Ok(blob) => post_with_blob(&WorkerMessage::Checked, &blob),
            Err(Outcome::Refused(problems)) => post(&WorkerMessage::Refused { problems }),
            Err(Outcome::Failed(said)) => post(&WorkerMessage::Failed { said }),
        }
    });
}

/// The next lines, written when `share` of the file was read.
pub fn lines(bytes: Uint8Array, share: f64) {
    LINES.with(|slot| {
        if let Some(sender) = slot.borrow().as_ref() {
            let _ = sender.unbounded_send(Coming::Lines(bytes, share));
        }
    });
}

/// No lines follow; the collection takes the id `collection_id` when one is given (its file's,
/// which the lines of an imported table do not name yet).
pub fn end(collection_id: Option<String>) {
    LINES.with(|slot| {
        if let Some(sender) = slot.borrow_mut().take() {
            let _ = sender.unbounded_send(Coming::End(collection_id));
        }
    });
}

/// Why no stored form was posted.
enum Outcome {
    /// The collection is refused: the problems that reject it.
    Refused(Vec<Problem>),
    /// The lines did not come whole, the gazetteer could not be read, or the form not made.
    Failed(Said),
}

fn failed(reason: &str) -> Outcome {
    Outcome::Failed(Said::new("worker-not-checked").arg("reason", reason))
}

/// Checks the collection whose lines come on `lines`, posts its stored form a part at a time
/// ([`post_stored`]) and gives it in one blob.
async fn check(
    file_name: &str,
    place_names: Result<Arc<PlaceNames>, String>,
    mut lines: mpsc::UnboundedReceiver<Coming>,
) -> Result<Blob, Outcome> {
    let place_names = place_names.map_err(|error| failed(&error))?;
    let mut coming = PiecesComing::default();
    let Some(Coming::Lines(bytes, share)) = lines.next().await else {
        return Err(failed("no lines came"));
    };
    // The header is the first line; the first buffer can go once it is copied.
    let mut header = Vec::new();
    let mut steps = coming
        .start(
            file_name,
            &copied_in(&bytes),
            share,
            place_names,
            &mut header,
        )
        .map_err(Outcome::Refused)?;
    post(&WorkerMessage::Checking { share });
    let collection_id = loop {
        match lines.next().await {
            Some(Coming::Lines(bytes, share)) => {
                coming
                    .check_lines(&mut steps, &copied_in(&bytes), share)
                    .map_err(Outcome::Refused)?;
                post(&WorkerMessage::Checking { share });
            }
            Some(Coming::End(collection_id)) => break collection_id,
            None => return Err(failed("the lines stopped before their end")),
        }
    };
    let mut loaded = PiecesComing::finish(steps).map_err(Outcome::Refused)?;
    if let Some(id) = collection_id {
        rename_loaded(&mut loaded, &id);
    }
    let mut not_posted = None;
    let blob = stored_form::write_whole(&loaded, STORED_PART_BYTES, &mut |bytes| {
        if not_posted.is_none() {
            not_posted = post_stored(bytes).err();
        }
    })
    .map_err(|reason| failed(&format!("the browser made no blob of it: {reason}")))?;
    match not_posted {
        Some(reason) => Err(failed(&format!(
            "its stored form was not handed over: {reason}"
        ))),
        None => Ok(blob),
    }
}

/// Posts the next `bytes` of the stored form ([`WorkerMessage::Stored`]), their buffer
/// transferred to the page.
///
/// Errors: why the browser would not post them.
fn post_stored(bytes: &Uint8Array) -> Result<(), String> {
    let text = serde_json::to_string(&WorkerMessage::Stored).unwrap_or_default();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope
        .post_message_with_transfer(
            &Array::of2(&JsValue::from_str(&text), bytes),
            &Array::of1(&bytes.buffer()),
        )
        .map_err(|error| reason_of(&error))
}
