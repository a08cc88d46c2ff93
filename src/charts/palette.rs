//! Colours shared by the charts and the legends, chosen to stay distinguishable for the common
//! colour-vision deficiencies (Okabe-Ito first, then Tableau tones).

use plotters::style::RGBColor;

pub const SERIES: [RGBColor; 12] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(240, 228, 66),
    RGBColor(117, 112, 179),
    RGBColor(166, 118, 29),
    RGBColor(102, 166, 30),
    RGBColor(231, 41, 138),
    RGBColor(120, 120, 120),
];

pub const BAR: RGBColor = RGBColor(0, 114, 178);
pub const BAR_SELECTED: RGBColor = RGBColor(213, 94, 0);
pub const AXIS: RGBColor = RGBColor(60, 60, 60);

/// The colour of series `index`, cycling.
pub fn series(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// CSS form of a colour, for legends drawn in HTML.
pub fn css(color: RGBColor) -> String {
    format!("rgb({},{},{})", color.0, color.1, color.2)
}

/// A colour no series uses: the charts paint areas to hatch with it, and each backend swaps in
/// its own hatching (an SVG pattern, or lines on the canvas).
pub const HATCH_MARKER: RGBColor = RGBColor(1, 2, 3);
