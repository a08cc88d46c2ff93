//! The timeline: one stacked column per week or month, coloured by actor, with the share that
//! comes from events dated only to a month, a year or a longer period drawn hatched on top, so a
//! reader can tell a precise spike from a spread-out estimate. Agreements and ceasefires are
//! numbered markers, lines across the plot while they are few and short ticks at its top when
//! they are many (a reader's own file can hold thousands); the legend under the chart names
//! them.

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
/// The least width of a column laid out for a finger (CSS pixels), and the widest the
/// timeline is laid out for one: the box scrolls sideways to reach the rest.
pub const TOUCH_COLUMN: u32 = 16;
pub const MAX_TOUCH_WIDTH: u32 = 6000;
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

    /// The milestones' numbered labels as drawn: one per group of markers too close to be
    /// labelled apart, never overlapping, inside the chart.
    pub fn marker_labels(&self) -> Vec<MarkerLabel> {
        let (Some(first), Some(last)) = (self.columns.first(), self.columns.last()) else {
            return Vec::new();
        };
        let plot_width = f64::from(self.width - LEFT - RIGHT);
        let span = f64::from((last.end_exclusive.0 - first.start.0).max(1));
        let markers: Vec<(f64, usize)> = self
            .milestones
            .iter()
            .filter_map(|milestone| {
                let offset = f64::from(milestone.day.0 - first.start.0);
                (0.0..=span).contains(&offset).then(|| {
                    (
                        f64::from(LEFT) + plot_width * offset / span,
                        milestone.number,
                    )
                })
            })
            .collect();
        lay_out_markers(&markers, f64::from(self.width))
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
        // Horizontal grid and value labels at equal steps of the (rounded) maximum.
        let divisions = grid_divisions(self.max);
        for step in 0..=divisions {
            let value = self.max * f64::from(step) / f64::from(divisions);
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
        let red = RGBColor(164, 22, 26);
        let marker_text = TextStyle::from(("sans-serif", font_size(12.0)).into_font()).color(&red);
        let labels = self.marker_labels();
        let (lines, reach) = marker_lines(&labels, plot_width);
        let bottom = match reach {
            MarkerReach::Plot => HEIGHT - BOTTOM,
            MarkerReach::Tick => TOP + MARKER_TICK,
        } as i32;
        for x in lines {
            root.draw(&PathElement::new(
                [(x, TOP as i32), (x, bottom)],
                red.stroke_width(1),
            ))
            .map_err(fail)?;
        }
        for label in labels {
            root.draw(&Text::new(
                label.text.clone(),
                ((label.x + MARKER_PAD) as i32, (TOP - 16) as i32),
                marker_text.clone(),
            ))
            .map_err(fail)?;
        }
        Ok(())
    }
}

/// How far the milestones' lines reach down from the top of the plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerReach {
    /// Across the whole plot: the lines are few enough to leave the columns readable.
    Plot,
    /// A tick of [`MARKER_TICK`] pixels: across the plot they would hide the columns.
    Tick,
}

/// The least plot width (chart pixels) each line needs for the lines to cross the whole plot:
/// the bundled collections' sixteen agreements do, even at the least width.
const ROOM_PER_LINE: f64 = 24.0;
/// The length of a marker's tick, in chart pixels, when the lines are too many to cross the plot.
pub const MARKER_TICK: u32 = 8;

/// The whole-pixel x of every line of `labels` (chart pixels, left to right, each pixel once:
/// thousands of milestones draw at most one line per pixel column), and how far the lines reach
/// on a plot `plot_width` pixels wide.
pub fn marker_lines(labels: &[MarkerLabel], plot_width: f64) -> (Vec<i32>, MarkerReach) {
    let mut lines: Vec<i32> = labels
        .iter()
        .flat_map(|label| label.lines.iter().map(|&x| x.round() as i32))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let reach = if lines.len() as f64 * ROOM_PER_LINE <= plot_width {
        MarkerReach::Plot
    } else {
        MarkerReach::Tick
    };
    (lines, reach)
}

/// Room one character of a marker's 12 px label takes, and the space either side of it.
const MARKER_CHAR: f64 = 7.5;
const MARKER_PAD: f64 = 2.0;

/// One numbered label over the timeline: the numbers of the milestones it stands for ("3" or
/// "3–5"), the box it takes (left edge and width, chart pixels) and each milestone's line.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerLabel {
    pub text: String,
    pub x: f64,
    pub width: f64,
    pub lines: Vec<f64>,
}

/// Numbers milestones 1, 2, 3... in date order (ties by their row), the numbers the chart's
/// markers and the list under it share. Takes (first day, row); gives (number, first day, row).
pub fn number_by_date(mut milestones: Vec<(Day, u32)>) -> Vec<(usize, Day, u32)> {
    milestones.sort_by_key(|&(day, row)| (day.0, row));
    milestones
        .into_iter()
        .enumerate()
        .map(|(i, (day, row))| (i + 1, day, row))
        .collect()
}

/// Lays out the labels of markers at (x, number), in a chart `width` wide: markers whose labels
/// would touch share one label naming their numbers, so no two labels overlap, and a label
/// near the right edge is moved left to stay inside. The numbers are distinct (as
/// [`number_by_date`] gives them). Time grows with the markers, not with their square: a
/// reader's own file can hold thousands of agreements.
pub fn lay_out_markers(markers: &[(f64, usize)], width: f64) -> Vec<MarkerLabel> {
    let mut sorted = markers.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut groups: Vec<MarkerGroup> = Vec::new();
    for marker in sorted {
        groups.push(MarkerGroup::of(marker));
        // Merging can make a label wider, or push it left at the edge: merge until none touch.
        while let [.., before, after] = groups.as_slice() {
            let (left, right) = (before.label_box(width), after.label_box(width));
            if left.0 + left.1 <= right.0 {
                break;
            }
            if let Some(last) = groups.pop() {
                if let Some(previous) = groups.last_mut() {
                    previous.absorb(last);
                }
            }
        }
    }
    groups
        .iter()
        .map(|group| {
            let (x, box_width) = group.label_box(width);
            MarkerLabel {
                text: label_text(&group.markers),
                x,
                width: box_width,
                lines: group.markers.iter().map(|&(x, _)| x).collect(),
            }
        })
        .collect()
}

/// Markers that share one label, labelled from the first: their (x, number) in x order, with
/// what the length of their label's text needs, kept as they merge.
struct MarkerGroup {
    markers: Vec<(f64, usize)>,
    least: usize,
    most: usize,
    /// The digits of all the numbers.
    digits: usize,
}

impl MarkerGroup {
    fn of(marker: (f64, usize)) -> MarkerGroup {
        MarkerGroup {
            markers: vec![marker],
            least: marker.1,
            most: marker.1,
            digits: digits(marker.1),
        }
    }

    /// Takes in the markers of the group to the right of this one.
    fn absorb(&mut self, other: MarkerGroup) {
        self.least = self.least.min(other.least);
        self.most = self.most.max(other.most);
        self.digits += other.digits;
        self.markers.extend(other.markers);
    }

    /// The characters of [`label_text`] of the group, without writing it.
    fn text_chars(&self) -> usize {
        let count = self.markers.len();
        if count == 1 {
            self.digits
        } else if self.most - self.least + 1 == count {
            digits(self.least) + 1 + digits(self.most)
        } else {
            self.digits + count - 1
        }
    }

    /// The (left, width) of the group's label: from its first marker, kept inside the chart.
    fn label_box(&self, width: f64) -> (f64, f64) {
        let box_width = self.text_chars() as f64 * MARKER_CHAR + 2.0 * MARKER_PAD;
        let x = self.markers.first().map_or(0.0, |&(x, _)| x);
        (x.min(width - box_width).max(0.0), box_width)
    }
}

/// How many decimal digits `number` is written with.
fn digits(number: usize) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// A group's numbers: "3", "3–5" when they run on, else "3,7".
fn label_text(group: &[(f64, usize)]) -> String {
    let mut numbers: Vec<usize> = group.iter().map(|&(_, n)| n).collect();
    numbers.sort_unstable();
    match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) if first != last => {
            if numbers.windows(2).all(|w| w[1] == w[0] + 1) {
                format!("{first}\u{2013}{last}")
            } else {
                numbers
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            }
        }
        (Some(first), _) => first.to_string(),
        _ => String::new(),
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

/// How many equal steps the grid divides `max` (a [`nice_ceiling`]) into, so that each step
/// is a round number: 4 for a maximum of 2, 20, 200 (steps of 0.5, 5, 50), 5 for 1, 2.5, 5 and
/// their tens (steps of 0.2, 0.5, 1, 2, 5, 10): a count of 25 events is marked 5, 10, 15, 20
/// rather than 6.3 and 18.8.
pub fn grid_divisions(max: f64) -> u32 {
    if max <= 0.0 || !max.is_finite() {
        return 4;
    }
    let leading = max / 10_f64.powf(max.log10().floor());
    if (leading - 2.0).abs() < 1e-9 {
        4
    } else {
        5
    }
}

/// The width at which `columns` columns are each at least [`TOUCH_COLUMN`] wide (at most
/// [`MAX_TOUCH_WIDTH`]): by touch, the timeline is laid out at least this wide and scrolled.
pub fn touch_width(columns: usize) -> u32 {
    let columns = u32::try_from(columns).unwrap_or(u32::MAX);
    columns
        .saturating_mul(TOUCH_COLUMN)
        .saturating_add(LEFT + RIGHT)
        .min(MAX_TOUCH_WIDTH)
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
    fn grid_steps_are_round_numbers() {
        for max in [
            1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 200.0, 250.0, 5_000.0,
        ] {
            let divisions = grid_divisions(max);
            let step = max / f64::from(divisions);
            // One significant digit: 0.2, 0.5, 1, 2, 5, 10, 50...
            let leading = step / 10_f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|d| (leading - d).abs() < 1e-9),
                "{max}: {step}"
            );
            assert!((4..=5).contains(&divisions));
        }
        assert_eq!(grid_divisions(25.0), 5);
        for value in [7.0, 24.4, 180.0, 0.3, 3_333.0] {
            assert!(nice_ceiling(value) >= value);
        }
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
    fn milestones_are_numbered_in_date_order() {
        let day = |m| Day::from_ymd(2018, m, 1).unwrap_or_default();
        // Rows in an order unlike their dates, as the table holds them.
        let numbered = number_by_date(vec![(day(9), 4), (day(2), 7), (day(5), 1), (day(2), 3)]);
        let rows: Vec<u32> = numbered.iter().map(|&(_, _, row)| row).collect();
        assert_eq!(rows, [3, 7, 1, 4]);
        let numbers: Vec<usize> = numbered.iter().map(|&(n, _, _)| n).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert!(numbered.windows(2).all(|w| w[0].1 <= w[1].1));
    }

    #[test]
    fn marker_labels_never_overlap() {
        // Sixteen agreements over 2016–2019, bunched as the bundled ones are (several in a
        // few weeks of 2017), at the width a phone lays out (375 px: the least width) and a
        // desktop's.
        let columns: Vec<Column> = (0..48)
            .map(|i| {
                let start =
                    Day::from_ymd(2016 + i / 12, (i % 12) as u32 + 1, 1).unwrap_or_default();
                Column {
                    start,
                    end_exclusive: start.next_month_start(),
                    segments: vec![(0, 1.0)],
                    imprecise: 0.0,
                }
            })
            .collect();
        let days = [
            (2016, 2, 27),
            (2016, 9, 12),
            (2016, 12, 30),
            (2017, 1, 24),
            (2017, 2, 16),
            (2017, 3, 15),
            (2017, 5, 4),
            (2017, 5, 6),
            (2017, 7, 9),
            (2017, 7, 22),
            (2017, 8, 3),
            (2017, 9, 15),
            (2018, 1, 30),
            (2018, 9, 17),
            (2019, 8, 1),
            (2019, 12, 31),
        ];
        let numbered = number_by_date(
            days.iter()
                .enumerate()
                .rev()
                .map(|(row, &(y, m, d))| (Day::from_ymd(y, m, d).unwrap_or_default(), row as u32))
                .collect(),
        );
        let milestones: Vec<Milestone> = numbered
            .iter()
            .map(|&(number, day, _)| Milestone { day, number })
            .collect();
        for width in [375, 1440] {
            let chart =
                TimelineChart::laid_out(columns.clone(), milestones.clone(), "events", width);
            let labels = chart.marker_labels();
            let chart_width = f64::from(chart.size().0);
            // Every milestone keeps its line, and its number is in one label.
            assert_eq!(
                labels.iter().map(|l| l.lines.len()).sum::<usize>(),
                days.len()
            );
            for pair in labels.windows(2) {
                assert!(
                    pair[0].x + pair[0].width <= pair[1].x,
                    "{width}: {:?} overlaps {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for label in &labels {
                assert!(
                    label.x >= 0.0 && label.x + label.width <= chart_width,
                    "{width}: {label:?}"
                );
            }
            // Left to right is first to last.
            let firsts: Vec<usize> = labels
                .iter()
                .filter_map(|l| l.text.split(['\u{2013}', ',']).next()?.parse().ok())
                .collect();
            assert!(
                firsts.windows(2).all(|w| w[0] < w[1]),
                "{width}: {firsts:?}"
            );
            assert_eq!(firsts.first(), Some(&1));
        }
        // Far apart, each marker has its own label.
        let apart = lay_out_markers(&[(300.0, 2), (100.0, 1)], 640.0);
        assert_eq!(
            apart.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            ["1", "2"]
        );
        // Close together, one label names both.
        let close = lay_out_markers(&[(100.0, 1), (104.0, 2), (109.0, 3)], 640.0);
        assert_eq!(close.len(), 1);
        assert_eq!(close[0].text, "1\u{2013}3");
    }

    #[test]
    fn many_milestones_are_ticks_each_pixel_drawn_once() {
        let columns: Vec<Column> = (1..=12).map(|m| column(m, f64::from(m), 0.0)).collect();
        let milestones = |count: usize| -> Vec<Milestone> {
            (0..count)
                .map(|i| Milestone {
                    day: Day(columns[0].start.0 + (i * 364 / count) as i32),
                    number: i + 1,
                })
                .collect()
        };
        let plot_width = f64::from(WIDTH - LEFT - RIGHT);
        let red_lines = |svg: &str| svg.matches("stroke=\"#A4161A\"").count();
        for (count, reach) in [(16, MarkerReach::Plot), (5_000, MarkerReach::Tick)] {
            let chart = TimelineChart::new(columns.clone(), milestones(count), "events");
            let labels = chart.marker_labels();
            let (lines, drawn_reach) = marker_lines(&labels, plot_width);
            assert_eq!(drawn_reach, reach, "{count} milestones");
            // Every milestone's pixel has its line, once.
            let mut expected: Vec<i32> = labels
                .iter()
                .flat_map(|label| label.lines.iter().map(|x| x.round() as i32))
                .collect();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(lines, expected);
            assert!(lines.len() <= count && lines.len() as f64 <= plot_width + 1.0);
            let Ok(drawn) = svg::draw(&chart) else {
                panic!("draw")
            };
            assert_eq!(red_lines(&drawn.svg), lines.len(), "{count} milestones");
            // A tick stays in the top of the plot; a line reaches its bottom.
            let bottom = match reach {
                MarkerReach::Plot => HEIGHT - BOTTOM,
                MarkerReach::Tick => TOP + MARKER_TICK,
            };
            let first = format!("points=\"{0},{TOP} {0},{bottom} \"", lines[0]);
            assert!(drawn.svg.contains(&first), "{count}: no {first}");
        }
    }

    #[test]
    fn a_groups_label_length_is_known_without_writing_it() {
        let groups: [&[usize]; 6] = [
            &[7],
            &[0],
            &[9, 10, 11],
            &[98, 99, 100, 101],
            &[3, 7, 12],
            &[1000, 5, 6],
        ];
        for numbers in groups {
            let mut markers = numbers.iter().map(|&n| (f64::from(n as u32), n));
            let Some(first) = markers.next() else {
                continue;
            };
            let mut group = MarkerGroup::of(first);
            for marker in markers {
                group.absorb(MarkerGroup::of(marker));
            }
            let text = label_text(&group.markers);
            assert_eq!(group.text_chars(), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn laid_out_at_the_width_shown() {
        let columns: Vec<Column> = (1..=12).map(|m| column(m, f64::from(m), 0.0)).collect();
        let chart = TimelineChart::laid_out(columns, Vec::new(), "events", 1100);
        assert_eq!(chart.size(), (1100, HEIGHT));
        let last = chart.marks()[11];
        assert!((last.x + last.width - f64::from(1100 - RIGHT)).abs() < 1e-6);
        // By touch, wide enough for a finger's columns, within reason.
        assert_eq!(touch_width(100), 100 * TOUCH_COLUMN + LEFT + RIGHT);
        assert_eq!(touch_width(100_000), MAX_TOUCH_WIDTH);
        // Never narrower than its least width; a download is WIDTH wide.
        assert_eq!(chart.at_width(300).size().0, MIN_WIDTH);
        assert_eq!(chart.at_width(WIDTH).size().0, WIDTH);
    }
}
