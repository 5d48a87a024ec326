//! Where the NPV comes from: a waterfall of its causes.

use crate::format::NumberFormat;
use crate::model::Report;

use super::bars::swatch;
use super::layout::{Frame, muted};
use super::spans::{self, SpanRow};
use super::{Chart, ChartTheme, DataTable, finite};

/// One row per cause of the NPV (modules, spares and installation;
/// electricity; failures), each bar starting where the previous one ended,
/// then the NPV itself from zero. The value of recovered step time follows,
/// from zero and in a muted colour, labelled as outside the NPV (see the
/// methodology: it is an estimate of GPU time, not cash the fabric's owner
/// pays or saves). The table lists the same rows and the running total.
pub fn npv_waterfall(r: &Report, fmt: &NumberFormat, theme: &ChartTheme, width_px: u32) -> Chart {
    let frame = Frame::new(width_px);
    let p = &r.npv_parts;
    let npv = finite(r.npv_usd);
    let (gain, loss) = (theme.parts[2], theme.parts[1]);
    let causes = [
        ("Modules, spares and installation", finite(p.modules_usd)),
        ("Electricity", finite(p.energy_usd)),
        ("Failures (replacements, labour, interruptions)", finite(p.failures_usd)),
    ];
    let step = finite(p.step_time_usd);
    let signed = |v: f64| if v > 0.0 { format!("+{}", fmt.money(v)) } else { fmt.money(v) };

    let mut rows = Vec::with_capacity(causes.len() + 2);
    let mut table = Vec::with_capacity(causes.len() + 2);
    let mut at = 0.0;
    for (label, v) in causes {
        rows.push(SpanRow {
            name: label.to_string(),
            figure: signed(v),
            spans: vec![(at, at + v, if v < 0.0 { loss } else { gain })],
        });
        at += v;
        table.push(vec![label.to_string(), signed(v), fmt.money(at)]);
    }
    rows.push(SpanRow {
        name: "Net present value".into(),
        figure: fmt.money(npv),
        spans: vec![(0.0, npv, theme.proposed)],
    });
    table.push(vec!["Net present value".into(), fmt.money(npv), fmt.money(npv)]);
    let step_label = "Recovered step time (not in the NPV)";
    rows.push(SpanRow { name: step_label.into(), figure: signed(step), spans: vec![(0.0, step, muted(theme))] });
    table.push(vec![step_label.into(), signed(step), "outside the NPV".into()]);

    let status = if npv >= 0.0 {
        format!("The proposal is worth {} over {} years", fmt.money(npv), r.years)
    } else {
        format!("The proposal costs {} more over {} years", fmt.money(-npv), r.years)
    };
    let legend = vec![
        swatch("Adds to the NPV".into(), gain),
        swatch("Takes from it".into(), loss),
        swatch("NPV".into(), theme.proposed),
        swatch("Outside the NPV".into(), muted(theme)),
    ];
    let title = "Where the net present value comes from".to_string();
    let desc = rows.iter().map(SpanRow::text).collect::<Vec<_>>().join("; ");
    let value = |v: f64| fmt.money(v);
    let drawing = spans::draw(&frame, theme, &value, 0.0, &rows, legend, &status, &title, &desc);
    Chart {
        id: "npv-waterfall",
        title: title.clone(),
        drawing,
        table: DataTable {
            caption: format!("{title}, discounted at the scenario's rate. {status}."),
            headers: vec!["Cause".into(), "Present value".into(), "Running total".into()],
            rows: table,
        },
    }
}
