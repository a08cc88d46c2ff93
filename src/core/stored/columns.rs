//! The columns of the stored form ([`super`]): each column's number, how its values are
//! written (little-endian numbers of a fixed width, or strings with their lengths), and
//! reading them back onto the end of a vector. Nothing here knows which field a column is.

use crate::core::model::{DatePrecision, LocationPrecision};

use super::StoredError;

/// A column's values as they are written: a slice of the value in memory, seen through the
/// width it is stored at. Counts and offsets held as `usize` are stored as `u64`.
#[derive(Debug, Clone, Copy)]
pub enum Column<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    I32(&'a [i32]),
    F32(&'a [f32]),
    Usize(&'a [usize]),
    U128(&'a [u128]),
    /// Each as its [`date_code`].
    Dates(&'a [DatePrecision]),
    /// Each as its [`place_code`].
    Places(&'a [LocationPrecision]),
    /// Each pair as two `u64`s.
    Pairs(&'a [(usize, usize)]),
    /// Each pair as two `i32`s.
    Cells(&'a [(i32, i32)]),
    /// Each as its length (`u32`) and its UTF-8 bytes.
    Strings(&'a [String]),
    /// As [`Column::Strings`], `None` as the length `u32::MAX`.
    Names(&'a [Option<Box<str>>]),
}

/// Length written for a name that is absent ([`Column::Names`]).
const NO_NAME: u32 = u32::MAX;

impl Column<'_> {
    /// How many values the column holds.
    pub fn len(&self) -> usize {
        match self {
            Column::U8(values) => values.len(),
            Column::U16(values) => values.len(),
            Column::U32(values) => values.len(),
            Column::I32(values) => values.len(),
            Column::F32(values) => values.len(),
            Column::Usize(values) => values.len(),
            Column::U128(values) => values.len(),
            Column::Dates(values) => values.len(),
            Column::Places(values) => values.len(),
            Column::Pairs(values) => values.len(),
            Column::Cells(values) => values.len(),
            Column::Strings(values) => values.len(),
            Column::Names(values) => values.len(),
        }
    }

    /// Values per item written, so that an item holds some `bytes` (strings are guessed at 64
    /// bytes each).
    pub fn values_per(&self, bytes: usize) -> usize {
        let width = match self {
            Column::U8(_) | Column::Dates(_) | Column::Places(_) => 1,
            Column::U16(_) => 2,
            Column::U32(_) | Column::I32(_) | Column::F32(_) => 4,
            Column::Usize(_) | Column::Cells(_) => 8,
            Column::U128(_) | Column::Pairs(_) => 16,
            Column::Strings(_) | Column::Names(_) => 64,
        };
        (bytes / width).max(1)
    }

    /// Writes values `from..to` (clamped to the column) to `out`.
    pub fn write(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        fn each<T>(values: &[T], from: usize, to: usize, mut put: impl FnMut(&T)) {
            let to = to.min(values.len());
            values
                .get(from.min(to)..to)
                .unwrap_or(&[])
                .iter()
                .for_each(&mut put);
        }
        match *self {
            Column::U8(values) => each(values, from, to, |v| out.push(*v)),
            Column::U16(values) => each(values, from, to, |v| out.extend(v.to_le_bytes())),
            Column::U32(values) => each(values, from, to, |v| out.extend(v.to_le_bytes())),
            Column::I32(values) => each(values, from, to, |v| out.extend(v.to_le_bytes())),
            Column::F32(values) => each(values, from, to, |v| out.extend(v.to_le_bytes())),
            Column::Usize(values) => {
                each(values, from, to, |v| out.extend((*v as u64).to_le_bytes()))
            }
            Column::U128(values) => each(values, from, to, |v| out.extend(v.to_le_bytes())),
            Column::Dates(values) => each(values, from, to, |v| out.push(date_code(*v))),
            Column::Places(values) => each(values, from, to, |v| out.push(place_code(*v))),
            Column::Pairs(values) => each(values, from, to, |(a, b)| {
                out.extend((*a as u64).to_le_bytes());
                out.extend((*b as u64).to_le_bytes());
            }),
            Column::Cells(values) => each(values, from, to, |(a, b)| {
                out.extend(a.to_le_bytes());
                out.extend(b.to_le_bytes());
            }),
            Column::Strings(values) => each(values, from, to, |v| put_text(out, Some(v))),
            Column::Names(values) => each(values, from, to, |v| put_text(out, v.as_deref())),
        }
    }
}

fn put_text(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => {
            out.extend(
                u32::try_from(text.len())
                    .unwrap_or(NO_NAME - 1)
                    .to_le_bytes(),
            );
            out.extend_from_slice(text.as_bytes());
        }
        None => out.extend(NO_NAME.to_le_bytes()),
    }
}

/// The stored code of a date precision.
pub fn date_code(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 0,
        DatePrecision::Days => 1,
        DatePrecision::Week => 2,
        DatePrecision::Month => 3,
        DatePrecision::Year => 4,
        DatePrecision::Period => 5,
    }
}

/// The stored code of a place's precision.
pub fn place_code(precision: LocationPrecision) -> u8 {
    match precision {
        LocationPrecision::Exact => 0,
        LocationPrecision::Near => 1,
        LocationPrecision::District => 2,
        LocationPrecision::Governorate => 3,
        LocationPrecision::Region => 4,
        LocationPrecision::Country => 5,
    }
}

fn date_of(code: u8) -> Option<DatePrecision> {
    [
        DatePrecision::Day,
        DatePrecision::Days,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Year,
        DatePrecision::Period,
    ]
    .get(usize::from(code))
    .copied()
}

fn place_of(code: u8) -> Option<LocationPrecision> {
    [
        LocationPrecision::Exact,
        LocationPrecision::Near,
        LocationPrecision::District,
        LocationPrecision::Governorate,
        LocationPrecision::Region,
        LocationPrecision::Country,
    ]
    .get(usize::from(code))
    .copied()
}

/// A vector a column is read onto the end of.
pub enum Onto<'a> {
    U8(&'a mut Vec<u8>),
    U16(&'a mut Vec<u16>),
    U32(&'a mut Vec<u32>),
    I32(&'a mut Vec<i32>),
    F32(&'a mut Vec<f32>),
    Usize(&'a mut Vec<usize>),
    U128(&'a mut Vec<u128>),
    Dates(&'a mut Vec<DatePrecision>),
    Places(&'a mut Vec<LocationPrecision>),
    Pairs(&'a mut Vec<(usize, usize)>),
    Cells(&'a mut Vec<(i32, i32)>),
    Strings(&'a mut Vec<String>),
    Names(&'a mut Vec<Option<Box<str>>>),
}

/// Fixed-width values of `payload`, each read by `read` from its `N` bytes.
fn fixed<const N: usize, T>(
    payload: &[u8],
    into: &mut Vec<T>,
    read: impl Fn([u8; N]) -> Option<T>,
) -> Result<(), StoredError> {
    if !payload.len().is_multiple_of(N) {
        return Err(StoredError::new("a column's bytes end inside a value"));
    }
    into.reserve(payload.len() / N);
    for chunk in payload.chunks_exact(N) {
        let bytes: [u8; N] = chunk
            .try_into()
            .map_err(|_| StoredError::new("short value"))?;
        into.push(read(bytes).ok_or_else(|| StoredError::new("a value out of range"))?);
    }
    Ok(())
}

/// Texts of `payload` ([`put_text`]), each given to `push` (`None` for an absent name).
fn texts(payload: &[u8], mut push: impl FnMut(Option<String>)) -> Result<(), StoredError> {
    let mut at = 0;
    while at < payload.len() {
        let len = payload
            .get(at..at + 4)
            .and_then(|bytes| bytes.try_into().ok())
            .map(u32::from_le_bytes)
            .ok_or_else(|| StoredError::new("a text's length is cut short"))?;
        at += 4;
        if len == NO_NAME {
            push(None);
            continue;
        }
        let text = payload
            .get(at..at + len as usize)
            .ok_or_else(|| StoredError::new("a text is cut short"))?;
        let text =
            std::str::from_utf8(text).map_err(|_| StoredError::new("a text is not UTF-8"))?;
        push(Some(text.to_string()));
        at += len as usize;
    }
    Ok(())
}

impl Onto<'_> {
    /// Reads the values of `payload` onto the end of the vector.
    ///
    /// Errors: bytes that are not whole values of the column, an unknown precision code, a
    /// text that is not UTF-8, or an absent text in a column of strings.
    pub fn extend(self, payload: &[u8]) -> Result<(), StoredError> {
        match self {
            Onto::U8(into) => {
                into.extend_from_slice(payload);
                Ok(())
            }
            Onto::U16(into) => fixed(payload, into, |b| Some(u16::from_le_bytes(b))),
            Onto::U32(into) => fixed(payload, into, |b| Some(u32::from_le_bytes(b))),
            Onto::I32(into) => fixed(payload, into, |b| Some(i32::from_le_bytes(b))),
            Onto::F32(into) => fixed(payload, into, |b| Some(f32::from_le_bytes(b))),
            Onto::Usize(into) => fixed(payload, into, |b| {
                usize::try_from(u64::from_le_bytes(b)).ok()
            }),
            Onto::U128(into) => fixed(payload, into, |b| Some(u128::from_le_bytes(b))),
            Onto::Dates(into) => fixed(payload, into, |[b]| date_of(b)),
            Onto::Places(into) => fixed(payload, into, |[b]| place_of(b)),
            Onto::Pairs(into) => fixed(payload, into, |b: [u8; 16]| {
                let (a, rest) = b.split_at(8);
                let a = usize::try_from(u64::from_le_bytes(a.try_into().ok()?)).ok()?;
                let b = usize::try_from(u64::from_le_bytes(rest.try_into().ok()?)).ok()?;
                Some((a, b))
            }),
            Onto::Cells(into) => fixed(payload, into, |b: [u8; 8]| {
                let (a, rest) = b.split_at(4);
                Some((
                    i32::from_le_bytes(a.try_into().ok()?),
                    i32::from_le_bytes(rest.try_into().ok()?),
                ))
            }),
            Onto::Strings(into) => {
                let mut absent = false;
                texts(payload, |text| match text {
                    Some(text) => into.push(text),
                    None => absent = true,
                })?;
                match absent {
                    false => Ok(()),
                    true => Err(StoredError::new("a column of texts lacks one")),
                }
            }
            Onto::Names(into) => texts(payload, |text| into.push(text.map(String::into_boxed_str))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_precision_reads_back_as_itself() {
        for code in 0..=u8::MAX {
            if let Some(precision) = date_of(code) {
                assert_eq!(date_code(precision), code);
            }
            if let Some(precision) = place_of(code) {
                assert_eq!(place_code(precision), code);
            }
        }
        assert!(date_of(6).is_none() && place_of(6).is_none());
    }

    #[test]
    fn names_and_numbers_read_back_in_pieces() {
        let names: Vec<Option<Box<str>>> =
            vec![Some("حلب".into()), None, Some(String::new().into())];
        let mut out = Vec::new();
        Column::Names(&names).write(0, 2, &mut out);
        let mut more = Vec::new();
        Column::Names(&names).write(2, 9, &mut more);
        let mut read = Vec::new();
        Onto::Names(&mut read).extend(&out).unwrap();
        Onto::Names(&mut read).extend(&more).unwrap();
        assert_eq!(read, names);

        let pairs = vec![(0, 7), (3, usize::MAX >> 1)];
        let mut out = Vec::new();
        Column::Pairs(&pairs).write(0, 2, &mut out);
        let mut read = Vec::new();
        Onto::Pairs(&mut read).extend(&out).unwrap();
        assert_eq!(read, pairs);
    }

    #[test]
    fn bytes_that_are_not_whole_values_are_refused() {
        let mut read: Vec<u32> = Vec::new();
        assert!(Onto::U32(&mut read).extend(&[1, 2, 3]).is_err());
        let mut dates = Vec::new();
        assert!(Onto::Dates(&mut dates).extend(&[9]).is_err());
        let mut texts = Vec::new();
        assert!(Onto::Strings(&mut texts)
            .extend(&[5, 0, 0, 0, b'a'])
            .is_err());
        assert!(Onto::Strings(&mut texts)
            .extend(&u32::MAX.to_le_bytes())
            .is_err());
        assert!(Onto::Strings(&mut texts)
            .extend(&[1, 0, 0, 0, 0xFF])
            .is_err());
    }
}
