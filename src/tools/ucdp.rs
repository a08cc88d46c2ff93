//! The bundled UCDP collection: UCDP's Syria country file (GED 19.1, 2016-01-01 to 2019-11-30)
//! read by the core importer (`core::import::ucdp`, the same code that reads a user's GED file
//! in the browser) into the `ucdp` collection, described with the file's own title, version and
//! the two works UCDP asks users to cite. This module only opens the files, describes the
//! collection and explains, as notes for the person running `dataset import-ucdp`, how rows
//! without an `adm_1` were placed.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use crate::core::date::Day;
use crate::core::geo::Polygons;
use crate::core::import::ucdp::{self as core_ucdp, Description, GovernorateShapes};
use crate::core::import::{FileInfo, Imported, RowProblem};
use crate::core::model::{Collection, Dataset, Source};
use crate::core::validate::Severity;
use crate::core::vocab::Governorate;

pub use crate::core::import::ucdp::{governorate_from_adm1, ATTRIBUTION};
pub use crate::core::import::ucdp_actors;

/// The collection id, also the prefix of every event id.
pub const COLLECTION_ID: &str = "ucdp";
/// The one source every UCDP event cites.
pub const SOURCE_ID: &str = "ucdp-ged-syria-19.1";
/// Where the CSV lives in the project, as recorded in [`Source::file`].
pub const CSV_FILE: &str = "data/raw/ucdp/ged_syria_2016-2019.csv";

const VERSION: &str = "UCDP GED Syria 20160101-20191130 (652.1601.1911), codebook 19.1";
const SOURCE_TITLE: &str = "UCDP GED Syria 20160101-20191130 (652.1601.1911)";
/// The two works the data's README asks users to cite, verbatim.
const CITATIONS: [&str; 2] = [
    core_ucdp::GED_CITATION,
    "Högbladh, Stina (2019). \"UCDP GED Codebook version 19.1\". Department of Peace and Conflict Research, Uppsala University.",
];

/// The result of the bundled import: the collection, its row problems (errors and warnings,
/// as the core importer reports them), and remarks for the person running it (how rows
/// without `adm_1` were placed).
#[derive(Debug, Clone)]
pub struct Import {
    pub dataset: Dataset,
    pub problems: Vec<RowProblem>,
    pub notes: Vec<String>,
}

impl Import {
    /// The problems that skipped a row.
    pub fn errors(&self) -> impl Iterator<Item = &RowProblem> {
        self.problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
    }
}

/// Reads the GED CSV and the governorate polygons and builds the `ucdp` collection, with the
/// core importer; `today` bounds the years a date may have.
///
/// # Errors
/// A sentence when a file cannot be read at all, the polygons are not the 14 governorates, or
/// the CSV is not a GED table. Rows that cannot be mapped are in [`Import::problems`].
pub fn import(csv_path: &Path, governorates_geojson: &Path, today: Day) -> Result<Import, String> {
    let shapes = load_shapes(governorates_geojson)?;
    let file =
        File::open(csv_path).map_err(|e| format!("cannot open {}: {e}", csv_path.display()))?;
    let info = FileInfo {
        collection_id: COLLECTION_ID.to_string(),
        file_name: CSV_FILE.to_string(),
        today,
    };
    let imported: Imported = core_ucdp::import_described(
        BufReader::new(file),
        &info,
        description(),
        &shapes,
        &mut |_| {},
    )
    .map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let notes = notes(&imported.dataset, &shapes);
    Ok(Import {
        dataset: imported.dataset,
        problems: imported.problems,
        notes,
    })
}

/// The governorate polygons of a GeoJSON file (see [`GovernorateShapes::new`]).
///
/// # Errors
/// A sentence naming the file: unreadable, not GeoJSON polygons, or not the 14 governorates.
pub fn load_shapes(path: &Path) -> Result<GovernorateShapes, String> {
    let polygons = Polygons::from_geojson_file(path)?;
    GovernorateShapes::new(polygons).map_err(|e| format!("{}: {e}", path.display()))
}

/// The bundled file's bytes: compact JSON (serde_json::to_vec) plus a trailing newline.
pub fn to_bundle(dataset: &Dataset) -> Result<Vec<u8>, String> {
    let mut bytes = serde_json::to_vec(dataset)
        .map_err(|e| format!("cannot serialise the UCDP collection: {e}"))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The bundled collection and its source, as UCDP's README describes the Syria file.
fn description() -> Description {
    Description {
        collection: Collection {
            id: COLLECTION_ID.to_string(),
            name: "UCDP Georeferenced Event Dataset: Syria 2016-2019".to_string(),
            description: "Every event in UCDP's Georeferenced Event Dataset (GED) for Syria from \
                1 January 2016 to 30 November 2019: state-based, non-state and one-sided violence \
                that killed at least one person, with UCDP's low, best and high death estimates, its \
                sides and dyads, and the source it coded each event from. UCDP does not record \
                weapons, and it codes Russian air support under the Government of Syria."
                .to_string(),
            version: Some(VERSION.to_string()),
            license: Some(core_ucdp::LICENSE.to_string()),
            attribution: vec![ATTRIBUTION.to_string()],
            citations: CITATIONS.iter().map(|c| c.to_string()).collect(),
        },
        source: Source {
            id: SOURCE_ID.to_string(),
            publisher: crate::core::vocab::Publisher::Ucdp,
            title: SOURCE_TITLE.to_string(),
            published: None,
            published_inferred: false,
            published_note: None,
            language: "en".to_string(),
            file: Some(CSV_FILE.to_string()),
            url: None,
        },
    }
}

/// Kilometres per degree of latitude (and of longitude at the equator).
const KM_PER_DEGREE: f64 = 111.32;

/// An upper bound in km for a distance that [`crate::core::geo`] measures in plain degrees: a
/// degree of longitude is never longer than a degree of latitude, so the true distance is at
/// most this. Only used to make the notes readable.
pub fn km_at_most(degrees: f64) -> f64 {
    degrees * KM_PER_DEGREE
}

/// How the events without an `adm_1` were placed, and how many with one lie outside its
/// polygon, told from the collection and the polygons.
fn notes(dataset: &Dataset, shapes: &GovernorateShapes) -> Vec<String> {
    let mut country_level = 0;
    let mut by_polygon: BTreeMap<Governorate, usize> = BTreeMap::new();
    let mut by_nearest = Vec::new();
    let mut adm1_disagrees = 0;
    for event in dataset.events.iter() {
        let (Some(info), Some(place)) = (&event.ucdp, event.places.first()) else {
            continue;
        };
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
            continue;
        };
        match (&info.adm_1, place.governorate) {
            (Some(_), Some(governorate)) => {
                if shapes.containing(lon, lat) != Some(governorate) {
                    adm1_disagrees += 1;
                }
            }
            (None, None) => country_level += 1,
            (None, Some(governorate)) if shapes.containing(lon, lat) == Some(governorate) => {
                *by_polygon.entry(governorate).or_default() += 1;
            }
            (None, Some(governorate)) => {
                let degrees = shapes.nearest(lon, lat).map_or(f64::NAN, |(_, d)| d);
                by_nearest.push(format!(
                    "{} {:?} ({lat}, {lon}) -> {} ({degrees:.4} degrees, at most {:.2} km)",
                    info.id,
                    info.where_coordinates,
                    governorate.id(),
                    km_at_most(degrees)
                ));
            }
            (Some(_), None) => {}
        }
    }
    let mut notes = Vec::new();
    if country_level > 0 {
        notes.push(format!(
            "{country_level} rows have an empty adm_1 and are located only to the country \
             (where_prec 6 or 7); their coordinates are UCDP's country point, so they get no \
             governorate (their place precision is `country`)."
        ));
    }
    let polygon_count: usize = by_polygon.values().sum();
    let unlocated = polygon_count + by_nearest.len();
    if unlocated > 0 {
        let counts: Vec<String> = by_polygon
            .iter()
            .map(|(governorate, count)| format!("{} {count}", governorate.id()))
            .collect();
        notes.push(format!(
            "{unlocated} rows have an empty adm_1 but are located finer than the country; \
             their governorate comes from their coordinates: {polygon_count} lie inside a \
             governorate polygon ({}), {} lie outside every polygon and were given the \
             governorate of the nearest polygon edge.",
            counts.join(", "),
            by_nearest.len()
        ));
    }
    for nearest in &by_nearest {
        notes.push(format!("nearest polygon edge: {nearest}"));
    }
    if adm1_disagrees > 0 {
        notes.push(format!(
            "{adm1_disagrees} rows have an adm_1 that differs from the governorate polygon \
             containing their coordinates (border places, simplified polygons); UCDP's adm_1 is \
             kept."
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::ucdp_fields::{locate_by_point, Located};

    fn shapes() -> GovernorateShapes {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/geo/syria_governorates.geojson");
        load_shapes(&path).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn km_at_most_is_degrees_of_latitude() {
        assert!((km_at_most(1.0) - 111.32).abs() < 1e-9);
        assert_eq!(km_at_most(0.0), 0.0);
    }

    #[test]
    fn the_polygons_are_the_fourteen_governorates() {
        let mut named: Vec<Governorate> = shapes()
            .polygons()
            .areas
            .iter()
            .filter_map(|area| Governorate::from_id(&area.name))
            .collect();
        named.sort();
        assert_eq!(named, Governorate::ALL.to_vec());
    }

    #[test]
    fn border_points_take_the_nearest_governorate() {
        let shapes = shapes();
        // Douma, in Rif Dimashq just outside the Damascus hole.
        assert_eq!(
            shapes.containing(36.4015, 33.5722),
            Some(Governorate::RifDimashq)
        );
        // UCDP's "Syria/Turkey Border" point (rows 219380, 249538) lies just north of the border.
        assert_eq!(shapes.containing(38.95, 36.7), None);
        let nearest = shapes.nearest(38.95, 36.7);
        assert!(
            nearest.is_some_and(
                |(governorate, degrees)| governorate == Governorate::ArRaqqah
                    && km_at_most(degrees) < 1.0
            ),
            "{nearest:?}"
        );
    }

    #[test]
    fn country_level_rows_without_adm1_have_no_governorate() {
        let shapes = shapes();
        // UCDP's country point (latitude 35.0, longitude 38.0) lies in Hama.
        let (lon, lat) = (38.0, 35.0);
        assert_eq!(shapes.containing(lon, lat), Some(Governorate::Hama));
        for where_prec in [6, 7] {
            assert_eq!(
                locate_by_point(&shapes, where_prec, lon, lat),
                Located::Country
            );
        }
        // Finer rows without adm_1 take the polygon.
        assert_eq!(
            locate_by_point(&shapes, 5, lon, lat),
            Located::Polygon(Governorate::Hama)
        );
    }
}
