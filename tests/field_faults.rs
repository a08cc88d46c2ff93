//! The faults found by trying the explorer as its users would (wrong sums, links that lie), each
//! checked where it lives, in the core, on the bundled collections or on a small fixture. Every
//! expected figure is computed here from the data files, never typed in.

mod common;

use serde_json::Value as Json;

use common::{catalog, json, BUNDLED};

use incident_explorer::core::aggregate::{self, Interval, Metric};
use incident_explorer::core::catalog::Catalog;
use incident_explorer::core::compare::{self, Measure};
use incident_explorer::core::date::Day;
use incident_explorer::core::export;
use incident_explorer::core::map_layers;
use incident_explorer::core::query::{self, ViewState, PAGE_SIZE};
use incident_explorer::core::vocab::{EventKind, Governorate};

const SUBGROUPS: &str = "tests/fixtures/faults/subgroup_deaths.json";

/// Rows of the state a link asks for, after the one rule.
fn rows_of(catalog: &Catalog, link: &str) -> Vec<u32> {
    let (mut state, _) = query::decode(link);
    state.reconcile(&catalog.table);
    state.filter(&catalog.table).rows(&catalog.table)
}

fn events(file: &Json) -> &Vec<Json> {
    file["events"]
        .as_array()
        .unwrap_or_else(|| panic!("no events"))
}

fn killed_best(event: &Json, group: &str) -> Option<u64> {
    let entries: Vec<u64> = event["casualties"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["outcome"] == "killed" && c["group"] == group)
        .filter_map(|c| c["best"].as_u64())
        .collect();
    (!entries.is_empty()).then(|| entries.iter().sum())
}

/// The reading of the fixture: a civilians figure when the event gives one, else its
/// children (a subgroup with no parent entry counts toward its parent).
fn civilians_expected(event: &Json) -> u64 {
    killed_best(event, "civilians")
        .or_else(|| killed_best(event, "children"))
        .unwrap_or(0)
}

#[test]
fn deaths_given_only_for_a_subgroup_count_everywhere() {
    let file = json(SUBGROUPS);
    let per_event: Vec<u64> = events(&file).iter().map(civilians_expected).collect();
    let expected: u64 = per_event.iter().sum();
    assert!(per_event.iter().all(|&n| n > 0), "{per_event:?}");

    let catalog = catalog(&[SUBGROUPS]);
    let table = &catalog.table;
    let rows: Vec<u32> = (0..table.len() as u32).collect();

    let totals = aggregate::totals(table, &rows);
    assert_eq!(totals.deaths_best, expected, "header deaths");
    assert_eq!(totals.civilians_killed, expected, "header civilians");

    for metric in [Metric::Deaths, Metric::CivilianDeaths] {
        let timeline = aggregate::timeline(table, &rows, Interval::Month, metric, (None, None));
        let may = timeline
            .buckets
            .iter()
            .find(|b| b.start.to_string() == "2019-05-01")
            .map_or(0.0, aggregate::Bucket::total);
        assert_eq!(may, expected as f64, "timeline 2019-05, {metric:?}");
        let kinds: f64 = aggregate::by_kind(table, &rows, metric)
            .iter()
            .map(|b| b.1)
            .sum();
        assert_eq!(kinds, expected as f64, "bars by kind, {metric:?}");
        let idlib = aggregate::by_governorate(table, &rows, metric)
            .into_iter()
            .find(|(g, _)| *g == Governorate::Idlib)
            .map_or(0.0, |(_, v)| v);
        assert_eq!(idlib, expected as f64, "bars by governorate, {metric:?}");
        let map = map_layers::map_layers(table, &rows, metric);
        let on_map = map.by_governorate.get(Governorate::Idlib.index()).copied();
        assert_eq!(on_map, Some(expected as f64), "map, {metric:?}");
    }
    let actor_bars = aggregate::by_actor(table, &rows, Metric::Deaths);
    for (actor, value) in actor_bars {
        let named: f64 = (0..table.len())
            .filter(|&row| table.actors_any[row] & (1 << actor.index()) != 0)
            .map(|row| per_event[row] as f64)
            .sum();
        assert_eq!(value, named, "bars by actor {actor:?}");
    }

    let composition = aggregate::composition(table, &rows);
    assert_eq!(
        composition.children + composition.women + composition.other_civilians,
        expected,
        "composition"
    );

    let exported = export::rows(table, &catalog.datasets, &rows, &|id| id.to_string());
    let deaths: Vec<u64> = exported
        .iter()
        .filter_map(|r| r.deaths_best.map(u64::from))
        .collect();
    assert_eq!(deaths, per_event, "CSV deaths_best");
    // And in the file as written: the deaths_best column of each event's line.
    let csv = export::to_csv(&exported, &[], incident_explorer::core::i18n::Lang::En, "");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    let column = headers.iter().position(|h| h == "deaths_best");
    let written: Vec<u64> = reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|record| record.get(column?)?.parse().ok())
        .collect();
    assert_eq!(written, per_event, "CSV file deaths_best");
    let civilians: Vec<u64> = exported
        .iter()
        .filter_map(|r| r.civilians_killed.map(u64::from))
        .collect();
    assert_eq!(civilians, per_event, "export civilians_killed");

    let figure = &catalog.datasets[0].figures[0];
    let sums = compare::event_sums(&catalog, figure, &[]);
    assert_eq!(sums[0].value, Some(expected), "figures comparison");
    assert_eq!(sums[0].events as usize, per_event.len());
}

#[test]
fn a_figures_actor_sets_summed_together_are_each_summed_alone() {
    // The figures view sums every actor set of a figure from one pass over its window; each
    // set's sums must be those of its own view, whose events its link opens.
    let catalog = catalog(&BUNDLED);
    let table = &catalog.table;
    let mut compared = 0;
    for figure in catalog.datasets.iter().flat_map(|d| &d.figures) {
        let mut actor_sets = vec![Vec::new()];
        actor_sets.extend(figure.actors.iter().map(|a| vec![*a]));
        if figure.actors.len() > 1 {
            actor_sets.push(figure.actors.clone());
        }
        let together = compare::event_sums_for(&catalog, figure, &actor_sets);
        assert_eq!(together.len(), actor_sets.len());
        for (actors, sums) in actor_sets.iter().zip(&together) {
            let rows = compare::view_for(figure, actors).filter(table).rows(table);
            let counted: u32 = sums.iter().map(|s| s.events).sum();
            assert_eq!(counted as usize, rows.len(), "{} {actors:?}", figure.id);
            for (index, sum) in sums.iter().enumerate() {
                let mine = rows
                    .iter()
                    .filter(|&&row| table.collection[row as usize] as usize == index)
                    .count();
                assert_eq!(sum.events as usize, mine, "{} {actors:?}", figure.id);
            }
            compared += usize::from(!actors.is_empty() && !rows.is_empty());
        }
    }
    assert!(compared > 0, "some actor set has events");
}

#[test]
fn milestones_are_never_counted_as_incidents_or_attacks() {
    let catalog = catalog(&BUNDLED);
    let table = &catalog.table;
    let file = json(BUNDLED[0]);
    let milestone = |kind: &str| EventKind::from_id(kind).is_some_and(EventKind::is_milestone);
    let is_milestone_row = |row: u32| {
        catalog
            .event(row as usize)
            .is_some_and(|e| e.kind.is_milestone())
    };

    // Every figure's comparison, for every actor set the view shows: no milestone among the
    // events, the value of an attack count is the number of events its link opens, and only
    // attacks are among them.
    let figures = file["figures"].as_array().map_or(0, Vec::len);
    assert!(figures > 0);
    for figure in &catalog.datasets[0].figures {
        let mut actor_sets = vec![Vec::new()];
        actor_sets.extend(figure.actors.iter().map(|a| vec![*a]));
        for actors in actor_sets {
            let view = compare::view_for(figure, &actors);
            let rows = view.filter(&catalog.table).rows(table);
            assert!(
                !rows.iter().any(|&row| is_milestone_row(row)),
                "{}: a milestone is counted",
                figure.id
            );
            let sums = compare::event_sums(&catalog, figure, &actors);
            let counted: u32 = sums.iter().map(|s| s.events).sum();
            assert_eq!(
                counted as usize,
                rows.len(),
                "{}: link and count",
                figure.id
            );
            // The events counted whole though their dates reach beyond the period.
            let (from, to) = (view.from.map(|d| d.0), view.to.map(|d| d.0));
            let beyond = rows
                .iter()
                .filter(|&&row| {
                    let at = row as usize;
                    from.is_some_and(|from| table.start[at] < from)
                        || to.is_some_and(|to| table.end[at] > to)
                })
                .count();
            let said: u32 = sums.iter().map(|s| s.beyond_period).sum();
            assert_eq!(said as usize, beyond, "{}: beyond the period", figure.id);
            if Measure::of(figure.metric).value == compare::Value::Events {
                for sum in &sums {
                    assert_eq!(sum.value, Some(u64::from(sum.events)), "{}", figure.id);
                }
                assert!(rows.iter().all(|&row| catalog
                    .event(row as usize)
                    .is_some_and(|e| e.kind.is_attack())));
            }
        }
    }

    // SNHR's "hundreds of attacks" by Russia: the curated events of Russia over the period that
    // are attacks, counted from the file.
    let attacks_figure = catalog.datasets[0]
        .figures
        .iter()
        .find(|f| f.id.ends_with("snhr-russia-2y-fig-01"))
        .unwrap_or_else(|| panic!("fig-01"));
    let (start, end) = (&attacks_figure.period.start, &attacks_figure.period.end);
    let in_period = |e: &&Json| {
        e["date"]["start"].as_str() <= Some(end.as_str())
            && e["date"]["end"].as_str() >= Some(start.as_str())
    };
    let by_russia = |e: &&Json| {
        e["actors"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["actor"] == "russia")
    };
    let russian: Vec<&Json> = events(&file)
        .iter()
        .filter(in_period)
        .filter(by_russia)
        .collect();
    let attacks = russian
        .iter()
        .filter(|e| {
            e["kind"]
                .as_str()
                .and_then(EventKind::from_id)
                .is_some_and(EventKind::is_attack)
        })
        .count();
    let milestones = russian
        .iter()
        .filter(|e| e["kind"].as_str().is_some_and(milestone))
        .count();
    assert!(
        milestones > 0,
        "the period holds agreements that must not count"
    );
    let sums = compare::event_sums(
        &catalog,
        attacks_figure,
        &[incident_explorer::core::vocab::Actor::Russia],
    );
    let curated = sums
        .iter()
        .find(|s| s.collection == "curated")
        .map(|s| s.value);
    assert_eq!(curated, Some(Some(attacks as u64)));

    // The timeline's events plus its milestone markers are the list's length.
    let rows: Vec<u32> = (0..table.len() as u32).collect();
    let totals = aggregate::totals(table, &rows);
    let timeline = aggregate::timeline(table, &rows, Interval::Month, Metric::Events, (None, None));
    let charted: f64 = timeline.buckets.iter().map(aggregate::Bucket::total).sum();
    let listed_milestones = events(&file)
        .iter()
        .filter(|e| e["kind"].as_str().is_some_and(milestone))
        .count();
    assert_eq!(totals.milestones as usize, listed_milestones);
    assert_eq!(timeline.milestones.len(), listed_milestones);
    assert!((charted - f64::from(totals.events - totals.milestones)).abs() < 1e-6);
    let kinds: f64 = aggregate::by_kind(table, &rows, Metric::Events)
        .iter()
        .map(|b| b.1)
        .sum();
    assert!((kinds - charted).abs() < 1e-6);
    // The map too: milestones are neither points, nor area badges, nor unplaced events.
    let on_map = |rows: &[u32]| {
        let layers = map_layers::map_layers(table, rows, Metric::Events);
        layers.cells.iter().map(|c| c.events).sum::<u32>()
            + layers.unplaced
            + layers.area_only.iter().sum::<u32>()
    };
    let milestone_rows: Vec<u32> = rows
        .iter()
        .copied()
        .filter(|&r| is_milestone_row(r))
        .collect();
    assert_eq!(milestone_rows.len(), listed_milestones);
    assert_eq!(on_map(&milestone_rows), 0, "milestones on the map");
    let choropleth: f64 = map_layers::map_layers(table, &milestone_rows, Metric::Events)
        .by_governorate
        .iter()
        .sum();
    assert_eq!(choropleth, 0.0);
}

#[test]
fn a_group_a_collection_never_records_is_a_dash_not_a_zero() {
    let catalog = catalog(&BUNDLED);
    let ucdp = json(BUNDLED[1]);
    let records = |group: &str| {
        events(&ucdp)
            .iter()
            .any(|e| killed_best(e, group).is_some_and(|n| n > 0))
    };
    for figure in &catalog.datasets[0].figures {
        let group = match figure.metric {
            incident_explorer::core::vocab::Metric::WomenKilled => "women",
            incident_explorer::core::vocab::Metric::ChildrenKilled => "children",
            _ => continue,
        };
        let sums = compare::event_sums(&catalog, figure, &[]);
        let ucdp_sum = sums
            .iter()
            .find(|s| s.collection == "ucdp")
            .map(|s| s.value);
        assert_eq!(
            ucdp_sum.flatten().is_some(),
            records(group),
            "{}",
            figure.id
        );
        let curated_sum = sums
            .iter()
            .find(|s| s.collection == "curated")
            .map(|s| s.value);
        assert!(curated_sum.is_some(), "{}", figure.id);
    }
}

#[test]
fn a_one_sided_date_filter_draws_only_its_window() {
    let catalog = catalog(&BUNDLED);
    let table = &catalog.table;
    let rows = rows_of(&catalog, "from=2023-10-01");
    assert!(!rows.is_empty());
    let latest_end = rows
        .iter()
        .map(|&row| table.end[row as usize])
        .max()
        .map(Day);
    let bounded = rows_of(
        &catalog,
        &format!("from=2023-10-01&to={}", latest_end.unwrap_or_default()),
    );
    assert_eq!(rows, bounded);
    let from = Day::parse("2023-10-01").ok();
    let open = aggregate::timeline(table, &rows, Interval::Month, Metric::Events, (from, None));
    let closed = aggregate::timeline(
        table,
        &rows,
        Interval::Month,
        Metric::Events,
        (from, latest_end),
    );
    assert_eq!(open, closed);
    assert_eq!(open.buckets.first().map(|b| b.start), from);
}

#[test]
fn collection_ids_are_matched_without_case_and_unknown_ones_are_dropped() {
    let catalog = catalog(&BUNDLED);
    let ids = catalog.collection_ids();
    let curated = events(&json(BUNDLED[0])).len();
    let all = catalog.table.len();
    for (link, expected, unknown) in [
        ("c=foo", all, Some("foo")),
        ("c=CURATED", curated, None),
        ("c=curated,foo", curated, Some("foo")),
        ("c=Curated,FOO,bar", curated, Some("bar")),
    ] {
        let (mut state, _) = query::decode(link);
        let notices = state.reconcile(&catalog.table);
        assert!(state.collections.iter().all(|c| ids.contains(c)), "{link}");
        assert_eq!(
            state.filter(&catalog.table).rows(&catalog.table).len(),
            expected,
            "{link}"
        );
        match unknown {
            Some(name) => assert!(
                notices
                    .iter()
                    .any(|n| n.message.to_lowercase().contains(name)),
                "{link}: {notices:?}"
            ),
            None => assert!(notices.is_empty(), "{link}: {notices:?}"),
        }
        // Ticking a box afterwards writes no unknown id back into the address.
        let mut ticked = state.clone();
        ticked.collections.insert("ucdp".to_string());
        assert!(
            !query::encode(&ticked).to_lowercase().contains("foo"),
            "{link}"
        );
        // The rule settles: applied again, it changes nothing.
        let mut again = state.clone();
        assert!(again.reconcile(&catalog.table).is_empty());
        assert_eq!(again, state);
    }
}

#[test]
fn a_page_beyond_the_last_is_clamped_in_the_state() {
    let catalog = catalog(&BUNDLED);
    let curated = events(&json(BUNDLED[0])).len();
    let pages = curated.div_ceil(PAGE_SIZE);
    let rows = rows_of(&catalog, "c=curated&page=9");
    assert_eq!(rows.len(), curated);
    let (mut state, _) = query::decode("c=curated&page=9");
    let notice = state.clamp_page(rows.len());
    assert_eq!(state.page as usize, pages - 1);
    assert!(notice.is_some());
    // Numbered from 1 in the address, as on screen.
    assert!(query::encode(&state).ends_with(&if pages > 1 {
        format!("page={pages}")
    } else {
        "c=curated".to_string()
    }));
    // A page that exists, and an empty list, are left alone or brought to the first page.
    assert!(state.clamp_page(rows.len()).is_none());
    let mut empty = ViewState {
        page: 3,
        ..ViewState::default()
    };
    assert!(empty.clamp_page(0).is_some());
    assert_eq!(empty.page, 0);
}

#[test]
fn reversed_dates_are_swapped_by_the_one_rule_whatever_the_path() {
    let catalog = catalog(&BUNDLED);
    // The form path: `to` set, then `from` typed after it.
    let (mut typed, _) = query::decode("to=2019-01-31");
    typed.from = Day::parse("2019-03-01").ok();
    let notices = typed.reconcile(&catalog.table);
    assert_eq!(notices.len(), 1);
    // The link path.
    let (linked, link_notices) = query::decode("from=2019-03-01&to=2019-01-31");
    assert_eq!(link_notices.len(), 1);
    assert_eq!(typed, linked);
    assert_eq!(
        typed.filter(&catalog.table).rows(&catalog.table),
        rows_of(&catalog, "from=2019-01-31&to=2019-03-01")
    );
}

#[test]
fn punctuation_next_to_a_search_word_finds_what_the_word_finds() {
    let catalog = catalog(&BUNDLED);
    let count = |q: &str| {
        rows_of(
            &catalog,
            &format!(
                "q={}",
                q.replace(' ', "+").replace('/', "%2F").replace(',', "%2C")
            ),
        )
        .len()
    };
    for (with, bare) in [
        ("Saraqib.", "Saraqib"),
        ("Saraqib,", "Saraqib"),
        ("(Kafr Nubl)", "Kafr Nubl"),
        ("Saraqib/Ariha", "Saraqib Ariha"),
        ("Idlib;", "Idlib"),
        ("«Idlib»", "Idlib"),
    ] {
        assert!(count(bare) > 0, "{bare}");
        assert_eq!(count(with), count(bare), "{with} against {bare}");
    }
}

/// Whether a record (as JSON) gives a number of people killed in one of `groups` (any group
/// when empty), and is not an agreement or political event, which are never counted.
fn gives_killed(event: &Json, groups: &[&str]) -> bool {
    let milestone = event["kind"]
        .as_str()
        .and_then(EventKind::from_id)
        .is_some_and(EventKind::is_milestone);
    !milestone
        && event["casualties"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|c| {
                c["outcome"] == "killed"
                    && c["best"].is_u64()
                    && (groups.is_empty() || groups.iter().any(|g| c["group"] == *g))
            })
}

#[test]
fn an_unknown_count_is_exported_empty_not_as_zero() {
    let catalog = catalog(&BUNDLED);
    let rows: Vec<u32> = (0..catalog.table.len() as u32).collect();
    let exported = export::rows(&catalog.table, &catalog.datasets, &rows, &|id| {
        id.to_string()
    });
    let civilian_groups = [
        "civilians",
        "children",
        "women",
        "medical_personnel",
        "civil_defence",
        "media_workers",
    ];
    let mut records = std::collections::HashMap::new();
    for file in BUNDLED {
        for event in events(&json(file)) {
            records.insert(
                event["id"].as_str().unwrap_or_default().to_string(),
                event.clone(),
            );
        }
    }
    let (mut no_deaths, mut no_civilians) = (0, 0);
    let (mut counted_no_deaths, mut counted_no_civilians) = (0u32, 0u32);
    for row in &exported {
        let event = &records[&row.id];
        let milestone = event["kind"]
            .as_str()
            .and_then(EventKind::from_id)
            .is_some_and(EventKind::is_milestone);
        let deaths = gives_killed(event, &[]);
        // UCDP states deaths_civilians for every event, 0 included.
        let civilians = gives_killed(event, &civilian_groups)
            || (gives_killed(event, &[]) && event["ucdp"]["deaths_civilians"].is_u64());
        if event["ucdp"]["deaths_civilians"] == 0 {
            assert_eq!(row.civilians_killed, Some(0), "{} civilians", row.id);
        }
        assert_eq!(row.deaths_best.is_some(), deaths, "{} deaths", row.id);
        assert_eq!(row.deaths_low.is_some(), deaths, "{} deaths", row.id);
        assert_eq!(row.deaths_high.is_some(), deaths, "{} deaths", row.id);
        assert_eq!(
            row.civilians_killed.is_some(),
            civilians,
            "{} civilians",
            row.id
        );
        no_deaths += usize::from(!deaths);
        no_civilians += usize::from(!civilians);
        counted_no_deaths += u32::from(!deaths && !milestone);
        counted_no_civilians += u32::from(!civilians && !milestone);
    }
    // The header says how many counted events add 0 for lack of a number.
    let totals = aggregate::totals(&catalog.table, &rows);
    assert_eq!(totals.without_deaths, counted_no_deaths);
    assert_eq!(totals.without_civilians, counted_no_civilians);
    // The bundled records hold both cases (agreements, "several killed", UCDP's stated zeros).
    assert!(no_deaths > 0 && no_deaths < exported.len(), "{no_deaths}");
    assert!(
        no_civilians > 0 && no_civilians < exported.len(),
        "{no_civilians}"
    );
    // In the file, an unknown is an empty field, and a stated zero is 0.
    let csv = export::to_csv(&exported, &[], incident_explorer::core::i18n::Lang::En, "");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    let column = headers
        .iter()
        .position(|h| h == "deaths_best")
        .unwrap_or(usize::MAX);
    let written: Vec<String> = reader
        .records()
        .filter_map(Result::ok)
        .filter(|record| record.len() > column)
        .map(|record| record[column].to_string())
        .collect();
    let expected: Vec<String> = exported
        .iter()
        .map(|row| row.deaths_best.map(|n| n.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(written, expected);
    assert!(written.iter().any(String::is_empty) && written.iter().any(|w| w == "0"));
}

/// Children and women said to be killed without a number are in no bar of the composition:
/// it counts the events that say so, as the data files give them, for the note under it.
#[test]
fn children_and_women_killed_without_a_number_are_counted_as_events() {
    let catalog = catalog(&BUNDLED);
    let everything: Vec<u32> = (0..catalog.table.len() as u32).collect();
    let composition = aggregate::composition(&catalog.table, &everything);
    for (group, counted) in [
        ("children", composition.children_without_number),
        ("women", composition.women_without_number),
    ] {
        let expected = BUNDLED
            .iter()
            .map(|file| {
                events(&json(file))
                    .iter()
                    .filter(|event| {
                        let entries: Vec<&Json> = event["casualties"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter(|c| c["outcome"] == "killed" && c["group"] == group)
                            .collect();
                        !entries.is_empty()
                            && entries.iter().all(|c| c["best"].as_u64().unwrap_or(0) == 0)
                            && entries.iter().any(|c| c["best"].is_null())
                    })
                    .count() as u64
            })
            .sum::<u64>();
        assert!(
            expected > 0,
            "the bundled data says {group} were killed somewhere"
        );
        assert_eq!(counted, expected, "{group}");
    }
}
