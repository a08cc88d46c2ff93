//! What the map shows, computed from the filtered rows: a value per governorate for the
//! choropleth, points binned into grid cells so dense areas stay readable, and counts of the
//! events known only to a governorate (or coarser), which are never drawn as fake points.
//! Milestones (agreements, political events) are not incidents and are left off the map.
//! Also the projection: longitude scaled by cos(latitude) so Syria is not stretched.

use super::aggregate::{Metric, Values};
use super::geo::Polygons;
use super::table::EventTable;
use super::vocab::Governorate;

/// An equirectangular projection fitted to a box: x grows east, y grows south, and one degree
/// of longitude is `cos(latitude)` times one degree of latitude at the box's middle latitude.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat1: f64,
    scale: f64,
    aspect: f64,
    left: f64,
    top: f64,
}

impl Projection {
    /// Fits `bounds` (min lon, min lat, max lon, max lat) into `width` × `height` pixels with
    /// `padding` on each side, centred, keeping proportions.
    pub fn fit(bounds: (f64, f64, f64, f64), width: f64, height: f64, padding: f64) -> Projection {
        let (lon0, lat0, lon1, lat1) = bounds;
        let aspect = ((lat0 + lat1) / 2.0).to_radians().cos();
        let span_x = ((lon1 - lon0) * aspect).max(1e-9);
        let span_y = (lat1 - lat0).max(1e-9);
        let scale = ((width - 2.0 * padding) / span_x).min((height - 2.0 * padding) / span_y);
        let left = (width - span_x * scale) / 2.0;
        let top = (height - span_y * scale) / 2.0;
        Projection {
            lon0,
            lat1,
            scale,
            aspect,
            left,
            top,
        }
    }

    /// Pixel position of a point.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.left + (lon - self.lon0) * self.aspect * self.scale,
            self.top + (self.lat1 - lat) * self.scale,
        )
    }

    /// Pixels per degree of latitude.
    pub fn scale(&self) -> f64 {
        self.scale
    }
}

/// A grid cell of located events.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Mean position of the events in the cell.
    pub lon: f64,
    pub lat: f64,
    pub events: u32,
    pub value: f64,
}

/// Everything the map draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapLayers {
    /// Metric value of the events touching each governorate (`Governorate::ALL` order).
    pub by_governorate: Vec<f64>,
    /// Events per governorate located only to the district, governorate or region: drawn as
    /// a count on the governorate, not as points.
    pub area_only: Vec<u32>,
    pub cells: Vec<Cell>,
    /// Events with neither a point nor a governorate (country-level, or outside any).
    pub unplaced: u32,
}

/// Grid size of the point layer, in degrees (about 10 km): fine enough to tell towns apart,
/// coarse enough that a dense front line stays readable.
pub const CELL_DEGREES: f64 = 0.1;

/// Builds the layers for `rows` under `metric`.
pub fn map_layers(table: &EventTable, rows: &[u32], metric: Metric) -> MapLayers {
    let governorates = Governorate::ALL.len();
    let mut layers = MapLayers {
        by_governorate: vec![0.0; governorates],
        area_only: vec![0; governorates],
        cells: Vec::new(),
        unplaced: 0,
    };
    let mut cells: std::collections::HashMap<(i32, i32), (f64, f64, u32, f64)> =
        std::collections::HashMap::new();
    let values = Values::new(table, metric);
    for &row in rows {
        let row = row as usize;
        // Milestones (agreements, political events) are not incidents: not on the map either.
        if values.is_milestone(row) {
            continue;
        }
        let value = values.at(row);
        let mask = table.governorates.get(row).copied().unwrap_or(0);
        for (index, total) in layers.by_governorate.iter_mut().enumerate() {
            if mask & (1 << index) != 0 {
                *total += value;
            }
        }
        let lat = f64::from(table.lat.get(row).copied().unwrap_or(f32::NAN));
        let lon = f64::from(table.lon.get(row).copied().unwrap_or(f32::NAN));
        if lat.is_finite() && lon.is_finite() {
            let key = (
                (lon / CELL_DEGREES).floor() as i32,
                (lat / CELL_DEGREES).floor() as i32,
            );
            let cell = cells.entry(key).or_insert((0.0, 0.0, 0, 0.0));
            cell.0 += lon;
            cell.1 += lat;
            cell.2 += 1;
            cell.3 += value;
        } else if mask == 0 {
            layers.unplaced += 1;
        } else {
            for (index, count) in layers.area_only.iter_mut().enumerate() {
                if mask & (1 << index) != 0 {
                    *count += 1;
                }
            }
        }
    }
    layers.cells = cells
        .into_values()
        .map(|(lon, lat, events, value)| Cell {
            lon: lon / f64::from(events),
            lat: lat / f64::from(events),
            events,
            value,
        })
        .collect();
    // Big circles first, so small ones stay visible on top; ties by position for stable output.
    layers.cells.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then(a.lon.total_cmp(&b.lon))
            .then(a.lat.total_cmp(&b.lat))
    });
    layers
}

/// SVG path data (`M x y L ... Z`) of each governorate, in `Governorate::ALL` order; missing
/// governorates get an empty path.
pub fn governorate_paths(polygons: &Polygons, projection: &Projection) -> Vec<String> {
    Governorate::ALL
        .iter()
        .map(|governorate| {
            let Some(area) = polygons.areas.iter().find(|a| a.name == governorate.id()) else {
                return String::new();
            };
            let mut path = String::new();
            for ring in area.polygons.iter().flatten() {
                for (index, &(lon, lat)) in ring.iter().enumerate() {
                    let (x, y) = projection.project(lon, lat);
                    let command = if index == 0 { 'M' } else { 'L' };
                    path.push_str(&format!("{command}{x:.1} {y:.1}"));
                }
                path.push('Z');
            }
            path
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longitude_is_scaled_by_the_cosine_of_latitude() {
        // A box one degree wide and one tall around latitude 60: cos(60°) = 0.5, so it maps to a
        // rectangle half as wide as it is tall.
        let projection = Projection::fit((10.0, 59.5, 11.0, 60.5), 1000.0, 1000.0, 0.0);
        let (x0, y0) = projection.project(10.0, 60.5);
        let (x1, y1) = projection.project(11.0, 59.5);
        let ratio = (x1 - x0) / (y1 - y0);
        assert!((ratio - 0.5).abs() < 1e-3, "width/height {ratio}");
    }

    #[test]
    fn syria_fits_inside_the_frame_and_north_is_up() {
        let text = include_str!("../../data/geo/syria_governorates.geojson");
        let Ok(polygons) = Polygons::from_geojson(text) else {
            panic!("parse")
        };
        let bounds = polygons.bounds();
        let projection = Projection::fit(bounds, 600.0, 500.0, 10.0);
        for area in &polygons.areas {
            for &(lon, lat) in area.polygons.iter().flatten().flatten() {
                let (x, y) = projection.project(lon, lat);
                assert!(
                    (9.9..=590.1).contains(&x) && (9.9..=490.1).contains(&y),
                    "{x},{y}"
                );
            }
        }
        let (_, aleppo_y) = projection.project(37.16, 36.2);
        let (_, daraa_y) = projection.project(36.1, 32.62);
        assert!(
            aleppo_y < daraa_y,
            "Aleppo (north) is drawn above Daraa (south)"
        );
        let paths = governorate_paths(&polygons, &projection);
        assert_eq!(paths.len(), 14);
        assert!(paths.iter().all(|p| p.starts_with('M') && p.ends_with('Z')));
    }
}
