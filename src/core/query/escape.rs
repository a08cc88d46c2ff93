//! Percent-encoding of query values: a lenient decoder that reports what was wrong with an
//! escape, and the encoder of the canonical form.

use std::fmt::Write as _;

/// A percent-decoded component and what was wrong with its encoding.
pub(super) struct Decoded {
    pub(super) text: String,
    pub(super) malformed_escape: bool,
    pub(super) invalid_utf8: bool,
}

/// Decodes `%XX` escapes and `+` (a space in form encoding). A `%` not followed by two hex
/// digits is kept as typed; bytes that do not form UTF-8 become U+FFFD. Both are reported.
pub(super) fn percent_decode(raw: &str) -> Decoded {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut malformed_escape = false;
    let mut position = 0;
    while let Some(&byte) = bytes.get(position) {
        match byte {
            b'+' => {
                out.push(b' ');
                position += 1;
            }
            b'%' => {
                let high = bytes.get(position + 1).and_then(|&b| hex_value(b));
                let low = bytes.get(position + 2).and_then(|&b| hex_value(b));
                if let (Some(high), Some(low)) = (high, low) {
                    out.push(high << 4 | low);
                    position += 3;
                } else {
                    malformed_escape = true;
                    out.push(b'%');
                    position += 1;
                }
            }
            other => {
                out.push(other);
                position += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(text) => Decoded {
            text,
            malformed_escape,
            invalid_utf8: false,
        },
        Err(error) => Decoded {
            text: String::from_utf8_lossy(error.as_bytes()).into_owned(),
            malformed_escape,
            invalid_utf8: true,
        },
    }
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Bytes written as they are: RFC 3986 unreserved characters, plus `:` (legal in a query and
/// common in event ids). Everything else, including `,` (the list separator), `&`, `=`, `+`,
/// `#`, `%` and all non-ASCII, is written as `%XX` of its UTF-8 bytes.
pub(super) fn percent_encode(text: &str, out: &mut String) {
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
}
