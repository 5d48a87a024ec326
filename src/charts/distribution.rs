//! Histogram of a Monte Carlo run (from `model::uncertainty`) with its P10,
//! P50 and P90 marked.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use crate::format::NumberFormat;
use crate::model::Metric;
use crate::model::uncertainty::Distribution;

use super::bars::swatch;
use super::layout::{self, Frame, Header, Key, ValueAxis, font, muted};
use super::shapes::Drawing;
use super::{Chart, ChartTheme, DataTable, finite};

/// Vertical bars of the histogram (samples per bin), dashed lines at P10 and
/// P90 and a solid one at P50, each labelled. The table lists the
/// percentiles, then every bin.
pub fn distribution_chart(
    metric: &Metric,
    d: &Distribution,
    fmt: &NumberFormat,
    theme: &ChartTheme,
    width_px: u32,
) -> Chart {
    let frame = Frame::new(width_px);
    let value = |v: f64| fmt.metric(v, metric.unit);
    let (min, max) = (finite(d.min), finite(d.max));
    let bins = d.histogram.len().max(1);
    let bin_w = (max - min) / bins as f64;
    let status = format!(
        "{}: P10 {}, P50 {}, P90 {} ({} samples)",
        metric.label,
        value(d.p10),
        value(d.p50),
        value(d.p90),
        fmt.count(d.samples as f64)
    );
    let title = format!("How sure: {} over {} samples", metric.label.to_ascii_lowercase(), fmt.count(d.samples as f64));
    let desc = format!("{status}. Mean {}, range {} to {}.", value(d.mean), value(min), value(max));
    let legend = vec![
        swatch("Samples".into(), theme.proposed),
        ("P10 / P90".into(), Key::Line(theme.text, true)),
        ("P50".into(), Key::Line(theme.text, false)),
    ];
    let drawing = draw(&frame, theme, &value, d, legend, &status, &title, &desc);

    let mut rows = vec![
        vec!["P10".to_string(), value(d.p10), String::new()],
        vec!["P50".to_string(), value(d.p50), String::new()],
        vec!["P90".to_string(), value(d.p90), String::new()],
        vec!["Mean".to_string(), value(d.mean), String::new()],
    ];
    for (i, &count) in d.histogram.iter().enumerate() {
        let from = min + bin_w * i as f64;
        rows.push(vec![
            format!("Bin {}", i + 1),
            format!("{} to {}", value(from), value(from + bin_w)),
            fmt.count(count as f64),
        ]);
    }
    Chart {
        id: "distribution",
        title,
        drawing,
        table: DataTable {
            caption: status,
            headers: vec!["".into(), metric.label.to_string(), "Samples".into()],
            rows,
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    frame: &Frame,
    theme: &ChartTheme,
    value: &dyn Fn(f64) -> String,
    d: &Distribution,
    legend: Vec<(String, Key)>,
    status: &str,
    title: &str,
    desc: &str,
) -> Drawing {
    let header = Header::new(frame, legend, status);
    let head_h = header.height(frame);
    let plot_h = ((frame.width as f64 * 0.4) as i32).clamp(140, 320);
    let (min, max) = (finite(d.min), finite(d.max));
    let (x0, x1) =
        if max > min { (min, max) } else { (min - min.abs().max(1.0) * 0.05, max + max.abs().max(1.0) * 0.05) };
    let bin_w = (x1 - x0) / d.histogram.len().max(1) as f64;
    let top = d.histogram.iter().copied().max().unwrap_or(0).max(1) as f64 * 1.15;
    let axis = ValueAxis::new(frame, value, x0, x1);
    let height = head_h + plot_h + axis.height + frame.pad;

    layout::render(frame, height as u32, theme, title, desc, |root| {
        let (head, body) = root.split_vertically(head_h);
        header.draw(&head, frame, theme)?;
        let plot = axis.plot(&body, frame, theme, x0..x1, 0.0..top)?;
        let area = plot.plotting_area();
        let px = (x1 - x0) / axis.plot_w as f64;
        for (i, &count) in d.histogram.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let from = x0 + bin_w * i as f64;
            // A 1 px gap between bars.
            let to = (from + bin_w - px).max(from + px.min(bin_w));
            area.draw(&Rectangle::new([(from, 0.0), (to, count as f64)], theme.proposed.filled()))?;
        }
        let label = font(theme, frame.tick, muted(theme));
        for (name, at, dashed) in [("P10", d.p10, true), ("P50", d.p50, false), ("P90", d.p90, true)] {
            let at = finite(at).clamp(x0, x1);
            let line = if dashed { layout::dashed(theme.text, 2) } else { theme.text.stroke_width(2) };
            area.draw(&PathElement::new(vec![(at, 0.0), (at, top)], line))?;
            // P50's label sits lower, clear of P10's and P90's.
            let y = if dashed { top * 0.96 } else { top * 0.86 };
            let (lx, ly) = plot.backend_coord(&(at, y));
            // Labels sit on the outer side of P10 and P90 so they do not collide with P50's.
            let side = match name {
                "P10" => HPos::Right,
                "P90" => HPos::Left,
                _ => HPos::Center,
            };
            let dx = match side {
                HPos::Right => -4,
                HPos::Left => 4,
                HPos::Center => 0,
            };
            layout::halo_text(root, name, (lx + dx, ly), side, &label, frame.tick, theme)?;
        }
        Ok(())
    })
}
