//! Share links: every scenario survives encode -> decode unchanged, and bad
//! links load a valid scenario with a notice naming what was changed.

use optics_calc::model::{INPUTS, InputKind, Notice, Scenario, evaluate};
use optics_calc::share::{decode, encode};
use proptest::prelude::*;

/// A scenario with every input drawn from its own range or options, then
/// cross-checked by the model (as the page holds it).
fn page_scenario() -> impl Strategy<Value = Scenario> {
    let per_input: Vec<BoxedStrategy<f64>> = INPUTS
        .iter()
        .map(|d| match d.kind {
            InputKind::Number { min, max, .. } => (min..=max).boxed(),
            // Half of the overrides stay on the catalog value (NaN = leave it).
            InputKind::Override { min, max, .. } => prop_oneof![Just(f64::NAN), min..=max].boxed(),
            InputKind::Choice { options, .. } => (0..options.len()).prop_map(|o| o as f64).boxed(),
        })
        .collect();
    per_input.prop_map(|values| {
        let mut s = Scenario::default();
        for (d, v) in INPUTS.iter().zip(&values) {
            if let InputKind::Choice { options, .. } = d.kind {
                s.set_choice(d.key, options[*v as usize].id);
            }
        }
        for (d, v) in INPUTS.iter().zip(&values) {
            if !matches!(d.kind, InputKind::Choice { .. }) && v.is_finite() {
                s.set_number(d.key, *v);
            }
        }
        s.validate();
        s
    })
}

fn keys(notices: &[Notice]) -> Vec<&str> {
    notices.iter().map(|n| n.key.as_str()).collect()
}

/// The link loads, gives a finite report and shows only clean plain text.
fn loads_safely(query: &str) -> (Scenario, Vec<Notice>) {
    let d = decode(query);
    let r = evaluate(&d.scenario);
    for m in r.metrics() {
        assert!(m.value.is_finite(), "{query}: {} = {}", m.key, m.value);
    }
    for n in &d.notices {
        for text in [&n.key, &n.message] {
            assert!(!text.contains(['<', '>', '"', '\n', '\u{0}']), "{query}: notice echoes markup: {n:?}");
            assert!(text.chars().count() <= 200, "{query}: notice too long: {n:?}");
        }
    }
    (d.scenario, d.notices)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_scenario_round_trips(s in page_scenario()) {
        let link = encode(&s);
        let d = decode(&link);
        prop_assert_eq!(&d.notices, &Vec::<Notice>::new(), "link {}", link);
        prop_assert_eq!(&d.scenario, &s, "link {}", link);
        prop_assert_eq!(evaluate(&d.scenario), evaluate(&s));
        // A reopened link writes itself again.
        prop_assert_eq!(encode(&d.scenario), link);
    }

}

/// Cases of the decoder fuzz runs: 2,000 in `make test`; `make fuzz` sets
/// FUZZ_CASES=1000000.
fn fuzz_cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_any_text_loads_safely(query in "[a-z_=&%0-9.<>\"'?#+eE-]{0,120}") {
        loads_safely(&query);
    }

    #[test]
    fn fuzz_any_value_of_any_key_loads_safely(v in 1..=3u32, i in 0..=INPUTS.len(), value in any::<String>()) {
        // Every input (`oversub_top` and `cabling` of v3 included), and the v1 key that v2 renamed.
        let key = INPUTS.get(i).map_or("twin", |d| d.key);
        loads_safely(&format!("v={v}&{key}={value}"));
    }

    #[test]
    fn fuzz_the_fabric_keys_together_load_safely(
        v in 1..=3u32,
        planes in "[0-9]{1,2}", ports in "[0-9]{1,2}", nic in "[0-9]", sw in "[0-9]",
        gbps in prop_oneof![Just("400"), Just("800"), Just("1600"), Just("3200"), Just("x")],
        level in prop_oneof![Just("same"), Just("dsp"), Just("lpo"), Just("cpo"), Just("bad")],
        twin in prop_oneof![Just("on"), Just("off"), Just("")],
        gpus in prop_oneof![1..=4096u32, 1..=1_000_000u32],
        radix in prop_oneof![Just("4".to_string()), Just("144".to_string()), "[0-9]{1,4}"],
        oversub in "[0-9]{1,2}(\\.[0-9]{1,2})?", oversub_top in "[0-9]{1,3}(\\.[0-9])?|-1|nan|",
        tiers in prop_oneof![Just("auto"), Just("2"), Just("3"), Just("9")],
        cabling in prop_oneof![Just("even"), Just("fluid"), Just("x")],
    ) {
        let (s, _) = loads_safely(&format!(
            "v={v}&gpus={gpus}&planes={planes}&ports={ports}&nic_ports={nic}&sw_ports={sw}&gbps={gbps}&base1={level}&alt3={level}&twin={twin}\
             &radix={radix}&oversub={oversub}&oversub_top={oversub_top}&tiers={tiers}&cabling={cabling}"
        ));
        // Whatever was asked, the planes divide the ports and the breakouts fit the catalog.
        let planes: f64 = s.choice("planes").unwrap().parse().unwrap();
        prop_assert_eq!(s.number("ports").unwrap() % planes, 0.0);
        let gbps: f64 = s.choice("gbps").unwrap().parse().unwrap();
        for key in ["nic_ports", "sw_ports"] {
            let ports: f64 = s.choice(key).unwrap().parse().unwrap();
            prop_assert!(ports * gbps <= 3200.0, "{} = {} at {} Gb/s", key, ports, gbps);
        }
        // Every switch keeps an uplink, and no tier with links has no switch.
        let radix = s.number("radix").unwrap();
        for key in ["oversub", "oversub_top"] {
            prop_assert!(s.number(key).unwrap() <= radix - 1.0, "{} = {:?} at radix {}", key, s.number(key), radix);
        }
        let r = evaluate(&s);
        for row in r.baseline.tiers() {
            prop_assert!(row.links == 0 || row.switches > 0, "{:?}", row);
            prop_assert!(row.switches >= row.fluid_switches, "{:?}", row);
            prop_assert!(row.pair_links.is_finite() && row.pair_links >= 0.0, "{:?}", row);
        }
    }
}

#[test]
fn the_default_scenario_is_just_the_version() {
    assert_eq!(encode(&Scenario::default()), "v=3");
    let d = decode("v=3");
    assert_eq!((d.scenario, d.notices), (Scenario::default(), vec![]));
    // Formats 1 and 2 counted the fluid minimum of switches: their empty link is the default but that.
    let mut fluid = Scenario::default();
    fluid.set_choice("cabling", "fluid");
    for v in ["v=1", "v=2"] {
        let d = decode(v);
        assert_eq!(d.scenario, fluid, "{v}");
        assert!(d.notices.is_empty(), "{v}");
        assert_eq!(encode(&d.scenario), "v=3&cabling=fluid", "{v}");
    }
    assert!(decode("").notices.is_empty(), "an empty query is the default page, no notice");
}

#[test]
fn the_documented_example_link_loads_as_written() {
    let d = decode("?v=1&gpus=65536&gbps=1600&alt=cpo&alt_w=9.5&region=ercot&usd_kwh=0.066&kg_kwh=0.336");
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    let s = &d.scenario;
    assert_eq!(s.number("gpus"), Some(65536.0));
    assert_eq!(s.choice("gbps"), Some("1600"));
    assert_eq!(s.choice("alt"), Some("cpo"));
    assert_eq!(s.number("alt_w"), Some(9.5));
    assert!(s.is_overridden("alt_w"));
    assert_eq!(s.number("usd_kwh"), Some(0.066));
    assert_eq!(s.number("kg_kwh"), Some(0.336));
}

#[test]
fn the_issue_keys_are_all_short_stable_inputs() {
    for key in [
        "gpus", "gbps", "radix", "tiers", "pue", "usd_kwh", "kg_kwh", "years", "rate", "base", "alt", "base_w",
        "alt_w", "base_ns", "alt_ns", "base_usd", "alt_usd", "region",
    ] {
        assert!(INPUTS.iter().any(|d| d.key == key), "no input '{key}'");
    }
}

#[test]
fn a_region_then_explicit_prices_win() {
    let d = decode("v=1&region=ercot&usd_kwh=0.2");
    assert_eq!(d.scenario.number("usd_kwh"), Some(0.2));
    let ercot = decode("v=1&region=ercot").scenario;
    assert_eq!(d.scenario.number("kg_kwh"), ercot.number("kg_kwh"), "the region's carbon intensity stays");
}

#[test]
fn unknown_keys_are_ignored_and_named() {
    let (s, n) = loads_safely("v=1&gpus=8192&colour=red&utm_source=mail");
    assert_eq!(s.number("gpus"), Some(8192.0));
    assert_eq!(keys(&n), ["colour", "utm_source"]);
    assert!(n[0].message.contains("ignored"));
}

#[test]
fn a_flood_of_unknown_keys_gives_few_notices() {
    let query: Vec<String> = (0..500).map(|i| format!("junk{i}=1")).collect();
    let (_, n) = loads_safely(&format!("v=1&{}", query.join("&")));
    assert!(n.len() <= 10, "{} notices", n.len());
    assert!(n.last().unwrap().message.contains("492 more"), "{:?}", n.last());
}

#[test]
fn repeated_keys_use_the_last_value_and_say_so() {
    let (s, n) = loads_safely("v=1&gpus=8192&gpus=16384");
    assert_eq!(s.number("gpus"), Some(16384.0));
    assert_eq!(keys(&n), ["gpus"]);
    assert!(n[0].message.contains("2 times"), "{}", n[0].message);
}

#[test]
fn a_repeated_v1_twin_uses_the_last_value_and_says_so_like_any_key() {
    let (s, n) = loads_safely("v=1&twin=on&twin=off");
    assert_eq!(s.choice("sw_ports"), Some("1"), "the last twin, off, is one port per switch-end module");
    assert_eq!(keys(&n), ["twin"]);
    assert_eq!(n[0].message, "given 2 times; used the last value, 'off'");
    let (s, n) = loads_safely("v=1&twin=off&twin=off&twin=on");
    assert_eq!(s.choice("sw_ports"), Some("2"));
    assert!(n[0].message.contains("3 times") && n[0].message.ends_with("'on'"), "{n:?}");
    // Given once, it is read without a notice.
    let (s, n) = loads_safely("v=1&twin=on");
    assert_eq!((s.choice("sw_ports"), n.len()), (Some("2"), 0));
}

#[test]
fn minus_zero_is_zero_in_the_scenario_the_rewritten_link_and_every_figure() {
    for query in ["v=2&exposed=-0", "v=2&exposed=-0.0&fe=-0&host_w=-0e0", "v=2&exposed=-0.3"] {
        let (s, n) = loads_safely(query);
        let exposed = s.number("exposed").unwrap();
        assert!(exposed == 0.0 && exposed.is_sign_positive(), "{query}: exposed {exposed:?}");
        assert!(!encode(&s).contains("-0"), "{query}: rewritten as {}", encode(&s));
        // -0 is 0: nothing to say; -0.3 is outside the range, and said so with the 0 used.
        assert!(n.iter().all(|n| n.message.ends_with("set to 0")), "{query}: {n:?}");
        for m in evaluate(&s).metrics() {
            assert!(!(m.value == 0.0 && m.value.is_sign_negative()), "{query}: {} is -0", m.key);
        }
    }
}

#[test]
fn non_numbers_keep_the_default() {
    for bad in ["abc", "NaN", "nan", "inf", "-Infinity", "1e999", "", "0x10", "1,000"] {
        let (s, n) = loads_safely(&format!("v=1&gpus={bad}"));
        assert_eq!(s.number("gpus"), Scenario::default().number("gpus"), "gpus={bad}");
        assert_eq!(keys(&n), ["gpus"], "gpus={bad}: {n:?}");
    }
}

#[test]
fn out_of_range_numbers_are_clamped_with_a_notice() {
    let (s, n) = loads_safely("v=1&gpus=99999999999&pue=-3&years=1e300");
    assert_eq!(s.number("gpus"), Some(1_000_000.0));
    assert_eq!(s.number("pue"), Some(1.0));
    assert_eq!(s.number("years"), Some(10.0));
    for k in ["gpus", "pue", "years"] {
        assert!(keys(&n).contains(&k), "{k}: {n:?}");
    }
}

#[test]
fn over_long_values_are_not_read() {
    let (s, n) = loads_safely(&format!("v=1&gpus={}", "1".repeat(5000)));
    assert_eq!(s.number("gpus"), Scenario::default().number("gpus"));
    assert!(n[0].message.contains("longer than"), "{n:?}");
}

#[test]
fn markup_in_keys_and_values_is_never_echoed() {
    let (s, n) = loads_safely(
        "v=1&alt=%3Cscript%3Ealert(1)%3C/script%3E&%3Cimg%20src=x%20onerror=alert(1)%3E=1&gpus=%22%3E%3Cb%3E",
    );
    assert_eq!(s.choice("alt"), Scenario::default().choice("alt"));
    assert_eq!(n.len(), 3, "{n:?}");
}

#[test]
fn unknown_technology_ids_keep_the_default() {
    let (s, n) = loads_safely("v=1&base=quantum&alt=cpo");
    assert_eq!(s.choice("base"), Scenario::default().choice("base"));
    assert_eq!(s.choice("alt"), Some("cpo"));
    assert_eq!(keys(&n), ["base"]);
    assert!(n[0].message.contains("unknown option 'quantum'"), "{}", n[0].message);
}

#[test]
fn versions_newer_missing_and_unreadable_are_named() {
    let (s, n) = loads_safely("v=7&gpus=4096&warp=9");
    assert_eq!(s.number("gpus"), Some(4096.0), "a newer link still loads what this build understands");
    assert_eq!(keys(&n), ["v", "warp"]);
    assert!(n[0].message.contains("newer"));

    let (s, n) = loads_safely("gpus=4096");
    assert_eq!(s.number("gpus"), Some(4096.0));
    assert_eq!(keys(&n), ["v"]);

    for bad in ["v=abc", "v=0", "v=1.5", "v=-1"] {
        let (_, n) = loads_safely(&format!("{bad}&gpus=4096"));
        assert_eq!(keys(&n), ["v"], "{bad}");
    }
}

#[test]
fn percent_escapes_and_plus_decode_as_in_forms() {
    let (s, n) = loads_safely("v=1&gp%75s=16384&region=%65rcot");
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.number("gpus"), Some(16384.0));
    assert_eq!(s.choice("region"), Some("ercot"));
    // Malformed escapes stay as written, invalid UTF-8 becomes U+FFFD: no panic.
    loads_safely("v=1&gpus=%&alt=%E2%28&%ZZ=1&base=%FF%FE");
}

#[test]
fn a_v1_twin_port_link_keeps_its_modules() {
    let (s, n) = loads_safely("v=1&gbps=400&twin=on");
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.choice("sw_ports"), Some("2"));
    // Re-encoded in the current format, under the new key, with format 1's fluid switch counts.
    assert_eq!(encode(&s), "v=3&gbps=400&cabling=fluid&sw_ports=2");
    // The new key, when given too, wins over the old one.
    let (s, _) = loads_safely("v=1&gbps=400&sw_ports=4&twin=on");
    assert_eq!(s.choice("sw_ports"), Some("4"));
    // A bad old value is named under the new key.
    let (_, n) = loads_safely("v=1&twin=maybe");
    assert_eq!(keys(&n), ["sw_ports"]);
}

#[test]
fn fabric_combinations_that_cannot_be_built_are_clamped_with_a_notice() {
    // Two planes cannot share one port per GPU.
    let (s, n) = loads_safely("v=2&planes=2");
    assert_eq!((s.choice("planes"), keys(&n)), (Some("1"), vec!["planes"]));
    // Four planes over six ports: two planes of three.
    let (s, _) = loads_safely("v=2&ports=6&planes=4");
    assert_eq!(s.choice("planes"), Some("2"));
    // 4 x 1.6T needs a 6.4T module: two ports per module (3.2T) is the most that fits.
    let (s, n) = loads_safely("v=2&gbps=1600&sw_ports=4");
    assert_eq!((s.choice("sw_ports"), keys(&n)), (Some("2"), vec!["sw_ports"]));
    let (s, n) = loads_safely("v=2&gbps=3200&nic_ports=2&sw_ports=2");
    assert_eq!((s.choice("nic_ports"), s.choice("sw_ports")), (Some("1"), Some("1")));
    assert_eq!(keys(&n), ["nic_ports", "sw_ports"]);
    // An oversubscription that would leave a switch no uplink: k - 1 down, 1 up.
    let (s, n) = loads_safely("v=3&radix=8&oversub_top=20&oversub=7.5");
    assert_eq!(
        (s.number("oversub_top"), s.number("oversub"), keys(&n)),
        (Some(7.0), Some(7.0), vec!["oversub", "oversub_top"])
    );
    // CPO cannot sit at the NIC end: the report says the NIC ends stay pluggables.
    let r = evaluate(&decode("v=2&base1=cpo").scenario);
    assert!(r.notices.iter().any(|n| n.key == "base1" && n.message.contains("NIC ends")), "{:?}", r.notices);
}
