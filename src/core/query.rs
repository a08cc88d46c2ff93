//! The URL codec: every piece of view state lives in the query string, so a link reproduces
//! exactly what its sender saw and the browser's Back button undoes a change. [`encode`] writes a
//! canonical form (fixed parameter order, sorted list values, defaults omitted), so equal states
//! give equal URLs. [`decode`] is lenient because URLs get truncated by chat apps, edited by
//! hand and kept across releases: an unknown parameter or an invalid value is dropped with a
//! [`Notice`] for the reader and the rest still applies; it never panics on any input.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::aggregate::{Interval, Metric, SortKey};
use super::chart_table::ChartPanel;
use super::date::Day;
use super::facet::Facet;
use super::file_link::{fingerprint_of, FileLabel};
use super::filter::{ActorRole, CasualtyFilter, Filter};
use super::i18n::{label_key, Lang, Said};
use super::table::{bit32, EventTable};
use super::vocab::{Actor, EventKind, Governorate, Publisher};

/// Longest value accepted: the search text is cut to it, other values are refused.
pub const MAX_VALUE_BYTES: usize = 2_000;
/// Longest event id accepted in `sel`.
pub const MAX_SELECTION_BYTES: usize = 200;
/// Longest collection id accepted in `c` (the validator's limit for ids).
pub const MAX_COLLECTION_BYTES: usize = 200;
/// Notices beyond this many are summarised in one, so a hostile URL cannot flood the page.
pub const MAX_NOTICES: usize = 20;

/// Which part of the app is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum View {
    #[default]
    List,
    Figures,
    Map,
    About,
}

impl View {
    pub const ALL: &'static [View] = &[View::List, View::Figures, View::Map, View::About];

    pub fn id(self) -> &'static str {
        match self {
            View::List => "list",
            View::Figures => "figures",
            View::Map => "map",
            View::About => "about",
        }
    }

    pub fn from_id(id: &str) -> Option<View> {
        Self::ALL.iter().copied().find(|v| v.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            View::List => "Events",
            View::Figures => "Reported figures",
            View::Map => "Map",
            View::About => "About",
        }
    }
}

/// Adds `item` to a filter set, or removes it when present: what a click on an option does.
pub fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

/// Everything the URL holds. `Default` is the state of a bare URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// Collection ids; whether they are loaded is for the UI to check.
    pub collections: BTreeSet<String>,
    /// The reader's own files in view, by collection id: what a link says of each, so that a
    /// device without one can say which file it shows (`core::file_link`). A link's labels
    /// describe the sender's files: [`ViewState::reconcile`] drops them and
    /// [`ViewState::label_files`] writes those of the files open here.
    pub files: BTreeMap<String, FileLabel>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub actors: BTreeSet<Actor>,
    pub actor_role: ActorRole,
    pub kinds: BTreeSet<EventKind>,
    pub governorates: BTreeSet<Governorate>,
    pub publishers: BTreeSet<Publisher>,
    pub casualty: Option<CasualtyFilter>,
    /// Per [`Facet`], the selected values as the data spells them (after
    /// [`ViewState::reconcile`]).
    pub facets: [BTreeSet<String>; Facet::COUNT],
    /// Search text as typed.
    pub text: String,
    pub sort: SortKey,
    pub metric: Metric,
    pub interval: Interval,
    /// Timeline stacked by actor (default) or a single series.
    pub stacked: bool,
    /// The charts shown as tables instead of pictures (`table=timeline,gov`).
    pub tables: BTreeSet<ChartPanel>,
    /// Id of the event whose details are open; whether it exists is for the UI to check.
    pub selected: Option<String>,
    pub view: View,
    /// 0-based page of the event list (the address numbers pages from 1, as the screen does).
    pub page: u32,
    /// The interface's language as the link or the reader chose it (`lang=ar`); `None`
    /// follows the browser's preferred language.
    pub lang: Option<Lang>,
}

impl Default for ViewState {
    fn default() -> ViewState {
        ViewState {
            collections: BTreeSet::new(),
            files: BTreeMap::new(),
            from: None,
            to: None,
            actors: BTreeSet::new(),
            actor_role: ActorRole::Any,
            kinds: BTreeSet::new(),
            governorates: BTreeSet::new(),
            publishers: BTreeSet::new(),
            casualty: None,
            facets: Default::default(),
            text: String::new(),
            sort: SortKey::DateDesc,
            metric: Metric::Events,
            interval: Interval::Month,
            stacked: true,
            tables: BTreeSet::new(),
            selected: None,
            view: View::List,
            page: 0,
            lang: None,
        }
    }
}

impl ViewState {
    /// The filter this state asks of `table`. Selected collections that are not loaded, or
    /// beyond the 32 a mask holds, are left out of the mask; if none remains, collections are
    /// not constrained. A selected facet value that no loaded event has stays a constraint that
    /// matches nothing (an id past the facet's dictionary): the reader asked for it, and an
    /// empty list says so better than all events would.
    pub fn filter(&self, table: &EventTable) -> Filter {
        let collections = self
            .collections
            .iter()
            .filter_map(|id| table.collection_ids.iter().position(|known| known == id))
            .fold(0u32, |mask, index| mask | bit32(index));
        let facets = std::array::from_fn(|at| {
            let dictionary = &table.facets[at].dictionary;
            let mut ids: Vec<u32> = self.facets[at]
                .iter()
                .map(|value| dictionary.id(value).unwrap_or(u32::MAX))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        });
        Filter {
            from: self.from,
            to: self.to,
            actors: mask(self.actors.iter().map(|a| a.index())),
            actor_role: self.actor_role,
            kinds: mask(self.kinds.iter().map(|k| k.index())),
            governorates: u16::try_from(mask(self.governorates.iter().map(|g| g.index())))
                .unwrap_or(u16::MAX),
            collections,
            publishers: mask(self.publishers.iter().map(|p| p.index())),
            casualty: self.casualty,
            text: self.text.clone(),
            facets,
        }
    }
}

/// Rows per page of the event list: a screen or two of reading, and few enough to build
/// within a frame.
pub const PAGE_SIZE: usize = 25;

/// The first year a date typed in the form is taken at: while a year is typed digit by digit
/// the field holds years 0002, 0020, 0201 on the way to 2019, and those are not dates anyone
/// means (a link may still name them).
pub const FIRST_TYPED_YEAR: i32 = 1000;

/// What a date field of the form holds as the reader types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedDate {
    /// Cleared, or not a whole date yet: the filter is removed.
    Empty,
    /// A whole date whose year is still being typed (before [`FIRST_TYPED_YEAR`]): the state
    /// is left as it is.
    Typing,
    Day(Day),
}

impl TypedDate {
    /// Reads the value of an `<input type="date">` (`YYYY-MM-DD`, or empty).
    pub fn read(value: &str) -> TypedDate {
        match Day::parse(value) {
            Ok(day) if day.year() < FIRST_TYPED_YEAR => TypedDate::Typing,
            Ok(day) => TypedDate::Day(day),
            Err(_) => TypedDate::Empty,
        }
    }
}

impl ViewState {
    /// The rule every new state goes through, however it came (a link, Back and Forward, the
    /// form, a click on a chart or a figure), so that a live view and its link never differ:
    ///
    /// - `from` after `to`: the two dates are swapped;
    /// - collections are matched to the loaded ones (`table.collection_ids`) without regard to
    ///   ASCII case and written as loaded; ids that match none are dropped;
    /// - facet values (actor names, districts, places, sources) are matched to the values of
    ///   the loaded events without regard to case and written as the data spells them; values
    ///   no loaded event has are dropped;
    /// - what a link cannot hold is left out: a facet's values past [`MAX_VALUE_BYTES`]
    ///   together, a search text past it (cut), as [`decode`] would refuse or cut them;
    /// - the labels of files (`files`) are dropped, without a notice: they say what the
    ///   sender's files were, and [`ViewState::label_files`] writes this device's.
    ///
    /// Returns a notice for each change. A state that needs none is left as it is.
    pub fn reconcile(&mut self, table: &EventTable) -> Vec<Notice> {
        let collection_ids = &table.collection_ids;
        let mut notices = Notices::default();
        self.files.clear();
        order_dates(self, &mut notices);
        for facet in Facet::ALL {
            let dictionary = &table.facets[facet.index()].dictionary;
            let asked = std::mem::take(&mut self.facets[facet.index()]);
            let mut unknown = Vec::new();
            for value in asked {
                match dictionary.find(&value).and_then(|id| dictionary.value(id)) {
                    Some(known) => {
                        self.facets[facet.index()].insert(known.to_string());
                    }
                    None => unknown.push(format!("“{}”", shorten(&value))),
                }
            }
            if !unknown.is_empty() {
                let values = unknown.join(", ");
                let said = Said::new("notice-no-event-has")
                    .arg_key("expects", label_key("expects", facet.id()))
                    .arg("values", values.clone());
                notices.push_said(
                    facet.id(),
                    format!("No loaded event has {} {values}; ignored", facet.expects()),
                    Some(said),
                );
            }
            // What a link can hold: more would be refused when the link is opened, and the
            // view would not be the link's.
            let mut used = 0;
            let mut left_out = 0;
            self.facets[facet.index()].retain(|value| {
                let after = if used == 0 {
                    value.len()
                } else {
                    used + 1 + value.len()
                };
                let fits = after <= MAX_VALUE_BYTES;
                if fits {
                    used = after;
                } else {
                    left_out += 1;
                }
                fits
            });
            if left_out > 0 {
                notices.push_said(
                    facet.id(),
                    format!(
                        "A link holds at most {MAX_VALUE_BYTES} bytes of “{}” values; {left_out} \
                         were left out",
                        facet.id()
                    ),
                    Some(
                        Said::new("notice-list-cut")
                            .arg("limit", MAX_VALUE_BYTES.to_string())
                            .arg("param", facet.id())
                            .arg("n", left_out.to_string()),
                    ),
                );
            }
        }
        if self.text.len() > MAX_VALUE_BYTES {
            cut_to(&mut self.text, MAX_VALUE_BYTES);
            search_cut(&mut notices);
        }
        let mut unknown = Vec::new();
        let collections = std::mem::take(&mut self.collections);
        for id in collections {
            match collection_ids
                .iter()
                .find(|known| known.eq_ignore_ascii_case(&id))
            {
                Some(known) => {
                    self.collections.insert(known.clone());
                }
                None => unknown.push(id),
            }
        }
        if !unknown.is_empty() {
            let named = unknown
                .iter()
                .map(|id| format!("“{}”", shorten(id)))
                .collect::<Vec<_>>()
                .join(", ");
            let loaded = collection_ids.join(", ");
            // A reader's own file (`file-` and 12 hex digits of its fingerprint): the page says
            // which file it is, from the link (`core::file_link`).
            let own_file = unknown.iter().any(|id| fingerprint_of(id).is_some());
            let own = if own_file {
                ". A “file-” collection is a file opened on another device: open the same file \
                 here to see this view"
            } else {
                ""
            };
            let key = if own_file {
                "notice-no-collection-file"
            } else {
                "notice-no-collection"
            };
            let said = Said::new(key)
                .arg("named", named.clone())
                .arg("loaded", loaded.clone());
            notices.push_said(
                "c",
                format!("No collection {named} is loaded (loaded: {loaded}); ignored{own}"),
                Some(said),
            );
        }
        notices.finish()
    }

    /// Labels the reader's files in view (after [`ViewState::reconcile`]): of the files open on
    /// this device (`opened`, by collection id), each loaded collection that `collections`
    /// names, or every loaded one when it names none. Labels that would take `file=` past
    /// [`MAX_VALUE_BYTES`] are left out, as [`decode`] would refuse them; the rest stay.
    pub fn label_files(&mut self, table: &EventTable, opened: &BTreeMap<String, FileLabel>) {
        self.files.clear();
        let mut used = 0;
        for (id, label) in opened {
            let loaded = table.collection_ids.contains(id);
            let in_view = self.collections.is_empty() || self.collections.contains(id);
            if !loaded || !in_view {
                continue;
            }
            let bytes = label.item(id).len();
            let after = if used == 0 { bytes } else { used + 1 + bytes };
            if after <= MAX_VALUE_BYTES {
                used = after;
                self.files.insert(id.clone(), label.clone());
            }
        }
    }

    /// The last page of a list of `rows` (0-based; 0 for an empty list).
    pub fn last_page(rows: usize) -> u32 {
        u32::try_from(rows.div_ceil(PAGE_SIZE).saturating_sub(1)).unwrap_or(u32::MAX)
    }

    /// Brings `page` back to the last page of a list of `rows` when it is beyond it, with a
    /// notice; `None` when it already shows rows.
    pub fn clamp_page(&mut self, rows: usize) -> Option<Notice> {
        let last = Self::last_page(rows);
        if self.page <= last {
            return None;
        }
        let asked = u64::from(self.page) + 1;
        self.page = last;
        let pages = u64::from(last) + 1;
        let plural = if pages == 1 { "" } else { "s" };
        Some(Notice {
            param: "page".to_string(),
            message: format!(
                "There is no page {asked}: the list has {pages} page{plural}, and the last is shown"
            ),
            said: Some(
                Said::new("notice-no-page")
                    .arg("asked", asked.to_string())
                    .arg_number("count", pages)
                    .arg("n", pages.to_string()),
            ),
        })
    }
}

fn mask(indexes: impl Iterator<Item = usize>) -> u32 {
    indexes.fold(0, |mask, index| mask | bit32(index))
}

/// Something in the URL that was ignored or changed, said for a reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The parameter concerned, as it appeared (shortened if very long).
    pub param: String,
    /// The sentence in English.
    pub message: String,
    /// The same sentence as a message of the catalogues, for the interface's languages
    /// ([`Lang::said`]); `None` for the few that only have the English sentence.
    pub said: Option<Said>,
}

/// The URL form of a governorate: lowercase ASCII with spaces as hyphens ("deir-ez-zor").
pub fn governorate_slug(governorate: Governorate) -> String {
    slug(governorate.id())
}

fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            ' ' | '_' => '-',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

/// The parameters, in canonical order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Param {
    Lang,
    View,
    Collections,
    File,
    From,
    To,
    Actor,
    Role,
    Party,
    Kind,
    EventType,
    Gov,
    District,
    Place,
    Pub,
    Source,
    Cas,
    Q,
    Sort,
    Metric,
    By,
    Stack,
    Table,
    Sel,
    Page,
}

const PARAMS: [Param; 25] = [
    Param::Lang,
    Param::View,
    Param::Collections,
    Param::File,
    Param::From,
    Param::To,
    Param::Actor,
    Param::Role,
    Param::Party,
    Param::Kind,
    Param::EventType,
    Param::Gov,
    Param::District,
    Param::Place,
    Param::Pub,
    Param::Source,
    Param::Cas,
    Param::Q,
    Param::Sort,
    Param::Metric,
    Param::By,
    Param::Stack,
    Param::Table,
    Param::Sel,
    Param::Page,
];

impl Param {
    fn key(self) -> &'static str {
        match self {
            Param::Lang => "lang",
            Param::View => "view",
            Param::Collections => "c",
            Param::File => "file",
            Param::From => "from",
            Param::To => "to",
            Param::Actor => "actor",
            Param::Role => "role",
            Param::Party => Facet::Party.id(),
            Param::EventType => Facet::EventType.id(),
            Param::Kind => "kind",
            Param::Gov => "gov",
            Param::District => Facet::District.id(),
            Param::Place => Facet::Place.id(),
            Param::Pub => "pub",
            Param::Source => Facet::Source.id(),
            Param::Cas => "cas",
            Param::Q => "q",
            Param::Sort => "sort",
            Param::Metric => "metric",
            Param::By => "by",
            Param::Stack => "stack",
            Param::Table => "table",
            Param::Sel => "sel",
            Param::Page => "page",
        }
    }

    fn from_key(key: &str) -> Option<Param> {
        PARAMS.iter().copied().find(|p| p.key() == key)
    }

    fn is_list(self) -> bool {
        matches!(
            self,
            Param::Collections
                | Param::File
                | Param::Actor
                | Param::Kind
                | Param::Gov
                | Param::Pub
                | Param::Party
                | Param::EventType
                | Param::District
                | Param::Place
                | Param::Source
                | Param::Table
        )
    }

    /// The open facet this parameter selects values of.
    fn facet(self) -> Option<Facet> {
        match self {
            Param::Party => Some(Facet::Party),
            Param::EventType => Some(Facet::EventType),
            Param::District => Some(Facet::District),
            Param::Place => Some(Facet::Place),
            Param::Source => Some(Facet::Source),
            _ => None,
        }
    }

    /// What a value of this parameter must be, with its article, for notices.
    fn expects(self) -> &'static str {
        match self {
            Param::Lang => "a language of the interface (ar or en)",
            Param::View => "a view (list, figures, map or about)",
            Param::Collections => "a collection id",
            Param::File => "a file (collection id:rows:events:name)",
            Param::From | Param::To => "a date (YYYY-MM-DD)",
            Param::Actor => "an actor",
            Param::Role => "an actor role (perpetrator or any)",
            Param::Party => Facet::Party.expects(),
            Param::EventType => Facet::EventType.expects(),
            Param::District => Facet::District.expects(),
            Param::Place => Facet::Place.expects(),
            Param::Source => Facet::Source.expects(),
            Param::Kind => "an event kind",
            Param::Gov => "a governorate",
            Param::Pub => "a publisher",
            Param::Cas => "a casualty filter (killed, civilians, children or injured)",
            Param::Q => "a search text",
            Param::Sort => "a sort order",
            Param::Metric => "a metric (events, deaths or civilians)",
            Param::By => "an interval (week or month)",
            Param::Stack => "a stacking setting (0 or 1)",
            Param::Table => "a chart (timeline, actor, kind, gov, composition or map)",
            Param::Sel => "an event id",
            Param::Page => "a page number (from 1)",
        }
    }
}

/// Collects notices up to [`MAX_NOTICES`] and counts the rest.
#[derive(Default)]
struct Notices {
    list: Vec<Notice>,
    dropped: usize,
}

impl Notices {
    /// A notice that the catalogues also word (`said`).
    fn push_said(&mut self, param: &str, message: String, said: Option<Said>) {
        if self.list.len() < MAX_NOTICES {
            self.list.push(Notice {
                param: shorten(param),
                message,
                said,
            });
        } else {
            self.dropped = self.dropped.saturating_add(1);
        }
    }

    fn invalid(&mut self, param: Param, value: &str) {
        let value = shorten(value);
        let said = Said::new("notice-invalid")
            .arg("param", param.key())
            .arg("value", value.clone())
            .arg_key("expects", label_key("expects", param.key()));
        self.push_said(
            param.key(),
            format!(
                "“{}={value}” is not {}; ignored",
                param.key(),
                param.expects()
            ),
            Some(said),
        );
    }

    fn finish(mut self) -> Vec<Notice> {
        if self.dropped > 0 {
            self.list.push(Notice {
                param: String::new(),
                message: format!(
                    "{} more problems with the address were ignored",
                    self.dropped
                ),
                said: Some(Said::new("notice-more").arg("n", self.dropped.to_string())),
            });
        }
        self.list
    }
}

/// Text for a notice: long values are cut, so a notice stays one readable line, and the
/// controls of writing direction (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are
/// written as their code points: echoed from a link, an override such as U+202E would
/// reverse the rest of the app's own sentence.
fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    let cut = match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => text.get(..cut).unwrap_or_default(),
        None => text,
    };
    let mut out = String::with_capacity(cut.len() + 1);
    for c in cut.chars() {
        if is_direction_control(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "[U+{:04X}]", u32::from(c));
        } else {
            out.push(c);
        }
    }
    if cut.len() < text.len() {
        out.push('…');
    }
    out
}

/// Whether `c` sets or overrides the direction of the text after it.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The longest prefix of `text` of at most `limit` bytes that ends on a character boundary.
fn cut_to(text: &mut String, limit: usize) {
    if text.len() > limit {
        let boundary = (0..=limit)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(boundary);
    }
}

/// A percent-decoded component and what was wrong with its encoding.
struct Decoded {
    text: String,
    malformed_escape: bool,
    invalid_utf8: bool,
}

/// Decodes `%XX` escapes and `+` (a space in form encoding). A `%` not followed by two hex
/// digits is kept as typed; bytes that do not form UTF-8 become U+FFFD. Both are reported.
fn percent_decode(raw: &str) -> Decoded {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut malformed_escape = false;
    let mut position = 0;
    while let Some(&byte) = bytes.get(position) {
        match byte {
            b'+' => {
                out.push(b' ');
                position += 1;
            }
            b'%' => {
                let high = bytes.get(position + 1).and_then(|&b| hex_value(b));
                let low = bytes.get(position + 2).and_then(|&b| hex_value(b));
                if let (Some(high), Some(low)) = (high, low) {
                    out.push(high << 4 | low);
                    position += 3;
                } else {
                    malformed_escape = true;
                    out.push(b'%');
                    position += 1;
                }
            }
            other => {
                out.push(other);
                position += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(text) => Decoded {
            text,
            malformed_escape,
            invalid_utf8: false,
        },
        Err(error) => Decoded {
            text: String::from_utf8_lossy(error.as_bytes()).into_owned(),
            malformed_escape,
            invalid_utf8: true,
        },
    }
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Bytes written as they are: RFC 3986 unreserved characters, plus `:` (legal in a query and
/// common in event ids). Everything else, including `,` (the list separator), `&`, `=`, `+`,
/// `#`, `%` and all non-ASCII, is written as `%XX` of its UTF-8 bytes.
fn percent_encode(text: &str, out: &mut String) {
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// Reads a query string (with or without its leading `?`) into a state, with a notice for each
/// thing that was ignored or changed.
///
/// Unknown parameters and invalid values are dropped; an invalid item of a list drops only that
/// item. An empty value leaves the parameter at its default. A scalar parameter given several
/// times takes its last value; a list given several times combines them; both are noticed. A
/// search text over [`MAX_VALUE_BYTES`] is cut and any other value over it refused (for a list
/// given several times, the values that would take it past the limit together). `from` after
/// `to` are swapped.
pub fn decode(query: &str) -> (ViewState, Vec<Notice>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices = Notices::default();
    // Raw values per parameter, in the order given.
    let mut values: [Vec<&str>; PARAMS.len()] = Default::default();
    for piece in query.split('&').filter(|piece| !piece.is_empty()) {
        let (raw_key, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
        let key = percent_decode(raw_key).text;
        match Param::from_key(&key).and_then(|p| values.get_mut(p as usize)) {
            Some(given) => given.push(raw_value),
            None => notices.push_said(
                &key,
                format!("Unknown parameter “{}” was ignored", shorten(&key)),
                Some(Said::new("notice-unknown-param").arg("param", shorten(&key))),
            ),
        }
    }

    let mut state = ViewState::default();
    for (param, given) in PARAMS.iter().copied().zip(&values) {
        if given.len() > 1 {
            let (outcome, key) = if param.is_list() {
                ("the values were combined", "notice-repeated-list")
            } else {
                ("the last one was used", "notice-repeated-last")
            };
            let said = Said::new(key)
                .arg("param", param.key())
                .arg("n", given.len().to_string());
            notices.push_said(
                param.key(),
                format!(
                    "“{}” was given {} times; {outcome}",
                    param.key(),
                    given.len()
                ),
                Some(said),
            );
        }
        if param.is_list() {
            // The limit holds for the values together, so that the merged list still fits one
            // value when encoded again.
            let mut used = 0;
            for raw in given {
                used = apply_list(&mut state, param, raw, used, &mut notices);
            }
        } else if let Some(raw) = given.last() {
            apply_scalar(&mut state, param, raw, &mut notices);
        }
    }

    order_dates(&mut state, &mut notices);
    (state, notices.finish())
}

/// Swaps `from` and `to` when `from` is after `to`, with a notice.
fn order_dates(state: &mut ViewState, notices: &mut Notices) {
    if let (Some(from), Some(to)) = (state.from, state.to) {
        if from > to {
            state.from = Some(to);
            state.to = Some(from);
            let said = Said::new("notice-swapped")
                .arg("from", from.to_string())
                .arg("to", to.to_string());
            notices.push_said(
                "from",
                format!("“from={from}” was after “to={to}”; the two dates were swapped"),
                Some(said),
            );
        }
    }
}

/// Reports encoding problems of one value.
fn note_encoding(param: Param, malformed_escape: bool, invalid_utf8: bool, notices: &mut Notices) {
    if malformed_escape {
        notices.push_said(
            param.key(),
            format!(
                "“{}” contains a “%” that does not start an escape; it was read as typed",
                param.key()
            ),
            Some(Said::new("notice-stray-percent").arg("param", param.key())),
        );
    }
    if invalid_utf8 {
        notices.push_said(
            param.key(),
            format!(
                "“{}” contains bytes that are not UTF-8 text; they were replaced by “\u{FFFD}”",
                param.key()
            ),
            Some(Said::new("notice-not-utf8").arg("param", param.key())),
        );
    }
}

fn too_long(param: Param, notices: &mut Notices) {
    let said = Said::new("notice-too-long")
        .arg("param", param.key())
        .arg("limit", MAX_VALUE_BYTES.to_string());
    notices.push_said(
        param.key(),
        format!(
            "“{}” was longer than {MAX_VALUE_BYTES} bytes; ignored",
            param.key()
        ),
        Some(said),
    );
}

/// The search text was cut to [`MAX_VALUE_BYTES`].
fn search_cut(notices: &mut Notices) {
    notices.push_said(
        "q",
        format!("The search text was longer than {MAX_VALUE_BYTES} bytes and was cut"),
        Some(Said::new("notice-search-cut").arg("limit", MAX_VALUE_BYTES.to_string())),
    );
}

/// Adds the items of one value of a list parameter; returns the bytes now used by the
/// parameter's values together (`used` before), counting a comma between values.
fn apply_list(
    state: &mut ViewState,
    param: Param,
    raw: &str,
    used: usize,
    notices: &mut Notices,
) -> usize {
    let items: Vec<Decoded> = raw.split(',').map(percent_decode).collect();
    let bytes = items
        .iter()
        .map(|item| item.text.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let total = if used == 0 { bytes } else { used + 1 + bytes };
    if total > MAX_VALUE_BYTES {
        too_long(param, notices);
        return used;
    }
    let mut malformed_escape = false;
    let mut invalid_utf8 = false;
    for item in &items {
        malformed_escape |= item.malformed_escape;
        invalid_utf8 |= item.invalid_utf8;
        let text = item.text.as_str();
        if text.is_empty() {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        let accepted = match param {
            Param::Collections => {
                let valid = text.len() <= MAX_COLLECTION_BYTES;
                if valid {
                    state.collections.insert(text.to_string());
                }
                valid
            }
            Param::File => FileLabel::parse(text)
                .map(|(id, label)| state.files.insert(id, label))
                .is_some(),
            Param::Actor => Actor::from_id(&lower)
                .map(|a| state.actors.insert(a))
                .is_some(),
            Param::Kind => EventKind::from_id(&lower)
                .map(|k| state.kinds.insert(k))
                .is_some(),
            Param::Gov => {
                let wanted = slug(text);
                Governorate::ALL
                    .iter()
                    .find(|g| slug(g.id()) == wanted)
                    .map(|g| state.governorates.insert(*g))
                    .is_some()
            }
            Param::Pub => Publisher::from_id(&lower)
                .map(|p| state.publishers.insert(p))
                .is_some(),
            Param::Table => ChartPanel::from_id(text)
                .map(|panel| state.tables.insert(panel))
                .is_some(),
            // Any text: whether the data has it is for `ViewState::reconcile` to say.
            _ => match param.facet() {
                Some(facet) => {
                    let value = text.trim();
                    if !value.is_empty() {
                        state.facets[facet.index()].insert(value.to_string());
                    }
                    true
                }
                None => false,
            },
        };
        if !accepted {
            notices.invalid(param, text);
        }
    }
    note_encoding(param, malformed_escape, invalid_utf8, notices);
    total
}

fn apply_scalar(state: &mut ViewState, param: Param, raw: &str, notices: &mut Notices) {
    let mut decoded = percent_decode(raw);
    note_encoding(
        param,
        decoded.malformed_escape,
        decoded.invalid_utf8,
        notices,
    );
    if param == Param::Q {
        if decoded.text.len() > MAX_VALUE_BYTES {
            cut_to(&mut decoded.text, MAX_VALUE_BYTES);
            search_cut(notices);
        }
        state.text = decoded.text;
        return;
    }
    let text = decoded.text.as_str();
    if text.is_empty() {
        // An empty value ("from=") is what a form sends for an unset field.
        return;
    }
    if text.len() > MAX_VALUE_BYTES {
        too_long(param, notices);
        return;
    }
    let lower = text.to_ascii_lowercase();
    let lower = lower.as_str();
    let valid = match param {
        Param::Lang => Lang::from_id(lower).map(|l| state.lang = Some(l)).is_some(),
        Param::View => View::from_id(lower).map(|v| state.view = v).is_some(),
        Param::From => Day::parse(text).map(|d| state.from = Some(d)).is_ok(),
        Param::To => Day::parse(text).map(|d| state.to = Some(d)).is_ok(),
        Param::Role => ActorRole::from_id(lower)
            .map(|r| state.actor_role = r)
            .is_some(),
        Param::Cas => CasualtyFilter::from_id(lower)
            .map(|c| state.casualty = Some(c))
            .is_some(),
        Param::Sort => SortKey::from_id(lower).map(|s| state.sort = s).is_some(),
        Param::Metric => Metric::from_id(lower).map(|m| state.metric = m).is_some(),
        Param::By => Interval::from_id(lower)
            .map(|i| state.interval = i)
            .is_some(),
        Param::Stack => match text {
            "0" => {
                state.stacked = false;
                true
            }
            "1" => {
                state.stacked = true;
                true
            }
            _ => false,
        },
        Param::Sel => {
            let valid = is_event_id(text);
            if valid {
                state.selected = Some(text.to_string());
            }
            valid
        }
        // Pages are numbered from 1 in the address, as on screen.
        Param::Page => {
            let page = text
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| text.parse::<u64>().ok())
                .flatten()
                .and_then(|p| p.checked_sub(1))
                .and_then(|p| u32::try_from(p).ok());
            page.map(|p| state.page = p).is_some()
        }
        _ => false,
    };
    if !valid {
        notices.invalid(param, text);
    }
}

/// An event id as `sel` accepts it: 1 to 200 bytes of ASCII letters, digits and `:._-`.
pub fn is_event_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_SELECTION_BYTES
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'.' | b'_' | b'-'))
}

/// Writes the canonical query string of `state`, without a leading `?`: parameters in a fixed
/// order, list values sorted, defaults omitted. The default state encodes as "".
pub fn encode(state: &ViewState) -> String {
    let mut out = Query::default();
    if let Some(lang) = state.lang {
        out.scalar("lang", lang.id());
    }
    if state.view != View::List {
        out.scalar("view", state.view.id());
    }
    out.list("c", state.collections.iter().map(String::as_str));
    let files: Vec<String> = state
        .files
        .iter()
        .map(|(id, label)| label.item(id))
        .collect();
    out.list("file", files.iter().map(String::as_str));
    if let Some(from) = state.from {
        out.scalar("from", &from.to_string());
    }
    if let Some(to) = state.to {
        out.scalar("to", &to.to_string());
    }
    out.list("actor", state.actors.iter().map(|a| a.id()));
    if state.actor_role != ActorRole::Any {
        out.scalar("role", state.actor_role.id());
    }
    let facet_list = |out: &mut Query, facet: Facet| {
        out.list(
            facet.id(),
            state.facets[facet.index()].iter().map(String::as_str),
        );
    };
    facet_list(&mut out, Facet::Party);
    out.list("kind", state.kinds.iter().map(|k| k.id()));
    facet_list(&mut out, Facet::EventType);
    let slugs: Vec<String> = state
        .governorates
        .iter()
        .map(|g| governorate_slug(*g))
        .collect();
    out.list("gov", slugs.iter().map(String::as_str));
    facet_list(&mut out, Facet::District);
    facet_list(&mut out, Facet::Place);
    out.list("pub", state.publishers.iter().map(|p| p.id()));
    facet_list(&mut out, Facet::Source);
    if let Some(casualty) = state.casualty {
        out.scalar("cas", casualty.id());
    }
    if !state.text.is_empty() {
        out.scalar("q", &state.text);
    }
    if state.sort != SortKey::DateDesc {
        out.scalar("sort", state.sort.id());
    }
    if state.metric != Metric::Events {
        out.scalar("metric", state.metric.id());
    }
    if state.interval != Interval::Month {
        out.scalar("by", state.interval.id());
    }
    if !state.stacked {
        out.scalar("stack", "0");
    }
    out.list("table", state.tables.iter().map(|panel| panel.id()));
    if let Some(selected) = &state.selected {
        out.scalar("sel", selected);
    }
    if state.page != 0 {
        out.scalar("page", &(u64::from(state.page) + 1).to_string());
    }
    out.0
}

/// A query string being written.
#[derive(Default)]
struct Query(String);

impl Query {
    fn key(&mut self, key: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(key);
        self.0.push('=');
    }

    fn scalar(&mut self, key: &str, value: &str) {
        self.key(key);
        percent_encode(value, &mut self.0);
    }

    /// Writes `key=a,b,c`, or nothing for an empty list. Items come from sets, so they are
    /// already sorted and distinct.
    fn list<'a>(&mut self, key: &str, items: impl Iterator<Item = &'a str>) {
        for (position, item) in items.enumerate() {
            if position == 0 {
                self.key(key);
            } else {
                self.0.push(',');
            }
            percent_encode(item, &mut self.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_date_waits_for_a_four_digit_year() {
        assert_eq!(TypedDate::read(""), TypedDate::Empty);
        assert_eq!(TypedDate::read("2019-02-30"), TypedDate::Empty);
        for partial in ["0002-03-01", "0020-03-01", "0201-03-01"] {
            assert_eq!(TypedDate::read(partial), TypedDate::Typing, "{partial}");
        }
        assert_eq!(
            TypedDate::read("2019-03-01"),
            TypedDate::Day(Day::parse("2019-03-01").unwrap_or_default())
        );
    }

    #[test]
    fn reconcile_swaps_dates_and_matches_collections() {
        let loaded = table_of(&["curated", "ucdp"]);
        let mut state = decode("c=UCDP,foo,Curated&to=2019-01-31").0;
        state.from = Some(day("2019-03-01"));
        let notices = state.reconcile(&loaded);
        assert_eq!(state.from, Some(day("2019-01-31")));
        assert_eq!(state.to, Some(day("2019-03-01")));
        assert_eq!(
            state
                .collections
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            ["curated", "ucdp"]
        );
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(notices
            .iter()
            .any(|n| n.param == "c" && n.message.contains("“foo”")));
        assert_eq!(
            encode(&state),
            "c=curated,ucdp&from=2019-01-31&to=2019-03-01"
        );
    }

    #[test]
    fn reconcile_keeps_only_what_a_link_can_hold() {
        let mut table = table_of(&[]);
        let names: Vec<String> = (0..300).map(|i| format!("Party number {i:03}")).collect();
        for name in &names {
            table.facets[Facet::Party.index()].dictionary.intern(name);
        }
        let mut state = ViewState {
            text: "x".repeat(MAX_VALUE_BYTES + 10),
            ..ViewState::default()
        };
        state.facets[Facet::Party.index()] = names.iter().cloned().collect();
        let notices = state.reconcile(&table);
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert_eq!(state.text.len(), MAX_VALUE_BYTES);
        // Its link opens as the same state, with nothing to say.
        let (read, again) = decode(&encode(&state));
        assert_eq!(read, state);
        assert!(again.is_empty(), "{again:?}");
        assert!(state.facets[Facet::Party.index()].len() < names.len());
    }

    #[test]
    fn the_last_page_counts_whole_pages() {
        assert_eq!(ViewState::last_page(0), 0);
        assert_eq!(ViewState::last_page(PAGE_SIZE), 0);
        assert_eq!(ViewState::last_page(PAGE_SIZE + 1), 1);
        let mut state = ViewState {
            page: 9,
            ..ViewState::default()
        };
        let notice = state.clamp_page(PAGE_SIZE + 1);
        assert_eq!(state.page, 1);
        assert!(notice.is_some_and(|n| n.message.contains("no page 10")));
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap_or_default()
    }

    fn decoded(query: &str) -> ViewState {
        decode(query).0
    }

    fn notices(query: &str) -> Vec<String> {
        decode(query).1.into_iter().map(|n| n.message).collect()
    }

    /// A table with these collections and no rows.
    fn table_of(collection_ids: &[&str]) -> EventTable {
        EventTable {
            collection_ids: collection_ids.iter().map(|id| id.to_string()).collect(),
            ..EventTable::default()
        }
    }

    fn full_state() -> ViewState {
        ViewState {
            collections: ["curated".to_string(), "ucdp".to_string()].into(),
            files: BTreeMap::new(),
            from: Some(day("2019-11-01")),
            to: Some(day("2020-03-05")),
            actors: [Actor::Turkey, Actor::Russia].into(),
            actor_role: ActorRole::Perpetrator,
            kinds: [EventKind::Shelling, EventKind::Airstrike].into(),
            governorates: [Governorate::DeirEzZor, Governorate::Idlib].into(),
            publishers: [Publisher::Sohr, Publisher::AlJazeera].into(),
            casualty: Some(CasualtyFilter::ChildrenKilled),
            facets: [
                ["Government of Syria".to_string(), "IS, HTS".to_string()].into(),
                ["Air/drone strike".to_string(), "Battles".to_string()].into(),
                ["Jabal Saman district".to_string()].into(),
                ["أريحا".to_string(), "Ma'arrat al-Nu'man".to_string()].into(),
                ["SOHR".to_string()].into(),
            ],
            text: "سوق أريحا & “Ma’arrat” 100%+ 🙂".to_string(),
            sort: SortKey::DeathsDesc,
            metric: Metric::CivilianDeaths,
            interval: Interval::Week,
            stacked: false,
            tables: [ChartPanel::Timeline, ChartPanel::Map].into(),
            selected: Some("curated:sohr-2019-11-14.a_1".to_string()),
            view: View::Map,
            page: 3,
            lang: Some(Lang::Ar),
        }
    }

    #[test]
    fn the_language_is_part_of_the_link() {
        let arabic = ViewState {
            lang: Some(Lang::Ar),
            ..ViewState::default()
        };
        assert_eq!(encode(&arabic), "lang=ar");
        assert_eq!(decode("lang=ar"), (arabic.clone(), Vec::new()));
        assert_eq!(decoded("?lang=AR"), arabic);
        assert_eq!(decoded("lang=ar-SY"), arabic);
        assert_eq!(decoded("lang=en").lang, Some(Lang::En));
        assert_eq!(encode(&decoded("lang=en&view=map")), "lang=en&view=map");
        // First in the canonical order, whatever the order given.
        assert_eq!(encode(&decoded("view=about&lang=ar")), "lang=ar&view=about");
        // No language in the link: the browser's is followed.
        assert_eq!(decoded("view=map").lang, None);
    }

    #[test]
    fn an_unknown_language_is_ignored_with_a_notice() {
        let (state, said) = decode("lang=xx&gov=idlib");
        assert_eq!(state.lang, None);
        assert_eq!(state.governorates, [Governorate::Idlib].into());
        assert_eq!(
            said.iter().map(|n| n.message.as_str()).collect::<Vec<_>>(),
            ["“lang=xx” is not a language of the interface (ar or en); ignored"]
        );
        assert_eq!(decoded("lang=ar&lang=en").lang, Some(Lang::En));
    }

    #[test]
    fn direction_controls_from_a_link_cannot_reverse_a_notice() {
        for query in ["gov=%E2%80%AEidlib", "lang=%E2%80%AEar", "%E2%80%AEzz=1"] {
            for message in notices(query) {
                assert!(
                    !message.chars().any(is_direction_control),
                    "{query}: {message:?}"
                );
            }
        }
        assert_eq!(
            notices("gov=%E2%80%AEidlib"),
            ["“gov=[U+202E]idlib” is not a governorate; ignored"]
        );
    }

    #[test]
    fn default_state_is_the_empty_query() {
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode(""), (ViewState::default(), Vec::new()));
        assert_eq!(decode("?"), (ViewState::default(), Vec::new()));
        assert_eq!(decode("&&"), (ViewState::default(), Vec::new()));
    }

    #[test]
    fn full_state_round_trips_in_canonical_order() {
        let state = full_state();
        let query = encode(&state);
        assert_eq!(
            query,
            "lang=ar&view=map&c=curated,ucdp&from=2019-11-01&to=2020-03-05&actor=russia,turkey\
             &role=perpetrator&party=Government%20of%20Syria,IS%2C%20HTS&kind=airstrike,shelling\
             &type=Air%2Fdrone%20strike,Battles\
             &gov=idlib,deir-ez-zor&district=Jabal%20Saman%20district\
             &place=Ma%27arrat%20al-Nu%27man,%D8%A3%D8%B1%D9%8A%D8%AD%D8%A7&pub=sohr,al_jazeera\
             &source=SOHR&cas=children&q=%D8%B3%D9%88%D9%82%20%D8%A3%D8%B1%D9%8A%D8%AD%D8%A7%20%26%20%E2%80%9CMa\
             %E2%80%99arrat%E2%80%9D%20100%25%2B%20%F0%9F%99%82&sort=deaths-desc&metric=civilians\
             &by=week&stack=0&table=timeline,map&sel=curated:sohr-2019-11-14.a_1&page=4"
        );
        assert_eq!(decode(&query), (state.clone(), Vec::new()));
        assert_eq!(decode(&format!("?{query}")), (state, Vec::new()));
    }

    #[test]
    fn hand_made_states_round_trip() {
        let states = [
            ViewState {
                text: "  leading and trailing  ".to_string(),
                ..ViewState::default()
            },
            ViewState {
                collections: ["my,file".to_string(), "العربية".to_string()].into(),
                ..ViewState::default()
            },
            ViewState {
                from: Some(day("2019-11-14")),
                to: Some(day("2019-11-14")),
                ..ViewState::default()
            },
            ViewState {
                to: Some(day("0001-01-01")),
                governorates: Governorate::ALL.iter().copied().collect(),
                ..ViewState::default()
            },
            ViewState {
                actors: Actor::ALL.iter().copied().collect(),
                kinds: EventKind::ALL.iter().copied().collect(),
                publishers: Publisher::ALL.iter().copied().collect(),
                page: u32::MAX,
                ..ViewState::default()
            },
            ViewState {
                view: View::About,
                text: "a+b=c&d #e %zz".to_string(),
                ..ViewState::default()
            },
        ];
        for state in states {
            let query = encode(&state);
            assert_eq!(decode(&query), (state, Vec::new()), "{query}");
        }
    }

    fn file(rows: u64, events: u64, name: &str) -> FileLabel {
        FileLabel::new(rows, events, name).unwrap_or_else(|| panic!("{name:?}"))
    }

    #[test]
    fn file_labels_round_trip_whatever_the_name() {
        let names = [
            "ACLED Syria 2023.csv",
            "a, b & c %41 + d=e #f ?g.csv",
            "بيانات سوريا ٢٠٢٣.csv",
            "\u{202E}vsc.2023 \u{2066}RTL\u{2069}.csv",
            "a:b:c",
            "<img src=x onerror=alert(1)>.csv",
            &"ملف طويل جدا ".repeat(60),
        ];
        for name in names {
            let state = ViewState {
                collections: ["file-3f9a0c1d2e4b".to_string()].into(),
                files: [("file-3f9a0c1d2e4b".to_string(), file(48_211, 48_190, name))].into(),
                ..ViewState::default()
            };
            let query = encode(&state);
            assert!(query.is_ascii(), "{query}");
            assert!(query.starts_with("c=file-3f9a0c1d2e4b&file=file-3f9a0c1d2e4b:48211:48190:"));
            // One parameter, one item: nothing of the name escapes its value.
            assert_eq!(query.matches('&').count(), 1, "{query}");
            assert!(!query.contains(','), "{query}");
            assert_eq!(decode(&query), (state, Vec::new()), "{query}");
        }
        // Several files: one item each, in the order of their ids.
        let state = ViewState {
            files: [
                (
                    "file-bbbbbbbbbbbb".to_string(),
                    file(2, 1, "b, the second.csv"),
                ),
                ("file-aaaaaaaaaaaa".to_string(), file(10, 9, "a.csv")),
            ]
            .into(),
            ..ViewState::default()
        };
        let query = encode(&state);
        assert_eq!(
            query,
            "file=file-aaaaaaaaaaaa:10:9:a.csv,file-bbbbbbbbbbbb:2:1:b%2C%20the%20second.csv"
        );
        assert_eq!(decode(&query), (state, Vec::new()));
    }

    #[test]
    fn a_link_without_files_is_written_as_before() {
        // The canonical form of a view of bundled collections has no `file=`.
        let state = full_state();
        assert!(!encode(&state).contains("file="));
        assert_eq!(encode(&decoded("c=curated&q=x")), "c=curated&q=x");
    }

    #[test]
    fn a_malformed_file_item_is_ignored_with_a_notice() {
        let (state, notes) = decode(
            "file=file-3f9a0c1d2e4b:1:2,file-3f9a0c1d2e4b:x:2:n,%3Cb%3E:1:2:n,\
             file-aaaaaaaaaaaa:1:2:ok.csv,file-bbbbbbbbbbbb:1:2:%E2%82",
        );
        assert_eq!(
            state.files.keys().map(String::as_str).collect::<Vec<_>>(),
            ["file-aaaaaaaaaaaa", "file-bbbbbbbbbbbb"]
        );
        assert_eq!(
            state.files.get("file-bbbbbbbbbbbb").map(FileLabel::name),
            Some("\u{FFFD}")
        );
        // Three items refused, and the bytes that are not UTF-8.
        assert_eq!(notes.len(), 4, "{notes:?}");
        assert!(notes.iter().all(|n| n.param == "file"));
        let long = format!("file=file-aaaaaaaaaaaa:1:2:{}", "x".repeat(MAX_VALUE_BYTES));
        let (state, notes) = decode(&long);
        assert!(state.files.is_empty());
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn labels_are_this_devices_own() {
        let table = table_of(&["curated", "file-aaaaaaaaaaaa", "file-bbbbbbbbbbbb"]);
        let opened: BTreeMap<String, FileLabel> = [
            ("file-aaaaaaaaaaaa".to_string(), file(10, 9, "a.csv")),
            ("file-bbbbbbbbbbbb".to_string(), file(2, 1, "b.csv")),
            ("file-cccccccccccc".to_string(), file(1, 1, "closed.csv")),
        ]
        .into();
        // A link's label (another name, another count) gives way to what is open here.
        let mut state =
            decoded("c=FILE-AAAAAAAAAAAA,curated&file=file-aaaaaaaaaaaa:1:1:theirs.csv");
        assert!(state.reconcile(&table).is_empty());
        assert!(state.files.is_empty());
        state.label_files(&table, &opened);
        assert_eq!(
            encode(&state),
            "c=curated,file-aaaaaaaaaaaa&file=file-aaaaaaaaaaaa:10:9:a.csv"
        );
        // With no `c`, every file loaded is in view.
        let mut all = ViewState::default();
        all.label_files(&table, &opened);
        assert_eq!(
            all.files.keys().map(String::as_str).collect::<Vec<_>>(),
            ["file-aaaaaaaaaaaa", "file-bbbbbbbbbbbb"]
        );
        // A view of bundled collections has none.
        let mut bundled = decoded("c=curated");
        bundled.label_files(&table, &opened);
        assert_eq!(encode(&bundled), "c=curated");
        // Labels past what a link holds are left out, and the link reads back the same.
        let many: BTreeMap<String, FileLabel> = (0..20)
            .map(|i| (format!("file-{i:012}"), file(1, 1, &"n".repeat(200))))
            .collect();
        let ids: Vec<String> = many.keys().cloned().collect();
        let table = EventTable {
            collection_ids: ids,
            ..EventTable::default()
        };
        let mut full = ViewState::default();
        full.label_files(&table, &many);
        assert!(!full.files.is_empty() && full.files.len() < many.len());
        assert_eq!(decode(&encode(&full)).1, Vec::new());
    }

    #[test]
    fn canonical_form_ignores_parameter_order() {
        let a = "q=market&actor=turkey,russia&from=2019-01-01&by=week&gov=Idlib";
        let b = "by=week&gov=idlib&actor=russia&actor=turkey&q=market&from=2019-01-01";
        let encoded = encode(&decoded(a));
        assert_eq!(encoded, encode(&decoded(b)));
        assert_eq!(
            encoded,
            "from=2019-01-01&actor=russia,turkey&gov=idlib&q=market&by=week"
        );
        // Stable: encoding the decoded canonical form gives it back.
        assert_eq!(encode(&decoded(&encoded)), encoded);
    }

    #[test]
    fn view_parameter() {
        assert_eq!(decoded("view=figures").view, View::Figures);
        assert_eq!(decoded("view=ABOUT").view, View::About);
        assert_eq!(decoded("view=list").view, View::List);
        assert_eq!(
            notices("view=chart"),
            ["“view=chart” is not a view (list, figures, map or about); ignored"]
        );
    }

    #[test]
    fn collections_parameter() {
        let state = decoded("c=ucdp,curated,,ucdp");
        assert_eq!(
            state.collections,
            ["curated".to_string(), "ucdp".to_string()].into()
        );
        let long = "x".repeat(MAX_COLLECTION_BYTES + 1);
        let (state, notes) = decode(&format!("c={long},ok"));
        assert_eq!(state.collections, ["ok".to_string()].into());
        assert_eq!(notes.len(), 1);
        let ids = table_of(&["curated", "ucdp"]);
        assert_eq!(decoded("c=ucdp").filter(&ids).collections, 0b10);
        // A collection that is not loaded constrains nothing.
        assert_eq!(decoded("c=gone").filter(&ids).collections, 0);
    }

    #[test]
    fn date_parameters() {
        let state = decoded("from=2019-11-01&to=2019-11-30");
        assert_eq!(
            (state.from, state.to),
            (Some(day("2019-11-01")), Some(day("2019-11-30")))
        );
        let (state, notes) = decode("from=2019-02-30&to=2019-13-01");
        assert_eq!((state.from, state.to), (None, None));
        assert_eq!(
            notes.iter().map(|n| n.param.as_str()).collect::<Vec<_>>(),
            ["from", "to"]
        );
        let (state, notes) = decode("from=2020-01-01&to=2019-01-01");
        assert_eq!(
            (state.from, state.to),
            (Some(day("2019-01-01")), Some(day("2020-01-01")))
        );
        assert_eq!(
            notes.first().map(|n| n.message.as_str()),
            Some("“from=2020-01-01” was after “to=2019-01-01”; the two dates were swapped")
        );
        assert_eq!(decode("from=").0.from, None);
    }

    #[test]
    fn actor_and_role_parameters() {
        let (state, notes) = decode("actor=russia,martians,Turkey&role=perpetrator");
        assert_eq!(state.actors, [Actor::Russia, Actor::Turkey].into());
        assert_eq!(state.actor_role, ActorRole::Perpetrator);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes.first().map(|n| n.param.as_str()), Some("actor"));
        assert_eq!(decoded("role=any").actor_role, ActorRole::Any);
        assert_eq!(notices("role=victim").len(), 1);
        let filter = decoded("actor=russia,turkey&role=perpetrator").filter(&EventTable::default());
        assert_eq!(
            filter.actors,
            (1 << Actor::Russia.index()) | (1 << Actor::Turkey.index())
        );
        assert_eq!(filter.actor_role, ActorRole::Perpetrator);
    }

    #[test]
    fn kind_gov_pub_cas_parameters() {
        let state = decoded(
            "kind=shelling,barrel_bomb&gov=deir-ez-zor,Rif+Dimashq,al-hasakah,Ar-Raqqah\
             &pub=ucdp&cas=civilians",
        );
        assert_eq!(
            state.kinds,
            [EventKind::Shelling, EventKind::BarrelBomb].into()
        );
        assert_eq!(
            state.governorates,
            [
                Governorate::DeirEzZor,
                Governorate::RifDimashq,
                Governorate::AlHasakah,
                Governorate::ArRaqqah
            ]
            .into()
        );
        assert_eq!(state.publishers, [Publisher::Ucdp].into());
        assert_eq!(state.casualty, Some(CasualtyFilter::CiviliansKilled));
        assert_eq!(
            decoded("gov=Deir%20ez-Zor").governorates,
            [Governorate::DeirEzZor].into()
        );
        assert_eq!(
            notices("gov=Atlantis"),
            ["“gov=Atlantis” is not a governorate; ignored"]
        );
        assert_eq!(notices("kind=picnic&pub=bbc&cas=all").len(), 3);
        let filter =
            decoded("gov=idlib&kind=ied&pub=snhr&cas=injured").filter(&EventTable::default());
        assert_eq!(filter.governorates, 1 << Governorate::Idlib.index());
        assert_eq!(filter.kinds, 1 << EventKind::Ied.index());
        assert_eq!(filter.publishers, 1 << Publisher::Snhr.index());
        assert_eq!(filter.casualty, Some(CasualtyFilter::AnyInjured));
    }

    #[test]
    fn text_parameter() {
        assert_eq!(decoded("q=market+in+ariha").text, "market in ariha");
        assert_eq!(decoded("q=a%2Bb%26c").text, "a+b&c");
        assert_eq!(decoded("q=%D8%A5%D8%AF%D9%84%D8%A8").text, "إدلب");
        // Unescaped UTF-8 (as a browser may hand it over) is taken as is.
        assert_eq!(decoded("q=إدلب").text, "إدلب");
        let long = "é".repeat(MAX_VALUE_BYTES);
        let (state, notes) = decode(&format!("q={long}"));
        assert_eq!(state.text.len(), MAX_VALUE_BYTES);
        assert!(state.text.chars().all(|c| c == 'é'));
        assert_eq!(notes.len(), 1);
        assert_eq!(decoded("q=x").filter(&EventTable::default()).text, "x");
    }

    #[test]
    fn bad_percent_escapes_are_kept_and_noticed() {
        let (state, notes) = decode("q=100%&sel=a%zz");
        assert_eq!(state.text, "100%");
        assert_eq!(state.selected, None);
        assert_eq!(notes.len(), 3, "{notes:?}");
        let (state, notes) = decode("q=%FF%FEok%E2%82");
        assert_eq!(state.text, "\u{FFFD}\u{FFFD}ok\u{FFFD}");
        assert_eq!(notes.len(), 1);
        assert_eq!(decoded("q=%").text, "%");
        assert_eq!(decoded("q=%4").text, "%4");
    }

    #[test]
    fn sort_metric_interval_stack_parameters() {
        let state = decoded("sort=deaths-asc&metric=deaths&by=week&stack=0");
        assert_eq!(state.sort, SortKey::DeathsAsc);
        assert_eq!(state.metric, Metric::Deaths);
        assert_eq!(state.interval, Interval::Week);
        assert!(!state.stacked);
        assert!(decoded("stack=1").stacked);
        assert_eq!(notices("sort=random&metric=x&by=day&stack=no").len(), 4);
        assert_eq!(
            encode(&decoded("sort=date-desc&metric=events&by=month&stack=1")),
            ""
        );
    }

    #[test]
    fn charts_shown_as_tables() {
        let state = decoded("table=map,Timeline,gov,gov");
        assert_eq!(
            state.tables,
            [
                ChartPanel::Timeline,
                ChartPanel::Bars(crate::core::chart_table::Breakdown::Governorate),
                ChartPanel::Map
            ]
            .into()
        );
        // In the page's order, each once.
        assert_eq!(encode(&state), "table=timeline,gov,map");
        let (state, said) = decode("table=pie,kind");
        assert_eq!(encode(&state), "table=kind");
        assert_eq!(
            said.iter().map(|n| n.message.as_str()).collect::<Vec<_>>(),
            ["“table=pie” is not a chart (timeline, actor, kind, gov, composition or map); ignored"]
        );
        assert_eq!(encode(&decoded("table=")), "");
    }

    #[test]
    fn selection_parameter() {
        assert_eq!(
            decoded("sel=ucdp:12345").selected.as_deref(),
            Some("ucdp:12345")
        );
        assert_eq!(notices("sel=a%20b").len(), 1);
        assert_eq!(notices(&format!("sel={}", "a".repeat(201))).len(), 1);
        assert!(decoded(&format!("sel={}", "a".repeat(200)))
            .selected
            .is_some());
    }

    #[test]
    fn page_parameter() {
        // Numbered from 1 in the address, as on screen; 0-based in the state.
        assert_eq!(decoded("page=12").page, 11);
        assert_eq!(encode(&decoded("page=12")), "page=12");
        assert_eq!(encode(&decoded("page=1")), "");
        assert_eq!(notices("page=0").len(), 1);
        assert_eq!(notices("page=-1&page=+2").len(), 2);
        assert_eq!(decoded("page=99999999999").page, 0);
        let last = ViewState {
            page: u32::MAX,
            ..ViewState::default()
        };
        assert_eq!(decoded(&encode(&last)), last);
    }

    #[test]
    fn unknown_and_repeated_parameters() {
        let (state, notes) = decode("foo=1&q=a&q=b&actor=russia&actor=isis");
        assert_eq!(state.text, "b");
        assert_eq!(state.actors, [Actor::Russia, Actor::Isis].into());
        let messages: Vec<&str> = notes.iter().map(|n| n.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Unknown parameter “foo” was ignored",
                "“actor” was given 2 times; the values were combined",
                "“q” was given 2 times; the last one was used",
            ]
        );
    }

    #[test]
    fn long_values_and_notice_floods_are_bounded() {
        let list = vec!["russia"; 400].join(",");
        let (state, notes) = decode(&format!("actor={list}"));
        assert!(state.actors.is_empty());
        assert_eq!(notes.len(), 1);
        // A list given several times is limited as a whole, so it still fits once merged.
        let chunk: Vec<String> = (0..8).map(|i| format!("{i}{}", "x".repeat(198))).collect();
        let query = format!("c={}&c={}", chunk.join(","), "y".repeat(500));
        let (state, notes) = decode(&query);
        assert_eq!(state.collections.len(), 8);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert_eq!(decode(&encode(&state)), (state, Vec::new()));
        let flood: Vec<String> = (0..1000).map(|i| format!("k{i}=v")).collect();
        let notes = decode(&flood.join("&")).1;
        assert_eq!(notes.len(), MAX_NOTICES + 1);
        let long_key = "k".repeat(5000);
        let notes = decode(&long_key).1;
        assert!(notes.iter().all(|n| n.param.chars().count() <= 61));
    }
}
