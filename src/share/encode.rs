//! Scenario -> query string.

use crate::model::{INPUTS, InputDef, InputKind, Scenario};

use super::percent::encode_into;
use super::{PRODUCT_KEY, VERSION};

/// `{}` digits longer than this are written with an exponent instead.
const MAX_PLAIN_DIGITS: usize = 24;

/// The query string (no leading '?') of a scenario: `v=1` first, then every
/// input that differs from its default (an Override only while overridden),
/// under its key, in [`INPUTS`] order. Numbers are written in Rust's shortest
/// round-trip form (`{}`), or `{:e}` when that would be long (e.g. 1e-300,
/// which `{}` spells with 300 zeros); choices by id.
pub fn encode(s: &Scenario) -> String {
    let mut out = format!("v={VERSION}");
    for def in INPUTS {
        if let Some(value) = non_default(s, def) {
            out.push('&');
            out.push_str(def.key);
            out.push('=');
            encode_into(&value, &mut out);
        }
    }
    out
}

/// [`encode`], then `sku=` and the part number of the host product the
/// proposal is, when it is one (see "The product" in [`super`]).
pub fn encode_with_product(s: &Scenario, product: Option<&str>) -> String {
    let mut out = encode(s);
    if let Some(part) = product {
        out.push_str(&format!("&{PRODUCT_KEY}="));
        encode_into(part, &mut out);
    }
    out
}

/// The value of `def` in `s` as a link writes it, when a link writes it at
/// all: when it differs from its default (an Override: while overridden).
pub(crate) fn non_default(s: &Scenario, def: &InputDef) -> Option<String> {
    match def.kind {
        InputKind::Number { default, .. } => s.number(def.key).filter(|v| *v != default).map(number_text),
        InputKind::Override { .. } => s.number(def.key).filter(|_| s.is_overridden(def.key)).map(number_text),
        InputKind::Choice { default, .. } => s.choice(def.key).filter(|id| *id != default).map(str::to_string),
    }
}

fn number_text(v: f64) -> String {
    let plain = v.to_string();
    if plain.len() > MAX_PLAIN_DIGITS { format!("{v:e}") } else { plain }
}
