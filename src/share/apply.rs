//! Building a `Scenario` from the raw values of a link or a file, through the
//! model's setters, so that both readers clamp and report the same way.

use crate::model::validate::fmt_num;
use crate::model::{INPUTS, InputDef, InputKind, Notice, Scenario};

use super::echo::echo;

/// Unknown keys listed one by one; the rest are counted in one notice, so a
/// link or file stuffed with junk cannot bury the page in notices.
const MAX_UNKNOWN_LISTED: usize = 8;

/// Longest value read from a link or a file; a longer one is ignored unread.
const MAX_VALUE_CHARS: usize = 64;

/// One input's value as found in a link (text) or a JSON file (text or number).
pub(crate) enum Given {
    Text(String),
    Number(f64),
}

/// The scenario holding every given value (indexed like [`INPUTS`]; None =
/// keep the default), clamped and cross-checked by the model, plus a notice
/// for each value that was changed or ignored.
///
/// Choices go first, numbers second: a technology or port-speed choice clears
/// overrides it made stale, and a region preset sets `usd_kwh` and `kg_kwh`,
/// so the explicit numbers must come after them to win. Then
/// [`Scenario::validate`] applies the cross-field fixes (tiers, collective
/// group, region) exactly as `evaluate` would.
pub(crate) fn build(given: &[Option<Given>], notices: &mut Vec<Notice>) -> Scenario {
    let mut s = Scenario::default();
    let rows = || INPUTS.iter().zip(given).filter_map(|(def, g)| g.as_ref().map(|g| (def, g)));
    for (def, g) in rows().filter(|(def, _)| matches!(def.kind, InputKind::Choice { .. })) {
        notices.extend(set_choice(&mut s, def, g));
    }
    for (def, g) in rows().filter(|(def, _)| !matches!(def.kind, InputKind::Choice { .. })) {
        notices.extend(set_number(&mut s, def, g));
    }
    notices.extend(s.validate());
    s
}

fn set_choice(s: &mut Scenario, def: &InputDef, given: &Given) -> Option<Notice> {
    let InputKind::Choice { options, .. } = def.kind else {
        return None;
    };
    let kept = s.choice(def.key).unwrap_or_default();
    // A number stands for its digits, so a hand-edited `"gbps": 800` works.
    let text = match given {
        Given::Number(v) => v.to_string(),
        Given::Text(text) => text.clone(),
    };
    let id = text.trim();
    if let Some(why) = unusable(id) {
        return Some(Notice::new(def.key, format!("{why}; kept '{kept}'")));
    }
    if !options.iter().any(|o| o.id == id) {
        return Some(Notice::new(def.key, format!("unknown option '{}'; kept '{kept}'", echo(id))));
    }
    s.set_choice(def.key, id)
}

fn set_number(s: &mut Scenario, def: &InputDef, given: &Given) -> Option<Notice> {
    let kept = || match def.kind {
        InputKind::Override { .. } => "the catalog value".to_string(),
        _ => s.number(def.key).map_or_else(String::new, fmt_num),
    };
    let value = match given {
        Given::Number(v) => *v,
        Given::Text(text) => {
            let text = text.trim();
            if let Some(why) = unusable(text) {
                return Some(Notice::new(def.key, format!("{why}; kept {}", kept())));
            }
            match crate::decimal::parse_decimal(text) {
                Some(v) => v,
                None => {
                    return Some(Notice::new(def.key, format!("'{}' is not a number; kept {}", echo(text), kept())));
                }
            }
        }
    };
    s.set_number(def.key, value)
}

/// Why a text value is not even looked at, if it is not.
fn unusable(text: &str) -> Option<String> {
    if text.is_empty() {
        Some("empty value".into())
    } else if text.chars().nth(MAX_VALUE_CHARS).is_some() {
        Some(format!("value longer than {MAX_VALUE_CHARS} characters ignored"))
    } else {
        None
    }
}

/// A notice per unknown key (the first few; then one counting the rest).
pub(crate) fn report_unknown<K: AsRef<str>>(keys: &[K], notices: &mut Vec<Notice>) {
    for key in keys.iter().take(MAX_UNKNOWN_LISTED) {
        let key = echo(key.as_ref());
        notices.push(Notice { message: format!("unknown input '{key}'; ignored"), key });
    }
    if let Some(more) = keys.len().checked_sub(MAX_UNKNOWN_LISTED).filter(|&n| n > 0) {
        notices.push(Notice::new("link", format!("{more} more unknown inputs ignored")));
    }
}
