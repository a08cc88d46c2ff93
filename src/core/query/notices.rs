//! What the reader is told about a link: each thing [`super::decode`] ignored or changed, worded
//! in English and as a message of the catalogues, with values from the link shortened and their
//! direction controls made visible so they cannot reverse the app's own sentence.

use std::fmt::Write as _;

use super::params::Param;
use super::{MAX_NOTICES, MAX_VALUE_BYTES};
use crate::core::i18n::{label_key, Said};

/// Something in the URL that was ignored or changed, said for a reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The parameter concerned, as it appeared (shortened if very long).
    pub param: String,
    /// The sentence in English.
    pub message: String,
    /// The same sentence as a message of the catalogues, for the interface's languages
    /// ([`Lang::said`]); `None` for the few that only have the English sentence.
    pub said: Option<Said>,
}

/// Collects notices up to [`MAX_NOTICES`] and counts the rest.
#[derive(Default)]
pub(super) struct Notices {
    list: Vec<Notice>,
    dropped: usize,
}

impl Notices {
    /// A notice that the catalogues also word (`said`).
    pub(super) fn push_said(&mut self, param: &str, message: String, said: Option<Said>) {
        if self.list.len() < MAX_NOTICES {
            self.list.push(Notice {
                param: shorten(param),
                message,
                said,
            });
        } else {
            self.dropped = self.dropped.saturating_add(1);
        }
    }

    pub(super) fn invalid(&mut self, param: Param, value: &str) {
        let value = shorten(value);
        let said = Said::new("notice-invalid")
            .arg("param", param.key())
            .arg("value", value.clone())
            .arg_key("expects", label_key("expects", param.key()));
        self.push_said(
            param.key(),
            format!(
                "“{}={value}” is not {}; ignored",
                param.key(),
                param.expects()
            ),
            Some(said),
        );
    }

    pub(super) fn finish(mut self) -> Vec<Notice> {
        if self.dropped > 0 {
            self.list.push(Notice {
                param: String::new(),
                message: format!(
                    "{} more problems with the address were ignored",
                    self.dropped
                ),
                said: Some(Said::new("notice-more").arg("n", self.dropped.to_string())),
            });
        }
        self.list
    }
}

/// Text for a notice: long values are cut, so a notice stays one readable line, and the
/// controls of writing direction (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are
/// written as their code points: echoed from a link, an override such as U+202E would
/// reverse the rest of the app's own sentence.
pub(super) fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    let cut = match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => text.get(..cut).unwrap_or_default(),
        None => text,
    };
    let mut out = String::with_capacity(cut.len() + 1);
    for c in cut.chars() {
        if is_direction_control(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "[U+{:04X}]", u32::from(c));
        } else {
            out.push(c);
        }
    }
    if cut.len() < text.len() {
        out.push('…');
    }
    out
}

/// Whether `c` sets or overrides the direction of the text after it.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Reports encoding problems of one value.
pub(super) fn note_encoding(
    param: Param,
    malformed_escape: bool,
    invalid_utf8: bool,
    notices: &mut Notices,
) {
    if malformed_escape {
        notices.push_said(
            param.key(),
            format!(
                "“{}” contains a “%” that does not start an escape; it was read as typed",
                param.key()
            ),
            Some(Said::new("notice-stray-percent").arg("param", param.key())),
        );
    }
    if invalid_utf8 {
        notices.push_said(
            param.key(),
            format!(
                "“{}” contains bytes that are not UTF-8 text; they were replaced by “\u{FFFD}”",
                param.key()
            ),
            Some(Said::new("notice-not-utf8").arg("param", param.key())),
        );
    }
}

pub(super) fn too_long(param: Param, notices: &mut Notices) {
    let said = Said::new("notice-too-long")
        .arg("param", param.key())
        .arg("limit", MAX_VALUE_BYTES.to_string());
    notices.push_said(
        param.key(),
        format!(
            "“{}” was longer than {MAX_VALUE_BYTES} bytes; ignored",
            param.key()
        ),
        Some(said),
    );
}

/// The search text was cut to [`MAX_VALUE_BYTES`].
pub(super) fn search_cut(notices: &mut Notices) {
    notices.push_said(
        "q",
        format!("The search text was longer than {MAX_VALUE_BYTES} bytes and was cut"),
        Some(Said::new("notice-search-cut").arg("limit", MAX_VALUE_BYTES.to_string())),
    );
}
