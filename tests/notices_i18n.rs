//! The URL codec's notices in the interface's languages: the English catalogue says exactly
//! what the codec says, for every notice it words as a message, and every one of them reads in
//! Arabic with no key left unresolved.

use incident_explorer::core::i18n::Lang;
use incident_explorer::core::query::{decode, Notice, ViewState};
use incident_explorer::core::table::EventTable;

/// Every notice these links give, decoded and then matched against a table that holds one
/// collection and no event.
fn notices() -> Vec<Notice> {
    let table = EventTable {
        collection_ids: vec!["curated".to_string()],
        ..EventTable::default()
    };
    let long = "x".repeat(2_100);
    let mut queries: Vec<String> = [
        "lang", "view", "c", "file", "from", "to", "actor", "role", "party", "type", "kind", "gov",
        "district", "place", "pub", "source", "cas", "q", "sort", "metric", "by", "stack", "sel",
        "page",
    ]
    .iter()
    .map(|key| format!("{key}=!!bad!!"))
    .collect();
    queries.extend(
        [
            "zz=1",
            "gov=idlib&gov=aleppo",
            "view=map&view=about",
            "from=2020-01-01&to=2019-01-01",
            "party=Nobody%20at%20all",
            "c=nothere",
            "c=file-aaaaaaaaaaaa",
            "gov=idlib%zz",
            "q=%FF%FE",
        ]
        .map(String::from),
    );
    queries.push(format!("q={long}"));
    queries.push(format!("actor={long}"));
    queries.push(
        (0..30)
            .map(|i| format!("k{i}=v"))
            .collect::<Vec<_>>()
            .join("&"),
    );
    let mut all = Vec::new();
    for query in &queries {
        let (mut state, said) = decode(query);
        all.extend(said);
        all.extend(state.reconcile(&table));
    }
    let mut paged = ViewState {
        page: 9,
        ..ViewState::default()
    };
    all.extend(paged.clamp_page(1));
    let mut paged = ViewState {
        page: 9,
        ..ViewState::default()
    };
    all.extend(paged.clamp_page(200));
    all
}

#[test]
fn the_english_catalogue_says_what_the_codec_says() {
    let notices = notices();
    let worded: Vec<&Notice> = notices.iter().filter(|n| n.said.is_some()).collect();
    assert!(worded.len() > 40, "{}", worded.len());
    for notice in worded {
        let said = notice.said.as_ref().map(|s| Lang::En.said(s));
        assert_eq!(said.as_deref(), Some(notice.message.as_str()));
    }
}

#[test]
fn every_worded_notice_reads_in_arabic() {
    for notice in notices() {
        let Some(said) = &notice.said else {
            continue;
        };
        let arabic = Lang::Ar.said(said);
        assert_ne!(arabic, said.key, "no such message: {}", said.key);
        assert!(!arabic.contains("expects-"), "{arabic}");
        assert!(
            arabic
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{arabic}"
        );
    }
}
