//! The filter's tests: each dimension on a small table, and the cross counts against a
//! brute-force recount on random tables.

use super::*;
use crate::core::model::DatePrecision;
use crate::core::table::test_data::*;
use crate::core::vocab::{CasualtyGroup, Outcome, Role};

fn day(text: &str) -> Day {
    Day::parse(text).unwrap_or_default()
}

fn bit(index: usize) -> u32 {
    1 << index
}

/// Eight events across two collections with varied dimensions.
fn datasets() -> Vec<crate::core::model::Dataset> {
    let curated = dataset(
        "curated",
        vec![
            // 0
            ev("curated:1", "2019-11-14")
                .actor(Actor::Russia, Role::Perpetrator)
                .actor(Actor::Civilians, Role::Target)
                .place("Ariha", Some(Governorate::Idlib))
                .killed(CasualtyGroup::Civilians, 5)
                .killed(CasualtyGroup::Children, 2)
                .cite(SOHR, "Russian warplanes struck a market in Ariha"),
            // 1
            ev("curated:2", "2019-11-20")
                .kind(EventKind::Shelling)
                .actor(Actor::SyrianGovernment, Role::Perpetrator)
                .actor(Actor::Russia, Role::Participant)
                .place("Kafr Nubl", Some(Governorate::Idlib))
                .place("Suran", Some(Governorate::Hama))
                .casualty(casualty(
                    CasualtyGroup::People,
                    Outcome::Injured,
                    None,
                    None,
                    None,
                ))
                .cite(SNHR, "shelling of Kafr Nubl"),
            // 2: month precision
            ev("curated:3", "2019-11-01")
                .range("2019-11-01", "2019-11-30", DatePrecision::Month)
                .kind(EventKind::GroundAttack)
                .actor(Actor::Turkey, Role::Perpetrator)
                .actor(Actor::Sdf, Role::Target)
                .place("Ras al-Ayn", Some(Governorate::AlHasakah))
                .killed(CasualtyGroup::Combatants, 12)
                .cite(AL_JAZEERA, "Turkish-backed forces")
                .cite(SOHR, "clashes near Ras al-Ayn"),
            // 3: milestone
            ev("curated:4", "2019-10-22")
                .kind(EventKind::CeasefireAgreement)
                .actor(Actor::Russia, Role::Participant)
                .actor(Actor::Turkey, Role::Participant)
                .summary("Sochi memorandum")
                .cite(AL_JAZEERA, "agreement"),
            // 4
            ev("curated:5", "2020-02-03")
                .actor(Actor::Israel, Role::Perpetrator)
                .place("Damascus airport", Some(Governorate::Damascus))
                .casualty(casualty(
                    CasualtyGroup::Combatants,
                    Outcome::Killed,
                    None,
                    None,
                    None,
                ))
                .cite(SOHR, "Israeli missiles"),
        ],
    );
    let ucdp = dataset(
        "ucdp",
        vec![
            // 5
            ev("ucdp:1", "2019-11-14")
                .kind(EventKind::StateBasedViolence)
                .actor(Actor::SyrianGovernment, Role::Participant)
                .party(Actor::Opposition, Role::Participant, 0)
                .place("Idlib", Some(Governorate::Idlib))
                .casualty(casualty(
                    CasualtyGroup::All,
                    Outcome::Killed,
                    Some(3),
                    Some(4),
                    Some(6),
                ))
                .cite(UCDP, "clashes"),
            // 6
            ev("ucdp:2", "2019-12-25")
                .kind(EventKind::OneSidedViolence)
                .actor(Actor::Isis, Role::Perpetrator)
                .place("Deir ez-Zor", Some(Governorate::DeirEzZor))
                .killed(CasualtyGroup::Civilians, 3)
                .cite(UCDP, "ISIS executed"),
            // 7: no actor, no place
            ev("ucdp:3", "2018-05-01").cite(UCDP, "unknown attackers"),
        ],
    );
    vec![curated, ucdp]
}

fn table() -> EventTable {
    EventTable::build(&datasets())
}

fn ids(filter: &Filter) -> Vec<u32> {
    filter.rows(&table())
}

#[test]
fn empty_filter_keeps_every_row() {
    assert_eq!(ids(&Filter::default()), (0..8).collect::<Vec<u32>>());
}

#[test]
fn date_range_keeps_overlapping_events() {
    let november = Filter {
        from: Some(day("2019-11-10")),
        to: Some(day("2019-11-16")),
        ..Filter::default()
    };
    // The month-precision event overlaps the week; the day events outside it do not.
    assert_eq!(ids(&november), vec![0, 2, 5]);
    let open_end = Filter {
        from: Some(day("2019-12-01")),
        ..Filter::default()
    };
    assert_eq!(ids(&open_end), vec![4, 6]);
    let open_start = Filter {
        to: Some(day("2019-10-31")),
        ..Filter::default()
    };
    assert_eq!(ids(&open_start), vec![3, 7]);
}

#[test]
fn date_range_within_keeps_only_events_dated_inside_it() {
    let week = Filter {
        from: Some(day("2019-11-10")),
        to: Some(day("2019-11-16")),
        date_match: DateMatch::Within,
        ..Filter::default()
    };
    // The month-precision event (2) reaches beyond the week: left out.
    assert_eq!(ids(&week), vec![0, 5]);
    let month = Filter {
        from: Some(day("2019-11-01")),
        to: Some(day("2019-11-30")),
        ..week.clone()
    };
    assert_eq!(ids(&month), vec![0, 1, 2, 5]);
    // Open ends: every day before `to`, or after `from`.
    let open_start = Filter {
        from: None,
        to: Some(day("2019-10-31")),
        ..week.clone()
    };
    assert_eq!(ids(&open_start), vec![3, 7]);
    // Row by row and in batch agree.
    let table = table();
    for row in 0..table.len() {
        assert_eq!(
            week.matches_row(&table, row, None),
            week.rows(&table).contains(&(row as u32))
        );
    }
}

#[test]
fn actors_by_role() {
    let russia = Filter {
        actors: bit(Actor::Russia.index()),
        ..Filter::default()
    };
    assert_eq!(ids(&russia), vec![0, 1, 3]);
    let russia_perpetrator = Filter {
        actor_role: ActorRole::Perpetrator,
        ..russia.clone()
    };
    assert_eq!(ids(&russia_perpetrator), vec![0]);
    // Within a dimension the options are alternatives.
    let either = Filter {
        actors: bit(Actor::Isis.index()) | bit(Actor::Israel.index()),
        ..Filter::default()
    };
    assert_eq!(ids(&either), vec![4, 6]);
}

#[test]
fn kinds_governorates_collections_publishers() {
    let shelling = Filter {
        kinds: bit(EventKind::Shelling.index()) | bit(EventKind::OneSidedViolence.index()),
        ..Filter::default()
    };
    assert_eq!(ids(&shelling), vec![1, 6]);
    let hama = Filter {
        governorates: 1 << Governorate::Hama.index(),
        ..Filter::default()
    };
    assert_eq!(ids(&hama), vec![1]);
    let idlib = Filter {
        governorates: 1 << Governorate::Idlib.index(),
        ..Filter::default()
    };
    assert_eq!(ids(&idlib), vec![0, 1, 5]);
    let ucdp = Filter {
        collections: 1 << 1,
        ..Filter::default()
    };
    assert_eq!(ids(&ucdp), vec![5, 6, 7]);
    let al_jazeera = Filter {
        publishers: bit(Publisher::AlJazeera.index()),
        ..Filter::default()
    };
    assert_eq!(ids(&al_jazeera), vec![2, 3]);
}

#[test]
fn casualty_options_use_the_flags() {
    let with = |casualty| Filter {
        casualty: Some(casualty),
        ..Filter::default()
    };
    // Row 4 has "combatants killed" without a number: still found.
    assert_eq!(ids(&with(CasualtyFilter::AnyKilled)), vec![0, 2, 4, 5, 6]);
    assert_eq!(ids(&with(CasualtyFilter::CiviliansKilled)), vec![0, 6]);
    assert_eq!(ids(&with(CasualtyFilter::ChildrenKilled)), vec![0]);
    assert_eq!(ids(&with(CasualtyFilter::AnyInjured)), vec![1]);
}

#[test]
fn text_is_normalised_and_anded() {
    let text = |text: &str| Filter {
        text: text.to_string(),
        ..Filter::default()
    };
    assert_eq!(ids(&text("ARIHA market")), vec![0]);
    assert_eq!(ids(&text("ras al-ayn")), vec![2]);
    // Party names are searchable.
    assert_eq!(ids(&text("ahrar")), vec![5]);
    assert_eq!(ids(&text("   ")), (0..8).collect::<Vec<u32>>());
    assert!(ids(&text("ariha saraqib")).is_empty());
}

#[test]
fn dimensions_are_anded() {
    let filter = Filter {
        actors: bit(Actor::SyrianGovernment.index()),
        governorates: 1 << Governorate::Idlib.index(),
        collections: 1,
        ..Filter::default()
    };
    assert_eq!(ids(&filter), vec![1]);
}

#[test]
fn ids_and_skipped_dimensions() {
    for option in CasualtyFilter::ALL {
        assert_eq!(CasualtyFilter::from_id(option.id()), Some(*option));
    }
    assert_eq!(CasualtyFilter::from_id("dead"), None);
    assert_eq!(
        ActorRole::from_id("perpetrator"),
        Some(ActorRole::Perpetrator)
    );
    let table = table();
    let filter = Filter {
        kinds: bit(EventKind::Shelling.index()),
        ..Filter::default()
    };
    assert!(!filter.matches_row(&table, 0, None));
    assert!(filter.matches_row(&table, 0, Some(Dimension::Kind)));
    assert!(!filter.matches_row(&table, 99, Some(Dimension::Kind)));
}

/// Counts recomputed the slow way: for each option, the rows that pass everything but the
/// option's dimension and have the option.
fn brute_force(filter: &Filter, table: &EventTable) -> CrossCounts {
    let passing = |dimension| -> Vec<usize> {
        (0..table.len())
            .filter(|&row| filter.matches_row(table, row, Some(dimension)))
            .collect()
    };
    let actors = filter.actor_column(table);
    let count = |dimension, has: &dyn Fn(usize) -> bool| -> u32 {
        passing(dimension)
            .into_iter()
            .filter(|&row| has(row))
            .count() as u32
    };
    CrossCounts {
        actor: (0..Actor::ALL.len())
            .map(|a| count(Dimension::Actor, &|row| actors[row] & (1 << a) != 0))
            .collect(),
        kind: (0..EventKind::ALL.len())
            .map(|k| count(Dimension::Kind, &|row| usize::from(table.kind[row]) == k))
            .collect(),
        governorate: (0..Governorate::ALL.len())
            .map(|g| {
                count(Dimension::Governorate, &|row| {
                    table.governorates[row] & (1 << g) != 0
                })
            })
            .collect(),
        collection: (0..table.collection_ids.len())
            .map(|c| {
                count(Dimension::Collection, &|row| {
                    usize::from(table.collection[row]) == c
                })
            })
            .collect(),
        publisher: (0..Publisher::ALL.len())
            .map(|p| {
                count(Dimension::Publisher, &|row| {
                    table.publishers[row] & (1 << p) != 0
                })
            })
            .collect(),
        casualty: CasualtyFilter::ALL
            .iter()
            .map(|c| count(Dimension::Casualty, &|row| table.flags[row] & c.flag() != 0))
            .collect(),
        facets: Facet::ALL.map(|facet| {
            let column = filter.facet_column(table, facet);
            (0..table.facets[facet.index()].dictionary.len() as u32)
                .map(|id| {
                    count(Dimension::of_facet(facet), &|row| {
                        column.row(row).contains(&id)
                    })
                })
                .collect()
        }),
    }
}

#[test]
fn cross_counts_equal_a_brute_force_recount() {
    let table = table();
    let filters = [
        Filter::default(),
        Filter {
            actors: bit(Actor::Russia.index()),
            ..Filter::default()
        },
        Filter {
            actors: bit(Actor::Russia.index()) | bit(Actor::Turkey.index()),
            actor_role: ActorRole::Perpetrator,
            governorates: 1 << Governorate::Idlib.index(),
            ..Filter::default()
        },
        Filter {
            from: Some(day("2019-11-01")),
            to: Some(day("2019-12-31")),
            kinds: bit(EventKind::Airstrike.index()),
            casualty: Some(CasualtyFilter::AnyKilled),
            ..Filter::default()
        },
        Filter {
            collections: 1 << 1,
            publishers: bit(Publisher::Sohr.index()),
            text: "clashes".to_string(),
            ..Filter::default()
        },
        Filter {
            from: Some(day("2019-11-14")),
            to: Some(day("2019-11-14")),
            actors: bit(Actor::SyrianGovernment.index()),
            kinds: bit(EventKind::StateBasedViolence.index()),
            governorates: 1 << Governorate::Idlib.index(),
            collections: 1,
            publishers: bit(Publisher::Ucdp.index()),
            casualty: Some(CasualtyFilter::CiviliansKilled),
            text: "clashes".to_string(),
            ..Filter::default()
        },
    ];
    for filter in &filters {
        assert_eq!(
            cross_counts(filter, &table),
            brute_force(filter, &table),
            "{filter:?}"
        );
    }
    // Random tables and filters, to reach every byte of the masks and every mix of failures.
    let mut next = crate::core::table::test_data::xorshift(0x2545_f491_4f6c_dd1d);
    let mut random = EventTable {
        collection_ids: vec!["a".into(), "b".into(), "c".into()],
        ..EventTable::default()
    };
    for row in 0..150 {
        let start = 18_000 + next(60) as i32;
        random.start.push(start);
        random.end.push(start + next(3) as i32 * next(40) as i32);
        random.collection.push(next(3) as u8);
        random.publishers.push(next(32) as u8);
        random.kind.push(next(EventKind::ALL.len() as u64) as u8);
        random.actors_any.push(next(1 << Actor::ALL.len()) as u32);
        random
            .actors_perpetrator
            .push(next(1 << Actor::ALL.len()) as u32);
        random
            .governorates
            .push(next(1 << Governorate::ALL.len()) as u16);
        random.flags.push(next(16) as u8);
        random
            .search_text
            .push(format!("row {} word{}", row, next(5)));
    }
    crate::core::facet::random::fill(&mut random.facets, 150, &mut next);
    let mut indexed = random.clone();
    indexed.index_text();
    assert!(random.rows_with_text(&search::terms("word1")).is_none());
    for _ in 0..60 {
        let pick = |n: u64, bits: u32, next: &mut dyn FnMut(u64) -> u64| {
            if next(3) == 0 {
                0
            } else {
                next(1 << bits.min(32)) as u32 & (n as u32)
            }
        };
        let filter = Filter {
            from: (next(3) == 0).then(|| Day(18_000 + next(60) as i32)),
            to: (next(3) == 0).then(|| Day(18_030 + next(60) as i32)),
            date_match: if next(2) == 0 {
                DateMatch::Overlap
            } else {
                DateMatch::Within
            },
            actors: pick(u64::from(u32::MAX), Actor::ALL.len() as u32, &mut next),
            actor_role: if next(2) == 0 {
                ActorRole::Any
            } else {
                ActorRole::Perpetrator
            },
            kinds: pick(u64::from(u32::MAX), EventKind::ALL.len() as u32, &mut next),
            governorates: pick(0xFFFF, 14, &mut next) as u16,
            collections: pick(0b111, 3, &mut next),
            publishers: pick(0b11111, 5, &mut next),
            casualty: (next(3) == 0).then(|| CasualtyFilter::ALL[next(4) as usize]),
            text: if next(4) == 0 {
                "word1".to_string()
            } else {
                String::new()
            },
            facets: std::array::from_fn(|_| crate::core::facet::random::selection(&mut next)),
        };
        // Both text paths: the scan of a table without its index, and the index.
        for table in [&random, &indexed] {
            assert_eq!(
                cross_counts(&filter, table),
                brute_force(&filter, table),
                "{filter:?}"
            );
            let rows: Vec<u32> = (0..table.len() as u32)
                .filter(|&row| filter.matches_row(table, row as usize, None))
                .collect();
            assert_eq!(filter.rows(table), rows);
            let marks = filter.marks(table);
            assert_eq!(marks.rows(), rows);
            // The date histogram ignores the date filter and nothing else.
            let week = |day: i32| usize::try_from((day - 18_000) / 7).ok();
            let histogram = date_counts(&marks, 12, |row| week(table.start[row]));
            let mut expected = vec![0u32; 12];
            for row in 0..table.len() {
                if filter.matches_row(table, row, Some(Dimension::Date)) {
                    if let Some(n) = week(table.start[row]).and_then(|w| expected.get_mut(w)) {
                        *n += 1;
                    }
                }
            }
            assert_eq!(histogram, expected, "{filter:?}");
            assert_eq!(
                cross_counts_of(&filter, table, &marks),
                cross_counts(&filter, table)
            );
        }
    }
    // With nothing selected the counts are plain totals.
    let totals = cross_counts(&Filter::default(), &table);
    assert_eq!(totals.collection, vec![5, 3]);
    assert_eq!(totals.actor.get(Actor::Russia.index()), Some(&3));
    assert_eq!(totals.casualty, vec![5, 2, 1, 1]);
}
