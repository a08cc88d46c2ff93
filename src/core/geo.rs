//! Polygons of Syria's outline and governorates, read from GeoJSON: point-in-polygon tests (to
//! check that coordinates lie in Syria and to place a point in its governorate) and distances.
//!
//! Coordinates are (longitude, latitude) in degrees, as in GeoJSON. Distances are in degrees:
//! good enough to tell "a few hundred metres off a simplified border" from "in another country".

use serde_json::Value;

/// A ring is a closed list of (lon, lat) points; a polygon is an outer ring and its holes.
type Ring = Vec<(f64, f64)>;

/// One named area (a governorate, or the whole outline) made of polygons.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub name: String,
    pub polygons: Vec<Vec<Ring>>,
}

/// All areas of a GeoJSON FeatureCollection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Polygons {
    pub areas: Vec<Area>,
}

impl Polygons {
    /// Reads Polygon and MultiPolygon features; the area name is the `name` property.
    pub fn from_geojson(text: &str) -> Result<Polygons, String> {
        let root: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
        Polygons::from_value(&root)
    }

    /// [`Polygons::from_geojson`] of a GeoJSON document already parsed (for a caller that reads
    /// other properties of its features too).
    pub fn from_value(root: &Value) -> Result<Polygons, String> {
        let features = root
            .get("features")
            .and_then(Value::as_array)
            .ok_or("not a GeoJSON FeatureCollection")?;
        let mut areas = Vec::new();
        for feature in features {
            let name = feature
                .pointer("/properties/name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let geometry = feature.get("geometry").ok_or("a feature has no geometry")?;
            let coordinates = geometry
                .get("coordinates")
                .ok_or("a geometry has no coordinates")?;
            let polygons = match geometry.get("type").and_then(Value::as_str) {
                Some("Polygon") => vec![polygon(coordinates)?],
                Some("MultiPolygon") => coordinates
                    .as_array()
                    .ok_or("bad MultiPolygon")?
                    .iter()
                    .map(polygon)
                    .collect::<Result<_, _>>()?,
                other => return Err(format!("unsupported geometry {other:?}")),
            };
            areas.push(Area { name, polygons });
        }
        Ok(Polygons { areas })
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_geojson_file(path: &std::path::Path) -> Result<Polygons, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        Polygons::from_geojson(&text)
    }

    /// (min lon, min lat, max lon, max lat) of all areas together.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        self.areas.iter().map(Area::bounds).fold(
            (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ),
            |(a, b, c, d), (w, x, y, z)| (a.min(w), b.min(x), c.max(y), d.max(z)),
        )
    }

    /// The first area containing the point.
    pub fn area_containing(&self, lon: f64, lat: f64) -> Option<&Area> {
        self.areas.iter().find(|area| area.contains(lon, lat))
    }

    /// The area whose boundary is nearest to the point, with that distance (0 inside).
    pub fn nearest_area(&self, lon: f64, lat: f64) -> Option<(&Area, f64)> {
        self.areas
            .iter()
            .map(|area| (area, area.distance_outside(lon, lat)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// 0 when some area contains the point, otherwise the distance to the nearest boundary.
    pub fn distance_outside(&self, lon: f64, lat: f64) -> f64 {
        self.nearest_area(lon, lat)
            .map_or(f64::INFINITY, |(_, distance)| distance)
    }
}

impl Area {
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.polygons.iter().any(|rings| {
            let mut rings = rings.iter();
            let inside_outer = rings
                .next()
                .is_some_and(|outer| ring_contains(outer, lon, lat));
            inside_outer && !rings.any(|hole| ring_contains(hole, lon, lat))
        })
    }

    pub fn distance_outside(&self, lon: f64, lat: f64) -> f64 {
        if self.contains(lon, lat) {
            return 0.0;
        }
        self.polygons
            .iter()
            .flatten()
            .flat_map(|ring| ring.windows(2))
            .map(|edge| match edge {
                [a, b] => segment_distance((lon, lat), *a, *b),
                _ => f64::INFINITY,
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// (min lon, min lat, max lon, max lat)
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        self.polygons.iter().flatten().flatten().fold(
            (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ),
            |(x0, y0, x1, y1), &(x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        )
    }
}

fn polygon(value: &Value) -> Result<Vec<Ring>, String> {
    value
        .as_array()
        .ok_or("bad Polygon")?
        .iter()
        .map(|ring| {
            ring.as_array()
                .ok_or("bad ring")?
                .iter()
                .map(|point| {
                    match (
                        point.get(0).and_then(Value::as_f64),
                        point.get(1).and_then(Value::as_f64),
                    ) {
                        (Some(lon), Some(lat)) => Ok((lon, lat)),
                        _ => Err("bad point".to_string()),
                    }
                })
                .collect()
        })
        .collect()
}

/// Even-odd ray casting.
fn ring_contains(ring: &[(f64, f64)], lon: f64, lat: f64) -> bool {
    let mut inside = false;
    for edge in ring.windows(2) {
        let [(x0, y0), (x1, y1)] = edge else { continue };
        if (y0 > &lat) != (y1 > &lat) {
            let crossing = x0 + (lat - y0) / (y1 - y0) * (x1 - x0);
            if lon < crossing {
                inside = !inside;
            }
        }
    }
    inside
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"name":"sq"},"geometry":{"type":"Polygon","coordinates":
        [[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}}]}"#;

    #[test]
    fn point_in_square_with_a_hole() {
        let Ok(polygons) = Polygons::from_geojson(SQUARE) else {
            panic!("parse")
        };
        assert!(polygons.area_containing(1.0, 1.0).is_some());
        assert!(polygons.area_containing(5.0, 5.0).is_none()); // In the hole.
        assert!(polygons.area_containing(11.0, 5.0).is_none());
        assert!((polygons.distance_outside(12.0, 5.0) - 2.0).abs() < 1e-9);
        assert_eq!(polygons.distance_outside(1.0, 1.0), 0.0);
    }

    #[test]
    fn damascus_is_in_damascus() {
        let text = include_str!("../../data/geo/syria_governorates.geojson");
        let Ok(polygons) = Polygons::from_geojson(text) else {
            panic!("parse")
        };
        assert_eq!(polygons.areas.len(), 14);
        // Umayyad Mosque, central Damascus.
        assert_eq!(
            polygons
                .area_containing(36.3064, 33.5116)
                .map(|a| a.name.as_str()),
            Some("Damascus")
        );
        // Aleppo citadel.
        assert_eq!(
            polygons
                .area_containing(37.1625, 36.1993)
                .map(|a| a.name.as_str()),
            Some("Aleppo")
        );
        // Beirut is not in Syria.
        assert!(polygons.area_containing(35.5018, 33.8938).is_none());
    }
}
