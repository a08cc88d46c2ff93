//! The timeline: one stacked column per week or month, coloured by actor, with the share that
//! comes from events dated only to a month, a year or a longer period drawn hatched on top, so a
//! reader can tell a precise spike from a spread-out estimate. Agreements and ceasefires are
//! numbered dashed markers; the legend under the chart names them.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{font_size, palette, Chart, Mark};
use crate::core::date::Day;

/// One column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub start: Day,
    pub end_exclusive: Day,
    /// Stack segments, bottom first: (series index, value).
    pub segments: Vec<(usize, f64)>,
    /// How much of the column's total comes from imprecisely dated events.
    pub imprecise: f64,
}

/// A labelled vertical marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub day: Day,
    pub number: usize,
}

/// The width of a download, and of a chart laid out at no particular width.
pub const WIDTH: u32 = 960;
/// The narrowest the page lays the timeline out: on a phone it keeps this width in a box that
/// scrolls sideways, so its columns stay wide enough to point at and its text readable.
pub const MIN_WIDTH: u32 = 640;
pub const HEIGHT: u32 = 300;
/// Plot area inside the SVG; the UI maps pointer positions with the same numbers.
pub const LEFT: u32 = 56;
pub const RIGHT: u32 = 12;
pub const TOP: u32 = 22;
pub const BOTTOM: u32 = 40;
/// Room a tick label ("2019-04") takes on the time axis.
const TICK_WIDTH: f64 = 52.0;

/// The columns laid out on the plot, with one mark per column (full plot height) for hover and
/// drag.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChart {
    columns: Vec<Column>,
    milestones: Vec<Milestone>,
    y_label: String,
    /// In chart pixels: on the page, the CSS pixels of the box it is shown in, so its text keeps
    /// its size (14 px axis labels) at any width.
    width: u32,
    /// The top of the value axis, a round number.
    max: f64,
    marks: Vec<Mark>,
}

impl TimelineChart {
    /// The timeline laid out [`WIDTH`] pixels wide (a download's size).
    pub fn new(columns: Vec<Column>, milestones: Vec<Milestone>, y_label: &str) -> Self {
        TimelineChart::laid_out(columns, milestones, y_label, WIDTH)
    }

    /// The timeline laid out `width` pixels wide, at least [`MIN_WIDTH`].
    pub fn laid_out(
        columns: Vec<Column>,
        milestones: Vec<Milestone>,
        y_label: &str,
        width: u32,
    ) -> Self {
        let width = width.max(MIN_WIDTH);
        let plot_width = f64::from(width - LEFT - RIGHT);
        let plot_height = f64::from(HEIGHT - TOP - BOTTOM);
        let step = plot_width / columns.len().max(1) as f64;
        let max = columns
            .iter()
            .map(|column| column.segments.iter().map(|(_, value)| value).sum::<f64>())
            .fold(0.0_f64, f64::max)
            .max(1.0);
        let marks = (0..columns.len())
            .map(|index| Mark {
                x: f64::from(LEFT) + step * index as f64,
                y: f64::from(TOP),
                width: step,
                height: plot_height,
            })
            .collect();
        TimelineChart {
            columns,
            milestones,
            y_label: y_label.to_string(),
            width,
            max: nice_ceiling(max),
            marks,
        }
    }

    /// The columns, in order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The same timeline at another width (a download is [`WIDTH`] wide).
    pub fn at_width(&self, width: u32) -> TimelineChart {
        TimelineChart::laid_out(
            self.columns.clone(),
            self.milestones.clone(),
            &self.y_label,
            width,
        )
    }

    fn to_y(&self, value: f64) -> f64 {
        let plot_height = f64::from(HEIGHT - TOP - BOTTOM);
        f64::from(TOP) + plot_height * (1.0 - value / self.max)
    }
}

impl Chart for TimelineChart {
    fn size(&self) -> (u32, u32) {
        (self.width, HEIGHT)
    }

    fn marks(&self) -> &[Mark] {
        &self.marks
    }

    fn paint<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), String> {
        let fail = |error: DrawingAreaErrorKind<DB::ErrorType>| error.to_string();
        let plot_width = f64::from(self.width - LEFT - RIGHT);
        root.fill(&WHITE).map_err(fail)?;
        // 12 px text: the chart is laid out at the width it is shown at, at least MIN_WIDTH.
        let small =
            TextStyle::from(("sans-serif", font_size(12.0)).into_font()).color(&palette::AXIS);
        // Horizontal grid and value labels at quarters of the (rounded) maximum.
        for quarter in 0..=4 {
            let value = self.max * f64::from(quarter) / 4.0;
            let y = self.to_y(value) as i32;
            root.draw(&PathElement::new(
                [(LEFT as i32, y), ((self.width - RIGHT) as i32, y)],
                RGBColor(225, 228, 232).stroke_width(1),
            ))
            .map_err(fail)?;
            root.draw(&Text::new(
                super::bar_chart::format_value(value),
                (4, y - 6),
                small.clone(),
            ))
            .map_err(fail)?;
        }
        root.draw(&Text::new(self.y_label.clone(), (4, 2), small.clone()))
            .map_err(fail)?;
        // Series by series, bottom first, so a canvas sets each colour once, not once per
        // segment.
        let spans: Vec<(i32, i32)> = self
            .marks
            .iter()
            .map(|mark| {
                let gap = if mark.width > 4.0 { 1.0 } else { 0.0 };
                let left = (mark.x + gap) as i32;
                let right = (mark.x + mark.width - gap).max(mark.x + 1.0) as i32;
                (left, right)
            })
            .collect();
        let mut bases = vec![0.0_f64; self.columns.len()];
        let series_count = self
            .columns
            .iter()
            .flat_map(|column| column.segments.iter().map(|(series, _)| series + 1))
            .max()
            .unwrap_or(0);
        for series in 0..series_count {
            for ((column, &(left, right)), base) in
                self.columns.iter().zip(&spans).zip(bases.iter_mut())
            {
                let value: f64 = column
                    .segments
                    .iter()
                    .filter(|(s, _)| *s == series)
                    .map(|(_, v)| v)
                    .sum();
                if value <= 0.0 {
                    continue;
                }
                root.draw(&Rectangle::new(
                    [
                        (left, self.to_y(*base + value) as i32),
                        (right, self.to_y(*base) as i32),
                    ],
                    palette::series(series).filled(),
                ))
                .map_err(fail)?;
                *base += value;
            }
        }
        for ((column, &(left, right)), &base) in self.columns.iter().zip(&spans).zip(&bases) {
            if column.imprecise > 0.0 {
                // The top part of the column that came from imprecise dates is hatched: painted
                // in the marker colour, for which each backend substitutes its hatching.
                let top = self.to_y(base);
                let bottom = self.to_y((base - column.imprecise).max(0.0));
                root.draw(&Rectangle::new(
                    [(left, top as i32), (right, bottom.max(top + 1.0) as i32)],
                    palette::HATCH_MARKER.filled(),
                ))
                .map_err(fail)?;
            }
        }
        // Axis labels: a year or month at most every ~70 px, and only where a whole one fits
        // ("2019-04" is about 50 px of 12 px text).
        let step = plot_width / self.columns.len().max(1) as f64;
        let every = ((70.0 / step).ceil() as usize).max(1);
        let last_x = f64::from(self.width) - TICK_WIDTH;
        for (column, mark) in self
            .columns
            .iter()
            .zip(&self.marks)
            .step_by(every)
            .filter(|(_, mark)| mark.x <= last_x)
        {
            let (year, month, _) = column.start.ymd();
            root.draw(&Text::new(
                format!("{year}-{month:02}"),
                (mark.x as i32, (HEIGHT - BOTTOM + 6) as i32),
                small.clone(),
            ))
            .map_err(fail)?;
        }
        if let (Some(first), Some(last)) = (self.columns.first(), self.columns.last()) {
            let span = f64::from((last.end_exclusive.0 - first.start.0).max(1));
            for milestone in &self.milestones {
                let offset = f64::from(milestone.day.0 - first.start.0);
                if !(0.0..=span).contains(&offset) {
                    continue;
                }
                let x = (f64::from(LEFT) + plot_width * offset / span) as i32;
                root.draw(&PathElement::new(
                    [(x, TOP as i32), (x, (HEIGHT - BOTTOM) as i32)],
                    RGBColor(164, 22, 26).stroke_width(1),
                ))
                .map_err(fail)?;
                root.draw(&Text::new(
                    milestone.number.to_string(),
                    (x + 2, (TOP - 16) as i32),
                    TextStyle::from(("sans-serif", font_size(12.0)).into_font())
                        .color(&RGBColor(164, 22, 26)),
                ))
                .map_err(fail)?;
            }
        }
        Ok(())
    }
}

/// Rounds a maximum up to 1, 2 or 5 times a power of ten so grid lines fall on round values.
pub fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let magnitude = 10_f64.powf(value.log10().floor());
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if value <= factor * magnitude {
            return factor * magnitude;
        }
    }
    10.0 * magnitude
}

/// Which column a horizontal position (a fraction 0..1 of the chart's `width`) falls in.
pub fn column_at(fraction: f64, columns: usize, width: u32) -> Option<usize> {
    if columns == 0 {
        return None;
    }
    let width = width.max(MIN_WIDTH);
    let x = fraction * f64::from(width) - f64::from(LEFT);
    let plot_width = f64::from(width - LEFT - RIGHT);
    let index = (x / plot_width * columns as f64).floor();
    Some(index.clamp(0.0, (columns - 1) as f64) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg;

    fn draw(
        columns: &[Column],
        milestones: &[Milestone],
        y_label: &str,
    ) -> Result<super::super::Drawn, String> {
        svg::draw(&TimelineChart::new(
            columns.to_vec(),
            milestones.to_vec(),
            y_label,
        ))
    }

    fn column(month: u32, value: f64, imprecise: f64) -> Column {
        let start = Day::from_ymd(2019, month, 1).unwrap_or_default();
        Column {
            start,
            end_exclusive: start.next_month_start(),
            segments: vec![(0, value)],
            imprecise,
        }
    }

    #[test]
    fn one_mark_per_column_across_the_plot() {
        let columns: Vec<Column> = (1..=12).map(|m| column(m, f64::from(m), 0.0)).collect();
        let Ok(drawn) = draw(&columns, &[], "events") else {
            panic!("draw")
        };
        assert_eq!(drawn.marks.len(), 12);
        let last = drawn.marks[11];
        assert!((last.x + last.width - f64::from(WIDTH - RIGHT)).abs() < 1e-6);
    }

    #[test]
    fn hatching_appears_only_with_imprecise_dates() {
        let Ok(plain) = draw(&[column(1, 5.0, 0.0)], &[], "events") else {
            panic!("draw")
        };
        let Ok(hatched) = draw(&[column(1, 5.0, 2.0)], &[], "events") else {
            panic!("draw")
        };
        assert!(!plain.svg.contains("url(#imprecise)"));
        assert!(hatched.svg.contains("fill=\"url(#imprecise)\""));
        assert!(
            !hatched.svg.contains("#010203"),
            "the marker colour never reaches the page"
        );
        assert_eq!(hatched.svg.matches("<pattern").count(), 1);
    }

    #[test]
    fn nice_ceilings_and_positions() {
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(180.0), 200.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(column_at(0.0, 10, WIDTH), Some(0));
        assert_eq!(column_at(1.0, 10, WIDTH), Some(9));
        assert_eq!(column_at(0.5, 0, WIDTH), None);
        // The middle of the plot is the middle column at any width.
        for width in [640, 960, 1100] {
            let middle =
                (f64::from(LEFT) + f64::from(width - LEFT - RIGHT) * 0.55) / f64::from(width);
            assert_eq!(column_at(middle, 10, width), Some(5), "{width}");
        }
    }

    #[test]
    fn tick_labels_stay_inside_the_chart() {
        // 100 weeks from 2019: the last column's tick would not fit at the right edge.
        let first = Day::from_ymd(2019, 1, 7).unwrap_or_default();
        let columns: Vec<Column> = (0..100)
            .map(|week| Column {
                start: Day(first.0 + 7 * week),
                end_exclusive: Day(first.0 + 7 * week + 7),
                segments: vec![(0, 1.0)],
                imprecise: 0.0,
            })
            .collect();
        for width in [640, 960, 1013] {
            let chart = TimelineChart::laid_out(columns.clone(), Vec::new(), "events", width);
            let Ok(drawn) = svg::draw(&chart) else {
                panic!("draw")
            };
            let ticks: Vec<&str> = drawn
                .svg
                .split("<text")
                .skip(1)
                .filter(|t| {
                    let content = t.split('>').nth(1).unwrap_or_default().trim_start();
                    content.starts_with("2019-") || content.starts_with("2020-")
                })
                .collect();
            assert!(ticks.len() > 5, "{width}");
            for tick in ticks {
                let x: f64 = tick
                    .split("x=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .and_then(|x| x.parse().ok())
                    .unwrap_or(f64::MAX);
                assert!(x + TICK_WIDTH <= f64::from(width), "{width}: a tick at {x}");
            }
        }
    }

    #[test]
    fn laid_out_at_the_width_shown() {
        let columns: Vec<Column> = (1..=12).map(|m| column(m, f64::from(m), 0.0)).collect();
        let chart = TimelineChart::laid_out(columns, Vec::new(), "events", 1100);
        assert_eq!(chart.size(), (1100, HEIGHT));
        let last = chart.marks()[11];
        assert!((last.x + last.width - f64::from(1100 - RIGHT)).abs() < 1e-6);
        // Never narrower than its least width; a download is WIDTH wide.
        assert_eq!(chart.at_width(300).size().0, MIN_WIDTH);
        assert_eq!(chart.at_width(WIDTH).size().0, WIDTH);
    }
}
