//! Horizontal bar chart: one labelled bar per item, longest first as given. Horizontal because
//! actor and place names stay readable on a 375 px phone, where vertical bars would need rotated
//! labels.
//!
//! The page lays a chart out at the width its box has in CSS pixels, so one chart pixel is one
//! CSS pixel: text keeps its size (13 px labels, 12 px values) at any width, and each bar's
//! hit target is a whole row, [`ROW`] pixels tall, at least the 24 px that WCAG 2.5.8 asks
//! of a target. Below [`NARROW`] pixels the labels go on a line of their own above their bars,
//! so a phone shows names in full rather than cut to a dozen letters.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{font_size, palette, Chart, Mark};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub selected: bool,
}

/// Height of a row (and of its hit target) with the label beside the bar.
pub const ROW: u32 = 28;
/// Height of a row with the label above the bar.
pub const STACKED_ROW: u32 = 40;
/// Narrower than this, labels go above their bars.
pub const NARROW: u32 = 420;
/// Narrowest layout: a chart box narrower than this is drawn at this width and scaled down.
pub const MIN_WIDTH: u32 = 240;
/// Text heights in chart pixels, which are CSS pixels on the page.
pub const LABEL_FONT: u32 = 13;
pub const VALUE_FONT: u32 = 12;
const TOP: u32 = 6;
const BOTTOM: u32 = 10;
/// Room after the longest bar for its value.
const VALUE_ROOM: u32 = 56;
/// Thickness of a drawn bar: thinner than its row, whose whole height is the target.
const BAR: u32 = 16;

/// Bars laid out in a chart `width` pixels wide; the height follows the number of bars, or the
/// number of rows reserved, if more.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    bars: Vec<Bar>,
    width: u32,
    height: u32,
    /// Width of the column of labels beside the bars; 0 when labels are above the bars.
    label_width: u32,
    row: u32,
    marks: Vec<Mark>,
}

impl BarChart {
    pub fn new(bars: Vec<Bar>, width: u32) -> Self {
        BarChart::reserving(bars, width, 0)
    }

    /// A chart as tall as `rows` bars even when it has fewer. On the page, a chart keeps the
    /// height of its most bars, so filtering does not move what is below it: the reader's
    /// place, and the list's rows, stay where they were.
    pub fn reserving(bars: Vec<Bar>, width: u32, rows: usize) -> Self {
        let width = width.max(MIN_WIDTH);
        let (label_width, row) = if width < NARROW {
            (0, STACKED_ROW)
        } else {
            ((width * 38 / 100).clamp(110, 210), ROW)
        };
        let count = bars.len().max(rows).max(1) as u32;
        let height = TOP + count * row + BOTTOM;
        let marks = (0..bars.len())
            .map(|index| Mark {
                x: 0.0,
                y: f64::from(TOP + index as u32 * row),
                width: f64::from(width),
                height: f64::from(row),
            })
            .collect();
        BarChart {
            bars,
            width,
            height,
            label_width,
            row,
            marks,
        }
    }

    /// The same bars without reserved rows, for a download.
    pub fn compact(&self) -> BarChart {
        BarChart::new(self.bars.clone(), self.width)
    }

    /// Whether labels are drawn above their bars (a narrow chart).
    pub fn labels_above(&self) -> bool {
        self.label_width == 0
    }

    /// Where the bars start, and how far the longest may reach.
    fn plot(&self) -> (f64, f64) {
        let left = if self.labels_above() {
            4
        } else {
            self.label_width
        };
        (f64::from(left), f64::from(self.width - left - VALUE_ROOM))
    }

    /// The room of a label, in pixels: a longer one is cut, with an ellipsis.
    fn label_room(&self) -> f64 {
        let room = if self.labels_above() {
            self.width - 8
        } else {
            self.label_width - 8
        };
        f64::from(room)
    }

    /// Top of a row's label, of its bar and of its value, from the row's top.
    fn offsets(&self) -> (u32, u32, u32) {
        if self.labels_above() {
            let bar = self.row - BAR - 6;
            (4, bar, bar + (BAR - VALUE_FONT) / 2)
        } else {
            let bar = (self.row - BAR) / 2;
            (
                (self.row - LABEL_FONT) / 2,
                bar,
                (self.row - VALUE_FONT) / 2,
            )
        }
    }
}

impl Chart for BarChart {
    fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn marks(&self) -> &[Mark] {
        &self.marks
    }

    fn paint<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), String> {
        let fail = |error: DrawingAreaErrorKind<DB::ErrorType>| error.to_string();
        let max = self
            .bars
            .iter()
            .map(|bar| bar.value)
            .fold(0.0_f64, f64::max)
            .max(1.0);
        let (plot_left, plot_width) = self.plot();
        let (label_top, bar_top, value_top) = self.offsets();
        root.fill(&WHITE).map_err(fail)?;
        let label_style =
            TextStyle::from(("sans-serif", font_size(f64::from(LABEL_FONT))).into_font())
                .color(&palette::AXIS);
        let value_style =
            TextStyle::from(("sans-serif", font_size(f64::from(VALUE_FONT))).into_font())
                .color(&palette::AXIS);
        // Bars first, then all labels, then all values: a canvas sets its font once per run
        // of text in the same font rather than twice per bar.
        let lengths: Vec<f64> = self
            .bars
            .iter()
            .map(|bar| (bar.value / max * plot_width).max(if bar.value > 0.0 { 1.0 } else { 0.0 }))
            .collect();
        for ((bar, mark), length) in self.bars.iter().zip(&self.marks).zip(&lengths) {
            let color = if bar.selected {
                palette::BAR_SELECTED
            } else {
                palette::BAR
            };
            let y0 = mark.y as i32 + bar_top as i32;
            root.draw(&Rectangle::new(
                [
                    (plot_left as i32, y0),
                    ((plot_left + length) as i32, y0 + BAR as i32),
                ],
                color.filled(),
            ))
            .map_err(fail)?;
        }
        let room = self.label_room();
        for (bar, mark) in self.bars.iter().zip(&self.marks) {
            root.draw(&Text::new(
                fit(&bar.label, room),
                (4, mark.y as i32 + label_top as i32),
                label_style.clone(),
            ))
            .map_err(fail)?;
        }
        for ((bar, mark), length) in self.bars.iter().zip(&self.marks).zip(&lengths) {
            root.draw(&Text::new(
                format_value(bar.value),
                (
                    (plot_left + length + 4.0) as i32,
                    mark.y as i32 + value_top as i32,
                ),
                value_style.clone(),
            ))
            .map_err(fail)?;
        }
        Ok(())
    }
}

/// Whole numbers without decimals, fractions (spread imprecise dates) with one: the core's
/// rule, which the charts' tables follow too.
pub use crate::core::i18n::format_value;

/// 5233 -> "5,233", the way the reports write numbers.
pub fn group_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

/// About the advance of `c` in a 13 px sans-serif label, a little generous so that a label
/// stops before the bars: Arabic letters are narrower than Latin ones, and their vowel marks
/// take no room of their own.
fn advance(c: char) -> f64 {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => 0.0,
        '\u{0600}'..='\u{06FF}' => 6.2,
        ' ' => 4.2,
        'a'..='z' => 7.3,
        'A'..='Z' | '0'..='9' => 9.0,
        '.' | ',' | ':' | ';' | '\'' | '(' | ')' | '/' | '-' | '|' => 5.0,
        _ => 9.0,
    }
}

/// About the width of `text` in a 13 px label.
fn text_width(text: &str) -> f64 {
    text.chars().map(advance).sum()
}

/// `text` as a label `room` pixels wide: whole if it fits, else cut with an ellipsis.
fn fit(text: &str, room: f64) -> String {
    if text_width(text) <= room {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = advance('…');
    for c in text.chars() {
        used += advance(c);
        if used > room {
            break;
        }
        cut.push(c);
    }
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg;

    fn bar(label: &str, value: f64) -> Bar {
        Bar {
            label: label.into(),
            value,
            selected: false,
        }
    }

    #[test]
    fn one_mark_per_bar_and_height_follows_rows() {
        let drawn = svg::draw(&BarChart::new(
            vec![bar("ISIS", 10.0), bar("SDF", 5.0)],
            480,
        ));
        let Ok(drawn) = drawn else {
            panic!("chart failed")
        };
        assert_eq!(drawn.marks.len(), 2);
        assert_eq!(drawn.height, TOP + 2 * ROW + BOTTOM);
        assert!(drawn.marks[1].y > drawn.marks[0].y); // Bars go down in input order.
        assert!(drawn.svg.starts_with("<svg"));
    }

    #[test]
    fn reserved_rows_keep_the_height_and_not_the_marks() {
        let bars = vec![bar("ISIS", 10.0), bar("SDF", 5.0)];
        let reserved = BarChart::reserving(bars.clone(), 480, 5);
        assert_eq!(reserved.size().1, TOP + 5 * ROW + BOTTOM);
        assert_eq!(reserved.marks(), BarChart::new(bars.clone(), 480).marks());
        // More bars than reserved rows: the bars win.
        assert_eq!(
            BarChart::reserving(bars.clone(), 480, 1).size().1,
            TOP + 2 * ROW + BOTTOM
        );
        assert_eq!(reserved.compact(), BarChart::new(bars, 480));
    }

    /// The widths of a chart's box on a 320 and 375 px phone and at 1440 px (two charts side
    /// by side), laid out 1:1: every target at least 24 px tall, every text at least 11 px,
    /// and labels that never reach into the bars or the next row.
    const _: () = assert!(LABEL_FONT >= 11 && VALUE_FONT >= 11);

    #[test]
    fn targets_and_text_are_large_enough_at_every_width() {
        let bars: Vec<Bar> = (0..12)
            .map(|i| {
                bar(
                    "Syrian Democratic Forces and allied groups",
                    1000.0 / f64::from(i + 1),
                )
            })
            .collect();
        for width in [256, 311, 343, 419, 420, 560, 620, 900] {
            let chart = BarChart::new(bars.clone(), width);
            assert_eq!(chart.size().0, width);
            for (index, mark) in chart.marks().iter().enumerate() {
                assert!(mark.height >= 24.0, "{width}: {mark:?}");
                assert_eq!(mark.width, f64::from(width));
                if let Some(next) = chart.marks().get(index + 1) {
                    assert!(mark.y + mark.height <= next.y, "targets overlap at {width}");
                }
            }
            // Drawn at those heights: plotters' sizes are 1.24 times the pixels.
            let Ok(drawn) = svg::draw(&chart) else {
                panic!("chart failed")
            };
            let sizes: Vec<f64> = drawn
                .svg
                .split("font-size=\"")
                .skip(1)
                .filter_map(|rest| rest.split('"').next()?.parse().ok())
                .collect();
            assert_eq!(sizes.len(), 2 * bars.len());
            assert!(sizes.iter().all(|&size| size >= 11.99), "{sizes:?}");
            let (label_top, bar_top, value_top) = chart.offsets();
            let (plot_left, plot_width) = chart.plot();
            assert!(plot_width >= 100.0, "{width}: bars get {plot_width} px");
            if chart.labels_above() {
                // The label's line ends before the bar starts.
                assert!(label_top + LABEL_FONT <= bar_top, "{width}");
                assert!(chart.label_room() >= 200.0, "{width}");
            } else {
                // The label's column ends before the bars start.
                assert!(4.0 + chart.label_room() <= plot_left, "{width}");
                assert!(chart.label_room() >= 100.0, "{width}");
            }
            assert!(bar_top + BAR <= chart.row && value_top + VALUE_FONT <= chart.row);
            assert_eq!(chart.labels_above(), width < NARROW);
        }
        // Narrower than any phone: laid out at the narrowest width and scaled by the page.
        assert_eq!(BarChart::new(bars, 100).size().0, MIN_WIDTH);
    }

    #[test]
    fn labels_from_data_are_escaped() {
        let hostile = "<script>alert(1)</script> & \"x\"";
        let Ok(drawn) = svg::draw(&BarChart::new(vec![bar(hostile, 1.0)], 600)) else {
            panic!("chart failed")
        };
        assert!(!drawn.svg.contains("<script>"));
        assert!(drawn.svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn long_labels_are_cut_to_their_room() {
        assert_eq!(fit("ISIS", 100.0), "ISIS");
        let cut = fit("Syrian Democratic Forces and allied groups", 150.0);
        assert!(cut.ends_with('…') && text_width(&cut) <= 150.0, "{cut}");
        assert!(cut.starts_with("Syrian Democratic"), "{cut}");
        // Arabic takes less room a letter, and its vowel marks none.
        let arabic = "قوات سوريا الديمقراطية (قسد)";
        assert!(text_width(arabic) < text_width("Syrian Democratic Forces (SDF)"));
        assert_eq!(fit(arabic, 190.0), arabic);
        assert_eq!(text_width("جهات لم تُحدَّد"), text_width("جهات لم تحدد"));
        // A label narrower than anything: the ellipsis alone.
        assert_eq!(fit("Hezbollah", 5.0), "…");
    }

    #[test]
    fn numbers_are_grouped_like_the_reports() {
        assert_eq!(group_thousands(5233), "5,233");
        assert_eq!(group_thousands(112_337), "112,337");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(format_value(2.5), "2.5");
    }
}
