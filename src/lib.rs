//! Optical interconnect power, latency, reliability and TCO calculator.
//!
//! `model` is the pure engine; `share` (links), `export` (CSV, JSON),
//! `charts` (plotters SVG), `format`, `plain_text` and `presets` are pure helpers
//! around it; `json` reads JSON text (in wasm, with the browser's parser);
//! `texts` is the prose the wasm fetches rather than carries;
//! `embed` reads a host page's config and (in wasm) mounts widgets into it;
//! `ui` is the Leptos front end (wasm only).
pub mod charts;
pub mod decimal;
pub mod embed;
pub mod export;
pub mod format;
pub mod json;
pub mod model;
pub mod plain_text;
pub mod presets;
pub mod share;
pub mod texts;

#[cfg(target_arch = "wasm32")]
pub mod ui;
