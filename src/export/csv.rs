//! The CSV export: inputs, results side by side, cumulative cost by year.
//!
//! Sections are separated by an empty line and start with a title row, so a
//! spreadsheet shows them one under the other. The file starts with a UTF-8
//! byte-order mark (Excel otherwise reads UTF-8 as the local code page) and
//! uses CRLF line ends and RFC 4180 quoting. Figures are unrounded.

use crate::model::report::{SideReport, TierRow};
use crate::model::{INPUTS, InputKind, Report, Scenario, input_def};
use crate::texts::Texts;

use super::csv_field::{Cell, push_row, text};

/// The whole export. See the module documentation for its layout. The
/// Source column is read from `texts` (`Texts::from_tables()` natively; in
/// the browser, the texts file once loaded).
pub fn to_csv(s: &Scenario, r: &Report, texts: &Texts) -> String {
    let mut out = String::from("\u{FEFF}");
    inputs(&mut out, s, texts);
    out.push_str("\r\n");
    results(&mut out, r);
    out.push_str("\r\n");
    years(&mut out, r);
    if !r.notices.is_empty() {
        out.push_str("\r\n");
        push_row(&mut out, &[text("Notices")]);
        push_row(&mut out, &[text("Input"), text("Notice")]);
        for n in &r.notices {
            push_row(&mut out, &[text(&n.key), text(&n.message)]);
        }
    }
    out
}

/// Every input with its value and default; choices by label, an Override's
/// default is the catalog value it replaces.
fn inputs(out: &mut String, s: &Scenario, texts: &Texts) {
    push_row(out, &[text("Inputs")]);
    push_row(out, &[text("Key"), text("Input"), text("Value"), text("Unit"), text("Default"), text("Source")]);
    for def in INPUTS {
        let (value, default) = match def.kind {
            InputKind::Number { default, .. } => (num(s.number(def.key)), Cell::Num(default)),
            InputKind::Override { .. } => {
                let mut catalog = s.clone();
                catalog.clear_override(def.key);
                (num(s.number(def.key)), num(catalog.number(def.key)))
            }
            InputKind::Choice { default, .. } => {
                (option_label(def.key, s.choice(def.key)), option_label(def.key, Some(default)))
            }
        };
        push_row(
            out,
            &[
                text(def.key),
                text(def.label),
                value,
                text(def.unit),
                default,
                text(texts.source(def.key).unwrap_or_default()),
            ],
        );
    }
}

fn num(v: Option<f64>) -> Cell {
    v.map_or(Cell::Blank, Cell::Num)
}

/// The label of option `id` of choice `key` (the id itself if it has none).
fn option_label(key: &str, id: Option<&str>) -> Cell {
    let Some(id) = id else { return Cell::Blank };
    text(input_def(key).and_then(|d| d.option_label(id)).unwrap_or(id))
}

/// A figure of both sides (of a report or of one tier) and baseline minus
/// proposed (positive = the proposal saves).
fn both<T>(out: &mut String, label: &str, unit: &str, (b, p): (&T, &T), f: impl Fn(&T) -> f64) {
    let (b, p) = (f(b), f(p));
    push_row(out, &[text(label), text(unit), Cell::Num(b), Cell::Num(p), Cell::Num(b - p)]);
}

/// A figure of the comparison itself (only in the difference column).
fn whole(out: &mut String, label: &str, unit: &str, v: Cell) {
    push_row(out, &[text(label), text(unit), Cell::Blank, Cell::Blank, v]);
}

fn results(out: &mut String, r: &Report) {
    push_row(out, &[text("Results")]);
    push_row(out, &[text("Figure"), text("Unit"), text("Baseline"), text("Proposed"), text("Baseline minus proposed")]);
    push_row(
        out,
        &[
            text("Module technology"),
            Cell::Blank,
            option_label("base", Some(r.baseline.tech)),
            option_label("alt", Some(r.proposed.tech)),
        ],
    );
    let breakout = |side: &SideReport| text(if side.breakout { "breakout" } else { "one port per module" });
    push_row(out, &[text("Switch-side modules"), Cell::Blank, breakout(&r.baseline), breakout(&r.proposed)]);
    push_row(out, &[text("Scale-out tiers"), text("tiers"), Cell::Num(r.tiers as f64), Cell::Num(r.tiers as f64)]);
    push_row(out, &[text("Planes"), text("planes"), Cell::Num(r.planes as f64), Cell::Num(r.planes as f64)]);
    push_row(out, &[text("GPU ports"), text("ports"), Cell::Num(r.endpoints as f64), Cell::Num(r.endpoints as f64)]);

    for (b, p) in r.baseline.tiers().iter().zip(r.proposed.tiers()) {
        let name = b.name;
        push_row(
            out,
            &[
                text(&format!("{name}: media")),
                Cell::Blank,
                option_label("m1", Some(b.media)),
                option_label("m1", Some(p.media)),
            ],
        );
        if b.media == "optical" {
            let tech = |t: &TierRow| option_label("base", Some(t.tech));
            push_row(out, &[text(&format!("{name}: technology")), Cell::Blank, tech(b), tech(p)]);
        }
        both(out, &format!("{name}: switches"), "switches", (b, p), |t| t.switches as f64);
        both(out, &format!("{name}: links"), "links", (b, p), |t| t.links as f64);
        both(out, &format!("{name}: optical modules"), "modules", (b, p), |t| t.optical_modules as f64);
        both(out, &format!("{name}: optical modules per GPU"), "modules/GPU", (b, p), |t| t.modules_per_gpu);
        both(out, &format!("{name}: copper cable ends"), "ends", (b, p), |t| t.copper_ends as f64);
        both(out, &format!("{name}: module power"), "W", (b, p), |t| t.module_power_w);
        both(out, &format!("{name}: copper power"), "W", (b, p), |t| t.copper_power_w);
        both(out, &format!("{name}: switch power"), "W", (b, p), |t| t.switch_power_w);
        both(out, &format!("{name}: module failures"), "failures/yr", (b, p), |t| t.failures_per_year);
    }

    let sides = (&r.baseline, &r.proposed);
    both(out, "Switches", "switches", sides, |s| s.switches as f64);
    both(out, "Optical modules", "modules", sides, |s| s.optical_modules as f64);
    both(out, "Optical modules at NIC ends", "modules", sides, |s| s.nic_end_modules as f64);
    both(out, "Optical modules at switch ends", "modules", sides, |s| s.switch_end_modules as f64);
    both(out, "Optical modules per GPU", "modules/GPU", sides, |s| s.modules_per_gpu);
    both(out, "Optics power", "W", sides, |s| s.power.optics_power_w);
    both(out, "Switch power (without optics)", "W", sides, |s| s.power.switch_power_w);
    both(out, "Copper cable power", "W", sides, |s| s.power.copper_power_w);
    both(out, "Network power", "W", sides, |s| s.power.network_power_w);
    both(out, "Optics share of network power", "%", sides, |s| s.power.optics_share_pct);
    both(out, "Facility power (x PUE)", "W", sides, |s| s.power.facility_power_w);
    both(out, "Energy", "kWh/yr", sides, |s| s.power.energy_kwh_per_year);
    both(out, "Electricity cost", "USD/yr", sides, |s| s.power.energy_cost_usd_per_year);
    both(out, "CO2 emissions", "t CO2e/yr", sides, |s| s.power.co2_t_per_year);

    both(out, "Latency path: switches crossed", "switches", sides, |s| f64::from(s.latency.switches));
    both(out, "Latency path: modules crossed", "modules", sides, |s| f64::from(s.latency.modules));
    both(out, "Latency path: switches", "ns", sides, |s| s.latency.switch_ns);
    both(out, "Latency path: modules", "ns", sides, |s| s.latency.module_ns);
    both(out, "Latency path: FEC", "ns", sides, |s| s.latency.fec_ns);
    both(out, "Latency path: fibre and cable", "ns", sides, |s| s.latency.fibre_ns);
    both(out, "Latency path: total", "ns", sides, |s| s.latency.total_ns);
    let st = &r.step;
    whole(out, "Latency-bound steps per collective", "steps", Cell::Num(st.steps_per_collective));
    whole(out, "Latency saved per collective", "us", Cell::Num(st.saved_us_per_collective));
    whole(
        out,
        "Latency saved per training step, before overlap",
        "us/step",
        Cell::Num(st.cumulative_saved_us_per_step),
    );
    whole(out, "Step time saved (exposed share)", "us/step", Cell::Num(st.saved_us_per_step));
    whole(out, "Share of step time saved", "%", Cell::Num(st.share_of_step_pct));
    whole(out, "GPU-hours saved", "GPU-h/yr", Cell::Num(st.gpu_hours_per_year));
    whole(out, "Value of GPU-hours saved", "USD/yr", Cell::Num(st.usd_per_year));

    both(out, "Module failures", "failures/yr", sides, |s| s.failures_per_year);
    both(out, "Cost of failures", "USD/yr", sides, |s| s.failure_cost_usd_per_year);
    both(out, "Capex (modules, spares, installation)", "USD", sides, |s| s.capex_usd);
    both(out, "Opex (electricity and failures)", "USD/yr", sides, |s| s.opex_usd_per_year);
    whole(out, "Net present value of the proposal", "USD", Cell::Num(r.npv_usd));
    let n = &r.npv_parts;
    whole(out, "NPV from modules (with spares and installation)", "USD", Cell::Num(n.modules_usd));
    whole(out, "NPV from electricity", "USD", Cell::Num(n.energy_usd));
    whole(out, "NPV from failures (replacements + labour + interruptions)", "USD", Cell::Num(n.failures_usd));
    whole(out, "Present value of recovered step time (not in the NPV)", "USD", Cell::Num(n.step_time_usd));
    let payback = r.payback_months.map_or_else(|| text(&format!("not within {} years", r.years)), Cell::Num);
    whole(out, "Payback", "months", payback);
    whole(out, "All-in power per GPU (proposed)", "W", Cell::Num(r.all_in_w_per_gpu));
    whole(out, "Extra GPUs in the same power", "GPUs", Cell::Num(r.extra_gpus));
}

/// Cumulative cost at the end of each year (year 0 = purchase).
fn years(out: &mut String, r: &Report) {
    push_row(out, &[text("Cumulative cost by year")]);
    push_row(
        out,
        &[text("Year"), text("Baseline (USD)"), text("Proposed (USD)"), text("Baseline minus proposed (USD)")],
    );
    let rows = r.baseline.cumulative_usd.iter().zip(&r.proposed.cumulative_usd).take(r.years + 1);
    for (y, (&b, &p)) in rows.enumerate() {
        push_row(out, &[Cell::Num(y as f64), Cell::Num(b), Cell::Num(p), Cell::Num(b - p)]);
    }
}
