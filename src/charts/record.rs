//! The plotters backend every chart draws on: it keeps each call as a
//! [`Shape`] of a [`Drawing`] (why: see [`super::shapes`]).
//!
//! It records exactly what plotters' SVG backend would have written, call
//! for call: nothing for a fully transparent colour, a filled or outlined
//! rectangle or circle as asked, each text with its font and anchor. So the
//! SVG that [`Drawing::svg`] writes from the record is the one plotters
//! wrote (the tests in `super::svg` compare the two).

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};

use super::layout::DASH_MARK;
use super::shapes::{Align, Baseline, Drawing, Font, FontStyle, Paint, Shape};

/// Records into a drawing; its size is the drawing's.
pub(crate) struct Recorder<'a> {
    drawing: &'a mut Drawing,
}

impl<'a> Recorder<'a> {
    pub fn new(drawing: &'a mut Drawing) -> Self {
        Recorder { drawing }
    }

    /// Adds `shape` painted in `color`, unless the colour is invisible.
    fn push(&mut self, color: BackendColor, shape: impl FnOnce(Paint) -> Shape) {
        if color.alpha == 0.0 {
            return;
        }
        // `layout::dashed` marks a dashed line by this opacity.
        let dashed = color.alpha == DASH_MARK;
        let paint = Paint { rgb: color.rgb, opacity: if dashed { 1.0 } else { color.alpha }, dashed };
        self.drawing.shapes.push(shape(paint));
    }

    /// The index of this font in the drawing's fonts, added if new.
    fn font(&mut self, family: &str, px: f64, style: FontStyle) -> usize {
        let fonts = &mut self.drawing.fonts;
        fonts.iter().position(|f| f.family == family && f.px == px && f.style == style).unwrap_or_else(|| {
            fonts.push(Font { family: family.to_string(), px, style });
            fonts.len() - 1
        })
    }
}

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for Recorder<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.drawing.width, self.drawing.height)
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, at: BackendCoord, color: BackendColor) -> Drawn {
        self.push(color, |paint| Shape::Pixel { at, paint });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        let width = style.stroke_width();
        self.push(style.color(), |paint| Shape::Line { from, to, width, paint });
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, filled: bool) -> Drawn {
        self.push(style.color(), |paint| Shape::Rect { from, to, filled, paint });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        let width = style.stroke_width();
        self.push(style.color(), |paint| Shape::Path { points: path.into_iter().collect(), width, paint });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        self.push(style.color(), |paint| Shape::Polygon { points: path.into_iter().collect(), paint });
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, centre: BackendCoord, radius: u32, style: &S, filled: bool) -> Drawn {
        let width = style.stroke_width();
        self.push(style.color(), |paint| Shape::Circle { centre, radius, filled, width, paint });
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            self.drawing.skipped += 1;
            return Ok(());
        }
        let font_style = match style.style() {
            plotters_backend::FontStyle::Normal => FontStyle::Normal,
            plotters_backend::FontStyle::Bold => FontStyle::Bold,
            plotters_backend::FontStyle::Italic => FontStyle::Italic,
            plotters_backend::FontStyle::Oblique => FontStyle::Oblique,
        };
        let font = self.font(style.family().as_str(), style.size() / 1.24, font_style);
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => Align::Start,
            HPos::Center => Align::Middle,
            HPos::Right => Align::End,
        };
        let baseline = match anchor.v_pos {
            VPos::Top => Baseline::Top,
            VPos::Center => Baseline::Middle,
            VPos::Bottom => Baseline::Bottom,
        };
        self.push(style.color(), |paint| Shape::Text { at, text: text.to_string(), font, align, baseline, paint });
        Ok(())
    }
}
