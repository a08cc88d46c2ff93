//! Everything one filter change recomputes in the explorer, timed on synthetic tables of 100k
//! and 1M events made from the bundled collections, before and after the text index and the
//! shared filter pass, in one run. It prints figures; nothing asserts a time.
//!
//! `cargo run --release --example engine_bench [ROWS...]` (default: 100000 1000000);
//! `BENCH_EACH=1` also prints each change's times after the index, link by link.
//!
//! "before" is the engine as it was: text search scans every row's normalised text, and the
//! rows and the cross counts each make their own filter pass. "after" reads the text index and
//! makes one pass for both. Both run the same ops on the same table and must agree on every
//! result, which is checked. Native code: the browser's wasm runs the same code some 2-5 times
//! slower, so compare the two columns, not the figures with a frame's 16.7 ms.
//!
//! The synthetic table repeats the bundled events' columns with dates shifted by whole years,
//! and gives each copy's text one extra place-like word from a pool of 50,000, so the
//! dictionary grows as a real collection's would (names of villages, people, units).

use std::fs;
use std::time::Instant;

use incident_explorer::core::aggregate::{self, Interval, Metric, SortKey};
use incident_explorer::core::catalog::Catalog;
use incident_explorer::core::filter::{self, CrossCounts, Filter};
use incident_explorer::core::query;
use incident_explorer::core::table::EventTable;
use incident_explorer::core::text_index::TextIndex;
use incident_explorer::core::validate;

const BUNDLED: [&str; 2] = ["public/data/curated.json", "public/data/ucdp.json"];

fn bundled() -> Result<EventTable, String> {
    let mut loaded = Vec::new();
    for path in BUNDLED {
        let bytes = fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        loaded.push(validate::load(path, &bytes).map_err(|p| format!("{path}: {p:?}"))?);
    }
    Ok(Catalog::new(loaded).table)
}

/// `rows` rows made from `base`; see the module docs.
fn synthetic(base: &EventTable, rows: usize) -> EventTable {
    let mut table = EventTable {
        collection_ids: base.collection_ids.clone(),
        ..EventTable::default()
    };
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
        table
            .search_text
            .push(format!("{} qarya{}", base.search_text[from], seed % 50_000));
        table.locations.push(base.locations[from]);
    }
    table
}

/// Everything a filter change recomputes, as the app does it; returns a digest to compare.
fn change(table: &EventTable, filter: &Filter, shared_pass: bool) -> (Vec<u32>, CrossCounts, u64) {
    let (rows, cross) = if shared_pass {
        let marks = filter.marks(table);
        (marks.rows(), filter::cross_counts_of(filter, table, &marks))
    } else {
        (filter.rows(table), filter::cross_counts(filter, table))
    };
    let totals = aggregate::totals(table, &rows);
    let timeline = aggregate::timeline(
        table,
        &rows,
        Interval::Month,
        Metric::Events,
        (filter.from, filter.to),
    );
    let bars = aggregate::by_actor(table, &rows, Metric::Events).len()
        + aggregate::by_kind(table, &rows, Metric::Events).len()
        + aggregate::by_governorate(table, &rows, Metric::Events).len();
    let composition = aggregate::composition(table, &rows);
    let page = aggregate::sorted_page(table, &rows, SortKey::DateDesc, 0, query::PAGE_SIZE);
    let digest = totals.deaths_best
        + timeline.buckets.len() as u64
        + bars as u64
        + composition.children
        + page.first().copied().map_or(0, u64::from);
    (rows, cross, digest)
}

/// The app's filter of a link.
fn filter_of(table: &EventTable, link: &str) -> Filter {
    query::decode(link).0.filter(table)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1));
    sorted.get(rank - 1).copied().unwrap_or(f64::NAN)
}

fn main() -> Result<(), String> {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().map_err(|e| format!("{a}: {e}")))
        .collect::<Result<_, _>>()?;
    let sizes = if sizes.is_empty() {
        vec![100_000, 1_000_000]
    } else {
        sizes
    };
    let base = bundled()?;
    // Scenes: one keystroke at a time of a search, then the other kinds of change.
    let mut scenes: Vec<(&str, Vec<String>)> = vec![(
        "type a word",
        ["s", "sa", "sar", "sara", "saraq", "saraqi", "saraqib"]
            .iter()
            .map(|q| format!("q={q}"))
            .collect(),
    )];
    scenes.push((
        "type two words",
        ["kafr", "kafr+n", "kafr+nu", "kafr+nub", "kafr+nubl"]
            .iter()
            .map(|q| format!("q={q}"))
            .collect(),
    ));
    scenes.push((
        "search + governorate",
        [
            "q=airstrike&gov=idlib",
            "q=airstrike&gov=aleppo",
            "q=airstrike&gov=hama",
        ]
        .iter()
        .map(|q| q.to_string())
        .collect(),
    ));
    scenes.push((
        "toggle actor",
        ["actor=russia", "actor=russia,isis", "actor=isis", ""]
            .iter()
            .map(|q| q.to_string())
            .collect(),
    ));
    scenes.push((
        "date range",
        [
            "from=2016-01-01&to=2016-06-30",
            "from=2017-03-01&to=2018-02-28",
            "from=2019-10-01",
        ]
        .iter()
        .map(|q| q.to_string())
        .collect(),
    ));
    for rows in sizes {
        let started = Instant::now();
        let mut after = synthetic(&base, rows);
        let made = started.elapsed();
        let started = Instant::now();
        after.index_text();
        let indexed = started.elapsed();
        let text_bytes: usize = after.search_text.iter().map(|t| t.len() + 24).sum();
        println!(
            "\n{rows} rows: table made in {made:.2?}; text index built in {indexed:.2?}: {} words, {:.1} MB (the texts: {:.1} MB)",
            after.text_index.words(),
            after.text_index.heap_bytes() as f64 / 1e6,
            text_bytes as f64 / 1e6,
        );
        let mut before = after.clone();
        before.text_index = TextIndex::default();
        println!(
            "{:<22} {:>12} {:>12} {:>12} {:>12}",
            "scene (ms per change)", "before med", "before p95", "after med", "after p95"
        );
        for (name, links) in &scenes {
            let mut times = [Vec::new(), Vec::new()];
            for _round in 0..5 {
                for link in links {
                    let mut results = Vec::new();
                    for (slot, (table, shared)) in
                        [(&before, false), (&after, true)].iter().enumerate()
                    {
                        let filter = filter_of(table, link);
                        let started = Instant::now();
                        let result = change(table, &filter, *shared);
                        times[slot].push(started.elapsed().as_secs_f64() * 1e3);
                        results.push(result);
                    }
                    if results.first() != results.last() {
                        return Err(format!("{rows} rows, {link}: before and after differ"));
                    }
                }
            }
            if std::env::var_os("BENCH_EACH").is_some() {
                for (index, link) in links.iter().enumerate() {
                    let each: Vec<String> = times[1]
                        .iter()
                        .skip(index)
                        .step_by(links.len())
                        .map(|t| format!("{t:.1}"))
                        .collect();
                    println!("    {link}: after {}", each.join(" "));
                }
            }
            let [mut b, mut a] = times;
            b.sort_by(f64::total_cmp);
            a.sort_by(f64::total_cmp);
            println!(
                "{name:<22} {:>12.2} {:>12.2} {:>12.2} {:>12.2}",
                percentile(&b, 0.5),
                percentile(&b, 0.95),
                percentile(&a, 0.5),
                percentile(&a, 0.95)
            );
        }
    }
    Ok(())
}
