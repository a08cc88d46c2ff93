//! The URL codec's tests: round trips, canonical form, and every kind of odd link.

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
        date_match: DateMatch::Within,
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
fn matching_dates_within_the_window_is_part_of_the_link() {
    let within = ViewState {
        from: Some(day("2017-03-15")),
        to: Some(day("2017-03-15")),
        date_match: DateMatch::Within,
        ..ViewState::default()
    };
    assert_eq!(
        encode(&within),
        "from=2017-03-15&to=2017-03-15&dates=within"
    );
    assert_eq!(
        decoded("?dates=WITHIN&to=2017-03-15&from=2017-03-15"),
        within
    );
    // Overlap is the default, and not written.
    let overlap = ViewState {
        date_match: DateMatch::Overlap,
        ..within.clone()
    };
    assert_eq!(encode(&overlap), "from=2017-03-15&to=2017-03-15");
    assert_eq!(
        decoded("?from=2017-03-15&to=2017-03-15&dates=overlap"),
        overlap
    );
    // An odd value is ignored with a notice; Clear all clears it with the dates.
    let (state, notices) = decode("dates=inside");
    assert_eq!(state, ViewState::default());
    assert_eq!(notices.len(), 1);
    assert_eq!(within.cleared(), ViewState::default());
    assert_eq!(within.filter(&table_of(&[])).date_match, DateMatch::Within);
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
        "lang=ar&view=map&c=curated,ucdp&from=2019-11-01&to=2020-03-05&dates=within\
         &actor=russia,turkey\
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
    let mut state = decoded("c=FILE-AAAAAAAAAAAA,curated&file=file-aaaaaaaaaaaa:1:1:theirs.csv");
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
    let filter = decoded("gov=idlib&kind=ied&pub=snhr&cas=injured").filter(&EventTable::default());
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

#[test]
fn clear_all_clears_the_filters_and_keeps_the_rest() {
    let link = "c=ucdp&from=2017-01-01&to=2017-12-31&actor=russia&role=perpetrator&kind=airstrike\
        &gov=idlib&pub=snhr&cas=civilians&q=saraqib&sort=deaths-desc&metric=deaths\
        &by=week&stack=0&table=timeline&sel=ucdp:1&view=map&page=3&lang=ar";
    let state = decode(link).0;
    // The link sets every field it names (else the test below proves less than it says).
    assert_ne!(state.from, None);
    assert!(!state.actors.is_empty() && !state.kinds.is_empty() && state.casualty.is_some());
    let default = ViewState::default();
    assert!(state.view != default.view && state.sort != default.sort);
    assert!(state.metric != default.metric && state.interval != default.interval);
    assert!(!state.stacked && !state.tables.is_empty() && state.selected.is_some());
    assert!(state.page > 0 && state.lang.is_some() && !state.collections.is_empty());
    assert!(!state.governorates.is_empty() && !state.publishers.is_empty());
    assert!(!state.text.is_empty() && state.actor_role != ActorRole::Any);
    let cleared = state.cleared();
    assert_eq!((cleared.from, cleared.to), (None, None));
    assert!(cleared.actors.is_empty() && cleared.kinds.is_empty());
    assert!(cleared.governorates.is_empty() && cleared.publishers.is_empty());
    assert_eq!(cleared.actor_role, ActorRole::Any);
    assert_eq!(cleared.casualty, None);
    assert!(cleared.text.is_empty());
    assert_eq!(cleared.page, 0);
    // Bundled collections alone are a filter: cleared.
    assert!(cleared.collections.is_empty());
    // What is not a filter stays.
    assert_eq!(
        (
            cleared.view,
            cleared.sort,
            cleared.metric,
            cleared.interval,
            cleared.stacked
        ),
        (
            state.view,
            state.sort,
            state.metric,
            state.interval,
            state.stacked
        )
    );
    assert_eq!(cleared.tables, state.tables);
    assert_eq!(cleared.selected, state.selected);
    assert_eq!(cleared.lang, state.lang);
    // The facets' values are filters too.
    let mut faceted = state.clone();
    faceted.facets[0].insert("Hayat Tahrir al Sham".to_string());
    assert!(faceted.cleared().facets.iter().all(BTreeSet::is_empty));
}

#[test]
fn clear_all_keeps_a_readers_file_in_view() {
    let mut state = decode("gov=idlib&view=map").0;
    let file = "file-84e4b34327f1".to_string();
    state.collections.insert(file.clone());
    let Some(label) = FileLabel::new(10, 10, "export.csv") else {
        panic!("a label")
    };
    state.files.insert(file.clone(), label);
    let cleared = state.cleared();
    assert_eq!(cleared.collections, state.collections);
    assert_eq!(cleared.files, state.files);
    assert!(cleared.governorates.is_empty());
    // A link that names a collection with no file of that id keeps nothing of it.
    let mut bundled = state.clone();
    bundled.files.clear();
    assert!(bundled.cleared().collections.is_empty());
}

#[test]
fn an_events_link_names_its_file_when_it_is_from_one() {
    let id = "file-0123456789ab";
    let opened = BTreeMap::from([(id.to_string(), file(20, 17, "mine.csv"))]);
    // An event of the file: its link names the file, so that a device without it says which.
    let query = event_query(&format!("{id}:SYR90016"), &opened);
    let (state, notices) = decode(&query);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        state.selected.as_deref(),
        Some("file-0123456789ab:SYR90016")
    );
    assert_eq!(state.files.get(id), opened.get(id));
    // A bundled event, or one of a file not open here: the id alone.
    for other in ["ucdp:255109", "file-ba9876543210:SYR1", "snhr-russia-2y-12"] {
        assert_eq!(
            decode(&event_query(other, &opened)).0,
            ViewState {
                selected: Some(other.to_string()),
                ..ViewState::default()
            }
        );
    }
}

/// A notice of a value a parameter cannot take says what it expects, worded in the catalogues:
/// a parameter without its `expects-` message would show the key itself.
#[test]
fn every_parameter_says_what_it_expects_in_both_languages() {
    for (lang, catalogue) in [
        (Lang::En, include_str!("../../../locales/en/main.ftl")),
        (Lang::Ar, include_str!("../../../locales/ar/main.ftl")),
    ] {
        let keys = crate::core::i18n::keys(catalogue);
        for param in params::PARAMS {
            let key = format!("expects-{}", param.key());
            assert!(keys.contains(&key), "{lang:?} lacks {key}");
        }
    }
}
