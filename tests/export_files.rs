//! Exports: the CSV a finance team opens and the JSON that restores a scenario.

use optics_calc::export::{FORMAT, from_json, to_csv, to_json};
use optics_calc::model::{INPUTS, Scenario, evaluate};
use optics_calc::share::decode;
use optics_calc::texts::Texts;

fn sample() -> Scenario {
    decode("v=1&gpus=65536&gbps=1600&alt=cpo&alt_w=9.5&region=ercot&usd_kwh=0.066&years=7").scenario
}

/// The rows of one CSV section (after its title row, up to the blank line).
fn section<'a>(csv: &'a str, title: &str) -> Vec<&'a str> {
    csv.split("\r\n\r\n")
        .find(|s| s.trim_start_matches('\u{FEFF}').starts_with(title))
        .unwrap_or_else(|| panic!("no section {title}"))
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn csv_lists_every_input_with_unit_and_source() {
    let s = sample();
    let csv = to_csv(&s, &evaluate(&s), &Texts::from_tables());
    assert!(csv.starts_with("\u{FEFF}Inputs\r\n"), "BOM then the inputs section");
    let rows = section(&csv, "Inputs");
    assert_eq!(rows[0], "Key,Input,Value,Unit,Default,Source");
    assert_eq!(rows.len(), INPUTS.len() + 1);
    let gpus = rows.iter().find(|r| r.starts_with("gpus,GPUs,65536,GPUs,32768,")).unwrap_or_else(|| panic!("{rows:?}"));
    assert!(
        gpus.ends_with(",\"Scenario choice: a 32,768-GPU training cluster, the scale of the seed article's claims.\""),
        "{gpus}"
    );
    let alt_w = rows.iter().find(|r| r.starts_with("alt_w,")).unwrap();
    assert!(alt_w.contains(",9.5,W,"), "override value then its catalog default: {alt_w}");
}

#[test]
fn csv_results_put_the_sides_side_by_side_with_the_difference() {
    let s = sample();
    let r = evaluate(&s);
    let csv = to_csv(&s, &r, &Texts::from_tables());
    let rows = section(&csv, "Results");
    assert_eq!(rows[0], "Figure,Unit,Baseline,Proposed,Baseline minus proposed");
    let optics = rows.iter().find(|r| r.starts_with("Optics power,W,")).unwrap();
    let cells: Vec<f64> = optics.split(',').skip(2).map(|c| c.parse().unwrap()).collect();
    assert_eq!(
        cells,
        [
            r.baseline.power.optics_power_w,
            r.proposed.power.optics_power_w,
            r.baseline.power.optics_power_w - r.proposed.power.optics_power_w
        ]
    );
    let npv = rows.iter().find(|r| r.starts_with("Net present value")).unwrap();
    assert!(npv.ends_with(&format!(",{}", r.npv_usd)), "{npv}");
}

#[test]
fn csv_and_json_carry_the_module_ends_and_the_npv_by_cause() {
    let s = decode("v=2&gbps=400&sw_ports=2&alt2=dsp&alt3=dsp").scenario;
    let r = evaluate(&s);
    let csv = to_csv(&s, &r, &Texts::from_tables());
    let rows = section(&csv, "Results");
    let cells = |start: &str| -> Vec<f64> {
        let row = rows.iter().find(|r| r.starts_with(start)).unwrap_or_else(|| panic!("no row {start}"));
        row.split(',').skip(2).filter(|c| !c.is_empty()).map(|c| c.parse().unwrap()).collect()
    };
    let (nic, sw, all) =
        (cells("Optical modules at NIC ends,"), cells("Optical modules at switch ends,"), cells("Optical modules,"));
    for i in 0..2 {
        assert_eq!(nic[i] + sw[i], all[i], "NIC + switch ends = all modules");
    }
    let parts: f64 =
        ["NPV from modules", "NPV from electricity", "NPV from failures"].iter().map(|k| cells(k)[0]).sum();
    assert!((parts - r.npv_usd).abs() <= 1e-6 * r.npv_usd.abs().max(1.0), "{parts} vs {}", r.npv_usd);
    assert!(rows.iter().any(|r| r.starts_with("Present value of recovered step time (not in the NPV)")));
    // The level technologies: LPO to the leaf, DSP above it, on the proposed side.
    assert!(rows.iter().any(|r| r == &"GPU to leaf: technology,,DSP-retimed pluggable,LPO (linear drive)"), "{rows:?}");
    assert!(rows.iter().any(|r| r == &"leaf to spine: technology,,DSP-retimed pluggable,DSP-retimed pluggable"));
    let json: serde_json::Value = serde_json::from_str(&to_json(&s, &r)).unwrap();
    assert_eq!(json["report"]["baseline"]["switch_end_modules"], r.baseline.switch_end_modules);
    let energy = json["report"]["npv_parts"]["energy_usd"].as_f64().unwrap();
    assert!((energy - r.npv_parts.energy_usd).abs() < 1e-6, "{energy}");
}

#[test]
fn csv_has_one_cost_row_per_year_from_purchase() {
    let s = sample();
    let r = evaluate(&s);
    let csv = to_csv(&s, &r, &Texts::from_tables());
    let rows = section(&csv, "Cumulative cost by year");
    assert_eq!(rows.len(), 1 + 7 + 1, "header, year 0 and 7 years");
    assert!(rows[1].starts_with("0,"));
    let last: Vec<f64> = rows[8].split(',').map(|c| c.parse().unwrap()).collect();
    assert_eq!(
        last,
        [
            7.0,
            r.baseline.cumulative_usd[7],
            r.proposed.cumulative_usd[7],
            r.baseline.cumulative_usd[7] - r.proposed.cumulative_usd[7]
        ]
    );
}

#[test]
fn json_round_trips_the_scenario() {
    let s = sample();
    let text = to_json(&s, &evaluate(&s));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["version"], 3);
    assert_eq!(v["scenario"]["gpus"], 65536.0);
    assert_eq!(v["report"]["npv_usd"].as_f64(), Some(evaluate(&s).npv_usd));
    let back = from_json(&text).unwrap();
    assert!(back.notices.is_empty(), "{:?}", back.notices);
    assert_eq!(back.scenario, s);
}

#[test]
fn json_import_clamps_and_names_bad_values() {
    let text =
        r#"{"format":"optics-calc","version":1,"scenario":{"gpus":-5,"alt":"warp","pue":"<b>","years":[1],"zzz":1}}"#;
    let d = from_json(text).unwrap();
    assert_eq!(d.scenario.number("gpus"), Some(1.0));
    assert_eq!(d.scenario.choice("alt"), Scenario::default().choice("alt"));
    assert_eq!(d.scenario.number("pue"), Scenario::default().number("pue"));
    let keys: Vec<&str> = d.notices.iter().map(|n| n.key.as_str()).collect();
    for k in ["gpus", "alt", "pue", "years", "zzz"] {
        assert!(keys.contains(&k), "{k}: {keys:?}");
    }
    assert!(d.notices.iter().all(|n| !n.message.contains('<')));
}

#[test]
fn a_version_1_export_keeps_its_twin_port_modules() {
    let text = r#"{"format":"optics-calc","version":1,"scenario":{"gbps":"400","twin":"on"}}"#;
    let d = from_json(text).unwrap();
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    assert_eq!(d.scenario.choice("sw_ports"), Some("2"));
}

/// A version-2 export holds every input of its day, so no `cabling`: it
/// counted the fluid minimum of spines, and keeps doing so (NVIDIA's
/// 2,304-GPU B300 XDR fabric: 16 spines then, 18 in a version-3 export).
#[test]
fn a_version_2_export_keeps_its_fluid_switch_counts() {
    let spines = |version: u32| {
        let text = format!(r#"{{"format":"optics-calc","version":{version},"scenario":{{"gpus":2304,"radix":144}}}}"#);
        let d = from_json(&text).unwrap();
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        evaluate(&d.scenario).metric("switches_l2")
    };
    assert_eq!(spines(2), Some(16.0));
    assert_eq!(spines(3), Some(18.0));
}

#[test]
fn json_import_refuses_other_files_with_a_reason() {
    for (text, why) in [
        ("not json", "not a JSON file"),
        ("[1,2]", "not an export"),
        (r#"{"format":"other"}"#, "not an export"),
        (r#"{"format":"optics-calc","version":"x","scenario":{}}"#, "version"),
        (r#"{"format":"optics-calc","version":1}"#, "no \"scenario\""),
    ] {
        let e = from_json(text).unwrap_err();
        assert!(e.contains(why), "{text}: {e}");
    }
    let newer = from_json(r#"{"format":"optics-calc","version":4,"scenario":{"gpus":2048}}"#).unwrap();
    assert_eq!(newer.scenario.number("gpus"), Some(2048.0));
    assert_eq!(newer.notices[0].key, "version");
}
