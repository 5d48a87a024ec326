//! The one place for what every chart shares: sizes from the width, fonts,
//! the header (legend and status line), axes, and the drawing they go on.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ChartTheme;
use super::record::Recorder;
use super::shapes::Drawing;

pub(crate) type Area<'a> = DrawingArea<Recorder<'a>, Shift>;
/// A plot over f64 x f64 on `'a`'s drawing area of a recorder writing into `'b`.
pub(crate) type Plot<'a, 'b> = ChartContext<'a, Recorder<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
pub(crate) type DrawResult = Result<(), Failed>;

/// That a drawing failed, and no more: the recorder never fails (its error
/// is `Infallible`), and nothing shows why. Boxing plotters' errors as
/// `dyn Error` kept their `Display` and `Debug` code in the wasm (~0.3 KB).
#[derive(Debug)]
pub(crate) struct Failed;

impl<E: std::error::Error> From<E> for Failed {
    fn from(_: E) -> Self {
        Failed
    }
}

/// Sizes that follow from the container width.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub width: u32,
    /// Labels, legend, status line, px.
    pub font: f64,
    /// Axis tick labels, px (>= 11.5).
    pub tick: f64,
    /// Outer padding, px.
    pub pad: i32,
    /// Bar thickness, px.
    pub bar: i32,
}

impl Frame {
    /// 340 px wide: 12 px text, 11.5 px ticks; 720 px: 13.5 / 13; 960 px and up: 14 / 13.5.
    pub fn new(width_px: u32) -> Frame {
        let width = width_px.clamp(280, 2000);
        let font = (10.5 + width as f64 / 240.0).clamp(12.0, 14.0);
        Frame {
            width,
            font,
            tick: (font - 0.5).max(11.5),
            pad: if width < 480 { 8 } else { 14 },
            bar: (font * 1.3).round() as i32,
        }
    }

    /// Height of one line of text at `px`.
    pub fn line(&self, px: f64) -> i32 {
        (px * 1.4).ceil() as i32
    }
}

/// Estimated width of `s` at `px` in a proportional sans-serif, erring wide.
/// (Estimated rather than measured: see the module docs of `charts`.)
pub(crate) fn text_w(s: &str, px: f64) -> i32 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.3,
            'f' | 't' | 'r' | '(' | ')' | '-' | '/' | 'I' => 0.38,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.86,
            'A'..='Z' => 0.68,
            _ => 0.57,
        })
        .sum();
    (em * px * 1.04).ceil() as i32
}

/// Bold text runs about this much wider than [`text_w`]'s estimate.
pub(crate) const BOLD_WIDER: f64 = 1.2;

/// A bold label, `head` then `tail` (its figure), that fits `max_w` at
/// `px`: `head` is cut, with an ellipsis, so that the figure stays whole.
pub(crate) fn fit_bold(head: &str, tail: &str, max_w: i32, px: f64) -> String {
    let px = px * BOLD_WIDER;
    format!("{}{tail}", fit(head, max_w - text_w(tail, px), px))
}

/// `s` cut to fit `max_w` at `px`, with an ellipsis if cut.
pub(crate) fn fit(s: &str, max_w: i32, px: f64) -> String {
    if text_w(s, px) <= max_w {
        return s.to_string();
    }
    let mut out: String = s.chars().collect();
    while !out.is_empty() && text_w(&out, px) + text_w("…", px) > max_w {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// Words of `s` in lines no wider than `max_w` at `px` (an overlong word is cut).
pub(crate) fn wrap(s: &str, max_w: i32, px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if text_w(&candidate, px) <= max_w || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| fit(&l, max_w, px)).collect()
}

/// A text style of `px` CSS pixels (plotters writes font-size = size / 1.24).
/// The family is passed as a name: plotters' `From<&str>` lower-cases it to
/// spot "serif" and the like, which links std's Unicode case tables (12 KB).
pub(crate) fn font<'a>(theme: &'a ChartTheme, px: f64, color: RGBColor) -> TextStyle<'a> {
    (FontFamily::Name(&theme.font_family), px * 1.24).into_font().color(&color)
}

/// Bold variant of [`font`].
pub(crate) fn bold<'a>(theme: &'a ChartTheme, px: f64, color: RGBColor) -> TextStyle<'a> {
    (FontFamily::Name(&theme.font_family), px * 1.24, FontStyle::Bold).into_font().color(&color)
}

/// `a` moved `t` (0..1) of the way towards `b`.
pub(crate) fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round().clamp(0.0, 255.0) as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// Secondary text (ticks, notes): text colour a little towards the background.
pub(crate) fn muted(theme: &ChartTheme) -> RGBColor {
    mix(theme.text, theme.background, 0.25)
}

/// Anchor for text styles.
pub(crate) fn anchor(h: HPos, v: VPos) -> Pos {
    Pos::new(h, v)
}

/// What a legend entry's key looks like.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Key {
    /// A filled square (bars).
    Swatch(RGBColor),
    /// A line segment, solid or dashed (line charts).
    Line(RGBColor, bool),
}

/// The block above the plot: legend entries, then a bold status line.
pub(crate) struct Header {
    entries: Vec<(String, Key, i32, i32)>,
    status: Vec<String>,
    legend_rows: i32,
}

impl Header {
    /// Lays out `items` left to right, wrapping into rows within the width.
    pub fn new(frame: &Frame, items: Vec<(String, Key)>, status: &str) -> Header {
        let max_w = frame.width as i32 - 2 * frame.pad;
        let key_w = (frame.font * 1.6) as i32;
        let gap = (frame.font * 1.2) as i32;
        let (mut x, mut row) = (0, 0);
        let mut entries = Vec::with_capacity(items.len());
        for (label, key) in items {
            let label = fit(&label, max_w - key_w, frame.font);
            let w = key_w + text_w(&label, frame.font);
            if x > 0 && x + w > max_w {
                x = 0;
                row += 1;
            }
            entries.push((label, key, x, row));
            x += w + gap;
        }
        let legend_rows = if entries.is_empty() { 0 } else { row + 1 };
        // The status line is bold.
        Header { entries, status: wrap(status, max_w, frame.font * BOLD_WIDER), legend_rows }
    }

    /// Height of the block, including the padding above it and the gap below.
    pub fn height(&self, frame: &Frame) -> i32 {
        let line = frame.line(frame.font);
        frame.pad + (self.legend_rows + self.status.len() as i32) * line + line / 2
    }

    pub fn draw(&self, area: &Area, frame: &Frame, theme: &ChartTheme) -> DrawResult {
        let line = frame.line(frame.font);
        let key_w = (frame.font * 1.6) as i32;
        let size = (frame.font * 0.85) as i32;
        let label = font(theme, frame.font, theme.text).pos(anchor(HPos::Left, VPos::Center));
        for (text, key, x, row) in &self.entries {
            let x = frame.pad + x;
            let cy = frame.pad + row * line + line / 2;
            match key {
                Key::Swatch(c) => {
                    area.draw(&Rectangle::new([(x, cy - size / 2), (x + size, cy + size / 2)], c.filled()))?;
                }
                Key::Line(c, dashed) => {
                    let style = c.stroke_width(3);
                    let end = x + key_w - 6;
                    if *dashed {
                        let dash = ((end - x) / 3).max(2);
                        area.draw(&PathElement::new(vec![(x, cy), (x + dash, cy)], style))?;
                        area.draw(&PathElement::new(vec![(end - dash, cy), (end, cy)], style))?;
                    } else {
                        area.draw(&PathElement::new(vec![(x, cy), (end, cy)], style))?;
                    }
                }
            }
            area.draw(&Text::new(text.as_str(), (x + key_w - 2, cy), label.clone()))?;
        }
        let status = bold(theme, frame.font, theme.text).pos(anchor(HPos::Left, VPos::Center));
        for (i, text) in self.status.iter().enumerate() {
            let cy = frame.pad + (self.legend_rows + i as i32) * line + line / 2;
            area.draw(&Text::new(text.as_str(), (frame.pad, cy), status.clone()))?;
        }
        Ok(())
    }
}

/// How one axis is labelled.
pub(crate) struct Axis<'f> {
    /// At most this many tick labels.
    pub ticks: usize,
    pub label: &'f dyn Fn(f64) -> String,
}

/// The value axis along the bottom of a chart with no y labels (horizontal
/// bars and spans, the histogram): tick labels centred on their ticks, so
/// margins of half the end labels, and as many labels as fit.
pub(crate) struct ValueAxis<'f> {
    pub left: i32,
    pub right: i32,
    /// Width of the plot between the margins, px.
    pub plot_w: i32,
    /// Height of the tick labels' row, px.
    pub height: i32,
    ticks: usize,
    label: &'f dyn Fn(f64) -> String,
}

impl<'f> ValueAxis<'f> {
    /// An axis whose labels run from `x0` to `x1`.
    pub fn new(frame: &Frame, label: &'f dyn Fn(f64) -> String, x0: f64, x1: f64) -> Self {
        let sample = label(if x1.abs() > x0.abs() { x1 } else { x0 });
        let left = frame.pad + text_w(&label(x0), frame.tick) / 2;
        let right = frame.pad + text_w(&sample, frame.tick) / 2;
        let plot_w = (frame.width as i32 - left - right).max(40);
        let ticks = tick_count(frame, plot_w, &sample);
        ValueAxis { left, right, plot_w, height: frame.line(frame.tick) + 4, ticks, label }
    }

    /// The plot over `x` by `y` on `body` (below a chart's header), with its
    /// grid and tick labels drawn.
    pub fn plot<'a, 'b>(
        &self,
        body: &'a Area<'b>,
        frame: &Frame,
        theme: &ChartTheme,
        x: std::ops::Range<f64>,
        y: std::ops::Range<f64>,
    ) -> Result<Plot<'a, 'b>, Failed> {
        let mut plot = ChartBuilder::on(body)
            .margin_left(self.left)
            .margin_right(self.right)
            .margin_bottom(frame.pad)
            .x_label_area_size(self.height)
            .build_cartesian_2d(x, y)?;
        mesh(&mut plot, frame, theme, Axis { ticks: self.ticks, label: self.label }, None)?;
        Ok(plot)
    }
}

/// At most how many tick labels of about `sample` fit along `length_px`.
pub(crate) fn tick_count(frame: &Frame, length_px: i32, sample: &str) -> usize {
    let each = text_w(sample, frame.tick) + (frame.tick * 1.5) as i32;
    (length_px / each.max(1)).clamp(2, 8) as usize
}

/// Grid lines and tick labels: x along the bottom; y on the left, or none
/// (then only vertical grid lines, for horizontal bars).
pub(crate) fn mesh(plot: &mut Plot<'_, '_>, frame: &Frame, theme: &ChartTheme, x: Axis, y: Option<Axis>) -> DrawResult {
    let tick_style = font(theme, frame.tick, muted(theme));
    let x_fmt = |v: &f64| (x.label)(*v);
    let y_fmt = |v: &f64| y.as_ref().map_or_else(String::new, |a| (a.label)(*v));
    let mut m = plot.configure_mesh();
    m.bold_line_style(theme.grid.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(mix(theme.grid, theme.text, 0.3).stroke_width(1))
        .label_style(tick_style)
        .set_all_tick_mark_size(0)
        .x_labels(x.ticks)
        .x_label_formatter(&x_fmt)
        .x_max_light_lines(0)
        .y_max_light_lines(0);
    match &y {
        Some(a) => {
            m.y_labels(a.ticks).y_label_formatter(&y_fmt);
        }
        None => {
            m.disable_y_mesh().disable_y_axis();
        }
    }
    m.draw()?;
    Ok(())
}

/// Text with a background-coloured box behind it, so it reads over lines.
pub(crate) fn halo_text(
    area: &Area,
    text: &str,
    (x, y): (i32, i32),
    h: HPos,
    style: &TextStyle,
    px: f64,
    theme: &ChartTheme,
) -> DrawResult {
    let w = text_w(text, px);
    let half = (px * 0.7).ceil() as i32;
    let x0 = match h {
        HPos::Left => x,
        HPos::Center => x - w / 2,
        HPos::Right => x - w,
    };
    area.draw(&Rectangle::new([(x0 - 3, y - half), (x0 + w + 3, y + half)], theme.background.filled()))?;
    area.draw(&Text::new(text, (x, y), style.pos(anchor(h, VPos::Center))))?;
    Ok(())
}

/// Draws through `draw` onto a `width` x `height` drawing titled `title`
/// and described by `desc`. A drawing error (none is expected from the
/// recorder) leaves an empty but valid chart.
pub(crate) fn render(
    frame: &Frame,
    height: u32,
    theme: &ChartTheme,
    title: &str,
    desc: &str,
    draw: impl FnOnce(&Area) -> DrawResult,
) -> Drawing {
    let mut drawing = Drawing {
        title: title.into(),
        desc: desc.into(),
        width: frame.width,
        height: height.max(1),
        ..Drawing::default()
    };
    let drawn = {
        let root = Recorder::new(&mut drawing).into_drawing_area();
        root.fill(&theme.background)
            .map_err(Failed::from)
            .and_then(|_| draw(&root))
            .and_then(|_| root.present().map_err(Failed::from))
    };
    if drawn.is_err() {
        drawing.shapes.clear();
    }
    drawing
}

/// The opacity that marks a line to be dashed. plotters has no dash
/// pattern: its dashed series and paths draw every dash as a path of its
/// own (51 for a line across the cost chart), and exported SVGs were hard to
/// edit. [`dashed`] draws the line whole with this opacity, and the
/// recorder turns the mark into a dashed shape of opacity 1. 1 - 2^-10 is
/// exact, and no other colour of the charts uses it.
pub(crate) const DASH_MARK: f64 = 0.9990234375;

/// The style of a dashed line in `color`, `width_px` wide: draw it with
/// plotters' solid `PathElement` or `LineSeries`.
pub(crate) fn dashed(color: RGBColor, width_px: u32) -> ShapeStyle {
    ShapeStyle { color: color.mix(DASH_MARK), filled: false, stroke_width: width_px }
}
