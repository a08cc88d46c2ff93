//! Reading an ACLED export's CSV: the header's columns found by name; a record's fields and the
//! watch for an unclosed quote are shared with the other importers (`super::csv_rows`).

use super::csv_rows::{header_names, ColumnNames};
use super::{header_key, Format, ImportError};

/// Where each column the importer reads stands in the header.
pub(super) struct Columns {
    /// The header's names as written (trimmed, BOM removed), for messages.
    pub(super) names: Vec<String>,
    pub(super) event_id: usize,
    pub(super) event_date: usize,
    pub(super) year: Option<usize>,
    pub(super) time_precision: Option<usize>,
    pub(super) event_type: usize,
    pub(super) sub_event_type: usize,
    pub(super) actor1: usize,
    pub(super) assoc_actor_1: Option<usize>,
    pub(super) actor2: Option<usize>,
    pub(super) assoc_actor_2: Option<usize>,
    pub(super) country: Option<usize>,
    pub(super) admin1: usize,
    pub(super) admin2: Option<usize>,
    pub(super) admin3: Option<usize>,
    pub(super) location: usize,
    pub(super) latitude: usize,
    pub(super) longitude: usize,
    pub(super) geo_precision: Option<usize>,
    pub(super) source: Option<usize>,
    pub(super) notes: usize,
    pub(super) fatalities: usize,
    /// The columns not mapped to the model (`inter1`, `civilian_targeting`, `tags`, …, and any
    /// this app does not know), kept as written in `AcledInfo::fields`.
    pub(super) others: Vec<usize>,
}

impl Columns {
    pub(super) fn from_header(header: &csv::ByteRecord) -> Result<Columns, ImportError> {
        let names = header_names(header)?;
        let keys: Vec<String> = names.iter().map(|name| header_key(name)).collect();
        let find = |name: &str| keys.iter().position(|key| key == name);
        let mut missing = Vec::new();
        let mut need = |name: &str, found: Option<usize>| {
            if found.is_none() {
                missing.push(name.to_string());
            }
            found.unwrap_or_default()
        };
        let event_id = need(
            "event_id_cnty",
            find("event_id_cnty").or_else(|| find("data_id")),
        );
        let mut columns = Columns {
            event_id,
            event_date: need("event_date", find("event_date")),
            year: find("year"),
            time_precision: find("time_precision"),
            event_type: need("event_type", find("event_type")),
            sub_event_type: need("sub_event_type", find("sub_event_type")),
            actor1: need("actor1", find("actor1")),
            assoc_actor_1: find("assoc_actor_1"),
            actor2: find("actor2"),
            assoc_actor_2: find("assoc_actor_2"),
            country: find("country"),
            admin1: need("admin1", find("admin1")),
            admin2: find("admin2"),
            admin3: find("admin3"),
            location: need("location", find("location")),
            latitude: need("latitude", find("latitude")),
            longitude: need("longitude", find("longitude")),
            geo_precision: find("geo_precision"),
            source: find("source"),
            notes: need("notes", find("notes")),
            fatalities: need("fatalities", find("fatalities")),
            others: Vec::new(),
            names,
        };
        let mapped = [
            Some(columns.event_id),
            Some(columns.event_date),
            Some(columns.event_type),
            Some(columns.sub_event_type),
            Some(columns.actor1),
            columns.assoc_actor_1,
            columns.actor2,
            columns.assoc_actor_2,
            columns.admin2,
            Some(columns.location),
            Some(columns.latitude),
            Some(columns.longitude),
            columns.source,
            Some(columns.notes),
            Some(columns.fatalities),
        ];
        columns.others = (0..columns.names.len())
            .filter(|index| !mapped.contains(&Some(*index)))
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                format: Format::Acled,
                columns: missing,
            });
        }
        Ok(columns)
    }
}

/// One record of an ACLED export being read (see [`super::csv_rows::Row`]).
pub(super) type Row<'a> = super::csv_rows::Row<'a, Columns>;

impl ColumnNames for Columns {
    fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}
