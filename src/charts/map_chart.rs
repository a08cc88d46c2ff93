//! The map of Syria: governorates shaded by the current metric (a choropleth in five classes),
//! located events as circles whose area follows their count in a ~5 km cell, and, on each
//! governorate, a dashed badge counting the events known only to the governorate, so nobody
//! mistakes them for points.

use plotters::prelude::*;

use super::Drawn;
use crate::core::geo::Polygons;
use crate::core::map_layers::{MapLayers, Projection};
use crate::core::vocab::Governorate;

pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 560;
const PADDING: f64 = 12.0;

/// Light to dark blue; index 0 is "no events".
pub const CLASSES: [RGBColor; 6] = [
    RGBColor(242, 244, 247),
    RGBColor(214, 230, 244),
    RGBColor(171, 205, 231),
    RGBColor(110, 166, 210),
    RGBColor(49, 117, 178),
    RGBColor(14, 66, 128),
];

/// The narrowest the map is drawn: below it, the badges would cover the governorates.
pub const MIN_WIDTH: u32 = 280;

/// The height of the map drawn `width` wide: the shape of [`WIDTH`] by [`HEIGHT`].
pub fn height_for(width: u32) -> u32 {
    (f64::from(width) * f64::from(HEIGHT) / f64::from(WIDTH)).round() as u32
}

/// The projection used for the map drawn [`WIDTH`] pixels wide (its hit targets' size).
pub fn projection(polygons: &Polygons) -> Projection {
    projection_at(polygons, WIDTH)
}

/// The projection of the map drawn `width` pixels wide: the one of [`WIDTH`] scaled, margins
/// included, so the map drawn at any width lies under the same targets.
pub fn projection_at(polygons: &Polygons, width: u32) -> Projection {
    let scale = f64::from(width) / f64::from(WIDTH);
    Projection::fit(
        polygons.bounds(),
        f64::from(width),
        f64::from(height_for(width)),
        PADDING * scale,
    )
}

/// Upper bounds of the five classes for `max`, rounded: equal steps of a nice maximum, at least
/// 5, so that each step is a whole number (the values are counts and sums of whole deaths).
pub fn class_breaks(max: f64) -> [f64; 5] {
    let top = super::timeline_chart::nice_ceiling(max.max(5.0));
    [top * 0.2, top * 0.4, top * 0.6, top * 0.8, top]
}

/// Colour class of a value: 0 for none, 1..=5 by the breaks.
pub fn class_of(value: f64, breaks: &[f64; 5]) -> usize {
    if value <= 0.0 {
        return 0;
    }
    breaks.iter().position(|&b| value <= b).map_or(5, |i| i + 1)
}

/// Draws the map [`WIDTH`] pixels wide (a download's size); `selected` governorates get a heavy
/// outline.
pub fn draw(
    polygons: &Polygons,
    layers: &MapLayers,
    selected: &[Governorate],
) -> Result<Drawn, String> {
    draw_at(polygons, layers, selected, WIDTH)
}

/// Draws the map `width` pixels wide (at least [`MIN_WIDTH`]): on the page, the CSS pixels of
/// its box, so its badges' 13 px text keeps its size on a phone.
pub fn draw_at(
    polygons: &Polygons,
    layers: &MapLayers,
    selected: &[Governorate],
    width: u32,
) -> Result<Drawn, String> {
    let width = width.max(MIN_WIDTH);
    let height = height_for(width);
    let projection = projection_at(polygons, width);
    let max = layers.by_governorate.iter().copied().fold(0.0, f64::max);
    let breaks = class_breaks(max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let fail = |error: DrawingAreaErrorKind<_>| error.to_string();
        root.fill(&WHITE).map_err(fail)?;
        let to_pixels = |ring: &[(f64, f64)]| -> Vec<(i32, i32)> {
            ring.iter()
                .map(|&(lon, lat)| {
                    let (x, y) = projection.project(lon, lat);
                    (x.round() as i32, y.round() as i32)
                })
                .collect()
        };
        for (index, governorate) in Governorate::ALL.iter().enumerate() {
            let Some(area) = polygons.areas.iter().find(|a| a.name == governorate.id()) else {
                continue;
            };
            let value = layers.by_governorate.get(index).copied().unwrap_or(0.0);
            let fill = CLASSES[class_of(value, &breaks)];
            let is_selected = selected.contains(governorate);
            for rings in &area.polygons {
                if let Some(outer) = rings.first() {
                    let points = to_pixels(outer);
                    root.draw(&Polygon::new(points.clone(), fill.filled()))
                        .map_err(fail)?;
                    let mut closed = points;
                    if let Some(first) = closed.first().copied() {
                        closed.push(first);
                    }
                    let outline = if is_selected {
                        RGBColor(213, 94, 0).stroke_width(3)
                    } else {
                        RGBColor(90, 100, 115).stroke_width(1)
                    };
                    root.draw(&PathElement::new(closed, outline))
                        .map_err(fail)?;
                }
            }
        }
        // Located events: circle area proportional to the number of events in the cell.
        let biggest = layers
            .cells
            .iter()
            .map(|c| c.events)
            .max()
            .unwrap_or(1)
            .max(1);
        for cell in &layers.cells {
            let (x, y) = projection.project(cell.lon, cell.lat);
            // Area, not radius, follows the count; translucent so overlaps read as density.
            let radius = 1.5 + 9.0 * (f64::from(cell.events) / f64::from(biggest)).sqrt();
            root.draw(&Circle::new(
                (x.round() as i32, y.round() as i32),
                radius.round() as i32,
                RGBAColor(213, 94, 0, 0.35).filled(),
            ))
            .map_err(fail)?;
        }
        // Events known only to the governorate: a dashed badge with their count.
        // 13 CSS px (plotters' sizes are scaled by FONT_SCALE, see `font_size`).
        let label =
            TextStyle::from(("sans-serif", super::font_size(13.0)).into_font()).color(&BLACK);
        let mut badges: Vec<(String, Badge)> = Vec::new();
        for (index, governorate) in Governorate::ALL.iter().enumerate() {
            let count = layers.area_only.get(index).copied().unwrap_or(0);
            let Some(area) = polygons.areas.iter().find(|a| a.name == governorate.id()) else {
                continue;
            };
            if count == 0 {
                continue;
            }
            let (x0, y0, x1, y1) = area.bounds();
            let (x, y) = projection.project((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            // Grouped as every count on the page is ("+23,637").
            let text = format!("+{}", crate::core::i18n::group_thousands(u64::from(count)));
            let width = 8 * text.len() as i32 + 8;
            let badge = Badge {
                left: x.round() as i32 - width / 2,
                top: y.round() as i32 - 10,
                width,
            };
            badges.push((text, badge));
        }
        // On a narrow map the small western governorates' badges would cover each other.
        let mut boxes: Vec<Badge> = badges.iter().map(|(_, badge)| *badge).collect();
        separate_badges(&mut boxes, width as i32, height as i32);
        for ((text, _), badge) in badges.into_iter().zip(boxes) {
            let Badge { left, top, width } = badge;
            root.draw(&Rectangle::new(
                [(left, top), (left + width, top + BADGE_HEIGHT)],
                RGBAColor(255, 255, 255, 0.85).filled(),
            ))
            .map_err(fail)?;
            let dash = [
                (left, top),
                (left + width, top),
                (left + width, top + BADGE_HEIGHT),
                (left, top + BADGE_HEIGHT),
                (left, top),
            ];
            root.draw(&PathElement::new(
                dash.to_vec(),
                RGBColor(60, 60, 60).stroke_width(1),
            ))
            .map_err(fail)?;
            root.draw(&Text::new(text, (left + 4, top + 2), label.clone()))
                .map_err(fail)?;
        }
        root.present().map_err(fail)?;
    }
    // Plotters draws solid outlines; the badges' dashes are added here, which plotters lacks.
    let svg = svg.replace(
        "stroke=\"#3C3C3C\"",
        "stroke=\"#3C3C3C\" stroke-dasharray=\"3 2\"",
    );
    Ok(Drawn {
        svg,
        width,
        height,
        marks: Vec::new(),
    })
}

/// The height of a "+N" badge, in pixels.
const BADGE_HEIGHT: i32 = 19;

/// A "+N" badge's box: its left and top edges and its width, [`BADGE_HEIGHT`] tall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Badge {
    pub left: i32,
    pub top: i32,
    pub width: i32,
}

impl Badge {
    fn overlaps(&self, other: &Badge) -> bool {
        self.left < other.left + other.width + 2
            && other.left < self.left + self.width + 2
            && self.top < other.top + BADGE_HEIGHT + 2
            && other.top < self.top + BADGE_HEIGHT + 2
    }
}

/// Moves badges apart so none covers another, in a map `width` by `height`: from the top, each
/// badge that would overlap one already placed moves below it (beside it at the bottom edge).
pub fn separate_badges(badges: &mut [Badge], width: i32, height: i32) {
    let mut order: Vec<usize> = (0..badges.len()).collect();
    order.sort_by_key(|&i| (badges[i].top, badges[i].left));
    let mut placed: Vec<Badge> = Vec::new();
    for i in order {
        let mut badge = badges[i];
        // Each move clears one placed badge: at most as many moves as there are badges, twice.
        for _ in 0..=2 * placed.len() {
            let Some(other) = placed.iter().find(|other| badge.overlaps(other)).copied() else {
                break;
            };
            let below = other.top + BADGE_HEIGHT + 3;
            if below + BADGE_HEIGHT <= height {
                badge.top = below;
            } else {
                badge.left = other.left + other.width + 3;
            }
        }
        badge.left = badge.left.clamp(0, (width - badge.width).max(0));
        badge.top = badge.top.clamp(0, (height - BADGE_HEIGHT).max(0));
        placed.push(badge);
        badges[i] = badge;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_breaks() {
        let breaks = class_breaks(100.0);
        assert_eq!(breaks, [20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(class_of(0.0, &breaks), 0);
        assert_eq!(class_of(1.0, &breaks), 1);
        assert_eq!(class_of(41.0, &breaks), 3);
        assert_eq!(class_of(100.0, &breaks), 5);
        assert_eq!(class_of(1000.0, &breaks), 5);
    }

    #[test]
    fn small_counts_step_by_whole_numbers() {
        for max in [0.0, 1.0, 2.0, 3.0, 5.0, 7.0, 24.0, 1_234.0] {
            let breaks = class_breaks(max);
            assert!(breaks[4] >= max, "{max}: {breaks:?}");
            assert!(
                breaks.iter().all(|b| b.fract() == 0.0 && *b >= 1.0),
                "{max}: {breaks:?}"
            );
        }
        assert_eq!(class_breaks(3.0), [1.0, 2.0, 3.0, 4.0, 5.0]);
    }

    #[test]
    fn draws_every_governorate_and_a_badge_for_area_only_events() {
        let text = include_str!("../../data/geo/syria_governorates.geojson");
        let Ok(polygons) = Polygons::from_geojson(text) else {
            panic!("parse")
        };
        let mut layers = MapLayers {
            by_governorate: vec![1.0; 14],
            area_only: vec![0; 14],
            ..MapLayers::default()
        };
        layers.area_only[6] = 7; // Idlib.
        let Ok(drawn) = draw(&polygons, &layers, &[Governorate::Idlib]) else {
            panic!("draw")
        };
        assert!(drawn.svg.matches("<polygon").count() >= 14);
        assert!(drawn.svg.contains("+7\n"), "the badge text");
        assert!(drawn.svg.contains("stroke-dasharray"));
        // At a phone's width the map is drawn at that width, its badge text the same size.
        let Ok(narrow) = draw_at(&polygons, &layers, &[], 343) else {
            panic!("draw")
        };
        assert_eq!((narrow.width, narrow.height), (343, height_for(343)));
        assert!(narrow.svg.contains("+7\n"));
        // A large count is grouped by thousands, as the page writes counts.
        layers.area_only[6] = 23_637;
        let Ok(large) = draw(&polygons, &layers, &[]) else {
            panic!("draw")
        };
        assert!(large.svg.contains("+23,637\n"), "the badge text");
        let font = |svg: &str| {
            svg.split("<text")
                .nth(1)
                .and_then(|t| t.split("font-size=\"").nth(1))
                .and_then(|t| t.split('"').next())
                .map(str::to_string)
        };
        assert!(font(&narrow.svg).is_some());
        assert_eq!(font(&narrow.svg), font(&drawn.svg));
        // The same places, scaled: the targets drawn at WIDTH lie over the narrow map.
        let (wide, small) = (projection(&polygons), projection_at(&polygons, 343));
        let (x, y) = wide.project(36.6, 35.9);
        let (sx, sy) = small.project(36.6, 35.9);
        let ratio = 343.0 / f64::from(WIDTH);
        assert!((sx - x * ratio).abs() < 1.0 && (sy - y * ratio).abs() < 1.0);
    }

    #[test]
    fn badges_never_cover_each_other() {
        // Every governorate with a badge, at a phone's width and a desktop's.
        let text = include_str!("../../data/geo/syria_governorates.geojson");
        let Ok(polygons) = Polygons::from_geojson(text) else {
            panic!("parse")
        };
        for width in [300, 343, 640] {
            let projection = projection_at(&polygons, width);
            let mut badges: Vec<Badge> = polygons
                .areas
                .iter()
                .map(|area| {
                    let (x0, y0, x1, y1) = area.bounds();
                    let (x, y) = projection.project((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                    Badge {
                        left: x as i32 - 24,
                        top: y as i32 - 10,
                        width: 48,
                    }
                })
                .collect();
            assert!(badges.len() >= 14);
            let before = badges.clone();
            separate_badges(&mut badges, width as i32, height_for(width) as i32);
            for (i, a) in badges.iter().enumerate() {
                for b in &badges[i + 1..] {
                    assert!(!a.overlaps(b), "{width}: {a:?} and {b:?}");
                }
                assert!(
                    a.left >= 0 && a.left + a.width <= width as i32,
                    "{width}: {a:?}"
                );
            }
            // Apart already, they stay where they are.
            let far = [
                before[0],
                Badge {
                    left: before[0].left,
                    top: before[0].top + 100,
                    width: 48,
                },
            ];
            let mut moved = far;
            separate_badges(&mut moved, width as i32, height_for(width) as i32);
            if far.iter().all(|b| {
                b.top >= 0
                    && b.top + BADGE_HEIGHT <= height_for(width) as i32
                    && b.left >= 0
                    && b.left + 48 <= width as i32
            }) {
                assert_eq!(moved, far);
            }
        }
    }
}
