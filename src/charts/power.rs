//! Network power by tier, baseline vs proposed.

use crate::format::NumberFormat;
use crate::model::report::TierRow;
use crate::model::{InputKind, Report, input_def};

use super::bars::{self, Bar, BarChart, Group, Segment, swatch};
use super::layout::Frame;
use super::{Chart, ChartTheme, DataTable, Side, finite, side_name};

/// Grouped bars: for each tier, the power of its links (optical modules
/// incl. extra host SerDes, plus copper cable ends), then all switch
/// systems; one bar per side. The table adds the network total and the
/// saving per row.
pub fn power_by_tier(r: &Report, fmt: &NumberFormat, theme: &ChartTheme, width_px: u32) -> Chart {
    let frame = Frame::new(width_px);
    let names = [side_name(r, theme, Side::Baseline), side_name(r, theme, Side::Proposed)];
    let (b, p) = (&r.baseline, &r.proposed);

    // (label, baseline W, proposed W)
    let mut rows: Vec<(String, f64, f64)> = Vec::with_capacity(b.tiers().len() + 1);
    for i in 0..b.tiers().len().max(p.tiers().len()) {
        let (rb, rp) = (b.tiers().get(i), p.tiers().get(i));
        let name = rb.or(rp).map_or_else(|| format!("Tier {}", i + 1), tier_label);
        rows.push((name, rb.map_or(0.0, link_power_w), rp.map_or(0.0, link_power_w)));
    }
    let switches = if b.switches == p.switches {
        format!("Switches ({})", fmt.count(b.switches as f64))
    } else {
        "Switches".to_string()
    };
    rows.push((switches, finite(b.power.switch_power_w), finite(p.power.switch_power_w)));

    let (total_b, total_p) = (finite(b.power.network_power_w), finite(p.power.network_power_w));
    let status = bars::verdict(
        fmt,
        total_b,
        total_p,
        &|w| fmt.power_w(w),
        &bars::Verdict {
            saved_tail: " of network power",
            worse_verb: "uses",
            worse_tail: " more network power",
            same: "Both sides draw the same network power",
        },
    );

    let colors = [theme.baseline, theme.proposed];
    let groups = rows
        .iter()
        .map(|(label, vb, vp)| Group {
            label: label.clone(),
            label_color: theme.text,
            bars: [*vb, *vp]
                .iter()
                .zip(colors)
                .map(|(&v, color)| Bar {
                    segments: vec![Segment { value: v, color, label: None }],
                    end_label: fmt.power_w(v),
                })
                .collect(),
        })
        .collect();
    let axis = |v: f64| fmt.power_w(v);
    let spec = BarChart {
        legend: vec![
            swatch(format!("Baseline: {}", names[0]), theme.baseline),
            swatch(format!("Proposed: {}", names[1]), theme.proposed),
        ],
        status: status.clone(),
        groups,
        axis_label: &axis,
    };
    let title = "Network power by tier".to_string();
    let desc = format!(
        "{status}. Baseline ({}) {}, proposed ({}) {}.",
        names[0],
        fmt.power_w(total_b),
        names[1],
        fmt.power_w(total_p)
    );
    let drawing = bars::draw(&spec, &frame, theme, &title, &desc);

    let mut table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|(label, vb, vp)| vec![label.clone(), fmt.power_w(*vb), fmt.power_w(*vp), fmt.power_w(vb - vp)])
        .collect();
    table_rows.push(vec![
        "Total network".into(),
        fmt.power_w(total_b),
        fmt.power_w(total_p),
        fmt.power_w(total_b - total_p),
    ]);
    Chart {
        id: "power-by-tier",
        title: title.clone(),
        drawing,
        table: DataTable {
            caption: format!("{title}: baseline {}, proposed {}. {status}.", names[0], names[1]),
            headers: vec!["Tier".into(), "Baseline".into(), "Proposed".into(), "Saved".into()],
            rows: table_rows,
        },
    }
}

/// Optical modules (incl. host SerDes) plus copper ends of one tier, W.
fn link_power_w(row: &TierRow) -> f64 {
    finite(row.module_power_w) + finite(row.copper_power_w)
}

/// "leaf to spine", or "GPU to leaf · Copper DAC" for a copper tier.
fn tier_label(row: &TierRow) -> String {
    if row.media == "optical" || row.media.is_empty() {
        return row.name.to_string();
    }
    let media = input_def("m1")
        .and_then(|d| match d.kind {
            InputKind::Choice { options, .. } => options.iter().find(|o| o.id == row.media).map(|o| o.label),
            _ => None,
        })
        .unwrap_or(row.media);
    format!("{} · {media}", row.name)
}
