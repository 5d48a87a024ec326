//! Rows of horizontal spans along one value axis, with a reference line:
//! the tornado chart (each input's swing around the current figure) and the
//! NPV waterfall (each cause from where the last one ended).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{self, Frame, Header, ValueAxis, anchor, bold};
use super::shapes::Drawing;
use super::{ChartTheme, finite};

/// A label line ("name: figure"), then a bar made of spans (from, to,
/// colour) on one line.
pub(crate) struct SpanRow {
    pub name: String,
    pub figure: String,
    pub spans: Vec<(f64, f64, RGBColor)>,
}

impl SpanRow {
    /// The label whole, as the chart's description gives it.
    pub fn text(&self) -> String {
        format!("{}: {}", self.name, self.figure)
    }
}

/// Draws the rows and a vertical line at `reference`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw(
    frame: &Frame,
    theme: &ChartTheme,
    value: &dyn Fn(f64) -> String,
    reference: f64,
    rows: &[SpanRow],
    legend: Vec<(String, layout::Key)>,
    status: &str,
    title: &str,
    desc: &str,
) -> Drawing {
    let header = Header::new(frame, legend, status);
    let head_h = header.height(frame);
    let label_h = frame.line(frame.font);
    let gap = (frame.font * 0.6) as i32;
    let row_h = label_h + frame.bar + gap;
    let plot_h = (row_h * rows.len() as i32).max(frame.bar);
    let (lo, hi) = rows
        .iter()
        .flat_map(|r| r.spans.iter().flat_map(|&(a, b, _)| [finite(a), finite(b)]))
        .fold((reference, reference), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = if hi > lo { hi - lo } else { reference.abs().max(1.0) };
    let (x0, x1) = (lo - span * 0.04, hi + span * 0.04);
    let axis = ValueAxis::new(frame, value, x0, x1);
    let height = head_h + plot_h + axis.height + frame.pad;

    layout::render(frame, height as u32, theme, title, desc, |root| {
        let (head, body) = root.split_vertically(head_h);
        header.draw(&head, frame, theme)?;
        let plot = axis.plot(&body, frame, theme, x0..x1, plot_h as f64..0.0)?;
        let area = plot.plotting_area();
        let label_style = bold(theme, frame.font, theme.text).pos(anchor(HPos::Left, VPos::Center));
        let mut y = 0;
        for row in rows {
            // Cut in the name when narrow: the figure is what the row is for.
            let figure = format!(": {}", row.figure);
            let text = layout::fit_bold(&row.name, &figure, axis.plot_w + axis.right - frame.pad, frame.font);
            area.draw(&Text::new(text, (x0, (y + label_h / 2) as f64), label_style.clone()))?;
            y += label_h;
            let (top, bottom) = (y as f64, (y + frame.bar) as f64);
            for &(a, b, color) in &row.spans {
                let (a, b) = (finite(a), finite(b));
                area.draw(&Rectangle::new([(a.min(b), top), (a.max(b), bottom)], color.filled()))?;
            }
            y += frame.bar + gap;
        }
        area.draw(&PathElement::new(vec![(reference, 0.0), (reference, plot_h as f64)], theme.text.stroke_width(2)))?;
        Ok(())
    })
}
