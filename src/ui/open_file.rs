//! "Open your own file": a file input, a drop anywhere on the page, and while the import worker
//! reads the file a progress bar (rows and bytes read, time left) with Cancel. The file is read
//! on this device by the worker and never sent anywhere.

use leptos::ev;
use leptos::prelude::*;
use web_sys::File;

use crate::charts::bar_chart::group_thousands;
use crate::core::i18n::{Arg, Said};
use crate::core::import::mapped::TablePreview;
use crate::core::import::message::PageMessage;
use crate::core::import::table_mapping::{HandChoices, Mapping};
use crate::ui::browser;
use crate::ui::check_client;
use crate::ui::column_mapping::ColumnMapping;
use crate::ui::i18n::tracked;
use crate::ui::import_client::{open_failed, ImportEvent, ImportJob, Incoming, OutgoingPieces};

/// How far a running import is.
#[derive(Debug, Clone, PartialEq)]
struct Reading {
    name: String,
    rows: u64,
    bytes: u64,
    total: u64,
    /// When reading started, in ms on the page's clock.
    started: f64,
    now: f64,
}

impl Reading {
    /// Whole percent read, 0 to 100.
    fn percent(&self) -> u64 {
        (self.bytes.saturating_mul(100))
            .checked_div(self.total)
            .unwrap_or(0)
            .min(100)
    }

    /// "12,288 rows · 3.1 of 24.0 MB · about 4 s left".
    fn describe(&self) -> String {
        let mb = |bytes: u64| bytes as f64 / 1e6;
        let mut text = String::new();
        if self.rows > 0 {
            text.push_str(&format!("{} rows · ", group_thousands(self.rows as i64)));
        }
        text.push_str(&format!(
            "{:.1} of {:.1} MB",
            mb(self.bytes),
            mb(self.total)
        ));
        let elapsed = (self.now - self.started).max(0.0);
        if self.bytes > 0 && self.bytes < self.total && elapsed > 500.0 {
            let left = elapsed / self.bytes as f64 * (self.total - self.bytes) as f64 / 1000.0;
            text.push_str(&format!(" · about {} s left", left.ceil() as u64));
        }
        text
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// The file input and drop target. `on_read` gets what the worker read, for the app to check
/// and add: the summary and the collection's bytes (a collection in pieces, or the collection
/// file as opened) in the blob the worker handed over, or, for a table read row by row, the
/// collection's pieces as the worker writes them, from its first piece on.
#[component]
pub fn OpenFile(on_read: Callback<Incoming>) -> impl IntoView {
    let reading = RwSignal::new(None::<Reading>);
    let failure = RwSignal::new(None::<Said>);
    let dragging = RwSignal::new(false);
    // A table waiting for its columns to be chosen: the file's name and the worker's preview.
    let table = RwSignal::new(None::<(String, TablePreview)>);
    // The size of the file being read, in bytes, for the progress after the mapping step.
    let size = RwSignal::new(0u64);
    let progress_ref = NodeRef::<leptos::html::Div>::new();
    let sheet_problem = RwSignal::new(None::<Said>);
    // The columns chosen by hand in the mapping step, kept through a switch of sheet, of
    // header row or of language; forgotten when another file is opened.
    let hand = RwSignal::new(HandChoices::default());
    // The running worker: at most one at a time. Not reactive: only Cancel and the end use it.
    let job = StoredValue::new_local(None::<ImportJob>);
    // The pieces of the collection being read, passed on to the app as they come.
    let outgoing = StoredValue::new_local(None::<OutgoingPieces>);
    // Which worker is the running one: a message a stopped worker had already sent is
    // dropped, never taken for the next file's.
    let generation = StoredValue::new(0_u64);
    let input = NodeRef::<leptos::html::Input>::new();

    // Ends the running worker, which frees its memory, and tells the app that took its
    // pieces that no more come. The job (with the handlers the worker calls) is dropped after
    // this turn: this may run inside one of those handlers.
    let stop = move || {
        generation.update_value(|g| *g = g.wrapping_add(1));
        outgoing.set_value(None);
        if let Some(running) = job.try_update_value(Option::take).flatten() {
            running.cancel();
            set_timeout(move || drop(running), std::time::Duration::ZERO);
        }
    };
    let open = {
        move |file: File| {
            let interrupted = reading
                .get_untracked()
                .map(|reading| reading.name)
                .or_else(|| table.get_untracked().map(|(name, _)| name));
            stop();
            failure.set(interrupted.map(|earlier| {
                Said::new("open-interrupted")
                    .arg("earlier", earlier)
                    .arg("name", file.name())
            }));
            table.set(None);
            hand.set(HandChoices::default());
            let started = now();
            let name = file.name();
            size.set(file.size() as u64);
            reading.set(Some(Reading {
                name: name.clone(),
                rows: 0,
                bytes: 0,
                total: file.size() as u64,
                started,
                now: started,
            }));
            let table_name = name.clone();
            let mine = generation.get_value();
            let report = move |event: ImportEvent| match event {
                _ if generation.get_value() != mine => {}
                ImportEvent::Preview(preview) => {
                    check_client::cool_down();
                    reading.set(None);
                    sheet_problem.set(None);
                    table.set(Some((table_name.clone(), preview)));
                }
                ImportEvent::SheetUnreadable(message) => {
                    // The step is drawn again, so its sheet choice shows the sheet still shown.
                    table.update(|_| {});
                    sheet_problem.set(Some(message));
                }
                ImportEvent::Progress { rows, bytes, total } => reading.update(|reading| {
                    if let Some(reading) = reading {
                        (reading.rows, reading.bytes, reading.total) = (rows, bytes, total);
                        reading.now = now();
                    }
                }),
                ImportEvent::Piece(bytes, share) => {
                    let first = outgoing.with_value(Option::is_none);
                    if first {
                        let (out, incoming) = OutgoingPieces::new(name.clone());
                        outgoing.set_value(Some(out));
                        on_read.run(Incoming::Pieces(incoming));
                    }
                    outgoing.with_value(|out| {
                        if let Some(out) = out {
                            out.piece(bytes, share);
                        }
                    });
                }
                ImportEvent::Done(summary, blob) => {
                    let pieces = outgoing.try_update_value(Option::take).flatten();
                    stop();
                    reading.set(None);
                    match (pieces, blob) {
                        (Some(pieces), _) => pieces.done(summary),
                        (None, Some(blob)) => {
                            check_client::cool_down();
                            on_read.run(Incoming::Whole(summary, blob));
                        }
                        (None, None) => failure.set(Some(open_failed(
                            &name,
                            Said::new("worker-not-handed-to-page"),
                        ))),
                    }
                }
                ImportEvent::Failed(message) => {
                    check_client::cool_down();
                    stop();
                    reading.set(None);
                    failure.set(Some(open_failed(&name, message)));
                }
            };
            match ImportJob::start(&file, report) {
                Ok(started) => {
                    job.set_value(Some(started));
                    // The checking worker starts while the first rows are read.
                    check_client::warm_up();
                }
                Err(message) => {
                    reading.set(None);
                    failure.set(Some(message));
                }
            }
        }
    };

    let on_change = {
        move |_| {
            let Some(element) = input.get() else {
                return;
            };
            let file = element.files().and_then(|files| files.get(0));
            // The same file can be chosen again after a Cancel or a Remove.
            element.set_value("");
            if let Some(file) = file {
                open(file);
            }
        }
    };
    let cancel = {
        move |_| {
            check_client::cool_down();
            stop();
            reading.set(None);
            failure.set(Some(Said::new("open-reading-cancelled")));
        }
    };
    // Tells the waiting worker what the reader chose in the mapping step.
    let send = move |message: PageMessage| {
        let sent = job.with_value(|running| {
            running
                .as_ref()
                .map_or(Err(Said::new("open-reader-stopped")), |running| {
                    running.send(&message)
                })
        });
        if let Err(message) = sent {
            check_client::cool_down();
            stop();
            table.set(None);
            failure.set(Some(message));
        }
    };
    let import_with = Callback::new(move |mapping: Mapping| {
        let Some((name, _)) = table.get_untracked() else {
            return;
        };
        table.set(None);
        let started = now();
        reading.set(Some(Reading {
            name,
            rows: 0,
            bytes: 0,
            total: size.get_untracked(),
            started,
            now: started,
        }));
        check_client::warm_up();
        send(PageMessage::Import { mapping });
        // The step folds away: the reader is taken to the progress, not left mid-page.
        browser::after_next_paint(move || {
            if let Some(bar) = progress_ref.get_untracked() {
                let _ = bar.focus();
                bar.scroll_into_view();
            }
        });
    });
    let choose_sheet = Callback::new(move |name: String| {
        sheet_problem.set(None);
        send(PageMessage::Sheet { name });
    });
    let choose_header = Callback::new(move |index: usize| {
        sheet_problem.set(None);
        send(PageMessage::HeaderRow { index });
    });
    let cancel_mapping = Callback::new(move |()| {
        check_client::cool_down();
        stop();
        table.set(None);
        failure.set(Some(Said::new("open-cancelled")));
    });

    // A file dropped anywhere on the page opens like a chosen one; the browser must not
    // navigate to it instead.
    let carries_files = |event: &web_sys::DragEvent| {
        event
            .data_transfer()
            .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
    };
    let over = window_event_listener(ev::dragover, move |event| {
        if carries_files(&event) {
            event.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |event| {
        // Leaving the window, not moving between elements inside it.
        if event.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |event| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        dragging.set(false);
        let files = event.data_transfer().and_then(|transfer| transfer.files());
        let count = files.as_ref().map_or(0, |files| files.length());
        if let Some(file) = files.and_then(|files| files.get(0)) {
            let name = file.name();
            open(file);
            if count > 1 {
                failure.set(Some(
                    Said::new("open-several-dropped")
                        .arg("n", count.to_string())
                        .arg("name", name),
                ));
            }
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });

    let progress = move || {
        reading.get().map(|reading| {
            let percent = reading.percent();
            view! {
                <div class="import-progress" data-testid="import-progress" tabindex="-1" node_ref=progress_ref>
                    <div class="import-bar" role="progressbar" aria-label=tracked().format("open-reading", &[("name", Arg::Text(&reading.name))])
                        aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.to_string()
                        aria-valuetext=reading.describe()>
                        <span style=format!("inline-size: {percent}%")></span>
                    </div>
                    <p><bdi>{reading.name.clone()}</bdi>": "{reading.describe()}</p>
                    <button type="button" on:click=cancel>{tracked().text("cancel")}</button>
                </div>
            }
        })
    };
    let failed = move || {
        failure.get().map(|message| view! {
            <p class="import-failure" role="alert" data-testid="import-failure">{crate::ui::i18n::said_view(tracked(), &message)}</p>
        })
    };
    // This part lives as long as the page, through a switch of language (a file being read or
    // waiting in the mapping step is kept): its words follow the language.
    view! {
        <section class="open-file" aria-label=move || tracked().text("open-file-region")>
            <label for="open-file">{move || tracked().text("open-file-label")}" "</label>
            <input id="open-file" type="file" data-testid="open-file" node_ref=input
                accept=".csv,.tsv,.txt,.json,.xlsx,.xlsm,.xlsb,.xls,.ods,text/csv,application/json"
                on:change=on_change />
            <p class="open-file-hint">{move || tracked().text("open-file-hint")}</p>
            // Built again in the other language on a switch, from the same preview; the
            // columns chosen by hand are kept (`hand`).
            {move || {
                tracked();
                table.get().map(|(name, preview)| view! {
                    <ColumnMapping name preview sheet_problem=sheet_problem.into() hand
                        on_import=import_with on_sheet=choose_sheet on_header=choose_header
                        on_cancel=cancel_mapping />
                })
            }}
            {progress}
            {failed}
            <div class="drop-overlay" class:shown=move || dragging.get() aria-hidden="true">
                <p>{move || tracked().text("open-file-drop")}</p>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_rows_megabytes_and_time_left() {
        let reading = Reading {
            name: "x.csv".into(),
            rows: 12_288,
            bytes: 3_100_000,
            total: 24_000_000,
            started: 0.0,
            now: 1_000.0,
        };
        assert_eq!(reading.percent(), 12);
        assert_eq!(
            reading.describe(),
            "12,288 rows · 3.1 of 24.0 MB · about 7 s left"
        );
    }
}
