//! Region presets: electricity price and grid carbon intensity.
//!
//! Prices: U.S. EIA, "Electric Power Annual - Average revenue per kWh by state",
//! industrial sector, data year 2023, released 2024-10-17 (A); US average
//! industrial 8.06 c/kWh via Statista (EIA data), 2024-03-18 (B). Large AI sites
//! buy at industrial or wholesale rates, hence industrial.
//! Carbon: U.S. EPA eGRID2023 summary tables, total output emission rate CO2e,
//! released January 2025 (B; transcription "Version A" per reference-data.md
//! "Disagreements" 8).

/// One preset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    pub id: &'static str,
    pub label: &'static str,
    /// Electricity price, USD/kWh.
    pub usd_kwh: f64,
    /// Grid carbon intensity, kg CO2e/kWh.
    pub kg_kwh: f64,
    /// Where the two figures come from, and their date.
    pub source: &'static str,
}

/// The id of the "no preset" choice: price and intensity are the user's own.
pub const CUSTOM: &str = "custom";

pub static REGIONS: &[Region] = &[
    Region {
        id: "nova",
        label: "Northern Virginia (Dominion / SRVC)",
        usd_kwh: 0.0892,
        kg_kwh: 0.2690,
        source: "EIA Electric Power Annual 2023 (Virginia industrial 8.92 c/kWh, released 2024-10-17); EPA eGRID2023 SRVC 593.1 lb/MWh (Jan 2025)",
    },
    Region {
        id: "ercot",
        label: "Dallas / ERCOT",
        usd_kwh: 0.0660,
        kg_kwh: 0.3360,
        source: "EIA Electric Power Annual 2023 (Texas industrial 6.60 c/kWh, released 2024-10-17); EPA eGRID2023 ERCT 740.8 lb/MWh (Jan 2025)",
    },
    Region {
        id: "svalley",
        label: "Silicon Valley (CAMX)",
        usd_kwh: 0.1864,
        kg_kwh: 0.1987,
        source: "EIA Electric Power Annual 2023 (California industrial 18.64 c/kWh, released 2024-10-17); EPA eGRID2023 CAMX 438.2 lb/MWh (Jan 2025)",
    },
    Region {
        id: "us",
        label: "US average",
        usd_kwh: 0.0806,
        kg_kwh: 0.3516,
        source: "Statista from EIA data (US industrial 8.06 c/kWh, 2023, published 2024-03-18); EPA eGRID2023 US 775.2 lb/MWh (Jan 2025)",
    },
];

/// The preset with this id (None for "custom" or an unknown id).
pub fn region(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn egrid_lb_per_mwh_converts_to_kg_per_kwh() {
        // 593.1 lb/MWh x 0.45359 kg/lb / 1000 kWh/MWh = 0.26902 kg/kWh.
        let kg = 593.1 * 0.453_592_37 / 1000.0;
        assert!((region("nova").unwrap().kg_kwh - kg).abs() < 1e-4);
        assert!((region("us").unwrap().kg_kwh - 775.2 * 0.453_592_37 / 1000.0).abs() < 1e-4);
    }

    #[test]
    fn custom_is_not_a_preset() {
        assert!(region(CUSTOM).is_none());
    }
}
