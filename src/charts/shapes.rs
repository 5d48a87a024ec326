//! A chart as the shapes plotters drew, in drawing order: the one drawing
//! that the page paints on a `<canvas>` (`ui::canvas`) and that
//! [`Drawing::svg`] writes as the SVG export (and so the PNG export, which
//! the browser rasterises from that SVG).
//!
//! Why: the page redraws the charts in view at every input event of a
//! drag. As a fresh SVG subtree, each redraw was parsed, styled, laid out
//! and painted again; then, painted on a canvas, each redraw still wrote an
//! SVG string (some 30 KB of formatted numbers) only to read it back. Now
//! plotters draws into [`super::record::Recorder`], which keeps the shapes
//! as they come, and the SVG text is written only when a visitor exports.
//!
//! Coordinates are plotters' backend pixels (the SVG's `viewBox` units):
//! integers, as plotters rounds them before any backend sees them.

/// Colour and opacity of a shape, and whether its line is dashed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    pub rgb: (u8, u8, u8),
    /// 0 (never recorded: plotters' SVG backend drew nothing) to 1.
    pub opacity: f64,
    /// Stroked with the dash pattern [`DASH_PX`] (see `layout::dashed`).
    pub dashed: bool,
}

impl Paint {
    /// `#RRGGBB`, as the SVG writes it.
    pub fn css(&self) -> String {
        let (r, g, b) = self.rgb;
        format!("#{r:02X}{g:02X}{b:02X}")
    }
}

/// Dash and gap lengths of a dashed line, px.
pub const DASH_PX: (u8, u8) = (9, 5);

/// Where a text's x is: its start, middle or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// Where a text's y is: the top of its em box, its middle (half an x-height
/// above the baseline) or half an x-height below the baseline, as plotters'
/// SVG backend places text (`dy` 0.76em, 0.5ex, -0.5ex).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// Weight or slant of a font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontStyle {
    Normal,
    Bold,
    Italic,
    Oblique,
}

/// A font that texts of a drawing share (a chart uses two to four).
#[derive(Clone, Debug, PartialEq)]
pub struct Font {
    /// CSS font-family list, as the theme gives it (unescaped).
    pub family: String,
    /// Size in CSS px (plotters' size / 1.24, as its SVG backend writes it).
    pub px: f64,
    pub style: FontStyle,
}

impl Font {
    /// The CSS `font` shorthand, e.g. `bold 13.5px system-ui, sans-serif`.
    pub fn css(&self) -> String {
        let style = match self.style {
            FontStyle::Normal => "",
            FontStyle::Bold => "bold ",
            FontStyle::Italic => "italic ",
            FontStyle::Oblique => "oblique ",
        };
        format!("{style}{}px {}", self.px, self.family)
    }
}

/// One shape, one element of the SVG.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// One pixel, filled.
    Pixel { at: (i32, i32), paint: Paint },
    /// A straight line, `width` px wide.
    Line { from: (i32, i32), to: (i32, i32), width: u32, paint: Paint },
    /// Between two corners, filled or outlined (1 px).
    Rect { from: (i32, i32), to: (i32, i32), filled: bool, paint: Paint },
    /// An open path through the points.
    Path { points: Vec<(i32, i32)>, width: u32, paint: Paint },
    /// A filled polygon.
    Polygon { points: Vec<(i32, i32)>, paint: Paint },
    /// Filled, or outlined `width` px wide.
    Circle { centre: (i32, i32), radius: u32, filled: bool, width: u32, paint: Paint },
    /// `font` indexes [`Drawing::fonts`]; `text` is plain (unescaped).
    Text { at: (i32, i32), text: String, font: usize, align: Align, baseline: Baseline, paint: Paint },
}

/// A chart's size, words and shapes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    /// The chart's `<title>` and `<desc>`: also a canvas's accessible name.
    pub title: String,
    pub desc: String,
    /// The `viewBox`, px; 0 wide until drawn.
    pub width: u32,
    pub height: u32,
    pub fonts: Vec<Font>,
    pub shapes: Vec<Shape>,
    /// Shapes left out: rotated text, which neither the SVG export nor the
    /// canvas draws (no chart asks for it; the tests keep this at zero).
    pub skipped: usize,
}

impl Drawing {
    /// What a canvas showing this drawing is called: its title and description.
    pub fn label(&self) -> String {
        format!("{}. {}", self.title, self.desc)
    }
}
