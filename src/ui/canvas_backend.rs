//! A plotters backend that paints on an HTML canvas. Charts are repainted on every filter change,
//! and a canvas costs no DOM: no markup to parse, no elements to style or lay out, which is what
//! kept an SVG redraw from fitting in a frame. It draws at the device pixel ratio so lines and
//! text stay sharp, sizes text like plotters' SVG backend (so downloads look the same), and
//! hatches the areas the charts paint in the marker colour (`palette::HATCH_MARKER`).
//! `plotters-canvas` does neither of the last two, hence this small backend of our own.

use plotters::style::RGBColor;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasPattern, CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::palette::HATCH_MARKER;

/// What went wrong on the canvas, as text (a `JsValue` is not `Send`).
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn js_error(value: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(format!("{value:?}")))
}

/// A canvas, its 2D context, and what the context was last set to. It is kept from one paint to
/// the next: the context parses every colour and font it is given, and setting a font on a
/// canvas in the page first brings the page's styles up to date, so a repaint sets only what
/// differs from the last one. Colour and font are compared before they are written out as
/// CSS text, so one that did not change costs no formatting.
pub struct CanvasSurface {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    fill: Option<((u8, u8, u8), f64)>,
    font: Option<FontKey>,
    text_anchor: (&'static str, &'static str),
    hatching: Option<CanvasPattern>,
}

impl CanvasSurface {
    pub fn new(canvas: HtmlCanvasElement) -> Result<Self, String> {
        // Opaque: the charts paint a white background, and an opaque canvas is cheaper to
        // put on screen.
        let attributes = web_sys::ContextAttributes2d::new();
        attributes.set_alpha(false);
        let context = canvas
            .get_context_with_context_options("2d", &attributes)
            .map_err(|e| format!("{e:?}"))?
            .ok_or("this browser has no 2D canvas")?
            .dyn_into::<CanvasRenderingContext2d>()
            .map_err(|_| "not a 2D context".to_string())?;
        Ok(CanvasSurface {
            canvas,
            context,
            fill: None,
            font: None,
            text_anchor: ("", ""),
            hatching: None,
        })
    }

    /// A backend for a chart of `size` chart pixels, drawn at the device pixel ratio. Charts
    /// paint their whole area, so a canvas that already has the size is not resized: that
    /// would reallocate its memory and reset its context. For the same reason a canvas never
    /// shrinks in height: a chart with fewer bars paints the top of it, and the page shows
    /// only that part (`.chart-canvas` clips the rest).
    pub fn backend(&mut self, size: (u32, u32)) -> Result<CanvasBackend<'_>, String> {
        let ratio = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .filter(|r| r.is_finite() && *r >= 1.0)
            .unwrap_or(1.0);
        let width = (f64::from(size.0) * ratio).round() as u32;
        let height = (f64::from(size.1) * ratio).round() as u32;
        if self.canvas.width() != width || self.canvas.height() < height {
            self.canvas.set_width(width);
            self.canvas.set_height(height.max(self.canvas.height()));
            // A resized canvas starts from the default state.
            self.fill = None;
            self.font = None;
            self.text_anchor = ("", "");
        }
        self.context
            .set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)
            .map_err(|e| format!("{e:?}"))?;
        Ok(CanvasBackend {
            surface: self,
            size,
        })
    }
}

/// Paints in chart pixels on a [`CanvasSurface`].
pub struct CanvasBackend<'a> {
    surface: &'a mut CanvasSurface,
    size: (u32, u32),
}

impl CanvasBackend<'_> {
    fn fill_style(&mut self, color: BackendColor) {
        let fill = Some((color.rgb, color.alpha));
        if fill != self.surface.fill {
            self.surface.context.set_fill_style_str(&css(color));
            self.surface.fill = fill;
        }
    }

    /// Starts a new path through `points`.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) {
        self.surface.context.begin_path();
        for (index, (x, y)) in points.into_iter().enumerate() {
            if index == 0 {
                self.surface.context.move_to(f64::from(x), f64::from(y));
            } else {
                self.surface.context.line_to(f64::from(x), f64::from(y));
            }
        }
    }

    fn stroke_style(&self, style: &impl BackendStyle) {
        self.surface
            .context
            .set_stroke_style_str(&css(style.color()));
        self.surface
            .context
            .set_line_width(f64::from(style.stroke_width()));
    }

    /// The diagonal lines over a light veil that mark imprecisely dated values, like the SVG
    /// pattern in `charts::svg`: one pattern fill, made on first use.
    fn hatch(&mut self, x: f64, y: f64, width: f64, height: f64) {
        if self.surface.hatching.is_none() {
            self.surface.hatching = hatch_pattern(&self.surface.context);
        }
        match &self.surface.hatching {
            Some(pattern) => self.surface.context.set_fill_style_canvas_pattern(pattern),
            None => self
                .surface
                .context
                .set_fill_style_str("rgba(80,80,80,0.5)"),
        }
        self.surface.context.fill_rect(x, y, width, height);
        // The context's fill is now the pattern, whatever was set before.
        self.surface.fill = None;
    }
}

/// A 6 px tile with a 45° line that joins its neighbours' into continuous hatching.
fn hatch_pattern(context: &CanvasRenderingContext2d) -> Option<CanvasPattern> {
    const SIZE: f64 = 6.0;
    let tile = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    tile.set_width(SIZE as u32);
    tile.set_height(SIZE as u32);
    let pen = tile
        .get_context("2d")
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    pen.set_fill_style_str("rgba(255,255,255,0.55)");
    pen.fill_rect(0.0, 0.0, SIZE, SIZE);
    pen.set_stroke_style_str("#505050");
    pen.set_line_width(1.5);
    pen.begin_path();
    for offset in [-SIZE, 0.0, SIZE] {
        pen.move_to(offset, SIZE);
        pen.line_to(offset + SIZE, 0.0);
    }
    pen.stroke();
    context
        .create_pattern_with_html_canvas_element(&tile, "repeat")
        .ok()?
}

/// What a font was set from: its slant (or weight), size and family.
struct FontKey {
    slant: String,
    size: f64,
    family: String,
}

fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

fn is_hatch(color: BackendColor) -> bool {
    let RGBColor(r, g, b) = HATCH_MARKER;
    color.rgb == (r, g, b)
}

/// Moves a 1-pixel-wide horizontal or vertical line onto the pixel grid, so it is not blurred
/// over two pixels.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.1 == to.1 {
        a.1 += 0.5;
        b.1 += 0.5;
    }
    if from.0 == to.0 {
        a.0 += 0.5;
        b.0 += 0.5;
    }
    (a, b)
}

impl DrawingBackend for CanvasBackend<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha > 0.0 {
            self.fill_style(color);
            self.surface
                .context
                .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha > 0.0 {
            let (a, b) = crisp(from, to);
            self.stroke_style(style);
            self.surface.context.begin_path();
            self.surface.context.move_to(a.0, a.1);
            self.surface.context.line_to(b.0, b.1);
            self.surface.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let width = f64::from(bottom_right.0 - upper_left.0);
        let height = f64::from(bottom_right.1 - upper_left.1);
        if fill && is_hatch(color) {
            self.hatch(x, y, width, height);
        } else if fill {
            self.fill_style(color);
            self.surface.context.fill_rect(x, y, width, height);
        } else {
            self.stroke_style(style);
            self.surface
                .context
                .stroke_rect(x + 0.5, y + 0.5, width, height);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        if let [from, to] = points[..] {
            return self.draw_line(from, to, style);
        }
        self.stroke_style(style);
        self.trace(points);
        self.surface.context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.fill_style(style.color());
        self.trace(vertices);
        self.surface.context.close_path();
        self.surface.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.surface.context.begin_path();
        self.surface
            .context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(js_error)?;
        if fill {
            self.fill_style(style.color());
            self.surface.context.fill();
        } else {
            self.stroke_style(style);
            self.surface.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match anchor.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        };
        if self.surface.text_anchor != (baseline, align) {
            self.surface.context.set_text_baseline(baseline);
            self.surface.context.set_text_align(align);
            self.surface.text_anchor = (baseline, align);
        }
        self.fill_style(color);
        let (slant, size, family) = (style.style(), style.size(), style.family());
        let slant = slant.as_str();
        let same_font = self.surface.font.as_ref().is_some_and(|font| {
            font.slant == slant && font.size == size && font.family == family.as_str()
        });
        if !same_font {
            // The same size as plotters' SVG backend gives the same font.
            let css = format!("{slant} {}px {}", size / 1.24, family.as_str());
            self.surface.context.set_font(&css);
            self.surface.font = Some(FontKey {
                slant: slant.to_string(),
                size,
                family: family.as_str().to_string(),
            });
        }
        self.surface
            .context
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(js_error)
    }
}
