//! Fetches the bundled collection files and hands them to the core's validator.
//!
//! The HTTP status is checked before parsing: a development server answers a missing file with
//! `index.html`, which would otherwise surface as a baffling JSON error.

use gloo_net::http::Request;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::i18n::Said;
use crate::core::place_names::PlaceNames;
use crate::core::validate::{self, LoadSteps, Loaded, Problem};
use crate::ui::adding::Slices;
use crate::ui::gunzip;

/// The files the app ships, in the order they are shown.
pub const BUNDLED: &[&str] = &["data/curated.json", "data/ucdp.json"];

/// The gazetteer of Arabic place names (see [`crate::core::place_names`]).
pub const PLACE_NAMES: &str = "gazetteer/place-names.json";

/// Why loading failed, in words for the error panel.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Network {
        file: String,
        reason: String,
    },
    Status {
        file: String,
        status: u16,
        text: String,
    },
    Rejected {
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The sentence as a message of the catalogues (the browser's own words about a failed
    /// download kept as it writes them).
    pub fn said(&self) -> Said {
        match self {
            LoadError::Network { file, reason } => Said::new("load-network")
                .arg("file", file.clone())
                .arg("reason", reason.clone()),
            LoadError::Status { file, status, text } => Said::new("load-status")
                .arg("file", file.clone())
                .arg("status", format!("{status} {text}").trim_end().to_string()),
            LoadError::Rejected { problems } => match problems.first() {
                Some(first) => Said::new("load-rejected").arg("file", first.file.clone()),
                None => Said::new("load-rejected-any"),
            },
        }
    }
}

/// The sentence in English, as the English catalogue words it.
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().english())
    }
}

/// Downloads and validates one collection file: its gzip copy (`FILE.gz`) when the browser can
/// decompress it, else the file itself. Whatever goes wrong with the copy (not deployed, a
/// server error, a page instead of the file, damaged bytes), the file itself is tried; its
/// error is the one reported when that fails too.
pub async fn load_file(file: &str) -> Result<Loaded, LoadError> {
    let loaded = match packed_copy(file).await {
        // Read a line at a time (the copy holds the collection in pieces), so the file's bytes
        // never sit in WebAssembly's memory, which never shrinks, beside its records; a copy
        // that is one document, or that is rejected, is read whole, which words the rejection.
        Some(array) => match load_lines_in_slices(file, JsLines::counted(array.clone())).await {
            Ok(loaded) => Ok(loaded),
            Err(_) => validate::load(file, &array.to_vec()),
        },
        None => validate::load(file, &fetch_bytes(file).await?.to_vec()),
    };
    loaded.map_err(|problems| LoadError::Rejected { problems })
}

/// [`validate::load_lines`] in slices of the page's thread: the header, then the pieces (a
/// thousand events each in a bundled collection), pausing for the browser between them when a
/// slice has had its time. Checking the UCDP collection at once held the page for some 170 ms
/// on every visit.
///
/// Errors: as [`validate::load_lines`].
async fn load_lines_in_slices(file: &str, mut lines: JsLines) -> Result<Loaded, Vec<Problem>> {
    let header = lines.next().unwrap_or_default();
    let mut steps = LoadSteps::start(file, &header)?;
    while !steps.step(usize::MAX)? {}
    steps.expect_pieces(lines.size_hint().0);
    let mut slices = Slices::new();
    for line in lines {
        steps.check_piece(&line)?;
        if slices.due() {
            slices.pause().await;
        }
    }
    steps.finish()
}

/// Bytes copied from the browser's memory into WebAssembly's at a time.
const WINDOW: u32 = 1 << 20;

/// The lines of a buffer in the browser's memory, each without its line break, copied into
/// WebAssembly's memory a window at a time as they are read.
pub struct JsLines {
    array: Uint8Array,
    /// Where the next window begins in `array`.
    next: u32,
    /// The window being read, and where in it.
    window: Vec<u8>,
    at: usize,
    /// Lines not given yet: the exact [`Iterator::size_hint`], from which the reader reserves
    /// room for every event at once; `None` when not counted (see [`JsLines::new`]).
    left: Option<usize>,
}

impl JsLines {
    /// The lines of `array`, counted first (one pass over it) so that
    /// [`Iterator::size_hint`] is exact.
    fn counted(array: Uint8Array) -> JsLines {
        let left = count_lines(&array);
        JsLines {
            left: Some(left),
            ..JsLines::new(array)
        }
    }

    /// The lines of `array`, not counted: [`Iterator::size_hint`] says nothing, and no pass
    /// over the whole buffer is made before the first line is given.
    fn new(array: Uint8Array) -> JsLines {
        JsLines {
            array,
            next: 0,
            window: Vec::new(),
            at: 0,
            left: None,
        }
    }

    /// Bytes of the buffer given as lines so far, their line breaks included.
    pub fn consumed(&self) -> usize {
        (self.next as usize).saturating_sub(self.window.len().saturating_sub(self.at))
    }

    /// Bytes in the whole buffer.
    pub fn total(&self) -> usize {
        self.array.length() as usize
    }
}

/// How many lines [`JsLines`] gives for `array`: one per line break, and one more for bytes
/// after the last. Read a window at a time, as the lines are.
fn count_lines(array: &Uint8Array) -> usize {
    let length = array.length();
    let mut window = Vec::new();
    let mut lines = 0;
    let mut last = b'\n';
    let mut start = 0;
    while start < length {
        let end = start.saturating_add(WINDOW).min(length);
        window.resize((end - start) as usize, 0);
        array.subarray(start, end).copy_to(&mut window);
        lines += window.iter().filter(|&&b| b == b'\n').count();
        last = window.last().copied().unwrap_or(last);
        start = end;
    }
    lines + usize::from(last != b'\n')
}

impl Iterator for JsLines {
    type Item = Vec<u8>;

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self.left {
            Some(left) => (left, Some(left)),
            None => (0, None),
        }
    }

    fn next(&mut self) -> Option<Vec<u8>> {
        self.left = self.left.map(|left| left.saturating_sub(1));
        let mut line = Vec::new();
        loop {
            let rest = self.window.get(self.at..).unwrap_or_default();
            if rest.is_empty() {
                let length = self.array.length();
                if self.next >= length {
                    return (!line.is_empty()).then_some(line);
                }
                let end = self.next.saturating_add(WINDOW).min(length);
                self.window = self.array.subarray(self.next, end).to_vec();
                self.next = end;
                self.at = 0;
                continue;
            }
            match rest.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    line.extend_from_slice(rest.get(..end).unwrap_or_default());
                    self.at += end + 1;
                    return Some(line);
                }
                None => {
                    line.extend_from_slice(rest);
                    self.at = self.window.len();
                }
            }
        }
    }
}

/// Downloads the gazetteer of Arabic place names, from its gzip copy when the browser can
/// decompress it: the gazetteer, and its JSON in the browser's memory (for a worker that
/// builds tables with the same names, [`crate::ui::check_client`]). Without it the explorer
/// still works, every place under its source's spelling: the reason goes to the console, the
/// gazetteer is empty and there are no bytes.
pub async fn load_place_names() -> (PlaceNames, Option<Uint8Array>) {
    let array = match packed_copy(PLACE_NAMES).await {
        Some(array) => Ok(array),
        None => fetch_bytes(PLACE_NAMES)
            .await
            .map_err(|error| error.to_string()),
    };
    match array.and_then(|array| Ok((PlaceNames::from_json(&array.to_vec())?, array))) {
        Ok((names, array)) => (names, Some(array)),
        Err(error) => {
            leptos::logging::warn!("Arabic place names not loaded: {error}");
            (PlaceNames::default(), None)
        }
    }
}

/// The bytes of `file` from its gzip copy, decompressed, in the browser's memory; `None` when
/// the browser cannot decompress or the copy did not give a JSON document.
async fn packed_copy(file: &str) -> Option<Uint8Array> {
    if !gunzip::supported() {
        return None;
    }
    let bytes = fetch_bytes(&format!("{file}.gz")).await.ok()?;
    if gunzip::is_gzip(&bytes) {
        return gunzip::gunzip(&bytes).await.ok();
    }
    // Decoded on the way by a server that labels `.gz` as an encoding, or a page the server
    // answers every unknown address with: only the first is a JSON document.
    let start = bytes.subarray(0, bytes.length().min(1024)).to_vec();
    let document = start
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&start)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{');
    document.then_some(bytes)
}

/// The body of `file`, in the browser's memory, refused unless the server answered 2xx.
async fn fetch_bytes(file: &str) -> Result<Uint8Array, LoadError> {
    let response = Request::get(file)
        .send()
        .await
        .map_err(|error| LoadError::Network {
            file: file.to_string(),
            reason: error.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadError::Status {
            file: file.to_string(),
            status: response.status(),
            text: response.status_text(),
        });
    }
    let network = |error: JsValue| LoadError::Network {
        file: file.to_string(),
        reason: error
            .as_string()
            .or_else(|| {
                error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "the download failed".to_string()),
    };
    let response = web_sys::Response::from(response);
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?)
        .await
        .map_err(network)?;
    Ok(Uint8Array::new(&buffer))
}

/// Loads every bundled file; one failure fails the whole, so that the counts never silently
/// leave a collection out.
pub async fn load_bundled() -> Result<Vec<Loaded>, LoadError> {
    let mut loaded = Vec::with_capacity(BUNDLED.len());
    for file in BUNDLED {
        loaded.push(load_file(file).await?);
    }
    Ok(loaded)
}
