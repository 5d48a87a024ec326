//! Tornado chart: how far one headline figure moves when each main input
//! moves by ±X % (from `model::tornado`), widest bar first.

use crate::format::NumberFormat;
use crate::model::sensitivity::Swing;
use crate::model::{Metric, input_def};

use super::bars::swatch;
use super::layout::Frame;
use super::spans::{self, SpanRow};
use super::{Chart, ChartTheme, DataTable, finite};

fn input_label(key: &str) -> &str {
    input_def(key).map_or(key, |d| d.label)
}

/// "$1.2M to $3.4M": the figure at the input's low and high end (a row's
/// label is "Electricity price: " and this).
fn swing_text(s: &Swing, value: &dyn Fn(f64) -> String) -> String {
    format!("{} to {}", value(s.metric_low), value(s.metric_high))
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
    let row = |s: &Swing| SpanRow {
        name: input_label(s.key).to_string(),
        figure: swing_text(s, &value),
        spans: [(s.metric_low, low_color), (s.metric_high, high_color)]
            .into_iter()
            .map(|(v, color)| (centre, finite(v), color))
            .filter(|(_, v, _)| *v != centre)
            .collect(),
    };
    let all: Vec<SpanRow> = swings.iter().map(row).collect();
    let desc = all.iter().map(SpanRow::text).collect::<Vec<_>>().join("; ");
    // Inputs that barely move the figure stay in the table, not on the chart.
    let rows: Vec<SpanRow> =
        swings.iter().zip(all).filter(|(s, _)| s.range() > centre.abs() * 1e-4).map(|(_, r)| r).collect();
    let drawing = spans::draw(&frame, theme, &value, centre, &rows, legend, &status, &title, &desc);

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
        drawing,
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
