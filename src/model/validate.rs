//! Validation: clamp every input into its range and say what changed.
//! Never panics; never lets NaN or infinity through.

use std::fmt;

use super::catalog::speed_index;
use super::fabric::{MAX_TIERS, Shape, tiers_needed};
use super::inputs::{
    INPUTS, InputDef, InputKind, NIC_PORT_OPTIONS, PLANE_OPTIONS, SW_PORT_OPTIONS, Scenario, Slot, gbps_value,
};
use super::optics::module_speed;
use super::regions;

/// One change made to the user's input, or one caveat from evaluation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    pub key: String,
    pub message: String,
}

impl Notice {
    pub fn new(key: &str, message: String) -> Notice {
        Notice { key: clip(key), message }
    }
}

/// At most 40 characters of untrusted text, so a notice never echoes a long bad value.
pub fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// A number written for a message: 6 significant digits, exponent when huge or tiny.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "not a number".into();
    }
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e9).contains(&a) {
        return format!("{v:.3e}");
    }
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// What bringing a value into its input's range did, formatted only when it
/// is shown: the Monte Carlo and tornado loops set thousands of values and
/// drop the reasons, and formatting them was most of a sample's cost.
#[derive(Clone, Debug, PartialEq)]
pub enum Fix {
    /// NaN or infinity; the fallback was used.
    NotFinite {
        used: f64,
    },
    /// NaN or infinity in an override; back to the catalog value.
    NotFiniteOverride,
    Outside {
        given: f64,
        min: f64,
        max: f64,
        used: f64,
    },
    Rounded {
        given: f64,
        used: f64,
    },
    /// A number was given for a choice.
    NotANumberInput,
    /// An option id the choice does not have (already clipped).
    UnknownOption {
        given: String,
        used: &'static str,
    },
}

impl fmt::Display for Fix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fix::NotFinite { used } => write!(f, "not a finite number; using {}", fmt_num(*used)),
            Fix::NotFiniteOverride => f.write_str("not a finite number; using the catalog value"),
            Fix::Outside { given, min, max, used } => write!(
                f,
                "{} is outside {}..{}; set to {}",
                fmt_num(*given),
                fmt_num(*min),
                fmt_num(*max),
                fmt_num(*used)
            ),
            Fix::Rounded { given, used } => write!(f, "{} rounded to {}", fmt_num(*given), fmt_num(*used)),
            Fix::NotANumberInput => f.write_str("is a choice, not a number; ignored"),
            Fix::UnknownOption { given, used } => write!(f, "unknown option '{given}'; using '{used}'"),
        }
    }
}

/// Brings a number into an input's range: non-finite -> `fallback`;
/// whole-number steps round to a multiple of the step; then clamp to [min, max];
/// `-0` becomes `0` (silently: it is the same number, but a link, an input
/// box or a `data-value` would print the sign). Returns the value and, if it
/// changed, why.
pub fn clamp_value(v: f64, min: f64, max: f64, step: f64, fallback: f64) -> (f64, Option<Fix>) {
    if !v.is_finite() {
        return (fallback, Some(Fix::NotFinite { used: fallback }));
    }
    let mut out = v;
    if step >= 1.0 && step.fract() == 0.0 {
        out = (out / step).round() * step;
    }
    out = out.clamp(min, max);
    if out == 0.0 {
        out = 0.0;
    }
    if out == v {
        (out, None)
    } else if v < min || v > max {
        (out, Some(Fix::Outside { given: v, min, max, used: out }))
    } else {
        (out, Some(Fix::Rounded { given: v, used: out }))
    }
}

/// Clamps one field in place per its definition; returns the reason if it changed.
pub(crate) fn fix_slot(def: &InputDef, slot: Slot<'_>) -> Option<Fix> {
    match (slot, def.kind) {
        (Slot::Num(v), InputKind::Number { min, max, step, default }) => {
            let (out, why) = clamp_value(*v, min, max, step, default);
            *v = out;
            why
        }
        (Slot::Ovr(v), InputKind::Override { min, max, step }) => {
            let raw = (*v)?;
            if !raw.is_finite() {
                *v = None;
                return Some(Fix::NotFiniteOverride);
            }
            let (out, why) = clamp_value(raw, min, max, step, raw);
            *v = Some(out);
            why
        }
        (Slot::Choice(v), InputKind::Choice { options, default }) => {
            if options.iter().any(|o| o.id == *v) {
                return None;
            }
            let given = clip(v);
            *v = default;
            Some(Fix::UnknownOption { given, used: default })
        }
        // The macro pairs each field with its own row, so kinds always agree.
        _ => None,
    }
}

impl Scenario {
    /// Re-clamps every input (e.g. after deserialising) and applies the
    /// cross-field fixes: forced tiers too small for the GPU count, region
    /// preset no longer matching the price or intensity (then it becomes
    /// "custom"). Returns what changed. A collective group larger than the
    /// cluster is left as set (`evaluate` caps it), so that it is not lost
    /// when the GPU count goes down and up again.
    pub fn validate(&mut self) -> Vec<Notice> {
        let mut notices = Vec::new();
        for (def, slot) in INPUTS.iter().zip(self.slots()) {
            if let Some(why) = fix_slot(def, slot) {
                notices.push(Notice::new(def.key, why.to_string()));
            }
        }
        notices.extend(self.fix_planes());
        notices.extend(self.fix_breakout());
        notices.extend(self.fix_oversub());
        if let Some(n) = self.fix_tiers() {
            notices.push(n);
        }
        self.sync_region();
        notices
    }

    /// Planes as a number (1, 2, 4 or 8).
    pub fn plane_count(&self) -> u64 {
        self.planes.parse().unwrap_or(1)
    }

    /// How the fabric is built from the radix, oversubscription and cabling inputs.
    pub fn shape(&self) -> Shape {
        Shape { radix: self.radix, oversub: self.oversub, oversub_top: self.oversub_top, even: self.cabling != "fluid" }
    }

    /// An oversubscription above k - 1 would leave a switch of radix k no
    /// uplink: it is set to k - 1 (k - 1 ports down, 1 up).
    fn fix_oversub(&mut self) -> Vec<Notice> {
        let most = self.radix - 1.0;
        let mut notices = Vec::new();
        for (key, value) in [("oversub", &mut self.oversub), ("oversub_top", &mut self.oversub_top)] {
            if *value > most {
                notices.push(Notice::new(
                    key,
                    format!(
                        "{}:1 leaves a {}-port switch no uplink; set to {}:1",
                        fmt_num(*value),
                        fmt_num(self.radix),
                        fmt_num(most)
                    ),
                ));
                *value = most;
            }
        }
        notices
    }

    /// Planes must divide the ports per GPU (each plane gets the same share
    /// of every GPU): otherwise the most planes, not more than asked, that do.
    fn fix_planes(&mut self) -> Option<Notice> {
        let ports = self.ports as u64;
        let asked = self.plane_count();
        if ports.is_multiple_of(asked) {
            return None;
        }
        let fit = PLANE_OPTIONS
            .iter()
            .rev()
            .find(|o| o.id.parse::<u64>().is_ok_and(|p| p <= asked && ports.is_multiple_of(p)));
        self.planes = fit.map_or("1", |o| o.id);
        Some(Notice::new(
            "planes",
            format!("{asked} planes do not divide {ports} ports per GPU; using {}", self.planes),
        ))
    }

    /// A breakout module runs at ports x port speed; above the catalog's
    /// fastest module (3.2T) it is cut to the most ports that fit.
    fn fix_breakout(&mut self) -> Vec<Notice> {
        let speed = speed_index(gbps_value(self.gbps));
        let fits = |id: &str| module_speed(speed, id.parse::<u32>().map_or(1.0, f64::from)).is_some();
        let mut notices = Vec::new();
        for (key, options) in [("nic_ports", NIC_PORT_OPTIONS), ("sw_ports", SW_PORT_OPTIONS)] {
            let asked = self.choice(key).unwrap_or("1");
            if fits(asked) {
                continue;
            }
            let fit = options.iter().rev().find(|o| fits(o.id)).map_or("1", |o| o.id);
            self.set_choice(key, fit);
            notices
                .push(Notice::new(key, format!("{asked} ports need a module above 3.2T at this speed; using {fit}")));
        }
        notices
    }

    /// Forced tiers too few for the ports of one plane at this radix: raise
    /// them (or go back to auto when 3 are not enough).
    pub(crate) fn fix_tiers(&mut self) -> Option<Notice> {
        let forced: usize = self.tiers.parse().ok()?;
        let per_plane = self.gpus * self.ports / self.plane_count() as f64;
        let needed = tiers_needed(per_plane, &self.shape()).unwrap_or(MAX_TIERS);
        if forced >= needed {
            return None;
        }
        self.tiers = if needed == 3 { "3" } else { "auto" };
        Some(Notice::new(
            "tiers",
            format!(
                "{forced} tiers cannot attach {} ports per plane at radix {}; using {}",
                fmt_num(per_plane),
                fmt_num(self.radix),
                self.tiers
            ),
        ))
    }

    /// A region preset whose price or intensity was edited is no longer that preset.
    pub(crate) fn sync_region(&mut self) {
        if let Some(r) = regions::region(self.region)
            && (r.usd_kwh != self.usd_kwh || r.kg_kwh != self.kg_kwh)
        {
            self.region = regions::CUSTOM;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_value_cases() {
        assert_eq!(clamp_value(5.0, 1.0, 10.0, 1.0, 3.0), (5.0, None));
        assert_eq!(clamp_value(f64::NAN, 1.0, 10.0, 1.0, 3.0).0, 3.0);
        assert_eq!(clamp_value(f64::INFINITY, 1.0, 10.0, 1.0, 3.0).0, 3.0);
        assert_eq!(clamp_value(99.0, 1.0, 10.0, 1.0, 3.0).0, 10.0);
        assert_eq!(clamp_value(4.4, 1.0, 10.0, 1.0, 3.0).0, 4.0);
        assert_eq!(clamp_value(63.0, 4.0, 1024.0, 2.0, 64.0).0, 64.0);
        assert_eq!(clamp_value(1.234, 1.0, 3.0, 0.01, 1.5), (1.234, None));
        // -0 is 0, with nothing to say; a negative fraction rounded to a whole step is 0 too.
        let (v, fix) = clamp_value(-0.0, 0.0, 100.0, 1.0, 10.0);
        assert!(v.is_sign_positive() && fix.is_none(), "{v:?} {fix:?}");
        assert!(clamp_value(-0.4, -5.0, 5.0, 1.0, 1.0).0.is_sign_positive());
        assert!(clamp_value(-0.0, -5.0, 5.0, 0.1, 1.0).0.is_sign_positive());
    }

    #[test]
    fn messages_stay_short() {
        assert!(fmt_num(1e300).len() < 12);
        assert_eq!(fmt_num(0.0892), "0.0892");
        assert_eq!(fmt_num(32768.0), "32768");
        assert_eq!(clip(&"x".repeat(1000)).chars().count(), 41);
    }
}
