//! `Report`: every figure the views need, for both sides and their difference.

use super::fabric::MAX_TIERS;
use super::finance::{MAX_YEARS, NpvParts};
use super::latency::{PathLatency, StepLatency};
use super::power::Power;
use super::validate::Notice;

/// Scale-out tiers plus one front-end row.
pub const MAX_ROWS: usize = MAX_TIERS + 1;

/// One tier of one side: the switches of that tier and the links below it.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct TierRow {
    pub name: &'static str,
    /// "optical" or the copper media id ("dac", "aec").
    pub media: &'static str,
    /// Technology id of this level's switch-end modules on this side ("dsp", "cpo", ...).
    pub tech: &'static str,
    pub switches: u64,
    pub links: u64,
    /// The tier's fluid minimum, ceil(ports its links use / radix): what
    /// `switches` is under fluid cabling.
    pub fluid_switches: u64,
    /// Links from one switch of the tier below to each switch of this tier
    /// that it reaches (0 on the GPU level; an average under fluid cabling).
    pub pair_links: f64,
    pub optical_modules: u64,
    pub copper_ends: u64,
    /// Optical modules incl. extra host SerDes, W.
    pub module_power_w: f64,
    pub copper_power_w: f64,
    /// Switch systems of this tier without optics, W.
    pub switch_power_w: f64,
    /// optical modules / GPUs.
    pub modules_per_gpu: f64,
    pub failures_per_year: f64,
}

/// Everything about one side (baseline or proposed).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct SideReport {
    /// Technology id ("dsp", "lpo", ...).
    pub tech: &'static str,
    /// Whether switch ends use breakout modules (2 or 4 ports per module) on any level.
    pub breakout: bool,
    /// Rows `0..row_count` are used; see [`SideReport::tiers`].
    pub rows: [TierRow; MAX_ROWS],
    pub row_count: usize,
    /// Every switch, scale-out (all planes) and front-end.
    pub switches: u64,
    /// Scale-out switches of tiers 1 (leaf) to 4, summed over the planes.
    pub switches_by_level: [u64; MAX_TIERS],
    pub optical_modules: u64,
    /// Optical modules at NIC ends.
    pub nic_end_modules: u64,
    /// Optical modules at switch ends (CPO ports or breakout modules when
    /// the side uses them): optical modules - NIC-end modules.
    pub switch_end_modules: u64,
    pub modules_per_gpu: f64,
    pub power: Power,
    /// The GPU-to-GPU path across the top tier.
    pub latency: PathLatency,
    pub failures_per_year: f64,
    /// Replacement modules + labour + job interruptions, USD/yr.
    pub failure_cost_usd_per_year: f64,
    pub capex_usd: f64,
    /// Network electricity + failure cost, USD/yr.
    pub opex_usd_per_year: f64,
    /// Cumulative cost at the end of years 0..=years (later entries 0), USD.
    pub cumulative_usd: [f64; MAX_YEARS + 1],
}

impl SideReport {
    /// The used tier rows (scale-out tiers, then the front-end row if any).
    pub fn tiers(&self) -> &[TierRow] {
        &self.rows[..self.row_count]
    }
}

/// Baseline minus proposed: positive = the proposal saves.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Delta {
    pub optics_power_saved_w: f64,
    /// Network (IT) power saved, W.
    pub power_saved_w: f64,
    pub facility_power_saved_w: f64,
    pub energy_saved_kwh_per_year: f64,
    /// Electricity cost saved, USD/yr.
    pub cost_saved_usd_per_year: f64,
    pub co2_saved_t_per_year: f64,
    pub failures_avoided_per_year: f64,
    pub failure_cost_saved_usd_per_year: f64,
    /// Proposed capex - baseline capex, USD (positive = the proposal costs more up front).
    pub extra_capex_usd: f64,
    pub opex_saved_usd_per_year: f64,
    pub latency_saved_ns_per_path: f64,
}

/// Every output of the model.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Report {
    /// Scale-out tiers used (per plane).
    pub tiers: usize,
    /// Pods (blocks under the top tier) of all planes; a plane of 1 or 2 tiers is one pod.
    pub pods: u64,
    /// Identical scale-out planes; counts are summed over them.
    pub planes: usize,
    /// GPU ports on the scale-out fabric.
    pub endpoints: u64,
    pub gpus: f64,
    pub years: usize,
    pub baseline: SideReport,
    pub proposed: SideReport,
    pub delta: Delta,
    pub npv_usd: f64,
    /// The NPV split by cause (modules, energy, failures) and the value of
    /// recovered step time, which is outside the NPV.
    pub npv_parts: NpvParts,
    /// None = never within the horizon.
    pub payback_months: Option<f64>,
    /// Server + proposed network watts per GPU, W.
    pub all_in_w_per_gpu: f64,
    pub extra_gpus: f64,
    pub step: StepLatency,
    /// Inputs that evaluation changed, and caveats about the result.
    pub notices: Vec<Notice>,
}

/// A headline figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Metric {
    pub key: &'static str,
    pub label: &'static str,
    pub value: f64,
    pub unit: &'static str,
}

/// Headline metric keys, in display order.
pub const HEADLINE_KEYS: &[&str] = &[
    "optical_modules",
    "nic_end_modules",
    "switch_end_modules",
    "proposed_optical_modules",
    "switches",
    "switches_l1",
    "switches_l2",
    "switches_l3",
    "switches_l4",
    "pods",
    "pair_links_l2",
    "baseline_optics_power_w",
    "proposed_optics_power_w",
    "power_saved_w",
    "facility_power_saved_w",
    "energy_saved_kwh_per_year",
    "cost_saved_usd_per_year",
    "co2_saved_t_per_year",
    "extra_gpus",
    "latency_saved_ns_per_path",
    "latency_saved_us_per_step",
    "failures_avoided_per_year",
    "npv_usd",
    "npv_modules_usd",
    "npv_energy_usd",
    "npv_failures_usd",
    "payback_months",
    "optics_share_of_network_power_pct",
];

/// Value of `payback_months` when the proposal never pays back within the horizon.
pub const PAYBACK_NEVER: f64 = -1.0;

impl Report {
    /// The headline metrics, in [`HEADLINE_KEYS`] order; every value finite.
    pub fn metrics(&self) -> Vec<Metric> {
        HEADLINE_KEYS.iter().filter_map(|k| self.metric_full(k)).collect()
    }

    /// One headline metric's value (`payback_months`: [`PAYBACK_NEVER`] = never).
    pub fn metric(&self, key: &str) -> Option<f64> {
        self.metric_full(key).map(|m| m.value)
    }

    /// One headline metric with its label and unit.
    pub fn metric_full(&self, key: &str) -> Option<Metric> {
        let d = &self.delta;
        let (key, label, value, unit) = match key {
            "optical_modules" => {
                ("optical_modules", "Optical modules (baseline)", self.baseline.optical_modules as f64, "modules")
            }
            "nic_end_modules" => {
                ("nic_end_modules", "NIC-end modules (baseline)", self.baseline.nic_end_modules as f64, "modules")
            }
            "switch_end_modules" => (
                "switch_end_modules",
                "Switch-end modules (baseline)",
                self.baseline.switch_end_modules as f64,
                "modules",
            ),
            "proposed_optical_modules" => (
                "proposed_optical_modules",
                "Optical modules (proposed)",
                self.proposed.optical_modules as f64,
                "modules",
            ),
            "switches" => ("switches", "Switches", self.baseline.switches as f64, "switches"),
            "switches_l1" => ("switches_l1", "Leaf switches", self.baseline.switches_by_level[0] as f64, "switches"),
            "switches_l2" => ("switches_l2", "Spine switches", self.baseline.switches_by_level[1] as f64, "switches"),
            "switches_l3" => ("switches_l3", "Core switches", self.baseline.switches_by_level[2] as f64, "switches"),
            "switches_l4" => {
                ("switches_l4", "Super-spine switches", self.baseline.switches_by_level[3] as f64, "switches")
            }
            "pods" => ("pods", "Pods", self.pods as f64, "pods"),
            "pair_links_l2" => (
                "pair_links_l2",
                "Links per leaf-spine pair",
                self.baseline.rows.get(1).map_or(0.0, |r| r.pair_links),
                "links/pair",
            ),
            "baseline_optics_power_w" => {
                ("baseline_optics_power_w", "Optics power, baseline", self.baseline.power.optics_power_w, "W")
            }
            "proposed_optics_power_w" => {
                ("proposed_optics_power_w", "Optics power, proposed", self.proposed.power.optics_power_w, "W")
            }
            "power_saved_w" => ("power_saved_w", "Network power saved", d.power_saved_w, "W"),
            "facility_power_saved_w" => {
                ("facility_power_saved_w", "Facility power saved", d.facility_power_saved_w, "W")
            }
            "energy_saved_kwh_per_year" => {
                ("energy_saved_kwh_per_year", "Energy saved", d.energy_saved_kwh_per_year, "kWh/yr")
            }
            "cost_saved_usd_per_year" => {
                ("cost_saved_usd_per_year", "Electricity cost saved", d.cost_saved_usd_per_year, "USD/yr")
            }
            "co2_saved_t_per_year" => ("co2_saved_t_per_year", "CO2 avoided", d.co2_saved_t_per_year, "t CO2e/yr"),
            "extra_gpus" => ("extra_gpus", "Extra GPUs in the same power", self.extra_gpus, "GPUs"),
            "latency_saved_ns_per_path" => {
                ("latency_saved_ns_per_path", "Latency saved per path", d.latency_saved_ns_per_path, "ns")
            }
            "latency_saved_us_per_step" => {
                ("latency_saved_us_per_step", "Step time saved", self.step.saved_us_per_step, "us/step")
            }
            "failures_avoided_per_year" => {
                ("failures_avoided_per_year", "Module failures avoided", d.failures_avoided_per_year, "failures/yr")
            }
            "npv_usd" => ("npv_usd", "Net present value", self.npv_usd, "USD"),
            "npv_modules_usd" => ("npv_modules_usd", "NPV: modules", self.npv_parts.modules_usd, "USD"),
            "npv_energy_usd" => ("npv_energy_usd", "NPV: electricity", self.npv_parts.energy_usd, "USD"),
            "npv_failures_usd" => ("npv_failures_usd", "NPV: failures", self.npv_parts.failures_usd, "USD"),
            "payback_months" => ("payback_months", "Payback", self.payback_months.unwrap_or(PAYBACK_NEVER), "months"),
            "optics_share_of_network_power_pct" => (
                "optics_share_of_network_power_pct",
                "Optics share of network power (baseline)",
                self.baseline.power.optics_share_pct,
                "%",
            ),
            _ => return None,
        };
        // `+ 0.0` turns a -0 (a product with a zero) into 0: a `data-value` never reads "-0".
        Some(Metric { key, label, value: value + 0.0, unit })
    }
}
