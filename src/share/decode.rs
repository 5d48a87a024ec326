//! Query string -> Scenario, never failing: whatever a link holds, the result
//! is a valid scenario and a notice for each thing that was not taken as given.

use crate::model::{INPUTS, Notice};

use super::apply::{Given, build, report_unknown};
use super::echo::echo;
use super::encode::non_default;
use super::percent;
use super::version::Version;
use super::{Decoded, PRODUCT_KEY, VERSION, v1, v2};

/// Reads a query string (with or without a leading '?' or '#'). See the
/// module documentation for what happens to each kind of bad input.
pub fn decode(query: &str) -> Decoded {
    let query = query.strip_prefix(['?', '#']).unwrap_or(query);
    let mut given: Vec<Option<Given>> = INPUTS.iter().map(|_| None).collect();
    let mut times = vec![0usize; INPUTS.len()];
    let (mut version, mut version_times) = (None, 0usize);
    let mut unknown = Vec::new();
    // Keys an older format used: (key, its last value, times given).
    let mut old_keys: Vec<(String, String, usize)> = Vec::new();
    let (mut product, mut product_times) = (None, 0usize);
    let mut pairs = 0usize;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        pairs += 1;
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (percent::decode(key), percent::decode(value));
        if key == "v" {
            version = Some(value);
            version_times += 1;
        } else if key == PRODUCT_KEY {
            product = Some(value);
            product_times += 1;
        } else if let Some(i) = INPUTS.iter().position(|d| d.key == key) {
            given[i] = Some(Given::Text(value));
            times[i] += 1;
        } else if v1::renamed(&key, &value).is_some() {
            match old_keys.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, last, n)) => (*last, *n) = (value, *n + 1),
                None => old_keys.push((key, value, 1)),
            }
        } else {
            unknown.push(key);
        }
    }
    // An old key stands for its new one unless the link also gives the new one.
    for (key, value) in old_keys.iter().filter_map(|(old, value, _)| v1::renamed(old, value)) {
        if let Some(i) = INPUTS.iter().position(|d| d.key == key).filter(|&i| given[i].is_none()) {
            given[i] = Some(Given::Text(value));
        }
    }

    // What the link itself gives, before an older format's migration adds the
    // values that keep its meaning (those are not news to its reader).
    let in_link: Vec<bool> = given.iter().map(Option::is_some).collect();
    let mut notices = Vec::new();
    match Version::read(version.as_deref()) {
        // Format 1's only renamed key (`twin`) was rewritten above; formats 1
        // and 2 count the fluid minimum of switches (see `v2`). When a later
        // format changes a default or a unit, the older formats get an arm
        // here that rewrites `given` before it is applied below.
        Version::Current => {}
        Version::V1 | Version::V2 => v2::restore(&mut given),
        Version::Missing if pairs == 0 => {}
        Version::Missing => {
            v2::restore(&mut given);
            notices.push(Notice::new("v", "this link has no version (v=); read as version 1".into()));
        }
        Version::Newer(n) => notices.push(Notice::new(
            "v",
            format!(
                "this link comes from a newer version of the calculator (v={n}); loaded the inputs this version understands"
            ),
        )),
        Version::Unreadable(text) => {
            notices.push(Notice::new("v", format!("unknown link version '{text}'; read as version {VERSION}")));
        }
    }
    if version_times > 1 {
        notices.push(repeated("v", version_times, version.as_deref().unwrap_or_default()));
    }
    if product_times > 1 {
        notices.push(repeated(PRODUCT_KEY, product_times, product.as_deref().unwrap_or_default()));
    }
    report_unknown(&unknown, &mut notices);
    for (key, value, n) in old_keys.iter().filter(|(_, _, n)| *n > 1) {
        notices.push(repeated(key, *n, value));
    }
    for ((def, g), &n) in INPUTS.iter().zip(&given).zip(&times) {
        if let (true, Some(Given::Text(value))) = (n > 1, g) {
            notices.push(repeated(def.key, n, value));
        }
    }
    let scenario = build(&given, &mut notices);
    // What the link sets: the inputs it gives that came out other than their
    // defaults (a region's preset prices, which it sets too, are not given).
    let set = INPUTS
        .iter()
        .zip(&in_link)
        .filter(|(def, linked)| **linked && non_default(&scenario, def).is_some())
        .map(|(def, _)| def.key)
        .collect();
    Decoded { scenario, notices, product: product.as_deref().and_then(product_name), set }
}

/// A product's part number as a link gives it: without control and format
/// characters; empty or longer than 64 characters, none.
pub(crate) fn product_name(given: &str) -> Option<String> {
    let part = crate::plain_text::strip_controls(given.trim());
    (!part.is_empty() && part.chars().count() <= 64).then_some(part)
}

fn repeated(key: &str, times: usize, used: &str) -> Notice {
    Notice::new(key, format!("given {times} times; used the last value, '{}'", echo(used)))
}
