//! A table's bytes as UTF-8 for the CSV reader, whatever Unicode encoding the file was saved in:
//! UTF-8 passes through untouched; UTF-16 with a byte order mark (what "Unicode text" in a
//! spreadsheet app writes, little- or big-endian) is transcoded as it streams, so a file of
//! hundreds of megabytes never sits in memory twice. The standard library's
//! `char::decode_utf16` does the decoding; a unit that is not valid UTF-16 (a lone surrogate)
//! becomes U+FFFD, which the row's field then shows.

use std::io::{self, BufRead, BufReader, Read};

/// Bytes read ahead to tell the encoding and to show the CSV reader its first lines.
const HEAD: usize = 64 * 1024;

/// The encodings [`Decoded`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}

impl TextEncoding {
    /// The encoding's name for people: "UTF-8", "UTF-16".
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16LittleEndian => "UTF-16 (little-endian)",
            TextEncoding::Utf16BigEndian => "UTF-16 (big-endian)",
        }
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
            TextEncoding::Utf16LittleEndian
        } else if head.starts_with(b"\xFE\xFF") {
            TextEncoding::Utf16BigEndian
        } else {
            TextEncoding::Utf8
        };
        if encoding != TextEncoding::Utf8 {
            head.drain(..2);
        }
        let inner = BufReader::with_capacity(HEAD, io::Cursor::new(head).chain(reader));
        Ok(Decoded {
            inner,
            encoding,
            pending: Vec::new(),
            taken: 0,
            odd_byte: None,
            high_surrogate: None,
        })
    }

    /// The encoding told from the byte order mark.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// The first bytes as the CSV reader will get them, without consuming them (UTF-8 only:
    /// a UTF-16 file's are decoded on the way).
    pub fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.encoding == TextEncoding::Utf8 {
            return self.inner.fill_buf();
        }
        if self.taken >= self.pending.len() {
            self.decode_more()?;
        }
        Ok(self.pending.get(self.taken..).unwrap_or_default())
    }

    /// Decodes the next buffer of UTF-16 into `pending`; leaves it empty at the end.
    fn decode_more(&mut self) -> io::Result<()> {
        self.pending.clear();
        self.taken = 0;
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
    fn broken_utf16_becomes_replacement_characters_not_a_failure() {
        // A lone low surrogate, then a file cut in the middle of a unit.
        let mut bytes = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xDC, b'b', 0];
        bytes.push(b'c');
        let (_, text) = read_all(&bytes, 7);
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
    }
}
