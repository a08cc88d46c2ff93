//! Open vocabularies on the bundled collections: every actor name, district, place and source a
//! collection holds is a filterable option, UCDP's side names as well as the broad categories
//! they are grouped under. Expected figures are computed here from the JSON files, read as plain
//! JSON, not through the model.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value as Json;

use common::{json, BUNDLED};

use incident_explorer::core::catalog::Catalog;
use incident_explorer::core::facet::Facet;
use incident_explorer::core::filter::{self, ActorRole};
use incident_explorer::core::query::{self, ViewState};

fn catalog() -> Catalog {
    common::catalog(&BUNDLED)
}

fn list(value: &Json) -> &[Json] {
    value.as_array().map(Vec::as_slice).unwrap_or_default()
}

/// The state a link asks for after the one rule, with the rule's notices.
fn state_of(catalog: &Catalog, link: &str) -> (ViewState, Vec<String>) {
    let (mut state, _) = query::decode(link);
    let notices = state.reconcile(&catalog.table);
    (state, notices.into_iter().map(|n| n.message).collect())
}

fn rows_of(catalog: &Catalog, link: &str) -> usize {
    let (state, _) = state_of(catalog, link);
    state.filter(&catalog.table).rows(&catalog.table).len()
}

/// Per UCDP party name, the events naming it, in any role and as perpetrator.
fn ucdp_party_events(file: &Json) -> BTreeMap<String, (usize, usize)> {
    let parties: Vec<&str> = list(&file["parties"])
        .iter()
        .map(|party| party["name"].as_str().unwrap_or_default())
        .collect();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for event in list(&file["events"]) {
        let mut any = BTreeSet::new();
        let mut perpetrator = BTreeSet::new();
        for actor in list(&event["actors"]) {
            let Some(name) = actor["party"]
                .as_u64()
                .and_then(|index| parties.get(index as usize))
            else {
                continue;
            };
            any.insert(*name);
            if actor["role"] == "perpetrator" {
                perpetrator.insert(*name);
            }
        }
        for name in any {
            counts.entry(name.to_string()).or_default().0 += 1;
        }
        for name in perpetrator {
            counts.entry(name.to_string()).or_default().1 += 1;
        }
    }
    counts
}

#[test]
fn ucdp_is_filterable_by_its_own_side_names() {
    let catalog = catalog();
    let ucdp = json(BUNDLED[1]);
    let expected = ucdp_party_events(&ucdp);
    assert!(expected.len() > 50, "UCDP names dozens of parties");
    let government = expected
        .get("Government of Syria")
        .copied()
        .unwrap_or_default();
    assert!(government.0 > 0);
    // Every name the file holds is an option, and its count within UCDP is its events (the
    // curated collection names some actors the same way, "Civilians" for one).
    let party = &catalog.table.facets[Facet::Party.index()];
    let (in_ucdp, _) = state_of(&catalog, "c=ucdp");
    let counts = filter::cross_counts(&in_ucdp.filter(&catalog.table), &catalog.table);
    for (name, &(any, _)) in &expected {
        let id = party
            .dictionary
            .id(name)
            .unwrap_or_else(|| panic!("{name} is not an option"));
        assert_eq!(
            counts.facets[Facet::Party.index()][id as usize] as usize,
            any,
            "{name}"
        );
    }
    // A link names a side as UCDP spells it, or in other letter case.
    assert_eq!(
        rows_of(&catalog, "party=Government%20of%20Syria"),
        government.0
    );
    let (state, notices) = state_of(&catalog, "party=government+of+syria");
    assert_eq!(
        query::encode(&state),
        "party=Government%20of%20Syria",
        "{notices:?}"
    );
    assert!(notices.is_empty(), "{notices:?}");
    // As perpetrator: UCDP's one-sided violence names its perpetrator.
    let (is_any, is_perpetrator) = expected.get("IS").copied().unwrap_or_default();
    assert!(is_perpetrator > 0 && is_perpetrator < is_any);
    assert_eq!(
        rows_of(&catalog, "party=IS&role=perpetrator"),
        is_perpetrator
    );
    let state = ViewState {
        actor_role: ActorRole::Perpetrator,
        ..ViewState::default()
    };
    let counts = filter::cross_counts(&state.filter(&catalog.table), &catalog.table);
    let is = party.dictionary.id("IS").unwrap_or(u32::MAX);
    assert_eq!(
        counts.facets[Facet::Party.index()][is as usize] as usize,
        is_perpetrator
    );
}

#[test]
fn the_broad_categories_group_the_source_names() {
    let catalog = catalog();
    let ucdp = json(BUNDLED[1]);
    // The names UCDP maps to "Syrian government forces", from the file.
    let grouped: Vec<String> = list(&ucdp["parties"])
        .iter()
        .filter(|party| {
            list(&party["actors"])
                .iter()
                .any(|a| a == "syrian_government")
        })
        .filter_map(|party| party["name"].as_str().map(str::to_string))
        .collect();
    assert!(grouped.iter().any(|name| name == "Government of Syria"));
    // Filtering by the broad category finds every event naming one of those names, in UCDP.
    let by_names = format!(
        "c=ucdp&party={}",
        grouped
            .iter()
            .map(|name| name.replace(' ', "%20").replace(',', "%2C"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let by_category = rows_of(&catalog, "c=ucdp&actor=syrian_government");
    assert_eq!(rows_of(&catalog, &by_names), by_category);
    // The table keeps that grouping per name.
    let party = &catalog.table.facets[Facet::Party.index()];
    let id = party
        .dictionary
        .id("Government of Syria")
        .unwrap_or(u32::MAX);
    let syrian_government = 1u32 << incident_explorer::core::vocab::Actor::SyrianGovernment.index();
    assert_ne!(
        party.groups.get(id as usize).copied().unwrap_or(0) & syrian_government,
        0
    );
    // Both dimensions at once: the name within the category.
    assert_eq!(
        rows_of(
            &catalog,
            "actor=syrian_government&party=Government%20of%20Syria"
        ),
        rows_of(&catalog, "party=Government%20of%20Syria")
    );
}

#[test]
fn places_districts_and_sources_are_options() {
    let catalog = catalog();
    let mut places: BTreeMap<String, usize> = BTreeMap::new();
    let mut districts: BTreeMap<String, usize> = BTreeMap::new();
    let mut offices: BTreeMap<String, usize> = BTreeMap::new();
    for path in BUNDLED {
        let file = json(path);
        for event in list(&file["events"]) {
            let named: BTreeSet<&str> = list(&event["places"])
                .iter()
                .filter_map(|p| p["name"].as_str())
                .map(str::trim)
                .collect();
            for name in named {
                *places.entry(name.to_string()).or_default() += 1;
            }
            let in_districts: BTreeSet<&str> = list(&event["places"])
                .iter()
                .filter_map(|p| p["district"].as_str())
                .map(str::trim)
                .collect();
            for name in in_districts {
                *districts.entry(name.to_string()).or_default() += 1;
            }
            let cited: BTreeSet<&str> = event["ucdp"]["source_office"]
                .as_str()
                .unwrap_or_default()
                .split(';')
                .map(str::trim)
                .filter(|office| !office.is_empty())
                .collect();
            for office in cited {
                *offices.entry(office.to_string()).or_default() += 1;
            }
        }
    }
    let counts = filter::cross_counts(&filter::Filter::default(), &catalog.table);
    let check = |facet: Facet, expected: &BTreeMap<String, usize>| {
        let index = &catalog.table.facets[facet.index()];
        for (value, &events) in expected {
            let id = index.dictionary.id(value).unwrap_or(u32::MAX);
            let counted = counts.facets[facet.index()].get(id as usize).copied();
            // A source office may share its name with a report title; never fewer events.
            if facet == Facet::Source {
                assert!(counted.unwrap_or(0) as usize >= events, "{facet:?} {value}");
            } else {
                assert_eq!(counted, Some(events as u32), "{facet:?} {value}");
            }
        }
    };
    check(Facet::Place, &places);
    check(Facet::District, &districts);
    check(Facet::Source, &offices);
    assert_eq!(
        catalog.table.facets[Facet::Place.index()].dictionary.len(),
        places.len()
    );
    // Picking a place and a district filters by them; the counts of the others stay crossed.
    let (place, &events) = places
        .iter()
        .max_by_key(|(_, &events)| events)
        .unwrap_or_else(|| panic!("no places"));
    let link = format!("place={}", place.replace(' ', "%20"));
    assert_eq!(rows_of(&catalog, &link), events);
    // A source UCDP cites.
    let (office, &cited) = offices
        .iter()
        .max_by_key(|(_, &events)| events)
        .unwrap_or_else(|| panic!("no offices"));
    assert_eq!(
        rows_of(&catalog, &format!("source={}", office.replace(' ', "%20"))),
        cited
    );
}

#[test]
fn a_value_no_event_has_is_dropped_with_a_notice_and_never_widens_the_filter() {
    let catalog = catalog();
    let curated = json(BUNDLED[0]);
    let place = curated["events"][0]["places"][0]["name"]
        .as_str()
        .unwrap_or_default()
        .trim()
        .to_string();
    let link = format!(
        "party=Nobody%20at%20all&place={}",
        place.replace(' ', "%20")
    );
    let (state, notices) = state_of(&catalog, &link);
    assert!(state.facets[Facet::Party.index()].is_empty());
    assert_eq!(state.facets[Facet::Place.index()], [place].into());
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("“Nobody at all”"), "{notices:?}");
    // Without the rule (a filter built straight from a link), the unknown name matches nothing
    // rather than everything.
    let (raw, _) = query::decode("party=Nobody%20at%20all");
    assert!(raw.filter(&catalog.table).rows(&catalog.table).is_empty());
}

/// A collection with its own event types (as an ACLED import writes them): every `event_type`
/// and `sub_event_type` is an option of the one `type` dimension, counted and filtered exactly.
/// The types are given here to the curated events, cycling through a small list.
#[test]
fn a_collections_own_event_types_are_options() {
    let types = [
        ("Battles", "Armed clash"),
        ("Explosions/Remote violence", "Air/drone strike"),
        (
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
    ];
    let mut file = json(BUNDLED[0]);
    if let Some(events) = file["events"].as_array_mut() {
        for (at, event) in events.iter_mut().enumerate() {
            if at % 4 == 3 {
                continue; // some events have no type of their own
            }
            let (event_type, sub_event_type) = types[at % types.len()];
            event["event_type"] = Json::from(event_type);
            event["sub_event_type"] = Json::from(sub_event_type);
        }
    }
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for event in list(&file["events"]) {
        let named: BTreeSet<&str> = ["event_type", "sub_event_type"]
            .iter()
            .filter_map(|field| event[*field].as_str())
            .collect();
        for name in named {
            *expected.entry(name.to_string()).or_default() += 1;
        }
    }
    let bytes = serde_json::to_vec(&file).unwrap_or_else(|error| panic!("{error}"));
    let loaded = incident_explorer::core::validate::load("typed.json", &bytes)
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    let catalog = Catalog::new(vec![loaded]);
    let index = &catalog.table.facets[Facet::EventType.index()];
    assert_eq!(index.dictionary.len(), expected.len());
    let counts = filter::cross_counts(&filter::Filter::default(), &catalog.table);
    for (value, &events) in &expected {
        let id = index.dictionary.id(value).unwrap_or(u32::MAX);
        assert_eq!(
            counts.facets[Facet::EventType.index()]
                .get(id as usize)
                .copied(),
            Some(events as u32),
            "{value}"
        );
    }
    // Both levels in one link: an event of either value (values of a dimension are OR'ed).
    let battles = expected.get("Battles").copied().unwrap_or_default();
    let strikes = expected
        .get("Air/drone strike")
        .copied()
        .unwrap_or_default();
    assert!(battles > 0 && strikes > 0);
    assert_eq!(
        rows_of(&catalog, "type=battles,Air%2Fdrone%20strike"),
        battles + strikes
    );
}
