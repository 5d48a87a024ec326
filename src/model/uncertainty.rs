//! Uncertainty: a Monte Carlo run over min / typical / max ranges of the main
//! assumptions, giving P10 / P50 / P90 and a histogram of a headline figure.
//!
//! Each uncertain input is drawn from a triangular distribution whose mode is
//! the scenario's own value and whose ends are that value scaled by the
//! input's sourced spread (so the range follows the chosen technology and
//! speed). Draws are independent. A seed makes a run reproducible.

use super::evaluate::evaluate;
use super::scenario::{Scenario, input_index};

/// How far an input may plausibly lie below and above its typical value, in
/// % of that value, and where that range comes from.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Spread {
    pub key: &'static str,
    pub below_pct: f64,
    pub above_pct: f64,
    pub source: &'static str,
}

/// Sourced spreads (reference-data.md section numbers).
pub const SPREADS: [Spread; 9] = [
    Spread {
        key: "base_w",
        below_pct: 25.0,
        above_pct: 12.5,
        source: "800G DSP module 12-18 W around 16 W (§1, Disagreements 1)",
    },
    Spread {
        key: "alt_w",
        below_pct: 8.0,
        above_pct: 17.0,
        source: "CPO 5.5-7 pJ/bit around 6 (Disagreements 3); LPO 8-9 W around 8.5 W (§1) is narrower",
    },
    Spread { key: "base_usd", below_pct: 12.0, above_pct: 12.0, source: "800G DSP $1,100-1,400 around $1,250 (§5)" },
    Spread { key: "alt_usd", below_pct: 12.5, above_pct: 12.5, source: "800G LPO $700-900 around $800 (§5)" },
    Spread {
        key: "usd_kwh",
        below_pct: 26.0,
        above_pct: 43.0,
        source: "Texas industrial 6.6 and US commercial ~12.7 c/kWh around 8.9 (§9)",
    },
    Spread {
        key: "pue",
        below_pct: 29.0,
        above_pct: 2.0,
        source: "hyperscale 1.1 to global average 1.59 around 1.56 (§8)",
    },
    Spread { key: "afr", below_pct: 50.0, above_pct: 100.0, source: "pluggable AFR 0.5-2 %/yr around 1 (§11)" },
    Spread {
        key: "sw_w",
        below_pct: 12.5,
        above_pct: 12.5,
        source: "51.2T switch without optics 700-900 W around 800 W (§6)",
    },
    Spread {
        key: "base_ns",
        below_pct: 50.0,
        above_pct: 50.0,
        source: "DSP retiming latency 50-150 ns around 100 ns (§3)",
    },
];

/// Bars of the histogram.
pub const HISTOGRAM_BINS: usize = 24;

/// The outcome of a run for one figure.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Distribution {
    pub samples: usize,
    pub mean: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub min: f64,
    pub max: f64,
    /// Counts of samples in `HISTOGRAM_BINS` equal bins from `min` to `max`.
    pub histogram: Vec<u32>,
}

/// A sample from the triangular distribution (low, mode, high) by inverting
/// its CDF at `u` in [0, 1): F(mode) = (mode - low) / (high - low).
pub fn triangular(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return mode;
    }
    let f = (mode - low) / width;
    if u < f { low + (u * width * (mode - low)).sqrt() } else { high - ((1.0 - u) * width * (high - mode)).sqrt() }
}

/// A Monte Carlo run that can be taken in steps (so a page can run it
/// between frames without blocking input): the same seed gives the same
/// samples whether they are taken at once or in chunks.
pub struct Sampler {
    /// (input index, low, mode, high) per uncertain input, computed once.
    ranges: Vec<(usize, f64, f64, f64)>,
    rng: fastrand::Rng,
    draw: Scenario,
    metric: String,
    values: Vec<f64>,
}

impl Sampler {
    /// A run of `s` with the inputs of `spreads` drawn independently
    /// (triangular, mode = the scenario's value), recording `metric`.
    pub fn new(s: &Scenario, metric: &str, spreads: &[Spread], seed: u64) -> Sampler {
        let ranges = spreads
            .iter()
            .filter_map(|sp| {
                let mode = s.number(sp.key)?;
                Some((
                    input_index(sp.key)?,
                    mode * (1.0 - sp.below_pct / 100.0),
                    mode,
                    mode * (1.0 + sp.above_pct / 100.0),
                ))
            })
            .collect();
        Sampler {
            ranges,
            rng: fastrand::Rng::with_seed(seed),
            draw: s.clone(),
            metric: metric.to_string(),
            values: Vec::new(),
        }
    }

    /// Takes `n` more samples.
    pub fn take(&mut self, n: usize) {
        self.values.reserve(n);
        for _ in 0..n {
            for &(i, low, mode, high) in &self.ranges {
                self.draw.set_number_at(i, triangular(low, mode, high, self.rng.f64()));
            }
            let v = evaluate(&self.draw).metric(&self.metric).unwrap_or(0.0);
            self.values.push(if v.is_finite() { v } else { 0.0 });
        }
    }

    /// Samples taken so far.
    pub fn taken(&self) -> usize {
        self.values.len()
    }

    /// The distribution of the samples taken so far.
    pub fn summary(&self) -> Distribution {
        summarise(self.values.clone())
    }
}

/// Runs `samples` evaluations of `s` with the inputs of `spreads` drawn
/// independently (seeded, so the same seed gives the same result), and
/// summarises the headline figure `metric`. At least one sample is taken.
pub fn monte_carlo(s: &Scenario, metric: &str, spreads: &[Spread], samples: usize, seed: u64) -> Distribution {
    let mut run = Sampler::new(s, metric, spreads, seed);
    run.take(samples.max(1));
    run.summary()
}

/// Mean, percentiles (nearest rank) and histogram of finite values.
pub fn summarise(mut values: Vec<f64>) -> Distribution {
    super::sort::sort_floats(&mut values);
    let n = values.len();
    if n == 0 {
        return Distribution {
            samples: 0,
            mean: 0.0,
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
            min: 0.0,
            max: 0.0,
            histogram: vec![0; HISTOGRAM_BINS],
        };
    }
    let pick = |p: f64| values[(((p * n as f64).ceil() as usize).max(1) - 1).min(n - 1)];
    let (min, max) = (values[0], values[n - 1]);
    let mut histogram = vec![0u32; HISTOGRAM_BINS];
    let width = (max - min) / HISTOGRAM_BINS as f64;
    for &v in &values {
        let bin = if width > 0.0 { ((v - min) / width) as usize } else { 0 };
        histogram[bin.min(HISTOGRAM_BINS - 1)] += 1;
    }
    Distribution {
        samples: n,
        mean: values.iter().sum::<f64>() / n as f64,
        p10: pick(0.10),
        p50: pick(0.50),
        p90: pick(0.90),
        min,
        max,
        histogram,
    }
}
