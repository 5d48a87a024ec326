//! Optical interconnect power, latency, reliability and TCO calculator.
//!
//! `model` is the pure engine; `ui` is the Leptos front end (wasm only).
pub mod format;
pub mod model;
pub mod presets;

#[cfg(target_arch = "wasm32")]
pub mod ui;
