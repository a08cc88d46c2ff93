//! The text of a spreadsheet's date and duration cells, computed from the serial number the
//! cell holds ([`serial_text`], [`duration_text`]) in either of the two date systems, without
//! a date library.

use calamine::{ExcelDateTime, ExcelDateTimeType};

use crate::core::date::Day;

/// Whether a date cell counts days from 1904-01-01 (a workbook saved with the 1904 date
/// system, as old Mac Excel did) rather than from 1899-12-30. calamine keeps the flag private;
/// a date equals the one built with the 1900 system exactly when it uses that system.
pub(super) fn uses_1904(date: &ExcelDateTime) -> bool {
    *date != ExcelDateTime::new(date.as_f64(), ExcelDateTimeType::DateTime, false)
}

/// `1899-12-30` (serial 0 of the 1900 date system) as a [`Day`], which counts from 1970-01-01.
const DAY_OF_SERIAL_0_1900: i32 = -25_569;
/// `1904-01-01` (serial 0 of the 1904 date system) as a [`Day`].
const DAY_OF_SERIAL_0_1904: i32 = -24_107;
/// The last day spreadsheets can show, 9999-12-31, as a serial number of each system.
const LAST_SERIAL_1900: f64 = 2_958_465.0;
const LAST_SERIAL_1904: f64 = 2_957_003.0;
const SECONDS_A_DAY: f64 = 86_400.0;

/// The text of a date cell's serial number `serial` (days, the fraction being the time of
/// day): `YYYY-MM-DD` for a whole day, `YYYY-MM-DD HH:MM` with a time, `YYYY-MM-DD HH:MM:SS`
/// when the time, rounded to the second, has seconds. `None` when the number is not a day a
/// spreadsheet can show (negative, not finite, after 9999-12-31).
///
/// The 1900 system (`is_1904` false) counts days from 1899-12-30, except that serials 1 to 59
/// (1900-01-01 to 1900-02-28) count from 1899-12-31, because Excel, as Lotus 1-2-3 before it,
/// has a 1900-02-29 (serial 60), which is written as such. Its serial 0 is no day (Excel shows
/// "1900-01-00"): a cell holding only a time of day has it, and reads as `HH:MM` alone. The
/// 1904 system counts days from 1904-01-01.
pub fn serial_text(serial: f64, is_1904: bool) -> Option<String> {
    let last = if is_1904 {
        LAST_SERIAL_1904
    } else {
        LAST_SERIAL_1900
    };
    if !serial.is_finite() || serial < 0.0 || serial >= last + 1.0 {
        return None;
    }
    let mut whole = serial.floor();
    let mut seconds = ((serial - whole) * SECONDS_A_DAY).round();
    if seconds >= SECONDS_A_DAY {
        // 23:59:59.6 rounds to the next day's midnight.
        whole += 1.0;
        seconds = 0.0;
    }
    if whole > last {
        return None;
    }
    // In range: both fit an i32 exactly.
    let (whole, seconds) = (whole as i32, seconds as u32);
    let date = match (is_1904, whole) {
        (true, _) => Day(DAY_OF_SERIAL_0_1904 + whole).to_string(),
        (false, 0) => return Some(clock_text(seconds)),
        (false, 1..=59) => Day(DAY_OF_SERIAL_0_1900 + 1 + whole).to_string(),
        (false, 60) => "1900-02-29".to_string(),
        (false, _) => Day(DAY_OF_SERIAL_0_1900 + whole).to_string(),
    };
    Some(if seconds == 0 {
        date
    } else {
        format!("{date} {}", clock_text(seconds))
    })
}

/// `HH:MM`, or `HH:MM:SS` when `seconds` (into the day) has seconds.
fn clock_text(seconds: u32) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if seconds == 0 {
        format!("{hours:02}:{minutes:02}")
    } else {
        format!("{hours:02}:{minutes:02}:{seconds:02}")
    }
}

/// The text of a duration cell (a number of days shown as elapsed time, `[h]:mm:ss`): hours,
/// which may pass 24, then minutes, then seconds when there are any (`36:30`, `-0:15:20`).
/// `None` when it is not finite or beyond a million hours.
pub(super) fn duration_text(days: f64) -> Option<String> {
    let seconds = (days * SECONDS_A_DAY).round();
    if !seconds.is_finite() || seconds.abs() > 3.6e9 {
        return None;
    }
    let sign = if seconds < 0.0 { "-" } else { "" };
    // At most 3.6e9: fits a u64 exactly.
    let seconds = seconds.abs() as u64;
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    Some(if rest == 0 {
        format!("{sign}{hours}:{minutes:02}")
    } else {
        format!("{sign}{hours}:{minutes:02}:{rest:02}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(serial: f64) -> String {
        serial_text(serial, false).unwrap_or_default()
    }

    #[test]
    fn serials_of_the_1900_system() {
        assert_eq!(text(1.0), "1900-01-01");
        assert_eq!(text(59.0), "1900-02-28");
        assert_eq!(text(60.0), "1900-02-29");
        assert_eq!(text(61.0), "1900-03-01");
        assert_eq!(text(25_569.0), "1970-01-01");
        assert_eq!(text(43_528.0), "2019-03-04");
        assert_eq!(text(2_958_465.0), "9999-12-31");
    }

    #[test]
    fn times_of_day() {
        assert_eq!(text(43_528.5), "2019-03-04 12:00");
        // 13:00 as Excel stores it, 0.541666… with its last digit rounded.
        assert_eq!(text(43_528.541_666_666_7), "2019-03-04 13:00");
        assert_eq!(text(43_528.0 + 45_296.0 / 86_400.0), "2019-03-04 12:34:56");
        // Half a second before midnight is the next day.
        assert_eq!(text(43_528.0 + 86_399.6 / 86_400.0), "2019-03-05");
        // A time alone, on no day.
        assert_eq!(text(0.75), "18:00");
    }

    #[test]
    fn serials_of_the_1904_system() {
        assert_eq!(serial_text(0.0, true).as_deref(), Some("1904-01-01"));
        // The same day in both systems is 1462 serials apart.
        assert_eq!(
            serial_text(43_528.0 - 1_462.0, true).as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            serial_text(2_957_003.0, true).as_deref(),
            Some("9999-12-31")
        );
    }

    #[test]
    fn numbers_that_are_no_day() {
        for serial in [-1.0, 2_958_466.0, f64::NAN, f64::INFINITY, 1e300] {
            assert_eq!(serial_text(serial, false), None, "{serial}");
        }
        assert_eq!(serial_text(2_957_004.0, true), None);
        assert_eq!(serial_text(2_958_465.999_999_9, false), None);
    }

    #[test]
    fn the_1904_flag_is_read_from_the_cell() {
        let of = |is_1904| ExcelDateTime::new(1.5, ExcelDateTimeType::DateTime, is_1904);
        assert!(!uses_1904(&of(false)));
        assert!(uses_1904(&of(true)));
    }
}
