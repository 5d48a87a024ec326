//! What the host page is told after each recalculation (the detail of the
//! `optics-calc:change` event, the iframe's change message, and a handle's
//! `report()`): plain data, stable keys.
//!
//! ```json
//! {"figures": {"power_saved_w": 1327104, ...}, "baseline": "dsp", "proposed": "lpo",
//!  "query": "v=1&gpus=8192", "bill": {"sku": "LPO-800-DR8", "name": "...", "installed": 40960, "qty": 43008,
//!  "note": null, "url": "https://shop.example/cart?sku=LPO-800-DR8&qty=43008"}}
//! ```

use std::collections::BTreeMap;

use super::catalog::Sku;
use super::cta::{Bill, Cta, bill_of_materials};
use crate::model::{Report, Scenario};
use crate::share::encode_with_product;

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    /// Every headline figure by its `data-metric` key, unrounded.
    pub figures: BTreeMap<&'static str, f64>,
    pub baseline: &'static str,
    pub proposed: &'static str,
    /// The scenario as a share-link query string, with the product's part
    /// number (`sku=`) when the proposal is one of the host's SKUs.
    pub query: String,
    /// The proposed SKU and quantity, when the proposal is one of the host's SKUs.
    pub bill: Option<BillOut>,
}

/// A [`Bill`] with the filled-in call-to-action URL.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct BillOut {
    #[serde(flatten)]
    pub bill: Bill,
    pub url: Option<String>,
}

/// The bill for the scenario's SKU (None when the proposal is not one of
/// the host's SKUs: [`super::catalog::matching_sku`]), with the cart URL
/// when the host has a call to action.
pub fn bill_for(sku: Option<&Sku>, cta: Option<&Cta>, s: &Scenario, r: &Report) -> Option<BillOut> {
    let sku = sku?;
    let bill = bill_of_materials(sku, s, r);
    let url = cta.map(|c| c.url(&bill, sku));
    Some(BillOut { bill, url })
}

pub fn summary(sku: Option<&Sku>, cta: Option<&Cta>, s: &Scenario, r: &Report) -> Summary {
    // Inserted one by one: `collect` into a map sorts first, and that sort
    // would be one more copy of std's in the wasm (model::sort).
    let mut figures = BTreeMap::new();
    figures.extend(r.metrics().into_iter().map(|m| (m.key, m.value)));
    Summary {
        figures,
        baseline: r.baseline.tech,
        proposed: r.proposed.tech,
        query: encode_with_product(s, sku.map(|k| k.sku.as_str())),
        bill: bill_for(sku, cta, s, r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HEADLINE_KEYS, evaluate};

    #[test]
    fn carries_every_headline_figure_and_the_link() {
        let s = Scenario::default();
        let r = evaluate(&s);
        let out = summary(None, None, &s, &r);
        assert_eq!(out.figures.len(), HEADLINE_KEYS.len());
        assert_eq!(out.figures["npv_usd"], r.npv_usd);
        assert_eq!(out.query, crate::share::encode(&s));
        assert_eq!((out.baseline, out.proposed), ("dsp", "lpo"));
        assert!(out.bill.is_none(), "no host catalog, no bill");
        let json = serde_json::to_value(&out).unwrap();
        assert!(json["figures"]["power_saved_w"].is_number());
    }
}
