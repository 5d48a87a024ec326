//! The pure engine: `Scenario` in, `Report` out.
//!
//! No UI, browser, I/O, clock or OS randomness here: plain `f64`, structs and
//! serde, so it runs the same natively (tests, benches) and in wasm.

pub mod catalog;
pub mod evaluate;
pub mod fabric;
pub mod finance;
pub mod headroom;
pub mod inputs;
pub mod latency;
// Prose only, for native builds: the wasm reads it from the texts file (crate::texts).
#[cfg(not(target_arch = "wasm32"))]
pub mod methodology;
pub mod optics;
pub mod power;
pub mod regions;
pub mod reliability;
pub mod report;
pub mod scenario;
pub mod sensitivity;
pub mod sort;
pub mod uncertainty;
pub mod validate;

pub use evaluate::evaluate;
pub use inputs::{ChoiceOption, Group, INPUTS, InputDef, InputKind, input_def};
pub use report::{HEADLINE_KEYS, Metric, Report};
pub use scenario::Scenario;
pub use validate::Notice;
