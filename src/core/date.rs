//! Calendar days as plain integers, so dates can be compared, bucketed and stored in columns.
//!
//! A `Day` counts days since 1970-01-01 (proleptic Gregorian), using Howard Hinnant's
//! civil-from-days algorithm. Parsing is strict: `2019-02-30` is an error, not March 2nd, because
//! an impossible date in a dataset is a mistake the user must be told about.

use std::fmt;

/// Days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Day(pub i32);

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Format,
    Month(u32),
    DayOfMonth { year: i32, month: u32, day: u32 },
}

impl DateError {
    /// The error as a message of the catalogues (`core::i18n`), worded in the reader's
    /// language; its English is [`fmt::Display`]'s.
    pub fn said(&self) -> crate::core::i18n::Said {
        use crate::core::i18n::Said;
        match self {
            DateError::Format => Said::new("problem-not-iso-date"),
            DateError::Month(month) => {
                Said::new("problem-no-month").arg("month", month.to_string())
            }
            DateError::DayOfMonth { year, month, day } => Said::new("problem-no-day")
                .arg("month", format!("{year:04}-{month:02}"))
                .arg("day", day.to_string()),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => write!(f, "not a date of the form YYYY-MM-DD"),
            DateError::Month(month) => write!(f, "month {month} does not exist"),
            DateError::DayOfMonth { year, month, day } => {
                write!(f, "{year:04}-{month:02} has no day {day}")
            }
        }
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Day, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::DayOfMonth { year, month, day });
        }
        let year = if month <= 2 { year - 1 } else { year };
        let era = if year >= 0 { year } else { year - 399 } / 400;
        let year_of_era = year - era * 400;
        let month_index = (month + 9) % 12; // March is 0.
        let day_of_year = (153 * month_index + 2) / 5 + day - 1;
        let day_of_era =
            year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year as i32;
        Ok(Day(era * 146_097 + day_of_era - 719_468))
    }

    /// Parses `YYYY-MM-DD` exactly: four-digit year, two-digit month and day.
    pub fn parse(text: &str) -> Result<Day, DateError> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError::Format);
        }
        let number = |range: std::ops::Range<usize>| {
            text.get(range)
                .and_then(|s| s.parse::<u32>().ok())
                .ok_or(DateError::Format)
        };
        let year = number(0..4)? as i32;
        Day::from_ymd(year, number(5..7)?, number(8..10)?)
    }

    /// (year, month, day)
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        } as u32;
        let year = year_of_era + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// Monday of this day's ISO week.
    pub fn week_start(self) -> Day {
        // 1970-01-01 was a Thursday: shift so that Monday is 0.
        let weekday = (self.0 + 3).rem_euclid(7);
        Day(self.0 - weekday)
    }

    pub fn month_start(self) -> Day {
        let (year, month, _) = self.ymd();
        Day::from_ymd(year, month, 1).unwrap_or(self)
    }

    /// First day of the next month.
    pub fn next_month_start(self) -> Day {
        let (year, month, _) = self.ymd();
        let (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        Day::from_ymd(year, month, 1).unwrap_or(self)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Day::parse("1970-01-01"), Ok(Day(0)));
        assert_eq!(Day::parse("2000-03-01"), Ok(Day(11_017)));
        assert_eq!(
            Day::parse("2015-09-30").map(|d| d.to_string()).as_deref(),
            Ok("2015-09-30")
        );
    }

    #[test]
    fn round_trips_every_day_of_a_decade() {
        let start = Day::parse("2012-01-01").unwrap_or_default();
        for offset in 0..4_000 {
            let day = Day(start.0 + offset);
            assert_eq!(Day::parse(&day.to_string()), Ok(day));
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        assert!(Day::parse("2019-02-30").is_err()); // February never has 30 days.
        assert!(Day::parse("2019-02-29").is_err()); // 2019 is not a leap year.
        assert!(Day::parse("2020-02-29").is_ok());
        assert!(Day::parse("2019-13-01").is_err());
        assert!(Day::parse("2019-1-01").is_err());
        assert!(Day::parse("2019-01-01T00").is_err());
        assert!(Day::parse("").is_err());
        assert!(Day::parse("２０１９-01-01").is_err()); // Full-width digits are not ASCII.
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        let thursday = Day::parse("2019-11-14").unwrap_or_default();
        assert_eq!(thursday.week_start().to_string(), "2019-11-11");
        assert_eq!(thursday.month_start().to_string(), "2019-11-01");
        assert_eq!(thursday.next_month_start().to_string(), "2019-12-01");
        let december = Day::parse("2019-12-31").unwrap_or_default();
        assert_eq!(december.next_month_start().to_string(), "2020-01-01");
    }
}
