//! The dates a mapped table writes ([`parse_date`]): ISO days, months and years, numeric
//! year-last dates in the order the reader chose, and dates with month names, in Western or
//! Arabic-Indic digits. A numeric date is never read in an order the reader did not choose.

use super::acled_fields::{FIRST_YEAR, MONTHS};
use super::table_mapping::DateOrder;
use crate::core::date::{days_in_month, DateError, Day};
use crate::core::i18n::Said;
use crate::core::model::DatePrecision;

/// The two leading numbers and the year of a year-last numeric date (`3/4/2019`, `03.04.2019`,
/// `03-04-2019`), or `None` for any other text.
pub(super) fn year_last_numbers(text: &str) -> Option<(u32, u32, i32)> {
    let date = text.split([' ', 'T']).next().unwrap_or_default();
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    let [first, second, year] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let year = i32::try_from(number(year, 2..=4)?).ok()?;
    Some((number(first, 1..=2)?, number(second, 1..=2)?, year))
}

/// A date as a mapped table writes it: the first and last day it may be, and how precise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableDate {
    pub start: Day,
    pub end: Day,
    pub precision: DatePrecision,
}

/// Reads a date cell: `2019-03-04` (with a time after it or not), `2019/03/04`, `2019-03` (the
/// month), `2019` (the year), `04/03/2019` in `order` (also with dots or dashes), `4 March
/// 2019`, `4 Mar 2019`, `March 4, 2019`. `today`, when given, refuses years after next year.
///
/// # Errors
/// A sentence for the reader: not a date; a numeric year-last date with no order chosen, or
/// impossible in the chosen one; a two-digit year; an impossible day; a year before 1900 or
/// after next year (named as a likely typo).
pub fn parse_date(
    text: &str,
    order: Option<DateOrder>,
    today: Option<Day>,
) -> Result<TableDate, Said> {
    // The Arabic comma separates as a comma does ("March 4، 2019").
    let text = western_digits(text.trim()).replace('\u{060C}', ",");
    let (year, month, day) = split_date(&text, order)?;
    if year < FIRST_YEAR {
        return Err(Said::new("problem-year-before")
            .arg("year", format!("{year:04}"))
            .arg("first", FIRST_YEAR.to_string()));
    }
    if let Some(today) = today {
        let this_year = today.year();
        if year > this_year + 1 {
            return Err(Said::new("problem-year-after")
                .arg("year", year.to_string())
                .arg("next", (this_year + 1).to_string()));
        }
    }
    let range = |start: Result<Day, DateError>, end: Result<Day, DateError>, precision| match (
        start, end,
    ) {
        (Ok(start), Ok(end)) => Ok(TableDate {
            start,
            end,
            precision,
        }),
        (Err(error), _) | (_, Err(error)) => Err(error.said()),
    };
    match (month, day) {
        (Some(month), Some(day)) => {
            let day = Day::from_ymd(year, month, day).map_err(|error| error.said())?;
            Ok(TableDate {
                start: day,
                end: day,
                precision: DatePrecision::Day,
            })
        }
        (Some(month), None) => range(
            Day::from_ymd(year, month, 1),
            Day::from_ymd(year, month, days_in_month(year, month)),
            DatePrecision::Month,
        ),
        _ => range(
            Day::from_ymd(year, 1, 1),
            Day::from_ymd(year, 12, 31),
            DatePrecision::Year,
        ),
    }
}

/// `text` with Arabic-Indic and Eastern Arabic-Indic digits (٠-٩, ۰-۹) written as 0-9: Syrian
/// sheets write dates, counts and ids in either.
pub fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            other => other,
        })
        .collect()
}

/// (year, month, day) of a date cell, month and day absent for a month or a year alone.
fn split_date(
    text: &str,
    order: Option<DateOrder>,
) -> Result<(i32, Option<u32>, Option<u32>), Said> {
    const NOT_A_DATE: &str = "problem-not-a-table-date";
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty();
    let number = |part: &str| part.parse::<u32>().map_err(|_| Said::new(NOT_A_DATE));
    let year_of = |part: &str| -> Result<i32, Said> {
        if part.len() != 4 {
            return Err(Said::new("problem-two-digit-year").arg("year", part));
        }
        part.parse::<i32>().map_err(|_| Said::new(NOT_A_DATE))
    };
    // The date part of a date and time: `2019-03-04T10:00`, `2019-03-04 10:00:00`.
    let date = match text.split_once(['T', ' ']) {
        Some((date, time)) if time.contains(':') && !date.contains(char::is_alphabetic) => date,
        _ => text,
    };
    let numeric: Vec<&str> = date.split(['/', '.', '-']).collect();
    if numeric.iter().all(|part| digits(part)) {
        return match numeric.as_slice() {
            // `20190304`, as databases write a day.
            [compact]
                if compact.len() == 8
                    && (compact.starts_with("19") || compact.starts_with("20")) =>
            {
                let (year, rest) = compact.split_at(4);
                let (month, day) = rest.split_at(2);
                Ok((year_of(year)?, Some(number(month)?), Some(number(day)?)))
            }
            [year] if year.len() == 4 => Ok((year_of(year)?, None, None)),
            [year, month] if year.len() == 4 && month.len() <= 2 => {
                Ok((year_of(year)?, Some(number(month)?), None))
            }
            [year, month, day] if year.len() == 4 => {
                Ok((year_of(year)?, Some(number(month)?), Some(number(day)?)))
            }
            [first, second, year] if first.len() <= 2 && second.len() <= 2 => {
                let year = year_of(year)?;
                let (first, second) = (number(first)?, number(second)?);
                let (day, month) = match order {
                    Some(DateOrder::MonthDayYear) => (second, first),
                    Some(_) => (first, second),
                    None => return Err(Said::new("problem-order-unknown")),
                };
                if month > 12 {
                    return Err(Said::new("problem-no-such-month").arg("month", month.to_string()));
                }
                Ok((year, Some(month), Some(day)))
            }
            _ => Err(Said::new(NOT_A_DATE)),
        };
    }
    // Month names: `4 March 2019`, `4-Mar-2019`, `March 4, 2019`, `Mar 4 2019`.
    let words: Vec<String> = text
        .split([' ', '-', ','])
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_of = |word: &str| {
        MONTHS
            .iter()
            .position(|name| *name == word || (word.len() >= 3 && name.starts_with(word)))
            .and_then(|index| u32::try_from(index + 1).ok())
    };
    let parsed = match words.as_slice() {
        [day, month, year] if digits(day) => month_of(month).map(|month| (day, month, year)),
        [month, day, year] if digits(day) => month_of(month).map(|month| (day, month, year)),
        _ => None,
    };
    let (day, month, year) = parsed.ok_or_else(|| Said::new(NOT_A_DATE))?;
    if !digits(year) {
        return Err(Said::new(NOT_A_DATE));
    }
    Ok((year_of(year)?, Some(month), Some(number(day)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).expect("a test date")
    }

    #[test]
    fn dates_read_in_every_usual_form() {
        let exact = |text: &str, order| parse_date(text, order, None).map(|d| (d.start, d.end));
        let march_4 = Ok((day("2019-03-04"), day("2019-03-04")));
        for text in [
            "2019-03-04",
            "2019/03/04",
            "2019-03-04T10:30:00Z",
            "2019-03-04 10:30",
            "4 March 2019",
            "04-Mar-2019",
            "March 4, 2019",
            "mar 4 2019",
            "20190304",
            "٢٠١٩-٠٣-٠٤",
        ] {
            assert_eq!(exact(text, None), march_4, "{text}");
        }
        assert_eq!(exact("04/03/2019", Some(DateOrder::DayMonthYear)), march_4);
        assert_eq!(exact("4.3.2019", Some(DateOrder::DayMonthYear)), march_4);
        assert_eq!(exact("03/04/2019", Some(DateOrder::MonthDayYear)), march_4);
        let month = parse_date("2019-02", None, None).expect("a month");
        assert_eq!(
            (month.start, month.end, month.precision),
            (day("2019-02-01"), day("2019-02-28"), DatePrecision::Month)
        );
        let year = parse_date("2016", None, None).expect("a year");
        assert_eq!(
            (year.start, year.end, year.precision),
            (day("2016-01-01"), day("2016-12-31"), DatePrecision::Year)
        );
    }

    #[test]
    fn doubtful_dates_are_refused_with_a_reason() {
        let error = |text: &str, order| {
            parse_date(text, order, Some(day("2026-11-30")))
                .err()
                .map(|said| said.english())
        };
        assert!(error("03/04/2019", None).is_some_and(|e| e.contains("choose the order")));
        assert!(error("25/03/2019", Some(DateOrder::MonthDayYear))
            .is_some_and(|e| e.contains("no month 25")));
        assert!(error("4/3/19", Some(DateOrder::DayMonthYear))
            .is_some_and(|e| e.contains("four-digit year")));
        assert!(error("2019-02-30", None).is_some());
        assert!(error("0025-01-01", None).is_some_and(|e| e.contains("before 1900")));
        assert!(error("2031-01-01", None).is_some_and(|e| e.contains("after 2027")));
        assert!(error("yesterday", None).is_some_and(|e| e.contains("not a date")));
        assert!(error("", None).is_some());
    }
}
