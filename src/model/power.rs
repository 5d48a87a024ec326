//! Power and energy of one side's network, and what it costs.

/// Hours in a year (365 days; the cluster is assumed to run all year).
pub const HOURS_PER_YEAR: f64 = 8760.0;

/// Switch system watts without optics: `sw_w_per_51t` x (radix x Gb/s) / 51,200,
/// so a switch of twice the capacity draws twice the power.
pub fn switch_power_w(sw_w_per_51t: f64, radix: f64, gbps: f64) -> f64 {
    sw_w_per_51t * radix * gbps / 51_200.0
}

/// Power, energy, money and carbon of one side's network.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Power {
    /// Optical modules incl. extra host SerDes, W.
    pub optics_power_w: f64,
    /// Switch systems without optics, W.
    pub switch_power_w: f64,
    /// Copper cable ends (DAC/AEC), W.
    pub copper_power_w: f64,
    /// optics + switches + copper, W.
    pub network_power_w: f64,
    /// optics / network x 100, %.
    pub optics_share_pct: f64,
    /// network x PUE, W.
    pub facility_power_w: f64,
    /// facility W x 8,760 h / 1,000, kWh/yr.
    pub energy_kwh_per_year: f64,
    /// energy x USD/kWh, USD/yr.
    pub energy_cost_usd_per_year: f64,
    /// energy x kg CO2e/kWh / 1,000, t CO2e/yr.
    pub co2_t_per_year: f64,
}

impl Power {
    pub fn new(optics_w: f64, switch_w: f64, copper_w: f64, pue: f64, usd_kwh: f64, kg_kwh: f64) -> Power {
        let network_power_w = optics_w + switch_w + copper_w;
        let facility_power_w = network_power_w * pue;
        let energy_kwh_per_year = facility_power_w * HOURS_PER_YEAR / 1000.0;
        Power {
            optics_power_w: optics_w,
            switch_power_w: switch_w,
            copper_power_w: copper_w,
            network_power_w,
            optics_share_pct: if network_power_w > 0.0 { optics_w / network_power_w * 100.0 } else { 0.0 },
            facility_power_w,
            energy_kwh_per_year,
            energy_cost_usd_per_year: energy_kwh_per_year * usd_kwh,
            co2_t_per_year: energy_kwh_per_year * kg_kwh / 1000.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_energy() {
        // 1,000 W optics + 800 W switch = 1,800 W; x PUE 1.5 = 2,700 W;
        // x 8,760 h = 23,652 kWh/yr; x $0.10 = $2,365.20; x 0.4 kg/kWh = 9.4608 t.
        let p = Power::new(1000.0, 800.0, 0.0, 1.5, 0.10, 0.4);
        assert_eq!(p.network_power_w, 1800.0);
        assert_eq!(p.facility_power_w, 2700.0);
        assert!((p.energy_kwh_per_year - 23_652.0).abs() < 1e-9);
        assert!((p.energy_cost_usd_per_year - 2365.2).abs() < 1e-9);
        assert!((p.co2_t_per_year - 9.4608).abs() < 1e-9);
        assert!((p.optics_share_pct - 55.5555).abs() < 1e-3);
    }

    #[test]
    fn switch_power_scales_with_capacity() {
        // 64 x 800G = 51.2T -> 800 W; 128 x 800G = 102.4T -> 1,600 W.
        assert_eq!(switch_power_w(800.0, 64.0, 800.0), 800.0);
        assert_eq!(switch_power_w(800.0, 128.0, 800.0), 1600.0);
    }

    #[test]
    fn empty_network_has_zero_share() {
        assert_eq!(Power::new(0.0, 0.0, 0.0, 1.5, 0.1, 0.4).optics_share_pct, 0.0);
    }
}
