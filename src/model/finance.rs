//! Finance: capex, opex, cumulative cost, NPV and payback.

/// Longest horizon, years (cumulative arrays hold years 0..=MAX_YEARS).
pub const MAX_YEARS: usize = 10;

/// Capex of the optical modules, USD = module prices x (1 + spares % / 100)
/// + modules x installation USD. Zero when the modules are already owned.
pub fn capex_usd(module_price_usd: f64, modules: f64, spares_pct: f64, install_usd: f64, owned: bool) -> f64 {
    if owned { 0.0 } else { module_price_usd * (1.0 + spares_pct / 100.0) + modules * install_usd }
}

/// Cumulative cost at the end of year y (y = 0 is the purchase), USD =
/// capex + y x opex per year; entries after `years` are 0.
pub fn cumulative_usd(capex_usd: f64, opex_usd_per_year: f64, years: usize) -> [f64; MAX_YEARS + 1] {
    let mut out = [0.0; MAX_YEARS + 1];
    for (y, v) in out.iter_mut().enumerate().take(years.min(MAX_YEARS) + 1) {
        *v = capex_usd + y as f64 * opex_usd_per_year;
    }
    out
}

/// Present value of 1 USD a year for `years` years, USD / (USD/yr) =
/// sum over y = 1..years of 1 / (1 + rate % / 100)^y.
pub fn annuity_factor(rate_pct: f64, years: usize) -> f64 {
    let r = rate_pct / 100.0;
    (1..=years).map(|y| (1.0 + r).powi(-(y as i32))).sum()
}

/// The NPV of choosing the proposal, split by cause. NPV, USD =
/// -(capex_p - capex_b) + (opex_b - opex_p) x [`annuity_factor`], and since
/// opex = electricity + failure cost, that is `modules_usd + energy_usd +
/// failures_usd`. The value of recovered step time is worked out the same way but kept
/// outside it: it is GPU time a faster network may give back, an estimate
/// resting on the exposed share of collectives, not money the fabric's
/// owner pays or saves.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct NpvParts {
    /// -(proposed capex - baseline capex): modules, spares and installation, USD.
    pub modules_usd: f64,
    /// Electricity cost saved per year x annuity factor, USD.
    pub energy_usd: f64,
    /// Failure cost saved per year (replacements, labour, interruptions) x annuity factor, USD.
    pub failures_usd: f64,
    /// Value of recovered GPU-hours per year x annuity factor, USD (not in the NPV).
    pub step_time_usd: f64,
}

impl NpvParts {
    pub fn new(
        extra_capex_usd: f64,
        energy_saved_usd_per_year: f64,
        failures_saved_usd_per_year: f64,
        step_time_usd_per_year: f64,
        rate_pct: f64,
        years: usize,
    ) -> NpvParts {
        let a = annuity_factor(rate_pct, years);
        NpvParts {
            modules_usd: -extra_capex_usd,
            energy_usd: energy_saved_usd_per_year * a,
            failures_usd: failures_saved_usd_per_year * a,
            step_time_usd: step_time_usd_per_year * a,
        }
    }

    /// modules + energy + failures, USD: the NPV of choosing the proposal.
    pub fn npv_usd(&self) -> f64 {
        self.modules_usd + self.energy_usd + self.failures_usd
    }
}

/// Month in which the proposal's extra capex is paid back by its opex saving
/// (months = extra capex / (opex saved per year / 12)); 0 when the proposal
/// costs no more up front and saves no less to run; None ("never") when it
/// costs more to run, or pays back after the horizon.
pub fn payback_months(extra_capex_usd: f64, opex_saved_usd_per_year: f64, years: usize) -> Option<f64> {
    if extra_capex_usd <= 0.0 {
        return (opex_saved_usd_per_year >= 0.0).then_some(0.0);
    }
    if opex_saved_usd_per_year <= 0.0 {
        return None;
    }
    let months = extra_capex_usd / (opex_saved_usd_per_year / 12.0);
    (months <= years as f64 * 12.0).then_some(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capex_hand_worked() {
        // 1,000 modules at $1,000 = $1,000,000; + 5% spares = $1,050,000; + 1,000 x $25 = $1,075,000.
        assert_eq!(capex_usd(1_000_000.0, 1000.0, 5.0, 25.0, false), 1_075_000.0);
        assert_eq!(capex_usd(1_000_000.0, 1000.0, 5.0, 25.0, true), 0.0);
    }

    #[test]
    fn npv_hand_worked() {
        // $100 saved a year for 2 years at 10%: 100/1.1 + 100/1.21 = 90.909 + 82.645 = 173.554;
        // minus $50 extra capex = 123.554.
        assert!((NpvParts::new(50.0, 100.0, 0.0, 0.0, 10.0, 2).npv_usd() - 123.553_719).abs() < 1e-5);
        assert_eq!(NpvParts::new(0.0, 0.0, 100.0, 0.0, 0.0, 5).npv_usd(), 500.0);
    }

    #[test]
    fn npv_parts_sum_to_the_npv() {
        // $50 extra capex; $60 + $40 saved a year for 2 years at 10% (annuity 1.735537):
        // energy 104.132, failures 69.421, modules -50; sum 123.554 as above.
        let p = NpvParts::new(50.0, 60.0, 40.0, 10.0, 10.0, 2);
        assert!((p.energy_usd - 104.132_231).abs() < 1e-5);
        assert!((p.failures_usd - 69.421_488).abs() < 1e-5);
        assert_eq!(p.modules_usd, -50.0);
        assert!((p.npv_usd() - 123.553_719).abs() < 1e-5);
        assert!((p.step_time_usd - 17.355_372).abs() < 1e-5);
    }

    #[test]
    fn payback_cases() {
        // $1,200 extra, $2,400/yr saved -> $200/month -> 6 months.
        assert_eq!(payback_months(1200.0, 2400.0, 5), Some(6.0));
        assert_eq!(payback_months(-10.0, 2400.0, 5), Some(0.0));
        assert_eq!(payback_months(0.0, 0.0, 5), Some(0.0));
        assert_eq!(payback_months(-10.0, -1.0, 5), None);
        assert_eq!(payback_months(1200.0, 0.0, 5), None);
        // 1,200 / (12/12) = 1,200 months > 60: never within the horizon.
        assert_eq!(payback_months(1200.0, 12.0, 5), None);
    }

    #[test]
    fn cumulative_hand_worked() {
        let c = cumulative_usd(100.0, 10.0, 3);
        assert_eq!(&c[..5], &[100.0, 110.0, 120.0, 130.0, 0.0]);
    }
}
