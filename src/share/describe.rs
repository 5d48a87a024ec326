//! What a link sets, in one sentence for people: "This link sets 100,000
//! GPUs, proposed technology to Co-packaged optics and horizon to 7 years." Built from the decoder's list of what the link sets and the input
//! table's labels, units and option labels, so a new input reads well with no
//! code here. It is plain text (the page shows it as text, never as markup).

use crate::format::NumberFormat;
use crate::model::validate::fmt_num;
use crate::model::{InputKind, Scenario, input_def};

use super::Decoded;

/// Inputs named one by one; the rest are counted, so the sentence stays short
/// enough to read on a phone above the inputs.
const MAX_NAMED: usize = 4;

/// The sentence for `decoded`, or None when the link sets nothing (no link,
/// or only defaults).
pub fn describe(decoded: &Decoded, fmt: &NumberFormat) -> Option<String> {
    let parts: Vec<String> = decoded.set.iter().filter_map(|key| setting(&decoded.scenario, key, fmt)).collect();
    let (named, more) = parts.split_at(parts.len().min(MAX_NAMED));
    let list = match (named, more.len()) {
        ([], _) => return None,
        ([one], 0) => one.clone(),
        (_, 0) => format!("{} and {}", named[..named.len() - 1].join(", "), named[named.len() - 1]),
        (_, 1) => format!("{} and 1 more input", named.join(", ")),
        (_, n) => format!("{} and {n} more inputs", named.join(", ")),
    };
    Some(format!("This link sets {list}."))
}

/// "label to value unit" for one input, or "value unit" when the unit names it.
fn setting(s: &Scenario, key: &str, fmt: &NumberFormat) -> Option<String> {
    let def = input_def(key)?;
    let value = match def.kind {
        InputKind::Choice { .. } => {
            let label = def.option_label(s.choice(key)?)?;
            // A bare number ("2" fabric planes) needs its unit; "1.6T" does not.
            if label.bytes().all(|b| b.is_ascii_digit()) { with_unit(label, def.unit) } else { label.to_string() }
        }
        InputKind::Number { .. } | InputKind::Override { .. } => with_unit(&number(s.number(key)?, fmt), def.unit),
    };
    // A count named by its unit ("100,000 GPUs") needs no label.
    if def.unit == def.label && !def.unit.is_empty() {
        return Some(value);
    }
    Some(format!("{} to {value}", sentence_case(def.label)))
}

/// `value` as the link wrote it (no rounding), its thousands grouped.
fn number(value: f64, fmt: &NumberFormat) -> String {
    let decimals = fmt_num(value).split_once('.').map_or(0, |(_, frac)| frac.len());
    fmt.fixed(value, decimals)
}

/// A unit follows its number after a space, except a ratio or a percentage
/// ("2:1", "5%/yr").
fn with_unit(value: &str, unit: &str) -> String {
    match unit {
        "" => value.to_string(),
        _ if unit.starts_with([':', '%']) => format!("{value}{unit}"),
        _ => format!("{value} {unit}"),
    }
}

/// A label inside a sentence: "Proposed technology" becomes "proposed
/// technology"; an acronym ("GPUs", "PUE", "CPO annual failure rate") stays.
fn sentence_case(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && !second.is_ascii_uppercase() => {
            format!("{}{}", first.to_ascii_lowercase(), &label[1..])
        }
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::decode;

    fn said(query: &str) -> Option<String> {
        describe(&decode(query), &NumberFormat::default())
    }

    #[test]
    fn names_what_the_link_sets_in_input_order() {
        assert_eq!(
            said("v=2&years=7&alt=cpo&gpus=100000").as_deref(),
            Some("This link sets 100,000 GPUs, proposed technology to Co-packaged optics and horizon to 7 years.")
        );
        assert_eq!(said("v=2&gpus=4096").as_deref(), Some("This link sets 4,096 GPUs."));
        // Units: ratios and percentages close up; a bare option number gets its unit.
        assert_eq!(
            said("v=2&oversub=2&rate=5&planes=2&ports=2").as_deref(),
            Some(
                "This link sets scale-out ports per GPU to 2 ports, fabric planes to 2 planes, leaf oversubscription to 2:1 and discount rate to 5%/yr."
            )
        );
        // Decimals as given; an override as given; an option label with its own unit.
        assert_eq!(
            said("v=2&gbps=1600&alt_w=9.5&usd_kwh=0.066").as_deref(),
            Some(
                "This link sets scale-out port speed to 1.6T, proposed module power to 9.5 W and electricity price to 0.066 USD/kWh."
            )
        );
    }

    #[test]
    fn a_region_is_named_once_not_with_its_preset_prices() {
        assert_eq!(said("v=2&region=ercot").as_deref(), Some("This link sets region to Dallas / ERCOT."));
    }

    #[test]
    fn counts_what_it_does_not_name() {
        assert_eq!(
            said("v=2&gpus=1000&pue=1.2&years=7&rate=5&spares=2").as_deref(),
            Some("This link sets 1,000 GPUs, PUE to 1.2, horizon to 7 years, discount rate to 5%/yr and 1 more input.")
        );
        let many = said("v=2&gpus=1000&pue=1.2&years=7&rate=5&spares=2&install=30").unwrap();
        assert!(many.ends_with("discount rate to 5%/yr and 2 more inputs."), "{many}");
    }

    #[test]
    fn says_nothing_when_the_link_sets_nothing() {
        assert_eq!(said(""), None);
        assert_eq!(said("v=2"), None);
        // Given, but the default; unreadable values keep the default; unknown keys set nothing.
        assert_eq!(said("v=2&gpus=32768&pue=abc&x=1"), None);
    }

    #[test]
    fn says_what_the_link_sets_after_clamping_and_migration() {
        assert_eq!(said("v=2&gpus=9999999").as_deref(), Some("This link sets 1,000,000 GPUs."));
        // Format 1's `twin=on` is format 2's two switch ports per module.
        assert_eq!(said("v=1&twin=on").as_deref(), Some("This link sets switch ports per module to 2 ports."));
    }

    #[test]
    fn link_text_never_reaches_the_sentence() {
        // Only the table's labels and the scenario's values appear: markup in
        // a link is an unknown key or an unknown option, never repeated.
        assert_eq!(said("v=2&<b>x</b>=1&alt=<script>"), None);
    }
}
