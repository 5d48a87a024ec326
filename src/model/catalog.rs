//! Catalog of interconnect technologies x module speed.
//!
//! Every figure is per *module* (pluggables) or per *port* (CPO engines,
//! copper cable ends) and cites reference-data.md; "estimate" marks the C/E
//! figures. A host page can override watts, latency and price per scenario
//! through the `base_*` / `alt_*` inputs.

/// Interconnect technology of one link end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tech {
    /// DSP-retimed pluggable (EML or VCSEL optics).
    Dsp,
    /// Linear receive optics: transmit DSP kept, receive DSP removed (half-retimed).
    Lro,
    /// Linear-drive pluggable optics: no DSP, the host SerDes drives the optics.
    Lpo,
    /// Silicon-photonics pluggable (still DSP-retimed).
    Siph,
    /// Co-packaged optics: optical engines beside the switch ASIC (switch ends only).
    Cpo,
    /// Passive direct-attach copper.
    Dac,
    /// Active electrical cable (retimed copper).
    Aec,
}

/// Module speeds in the catalog, in Gb/s; index = position in this array.
pub const SPEEDS_GBPS: [f64; 4] = [400.0, 800.0, 1600.0, 3200.0];

/// Figures for one technology at one module speed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModuleSpec {
    /// Power drawn by the module (or CPO port, or copper cable end), W.
    pub power_w: f64,
    /// Latency the module adds to a link end, ns (DSP retiming; not FEC).
    pub latency_ns: f64,
    /// Price of one module / port / cable end, USD.
    pub price_usd: f64,
    /// Reach, m.
    pub reach_m: f64,
}

impl Tech {
    /// Parse a technology id as used by the `base` / `alt` inputs and the per-tier media.
    pub fn from_id(id: &str) -> Option<Tech> {
        Some(match id {
            "dsp" => Tech::Dsp,
            "lro" => Tech::Lro,
            "lpo" => Tech::Lpo,
            "siph" => Tech::Siph,
            "cpo" => Tech::Cpo,
            "dac" => Tech::Dac,
            "aec" => Tech::Aec,
            _ => return None,
        })
    }

    pub fn id(self) -> &'static str {
        match self {
            Tech::Dsp => "dsp",
            Tech::Lro => "lro",
            Tech::Lpo => "lpo",
            Tech::Siph => "siph",
            Tech::Cpo => "cpo",
            Tech::Dac => "dac",
            Tech::Aec => "aec",
        }
    }

    pub fn is_optical(self) -> bool {
        !matches!(self, Tech::Dac | Tech::Aec)
    }

    /// Share of the link end that is linear (driven by the host SerDes):
    /// 1 for LPO, 0.5 for LRO (one direction retimed), else 0. Scales the
    /// `host_w` input (extra host SerDes watts per fully linear port).
    pub fn linear_share(self) -> f64 {
        match self {
            Tech::Lpo => 1.0,
            Tech::Lro => 0.5,
            _ => 0.0,
        }
    }

    /// CPO sits in the switch package, so the GPU's NIC end of a CPO link
    /// stays a pluggable; NVIDIA's Quantum-X Photonics pairs CPO switches with
    /// pluggable NIC optics (Wedoany, reference §1). That end uses DSP.
    pub fn nic_end(self) -> Tech {
        match self {
            Tech::Cpo => Tech::Dsp,
            t => t,
        }
    }

    /// Whether a module of this technology can carry several ports (twin-port
    /// OSFP, 4-port breakout); CPO engines are counted per port.
    pub fn can_break_out(self) -> bool {
        matches!(self, Tech::Dsp | Tech::Lro | Tech::Lpo | Tech::Siph)
    }

    /// Annual failure rate class: CPO has its own (derived) AFR input; copper
    /// ends are treated as not failing in this model (passive or simple retimer;
    /// they are the same on both sides of every comparison).
    pub fn afr_class(self) -> AfrClass {
        match self {
            Tech::Cpo => AfrClass::Cpo,
            Tech::Dac | Tech::Aec => AfrClass::Copper,
            _ => AfrClass::Pluggable,
        }
    }

    /// Catalog entry at a module speed index (see [`SPEEDS_GBPS`]).
    pub fn spec(self, speed_idx: usize) -> ModuleSpec {
        CATALOG[self as usize][speed_idx.min(3)]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfrClass {
    Pluggable,
    Cpo,
    Copper,
}

/// Index of a port speed in [`SPEEDS_GBPS`] (nearest not below; 3.2T at most).
pub fn speed_index(gbps: f64) -> usize {
    SPEEDS_GBPS.iter().position(|&s| gbps <= s).unwrap_or(3)
}

const fn m(power_w: f64, latency_ns: f64, price_usd: f64, reach_m: f64) -> ModuleSpec {
    ModuleSpec { power_w, latency_ns, price_usd, reach_m }
}

/// Rows in [`Tech`] order; columns 400G, 800G, 1.6T, 3.2T.
///
/// Sources (reference-data.md):
/// - DSP 400G 9 W: NVIDIA MMS4X00-NS400 datasheet (A). 800G 16 W typ: NVIDIA
///   MMS4X00-NS 2xDR4 datasheet (A; "Disagreements" 1). 1.6T 25 W:
///   "Disagreements" 4 (C sources 23-30 W). 3.2T 40 W: estimate (12.5 pJ/bit,
///   ~20% below 1.6T per bit as Marvell claims for its 3 nm DSP).
///   50 ns per module: ChipCraft "Broadcom Tomahawk5 Switch Chip" (C: ~100 ns per
///   link, both ends), estimate. Prices $700 (400G) and $1,250 (800G): Luxoptx
///   "800G Optical Module Cost Analysis" (C, low confidence); 1.6T/3.2T estimates.
/// - LPO 800G 8.5 W: Axiom "800G LPO vs DSP in AI Clusters" and Journal News Info (C);
///   400G 4.5 W, 1.6T 13 W, 3.2T 22 W: estimates (~50% of DSP, LPO MSA claim).
///   5 ns: estimate (analog driver/TIA only). $800 (800G): Luxoptx (C); others estimates.
/// - LRO: estimates, midpoint of DSP and LPO (Optcore, Chipstrat: Tx DSP kept); 25 ns estimate.
/// - SiPh: estimates; 800G 14 W from the 13-14 W 5 nm-DSP module (FiberMall, C) since
///   SiPh still carries a DSP; lower per-port power at 1.6T/3.2T per the seed claim;
///   prices scaled from the SiPh vs EML BOM ($243 vs $310, Axonode, C).
/// - CPO: 6 pJ/bit ("Disagreements" 3: Broadcom Bailly 6.9 pJ/bit, NVIDIA 5.6 pJ/bit, B);
///   5 ns estimate; per-port prices are estimates (no source found).
/// - DAC 0.1 W per end: NVIDIA MCP7Y60 DAC specifications (A); reach 3 m at 100G/lane,
///   2 m at 200G/lane (NVIDIA XDR list). AEC ~10 W per 800G end: estimate; reach 7 m estimate.
/// - Reach (m), which `evaluate` checks per level and side: DSP 500 m, the
///   single-mode DR class: 800G 2xDR4 MMS4X00-NM, 500 m (NVIDIA docs, A; the
///   100 m MMS4X00-NS is the DR8 short-reach part) and IEEE 802.3bs
///   400GBASE-DR4, 500 m; LPO 500 m: 100G-DR-LPO specification, LPO MSA,
///   2025 ("up to 500 m reach" on single-mode fibre, via Converge Digest, B);
///   LRO, SiPh and CPO, and every technology at 200G per lane (1.6T, 3.2T):
///   500 m, the same DR class (estimate, no datasheet found); DAC and AEC as
///   above.
pub const CATALOG: [[ModuleSpec; 4]; 7] = [
    // Dsp
    [
        m(9.0, 50.0, 700.0, 500.0),
        m(16.0, 50.0, 1250.0, 500.0),
        m(25.0, 50.0, 2000.0, 500.0),
        m(40.0, 50.0, 3500.0, 500.0),
    ],
    // Lro
    [
        m(6.75, 25.0, 575.0, 500.0),
        m(11.5, 25.0, 1025.0, 500.0),
        m(19.0, 25.0, 1650.0, 500.0),
        m(31.0, 25.0, 2900.0, 500.0),
    ],
    // Lpo
    [m(4.5, 5.0, 450.0, 500.0), m(8.5, 5.0, 800.0, 500.0), m(13.0, 5.0, 1300.0, 500.0), m(22.0, 5.0, 2300.0, 500.0)],
    // Siph
    [
        m(8.5, 50.0, 620.0, 500.0),
        m(14.0, 50.0, 1100.0, 500.0),
        m(21.0, 50.0, 1750.0, 500.0),
        m(33.0, 50.0, 3000.0, 500.0),
    ],
    // Cpo (per port)
    [m(2.4, 5.0, 300.0, 500.0), m(4.8, 5.0, 550.0, 500.0), m(9.6, 5.0, 1000.0, 500.0), m(19.2, 5.0, 1800.0, 500.0)],
    // Dac (per cable end)
    [m(0.1, 0.0, 75.0, 3.0), m(0.1, 0.0, 100.0, 2.0), m(0.1, 0.0, 150.0, 2.0), m(0.1, 0.0, 250.0, 1.0)],
    // Aec (per cable end)
    [m(6.0, 50.0, 250.0, 7.0), m(10.0, 50.0, 400.0, 7.0), m(15.0, 50.0, 650.0, 7.0), m(25.0, 50.0, 1100.0, 7.0)],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for t in [Tech::Dsp, Tech::Lro, Tech::Lpo, Tech::Siph, Tech::Cpo, Tech::Dac, Tech::Aec] {
            assert_eq!(Tech::from_id(t.id()), Some(t));
        }
        assert_eq!(Tech::from_id("nope"), None);
    }

    #[test]
    fn dsp_is_over_half_of_module_power_at_800g_when_lpo_is_8w() {
        // Seed claim: 16 W DSP module, 8 W LPO -> the DSP-related share is (16-8)/16 = 50%.
        let dsp = Tech::Dsp.spec(1).power_w;
        assert_eq!(dsp, 16.0);
        assert!((dsp - 8.0) / dsp >= 0.5);
        // With the catalog's sourced 8.5 W LPO the share is 47%: "about half", not over half.
        let share = (dsp - Tech::Lpo.spec(1).power_w) / dsp;
        assert!((share - 0.46875).abs() < 1e-12);
    }

    #[test]
    fn speed_index_maps_port_speeds() {
        assert_eq!(speed_index(400.0), 0);
        assert_eq!(speed_index(800.0), 1);
        assert_eq!(speed_index(1600.0), 2);
        assert_eq!(speed_index(3200.0), 3);
        assert_eq!(speed_index(9999.0), 3);
    }
}
