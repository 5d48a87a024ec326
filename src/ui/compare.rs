//! Baseline and proposed side by side: fabric per tier, power, energy, money,
//! latency and reliability, with the difference.

use leptos::html;
use leptos::prelude::*;

use crate::embed::catalog::Sku;
use crate::format::NumberFormat;
use crate::model::Report;
use crate::model::report::{SideReport, TierRow};
use crate::ui::in_view::in_view_of;
use crate::ui::settle::Settled;

/// A row of the comparison: label, how to read the figure from one side, and
/// how to write it.
struct Row {
    label: &'static str,
    value: fn(&SideReport) -> f64,
    write: fn(&NumberFormat, f64) -> String,
}

const ROWS: &[Row] = &[
    Row { label: "Optical modules", value: |s| s.optical_modules as f64, write: |f, v| f.count(v) },
    Row { label: "… at NIC ends", value: |s| s.nic_end_modules as f64, write: |f, v| f.count(v) },
    Row { label: "… at switch ends", value: |s| s.switch_end_modules as f64, write: |f, v| f.count(v) },
    Row { label: "Modules per GPU", value: |s| s.modules_per_gpu, write: |f, v| f.fixed(v, 2) },
    Row { label: "Switches", value: |s| s.switches as f64, write: |f, v| f.count(v) },
    Row { label: "Optics power", value: |s| s.power.optics_power_w, write: |f, v| f.power_w(v) },
    Row { label: "Switch power (without optics)", value: |s| s.power.switch_power_w, write: |f, v| f.power_w(v) },
    Row { label: "Network power (IT)", value: |s| s.power.network_power_w, write: |f, v| f.power_w(v) },
    Row { label: "Optics share of network power", value: |s| s.power.optics_share_pct, write: |f, v| f.percent(v) },
    Row { label: "Facility power (× PUE)", value: |s| s.power.facility_power_w, write: |f, v| f.power_w(v) },
    Row { label: "Energy per year", value: |s| s.power.energy_kwh_per_year, write: |f, v| f.energy_kwh(v) },
    Row { label: "Electricity per year", value: |s| s.power.energy_cost_usd_per_year, write: |f, v| f.money(v) },
    Row { label: "CO2 per year (t)", value: |s| s.power.co2_t_per_year, write: |f, v| f.count(v) },
    Row { label: "Path latency", value: |s| s.latency.total_ns, write: |f, v| f.duration_ns(v) },
    Row { label: "Module failures per year", value: |s| s.failures_per_year, write: |f, v| f.significant(v) },
    Row { label: "Failure cost per year", value: |s| s.failure_cost_usd_per_year, write: |f, v| f.money(v) },
    Row { label: "Capex (modules, spares, installation)", value: |s| s.capex_usd, write: |f, v| f.money(v) },
    Row { label: "Opex per year (energy + failures)", value: |s| s.opex_usd_per_year, write: |f, v| f.money(v) },
];

/// "copper DAC"-style media id, or for an optical level its technologies
/// ("optical: dsp / lpo").
fn level_media(b: &TierRow, p: &TierRow) -> String {
    if b.media == "optical" { format!("optical: {} / {}", b.tech, p.tech) } else { b.media.to_string() }
}

/// A tier's switches, with its fluid minimum beside them where the count
/// differs from it ("18 (fluid minimum 16)").
fn switches_text(f: &NumberFormat, row: &TierRow) -> String {
    let n = f.count(row.switches as f64);
    if row.switches == row.fluid_switches {
        n
    } else {
        format!("{n} (fluid minimum {})", f.count(row.fluid_switches as f64))
    }
}

/// `sku` is the host SKU the proposal currently is, if any: the proposed
/// column is headed with the product's name. Out of view, the tables follow
/// the report only when the inputs come to rest (some 60 figures each).
#[component]
pub fn Comparison(report: Memo<Report>, sku: Memo<Option<Sku>>, settled: Settled) -> impl IntoView {
    let panel = NodeRef::<html::Section>::new();
    let report = settled.follow(report, in_view_of(panel));
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    let tier_fmt = fmt.clone();
    let body = move || {
        report.with(|r| {
            ROWS.iter()
                .map(|row| {
                    let (b, p) = ((row.value)(&r.baseline), (row.value)(&r.proposed));
                    view! {
                        <tr>
                            <th scope="row">{row.label}</th>
                            <td>{(row.write)(&fmt, b)}</td>
                            <td>{(row.write)(&fmt, p)}</td>
                            <td>{(row.write)(&fmt, b - p)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let tiers = move || {
        report.with(|r| {
            r.baseline
                .tiers()
                .iter()
                .zip(r.proposed.tiers())
                .map(|(b, p)| {
                    view! {
                        <tr>
                            <th scope="row">{b.name}" ("{level_media(b, p)}")"</th>
                            <td>{switches_text(&tier_fmt, b)}</td>
                            <td>{tier_fmt.count(b.links as f64)}</td>
                            <td>{tier_fmt.pair_links(b.pair_links)}</td>
                            <td>{tier_fmt.count(b.optical_modules as f64)}</td>
                            <td>{tier_fmt.power_w(b.module_power_w + b.copper_power_w)}</td>
                            <td>{tier_fmt.power_w(p.module_power_w + p.copper_power_w)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let tech = move |side: fn(&Report) -> &'static str| report.with(|r| side(r).to_ascii_uppercase());
    let proposed =
        move || sku.with(|k| k.as_ref().map(|k| k.name.clone())).unwrap_or_else(|| tech(|r| r.proposed.tech));
    view! {
        <section class="oc-panel oc-compare" node_ref=panel aria-labelledby="oc-compare-h">
            <h2 id="oc-compare-h">"Side by side"</h2>
            <div class="oc-table-wrap" tabindex="0">
                <table class="oc-table">
                    <caption>"Baseline and proposed optics for the whole fabric"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Figure"</th>
                            <th scope="col">"Baseline ("{move || tech(|r| r.baseline.tech)}")"</th>
                            <th scope="col">"Proposed ("{proposed}")"</th>
                            <th scope="col">"Difference"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <div class="oc-table-wrap" tabindex="0">
                <table class="oc-table">
                    <caption>"Fabric by tier: switches of each tier and the links below it, and how many links join a switch to each switch above it that it reaches (module counts are the baseline's)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Tier"</th>
                            <th scope="col">"Switches"</th>
                            <th scope="col">"Links"</th>
                            <th scope="col">"Links per switch pair"</th>
                            <th scope="col">"Optical modules"</th>
                            <th scope="col">"Link power, baseline"</th>
                            <th scope="col">"Link power, proposed"</th>
                        </tr>
                    </thead>
                    <tbody>{tiers}</tbody>
                </table>
            </div>
        </section>
    }
}
