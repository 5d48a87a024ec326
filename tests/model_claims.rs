//! The seed article's claims and published figures, each reproduced from
//! stated inputs (the arithmetic is in each test's comment).

use optics_calc::model::{Scenario, evaluate};

fn scenario(pairs: &[(&str, f64)], choices: &[(&str, &str)]) -> Scenario {
    let mut s = Scenario::default();
    for (k, id) in choices {
        assert_eq!(s.set_choice(k, id), None, "{k}={id}");
    }
    for (k, v) in pairs {
        assert_eq!(s.set_number(k, *v), None, "{k}={v}");
    }
    s
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-9)
}

#[test]
fn h100_two_tier_fat_tree_has_2_5_modules_per_gpu() {
    // FiberMall / NADDOD: 2,048 H100, 400G NIC, Quantum-2 (64 x 400G), 2 tiers.
    // GPU level: 2,048 NIC modules (400G) + 2,048 switch ports / 2 = 1,024 twin 800G.
    // Leaf-spine: 2,048 links x 2 ends / 2 = 2,048 twin 800G. Total 5,120 = 2.5 per GPU
    // (1.5 x 800G + 1 x 400G). Watts: 2,048 x 9 + 3,072 x 16 = 67,584 W = 33 W per GPU.
    let s = scenario(&[("gpus", 2048.0), ("radix", 64.0)], &[("gbps", "400"), ("sw_ports", "2")]);
    let r = evaluate(&s);
    assert_eq!(r.tiers, 2);
    assert_eq!(r.baseline.optical_modules, 5120);
    assert_eq!(r.baseline.modules_per_gpu, 2.5);
    assert_eq!(r.baseline.power.optics_power_w, 67_584.0);
    assert_eq!(r.baseline.tiers()[0].optical_modules, 3072);
    assert_eq!(r.baseline.tiers()[1].optical_modules, 2048);
}

#[test]
fn h100_three_tier_fat_tree_has_3_5_modules_per_gpu() {
    // 32,768 GPUs at radix 64 need 3 tiers (k^2/2 = 2,048 < 32,768 <= k^3/4 = 65,536).
    // 32,768 NIC + 16,384 + 32,768 + 32,768 twin = 114,688 = 3.5 per GPU.
    let s = scenario(&[("gpus", 32_768.0), ("radix", 64.0)], &[("gbps", "400"), ("sw_ports", "2")]);
    let r = evaluate(&s);
    assert_eq!(r.tiers, 3);
    assert_eq!(r.baseline.optical_modules, 114_688);
    assert_eq!(r.baseline.modules_per_gpu, 3.5);
}

#[test]
fn gpu_level_of_73728_gpus_at_800g_is_2_36_mw() {
    // achoenix optical_io: 73,728 servers, one 800G link each, 2 transceivers per link
    // at 16 W: 73,728 x 2 = 147,456 modules x 16 W = 2,359,296 W ~ 2.36 MW.
    let s = scenario(&[("gpus", 73_728.0), ("radix", 64.0)], &[("gbps", "800"), ("sw_ports", "1")]);
    let r = evaluate(&s);
    let gpu_level = r.baseline.tiers()[0];
    assert_eq!(gpu_level.optical_modules, 147_456);
    assert_eq!(gpu_level.module_power_w, 2_359_296.0);
}

#[test]
fn optics_of_a_100k_gpu_cluster_exceed_3_mw_with_dsp() {
    // 100,000 GPUs, 400G, 51.2T switch = 128 x 400G, twin-port 800G at the switch.
    // Capacity: k^2/2 = 8,192 < 100,000 <= k^3/4 = 524,288 -> 3 tiers.
    // Leaves = ceil(100,000 / 64) = 1,563; uplinks = 1,563 x 64 = 100,032 per level.
    // Modules: 100,000 NIC (9 W) + 50,000 + 100,032 + 100,032 twin (16 W)
    // = 900,000 + 4,001,024 W = 4.90 MW > 3 MW.
    let s = scenario(&[("gpus", 100_000.0), ("radix", 128.0)], &[("gbps", "400"), ("sw_ports", "2")]);
    let r = evaluate(&s);
    assert_eq!(r.tiers, 3);
    assert_eq!(r.baseline.optical_modules, 350_064);
    assert_eq!(r.baseline.power.optics_power_w, 4_901_024.0);
    assert!(r.metric("baseline_optics_power_w").unwrap() > 3e6);
    // It stops holding with LPO: 100,000 x 4.5 + 250,064 x 8.5 = 2.58 MW.
    assert!(r.proposed.power.optics_power_w < 3e6);
}

#[test]
fn optics_are_over_40_percent_of_network_power() {
    // One 51.2T switch fully populated: 64 x 17 W = 1,088 W optics vs 800 W
    // switch -> 1,088 / 1,888 = 57.6% (FS.com / QSFPTEK: 40-58%).
    assert!(close(1088.0 / (1088.0 + 800.0), 0.576, 1e-3));
    // Default cluster: 196,608 x 16 W = 3,145,728 W optics; 2,560 switches x 800 W
    // = 2,048,000 W; share = 3,145,728 / 5,193,728 = 60.57%.
    let r = evaluate(&Scenario::default());
    assert_eq!(r.baseline.power.optics_power_w, 3_145_728.0);
    assert_eq!(r.baseline.power.switch_power_w, 2_048_000.0);
    let share = r.metric("optics_share_of_network_power_pct").unwrap();
    assert!(close(share, 60.568, 1e-4), "{share}");
    assert!(share > 40.0);
    // Stops holding when switches draw ~2.2 kW per 51.2T: 3.15 / (3.15 + 5.63) = 36%.
    let r = evaluate(&scenario(&[("sw_w", 2200.0)], &[]));
    assert!(r.baseline.power.optics_share_pct < 40.0);
    // LPO keeps it above 40%: 1,671,168 / 3,719,168 = 44.9%. CPO drops below:
    // 32,768 NIC ends x 16 W + 163,840 switch ports x 4.8 W = 1,310,720 W; / 3,358,720 = 39.0%.
    let r = evaluate(&Scenario::default());
    assert!(close(r.proposed.power.optics_share_pct, 44.934, 1e-4));
    let r = evaluate(&scenario(&[], &[("alt", "cpo")]));
    assert_eq!(r.proposed.power.optics_power_w, 1_310_720.0);
    assert!(r.proposed.power.optics_share_pct < 40.0);
}

#[test]
fn lpo_at_8w_halves_module_power() {
    // The seed's 16 W -> 8 W: proposed optics power is exactly half the baseline's.
    let s = scenario(&[("base_w", 16.0), ("alt_w", 8.0)], &[]);
    let r = evaluate(&s);
    assert_eq!(r.proposed.power.optics_power_w * 2.0, r.baseline.power.optics_power_w);
    // 196,608 modules x 8 W = 1,572,864 W saved.
    assert_eq!(r.delta.optics_power_saved_w, 1_572_864.0);
}

#[test]
fn tens_of_thousands_of_modules_save_millions_of_kwh() {
    // 8,192 GPUs at 800G, radix 64 -> 3 tiers, 6 modules per GPU = 49,152 modules.
    // 49,152 x (16 - 8) W = 393,216 W x PUE 1.56 x 8,760 h / 1,000 = 5,373,571 kWh/yr,
    // x $0.0892 = $479,323/yr.
    let s = scenario(&[("gpus", 8192.0), ("base_w", 16.0), ("alt_w", 8.0)], &[]);
    let r = evaluate(&s);
    assert_eq!(r.baseline.optical_modules, 49_152);
    let kwh = r.metric("energy_saved_kwh_per_year").unwrap();
    assert!(close(kwh, 393_216.0 * 1.56 * 8.76, 1e-9), "{kwh}");
    assert!(kwh > 1e6);
    assert!(close(r.metric("cost_saved_usd_per_year").unwrap(), kwh * 0.0892, 1e-9));
}

#[test]
fn lower_module_power_means_fewer_failures() {
    // Default: 196,608 DSP modules at 1%/yr = 1,966.08 failures; LPO at 8.5 W runs
    // 7.5 K cooler: AF = exp(0.7 / 8.617333e-5 x (1/343.15 - 1/335.65)) = 0.5893.
    let r = evaluate(&Scenario::default());
    assert!(close(r.baseline.failures_per_year, 1966.08, 1e-9));
    assert!(close(r.proposed.failures_per_year, 196_608.0 * 0.01 * 0.5893, 1e-3));
    assert!(r.metric("failures_avoided_per_year").unwrap() > 0.0);
    // With no temperature effect (Ea = 0) the claim does not hold in this model.
    let r = evaluate(&scenario(&[("ea_ev", 0.0)], &[]));
    assert_eq!(r.delta.failures_avoided_per_year, 0.0);
}

#[test]
fn a_datasheet_afr_replaces_the_temperature_model_for_that_technology_only() {
    // Until overridden, the AFR inputs show what the model computes: 1 %/yr for
    // the DSP baseline, 1 x 0.5893 for the cooler LPO proposal.
    let s = Scenario::default();
    assert!(close(s.number("base_afr").unwrap(), 1.0, 1e-12));
    assert!(close(s.number("alt_afr").unwrap(), 0.5893, 1e-3));
    // An LPO datasheet's 0.8 %/yr: 196,608 LPO modules x 0.8 % = 1,572.864 failures.
    let r = evaluate(&scenario(&[("alt_afr", 0.8)], &[]));
    assert!(close(r.proposed.failures_per_year, 1572.864, 1e-9));
    assert!(close(r.baseline.failures_per_year, 1966.08, 1e-9), "the baseline keeps its own rate");
    // CPO: the override is per CPO port; the NIC ends stay DSP pluggables at the
    // pluggable rate (1 %/yr at the DSP's own power).
    let r = evaluate(&scenario(&[("alt_afr", 0.2)], &[("alt", "cpo")]));
    let ports = (r.proposed.optical_modules - r.proposed.nic_end_modules) as f64;
    let nic = r.proposed.nic_end_modules as f64;
    assert!(close(r.proposed.failures_per_year, ports * 0.002 + nic * 0.01, 1e-9));
    // Changing the technology drops the stale figure, as for watts and price.
    let mut s = scenario(&[("alt_afr", 0.8)], &[]);
    s.set_choice("alt", "siph");
    assert!(!s.is_overridden("alt_afr"));
}

#[test]
fn freed_power_fits_more_gpus() {
    // Default: 1,474,560 W saved x 1.56 = 2,300,313.6 W facility.
    // All-in per GPU = 1,788 + (1,671,168 + 2,048,000) / 32,768 = 1,901.5 W; x 1.56 = 2,966.34 W.
    // 2,300,313.6 / 2,966.34 = 775.5 -> 775 GPUs.
    let r = evaluate(&Scenario::default());
    assert_eq!(r.delta.power_saved_w, 1_474_560.0);
    assert!(close(r.all_in_w_per_gpu, 1901.5, 1e-9));
    assert_eq!(r.metric("extra_gpus"), Some(775.0));
}

#[test]
fn hundreds_of_microseconds_of_cumulative_latency() {
    // Default: 3 tiers -> 12 modules per path x (50 - 5) ns = 540 ns per path.
    // Tree over 4,096 ranks: 2 x 12 = 24 steps -> 12.96 us per collective;
    // 100 collectives -> 1,296 us cumulative per step; 10% exposed -> 129.6 us per step.
    let r = evaluate(&Scenario::default());
    assert!(close(r.delta.latency_saved_ns_per_path, 540.0, 1e-12));
    assert!(close(r.step.cumulative_saved_us_per_step, 1296.0, 1e-12));
    assert!(close(r.metric("latency_saved_us_per_step").unwrap(), 129.6, 1e-12));
    assert!(r.step.cumulative_saved_us_per_step >= 100.0);
    // Stops holding with 2 tiers (8 modules, 360 ns), 512 ranks (18 steps) and
    // 10 collectives: 10 x 18 x 0.36 = 64.8 us cumulative.
    let s = scenario(&[("gpus", 2048.0), ("group", 512.0), ("coll", 10.0)], &[]);
    let r = evaluate(&s);
    assert!(close(r.step.cumulative_saved_us_per_step, 64.8, 1e-9));
}

#[test]
fn host_fec_stays_for_every_technology() {
    // FEC per path is 6 links x 100 ns for DSP, LPO and CPO alike.
    for alt in ["lpo", "cpo", "lro", "siph"] {
        let r = evaluate(&scenario(&[], &[("alt", alt)]));
        assert_eq!(r.proposed.latency.fec_ns, 600.0, "{alt}");
        assert_eq!(r.baseline.latency.fec_ns, 600.0);
    }
}
