//! The one table of input definitions, and the `Scenario` struct generated
//! from it. Sliders, validation, the URL codec, the CSV header and the
//! methodology panel all read [`INPUTS`]; adding an input is one row of the
//! `inputs!` invocation below, which declares the table row and the typed
//! `Scenario` field together (the key is the field name).

use super::catalog::{SPEEDS_GBPS, Tech, speed_index};
use super::evaluate::{Side, side_main_tech};

/// Input groups, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Group {
    Cluster,
    Optics,
    SiteEnergy,
    Finance,
    Advanced,
    /// Settings of the sensitivity and uncertainty views; the model ignores them.
    Analysis,
}

impl Group {
    pub fn label(&self) -> &'static str {
        match self {
            Group::Cluster => "Cluster",
            Group::Optics => "Optics (baseline vs proposed)",
            Group::SiteEnergy => "Site and energy",
            Group::Finance => "Finance",
            Group::Advanced => "Advanced",
            Group::Analysis => "Sensitivity and uncertainty",
        }
    }
}

/// One option of a `Choice` input: `id` is what the URL and `Scenario` store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChoiceOption {
    pub id: &'static str,
    pub label: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub enum InputKind {
    /// A number. Inputs whose `step` is a whole number hold whole multiples of it.
    Number {
        min: f64,
        max: f64,
        step: f64,
        default: f64,
    },
    /// Optional override of a catalog value: None = use the catalog's value for the chosen technology.
    Override {
        min: f64,
        max: f64,
        step: f64,
    },
    Choice {
        options: &'static [ChoiceOption],
        default: &'static str,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct InputDef {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub group: Group,
    pub kind: InputKind,
    /// What the input means, in a sentence or two. Native builds only: the
    /// wasm reads it from the texts file (`crate::texts`), like `source`.
    #[cfg(not(target_arch = "wasm32"))]
    pub help: &'static str,
    /// Where the default comes from.
    #[cfg(not(target_arch = "wasm32"))]
    pub source: &'static str,
    /// True where the source is tagged C or E in reference-data.md (or is ours).
    pub estimate: bool,
}

impl InputDef {
    /// The label of option `id` of a choice input; `None` for an unknown id
    /// or a numeric input.
    pub fn option_label(&self, id: &str) -> Option<&'static str> {
        match self.kind {
            InputKind::Choice { options, .. } => options.iter().find(|o| o.id == id).map(|o| o.label),
            _ => None,
        }
    }
}

/// The definition of the input with this key.
pub fn input_def(key: &str) -> Option<&'static InputDef> {
    INPUTS.iter().find(|d| d.key == key)
}

const fn o(id: &'static str, label: &'static str) -> ChoiceOption {
    ChoiceOption { id, label }
}

pub static GBPS_OPTIONS: &[ChoiceOption] = &[o("400", "400G"), o("800", "800G"), o("1600", "1.6T"), o("3200", "3.2T")];
pub static TIER_OPTIONS: &[ChoiceOption] =
    &[o("auto", "Auto (smallest that fits)"), o("2", "2 tiers"), o("3", "3 tiers")];
pub static CABLING_OPTIONS: &[ChoiceOption] = &[o("even", "Even per pair"), o("fluid", "Fluid minimum")];
pub static TECH_OPTIONS: &[ChoiceOption] = &[
    o("dsp", "DSP-retimed pluggable"),
    o("lro", "LRO (half-retimed)"),
    o("lpo", "LPO (linear drive)"),
    o("siph", "Silicon-photonics pluggable"),
    o("cpo", "Co-packaged optics"),
];
pub static MEDIA_OPTIONS: &[ChoiceOption] =
    &[o("optical", "Optical"), o("dac", "Copper DAC"), o("aec", "Active electrical cable")];
/// Technology of one link level: the side's technology, or one of its own.
pub static LEVEL_TECH_OPTIONS: &[ChoiceOption] = &[
    o(SAME_TECH, "The side's own"),
    o("dsp", "DSP-retimed pluggable"),
    o("lro", "LRO (half-retimed)"),
    o("lpo", "LPO (linear drive)"),
    o("siph", "Silicon-photonics pluggable"),
    o("cpo", "Co-packaged optics"),
];
/// Help of every `base1`..`alt3` input.
#[cfg(not(target_arch = "wasm32"))]
const LEVEL_TECH_HELP: &str =
    "Technology of this link level; 'same' is the side's own. Level 3 covers every level above the spine.";
/// The `base1`..`alt3` option that means "the side's technology".
pub const SAME_TECH: &str = "same";
pub static PLANE_OPTIONS: &[ChoiceOption] = &[o("1", "1"), o("2", "2"), o("4", "4"), o("8", "8")];
pub static NIC_PORT_OPTIONS: &[ChoiceOption] = &[o("1", "1"), o("2", "2")];
pub static SW_PORT_OPTIONS: &[ChoiceOption] = &[o("1", "1"), o("2", "2"), o("4", "4")];
pub static REGION_OPTIONS: &[ChoiceOption] = &[
    o("nova", "Northern Virginia"),
    o("ercot", "Dallas / ERCOT"),
    o("svalley", "Silicon Valley"),
    o("us", "US average"),
    o("custom", "Custom"),
];
pub static BUILD_OPTIONS: &[ChoiceOption] =
    &[o("new", "New build (both sides bought)"), o("retrofit", "Retrofit (baseline already owned)")];
/// Headline figures the sensitivity and uncertainty views can follow.
pub static FOCUS_OPTIONS: &[ChoiceOption] = &[
    o("npv_usd", "Net present value"),
    o("cost_saved_usd_per_year", "Electricity cost saved per year"),
    o("power_saved_w", "Network power saved"),
    o("facility_power_saved_w", "Facility power saved"),
    o("co2_saved_t_per_year", "CO2 avoided per year"),
    o("extra_gpus", "Extra GPUs in the same power"),
    o("failures_avoided_per_year", "Module failures avoided per year"),
];
pub static ALGO_OPTIONS: &[ChoiceOption] =
    &[o("tree", "Tree: 2 x ceil(log2 N) steps"), o("ring", "Ring: 2(N-1) steps")];

/// Port speed in Gb/s from the `gbps` choice id.
pub fn gbps_value(id: &str) -> f64 {
    id.parse::<u32>().map_or(800.0, f64::from)
}

/// Catalog entry for a technology id at the scenario's port speed
/// (the value an Override input shows while it is not overridden).
fn catalog_at_port(tech_id: &str, gbps_id: &str) -> super::catalog::ModuleSpec {
    let tech = Tech::from_id(tech_id).unwrap_or(Tech::Dsp);
    tech.spec(speed_index(gbps_value(gbps_id)).min(SPEEDS_GBPS.len() - 1))
}

/// Reads or writes one input of a `Scenario` by key.
pub(crate) enum Slot<'a> {
    Num(&'a mut f64),
    Ovr(&'a mut Option<f64>),
    Choice(&'a mut &'static str),
}

/// A copy of one input's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Value {
    Num(f64),
    Ovr(Option<f64>),
    Choice(&'static str),
}

macro_rules! field_ty {
    (Number) => { f64 };
    (Override) => { Option<f64> };
    (Choice) => { &'static str };
}

macro_rules! row {
    (@def $field:ident Number { label: $l:expr, unit: $u:expr, group: $g:ident,
        min: $min:expr, max: $max:expr, step: $step:expr, default: $d:expr,
        estimate: $e:expr, help: $h:expr, source: $s:expr $(,)? }) => {
        InputDef { key: stringify!($field), label: $l, unit: $u, group: Group::$g,
            kind: InputKind::Number { min: $min, max: $max, step: $step, default: $d },
            #[cfg(not(target_arch = "wasm32"))] help: $h,
            #[cfg(not(target_arch = "wasm32"))] source: $s,
            estimate: $e }
    };
    (@def $field:ident Override { label: $l:expr, unit: $u:expr, group: $g:ident,
        min: $min:expr, max: $max:expr, step: $step:expr, catalog: $c:expr,
        estimate: $e:expr, help: $h:expr, source: $s:expr $(,)? }) => {
        InputDef { key: stringify!($field), label: $l, unit: $u, group: Group::$g,
            kind: InputKind::Override { min: $min, max: $max, step: $step },
            #[cfg(not(target_arch = "wasm32"))] help: $h,
            #[cfg(not(target_arch = "wasm32"))] source: $s,
            estimate: $e }
    };
    (@def $field:ident Choice { label: $l:expr, unit: $u:expr, group: $g:ident,
        options: $opts:expr, default: $d:expr,
        estimate: $e:expr, help: $h:expr, source: $s:expr $(,)? }) => {
        InputDef { key: stringify!($field), label: $l, unit: $u, group: Group::$g,
            kind: InputKind::Choice { options: $opts, default: $d },
            #[cfg(not(target_arch = "wasm32"))] help: $h,
            #[cfg(not(target_arch = "wasm32"))] source: $s,
            estimate: $e }
    };
    (@default Number { $($k:ident : $v:expr),* $(,)? }) => { row!(@pick default $($k : $v),*) };
    (@default Override { $($body:tt)* }) => { None };
    (@default Choice { $($k:ident : $v:expr),* $(,)? }) => { row!(@pick default $($k : $v),*) };
    (@catalog Override { $($k:ident : $v:expr),* $(,)? }) => {
        Some(row!(@pick catalog $($k : $v),*) as fn(&Scenario) -> f64)
    };
    (@catalog $kind:ident { $($body:tt)* }) => { None };
    (@value $v:expr, Number) => { Value::Num($v) };
    (@value $v:expr, Override) => { Value::Ovr($v) };
    (@value $v:expr, Choice) => { Value::Choice($v) };
    (@slot $place:expr, Number) => { Slot::Num($place) };
    (@slot $place:expr, Override) => { Slot::Ovr($place) };
    (@slot $place:expr, Choice) => { Slot::Choice($place) };
    // Picks one named value out of a row body.
    (@pick $want:ident $k:ident : $v:expr $(, $rk:ident : $rv:expr)*) => {
        row!(@pick_is $want $k ($v) $(, $rk : $rv)*)
    };
    (@pick_is default default ($v:expr) $(, $rk:ident : $rv:expr)*) => { $v };
    (@pick_is catalog catalog ($v:expr) $(, $rk:ident : $rv:expr)*) => { $v };
    (@pick_is $want:ident $other:ident ($v:expr) $(, $rk:ident : $rv:expr)*) => {
        row!(@pick $want $($rk : $rv),*)
    };
}

macro_rules! inputs {
    ($( $field:ident : $kind:ident { $($body:tt)* } ),* $(,)?) => {
        /// Every input of the calculator: one typed field per row of [`INPUTS`],
        /// named like its key. Numbers are `f64`, overrides `Option<f64>`
        /// (None = the catalog's value), choices the option id.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Scenario {
            $( pub $field: field_ty!($kind), )*
        }

        /// Number of inputs.
        pub const INPUT_COUNT: usize = [$(stringify!($field)),*].len();

        /// THE single source of truth for inputs; order = display order.
        pub static INPUTS: &[InputDef] = &[ $( row!(@def $field $kind { $($body)* }), )* ];

        /// Catalog lookups behind the Override inputs, in [`INPUTS`] order.
        pub(crate) static CATALOG_FNS: [Option<fn(&Scenario) -> f64>; INPUT_COUNT] =
            [ $( row!(@catalog $kind { $($body)* }), )* ];

        impl Default for Scenario {
            /// Every input at its default.
            fn default() -> Self {
                Scenario { $( $field: row!(@default $kind { $($body)* }), )* }
            }
        }

        impl Scenario {
            /// Mutable access to every field, in [`INPUTS`] order.
            pub(crate) fn slots(&mut self) -> [Slot<'_>; INPUT_COUNT] {
                [ $( row!(@slot &mut self.$field, $kind), )* ]
            }

            /// Mutable access to the field of input `i` (an index into
            /// [`INPUTS`]), without building every slot as [`Self::slots`] does:
            /// the Monte Carlo loop sets nine inputs per sample.
            pub(crate) fn slot(&mut self, i: usize) -> Option<Slot<'_>> {
                let mut n = 0usize;
                $(
                    if n == i {
                        return Some(row!(@slot &mut self.$field, $kind));
                    }
                    n += 1;
                )*
                let _ = n;
                None
            }

            /// Every field's value, in [`INPUTS`] order.
            pub(crate) fn values(&self) -> [Value; INPUT_COUNT] {
                [ $( row!(@value self.$field, $kind), )* ]
            }
        }
    };
}

/// Why each default: see the `source` strings; "estimate" marks C/E figures.
/// Sources are titles and publishers from reference-data.md.
pub mod rows {
    use super::*;

    inputs! {
        // ---- Cluster ----
        gpus: Number { label: "GPUs", unit: "GPUs", group: Cluster,
            min: 1.0, max: 1_000_000.0, step: 1.0,
            // 32,768 GPUs (4,096 eight-GPU servers): a common large training build,
            // tens of thousands of GPUs like the seed article's examples, and big
            // enough to need a 3-tier fabric at radix 64.
            default: 32_768.0, estimate: false,
            help: "GPUs attached to the scale-out (back-end) fabric.",
            source: "Scenario choice: a 32,768-GPU training cluster, the scale of the seed article's claims." },
        gbps: Choice { label: "Scale-out port speed", unit: "Gb/s", group: Cluster,
            options: GBPS_OPTIONS, default: "800", estimate: false,
            help: "Speed of each GPU's scale-out port and of the switch ports.",
            source: "800G ports on 51.2T switches (64 x 800G): NVIDIA SN5000 Data Interfaces, NVIDIA docs." },
        ports: Number { label: "Scale-out ports per GPU", unit: "ports", group: Cluster,
            min: 1.0, max: 8.0, step: 1.0, default: 1.0, estimate: true,
            help: "NIC ports per GPU on the scale-out fabric (one per GPU in a rail-optimised design).",
            source: "How Many Optical Transceivers are Needed for A GPU?, FiberMall / NADDOD (C): one NIC port per GPU." },
        planes: Choice { label: "Fabric planes", unit: "planes", group: Cluster,
            options: PLANE_OPTIONS, default: "1", estimate: false,
            help: "Independent, identical fabrics the GPU's ports are spread over (an 800G NIC as 2 x 400G on 2 planes). Must divide the ports per GPU.",
            source: "Multi-Plane Topology Approach: NVIDIA Enterprise RA, GB300 NVL72 AI Factory (A)." },
        radix: Number { label: "Switch radix", unit: "ports", group: Cluster,
            min: 4.0, max: 1024.0, step: 2.0, default: 64.0, estimate: false,
            help: "Switch ports at the chosen speed (51.2T = 64 x 800G = 128 x 400G).",
            source: "51.2T switch with 64 x 800G ports: NVIDIA SN5000 Data Interfaces, NVIDIA docs." },
        tiers: Choice { label: "Switch tiers", unit: "", group: Cluster,
            options: TIER_OPTIONS, default: "auto", estimate: false,
            help: "Auto picks the smallest folded Clos that fits (non-blocking: k, k^2/2, k^3/4, k^4/8 ports; oversubscription lets fewer tiers hold more).",
            source: "Folded-Clos capacity arithmetic." },
        oversub: Number { label: "Leaf oversubscription", unit: ":1", group: Cluster,
            min: 1.0, max: 8.0, step: 0.25, default: 1.0, estimate: false,
            help: "Leaf downlinks per uplink; 1 = non-blocking (full bisection), as AI back-end fabrics are built.",
            source: "FiberMall / NADDOD transceiver counts assume full bisection (C)." },
        oversub_top: Number { label: "Oversubscription above the spines", unit: ":1", group: Cluster,
            min: 1.0, max: 32.0, step: 0.25, default: 1.0, estimate: false,
            help: "Down:up of the tier just below the top of a fabric of 3 or more tiers (the spines of 3 tiers): 7 = the pods keep full bisection inside and 1/7 of it to the tier above. 1 = non-blocking. A 2-tier fabric has only the leaf's.",
            source: "Llama 3 1:7 (arXiv 2407.21783, A); Alibaba HPN 15:1 (A)." },
        cabling: Choice { label: "Switches above the leaf", unit: "", group: Cluster,
            options: CABLING_OPTIONS, default: "even", estimate: false,
            help: "Even: every switch has the same number of links to each switch above it that it reaches (72 uplinks over 18 spines, 4 each), as fabrics are built and ECMP needs. Fluid: the fewest switches whose ports hold the links, ceil(links / radix), which no one cables.",
            source: "NVIDIA DGX SuperPOD B300 XDR reference architecture (A)." },
        fe: Number { label: "Front-end ports per server", unit: "ports/8 GPUs", group: Cluster,
            min: 0.0, max: 8.0, step: 1.0, default: 0.0, estimate: true,
            help: "Optional front-end (storage/management) network: ports per 8-GPU server at the same speed; 0 = not modelled.",
            source: "Scenario choice (off by default so that the scale-out figures compare with published counts)." },
        srv_w: Number { label: "Server power per GPU", unit: "W", group: Cluster,
            min: 100.0, max: 5000.0, step: 1.0, default: 1788.0, estimate: false,
            help: "All-in server watts per GPU (GPU, CPU, memory, fans, NICs), without the scale-out network. DGX H100: 10.2 kW / 8 = 1,275 W.",
            source: "DGX B200 system max 14.3 kW / 8 GPUs: The Daily Scout quoting NVIDIA DGX B200 docs (B)." },
        // ---- Optics ----
        base: Choice { label: "Baseline technology", unit: "", group: Optics,
            options: TECH_OPTIONS, default: "dsp", estimate: false,
            help: "Module technology on the optical tiers today (each level can differ, below).",
            source: "Catalog (see methodology)." },
        alt: Choice { label: "Proposed technology", unit: "", group: Optics,
            options: TECH_OPTIONS, default: "lpo", estimate: false,
            help: "Module technology on the proposal's optical tiers (each level can differ, below). CPO replaces switch-end modules only; the NIC end stays a DSP pluggable.",
            source: "Catalog (see methodology)." },
        base_w: Override { label: "Baseline module power", unit: "W", group: Optics,
            min: 0.1, max: 60.0, step: 0.1,
            catalog: |s: &Scenario| catalog_at_port(s.base, s.gbps).power_w, estimate: false,
            help: "Watts per module at the port speed (CPO: per port), on the levels that use the baseline technology. Breakout modules scale by the catalog's ratio.",
            source: "800G DSP 16 W typ: NVIDIA MMS4X00-NS datasheet (A); 400G 9 W: NVIDIA MMS4X00-NS400 (A)." },
        alt_w: Override { label: "Proposed module power", unit: "W", group: Optics,
            min: 0.1, max: 60.0, step: 0.1,
            catalog: |s: &Scenario| catalog_at_port(s.alt, s.gbps).power_w, estimate: true,
            help: "Watts per module at the port speed (CPO: per port). The seed article uses 16 W -> 8 W.",
            source: "800G LPO 8.5 W: 800G LPO vs DSP in AI Clusters, Axiom; Journal News Info (C)." },
        base_ns: Override { label: "Baseline latency per module", unit: "ns", group: Optics,
            min: 0.0, max: 300.0, step: 1.0,
            catalog: |s: &Scenario| catalog_at_port(s.base, s.gbps).latency_ns, estimate: true,
            help: "Latency each module adds (DSP retiming). Host FEC is separate and stays for every technology.",
            source: "~100 ns per link (both ends) removed with the DSP: Broadcom Tomahawk5 Switch Chip, ChipCraft (C)." },
        alt_ns: Override { label: "Proposed latency per module", unit: "ns", group: Optics,
            min: 0.0, max: 300.0, step: 1.0,
            catalog: |s: &Scenario| catalog_at_port(s.alt, s.gbps).latency_ns, estimate: true,
            help: "Latency each module adds. LPO/CPO: analog driver and TIA only.",
            source: "Estimate (~5 ns, no datasheet figure found)." },
        base_usd: Override { label: "Baseline module price", unit: "USD", group: Optics,
            min: 1.0, max: 20_000.0, step: 1.0,
            catalog: |s: &Scenario| catalog_at_port(s.base, s.gbps).price_usd, estimate: true,
            help: "Price per module (CPO: per port).",
            source: "800G DSP $1,250, 400G $700: 800G Optical Module Cost Analysis, Luxoptx (C, low confidence)." },
        alt_usd: Override { label: "Proposed module price", unit: "USD", group: Optics,
            min: 1.0, max: 20_000.0, step: 1.0,
            catalog: |s: &Scenario| catalog_at_port(s.alt, s.gbps).price_usd, estimate: true,
            help: "Price per module (CPO: per port).",
            source: "800G LPO $800: 800G Optical Module Cost Analysis, Luxoptx (C, low confidence)." },
        base1: Choice { label: "Baseline, GPU to leaf", unit: "", group: Optics,
            options: LEVEL_TECH_OPTIONS, default: SAME_TECH, estimate: false,
            help: LEVEL_TECH_HELP, source: "Catalog (see methodology)." },
        base2: Choice { label: "Baseline, leaf to spine", unit: "", group: Optics,
            options: LEVEL_TECH_OPTIONS, default: SAME_TECH, estimate: false,
            help: LEVEL_TECH_HELP, source: "Catalog (see methodology)." },
        base3: Choice { label: "Baseline, upper tiers", unit: "", group: Optics,
            options: LEVEL_TECH_OPTIONS, default: SAME_TECH, estimate: false,
            help: LEVEL_TECH_HELP, source: "Catalog (see methodology)." },
        alt1: Choice { label: "Proposed, GPU to leaf", unit: "", group: Optics,
            options: LEVEL_TECH_OPTIONS, default: SAME_TECH, estimate: false,
            help: LEVEL_TECH_HELP, source: "Catalog (see methodology)." },
        alt2: Choice { label: "Proposed, leaf to spine", unit: "", group: Optics,
            options: LEVEL_TECH_OPTIONS, default: SAME_TECH, estimate: false,
            help: LEVEL_TECH_HELP, source: "Catalog (see methodology)." },
        alt3: Choice { label: "Proposed, upper tiers", unit: "", group: Optics,
            options: LEVEL_TECH_OPTIONS, default: SAME_TECH, estimate: false,
            help: LEVEL_TECH_HELP, source: "Catalog (see methodology)." },
        nic_ports: Choice { label: "NIC ports per module", unit: "ports", group: Optics,
            options: NIC_PORT_OPTIONS, default: "1", estimate: false,
            help: "One module at ports x port speed serves that many NIC ports (an 800G OSFP for 2 x 400G).",
            source: "ConnectX-8 C8180: one OSFP cage, 800G or 2 x 400GbE breakout: ConnectX-8 Connectivity Solution (C)." },
        sw_ports: Choice { label: "Switch ports per module", unit: "ports", group: Optics,
            options: SW_PORT_OPTIONS, default: "1", estimate: false,
            help: "One module at ports x port speed carries that many switch ports (2: twin-port 800G OSFP = 2 x 400G on Quantum-2). Link format 1's twin=on is 2.",
            source: "MMS4X00-NS 800G Twin-port OSFP 2x400G, NVIDIA docs (A); FiberMall / NADDOD 2.5 modules per GPU (C)." },
        m1: Choice { label: "GPU-to-leaf media", unit: "", group: Optics,
            options: MEDIA_OPTIONS, default: "optical", estimate: false,
            help: "Copper (DAC/AEC) only reaches within a rack; optical tiers use the baseline/proposed technology.",
            source: "FiberMall / NADDOD count GPU-to-leaf links as optical (C)." },
        m2: Choice { label: "Leaf-to-spine media", unit: "", group: Optics,
            options: MEDIA_OPTIONS, default: "optical", estimate: false,
            help: "Media of the second link level.", source: "FiberMall / NADDOD (C)." },
        m3: Choice { label: "Upper-tier media", unit: "", group: Optics,
            options: MEDIA_OPTIONS, default: "optical", estimate: false,
            help: "Media of the third and any higher link level.", source: "FiberMall / NADDOD (C)." },
        host_w: Number { label: "Extra host SerDes power per linear port", unit: "W", group: Optics,
            min: 0.0, max: 5.0, step: 0.1, default: 0.0, estimate: true,
            help: "Extra switch/NIC SerDes watts to drive a linear (LPO) port; LRO counts half.",
            source: "Estimate: no source quantifies it; 0 W keeps the vendor's module-only comparison." },
        // ---- Site and energy ----
        region: Choice { label: "Region", unit: "", group: SiteEnergy,
            options: REGION_OPTIONS, default: "nova", estimate: false,
            help: "Sets electricity price and grid carbon intensity. Editing either makes it Custom.",
            source: "EIA Electric Power Annual 2023 (2024-10-17); EPA eGRID2023 (Jan 2025)." },
        usd_kwh: Number { label: "Electricity price", unit: "USD/kWh", group: SiteEnergy,
            min: 0.01, max: 0.5, step: 0.001, default: 0.0892, estimate: false,
            help: "All-in price paid per kWh at the facility meter.",
            source: "Virginia industrial 8.92 c/kWh: EIA Electric Power Annual, data year 2023, released 2024-10-17 (A)." },
        kg_kwh: Number { label: "Grid carbon intensity", unit: "kg CO2e/kWh", group: SiteEnergy,
            min: 0.0, max: 1.2, step: 0.001, default: 0.269, estimate: false,
            help: "Location-based emission factor of the grid.",
            source: "SRVC 593.1 lb/MWh: EPA eGRID2023 summary tables, Jan 2025 (B)." },
        pue: Number { label: "PUE", unit: "", group: SiteEnergy,
            min: 1.0, max: 3.0, step: 0.01, default: 1.56, estimate: false,
            help: "Facility power / IT power. Industry average 1.56; hyperscale 1.10.",
            source: "Uptime Institute 2024 survey via Statista (B); Google 2024 Environmental Report 1.10 (A)." },
        // ---- Finance ----
        years: Number { label: "Horizon", unit: "years", group: Finance,
            min: 1.0, max: 10.0, step: 1.0, default: 5.0, estimate: true,
            help: "Years of operation compared.",
            source: "Estimate: a typical depreciation life of network equipment." },
        rate: Number { label: "Discount rate", unit: "%/yr", group: Finance,
            min: 0.0, max: 30.0, step: 0.5, default: 8.0, estimate: true,
            help: "Rate for the NPV of the yearly savings.",
            source: "Estimate: a typical corporate cost of capital." },
        build: Choice { label: "Purchase case", unit: "", group: Finance,
            options: BUILD_OPTIONS, default: "new", estimate: false,
            help: "New build: both sides buy modules. Retrofit: the baseline's modules are already owned (baseline capex 0).",
            source: "Scenario choice." },
        spares: Number { label: "Spares", unit: "%", group: Finance,
            min: 0.0, max: 50.0, step: 0.5, default: 5.0, estimate: true,
            help: "Spare modules bought with the fleet, as a share of installed modules.",
            source: "Estimate." },
        install: Number { label: "Installation per module", unit: "USD", group: Finance,
            min: 0.0, max: 1000.0, step: 1.0, default: 25.0, estimate: true,
            help: "Labour to install, clean and test one module at build time.",
            source: "Estimate." },
        swap_usd: Number { label: "Labour per failed module", unit: "USD", group: Finance,
            min: 0.0, max: 5000.0, step: 1.0, default: 150.0, estimate: true,
            help: "Technician time to diagnose, swap and re-test one failed module.",
            source: "Estimate." },
        gpu_h_usd: Number { label: "Value of a GPU-hour", unit: "USD/GPU-h", group: Finance,
            min: 0.0, max: 20.0, step: 0.05, default: 2.0, estimate: true,
            help: "What one GPU-hour of training is worth (rental price or internal cost).",
            source: "Estimate (typical H100-class rental price)." },
        restart_min: Number { label: "Lost time per interruption", unit: "min", group: Finance,
            min: 0.0, max: 600.0, step: 1.0, default: 15.0, estimate: true,
            help: "GPU time lost per job interruption: restart plus work redone since the last checkpoint.",
            source: "Derived: Meta Llama 3 run kept >90% effective time with an interruption every ~3.1 h (DatacenterDynamics, B), i.e. <= ~18 min each." },
        blast: Number { label: "GPUs interrupted per failure", unit: "% of GPUs", group: Finance,
            min: 0.0, max: 100.0, step: 1.0, default: 40.0, estimate: true,
            help: "Average share of the cluster whose job stops when one module fails (100% = every failure restarts one synchronous job on the whole cluster; routing around a dead link lowers it).",
            source: "Derived: Meta Llama 3 run, 35 switch and cable interruptions in 54 days on 16,384 H100 (DatacenterDynamics, B), ~40% of what a 1% AFR predicts for its ~57k modules." },
        // ---- Advanced ----
        sw_w: Number { label: "Switch power per 51.2 Tb/s", unit: "W", group: Advanced,
            min: 100.0, max: 3000.0, step: 10.0, default: 800.0, estimate: true,
            help: "Switch system watts without optics (ASIC, CPU, fans, power-supply losses), per 51.2 Tb/s of capacity (radix x speed scales it).",
            source: "51.2T ASIC 450-500 W: TechInsights (B), ChipCraft (C); chassis without optics 700-900 W: Pingdo optical power simulator (C/E)." },
        sw_ns: Number { label: "Switch latency", unit: "ns", group: Advanced,
            min: 50.0, max: 2000.0, step: 10.0, default: 600.0, estimate: true,
            help: "Port-to-port latency per switch hop. Quantum-2 ~150 ns; Tomahawk Ultra 250 ns; Tomahawk 5 ~600 ns.",
            source: "Tomahawk Ultra vs Tomahawk 5 & 6, AI-Stack (C)." },
        fec_ns: Number { label: "FEC latency per link", unit: "ns", group: Advanced,
            min: 0.0, max: 500.0, step: 5.0, default: 100.0, estimate: true,
            help: "RS(544,514) decode in the host SerDes, per link; the same for DSP, LPO and CPO.",
            source: "FEC Killed The Cut-Through Switch, Univ. of Cambridge; DesignCon 2024 FEC paper (C/E)." },
        m_leaf: Number { label: "GPU-to-leaf link length", unit: "m", group: Advanced,
            min: 0.5, max: 500.0, step: 0.5, default: 10.0, estimate: true,
            help: "Average length of a GPU-to-leaf cable.", source: "Estimate (leaf in the row, not the rack)." },
        m_up: Number { label: "Upper-tier link length", unit: "m", group: Advanced,
            min: 1.0, max: 2000.0, step: 1.0, default: 100.0, estimate: true,
            help: "Average length of a switch-to-switch link.", source: "Estimate (across a hall)." },
        afr: Number { label: "Pluggable annual failure rate", unit: "%/yr", group: Advanced,
            min: 0.05, max: 5.0, step: 0.05, default: 1.0, estimate: true,
            help: "AFR of a DSP pluggable at the reference case temperature; other pluggables scale with temperature.",
            source: "Derived from 0.5-1 M device-hour MTBF (Meta, ECOC 2025, via 100GModules, C)." },
        afr_cpo: Number { label: "CPO annual failure rate", unit: "%/yr", group: Advanced,
            min: 0.05, max: 5.0, step: 0.05, default: 0.35, estimate: true,
            help: "AFR per CPO port.",
            source: "Derived from ~2.6 M device-hour MTBF (Meta, ECOC 2025, via 100GModules, C)." },
        ea_ev: Number { label: "Activation energy", unit: "eV", group: Advanced,
            min: 0.0, max: 1.5, step: 0.05, default: 0.7, estimate: true,
            help: "Arrhenius activation energy for module failures; 0 turns the temperature effect off.",
            source: "Estimate (a common value for laser and semiconductor wear-out)." },
        k_per_w: Number { label: "Module temperature rise", unit: "K/W", group: Advanced,
            min: 0.0, max: 5.0, step: 0.1, default: 1.0, estimate: true,
            help: "Case temperature change per watt of module power.",
            source: "Estimate." },
        case_c: Number { label: "Reference case temperature", unit: "degC", group: Advanced,
            min: 25.0, max: 85.0, step: 1.0, default: 70.0, estimate: true,
            help: "Case temperature of a DSP module at which the pluggable AFR holds.",
            source: "Estimate (commercial module case limit)." },
        // After the AFR and temperature inputs: the catalog value is computed from them.
        base_afr: Override { label: "Baseline module AFR", unit: "%/yr", group: Advanced,
            min: 0.01, max: 100.0, step: 0.01,
            catalog: |s: &Scenario| side_main_tech(s, Side::Baseline).switch_end.afr_pct, estimate: true,
            help: "Failures per 100 baseline modules (CPO: ports) a year. By default the pluggable or CPO rate above, adjusted for the module's power; a datasheet figure replaces it.",
            source: "Computed from the AFR, activation energy and temperature inputs above." },
        alt_afr: Override { label: "Proposed module AFR", unit: "%/yr", group: Advanced,
            min: 0.01, max: 100.0, step: 0.01,
            catalog: |s: &Scenario| side_main_tech(s, Side::Proposed).switch_end.afr_pct, estimate: true,
            help: "Failures per 100 proposed modules (CPO: ports) a year. By default the pluggable or CPO rate above, adjusted for the module's power; a host's product AFR replaces it.",
            source: "Computed from the AFR, activation energy and temperature inputs above." },
        algo: Choice { label: "Collective algorithm", unit: "", group: Advanced,
            options: ALGO_OPTIONS, default: "tree", estimate: false,
            help: "Latency-bound steps per all-reduce.",
            source: "doc/PERFORMANCE.md, NVIDIA/nccl-tests (A): ring 2(n-1) transfers." },
        group: Number { label: "Collective group size", unit: "GPUs", group: Advanced,
            min: 2.0, max: 1_000_000.0, step: 1.0, default: 4096.0, estimate: true,
            help: "Ranks in one scale-out collective (capped at the GPU count).",
            source: "Estimate: 32,768 GPUs with 8-way tensor parallelism inside each server leaves 4,096 data-parallel ranks." },
        coll: Number { label: "Collectives per step", unit: "", group: Advanced,
            min: 0.0, max: 10_000.0, step: 1.0, default: 100.0, estimate: true,
            help: "Latency-bound scale-out collectives per training step.",
            source: "Estimate." },
        step_s: Number { label: "Training step time", unit: "s", group: Advanced,
            min: 0.01, max: 600.0, step: 0.01, default: 2.0, estimate: true,
            help: "Wall-clock time of one training step.", source: "Estimate." },
        exposed: Number { label: "Exposed collective share", unit: "%", group: Advanced,
            min: 0.0, max: 100.0, step: 1.0, default: 10.0, estimate: true,
            help: "Share of collective latency not hidden behind compute; only this share lengthens the step.",
            source: "Estimate, kept low so that the step-time effect is not overstated." },
        // ---- Analysis (read by the sensitivity and uncertainty views only) ----
        focus: Choice { label: "Figure to analyse", unit: "", group: Analysis,
            options: FOCUS_OPTIONS, default: "npv_usd", estimate: false,
            help: "The headline figure that the tornado and the Monte Carlo run follow.",
            source: "Analysis setting." },
        swing: Number { label: "Tornado swing", unit: "± %", group: Analysis,
            min: 1.0, max: 50.0, step: 1.0, default: 10.0, estimate: false,
            help: "How far each main input moves, up and down, in % of its value, for the tornado chart.",
            source: "Analysis setting; ±10% is a common first look." },
        samples: Number { label: "Monte Carlo samples", unit: "samples", group: Analysis,
            min: 100.0, max: 50_000.0, step: 100.0, default: 10_000.0, estimate: false,
            help: "How many scenarios the uncertainty run draws; more is smoother and slower.",
            source: "Analysis setting: 10,000 draws place P10 and P90 within about ±0.6 percentile points of the true ones (95%: 1.96 x sqrt(0.1 x 0.9 / 10,000))." },
        seed: Number { label: "Random seed", unit: "", group: Analysis,
            min: 1.0, max: 999_999.0, step: 1.0, default: 1.0, estimate: false,
            help: "Starts the random draws: the same seed and inputs give the same result, so a shared link reproduces it.",
            source: "Analysis setting." },
    }
}

pub(crate) use rows::CATALOG_FNS;
pub use rows::{INPUT_COUNT, INPUTS, Scenario};
