//! The table built from events, against the events it was built from.

use super::test_data::*;
use super::*;
use crate::core::vocab::{Actor, CasualtyGroup, EventKind, Governorate, Outcome, Publisher};
use CasualtyGroup::*;

fn one(event: Ev) -> EventTable {
    EventTable::build(&[dataset("curated", vec![event])])
}

fn deaths(table: &EventTable) -> (u32, u32, u32) {
    (
        table.deaths_low.first().copied().unwrap_or(u32::MAX),
        table.deaths_best.first().copied().unwrap_or(u32::MAX),
        table.deaths_high.first().copied().unwrap_or(u32::MAX),
    )
}

#[test]
fn total_over_everyone_wins_over_the_groups() {
    let table = one(ev("curated:1", "2019-11-14")
        .casualty(casualty(All, Outcome::Killed, Some(10), Some(12), Some(20)))
        .killed(Civilians, 3)
        .killed(Combatants, 4));
    assert_eq!(deaths(&table), (10, 12, 20));
    // The group columns are still the groups.
    assert_eq!(table.civilians_killed, vec![3]);
    assert_eq!(table.combatants_killed, vec![4]);
}

#[test]
fn total_without_low_or_high_falls_back_to_best() {
    let table = one(ev("curated:1", "2019-11-14").casualty(casualty(
        All,
        Outcome::Killed,
        None,
        Some(7),
        None,
    )));
    assert_eq!(deaths(&table), (7, 7, 7));
}

#[test]
fn without_a_total_non_subgroups_are_summed() {
    let table = one(ev("curated:1", "2019-11-14")
        .casualty(casualty(
            Civilians,
            Outcome::Killed,
            Some(8),
            Some(9),
            Some(15),
        ))
        .killed(Children, 4) // inside the civilians: not added again
        .killed(Women, 2)
        .killed(IsisMembers, 5)
        .killed(People, 1)
        .casualty(casualty(Civilians, Outcome::Injured, None, Some(30), None)));
    assert_eq!(deaths(&table), (14, 15, 21));
    assert_eq!(table.civilians_killed, vec![9]);
    assert_eq!(table.children_killed, vec![4]);
    assert_eq!(table.women_killed, vec![2]);
    assert_eq!(table.combatants_killed, vec![5]);
}

#[test]
fn a_subgroup_without_its_parent_counts_toward_civilians_and_deaths() {
    // "Three children killed": at least three civilians, at least three deaths.
    let table = one(ev("curated:1", "2019-05-02").casualty(casualty(
        Children,
        Outcome::Killed,
        Some(2),
        Some(3),
        Some(5),
    )));
    assert_eq!(deaths(&table), (2, 3, 5));
    assert_eq!(table.civilians_killed, vec![3]);
    assert_eq!(table.children_killed, vec![3]);
    // "Ten civilians killed, three of them children": the children are inside the ten.
    let inside = one(ev("curated:2", "2019-05-03")
        .killed(Civilians, 10)
        .killed(Children, 3));
    assert_eq!(deaths(&inside), (10, 10, 10));
    assert_eq!(inside.civilians_killed, vec![10]);
}

#[test]
fn subgroups_prove_a_lower_bound_of_civilians() {
    // Children and women do not overlap; a woman may be a medic, so the adult subgroups
    // give only the largest of them.
    let table = one(ev("curated:1", "2019-05-02")
        .killed(Children, 4)
        .killed(Women, 2)
        .killed(MedicalPersonnel, 1)
        .killed(Combatants, 6));
    assert_eq!(table.civilians_killed, vec![6]);
    assert_eq!(deaths(&table), (12, 12, 12));
    // A stated civilians figure below what its subgroups prove is raised to it.
    let raised = one(ev("curated:2", "2019-05-02")
        .killed(Civilians, 2)
        .killed(Children, 3));
    assert_eq!(raised.civilians_killed, vec![3]);
    assert_eq!(deaths(&raised), (3, 3, 3));
    // Unnumbered subgroups prove nothing.
    let vague = one(ev("curated:3", "2019-05-02").casualty(casualty(
        Children,
        Outcome::Killed,
        None,
        None,
        None,
    )));
    assert_eq!(vague.civilians_killed, vec![0]);
}

#[test]
fn subgroups_are_read_inside_a_numbered_people_entry() {
    // "The killing of 200 ISIS operatives and their families, women and children".
    let table = one(ev("curated:1", "2019-03-21")
        .killed(People, 200)
        .killed(Women, 20)
        .killed(Children, 30));
    assert_eq!(deaths(&table), (200, 200, 200));
    assert_eq!(table.civilians_killed, vec![50]);
}

#[test]
fn unnumbered_casualties_count_zero_but_set_flags() {
    let table = one(ev("curated:1", "2019-11-14")
        .casualty(casualty(Children, Outcome::Killed, None, None, None))
        .casualty(casualty(People, Outcome::Injured, None, None, None)));
    assert_eq!(deaths(&table), (0, 0, 0));
    assert_eq!(
        table.flags,
        vec![KILLED_ANY | CIVILIAN_KILLED_ANY | CHILD_KILLED_ANY | INJURED_ANY]
    );
    let none = one(ev("curated:2", "2019-11-14"));
    assert_eq!(none.flags, vec![0]);
}

#[test]
fn milestones_carry_no_deaths() {
    let table = one(ev("curated:1", "2019-11-14")
        .kind(EventKind::CeasefireAgreement)
        .killed(Civilians, 3));
    assert_eq!(deaths(&table), (0, 0, 0));
    assert_eq!(table.civilians_killed, vec![0]);
    // Nor casualty flags: a casualty filter never finds an agreement or a political event.
    assert_eq!(table.flags, vec![0]);
    let political = one(ev("curated:2", "2019-11-14")
        .kind(EventKind::PoliticalEvent)
        .killed(Children, 3));
    assert_eq!(deaths(&political), (0, 0, 0));
    assert_eq!(political.flags, vec![0]);
}

#[test]
fn masks_and_lead_actor() {
    let table = one(ev("curated:1", "2019-11-14")
        .actor(Actor::Civilians, Role::Target)
        .actor(Actor::Turkey, Role::Perpetrator)
        .actor(Actor::Russia, Role::Perpetrator)
        .place("Ariha", Some(Governorate::Idlib))
        .place("Kafr Nubl", Some(Governorate::Idlib))
        .place("Suran", Some(Governorate::Hama))
        .place("somewhere", None)
        .cite(SOHR, "q")
        .cite(UCDP, "q")
        .cite("missing-source", "q"));
    let bit = |a: Actor| 1u32 << a.index();
    assert_eq!(
        table.actors_any,
        vec![bit(Actor::Civilians) | bit(Actor::Turkey) | bit(Actor::Russia)]
    );
    assert_eq!(
        table.actors_perpetrator,
        vec![bit(Actor::Turkey) | bit(Actor::Russia)]
    );
    // First perpetrator in record order, not in vocabulary order.
    assert_eq!(table.lead_actor, vec![Actor::Turkey.index() as u8]);
    assert_eq!(
        table.governorates,
        vec![(1 << Governorate::Idlib.index()) | (1 << Governorate::Hama.index())]
    );
    assert_eq!(
        table.publishers,
        vec![(1 << Publisher::Sohr.index()) | (1 << Publisher::Ucdp.index())]
    );
    let no_perpetrator = one(ev("curated:2", "2019-11-14").actor(Actor::Sdf, Role::Participant));
    assert_eq!(no_perpetrator.lead_actor, vec![Actor::Sdf.index() as u8]);
    assert_eq!(
        one(ev("curated:3", "2019-11-14")).lead_actor,
        vec![NO_ACTOR]
    );
}

#[test]
fn rows_locations_collections_and_search_text() {
    let first = dataset(
        "curated",
        vec![
            ev("curated:1", "2019-11-14")
                .summary("Strike on Ḩalāqīm")
                .party(Actor::Opposition, Role::Target, 0),
            ev("curated:bad", "2019-02-30"),
            ev("curated:2", "2019-11-15").place("Maʿarrat al-Nu’man", None),
        ],
    );
    let second = dataset(
        "ucdp",
        vec![ev("ucdp:1", "2019-11-16").cite(UCDP, "“Quoted” text")],
    );
    let datasets = [first, second];
    let table = TableBuilder::new(&datasets)
        .keeping_search_text()
        .build(&datasets);
    // The impossible date is left out.
    assert_eq!(table.len(), 3);
    assert_eq!(table.locations, vec![(0, 0), (0, 2), (1, 0)]);
    assert_eq!(table.collection, vec![0, 0, 1]);
    assert_eq!(table.collection_ids, vec!["curated", "ucdp"]);
    assert_eq!(table.row_of("ucdp:1", &datasets), Some(2));
    assert_eq!(table.row_of("curated:2", &datasets), Some(1));
    assert_eq!(table.row_of("curated:bad", &datasets), None);
    assert_eq!(
        table.event(2, &datasets).map(|e| e.id),
        Some("ucdp:1".to_string())
    );
    assert_eq!(
        table.search_text,
        vec![
            "strike on halaqim ahrar al sham".to_string(),
            "maarrat al numan".to_string(),
            "quoted text".to_string(),
        ]
    );
    assert_eq!(
        table.start.first().copied(),
        Day::parse("2019-11-14").ok().map(|d| d.0)
    );
    assert!(EventTable::build::<Dataset>(&[]).is_empty());
}

/// The rows of `table` that `terms` find ([`EventTable::rows_with_text`]), ascending; none when
/// its index does not cover it.
fn rows_found(table: &EventTable, terms: &[String]) -> Vec<usize> {
    let found = table.rows_with_text(terms);
    (0..table.len())
        .filter(|&row| found.as_ref().is_some_and(|set| set.contains(row)))
        .collect()
}

#[test]
fn a_built_table_searches_its_index_without_keeping_the_texts() {
    let datasets = [dataset(
        "curated",
        vec![
            ev("curated:1", "2019-11-14").summary("Strike on Ḩalāqīm market"),
            ev("curated:2", "2019-11-15").place("Maʿarrat al-Nu’man", None),
            ev("curated:3", "2019-11-16").summary("Shelling of the market"),
        ],
    )];
    let kept = TableBuilder::new(&datasets)
        .keeping_search_text()
        .build(&datasets);
    let table = EventTable::build(&datasets);
    assert!(table.search_text.is_empty());
    assert_eq!(kept.search_text.len(), table.len());
    // Every word of every kept text, and every prefix of it, finds the same rows in both
    // tables, and those are the rows whose kept text holds it.
    for text in &kept.search_text {
        for word in text.split(' ') {
            for end in 1..=word.len() {
                let Some(term) = word.get(..end) else {
                    continue;
                };
                let terms = vec![term.to_string()];
                let expected: Vec<usize> = (0..kept.len())
                    .filter(|&row| kept.search_text[row].contains(term))
                    .collect();
                for searched in [&kept, &table] {
                    assert_eq!(rows_found(searched, &terms), expected, "{term}");
                }
            }
        }
    }
}

/// A governorate's name, in English or in Arabic, matches the events in it whatever their texts
/// say, through the index and through a row's kept text alike, and each term of a query is
/// matched either way (AND of terms).
#[test]
fn a_search_matches_an_event_by_its_governorates_name_in_either_language() {
    use crate::core::filter::Filter;
    use crate::core::search::terms;
    let datasets = [dataset(
        "curated",
        vec![
            ev("curated:1", "2019-11-14")
                .summary("Strike on the market")
                .place("Kafr Hamra", Some(Governorate::Aleppo)),
            ev("curated:2", "2019-11-15")
                .summary("Strike on the market")
                .place("Saraqib", Some(Governorate::Idlib)),
            ev("curated:3", "2019-11-16").summary("Shelling near Aleppo"),
        ],
    )];
    let kept = TableBuilder::new(&datasets)
        .keeping_search_text()
        .build(&datasets);
    let table = EventTable::build(&datasets);
    for (query, expected) in [
        ("Aleppo", vec![0, 2]),
        ("حلب", vec![0]),
        ("إدلب", vec![1]),
        ("idl", vec![1]),
        ("market حلب", vec![0]),
        ("market saraqib", vec![1]),
        ("حلب saraqib", vec![]),
    ] {
        let terms = terms(query);
        for searched in [&kept, &table] {
            assert_eq!(rows_found(searched, &terms), expected, "{query}");
        }
        // A kept text, tested row by row, as a table without its index is filtered.
        let by_row: Vec<usize> = (0..kept.len())
            .filter(|&row| {
                kept.row_matches_terms(
                    row,
                    &kept.search_text[row],
                    &EventTable::named_terms(&terms),
                )
            })
            .collect();
        assert_eq!(by_row, expected, "{query}, row by row");
        let filter = Filter {
            text: query.to_string(),
            ..Filter::default()
        };
        assert_eq!(
            filter.rows(&table),
            expected.iter().map(|&r| r as u32).collect::<Vec<_>>()
        );
    }
}
