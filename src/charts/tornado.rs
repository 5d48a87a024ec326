//! Tornado chart: how far one headline figure moves when each main input
//! moves by ±X % (from `model::tornado`), widest bar first.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::format::NumberFormat;
use crate::model::sensitivity::Swing;
use crate::model::{Metric, input_def};

use super::bars::swatch;
use super::layout::{self, Axis, Frame, Header, anchor, bold};
use super::{Chart, ChartTheme, DataTable, finite};

fn input_label(key: &str) -> &str {
    input_def(key).map_or(key, |d| d.label)
}

/// "Electricity price: $1.2M to $3.4M": a row's label and its description line.
fn row_text(s: &Swing, value: &dyn Fn(f64) -> String) -> String {
    format!("{}: {} to {}", input_label(s.key), value(s.metric_low), value(s.metric_high))
}

/// One row per input that moves the figure by more than 0.01 %: a label line ("Electricity price: $1.2M to $3.4M"),
/// then a bar from the figure at the input's -X % to its +X %, split at the
/// current figure (a vertical line) and coloured by direction. The table
/// gives the inputs and figures at both ends and the swing.
pub fn tornado_chart(
    metric: &Metric,
    pct: f64,
    swings: &[Swing],
    fmt: &NumberFormat,
    theme: &ChartTheme,
    width_px: u32,
) -> Chart {
    let frame = Frame::new(width_px);
    let value = |v: f64| fmt.metric(v, metric.unit);
    let centre = finite(metric.value);
    let pct_text = fmt.fixed(pct, if pct.fract() == 0.0 { 0 } else { 1 });
    let (low_color, high_color) = (theme.parts[3], theme.parts[2]);
    let legend =
        vec![swatch(format!("Input -{pct_text}%"), low_color), swatch(format!("Input +{pct_text}%"), high_color)];
    let status = match swings.first() {
        Some(top) if top.range() > 0.0 => format!(
            "{} moves most with {}: {} to {} (now {})",
            metric.label,
            input_label(top.key).to_ascii_lowercase(),
            value(top.metric_low),
            value(top.metric_high),
            value(centre)
        ),
        _ => format!("No main input moves {} by ±{pct_text}%", metric.label.to_ascii_lowercase()),
    };
    let title = format!("What moves {} most (±{pct_text}% on each input)", metric.label.to_ascii_lowercase());
    let desc = swings.iter().map(|s| row_text(s, &value)).collect::<Vec<_>>().join("; ");
    // Inputs that barely move the figure stay in the table, not on the chart.
    let visible: Vec<Swing> = swings.iter().filter(|s| s.range() > centre.abs() * 1e-4).cloned().collect();
    let svg = draw(&frame, theme, &value, centre, &visible, legend, &status, (low_color, high_color), &title, &desc);

    let input_value = |key: &str, v: f64| {
        let unit = input_def(key).map_or("", |d| d.unit);
        format!("{} {unit}", fmt.significant(v)).trim_end().to_string()
    };
    let rows = swings
        .iter()
        .map(|s| {
            vec![
                input_label(s.key).to_string(),
                input_value(s.key, s.input_low),
                input_value(s.key, s.input_high),
                value(s.metric_low),
                value(s.metric_high),
                value(s.range()),
            ]
        })
        .collect();
    Chart {
        id: "tornado",
        title,
        svg,
        table: DataTable {
            caption: format!(
                "{} (now {}) with each input at -{pct_text}% and +{pct_text}%",
                metric.label,
                value(centre)
            ),
            headers: vec![
                "Input".into(),
                format!("Input at -{pct_text}%"),
                format!("Input at +{pct_text}%"),
                format!("{} at -{pct_text}%", metric.label),
                format!("{} at +{pct_text}%", metric.label),
                "Swing".into(),
            ],
            rows,
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    frame: &Frame,
    theme: &ChartTheme,
    value: &dyn Fn(f64) -> String,
    centre: f64,
    swings: &[Swing],
    legend: Vec<(String, layout::Key)>,
    status: &str,
    (low_color, high_color): (RGBColor, RGBColor),
    title: &str,
    desc: &str,
) -> String {
    let header = Header::new(frame, legend, status);
    let head_h = header.height(frame);
    let label_h = frame.line(frame.font);
    let gap = (frame.font * 0.6) as i32;
    let row_h = label_h + frame.bar + gap;
    let plot_h = (row_h * swings.len() as i32).max(frame.bar);
    let axis_h = frame.line(frame.tick) + 4;
    let height = head_h + plot_h + axis_h + frame.pad;

    let (lo, hi) = swings
        .iter()
        .flat_map(|s| [finite(s.metric_low), finite(s.metric_high)])
        .fold((centre, centre), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = if hi > lo { hi - lo } else { centre.abs().max(1.0) };
    let (x0, x1) = (lo - span * 0.04, hi + span * 0.04);
    let (left, right, sample) = layout::value_axis_margins(frame, value, x0, x1);
    let plot_w = (frame.width as i32 - left - right).max(40);

    layout::render(frame, height as u32, theme, title, desc, |root| {
        let (head, body) = root.split_vertically(head_h);
        header.draw(&head, frame, theme)?;
        let mut plot = ChartBuilder::on(&body)
            .margin_left(left)
            .margin_right(right)
            .margin_bottom(frame.pad)
            .x_label_area_size(axis_h)
            .build_cartesian_2d(x0..x1, plot_h as f64..0.0)?;
        let ticks = layout::tick_count(frame, plot_w, &sample);
        layout::mesh(&mut plot, frame, theme, Axis { ticks, label: value }, None)?;
        let area = plot.plotting_area();
        let label_style = bold(theme, frame.font, theme.text).pos(anchor(HPos::Left, VPos::Center));
        let mut y = 0;
        for s in swings {
            let text = layout::fit(&row_text(s, value), plot_w + right - frame.pad, frame.font);
            area.draw(&Text::new(text, (x0, (y + label_h / 2) as f64), label_style.clone()))?;
            y += label_h;
            let (top, bottom) = (y as f64, (y + frame.bar) as f64);
            for (v, color) in [(s.metric_low, low_color), (s.metric_high, high_color)] {
                let v = finite(v);
                if v != centre {
                    area.draw(&Rectangle::new([(centre.min(v), top), (centre.max(v), bottom)], color.filled()))?;
                }
            }
            y += frame.bar + gap;
        }
        area.draw(&PathElement::new(vec![(centre, 0.0), (centre, plot_h as f64)], theme.text.stroke_width(2)))?;
        Ok(())
    })
}
