//! The mapping step on the command line: `dataset import` reads a table of no known layout
//! with the guessed mapping (`core::import::table_mapping::guess`), changed by flags:
//!
//! ```text
//! --column FIELD=COLUMN   FIELD is a field id (date, end_date, place, governorate, district,
//!                         latitude, longitude, actor1, actor2, kind, deaths, deaths_low,
//!                         deaths_high, civilians, summary, source, id); COLUMN is the
//!                         column's name in the header, its letter (A, B, ... AA) or `none`
//! --date-order dmy|mdy    how dates like 03/04/2019 are written
//! --sheet NAME            the sheet of a workbook
//! ```
//!
//! A mapping that still lacks something ([`Mapping::missing`]) is refused with the guess shown,
//! so nothing is read in an order nobody chose.

use crate::core::import::mapped::{column_letters, TablePreview};
use crate::core::import::table_mapping::{DateOrder, Field, Mapping};

/// What the flags of `dataset import` say about a table: the column choices, the date order
/// and the sheet, each as given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableArgs {
    /// `(field id, column)` pairs, in the order given.
    pub columns: Vec<(String, String)>,
    pub date_order: Option<String>,
    pub sheet: Option<String>,
}

impl TableArgs {
    /// Takes the flags out of `args`, leaving the rest (the file and OUT).
    ///
    /// # Errors
    /// A flag without its value, or a `--column` without `=`.
    pub fn take(args: &mut Vec<String>) -> Result<TableArgs, String> {
        let mut taken = TableArgs::default();
        let mut rest = Vec::new();
        let mut items = std::mem::take(args).into_iter();
        while let Some(arg) = items.next() {
            let mut value = |flag: &str| {
                items
                    .next()
                    .ok_or_else(|| format!("dataset import: {flag} needs a value"))
            };
            match arg.as_str() {
                "--column" => {
                    let pair = value("--column")?;
                    let (field, column) = pair.split_once('=').ok_or_else(|| {
                        format!("dataset import: --column {pair}: write FIELD=COLUMN")
                    })?;
                    taken.columns.push((field.to_string(), column.to_string()));
                }
                "--date-order" => taken.date_order = Some(value("--date-order")?),
                "--sheet" => taken.sheet = Some(value("--sheet")?),
                _ => rest.push(arg),
            }
        }
        *args = rest;
        Ok(taken)
    }

    /// The preview's guess with these flags applied, checked against the preview's rows.
    ///
    /// # Errors
    /// An unknown field, column or order; or, with the guess described, what the mapping still
    /// lacks.
    pub fn mapping(&self, preview: &TablePreview) -> Result<Mapping, String> {
        let mut mapping = preview.guess.clone();
        for (field_id, column) in &self.columns {
            let field = Field::ALL
                .into_iter()
                .find(|field| field.id() == field_id)
                .ok_or_else(|| {
                    let ids: Vec<&str> = Field::ALL.iter().map(|f| f.id()).collect();
                    format!(
                        "--column: no field “{field_id}” (fields: {})",
                        ids.join(", ")
                    )
                })?;
            if column == "none" {
                mapping.columns.remove(&field);
                continue;
            }
            let index = preview
                .header
                .iter()
                .position(|name| name == column)
                .or_else(|| {
                    (0..preview.header.len()).find(|&index| column_letters(index) == *column)
                })
                .ok_or_else(|| format!("--column: the table has no column “{column}”"))?;
            mapping.columns.insert(field, index);
        }
        if let Some(order) = &self.date_order {
            mapping.date_order = Some(match order.as_str() {
                "dmy" => DateOrder::DayMonthYear,
                "mdy" => DateOrder::MonthDayYear,
                "ymd" => DateOrder::YearMonthDay,
                other => return Err(format!("--date-order {other}: write dmy or mdy")),
            });
        }
        let needs_order = preview.date_evidence(&mapping).needs_order;
        let missing = mapping.missing(needs_order, preview.header.len());
        if missing.is_empty() {
            Ok(mapping)
        } else {
            Err(format!(
                "{}\n{}\nChange it with --column FIELD=COLUMN and --date-order dmy|mdy.",
                describe(&mapping, preview),
                missing
                    .iter()
                    .map(crate::core::i18n::Said::english)
                    .collect::<Vec<_>>()
                    .join("\n")
            ))
        }
    }
}

/// The mapping, one line per field: `date ← A “Date”`.
pub fn describe(mapping: &Mapping, preview: &TablePreview) -> String {
    let mut lines = vec![format!(
        "The table ({}), read as:",
        preview.reading.english()
    )];
    for field in Field::ALL {
        let column = mapping.column(field).map_or("none".to_string(), |index| {
            let name = preview.header.get(index).map_or("", String::as_str);
            format!("{} “{name}”", column_letters(index))
        });
        lines.push(format!("  {:<12} ← {column}", field.id()));
    }
    if let Some(order) = mapping.date_order {
        lines.push(format!("  dates: {}", order.label()));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::mapped::preview_rows;

    fn preview() -> TablePreview {
        let header = ["when", "Governorate", "killed"].map(String::from).to_vec();
        let rows = vec![["03/04/2019", "Idlib", "2"].map(String::from).to_vec()];
        let reading = crate::core::i18n::Said::new("encoding-plain").arg("id", "UTF-8");
        preview_rows(header, rows.into_iter(), reading)
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|arg| arg.to_string()).collect()
    }

    #[test]
    fn flags_are_taken_and_the_rest_left() {
        let mut list = args(&[
            "in.csv",
            "--column",
            "date=A",
            "--date-order",
            "dmy",
            "out.json",
        ]);
        let taken = TableArgs::take(&mut list).expect("reads");
        assert_eq!(list, ["in.csv", "out.json"]);
        assert_eq!(taken.columns, [("date".to_string(), "A".to_string())]);
        assert_eq!(taken.date_order.as_deref(), Some("dmy"));
        assert!(TableArgs::take(&mut args(&["--column", "date"])).is_err());
        assert!(TableArgs::take(&mut args(&["--sheet"])).is_err());
    }

    #[test]
    fn the_guess_is_changed_by_name_or_letter_and_refused_while_incomplete() {
        let preview = preview();
        // "when" is found by its values; the order of 03/04/2019 cannot be told.
        let refused = TableArgs::default()
            .mapping(&preview)
            .err()
            .unwrap_or_default();
        assert!(
            refused.contains("Choose how the dates are written"),
            "{refused}"
        );
        assert!(refused.contains("date         ← A “when”"), "{refused}");
        let chosen = TableArgs {
            columns: vec![
                ("deaths".into(), "none".into()),
                ("civilians".into(), "killed".into()),
            ],
            date_order: Some("dmy".into()),
            sheet: None,
        };
        let mapping = chosen.mapping(&preview).expect("complete");
        assert_eq!(mapping.column(Field::Civilians), Some(2));
        assert_eq!(mapping.column(Field::Deaths), None);
        assert_eq!(mapping.date_order, Some(DateOrder::DayMonthYear));
        let unknown = TableArgs {
            columns: vec![("dead".into(), "A".into())],
            ..TableArgs::default()
        };
        assert!(unknown.mapping(&preview).is_err());
    }
}
