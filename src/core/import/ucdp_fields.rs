//! How single UCDP GED fields map to the model: `date_start`/`date_end` (ISO dates, possibly
//! with a time of day), `date_prec`, `where_prec`, `adm_1`, and where a row lies: its
//! governorate from `adm_1` or, without one, from the governorate polygons
//! ([`GovernorateShapes`]).

use super::acled_fields::{self, FIRST_YEAR};
use crate::core::date::{DateError, Day};
use crate::core::geo::Polygons;
use crate::core::i18n::Said;
use crate::core::model::{DatePrecision, LocationPrecision};
use crate::core::vocab::Governorate;

/// `adm_1` as UCDP spells it ("Hamah Governorate"), mapped to the governorate vocabulary;
/// `None` for any other text.
pub fn governorate_from_adm1(adm_1: &str) -> Option<Governorate> {
    Some(match adm_1 {
        "Damascus Governorate" => Governorate::Damascus,
        "Aleppo Governorate" => Governorate::Aleppo,
        "Rif Dimashq Governorate" => Governorate::RifDimashq,
        "Homs Governorate" => Governorate::Homs,
        "Hamah Governorate" => Governorate::Hama,
        "Latakia Governorate" => Governorate::Latakia,
        "Idlib Governorate" => Governorate::Idlib,
        "Al Hasakah Governorate" => Governorate::AlHasakah,
        "Deir ez Zor Governorate" => Governorate::DeirEzZor,
        "Tartus Governorate" => Governorate::Tartus,
        "Ar Raqqah Governorate" => Governorate::ArRaqqah,
        "Daraa Governorate" => Governorate::Daraa,
        "As Suwayda Governorate" => Governorate::AsSuwayda,
        "Quneitra Governorate" => Governorate::Quneitra,
        _ => return None,
    })
}

/// The governorate an `adm_1` names: UCDP's own spelling first ([`governorate_from_adm1`]),
/// then any common spelling ("Hama", "Idleb", "Rural Damascus", "Deir ez-Zor province"; see
/// `acled_fields::governorate`), since a later GED release may spell them differently.
pub fn governorate_of_adm1(adm_1: &str) -> Option<Governorate> {
    governorate_from_adm1(adm_1).or_else(|| acled_fields::governorate(adm_1))
}

/// UCDP `date_prec` (1 exact day .. 5 year).
pub fn date_precision(date_prec: u8) -> Option<DatePrecision> {
    Some(match date_prec {
        1 => DatePrecision::Day,
        2 => DatePrecision::Days,
        3 => DatePrecision::Week,
        4 => DatePrecision::Month,
        5 => DatePrecision::Year,
        _ => return None,
    })
}

/// UCDP `where_prec` (1 exact place .. 7 country or water). 6 and 7 both become `Country`: the
/// model has nothing wider, and the UCDP code is kept in `UcdpInfo::where_prec`.
pub fn location_precision(where_prec: u8) -> Option<LocationPrecision> {
    Some(match where_prec {
        1 => LocationPrecision::Exact,
        2 => LocationPrecision::Near,
        3 => LocationPrecision::District,
        4 => LocationPrecision::Governorate,
        5 => LocationPrecision::Region,
        6 | 7 => LocationPrecision::Country,
        _ => return None,
    })
}

/// A GED `date_start` or `date_end`: `2019-11-30`, or with a time of day after a space or a `T`
/// (`2019-11-30 00:00:00.000`, as some releases and spreadsheet round trips write it), which is
/// dropped: UCDP codes days.
///
/// # Errors
/// A sentence: not such a date, an impossible day (`2019-02-30`), or a year before
/// [`FIRST_YEAR`] or after next year (by `today`), named as a likely typo.
pub fn parse_ged_date(text: &str, today: Day) -> Result<Day, Said> {
    let (date, time) = match text.find([' ', 'T']) {
        Some(at) => (text.get(..at).unwrap_or_default(), text.get(at + 1..)),
        None => (text, None),
    };
    let time_ok = time.is_none_or(|time| {
        time.starts_with(|c: char| c.is_ascii_digit())
            && time.contains(':')
            && time
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'Z' | '+' | '-'))
    });
    let shape = || Said::new("problem-ucdp-not-a-date");
    if !time_ok {
        return Err(shape());
    }
    let day = Day::parse(date).map_err(|error| match error {
        DateError::Format => shape(),
        impossible => impossible.said(),
    })?;
    let (year, _, _) = day.ymd();
    let (this_year, _, _) = today.ymd();
    if year < FIRST_YEAR {
        return Err(Said::new("problem-year-before")
            .arg("year", format!("{year:04}"))
            .arg("first", FIRST_YEAR.to_string()));
    }
    if year > this_year + 1 {
        return Err(Said::new("problem-year-after")
            .arg("year", year.to_string())
            .arg("next", (this_year + 1).to_string()));
    }
    Ok(day)
}

/// The 14 governorate polygons (read with [`crate::core::geo`]), for rows in Syria whose
/// `adm_1` is empty and that are located finer than the country. Coordinates are (longitude,
/// latitude) in degrees.
#[derive(Debug, Clone)]
pub struct GovernorateShapes {
    polygons: Polygons,
}

impl GovernorateShapes {
    /// Polygons whose areas are named by the governorates' vocabulary ids
    /// ([`Governorate::id`]), every governorate at least once.
    ///
    /// # Errors
    /// A sentence naming an area that is not a governorate (so that a point is never placed
    /// in an area the importer cannot name), or the governorates that have no area.
    pub fn new(polygons: Polygons) -> Result<Self, String> {
        for (position, area) in polygons.areas.iter().enumerate() {
            if Governorate::from_id(&area.name).is_none() {
                return Err(format!(
                    "feature {position}: {:?} is not a governorate",
                    area.name
                ));
            }
        }
        let missing: Vec<&str> = Governorate::ALL
            .iter()
            .filter(|governorate| !polygons.areas.iter().any(|a| a.name == governorate.id()))
            .map(|governorate| governorate.id())
            .collect();
        if !missing.is_empty() {
            return Err(format!("no polygon for {}", missing.join(", ")));
        }
        Ok(GovernorateShapes { polygons })
    }

    /// A GeoJSON FeatureCollection whose features carry the governorate's vocabulary id in
    /// `properties.name` (as `data/geo/syria_governorates.geojson` does).
    ///
    /// # Errors
    /// A sentence: not GeoJSON polygons, or not the 14 governorates ([`GovernorateShapes::new`]).
    pub fn from_geojson(text: &str) -> Result<Self, String> {
        Self::new(Polygons::from_geojson(text)?)
    }

    /// The governorates' polygons.
    pub fn polygons(&self) -> &Polygons {
        &self.polygons
    }

    /// The governorate whose polygon contains the point.
    pub fn containing(&self, lon: f64, lat: f64) -> Option<Governorate> {
        self.polygons
            .area_containing(lon, lat)
            .and_then(|area| Governorate::from_id(&area.name))
    }

    /// The governorate with the nearest boundary, and how far it is in degrees (0 inside).
    pub fn nearest(&self, lon: f64, lat: f64) -> Option<(Governorate, f64)> {
        self.polygons
            .nearest_area(lon, lat)
            .and_then(|(area, degrees)| Some((Governorate::from_id(&area.name)?, degrees)))
    }
}

/// A row's governorate and how it was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Located {
    /// From UCDP's `adm_1`, whatever the row's `where_prec`.
    Adm1(Governorate),
    /// No usable `adm_1`: the governorate polygon containing the coordinates.
    Polygon(Governorate),
    /// No usable `adm_1` and outside every polygon: the governorate whose boundary is nearest,
    /// this many degrees away.
    Nearest(Governorate, f64),
    /// No `adm_1` and located only to the country (`where_prec` 6 or 7): no governorate. The
    /// coordinates are UCDP's country point, which says nothing about the governorate.
    Country,
    /// Outside Syria (a row of a global GED file): no governorate.
    Abroad,
}

impl Located {
    /// The governorate found, if any.
    pub fn governorate(self) -> Option<Governorate> {
        match self {
            Located::Adm1(governorate)
            | Located::Polygon(governorate)
            | Located::Nearest(governorate, _) => Some(governorate),
            Located::Country | Located::Abroad => None,
        }
    }
}

/// The governorate of a row in Syria without a usable `adm_1`: none when it is located only
/// to the country (`where_prec` 6 or 7), else the polygon containing its coordinates, or the
/// nearest one for points just off a border.
pub fn locate_by_point(shapes: &GovernorateShapes, where_prec: u8, lon: f64, lat: f64) -> Located {
    if where_prec >= 6 {
        return Located::Country;
    }
    if let Some(governorate) = shapes.containing(lon, lat) {
        return Located::Polygon(governorate);
    }
    match shapes.nearest(lon, lat) {
        Some((governorate, degrees)) => Located::Nearest(governorate, degrees),
        None => Located::Country,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adm1_names_map_to_the_fourteen_governorates() {
        assert_eq!(
            governorate_from_adm1("Hamah Governorate"),
            Some(Governorate::Hama)
        );
        let all = [
            "Damascus",
            "Aleppo",
            "Rif Dimashq",
            "Homs",
            "Hamah",
            "Latakia",
            "Idlib",
            "Al Hasakah",
            "Deir ez Zor",
            "Tartus",
            "Ar Raqqah",
            "Daraa",
            "As Suwayda",
            "Quneitra",
        ];
        let mut mapped: Vec<Governorate> = all
            .iter()
            .filter_map(|name| governorate_from_adm1(&format!("{name} Governorate")))
            .collect();
        mapped.sort();
        mapped.dedup();
        assert_eq!(mapped, Governorate::ALL.to_vec());
        assert_eq!(governorate_from_adm1(""), None);
        assert_eq!(governorate_from_adm1("Hama"), None);
        // Other spellings are read too, outside UCDP's own table.
        assert_eq!(governorate_of_adm1("Hama"), Some(Governorate::Hama));
        assert_eq!(
            governorate_of_adm1("Idleb province"),
            Some(Governorate::Idlib)
        );
        assert_eq!(governorate_of_adm1("Baghdad governorate"), None);
    }

    #[test]
    fn precisions_follow_the_codebook() {
        let dates: Vec<_> = (0..=6).map(date_precision).collect();
        assert_eq!(
            dates,
            [
                None,
                Some(DatePrecision::Day),
                Some(DatePrecision::Days),
                Some(DatePrecision::Week),
                Some(DatePrecision::Month),
                Some(DatePrecision::Year),
                None
            ]
        );
        let places: Vec<_> = (0..=8).map(location_precision).collect();
        assert_eq!(
            places,
            [
                None,
                Some(LocationPrecision::Exact),
                Some(LocationPrecision::Near),
                Some(LocationPrecision::District),
                Some(LocationPrecision::Governorate),
                Some(LocationPrecision::Region),
                Some(LocationPrecision::Country),
                Some(LocationPrecision::Country),
                None
            ]
        );
    }

    #[test]
    fn dates_may_carry_a_time_of_day() {
        let today = Day::parse("2025-06-01").unwrap_or_default();
        let day = Day::parse("2019-11-30").ok();
        assert_eq!(parse_ged_date("2019-11-30", today).ok(), day);
        assert_eq!(parse_ged_date("2019-11-30 00:00:00.000", today).ok(), day);
        assert_eq!(parse_ged_date("2019-11-30T00:00:00Z", today).ok(), day);
        assert!(parse_ged_date("2019-11-30 noon", today).is_err());
        assert!(parse_ged_date("30/11/2019", today).is_err());
        let english = |text| parse_ged_date(text, today).map_err(|said| said.english());
        assert_eq!(
            english("2019-02-30"),
            Err("2019-02 has no day 30".to_string())
        );
        assert!(english("2027-01-01").is_err_and(|e| e.contains("typo")));
        assert!(english("0019-01-01").is_err_and(|e| e.contains("typo")));
    }

    #[test]
    fn areas_that_are_not_governorates_are_refused() {
        let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"name":"Hamah"},"geometry":{"type":"Polygon","coordinates":
            [[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#;
        let refused = GovernorateShapes::from_geojson(geojson)
            .err()
            .unwrap_or_default();
        assert!(
            refused.contains("\"Hamah\" is not a governorate"),
            "{refused}"
        );
        let one = geojson.replace("Hamah", Governorate::Hama.id());
        let refused = GovernorateShapes::from_geojson(&one)
            .err()
            .unwrap_or_default();
        assert!(refused.starts_with("no polygon for "), "{refused}");
    }
}
