//! Query string -> Scenario, never failing: whatever a link holds, the result
//! is a valid scenario and a notice for each thing that was not taken as given.

use crate::model::{INPUTS, Notice};

use super::apply::{Given, build, report_unknown};
use super::echo::echo;
use super::encode::non_default;
use super::percent;
use super::version::Version;
use super::{Decoded, VERSION, v1};

/// Reads a query string (with or without a leading '?' or '#'). See the
/// module documentation for what happens to each kind of bad input.
pub fn decode(query: &str) -> Decoded {
    let query = query.strip_prefix(['?', '#']).unwrap_or(query);
    let mut given: Vec<Option<Given>> = INPUTS.iter().map(|_| None).collect();
    let mut times = vec![0usize; INPUTS.len()];
    let (mut version, mut version_times) = (None, 0usize);
    let mut unknown = Vec::new();
    let mut renamed = Vec::new();
    let mut pairs = 0usize;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        pairs += 1;
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (percent::decode(key), percent::decode(value));
        if key == "v" {
            version = Some(value);
            version_times += 1;
        } else if let Some(i) = INPUTS.iter().position(|d| d.key == key) {
            given[i] = Some(Given::Text(value));
            times[i] += 1;
        } else if let Some(new) = v1::renamed(&key, &value) {
            renamed.push(new);
        } else {
            unknown.push(key);
        }
    }
    // An old key stands for its new one unless the link also gives the new one.
    for (key, value) in renamed {
        if let Some(i) = INPUTS.iter().position(|d| d.key == key).filter(|&i| given[i].is_none()) {
            given[i] = Some(Given::Text(value));
        }
    }

    let mut notices = Vec::new();
    match Version::read(version.as_deref()) {
        // Format 1's only renamed key (`twin`) was rewritten above, and no
        // default changed (see `v1`), so both formats read alike from here.
        // When a later format changes a default or a unit, the older formats
        // get an arm here that rewrites `given` before it is applied below.
        Version::Current | Version::V1 => {}
        Version::Missing if pairs == 0 => {}
        Version::Missing => notices.push(Notice::new("v", "this link has no version (v=); read as version 1".into())),
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
    report_unknown(&unknown, &mut notices);
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
        .zip(&given)
        .filter(|(def, g)| g.is_some() && non_default(&scenario, def).is_some())
        .map(|(def, _)| def.key)
        .collect();
    Decoded { scenario, notices, set }
}

fn repeated(key: &str, times: usize, used: &str) -> Notice {
    Notice::new(key, format!("given {times} times; used the last value, '{}'", echo(used)))
}
