//! Which of a table's first rows names its columns ([`detect`]): a monitor's CSV file or sheet
//! often starts with a title line or two ("Monthly report – Idlib", a blank line) above the
//! real header. The rows above the header are not read (so not reported as problems), and the
//! rows keep the numbers the file gives them.
//!
//! The header is the first of the first [`HEADER_SEARCH_ROWS`] rows that
//! - names at least two columns, each name distinct, none of them a number or a date;
//! - is wider than every row above it (a title is one cell, or a few);
//! - is followed by rows no wider than itself, one of them at least half as wide (data).
//!
//! When no row is such a header, the first row is taken, as before; the reader sees which row
//! was taken ([`HeaderChoice`]) and can take another in the mapping step.

use serde::{Deserialize, Serialize};

use super::table_dates::{parse_date, western_digits};
use super::table_mapping::{name_key, DateOrder};
use super::table_numbers::whole_number;

/// Rows the header is looked for in, from the first row read (blank rows are not read).
pub const HEADER_SEARCH_ROWS: usize = 10;
/// Rows after a header looked at to see that data follows it.
pub const FOLLOWING_ROWS: usize = 5;
/// Rows [`detect`] needs to see: the rows searched and those that follow the last of them.
pub const ROWS_LOOKED_AT: usize = HEADER_SEARCH_ROWS + FOLLOWING_ROWS;
/// Characters of a row shown in the mapping step's choice of header: about what the select
/// shows at a phone's width after "Row 3: " (beyond it, a right-to-left page cuts the start of
/// Latin names, not their end).
const CHOICE_CHARS: usize = 28;
/// A header name longer than this is text, not a column's name.
const NAME_CHARS: usize = 100;

/// One of the first rows, as the mapping step offers it as the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderChoice {
    /// The row's index among the rows read (0 is the first; blank rows are not read).
    pub index: usize,
    /// The row's number as the file (or the spreadsheet app) numbers it.
    pub row: u64,
    /// Its non-empty cells, joined and shortened, to recognise it by.
    pub text: String,
}

/// The index (in `rows`, the first rows read, cells trimmed) of the row that names the
/// columns, by the rules of the module docs; 0 when no row is such a header.
pub fn detect(rows: &[Vec<String>]) -> usize {
    (0..rows.len().min(HEADER_SEARCH_ROWS))
        .find(|&index| is_header_at(rows, index))
        .unwrap_or(0)
}

/// Whether `rows[index]` is a header by the rules of the module docs.
fn is_header_at(rows: &[Vec<String>], index: usize) -> bool {
    let Some(row) = rows.get(index) else {
        return false;
    };
    let width = used_width(row);
    let filled = filled(row);
    let names_columns = filled >= 2 && names_only(row);
    let above_narrower = rows
        .get(..index)
        .unwrap_or_default()
        .iter()
        .all(|above| self::filled(above) < filled);
    let following = rows
        .get(index + 1..)
        .unwrap_or_default()
        .iter()
        .filter(|row| filled_any(row))
        .take(FOLLOWING_ROWS);
    let (mut any, mut none_wider) = (false, true);
    for next in following {
        let next_width = used_width(next);
        none_wider &= next_width <= width;
        any |= next_width * 2 >= width;
    }
    names_columns && above_narrower && any && none_wider
}

/// Whether every non-empty cell of `row` could be a column's name: distinct, not long, not a
/// number and not a date.
fn names_only(row: &[String]) -> bool {
    let mut seen = Vec::new();
    for cell in row.iter().map(|cell| cell.trim()).filter(|c| !c.is_empty()) {
        let digits = western_digits(cell);
        let number =
            whole_number(cell).is_some() || digits.replace(',', ".").parse::<f64>().is_ok();
        let date = parse_date(cell, Some(DateOrder::DayMonthYear), None).is_ok();
        let key = name_key(cell);
        if number || date || cell.chars().count() > NAME_CHARS || seen.contains(&key) {
            return false;
        }
        seen.push(key);
    }
    true
}

/// The row's width up to its last non-empty cell.
fn used_width(row: &[String]) -> usize {
    row.iter()
        .rposition(|cell| !cell.trim().is_empty())
        .map_or(0, |last| last + 1)
}

/// How many of the row's cells are not empty.
fn filled(row: &[String]) -> usize {
    row.iter().filter(|cell| !cell.trim().is_empty()).count()
}

fn filled_any(row: &[String]) -> bool {
    row.iter().any(|cell| !cell.trim().is_empty())
}

/// The choices of header the mapping step offers: the first [`HEADER_SEARCH_ROWS`] of
/// `rows` (each with its number in the file).
pub fn choices<'a>(rows: impl IntoIterator<Item = (u64, &'a [String])>) -> Vec<HeaderChoice> {
    rows.into_iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .map(|(index, (row, cells))| {
            let joined: Vec<&str> = cells
                .iter()
                .map(|cell| cell.trim())
                .filter(|cell| !cell.is_empty())
                .collect();
            let joined = joined.join(" · ");
            let mut text: String = joined.chars().take(CHOICE_CHARS).collect();
            if joined.chars().count() > CHOICE_CHARS {
                text.push('…');
            }
            HeaderChoice { index, row, text }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&str]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|line| line.split(',').map(str::to_string).collect())
            .collect()
    }

    const HEADER: &str = "Date,Governorate,Village,Killed,Description";
    const DATA: [&str; 3] = [
        "2019-03-04,Idlib,Kafr Nabl,2,Shelling",
        "2019-03-05,Hama,Kafr Zita,1,Airstrike",
        "2019-03-06,Idlib,Ariha,,",
    ];

    #[test]
    fn a_header_on_the_first_row_is_taken() {
        let table: Vec<&str> = [HEADER].into_iter().chain(DATA).collect();
        assert_eq!(detect(&rows(&table)), 0);
    }

    #[test]
    fn title_rows_above_the_header_are_passed_over() {
        let titles = [
            "Monthly report – Idlib",
            ",,,,",
            "Prepared by the monitor,2019",
        ];
        for count in 1..=titles.len() {
            let table: Vec<&str> = titles[..count]
                .iter()
                .copied()
                .chain([HEADER])
                .chain(DATA)
                .collect();
            let found = detect(&rows(&table));
            assert_eq!(table.get(found), Some(&HEADER), "{table:?}");
        }
    }

    #[test]
    fn a_table_without_a_header_keeps_the_first_row() {
        // Every row holds dates and numbers: none names columns.
        assert_eq!(detect(&rows(&DATA)), 0);
        // A single column: no row names two.
        assert_eq!(detect(&rows(&["Notes", "one", "two"])), 0);
        // A header beyond the rows searched is not looked for.
        let mut far: Vec<&str> = vec!["Title"; HEADER_SEARCH_ROWS];
        far.push(HEADER);
        far.extend(DATA);
        assert_eq!(detect(&rows(&far)), 0);
    }

    #[test]
    fn a_row_wider_below_a_candidate_rules_it_out() {
        // A title of two cells is followed by the wider header: not a header itself.
        let table: Vec<&str> = ["Report,Idlib", HEADER].into_iter().chain(DATA).collect();
        assert_eq!(detect(&rows(&table)), 1);
    }

    #[test]
    fn choices_name_each_row_by_its_cells() {
        let long = format!("{},{}", DATA[0], "x".repeat(CHOICE_CHARS));
        let table = rows(&["Monthly report – Idlib", HEADER, &long]);
        let numbered: Vec<(u64, &[String])> = table
            .iter()
            .enumerate()
            .map(|(index, row)| (index as u64 * 2 + 1, row.as_slice()))
            .collect();
        let choices = choices(numbered);
        assert_eq!(choices.len(), table.len());
        assert_eq!(choices[1].row, 3);
        let joined = HEADER.replace(',', " · ");
        let shown: String = if joined.chars().count() > CHOICE_CHARS {
            joined.chars().take(CHOICE_CHARS).chain(['…']).collect()
        } else {
            joined
        };
        assert_eq!(choices[1].text, shown);
        assert!(choices[2].text.ends_with('…'));
        assert_eq!(choices[2].text.chars().count(), CHOICE_CHARS + 1);
    }
}
