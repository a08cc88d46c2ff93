//! The columns of a UCDP GED CSV, found by name in its header (trimmed, any case, a byte order
//! mark removed), never by position: the 19.1-era layouts (Syria's 41 columns, the global
//! file's 42) and the 49 columns of GED 23.1 to 25.1 read the same. A file published without
//! its header row (Candidate 24.0.1) is recognised by its first record, whose 49 fields look
//! like GED values, and read with the 49-column names ([`GED_49`]).

use super::csv_rows::ColumnNames;
use super::{header_key, Format, ImportError};

/// The 49-column layout of GED 23.1 to 25.1, in UCDP's order: the names a file without a
/// header row is read with.
pub const GED_49: [&str; 49] = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
];

/// The columns an import reads and cannot do without, as the error names them: every GED
/// layout since 19.1 has them all. The others (`year`, `relid`, `geom_wkt`, `priogrid_gid`,
/// the `*_dset_id` and `gw*` codes...) are derived from these or are codes of other UCDP
/// datasets.
pub const REQUIRED: [&str; 31] = [
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

/// Where each column the importer reads stands in the file.
pub(super) struct Columns {
    /// The header's names as written (trimmed, BOM removed), or [`GED_49`] for a file without
    /// a header, for messages.
    pub(super) names: Vec<String>,
    pub(super) id: usize,
    pub(super) type_of_violence: usize,
    pub(super) conflict_new_id: usize,
    pub(super) conflict_name: usize,
    pub(super) dyad_new_id: usize,
    pub(super) dyad_name: usize,
    pub(super) side_a: usize,
    pub(super) side_b: usize,
    pub(super) number_of_sources: usize,
    pub(super) source_article: usize,
    pub(super) source_office: usize,
    pub(super) source_date: usize,
    pub(super) source_headline: usize,
    pub(super) source_original: usize,
    pub(super) where_prec: usize,
    pub(super) where_coordinates: usize,
    pub(super) adm_1: usize,
    pub(super) adm_2: usize,
    pub(super) latitude: usize,
    pub(super) longitude: usize,
    pub(super) event_clarity: usize,
    pub(super) date_prec: usize,
    pub(super) date_start: usize,
    pub(super) date_end: usize,
    pub(super) deaths_a: usize,
    pub(super) deaths_b: usize,
    pub(super) deaths_civilians: usize,
    pub(super) deaths_unknown: usize,
    pub(super) low: usize,
    pub(super) best: usize,
    pub(super) high: usize,
    /// The country's name ("Syria"); absent in some extracts.
    pub(super) country: Option<usize>,
    /// The country's Gleditsch-Ward code (652 for Syria).
    pub(super) country_id: Option<usize>,
}

impl Columns {
    /// The columns of a header row's names (as `csv_rows::header_names` gives them).
    ///
    /// # Errors
    /// [`ImportError::MissingColumns`] naming every [`REQUIRED`] column the header lacks.
    pub(super) fn from_names(names: Vec<String>) -> Result<Columns, ImportError> {
        let keys: Vec<String> = names.iter().map(|name| header_key(name)).collect();
        let find = |name: &str| keys.iter().position(|key| key == name);
        let mut missing = Vec::new();
        let mut need = |name: &str| {
            let found = find(name);
            if found.is_none() {
                missing.push(name.to_string());
            }
            found.unwrap_or_default()
        };
        let columns = Columns {
            id: need("id"),
            type_of_violence: need("type_of_violence"),
            conflict_new_id: need("conflict_new_id"),
            conflict_name: need("conflict_name"),
            dyad_new_id: need("dyad_new_id"),
            dyad_name: need("dyad_name"),
            side_a: need("side_a"),
            side_b: need("side_b"),
            number_of_sources: need("number_of_sources"),
            source_article: need("source_article"),
            source_office: need("source_office"),
            source_date: need("source_date"),
            source_headline: need("source_headline"),
            source_original: need("source_original"),
            where_prec: need("where_prec"),
            where_coordinates: need("where_coordinates"),
            adm_1: need("adm_1"),
            adm_2: need("adm_2"),
            latitude: need("latitude"),
            longitude: need("longitude"),
            event_clarity: need("event_clarity"),
            date_prec: need("date_prec"),
            date_start: need("date_start"),
            date_end: need("date_end"),
            deaths_a: need("deaths_a"),
            deaths_b: need("deaths_b"),
            deaths_civilians: need("deaths_civilians"),
            deaths_unknown: need("deaths_unknown"),
            low: need("low"),
            best: need("best"),
            high: need("high"),
            country: find("country"),
            country_id: find("country_id"),
            names,
        };
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                format: Format::UcdpGed,
                columns: missing,
            });
        }
        Ok(columns)
    }

    /// The columns of a file without a header row: [`GED_49`].
    pub(super) fn headerless() -> Result<Columns, ImportError> {
        Columns::from_names(GED_49.iter().map(|name| name.to_string()).collect())
    }
}

impl ColumnNames for Columns {
    fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_49_column_layout_holds_every_required_column_once() {
        for name in REQUIRED {
            assert_eq!(
                GED_49.iter().filter(|column| **column == name).count(),
                1,
                "{name}"
            );
        }
        assert!(Columns::headerless().is_ok());
    }

    #[test]
    fn columns_are_found_by_name_in_any_case() {
        let mut names: Vec<String> = REQUIRED.iter().rev().map(|n| n.to_uppercase()).collect();
        names.push(" country ".into());
        let columns = Columns::from_names(names).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(columns.high, 0);
        assert_eq!(columns.id, REQUIRED.len() - 1);
        assert_eq!(columns.country, Some(REQUIRED.len()));
        assert_eq!(columns.country_id, None);
    }
}
