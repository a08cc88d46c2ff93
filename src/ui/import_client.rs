//! The page's side of the import worker (`src/bin/import_worker/main.rs`): starts it with a file,
//! turns its messages into [`ImportEvent`]s, and stops it on Cancel. The worker's files sit
//! beside `index.html`, so the address is relative to the page.

use std::future::Future;

use futures::channel::{mpsc, oneshot};
use futures::future::{select, Either};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ErrorEvent, File, MessageEvent, Worker};

use crate::core::i18n::Said;
use crate::core::import::mapped::TablePreview;
use crate::core::import::message::{ImportSummary, PageMessage, WorkerMessage};

/// The loader Trunk writes for the worker (`data-loader-shim`).
pub(crate) const WORKER_SCRIPT: &str = "import_worker_loader.js";

/// What the worker reports.
#[derive(Debug, Clone)]
pub enum ImportEvent {
    /// Rows and bytes read so far, and the file's size in bytes.
    Progress { rows: u64, bytes: u64, total: u64 },
    /// The table's columns must be chosen (see [`ImportJob::send`]).
    Preview(TablePreview),
    /// The sheet chosen cannot be read; another can be chosen.
    SheetUnreadable(Said),
    /// The next lines of the collection, while the worker reads on (a table read row by row):
    /// whole lines, in order, in a buffer the worker handed over, and the share of the file
    /// read when they were written (0 to 1).
    Piece(Uint8Array, f64),
    /// The file was read: what was found, and for a collection file its bytes, in the blob
    /// the worker handed over (read into the page's memory a piece at a time, see
    /// [`crate::ui::adding::load_blob_in_slices`]); after pieces, no bytes.
    Done(ImportSummary, Option<Blob>),
    /// The file could not be read, in one sentence.
    Failed(Said),
}

/// A file the worker read, or is reading, as the page takes it in.
pub enum Incoming {
    /// The whole collection at once: what was found, and the collection's bytes.
    Whole(ImportSummary, Blob),
    /// A collection coming in pieces while the worker reads on.
    Pieces(IncomingPieces),
}

impl Incoming {
    /// The name of the file read.
    pub fn name(&self) -> &str {
        match self {
            Incoming::Whole(summary, _) => &summary.file_name,
            Incoming::Pieces(pieces) => &pieces.name,
        }
    }

    /// What `wait` gives, or `None` as soon as the worker stops before it is done (Cancel,
    /// another file opened, the file not readable): a file that waits for something else
    /// (the bundled collections) is let go at once then, not once that wait is over. The
    /// lines and the end keep coming as they would.
    pub async fn unless_stopped<T>(&mut self, wait: impl Future<Output = T>) -> Option<T> {
        let Incoming::Pieces(pieces) = self else {
            return Some(wait.await);
        };
        match select(Box::pin(wait), &mut pieces.done).await {
            Either::Left((value, _)) => Some(value),
            Either::Right((Ok(summary), wait)) => {
                // Done reading first: the end is kept for whoever takes the pieces.
                let (done, done_in) = oneshot::channel();
                let _ = done.send(summary);
                pieces.done = done_in;
                Some(wait.await)
            }
            Either::Right((Err(oneshot::Canceled), _)) => None,
        }
    }
}

/// The sentence of a file that could not be opened: its name, and `reason`.
pub fn open_failed(name: &str, reason: Said) -> Said {
    Said::new("open-failed")
        .arg("name", name.to_owned())
        .arg_said("reason", reason)
}

/// The page's end of a collection coming in pieces ([`ImportEvent::Piece`]).
pub struct IncomingPieces {
    /// The file's name.
    pub name: String,
    /// Buffers of whole lines, in order, each with the share of the file read when it was
    /// written; the channel closes when the worker is done, or stopped.
    pub pieces: mpsc::UnboundedReceiver<(Uint8Array, f64)>,
    /// What was found, once the worker is done; cancelled when it stopped (Cancel, another
    /// file opened, or the file could not be read).
    pub done: oneshot::Receiver<ImportSummary>,
}

/// The worker's end of [`IncomingPieces`]: dropping it tells the page the reading stopped.
pub struct OutgoingPieces {
    pieces: mpsc::UnboundedSender<(Uint8Array, f64)>,
    done: oneshot::Sender<ImportSummary>,
}

impl OutgoingPieces {
    /// The two ends for the file `name`.
    pub fn new(name: String) -> (OutgoingPieces, IncomingPieces) {
        let (pieces, pieces_in) = mpsc::unbounded();
        let (done, done_in) = oneshot::channel();
        let incoming = IncomingPieces {
            name,
            pieces: pieces_in,
            done: done_in,
        };
        (OutgoingPieces { pieces, done }, incoming)
    }

    /// Passes a piece on; one the page no longer wants is dropped.
    pub fn piece(&self, bytes: Uint8Array, share: f64) {
        let _ = self.pieces.unbounded_send((bytes, share));
    }

    /// Passes the end on: what was found.
    pub fn done(self, summary: ImportSummary) {
        let _ = self.done.send(summary);
    }
}

/// A running import. Dropping it does not stop the worker; [`ImportJob::cancel`] does.
pub struct ImportJob {
    worker: Worker,
    // Kept alive as long as the worker may call them.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl ImportJob {
    /// Starts a worker and hands it `file` once it listens; `report` is called with each of its events, ending with
    /// one `Done` or `Failed`.
    ///
    /// Errors: a sentence when the browser cannot start the worker (a browser without workers,
    /// or the worker's script missing from the deployment).
    pub fn start(file: &File, report: impl Fn(ImportEvent) + 'static) -> Result<ImportJob, Said> {
        let worker = Worker::new(WORKER_SCRIPT).map_err(|_| Said::new("reader-cannot-start"))?;
        let report = std::rc::Rc::new(report);
        let on_message = {
            let report = report.clone();
            let worker = worker.clone();
            let file = file.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                match decode(&event.data()) {
                    // Listening now: the file can be handed over.
                    None => {
                        if worker.post_message(&file).is_err() {
                            report(ImportEvent::Failed(Said::new("reader-not-handed")));
                        }
                    }
                    Some(event) => report(event),
                }
            })
        };
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            report(ImportEvent::Failed(
                Said::new("reader-stopped-error").arg("reason", event.message()),
            ));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(ImportJob {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Tells the worker, waiting after a preview, what the reader chose.
    ///
    /// Errors: a sentence when the worker cannot be reached.
    pub fn send(&self, message: &PageMessage) -> Result<(), Said> {
        let text = serde_json::to_string(message).map_err(|error| {
            Said::new("reader-choice-not-written").arg("reason", error.to_string())
        })?;
        self.worker
            .post_message(&JsValue::from_str(&text))
            .map_err(|_| Said::new("reader-unreachable"))
    }

    /// Stops the worker at once; it sends nothing more.
    pub fn cancel(&self) {
        self.worker.terminate();
    }
}

/// One worker message: `[json]`, `[json, Uint8Array]` (a piece) or `[json, Blob]` (a
/// collection file done); `None` for the worker's "ready".
fn decode(data: &JsValue) -> Option<ImportEvent> {
    let parts: Array = data.clone().unchecked_into();
    let text = parts.get(0).as_string().unwrap_or_default();
    Some(match serde_json::from_str::<WorkerMessage>(&text) {
        Ok(WorkerMessage::Ready) => return None,
        Ok(WorkerMessage::Progress { rows, bytes, total }) => {
            ImportEvent::Progress { rows, bytes, total }
        }
        Ok(WorkerMessage::Preview(preview)) => ImportEvent::Preview(preview),
        Ok(WorkerMessage::SheetUnreadable { said }) => ImportEvent::SheetUnreadable(said),
        Ok(WorkerMessage::Piece { share }) => match parts.get(1).dyn_into::<Uint8Array>() {
            Ok(bytes) => ImportEvent::Piece(bytes, share),
            Err(_) => ImportEvent::Failed(Said::new("worker-not-handed-to-page")),
        },
        Ok(WorkerMessage::Done(summary)) => {
            ImportEvent::Done(summary, parts.get(1).dyn_into::<Blob>().ok())
        }
        Ok(WorkerMessage::Failed { said }) => ImportEvent::Failed(said),
        // A checking worker's answers ([`crate::ui::check_client`]), which a reading one
        // never sends.
        Ok(
            WorkerMessage::Checking { .. }
            | WorkerMessage::Stored
            | WorkerMessage::Checked
            | WorkerMessage::Refused { .. },
        ) => ImportEvent::Failed(
            Said::new("reader-not-understood").arg("reason", "an answer of another kind"),
        ),
        Err(error) => {
            ImportEvent::Failed(Said::new("reader-not-understood").arg("reason", error.to_string()))
        }
    })
}
