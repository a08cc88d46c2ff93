//! SVG output of any chart, for downloads and native tests: plotters' SVG backend, then the one
//! thing it cannot draw, the hatch pattern for imprecisely dated values, swapped in for the
//! marker colour the charts paint those areas with.

use plotters::prelude::*;

use super::{palette, Chart, Drawn};

/// The chart as SVG text, with its marks.
pub fn draw<C: Chart>(chart: &C) -> Result<Drawn, String> {
    let (width, height) = chart.size();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        chart.paint(&root)?;
        root.present().map_err(|error| error.to_string())?;
    }
    Ok(Drawn {
        svg: with_hatching(&svg),
        width,
        height,
        marks: chart.marks().to_vec(),
    })
}

/// Replaces the marker fill with a diagonal-line pattern defined once in the SVG, rather than
/// thousands of drawn lines.
fn with_hatching(svg: &str) -> String {
    const DEFS: &str = "<defs><pattern id=\"imprecise\" width=\"5\" height=\"5\" \
        patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
        <rect width=\"5\" height=\"5\" fill=\"white\" fill-opacity=\"0.55\"/>\
        <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#505050\" stroke-width=\"1.5\"/>\
        </pattern></defs>";
    let marker = format!(
        "fill=\"#{:02X}{:02X}{:02X}\"",
        palette::HATCH_MARKER.0,
        palette::HATCH_MARKER.1,
        palette::HATCH_MARKER.2
    );
    if !svg.contains(&marker) {
        return svg.to_string();
    }
    let marked = svg.replace(&marker, "fill=\"url(#imprecise)\"");
    match marked.find('>') {
        Some(end) => format!("{}{DEFS}{}", &marked[..=end], &marked[end + 1..]),
        None => marked,
    }
}
