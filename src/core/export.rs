//! Export of exactly the filtered events, as CSV for spreadsheets and JSON for programs, each row
//! with its sources, verbatim quotes and a permalink, and the attribution lines the licences ask
//! for; and of a whole collection (a file the reader opened) as this project's collection file
//! ([`collection_json`]), which `dataset check` accepts and the page opens again.
//!
//! The CSV starts with a UTF-8 byte order mark so that spreadsheet programs read Arabic and
//! curly quotes correctly, quotes every field (RFC 4180), and defuses cells that a spreadsheet
//! would run as a formula (text starting with `=`, `+`, `-`, `@`).

use std::borrow::{Borrow, Cow};

use serde::Serialize;

use super::i18n::{Arg, Lang};
use super::model::{Dataset, Event};
use super::table::{states_civilians_killed, states_deaths, EventTable};

/// One exported row, shared by both formats so they never disagree.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub collection: String,
    pub date_start: String,
    pub date_end: String,
    pub date_precision: String,
    pub place: String,
    pub governorate: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub location_precision: String,
    pub kind: String,
    pub actors: String,
    /// Deaths as the explorer counts them, low, best and high; empty (`None`) when the record
    /// gives no number of deaths ("several killed", an agreement), which the totals count as 0.
    pub deaths_low: Option<u32>,
    pub deaths_best: Option<u32>,
    pub deaths_high: Option<u32>,
    /// Civilians killed as the explorer counts them (best estimates; subgroups with no
    /// civilians figure count toward it), so the header's civilians total can be checked;
    /// empty when the record gives no number of civilians killed (ACLED's `fatalities` do not
    /// say who was killed), which the total counts as 0.
    pub civilians_killed: Option<u32>,
    pub casualties: String,
    pub summary: String,
    pub sources: String,
    pub quotes: String,
    pub ucdp_id: Option<u64>,
    pub permalink: String,
}

const HEADER: [&str; 22] = [
    "id",
    "collection",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "governorate",
    "latitude",
    "longitude",
    "location_precision",
    "kind",
    "actors",
    "deaths_low",
    "deaths_best",
    "deaths_high",
    "civilians_killed",
    "casualties",
    "summary",
    "sources",
    "quotes",
    "ucdp_id",
    "permalink",
];

/// Builds the rows of `selection` (table row numbers), in its order; `permalink` makes the
/// link of one event id. The records are decoded in the table's order, whatever the
/// selection's, so each packed block of records is unpacked once (`core::records`).
pub fn rows<D: Borrow<Dataset>>(
    table: &EventTable,
    datasets: &[D],
    selection: &[u32],
    permalink: &dyn Fn(&str) -> String,
) -> Vec<Row> {
    let mut by_row: Vec<(u32, usize)> = selection
        .iter()
        .enumerate()
        .map(|(at, &row)| (row, at))
        .collect();
    by_row.sort_unstable();
    let mut built: Vec<Option<Row>> = Vec::new();
    built.resize_with(selection.len(), || None);
    for (row, at) in by_row {
        let row = row as usize;
        let Some(&(dataset_index, _)) = table.locations.get(row) else {
            continue;
        };
        let (Some(dataset), Some(event)) = (
            datasets.get(dataset_index).map(Borrow::borrow),
            table.event(row, datasets),
        ) else {
            continue;
        };
        if let Some(slot) = built.get_mut(at) {
            *slot = Some(row_of(table, row, dataset, &event, permalink));
        }
    }
    built.into_iter().flatten().collect()
}

fn row_of(
    table: &EventTable,
    row: usize,
    dataset: &Dataset,
    event: &Event,
    permalink: &dyn Fn(&str) -> String,
) -> Row {
    let place = event.places.first();
    let actors = event
        .actors
        .iter()
        .map(|actor| {
            let party = actor
                .party
                .and_then(|index| dataset.parties.get(index as usize))
                .map(|party| format!(" [{}]", party.name))
                .unwrap_or_default();
            format!("{} ({}){party}", actor.actor.label(), actor.role.label())
        })
        .collect::<Vec<_>>()
        .join("; ");
    let casualties = event
        .casualties
        .iter()
        .map(|c| {
            let number = match (c.low, c.best, c.high) {
                (Some(low), Some(best), Some(high)) if low != high => {
                    format!("{best} ({low}-{high})")
                }
                (_, Some(best), _) => best.to_string(),
                _ => "?".to_string(),
            };
            let wording = c
                .wording
                .as_ref()
                .map(|w| format!(" “{w}”"))
                .unwrap_or_default();
            format!(
                "{} {} {} {}{wording}",
                c.group.label(),
                c.outcome.label(),
                c.qualifier.label(),
                number
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let source_title = |id: &str| {
        dataset
            .source(id)
            .map(|source| format!("{}: {}", source.publisher.label(), source.title))
            .unwrap_or_else(|| id.to_string())
    };
    let sources = event
        .citations
        .iter()
        .map(|c| match &c.reported_by {
            Some(by) => format!("{} (reported by {by})", source_title(&c.source)),
            None => source_title(&c.source),
        })
        .collect::<Vec<_>>()
        .join(" | ");
    let quotes = event
        .citations
        .iter()
        .map(|c| c.quote.clone())
        .collect::<Vec<_>>()
        .join(" | ");
    let get = |column: &[u32]| column.get(row).copied().unwrap_or(0);
    let deaths = states_deaths(event);
    let civilians = states_civilians_killed(event);
    Row {
        id: event.id.clone(),
        collection: dataset.collection.id.clone(),
        date_start: event.date.start.clone(),
        date_end: event.date.end.clone(),
        date_precision: format!("{:?}", event.date.precision).to_lowercase(),
        place: place.map(|p| p.name.clone()).unwrap_or_default(),
        governorate: place
            .and_then(|p| p.governorate)
            .map(|g| g.label().to_string())
            .unwrap_or_default(),
        latitude: place.and_then(|p| p.lat),
        longitude: place.and_then(|p| p.lon),
        location_precision: place
            .map(|p| format!("{:?}", p.precision).to_lowercase())
            .unwrap_or_default(),
        kind: event.kind.label().to_string(),
        actors,
        deaths_low: deaths.then(|| get(&table.deaths_low)),
        deaths_best: deaths.then(|| get(&table.deaths_best)),
        civilians_killed: civilians.then(|| get(&table.civilians_killed)),
        deaths_high: deaths.then(|| get(&table.deaths_high)),
        casualties,
        summary: event.summary.clone(),
        sources,
        quotes,
        ucdp_id: event.ucdp.as_ref().map(|u| u.id),
        permalink: permalink(&event.id),
    }
}

/// Attribution lines of the collections that hold some of `rows` (rows of `table`, whose
/// records `datasets` hold, as [`EventTable::locations`] places them), in the datasets'
/// order, each line once: what an export or a chart table of those rows credits. A
/// collection loaded beside them with no row among them is not credited (an export of the
/// curated events names no UCDP data); no rows, no lines.
pub fn attributions_of_rows<D: Borrow<Dataset>>(
    table: &EventTable,
    datasets: &[D],
    rows: &[u32],
) -> Vec<String> {
    let mut holds = vec![false; datasets.len()];
    let mut left = datasets.len();
    for &row in rows {
        let Some(&(dataset, _)) = table.locations.get(row as usize) else {
            continue;
        };
        if let Some(held) = holds.get_mut(dataset).filter(|held| !**held) {
            *held = true;
            left -= 1;
            if left == 0 {
                break;
            }
        }
    }
    lines_of(
        datasets
            .iter()
            .zip(&holds)
            .filter(|&(_, &held)| held)
            .map(|(dataset, _)| dataset.borrow()),
    )
}

/// The attribution and citation lines of `datasets`, each once, in order.
fn lines_of<'a>(datasets: impl Iterator<Item = &'a Dataset>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for dataset in datasets {
        for line in dataset
            .collection
            .attribution
            .iter()
            .chain(&dataset.collection.citations)
        {
            if !lines.contains(line) {
                lines.push(line.clone());
            }
        }
    }
    lines
}

/// The CSV text: a byte order mark, the header, one record per event, then an empty line and the
/// file's comments, one per record, where spreadsheet users see them and parsers can stop: two
/// `#` lines in `lang`, the interface's language (what the file holds, and that its column names
/// are stable English identifiers in every language, so a script reads any export), a third
/// with `view_link`, the view's address (unless empty), then the attribution lines as the
/// collections word them.
pub fn to_csv(rows: &[Row], attribution: &[String], lang: Lang, view_link: &str) -> String {
    let mut out = csv_head();
    out.push_str(&csv_records(rows));
    out.push_str(&csv_tail(rows.len(), attribution, lang, view_link));
    out
}

/// How many rows an export builds at a time: [`csv_records`] and [`json_events`] of this many
/// rows, then the browser's turn, so that a million rows neither hold the page nor sit in
/// memory at once (at some 1 KB a row, built all together they took more memory than
/// WebAssembly has).
pub const EXPORT_BATCH: usize = 2_000;

/// The start of [`to_csv`]'s text: the byte order mark and the header.
pub fn csv_head() -> String {
    let mut out = String::from("\u{feff}");
    push_record(&mut out, HEADER.iter().map(|h| (*h).to_string()));
    out
}

/// The end of [`to_csv`]'s text for `events` rows: the empty line, the comments in `lang`
/// (with the view's address, `view_link`) and the attribution lines.
pub fn csv_tail(events: usize, attribution: &[String], lang: Lang, view_link: &str) -> String {
    let mut out = String::from("\r\n");
    for comment in comments(events, lang, view_link) {
        push_record(&mut out, std::iter::once(comment));
    }
    for line in attribution {
        push_record(&mut out, std::iter::once(line.clone()));
    }
    out
}

/// The records of `rows` in [`to_csv`]'s text: the rows of an export, a batch at a time,
/// between [`csv_head`] and [`csv_tail`].
pub fn csv_records(rows: &[Row]) -> String {
    let mut out = String::new();
    for row in rows {
        push_record(
            &mut out,
            [
                row.id.clone(),
                row.collection.clone(),
                row.date_start.clone(),
                row.date_end.clone(),
                row.date_precision.clone(),
                row.place.clone(),
                row.governorate.clone(),
                row.latitude.map(|v| v.to_string()).unwrap_or_default(),
                row.longitude.map(|v| v.to_string()).unwrap_or_default(),
                row.location_precision.clone(),
                row.kind.clone(),
                row.actors.clone(),
                number(row.deaths_low),
                number(row.deaths_best),
                number(row.deaths_high),
                number(row.civilians_killed),
                row.casualties.clone(),
                row.summary.clone(),
                row.sources.clone(),
                row.quotes.clone(),
                row.ucdp_id.map(|v| v.to_string()).unwrap_or_default(),
                row.permalink.clone(),
            ]
            .into_iter(),
        );
    }
    out
}

/// The CSV's `#` comments in `lang`: what the file holds, that its column names stay the same
/// English identifiers in every language, and the view it holds (`view_link`, its address, so
/// that a figure taken from the file can be traced to the filter that made it; left out when
/// empty).
pub fn comments(events: usize, lang: Lang, view_link: &str) -> Vec<String> {
    let mut comments = vec![
        format!("# {}", lang.count("export-csv-holds", events as u64)),
        format!("# {}", lang.text("export-csv-columns")),
    ];
    if !view_link.is_empty() {
        let view = lang.format("table-csv-view", &[("link", Arg::Text(view_link))]);
        comments.push(format!("# {view}"));
    }
    comments
}

/// A count as a CSV field: empty when there is none.
fn number(count: Option<u32>) -> String {
    count.map(|count| count.to_string()).unwrap_or_default()
}

fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    let mut first = true;
    for field in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push('"');
        out.push_str(&defused(&field).replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

/// A CSV field as a spreadsheet may open it safely: text it would run as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return, and not a number such as `-5`) gets a
/// leading `'`, which shows the text as it is. Every CSV the app writes goes through it.
pub fn defused(field: &str) -> Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) && field.parse::<f64>().is_err() {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// The JSON export: the view's address, the attribution lines, the count and the rows, laid
/// out as `serde_json`'s pretty printer lays out that object. An export of many rows writes
/// the same text in batches ([`json_head`], [`json_events`], [`json_tail`]).
pub fn to_json(rows: &[Row], attribution: &[String], view_link: &str) -> String {
    let mut out = json_head(attribution, view_link, rows.len());
    out.push_str(&json_events(rows, true));
    out.push_str(json_tail(rows.len()));
    out
}

/// The start of [`to_json`]'s text for an export of `count` rows: everything before the first
/// event ([`json_events`]), or before the empty list of none.
pub fn json_head(attribution: &[String], view_link: &str, count: usize) -> String {
    let view = serde_json::to_string(view_link).unwrap_or_else(|_| "\"\"".to_string());
    let attribution = serde_json::to_string_pretty(attribution)
        .unwrap_or_else(|_| "[]".to_string())
        .replace('\n', "\n  ");
    let events = if count == 0 { "[]" } else { "[\n" };
    format!("{{\n  \"view\": {view},\n  \"attribution\": {attribution},\n  \"count\": {count},\n  \"events\": {events}")
}

/// The events `rows` in [`to_json`]'s text, indented as there; `first` when they are the
/// export's first (the others follow a comma).
pub fn json_events(rows: &[Row], first: bool) -> String {
    let mut out = String::new();
    for (at, row) in rows.iter().enumerate() {
        if !(first && at == 0) {
            out.push_str(",\n");
        }
        // A string in JSON holds no line break of its own: every line break is the layout's.
        let pretty = serde_json::to_string_pretty(row).unwrap_or_else(|_| "{}".to_string());
        out.push_str("    ");
        out.push_str(&pretty.replace('\n', "\n    "));
    }
    out
}

/// The end of [`to_json`]'s text for an export of `count` rows.
pub fn json_tail(count: usize) -> &'static str {
    if count == 0 {
        "\n}"
    } else {
        "\n  ]\n}"
    }
}

/// A whole collection as this project's JSON collection file: every event, figure, source and
/// party it holds, compact, with a line break at the end. The same collection gives the same
/// bytes (fields in the model's order, maps sorted), and loading the file gives the
/// collection back. It is [`collection_head`], the events of [`collection_events`] and
/// [`collection_tail`] one after the other, as a page writes it a batch at a time.
///
/// Errors: a sentence when the collection cannot be written as JSON.
pub fn collection_json(dataset: &Dataset) -> Result<String, String> {
    let mut json = collection_head(dataset)?;
    json.push_str(&collection_events(dataset, 0..dataset.events.len())?);
    json.push_str(&collection_tail(dataset)?);
    Ok(json)
}

/// Every field of `dataset` before its events, as [`Dataset`] writes them (the oracle test
/// compares the pieces with `serde_json` writing the whole).
#[derive(Serialize)]
struct CollectionHead<'a> {
    schema_version: u32,
    collection: &'a super::model::Collection,
    sources: &'a [super::model::Source],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    parties: &'a [super::model::Party],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dyads: &'a [super::model::Dyad],
}

/// The collection file's text up to its first event: every field before the events, and the
/// opening of their array.
///
/// Errors: a sentence when a field cannot be written as JSON.
pub fn collection_head(dataset: &Dataset) -> Result<String, String> {
    let head = CollectionHead {
        schema_version: dataset.schema_version,
        collection: &dataset.collection,
        sources: &dataset.sources,
        parties: &dataset.parties,
        dyads: &dataset.dyads,
    };
    let mut json = serde_json::to_string(&head).map_err(not_written)?;
    // `{...}` without its closing brace: the events follow the fields before them.
    json.pop();
    json.push_str(",\"events\":[");
    Ok(json)
}

/// The events of `dataset` numbered `range` (past the last: none), as the collection file
/// writes them: each event's text, a comma before each but the file's first event.
///
/// Errors: a sentence when an event's text is not UTF-8 (a record that could not be read).
pub fn collection_events(
    dataset: &Dataset,
    range: std::ops::Range<usize>,
) -> Result<String, String> {
    let mut json = String::new();
    let end = range.end.min(dataset.events.len());
    for i in range.start..end {
        if i > 0 {
            json.push(',');
        }
        let text = dataset.events.with_json(i, |text| {
            std::str::from_utf8(text)
                .map(|text| json.push_str(text))
                .is_ok()
        });
        if text != Some(true) {
            return Err(not_written(format!("record {i} is not text")));
        }
    }
    Ok(json)
}

/// The collection file's text after its last event: the end of their array, the figures, and
/// a line break.
///
/// Errors: a sentence when a figure cannot be written as JSON.
pub fn collection_tail(dataset: &Dataset) -> Result<String, String> {
    let mut json = String::from("]");
    if !dataset.figures.is_empty() {
        json.push_str(",\"figures\":");
        json.push_str(&serde_json::to_string(&dataset.figures).map_err(not_written)?);
    }
    json.push_str("}\n");
    Ok(json)
}

/// The sentence for a collection that cannot be written as JSON because of `error`.
fn not_written(error: impl std::fmt::Display) -> String {
    format!("the collection could not be written as JSON: {error}")
}

/// The name a collection saved from the file `file_name` is offered under:
/// `<file name>.collection.json`, or the name itself when it is one already (a saved
/// collection opened again). Control characters are left out.
pub fn collection_file_name(file_name: &str) -> String {
    const SUFFIX: &str = ".collection.json";
    let name: String = file_name.chars().filter(|c| !c.is_control()).collect();
    let name = name.trim();
    let saved = name.len() > SUFFIX.len()
        && name
            .get(name.len() - SUFFIX.len()..)
            .is_some_and(|end| end.eq_ignore_ascii_case(SUFFIX));
    match name {
        "" => format!("collection{SUFFIX}"),
        _ if saved => name.to_string(),
        _ => format!("{name}{SUFFIX}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows for the export tests: plain, with quotes, Arabic, line breaks and empty fields.
    fn sample_rows(count: usize) -> Vec<Row> {
        (0..count)
            .map(|at| Row {
                id: format!("file-x:SYR{at}"),
                collection: "file-x".to_string(),
                date_start: "2019-11-14".to_string(),
                date_end: "2019-11-14".to_string(),
                place: "سراقب \"Saraqib\"".to_string(),
                latitude: Some(35.86),
                deaths_best: (at % 2 == 0).then_some(at as u32),
                summary: format!("line one\nline two, =SUM(A1) {at}"),
                ..Row::default()
            })
            .collect()
    }

    /// An export credits the collections its rows come from, each line once, and no other
    /// collection loaded beside them.
    #[test]
    fn an_export_credits_only_the_collections_of_its_rows() {
        use crate::core::table::test_data::{dataset, ev};
        let mut curated = dataset("curated", vec![ev("c:1", "2019-01-01")]);
        curated.collection.attribution = vec!["Place coordinates: GeoNames".to_string()];
        let mut ucdp = dataset(
            "ucdp",
            vec![ev("u:1", "2019-01-02"), ev("u:2", "2019-01-03")],
        );
        ucdp.collection.attribution = vec!["Data: UCDP".to_string()];
        ucdp.collection.citations = vec!["Sundberg & Melander (2013)".to_string()];
        // A third collection giving a line the first gives too.
        let mut other = dataset("other", vec![ev("o:1", "2019-01-04")]);
        other.collection.attribution = vec!["Place coordinates: GeoNames".to_string()];
        let datasets = [curated, ucdp, other];
        let table = EventTable::build(&datasets);
        let row_of = |id: &str| {
            table
                .row_of(id, &datasets)
                .and_then(|row| u32::try_from(row).ok())
                .expect("a loaded event")
        };
        let credited = |rows: &[u32]| attributions_of_rows(&table, &datasets, rows);
        assert_eq!(credited(&[row_of("c:1")]), ["Place coordinates: GeoNames"]);
        assert_eq!(
            credited(&[row_of("u:2")]),
            ["Data: UCDP", "Sundberg & Melander (2013)"]
        );
        assert_eq!(
            credited(&[row_of("u:1"), row_of("o:1"), row_of("c:1")]),
            [
                "Place coordinates: GeoNames",
                "Data: UCDP",
                "Sundberg & Melander (2013)"
            ]
        );
        assert!(credited(&[]).is_empty());
        // A row past the table credits nothing.
        assert!(credited(&[99]).is_empty());
    }

    /// The JSON export's layout as `serde_json`'s pretty printer writes the whole object.
    fn pretty_export(rows: &[Row], attribution: &[String], view_link: &str) -> String {
        #[derive(Serialize)]
        struct Export<'a> {
            view: &'a str,
            attribution: &'a [String],
            count: usize,
            events: &'a [Row],
        }
        serde_json::to_string_pretty(&Export {
            view: view_link,
            attribution,
            count: rows.len(),
            events: rows,
        })
        .unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn an_export_written_a_batch_at_a_time_is_the_export_written_at_once() {
        let attribution = vec!["UCDP GED, CC BY 4.0".to_string(), "\"quoted\"".to_string()];
        for count in [0, 1, 2, 5] {
            // The JSON export is the pretty printer's layout of the whole object.
            let rows = sample_rows(count);
            assert_eq!(
                to_json(&rows, &attribution, "https://example.org/?q=a\"b"),
                pretty_export(&rows, &attribution, "https://example.org/?q=a\"b"),
                "{count} rows"
            );
        }
        for count in [0, 1, 2, 5] {
            let rows = sample_rows(count);
            for batch in [1, 2, 3] {
                let mut csv = csv_head();
                let mut json = json_head(&attribution, "https://example.org/?q=a\"b", count);
                for (at, part) in rows.chunks(batch).enumerate() {
                    csv.push_str(&csv_records(part));
                    json.push_str(&json_events(part, at == 0));
                }
                csv.push_str(&csv_tail(
                    count,
                    &attribution,
                    Lang::En,
                    "https://example.org/?a",
                ));
                json.push_str(json_tail(count));
                assert_eq!(
                    csv,
                    to_csv(&rows, &attribution, Lang::En, "https://example.org/?a"),
                    "{count} rows"
                );
                assert_eq!(
                    json,
                    to_json(&rows, &attribution, "https://example.org/?q=a\"b"),
                    "{count} rows, {batch} a batch"
                );
            }
        }
        // With no attribution line either.
        assert_eq!(
            format!("{}{}", json_head(&[], "v", 0), json_tail(0)),
            pretty_export(&[], &[], "v")
        );
        let rows = sample_rows(2);
        assert_eq!(to_json(&rows, &[], "v"), pretty_export(&rows, &[], "v"));
    }

    #[test]
    fn rows_come_in_the_selection_order_whatever_the_table_order() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/ucdp.json"
        ))
        .expect("the bundled UCDP collection");
        let loaded = crate::core::validate::load("ucdp.json", &bytes).expect("it loads");
        let datasets = [loaded.dataset];
        let table = EventTable::build(&datasets);
        // Every 97th row, backwards, then row 0 twice: rows from many packed blocks, out of
        // their order, and one row asked for twice.
        let mut selection: Vec<u32> = (0..table.len() as u32).step_by(97).rev().collect();
        selection.extend([0, 0]);
        let built = rows(&table, &datasets, &selection, &|id| id.to_string());
        let ids: Vec<String> = built.iter().map(|row| row.id.clone()).collect();
        let expected: Vec<String> = selection
            .iter()
            .map(|&row| {
                datasets[0]
                    .events
                    .id(row as usize)
                    .expect("an id")
                    .to_string()
            })
            .collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn a_saved_collection_is_named_after_its_file() {
        assert_eq!(
            collection_file_name("ACLED Syria 2023.csv"),
            "ACLED Syria 2023.csv.collection.json"
        );
        assert_eq!(
            collection_file_name("ACLED Syria 2023.csv.collection.json"),
            "ACLED Syria 2023.csv.collection.json"
        );
        assert_eq!(collection_file_name("a\nb.CSV"), "ab.CSV.collection.json");
        assert_eq!(collection_file_name(" \t"), "collection.collection.json");
        assert_eq!(
            collection_file_name(".collection.json"),
            ".collection.json.collection.json"
        );
        assert_eq!(collection_file_name("ملف.csv"), "ملف.csv.collection.json");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let mut out = String::new();
        push_record(
            &mut out,
            [
                "a,b".to_string(),
                "say \"hi\"".to_string(),
                "=HYPERLINK(1)".to_string(),
                "-5".to_string(),
                "إدلب".to_string(),
            ]
            .into_iter(),
        );
        assert_eq!(
            out,
            "\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(1)\",\"-5\",\"إدلب\"\r\n"
        );
    }

    #[test]
    fn csv_starts_with_a_bom_and_a_header() {
        let csv = to_csv(&[], &["Data: UCDP".to_string()], Lang::En, "");
        assert!(csv.starts_with("\u{feff}\"id\",\"collection\""));
        assert!(csv.ends_with("\"Data: UCDP\"\r\n"));
    }

    #[test]
    fn the_comments_follow_the_language_and_the_columns_do_not() {
        let link = "https://example.org/?from=2017-03-15&to=2017-03-15&dates=within";
        let english = to_csv(&[], &["Data: UCDP".to_string()], Lang::En, link);
        let arabic = to_csv(&[], &["Data: UCDP".to_string()], Lang::Ar, link);
        assert_eq!(english.lines().next(), arabic.lines().next());
        for (csv, lang) in [(&english, Lang::En), (&arabic, Lang::Ar)] {
            let comments = comments(0, lang, link);
            assert_eq!(comments.len(), 3);
            for comment in comments {
                assert!(comment.starts_with("# "), "{comment}");
                assert!(csv.contains(&format!("\"{comment}\"")), "{csv}");
            }
            // The view's link, whole, for a reader to open the view the rows came from.
            assert!(csv.contains(link), "{csv}");
            assert!(csv.ends_with("\"Data: UCDP\"\r\n"));
        }
        assert!(arabic.contains(&Lang::Ar.text("export-csv-columns")));
        assert!(!arabic.contains(&Lang::En.text("export-csv-columns")));
    }
}
