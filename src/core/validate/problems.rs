//! The problems of one file as checking finds them ([`Problems`], kept up to [`MAX_PROBLEMS`]
//! with a count of the rest), and of one record ([`Reporter`]: the checks shared by every
//! record kind, dates, coordinates and citations, each found problem said for the reader).

use super::{
    field_or_root, printable, quoted, Context, Problem, Severity, MAX_PROBLEMS, QUOTE_CHARS,
    SYRIA_BOUNDS,
};
use crate::core::date::Day;
use crate::core::i18n::Said;
use crate::core::model::{Citation, DateRange};

/// The problems of one file, kept up to [`MAX_PROBLEMS`].
pub(super) struct Problems {
    pub(super) file: String,
    pub(super) list: Vec<Problem>,
    pub(super) dropped: usize,
}

impl Problems {
    pub(super) fn new(file: &str) -> Self {
        Problems {
            file: file.to_string(),
            list: Vec::new(),
            dropped: 0,
        }
    }

    pub(super) fn push(
        &mut self,
        severity: Severity,
        record: Option<String>,
        field: String,
        said: Said,
    ) {
        self.push_optional_field(severity, record, Some(field), said);
    }

    pub(super) fn push_optional_field(
        &mut self,
        severity: Severity,
        record: Option<String>,
        field: Option<String>,
        said: Said,
    ) {
        if self.list.len() < MAX_PROBLEMS {
            self.list
                .push(Problem::said(severity, &self.file, record, field, said));
        } else {
            self.dropped += 1;
        }
    }

    pub(super) fn unknown_fields(&mut self, record: Option<&str>, paths: &[String], more: usize) {
        for path in paths {
            self.push(
                Severity::Warning,
                record.map(str::to_string),
                field_or_root(path),
                Said::new("problem-unknown-field"),
            );
        }
        if more > 0 {
            self.push_optional_field(
                Severity::Warning,
                record.map(str::to_string),
                None,
                Said::new("problem-more-unknown-fields")
                    .arg_number("count", more as u64)
                    .arg("n", more.to_string()),
            );
        }
    }

    pub(super) fn finish(mut self) -> Vec<Problem> {
        if self.dropped > 0 {
            self.list.push(Problem::said(
                Severity::Warning,
                &self.file,
                None,
                None,
                Said::new("problem-more-problems")
                    .arg_number("count", self.dropped as u64)
                    .arg("n", self.dropped.to_string())
                    .arg("max", MAX_PROBLEMS.to_string()),
            ));
        }
        self.list
    }
}

/// Collects the problems of one record.
pub(super) struct Reporter<'a> {
    pub(super) record: &'a str,
    pub(super) problems: &'a mut Problems,
    pub(super) found: usize,
}

impl<'a> Reporter<'a> {
    pub(super) fn new(record: &'a str, problems: &'a mut Problems) -> Self {
        Reporter {
            record,
            problems,
            found: 0,
        }
    }

    pub(super) fn add(&mut self, field: &str, said: Said) {
        self.found += 1;
        self.push(Severity::Error, field, said);
    }

    /// Reports without skipping the record.
    pub(super) fn warn(&mut self, field: &str, said: Said) {
        self.push(Severity::Warning, field, said);
    }

    pub(super) fn push(&mut self, severity: Severity, field: &str, said: Said) {
        self.problems.push(
            severity,
            Some(self.record.to_string()),
            field.to_string(),
            said,
        );
    }

    pub(super) fn is_clean(&self) -> bool {
        self.found == 0
    }

    pub(super) fn date(&mut self, field: &str, range: &DateRange) {
        let start = Day::parse(&range.start);
        let end = Day::parse(&range.end);
        if let Err(error) = &start {
            self.add(
                &format!("{field}.start"),
                quoted(&range.start, error.said()),
            );
        }
        if let Err(error) = &end {
            self.add(&format!("{field}.end"), quoted(&range.end, error.said()));
        }
        if let (Ok(start), Ok(end)) = (start, end) {
            if end < start {
                self.add(
                    &format!("{field}.end"),
                    Said::new("problem-ends-before-start")
                        .arg("end", end.to_string())
                        .arg("start", start.to_string()),
                );
            }
        }
    }

    pub(super) fn coordinates(&mut self, field: &str, lat: Option<f64>, lon: Option<f64>) {
        match (lat, lon) {
            (None, None) => {}
            (Some(lat), Some(lon)) if SYRIA_BOUNDS.contains(lat, lon) => {}
            (Some(lat), Some(lon)) => self.add(
                field,
                Said::new("problem-coordinates-outside")
                    .arg("lat", lat.to_string())
                    .arg("lon", lon.to_string())
                    .arg("lat_min", SYRIA_BOUNDS.lat_min.to_string())
                    .arg("lat_max", SYRIA_BOUNDS.lat_max.to_string())
                    .arg("lon_min", SYRIA_BOUNDS.lon_min.to_string())
                    .arg("lon_max", SYRIA_BOUNDS.lon_max.to_string()),
            ),
            _ => self.add(field, Said::new("problem-coordinates-together")),
        }
    }

    pub(super) fn citations(&mut self, citations: &[Citation], context: &Context) {
        if citations.is_empty() {
            self.add("citations", Said::new("problem-no-citation"));
        }
        for (index, citation) in citations.iter().enumerate() {
            if !context.sources.contains(&citation.source) {
                let key = if context.skipped_sources.contains(&citation.source) {
                    "problem-source-skipped"
                } else {
                    "problem-source-not-here"
                };
                self.add(
                    &format!("citations[{index}].source"),
                    Said::new(key).arg("source", printable(&citation.source, QUOTE_CHARS)),
                );
            }
            if citation.quote.trim().is_empty() {
                self.add(
                    &format!("citations[{index}].quote"),
                    Said::new("problem-quote-empty"),
                );
            }
        }
    }
}
