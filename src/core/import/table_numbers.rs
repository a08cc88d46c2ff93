//! The numbers of people in a reader's own table ([`super::mapped`]): a deaths or civilians
//! cell read as a whole number, as tables write them (thousands separators, a spreadsheet's
//! `12.0`, Arabic-Indic digits), with the row's problem when it is not one.

use super::acled::LARGE_FATALITIES;
use super::csv_rows::Row;
use super::table_mapping;
use crate::core::i18n::Said;

/// A count cell: `None` (with an error in `fields`) when it is not a whole number of people,
/// `Some(None)` when the table has no such column or the cell is empty.
pub(super) fn count(fields: &mut Row<'_, [String]>, column: Option<usize>) -> Option<Option<u64>> {
    let Some(column) = column else {
        return Some(None);
    };
    let text = fields.text(column);
    if text.is_empty() {
        return Some(None);
    }
    match whole_number(text) {
        Some(count) if count > u64::from(u32::MAX) => {
            fields.error_said(column, text, Said::new("problem-far-too-many-people"));
            None
        }
        Some(count) => {
            if count > LARGE_FATALITIES {
                fields.warn_said(
                    column,
                    text,
                    Said::new("problem-many-killed").arg("limit", LARGE_FATALITIES.to_string()),
                );
            }
            Some(Some(count))
        }
        None => {
            let key = if text.trim_start().starts_with('-') {
                "problem-negative-people"
            } else {
                "problem-not-whole-people"
            };
            fields.error_said(column, text, Said::new(key));
            None
        }
    }
}

/// A whole number as tables write it: `1200`, `1,200`, `1 200`, `12.0` (a spreadsheet's
/// number), or in Arabic-Indic digits (`١٢`); `None` for anything else.
pub fn whole_number(text: &str) -> Option<u64> {
    // The Arabic thousands separator groups as a comma does.
    let ascii = table_mapping::western_digits(text.trim()).replace('\u{066C}', ",");
    // A spreadsheet's number: `12.0`, `12.00`.
    let number = match ascii.split_once('.') {
        Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => whole,
        _ => ascii.as_str(),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    for separator in [',', ' ', '\u{a0}', '\u{202f}'] {
        let groups: Vec<&str> = number.split(separator).collect();
        if groups.len() > 1 {
            let first = groups.first().copied().unwrap_or_default();
            let grouped = digits(first)
                && first.len() <= 3
                && groups
                    .iter()
                    .skip(1)
                    .all(|group| group.len() == 3 && digits(group));
            return grouped.then(|| groups.concat().parse().ok()).flatten();
        }
    }
    digits(number).then(|| number.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_tables_write_them() {
        assert_eq!(whole_number("12"), Some(12));
        assert_eq!(whole_number("1,200"), Some(1200));
        assert_eq!(whole_number("1 200 000"), Some(1_200_000));
        assert_eq!(whole_number("12.0"), Some(12));
        assert_eq!(whole_number("3.00"), Some(3));
        assert_eq!(whole_number("١٢"), Some(12));
        assert_eq!(whole_number("۱٬۲۰۰"), Some(1200));
        for bad in ["12.5", "1,20", "-3", "about 5", "", "1,2000"] {
            assert_eq!(whole_number(bad), None, "{bad}");
        }
    }
}
