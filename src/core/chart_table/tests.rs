//! Tests of the charts' tables: rows in the charts' order, numbers as the charts write them,
//! the Arabic headings, and CSV fields quoted and defused.

use super::*;
use crate::core::aggregate::Bucket;

fn bar(id: &str, value: f64, selected: bool) -> BarRow {
    BarRow {
        id: id.to_string(),
        label: Lang::En.label("gov", id),
        value,
        selected,
    }
}

fn day(text: &str) -> Day {
    Day::parse(text).unwrap_or_default()
}

#[test]
fn panels_have_stable_ids_that_read_back() {
    for &panel in ChartPanel::ALL {
        assert_eq!(ChartPanel::from_id(panel.id()), Some(panel));
        assert_eq!(ChartPanel::from_id(&panel.id().to_uppercase()), Some(panel));
    }
    assert_eq!(ChartPanel::from_id("pie"), None);
    assert_eq!(
        ChartPanel::Bars(Breakdown::Governorate).file_stem(),
        "by-governorate"
    );
    assert_eq!(ChartPanel::Timeline.subject(Lang::En), "the timeline");
}

#[test]
fn a_bar_table_lists_the_bars_in_the_charts_order() {
    let bars = [bar("Idlib", 1234.0, true), bar("Aleppo", 7.5, false)];
    let table = ChartTable::bars(Lang::En, Breakdown::Governorate, Metric::Deaths, &bars);
    assert_eq!(table.caption, "By governorate — Deaths (best estimate)");
    assert_eq!(
        table.csv_header(),
        ["id", "governorate", "deaths", "selected"]
    );
    let labels: Vec<_> = table.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["Idlib", "Aleppo"]);
    assert_eq!(table.rows[0].numbers, [1234.0]);
    assert!(table.rows[0].selected && !table.rows[1].selected);
    let Ok(csv) = table.to_csv(&["Data: UCDP".to_string()]) else {
        panic!("csv")
    };
    assert_eq!(
        csv,
        "\u{feff}\"id\",\"governorate\",\"deaths\",\"selected\"\r\n\
             \"Idlib\",\"Idlib\",\"1234\",\"true\"\r\n\
             \"Aleppo\",\"Aleppo\",\"7.5\",\"false\"\r\n\
             \r\n\
             \"Data: UCDP\"\r\n"
    );
}

#[test]
fn csv_fields_from_files_are_quoted_and_defused() {
    let mut hostile = bar("Idlib", 1.0, false);
    hostile.label = "=HYPERLINK(\"http://x\"),\n<b>".to_string();
    let table = ChartTable::bars(Lang::En, Breakdown::Actor, Metric::Events, &[hostile]);
    let Ok(csv) = table.to_csv(&["@note".to_string()]) else {
        panic!("csv")
    };
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\"),\n<b>\""),
        "{csv}"
    );
    assert!(csv.ends_with("\"'@note\"\r\n"), "{csv}");
}

#[test]
fn the_arabic_table_has_arabic_headings_and_the_same_numbers() {
    let bars = [bar("Idlib", 5233.0, false)];
    let en = ChartTable::bars(Lang::En, Breakdown::Governorate, Metric::Events, &bars);
    let ar = ChartTable::bars(Lang::Ar, Breakdown::Governorate, Metric::Events, &bars);
    assert_eq!(ar.label.heading, "المحافظة");
    assert_ne!(ar.numbers[0].heading, en.numbers[0].heading);
    assert_eq!(ar.csv_header(), en.csv_header());
    assert_eq!(ar.rows[0].numbers, en.rows[0].numbers);
}

fn bucket(start: &str, by_actor: &[(usize, f64)], imprecise: f64) -> Bucket {
    let start = day(start);
    let mut slots = vec![0.0; Actor::ALL.len() + 1];
    for &(slot, value) in by_actor {
        slots[slot] = value;
    }
    Bucket {
        start,
        end_exclusive: start.next_month_start(),
        by_actor: slots,
        imprecise,
    }
}

fn timeline() -> Timeline {
    let none = aggregate::no_actor_slot();
    Timeline {
        interval: Interval::Month,
        metric: Metric::Events,
        buckets: vec![
            bucket("2019-01-01", &[(0, 3.0), (1, 1.0), (none, 2.0)], 0.5),
            bucket("2019-02-01", &[(1, 4.0)], 0.0),
        ],
        milestones: Vec::new(),
    }
}

#[test]
fn stacks_rank_actors_and_keep_every_value() {
    let stacks = timeline_stacks(&timeline(), true, 8);
    // Actor 1 has 5 in all, actor 0 has 3: largest first; "no actor" goes to the rest.
    let expected: Vec<Actor> = [1, 0]
        .iter()
        .filter_map(|&i| Actor::from_index(i))
        .collect();
    assert_eq!(stacks.actors, expected);
    assert_eq!(stacks.periods[0].series, [1.0, 3.0, 2.0]);
    assert_eq!(stacks.periods[0].total(), 6.0);
    // One actor of its own at most: the other joins the rest.
    let one = timeline_stacks(&timeline(), true, 1);
    assert_eq!(one.periods[0].series, [1.0, 5.0]);
    // Not stacked: one series, the totals.
    let flat = timeline_stacks(&timeline(), false, 8);
    assert!(flat.actors.is_empty());
    assert_eq!(flat.periods[1].series, [4.0]);
}

#[test]
fn the_timeline_table_has_a_row_per_column_with_its_imprecise_share() {
    let stacks = timeline_stacks(&timeline(), false, 8);
    let table = ChartTable::timeline(Lang::En, &stacks);
    assert_eq!(
        table.csv_header(),
        [
            "period_start",
            "period_end",
            "period",
            "events",
            "of_which_imprecise_dates"
        ]
    );
    assert_eq!(table.caption, "Timeline — Events (Monthly)");
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].keys, ["2019-01-01", "2019-01-31"]);
    assert_eq!(table.rows[0].label, "2019-01");
    assert_eq!(table.rows[0].numbers, [6.0, 0.5]);
    assert_eq!(table.rows[1].numbers, [4.0, 0.0]);
    // In Arabic, the month by its Levantine name.
    let ar = ChartTable::timeline(Lang::Ar, &stacks);
    assert_eq!(ar.rows[0].label, "كانون الثاني 2019");
    // Stacked: a column per series, which add up to the total.
    let stacked = ChartTable::timeline(Lang::En, &timeline_stacks(&timeline(), true, 8));
    assert_eq!(stacked.numbers.len(), 2 + 3);
    assert_eq!(
        stacked.numbers.last().map(|c| c.name.as_str()),
        Some("actor:other")
    );
    let row = &stacked.rows[0];
    assert_eq!(row.numbers[2..].iter().sum::<f64>(), row.numbers[0]);
}

/// An event spread over `months` months is `1 / months` of an event in each.
fn spread_timeline(months: u32) -> Timeline {
    let share = 1.0 / f64::from(months);
    let mut start = day("2019-01-01");
    let mut buckets = Vec::new();
    for _ in 0..months {
        buckets.push(bucket(&start.to_string(), &[(0, share)], share));
        start = start.next_month_start();
    }
    Timeline {
        interval: Interval::Month,
        metric: Metric::Events,
        buckets,
        milestones: Vec::new(),
    }
}

#[test]
fn spread_values_show_one_decimal_and_keep_their_precision_in_the_csv() {
    use super::super::i18n::format_value;
    let months = 12;
    let timeline = spread_timeline(months);
    let table = ChartTable::timeline(Lang::En, &timeline_stacks(&timeline, false, 8));
    let share = 1.0 / f64::from(months);
    let csv = table.to_csv(&[]).unwrap_or_default();
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .filter(|r: &Vec<String>| r.len() > 1)
        .collect();
    assert_eq!(records.len(), months as usize);
    let mut sum = 0.0;
    for (row, record) in table.rows.iter().zip(&records) {
        // The page shows the share rounded to tenths, as every chart label does.
        let tenths = (share * 10.0).round() / 10.0;
        assert_eq!(format_value(row.numbers[0]), format!("{tenths:.1}"));
        // The CSV keeps it to a millionth.
        let written: f64 = record[3].parse().unwrap_or(f64::NAN);
        assert!((written - share).abs() < 1e-6, "{}", record[3]);
        sum += written;
    }
    // So the periods add up to the one event, which tenths would not.
    assert!((sum - 1.0).abs() < 1e-5, "{sum}");
    let shown: f64 = table
        .rows
        .iter()
        .map(|row| format_value(row.numbers[0]).parse::<f64>().unwrap_or(0.0))
        .sum();
    assert!((shown - 1.0).abs() > 0.1, "{shown}");
}

#[test]
fn csv_numbers_are_whole_or_trimmed_decimals() {
    assert_eq!(csv_number(5233.0), "5233");
    assert_eq!(csv_number(0.0), "0");
    assert_eq!(csv_number(-0.0), "0");
    assert_eq!(csv_number(2.5), "2.5");
    assert_eq!(csv_number(41.0 / 12.0), format!("{:.6}", 41.0 / 12.0));
    assert_eq!(csv_number(0.1 + 0.2), "0.3");
    assert_eq!(csv_number(2.9999999999999996), "3");
    assert_eq!(csv_number(f64::NAN), "0");
}

#[test]
fn the_map_table_has_every_governorate() {
    let mut layers = MapLayers {
        by_governorate: vec![0.0; Governorate::ALL.len()],
        area_only: vec![0; Governorate::ALL.len()],
        ..MapLayers::default()
    };
    layers.by_governorate[Governorate::Idlib.index()] = 12.0;
    layers.area_only[Governorate::Idlib.index()] = 2;
    let selected = [Governorate::Idlib].into();
    let table = ChartTable::map(Lang::En, &layers, Metric::Events, &selected);
    assert_eq!(table.rows.len(), Governorate::ALL.len());
    let idlib = &table.rows[Governorate::Idlib.index()];
    assert_eq!(idlib.label, "Idlib");
    assert_eq!(idlib.numbers, [12.0, 2.0]);
    assert!(idlib.selected);
    assert_eq!(table.rows.iter().filter(|r| r.selected).count(), 1);
}

#[test]
fn composition_rows_keep_their_order() {
    let composition = Composition {
        children: 3,
        women: 2,
        other_civilians: 10,
        combatants: 7,
        unknown: 1,
        ..Composition::default()
    };
    let rows = composition_rows(Lang::En, &composition);
    let ids: Vec<_> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "children",
            "women",
            "other_civilians",
            "combatants",
            "unknown"
        ]
    );
    let table = ChartTable::composition(Lang::En, &rows);
    assert_eq!(table.rows[2].numbers, [10.0]);
    assert_eq!(table.rows[0].label, "Children");
    assert_eq!(table.selected, None);
}
