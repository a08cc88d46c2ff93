//! Fetches the bundled collection files and hands them to the core's validator.
//!
//! The HTTP status is checked before parsing: a development server answers a missing file with
//! `index.html`, which would otherwise surface as a baffling JSON error.

use gloo_net::http::Request;

use crate::core::place_names::PlaceNames;
use crate::core::validate::{self, Loaded, Problem};
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

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Network { file, reason } => {
                write!(f, "Could not download {file}: {reason}")
            }
            LoadError::Status { file, status, text } => {
                write!(f, "The server answered {status} {text} for {file}")
            }
            LoadError::Rejected { problems } => match problems.first() {
                Some(first) => write!(f, "{} was rejected", first.file),
                None => write!(f, "The dataset was rejected"),
            },
        }
    }
}

/// Downloads and validates one collection file: its gzip copy (`FILE.gz`) when the browser can
/// decompress it, else the file itself. Whatever goes wrong with the copy (not deployed, a
/// server error, a page instead of the file, damaged bytes), the file itself is tried; its
/// error is the one reported when that fails too.
pub async fn load_file(file: &str) -> Result<Loaded, LoadError> {
    let bytes = match packed_copy(file).await {
        Some(bytes) => bytes,
        None => fetch_bytes(file).await?,
    };
    validate::load(file, &bytes).map_err(|problems| LoadError::Rejected { problems })
}

/// Downloads the gazetteer of Arabic place names, from its gzip copy when the browser can
/// decompress it. Without it the explorer still works, every place under its source's
/// spelling: the reason goes to the console and the gazetteer is empty.
pub async fn load_place_names() -> PlaceNames {
    let bytes = match packed_copy(PLACE_NAMES).await {
        Some(bytes) => Ok(bytes),
        None => fetch_bytes(PLACE_NAMES)
            .await
            .map_err(|error| error.to_string()),
    };
    match bytes.and_then(|bytes| PlaceNames::from_json(&bytes)) {
        Ok(names) => names,
        Err(error) => {
            leptos::logging::warn!("Arabic place names not loaded: {error}");
            PlaceNames::default()
        }
    }
}

/// The bytes of `file` from its gzip copy, decompressed; `None` when the browser cannot
/// decompress or the copy did not give a JSON document.
async fn packed_copy(file: &str) -> Option<Vec<u8>> {
    if !gunzip::supported() {
        return None;
    }
    let bytes = fetch_bytes(&format!("{file}.gz")).await.ok()?;
    if gunzip::is_gzip(&bytes) {
        return gunzip::gunzip(&bytes).await.ok();
    }
    // Decoded on the way by a server that labels `.gz` as an encoding, or a page the server
    // answers every unknown address with: only the first is a JSON document.
    let document = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{');
    document.then_some(bytes)
}

/// The body of `file`, refused unless the server answered 2xx.
async fn fetch_bytes(file: &str) -> Result<Vec<u8>, LoadError> {
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
    response.binary().await.map_err(|error| LoadError::Network {
        file: file.to_string(),
        reason: error.to_string(),
    })
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
