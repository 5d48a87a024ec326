//! One-click presets: bundles of input values for common clusters, GPU
//! generations and technology comparisons. Region presets live in the model
//! (`model::regions`) because the `region` input itself selects them.

use crate::model::scenario::ALL_OVERRIDES;
use crate::model::{Notice, Scenario};

/// A value a preset sets.
#[derive(Clone, Copy, Debug)]
pub enum Setting {
    Number(&'static str, f64),
    Choice(&'static str, &'static str),
    /// Baseline and proposed technology, with every per-module override back
    /// to the catalog's value so no stale figure from the old pair remains.
    Technologies(&'static str, &'static str),
}

#[derive(Clone, Copy, Debug)]
pub struct Preset {
    pub id: &'static str,
    pub label: &'static str,
    /// Why these values, and where they come from.
    pub help: &'static str,
    pub settings: &'static [Setting],
}

/// A named row of presets, shown together.
pub struct PresetGroup {
    pub label: &'static str,
    pub presets: &'static [Preset],
}

use Setting::{Choice, Number, Technologies};

pub static PRESET_GROUPS: &[PresetGroup] = &[
    PresetGroup {
        label: "Cluster size",
        presets: &[
            Preset {
                id: "1k",
                label: "1k GPUs",
                help: "1,024 GPUs: one 2-tier pod.",
                settings: &[Number("gpus", 1024.0)],
            },
            Preset { id: "8k", label: "8k GPUs", help: "8,192 GPUs.", settings: &[Number("gpus", 8192.0)] },
            Preset {
                id: "32k",
                label: "32k GPUs",
                help: "32,768 GPUs: the default training cluster.",
                settings: &[Number("gpus", 32768.0)],
            },
            Preset {
                id: "100k",
                label: "100k GPUs",
                help: "100,000 GPUs: the seed article's cluster, where optics exceed 3 MW.",
                settings: &[Number("gpus", 100_000.0)],
            },
        ],
    },
    PresetGroup {
        label: "GPU generation",
        presets: &[
            Preset {
                id: "h100",
                label: "H100 · 400G",
                help: "DGX H100: 10.2 kW / 8 GPUs = 1,275 W per GPU; 400G NDR ports on 64-port Quantum-2 switches with twin-port 800G OSFP modules (NVIDIA docs).",
                settings: &[
                    Number("srv_w", 1275.0),
                    Choice("gbps", "400"),
                    Number("radix", 64.0),
                    Choice("sw_ports", "2"),
                ],
            },
            Preset {
                id: "b200",
                label: "B200 · 800G",
                help: "DGX B200: 14.3 kW / 8 GPUs = 1,788 W per GPU; 800G ports on 51.2T switches (64 x 800G).",
                settings: &[
                    Number("srv_w", 1788.0),
                    Choice("gbps", "800"),
                    Number("radix", 64.0),
                    Choice("sw_ports", "1"),
                ],
            },
            Preset {
                id: "gb200",
                label: "GB200 NVL72 · 800G",
                help: "GB200 NVL72 rack ~120 kW / 72 GPUs = 1,667 W per GPU (estimate, no NVIDIA primary figure); 800G scale-out ports.",
                settings: &[
                    Number("srv_w", 1667.0),
                    Choice("gbps", "800"),
                    Number("radix", 64.0),
                    Choice("sw_ports", "1"),
                ],
            },
        ],
    },
    PresetGroup {
        label: "Technologies",
        presets: &[
            Preset {
                id: "dsp-lpo",
                label: "DSP vs LPO",
                help: "Retimed pluggables against linear-drive pluggables.",
                settings: &[Technologies("dsp", "lpo")],
            },
            Preset {
                id: "dsp-cpo",
                label: "DSP vs CPO",
                help: "Retimed pluggables against co-packaged optics.",
                settings: &[Technologies("dsp", "cpo")],
            },
            Preset {
                id: "lpo-cpo",
                label: "LPO vs CPO",
                help: "Linear-drive pluggables against co-packaged optics.",
                settings: &[Technologies("lpo", "cpo")],
            },
        ],
    },
];

impl Preset {
    /// Applies every setting; returns what the model changed on the way (none
    /// for the built-in presets, which are tested to be in range).
    pub fn apply(&self, s: &mut Scenario) -> Vec<Notice> {
        self.settings
            .iter()
            .flat_map(|setting| match *setting {
                Number(key, v) => vec![s.set_number(key, v)],
                Choice(key, id) => vec![s.set_choice(key, id)],
                Technologies(base, alt) => {
                    ALL_OVERRIDES.iter().for_each(|key| s.clear_override(key));
                    vec![s.set_choice("base", base), s.set_choice("alt", alt)]
                }
            })
            .flatten()
            .collect()
    }

    /// Whether the scenario already has every value of this preset.
    pub fn is_active(&self, s: &Scenario) -> bool {
        self.settings.iter().all(|setting| match *setting {
            Number(key, v) => s.number(key) == Some(v),
            Choice(key, id) => s.choice(key) == Some(id),
            Technologies(base, alt) => {
                s.choice("base") == Some(base)
                    && s.choice("alt") == Some(alt)
                    && ALL_OVERRIDES.iter().all(|key| !s.is_overridden(key))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_applies_cleanly_and_is_then_active() {
        for group in PRESET_GROUPS {
            for preset in group.presets {
                let mut s = Scenario::default();
                let notices = preset.apply(&mut s);
                assert!(notices.is_empty(), "{}: {notices:?}", preset.id);
                assert!(preset.is_active(&s), "{} not active after applying", preset.id);
            }
        }
    }

    #[test]
    fn technology_preset_drops_stale_overrides() {
        let mut s = Scenario::default();
        s.set_number("alt_w", 3.0);
        assert!(s.is_overridden("alt_w"));
        let dsp_cpo = PRESET_GROUPS[2].presets.iter().find(|p| p.id == "dsp-cpo").unwrap();
        dsp_cpo.apply(&mut s);
        assert!(!s.is_overridden("alt_w"));
        assert_eq!(s.choice("alt"), Some("cpo"));
    }
}
