//! Chart drawing: plotters renders SVG strings from numbers the core computed, natively, so the
//! geometry and the escaping of labels are tested without a browser. Each chart also returns the
//! boxes of its marks, which the UI turns into focusable, clickable, hoverable targets.

pub mod bar_chart;
pub mod map_chart;
pub mod palette;
pub mod timeline_chart;

/// A rectangle in SVG pixel coordinates, for hit targets laid over a chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A drawn chart: its SVG text and the mark of each input item, in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub marks: Vec<Mark>,
}
