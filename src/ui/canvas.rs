//! Paints a chart's SVG on a `<canvas>`, through the shapes
//! `crate::charts::shapes` reads back from it (why: see that module).

use std::f64::consts::TAU;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::shapes::{Align, Paint, Shape, read};

/// Paints `svg` on `canvas` at the device's pixel ratio; CSS gives the
/// canvas its container's width, and its `width`/`height` keep the aspect.
/// Returns the text for the canvas's `aria-label`: the SVG's title and
/// description.
pub fn paint(canvas: &HtmlCanvasElement, svg: &str) -> String {
    let d = read(svg);
    let scale = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (w, h) = ((d.width * scale).round() as u32, (d.height * scale).round() as u32);
    // Resizing clears the canvas and its context's state: only when needed.
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let label = format!("{}. {}", d.title, d.desc);
    let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return label;
    };
    let _ = ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, d.width, d.height);
    ctx.set_text_baseline("alphabetic");
    let mut pen = Pen::new(&ctx);
    for shape in &d.shapes {
        match shape {
            Shape::Rect { x, y, w, h, paint } => {
                pen.alpha(paint);
                if let Some(fill) = paint.fill {
                    pen.fill(fill);
                    ctx.fill_rect(*x, *y, *w, *h);
                }
                if pen.stroke(paint) {
                    ctx.stroke_rect(*x, *y, *w, *h);
                }
            }
            Shape::Path { points, paint } => {
                ctx.begin_path();
                for (i, &(x, y)) in points.iter().enumerate() {
                    if i == 0 { ctx.move_to(x, y) } else { ctx.line_to(x, y) }
                }
                pen.alpha(paint);
                if pen.stroke(paint) {
                    ctx.stroke();
                }
            }
            Shape::Circle { cx, cy, r, paint } => {
                ctx.begin_path();
                let _ = ctx.arc(*cx, *cy, *r, 0.0, TAU);
                pen.alpha(paint);
                if let Some(fill) = paint.fill {
                    pen.fill(fill);
                    ctx.fill();
                }
                if pen.stroke(paint) {
                    ctx.stroke();
                }
            }
            Shape::Text { x, y, align, font, text, paint } => {
                // Parsing a font is the costly part of a text: set only on change.
                if pen.font != *font {
                    ctx.set_font(font);
                    pen.font.clone_from(font);
                }
                if pen.align != Some(*align) {
                    ctx.set_text_align(match align {
                        Align::Start => "left",
                        Align::Middle => "center",
                        Align::End => "right",
                    });
                    pen.align = Some(*align);
                }
                pen.alpha(paint);
                pen.fill(paint.fill.unwrap_or("#000"));
                let _ = ctx.fill_text(text, *x, *y);
            }
        }
    }
    label
}

/// The context with the state last set on it: each setter crosses from
/// wasm to JavaScript (a chart has some 300 shapes), so a value already set
/// is not set again.
struct Pen<'a> {
    ctx: &'a CanvasRenderingContext2d,
    font: String,
    /// The line dash, once set (a context keeps its own from the last paint).
    dashed: Option<Option<(f64, f64)>>,
    alpha: f64,
    fill: String,
    stroke: String,
    stroke_width: f64,
    align: Option<Align>,
}

impl<'a> Pen<'a> {
    /// Nothing known yet (the context keeps what the last paint set): the
    /// first value of each is set.
    fn new(ctx: &'a CanvasRenderingContext2d) -> Pen<'a> {
        Pen {
            ctx,
            font: String::new(),
            dashed: None,
            alpha: f64::NAN,
            fill: String::new(),
            stroke: String::new(),
            stroke_width: f64::NAN,
            align: None,
        }
    }

    fn alpha(&mut self, paint: &Paint) {
        if self.alpha != paint.opacity {
            self.ctx.set_global_alpha(paint.opacity);
            self.alpha = paint.opacity;
        }
    }

    fn fill(&mut self, color: &str) {
        if self.fill != color {
            self.ctx.set_fill_style_str(color);
            self.fill.replace_range(.., color);
        }
    }

    /// Sets the stroke of `paint`; false if it has none.
    fn stroke(&mut self, paint: &Paint) -> bool {
        let Some(color) = paint.stroke else {
            return false;
        };
        if self.stroke != color {
            self.ctx.set_stroke_style_str(color);
            self.stroke.replace_range(.., color);
        }
        if self.stroke_width != paint.stroke_width {
            self.ctx.set_line_width(paint.stroke_width);
            self.stroke_width = paint.stroke_width;
        }
        if self.dashed != Some(paint.dash) {
            let pattern = js_sys::Array::new();
            if let Some((on, off)) = paint.dash {
                pattern.push(&JsValue::from(on));
                pattern.push(&JsValue::from(off));
            }
            let _ = self.ctx.set_line_dash(&pattern);
            self.dashed = Some(paint.dash);
        }
        true
    }
}
