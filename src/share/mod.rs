//! Share links: a `Scenario` as a query string and back.
//!
//! A link holds `v=3` (the format version) and then every input that differs
//! from its default, under the input's key, in [`INPUTS`] order. An Override
//! input (a catalog value the user replaced) appears only while overridden;
//! numbers are written in Rust's shortest round-trip form, choices by id.
//! Opening the link with [`decode`] rebuilds the same scenario, so the same
//! report.
//!
//! ```text
//! v=3&gpus=65536&gbps=1600&alt=cpo&alt_w=9.5&region=ercot&usd_kwh=0.066&kg_kwh=0.336
//! ```
//!
//! # Versions
//! A published link keeps its meaning: defaults and catalog values are
//! versioned with the format, so a link that leaves an input out means that
//! input's default *in its own format*. Decoding matches on the version and
//! migrates older links; `tests/link_versions.rs` holds every format's
//! defaults and catalog as frozen tables, so changing one without a new
//! format fails the build.
//!
//! | `v` | Builds | Change |
//! |---|---|---|
//! | 1 | until issue 23 | First format. |
//! | 2 | issue 23 to issue 32 | `twin` (`off`/`on`) replaced by `sw_ports` (`1`/`2`, now also `4`); new `planes`, `nic_ports`, `base1`..`base3`, `alt1`..`alt3`, whose defaults give format 1's fabric. No default or catalog value changed. A `v=1` link is read with `twin=on` as `sw_ports=2` and gives the report it gave before. |
//! | 3 | issue 32 on | New `cabling` (`even`/`fluid`), default `even`: switches above the leaf give every switch below equal links to each switch above (NVIDIA's 2,304-GPU B300 XDR fabric: 18 spines, not 16); new `oversub_top` (oversubscription above the spines), default 1 as before. A `v=1` or `v=2` link (or one without `v`) is read with `cabling=fluid` unless it gives `cabling`, and gives the report it gave before. |
//!
//! A link from a newer build is read as far as this build understands it,
//! with a notice; a link without `v` is read as version 1 (with a notice), the
//! only format there was when such links were written by hand.
//!
//! # Bad links
//! Decoding never fails and never panics. Whatever the link holds, the result
//! is a scenario the model accepts, plus one [`Notice`] per thing not taken as
//! given, naming the key: unknown keys (ignored; the first 8 listed, the rest
//! counted), repeated keys (the last value is used, and the notice says which),
//! values that are empty, not numbers, NaN or infinite (the input keeps its
//! default), out of range or off-step (clamped or rounded by the model), longer
//! than 64 characters (ignored unread), unknown option ids (the default is
//! kept), and a missing, unreadable or newer `v`. Percent-escapes and `+` are
//! decoded as in HTML forms; malformed escapes are kept as written and invalid
//! UTF-8 becomes U+FFFD. A leading `?` or `#` is accepted. Notices are short
//! plain text and repeat at most 24 characters of anything taken from the link,
//! with markup and control characters replaced by `?`.
//!
//! Choices are applied before numbers: choosing a `region` sets `usd_kwh` and
//! `kg_kwh` from its preset, and explicit `usd_kwh` / `kg_kwh` values then win
//! (the region becomes `custom` if they differ from the preset). Finally the
//! model's cross-field checks run, as `evaluate` would run them, each with a
//! notice: planes that do not divide the ports per GPU (the most planes, not
//! more than asked, that do), breakout modules faster than the catalog's
//! 3.2T (the most ports per module that fit), forced tiers too few for
//! one plane's ports (raised), and an oversubscription (`oversub`,
//! `oversub_top`) that would leave a switch no uplink (set to radix - 1).
//!
//! # The product
//! A widget whose proposal is one of its host's products adds `sku=` with
//! that product's part number, after the inputs: two of a host's SKUs may
//! have the same figures (one module under two part numbers), and the link
//! then says which one was chosen. It selects nothing else: the figures are
//! in the inputs, and where no host product has that part number (the
//! standalone page) the key is passed over without a notice.
//!
//! # Keys
//! Stable: a key, once published, keeps its meaning and unit within a version.
//! "catalog" means the value of the chosen technology at the chosen port
//! speed; "step" means the value is rounded to a multiple of it.
//!
//! | Key | Input | Unit | Values | Default |
//! |---|---|---|---|---|
//! | `v` | Link format version | | `3` (`1`, `2` read and migrated) | |
//! | `gpus` | GPUs | GPUs | 1 to 1000000, step 1 | 32768 |
//! | `gbps` | Scale-out port speed | Gb/s | `400`, `800`, `1600`, `3200` | `800` |
//! | `ports` | Scale-out ports per GPU | ports | 1 to 8, step 1 | 1 |
//! | `planes` | Fabric planes | planes | `1`, `2`, `4`, `8` | `1` |
//! | `radix` | Switch radix | ports | 4 to 1024, step 2 | 64 |
//! | `tiers` | Switch tiers |  | `auto`, `2`, `3` | `auto` |
//! | `oversub` | Leaf oversubscription | :1 | 1 to 8 | 1 |
//! | `oversub_top` | Oversubscription above the spines | :1 | 1 to 32 | 1 |
//! | `cabling` | Switches above the leaf |  | `even`, `fluid` | `even` |
//! | `fe` | Front-end ports per server | ports/8 GPUs | 0 to 8, step 1 | 0 |
//! | `srv_w` | Server power per GPU | W | 100 to 5000, step 1 | 1788 |
//! | `base` | Baseline technology |  | `dsp`, `lro`, `lpo`, `siph`, `cpo` | `dsp` |
//! | `alt` | Proposed technology |  | `dsp`, `lro`, `lpo`, `siph`, `cpo` | `lpo` |
//! | `base_w` | Baseline module power | W | 0.1 to 60 | catalog |
//! | `alt_w` | Proposed module power | W | 0.1 to 60 | catalog |
//! | `base_ns` | Baseline latency per module | ns | 0 to 300, step 1 | catalog |
//! | `alt_ns` | Proposed latency per module | ns | 0 to 300, step 1 | catalog |
//! | `base_usd` | Baseline module price | USD | 1 to 20000, step 1 | catalog |
//! | `alt_usd` | Proposed module price | USD | 1 to 20000, step 1 | catalog |
//! | `base1` | Baseline, GPU to leaf |  | `same`, `dsp`, `lro`, `lpo`, `siph`, `cpo` | `same` |
//! | `base2` | Baseline, leaf to spine |  | `same`, `dsp`, `lro`, `lpo`, `siph`, `cpo` | `same` |
//! | `base3` | Baseline, upper tiers |  | `same`, `dsp`, `lro`, `lpo`, `siph`, `cpo` | `same` |
//! | `alt1` | Proposed, GPU to leaf |  | `same`, `dsp`, `lro`, `lpo`, `siph`, `cpo` | `same` |
//! | `alt2` | Proposed, leaf to spine |  | `same`, `dsp`, `lro`, `lpo`, `siph`, `cpo` | `same` |
//! | `alt3` | Proposed, upper tiers |  | `same`, `dsp`, `lro`, `lpo`, `siph`, `cpo` | `same` |
//! | `nic_ports` | NIC ports per module | ports | `1`, `2` | `1` |
//! | `sw_ports` | Switch ports per module | ports | `1`, `2`, `4` | `1` |
//! | `m1` | GPU-to-leaf media |  | `optical`, `dac`, `aec` | `optical` |
//! | `m2` | Leaf-to-spine media |  | `optical`, `dac`, `aec` | `optical` |
//! | `m3` | Upper-tier media |  | `optical`, `dac`, `aec` | `optical` |
//! | `host_w` | Extra host SerDes power per linear port | W | 0 to 5 | 0 |
//! | `region` | Region |  | `nova`, `ercot`, `svalley`, `us`, `custom` | `nova` |
//! | `usd_kwh` | Electricity price | USD/kWh | 0.01 to 0.5 | 0.0892 |
//! | `kg_kwh` | Grid carbon intensity | kg CO2e/kWh | 0 to 1.2 | 0.269 |
//! | `pue` | PUE |  | 1 to 3 | 1.56 |
//! | `years` | Horizon | years | 1 to 10, step 1 | 5 |
//! | `rate` | Discount rate | %/yr | 0 to 30 | 8 |
//! | `build` | Purchase case |  | `new`, `retrofit` | `new` |
//! | `spares` | Spares | % | 0 to 50 | 5 |
//! | `install` | Installation per module | USD | 0 to 1000, step 1 | 25 |
//! | `swap_usd` | Labour per failed module | USD | 0 to 5000, step 1 | 150 |
//! | `gpu_h_usd` | Value of a GPU-hour | USD/GPU-h | 0 to 20 | 2 |
//! | `restart_min` | Lost time per interruption | min | 0 to 600, step 1 | 15 |
//! | `blast` | GPUs interrupted per failure | % of GPUs | 0 to 100, step 1 | 40 |
//! | `sw_w` | Switch power per 51.2 Tb/s | W | 100 to 3000, step 10 | 800 |
//! | `sw_ns` | Switch latency | ns | 50 to 2000, step 10 | 600 |
//! | `fec_ns` | FEC latency per link | ns | 0 to 500, step 5 | 100 |
//! | `m_leaf` | GPU-to-leaf link length | m | 0.5 to 500 | 10 |
//! | `m_up` | Upper-tier link length | m | 1 to 2000, step 1 | 100 |
//! | `afr` | Pluggable annual failure rate | %/yr | 0.05 to 5 | 1 |
//! | `afr_cpo` | CPO annual failure rate | %/yr | 0.05 to 5 | 0.35 |
//! | `ea_ev` | Activation energy | eV | 0 to 1.5 | 0.7 |
//! | `k_per_w` | Module temperature rise | K/W | 0 to 5 | 1 |
//! | `case_c` | Reference case temperature | degC | 25 to 85, step 1 | 70 |
//! | `base_afr` | Baseline module AFR | %/yr | 0.01 to 100 | catalog |
//! | `alt_afr` | Proposed module AFR | %/yr | 0.01 to 100 | catalog |
//! | `algo` | Collective algorithm |  | `tree`, `ring` | `tree` |
//! | `group` | Collective group size | GPUs | 2 to 1000000, step 1 | 4096 |
//! | `coll` | Collectives per step |  | 0 to 10000, step 1 | 100 |
//! | `step_s` | Training step time | s | 0.01 to 600 | 2 |
//! | `exposed` | Exposed collective share | % | 0 to 100, step 1 | 10 |
//! | `focus` | Figure to analyse |  | `npv_usd`, `cost_saved_usd_per_year`, `power_saved_w`, `facility_power_saved_w`, `co2_saved_t_per_year`, `extra_gpus`, `failures_avoided_per_year` | `npv_usd` |
//! | `swing` | Tornado swing | ± % | 1 to 50, step 1 | 10 |
//! | `samples` | Monte Carlo samples | samples | 100 to 50000, step 100 | 10000 |
//! | `seed` | Random seed |  | 1 to 999999, step 1 | 1 |
//!
//! [`INPUTS`]: crate::model::INPUTS

mod apply;
mod decode;
mod describe;
mod echo;
mod encode;
mod percent;
mod v1;
mod v2;
mod version;

pub use decode::decode;
pub(crate) use decode::product_name;
pub use describe::describe;
pub use encode::{encode, encode_with_product};

pub(crate) use apply::{Given, build, report_unknown};
pub(crate) use percent::encode_into as percent_encode;
pub(crate) use v1::renamed as renamed_key;
pub(crate) use v2::restore as restore_format_2;

use crate::model::{Notice, Scenario};

/// The link format this build writes.
pub const VERSION: u32 = 3;

/// The key of the host product a widget's link names (see "The product").
pub const PRODUCT_KEY: &str = "sku";

/// A scenario read from a link or an export, and what was changed or ignored
/// on the way (shown to the user; empty when everything was taken as given).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    pub notices: Vec<Notice>,
    /// The host product the link names ([`PRODUCT_KEY`]), if any: at most
    /// 64 characters, without control or format characters.
    pub product: Option<String>,
    /// The keys of the inputs a link gives whose values differ from the
    /// defaults, in [`INPUTS`] order (empty for a file or a host's object):
    /// what the link sets, for [`describe`].
    ///
    /// [`INPUTS`]: crate::model::INPUTS
    pub set: Vec<&'static str>,
}

#[cfg(test)]
mod key_table;
