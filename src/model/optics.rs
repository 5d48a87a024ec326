//! One side (baseline or proposed): its technology resolved from the catalog
//! and the overrides, and its modules, watts, prices and failures per tier.

use super::catalog::{ModuleSpec, SPEEDS_GBPS, Tech};
use super::fabric::Level;
use super::reliability::{ReliabilityInputs, afr_pct};

/// Media of one link level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Media {
    /// The side's optical technology.
    Optical,
    /// Copper cable ends (DAC or AEC); the same on both sides.
    Copper(Tech),
}

impl Media {
    pub fn from_id(id: &str) -> Media {
        match id {
            "dac" => Media::Copper(Tech::Dac),
            "aec" => Media::Copper(Tech::Aec),
            _ => Media::Optical,
        }
    }
}

/// A module kind on a side, with the figures the model needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModuleKind {
    pub tech: Tech,
    pub spec: ModuleSpec,
    /// Switch ports (or NIC ports) one module carries: 2 or 4 for a breakout module.
    pub ports: f64,
    /// Extra host SerDes watts per module (linear share x host_w x ports).
    pub host_w: f64,
    /// Failures per module per year, %.
    pub afr_pct: f64,
}

impl ModuleKind {
    /// Watts one module costs the network: module + extra host SerDes.
    pub fn power_w(&self) -> f64 {
        self.spec.power_w + self.host_w
    }
}

/// Ports per module at each end of a link (1, 2 or 4).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breakout {
    pub nic_ports: f64,
    pub sw_ports: f64,
}

impl Breakout {
    pub const NONE: Breakout = Breakout { nic_ports: 1.0, sw_ports: 1.0 };
}

/// Catalog speed index of a module carrying `ports` ports at port-speed index
/// `speed` (module speed = ports x port speed), or None above the catalog.
pub fn module_speed(speed: usize, ports: f64) -> Option<usize> {
    let idx = speed + (ports.max(1.0).log2().round() as usize);
    (idx < SPEEDS_GBPS.len()).then_some(idx)
}

/// A side's technology on one link level at the scenario's port speed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SideTech {
    pub tech: Tech,
    /// Module on a switch port.
    pub switch_end: ModuleKind,
    /// Module on a GPU's NIC port (DSP pluggable for CPO).
    pub nic_end: ModuleKind,
}

/// Per-module overrides of one side; None = catalog.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Overrides {
    pub power_w: Option<f64>,
    pub latency_ns: Option<f64>,
    pub price_usd: Option<f64>,
    /// A datasheet AFR, %/yr: replaces the temperature-adjusted rate of this
    /// technology's modules (not of a CPO side's NIC-end pluggables).
    pub afr_pct: Option<f64>,
}

impl SideTech {
    /// Resolves a technology at port-speed index `speed` (see `SPEEDS_GBPS`).
    ///
    /// Overrides replace the catalog's module at the port speed. A breakout
    /// module (one module at ports x port speed carrying that many ports)
    /// scales the catalog's figures at its speed by override / catalog, so
    /// that the comparison stays linear in the override. Latency is per port
    /// either way. CPO ports never break out; a breakout the catalog cannot
    /// carry falls back to one port per module (`evaluate` clamps it first,
    /// with a notice).
    pub fn resolve(
        tech: Tech,
        speed: usize,
        breakout: Breakout,
        ov: &Overrides,
        host_w: f64,
        rel: &ReliabilityInputs,
    ) -> SideTech {
        let port = tech.spec(speed);
        let scaled = |cat: ModuleSpec, base: ModuleSpec| ModuleSpec {
            power_w: ov.power_w.map_or(cat.power_w, |w| w * cat.power_w / base.power_w),
            latency_ns: ov.latency_ns.unwrap_or(cat.latency_ns),
            price_usd: ov.price_usd.map_or(cat.price_usd, |p| p * cat.price_usd / base.price_usd),
            reach_m: cat.reach_m,
        };
        // (module speed index, ports per module) of a breakout, or one port per module.
        let fit = |t: Tech, ports: f64| match module_speed(speed, ports) {
            Some(idx) if t.can_break_out() => (idx, ports),
            _ => (speed, 1.0),
        };
        let kind = |module: Tech, (idx, ports): (usize, f64)| {
            let spec = if module == tech { scaled(module.spec(idx), port) } else { module.spec(idx) };
            ModuleKind {
                tech: module,
                spec,
                ports,
                host_w: module.linear_share() * host_w * ports,
                afr_pct: ov
                    .afr_pct
                    .filter(|_| module == tech)
                    .unwrap_or_else(|| afr_pct(module.afr_class(), spec.power_w, Tech::Dsp.spec(idx).power_w, rel)),
            }
        };
        let nic_tech = tech.nic_end();
        SideTech {
            tech,
            switch_end: kind(tech, fit(tech, breakout.sw_ports)),
            nic_end: kind(nic_tech, fit(nic_tech, breakout.nic_ports)),
        }
    }
}

/// A side's technology on each link level: level 1 (GPU to leaf), level 2
/// (leaf to spine) and level 3, which stands for every level above.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SideLevels {
    /// The side's own technology (`base` / `alt`).
    pub tech: Tech,
    pub levels: [SideTech; 3],
}

impl SideLevels {
    /// The technology of link level `t` (0-based; 3 and up use level 3's).
    pub fn at(&self, t: usize) -> &SideTech {
        &self.levels[t.min(2)]
    }

    /// Whether any switch end of this side uses breakout modules.
    pub fn breakout(&self) -> bool {
        self.levels.iter().any(|l| l.switch_end.ports > 1.0)
    }
}

/// Module counts and totals of one link level on one side.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LevelOptics {
    pub optical_modules: u64,
    /// The optical modules at NIC ends (the rest are at switch ends).
    pub nic_end_modules: u64,
    pub copper_ends: u64,
    /// Optical module watts incl. extra host SerDes, W.
    pub module_power_w: f64,
    /// Copper cable-end watts, W.
    pub copper_power_w: f64,
    /// Purchase price of the installed modules, USD.
    pub module_price_usd: f64,
    /// Expected module failures per year.
    pub failures_per_year: f64,
    /// Sum over modules of failures x price, USD/yr (replacement parts).
    pub replacement_usd_per_year: f64,
}

impl LevelOptics {
    /// Counts for `level`; `gpu_level` = the level whose lower ends are NIC ports.
    /// Optical: NIC ends = links (GPU level only), switch ends = 2 x links
    /// (1 x links on the GPU level); modules = ceil(switch ends / switch ports
    /// per module) + ceil(NIC ends / NIC ports per module). Copper: 2 ends per
    /// link, no modules.
    pub fn count(level: Level, gpu_level: bool, media: Media, side: &SideTech, speed: usize) -> LevelOptics {
        let links = level.links;
        match media {
            Media::Copper(tech) => {
                let ends = 2 * links;
                LevelOptics {
                    copper_ends: ends,
                    copper_power_w: ends as f64 * tech.spec(speed).power_w,
                    ..LevelOptics::default()
                }
            }
            Media::Optical => {
                let (nic_ends, switch_ends) = if gpu_level { (links, links) } else { (0, 2 * links) };
                let sw = &side.switch_end;
                let sw_modules = (switch_ends as f64 / sw.ports).ceil();
                let nic = &side.nic_end;
                let n = (nic_ends as f64 / nic.ports).ceil();
                let failures = |m: &ModuleKind, count: f64| count * m.afr_pct / 100.0;
                LevelOptics {
                    optical_modules: sw_modules as u64 + n as u64,
                    nic_end_modules: n as u64,
                    copper_ends: 0,
                    module_power_w: sw_modules * sw.power_w() + n * nic.power_w(),
                    copper_power_w: 0.0,
                    module_price_usd: sw_modules * sw.spec.price_usd + n * nic.spec.price_usd,
                    failures_per_year: failures(sw, sw_modules) + failures(nic, n),
                    replacement_usd_per_year: failures(sw, sw_modules) * sw.spec.price_usd
                        + failures(nic, n) * nic.spec.price_usd,
                }
            }
        }
    }

    pub fn add(&mut self, o: &LevelOptics) {
        self.optical_modules += o.optical_modules;
        self.nic_end_modules += o.nic_end_modules;
        self.copper_ends += o.copper_ends;
        self.module_power_w += o.module_power_w;
        self.copper_power_w += o.copper_power_w;
        self.module_price_usd += o.module_price_usd;
        self.failures_per_year += o.failures_per_year;
        self.replacement_usd_per_year += o.replacement_usd_per_year;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWIN: Breakout = Breakout { nic_ports: 1.0, sw_ports: 2.0 };

    fn rel() -> ReliabilityInputs {
        ReliabilityInputs { afr_pct: 1.0, afr_cpo_pct: 0.35, ea_ev: 0.0, k_per_w: 1.0, case_c: 70.0 }
    }

    #[test]
    fn twin_port_at_400g_uses_the_800g_module() {
        // Quantum-2: a 400G switch port sits in a twin-port 800G OSFP (16 W, 2 ports);
        // the NIC end is a 400G single-port module (9 W).
        let s = SideTech::resolve(Tech::Dsp, 0, TWIN, &Overrides::default(), 0.0, &rel());
        assert_eq!(s.switch_end.ports, 2.0);
        assert_eq!(s.switch_end.spec.power_w, 16.0);
        assert_eq!(s.nic_end.spec.power_w, 9.0);
        // GPU level, 64 links: 64 NIC modules + 32 twin modules = 96; 64 x 9 + 32 x 16 = 1,088 W.
        let l = LevelOptics::count(Level { switches: 2, links: 64, ..Level::default() }, true, Media::Optical, &s, 0);
        assert_eq!(l.optical_modules, 96);
        assert_eq!(l.module_power_w, 1088.0);
        // Odd switch ends round up: 3 links -> ceil(3/2) = 2 twin modules + 3 NIC.
        let l = LevelOptics::count(Level { switches: 1, links: 3, ..Level::default() }, true, Media::Optical, &s, 0);
        assert_eq!(l.optical_modules, 5);
    }

    #[test]
    fn override_scales_twin_module_linearly() {
        // Override 4.5 W at 400G (catalog 9 W): twin 800G module = 4.5 x 16 / 9 = 8 W.
        let ov = Overrides { power_w: Some(4.5), ..Overrides::default() };
        let s = SideTech::resolve(Tech::Dsp, 0, TWIN, &ov, 0.0, &rel());
        assert!((s.switch_end.spec.power_w - 8.0).abs() < 1e-12);
        assert_eq!(s.nic_end.spec.power_w, 4.5);
    }

    #[test]
    fn cpo_keeps_a_pluggable_nic_end_and_never_twins() {
        let s = SideTech::resolve(Tech::Cpo, 1, TWIN, &Overrides::default(), 0.0, &rel());
        assert_eq!(s.switch_end.ports, 1.0);
        assert_eq!(s.switch_end.spec.power_w, 4.8);
        assert_eq!(s.nic_end.tech, Tech::Dsp);
        assert_eq!(s.nic_end.spec.power_w, 16.0);
    }

    #[test]
    fn breakout_modules_at_both_ends() {
        // 400G ports, 4 x 400G on a 1.6T switch module (25 W), 2 x 400G on an
        // 800G NIC module (16 W). GPU level, 64 links: 16 + 32 modules.
        let b = Breakout { nic_ports: 2.0, sw_ports: 4.0 };
        let s = SideTech::resolve(Tech::Dsp, 0, b, &Overrides::default(), 0.0, &rel());
        assert_eq!((s.switch_end.spec.power_w, s.nic_end.spec.power_w), (25.0, 16.0));
        let l = LevelOptics::count(Level { switches: 1, links: 64, ..Level::default() }, true, Media::Optical, &s, 0);
        assert_eq!((l.optical_modules, l.nic_end_modules), (48, 32));
        assert_eq!(l.module_power_w, 16.0 * 25.0 + 32.0 * 16.0);
        // 4 x 1.6T would need a 6.4T module: one port per module.
        let s = SideTech::resolve(Tech::Dsp, 2, b, &Overrides::default(), 0.0, &rel());
        assert_eq!(s.switch_end.ports, 1.0);
        assert_eq!(s.nic_end.ports, 2.0);
        assert_eq!(module_speed(2, 4.0), None);
        assert_eq!(module_speed(1, 4.0), Some(3));
    }

    #[test]
    fn copper_level_has_no_modules() {
        let s = SideTech::resolve(Tech::Dsp, 1, Breakout::NONE, &Overrides::default(), 0.0, &rel());
        let l = LevelOptics::count(
            Level { switches: 1, links: 10, ..Level::default() },
            true,
            Media::Copper(Tech::Dac),
            &s,
            1,
        );
        assert_eq!(l.optical_modules, 0);
        assert_eq!(l.copper_ends, 20);
        assert!((l.copper_power_w - 2.0).abs() < 1e-12);
    }

    #[test]
    fn lpo_host_serdes_watts_per_port() {
        let s = SideTech::resolve(Tech::Lpo, 1, Breakout::NONE, &Overrides::default(), 1.0, &rel());
        assert_eq!(s.switch_end.power_w(), 8.5 + 1.0);
        let lro = SideTech::resolve(Tech::Lro, 1, Breakout::NONE, &Overrides::default(), 1.0, &rel());
        assert_eq!(lro.switch_end.power_w(), 11.5 + 0.5);
    }
}
