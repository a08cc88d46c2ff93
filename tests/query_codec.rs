//! Fuzz and regression tests of the URL codec. Every view state lives in the URL, and URLs come
//! from anywhere (hand edits, truncating chat apps, old releases), so `decode` must never panic,
//! a valid state must survive `encode` then `decode` unchanged, and `encode ∘ decode` must be a
//! fixed point, or the app would rewrite the address bar in a loop. The property tests explore
//! these at random; `tests/query_corpus.txt` keeps the nasty cases found or foreseen, one query
//! per line (an empty line is the empty query), so they are rechecked on every run.

use std::collections::{BTreeMap, BTreeSet};

use incident_explorer::core::aggregate::{Interval, Metric, SortKey};
use incident_explorer::core::chart_table::ChartPanel;
use incident_explorer::core::date::Day;
use incident_explorer::core::facet::Facet;
use incident_explorer::core::file_link::{FileLabel, MAX_FILE_NAME_BYTES};
use incident_explorer::core::filter::{ActorRole, CasualtyFilter, DateMatch};
use incident_explorer::core::i18n::Lang;
use incident_explorer::core::query::{decode, encode, View, ViewState};
use incident_explorer::core::table::EventTable;
use incident_explorer::core::vocab::{Actor, EventKind, Governorate, Publisher};
use proptest::prelude::*;
use proptest::sample::select;

/// Days the strict parser can read back: years 0000 to 9999.
fn day() -> impl Strategy<Value = Day> {
    (-719_528i32..=2_932_896).prop_map(Day)
}

fn dates() -> impl Strategy<Value = (Option<Day>, Option<Day>)> {
    (proptest::option::of(day()), proptest::option::of(day())).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
        other => other,
    })
}

fn set_of<T: Ord + Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = BTreeSet<T>> {
    proptest::collection::btree_set(select(all), 0..=all.len().min(6))
}

/// Search texts, weighted towards what people type: Latin, Arabic (with harakat and tatweel),
/// emoji, spaces, and the characters that mean something in a query string.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z ]{1,30}",
        "[\u{0600}-\u{06FF} ]{1,30}",
        "[😀-🙏🇸🇾 a-z]{1,12}",
        "[&=+%#?,;/ \u{2019}\u{201C}\u{201D}a-z0-9]{1,30}",
        any::<String>().prop_map(|s| s.chars().take(200).collect()),
    ]
}

/// Values of an open facet as data may spell them: any text but for surrounding whitespace,
/// with the characters that mean something in a query string and non-Latin scripts.
fn facet_values() -> impl Strategy<Value = BTreeSet<String>> {
    proptest::collection::vec(
        prop_oneof![
            "[A-Za-z][A-Za-z ,&=%+;-]{0,20}",
            "[\u{0600}-\u{06FF}]{1,12}",
            "\\PC{1,8}",
        ],
        0..3,
    )
    .prop_map(|values| {
        values
            .iter()
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
            .collect()
    })
}

/// File names as a reader's system may give them: the characters that mean something in a
/// query string or in a `file=` item, Arabic, bidi controls, emoji, and names past what a link
/// holds (cut by [`FileLabel::new`]).
fn file_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 ._-]{1,40}",
        "[A-Za-z ,&=%+#?:;/'\"<>]{1,40}",
        "[\u{0600}-\u{06FF} .]{1,40}",
        "[\u{202A}-\u{202E}\u{2066}-\u{2069}a-z\u{0627}-\u{064A}]{1,20}",
        "\\PC{1,30}",
        "[a-z\u{0627}-\u{064A}🙂]{200,300}",
    ]
}

/// The reader's files in view: up to three, with ids as collections may have them.
fn files() -> impl Strategy<Value = BTreeMap<String, FileLabel>> {
    proptest::collection::btree_map(
        prop_oneof!["file-[0-9a-f]{12}", "[A-Za-z0-9._-]{1,40}"],
        (any::<u64>(), any::<u64>(), file_name())
            .prop_filter_map("a name with nothing printable", |(rows, events, name)| {
                FileLabel::new(rows, events, &name)
            }),
        0..=3,
    )
}

fn state() -> impl Strategy<Value = ViewState> {
    let filters = (
        proptest::collection::btree_set(
            prop_oneof!["[a-z0-9_.-]{1,12}", "\\PC{1,8}", "[,&=%+ ]{1,4}"],
            0..4,
        ),
        files(),
        (dates(), select(DateMatch::ALL)),
        set_of(Actor::ALL),
        select(ActorRole::ALL),
        set_of(EventKind::ALL),
        set_of(Governorate::ALL),
        set_of(Publisher::ALL),
        proptest::option::of(select(CasualtyFilter::ALL)),
        text(),
        proptest::array::uniform5(facet_values()),
    );
    let display = (
        select(SortKey::ALL),
        select(Metric::ALL),
        select(Interval::ALL),
        any::<bool>(),
        proptest::option::of("[A-Za-z0-9:._-]{1,200}"),
        select(View::ALL),
        prop_oneof![Just(0u32), any::<u32>()],
        proptest::option::of(select(&Lang::ALL[..])),
        set_of(ChartPanel::ALL),
    );
    (filters, display).prop_map(
        |(
            (
                collections,
                files,
                ((from, to), date_match),
                actors,
                actor_role,
                kinds,
                governorates,
                publishers,
                casualty,
                text,
                facets,
            ),
            (sort, metric, interval, stacked, selected, view, page, lang, tables),
        )| ViewState {
            collections,
            files,
            from,
            to,
            date_match,
            actors,
            actor_role,
            kinds,
            governorates,
            publishers,
            casualty,
            facets,
            text,
            sort,
            metric,
            interval,
            stacked,
            tables,
            selected,
            view,
            page,
            lang,
        },
    )
}

/// Query strings built from the codec's own vocabulary and its troublemakers, so that random
/// cases reach the value parsers instead of stopping at "unknown parameter".
fn query_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        select(
            &[
                "view", "c", "from", "to", "actor", "role", "kind", "gov", "pub", "cas", "q",
                "party", "district", "place", "source", "sort", "metric", "by", "stack", "sel",
                "page", "", "?q", "%71", "Q", "file", "FILE", "lang", "LANG", "table", "dates",
            ][..]
        )
        .prop_map(str::to_string),
        "[a-z%]{1,6}",
    ];
    let value = prop_oneof![
        select(
            &[
                "",
                "russia",
                "russia,isis",
                "Government%20of%20Syria",
                "government+of+syria,IS",
                "%20IS%20",
                "Deir+ez-Zor",
                "deir-ez-zor",
                "2019-11-14",
                "2019-02-30",
                "0001-01-01",
                "ar",
                "en",
                "AR-sy",
                "xx",
                "%E2%80%AEar",
                "9999-12-31",
                "perpetrator",
                "within",
                "WITHIN",
                "overlap",
                "week",
                "month",
                "deaths",
                "civilians",
                "children",
                "date-asc",
                "0",
                "1",
                "4294967295",
                "4294967296",
                "ucdp:123",
                "%",
                "%4",
                "%zz",
                "%FF",
                "%E2%82",
                "%D8%A5%D8%AF%D9%84%D8%A8",
                "a,,b,",
                "+",
                "map",
                "figures",
                "file-3f9a0c1d2e4b:48211:48190:ACLED%20Syria%202023.csv",
                "file-3f9a0c1d2e4b:1:1:a%2Cb,mine:2:2:%E2%80%AEvsc.exe",
                "file-3f9a0c1d2e4b:1:1:%3Cscript%3E:x",
                "file-3f9a0c1d2e4b:1:1:",
                "file-3f9a0c1d2e4b:1",
                "file-3f9a0c1d2e4b:-1:1:x",
                "file-3f9a0c1d2e4b:1:1:%0A%09",
                ":::",
            ][..]
        )
        .prop_map(str::to_string),
        "\\PC{0,20}",
        "[%0-9A-Fa-f+,]{0,12}",
    ];
    let pair = (key, proptest::option::of(value)).prop_map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k,
    });
    (
        proptest::option::of(Just("?")),
        proptest::collection::vec(pair, 0..12),
    )
        .prop_map(|(lead, pairs)| format!("{}{}", lead.unwrap_or(""), pairs.join("&")))
}

/// `encode ∘ decode` is a fixed point of itself and the state it gives survives a round trip.
fn assert_canonical(query: &str) {
    let (state, _) = decode(query);
    let once = encode(&state);
    let (again, notices) = decode(&once);
    assert_eq!(
        again, state,
        "state changed after a round trip of {query:?} via {once:?}"
    );
    assert!(
        notices.is_empty(),
        "the canonical form {once:?} has notices {notices:?}"
    );
    assert_eq!(encode(&again), once, "not a fixed point for {query:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_never_panics_on_any_string(query in any::<String>()) {
        let _ = decode(&query);
    }

    #[test]
    fn decode_never_panics_on_query_like_strings(query in query_like()) {
        let _ = decode(&query);
    }

    #[test]
    fn valid_states_round_trip(state in state()) {
        let query = encode(&state);
        let (decoded, notices) = decode(&query);
        prop_assert_eq!(&decoded, &state, "query {:?}", query);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert!(!query.starts_with('?'));
    }

    #[test]
    fn the_one_rule_settles_any_decoded_state(query in query_like(), upper in any::<bool>()) {
        // Loaded collections as a user's files might name them, in either case.
        let loaded: Vec<String> = ["curated", "ucdp", "Mine-1"]
            .iter()
            .map(|id| if upper { id.to_uppercase() } else { id.to_string() })
            .collect();
        // A table with those collections and a few facet values, for the rule to match to.
        let mut table = EventTable {
            collection_ids: loaded.clone(),
            ..EventTable::default()
        };
        for index in &mut table.facets {
            for value in ["Government of Syria", "IS", "russia"] {
                index.dictionary.intern(value);
            }
        }
        let (mut state, _) = decode(&query);
        state.reconcile(&table);
        if let (Some(from), Some(to)) = (state.from, state.to) {
            prop_assert!(from <= to);
        }
        prop_assert!(state.collections.iter().all(|c| loaded.contains(c)));
        for facet in Facet::ALL {
            let dictionary = &table.facets[facet.index()].dictionary;
            prop_assert!(state.facets[facet.index()].iter().all(|v| dictionary.id(v).is_some()));
        }
        let mut again = state.clone();
        prop_assert!(again.reconcile(&table).is_empty());
        prop_assert_eq!(&again, &state);
        // Its link reads back as the same state, with nothing to say.
        let (read, notices) = decode(&encode(&state));
        prop_assert_eq!(&read, &state);
        prop_assert!(notices.is_empty());
    }

    #[test]
    fn the_files_in_view_survive_their_link(opened in files(), narrow in any::<bool>()) {
        // The files open here, beside a bundled collection; the view shows all, or one file.
        let table = EventTable {
            collection_ids: opened.keys().cloned().chain(["curated".to_string()]).collect(),
            ..EventTable::default()
        };
        let mut state = ViewState::default();
        if narrow {
            state.collections = opened.keys().take(1).cloned().collect();
        }
        state.label_files(&table, &opened);
        for (id, label) in &state.files {
            prop_assert!(label.name().len() <= MAX_FILE_NAME_BYTES);
            prop_assert_eq!(opened.get(id), Some(label));
        }
        let query = encode(&state);
        prop_assert_eq!(query.matches("file=").count(), usize::from(!state.files.is_empty()));
        let (read, notices) = decode(&query);
        prop_assert_eq!(&read, &state, "query {:?}", query);
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }

    #[test]
    fn encode_of_decode_is_a_fixed_point(query in query_like()) {
        assert_canonical(&query);
    }

    #[test]
    fn encode_of_decode_is_a_fixed_point_on_any_string(query in any::<String>()) {
        assert_canonical(&query);
    }

    #[test]
    fn parameter_order_does_not_matter(state in state(), seed in any::<u64>()) {
        // Shuffle the canonical parameters: the decoded state and its encoding are unchanged.
        let query = encode(&state);
        let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
        let len = pairs.len();
        if len > 1 {
            let mut x = seed;
            for i in (1..len).rev() {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                pairs.swap(i, (x >> 33) as usize % (i + 1));
            }
        }
        let shuffled = pairs.join("&");
        prop_assert_eq!(decode(&shuffled).0, state);
        prop_assert_eq!(encode(&decode(&shuffled).0), query);
    }
}

#[test]
fn regression_corpus() {
    let corpus = include_str!("query_corpus.txt");
    let mut lines = 0;
    for line in corpus.split('\n') {
        // Tolerate a checkout that turned line ends into CRLF.
        let query = line.strip_suffix('\r').unwrap_or(line);
        assert_canonical(query);
        lines += 1;
    }
    assert!(lines >= 20, "the corpus lost its lines: {lines}");
}

#[test]
fn arabic_and_emoji_text_round_trips() {
    let state = ViewState {
        text: "قصف على معرّة النعمان 🇸🇾 \u{200F}rtl".to_string(),
        ..ViewState::default()
    };
    let query = encode(&state);
    assert!(query.is_ascii(), "{query}");
    assert_eq!(decode(&query), (state, Vec::new()));
}
