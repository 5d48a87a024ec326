//! Links never change meaning. A link leaves out every input at its default
//! and every catalog value it does not override, so those defaults are part
//! of what a link says: they are frozen here, per link format. Changing a
//! default or a catalog value without a new format (`share::VERSION`) fails
//! `the_current_defaults_are_frozen`; a new format keeps the old tables
//! below, and `a_v1_link_means_what_it_meant` checks that old links still
//! decode to their own format's defaults.
//!
//! The v1 and v2 tables are also the oracles of the property tests: a
//! scenario built input by input from a format's table must give the same
//! headline figures as the link of that format this build opens.

use optics_calc::model::catalog::CATALOG;
use optics_calc::model::{INPUTS, InputKind, Scenario, evaluate};
use optics_calc::share::{VERSION, decode};
use proptest::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Def {
    Number(f64),
    Choice(&'static str),
    /// An Override: the catalog value of the chosen technology.
    Catalog,
}
use Def::{Catalog, Choice, Number};

/// Link format 1: every input and its default, in its order.
const V1_INPUTS: &[(&str, Def)] = &[
    ("gpus", Number(32768.0)),
    ("gbps", Choice("800")),
    ("ports", Number(1.0)),
    ("radix", Number(64.0)),
    ("tiers", Choice("auto")),
    ("oversub", Number(1.0)),
    ("fe", Number(0.0)),
    ("srv_w", Number(1788.0)),
    ("base", Choice("dsp")),
    ("alt", Choice("lpo")),
    ("base_w", Catalog),
    ("alt_w", Catalog),
    ("base_ns", Catalog),
    ("alt_ns", Catalog),
    ("base_usd", Catalog),
    ("alt_usd", Catalog),
    ("twin", Choice("off")),
    ("m1", Choice("optical")),
    ("m2", Choice("optical")),
    ("m3", Choice("optical")),
    ("host_w", Number(0.0)),
    ("region", Choice("nova")),
    ("usd_kwh", Number(0.0892)),
    ("kg_kwh", Number(0.269)),
    ("pue", Number(1.56)),
    ("years", Number(5.0)),
    ("rate", Number(8.0)),
    ("build", Choice("new")),
    ("spares", Number(5.0)),
    ("install", Number(25.0)),
    ("swap_usd", Number(150.0)),
    ("gpu_h_usd", Number(2.0)),
    ("restart_min", Number(15.0)),
    ("blast", Number(40.0)),
    ("sw_w", Number(800.0)),
    ("sw_ns", Number(600.0)),
    ("fec_ns", Number(100.0)),
    ("m_leaf", Number(10.0)),
    ("m_up", Number(100.0)),
    ("afr", Number(1.0)),
    ("afr_cpo", Number(0.35)),
    ("ea_ev", Number(0.7)),
    ("k_per_w", Number(1.0)),
    ("case_c", Number(70.0)),
    ("base_afr", Catalog),
    ("alt_afr", Catalog),
    ("algo", Choice("tree")),
    ("group", Number(4096.0)),
    ("coll", Number(100.0)),
    ("step_s", Number(2.0)),
    ("exposed", Number(10.0)),
    ("focus", Choice("npv_usd")),
    ("swing", Number(10.0)),
    ("samples", Number(10000.0)),
    ("seed", Number(1.0)),
];

/// Link format 2.
const V2_INPUTS: &[(&str, Def)] = &[
    ("gpus", Number(32768.0)),
    ("gbps", Choice("800")),
    ("ports", Number(1.0)),
    ("planes", Choice("1")),
    ("radix", Number(64.0)),
    ("tiers", Choice("auto")),
    ("oversub", Number(1.0)),
    ("fe", Number(0.0)),
    ("srv_w", Number(1788.0)),
    ("base", Choice("dsp")),
    ("alt", Choice("lpo")),
    ("base_w", Catalog),
    ("alt_w", Catalog),
    ("base_ns", Catalog),
    ("alt_ns", Catalog),
    ("base_usd", Catalog),
    ("alt_usd", Catalog),
    ("base1", Choice("same")),
    ("base2", Choice("same")),
    ("base3", Choice("same")),
    ("alt1", Choice("same")),
    ("alt2", Choice("same")),
    ("alt3", Choice("same")),
    ("nic_ports", Choice("1")),
    ("sw_ports", Choice("1")),
    ("m1", Choice("optical")),
    ("m2", Choice("optical")),
    ("m3", Choice("optical")),
    ("host_w", Number(0.0)),
    ("region", Choice("nova")),
    ("usd_kwh", Number(0.0892)),
    ("kg_kwh", Number(0.269)),
    ("pue", Number(1.56)),
    ("years", Number(5.0)),
    ("rate", Number(8.0)),
    ("build", Choice("new")),
    ("spares", Number(5.0)),
    ("install", Number(25.0)),
    ("swap_usd", Number(150.0)),
    ("gpu_h_usd", Number(2.0)),
    ("restart_min", Number(15.0)),
    ("blast", Number(40.0)),
    ("sw_w", Number(800.0)),
    ("sw_ns", Number(600.0)),
    ("fec_ns", Number(100.0)),
    ("m_leaf", Number(10.0)),
    ("m_up", Number(100.0)),
    ("afr", Number(1.0)),
    ("afr_cpo", Number(0.35)),
    ("ea_ev", Number(0.7)),
    ("k_per_w", Number(1.0)),
    ("case_c", Number(70.0)),
    ("base_afr", Catalog),
    ("alt_afr", Catalog),
    ("algo", Choice("tree")),
    ("group", Number(4096.0)),
    ("coll", Number(100.0)),
    ("step_s", Number(2.0)),
    ("exposed", Number(10.0)),
    ("focus", Choice("npv_usd")),
    ("swing", Number(10.0)),
    ("samples", Number(10000.0)),
    ("seed", Number(1.0)),
];

/// Link format 3.
const V3_INPUTS: &[(&str, Def)] = &[
    ("gpus", Number(32768.0)),
    ("gbps", Choice("800")),
    ("ports", Number(1.0)),
    ("planes", Choice("1")),
    ("radix", Number(64.0)),
    ("tiers", Choice("auto")),
    ("oversub", Number(1.0)),
    ("oversub_top", Number(1.0)),
    ("cabling", Choice("even")),
    ("fe", Number(0.0)),
    ("srv_w", Number(1788.0)),
    ("base", Choice("dsp")),
    ("alt", Choice("lpo")),
    ("base_w", Catalog),
    ("alt_w", Catalog),
    ("base_ns", Catalog),
    ("alt_ns", Catalog),
    ("base_usd", Catalog),
    ("alt_usd", Catalog),
    ("base1", Choice("same")),
    ("base2", Choice("same")),
    ("base3", Choice("same")),
    ("alt1", Choice("same")),
    ("alt2", Choice("same")),
    ("alt3", Choice("same")),
    ("nic_ports", Choice("1")),
    ("sw_ports", Choice("1")),
    ("m1", Choice("optical")),
    ("m2", Choice("optical")),
    ("m3", Choice("optical")),
    ("host_w", Number(0.0)),
    ("region", Choice("nova")),
    ("usd_kwh", Number(0.0892)),
    ("kg_kwh", Number(0.269)),
    ("pue", Number(1.56)),
    ("years", Number(5.0)),
    ("rate", Number(8.0)),
    ("build", Choice("new")),
    ("spares", Number(5.0)),
    ("install", Number(25.0)),
    ("swap_usd", Number(150.0)),
    ("gpu_h_usd", Number(2.0)),
    ("restart_min", Number(15.0)),
    ("blast", Number(40.0)),
    ("sw_w", Number(800.0)),
    ("sw_ns", Number(600.0)),
    ("fec_ns", Number(100.0)),
    ("m_leaf", Number(10.0)),
    ("m_up", Number(100.0)),
    ("afr", Number(1.0)),
    ("afr_cpo", Number(0.35)),
    ("ea_ev", Number(0.7)),
    ("k_per_w", Number(1.0)),
    ("case_c", Number(70.0)),
    ("base_afr", Catalog),
    ("alt_afr", Catalog),
    ("algo", Choice("tree")),
    ("group", Number(4096.0)),
    ("coll", Number(100.0)),
    ("step_s", Number(2.0)),
    ("exposed", Number(10.0)),
    ("focus", Choice("npv_usd")),
    ("swing", Number(10.0)),
    ("samples", Number(10000.0)),
    ("seed", Number(1.0)),
];

/// The catalog of formats 1 to 3, in `Tech` order (DSP, LRO, LPO, SiPh,
/// CPO, DAC, AEC).
const CATALOG_V1_TO_V3: [[[f64; 4]; 4]; 7] = [
    // Dsp: [power W, latency ns, price USD, reach m] at 400G, 800G, 1.6T, 3.2T
    [[9.0, 50.0, 700.0, 500.0], [16.0, 50.0, 1250.0, 500.0], [25.0, 50.0, 2000.0, 500.0], [40.0, 50.0, 3500.0, 500.0]],
    // Lro: [power W, latency ns, price USD, reach m] at 400G, 800G, 1.6T, 3.2T
    [[6.75, 25.0, 575.0, 500.0], [11.5, 25.0, 1025.0, 500.0], [19.0, 25.0, 1650.0, 500.0], [31.0, 25.0, 2900.0, 500.0]],
    // Lpo: [power W, latency ns, price USD, reach m] at 400G, 800G, 1.6T, 3.2T
    [[4.5, 5.0, 450.0, 500.0], [8.5, 5.0, 800.0, 500.0], [13.0, 5.0, 1300.0, 500.0], [22.0, 5.0, 2300.0, 500.0]],
    // Siph: [power W, latency ns, price USD, reach m] at 400G, 800G, 1.6T, 3.2T
    [[8.5, 50.0, 620.0, 500.0], [14.0, 50.0, 1100.0, 500.0], [21.0, 50.0, 1750.0, 500.0], [33.0, 50.0, 3000.0, 500.0]],
    // Cpo: [power W, latency ns, price USD, reach m] at 400G, 800G, 1.6T, 3.2T
    [[2.4, 5.0, 300.0, 500.0], [4.8, 5.0, 550.0, 500.0], [9.6, 5.0, 1000.0, 500.0], [19.2, 5.0, 1800.0, 500.0]],
    // Dac: [power W, latency ns, price USD, reach m] at 400G, 800G, 1.6T, 3.2T
    [[0.1, 0.0, 75.0, 3.0], [0.1, 0.0, 100.0, 2.0], [0.1, 0.0, 150.0, 2.0], [0.1, 0.0, 250.0, 1.0]],
    // Aec: [power W, latency ns, price USD, reach m] at 400G, 800G, 1.6T, 3.2T
    [[6.0, 50.0, 250.0, 7.0], [10.0, 50.0, 400.0, 7.0], [15.0, 50.0, 650.0, 7.0], [25.0, 50.0, 1100.0, 7.0]],
];

/// Format 1's headline figures (format 2 added more after them).
const V1_HEADLINE_KEYS: &[&str] = &[
    "optical_modules",
    "baseline_optics_power_w",
    "proposed_optics_power_w",
    "power_saved_w",
    "facility_power_saved_w",
    "energy_saved_kwh_per_year",
    "cost_saved_usd_per_year",
    "co2_saved_t_per_year",
    "extra_gpus",
    "latency_saved_ns_per_path",
    "latency_saved_us_per_step",
    "failures_avoided_per_year",
    "npv_usd",
    "payback_months",
    "optics_share_of_network_power_pct",
];

/// Format 2's headline figures (format 3 added `pods` and `pair_links_l2`).
const V2_HEADLINE_KEYS: &[&str] = &[
    "optical_modules",
    "nic_end_modules",
    "switch_end_modules",
    "proposed_optical_modules",
    "switches",
    "switches_l1",
    "switches_l2",
    "switches_l3",
    "switches_l4",
    "baseline_optics_power_w",
    "proposed_optics_power_w",
    "power_saved_w",
    "facility_power_saved_w",
    "energy_saved_kwh_per_year",
    "cost_saved_usd_per_year",
    "co2_saved_t_per_year",
    "extra_gpus",
    "latency_saved_ns_per_path",
    "latency_saved_us_per_step",
    "failures_avoided_per_year",
    "npv_usd",
    "npv_modules_usd",
    "npv_energy_usd",
    "npv_failures_usd",
    "payback_months",
    "optics_share_of_network_power_pct",
];

/// What a format-1 choice means in this build's terms: `twin` became `sw_ports`.
fn in_current_terms<'a>(key: &'a str, id: &'a str) -> (&'a str, &'a str) {
    match (key, id) {
        ("twin", "on") => ("sw_ports", "2"),
        ("twin", _) => ("sw_ports", "1"),
        _ => (key, id),
    }
}

/// The inputs format 3 added, at the values that give format 2's fabric
/// (the fluid minimum of switches, nothing oversubscribed above the spines).
const V3_ADDED_AS_V2: &[(&str, Def)] = &[("oversub_top", Number(1.0)), ("cabling", Choice("fluid"))];

/// The inputs formats 2 and 3 added, at the values that give format 1's fabric.
const ADDED_AS_V1: &[(&str, Def)] = &[
    ("oversub_top", Number(1.0)),
    ("cabling", Choice("fluid")),
    ("planes", Choice("1")),
    ("nic_ports", Choice("1")),
    ("base1", Choice("same")),
    ("base2", Choice("same")),
    ("base3", Choice("same")),
    ("alt1", Choice("same")),
    ("alt2", Choice("same")),
    ("alt3", Choice("same")),
];

fn value_of(s: &Scenario, key: &str, d: Def) -> Def {
    match d {
        Choice(_) => Choice(s.choice(key).unwrap_or("?")),
        Catalog if !s.is_overridden(key) => Catalog,
        _ => Number(s.number(key).unwrap_or(f64::NAN)),
    }
}

#[test]
fn the_current_defaults_are_frozen() {
    assert_eq!(VERSION, 3, "a new link format needs its own frozen table here, and the old ones kept");
    let now: Vec<(&str, Def)> = INPUTS
        .iter()
        .map(|d| {
            let v = match d.kind {
                InputKind::Number { default, .. } => Number(default),
                InputKind::Override { .. } => Catalog,
                InputKind::Choice { default, .. } => Choice(default),
            };
            (d.key, v)
        })
        .collect();
    assert_eq!(now, V3_INPUTS, "an input default changed: that needs link format 4 (see src/share/v2.rs)");
    for (t, row) in CATALOG.iter().enumerate() {
        for (i, m) in row.iter().enumerate() {
            let now = [m.power_w, m.latency_ns, m.price_usd, m.reach_m];
            assert_eq!(now, CATALOG_V1_TO_V3[t][i], "catalog row {t}, speed {i} changed: that needs link format 4");
        }
    }
}

/// `decode(link)` gives every input of `table` at its default, and every
/// input added since at the value that gives that format's fabric.
fn means_its_own_defaults(link: &str, table: &[(&'static str, Def)], added: &[(&'static str, Def)]) {
    let d = decode(link);
    assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
    for &(key, old) in table.iter().chain(added) {
        let (key, want) = match old {
            Choice(id) => {
                let (key, id) = in_current_terms(key, id);
                (key, Choice(id))
            }
            _ => (key, old),
        };
        assert_eq!(value_of(&d.scenario, key, want), want, "{link}: {key}");
    }
}

#[test]
fn a_v1_link_means_what_it_meant() {
    means_its_own_defaults("v=1", V1_INPUTS, ADDED_AS_V1);
}

#[test]
fn a_v2_link_means_what_it_meant() {
    means_its_own_defaults("v=2", V2_INPUTS, V3_ADDED_AS_V2);
    means_its_own_defaults("v=3", V3_INPUTS, &[]);
}

/// Inputs that this build sets from a region preset unless given.
const PRESET_NUMBERS: [&str; 2] = ["usd_kwh", "kg_kwh"];

/// A random scenario of a format whose inputs and defaults are `table`:
/// some inputs given (in range), the rest left out, as its links would.
fn given_of_format(table: &'static [(&'static str, Def)]) -> impl Strategy<Value = Vec<(&'static str, String)>> {
    let per_input: Vec<BoxedStrategy<Option<String>>> = table
        .iter()
        .map(|&(key, d)| {
            let def = INPUTS.iter().find(|x| x.key == key);
            let value: BoxedStrategy<String> = match (key, def.map(|x| x.kind)) {
                ("twin", _) => prop_oneof![Just("on".to_string()), Just("off".to_string())].boxed(),
                (_, Some(InputKind::Number { min, max, .. } | InputKind::Override { min, max, .. })) => {
                    (min..=max).prop_map(|v| v.to_string()).boxed()
                }
                (_, Some(InputKind::Choice { options, .. })) => {
                    (0..options.len()).prop_map(move |i| options[i].id.to_string()).boxed()
                }
                _ => Just(format!("{d:?}")).boxed(),
            };
            proptest::option::weighted(0.3, value).boxed()
        })
        .collect();
    per_input.prop_map(|values| table.iter().zip(values).filter_map(|(&(k, _), v)| v.map(|v| (k, v))).collect())
}

/// The oracle: every input of a format set one by one, given or from that
/// format's table (choices first, as a technology resets its overrides and a
/// region sets its prices), the inputs added since at the values that give
/// that format's fabric.
fn oracle(table: &[(&'static str, Def)], added: &[(&'static str, Def)], given: &[(&'static str, String)]) -> Scenario {
    let mut s = Scenario::default();
    let given_of = |k: &str| given.iter().find(|(g, _)| *g == k).map(|(_, v)| v.clone());
    for &(key, d) in table.iter().chain(added) {
        if let Choice(default) = d {
            let id = given_of(key).unwrap_or_else(|| default.to_string());
            let (key, id) = in_current_terms(key, &id);
            assert_eq!(s.set_choice(key, id).filter(|n| !n.message.contains("catalog values restored")), None);
        }
    }
    for &(key, d) in table.iter().chain(added) {
        match (d, given_of(key).and_then(|v| v.parse::<f64>().ok())) {
            (Choice(_), _) => {}
            (_, Some(v)) => {
                s.set_number(key, v);
            }
            (Number(_), None) if PRESET_NUMBERS.contains(&key) => {}
            (Number(v), None) => {
                s.set_number(key, v);
            }
            (Catalog, None) => s.clear_override(key),
        }
    }
    s
}

/// The query string of a link of format `v` giving these values.
fn link(v: u32, given: &[(&'static str, String)]) -> String {
    std::iter::once(format!("v={v}")).chain(given.iter().map(|(k, v)| format!("{k}={v}"))).collect::<Vec<_>>().join("&")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn v1_links_give_the_figures_of_the_v1_table(given in given_of_format(V1_INPUTS)) {
        let link = link(1, &given);
        let opened = evaluate(&decode(&link).scenario);
        let want = evaluate(&oracle(V1_INPUTS, ADDED_AS_V1, &given));
        for key in V1_HEADLINE_KEYS {
            let (a, b) = (opened.metric(key).unwrap(), want.metric(key).unwrap());
            prop_assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{}: {} vs {} for {}", key, a, b, link);
        }
    }

    /// Format 2's links against format 2's table: the switch counts
    /// (fluid minimum) and every headline figure of their day.
    #[test]
    fn v2_links_give_the_figures_of_the_v2_table(given in given_of_format(V2_INPUTS)) {
        let link = link(2, &given);
        let opened = evaluate(&decode(&link).scenario);
        let want = evaluate(&oracle(V2_INPUTS, V3_ADDED_AS_V2, &given));
        for key in V2_HEADLINE_KEYS {
            let (a, b) = (opened.metric(key).unwrap(), want.metric(key).unwrap());
            prop_assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{}: {} vs {} for {}", key, a, b, link);
        }
    }
}
