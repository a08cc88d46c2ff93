//! Every chart as a table: the numbers each chart of the page draws, as rows that the page shows
//! in an HTML `<table>` and the reader downloads as CSV, so a screen reader (or a reader who
//! wants the figures) gets every number without the canvas.
//!
//! The charts are drawn from the values computed here: the bars from [`bar_rows`] and
//! [`composition_rows`], the timeline's stacked columns from [`timeline_stacks`]. Each table is
//! built from those same values (and the map's from the [`MapLayers`] the map draws), so a
//! chart and its table cannot disagree. Labels are in the reader's language; the CSV's column
//! names are stable English identifiers and its numbers are written without grouping.

use std::collections::BTreeSet;

use super::aggregate::{self, Composition, Group, Interval, Metric, Timeline};
use super::baseline::Baseline;
use super::date::Day;
use super::export::defused;
use super::i18n::{Arg, Lang};
use super::map_layers::MapLayers;
use super::query::ViewState;
use super::rows::Rows;
use super::table::EventTable;
use super::vocab::{Actor, EventKind, Governorate};

/// Which bars a bar chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Breakdown {
    /// One bar per broad actor category; an event counts for each of its actors.
    Actor,
    /// One bar per event kind.
    Kind,
    /// One bar per governorate; an event counts for each governorate among its places.
    Governorate,
}

impl Breakdown {
    /// The group whose sums the chart shows.
    pub fn group(self) -> Group {
        match self {
            Breakdown::Actor => Group::Actor,
            Breakdown::Kind => Group::Kind,
            Breakdown::Governorate => Group::Governorate,
        }
    }

    /// The chart's title in `lang`.
    pub fn title(self, lang: Lang) -> String {
        lang.text(match self {
            Breakdown::Actor => "bars-actor",
            Breakdown::Kind => "bars-kind",
            Breakdown::Governorate => "bars-governorate",
        })
    }
}

/// A chart of the page that can also be shown as a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChartPanel {
    Timeline,
    Bars(Breakdown),
    /// Who was killed: children, women, other civilians, combatants, unknown status.
    Composition,
    /// The map's governorates.
    Map,
}

impl ChartPanel {
    /// Every chart, in the order of the page.
    pub const ALL: &'static [ChartPanel] = &[
        ChartPanel::Timeline,
        ChartPanel::Bars(Breakdown::Actor),
        ChartPanel::Bars(Breakdown::Kind),
        ChartPanel::Bars(Breakdown::Governorate),
        ChartPanel::Composition,
        ChartPanel::Map,
    ];

    /// The stable id of the chart in a link (`table=timeline,gov`).
    pub fn id(self) -> &'static str {
        match self {
            ChartPanel::Timeline => "timeline",
            ChartPanel::Bars(Breakdown::Actor) => "actor",
            ChartPanel::Bars(Breakdown::Kind) => "kind",
            ChartPanel::Bars(Breakdown::Governorate) => "gov",
            ChartPanel::Composition => "composition",
            ChartPanel::Map => "map",
        }
    }

    /// The chart of a link's id, in any ASCII case.
    pub fn from_id(id: &str) -> Option<ChartPanel> {
        Self::ALL
            .iter()
            .copied()
            .find(|panel| panel.id().eq_ignore_ascii_case(id))
    }

    /// The name of the chart's downloads, without extension (`by-governorate`).
    pub fn file_stem(self) -> &'static str {
        match self {
            ChartPanel::Timeline => "timeline",
            ChartPanel::Bars(Breakdown::Actor) => "by-actor",
            ChartPanel::Bars(Breakdown::Kind) => "by-kind",
            ChartPanel::Bars(Breakdown::Governorate) => "by-governorate",
            ChartPanel::Composition => "casualty-composition",
            ChartPanel::Map => "map",
        }
    }

    /// The chart as the names of its controls call it ("the chart by actor"), in `lang`.
    pub fn subject(self, lang: Lang) -> String {
        lang.text(&format!("chart-subject-{}", self.id()))
    }
}

/// One bar as its chart draws it and its table lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The member's stable id (`Idlib`, `russia`, `airstrike`; `children` for the composition),
    /// which the filter and the CSV use.
    pub id: String,
    /// Its name in the reader's language.
    pub label: String,
    /// Its value: events, deaths or civilians killed (best estimates) for the chosen metric.
    pub value: f64,
    /// Whether the filter selects it (the bar is drawn pressed).
    pub selected: bool,
}

/// The bars of a bar chart over `rows` (table row numbers) for `metric`, largest first (ties
/// in vocabulary order), with no bar for a value of 0; `state` says which are selected.
pub fn bar_rows(
    lang: Lang,
    table: &EventTable,
    rows: &[u32],
    metric: Metric,
    breakdown: Breakdown,
    state: &ViewState,
) -> Vec<BarRow> {
    let sums = aggregate::group_sums(table, rows, breakdown.group(), metric);
    bars_of_sums(lang, breakdown, &sums, state)
}

/// [`bar_rows`], with the sums taken from `baseline`'s (`table`'s), whose whole-table sums
/// and sums for the same `rows` the three charts share: the same bars.
pub fn bar_rows_in(
    baseline: &Baseline,
    lang: Lang,
    table: &EventTable,
    rows: &Rows,
    metric: Metric,
    breakdown: Breakdown,
    state: &ViewState,
) -> Vec<BarRow> {
    let sums = baseline.group(table, rows, breakdown.group(), metric);
    bars_of_sums(lang, breakdown, &sums, state)
}

/// The bars of `sums` (per member of `breakdown`'s group, in vocabulary order), ranked.
fn bars_of_sums(lang: Lang, breakdown: Breakdown, sums: &[u64], state: &ViewState) -> Vec<BarRow> {
    let row = |vocab: &str, id: &str, value: f64, selected: bool| BarRow {
        id: id.to_string(),
        label: lang.label(vocab, id),
        value,
        selected,
    };
    match breakdown {
        Breakdown::Actor => aggregate::ranked(Actor::ALL, sums)
            .into_iter()
            .map(|(a, v)| row("actor", a.id(), v, state.actors.contains(&a)))
            .collect(),
        Breakdown::Kind => aggregate::ranked(EventKind::ALL, sums)
            .into_iter()
            .map(|(k, v)| row("kind", k.id(), v, state.kinds.contains(&k)))
            .collect(),
        Breakdown::Governorate => aggregate::ranked(Governorate::ALL, sums)
            .into_iter()
            .map(|(g, v)| row("gov", g.id(), v, state.governorates.contains(&g)))
            .collect(),
    }
}

/// How many bars [`bar_rows_in`] gives of every row of `table`, events counted: the most any
/// filter leaves, for the room a chart keeps. From `baseline`'s whole-table sums (`table`'s),
/// without a list of the rows.
pub fn bar_count_of_all(baseline: &Baseline, table: &EventTable, breakdown: Breakdown) -> usize {
    let group = breakdown.group();
    baseline
        .group_of_all(table, group, Metric::Events)
        .iter()
        .take(group.members())
        .filter(|&&sum| sum > 0)
        .count()
}

/// The five bars of the casualty composition, in its fixed order, each a number of deaths.
pub fn composition_rows(lang: Lang, composition: &Composition) -> Vec<BarRow> {
    [
        ("children", "comp-children", composition.children),
        ("women", "comp-women", composition.women),
        (
            "other_civilians",
            "comp-other-civilians",
            composition.other_civilians,
        ),
        ("combatants", "comp-combatants", composition.combatants),
        ("unknown", "comp-unknown", composition.unknown),
    ]
    .into_iter()
    .map(|(id, key, value)| BarRow {
        id: id.to_string(),
        label: lang.text(key),
        value: value as f64,
        selected: false,
    })
    .collect()
}

/// The timeline as it is drawn: one column per period, stacked in series.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineStacks {
    pub interval: Interval,
    pub metric: Metric,
    /// The actors with a series (and a colour) of their own, largest total first. The series
    /// after them holds every other actor and the events that name none: all events when the
    /// timeline is not stacked by actor, which leaves this empty.
    pub actors: Vec<Actor>,
    pub periods: Vec<Period>,
}

/// One column of the timeline: the days `[start, end_exclusive)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub start: Day,
    pub end_exclusive: Day,
    /// Value of each series, bottom first: one per actor of [`TimelineStacks::actors`], then
    /// the rest.
    pub series: Vec<f64>,
    /// How much of the total comes from events dated more coarsely than the period (to a
    /// month, a year or a longer span), spread over the periods they cover: drawn hatched.
    pub imprecise: f64,
}

impl Period {
    /// The column's value: its series stacked.
    pub fn total(&self) -> f64 {
        self.series.iter().sum()
    }
}

/// The timeline's columns as drawn: with `stacked`, the `most` actors of the largest totals get
/// a series each, and the rest (other actors, no actor) one more; without, one series.
pub fn timeline_stacks(timeline: &Timeline, stacked: bool, most: usize) -> TimelineStacks {
    let slots = Actor::ALL.len() + 1;
    let mut totals = vec![0.0_f64; slots];
    for bucket in &timeline.buckets {
        for (total, value) in totals.iter_mut().zip(&bucket.by_actor) {
            *total += value;
        }
    }
    let mut ranked: Vec<usize> = (0..Actor::ALL.len())
        .filter(|&slot| totals.get(slot).is_some_and(|t| *t > 0.0))
        .collect();
    // Stable: equal totals keep the vocabulary's order.
    ranked.sort_by(|a, b| totals[*b].total_cmp(&totals[*a]));
    ranked.truncate(if stacked { most } else { 0 });
    let rest = ranked.len();
    let periods = timeline
        .buckets
        .iter()
        .map(|bucket| {
            let mut series = vec![0.0; rest + 1];
            for (slot, value) in bucket.by_actor.iter().enumerate() {
                let at = ranked.iter().position(|&r| r == slot).unwrap_or(rest);
                if let Some(sum) = series.get_mut(at) {
                    *sum += value;
                }
            }
            Period {
                start: bucket.start,
                end_exclusive: bucket.end_exclusive,
                series,
                imprecise: bucket.imprecise,
            }
        })
        .collect();
    TimelineStacks {
        interval: timeline.interval,
        metric: timeline.metric,
        actors: ranked.into_iter().filter_map(Actor::from_index).collect(),
        periods,
    }
}

/// A chart's numbers as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTable {
    /// What the table shows, in the reader's language: the chart's title and its metric.
    pub caption: String,
    /// CSV names of the columns that identify a row for a program (a member's `id`, a
    /// period's first and last days as `YYYY-MM-DD`): in the CSV only, before the label.
    pub key_names: Vec<&'static str>,
    /// The column of row headings (a name, a period).
    pub label: Column,
    /// The columns of numbers, in order.
    pub numbers: Vec<Column>,
    /// The heading of the column that says which rows the filter selects (CSV `selected`);
    /// `None` for a chart that filters nothing.
    pub selected: Option<String>,
    pub rows: Vec<TableRow>,
}

/// A column: its stable CSV name and its heading in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub heading: String,
}

impl Column {
    fn new(name: impl Into<String>, heading: String) -> Column {
        Column {
            name: name.into(),
            heading,
        }
    }
}

/// One row of a [`ChartTable`].
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// One value per [`ChartTable::key_names`].
    pub keys: Vec<String>,
    /// The row's heading, in the reader's language.
    pub label: String,
    /// One value per [`ChartTable::numbers`], unrounded.
    pub numbers: Vec<f64>,
    pub selected: bool,
}

/// The column of a metric's values, named by the metric's id (`events`, `deaths`,
/// `civilians`).
fn metric_column(lang: Lang, metric: Metric) -> Column {
    Column::new(metric.id(), lang.label("metric", metric.id()))
}

/// "By governorate — Events".
fn caption(lang: Lang, chart: &str, metric: Metric) -> String {
    lang.format(
        "table-caption",
        &[
            ("chart", Arg::Text(chart)),
            ("metric", Arg::Text(&lang.label("metric", metric.id()))),
        ],
    )
}

impl ChartTable {
    /// The table of a bar chart: one row per bar, in the chart's order, with the bar's value
    /// and whether the filter selects it.
    pub fn bars(lang: Lang, breakdown: Breakdown, metric: Metric, bars: &[BarRow]) -> ChartTable {
        let (name, heading) = match breakdown {
            Breakdown::Actor => ("actor", "table-col-actor"),
            Breakdown::Kind => ("kind", "table-col-kind"),
            Breakdown::Governorate => ("governorate", "table-col-gov"),
        };
        ChartTable {
            caption: caption(lang, &breakdown.title(lang), metric),
            key_names: vec!["id"],
            label: Column::new(name, lang.text(heading)),
            numbers: vec![metric_column(lang, metric)],
            selected: Some(lang.text("table-col-selected")),
            rows: bars
                .iter()
                .map(|bar| TableRow {
                    keys: vec![bar.id.clone()],
                    label: bar.label.clone(),
                    numbers: vec![bar.value],
                    selected: bar.selected,
                })
                .collect(),
        }
    }

    /// The table of the casualty composition: each category and its deaths (best estimates).
    pub fn composition(lang: Lang, bars: &[BarRow]) -> ChartTable {
        ChartTable {
            caption: lang.text("composition"),
            key_names: vec!["id"],
            label: Column::new("category", lang.text("table-col-category")),
            numbers: vec![Column::new("deaths", lang.text("table-col-deaths"))],
            selected: None,
            rows: bars
                .iter()
                .map(|bar| TableRow {
                    keys: vec![bar.id.clone()],
                    label: bar.label.clone(),
                    numbers: vec![bar.value],
                    selected: false,
                })
                .collect(),
        }
    }

    /// The table of the timeline: one row per column drawn, with its value, the part of it
    /// that comes from imprecisely dated events (drawn hatched) and, stacked by actor, the
    /// value of each series.
    pub fn timeline(lang: Lang, stacks: &TimelineStacks) -> ChartTable {
        let metric = stacks.metric;
        let mut numbers = vec![
            metric_column(lang, metric),
            Column::new("of_which_imprecise_dates", lang.text("table-col-imprecise")),
        ];
        let stacked = !stacks.actors.is_empty();
        if stacked {
            numbers.extend(
                stacks
                    .actors
                    .iter()
                    .map(|a| Column::new(format!("actor:{}", a.id()), lang.label("actor", a.id()))),
            );
            numbers.push(Column::new("actor:other", lang.text("table-col-other")));
        }
        let (heading, interval) = match stacks.interval {
            Interval::Month => ("table-col-month", "interval-month"),
            Interval::Week => ("table-col-week", "interval-week"),
        };
        let rows = stacks
            .periods
            .iter()
            .map(|period| {
                let label = match stacks.interval {
                    Interval::Month => {
                        let (year, month, _) = period.start.ymd();
                        lang.month(year, month)
                    }
                    Interval::Week => lang.day(period.start),
                };
                let mut values = vec![period.total(), period.imprecise];
                if stacked {
                    values.extend(period.series.iter().copied());
                }
                TableRow {
                    keys: vec![
                        period.start.to_string(),
                        Day(period.end_exclusive.0 - 1).to_string(),
                    ],
                    label,
                    numbers: values,
                    selected: false,
                }
            })
            .collect();
        ChartTable {
            caption: lang.format(
                "table-caption-interval",
                &[
                    ("chart", Arg::Text(&lang.text("timeline"))),
                    ("metric", Arg::Text(&lang.label("metric", metric.id()))),
                    ("interval", Arg::Text(&lang.text(interval))),
                ],
            ),
            key_names: vec!["period_start", "period_end"],
            label: Column::new("period", lang.text(heading)),
            numbers,
            selected: None,
            rows,
        }
    }

    /// The table of the map: one row per governorate, in the vocabulary's order, with the value
    /// that shades it, the events known only to the governorate (its "+N" badge) and whether the
    /// filter selects it.
    pub fn map(
        lang: Lang,
        layers: &MapLayers,
        metric: Metric,
        selected: &BTreeSet<Governorate>,
    ) -> ChartTable {
        let rows = Governorate::ALL
            .iter()
            .enumerate()
            .map(|(index, governorate)| TableRow {
                keys: vec![governorate.id().to_string()],
                label: lang.label("gov", governorate.id()),
                numbers: vec![
                    layers.by_governorate.get(index).copied().unwrap_or(0.0),
                    f64::from(layers.area_only.get(index).copied().unwrap_or(0)),
                ],
                selected: selected.contains(governorate),
            })
            .collect();
        ChartTable {
            caption: caption(lang, &lang.text("tab-map"), metric),
            key_names: vec!["id"],
            label: Column::new("governorate", lang.text("table-col-gov")),
            numbers: vec![
                metric_column(lang, metric),
                Column::new(
                    "events_located_only_to_area",
                    lang.text("table-col-area-only"),
                ),
            ],
            selected: Some(lang.text("table-col-selected")),
            rows,
        }
    }

    /// The CSV names of the columns, in order.
    pub fn csv_header(&self) -> Vec<String> {
        let mut names: Vec<String> = self.key_names.iter().map(|n| n.to_string()).collect();
        names.push(self.label.name.clone());
        names.extend(self.numbers.iter().map(|c| c.name.clone()));
        if self.selected.is_some() {
            names.push("selected".to_string());
        }
        names
    }

    /// The table as CSV text, as the events' export writes it (`core::export`): a byte order
    /// mark, every field quoted, text a spreadsheet would run as a formula defused, the header
    /// of stable English names, one record per row (numbers as [`csv_number`] writes them;
    /// `selected` is `true` or `false`), then an empty line and `notes`, one per record (the
    /// caption, the view's link, the attribution lines), where parsers can stop.
    ///
    /// Errors: a sentence when the CSV writer fails, which writing to memory does not.
    pub fn to_csv(&self, notes: &[String]) -> Result<String, String> {
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        let fail = |error: csv::Error| format!("the table could not be written as CSV: {error}");
        writer.write_record(self.csv_header()).map_err(fail)?;
        for row in &self.rows {
            let mut fields: Vec<String> =
                row.keys.iter().map(|k| defused(k).into_owned()).collect();
            fields.push(defused(&row.label).into_owned());
            fields.extend(row.numbers.iter().map(|&n| csv_number(n)));
            if self.selected.is_some() {
                fields.push(row.selected.to_string());
            }
            writer.write_record(&fields).map_err(fail)?;
        }
        let mut bytes = writer
            .into_inner()
            .map_err(|error| format!("the table could not be written as CSV: {error}"))?;
        bytes.extend_from_slice(b"\r\n");
        let mut notes_writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .terminator(csv::Terminator::CRLF)
            .from_writer(bytes);
        for note in notes {
            notes_writer
                .write_record([defused(note).as_ref()])
                .map_err(fail)?;
        }
        let bytes = notes_writer
            .into_inner()
            .map_err(|error| format!("the table could not be written as CSV: {error}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| "the table's CSV is not UTF-8 text".to_string())?;
        Ok(format!("\u{feff}{text}"))
    }
}

/// Decimals a CSV number keeps: enough for any share of an event spread over the days of a
/// decade, few enough to drop the binary rounding noise of a sum (`2.9999999999999996`).
const CSV_DECIMALS: usize = 6;

/// A number as the tables' CSV writes it: a whole number as it is (`5233`), a fraction (an
/// imprecisely dated event's share of each period it may fall in) with up to
/// [`CSV_DECIMALS`] decimals, trailing zeros dropped (`3.416667`), no grouping.
///
/// The page shows one decimal ([`super::i18n::format_value`]): a reader compares bars. The CSV
/// keeps the precision because it is read by programs that add periods up: a year of monthly
/// values rounded to tenths can miss its own total by more than half an event (twelve shares
/// of 1/12 shown as 0.1 make 1.2), and a researcher who re-aggregates the periods, or checks
/// them against the events' export, needs the sums to hold. A program can round; it cannot
/// restore what was rounded away.
pub fn csv_number(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let text = format!("{value:.CSV_DECIMALS$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_string(),
        text => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
