//! Sensitivity: how much one headline figure moves when each main input
//! moves by ±X % of its current value, others held (a tornado chart).

use super::evaluate::evaluate;
use super::scenario::{Scenario, input_index};

/// The inputs a tornado and a Monte Carlo run vary: the assumptions a finance
/// team questions (module watts and prices, energy, PUE, money, failures),
/// not the cluster the visitor described.
pub const MAIN_INPUTS: [&str; 14] = [
    "base_w",
    "alt_w",
    "base_usd",
    "alt_usd",
    "usd_kwh",
    "pue",
    "rate",
    "afr",
    "spares",
    "install",
    "gpu_h_usd",
    "restart_min",
    "kg_kwh",
    "exposed",
];

/// One bar of the tornado: the figure at the input's low and high value.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Swing {
    pub key: &'static str,
    /// The input at -X % and +X % (after clamping to its range).
    pub input_low: f64,
    pub input_high: f64,
    /// The figure with the input at `input_low` and at `input_high`.
    pub metric_low: f64,
    pub metric_high: f64,
}

impl Swing {
    /// Width of the bar, in the figure's unit: |metric_high - metric_low|.
    pub fn range(&self) -> f64 {
        (self.metric_high - self.metric_low).abs()
    }
}

/// The figure `metric` (a [`HEADLINE_KEYS`](super::HEADLINE_KEYS) key) at the
/// scenario, and one [`Swing`] per input in `keys` moved by ±`pct` % of its
/// value (a multiplicative change: value x (1 ± pct/100), clamped to the
/// input's range), sorted widest first. Unknown keys and inputs at zero (no
/// relative change possible) are left out.
pub fn tornado(s: &Scenario, metric: &str, pct: f64, keys: &[&'static str]) -> (f64, Vec<Swing>) {
    let pct = if pct.is_finite() { pct.clamp(0.0, 100.0) } else { 0.0 };
    let figure = |sc: &Scenario| evaluate(sc).metric(metric).unwrap_or(0.0);
    let centre = figure(s);
    let mut swings: Vec<Swing> = keys
        .iter()
        .filter_map(|&key| {
            let value = s.number(key).filter(|v| *v != 0.0)?;
            let i = input_index(key)?;
            let at = |factor: f64| {
                let mut moved = s.clone();
                moved.set_number_at(i, value * factor);
                let input = moved.number(key).unwrap_or(value);
                (input, figure(&moved))
            };
            let (input_low, metric_low) = at(1.0 - pct / 100.0);
            let (input_high, metric_high) = at(1.0 + pct / 100.0);
            Some(Swing { key, input_low, input_high, metric_low, metric_high })
        })
        .collect();
    super::sort::sort_desc_by(&mut swings, Swing::range);
    (centre, swings)
}
