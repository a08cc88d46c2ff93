//! The page's side of the checking worker (the import worker's second role, in
//! `src/bin/import_worker/check.rs`): a second worker that checks a collection in pieces while
//! the reading worker writes it, so that both run at once and the page's thread only reads the
//! result. [`CheckJob::start`] starts it with the page's gazetteer; [`CheckJob::lines`] passes
//! each buffer of lines on (transferred: the page keeps no copy), [`CheckJob::end`] says they
//! ended; [`CheckJob::next`] gives what it reports (the stored form in parts as it is
//! written, then whole). Dropping the job stops the worker.
//!
//! A worker takes a tenth of a second to start (its module fetched, decompressed and
//! compiled) and another to read the gazetteer, and the checking worker is the slower of the
//! two: [`warm_up`] starts one when a file is chosen and gives it the gazetteer
//! [`keep_gazetteer`] kept, while the reading worker reads the first rows; [`CheckJob::start`]
//! takes it, and [`cool_down`] stops one that no job took.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::mpsc;
use futures::StreamExt;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ErrorEvent, MessageEvent, Worker};

use crate::core::i18n::Said;
use crate::core::import::message::{PageMessage, WorkerMessage};
use crate::core::validate::Problem;
use crate::ui::import_client::WORKER_SCRIPT;

/// What the checking worker reports.
#[derive(Debug)]
pub enum CheckEvent {
    /// The lines written by the time `share` of the file was read (0 to 1) are checked.
    Checking(f64),
    /// The collection is checked: the next bytes of its stored form, in order, in a buffer
    /// of their own.
    Stored(Uint8Array),
    /// Every part of the stored form came: the whole form, in one blob.
    Checked(Blob),
    /// The collection is refused: the problems that reject it.
    Refused(Vec<Problem>),
    /// The worker stopped or failed, in one sentence.
    Failed(Said),
}

/// A message for the worker, and the buffers it transfers.
type Outgoing = (JsValue, Array);

/// A running check; see the module docs.
pub struct CheckJob {
    worker: Worker,
    /// Messages for the worker until it listens (then `None`: they go at once).
    waiting: Rc<RefCell<Option<Vec<Outgoing>>>>,
    events: mpsc::UnboundedReceiver<CheckEvent>,
    // Kept alive as long as the worker may call them.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

/// A checking worker started before its job, and what it said so far.
struct Warm {
    worker: Worker,
    /// Messages for it until it says it listens (then `None`: they went): the page's
    /// gazetteer.
    waiting: Rc<RefCell<Option<Vec<Outgoing>>>>,
    /// Whether it failed to start (its module could not be had): then no job takes it, and a
    /// job's own worker says why.
    failed: Rc<Cell<bool>>,
    // Kept alive as long as the worker may call them.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

thread_local! {
    /// The worker [`warm_up`] started, until a job takes it or [`cool_down`] stops it.
    static WARM: RefCell<Option<Warm>> = const { RefCell::new(None) };
    /// The page's gazetteer, for the workers [`warm_up`] starts.
    static GAZETTEER: RefCell<Option<Uint8Array>> = const { RefCell::new(None) };
}

/// Keeps the JSON of the page's gazetteer (the one [`CheckJob::start`] is given) for the
/// workers [`warm_up`] starts.
pub fn keep_gazetteer(gazetteer: Uint8Array) {
    GAZETTEER.with_borrow_mut(|slot| *slot = Some(gazetteer));
}

/// Starts a checking worker for the next [`CheckJob::start`], unless one is waiting already:
/// it loads its module meanwhile, then reads the gazetteer kept ([`keep_gazetteer`]). Without
/// a gazetteer kept nothing starts: a file then waits for the bundled collections, or is
/// checked on the page. Nothing happens either when the browser cannot start a worker (the job
/// then tries, and says so).
pub fn warm_up() {
    if WARM.with_borrow(Option::is_some) {
        return;
    }
    // Copied as it is posted (not transferred): the page keeps its own.
    let Some(gazetteer) = GAZETTEER
        .with_borrow(Clone::clone)
        .and_then(|bytes| message(&PageMessage::Gazetteer, Some(&bytes)).ok())
    else {
        return;
    };
    let Ok(worker) = Worker::new(WORKER_SCRIPT) else {
        return;
    };
    let waiting = Rc::new(RefCell::new(Some(vec![(gazetteer, Array::new())])));
    let failed = Rc::new(Cell::new(false));
    let on_message = {
        let (worker, waiting, failed) = (worker.clone(), waiting.clone(), failed.clone());
        // Its only message before it has work is "ready": what waited goes.
        Closure::<dyn Fn(MessageEvent)>::new(move |_: MessageEvent| {
            if post_waiting(&worker, &waiting).is_err() {
                failed.set(true);
            }
        })
    };
    let on_error = {
        let failed = failed.clone();
        Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            failed.set(true);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let warm = Warm {
        worker,
        waiting,
        failed,
        _on_message: on_message,
        _on_error: on_error,
    };
    WARM.with_borrow_mut(|slot| *slot = Some(warm));
}

/// Stops the worker [`warm_up`] started if no job took it (the file needs none: it was read
/// whole, goes to the mapping step, failed or was cancelled).
pub fn cool_down() {
    if let Some(warm) = WARM.with_borrow_mut(Option::take) {
        warm.worker.terminate();
    }
}

/// Whether a worker [`warm_up`] started will serve the next job: it has the gazetteer then.
fn warm_ready_for_job() -> bool {
    WARM.with_borrow(|warm| warm.as_ref().is_some_and(|warm| !warm.failed.get()))
}

/// The worker [`warm_up`] started, unless it failed, with the messages still waiting for it
/// to listen (`None` when it listens already).
fn take_warm() -> Option<(Worker, Option<Vec<Outgoing>>)> {
    let warm = WARM.with_borrow_mut(Option::take)?;
    if warm.failed.get() {
        warm.worker.terminate();
        return None;
    }
    // Its handlers go with it; the job sets its own before the worker can say more.
    warm.worker.set_onmessage(None);
    warm.worker.set_onerror(None);
    let waiting = warm.waiting.borrow_mut().take();
    Some((warm.worker.clone(), waiting))
}

impl CheckJob {
    /// Starts checking the collection of the file `file_name`, whose table takes its Arabic
    /// names from the gazetteer whose JSON is `gazetteer`: in the worker [`warm_up`] started,
    /// else in a new one.
    ///
    /// Errors: a sentence when the browser cannot start the worker.
    pub fn start(file_name: &str, gazetteer: &Uint8Array) -> Result<CheckJob, Said> {
        let check = message(
            &PageMessage::Check {
                file_name: file_name.to_string(),
            },
            // Copied as it is posted (not transferred): the page keeps its own.
            (!warm_ready_for_job()).then_some(gazetteer),
        )?;
        let (worker, waited) = match take_warm() {
            Some(warm) => warm,
            None => (
                Worker::new(WORKER_SCRIPT).map_err(|_| Said::new("reader-cannot-start"))?,
                Some(Vec::new()),
            ),
        };
        let listening = waited.is_none();
        let mut queue = waited.unwrap_or_default();
        queue.push((check, Array::new()));
        let (sender, events) = mpsc::unbounded();
        let waiting = Rc::new(RefCell::new(Some(queue)));
        let on_message = {
            let (worker, waiting, sender) = (worker.clone(), waiting.clone(), sender.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                match decode(&event.data()) {
                    // Listening now: what waited goes.
                    None => {
                        if post_waiting(&worker, &waiting).is_err() {
                            let _ = sender
                                .unbounded_send(CheckEvent::Failed(Said::new("reader-not-handed")));
                        }
                    }
                    Some(event) => {
                        let _ = sender.unbounded_send(event);
                    }
                }
            })
        };
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let _ = sender.unbounded_send(CheckEvent::Failed(
                Said::new("reader-stopped-error").arg("reason", event.message()),
            ));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let job = CheckJob {
            worker,
            waiting,
            events,
            _on_message: on_message,
            _on_error: on_error,
        };
        // A worker that listens already said so: what waits goes now.
        if listening {
            post_waiting(&job.worker, &job.waiting).map_err(|()| Said::new("reader-not-handed"))?;
        }
        Ok(job)
    }

    /// Passes on the next lines, written when `share` of the file was read; their buffer is
    /// the worker's from now on.
    pub fn lines(&self, bytes: &Uint8Array, share: f64) {
        if let Ok(message) = message(&PageMessage::Lines { share }, Some(bytes)) {
            self.post(message, Array::of1(&bytes.buffer()));
        }
    }

    /// Says that no lines follow, and that the collection takes the id `collection_id` when
    /// one is given.
    pub fn end(&self, collection_id: Option<String>) {
        if let Ok(message) = message(&PageMessage::LinesEnd { collection_id }, None) {
            self.post(message, Array::new());
        }
    }

    /// The worker's next report; a [`CheckEvent::Failed`] when it can send none.
    pub async fn next(&mut self) -> CheckEvent {
        self.events
            .next()
            .await
            .unwrap_or_else(|| CheckEvent::Failed(Said::new("reader-unreachable")))
    }

    /// Posts `message`, transferring the buffers `transfer`, once the worker listens.
    fn post(&self, message: JsValue, transfer: Array) {
        let mut waiting = self.waiting.borrow_mut();
        match waiting.as_mut() {
            Some(queue) => queue.push((message, transfer)),
            None => {
                drop(waiting);
                let _ = self.worker.post_message_with_transfer(&message, &transfer);
            }
        }
    }
}

impl Drop for CheckJob {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Posts the messages `waiting` holds to `worker`, in order, transferring their buffers; from
/// then on nothing waits (`None`: the worker listens).
///
/// Errors: when a message could not be posted (the others still are).
fn post_waiting(worker: &Worker, waiting: &RefCell<Option<Vec<Outgoing>>>) -> Result<(), ()> {
    let waited = waiting.borrow_mut().take().unwrap_or_default();
    let mut posted = Ok(());
    for (message, transfer) in waited {
        if worker
            .post_message_with_transfer(&message, &transfer)
            .is_err()
        {
            posted = Err(());
        }
    }
    posted
}

/// `[json]` or `[json, payload]`, as the worker reads a page's message.
fn message(message: &PageMessage, payload: Option<&JsValue>) -> Result<JsValue, Said> {
    let text = serde_json::to_string(message)
        .map_err(|error| Said::new("reader-choice-not-written").arg("reason", error.to_string()))?;
    let parts = Array::of1(&JsValue::from_str(&text));
    if let Some(payload) = payload {
        parts.push(payload);
    }
    Ok(parts.into())
}

/// One message of the worker: `[json]`, `[json, Uint8Array]` or `[json, Blob]`; `None` for
/// its "ready".
fn decode(data: &JsValue) -> Option<CheckEvent> {
    let parts: Array = data.clone().unchecked_into();
    let text = parts.get(0).as_string().unwrap_or_default();
    Some(match serde_json::from_str::<WorkerMessage>(&text) {
        Ok(WorkerMessage::Ready) => return None,
        Ok(WorkerMessage::Checking { share }) => CheckEvent::Checking(share),
        Ok(WorkerMessage::Stored) => match parts.get(1).dyn_into::<Uint8Array>() {
            Ok(bytes) => CheckEvent::Stored(bytes),
            Err(_) => CheckEvent::Failed(Said::new("worker-not-handed-to-page")),
        },
        Ok(WorkerMessage::Checked) => match parts.get(1).dyn_into::<Blob>() {
            Ok(blob) => CheckEvent::Checked(blob),
            Err(_) => CheckEvent::Failed(Said::new("worker-not-handed-to-page")),
        },
        Ok(WorkerMessage::Refused { problems }) => CheckEvent::Refused(problems),
        Ok(WorkerMessage::Failed { said }) => CheckEvent::Failed(said),
        Ok(_) => CheckEvent::Failed(
            Said::new("reader-not-understood").arg("reason", "an answer of another kind"),
        ),
        Err(error) => {
            CheckEvent::Failed(Said::new("reader-not-understood").arg("reason", error.to_string()))
        }
    })
}
