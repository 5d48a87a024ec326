//! Invariants over the whole input space.

use optics_calc::model::scenario::{ALT_OVERRIDES, BASE_OVERRIDES};
use optics_calc::model::{HEADLINE_KEYS, INPUTS, InputKind, Report, Scenario, evaluate};
use proptest::prelude::*;

/// Any value for any input, including out-of-range, NaN and infinities.
fn wild_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => any::<f64>(),
        4 => -10.0..2e6f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
    ]
}

/// A scenario with every input drawn from its own range (numbers), its options
/// (choices) or left to the catalog.
fn in_range_scenario() -> impl Strategy<Value = Scenario> {
    let per_input: Vec<BoxedStrategy<(usize, f64)>> = INPUTS
        .iter()
        .enumerate()
        .map(|(i, d)| match d.kind {
            InputKind::Number { min, max, .. } | InputKind::Override { min, max, .. } => (Just(i), min..=max).boxed(),
            InputKind::Choice { options, .. } => (Just(i), 0..options.len()).prop_map(|(i, o)| (i, o as f64)).boxed(),
        })
        .collect();
    per_input.prop_map(|values| {
        let mut s = Scenario::default();
        for (i, v) in values {
            let d = &INPUTS[i];
            match d.kind {
                InputKind::Choice { options, .. } => {
                    s.set_choice(d.key, options[v as usize].id);
                }
                _ => {
                    s.set_number(d.key, v);
                }
            }
        }
        s
    })
}

fn all_finite(r: &Report) -> Result<(), String> {
    for m in r.metrics() {
        if !m.value.is_finite() {
            return Err(format!("{} = {}", m.key, m.value));
        }
    }
    // serde_json writes NaN and infinity as null: the only nulls allowed are
    // the optional payback.
    let v = serde_json::to_value(r).unwrap();
    fn walk(path: &str, v: &serde_json::Value) -> Result<(), String> {
        match v {
            serde_json::Value::Null if !path.ends_with("payback_months") => Err(format!("{path} is null")),
            serde_json::Value::Array(a) => a.iter().enumerate().try_for_each(|(i, x)| walk(&format!("{path}[{i}]"), x)),
            serde_json::Value::Object(o) => o.iter().try_for_each(|(k, x)| walk(&format!("{path}.{k}"), x)),
            _ => Ok(()),
        }
    }
    walk("report", &v)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_nan_anywhere_for_in_range_inputs(s in in_range_scenario()) {
        let r = evaluate(&s);
        prop_assert_eq!(r.metrics().len(), HEADLINE_KEYS.len());
        all_finite(&r).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn no_nan_anywhere_for_wild_inputs(values in proptest::collection::vec(wild_number(), INPUTS.len())) {
        // Written straight into the fields (as a host might), bypassing the setters.
        let mut s = Scenario::default();
        let json: serde_json::Map<String, serde_json::Value> = INPUTS.iter().zip(&values)
            .filter(|(d, _)| !matches!(d.kind, InputKind::Choice { .. }))
            .filter_map(|(d, v)| serde_json::Number::from_f64(*v).map(|n| (d.key.to_string(), n.into())))
            .collect();
        s = serde_json::from_value(serde_json::Value::Object(json)).unwrap_or(s);
        s.gpus = values[0];
        s.radix = values[1];
        s.pue = values[2];
        s.base_w = Some(values[3]);
        let r = evaluate(&s);
        all_finite(&r).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn counts_grow_with_gpus(a in 1.0..200_000.0f64, b in 1.0..200_000.0f64, twin in any::<bool>()) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let at = |g: f64| {
            let mut s = Scenario::default();
            s.set_number("gpus", g);
            s.set_choice("sw_ports", if twin { "2" } else { "1" });
            evaluate(&s)
        };
        let (rl, rh) = (at(lo), at(hi));
        prop_assert!(rl.baseline.optical_modules <= rh.baseline.optical_modules);
        prop_assert!(rl.baseline.switches <= rh.baseline.switches);
        prop_assert!(rl.tiers <= rh.tiers);
        prop_assert!(rl.baseline.power.optics_power_w <= rh.baseline.power.optics_power_w);
    }

    #[test]
    fn savings_scale_linearly_with_the_watt_difference(
        gpus in 1.0..300_000.0f64, base_w in 20.0..40.0f64, d in 0.1..9.0f64,
        speed in 0usize..4, twin in any::<bool>(),
    ) {
        let at = |diff: f64| {
            let mut s = Scenario::default();
            s.set_choice("gbps", ["400", "800", "1600", "3200"][speed]);
            s.set_choice("sw_ports", if twin { "2" } else { "1" });
            s.set_choice("alt", "dsp");
            s.set_number("gpus", gpus);
            s.set_number("base_w", base_w);
            s.set_number("alt_w", base_w - diff);
            evaluate(&s)
        };
        let (r1, r2) = (at(d), at(2.0 * d));
        let per_w = r1.delta.optics_power_saved_w / d;
        prop_assert!((r2.delta.optics_power_saved_w - 2.0 * r1.delta.optics_power_saved_w).abs() <= 1e-6 * r2.delta.optics_power_saved_w);
        // Without breakout modules, watts saved = modules x difference.
        if !r1.baseline.breakout {
            prop_assert!((per_w - r1.baseline.optical_modules as f64).abs() <= 1e-6 * per_w);
        }
    }

    /// Even cabling changes switch counts, never links: every tier has at
    /// least its fluid minimum; where a switch below reaches every switch
    /// above (2 tiers), the spines divide the leaf's uplinks and every pair
    /// has the same whole number of links; a count more than 10% above the
    /// fluid minimum comes with a notice.
    #[test]
    fn even_cabling_adds_switches_not_links(
        gpus in 1.0..300_000.0f64, radix in 2u32..=256, oversub in 1.0..8.0f64, top in 1.0..20.0f64,
        ports in 1u32..=2, gbps in prop_oneof![Just("400"), Just("800")],
    ) {
        let at = |cabling: &str| {
            let mut s = Scenario::default();
            for (key, v) in [("gpus", gpus), ("radix", f64::from(radix) * 2.0), ("oversub", oversub), ("oversub_top", top), ("ports", f64::from(ports))] {
                s.set_number(key, v);
            }
            s.set_choice("gbps", gbps);
            s.set_choice("cabling", cabling);
            evaluate(&s)
        };
        let (even, fluid) = (at("even"), at("fluid"));
        prop_assert_eq!(even.tiers, fluid.tiers);
        for (e, f) in even.baseline.tiers().iter().zip(fluid.baseline.tiers()) {
            prop_assert_eq!(e.links, f.links);
            prop_assert_eq!(e.fluid_switches, f.switches);
            prop_assert!(e.switches >= f.switches, "{:?} vs {:?}", e, f);
            prop_assert!(e.links == 0 || e.switches > 0);
        }
        let uneven = even.notices.iter().any(|n| n.key == "cabling" && n.message.contains("unequal"));
        if even.tiers == 2 && !uneven {
            let (leaves, spines) = (&even.baseline.rows[0], &even.baseline.rows[1]);
            let up = spines.links / leaves.switches;
            prop_assert_eq!(up % spines.switches, 0, "{} uplinks over {} spines", up, spines.switches);
            prop_assert_eq!(spines.pair_links, (up / spines.switches) as f64);
        }
        for t in even.baseline.tiers().iter().skip(1) {
            let noted = even.notices.iter().any(|n| n.key == "cabling" && n.message.contains(&format!("{} ", t.switches)));
            if t.switches as f64 > 1.1 * t.fluid_switches as f64 {
                prop_assert!(noted, "{:?}: {:?}", t, even.notices);
            }
        }
    }

    #[test]
    fn energy_is_power_times_hours_times_pue(s in in_range_scenario()) {
        let r = evaluate(&s);
        let pue = s.number("pue").unwrap();
        for side in [&r.baseline, &r.proposed] {
            let p = &side.power;
            let want = p.network_power_w * pue * 8760.0 / 1000.0;
            prop_assert!((p.energy_kwh_per_year - want).abs() <= 1e-9 * want.max(1.0));
        }
    }

    #[test]
    fn proposed_equal_to_baseline_gives_zero_delta(s in in_range_scenario()) {
        let mut s = s;
        let base = s.base;
        s.set_choice("alt", base);
        for (b, a) in [("base1", "alt1"), ("base2", "alt2"), ("base3", "alt3")] {
            let level = s.choice(b).unwrap_or("same");
            s.set_choice(a, level);
        }
        for (b, a) in BASE_OVERRIDES.into_iter().zip(ALT_OVERRIDES) {
            match (s.is_overridden(b), s.number(b)) {
                (true, Some(v)) => { s.set_number(a, v); }
                _ => s.clear_override(a),
            }
        }
        s.set_choice("build", "new");
        let r = evaluate(&s);
        let d = serde_json::to_value(r.delta).unwrap();
        for (k, v) in d.as_object().unwrap() {
            prop_assert_eq!(v.as_f64(), Some(0.0), "{}", k);
        }
        prop_assert_eq!(r.npv_usd, 0.0);
        prop_assert_eq!(r.payback_months, Some(0.0));
        prop_assert_eq!(r.extra_gpus, 0.0);
        prop_assert_eq!(r.step.saved_us_per_step, 0.0);
    }
}
