//! Reliability: annual failure rates, the temperature effect of module power,
//! and the cost of each failure.

use super::catalog::AfrClass;

/// Boltzmann constant, eV/K.
pub const BOLTZMANN_EV_PER_K: f64 = 8.617_333e-5;

/// Reliability inputs, in model units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReliabilityInputs {
    /// AFR of a DSP pluggable at the reference temperature, %/yr.
    pub afr_pct: f64,
    /// AFR of a CPO port, %/yr.
    pub afr_cpo_pct: f64,
    /// Arrhenius activation energy, eV (0 = no temperature effect).
    pub ea_ev: f64,
    /// Case temperature change per watt of module power, K/W.
    pub k_per_w: f64,
    /// Case temperature at which `afr_pct` holds, deg C.
    pub case_c: f64,
}

/// Annual failure rate of one module, %/yr.
///
/// Pluggables: AFR = afr_pct x AF, with the Arrhenius acceleration factor
/// AF = exp(Ea / k_B x (1 / T_ref - 1 / T)), T = T_ref + k_per_w x (W - W_ref)
/// in kelvin, where W_ref is the catalog DSP module's power at the same speed
/// (the module the AFR was measured on). A cooler module (W < W_ref) fails
/// less. CPO ports use their own AFR; copper ends are not counted. Capped at
/// 100 %/yr so that absurd temperatures stay finite.
pub fn afr_pct(class: AfrClass, power_w: f64, ref_power_w: f64, p: &ReliabilityInputs) -> f64 {
    match class {
        AfrClass::Copper => 0.0,
        AfrClass::Cpo => p.afr_cpo_pct,
        AfrClass::Pluggable => {
            let t_ref_k = p.case_c + 273.15;
            let t_k = (t_ref_k + p.k_per_w * (power_w - ref_power_w)).max(1.0);
            let af = (p.ea_ev / BOLTZMANN_EV_PER_K * (1.0 / t_ref_k - 1.0 / t_k)).exp();
            (p.afr_pct * af).min(100.0)
        }
    }
}

/// Cost of one module failure, USD = replacement module price + swap labour +
/// job interruption (GPUs x blast share x lost hours x USD per GPU-hour).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FailureCost {
    pub swap_labour_usd: f64,
    /// GPUs x (blast % / 100) x (restart minutes / 60) x USD/GPU-h.
    pub interruption_usd: f64,
}

impl FailureCost {
    pub fn new(gpus: f64, blast_pct: f64, restart_min: f64, gpu_h_usd: f64, swap_labour_usd: f64) -> FailureCost {
        FailureCost { swap_labour_usd, interruption_usd: gpus * blast_pct / 100.0 * restart_min / 60.0 * gpu_h_usd }
    }

    /// USD per failure of a module priced `price_usd`.
    pub fn per_failure_usd(&self, price_usd: f64) -> f64 {
        price_usd + self.swap_labour_usd + self.interruption_usd
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(ea_ev: f64) -> ReliabilityInputs {
        ReliabilityInputs { afr_pct: 1.0, afr_cpo_pct: 0.35, ea_ev, k_per_w: 1.0, case_c: 70.0 }
    }

    #[test]
    fn arrhenius_hand_worked() {
        // 16 W -> 8 W at 1 K/W: 343.15 K -> 335.15 K. Ea = 0.7 eV:
        // Ea/kB = 0.7 / 8.617333e-5 = 8123.1 K; 1/343.15 - 1/335.15 = -6.9557e-5 /K;
        // AF = exp(8123.1 x -6.9557e-5) = exp(-0.56502) = 0.5684 -> AFR 0.568 %/yr.
        let afr = afr_pct(AfrClass::Pluggable, 8.0, 16.0, &inputs(0.7));
        assert!((afr - 0.5684).abs() < 1e-3, "{afr}");
        // At the reference power the AFR is the input.
        assert!((afr_pct(AfrClass::Pluggable, 16.0, 16.0, &inputs(0.7)) - 1.0).abs() < 1e-12);
        // Ea = 0 switches the temperature effect off.
        assert_eq!(afr_pct(AfrClass::Pluggable, 8.0, 16.0, &inputs(0.0)), 1.0);
        assert_eq!(afr_pct(AfrClass::Cpo, 5.0, 16.0, &inputs(0.7)), 0.35);
    }

    #[test]
    fn failure_cost_hand_worked() {
        // 32,768 GPUs x 100% x 15/60 h x $2 = $16,384 interruption; + $1,250 module + $150 labour.
        let c = FailureCost::new(32_768.0, 100.0, 15.0, 2.0, 150.0);
        assert_eq!(c.per_failure_usd(1250.0), 16_384.0 + 1250.0 + 150.0);
    }
}
