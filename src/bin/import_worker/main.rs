//! The import worker: reads a file the reader opened, off the page's thread, and hands the page
//! a collection it can load. A module of its own, so that the CSV and hashing code never weighs
//! on the app's first load; Trunk builds it (`data-type="worker"` in `index.html`) as
//! `import-worker.js`, `import-worker_bg.wasm` and the loader `import-worker_loader.js`.
//!
//! Protocol (types in `core::import::message`): the worker says it is ready, the page posts one
//! `File`; the worker answers with progress messages, then one `done` message carrying the
//! collection (in pieces, so that the page can check it a slice at a time), or one `failed`
//! message. A table read row by row (ACLED, UCDP, or any once its columns are chosen) is read
//! once: its collection goes out in `piece` messages as the rows are read, each some megabytes
//! of lines in a buffer handed over without a copy (`posted_lines.rs`), so they are checked
//! meanwhile (by a second worker, below, or the page), under a provisional collection id; the
//! `done` message gives the file's fingerprint, hashed as it was read, which the page and the
//! checker name the collection by. A table of no known format (any CSV, a
//! spreadsheet) is answered first with a `preview`: the worker keeps the file (a workbook's
//! bytes and sheet) and waits for the page's `PageMessage` (another sheet, or the columns to
//! import with). The page cancels by terminating the worker. Nothing leaves the device: the
//! worker reads the file with `FileReaderSync`, in slices, and talks only to the page.
//!
//! The same module has a second role (`check.rs`): a second worker, started by the page with
//! a `check` message instead of a file, checks the pieces of a collection the first writes,
//! as the page passes them on, and hands back the file's stored form.
//!
//! On other targets than wasm32 this program does nothing.

#[cfg(target_arch = "wasm32")]
mod check;
#[cfg(target_arch = "wasm32")]
mod posted_lines;

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::{Cell, RefCell};
    use std::io::Read;
    use std::rc::Rc;

    use js_sys::{Array, Uint8Array};
    use sha2::{Digest, Sha256};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

    use incident_explorer::core::date::Day;
    use incident_explorer::core::i18n::Said;
    use incident_explorer::core::import::mapped::{self, TablePreview};
    use incident_explorer::core::import::message::{
        collection_id_of, ImportSummary, PageMessage, ProblemLine, ReadAs, WorkerMessage,
        PROVISIONAL_COLLECTION_ID,
    };
    use incident_explorer::core::import::spreadsheet::{self, SheetTable};
    use incident_explorer::core::import::table_mapping::{Field, Mapping};
    use incident_explorer::core::import::{
        self, acled, ucdp, FileInfo, Format, ImportError, Imported, Progress,
    };
    use incident_explorer::core::validate::PieceWriter;

    use crate::check;
    use crate::posted_lines::PostedLines;

    /// Bytes read from the file at a time: large enough that the calls cost nothing, small
    /// enough that progress moves and memory stays flat.
    const SLICE: f64 = 4.0 * 1024.0 * 1024.0;
    /// Bytes the format is told from.
    const HEAD: usize = 64 * 1024;
    /// Bytes of a slice hashed in one call ([`SlicedFile`]).
    const HASHED_AT_ONCE: usize = 64 * 1024;
    /// Events per piece of the collection handed over: the page copies in and checks a whole
    /// piece between two looks at its clock, so a piece is a few milliseconds of its work
    /// (some 260 KB of JSON), not the tens of one of 1,000 events.
    const EVENTS_PER_PIECE: usize = 200;
    /// Bytes of lines posted to the page at once while a table is read ([`PostedLines`]): some
    /// 4 MB of JSON, a fifth of a second of this worker's reading.
    const POSTED_BYTES: usize = 4 << 20;
    /// Bytes of the first lines posted: a few pieces, some hundredths of a second of reading,
    /// after which the checking worker starts on them (at [`POSTED_BYTES`] it waited for the
    /// first fifth of a second).
    const FIRST_POSTED_BYTES: usize = 1 << 20;

    /// A table shown in the mapping step, kept until the page says which columns to read.
    enum Waiting {
        /// A CSV file, read again from its start once the columns are chosen, and the index of
        /// its header among the rows read.
        Csv { file: File, header: usize },
        /// A workbook: its bytes and fingerprint (read once), and the sheet shown.
        Workbook {
            file: File,
            bytes: Vec<u8>,
            fingerprint: String,
            table: SheetTable,
        },
    }

    thread_local! {
        static WAITING: RefCell<Option<Waiting>> = const { RefCell::new(None) };
    }

    /// Listens for the page's file, then for its choices after a preview.
    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
            let data = event.data();
            // A collection's lines, for the checking role: `[JSON text, bytes]`.
            if data.is_array() {
                check_message(&data.unchecked_into());
                return;
            }
            if let Some(text) = data.as_string() {
                match serde_json::from_str::<PageMessage>(&text) {
                    Ok(message) => answer(message),
                    Err(error) => post(&WorkerMessage::Failed {
                        said: Said::new("worker-not-understood").arg("reason", error.to_string()),
                    }),
                }
                return;
            }
            match data.dyn_into::<File>() {
                Ok(file) => read(&file),
                Err(_) => post(&WorkerMessage::Failed {
                    said: Said::new("worker-not-a-file"),
                }),
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page wants it; the handler must too.
        on_message.forget();
        post(&WorkerMessage::Ready);
    }

    /// Reads `file` and posts the outcome.
    fn read(file: &File) {
        let outcome = SlicedFile::new(file).and_then(|mut reader| {
            let mut head = vec![0u8; HEAD];
            let length = read_up_to(&mut reader, &mut head)?;
            head.truncate(length);
            match import::sniff(&file.name(), &head).map_err(|error| error.said())? {
                Format::Collection => collection_file(reader, file).map(Some),
                Format::Acled => table_collection(head, reader, file, Format::Acled).map(Some),
                Format::UcdpGed => table_collection(head, reader, file, Format::UcdpGed).map(Some),
                Format::OtherCsv => {
                    let preview = mapped::preview_csv(std::io::Cursor::new(head).chain(reader))
                        .map_err(|error| error.said())?;
                    let header = preview.header_index;
                    wait(
                        Waiting::Csv {
                            file: file.clone(),
                            header,
                        },
                        preview,
                    );
                    Ok(None)
                }
                Format::Spreadsheet => {
                    let bytes = whole_file(head, reader)?;
                    open_workbook(file, bytes)?;
                    Ok(None)
                }
            }
        });
        finish(outcome);
    }

    /// Posts what came of a step: the collection, nothing yet (a preview was posted), or why not.
    fn finish(outcome: Result<Option<(ImportSummary, Option<Blob>)>, Said>) {
        match outcome {
            Ok(Some((summary, blob))) => post_done(&summary, blob.as_ref()),
            Ok(None) => {}
            Err(said) => post(&WorkerMessage::Failed { said }),
        }
    }

    /// Keeps `waiting` and shows the page its preview.
    fn wait(waiting: Waiting, preview: TablePreview) {
        WAITING.with(|slot| *slot.borrow_mut() = Some(waiting));
        post(&WorkerMessage::Preview(preview));
    }

    /// Reads the workbook and previews its first sheet whose columns include a date (a cover
    /// or notes sheet often comes first), else its first sheet that reads at all.
    fn open_workbook(file: &File, (bytes, fingerprint): (Vec<u8>, String)) -> Result<(), Said> {
        let sheets = spreadsheet::sheet_names(&bytes).map_err(|error| error.said())?;
        let mut first_readable: Option<(SheetTable, TablePreview)> = None;
        let mut first_error = None;
        let mut chosen = None;
        for name in &sheets {
            match spreadsheet::read_sheet(&bytes, Some(name)) {
                Ok(table) => {
                    let preview = mapped::preview_sheet(&table);
                    if preview.guess.column(Field::Date).is_some() {
                        chosen = Some((table, preview));
                        break;
                    }
                    first_readable.get_or_insert((table, preview));
                }
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        let (table, preview) = match chosen.or(first_readable) {
            Some(found) => found,
            None => {
                let error = match first_error {
                    Some(error) => error,
                    None => spreadsheet::read_sheet(&bytes, None)
                        .err()
                        .unwrap_or(ImportError::Empty),
                };
                return Err(error.said());
            }
        };
        wait(
            Waiting::Workbook {
                file: file.clone(),
                bytes,
                fingerprint,
                table,
            },
            preview,
        );
        Ok(())
    }

    /// Does what the page asks of a worker checking a collection ([`check`]).
    fn check_message(parts: &Array) {
        let text = parts.get(0).as_string().unwrap_or_default();
        let payload = parts.get(1);
        match serde_json::from_str::<PageMessage>(&text) {
            Ok(PageMessage::Gazetteer) => match payload.dyn_into::<Uint8Array>() {
                Ok(bytes) => check::read_gazetteer(&bytes.to_vec()),
                Err(_) => post(&WorkerMessage::Failed {
                    said: Said::new("worker-not-understood").arg("reason", "no gazetteer"),
                }),
            },
            Ok(PageMessage::Check { file_name }) => {
                let gazetteer = payload.dyn_into::<Uint8Array>().ok();
                if let Some(bytes) = gazetteer {
                    check::read_gazetteer(&bytes.to_vec());
                }
                check::start(file_name);
            }
            Ok(PageMessage::Lines { share }) => match payload.dyn_into::<Uint8Array>() {
                Ok(bytes) => check::lines(bytes, share),
                Err(_) => post(&WorkerMessage::Failed {
                    said: Said::new("worker-not-understood").arg("reason", "lines without bytes"),
                }),
            },
            Ok(PageMessage::LinesEnd { collection_id }) => check::end(collection_id),
            Ok(_) => post(&WorkerMessage::Failed {
                said: Said::new("worker-not-understood").arg("reason", "a choice with bytes"),
            }),
            Err(error) => post(&WorkerMessage::Failed {
                said: Said::new("worker-not-understood").arg("reason", error.to_string()),
            }),
        }
    }

    /// Does what the page chose after a preview.
    fn answer(message: PageMessage) {
        let Some(waiting) = WAITING.with(|slot| slot.borrow_mut().take()) else {
            post(&WorkerMessage::Failed {
                said: Said::new("worker-nothing-waiting"),
            });
            return;
        };
        match (message, waiting) {
            (
                PageMessage::Sheet { name },
                Waiting::Workbook {
                    file,
                    bytes,
                    fingerprint,
                    table,
                },
            ) => {
                let (table, preview) = match spreadsheet::read_sheet(&bytes, Some(&name)) {
                    Ok(chosen) => {
                        let preview = mapped::preview_sheet(&chosen);
                        (chosen, Some(preview))
                    }
                    Err(error) => {
                        post(&WorkerMessage::SheetUnreadable {
                            said: Said::new("worker-sheet-unusable")
                                .arg("sheet", name.clone())
                                .arg_said("reason", error.said()),
                        });
                        (table, None)
                    }
                };
                let waiting = Waiting::Workbook {
                    file,
                    bytes,
                    fingerprint,
                    table,
                };
                match preview {
                    Some(preview) => wait(waiting, preview),
                    None => WAITING.with(|slot| *slot.borrow_mut() = Some(waiting)),
                }
            }
            (PageMessage::Sheet { .. }, waiting @ Waiting::Csv { .. }) => {
                WAITING.with(|slot| *slot.borrow_mut() = Some(waiting));
            }
            (PageMessage::HeaderRow { index }, Waiting::Csv { file, header }) => {
                let preview = SlicedFile::new(&file).and_then(|reader| {
                    mapped::preview_csv_with_header(reader, Some(index))
                        .map_err(|error| error.said())
                });
                match preview {
                    Ok(preview) => {
                        let header = preview.header_index;
                        wait(Waiting::Csv { file, header }, preview);
                    }
                    Err(reason) => {
                        header_unusable(reason);
                        WAITING
                            .with(|slot| *slot.borrow_mut() = Some(Waiting::Csv { file, header }));
                    }
                }
            }
            (
                PageMessage::HeaderRow { index },
                Waiting::Workbook {
                    file,
                    bytes,
                    fingerprint,
                    mut table,
                },
            ) => {
                let outcome = table.set_header(index);
                let preview = outcome.is_ok().then(|| mapped::preview_sheet(&table));
                let waiting = Waiting::Workbook {
                    file,
                    bytes,
                    fingerprint,
                    table,
                };
                match (outcome, preview) {
                    (Ok(()), Some(preview)) => wait(waiting, preview),
                    (outcome, _) => {
                        if let Err(error) = outcome {
                            header_unusable(error.said());
                        }
                        WAITING.with(|slot| *slot.borrow_mut() = Some(waiting));
                    }
                }
            }
            (PageMessage::Import { mapping }, Waiting::Csv { file, header }) => {
                finish(mapped_csv(&file, header, &mapping).map(Some));
            }
            (
                PageMessage::Import { mapping },
                Waiting::Workbook {
                    file,
                    bytes,
                    fingerprint,
                    table,
                },
            ) => {
                drop(bytes);
                finish(mapped_sheet(&file, &table, fingerprint, &mapping).map(Some));
            }
            // The checking role's messages come with bytes (`check_message`).
            (
                PageMessage::Gazetteer
                | PageMessage::Check { .. }
                | PageMessage::Lines { .. }
                | PageMessage::LinesEnd { .. },
                w,
            ) => {
                WAITING.with(|slot| *slot.borrow_mut() = Some(w));
            }
        }
    }

    /// Says that the row the reader chose cannot be the header; the step stays as it was.
    fn header_unusable(reason: Said) {
        post(&WorkerMessage::SheetUnreadable {
            said: Said::new("worker-header-unusable").arg_said("reason", reason),
        });
    }

    /// The CSV file read again, every row below its header (of index `header` among the rows
    /// read) with `mapping`, posted to the page in pieces as it is read.
    fn mapped_csv(
        file: &File,
        header: usize,
        mapping: &Mapping,
    ) -> Result<(ImportSummary, Option<Blob>), Said> {
        let source = provisional_source(file);
        let mut reader = SlicedFile::new(file)?;
        let total = reader.size as u64;
        let read = reader.offset_now();
        let mut progress = |at: Progress| {
            post(&WorkerMessage::Progress {
                rows: at.rows,
                bytes: at.bytes,
                total,
            })
        };
        let share = |_: &[u8]| read.get() / total.max(1) as f64;
        let imported = posted_in_pieces(share, |pieces| {
            let reader = &mut reader;
            mapped::import_csv_in_pieces(
                reader,
                Some(header),
                mapping,
                &source,
                &mut progress,
                pieces,
            )
        })?;
        let summary = summary_of(
            &imported,
            file,
            total,
            reader.fingerprint(),
            ReadAs::CsvTable,
        );
        Ok((summary, None))
    }

    /// The workbook's sheet, every row with `mapping`, posted to the page in pieces as it is
    /// read.
    fn mapped_sheet(
        file: &File,
        table: &SheetTable,
        fingerprint: String,
        mapping: &Mapping,
    ) -> Result<(ImportSummary, Option<Blob>), Said> {
        let total = file.size() as u64;
        let mut progress = |at: Progress| {
            post(&WorkerMessage::Progress {
                rows: at.rows,
                bytes: total,
                total,
            })
        };
        let source = FileInfo {
            collection_id: collection_id_of(&fingerprint),
            ..file_info(file)
        };
        // The share read: events written so far, of the sheet's rows.
        let (mut events, rows) = (0usize, table.rows.len().max(1));
        let share = |line: &[u8]| {
            if line.first() == Some(&b'[') {
                events += EVENTS_PER_PIECE;
            }
            (events as f64 / rows as f64).min(1.0)
        };
        let imported = posted_in_pieces(share, |pieces| {
            mapped::import_sheet_in_pieces(table, mapping, &source, &mut progress, pieces)
        })?;
        let format = ReadAs::Sheet {
            sheet: table.sheet.clone(),
        };
        Ok((
            summary_of(&imported, file, total, fingerprint, format),
            None,
        ))
    }

    /// The whole file's bytes (a workbook is a ZIP archive, read at random), with its
    /// fingerprint; progress is posted as it is read.
    fn whole_file(head: Vec<u8>, reader: SlicedFile) -> Result<(Vec<u8>, String), Said> {
        let mut bytes = head;
        bytes.reserve((reader.size as usize).saturating_sub(bytes.len()));
        let fingerprint = read_rest(reader, |chunk| bytes.extend_from_slice(chunk), true)?;
        Ok((bytes, fingerprint))
    }

    /// Reads the rest of the file a slice at a time, giving each to `take` and, when
    /// `posting`, posting progress: the whole file's fingerprint.
    fn read_rest(
        mut reader: SlicedFile,
        mut take: impl FnMut(&[u8]),
        posting: bool,
    ) -> Result<String, Said> {
        let mut chunk = vec![0u8; SLICE as usize];
        loop {
            let read = reader
                .read(&mut chunk)
                .map_err(|error| Said::new("import-read").arg("reason", error.to_string()))?;
            if read == 0 {
                break;
            }
            take(chunk.get(..read).unwrap_or_default());
            if !posting {
                continue;
            }
            post(&WorkerMessage::Progress {
                rows: 0,
                bytes: reader.offset() as u64,
                total: reader.size as u64,
            });
        }
        Ok(reader.fingerprint())
    }

    /// What the importer is told of the file; the collection id is set once the fingerprint
    /// is known.
    fn file_info(file: &File) -> FileInfo {
        FileInfo {
            collection_id: "file".into(),
            file_name: file.name(),
            today: today(),
        }
    }

    /// What was read from `file` (of `size` bytes, with that `fingerprint`) for "Your data".
    fn summary_of(
        imported: &Imported,
        file: &File,
        size: u64,
        fingerprint: String,
        format: ReadAs,
    ) -> ImportSummary {
        ImportSummary {
            file_name: file.name(),
            size,
            fingerprint,
            format,
            rows_read: imported.rows_read,
            rows_skipped: imported.rows_skipped,
            rows_warned: imported.rows_warned,
            problems: imported.problems.iter().map(ProblemLine::from).collect(),
            problems_not_listed: imported.problems_not_listed,
        }
    }

    /// Fills `buffer` from `reader` as far as the file goes; the count read.
    fn read_up_to(reader: &mut SlicedFile, buffer: &mut [u8]) -> Result<usize, Said> {
        let mut filled = 0;
        while let Some(rest) = buffer.get_mut(filled..).filter(|rest| !rest.is_empty()) {
            match reader.read(rest) {
                Ok(0) => break,
                Ok(read) => filled += read,
                Err(error) => return Err(Said::new("import-read").arg("reason", error.to_string())),
            }
        }
        Ok(filled)
    }

    /// An ACLED export or a UCDP GED table read row by row into a collection, posted to the
    /// page in pieces as it is read ([`posted_in_pieces`]) under a provisional id
    /// ([`provisional_source`]), and the file's fingerprint.
    fn table_collection(
        head: Vec<u8>,
        mut reader: SlicedFile,
        file: &File,
        format: Format,
    ) -> Result<(ImportSummary, Option<Blob>), Said> {
        let total = reader.size as u64;
        let source = provisional_source(file);
        let read = reader.offset_now();
        let mut progress = |at: Progress| {
            post(&WorkerMessage::Progress {
                rows: at.rows,
                bytes: at.bytes,
                total,
            })
        };
        let stream = std::io::Cursor::new(head).chain(&mut reader);
        let share = |_: &[u8]| read.get() / total.max(1) as f64;
        let (imported, label) = match format {
            Format::UcdpGed => {
                let shapes = ucdp::governorate_shapes().map_err(|error| error.said())?;
                let posted = posted_in_pieces(share, |pieces| {
                    ucdp::import_in_pieces(stream, &source, &shapes, &mut progress, pieces)
                });
                (posted?, ReadAs::Ucdp)
            }
            _ => {
                let posted = posted_in_pieces(share, |pieces| {
                    acled::import_in_pieces(stream, &source, &mut progress, pieces)
                });
                (posted?, ReadAs::Acled)
            }
        };
        let fingerprint = reader.fingerprint();
        Ok((summary_of(&imported, file, total, fingerprint, label), None))
    }

    /// What the importer is told of a file read once, whose fingerprint is known at the end:
    /// its collection is named [`PROVISIONAL_COLLECTION_ID`] meanwhile, and the page gives it
    /// the id of its fingerprint ([`collection_id_of`]) once it has it.
    fn provisional_source(file: &File) -> FileInfo {
        FileInfo {
            collection_id: PROVISIONAL_COLLECTION_ID.to_string(),
            ..file_info(file)
        }
    }

    /// The collection `import` writes in pieces as it reads the rows: every 4 MB or so of
    /// lines is posted to the page as it is written ([`WorkerMessage::Piece`], with
    /// `share(line)` of the file read by the last line, [`PostedLines`]), so the page has them
    /// checked while this reads on. The collection `import` returns holds no events.
    ///
    /// Errors: the importer's, or a collection that could not be written or handed over.
    fn posted_in_pieces(
        mut share: impl FnMut(&[u8]) -> f64,
        import: impl FnOnce(&mut PieceWriter<'_>) -> Result<Imported, ImportError>,
    ) -> Result<Imported, Said> {
        let mut posted = PostedLines::new(FIRST_POSTED_BYTES, POSTED_BYTES);
        let mut put = |line: &[u8]| posted.push(line, share(line));
        let mut pieces = PieceWriter::new(EVENTS_PER_PIECE, &mut put);
        let imported = import(&mut pieces).map_err(|error| error.said())?;
        let not_handed_over =
            |reason: String| Said::new("worker-not-handed-over").arg("reason", reason);
        pieces
            .finish()
            .map_err(|error| not_handed_over(error.to_string()))?;
        posted.finish().map_err(not_handed_over)?;
        Ok(imported)
    }

    /// Today on the reader's clock, which the core cannot read on WebAssembly.
    fn today() -> Day {
        let now = js_sys::Date::new_0();
        Day::from_ymd(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
        .unwrap_or(Day(i32::MAX / 2))
    }

    /// A collection file as it is, with what was read: the file is read through once for its
    /// fingerprint (and progress) and handed over itself, a `File` being a blob, so its bytes
    /// are never copied into this worker whole.
    fn collection_file(
        reader: SlicedFile,
        file: &File,
    ) -> Result<(ImportSummary, Option<Blob>), Said> {
        let fingerprint = read_rest(reader, |_| {}, true)?;
        let summary = ImportSummary {
            file_name: file.name(),
            size: file.size() as u64,
            fingerprint,
            format: ReadAs::Collection,
            rows_read: 0,
            rows_skipped: 0,
            rows_warned: 0,
            problems: Vec::new(),
            problems_not_listed: 0,
        };
        Ok((summary, Some(file.clone().into())))
    }

    /// A `File` read front to back in slices of [`SLICE`] bytes through `FileReaderSync`
    /// (synchronous, which only a worker may use), hashing every byte as it passes. Readers
    /// ask for far less at a time (the CSV reader's buffer is 64 KB), and each slice costs a
    /// call into the browser whatever its size (a million-row file took 22 s to read in
    /// 64 KB slices, 15 s in 4 MB ones), so a slice is fetched whole and handed out from here.
    struct SlicedFile {
        file: File,
        reader: FileReaderSync,
        size: f64,
        /// Bytes of the file fetched so far: the end of `slice`.
        fetched: f64,
        /// The slice fetched last, and how much of it was handed out.
        slice: Vec<u8>,
        taken: usize,
        /// Bytes handed out so far, for whoever reads through this reader
        /// ([`SlicedFile::offset_now`]).
        shared_offset: Rc<Cell<f64>>,
        hash: Sha256,
    }

    impl SlicedFile {
        fn new(file: &File) -> Result<SlicedFile, Said> {
            let reader = FileReaderSync::new().map_err(|_| Said::new("worker-no-file-reader"))?;
            Ok(SlicedFile {
                file: file.clone(),
                reader,
                size: file.size(),
                fetched: 0.0,
                slice: Vec::new(),
                taken: 0,
                shared_offset: Rc::default(),
                hash: Sha256::new(),
            })
        }

        /// Bytes handed out so far.
        fn offset(&self) -> f64 {
            self.fetched - (self.slice.len() - self.taken) as f64
        }

        /// The bytes handed out so far, kept up to date while another reads through this
        /// reader.
        fn offset_now(&self) -> Rc<Cell<f64>> {
            Rc::clone(&self.shared_offset)
        }

        /// SHA-256 of the bytes read so far, as lowercase hex.
        fn fingerprint(&self) -> String {
            self.hash
                .clone()
                .finalize()
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect()
        }

        /// Fetches the next slice into `slice` (left empty at the end of the file).
        fn fetch(&mut self) -> std::io::Result<()> {
            self.slice.clear();
            self.taken = 0;
            if self.fetched >= self.size {
                return Ok(());
            }
            let end = (self.fetched + SLICE).min(self.size);
            let slice = self
                .file
                .slice_with_f64_and_f64(self.fetched, end)
                .map_err(|_| std::io::Error::other("the file could not be sliced"))?;
            let buffer = self.reader.read_as_array_buffer(&slice).map_err(|_| {
                std::io::Error::other("the file could not be read (was it moved or changed?)")
            })?;
            let bytes = Uint8Array::new(&buffer);
            let length = bytes.length() as usize;
            if length as f64 > end - self.fetched {
                return Err(std::io::Error::other("the file grew while it was read"));
            }
            self.slice.resize(length, 0);
            bytes.copy_to(&mut self.slice);
            // In parts, each a call of its own: the engine compiles a function's fast code
            // only for its next call, so the first slice in one call was hashed whole by the
            // slow first code (160 ms for the first 4 MB, 30 ms later).
            for part in self.slice.chunks(HASHED_AT_ONCE) {
                self.hash.update(part);
            }
            self.fetched += length as f64;
            Ok(())
        }
    }

    impl Read for SlicedFile {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if out.is_empty() {
                return Ok(0);
            }
            if self.taken >= self.slice.len() {
                self.fetch()?;
            }
            let rest = self.slice.get(self.taken..).unwrap_or_default();
            let length = rest.len().min(out.len());
            let (Some(target), Some(source)) = (out.get_mut(..length), rest.get(..length)) else {
                return Ok(0);
            };
            target.copy_from_slice(source);
            self.taken += length;
            self.shared_offset.set(self.offset());
            Ok(length)
        }
    }

    /// Posts `message` without bytes.
    pub(crate) fn post(message: &WorkerMessage) {
        let text = serde_json::to_string(message).unwrap_or_default();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(&Array::of1(&JsValue::from_str(&text)));
    }

    /// Posts the summary, with the collection file opened as a blob (the page reads it a piece
    /// at a time, so the collection never sits whole in the page's memory); a table's lines
    /// were all posted as pieces before.
    fn post_done(summary: &ImportSummary, blob: Option<&Blob>) {
        let done = WorkerMessage::Done(summary.clone());
        match blob {
            Some(blob) => post_with_blob(&done, blob),
            None => post(&done),
        }
    }

    /// Posts `message` with `blob`, or says the page could not be given it.
    pub(crate) fn post_with_blob(message: &WorkerMessage, blob: &Blob) {
        let text = serde_json::to_string(message).unwrap_or_default();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let posted = scope.post_message(&Array::of2(&JsValue::from_str(&text), blob));
        if posted.is_err() {
            post(&WorkerMessage::Failed {
                said: Said::new("worker-not-handed-to-page"),
            });
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
