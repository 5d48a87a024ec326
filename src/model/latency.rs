//! Latency: one GPU-to-GPU path across the top tier, and what the per-path
//! saving is worth per collective, per training step and per year.

use super::optics::{Media, SideLevels};
use super::power::HOURS_PER_YEAR;

/// Light in silica fibre (n ~ 1.468), ns/m (Nexgen A/S; dwdm.me; physics).
pub const FIBRE_NS_PER_M: f64 = 4.9;
/// Copper DAC/ACC propagation, ns/m (NVIDIA MCA7J70 ACC specifications).
pub const COPPER_NS_PER_M: f64 = 4.5;

/// Latency of the longest path (up to the top tier and down again).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct PathLatency {
    /// Switches crossed: 2T - 1.
    pub switches: u32,
    /// Links crossed: 2T.
    pub links: u32,
    /// Optical module ends crossed (4T when every level is optical).
    pub modules: u32,
    /// switches x switch ns.
    pub switch_ns: f64,
    /// Sum of each crossed module's (and AEC end's) added latency, ns.
    pub module_ns: f64,
    /// links x FEC ns: host FEC, the same for every technology.
    pub fec_ns: f64,
    /// Sum of link metres x 4.9 ns/m (fibre) or 4.5 ns/m (copper).
    pub fibre_ns: f64,
    /// switch + module + FEC + fibre, ns.
    pub total_ns: f64,
}

/// Latency of the path across `tiers` tiers. Each link level is crossed twice
/// (up and down); an optical level-1 link has a NIC end and a switch end, a
/// higher one two switch ends, each of the technology of that level.
/// `media[t]` and `length_m[t]` describe level t+1.
pub fn path_latency(
    tiers: usize,
    media: &[Media],
    length_m: &[f64],
    side: &SideLevels,
    switch_ns: f64,
    fec_ns: f64,
    speed: usize,
) -> PathLatency {
    let mut p = PathLatency { switches: 2 * tiers as u32 - 1, links: 2 * tiers as u32, ..PathLatency::default() };
    for t in 0..tiers {
        let (per_crossing_ns, ends, ns_per_m) = match media[t] {
            Media::Optical => {
                let level = side.at(t);
                let lower = if t == 0 { &level.nic_end } else { &level.switch_end };
                (lower.spec.latency_ns + level.switch_end.spec.latency_ns, 2, FIBRE_NS_PER_M)
            }
            Media::Copper(tech) => (2.0 * tech.spec(speed).latency_ns, 0, COPPER_NS_PER_M),
        };
        p.module_ns += 2.0 * per_crossing_ns;
        p.modules += 2 * ends;
        p.fibre_ns += 2.0 * length_m[t] * ns_per_m;
    }
    p.switch_ns = p.switches as f64 * switch_ns;
    p.fec_ns = p.links as f64 * fec_ns;
    p.total_ns = p.switch_ns + p.module_ns + p.fec_ns + p.fibre_ns;
    p
}

/// Latency-bound steps of one all-reduce over `n` ranks:
/// ring 2(n - 1); tree 2 x ceil(log2 n). Each step is taken to cross the
/// path above (an upper bound: some steps stay under one leaf).
pub fn collective_steps(ring: bool, n: f64) -> f64 {
    let n = n.max(1.0);
    if ring { 2.0 * (n - 1.0) } else { 2.0 * n.log2().ceil() }
}

/// What the per-path latency difference is worth.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct StepLatency {
    /// Latency-bound steps per collective.
    pub steps_per_collective: f64,
    /// steps x path saving, us.
    pub saved_us_per_collective: f64,
    /// collectives per step x saved per collective, us: the cumulative
    /// latency removed per training step before overlap with compute.
    pub cumulative_saved_us_per_step: f64,
    /// cumulative x exposed share: what actually shortens the step, us.
    pub saved_us_per_step: f64,
    /// Baseline's cumulative module latency per step (modules on path x ns x
    /// steps x collectives), us: the seed's "cumulative latency".
    pub baseline_module_us_per_step: f64,
    /// saved per step / step time x 100, % (capped at 100).
    pub share_of_step_pct: f64,
    /// share x GPUs x 8,760 h, GPU-h/yr.
    pub gpu_hours_per_year: f64,
    /// GPU-hours x USD/GPU-h, USD/yr.
    pub usd_per_year: f64,
}

/// Inputs of [`StepLatency::new`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Workload {
    pub ring: bool,
    /// Ranks per collective.
    pub group: f64,
    pub collectives_per_step: f64,
    pub step_s: f64,
    /// Share of collective latency not hidden by compute, %.
    pub exposed_pct: f64,
    pub gpus: f64,
    pub gpu_h_usd: f64,
}

impl StepLatency {
    /// From the per-path saving (baseline - proposed, ns) and the baseline's module ns per path.
    pub fn new(path_saved_ns: f64, baseline_module_ns: f64, w: &Workload) -> StepLatency {
        let steps = collective_steps(w.ring, w.group);
        let saved_us_per_collective = steps * path_saved_ns / 1000.0;
        let cumulative = w.collectives_per_step * saved_us_per_collective;
        let saved_us_per_step = cumulative * w.exposed_pct / 100.0;
        let share = (saved_us_per_step / 1e6 / w.step_s).clamp(-1.0, 1.0);
        let gpu_hours_per_year = share * w.gpus * HOURS_PER_YEAR;
        StepLatency {
            steps_per_collective: steps,
            saved_us_per_collective,
            cumulative_saved_us_per_step: cumulative,
            saved_us_per_step,
            baseline_module_us_per_step: w.collectives_per_step * steps * baseline_module_ns / 1000.0,
            share_of_step_pct: share * 100.0,
            gpu_hours_per_year,
            usd_per_year: gpu_hours_per_year * w.gpu_h_usd,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::Tech;
    use crate::model::optics::{Breakout, Overrides, SideTech};
    use crate::model::reliability::ReliabilityInputs;

    fn side(tech: Tech) -> SideLevels {
        let rel = ReliabilityInputs { afr_pct: 1.0, afr_cpo_pct: 0.35, ea_ev: 0.0, k_per_w: 1.0, case_c: 70.0 };
        let level = SideTech::resolve(tech, 1, Breakout::NONE, &Overrides::default(), 0.0, &rel);
        SideLevels { tech, levels: [level; 3] }
    }

    #[test]
    fn three_tier_dsp_path_hand_worked() {
        // 3 tiers: 5 switches x 600 = 3,000 ns; 6 links x 100 = 600 ns FEC;
        // 12 modules x 50 = 600 ns; fibre 2 x (10 + 100 + 100) m x 4.9 = 2,058 ns.
        // Total 6,258 ns.
        let media = [Media::Optical; 3];
        let p = path_latency(3, &media, &[10.0, 100.0, 100.0], &side(Tech::Dsp), 600.0, 100.0, 1);
        assert_eq!((p.switches, p.links, p.modules), (5, 6, 12));
        assert_eq!(p.switch_ns, 3000.0);
        assert_eq!(p.fec_ns, 600.0);
        assert_eq!(p.module_ns, 600.0);
        assert!((p.fibre_ns - 2058.0).abs() < 1e-9);
        assert!((p.total_ns - 6258.0).abs() < 1e-9);
        // LPO: only the module term changes, 12 x (50 - 5) = 540 ns; FEC stays.
        let l = path_latency(3, &media, &[10.0, 100.0, 100.0], &side(Tech::Lpo), 600.0, 100.0, 1);
        assert!((p.total_ns - l.total_ns - 540.0).abs() < 1e-9);
        assert_eq!(l.fec_ns, p.fec_ns);
    }

    #[test]
    fn copper_gpu_level_has_no_modules() {
        let media = [Media::Copper(Tech::Dac), Media::Optical];
        let p = path_latency(2, &media, &[2.0, 50.0], &side(Tech::Dsp), 600.0, 100.0, 1);
        assert_eq!(p.modules, 4);
        assert!((p.fibre_ns - (2.0 * 2.0 * 4.5 + 2.0 * 50.0 * 4.9)).abs() < 1e-9);
    }

    #[test]
    fn collective_steps_hand_worked() {
        assert_eq!(collective_steps(true, 1024.0), 2046.0);
        assert_eq!(collective_steps(false, 1024.0), 20.0);
        assert_eq!(collective_steps(false, 1000.0), 20.0);
        assert_eq!(collective_steps(false, 1.0), 0.0);
    }

    #[test]
    fn step_saving_hand_worked() {
        // Tree over 4,096 ranks: 24 steps x 540 ns = 12.96 us per collective;
        // x 100 collectives = 1,296 us cumulative; x 10% exposed = 129.6 us per step;
        // / 2 s = 0.00648%; x 32,768 GPUs x 8,760 h = 18,600.69 GPU-h; x $2 = $37,201.38.
        let w = Workload {
            ring: false,
            group: 4096.0,
            collectives_per_step: 100.0,
            step_s: 2.0,
            exposed_pct: 10.0,
            gpus: 32_768.0,
            gpu_h_usd: 2.0,
        };
        let s = StepLatency::new(540.0, 600.0, &w);
        assert!((s.saved_us_per_collective - 12.96).abs() < 1e-9);
        assert!((s.cumulative_saved_us_per_step - 1296.0).abs() < 1e-9);
        assert!((s.saved_us_per_step - 129.6).abs() < 1e-9);
        assert!((s.gpu_hours_per_year - 18_600.69).abs() < 0.01);
        assert!((s.usd_per_year - 37_201.38).abs() < 0.02);
    }
}
