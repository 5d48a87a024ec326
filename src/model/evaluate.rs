//! `evaluate`: Scenario in, Report out. Pure and allocation-light: the only
//! heap use is the notices list, empty for a valid scenario.

use super::catalog::{SPEEDS_GBPS, Tech, speed_index};
use super::fabric::{Fabric, Level, MAX_TIERS, Shape, tiers_needed};
use super::finance::{NpvParts, capex_usd, cumulative_usd, payback_months};
use super::headroom::{all_in_w_per_gpu, extra_gpus};
use super::inputs::{SAME_TECH, gbps_value, input_def};
use super::latency::{PathLatency, StepLatency, Workload, path_latency};
use super::optics::{Breakout, LevelOptics, Media, Overrides, SideLevels, SideTech};
use super::power::{Power, switch_power_w};
use super::reliability::{FailureCost, ReliabilityInputs};
use super::report::{Delta, MAX_ROWS, Report, SideReport, TierRow};
use super::scenario::Scenario;
use super::validate::{Notice, fmt_num};

const TIER_NAMES: [&str; MAX_TIERS] = ["GPU to leaf", "leaf to spine", "spine to core", "core to super-spine"];

/// Switches of each tier, as the notices name them.
const SWITCH_NAMES: [&str; MAX_TIERS] = ["leaf", "spine", "core", "super-spine"];

/// An even count more than this fraction above the fluid minimum is pointed out.
const EVEN_GAP_NOTED: f64 = 0.10;

/// GPUs per server for the front-end network (one server = 8 GPUs).
const GPUS_PER_SERVER: f64 = 8.0;

/// What both sides share: topology, media and the scenario's constants.
struct Common<'a> {
    s: &'a Scenario,
    speed: usize,
    fabric: Fabric,
    front_end: Option<Fabric>,
    media: [Media; MAX_TIERS],
    length_m: [f64; MAX_TIERS],
    switch_w: f64,
    failure: FailureCost,
}

/// Evaluates a scenario. Out-of-range inputs are clamped first (on a copy);
/// every change and every caveat is listed in `Report::notices`.
pub fn evaluate(input: &Scenario) -> Report {
    let mut s = input.clone();
    let mut notices = s.validate();
    let gbps = gbps_value(s.gbps);
    let speed = speed_index(gbps);
    let planes = s.plane_count();
    let endpoints = (s.gpus * s.ports) as u64;
    // `validate` made the planes divide the ports, so every plane is the same.
    let per_plane = endpoints / planes;
    let shape = s.shape();
    let needed = tiers_needed(per_plane as f64, &shape);
    let tiers = match (s.tiers.parse::<usize>(), needed) {
        (Ok(forced), Some(n)) => forced.max(n),
        (_, Some(n)) => n,
        (_, None) => {
            notices.push(Notice::new(
                "gpus",
                format!(
                    "{per_plane} ports per plane exceed a 4-tier Clos at radix {}; computed as 4 tiers with a larger top tier",
                    fmt_num(s.radix)
                ),
            ));
            MAX_TIERS
        }
    };
    let fabric = Fabric::build(per_plane, &shape, tiers).times(planes);
    note_cabling(&fabric, &shape, &mut notices);
    let front_end = (s.fe > 0.0).then(|| {
        let e = (s.gpus / GPUS_PER_SERVER).ceil() * s.fe;
        let fe_shape = Shape { oversub: 1.0, oversub_top: 1.0, ..shape };
        Fabric::build(e as u64, &fe_shape, tiers_needed(e, &fe_shape).unwrap_or(MAX_TIERS))
    });
    let mut media = [Media::Optical; MAX_TIERS];
    let mut length_m = [s.m_up; MAX_TIERS];
    length_m[0] = s.m_leaf;
    for (t, m) in media.iter_mut().enumerate() {
        *m = Media::from_id([s.m1, s.m2, s.m3][t.min(2)]);
    }
    let base = side_tech(&s, Side::Baseline);
    let alt = side_tech(&s, Side::Proposed);
    for (key, side) in [("base", &base), ("alt", &alt)] {
        check_reach(key, side, &media[..tiers], &length_m, speed, &mut notices);
    }
    for key in ["base1", "alt1"] {
        if s.choice(key) == Some("cpo") {
            notices.push(Notice::new(
                key,
                "CPO sits in the switch: the NIC ends of GPU-to-leaf links stay DSP pluggables".into(),
            ));
        }
    }
    let common = Common {
        s: &s,
        speed,
        fabric,
        front_end,
        media,
        length_m,
        switch_w: switch_power_w(s.sw_w, s.radix, gbps),
        failure: FailureCost::new(s.gpus, s.blast, s.restart_min, s.gpu_h_usd, s.swap_usd),
    };
    let years = s.years as usize;
    let baseline = side_report(&common, &base, s.build == "retrofit");
    let proposed = side_report(&common, &alt, false);

    let (b, p) = (&baseline.power, &proposed.power);
    let delta = Delta {
        optics_power_saved_w: b.optics_power_w - p.optics_power_w,
        power_saved_w: b.network_power_w - p.network_power_w,
        facility_power_saved_w: b.facility_power_w - p.facility_power_w,
        energy_saved_kwh_per_year: b.energy_kwh_per_year - p.energy_kwh_per_year,
        cost_saved_usd_per_year: b.energy_cost_usd_per_year - p.energy_cost_usd_per_year,
        co2_saved_t_per_year: b.co2_t_per_year - p.co2_t_per_year,
        failures_avoided_per_year: baseline.failures_per_year - proposed.failures_per_year,
        failure_cost_saved_usd_per_year: baseline.failure_cost_usd_per_year - proposed.failure_cost_usd_per_year,
        extra_capex_usd: proposed.capex_usd - baseline.capex_usd,
        opex_saved_usd_per_year: baseline.opex_usd_per_year - proposed.opex_usd_per_year,
        latency_saved_ns_per_path: baseline.latency.total_ns - proposed.latency.total_ns,
    };
    let all_in = all_in_w_per_gpu(s.srv_w, p.network_power_w, s.gpus);
    let workload = Workload {
        ring: s.algo == "ring",
        group: s.group.min(s.gpus),
        collectives_per_step: s.coll,
        step_s: s.step_s,
        exposed_pct: s.exposed,
        gpus: s.gpus,
        gpu_h_usd: s.gpu_h_usd,
    };
    let step = StepLatency::new(delta.latency_saved_ns_per_path, baseline.latency.module_ns, &workload);
    if step.share_of_step_pct.abs() >= 100.0 {
        notices
            .push(Notice::new("step_s", "latency saved per step exceeds the step time; share capped at 100%".into()));
    }
    let npv_parts = NpvParts::new(
        delta.extra_capex_usd,
        delta.cost_saved_usd_per_year,
        delta.failure_cost_saved_usd_per_year,
        step.usd_per_year,
        s.rate,
        years,
    );
    Report {
        tiers,
        pods: fabric.pods,
        planes: planes as usize,
        endpoints,
        gpus: s.gpus,
        years,
        npv_usd: npv_parts.npv_usd(),
        npv_parts,
        payback_months: payback_months(delta.extra_capex_usd, delta.opex_saved_usd_per_year, years),
        all_in_w_per_gpu: all_in,
        extra_gpus: extra_gpus(delta.facility_power_saved_w, all_in, s.pue),
        step,
        delta,
        baseline,
        proposed,
        notices,
    }
}

/// What the fabric's shape did that the inputs do not show: a top
/// oversubscription a 2-tier fabric has no place for, tiers with no even
/// count (fluid minimum used), and even counts more than 10% above the fluid
/// minimum (so that a figure checked against ceil(links / radix) is explained).
fn note_cabling(fabric: &Fabric, shape: &Shape, notices: &mut Vec<Notice>) {
    if shape.oversub_top != 1.0 && fabric.tiers < 3 {
        notices.push(Notice::new(
            "oversub_top",
            format!(
                "this fabric has {} tier(s): no tier above the spines to oversubscribe; only the leaf's applies",
                fabric.tiers
            ),
        ));
    }
    for t in 1..fabric.tiers {
        let level = &fabric.levels[t];
        let (name, below) = (SWITCH_NAMES[t], SWITCH_NAMES[t - 1]);
        if fabric.uneven[t] {
            notices.push(Notice::new(
                "cabling",
                format!(
                    "the {below}s have unequal uplinks ({} links over {}): no {name} count gives equal links per pair; using the fluid minimum, {}",
                    level.links,
                    fabric.levels[t - 1].switches,
                    level.fluid_switches
                ),
            ));
        } else if level.switches as f64 > level.fluid_switches as f64 * (1.0 + EVEN_GAP_NOTED) {
            notices.push(Notice::new(
                "cabling",
                format!(
                    "{} {name} switches give each {below} {} link(s) to every {name} it reaches; the fluid minimum, {}, is {}% fewer (cabling=fluid)",
                    level.switches,
                    fmt_num(level.pair_links),
                    level.fluid_switches,
                    fmt_num(((1.0 - level.fluid_switches as f64 / level.switches as f64) * 100.0).round())
                ),
            ));
        }
    }
}

/// One side of the comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Side {
    Baseline,
    Proposed,
}

/// One side's modules on each link level: the level's technology (the
/// side's own unless `base1`..`alt3` says otherwise) from the catalog at the
/// port speed and breakout, with host SerDes watts and the failure rate
/// (temperature-adjusted unless overridden). The side's overrides refine its
/// own technology only; a level of another technology uses the catalog.
pub fn side_tech(s: &Scenario, side: Side) -> SideLevels {
    let level_ids = match side {
        Side::Baseline => [s.base1, s.base2, s.base3],
        Side::Proposed => [s.alt1, s.alt2, s.alt3],
    };
    let main = side_main_tech(s, side);
    let levels = level_ids.map(|id| match Tech::from_id(id).filter(|&t| id != SAME_TECH && t != main.tech) {
        Some(tech) => resolve(s, tech, &Overrides::default()),
        None => main,
    });
    SideLevels { tech: main.tech, levels }
}

/// The side's own technology (`base` / `alt`) with its overrides.
pub fn side_main_tech(s: &Scenario, side: Side) -> SideTech {
    let (id, ov) = match side {
        Side::Baseline => {
            (s.base, Overrides { power_w: s.base_w, latency_ns: s.base_ns, price_usd: s.base_usd, afr_pct: s.base_afr })
        }
        Side::Proposed => {
            (s.alt, Overrides { power_w: s.alt_w, latency_ns: s.alt_ns, price_usd: s.alt_usd, afr_pct: s.alt_afr })
        }
    };
    resolve(s, Tech::from_id(id).unwrap_or(Tech::Dsp), &ov)
}

fn resolve(s: &Scenario, tech: Tech, ov: &Overrides) -> SideTech {
    let rel = ReliabilityInputs {
        afr_pct: s.afr,
        afr_cpo_pct: s.afr_cpo,
        ea_ev: s.ea_ev,
        k_per_w: s.k_per_w,
        case_c: s.case_c,
    };
    let speed = speed_index(gbps_value(s.gbps)).min(SPEEDS_GBPS.len() - 1);
    let ports = |id: &str| id.parse::<u32>().map_or(1.0, f64::from);
    let breakout = Breakout { nic_ports: ports(s.nic_ports), sw_ports: ports(s.sw_ports) };
    SideTech::resolve(tech, speed, breakout, ov, s.host_w, &rel)
}

/// Each used level's copper beyond its reach, or each side's optics beyond
/// the reach of the technology used on that level (both ends), is flagged
/// (not changed). `side_key` is "base" or "alt"; optics notices name the
/// level's input (`base2`, ...), copper ones the media input (`m1`, ...).
fn check_reach(
    side_key: &str,
    side: &SideLevels,
    media: &[Media],
    length_m: &[f64],
    speed: usize,
    notices: &mut Vec<Notice>,
) {
    for (t, m) in media.iter().enumerate() {
        let n = t.min(2) + 1;
        let level = side.at(t);
        let ends = if t == 0 { [level.nic_end, level.switch_end] } else { [level.switch_end; 2] };
        let (key, label_of, what, reach) = match m {
            Media::Copper(tech) => (format!("m{n}"), "m1", tech.id(), tech.spec(speed).reach_m),
            Media::Optical => {
                let end = ends.iter().min_by(|a, b| a.spec.reach_m.total_cmp(&b.spec.reach_m)).unwrap_or(&ends[0]);
                (format!("{side_key}{n}"), side_key, end.tech.id(), end.spec.reach_m)
            }
        };
        if length_m[t] > reach && !notices.iter().any(|x| x.key == key) {
            let label = input_def(label_of).and_then(|d| d.option_label(what)).unwrap_or(what);
            notices.push(Notice::new(
                &key,
                format!(
                    "{} links are {} m long, but {label} reaches {} m at this speed",
                    TIER_NAMES[t],
                    fmt_num(length_m[t]),
                    fmt_num(reach)
                ),
            ));
        }
    }
}

/// Rows, power, latency, failures and cost of one side. `owned`: its modules
/// are already bought (retrofit baseline).
fn side_report(c: &Common<'_>, side: &SideLevels, owned: bool) -> SideReport {
    let s = c.s;
    let mut rows = [TierRow::default(); MAX_ROWS];
    let mut total = LevelOptics::default();
    let mut switches = 0;
    let mut switches_by_level = [0; MAX_TIERS];
    let row = |name: &'static str, t: usize, media: Media, level: Level, o: &LevelOptics| TierRow {
        name,
        tech: side.at(t).tech.id(),
        media: match media {
            Media::Optical => "optical",
            Media::Copper(t) => t.id(),
        },
        switches: level.switches,
        links: level.links,
        fluid_switches: level.fluid_switches,
        pair_links: level.pair_links,
        optical_modules: o.optical_modules,
        copper_ends: o.copper_ends,
        module_power_w: o.module_power_w,
        copper_power_w: o.copper_power_w,
        switch_power_w: level.switches as f64 * c.switch_w,
        modules_per_gpu: o.optical_modules as f64 / s.gpus,
        failures_per_year: o.failures_per_year,
    };
    for t in 0..c.fabric.tiers {
        let level = c.fabric.levels[t];
        let o = LevelOptics::count(level, t == 0, c.media[t], side.at(t), c.speed);
        rows[t] = row(TIER_NAMES[t], t, c.media[t], level, &o);
        total.add(&o);
        switches += level.switches;
        switches_by_level[t] = level.switches;
    }
    let mut row_count = c.fabric.tiers;
    if let Some(fe) = &c.front_end {
        let mut o = LevelOptics::default();
        for t in 0..fe.tiers {
            o.add(&LevelOptics::count(fe.levels[t], t == 0, c.media[t.min(2)], side.at(t), c.speed));
        }
        let fe_level = Level {
            switches: fe.switches(),
            links: fe.links(),
            fluid_switches: fe.levels.iter().map(|l| l.fluid_switches).sum(),
            pair_links: 0.0,
        };
        rows[row_count] = row("front-end", 0, Media::Optical, fe_level, &o);
        row_count += 1;
        total.add(&o);
        switches += fe.switches();
    }
    let power = Power::new(
        total.module_power_w,
        switches as f64 * c.switch_w,
        total.copper_power_w,
        s.pue,
        s.usd_kwh,
        s.kg_kwh,
    );
    let latency: PathLatency = path_latency(c.fabric.tiers, &c.media, &c.length_m, side, s.sw_ns, s.fec_ns, c.speed);
    let failure_cost = total.replacement_usd_per_year
        + total.failures_per_year * (c.failure.swap_labour_usd + c.failure.interruption_usd);
    let capex = capex_usd(total.module_price_usd, total.optical_modules as f64, s.spares, s.install, owned);
    let opex = power.energy_cost_usd_per_year + failure_cost;
    SideReport {
        tech: side.tech.id(),
        breakout: side.breakout(),
        rows,
        row_count,
        switches,
        switches_by_level,
        optical_modules: total.optical_modules,
        nic_end_modules: total.nic_end_modules,
        switch_end_modules: total.optical_modules - total.nic_end_modules,
        modules_per_gpu: total.optical_modules as f64 / s.gpus,
        power,
        latency,
        failures_per_year: total.failures_per_year,
        failure_cost_usd_per_year: failure_cost,
        capex_usd: capex,
        opex_usd_per_year: opex,
        cumulative_usd: cumulative_usd(capex, opex, s.years as usize),
    }
}
