//! A reader's own file in a link. A file the reader opens becomes a collection that only their
//! device has, so a link to a view of it carries, beside `c=`, one `file=` item per file
//! collection in view: its collection id, the rows read from the file, the events it added and
//! the file's name ([`FileLabel`], written by the codec in `core::query`). A device without the
//! file reads them back into [`MissingFile`]s to say which file the link shows; the link as it
//! arrived is kept as a [`PendingLink`] until the reader opens that file, and then it is the
//! view shown, its filters included.
//!
//! An item reads `<collection id>:<rows read>:<events>:<name>`: the id holds no `:`, so the name
//! comes last and may hold any character. The codec percent-encodes the item (`,` and `&` in a
//! name included) and keeps `:` as it is.

use super::query::ViewState;
use super::validate::is_collection_id;

/// The longest file name a link holds, in bytes of UTF-8: a longer one is cut on a character
/// boundary and ends with `…`.
pub const MAX_FILE_NAME_BYTES: usize = 240;

/// Hex digits of the file's SHA-256 fingerprint in the id of a collection the page imported
/// (`file-` and these).
pub const FINGERPRINT_DIGITS: usize = 12;

/// What a link says of one of the reader's files, under its collection id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileLabel {
    /// Rows read from the file (records of a collection file).
    pub rows: u64,
    /// Events the file added to the explorer.
    pub events: u64,
    /// The file's name as the reader's system gave it, as [`FileLabel::new`] keeps it.
    name: String,
}

impl FileLabel {
    /// The label of a file named `name`: without control characters and surrounding
    /// whitespace, cut to [`MAX_FILE_NAME_BYTES`]. `None` when nothing of the name is left.
    pub fn new(rows: u64, events: u64, name: &str) -> Option<FileLabel> {
        let name = link_name(name);
        (!name.is_empty()).then_some(FileLabel { rows, events, name })
    }

    /// The file's name (at most [`MAX_FILE_NAME_BYTES`]; never empty).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The item of `file=` for the collection `id`, before percent-encoding.
    pub fn item(&self, id: &str) -> String {
        format!("{id}:{}:{}:{}", self.rows, self.events, self.name)
    }

    /// Reads an item of `file=` (percent-decoded): the collection id and its label. `None`
    /// when it is not `<collection id>:<rows>:<events>:<name>`.
    pub fn parse(item: &str) -> Option<(String, FileLabel)> {
        let mut parts = item.splitn(4, ':');
        let id = parts.next().filter(|id| is_collection_id(id))?;
        let rows = parts.next().and_then(count)?;
        let events = parts.next().and_then(count)?;
        let label = FileLabel::new(rows, events, parts.next()?)?;
        Some((id.to_string(), label))
    }
}

/// A count as a link writes it: ASCII digits only.
fn count(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `name` as a link holds it; the same name again gives itself.
fn link_name(name: &str) -> String {
    let printable: String = name.chars().filter(|c| !c.is_control()).collect();
    let trimmed = printable.trim();
    if trimmed.len() <= MAX_FILE_NAME_BYTES {
        return trimmed.to_string();
    }
    let limit = MAX_FILE_NAME_BYTES - '…'.len_utf8();
    let cut = (0..=limit)
        .rev()
        .find(|&at| trimmed.is_char_boundary(at))
        .unwrap_or(0);
    format!("{}…", trimmed.get(..cut).unwrap_or_default())
}

/// The first hex digits of the fingerprint that a collection id `file-<hex>` comes from, in
/// lowercase; `None` for other ids (a collection file keeps the id written in it).
pub fn fingerprint_of(collection_id: &str) -> Option<String> {
    let digits = collection_id.get(..5).and_then(|prefix| {
        prefix
            .eq_ignore_ascii_case("file-")
            .then(|| collection_id.get(5..))
            .flatten()
    })?;
    (digits.len() == FINGERPRINT_DIGITS && digits.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| digits.to_ascii_lowercase())
}

/// A file collection a link shows that is not open on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingFile {
    /// The collection id, as the link writes it.
    pub id: String,
    /// What the link says of the file; `None` for a link that names only the collection.
    pub label: Option<FileLabel>,
}

impl MissingFile {
    /// The first hex digits of the file's SHA-256 fingerprint, when the id comes from it.
    pub fn fingerprint(&self) -> Option<String> {
        fingerprint_of(&self.id)
    }
}

/// The files of `state` (a link as decoded, before the one rule) that are not among the
/// `loaded` collection ids (matched without regard to ASCII case), in the order of their ids:
/// each labelled collection in view (named in `c`, or any when `c` names none), and each
/// `file-<fingerprint>` collection of `c` without a label.
pub fn missing_files(state: &ViewState, loaded: &[String]) -> Vec<MissingFile> {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let is_loaded = |id: &str| loaded.iter().any(|known| same(known, id));
    let in_view =
        |id: &str| state.collections.is_empty() || state.collections.iter().any(|c| same(c, id));
    let mut missing: Vec<MissingFile> = state
        .files
        .iter()
        .filter(|(id, _)| in_view(id) && !is_loaded(id))
        .map(|(id, label)| MissingFile {
            id: id.clone(),
            label: Some(label.clone()),
        })
        .collect();
    for id in &state.collections {
        let named = missing.iter().any(|file| same(&file.id, id));
        if !named && !is_loaded(id) && fingerprint_of(id).is_some() {
            missing.push(MissingFile {
                id: id.clone(),
                label: None,
            });
        }
    }
    missing.sort_by(|a, b| a.id.cmp(&b.id));
    missing
}

/// A link that arrived naming files this device does not have: kept as it came, to be shown
/// once the reader opens them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLink {
    /// The link's query string, without its `?`.
    pub query: String,
    /// Its files still missing here; never empty while the link is pending.
    pub missing: Vec<MissingFile>,
    /// The last file the reader opened that is not one of them: its name and the collection
    /// it became.
    pub other: Option<(String, String)>,
}

/// What opening a file did to a [`PendingLink`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// It was one of the link's files: show the link (its query string); `settled` when no
    /// file of the link is missing any more.
    LinksFile { query: String, settled: bool },
    /// Another file: the link's files are still missing.
    Other,
}

impl PendingLink {
    /// The link `query` (with or without its `?`) when it shows files that are not among the
    /// `loaded` collection ids; `None` when it shows none.
    pub fn of(query: &str, loaded: &[String]) -> Option<PendingLink> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let (state, _) = super::query::decode(query);
        let missing = missing_files(&state, loaded);
        (!missing.is_empty()).then(|| PendingLink {
            query: query.to_string(),
            missing,
            other: None,
        })
    }

    /// The reader opened `file_name`, which became the collection `collection_id`.
    pub fn opened(&mut self, collection_id: &str, file_name: &str) -> Opened {
        let before = self.missing.len();
        self.missing
            .retain(|file| !file.id.eq_ignore_ascii_case(collection_id));
        if self.missing.len() == before {
            self.other = Some((file_name.to_string(), collection_id.to_string()));
            return Opened::Other;
        }
        self.other = None;
        Opened::LinksFile {
            query: self.query.clone(),
            settled: self.missing.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query::{decode, encode};

    const ID: &str = "file-3f9a0c1d2e4b";

    fn label(rows: u64, events: u64, name: &str) -> FileLabel {
        FileLabel::new(rows, events, name).unwrap_or_else(|| panic!("no label for {name:?}"))
    }

    #[test]
    fn an_item_reads_back_as_written() {
        let written = label(48_211, 48_190, "ACLED Syria 2023.csv");
        let item = written.item(ID);
        assert_eq!(item, "file-3f9a0c1d2e4b:48211:48190:ACLED Syria 2023.csv");
        assert_eq!(FileLabel::parse(&item), Some((ID.to_string(), written)));
        // A name may hold the separator: it comes last.
        let colon = label(1, 1, "a:b:c.csv");
        assert_eq!(
            FileLabel::parse(&colon.item(ID)).map(|(_, l)| l),
            Some(colon)
        );
    }

    #[test]
    fn malformed_items_are_refused() {
        for item in [
            "",
            "file-3f9a0c1d2e4b",
            "file-3f9a0c1d2e4b:1:2",
            "file-3f9a0c1d2e4b:1:2:",
            "file-3f9a0c1d2e4b:1:2:   ",
            "file-3f9a0c1d2e4b:-1:2:x",
            "file-3f9a0c1d2e4b:+1:2:x",
            "file-3f9a0c1d2e4b:1:99999999999999999999:x",
            "file-3f9a0c1d2e4b:1: 2:x",
            ":1:2:x",
            "bad id:1:2:x",
            "<b>:1:2:x",
            &format!("{}:1:2:x", "a".repeat(201)),
        ] {
            assert_eq!(FileLabel::parse(item), None, "{item:?}");
        }
    }

    #[test]
    fn names_are_kept_printable_and_capped() {
        assert_eq!(label(1, 1, "  a\u{0}b\nc.csv\t").name(), "abc.csv");
        let long = "ملف ".repeat(200);
        let capped = label(1, 1, &long);
        assert!(capped.name().len() <= MAX_FILE_NAME_BYTES);
        assert!(capped.name().ends_with('…'));
        assert!(long.starts_with(capped.name().trim_end_matches('…')));
        // The same name again gives itself.
        assert_eq!(label(1, 1, capped.name()), capped);
        let exact = "x".repeat(MAX_FILE_NAME_BYTES);
        assert_eq!(label(1, 1, &exact).name(), exact);
        // Bidi controls are kept (the page isolates the name): they are not control characters
        // in Unicode's sense, and a name may need them.
        assert_eq!(label(1, 1, "\u{202E}vsc.exe").name(), "\u{202E}vsc.exe");
        assert_eq!(FileLabel::new(1, 1, "\u{7}\u{1b}"), None);
    }

    #[test]
    fn a_fingerprint_comes_from_a_file_id_only() {
        assert_eq!(fingerprint_of(ID).as_deref(), Some("3f9a0c1d2e4b"));
        assert_eq!(
            fingerprint_of("FILE-3F9A0C1D2E4B").as_deref(),
            Some("3f9a0c1d2e4b")
        );
        for id in [
            "mine",
            "file-",
            "file-3f9a",
            "file-3f9a0c1d2e4bb",
            "file-3f9a0c1d2e4g",
        ] {
            assert_eq!(fingerprint_of(id), None, "{id}");
        }
        assert_eq!(fingerprint_of("filé-3f9a0c1d2e4"), None);
    }

    #[test]
    fn the_files_a_link_shows_and_this_device_lacks() {
        let loaded = [
            "curated".to_string(),
            "ucdp".to_string(),
            "FILE-AAAAAAAAAAAA".into(),
        ];
        let hostile = label(8, 5, "acled, 2023 & more %.csv");
        let state = ViewState {
            collections: [
                ID,
                "file-aaaaaaaaaaaa",
                "file-bbbbbbbbbbbb",
                "gone",
                "curated",
            ]
            .map(String::from)
            .into(),
            files: [
                (ID.to_string(), hostile.clone()),
                ("file-aaaaaaaaaaaa".to_string(), label(1, 1, "open.csv")),
            ]
            .into(),
            ..ViewState::default()
        };
        // As a link carries it.
        let state = decode(&encode(&state)).0;
        let missing = missing_files(&state, &loaded);
        assert_eq!(
            missing,
            [
                MissingFile {
                    id: ID.into(),
                    label: Some(hostile),
                },
                MissingFile {
                    id: "file-bbbbbbbbbbbb".into(),
                    label: None,
                },
            ]
        );
        assert_eq!(missing[0].fingerprint().as_deref(), Some("3f9a0c1d2e4b"));
        // A label for a collection the view leaves out is not the view's.
        let narrow = decode(&format!("c=curated&file={}", label(1, 1, "x").item(ID))).0;
        assert!(missing_files(&narrow, &loaded).is_empty());
        // With no `c`, every labelled file is in view.
        let all = decode(&format!("file={}", label(1, 1, "x").item(ID))).0;
        assert_eq!(missing_files(&all, &loaded).len(), 1);
        assert!(missing_files(&decode("c=curated&q=x").0, &loaded).is_empty());
    }

    #[test]
    fn a_pending_link_is_shown_once_its_file_is_open() {
        let link = format!(
            "?c={ID}&file={}&type=Battles",
            label(8, 5, "acled.csv").item(ID)
        );
        assert_eq!(PendingLink::of(&link, &[ID.to_string()]), None);
        let Some(mut pending) = PendingLink::of(&link, &["curated".to_string()]) else {
            panic!("the link's file is not loaded");
        };
        assert_eq!(pending.query, link.trim_start_matches('?'));
        assert_eq!(
            pending.opened("file-000000000000", "other.csv"),
            Opened::Other
        );
        assert_eq!(
            pending.other,
            Some(("other.csv".to_string(), "file-000000000000".to_string()))
        );
        assert_eq!(pending.missing.len(), 1);
        assert_eq!(
            pending.opened(&ID.to_uppercase(), "acled.csv"),
            Opened::LinksFile {
                query: pending.query.clone(),
                settled: true
            }
        );
        assert_eq!(pending.other, None);
        // The link once its file is open: the same view, its filter included.
        let (state, notices) = decode(&pending.query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(encode(&state), pending.query);
    }
}
