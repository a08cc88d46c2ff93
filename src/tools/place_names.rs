//! Writes the app's gazetteer of Arabic place names (`public/gazetteer/place-names.json`, read
//! by [`crate::core::place_names`]) from the map data under `data/geo/`:
//!
//! - localities and districts: the Who's On First extract `gazetteer/whosonfirst_sy_places.tsv`
//!   (its records carry GeoNames names). The Arabic name is `name_ara` when it is written in
//!   Arabic script; some records hold a Latin transliteration there, and then the one
//!   alternate name written in the Arabic alphabet alone is taken, or none when there are
//!   several (Kurdish and Persian spellings sit among them, and choosing would be guessing).
//!   Records marked deprecated or not current are left out;
//! - governorates: the 14 polygons' `name_ar` (OCHA), with their English spellings and those of
//!   the Who's On First region of the same Arabic name.
//!
//! Every Latin spelling (the name, `name_eng_x` and the alternate names in Latin letters) is
//! kept as its key, so a lookup reads no raw spelling again. The output is sorted and
//! reproducible: a test rebuilds it and compares it with the committed file.

use std::collections::BTreeSet;
use std::path::Path;

use crate::core::geo::Polygons;
use crate::core::place_names::{place_key, GazetteerFile, GazetteerPlace, PlaceLevel};
use crate::core::search::normalise;
use unicode_normalization::UnicodeNormalization;

/// Where the app reads the file, from the project root.
pub const OUTPUT: &str = "public/gazetteer/place-names.json";
/// The Who's On First extract, from the project root.
pub const WHOS_ON_FIRST: &str = "data/geo/gazetteer/whosonfirst_sy_places.tsv";
/// The governorate polygons, from the project root.
pub const GOVERNORATES: &str = "data/geo/syria_governorates.geojson";

const ABOUT: &str = "Arabic names of Syrian places for the Incident Explorer, written by \
    `dataset place-names` from data/geo: localities, districts and the country from Who's On \
    First records carrying GeoNames names, governorates from the OCHA boundaries. Each place is \
    [Arabic name, latitude, longitude, level, [Latin spellings]]: degrees to three decimals \
    (for a governorate, the middle of its bounds); level l (locality), d (district), \
    g (governorate) or c (country); the spellings normalised as the explorer's search compares \
    them, without words such as village or governorate.";

const ATTRIBUTION: &str = "Arabic place names: GeoNames (www.geonames.org), CC BY 4.0, via \
    Who's On First (CC0); governorate names: UN OCHA, CC BY 3.0 IGO.";

/// Reads the sources under `root` (the project root) and builds the file.
///
/// Errors: a sentence naming the file that could not be read.
pub fn build(root: &Path) -> Result<GazetteerFile, String> {
    let path = root.join(WHOS_ON_FIRST);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .flexible(true)
        .from_path(&path)
        .map_err(|error| format!("{WHOS_ON_FIRST}: {error}"))?;
    let headers = reader
        .headers()
        .map_err(|error| format!("{WHOS_ON_FIRST}: {error}"))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{WHOS_ON_FIRST} has no column {name}"))
    };
    let [placetype, name, name_ara, name_eng, lat, lon, current, deprecated, altnames] = [
        "placetype",
        "name",
        "name_ara",
        "name_eng_x",
        "lat",
        "lon",
        "is_current",
        "deprecated",
        "altnames",
    ]
    .map(column);
    let [placetype, name, name_ara, name_eng, lat, lon, current, deprecated, altnames] = [
        placetype?,
        name?,
        name_ara?,
        name_eng?,
        lat?,
        lon?,
        current?,
        deprecated?,
        altnames?,
    ];

    let mut places = Vec::new();
    // The Latin spellings of each Who's On First region, by its Arabic name normalised.
    let mut regions: Vec<(String, Vec<String>)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| format!("{WHOS_ON_FIRST}: {error}"))?;
        let field = |i: usize| record.get(i).unwrap_or_default().trim();
        if field(current) == "0" || !field(deprecated).is_empty() {
            continue;
        }
        let alternates: Vec<&str> = field(altnames).split('|').collect();
        let mut spellings = vec![field(name), field(name_eng)];
        spellings.extend(alternates.iter().copied().filter(|s| is_latin(s)));
        let Some(ar) = arabic_name(field(name_ara), field(name), &alternates) else {
            continue;
        };
        let level = match field(placetype) {
            "locality" | "neighbourhood" | "campus" => PlaceLevel::Locality,
            "county" => PlaceLevel::District,
            "country" => PlaceLevel::Country,
            "region" => {
                regions.push((
                    normalise(&ar),
                    spellings.iter().map(|s| s.to_string()).collect(),
                ));
                continue;
            }
            _ => continue,
        };
        let (Ok(lat), Ok(lon)) = (field(lat).parse::<f32>(), field(lon).parse::<f32>()) else {
            continue;
        };
        let keys = keys_of(spellings.iter().copied());
        if keys.is_empty() {
            continue;
        }
        places.push(GazetteerPlace {
            ar,
            lat: round(lat),
            lon: round(lon),
            level,
            keys,
        });
    }

    // Read and parsed once: the outlines and the names come from the same features.
    let text = std::fs::read_to_string(root.join(GOVERNORATES))
        .map_err(|error| format!("{GOVERNORATES}: {error}"))?;
    let document: serde_json::Value =
        serde_json::from_str(&text).map_err(|error| format!("{GOVERNORATES}: {error}"))?;
    places.extend(
        governorate_places(&document, &regions)
            .map_err(|error| format!("{GOVERNORATES}: {error}"))?,
    );
    // By Arabic name (then the rest, for a stable order): like names side by side compress
    // best.
    places.sort_by(|a, b| {
        (&a.ar, a.level as u8, &a.keys)
            .cmp(&(&b.ar, b.level as u8, &b.keys))
            .then(a.lat.total_cmp(&b.lat))
            .then(a.lon.total_cmp(&b.lon))
    });
    Ok(GazetteerFile {
        about: ABOUT.into(),
        attribution: ATTRIBUTION.into(),
        places,
    })
}

/// The file's bytes: one place a line, so that a change reads as a change of lines.
pub fn to_bytes(file: &GazetteerFile) -> Result<Vec<u8>, String> {
    let mut out = String::new();
    let about = serde_json::to_string(&file.about).map_err(|e| e.to_string())?;
    let attribution = serde_json::to_string(&file.attribution).map_err(|e| e.to_string())?;
    out.push_str(&format!(
        "{{\"about\":{about},\n\"attribution\":{attribution},\n\"places\":[\n"
    ));
    for (i, place) in file.places.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&serde_json::to_string(place).map_err(|e| e.to_string())?);
    }
    out.push_str("\n]}\n");
    Ok(out.into_bytes())
}

/// The Arabic name of a record called `latin`: `name_ara` when in Arabic script, else its
/// alternate name in the Arabic alphabet alone when there is one, or several that differ
/// only in what search forgives (hamza on the alef, vowel marks) or in the article (`اتارب`,
/// `الأتارب`). Then the one with the article when the Latin name has one ("Al Atarib"), and
/// of those the one that writes the most, hamza and marks counted (`إحسم`, not `احسم`).
fn arabic_name(name_ara: &str, latin: &str, alternates: &[&str]) -> Option<String> {
    if is_arabic(name_ara) {
        return Some(name_ara.to_string());
    }
    let found: BTreeSet<&str> = alternates
        .iter()
        .copied()
        .filter(|a| is_arabic(a))
        .collect();
    let without_article = |a: &str| {
        let form = normalise(a);
        form.strip_prefix("ال").map(str::to_string).unwrap_or(form)
    };
    let forms: BTreeSet<String> = found.iter().map(|a| without_article(a)).collect();
    if forms.len() != 1 {
        return None;
    }
    let latin_article = normalise(latin).split(' ').next().is_some_and(|w| {
        matches!(
            w,
            "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "an"
        )
    });
    found
        .into_iter()
        .max_by_key(|a| {
            let article = normalise(a).starts_with("ال");
            (
                article == latin_article,
                a.nfd().count(),
                std::cmp::Reverse(*a),
            )
        })
        .map(str::to_string)
}

/// Written in the Arabic alphabet as Arabic uses it: its letters (hamza to yeh), its marks,
/// spaces and hyphens, and at least one letter. Letters other languages add to the script
/// (Persian yeh and keheh, Kurdish ae) make it not Arabic.
fn is_arabic(text: &str) -> bool {
    let letters = text
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .count();
    letters > 0
        && text.chars().all(|c| {
            ('\u{0621}'..='\u{0652}').contains(&c) || c == '\u{0670}' || c == ' ' || c == '-'
        })
}

/// Latin letters (with their diacritics), spaces and the marks transliterations use.
fn is_latin(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            c.is_ascii()
                || ('\u{00C0}'..='\u{024F}').contains(&c)
                || ('\u{1E00}'..='\u{1EFF}').contains(&c)
                || ('\u{02BB}'..='\u{02BF}').contains(&c)
                || ('\u{2018}'..='\u{2019}').contains(&c)
        })
}

/// The governorates of the parsed GeoJSON `document` (the OCHA boundaries) as places: each
/// feature's `name_ar`, its spellings (`name`, `name_ocha`, and those of the Who's On First
/// region with the same Arabic name in `regions`), at the middle of its outline's bounds.
fn governorate_places(
    document: &serde_json::Value,
    regions: &[(String, Vec<String>)],
) -> Result<Vec<GazetteerPlace>, String> {
    let governorates = Polygons::from_value(document)?;
    let features = document
        .get("features")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| "no features".to_string())?;
    let mut places = Vec::new();
    for (feature, area) in features.iter().zip(&governorates.areas) {
        let property = |key: &str| {
            feature
                .pointer(&format!("/properties/{key}"))
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
        };
        let ar = property("name_ar").to_string();
        let mut spellings = vec![
            property("name").to_string(),
            property("name_ocha").to_string(),
        ];
        let normalised = normalise(&ar);
        for (region, region_spellings) in regions {
            if *region == normalised {
                spellings.extend(region_spellings.iter().cloned());
            }
        }
        let (west, south, east, north) = bounds(area);
        places.push(GazetteerPlace {
            ar,
            lat: round(((south + north) / 2.0) as f32),
            lon: round(((west + east) / 2.0) as f32),
            level: PlaceLevel::Governorate,
            keys: keys_of(spellings.iter().map(String::as_str)),
        });
    }
    Ok(places)
}

fn keys_of<'a>(spellings: impl Iterator<Item = &'a str>) -> Vec<String> {
    spellings
        .filter(|s| !s.is_empty())
        .filter_map(place_key)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Three decimals: about 100 m, finer than the radii compared (2 km and up).
fn round(degrees: f32) -> f32 {
    (degrees * 1_000.0).round() / 1_000.0
}

/// (west, south, east, north) of an area's outer rings.
fn bounds(area: &crate::core::geo::Area) -> (f64, f64, f64, f64) {
    let points = area
        .polygons
        .iter()
        .filter_map(|polygon| polygon.first())
        .flatten();
    points.fold(
        (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
        |(w, s, e, n), &(lon, lat)| (w.min(lon), s.min(lat), e.max(lon), n.max(lat)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_governorate_is_read_from_the_one_parsed_document() {
        // A square around (36.6 E, 35.9 N), as one feature of the OCHA file writes it.
        let (west, south, east, north) = (36.0, 35.5, 37.2, 36.3);
        let document = serde_json::json!({
            "type": "FeatureCollection",
            "features": [{
                "type": "Feature",
                "properties": { "name": "Idlib", "name_ocha": "Idleb", "name_ar": "إدلب" },
                "geometry": { "type": "Polygon", "coordinates": [[
                    [west, south], [east, south], [east, north], [west, north], [west, south]
                ]] }
            }]
        });
        let regions = vec![(normalise("إدلب"), vec!["Edlib".to_string()])];
        let places = governorate_places(&document, &regions).unwrap_or_default();
        assert_eq!(places.len(), 1);
        let place = &places[0];
        assert_eq!(place.ar, "إدلب");
        assert_eq!(place.level, PlaceLevel::Governorate);
        assert_eq!(place.lat, round(((south + north) / 2.0) as f32));
        assert_eq!(place.lon, round(((west + east) / 2.0) as f32));
        assert_eq!(place.keys, keys_of(["Idlib", "Idleb", "Edlib"].into_iter()));
        assert!(governorate_places(&serde_json::json!({}), &regions).is_err());
    }

    #[test]
    fn arabic_means_the_arabic_alphabet_alone() {
        assert!(is_arabic("الدرباسية"));
        assert!(is_arabic("دِرعا"));
        assert!(!is_arabic("‘Ayn ‘Īsá"));
        assert!(!is_arabic("حەرەستا"));
        assert!(!is_arabic("عربیل"));
        assert!(!is_arabic(""));
    }

    #[test]
    fn a_latin_name_ara_takes_the_one_arabic_alternate() {
        assert_eq!(
            arabic_name("Ad Dānā", "Ad Dānā", &["Ad Dana", "الدانا"]).as_deref(),
            Some("الدانا")
        );
        assert_eq!(
            arabic_name("Al Bāb", "Al Bāb", &["ئەلباب", "الباب"]).as_deref(),
            Some("الباب")
        );
        assert_eq!(
            arabic_name("‘Irbīn", "‘Irbīn", &["عربيل", "عربين", "عربیل"]),
            None
        );
        assert_eq!(
            arabic_name("Aḩsim", "Ihsim", &["إحسم", "احسم"]).as_deref(),
            Some("إحسم")
        );
    }
}
