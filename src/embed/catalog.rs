//! The host's own module SKUs, and choosing one as the proposed optics.
//!
//! A SKU does not change the model's catalog: choosing it sets the scenario's
//! proposed technology and port speed to the SKU's and its watts, latency and
//! price (and datasheet AFR, when given) as the proposed overrides (`alt_w`,
//! `alt_ns`, `alt_usd`, `alt_afr`). A figure the host leaves out (vendors
//! rarely publish latency) stays the model's catalog value for the SKU's
//! technology and speed: its override is cleared. So a share
//! link of a SKU choice is an ordinary link plus the part number (`sku=`),
//! and reopening it selects the SKU again ([`matching_sku`]).
//!
//! A SKU is known by its part number, never by its figures: a host may sell
//! one module under two part numbers, with the same figures, and the one
//! chosen is the one the picker, the details, the bill, the cart link, the
//! change event and the share link carry.

use serde_json::Value;

use super::config::{Problems, is_web_url, short, text};
use crate::model::catalog::{SPEEDS_GBPS, Tech};
use crate::model::inputs::TECH_OPTIONS;
use crate::model::{InputKind, Scenario, input_def};

/// Most SKUs read from a config; more are ignored with a problem.
const MAX_SKUS: usize = 200;

/// One module the host sells.
#[derive(Clone, Debug, PartialEq)]
pub struct Sku {
    /// The host's part number, as its cart knows it.
    pub sku: String,
    /// What a buyer reads: "800G OSFP LPO DR8".
    pub name: String,
    /// Technology id, one of the proposed-technology options ("lpo", "cpo", ...).
    pub tech: &'static str,
    /// Port speed id, one of "400", "800", "1600", "3200".
    pub gbps: &'static str,
    pub power_w: f64,
    /// None: the catalog's latency for the technology and speed.
    pub latency_ns: Option<f64>,
    /// None: the catalog's price for the technology and speed.
    pub price_usd: Option<f64>,
    /// The datasheet's annual failure rate, %/yr: when given, the proposed
    /// modules' AFR (`alt_afr`) instead of the model's temperature-adjusted one.
    pub afr_pct: Option<f64>,
    /// The product page (http or https only).
    pub url: Option<String>,
}

/// The host's SKUs and whether they replace the generic technologies in the
/// proposed-optics picker (`"mode": "replace"`) or sit beside them (`"add"`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct HostCatalog {
    pub replace: bool,
    pub skus: Vec<Sku>,
    /// One line per SKU whose missing figures the model's catalog supplies:
    /// a note for the console, not a mistake.
    pub notes: Vec<String>,
}

impl Sku {
    /// Makes this SKU the proposed optics of `s` (technology and port speed
    /// first, since changing them resets the overrides; then the figures,
    /// clamped to the inputs' ranges).
    pub fn apply(&self, s: &mut Scenario) {
        s.set_choice("gbps", self.gbps);
        s.set_choice("alt", self.tech);
        s.set_number("alt_w", self.power_w);
        for (key, figure) in [("alt_ns", self.latency_ns), ("alt_usd", self.price_usd), ("alt_afr", self.afr_pct)] {
            match figure {
                Some(v) => {
                    s.set_number(key, v);
                }
                None => s.clear_override(key),
            }
        }
    }

    /// Whether `s` is this SKU as the proposed optics, i.e. applying it again
    /// would change nothing.
    pub fn is_applied(&self, s: &Scenario) -> bool {
        let mut applied = s.clone();
        self.apply(&mut applied);
        applied == *s
    }
}

/// The SKU the scenario's proposed optics are, if any: the `chosen` one (a
/// part number: picked in the picker, or named by a link) while the
/// scenario is still that SKU's figures, else the first SKU whose figures
/// the scenario has.
pub fn matching_sku<'a>(catalog: &'a HostCatalog, chosen: Option<&str>, s: &Scenario) -> Option<&'a Sku> {
    let by_part = |part: &str| catalog.skus.iter().find(|k| k.sku == part);
    chosen.and_then(by_part).filter(|k| k.is_applied(s)).or_else(|| catalog.skus.iter().find(|k| k.is_applied(s)))
}

pub(super) fn read_catalog(value: &Value, problems: &mut Problems) -> HostCatalog {
    let mut catalog = HostCatalog::default();
    let (mode, list) = match value {
        Value::Array(list) => (None, list),
        Value::Object(map) => match map.get("skus").and_then(Value::as_array) {
            Some(list) => (map.get("mode"), list),
            None => {
                problems.push("catalog.skus must be a list of SKUs; no host catalog".into());
                return catalog;
            }
        },
        _ => {
            problems.push("catalog must be an object {\"mode\", \"skus\"} or a list of SKUs; no host catalog".into());
            return catalog;
        }
    };
    match mode.map(Value::as_str) {
        None | Some(Some("add")) => {}
        Some(Some("replace")) => catalog.replace = true,
        Some(_) => problems.push("catalog.mode must be \"add\" or \"replace\"; using add".into()),
    }
    if list.len() > MAX_SKUS {
        problems.push(format!("catalog has {} SKUs; the first {MAX_SKUS} are used", list.len()));
    }
    for (i, item) in list.iter().take(MAX_SKUS).enumerate() {
        match read_sku(item, problems, &mut catalog.notes) {
            Ok(sku) if catalog.skus.iter().any(|k| k.sku == sku.sku) => {
                problems
                    .push(format!("catalog.skus[{i}]: SKU '{}' is listed twice; the first is used", short(&sku.sku)));
            }
            Ok(sku) => catalog.skus.push(sku),
            Err(why) => problems.push(format!("catalog.skus[{i}] ignored: {why}")),
        }
    }
    if catalog.replace && catalog.skus.is_empty() {
        problems.push("catalog.mode is \"replace\" but no SKU is usable; showing the generic technologies".into());
        catalog.replace = false;
    }
    catalog
}

fn read_sku(value: &Value, problems: &mut Problems, notes: &mut Vec<String>) -> Result<Sku, String> {
    let map = value.as_object().ok_or("not an object")?;
    let sku = map.get("sku").and_then(text).ok_or("\"sku\" (the part number) is missing or not short plain text")?;
    let name = map.get("name").and_then(text).unwrap_or_else(|| sku.clone());
    let tech_id = map.get("tech").and_then(Value::as_str).unwrap_or("");
    let tech = TECH_OPTIONS.iter().find(|o| o.id == tech_id).map(|o| o.id).ok_or_else(|| {
        format!("\"tech\" must be one of {}", TECH_OPTIONS.iter().map(|o| o.id).collect::<Vec<_>>().join(", "))
    })?;
    debug_assert!(Tech::from_id(tech).is_some());
    let gbps_value = map.get("gbps").and_then(Value::as_f64).unwrap_or(0.0);
    let gbps = ["400", "800", "1600", "3200"]
        .into_iter()
        .zip(SPEEDS_GBPS)
        .find(|(_, v)| *v == gbps_value)
        .map(|(id, _)| id)
        .ok_or("\"gbps\" must be 400, 800, 1600 or 3200")?;
    // A figure within its input's range; None when the host left it out.
    let figure = |field: &str, input: &str| -> Result<Option<f64>, String> {
        let Some(raw) = map.get(field).filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        let v = raw.as_f64().filter(|v| v.is_finite()).ok_or_else(|| format!("\"{field}\" must be a number"))?;
        let Some(InputKind::Override { min, max, .. }) = input_def(input).map(|d| d.kind) else {
            return Ok(Some(v));
        };
        if !(min..=max).contains(&v) {
            return Err(format!("\"{field}\" {v} is outside {min} to {max}"));
        }
        Ok(Some(v))
    };
    let power_w = figure("power_w", "alt_w")?.ok_or("\"power_w\" (the module's watts) is missing")?;
    let latency_ns = figure("latency_ns", "alt_ns")?;
    let price_usd = figure("price_usd", "alt_usd")?;
    let afr_pct = figure("afr_pct", "alt_afr")?;
    let missing: Vec<&str> = [("latency_ns", latency_ns), ("price_usd", price_usd), ("afr_pct", afr_pct)]
        .into_iter()
        .filter_map(|(field, v)| v.is_none().then_some(field))
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "SKU '{}' gives no {}: using the calculator's catalog value for {} at {gbps}G",
            short(&sku),
            missing.join(", "),
            tech.to_ascii_uppercase()
        ));
    }
    let url = match map.get("url") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_str().filter(|u| is_web_url(u)) {
            Some(u) => Some(u.to_string()),
            None => {
                problems.push(format!("SKU '{}': url must be an http(s) URL; no product link", short(&sku)));
                None
            }
        },
    };
    Ok(Sku { sku, name, tech, gbps, power_w, latency_ns, price_usd, afr_pct, url })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lpo() -> Value {
        json!({"sku": "LPO-800-DR8", "name": "800G OSFP LPO DR8", "tech": "lpo", "gbps": 800,
               "power_w": 8.5, "latency_ns": 5, "price_usd": 790, "afr_pct": 0.6, "url": "https://shop.example/p/1"})
    }

    #[test]
    fn reads_skus_and_reports_bad_ones() {
        let mut problems = Problems::new();
        let catalog = read_catalog(
            &json!({"mode": "replace", "skus": [lpo(), {"sku": "X", "tech": "laser", "gbps": 800, "power_w": 1, "latency_ns": 1, "price_usd": 1},
                     {"sku": "Y", "tech": "cpo", "gbps": 800, "power_w": 900, "latency_ns": 1, "price_usd": 1}, lpo()]}),
            &mut problems,
        );
        assert!(catalog.replace);
        assert_eq!(catalog.skus.len(), 1);
        assert_eq!(catalog.skus[0].name, "800G OSFP LPO DR8");
        assert_eq!(catalog.skus[0].afr_pct, Some(0.6));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("skus[1]") && problems[0].contains("\"tech\""));
        assert!(problems[1].contains("skus[2]") && problems[1].contains("power_w"));
        assert!(problems[2].contains("twice"));
    }

    #[test]
    fn a_javascript_product_url_is_dropped() {
        let mut problems = Problems::new();
        let mut sku = lpo();
        sku["url"] = json!("javascript:alert(1)");
        let catalog = read_catalog(&json!([sku]), &mut problems);
        assert_eq!(catalog.skus[0].url, None);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn replace_without_skus_falls_back() {
        let mut problems = Problems::new();
        let catalog = read_catalog(&json!({"mode": "replace", "skus": []}), &mut problems);
        assert!(!catalog.replace);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn applying_a_sku_sets_the_proposed_side_and_is_recognised() {
        let mut problems = Problems::new();
        let catalog = read_catalog(&json!([lpo()]), &mut problems);
        let sku = &catalog.skus[0];
        let mut s = Scenario { gbps: "1600", alt: "cpo", ..Scenario::default() };
        assert!(matching_sku(&catalog, None, &s).is_none());
        sku.apply(&mut s);
        assert_eq!((s.gbps, s.alt), ("800", "lpo"));
        assert_eq!((s.number("alt_w"), s.number("alt_ns"), s.number("alt_usd")), (Some(8.5), Some(5.0), Some(790.0)));
        assert!(s.is_overridden("alt_ns") && s.is_overridden("alt_usd"), "the host's own figures are set");
        assert_eq!(s.number("alt_afr"), Some(0.6), "the datasheet AFR drives the proposed failures");
        assert_eq!(matching_sku(&catalog, None, &s).map(|k| k.sku.as_str()), Some("LPO-800-DR8"));
        // Moving a figure away from the SKU's makes it a generic what-if again.
        s.set_number("alt_w", 9.0);
        assert!(matching_sku(&catalog, None, &s).is_none());
        // A share link of the SKU choice selects it again on reopening.
        sku.apply(&mut s);
        // A SKU without a datasheet AFR leaves the model's rate.
        let plain = Sku { afr_pct: None, ..sku.clone() };
        let mut p = s.clone();
        plain.apply(&mut p);
        assert!(!p.is_overridden("alt_afr"));
        let reopened = crate::share::decode(&crate::share::encode(&s)).scenario;
        assert_eq!(matching_sku(&catalog, None, &reopened).map(|k| k.sku.as_str()), Some("LPO-800-DR8"));
    }

    #[test]
    fn missing_figures_come_from_the_catalog_with_one_note() {
        let mut problems = Problems::new();
        let catalog = read_catalog(
            &json!([{"sku": "LPO-A", "tech": "lpo", "gbps": 800, "power_w": 8.0},
                    {"sku": "LPO-B", "tech": "lpo", "gbps": 800, "power_w": 8.0, "latency_ns": null, "price_usd": 700}]),
            &mut problems,
        );
        assert_eq!(problems, Problems::new());
        assert_eq!(catalog.skus.len(), 2);
        assert_eq!(
            (catalog.skus[0].latency_ns, catalog.skus[0].price_usd, catalog.skus[0].afr_pct),
            (None, None, None)
        );
        assert_eq!(catalog.skus[1].price_usd, Some(700.0));
        assert_eq!(catalog.notes.len(), 2, "one note per SKU: {:?}", catalog.notes);
        assert!(catalog.notes[0].contains("LPO-A") && catalog.notes[0].contains("latency_ns, price_usd, afr_pct"));
        assert!(catalog.notes[0].contains("LPO at 800G"));
        assert!(catalog.notes[1].contains("latency_ns, afr_pct") && !catalog.notes[1].contains("price_usd"));

        // Applied, the SKU's own watts are set and the left-out figures are
        // the catalog's for 800G LPO: 5 ns and $800 (src/model/catalog.rs).
        let mut s = Scenario { alt: "cpo", ..Scenario::default() };
        s.set_number("alt_ns", 99.0);
        s.set_number("alt_usd", 5000.0);
        catalog.skus[0].apply(&mut s);
        assert_eq!((s.alt, s.gbps), ("lpo", "800"));
        assert_eq!(s.number("alt_w"), Some(8.0));
        assert!(!s.is_overridden("alt_ns") && !s.is_overridden("alt_usd") && !s.is_overridden("alt_afr"));
        assert_eq!((s.number("alt_ns"), s.number("alt_usd")), (Some(5.0), Some(800.0)));
        assert_eq!(matching_sku(&catalog, None, &s).map(|k| k.sku.as_str()), Some("LPO-A"));
        // Overriding a left-out figure makes it a what-if, not the SKU.
        s.set_number("alt_ns", 6.0);
        assert!(matching_sku(&catalog, None, &s).is_none());
    }

    /// One module under two part numbers (the same figures), a third whose
    /// price differs below the input's step of $1 (the same figures once
    /// read), and a fourth 0.1 mW apart: whichever is chosen is the SKU,
    /// while the scenario is its figures.
    #[test]
    fn a_sku_is_known_by_its_part_number_not_its_figures() {
        let mut problems = Problems::new();
        let variant = |part: &str, field: &str, value: f64| {
            let mut sku = lpo();
            sku["sku"] = json!(part);
            sku[field] = json!(value);
            sku
        };
        let catalog = read_catalog(
            &json!([
                lpo(),
                variant("B", "price_usd", 790.0),
                variant("C", "price_usd", 790.000_000_1),
                variant("D", "power_w", 8.5001)
            ]),
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let part = |chosen: Option<&str>, s: &Scenario| matching_sku(&catalog, chosen, s).map(|k| k.sku.clone());
        for (i, want) in ["LPO-800-DR8", "B", "C", "D"].into_iter().enumerate() {
            let mut s = Scenario::default();
            catalog.skus[i].apply(&mut s);
            assert_eq!(part(Some(want), &s).as_deref(), Some(want));
            // Through a share link: the part number rides along and picks it again.
            let query = crate::share::encode_with_product(&s, Some(want));
            let reopened = crate::share::decode(&query);
            assert_eq!(reopened.product.as_deref(), Some(want), "{query}");
            assert!(reopened.notices.is_empty(), "{query}: {:?}", reopened.notices);
            assert_eq!(part(reopened.product.as_deref(), &reopened.scenario).as_deref(), Some(want), "{query}");
        }
        // Without a choice (a link from before), the first SKU with the figures.
        let mut s = Scenario::default();
        catalog.skus[1].apply(&mut s);
        assert_eq!(part(None, &s).as_deref(), Some("LPO-800-DR8"));
        // A choice the figures are not is no choice; nor is an unknown part number.
        assert_eq!(part(Some("D"), &s).as_deref(), Some("LPO-800-DR8"));
        assert_eq!(part(Some("NOPE"), &s).as_deref(), Some("LPO-800-DR8"));
        s.set_number("alt_w", 9.0);
        assert_eq!(part(Some("B"), &s), None);
    }

    #[test]
    fn missing_identity_or_a_wrong_type_is_refused() {
        let base = json!({"sku": "S", "tech": "lpo", "gbps": 800, "power_w": 8.0});
        let cases: [(&str, Value, &str); 7] = [
            ("sku", Value::Null, "\"sku\""),
            ("tech", Value::Null, "\"tech\""),
            ("gbps", Value::Null, "\"gbps\""),
            ("power_w", Value::Null, "\"power_w\""),
            ("latency_ns", json!("5 ns"), "\"latency_ns\" must be a number"),
            ("price_usd", json!(true), "\"price_usd\" must be a number"),
            ("afr_pct", json!([0.5]), "\"afr_pct\" must be a number"),
        ];
        for (field, value, message) in cases {
            let mut sku = base.clone();
            if value.is_null() {
                sku.as_object_mut().unwrap().remove(field);
            } else {
                sku[field] = value;
            }
            let mut problems = Problems::new();
            let catalog = read_catalog(&json!([sku]), &mut problems);
            assert!(catalog.skus.is_empty(), "{field}");
            assert_eq!(problems.len(), 1, "{field}: {problems:?}");
            assert!(problems[0].contains("skus[0] ignored") && problems[0].contains(message), "{field}: {problems:?}");
        }
    }
}
