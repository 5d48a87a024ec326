//! Latency of one GPU-to-GPU path across the top tier, part by part.

use crate::format::NumberFormat;
use crate::model::Report;
use crate::model::latency::PathLatency;

use super::bars::{self, Bar, BarChart, Group, Segment, swatch};
use super::layout::Frame;
use super::{Chart, ChartTheme, DataTable, Side, finite, side_name};

const PARTS: [&str; 4] = ["Switch hops", "Modules", "FEC", "Fibre and cable"];

/// The four parts of a path, ns, in [`PARTS`] order.
fn parts(l: &PathLatency) -> [f64; 4] {
    [l.switch_ns, l.module_ns, l.fec_ns, l.fibre_ns].map(|v| finite(v).max(0.0))
}

/// Two stacked bars, baseline and proposed: switch hops, modules, FEC,
/// fibre and cable. The table gives each part, the path total and the saving.
pub fn latency_breakdown(r: &Report, fmt: &NumberFormat, theme: &ChartTheme, width_px: u32) -> Chart {
    let frame = Frame::new(width_px);
    let names = [side_name(r, theme, Side::Baseline), side_name(r, theme, Side::Proposed)];
    let (lb, lp) = (&r.baseline.latency, &r.proposed.latency);
    let (pb, pp) = (parts(lb), parts(lp));
    // The total is the sum of what is drawn, so bars, labels and table agree.
    let (total_b, total_p): (f64, f64) = (pb.iter().sum(), pp.iter().sum());
    let status = bars::verdict(
        fmt,
        total_b,
        total_p,
        &|ns| fmt.duration_ns(ns),
        &bars::Verdict {
            saved_tail: " per path",
            worse_verb: "adds",
            worse_tail: " per path",
            same: "Same path latency on both sides",
        },
    );

    let side_group = |label: String, color, values: [f64; 4], total: f64| Group {
        label,
        label_color: color,
        bars: vec![Bar {
            segments: values
                .iter()
                .zip(theme.parts)
                .map(|(&v, color)| Segment { value: v, color, label: Some(fmt.duration_ns(v)) })
                .collect(),
            end_label: fmt.duration_ns(total),
        }],
    };
    let axis = |v: f64| fmt.duration_ns(v);
    let spec = BarChart {
        legend: PARTS.iter().zip(theme.parts).map(|(name, c)| swatch(name.to_string(), c)).collect(),
        status: status.clone(),
        groups: vec![
            side_group(format!("Baseline: {}", names[0]), theme.baseline, pb, total_b),
            side_group(format!("Proposed: {}", names[1]), theme.proposed, pp, total_p),
        ],
        axis_label: &axis,
    };
    let title = "Latency of one GPU-to-GPU path".to_string();
    let desc = format!(
        "{status}. Baseline ({}) {}, proposed ({}) {}.",
        names[0],
        fmt.duration_ns(total_b),
        names[1],
        fmt.duration_ns(total_p)
    );
    let drawing = bars::draw(&spec, &frame, theme, &title, &desc);

    // Counts in the row labels where both sides cross the same number.
    let counted = |name: &str, what: &str, nb: u32, np: u32| {
        if nb == np { format!("{name} ({} {what})", fmt.count(nb as f64)) } else { name.to_string() }
    };
    let labels = [
        counted(PARTS[0], "switches", lb.switches, lp.switches),
        counted(PARTS[1], "module ends", lb.modules, lp.modules),
        counted(PARTS[2], "links", lb.links, lp.links),
        PARTS[3].to_string(),
    ];
    let mut rows: Vec<Vec<String>> = labels
        .into_iter()
        .zip(pb.iter().zip(pp))
        .map(|(label, (b, p))| vec![label, fmt.duration_ns(*b), fmt.duration_ns(p), fmt.duration_ns(b - p)])
        .collect();
    rows.push(vec![
        "Path total".into(),
        fmt.duration_ns(total_b),
        fmt.duration_ns(total_p),
        fmt.duration_ns(total_b - total_p),
    ]);
    Chart {
        id: "latency-breakdown",
        title: title.clone(),
        drawing,
        table: DataTable {
            caption: format!("{title}: baseline {}, proposed {}. {status}.", names[0], names[1]),
            headers: vec!["Part".into(), "Baseline".into(), "Proposed".into(), "Saved".into()],
            rows,
        },
    }
}
