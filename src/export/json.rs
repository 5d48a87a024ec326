//! The JSON export, and importing it back.
//!
//! ```json
//! {"format": "optics-calc", "version": 3, "scenario": {"gpus": 32768, ...}, "report": {...}}
//! ```
//! `scenario` maps every input key (see [`crate::share`]) to its value: a
//! number, an option id, or `null` for an Override that follows the catalog.
//! `report` is every figure of the model, unrounded, for other tools; an
//! import ignores it and recomputes.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{INPUTS, Notice, Report, Scenario};
use crate::share::{Decoded, Given, PRODUCT_KEY, build, product_name, renamed_key, report_unknown, restore_format_2};

/// The `format` tag of an export.
pub const FORMAT: &str = "optics-calc";
/// The export version this build writes, the link format's: 2 since `twin`
/// became `sw_ports` (an export holds every input, so no default needed
/// restoring), 3 since `cabling` was added (an export of version 1 or 2 has
/// no `cabling` and means `fluid`, as a link of those formats does).
pub const VERSION: u64 = 3;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u64,
    scenario: &'a Scenario,
    report: &'a Report,
}

/// Pretty-printed export of a scenario and its report. Writing it cannot
/// fail (every key is a string); were it to, the file says so. Not with
/// serde_json's own error text: displaying that error would carry std's
/// I/O error texts into the wasm.
pub fn to_json(s: &Scenario, r: &Report) -> String {
    let export = Export { format: FORMAT, version: VERSION, scenario: s, report: r };
    serde_json::to_string_pretty(&export).unwrap_or_else(|_| {
        format!("{{\"format\": \"{FORMAT}\", \"error\": \"the report could not be written as JSON\"}}")
    })
}

/// Restores the scenario of an export, clamped and checked by the model like
/// a share link, with a notice per value changed or ignored. Errors (plain
/// text) when the text is not JSON or not an export of this calculator. An
/// export from a newer version loads what this version understands, with a
/// notice.
pub fn from_json(text: &str) -> Result<Decoded, String> {
    let root = crate::json::parse(text).map_err(|e| format!("not a JSON file ({e})"))?;
    let Some(root) = root.as_object() else {
        return Err(not_export());
    };
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_export());
    }
    let mut notices = Vec::new();
    let version = root.get("version").and_then(Value::as_u64);
    match version {
        // Version 1's one renamed key (`twin`) is read in `read_scenario`;
        // versions 1 and 2 count the fluid minimum of switches (see below). A
        // later format that rescales an input adds an arm here that rewrites
        // older scenarios before they are applied.
        Some(1 | 2 | VERSION) => {}
        Some(n) if n > VERSION => notices.push(Notice::new(
            "version",
            format!("this file comes from a newer version of the calculator (version {n}); loaded the inputs this version understands"),
        )),
        _ => return Err("unreadable export: its \"version\" is not a version number this calculator knows".into()),
    }
    let Some(scenario) = root.get("scenario").and_then(Value::as_object) else {
        return Err("unreadable export: it has no \"scenario\" object".into());
    };
    let mut given = read_scenario(scenario, &mut notices);
    if matches!(version, Some(1 | 2)) {
        restore_format_2(&mut given);
    }
    let scenario = build(&given, &mut notices);
    Ok(Decoded { scenario, notices, product: None, set: Vec::new() })
}

/// A scenario from an object of input keys (an export's `"scenario"`, or a
/// host page's default scenario), clamped and reported like a share link.
pub fn scenario_from_map(map: &Map<String, Value>) -> Decoded {
    let mut notices = Vec::new();
    let given = read_scenario(map, &mut notices);
    let scenario = build(&given, &mut notices);
    let product = map.get(PRODUCT_KEY).and_then(Value::as_str).and_then(product_name);
    Decoded { scenario, notices, product, set: Vec::new() }
}

fn not_export() -> String {
    format!("not an export of this calculator (its \"format\" is not \"{FORMAT}\")")
}

/// The value of each input (indexed like [`INPUTS`]); unknown keys and values
/// of the wrong type are reported and skipped. `null` means "catalog value"
/// for an Override and "default" for anything else.
fn read_scenario(map: &Map<String, Value>, notices: &mut Vec<Notice>) -> Vec<Option<Given>> {
    // An older key (`twin`) stands for its new one unless that is given too.
    let renamed: Vec<(&str, String)> =
        map.iter().filter_map(|(k, v)| v.as_str().and_then(|v| renamed_key(k, v))).collect();
    let unknown: Vec<&String> = map
        .keys()
        .filter(|k| !INPUTS.iter().any(|d| d.key == k.as_str()) && renamed_key(k, "").is_none() && *k != PRODUCT_KEY)
        .collect();
    report_unknown(&unknown, notices);
    INPUTS
        .iter()
        .map(|def| match map.get(def.key) {
            None => renamed.iter().find(|(k, _)| *k == def.key).map(|(_, v)| Given::Text(v.clone())),
            Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64().map(Given::Number),
            Some(Value::String(t)) => Some(Given::Text(t.clone())),
            Some(Value::Bool(_) | Value::Array(_) | Value::Object(_)) => {
                notices.push(Notice::new(def.key, "not a number or an option id; kept the default".into()));
                None
            }
        })
        .collect()
}
