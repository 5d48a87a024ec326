//! Horizontal bars in labelled groups, shared by the power and latency
//! charts: a label line above each group, bars made of one or more
//! segments, each bar's total at its end, a value axis along the bottom.
//! Horizontal so that long tier and product names read on a phone.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{self, Frame, Header, Key, ValueAxis, anchor, bold, font, text_w};
use super::shapes::Drawing;
use super::{ChartTheme, finite};

pub(crate) struct Segment {
    pub value: f64,
    pub color: RGBColor,
    /// Drawn inside the segment (in the background colour) when it fits.
    pub label: Option<String>,
}

pub(crate) struct Bar {
    pub segments: Vec<Segment>,
    /// Written after the bar's end (its total).
    pub end_label: String,
}

pub(crate) struct Group {
    pub label: String,
    pub label_color: RGBColor,
    pub bars: Vec<Bar>,
}

pub(crate) struct BarChart<'a> {
    pub legend: Vec<(String, Key)>,
    pub status: String,
    pub groups: Vec<Group>,
    /// Tick label of a value on the axis.
    pub axis_label: &'a dyn Fn(f64) -> String,
}

/// Draws the chart.
pub(crate) fn draw(spec: &BarChart, frame: &Frame, theme: &ChartTheme, title: &str, desc: &str) -> Drawing {
    let header = Header::new(frame, spec.legend.clone(), &spec.status);
    let head_h = header.height(frame);
    let label_h = frame.line(frame.font);
    let bar_gap = 3;
    let group_gap = (frame.font * 0.8) as i32;
    let plot_h: i32 = spec.groups.iter().map(|g| label_h + g.bars.len() as i32 * (frame.bar + bar_gap)).sum::<i32>()
        + group_gap * (spec.groups.len() as i32 - 1).max(0);
    let plot_h = plot_h.max(frame.bar);

    let max_total = spec
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .map(|b| b.segments.iter().map(|s| finite(s.value).max(0.0)).sum::<f64>())
        .fold(0.0, f64::max);
    let axis = ValueAxis::new(frame, spec.axis_label, 0.0, max_total);
    let height = head_h + plot_h + axis.height + frame.pad;
    let plot_w = axis.plot_w;
    let end_w =
        spec.groups.iter().flat_map(|g| &g.bars).map(|b| text_w(&b.end_label, frame.font)).max().unwrap_or(0) + 6;
    // Leave room after the longest bar for its total.
    let usable = (plot_w - end_w).max(plot_w * 9 / 20) as f64;
    let x_max = if max_total > 0.0 { max_total * plot_w as f64 / usable } else { 1.0 };
    let px = x_max / plot_w as f64;

    layout::render(frame, height as u32, theme, title, desc, |root| {
        let (head, body) = root.split_vertically(head_h);
        header.draw(&head, frame, theme)?;
        let plot = axis.plot(&body, frame, theme, 0.0..x_max, plot_h as f64..0.0)?;
        let area = plot.plotting_area();
        let group_style = bold(theme, frame.font, theme.text).pos(anchor(HPos::Left, VPos::Center));
        let end_style = font(theme, frame.font, theme.text).pos(anchor(HPos::Left, VPos::Center));
        let inner_style = font(theme, frame.tick, theme.background).pos(anchor(HPos::Center, VPos::Center));
        let mut y = 0;
        for g in &spec.groups {
            let label = layout::fit_bold(&g.label, "", plot_w + axis.right - frame.pad, frame.font);
            let style = group_style.color(&g.label_color);
            area.draw(&Text::new(label, (0.0, (y + label_h / 2) as f64), style))?;
            y += label_h;
            for b in &g.bars {
                let (top, bottom) = (y as f64, (y + frame.bar) as f64);
                let mut x = 0.0;
                for s in &b.segments {
                    let v = finite(s.value).max(0.0);
                    if v <= 0.0 {
                        continue;
                    }
                    // A 1 px gap separates adjacent segments.
                    let x1 = (x + v - px).max(x + px.min(v));
                    area.draw(&Rectangle::new([(x, top), (x1, bottom)], s.color.filled()))?;
                    if let Some(text) = &s.label
                        && (v / px) as i32 >= text_w(text, frame.tick) + 8
                    {
                        let mid = ((x + x1) / 2.0, (top + bottom) / 2.0);
                        area.draw(&Text::new(text.as_str(), mid, inner_style.clone()))?;
                    }
                    x += v;
                }
                let (ex, ey) = plot.backend_coord(&(x, (top + bottom) / 2.0));
                root.draw(&Text::new(b.end_label.as_str(), (ex + 5, ey), end_style.clone()))?;
                y += frame.bar + bar_gap;
            }
            y += group_gap;
        }
        Ok(())
    })
}

/// Legend key of a bar colour.
pub(crate) fn swatch(label: String, color: RGBColor) -> (String, Key) {
    (label, Key::Swatch(color))
}

/// How a chart's one-line verdict reads, for [`verdict`].
pub(crate) struct Verdict {
    /// After "Proposed saves <amount> (<share>)".
    pub saved_tail: &'static str,
    /// "Proposed <worse_verb> <amount> (<share>)<worse_tail>" when the proposal is worse.
    pub worse_verb: &'static str,
    pub worse_tail: &'static str,
    /// When both totals are equal.
    pub same: &'static str,
}

/// The chart's verdict on baseline total `total_b` vs proposed `total_p`:
/// the difference written by `amount`, and its share of the baseline.
pub(crate) fn verdict(
    fmt: &crate::format::NumberFormat,
    total_b: f64,
    total_p: f64,
    amount: &dyn Fn(f64) -> String,
    words: &Verdict,
) -> String {
    let saved = total_b - total_p;
    let share = share(fmt, saved.abs(), total_b).map_or_else(String::new, |s| format!(" ({s})"));
    if saved > 0.0 {
        format!("Proposed saves {}{share}{}", amount(saved), words.saved_tail)
    } else if saved < 0.0 {
        format!("Proposed {} {}{share}{}", words.worse_verb, amount(-saved), words.worse_tail)
    } else {
        words.same.to_string()
    }
}

/// Share of `part` in `whole` as text ("12.3%"), or None when `whole` is 0.
pub(crate) fn share(fmt: &crate::format::NumberFormat, part: f64, whole: f64) -> Option<String> {
    (whole.abs() > 0.0 && part.is_finite() && whole.is_finite()).then(|| fmt.percent(part / whole * 100.0))
}
