//! The URL codec: every piece of view state lives in the query string, so a link reproduces
//! exactly what its sender saw and the browser's Back button undoes a change. [`encode`] writes a
//! canonical form (fixed parameter order, sorted list values, defaults omitted), so equal states
//! give equal URLs. [`decode`] is lenient because URLs get truncated by chat apps, edited by
//! hand and kept across releases: an unknown parameter or an invalid value is dropped with a
//! [`Notice`] for the reader and the rest still applies; it never panics on any input.

use std::collections::{BTreeMap, BTreeSet};

use super::aggregate::{Interval, Metric, SortKey};
use super::chart_table::ChartPanel;
use super::date::Day;
use super::facet::Facet;
use super::file_link::FileLabel;
use super::filter::{ActorRole, CasualtyFilter, DateMatch, Filter};
use super::i18n::{Lang, Said};
use super::table::{bit32, EventTable};
use super::vocab::{Actor, EventKind, Governorate, Publisher};

mod escape;
mod notices;
mod params;
mod reconcile;

use escape::{percent_decode, percent_encode, Decoded};
pub use notices::{is_direction_control, Notice};
use notices::{note_encoding, search_cut, shorten, too_long, Notices};
use params::{Param, PARAMS};

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
    /// Whether an event's dates must overlap the window or lie within it (`dates=within`).
    pub date_match: DateMatch,
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
            date_match: DateMatch::Overlap,
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
            date_match: self.date_match,
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
    /// What "Clear all" leaves of this state: every filter cleared (the dates, the actors and
    /// their role, the kinds, governorates, publishers and casualties, the values of the open
    /// facets, the search text) and the list on its first page. What is not a filter stays:
    /// the tab, the open event or figure, the charts' metric, interval and stacking, the charts
    /// shown as tables, the list's order, the language and the files in view. The collections
    /// chosen stay when they include a reader's own file (one [`ViewState::files`] names):
    /// clearing a file's view shows the whole file, not the bundled collections beside it;
    /// a choice among the bundled collections alone is a filter, and is cleared.
    pub fn cleared(&self) -> ViewState {
        let shows_a_file = self
            .collections
            .iter()
            .any(|id| self.files.contains_key(id));
        ViewState {
            collections: if shows_a_file {
                self.collections.clone()
            } else {
                BTreeSet::new()
            },
            files: self.files.clone(),
            sort: self.sort,
            metric: self.metric,
            interval: self.interval,
            stacked: self.stacked,
            tables: self.tables.clone(),
            selected: self.selected.clone(),
            view: self.view,
            lang: self.lang,
            ..ViewState::default()
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
        Param::Dates => DateMatch::from_id(lower)
            .map(|m| state.date_match = m)
            .is_some(),
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

/// The query of the link that opens event `id`'s record: `sel=` the id, and when the event
/// is from a reader's own file (its collection id, before the first `:`, is one of `opened`,
/// the files open here by collection id), `file=` that file's label, so that the link opened
/// on a device without the file says which file it needs.
pub fn event_query(id: &str, opened: &BTreeMap<String, FileLabel>) -> String {
    let mut state = ViewState {
        selected: Some(id.to_string()),
        ..ViewState::default()
    };
    let collection = id.split_once(':').map(|(collection, _)| collection);
    if let Some((collection, label)) = collection.and_then(|c| opened.get_key_value(c)) {
        state.files.insert(collection.clone(), label.clone());
    }
    encode(&state)
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
    if state.date_match != DateMatch::Overlap {
        out.scalar("dates", state.date_match.id());
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
mod tests;
