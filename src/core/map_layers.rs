//! What the map shows, computed from the filtered rows: a value per governorate for the
//! choropleth, points binned into grid cells so dense areas stay readable, and counts of the
//! events known only to a governorate (or coarser), which are never drawn as fake points.
//! Milestones (agreements, political events) are not incidents and are left off the map.
//! Also the projection: longitude scaled by cos(latitude) so Syria is not stretched.

use super::aggregate::{for_bits, Metric, Values};
use super::baseline::{sum_rows, Reduce};
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

/// Each row's grid cell, found once per table, so that the map of a filter change is an
/// array lookup per row rather than a hash of its coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapCells {
    /// Per row, its cell's index in `keys`; [`MapCells::NONE`] for a row with no point (its
    /// latitude or longitude NaN).
    pub of_row: Vec<u32>,
    /// The distinct cells, as (column, row) of the grid: `floor(lon / CELL_DEGREES)`,
    /// `floor(lat / CELL_DEGREES)`, in order of first appearance.
    pub keys: Vec<(i32, i32)>,
}

impl MapCells {
    /// [`MapCells::of_row`]'s value for a row with no point.
    pub const NONE: u32 = u32::MAX;

    /// The cells of the points `lat[i]`, `lon[i]` (degrees; NaN for none).
    pub fn new(lat: &[f32], lon: &[f32]) -> MapCells {
        let mut index: rustc_hash::FxHashMap<(i32, i32), u32> = Default::default();
        let mut cells = MapCells::default();
        for (&lat, &lon) in lat.iter().zip(lon) {
            let (lat, lon) = (f64::from(lat), f64::from(lon));
            if !(lat.is_finite() && lon.is_finite()) {
                cells.of_row.push(Self::NONE);
                continue;
            }
            let key = (
                (lon / CELL_DEGREES).floor() as i32,
                (lat / CELL_DEGREES).floor() as i32,
            );
            let next = u32::try_from(cells.keys.len()).unwrap_or(Self::NONE);
            let cell = *index.entry(key).or_insert_with(|| {
                cells.keys.push(key);
                next
            });
            cells.of_row.push(cell);
        }
        cells
    }

    /// Adds the cells of rows after these: afterwards these are the cells
    /// [`MapCells::new`] finds for these rows then `other`'s. Each of `other`'s cells is
    /// looked up once, not each row.
    pub fn append(&mut self, other: &MapCells) {
        let mut index: rustc_hash::FxHashMap<(i32, i32), u32> = self
            .keys
            .iter()
            .enumerate()
            .map(|(cell, &key)| (key, u32::try_from(cell).unwrap_or(Self::NONE)))
            .collect();
        let cells: Vec<u32> = other
            .keys
            .iter()
            .map(|&key| {
                let next = u32::try_from(self.keys.len()).unwrap_or(Self::NONE);
                *index.entry(key).or_insert_with(|| {
                    self.keys.push(key);
                    next
                })
            })
            .collect();
        self.of_row.reserve_exact(other.of_row.len());
        self.of_row.extend(
            other
                .of_row
                .iter()
                .map(|&cell| cells.get(cell as usize).copied().unwrap_or(Self::NONE)),
        );
    }

    /// Whether these are the cells of every row of `table` (a table built column by column
    /// may not have them).
    pub fn cover(&self, table: &EventTable) -> bool {
        self.of_row.len() == table.len()
    }
}

/// The map's sums over some rows: what [`MapLayers`] is made of, in integers so that a
/// filter's sums can be the whole table's less the rows it fails
/// ([`crate::core::baseline`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapSums {
    by_governorate: Vec<u64>,
    area_only: Vec<u32>,
    /// Per cell of the [`MapCells`] summed by: longitude and latitude summed in units of
    /// [`POSITION_UNIT`], events, value.
    cells: Vec<(i64, i64, u32, u64)>,
    unplaced: u32,
}

/// The unit a cell's positions are summed in, in degrees: 2^-23, the spacing of single
/// precision numbers between 1 and 2 degrees, so every stored point from 1 to 256 degrees is
/// a whole number of units and its sum exact.
pub const POSITION_UNIT: f64 = 1.0 / 8_388_608.0;

/// `degrees` as a whole number of [`POSITION_UNIT`] (0 for NaN), rounding halves to even:
/// one machine instruction, where rounding them away from zero is a library call.
fn units(degrees: f32) -> i64 {
    (f64::from(degrees) / POSITION_UNIT).round_ties_even() as i64
}

/// The map's reducer over the rows of `table`, placing points by `cells`.
pub struct MapOf<'a> {
    table: &'a EventTable,
    cells: &'a MapCells,
    values: Values<'a>,
    /// Whether rows are added to the governorates' values, or these come from elsewhere
    /// (the bar charts' sums per key: [`crate::core::baseline::Baseline::map_layers`]).
    by_governorate: bool,
}

impl<'a> MapOf<'a> {
    /// The map's reducer over rows of `table` under `metric`, placing points by `cells`, and
    /// adding rows to the governorates' values when `by_governorate` (else these are left at
    /// zero, for the caller to take from elsewhere).
    pub(crate) fn new(
        table: &'a EventTable,
        cells: &'a MapCells,
        metric: Metric,
        by_governorate: bool,
    ) -> MapOf<'a> {
        MapOf {
            table,
            cells,
            values: Values::new(table, metric),
            by_governorate,
        }
    }
}

impl Reduce for MapOf<'_> {
    type Sums = MapSums;

    fn zero(&self) -> MapSums {
        let governorates = Governorate::ALL.len();
        MapSums {
            by_governorate: vec![0; governorates],
            area_only: vec![0; governorates],
            cells: vec![(0, 0, 0, 0); self.cells.keys.len()],
            unplaced: 0,
        }
    }

    fn add(&self, sums: &mut MapSums, row: usize) {
        // Milestones (agreements, political events) are not incidents: not on the map either.
        if self.values.is_milestone(row) {
            return;
        }
        let table = self.table;
        // Not a milestone: its value as it is.
        let value = self.values.count_any(row);
        let mask = || table.governorates.get(row).copied().unwrap_or(0);
        if self.by_governorate {
            for_bits(u32::from(mask()), |index| {
                if let Some(total) = sums.by_governorate.get_mut(index) {
                    *total = total.wrapping_add(value);
                }
            });
        }
        let cell = self
            .cells
            .of_row
            .get(row)
            .copied()
            .unwrap_or(MapCells::NONE);
        if let Some(sum) = sums.cells.get_mut(cell as usize) {
            sum.0 = sum
                .0
                .wrapping_add(units(table.lon.get(row).copied().unwrap_or(f32::NAN)));
            sum.1 = sum
                .1
                .wrapping_add(units(table.lat.get(row).copied().unwrap_or(f32::NAN)));
            sum.2 = sum.2.wrapping_add(1);
            sum.3 = sum.3.wrapping_add(value);
        } else if mask() == 0 {
            sums.unplaced = sums.unplaced.wrapping_add(1);
        } else {
            // Read only here: most rows have a point, and the map's governorates' values
            // usually come from the bar charts' keys.
            for_bits(u32::from(mask()), |index| {
                if let Some(count) = sums.area_only.get_mut(index) {
                    *count = count.wrapping_add(1);
                }
            });
        }
    }

    fn remove(&self, whole: &MapSums, part: &MapSums) -> MapSums {
        let minus =
            |a: &[u64], b: &[u64]| a.iter().zip(b).map(|(&a, &b)| a.wrapping_sub(b)).collect();
        MapSums {
            by_governorate: minus(&whole.by_governorate, &part.by_governorate),
            area_only: whole
                .area_only
                .iter()
                .zip(&part.area_only)
                .map(|(&a, &b)| a.wrapping_sub(b))
                .collect(),
            cells: whole
                .cells
                .iter()
                .zip(&part.cells)
                .map(|(a, b)| {
                    (
                        a.0.wrapping_sub(b.0),
                        a.1.wrapping_sub(b.1),
                        a.2.wrapping_sub(b.2),
                        a.3.wrapping_sub(b.3),
                    )
                })
                .collect(),
            unplaced: whole.unplaced.wrapping_sub(part.unplaced),
        }
    }
}

/// Builds the layers for `rows` under `metric`. Reads the table's [`MapCells`], or finds the
/// cells afresh for a table without them (the same layers, more slowly).
pub fn map_layers(table: &EventTable, rows: &[u32], metric: Metric) -> MapLayers {
    let found;
    let cells = if table.map_cells.cover(table) {
        &table.map_cells
    } else {
        found = MapCells::new(&table.lat, &table.lon);
        &found
    };
    layers_from(table, cells, metric, None, |reduce| {
        sum_rows(reduce, None, table.len(), rows)
    })
}

/// The layers of some rows under `metric`, with points placed by `cells` (the cells of every
/// row of `table`), from what `sum` makes of those rows with the map's reducer. The
/// governorates' values are `by_governorate` when given (per governorate in vocabulary
/// order, summed as this map would: the non-milestone rows' values, to each governorate they
/// name); the reducer then leaves them out.
pub(crate) fn layers_from(
    table: &EventTable,
    cells: &MapCells,
    metric: Metric,
    by_governorate: Option<Vec<u64>>,
    sum: impl FnOnce(&MapOf<'_>) -> MapSums,
) -> MapLayers {
    let reduce = MapOf::new(table, cells, metric, by_governorate.is_none());
    let sums = sum(&reduce);
    let by_governorate = by_governorate.unwrap_or(sums.by_governorate);
    let mean = |sum: i64, events: u32| sum as f64 * POSITION_UNIT / f64::from(events);
    let mut layers = MapLayers {
        by_governorate: by_governorate.iter().map(|&v| v as f64).collect(),
        area_only: sums.area_only,
        cells: sums
            .cells
            .into_iter()
            .filter(|&(_, _, events, _)| events > 0)
            .map(|(lon, lat, events, value)| Cell {
                lon: mean(lon, events),
                lat: mean(lat, events),
                events,
                value: value as f64,
            })
            .collect(),
        unplaced: sums.unplaced,
    };
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
    use crate::core::table::test_data::*;
    use crate::core::vocab::CasualtyGroup;

    #[test]
    fn cells_appended_are_the_cells_found_for_all_rows() {
        // Points on shared and new cells, and rows without a point on either side.
        let (lat_a, lon_a) = (
            [36.25, f32::NAN, 33.55, 36.26],
            [37.15, 36.35, 36.35, 37.16],
        );
        let (lat_b, lon_b) = (
            [33.55, 35.95, f32::NAN, 36.25, 35.96],
            [36.35, 36.65, 1.0, 37.15, 36.66],
        );
        let mut appended = MapCells::new(&lat_a, &lon_a);
        appended.append(&MapCells::new(&lat_b, &lon_b));
        let lat: Vec<f32> = lat_a.iter().chain(&lat_b).copied().collect();
        let lon: Vec<f32> = lon_a.iter().chain(&lon_b).copied().collect();
        assert_eq!(appended, MapCells::new(&lat, &lon));
        assert_eq!(appended.keys.len(), 3);
        let mut onto_none = MapCells::default();
        onto_none.append(&MapCells::new(&lat_b, &lon_b));
        assert_eq!(onto_none, MapCells::new(&lat_b, &lon_b));
    }

    #[test]
    fn the_tables_cells_give_the_layers_found_afresh() {
        // Points in a few cells (two events in one), events with no point, some in no
        // governorate, and a milestone.
        let events = (0..30u32)
            .map(|i| {
                let mut event = ev(&format!("e{i}"), "2017-01-01")
                    .killed(CasualtyGroup::Civilians, u64::from(i));
                if i % 5 != 0 {
                    event = event.place("x", Governorate::ALL.get(i as usize % 4).copied());
                }
                if let Some(place) = event.0.places.first_mut() {
                    if i % 3 != 0 {
                        place.lat = Some(35.0 + f64::from(i % 7) * 0.07);
                        place.lon = Some(36.0 + f64::from(i % 4) * 0.13);
                    }
                }
                if i == 29 {
                    event = event.kind(crate::core::vocab::EventKind::CeasefireAgreement);
                }
                event
            })
            .collect();
        let table = EventTable::build(&[dataset("curated", events)]);
        assert!(table.map_cells.cover(&table));
        let mut without = table.clone();
        without.map_cells = MapCells::default();
        let every: Vec<u32> = (0..30).collect();
        let some: Vec<u32> = (0..30).filter(|r| r % 3 != 1).collect();
        for rows in [&every, &some, &Vec::new()] {
            for metric in [Metric::Events, Metric::Deaths] {
                let layers = map_layers(&table, rows, metric);
                assert_eq!(layers, map_layers(&without, rows, metric));
                if rows.len() == 30 {
                    // Every event with a point is in one cell.
                    let located = table.lat.iter().filter(|lat| lat.is_finite()).count();
                    let in_cells: u32 = layers.cells.iter().map(|c| c.events).sum();
                    assert_eq!(
                        in_cells as usize,
                        located - usize::from(table.lat[29].is_finite())
                    );
                    assert!(layers.cells.len() > 3);
                }
            }
        }
    }

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
