//! Checks the UCDP GED import against the CSV it reads: every expected number here (row counts,
//! death sums, per-year and per-type counts) is computed from the CSV with the `csv` crate, never
//! typed in, so the tests hold the importer to the data rather than to a copy of it. Also checks
//! that the committed `public/data/ucdp.json` is what the importer produces today.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use incident_explorer::core::date::Day;
use incident_explorer::core::import::ucdp_actors;
use incident_explorer::core::model::{Dataset, Event};
use incident_explorer::core::validate::Severity;
use incident_explorer::core::vocab::Actor;
use incident_explorer::tools::ucdp::{self, Import};

const REGENERATE: &str = "cargo run --bin dataset -- import-ucdp";

fn project(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn csv_path() -> PathBuf {
    project("data/raw/ucdp/ged_syria_2016-2019.csv")
}

fn geojson_path() -> PathBuf {
    project("data/geo/syria_governorates.geojson")
}

fn bundle_path() -> PathBuf {
    project("public/data/ucdp.json")
}

/// The CSV as plain rows of named text fields, read independently of the importer.
struct Csv {
    rows: Vec<BTreeMap<String, String>>,
}

impl Csv {
    fn column<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.rows
            .iter()
            .map(move |row| row.get(name).map(String::as_str).unwrap_or_default())
    }

    fn sum(&self, name: &str) -> u64 {
        self.column(name)
            .map(|value| {
                value
                    .parse::<u64>()
                    .unwrap_or_else(|e| panic!("{name} {value:?}: {e}"))
            })
            .sum()
    }
}

fn csv() -> &'static Csv {
    static CSV: OnceLock<Csv> = OnceLock::new();
    CSV.get_or_init(|| {
        let mut reader = csv::Reader::from_path(csv_path()).expect("the GED CSV opens");
        let headers = reader.headers().expect("the GED CSV has a header").clone();
        let rows = reader
            .records()
            .map(|record| {
                let record = record.expect("every CSV record reads");
                headers
                    .iter()
                    .zip(record.iter())
                    .map(|(header, value)| (header.to_string(), value.to_string()))
                    .collect()
            })
            .collect();
        Csv { rows }
    })
}

fn imported() -> &'static Import {
    static IMPORT: OnceLock<Import> = OnceLock::new();
    IMPORT.get_or_init(|| {
        let today = Day::parse("2026-01-01").expect("a day");
        ucdp::import(&csv_path(), &geojson_path(), today).expect("the import runs")
    })
}

fn dataset() -> &'static Dataset {
    &imported().dataset
}

/// The imported events, decoded once from the dataset's records.
fn events() -> &'static [incident_explorer::core::model::Event] {
    static EVENTS: OnceLock<Vec<incident_explorer::core::model::Event>> = OnceLock::new();
    EVENTS.get_or_init(|| dataset().events.to_vec())
}

fn ucdp_info(
    event: &incident_explorer::core::model::Event,
) -> &incident_explorer::core::model::UcdpInfo {
    event
        .ucdp
        .as_ref()
        .expect("every UCDP event keeps its UCDP fields")
}

#[test]
fn no_row_is_skipped_and_the_only_warnings_are_ucdps_own_ranges() {
    assert_eq!(imported().errors().count(), 0, "{:?}", imported().problems);
    // UCDP publishes some rows whose best lies outside low..high: kept, each warned once.
    let outside: Vec<String> = csv()
        .rows
        .iter()
        .filter(|row| {
            let number = |name: &str| -> u64 {
                row.get(name)
                    .and_then(|value| value.parse().ok())
                    .unwrap_or_else(|| panic!("{name} of {:?}", row.get("id")))
            };
            !(number("low")..=number("high")).contains(&number("best"))
        })
        .map(|row| row.get("best").cloned().unwrap_or_default())
        .collect();
    assert!(!outside.is_empty());
    let warned: Vec<String> = imported()
        .problems
        .iter()
        .inspect(|problem| {
            assert_eq!(problem.severity, Severity::Warning, "{problem}");
            assert_eq!(problem.column, "best", "{problem}");
            assert!(
                problem.message().starts_with("outside low..high"),
                "{problem}"
            );
        })
        .map(|problem| problem.value.clone())
        .collect();
    assert_eq!(warned, outside);
}

#[test]
fn the_core_importer_gives_the_bundle_byte_for_byte() {
    use incident_explorer::core::import::ucdp::{self as core_ucdp, Description};
    use incident_explorer::core::import::FileInfo;
    // The collection and source as the committed file describes them; everything else is the
    // core importer's, fed the CSV as the browser's worker would feed a user's file.
    let committed = std::fs::read(bundle_path()).expect("public/data/ucdp.json");
    let described: Dataset = serde_json::from_slice(&committed).expect("the bundle reads");
    let info = FileInfo {
        collection_id: described.collection.id.clone(),
        file_name: "ged_syria_2016-2019.csv".into(),
        today: Day::parse("2026-01-01").expect("a day"),
    };
    let shapes = core_ucdp::governorate_shapes().expect("the embedded outlines");
    let file = std::fs::File::open(csv_path()).expect("the GED CSV opens");
    let description = Description {
        collection: described.collection.clone(),
        source: described.sources[0].clone(),
    };
    let imported = core_ucdp::import_described(
        std::io::BufReader::new(file),
        &info,
        description,
        &shapes,
        &mut |_| {},
    )
    .expect("the import runs");
    assert_eq!(imported.rows_skipped, 0);
    assert_eq!(imported.dataset.events.len(), csv().rows.len());
    let best: u64 = imported
        .dataset
        .events
        .to_vec()
        .iter()
        .filter_map(|event| event.ucdp.as_ref())
        .map(|info| info.best)
        .sum();
    assert_eq!(best, csv().sum("best"));
    let bytes = ucdp::to_bundle(&imported.dataset).expect("the bundle serialises");
    assert!(
        bytes == committed,
        "the core importer does not give public/data/ucdp.json"
    );

    // As a user's own file, only the description and the cited source's id differ.
    let file = std::fs::File::open(csv_path()).expect("the GED CSV opens");
    let users = core_ucdp::import(std::io::BufReader::new(file), &info, &shapes, &mut |_| {})
        .expect("the import runs");
    assert!(users
        .dataset
        .collection
        .description
        .contains("Your own UCDP GED file"));
    assert_eq!(
        users.dataset.collection.attribution,
        [core_ucdp::ATTRIBUTION]
    );
    assert_eq!(users.dataset.sources[0].id, core_ucdp::SOURCE_ID);
    assert_eq!(users.dataset.parties, imported.dataset.parties);
    assert_eq!(users.dataset.events.len(), imported.dataset.events.len());
    for (user, bundled) in users
        .dataset
        .events
        .to_vec()
        .iter()
        .zip(&imported.dataset.events.to_vec())
    {
        let mut user = user.clone();
        user.citations[0].source = bundled.citations[0].source.clone();
        assert!(user == *bundled, "{}", bundled.id);
    }
    let json = serde_json::to_vec(&users.dataset).expect("serialises");
    let loaded = incident_explorer::core::validate::load("mine.json", &json).expect("loads");
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.severity != Severity::Error));
}

#[test]
fn one_event_per_csv_row() {
    let rows = csv().rows.len();
    assert!(rows > 0);
    assert_eq!(dataset().events.len(), rows);
}

#[test]
fn collection_metadata_follows_the_readme() {
    let dataset = dataset();
    assert_eq!(
        dataset.schema_version,
        incident_explorer::core::model::SCHEMA_VERSION
    );
    assert_eq!(dataset.collection.id, "ucdp");
    assert_eq!(dataset.collection.license.as_deref(), Some("CC BY 4.0"));
    let readme = std::fs::read_to_string(project("data/raw/ucdp/README.md")).expect("README");
    let readme_words: String = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(dataset.collection.citations.len(), 2);
    for citation in &dataset.collection.citations {
        assert!(readme_words.contains(citation.as_str()), "{citation}");
    }
    for line in &dataset.collection.attribution {
        assert!(readme_words.contains(line.as_str()), "{line}");
    }
    assert_eq!(dataset.sources.len(), 1);
    assert!(dataset.events.to_vec().iter().all(|event| event
        .citations
        .iter()
        .all(|citation| citation.source == dataset.sources[0].id)));
}

#[test]
fn event_ids_are_unique_and_prefixed() {
    let mut seen = HashSet::new();
    for event in events() {
        assert!(event.id.starts_with("ucdp:"), "{}", event.id);
        assert!(seen.insert(event.id.as_str()), "{} twice", event.id);
    }
    let csv_ids: HashSet<String> = csv().column("id").map(|id| format!("ucdp:{id}")).collect();
    let event_ids: HashSet<String> = events().iter().map(|e| e.id.clone()).collect();
    assert_eq!(csv_ids, event_ids);
}

#[test]
fn death_sums_equal_the_csv() {
    let events = events();
    let sum = |field: fn(&incident_explorer::core::model::UcdpInfo) -> u64| -> u64 {
        events.iter().map(|event| field(ucdp_info(event))).sum()
    };
    assert_eq!(sum(|info| info.best), csv().sum("best"));
    assert_eq!(sum(|info| info.low), csv().sum("low"));
    assert_eq!(sum(|info| info.high), csv().sum("high"));
    assert_eq!(
        sum(|info| info.deaths_civilians),
        csv().sum("deaths_civilians")
    );
    assert_eq!(sum(|info| info.deaths_a), csv().sum("deaths_a"));
    assert_eq!(sum(|info| info.deaths_b), csv().sum("deaths_b"));
    assert_eq!(sum(|info| info.deaths_unknown), csv().sum("deaths_unknown"));

    // The same totals from the model's casualty records, as the app counts them.
    use incident_explorer::core::vocab::CasualtyGroup;
    let casualty_sum = |group: CasualtyGroup,
                        pick: fn(&incident_explorer::core::model::Casualty) -> Option<u64>|
     -> u64 {
        events
            .iter()
            .flat_map(|event| &event.casualties)
            .filter(|casualty| casualty.group == group)
            .map(|casualty| pick(casualty).unwrap_or(0))
            .sum()
    };
    assert_eq!(
        casualty_sum(CasualtyGroup::All, |c| c.best),
        csv().sum("best")
    );
    assert_eq!(
        casualty_sum(CasualtyGroup::All, |c| c.low),
        csv().sum("low")
    );
    assert_eq!(
        casualty_sum(CasualtyGroup::All, |c| c.high),
        csv().sum("high")
    );
    assert_eq!(
        casualty_sum(CasualtyGroup::Civilians, |c| c.best),
        csv().sum("deaths_civilians")
    );
    assert_eq!(
        casualty_sum(CasualtyGroup::Combatants, |c| c.best),
        csv().sum("deaths_a") + csv().sum("deaths_b")
    );
    assert_eq!(
        casualty_sum(CasualtyGroup::Unknown, |c| c.best),
        csv().sum("deaths_unknown")
    );
}

#[test]
fn per_year_counts_equal_the_csv() {
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for date in csv().column("date_start") {
        *expected
            .entry(date.get(..4).unwrap_or(date).to_string())
            .or_default() += 1;
    }
    let mut actual: BTreeMap<String, usize> = BTreeMap::new();
    for event in events() {
        *actual.entry(event.date.start[..4].to_string()).or_default() += 1;
    }
    assert_eq!(actual, expected);
}

#[test]
fn per_type_of_violence_counts_equal_the_csv() {
    use incident_explorer::core::vocab::EventKind;
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for value in csv().column("type_of_violence") {
        *expected.entry(value.to_string()).or_default() += 1;
    }
    let mut actual: BTreeMap<String, usize> = BTreeMap::new();
    for event in events() {
        let code = ucdp_info(event).type_of_violence;
        let kind = match code {
            1 => EventKind::StateBasedViolence,
            2 => EventKind::NonStateViolence,
            _ => EventKind::OneSidedViolence,
        };
        assert_eq!(event.kind, kind, "{}", event.id);
        *actual.entry(code.to_string()).or_default() += 1;
    }
    assert_eq!(actual, expected);
}

#[test]
fn each_row_keeps_its_fields() {
    let events = events();
    for (row, event) in csv().rows.iter().zip(events) {
        let field = |name: &str| row.get(name).map(String::as_str).unwrap_or_default();
        assert_eq!(event.id, format!("ucdp:{}", field("id")));
        let info = ucdp_info(event);
        assert_eq!(event.date.start, field("date_start"));
        assert_eq!(event.date.end, field("date_end"));
        assert_eq!(info.best.to_string(), field("best"));
        assert_eq!(info.where_coordinates, field("where_coordinates"));
        assert_eq!(info.adm_1.as_deref().unwrap_or(""), field("adm_1"));
        // The article keeps UCDP's literal surrounding quotes.
        assert_eq!(
            info.source_article.as_deref().unwrap_or(""),
            field("source_article")
        );
        let place = &event.places[0];
        assert_eq!(place.name, field("where_coordinates"));
        assert_eq!(
            place.lat.map(|v| v.to_string()),
            field("latitude").parse::<f64>().ok().map(|v| v.to_string())
        );
        assert_eq!(
            place.lon.map(|v| v.to_string()),
            field("longitude")
                .parse::<f64>()
                .ok()
                .map(|v| v.to_string())
        );
        let dyad = &dataset().dyads[info.dyad as usize];
        assert_eq!(dyad.id.to_string(), field("dyad_new_id"));
        assert_eq!(
            dataset().parties[dyad.side_a as usize].name,
            field("side_a")
        );
        assert_eq!(
            dataset().parties[dyad.side_b as usize].name,
            field("side_b")
        );
    }
}

/// The text UCDP gives in `column` for this event, rebuilt from the collection the way a reader
/// of `public/data/ucdp.json` would: `None` for a column the importer does not read.
fn column_from_event(dataset: &Dataset, event: &Event, column: &str) -> Option<String> {
    let info = ucdp_info(event);
    let dyad = &dataset.dyads[info.dyad as usize];
    let place = &event.places[0];
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let quote = event.citations[0].quote.clone();
    Some(match column {
        "id" => info.id.to_string(),
        "type_of_violence" => info.type_of_violence.to_string(),
        "conflict_new_id" => dyad.conflict_id.to_string(),
        "conflict_name" => dyad.conflict_name.clone(),
        "dyad_new_id" => dyad.id.to_string(),
        "dyad_name" => dyad.name.clone(),
        "side_a" => dataset.parties[dyad.side_a as usize].name.clone(),
        "side_b" => dataset.parties[dyad.side_b as usize].name.clone(),
        "number_of_sources" => info.number_of_sources.to_string(),
        "source_article" => text(&info.source_article),
        "source_office" => text(&info.source_office),
        "source_date" => text(&info.source_date),
        // The headline as UCDP gives it, when its character references were decoded in the
        // quote; else the citation's quote, where a quote that is the article means no headline.
        "source_headline" => match &info.source_headline {
            Some(headline) => headline.clone(),
            None if info.source_article.as_deref().map(characters) == Some(quote.clone()) => {
                String::new()
            }
            None => quote,
        },
        // Absent when equal to source_office.
        "source_original" => info
            .source_original
            .clone()
            .unwrap_or_else(|| text(&info.source_office)),
        "where_prec" => info.where_prec.to_string(),
        "where_coordinates" => info.where_coordinates.clone(),
        "adm_1" => text(&info.adm_1),
        "adm_2" => text(&place.district),
        "latitude" => place.lat?.to_string(),
        "longitude" => place.lon?.to_string(),
        "event_clarity" => info.event_clarity.to_string(),
        "date_prec" => info.date_prec.to_string(),
        "date_start" => event.date.start.clone(),
        "date_end" => event.date.end.clone(),
        "deaths_a" => info.deaths_a.to_string(),
        "deaths_b" => info.deaths_b.to_string(),
        "deaths_civilians" => info.deaths_civilians.to_string(),
        "deaths_unknown" => info.deaths_unknown.to_string(),
        "low" => info.low.to_string(),
        "best" => info.best.to_string(),
        "high" => info.high.to_string(),
        _ => return None,
    })
}

#[test]
fn every_ged_field_the_importer_reads_survives() {
    // The CSV columns the importer reads (ucdp::COLUMNS); the others (year, geom_wkt, country...)
    // are constant for the file or derived from these.
    const READ: [&str; 31] = [
        "id",
        "type_of_violence",
        "conflict_new_id",
        "conflict_name",
        "dyad_new_id",
        "dyad_name",
        "side_a",
        "side_b",
        "number_of_sources",
        "source_article",
        "source_office",
        "source_date",
        "source_headline",
        "source_original",
        "where_prec",
        "where_coordinates",
        "adm_1",
        "adm_2",
        "latitude",
        "longitude",
        "event_clarity",
        "date_prec",
        "date_start",
        "date_end",
        "deaths_a",
        "deaths_b",
        "deaths_civilians",
        "deaths_unknown",
        "low",
        "best",
        "high",
    ];
    let dataset = dataset();
    for (row, event) in csv().rows.iter().zip(&dataset.events.to_vec()) {
        assert_eq!(event.citations.len(), 1, "{}", event.id);
        for column in READ {
            let expected = row.get(column).map(String::as_str).unwrap_or_default();
            let actual = column_from_event(dataset, event, column)
                .unwrap_or_else(|| panic!("{column} is not rebuilt"));
            if column == "latitude" || column == "longitude" {
                assert_eq!(
                    actual.parse::<f64>().ok(),
                    expected.parse::<f64>().ok(),
                    "{} {column}",
                    event.id
                );
            } else {
                assert_eq!(actual, expected, "{} {column}", event.id);
            }
        }
    }
}

#[test]
fn source_original_is_kept_only_where_it_differs_from_source_office() {
    let mut differing = 0;
    for (row, event) in csv().rows.iter().zip(events()) {
        let office = row.get("source_office").map(String::as_str);
        let original = row.get("source_original").map(String::as_str);
        let kept = ucdp_info(event).source_original.as_deref();
        if original == office {
            assert_eq!(kept, None, "{}", event.id);
        } else {
            assert_eq!(kept, original, "{}", event.id);
            differing += 1;
        }
    }
    // Most rows repeat source_office; the rest are still there.
    assert!(
        differing > 0 && differing < csv().rows.len() / 2,
        "{differing}"
    );
}

#[test]
fn the_bundle_reads_back_as_the_import() {
    let bytes = ucdp::to_bundle(dataset()).expect("the bundle serialises");
    let read: Dataset = serde_json::from_slice(&bytes).expect("the bundle reads");
    assert!(
        read == *dataset(),
        "the bundle does not read back as the import"
    );
}

/// `text` with its HTML character references (`&#8220;`) given as their characters.
fn characters(text: &str) -> String {
    html_escape::decode_html_entities(text).into_owned()
}

#[test]
fn each_quote_is_the_row_headline() {
    // Rows whose headline holds an HTML character reference, as UCDP keeps some web pages'.
    let mut encoded = 0;
    for (row, event) in csv().rows.iter().zip(events()) {
        let headline = row
            .get("source_headline")
            .map(String::as_str)
            .unwrap_or_default();
        let article = row
            .get("source_article")
            .map(String::as_str)
            .unwrap_or_default();
        let expected = if headline.is_empty() {
            article
        } else {
            headline
        };
        assert_eq!(event.citations.len(), 1, "{}", event.id);
        let quote = &event.citations[0].quote;
        // The quote gives the characters, never their references ("&#8220;" is “).
        assert_eq!(*quote, characters(expected), "{}", event.id);
        assert!(!quote.contains("&#"), "{}: {quote}", event.id);
        // The headline as UCDP gives it is kept when it differs from the quote.
        let kept = &ucdp_info(event).source_headline;
        if !headline.is_empty() && *quote != headline {
            encoded += 1;
            assert_eq!(kept.as_deref(), Some(headline), "{}", event.id);
        } else {
            assert_eq!(*kept, None, "{}", event.id);
        }
    }
    assert!(
        encoded > 0,
        "no headline of the file holds a character reference"
    );
}

#[test]
fn every_event_has_a_governorate_unless_located_only_to_the_country() {
    use incident_explorer::core::model::LocationPrecision;
    // Rows UCDP locates only to the country (where_prec 6 or 7) without an adm_1 carry UCDP's
    // country point, which says nothing about the governorate.
    let country_only = |row: &BTreeMap<String, String>| {
        let where_prec: u8 = row
            .get("where_prec")
            .and_then(|value| value.parse().ok())
            .unwrap_or_else(|| panic!("where_prec of {:?}", row.get("id")));
        where_prec >= 6 && row.get("adm_1").is_none_or(String::is_empty)
    };
    let expected_without = csv().rows.iter().filter(|row| country_only(row)).count();
    assert!(expected_without > 0);
    let mut without = 0;
    for (row, event) in csv().rows.iter().zip(events()) {
        assert_eq!(event.places.len(), 1, "{}", event.id);
        let place = &event.places[0];
        let adm_1 = ucdp_info(event).adm_1.as_deref();
        if place.precision != LocationPrecision::Country || adm_1.is_some() {
            assert!(
                place.governorate.is_some(),
                "{} has no governorate",
                event.id
            );
        } else {
            assert_eq!(place.governorate, None, "{} is only in Syria", event.id);
            assert!(country_only(row), "{}", event.id);
            without += 1;
        }
        if let Some(adm_1) = adm_1 {
            assert_eq!(
                place.governorate,
                ucdp::governorate_from_adm1(adm_1),
                "{}",
                event.id
            );
        }
    }
    assert_eq!(without, expected_without);
}

#[test]
fn every_side_in_the_csv_is_in_the_mapping_table() {
    let sides: HashSet<&str> = csv()
        .column("side_a")
        .chain(csv().column("side_b"))
        .collect();
    let mut unknown: Vec<String> = sides
        .iter()
        .filter_map(|side| ucdp_actors::actors_for_side(side).err())
        .flatten()
        .collect();
    unknown.sort();
    unknown.dedup();
    assert!(
        unknown.is_empty(),
        "groups missing from src/core/import/ucdp_actors.rs: {unknown:?}"
    );
    // Each distinct side is one party.
    let parties: HashSet<&str> = dataset().parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(parties, sides);
    assert_eq!(dataset().parties.len(), sides.len());
}

#[test]
fn filtering_by_hts_finds_coalition_sides_that_name_it() {
    let parties = &dataset().parties;
    let has_hts = |event: &incident_explorer::core::model::Event| {
        event.actors.iter().any(|actor| actor.actor == Actor::Hts)
    };
    let names_group = |side: &str, group: &str| side.split(", ").any(|g| g == group);
    let mut coalition_rows = 0;
    for (row, event) in csv().rows.iter().zip(events()) {
        let side_a = row.get("side_a").map(String::as_str).unwrap_or_default();
        let side_b = row.get("side_b").map(String::as_str).unwrap_or_default();
        let names_hts = ["HTS", "Jabhat Fateh al-Sham"]
            .iter()
            .any(|group| names_group(side_a, group) || names_group(side_b, group));
        assert_eq!(
            has_hts(event),
            names_hts,
            "{} ({side_a} - {side_b})",
            event.id
        );
        if names_hts && (side_a.contains(", ") || side_b.contains(", ")) {
            coalition_rows += 1;
        }
    }
    assert!(coalition_rows > 0, "no coalition side names HTS");
    let coalition = parties
        .iter()
        .find(|party| party.name == "Ahrar al-Sham, HTS, Southern Front")
        .expect("the Ahrar al-Sham, HTS, Southern Front party");
    assert_eq!(coalition.actors, vec![Actor::Hts, Actor::Opposition]);
}

#[test]
fn one_sided_violence_has_perpetrator_and_target() {
    use incident_explorer::core::vocab::Role;
    for event in events() {
        let info = ucdp_info(event);
        let dyad = &dataset().dyads[info.dyad as usize];
        for actor in &event.actors {
            let expected = match (info.type_of_violence, actor.party) {
                (3, Some(party)) if party == dyad.side_a => Role::Perpetrator,
                (3, _) => Role::Target,
                _ => Role::Participant,
            };
            assert_eq!(actor.role, expected, "{}", event.id);
        }
    }
}

#[test]
fn no_party_is_russian() {
    for party in &dataset().parties {
        assert!(!party.actors.contains(&Actor::Russia), "{}", party.name);
    }
    for event in events() {
        assert!(
            event
                .actors
                .iter()
                .all(|actor| actor.actor != Actor::Russia),
            "{}",
            event.id
        );
    }
}

#[test]
fn bundle_is_up_to_date() {
    let expected = ucdp::to_bundle(dataset()).expect("the bundle serialises");
    let committed = std::fs::read(bundle_path()).unwrap_or_default();
    assert!(
        committed == expected,
        "public/data/ucdp.json is missing or stale ({} bytes, expected {}); regenerate it with `{REGENERATE}`",
        committed.len(),
        expected.len()
    );
}

/// Writes `public/data/ucdp.json`; only with UCDP_WRITE_BUNDLE=1, so that a stray
/// `--ignored` run cannot rewrite it.
#[test]
#[ignore = "writes public/data/ucdp.json; run with UCDP_WRITE_BUNDLE=1"]
fn write_bundle() {
    if std::env::var("UCDP_WRITE_BUNDLE").as_deref() != Ok("1") {
        eprintln!(
            "set UCDP_WRITE_BUNDLE=1 to write {}",
            bundle_path().display()
        );
        return;
    }
    let bytes = ucdp::to_bundle(dataset()).expect("the bundle serialises");
    std::fs::write(bundle_path(), &bytes).expect("public/data/ucdp.json is writable");
    eprintln!("wrote {} ({} bytes)", bundle_path().display(), bytes.len());
    for note in &imported().notes {
        eprintln!("note: {note}");
    }
    for problem in &imported().problems {
        eprintln!("{problem}");
    }
}
