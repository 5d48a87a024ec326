//! Paints a chart's recorded drawing (`crate::charts::shapes`) on a
//! `<canvas>`: the shapes that its SVG download has, drawn as the SVG draws
//! them.

use std::f64::consts::TAU;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::shapes::{Align, Baseline, DASH_PX, Drawing, Paint, Shape};

/// An `ex` in `em`, as in the fonts the charts name (system-ui, DejaVu
/// Sans: x-height 0.52-0.55 em): the SVG places a text by its middle with
/// `dy="0.5ex"`, a canvas only by its baseline.
const EX_EM: f64 = 0.53;

/// Paints `d` on `canvas` at the device's pixel ratio; CSS gives the canvas
/// its container's width, and its `width`/`height` keep the aspect.
///
/// Drawn on the canvas itself. Drawing on a canvas outside the document and
/// copying it (`drawImage`), so that a font is resolved without the page's
/// style, cost more: the copy rasterises every pixel again (~0.3 ms per
/// chart without a GPU), while the style a font waits for is one the frame
/// needs anyway (README, "Design").
pub fn paint(canvas: &HtmlCanvasElement, d: &Drawing) {
    let (width, height) = (f64::from(d.width), f64::from(d.height));
    let scale = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (w, h) = ((width * scale).round() as u32, (height * scale).round() as u32);
    // Resizing clears a canvas and its context's state: only when needed.
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    if let Some(ctx) = context(canvas) {
        draw(&ctx, d, scale);
    }
}

/// The canvas's 2D context, `desynchronized` and `willReadFrequently`.
///
/// Desynchronized: Chromium then sends a canvas to the compositor when it
/// is drawn. Without a GPU it otherwise copied every chart on the page that
/// had been drawn (~0.15 ms each) into each frame, changed or not: a slider
/// drag with one chart in view paid for four (README, "Design").
///
/// Read frequently: the canvas is then the CPU's, never the GPU's. Where
/// Chromium has a GPU, it draws a desynchronized GPU canvas straight to the
/// screen's buffer (ChromeOS, Windows), where a chart could be seen half
/// drawn during a drag; a CPU canvas always goes through the compositor.
/// Firefox ignores `desynchronized`; Firefox and Safari 18+ make a
/// `willReadFrequently` canvas a CPU one too.
fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::JSON::parse(r#"{"desynchronized":true,"willReadFrequently":true}"#).unwrap_or_default();
    let ctx = canvas.get_context_with_context_options("2d", &options).ok().flatten()?;
    ctx.dyn_into::<CanvasRenderingContext2d>().ok()
}

/// Draws `d`'s shapes on `ctx`, `scale` device pixels to a CSS pixel.
fn draw(ctx: &CanvasRenderingContext2d, d: &Drawing, scale: f64) {
    let (width, height) = (f64::from(d.width), f64::from(d.height));
    let _ = ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    if !fills_itself(d) {
        ctx.clear_rect(0.0, 0.0, width, height);
    }
    ctx.set_text_baseline("alphabetic");
    let mut pen = Pen::new(ctx);
    let point = |(x, y): (i32, i32)| (f64::from(x), f64::from(y));
    for shape in &d.shapes {
        match shape {
            Shape::Rect { from, to, filled, paint } => {
                let ((x0, y0), (x1, y1)) = (point(*from), point(*to));
                pen.alpha(paint);
                if *filled {
                    pen.fill(paint);
                    ctx.fill_rect(x0, y0, x1 - x0, y1 - y0);
                } else {
                    pen.stroke(paint, 1);
                    ctx.stroke_rect(x0, y0, x1 - x0, y1 - y0);
                }
            }
            Shape::Pixel { at, paint } => {
                let (x, y) = point(*at);
                pen.alpha(paint);
                pen.fill(paint);
                ctx.fill_rect(x, y, 1.0, 1.0);
            }
            Shape::Line { from, to, width, paint } => {
                path(ctx, [*from, *to]);
                pen.alpha(paint);
                pen.stroke(paint, *width);
                ctx.stroke();
            }
            Shape::Path { points, width, paint } => {
                path(ctx, points.iter().copied());
                pen.alpha(paint);
                pen.stroke(paint, *width);
                ctx.stroke();
            }
            Shape::Polygon { points, paint } => {
                path(ctx, points.iter().copied());
                ctx.close_path();
                pen.alpha(paint);
                pen.fill(paint);
                ctx.fill();
            }
            Shape::Circle { centre, radius, filled, width, paint } => {
                let (cx, cy) = point(*centre);
                ctx.begin_path();
                let _ = ctx.arc(cx, cy, f64::from(*radius), 0.0, TAU);
                pen.alpha(paint);
                if *filled {
                    pen.fill(paint);
                    ctx.fill();
                } else {
                    pen.stroke(paint, *width);
                    ctx.stroke();
                }
            }
            Shape::Text { at, text, font, align, baseline, paint } => {
                let px = d.fonts[*font].px;
                // Parsing a font is the costly part of a text: set only on change.
                if pen.font != Some(*font) {
                    ctx.set_font(&d.fonts[*font].css());
                    pen.font = Some(*font);
                }
                if pen.align != Some(*align) {
                    ctx.set_text_align(match align {
                        Align::Start => "left",
                        Align::Middle => "center",
                        Align::End => "right",
                    });
                    pen.align = Some(*align);
                }
                let dy = match baseline {
                    Baseline::Top => 0.76 * px,
                    Baseline::Middle => 0.5 * EX_EM * px,
                    Baseline::Bottom => -0.5 * EX_EM * px,
                };
                pen.alpha(paint);
                pen.fill(paint);
                let (x, y) = point(*at);
                let _ = ctx.fill_text(text, x, y + dy);
            }
        }
    }
}

/// Whether `d` starts by filling all of itself, opaque (every chart's
/// background): then the last drawing needs no clearing first, which was a
/// pass over every pixel (~0.1 ms a chart without a GPU).
fn fills_itself(d: &Drawing) -> bool {
    let size = (d.width as i32, d.height as i32);
    matches!(d.shapes.first(), Some(Shape::Rect { from: (0, 0), to, filled: true, paint }) if *to == size && paint.opacity >= 1.0)
}

/// Starts a path through `points`.
fn path(ctx: &CanvasRenderingContext2d, points: impl IntoIterator<Item = (i32, i32)>) {
    ctx.begin_path();
    for (i, (x, y)) in points.into_iter().enumerate() {
        let (x, y) = (f64::from(x), f64::from(y));
        if i == 0 { ctx.move_to(x, y) } else { ctx.line_to(x, y) }
    }
}

/// The context with the state last set on it: each setter crosses from
/// wasm to JavaScript (a chart has some 300 shapes), so a value already set
/// is not set again.
struct Pen<'a> {
    ctx: &'a CanvasRenderingContext2d,
    /// Index of the drawing's font last set.
    font: Option<usize>,
    /// The line dash, once set (a context keeps its own from the last paint).
    dashed: Option<bool>,
    alpha: f64,
    fill: Option<(u8, u8, u8)>,
    stroke: Option<(u8, u8, u8)>,
    stroke_width: Option<u32>,
    align: Option<Align>,
}

impl<'a> Pen<'a> {
    /// Nothing known yet (the context keeps what the last paint set): the
    /// first value of each is set.
    fn new(ctx: &'a CanvasRenderingContext2d) -> Pen<'a> {
        Pen {
            ctx,
            font: None,
            dashed: None,
            alpha: f64::NAN,
            fill: None,
            stroke: None,
            stroke_width: None,
            align: None,
        }
    }

    fn alpha(&mut self, paint: &Paint) {
        if self.alpha != paint.opacity {
            self.ctx.set_global_alpha(paint.opacity);
            self.alpha = paint.opacity;
        }
    }

    fn fill(&mut self, paint: &Paint) {
        if self.fill != Some(paint.rgb) {
            self.ctx.set_fill_style_str(&paint.css());
            self.fill = Some(paint.rgb);
        }
    }

    /// Strokes with `paint`'s colour and dash, `width` px wide.
    fn stroke(&mut self, paint: &Paint, width: u32) {
        if self.stroke != Some(paint.rgb) {
            self.ctx.set_stroke_style_str(&paint.css());
            self.stroke = Some(paint.rgb);
        }
        if self.stroke_width != Some(width) {
            self.ctx.set_line_width(f64::from(width));
            self.stroke_width = Some(width);
        }
        if self.dashed != Some(paint.dashed) {
            let pattern = js_sys::Array::new();
            if paint.dashed {
                pattern.push(&JsValue::from(DASH_PX.0));
                pattern.push(&JsValue::from(DASH_PX.1));
            }
            let _ = self.ctx.set_line_dash(&pattern);
            self.dashed = Some(paint.dashed);
        }
    }
}
