//! The call to action: the proposed SKU and how many to buy, as a cart URL
//! filled from the host's template.

use serde_json::Value;

use super::catalog::Sku;
use super::config::{Problems, is_web_url, text};
use crate::model::{Report, Scenario};
use crate::share::percent_encode;

/// The host's button: a label and a URL template with `{sku}` and `{qty}`
/// (and optionally `{name}`, `{gbps}`, `{tech}`).
#[derive(Clone, Debug, PartialEq)]
pub struct Cta {
    pub label: String,
    pub url_template: String,
}

/// What the buyer takes to the cart.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Bill {
    pub sku: String,
    pub name: String,
    /// Modules of this SKU the proposal installs.
    pub installed: u64,
    /// `installed` plus spares: ceil(installed x (1 + spares % / 100)).
    pub qty: u64,
    /// Where the count needs a word: other modules the proposal also needs.
    pub note: Option<String>,
}

/// The bill of materials for `sku` as the proposed optics.
///
/// Which modules are the SKU: all optical modules of the proposed side,
/// except that CPO replaces switch-end modules only (the NIC ends stay DSP
/// pluggables) and breakout switch ends (2 or 4 ports per module) are a
/// different, faster part (so the SKU is only the NIC-end modules).
pub fn bill_of_materials(sku: &Sku, s: &Scenario, r: &Report) -> Bill {
    let side = &r.proposed;
    let nic = side.nic_end_modules;
    let switch = side.optical_modules - nic.min(side.optical_modules);
    let (installed, note) = if sku.tech == "cpo" {
        (switch, (nic > 0).then(|| format!("plus {nic} DSP pluggables at the NIC ends")))
    } else if side.breakout {
        (nic, (switch > 0).then(|| format!("plus {switch} breakout modules at the switch ends")))
    } else {
        (side.optical_modules, None)
    };
    let qty = (installed as f64 * (1.0 + s.spares / 100.0)).ceil();
    Bill {
        sku: sku.sku.clone(),
        name: sku.name.clone(),
        installed,
        qty: if qty.is_finite() { qty as u64 } else { installed },
        note,
    }
}

impl Cta {
    /// The template with the bill filled in (each value percent-encoded).
    pub fn url(&self, bill: &Bill, sku: &Sku) -> String {
        let enc = |t: &str| {
            let mut out = String::new();
            percent_encode(t, &mut out);
            out
        };
        self.url_template
            .replace("{sku}", &enc(&bill.sku))
            .replace("{qty}", &bill.qty.to_string())
            .replace("{name}", &enc(&bill.name))
            .replace("{gbps}", sku.gbps)
            .replace("{tech}", sku.tech)
    }
}

pub(super) fn read_cta(value: &Value, problems: &mut Problems) -> Option<Cta> {
    let Some(map) = value.as_object() else {
        problems.push("cta must be an object {\"label\", \"url\"}; no call to action".into());
        return None;
    };
    let label = map.get("label").and_then(text).unwrap_or_else(|| "Add to cart".into());
    match map.get("url").and_then(Value::as_str) {
        Some(url) if is_web_url(url) && url.contains("{sku}") => Some(Cta { label, url_template: url.to_string() }),
        Some(url) if is_web_url(url) => {
            problems.push("cta.url has no {sku} placeholder; no call to action".into());
            None
        }
        _ => {
            problems.push(
                "cta.url must be an http(s) URL template such as https://shop.example/cart?sku={sku}&qty={qty}; no call to action".into(),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;
    use serde_json::json;

    fn sku(tech: &'static str) -> Sku {
        Sku {
            sku: "LPO 800/DR8".into(),
            name: "800G LPO".into(),
            tech,
            gbps: "800",
            power_w: 8.5,
            latency_ns: Some(5.0),
            price_usd: Some(790.0),
            afr_pct: None,
            url: None,
        }
    }

    #[test]
    fn qty_is_every_proposed_module_plus_spares() {
        let mut s = Scenario::default();
        let lpo = sku("lpo");
        lpo.apply(&mut s);
        let r = evaluate(&s);
        let bill = bill_of_materials(&lpo, &s, &r);
        // Default cluster: 32,768 GPUs on 3 non-blocking tiers of radix-64 800G
        // switches: 32,768 links per level, a module at each end = 196,608.
        assert_eq!(bill.installed, r.proposed.optical_modules);
        assert_eq!(bill.installed, 196_608);
        // 5% spares: 196,608 x 1.05 = 206,438.4, rounded up.
        assert_eq!(bill.qty, 206_439);
        assert_eq!(bill.note, None);
        let cta =
            Cta { label: "Buy".into(), url_template: "https://shop.example/cart?sku={sku}&qty={qty}&t={tech}".into() };
        assert_eq!(cta.url(&bill, &lpo), "https://shop.example/cart?sku=LPO+800%2FDR8&qty=206439&t=lpo");
    }

    #[test]
    fn cpo_counts_switch_ends_and_names_the_nic_modules() {
        let mut s = Scenario::default();
        let cpo = sku("cpo");
        cpo.apply(&mut s);
        let r = evaluate(&s);
        let bill = bill_of_materials(&cpo, &s, &r);
        // 32,768 NIC ends stay DSP pluggables; the other 163,840 ends are CPO ports.
        assert_eq!(bill.installed, 163_840);
        assert_eq!(bill.note.as_deref(), Some("plus 32768 DSP pluggables at the NIC ends"));
    }

    #[test]
    fn twin_port_switch_ends_are_another_part() {
        let mut s = Scenario::default();
        s.set_choice("sw_ports", "2");
        let lpo = sku("lpo");
        lpo.apply(&mut s);
        let r = evaluate(&s);
        let bill = bill_of_materials(&lpo, &s, &r);
        assert_eq!(bill.installed, 32_768);
        assert!(bill.note.unwrap().contains("breakout"));
    }

    #[test]
    fn reads_the_cta_safely() {
        let mut problems = Problems::new();
        assert!(read_cta(&json!({"label": "Add", "url": "javascript:alert('{sku}')"}), &mut problems).is_none());
        assert!(read_cta(&json!({"url": "https://shop.example/cart"}), &mut problems).is_none());
        let cta = read_cta(&json!({"url": "https://shop.example/cart?sku={sku}"}), &mut problems).unwrap();
        assert_eq!(cta.label, "Add to cart");
        assert_eq!(problems.len(), 2);
    }
}
