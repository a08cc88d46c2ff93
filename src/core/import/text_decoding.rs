//! A table's bytes as UTF-8 for the CSV reader, whatever encoding the file was saved in:
//! UTF-8 passes through untouched; UTF-16 with a byte order mark (what "Unicode text" in a
//! spreadsheet app writes, little- or big-endian) is transcoded as it streams, so a file of
//! hundreds of megabytes never sits in memory twice. The standard library's
//! `char::decode_utf16` does the decoding; a unit that is not valid UTF-16 (a lone surrogate)
//! becomes U+FFFD, which the row's field then shows.
//!
//! UTF-16 without a mark is told by its zero bytes (every other byte, in a table of mostly
//! Latin letters, digits and separators). A file whose first 64 KB are not UTF-8 was saved in
//! a Windows code page, as Excel on an
//! Arabic or a Western Windows writes "CSV": Windows-1256 (Arabic) or Windows-1252 (Western
//! European), decoded as it streams by `encoding_rs` (which the spreadsheet reader links
//! already). Which of the two is told from how the bytes above 127 sit: Arabic words are runs
//! of them, where accented Latin letters stand alone between ASCII letters.

use std::io::{self, BufRead, BufReader, Read};

use crate::core::i18n::Said;

/// Bytes read ahead to tell the encoding and to show the CSV reader its first lines.
const HEAD: usize = 64 * 1024;

/// The encodings [`Decoded`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
    /// Windows code page 1256, Arabic.
    Windows1256,
    /// Windows code page 1252, Western European.
    Windows1252,
}

impl TextEncoding {
    /// The encoding's name for people: "UTF-8", "UTF-16", "Windows-1256 (Arabic)".
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16LittleEndian => "UTF-16 (little-endian)",
            TextEncoding::Utf16BigEndian => "UTF-16 (big-endian)",
            TextEncoding::Windows1256 => "Windows-1256 (Arabic)",
            TextEncoding::Windows1252 => "Windows-1252 (Western European)",
        }
    }

    /// The same name as a message of the catalogues: the encoding's identifier ("UTF-8",
    /// "Windows-1256") stays as it is, an argument that Arabic isolates, and what follows it
    /// ("(Arabic)") is worded in the reader's language.
    pub fn said(self) -> Said {
        let (key, id) = match self {
            TextEncoding::Utf8 => ("encoding-plain", "UTF-8"),
            TextEncoding::Utf16LittleEndian => ("encoding-little-endian", "UTF-16"),
            TextEncoding::Utf16BigEndian => ("encoding-big-endian", "UTF-16"),
            TextEncoding::Windows1256 => ("encoding-arabic", "Windows-1256"),
            TextEncoding::Windows1252 => ("encoding-western", "Windows-1252"),
        };
        Said::new(key).arg("id", id)
    }

    /// The code page's decoder, for the encodings `encoding_rs` decodes here.
    fn code_page(self) -> Option<&'static encoding_rs::Encoding> {
        match self {
            TextEncoding::Windows1256 => Some(encoding_rs::WINDOWS_1256),
            TextEncoding::Windows1252 => Some(encoding_rs::WINDOWS_1252),
            TextEncoding::Utf8 | TextEncoding::Utf16LittleEndian | TextEncoding::Utf16BigEndian => {
                None
            }
        }
    }
}

/// UTF-16 saved without a byte order mark, told from its zero bytes: text that is mostly
/// Latin letters, digits and punctuation (a table's dates, numbers and separators) has a zero
/// in every other byte, the second of each pair in little-endian, the first in big-endian.
/// `None` when the head does not look so.
pub(crate) fn utf16_without_mark(head: &[u8]) -> Option<TextEncoding> {
    let pairs = head.get(..head.len().min(4096))?.chunks_exact(2);
    let count = pairs.len();
    // Eight characters at least: a header row's first word or two.
    if count < 8 {
        return None;
    }
    let control = |b: u8| b < 0x09 || (0x0E..0x20).contains(&b);
    let (mut first_zero, mut second_zero, mut controls) = (0usize, 0usize, 0usize);
    for pair in pairs {
        if let [a, b] = *pair {
            first_zero += usize::from(a == 0 && b != 0);
            second_zero += usize::from(b == 0 && a != 0);
            // A control character beside a zero is binary, not text.
            controls += usize::from((a == 0 && control(b)) || (b == 0 && control(a)));
        }
    }
    // At least two pairs in five have their zero on one side, almost none on the other, and
    // the letters beside the zeros are text.
    let looks =
        |on: usize, off: usize| on * 5 >= count * 2 && off * 20 <= count && controls * 20 <= count;
    if looks(second_zero, first_zero) {
        Some(TextEncoding::Utf16LittleEndian)
    } else if looks(first_zero, second_zero) {
        Some(TextEncoding::Utf16BigEndian)
    } else {
        None
    }
}

/// The encoding of a file with no byte order mark, from its `head` (`whole` when the head is
/// the whole file): UTF-8 when the head is UTF-8 (a character cut at the end of a partial head
/// counts as UTF-8), else the Windows code page its bytes above 127 suggest.
pub(crate) fn without_mark(head: &[u8], whole: bool) -> TextEncoding {
    match std::str::from_utf8(head) {
        Ok(_) => return TextEncoding::Utf8,
        Err(error) if error.error_len().is_none() && !whole => return TextEncoding::Utf8,
        Err(_) => {}
    }
    // High bytes next to another high byte (in a run, as an Arabic word is) against those
    // standing alone (an "é" between ASCII letters).
    let high = |i: usize| head.get(i).is_some_and(|b| *b >= 0x80);
    let (mut in_runs, mut alone) = (0usize, 0usize);
    for i in (0..head.len()).filter(|&i| high(i)) {
        if (i > 0 && high(i - 1)) || high(i + 1) {
            in_runs += 1;
        } else {
            alone += 1;
        }
    }
    if in_runs >= alone {
        TextEncoding::Windows1256
    } else {
        TextEncoding::Windows1252
    }
}

/// A reader giving UTF-8 bytes from a file in any [`TextEncoding`], told by its byte order
/// mark. A UTF-16 file's mark is consumed; a UTF-8 file's is left for the header reader,
/// which removes it.
pub struct Decoded<R> {
    /// The file, with the first bytes read to find the mark put back in front (minus a UTF-16
    /// mark).
    inner: BufReader<io::Chain<io::Cursor<Vec<u8>>, R>>,
    encoding: TextEncoding,
    /// UTF-8 bytes decoded but not yet handed out.
    pending: Vec<u8>,
    /// Where `pending`'s unread part starts.
    taken: usize,
    /// A byte of a UTF-16 unit whose other byte has not been read yet.
    odd_byte: Option<u8>,
    /// A high surrogate waiting for its low half.
    high_surrogate: Option<u16>,
    /// The code page's decoder, for a file in one.
    code_page: Option<encoding_rs::Decoder>,
}

impl<R: Read> Decoded<R> {
    /// Wraps `reader`, looking at its first bytes (not consumed unless a UTF-16 mark).
    ///
    /// # Errors
    /// The underlying reader's error.
    pub fn new(mut reader: R) -> io::Result<Decoded<R>> {
        // The head, whole however the reader hands it out: the mark, and the first lines that
        // the CSV reader's delimiter is told from (`fill_buf`).
        let mut head = vec![0u8; HEAD];
        let mut filled = 0;
        while let Some(rest) = head.get_mut(filled..).filter(|rest| !rest.is_empty()) {
            match reader.read(rest)? {
                0 => break,
                read => filled += read,
            }
        }
        head.truncate(filled);
        let encoding = if head.starts_with(b"\xFF\xFE") {
            head.drain(..2);
            TextEncoding::Utf16LittleEndian
        } else if head.starts_with(b"\xFE\xFF") {
            head.drain(..2);
            TextEncoding::Utf16BigEndian
        } else if let Some(utf16) = utf16_without_mark(&head) {
            utf16
        } else {
            without_mark(&head, filled < HEAD)
        };
        let inner = BufReader::with_capacity(HEAD, io::Cursor::new(head).chain(reader));
        Ok(Decoded {
            inner,
            encoding,
            pending: Vec::new(),
            taken: 0,
            odd_byte: None,
            high_surrogate: None,
            code_page: encoding
                .code_page()
                .map(encoding_rs::Encoding::new_decoder_without_bom_handling),
        })
    }

    /// The encoding told from the byte order mark, or from the bytes without one.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// The first bytes as the CSV reader will get them, decoded, without consuming them.
    pub fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.encoding == TextEncoding::Utf8 {
            return self.inner.fill_buf();
        }
        if self.taken >= self.pending.len() {
            self.decode_more()?;
        }
        Ok(self.pending.get(self.taken..).unwrap_or_default())
    }

    /// Decodes the next buffer into `pending`; leaves it empty at the end.
    fn decode_more(&mut self) -> io::Result<()> {
        self.pending.clear();
        self.taken = 0;
        if let Some(decoder) = self.code_page.as_mut() {
            return decode_code_page(&mut self.inner, decoder, &mut self.pending);
        }
        let big_endian = self.encoding == TextEncoding::Utf16BigEndian;
        loop {
            let bytes = self.inner.fill_buf()?;
            if bytes.is_empty() {
                // The end: a half unit or a lone high surrogate left over is not text.
                if self.odd_byte.take().is_some() || self.high_surrogate.take().is_some() {
                    push_char(&mut self.pending, char::REPLACEMENT_CHARACTER);
                }
                return Ok(());
            }
            let length = bytes.len();
            let mut units = Vec::with_capacity(length / 2 + 2);
            let mut rest = bytes;
            if let Some(first) = self.odd_byte.take() {
                if let Some((&second, tail)) = rest.split_first() {
                    units.push(unit([first, second], big_endian));
                    rest = tail;
                }
            }
            let mut pairs = rest.chunks_exact(2);
            for pair in pairs.by_ref() {
                if let [a, b] = *pair {
                    units.push(unit([a, b], big_endian));
                }
            }
            self.odd_byte = pairs.remainder().first().copied();
            self.inner.consume(length);
            if let Some(high) = self.high_surrogate.take() {
                units.insert(0, high);
            }
            // A high surrogate at the end waits for the next buffer's low one.
            if units
                .last()
                .is_some_and(|last| (0xD800..0xDC00).contains(last))
            {
                self.high_surrogate = units.pop();
            }
            for decoded in char::decode_utf16(units) {
                push_char(
                    &mut self.pending,
                    decoded.unwrap_or(char::REPLACEMENT_CHARACTER),
                );
            }
            if !self.pending.is_empty() {
                return Ok(());
            }
        }
    }
}

/// `bytes` in `encoding`'s code page as text (UTF-8 is read lossily); for the head a file is
/// recognised by.
pub(crate) fn decode_code_page_whole(encoding: TextEncoding, bytes: &[u8]) -> String {
    match encoding.code_page() {
        Some(code_page) => code_page.decode_without_bom_handling(bytes).0.into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Decodes the next buffer of a code page's bytes into `out` (UTF-8), which stays empty at the
/// end. A byte the code page leaves undefined becomes U+FFFD.
fn decode_code_page<R: BufRead>(
    inner: &mut R,
    decoder: &mut encoding_rs::Decoder,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    let bytes = inner.fill_buf()?;
    let last = bytes.is_empty();
    let length = bytes.len();
    let room = decoder
        .max_utf8_buffer_length(length)
        .unwrap_or(length.saturating_mul(3).saturating_add(16));
    out.resize(room, 0);
    // Single-byte code pages keep no state, and the room is enough: one call decodes all.
    let (_, _, written, _) = decoder.decode_to_utf8(bytes, out, last);
    out.truncate(written);
    inner.consume(length);
    Ok(())
}

fn unit(pair: [u8; 2], big_endian: bool) -> u16 {
    if big_endian {
        u16::from_be_bytes(pair)
    } else {
        u16::from_le_bytes(pair)
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buffer = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.encoding == TextEncoding::Utf8 {
            return self.inner.read(out);
        }
        let available = self.fill_buf()?;
        let count = available.len().min(out.len());
        if let (Some(target), Some(source)) = (out.get_mut(..count), available.get(..count)) {
            target.copy_from_slice(source);
        }
        self.taken += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Lang;

    #[test]
    fn encoding_names_read_in_both_languages_with_their_identifier_kept() {
        let all = [
            TextEncoding::Utf8,
            TextEncoding::Utf16LittleEndian,
            TextEncoding::Utf16BigEndian,
            TextEncoding::Windows1256,
            TextEncoding::Windows1252,
        ];
        for encoding in all {
            let said = encoding.said();
            assert_eq!(said.english(), encoding.label());
            let arabic = Lang::Ar.said(&said);
            let id = encoding.label().split(' ').next().unwrap_or_default();
            // The identifier, isolated, then Arabic words (but for UTF-8, which has none).
            assert!(
                arabic.contains(&format!("\u{2068}{id}\u{2069}")),
                "{arabic}"
            );
            if encoding != TextEncoding::Utf8 {
                assert!(arabic
                    .chars()
                    .any(|c| ('\u{0621}'..='\u{064A}').contains(&c)));
            }
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    /// Reads everything through reads of `step` bytes at most.
    fn read_all(bytes: &[u8], step: usize) -> (TextEncoding, String) {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let count = self.0.len().min(out.len()).min(self.1);
                out[..count].copy_from_slice(&self.0[..count]);
                self.0 = &self.0[count..];
                Ok(count)
            }
        }
        let mut decoded = Decoded::new(Trickle(bytes, step)).expect("reads");
        let mut out = Vec::new();
        decoded.read_to_end(&mut out).expect("reads");
        (
            decoded.encoding(),
            String::from_utf8(out).expect("UTF-8 out"),
        )
    }

    #[test]
    fn utf16_of_either_order_reads_as_the_same_text_whatever_the_read_sizes() {
        // Arabic, an emoji (a surrogate pair) and a tab-separated table.
        let text = "date\tplace\tkilled\n2019-03-04\tإدلب 🙂\t3\n";
        for big_endian in [false, true] {
            for step in [1, 2, 3, 5, 64, 100_000] {
                let (encoding, read) = read_all(&utf16(text, big_endian), step);
                assert_eq!(read, text, "big endian {big_endian}, step {step}");
                assert_ne!(encoding, TextEncoding::Utf8);
            }
        }
    }

    #[test]
    fn utf8_passes_through_with_its_mark() {
        let text = "\u{FEFF}date,place\n";
        assert_eq!(
            read_all(text.as_bytes(), 3),
            (TextEncoding::Utf8, text.to_string())
        );
    }

    #[test]
    fn utf16_without_its_mark_is_told_from_its_zero_bytes() {
        let text = "date\tplace\tkilled\n2019-03-04\tإدلب\t3\n2019-03-05\tIdlib\t12\n";
        for big_endian in [false, true] {
            let bytes = utf16(text, big_endian);
            let unmarked = bytes.get(2..).unwrap_or_default();
            assert_eq!(
                read_all(unmarked, 3),
                (
                    if big_endian {
                        TextEncoding::Utf16BigEndian
                    } else {
                        TextEncoding::Utf16LittleEndian
                    },
                    text.to_string()
                )
            );
        }
        // Binary with scattered zeros is not UTF-16.
        assert_eq!(
            utf16_without_mark(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"),
            None
        );
    }

    #[test]
    fn an_arabic_windows_file_reads_as_windows_1256() {
        let text = "التاريخ;المكان;القتلى\n2019-03-04;إدلب;3\n2019-03-05;معرة النعمان;12\n";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
        assert!(!unmappable);
        for step in [1, 7, 100_000] {
            assert_eq!(
                read_all(&bytes, step),
                (TextEncoding::Windows1256, text.to_string())
            );
        }
    }

    #[test]
    fn a_western_windows_file_reads_as_windows_1252() {
        let text = "date;place;source\n2019-03-04;Idlib;Agence France-Presse (AFP), Médecins Sans Frontières\n";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(!unmappable);
        assert_eq!(
            read_all(&bytes, 5),
            (TextEncoding::Windows1252, text.to_string())
        );
    }

    #[test]
    fn utf8_cut_at_the_end_of_a_long_head_is_still_utf8() {
        // The head ends in the middle of a two-byte letter: the file goes on.
        let mut text = "a".repeat(HEAD - 1);
        text.push_str("إدلب\n");
        assert_eq!(
            read_all(text.as_bytes(), 4096),
            (TextEncoding::Utf8, text.clone())
        );
        // A whole file that ends so is not UTF-8.
        assert_ne!(without_mark(b"abc\xD8", true), TextEncoding::Utf8);
    }

    #[test]
    fn broken_utf16_becomes_replacement_characters_not_a_failure() {
        // A lone low surrogate, then a file cut in the middle of a unit.
        let mut bytes = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xDC, b'b', 0];
        bytes.push(b'c');
        let (_, text) = read_all(&bytes, 7);
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
    }
}
