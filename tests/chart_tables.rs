//! The charts' tables over the bundled collections, against figures computed here from the
//! collection files as plain JSON, apart from the model: the events per governorate and per
//! kind, the timeline's months with the part of each that comes from events dated more
//! coarsely than a month, the map's governorates, and the CSV of a table.

mod common;

use std::collections::{BTreeMap, HashSet};

use serde_json::Value as Json;

use incident_explorer::core::aggregate::{self, Interval, Metric};
use incident_explorer::core::chart_table::{
    bar_rows, timeline_stacks, Breakdown, ChartTable, TableRow,
};
use incident_explorer::core::i18n::Lang;
use incident_explorer::core::map_layers;
use incident_explorer::core::query::ViewState;
use incident_explorer::core::vocab::{EventKind, Governorate};

/// Every event of the bundled files, as plain JSON.
fn events() -> Vec<Json> {
    common::BUNDLED
        .iter()
        .flat_map(|path| {
            common::json(path)["events"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

/// Agreements, ceasefires and political events: marked, never counted.
fn is_milestone(event: &Json) -> bool {
    event["kind"]
        .as_str()
        .and_then(EventKind::from_id)
        .is_some_and(|kind| kind.is_milestone())
}

fn text<'a>(event: &'a Json, pointer: &str) -> &'a str {
    event.pointer(pointer).and_then(Json::as_str).unwrap_or("")
}

/// The table's rows by their key (a member's id, a period's first day).
fn by_key(rows: &[TableRow]) -> BTreeMap<String, Vec<f64>> {
    rows.iter()
        .map(|row| (row.keys[0].clone(), row.numbers.clone()))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn bar_tables_count_what_the_files_hold() {
    let catalog = common::catalog(&common::BUNDLED);
    let rows: Vec<u32> = (0..catalog.table.len() as u32).collect();
    let events = events();
    let counted: Vec<&Json> = events.iter().filter(|e| !is_milestone(e)).collect();
    let state = ViewState::default();

    // Governorates: an event counts once for each governorate among its places.
    let mut per_governorate: BTreeMap<String, f64> = BTreeMap::new();
    for event in &counted {
        let governorates: HashSet<&str> = event["places"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|place| place["governorate"].as_str())
            .collect();
        for governorate in governorates {
            *per_governorate.entry(governorate.to_string()).or_default() += 1.0;
        }
    }
    let bars = bar_rows(
        Lang::En,
        &catalog.table,
        &rows,
        Metric::Events,
        Breakdown::Governorate,
        &state,
    );
    let table = ChartTable::bars(Lang::En, Breakdown::Governorate, Metric::Events, &bars);
    let shown: BTreeMap<String, f64> = by_key(&table.rows)
        .into_iter()
        .map(|(id, numbers)| (id, numbers[0]))
        .collect();
    assert_eq!(shown, per_governorate);
    // In the chart's order: largest first.
    assert!(table
        .rows
        .windows(2)
        .all(|pair| pair[0].numbers[0] >= pair[1].numbers[0]));
    // The rows are the bars, label for label.
    assert_eq!(
        table.rows.iter().map(|r| &r.label).collect::<Vec<_>>(),
        bars.iter().map(|b| &b.label).collect::<Vec<_>>()
    );

    // Kinds: one each, so the column adds up to the events counted.
    let mut per_kind: BTreeMap<String, f64> = BTreeMap::new();
    for event in &counted {
        *per_kind
            .entry(text(event, "/kind").to_string())
            .or_default() += 1.0;
    }
    let kinds = ChartTable::bars(
        Lang::En,
        Breakdown::Kind,
        Metric::Events,
        &bar_rows(
            Lang::En,
            &catalog.table,
            &rows,
            Metric::Events,
            Breakdown::Kind,
            &state,
        ),
    );
    let shown: BTreeMap<String, f64> = by_key(&kinds.rows)
        .into_iter()
        .map(|(id, numbers)| (id, numbers[0]))
        .collect();
    assert_eq!(shown, per_kind);
    let total: f64 = kinds.rows.iter().map(|r| r.numbers[0]).sum();
    assert!(close(total, counted.len() as f64));

    // The map shades each governorate by the same count, and lists the ones with none.
    let layers = map_layers::map_layers(&catalog.table, &rows, Metric::Events);
    let map = ChartTable::map(Lang::En, &layers, Metric::Events, &state.governorates);
    assert_eq!(map.rows.len(), Governorate::ALL.len());
    for (id, numbers) in by_key(&map.rows) {
        let expected = per_governorate.get(&id).copied().unwrap_or(0.0);
        assert!(close(numbers[0], expected), "{id}: {numbers:?} {expected}");
    }
}

#[test]
fn the_timeline_table_gives_each_month_and_its_imprecise_share() {
    let catalog = common::catalog(&common::BUNDLED);
    let rows: Vec<u32> = (0..catalog.table.len() as u32).collect();
    let events = events();
    let timeline = aggregate::timeline(
        &catalog.table,
        &rows,
        Interval::Month,
        Metric::Events,
        (None, None),
    );
    let table = ChartTable::timeline(Lang::En, &timeline_stacks(&timeline, true, 8));

    // One row per month from the first day of any event to the last.
    let first = events.iter().map(|e| text(e, "/date/start")).min();
    let last = events.iter().map(|e| text(e, "/date/end")).max();
    let (Some(first), Some(last)) = (first, last) else {
        panic!("no dates")
    };
    let month = |date: &str| date.get(..7).unwrap_or_default().to_string();
    assert_eq!(
        table.rows.first().map(|r| month(&r.keys[0])),
        Some(month(first))
    );
    assert_eq!(
        table.rows.last().map(|r| month(&r.keys[1])),
        Some(month(last))
    );

    // An event within one month counts there in full; one whose dates run over several months
    // (dated only to a year, say) is spread over them, and that share is the imprecise column.
    let mut precise: BTreeMap<String, f64> = BTreeMap::new();
    let mut spread = 0.0;
    for event in events.iter().filter(|e| !is_milestone(e)) {
        let (start, end) = (text(event, "/date/start"), text(event, "/date/end"));
        if month(start) == month(end) {
            *precise.entry(month(start)).or_default() += 1.0;
        } else {
            spread += 1.0;
        }
    }
    assert!(spread > 0.0, "the files hold events dated only to a year");
    let mut imprecise_total = 0.0;
    for row in &table.rows {
        let (value, imprecise) = (row.numbers[0], row.numbers[1]);
        let expected = precise.get(&month(&row.keys[0])).copied().unwrap_or(0.0);
        assert!(
            close(value - imprecise, expected),
            "{}: {value} - {imprecise}",
            row.keys[0]
        );
        // Stacked by actor, the series add up to the month's value.
        assert!(
            close(row.numbers[2..].iter().sum(), value),
            "{}",
            row.keys[0]
        );
        imprecise_total += imprecise;
    }
    assert!(close(imprecise_total, spread), "{imprecise_total} {spread}");
}

#[test]
fn a_tables_csv_has_its_rows_and_numbers() {
    let catalog = common::catalog(&common::BUNDLED);
    let rows: Vec<u32> = (0..catalog.table.len() as u32).collect();
    let timeline = aggregate::timeline(
        &catalog.table,
        &rows,
        Interval::Month,
        Metric::Deaths,
        (None, None),
    );
    let table = ChartTable::timeline(Lang::Ar, &timeline_stacks(&timeline, false, 8));
    let notes = ["caption".to_string(), "Data: UCDP".to_string()];
    let Ok(csv) = table.to_csv(&notes) else {
        panic!("csv")
    };
    let body = csv
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no BOM"));
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let Ok(header) = reader.headers().cloned() else {
        panic!("header")
    };
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
            "period_start",
            "period_end",
            "period",
            "deaths",
            "of_which_imprecise_dates"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    let (data, notes_read) = records.split_at(table.rows.len());
    for (record, row) in data.iter().zip(&table.rows) {
        assert_eq!(record.get(0), Some(row.keys[0].as_str()));
        // The month as the Arabic page writes it; the numbers as a program reads them, to a
        // millionth (the page rounds them to tenths).
        assert_eq!(record.get(2), Some(row.label.as_str()));
        for (field, value) in [(3, row.numbers[0]), (4, row.numbers[1])] {
            let written: f64 = record
                .get(field)
                .and_then(|f| f.parse().ok())
                .unwrap_or(-1.0);
            assert!((written - value).abs() < 1e-6, "{written} for {value}");
        }
    }
    let notes_read: Vec<_> = notes_read
        .iter()
        .filter_map(|record| record.get(0))
        .filter(|field| !field.is_empty())
        .collect();
    assert_eq!(notes_read, ["caption", "Data: UCDP"]);
}
