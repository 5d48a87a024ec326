//! `Scenario`: get and set inputs by key, region presets, serde.
//!
//! The struct itself is generated from the input table in `inputs`. Setters
//! clamp and report; to rebuild a scenario from key/value pairs (URL, host
//! config), apply them in [`INPUTS`] order so that a technology or speed choice
//! comes before the overrides that refine it.

use std::collections::BTreeMap;

use serde::de::Deserializer;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

pub use super::inputs::Scenario;
use super::inputs::{CATALOG_FNS, INPUTS, InputKind, Slot, Value};
use super::regions;
use super::validate::{Fix, Notice, clip, fix_slot};

/// Position of an input in [`INPUTS`] (and in the scenario's slots).
pub(crate) fn input_index(key: &str) -> Option<usize> {
    INPUTS.iter().position(|d| d.key == key)
}

fn unknown_key(key: &str) -> Notice {
    Notice::new(key, "unknown input; ignored".into())
}

/// The per-module overrides of the baseline technology.
pub const BASE_OVERRIDES: [&str; 4] = ["base_w", "base_ns", "base_usd", "base_afr"];
/// The per-module overrides of the proposed technology.
pub const ALT_OVERRIDES: [&str; 4] = ["alt_w", "alt_ns", "alt_usd", "alt_afr"];
/// Both sides' overrides: what the port speed or a technology pair resets.
pub const ALL_OVERRIDES: [&str; 8] = {
    let mut all = [""; 8];
    let mut i = 0;
    while i < 4 {
        all[i] = BASE_OVERRIDES[i];
        all[i + 4] = ALT_OVERRIDES[i];
        i += 1;
    }
    all
};

/// Overrides that refine the choice `key` (they go stale when it changes).
fn overrides_of(key: &str) -> &'static [&'static str] {
    match key {
        "base" => &BASE_OVERRIDES,
        "alt" => &ALT_OVERRIDES,
        "gbps" => &ALL_OVERRIDES,
        _ => &[],
    }
}

impl Scenario {
    /// Current value of a Number input, or the effective value of an Override
    /// (the catalog's value while it is not overridden). None for unknown keys
    /// and for choices.
    pub fn number(&self, key: &str) -> Option<f64> {
        let i = input_index(key)?;
        match self.values()[i] {
            Value::Num(v) => Some(v),
            Value::Ovr(Some(v)) => Some(v),
            Value::Ovr(None) => CATALOG_FNS[i].map(|f| f(self)),
            Value::Choice(_) => None,
        }
    }

    /// Whether an Override input holds the user's own value.
    pub fn is_overridden(&self, key: &str) -> bool {
        input_index(key).is_some_and(|i| matches!(self.values()[i], Value::Ovr(Some(_))))
    }

    /// Sets a Number (or Override) input, clamped to its range. NaN or infinity
    /// sets the default (Override: back to the catalog value). Whole-step inputs
    /// are rounded. Editing the price or intensity of a region preset makes the
    /// region "custom". Returns what was changed, if anything.
    pub fn set_number(&mut self, key: &str, v: f64) -> Option<Notice> {
        let Some(i) = input_index(key) else {
            return Some(unknown_key(key));
        };
        self.set_number_at(i, v).map(|why| Notice::new(key, why.to_string()))
    }

    /// [`Scenario::set_number`] by input index, the reason left unformatted:
    /// for loops that set thousands of values and drop the reasons.
    pub(crate) fn set_number_at(&mut self, i: usize, v: f64) -> Option<Fix> {
        let def = INPUTS.get(i)?;
        let why = match self.slot(i) {
            Some(Slot::Num(slot)) => {
                *slot = v;
                fix_slot(def, Slot::Num(slot))
            }
            Some(Slot::Ovr(slot)) => {
                *slot = Some(v);
                fix_slot(def, Slot::Ovr(slot))
            }
            _ => Some(Fix::NotANumberInput),
        };
        if def.key == "usd_kwh" || def.key == "kg_kwh" {
            self.sync_region();
        }
        why
    }

    /// Back to the catalog value.
    pub fn clear_override(&mut self, key: &str) {
        if let Some(i) = input_index(key)
            && let Some(Slot::Ovr(slot)) = self.slot(i)
        {
            *slot = None;
        }
    }

    /// Current option id of a Choice input.
    pub fn choice(&self, key: &str) -> Option<&'static str> {
        match self.values()[input_index(key)?] {
            Value::Choice(id) => Some(id),
            _ => None,
        }
    }

    /// Sets a Choice input. An unknown id keeps the current option and says so.
    /// Changing a technology (or the port speed) clears the overrides that
    /// refined the old choice, with a notice, so no stale override survives.
    /// Choosing a region applies its preset.
    pub fn set_choice(&mut self, key: &str, id: &str) -> Option<Notice> {
        let Some(i) = input_index(key) else {
            return Some(unknown_key(key));
        };
        let InputKind::Choice { options, .. } = INPUTS[i].kind else {
            return Some(Notice::new(key, "is a number, not a choice; ignored".into()));
        };
        let Some(opt) = options.iter().find(|o| o.id == id) else {
            let current = self.choice(key).unwrap_or("");
            return Some(Notice::new(key, format!("unknown option '{}'; kept '{current}'", clip(id))));
        };
        let changed = self.choice(key) != Some(opt.id);
        if let Some(Slot::Choice(slot)) = self.slot(i) {
            *slot = opt.id;
        }
        if key == "region" {
            self.apply_preset();
        }
        let stale: Vec<&str> = overrides_of(key).iter().copied().filter(|k| self.is_overridden(k)).collect();
        if !changed || stale.is_empty() {
            return None;
        }
        for k in &stale {
            self.clear_override(k);
        }
        Some(Notice::new(key, format!("catalog values restored for {} after changing {key}", stale.join(", "))))
    }

    /// Sets electricity price and carbon intensity from a region preset
    /// (an unknown id or "custom" only selects "custom").
    pub fn apply_region(&mut self, id: &str) {
        self.region = regions::region(id).map_or(regions::CUSTOM, |r| r.id);
        self.apply_preset();
    }

    fn apply_preset(&mut self) {
        if let Some(r) = regions::region(self.region) {
            self.usd_kwh = r.usd_kwh;
            self.kg_kwh = r.kg_kwh;
        }
    }
}

impl Serialize for Scenario {
    /// A map of every input key to its value (override: number or null; choice: id).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let values = self.values();
        let mut map = serializer.serialize_map(Some(values.len()))?;
        for (def, value) in INPUTS.iter().zip(values) {
            match value {
                Value::Num(v) => map.serialize_entry(def.key, &v)?,
                Value::Ovr(v) => map.serialize_entry(def.key, &v)?,
                Value::Choice(v) => map.serialize_entry(def.key, v)?,
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Scenario {
    /// Missing keys take their defaults; unknown keys, wrong types and unknown
    /// option ids are ignored. Numbers are stored as given: call
    /// [`Scenario::validate`] afterwards to clamp them and hear what changed.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = BTreeMap::<String, serde_json::Value>::deserialize(deserializer)?;
        let mut s = Scenario::default();
        for ((def, slot), v) in
            INPUTS.iter().zip(s.slots()).filter_map(|(d, slot)| raw.get(d.key).map(|v| ((d, slot), v)))
        {
            match (slot, def.kind) {
                (Slot::Num(x), _) => {
                    if let Some(n) = v.as_f64() {
                        *x = n;
                    }
                }
                (Slot::Ovr(x), _) => {
                    if v.is_null() {
                        *x = None;
                    } else if let Some(n) = v.as_f64() {
                        *x = Some(n);
                    }
                }
                (Slot::Choice(x), InputKind::Choice { options, .. }) => {
                    if let Some(o) = v.as_str().and_then(|id| options.iter().find(|o| o.id == id)) {
                        *x = o.id;
                    }
                }
                (Slot::Choice(_), _) => {}
            }
        }
        Ok(s)
    }
}
