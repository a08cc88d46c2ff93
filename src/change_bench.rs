//! Everything one filter change recomputes in the explorer, as scenes to time on synthetic
//! tables of any size: the native example `engine_bench` and the WebAssembly benchmark
//! (`src/bin/change_bench.rs`, run by `scripts/bench-change.sh`) run this same code, so the
//! browser's figures and the native ones measure one thing. Nothing here reads a clock: the
//! caller passes one.
//!
//! A change is what the explorer's panels compute after the filter changes
//! ([`app_change`]): the engine's rows and cross counts, the totals, the timeline, the three
//! bar charts, the composition, the map's layers and the list's first page. "before" is the
//! same panels over a fresh evaluation ([`fresh_change`]): the filter's rows and its cross
//! counts each computed from scratch, text search scanning every row's text, as the explorer
//! did before the engine and the text index. Both must give identical results, which
//! [`run`] checks on every change.

use crate::core::aggregate::{
    self, Composition, Group, Interval, Metric, SortKey, Timeline, Totals,
};
use crate::core::baseline::Baseline;
use crate::core::catalog::Catalog;
use crate::core::engine::Engine;
use crate::core::filter::{self, CrossCounts, Filter};
use crate::core::map_layers::{self, MapLayers};
use crate::core::query;
use crate::core::rows::Rows;
use crate::core::table::{EventTable, TableBuilder};
use crate::core::validate::Loaded;

/// A sequence of links applied one after the other; the changes marked `timed` are measured
/// (a scene may set a filter untimed to clear it timed).
#[derive(Debug, Clone)]
pub struct Scene {
    /// Its row label in the printed table.
    pub name: &'static str,
    /// (link's query, timed).
    pub steps: Vec<(String, bool)>,
}

/// The scenes of the table: a toggle of an actor and of a governorate, a jump of the
/// date range, a one-day move of a month's window (the brush), clearing three filters, and
/// a word typed one keystroke at a time.
pub fn scenes() -> Vec<Scene> {
    let timed = |links: &[&str]| -> Vec<(String, bool)> {
        links.iter().map(|link| (link.to_string(), true)).collect()
    };
    // A month's window moved one day at a time, as dragging the brush does.
    let brush = (0..12)
        .map(|shift| {
            let from = 1 + shift;
            (
                format!("from=2017-03-{from:02}&to=2017-04-{:02}", from.min(30)),
                true,
            )
        })
        .collect();
    let clear = (0..4)
        .flat_map(|_| {
            [
                (
                    "actor=russia&gov=idlib&from=2017-01-01&to=2017-12-31".to_string(),
                    false,
                ),
                (String::new(), true),
            ]
        })
        .collect();
    vec![
        Scene {
            name: "toggle actor",
            steps: timed(&["actor=russia", "actor=russia,isis", "actor=isis", ""]),
        },
        Scene {
            name: "toggle governorate",
            steps: timed(&["gov=idlib", "gov=idlib,aleppo", "gov=aleppo", ""]),
        },
        Scene {
            name: "date range jump",
            steps: timed(&[
                "from=2016-01-01&to=2016-06-30",
                "from=2017-03-01&to=2018-02-28",
                "from=2019-10-01",
                "",
            ]),
        },
        Scene {
            name: "brush, 1 day",
            steps: brush,
        },
        Scene {
            name: "clear all",
            steps: clear,
        },
        Scene {
            name: "keystroke",
            steps: timed(&[
                "q=s",
                "q=sa",
                "q=sar",
                "q=sara",
                "q=saraq",
                "q=saraqi",
                "q=saraqib",
                "",
            ]),
        },
    ]
}

/// The table the synthetic tables are made from: the explorer's table of the `loaded`
/// collections, keeping each row's search text (which [`synthetic`] copies).
pub fn base_table(loaded: Vec<Loaded>) -> EventTable {
    let catalog = Catalog::new(loaded);
    TableBuilder::new(&catalog.datasets)
        .with_place_names(catalog.place_names)
        .keeping_search_text()
        .build(&catalog.datasets)
}

/// `rows` rows made from `base` (which keeps its search texts, as [`base_table`]'s does): its
/// columns repeated with dates shifted back by whole years
/// (365 days a copy, eight copies apart), each copy's text given one extra place-like word
/// from a pool of 50,000, so the dictionary grows as a real collection's would (villages,
/// people, units). The open dimensions are left empty (no value for any row); the map cells
/// are found, the text is not indexed.
pub fn synthetic(base: &EventTable, rows: usize) -> EventTable {
    let mut table = EventTable {
        collection_ids: base.collection_ids.clone(),
        ..EventTable::default()
    };
    if base.is_empty() {
        return table;
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for row in 0..rows {
        let from = row % base.len();
        let copy = (row / base.len()) as i32;
        let shift = 365 * (copy % 8);
        table.start.push(base.start[from] - shift);
        table.end.push(base.end[from] - shift);
        table.precision.push(base.precision[from]);
        table.collection.push(base.collection[from]);
        table.publishers.push(base.publishers[from]);
        table.kind.push(base.kind[from]);
        table.actors_any.push(base.actors_any[from]);
        table.actors_perpetrator.push(base.actors_perpetrator[from]);
        table.lead_actor.push(base.lead_actor[from]);
        table.governorates.push(base.governorates[from]);
        table.lat.push(base.lat[from]);
        table.lon.push(base.lon[from]);
        table.location_precision.push(base.location_precision[from]);
        table.deaths_low.push(base.deaths_low[from]);
        table.deaths_best.push(base.deaths_best[from]);
        table.deaths_high.push(base.deaths_high[from]);
        table.civilians_killed.push(base.civilians_killed[from]);
        table.children_killed.push(base.children_killed[from]);
        table.women_killed.push(base.women_killed[from]);
        table.combatants_killed.push(base.combatants_killed[from]);
        table.flags.push(base.flags[from]);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        table.search_text.push(format!(
            "{} qarya{}",
            base.search_text.get(from).map_or("", String::as_str),
            seed % 50_000
        ));
        table.locations.push(base.locations[from]);
    }
    table.index_cells();
    table
}

/// What one change puts on screen, to compare two ways of computing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Panels {
    pub rows: usize,
    pub cross: CrossCounts,
    pub totals: Totals,
    pub timeline: Timeline,
    /// The three bar charts' sums per member ([`Group::ALL`] order).
    pub bars: [Vec<u64>; 3],
    pub composition: Composition,
    pub map: MapLayers,
    pub page: Vec<u32>,
}

/// Time spent in each part of a change, in the caller's clock's unit, in [`PARTS`] order.
pub type PartTimes = [f64; PARTS.len()];

/// The parts of [`app_change`], as [`PartTimes`] orders them.
pub const PARTS: [&str; 9] = [
    "filter (engine)",
    "rows",
    "cross counts",
    "totals",
    "timeline",
    "bars",
    "composition",
    "map",
    "list page",
];

/// The panels of `rows`, as the explorer computes them on a change, with each part timed by
/// `now` into `parts`: the integer sums from `baseline`'s whole-table sums when it is given
/// (as the explorer does), else each summed over the rows.
fn panels(
    table: &EventTable,
    filter: &Filter,
    (rows, cross): (Rows, CrossCounts),
    baseline: Option<&Baseline>,
    now: &dyn Fn() -> f64,
    parts: &mut PartTimes,
) -> Panels {
    let mut lap = {
        let mut last = now();
        move |parts: &mut PartTimes, part: usize| {
            let time = now();
            if let Some(slot) = parts.get_mut(part) {
                *slot += time - last;
            }
            last = time;
        }
    };
    let totals = match baseline {
        Some(baseline) => baseline.totals(table, &rows),
        None => aggregate::totals(table, &rows),
    };
    lap(parts, 3);
    let window = (filter.from, filter.to);
    let timeline = match baseline {
        Some(baseline) => baseline.timeline(table, &rows, Interval::Month, Metric::Events, window),
        None => aggregate::timeline(table, &rows, Interval::Month, Metric::Events, window),
    };
    lap(parts, 4);
    let bars = Group::ALL.map(|group| match baseline {
        Some(baseline) => baseline.group(table, &rows, group, Metric::Events),
        None => aggregate::group_sums(table, &rows, group, Metric::Events),
    });
    lap(parts, 5);
    let composition = match baseline {
        Some(baseline) => baseline.composition(table, &rows),
        None => aggregate::composition(table, &rows),
    };
    lap(parts, 6);
    let map = match baseline {
        Some(baseline) => baseline.map_layers(table, &rows, Metric::Events),
        None => map_layers::map_layers(table, &rows, Metric::Events),
    };
    lap(parts, 7);
    let page = aggregate::sorted_page(table, &rows, SortKey::DateDesc, 0, query::PAGE_SIZE);
    lap(parts, 8);
    Panels {
        rows: rows.len(),
        cross,
        totals,
        timeline,
        bars,
        composition,
        map,
        page,
    }
}

/// One change as the explorer makes it: the engine applies `filter` (updating what it
/// reaches), then every panel is computed from its rows, the integer sums from `baseline`
/// (`table`'s).
pub fn app_change(
    table: &EventTable,
    engine: &mut Engine,
    baseline: &Baseline,
    filter: Filter,
    now: &dyn Fn() -> f64,
    parts: &mut PartTimes,
) -> Panels {
    let started = now();
    engine.set_filter(table, filter.clone());
    let applied = now();
    let rows = Rows::new(engine.rows());
    let listed = now();
    let cross = engine.cross_counts().clone();
    let counted = now();
    parts[0] += applied - started;
    parts[1] += listed - applied;
    parts[2] += counted - listed;
    panels(table, &filter, (rows, cross), Some(baseline), now, parts)
}

/// One change evaluated afresh, as before the engine: the rows and the cross counts each from
/// scratch. `table` should have no text index for the text search of that time.
pub fn fresh_change(table: &EventTable, filter: &Filter) -> Panels {
    let mut ignored = PartTimes::default();
    let rows = Rows::new(filter.rows(table));
    let cross = filter::cross_counts(filter, table);
    panels(table, filter, (rows, cross), None, &|| 0.0, &mut ignored)
}

/// The filter the explorer applies for a link's query.
pub fn filter_of(table: &EventTable, link: &str) -> Filter {
    query::decode(link).0.filter(table)
}

/// The value at rank `p` (0 to 1) of ascending `sorted`; NaN when empty.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1));
    sorted.get(rank - 1).copied().unwrap_or(f64::NAN)
}

/// Times every scene `rounds` times on a synthetic table of each size in `sizes` made from
/// `base`, before and after, and says each table's lines to `say` as they come: per scene the
/// median and p95 milliseconds of a change, then the median of each part of the change after.
/// `now` is a clock in milliseconds.
///
/// # Errors
/// When before and after disagree on a change (the scene and link are named).
pub fn run(
    base: &EventTable,
    sizes: &[usize],
    rounds: usize,
    now: &dyn Fn() -> f64,
    say: &mut dyn FnMut(String),
) -> Result<(), String> {
    for &size in sizes {
        let started = now();
        let mut table = synthetic(base, size);
        let made = now() - started;
        let started = now();
        table.index_text();
        let indexed = now() - started;
        let started = now();
        let mut engine = Engine::new(&table, 0, |_| None);
        let engine_made = now() - started;
        // The explorer's first frame: every panel of every row, which also makes the
        // baseline's whole-table sums (as summing every row would cost anyway).
        let baseline = Baseline::new();
        let started = now();
        let mut ignored = PartTimes::default();
        app_change(
            &table,
            &mut engine,
            &baseline,
            Filter::default(),
            now,
            &mut ignored,
        );
        let first = now() - started;
        say(format!(
            "\n{size} rows: table made in {made:.0} ms; text index in {indexed:.0} ms ({} words); engine in {engine_made:.0} ms; first panels in {first:.0} ms",
            table.text_index.words(),
        ));
        say(format!(
            "{:<22} {:>11} {:>11} {:>11} {:>11}",
            "ms per change", "before med", "before p95", "after med", "after p95"
        ));
        let mut by_part: Vec<(&str, Vec<(PartTimes, String)>)> = Vec::new();
        for scene in scenes() {
            let mut before_times = Vec::new();
            let mut after_times = Vec::new();
            let mut part_times = Vec::new();
            for _round in 0..rounds {
                for (link, timed) in &scene.steps {
                    let filter = filter_of(&table, link);
                    let index = std::mem::take(&mut table.text_index);
                    let started = now();
                    let before = fresh_change(&table, &filter);
                    let before_ms = now() - started;
                    table.text_index = index;
                    let mut parts = PartTimes::default();
                    let started = now();
                    let after = app_change(&table, &mut engine, &baseline, filter, now, &mut parts);
                    let after_ms = now() - started;
                    if before != after {
                        return Err(format!(
                            "{size} rows, {}, `{link}`: before and after differ",
                            scene.name
                        ));
                    }
                    if *timed {
                        before_times.push(before_ms);
                        after_times.push(after_ms);
                        part_times.push((parts, link.clone()));
                    }
                }
            }
            before_times.sort_by(f64::total_cmp);
            after_times.sort_by(f64::total_cmp);
            say(format!(
                "{:<22} {:>11.2} {:>11.2} {:>11.2} {:>11.2}",
                scene.name,
                percentile(&before_times, 0.5),
                percentile(&before_times, 0.95),
                percentile(&after_times, 0.5),
                percentile(&after_times, 0.95),
            ));
            by_part.push((scene.name, part_times));
        }
        say(format!("after, by part (median ms): {}", PARTS.join(" | ")));
        for (name, times) in &by_part {
            let medians: Vec<String> = (0..PARTS.len())
                .map(|part| {
                    let mut values: Vec<f64> = times.iter().map(|(t, _)| t[part]).collect();
                    values.sort_by(f64::total_cmp);
                    format!("{:.2}", percentile(&values, 0.5))
                })
                .collect();
            say(format!("  {name:<20} {}", medians.join(" | ")));
        }
        // The p95 is the slowest changes': where their time goes.
        say("after, the slowest change by part (ms), and its link".to_string());
        for (name, times) in &by_part {
            let slowest = times
                .iter()
                .max_by(|a, b| a.0.iter().sum::<f64>().total_cmp(&b.0.iter().sum::<f64>()));
            if let Some((parts, link)) = slowest {
                let parts: Vec<String> = parts.iter().map(|ms| format!("{ms:.2}")).collect();
                say(format!("  {name:<20} {} | `{link}`", parts.join(" | ")));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::test_data::*;
    use crate::core::vocab::{Actor, CasualtyGroup, Governorate, Role};

    #[test]
    fn before_and_after_agree_on_every_scene() {
        // Events across 2017, half by Russian forces in Idlib near Saraqib, half by ISIS in
        // Aleppo, some killing civilians: every scene's filter keeps some rows and drops others.
        let events = (0..40)
            .map(|i| {
                let event = ev(
                    &format!("e{i}"),
                    &format!("2017-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                )
                .killed(CasualtyGroup::Civilians, i);
                if i % 2 == 0 {
                    event
                        .actor(Actor::Russia, Role::Perpetrator)
                        .place("Saraqib", Some(Governorate::Idlib))
                        .summary("Airstrike on Saraqib")
                } else {
                    event
                        .actor(Actor::Isis, Role::Perpetrator)
                        .place("al-Bab", Some(Governorate::Aleppo))
                }
            })
            .collect();
        let datasets = [dataset("curated", events)];
        let base = TableBuilder::new(&datasets)
            .keeping_search_text()
            .build(&datasets);
        let mut said = Vec::new();
        let clock = std::cell::Cell::new(0.0);
        let now = || {
            clock.set(clock.get() + 1.0);
            clock.get()
        };
        let result = run(&base, &[130], 1, &now, &mut |line| said.push(line));
        assert_eq!(result, Ok(()));
        // A header line, the column heads, a line per scene, then twice a parts' head and a
        // line per scene (the median change's parts, the slowest change's).
        assert_eq!(said.len(), 2 + 3 * scenes().len() + 2);
    }

    #[test]
    fn synthetic_repeats_the_base_with_dates_moved() {
        let datasets = [dataset(
            "curated",
            vec![ev("a", "2017-01-02"), ev("b", "2017-05-06")],
        )];
        let base = TableBuilder::new(&datasets)
            .keeping_search_text()
            .build(&datasets);
        let table = synthetic(&base, 5);
        assert_eq!(table.len(), 5);
        assert_eq!(table.start[2], base.start[0] - 365);
        assert_eq!(table.deaths_best[3], base.deaths_best[1]);
        assert!(table.search_text[4].starts_with(&base.search_text[0]));
    }
}
