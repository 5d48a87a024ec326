//! Inputs table, Scenario get/set, validation and serde.

use optics_calc::model::{INPUTS, InputKind, Scenario, evaluate, input_def};

#[test]
fn table_keys_are_unique_and_the_contract_keys_exist() {
    let mut keys: Vec<&str> = INPUTS.iter().map(|d| d.key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), INPUTS.len());
    for k in [
        "gpus", "gbps", "ports", "radix", "tiers", "oversub", "pue", "usd_kwh", "kg_kwh", "years", "rate", "base",
        "alt", "base_w", "alt_w", "base_ns", "alt_ns", "base_usd", "alt_usd", "region",
    ] {
        assert!(input_def(k).is_some(), "{k}");
    }
}

#[test]
fn every_row_is_sane_and_sourced() {
    for d in INPUTS {
        assert!(!d.label.is_empty() && !d.help.is_empty() && !d.source.is_empty(), "{}", d.key);
        match d.kind {
            InputKind::Number { min, max, step, default } => {
                assert!(min < max && step > 0.0, "{}", d.key);
                assert!((min..=max).contains(&default), "{}", d.key);
            }
            InputKind::Override { min, max, step } => assert!(min < max && step > 0.0, "{}", d.key),
            InputKind::Choice { options, default } => {
                assert!(options.iter().any(|o| o.id == default), "{}", d.key)
            }
        }
    }
}

#[test]
fn default_scenario_holds_every_default() {
    let s = Scenario::default();
    for d in INPUTS {
        match d.kind {
            InputKind::Number { default, .. } => {
                assert_eq!(s.number(d.key), Some(default), "{}", d.key)
            }
            InputKind::Override { .. } => {
                assert!(!s.is_overridden(d.key));
                assert!(s.number(d.key).is_some_and(f64::is_finite));
            }
            InputKind::Choice { default, .. } => assert_eq!(s.choice(d.key), Some(default)),
        }
    }
    assert_eq!(s.clone().validate(), vec![]);
    assert!(evaluate(&s).notices.is_empty());
}

#[test]
fn override_shows_catalog_value_until_set() {
    let mut s = Scenario::default();
    assert_eq!(s.number("base_w"), Some(16.0));
    assert_eq!(s.number("alt_w"), Some(8.5));
    assert_eq!(s.number("alt_ns"), Some(5.0));
    assert_eq!(s.set_number("alt_w", 8.0), None);
    assert!(s.is_overridden("alt_w"));
    assert_eq!(s.number("alt_w"), Some(8.0));
    s.clear_override("alt_w");
    assert_eq!(s.number("alt_w"), Some(8.5));
}

#[test]
fn set_number_clamps_rounds_and_rejects_non_finite() {
    let mut s = Scenario::default();
    assert!(s.set_number("gpus", 5e6).is_some());
    assert_eq!(s.gpus, 1_000_000.0);
    assert!(s.set_number("gpus", 1000.4).is_some());
    assert_eq!(s.gpus, 1000.0);
    let n = s.set_number("gpus", f64::NAN).unwrap();
    assert_eq!(n.key, "gpus");
    assert_eq!(s.gpus, 32_768.0);
    assert!(s.set_number("pue", f64::INFINITY).is_some());
    assert_eq!(s.pue, 1.56);
    assert!(s.set_number("alt_w", f64::NEG_INFINITY).is_some());
    assert!(!s.is_overridden("alt_w"));
    assert!(s.set_number("nope", 1.0).is_some());
    assert!(s.set_number("base", 1.0).is_some());
    assert_eq!(s.base, "dsp");
}

#[test]
fn set_choice_rejects_unknown_ids_without_echoing_them() {
    let mut s = Scenario::default();
    let long = "x".repeat(5000);
    let n = s.set_choice("base", &long).unwrap();
    assert!(n.message.len() < 120, "{}", n.message);
    assert_eq!(s.base, "dsp");
    assert!(s.set_choice(&long, "dsp").unwrap().key.len() < 50);
    assert!(s.set_choice("gpus", "dsp").is_some());
    assert_eq!(s.set_choice("alt", "cpo"), None);
    assert_eq!(s.choice("alt"), Some("cpo"));
}

#[test]
fn changing_technology_clears_its_overrides_with_a_notice() {
    let mut s = Scenario::default();
    s.set_number("alt_w", 7.0);
    s.set_number("base_w", 15.0);
    let n = s.set_choice("alt", "cpo").expect("notice");
    assert_eq!(n.key, "alt");
    assert!(n.message.contains("alt_w"));
    assert!(!s.is_overridden("alt_w"));
    assert!(s.is_overridden("base_w"));
    // Re-selecting the same option changes nothing.
    s.set_number("alt_w", 7.0);
    assert_eq!(s.set_choice("alt", "cpo"), None);
    assert!(s.is_overridden("alt_w"));
    // A new port speed makes every override stale.
    assert!(s.set_choice("gbps", "1600").is_some());
    assert!(!s.is_overridden("alt_w") && !s.is_overridden("base_w"));
}

#[test]
fn regions_set_price_and_intensity_and_edits_make_them_custom() {
    let mut s = Scenario::default();
    s.apply_region("ercot");
    assert_eq!((s.region, s.usd_kwh, s.kg_kwh), ("ercot", 0.066, 0.336));
    assert_eq!(s.set_choice("region", "svalley"), None);
    assert_eq!(s.usd_kwh, 0.1864);
    s.set_number("usd_kwh", 0.12);
    assert_eq!(s.region, "custom");
    assert_eq!(s.usd_kwh, 0.12);
    s.apply_region("bogus");
    assert_eq!((s.region, s.usd_kwh), ("custom", 0.12));
    s.apply_region("us");
    assert_eq!(s.kg_kwh, 0.3516);
}

#[test]
fn validate_fixes_cross_field_problems() {
    let mut s = Scenario { tiers: "2", group: 1e6, gpus: -5.0, ..Scenario::default() };
    let notices = s.validate();
    let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
    assert!(keys.contains(&"gpus"));
    assert_eq!(s.gpus, 1.0);
    // 32,768 GPUs cannot fit 2 tiers at radix 64: raised to 3.
    let mut s = Scenario { tiers: "2", ..Scenario::default() };
    let n = s.validate();
    assert_eq!(s.tiers, "3");
    assert_eq!(n[0].key, "tiers");
    // Beyond 3 tiers it goes back to auto.
    let mut s = Scenario { tiers: "3", gpus: 500_000.0, ..Scenario::default() };
    s.validate();
    assert_eq!(s.tiers, "auto");
    // A group larger than the cluster is kept (evaluate caps it), with no
    // notice: a visitor who lowers the GPU count did nothing wrong, and the
    // group is still there when the count goes back up.
    let mut s = Scenario { gpus: 100.0, ..Scenario::default() };
    assert!(s.validate().is_empty());
    assert_eq!(s.group, 4096.0);
    let mut capped = s.clone();
    capped.group = 100.0;
    assert_eq!(evaluate(&s).step, evaluate(&capped).step);
}

#[test]
fn serde_round_trip_and_revalidation() {
    let mut s = Scenario::default();
    s.set_number("gpus", 1234.0);
    s.set_number("alt_w", 7.5);
    s.set_choice("alt", "siph");
    s.set_choice("sw_ports", "2");
    let json = serde_json::to_string(&s).unwrap();
    let back: Scenario = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    // Missing keys default, unknown ones are ignored, out-of-range values wait for validate.
    let mut t: Scenario = serde_json::from_str(r#"{"gpus": 9e9, "zzz": 1, "alt": "nope", "base_w": null}"#).unwrap();
    assert_eq!(t.alt, "lpo");
    assert_eq!(t.gpus, 9e9);
    let n = t.validate();
    assert_eq!(t.gpus, 1e6);
    assert_eq!(n.len(), 1);
}

#[test]
fn reach_is_checked_per_level_on_both_sides_against_the_technology_used() {
    use optics_calc::model::evaluate;
    use optics_calc::share::decode;
    // 800 m upper links, past the 500 m of every optical technology: one notice
    // per side and level, naming the level, the technology, its reach and the length.
    let r = evaluate(&decode("v=2&m_up=800&alt=dsp&alt2=lpo").scenario);
    let reach: Vec<(&str, &str)> = r
        .notices
        .iter()
        .filter(|n| n.message.contains("reaches"))
        .map(|n| (n.key.as_str(), n.message.as_str()))
        .collect();
    let keys: Vec<&str> = reach.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["base2", "base3", "alt2", "alt3"], "{reach:?}");
    assert_eq!(reach[2].1, "leaf to spine links are 800 m long, but LPO (linear drive) reaches 500 m at this speed");
    assert!(reach[3].1.starts_with("spine to core links") && reach[3].1.contains("DSP-retimed pluggable"));
    // Copper on the GPU level: its own reach (DAC 2 m at 800G), under the media key, once.
    let r = evaluate(&decode("v=2&m1=dac&m_leaf=3").scenario);
    let keys: Vec<&str> = r.notices.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["m1"]);
    assert!(r.notices[0].message.contains("Copper DAC reaches 2 m"), "{}", r.notices[0].message);
}
