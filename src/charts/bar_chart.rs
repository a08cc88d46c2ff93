//! Horizontal bar chart: one labelled bar per item, longest first as given. Horizontal because
//! actor and place names stay readable on a 375 px phone, where vertical bars would need rotated
//! labels.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{palette, Chart, Mark};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub selected: bool,
}

const ROW: u32 = 22;
const LABEL_WIDTH: u32 = 150;
const TOP: u32 = 6;
const BOTTOM: u32 = 24;

/// Bars laid out in a chart `width` pixels wide; the height follows the number of bars, or the
/// number of rows reserved, if more.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    bars: Vec<Bar>,
    width: u32,
    height: u32,
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
        let rows = bars.len().max(rows).max(1) as u32;
        let height = TOP + rows * ROW + BOTTOM;
        let width = width.max(LABEL_WIDTH + 120);
        let marks = (0..bars.len())
            .map(|index| Mark {
                x: 0.0,
                y: f64::from(TOP + index as u32 * ROW),
                width: f64::from(width),
                height: f64::from(ROW),
            })
            .collect();
        BarChart {
            bars,
            width,
            height,
            marks,
        }
    }

    /// The same bars without reserved rows, for a download.
    pub fn compact(&self) -> BarChart {
        BarChart::new(self.bars.clone(), self.width)
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
        let plot_left = f64::from(LABEL_WIDTH);
        let plot_width = f64::from(self.width - LABEL_WIDTH - 56);
        root.fill(&WHITE).map_err(fail)?;
        let label_style = TextStyle::from(("sans-serif", 13).into_font()).color(&palette::AXIS);
        let value_style = TextStyle::from(("sans-serif", 12).into_font()).color(&palette::AXIS);
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
            let y0 = (mark.y + 3.0) as i32;
            let y1 = (mark.y + f64::from(ROW) - 3.0) as i32;
            root.draw(&Rectangle::new(
                [(plot_left as i32, y0), ((plot_left + length) as i32, y1)],
                color.filled(),
            ))
            .map_err(fail)?;
        }
        for (bar, mark) in self.bars.iter().zip(&self.marks) {
            root.draw(&Text::new(
                truncate(&bar.label, 22),
                (4, (mark.y + 5.0) as i32),
                label_style.clone(),
            ))
            .map_err(fail)?;
        }
        for ((bar, mark), length) in self.bars.iter().zip(&self.marks).zip(&lengths) {
            root.draw(&Text::new(
                format_value(bar.value),
                ((plot_left + length + 4.0) as i32, (mark.y + 5.0) as i32),
                value_style.clone(),
            ))
            .map_err(fail)?;
        }
        Ok(())
    }
}

/// Whole numbers without decimals, fractions (spread imprecise dates) with one.
pub fn format_value(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        group_thousands(value.round() as i64)
    } else {
        format!("{value:.1}")
    }
}

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

fn truncate(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(limit - 1).collect();
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
            400,
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
        let reserved = BarChart::reserving(bars.clone(), 400, 5);
        assert_eq!(reserved.size().1, TOP + 5 * ROW + BOTTOM);
        assert_eq!(reserved.marks(), BarChart::new(bars.clone(), 400).marks());
        // More bars than reserved rows: the bars win.
        assert_eq!(
            BarChart::reserving(bars.clone(), 400, 1).size().1,
            TOP + 2 * ROW + BOTTOM
        );
        assert_eq!(reserved.compact(), BarChart::new(bars, 400));
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
    fn numbers_are_grouped_like_the_reports() {
        assert_eq!(group_thousands(5233), "5,233");
        assert_eq!(group_thousands(112_337), "112,337");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(format_value(2.5), "2.5");
    }
}
