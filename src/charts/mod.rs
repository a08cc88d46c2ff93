//! Chart drawing with plotters, from numbers the core computed. Each chart is a value that knows
//! its size and the boxes of its marks (pure geometry, tested natively) and paints itself on any
//! plotters backend: the page paints on a canvas, which costs no DOM, and downloads and tests use
//! the SVG backend, which also proves that labels from data are escaped.

pub mod bar_chart;
pub mod map_chart;
pub mod palette;
pub mod svg;
pub mod timeline_chart;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// Plotters' font size is this many times the size in pixels that its SVG backend gives the
/// text (the canvas backend sizes text the same way, so downloads look the same).
pub const FONT_SCALE: f64 = 1.24;

/// The plotters font size of text `px` pixels tall (CSS pixels, for a chart laid out 1:1).
pub fn font_size(px: f64) -> f64 {
    px * FONT_SCALE
}

/// A rectangle in chart pixel coordinates, for hit targets laid over a chart.
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

/// A chart laid out and ready to paint.
pub trait Chart {
    /// Width and height in chart pixels.
    fn size(&self) -> (u32, u32);
    /// One box per interactive item (bar or column), in input order.
    fn marks(&self) -> &[Mark];
    /// Paints the chart on `root`, which has [`Chart::size`].
    fn paint<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), String>;
}
