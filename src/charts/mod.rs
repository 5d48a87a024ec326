//! Charts of a [`Report`], drawn with plotters.
//!
//! Pure functions: a report, a number format, a theme and the width of the
//! container in CSS pixels in; a [`Chart`] out (its [`Drawing`], the shapes
//! that the page paints on a canvas and writes as the SVG download, and the
//! same figures as a [`DataTable`], the chart's accessible alternative). No
//! browser APIs, so every chart is tested natively.
//!
//! The SVG scales with its container (`viewBox`, `width="100%"`); the
//! height and the font sizes are chosen from the width so that labels stay
//! at 11 px or more on a phone. Every text is escaped when the SVG is
//! written ([`svg`]).
//!
//! Layout never asks plotters to measure text (no captions, no plotters
//! legends, no right-hand axis labels): in wasm that measurement would add a
//! `<span>` to the page and force a reflow for every label. Widths are
//! estimated in [`layout`] instead, the same natively and in the browser.

mod bars;
mod cost;
mod distribution;
mod latency;
mod layout;
mod power;
mod record;
pub mod shapes;
mod spans;
mod svg;
mod tornado;
mod waterfall;

pub use cost::cumulative_cost;
pub use distribution::distribution_chart;
pub use latency::latency_breakdown;
pub use plotters::style::RGBColor;
pub use power::power_by_tier;
pub use tornado::tornado_chart;
pub use waterfall::npv_waterfall;

use crate::model::{Report, input_def};
use shapes::Drawing;

/// Colours and font of the charts (the host page may bring its own).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartTheme {
    pub baseline: RGBColor,
    pub proposed: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    pub background: RGBColor,
    /// Latency parts: switch hops, modules, FEC, fibre and cable.
    pub parts: [RGBColor; 4],
    /// CSS font-family list, e.g. `system-ui, sans-serif`.
    pub font_family: String,
    /// The host's name for the baseline side (e.g. its SKU); None = the
    /// catalog's technology label. Plain text: it is escaped when drawn.
    pub baseline_name: Option<String>,
    /// As `baseline_name`, for the proposed side.
    pub proposed_name: Option<String>,
}

impl Default for ChartTheme {
    /// The page's colours: baseline #8a4b08, proposed #0b5cad, text #1b1f24,
    /// grid #d5dae0 on white.
    fn default() -> Self {
        ChartTheme {
            baseline: RGBColor(0x8a, 0x4b, 0x08),
            proposed: RGBColor(0x0b, 0x5c, 0xad),
            text: RGBColor(0x1b, 0x1f, 0x24),
            grid: RGBColor(0xd5, 0xda, 0xe0),
            background: RGBColor(0xff, 0xff, 0xff),
            // Dark enough for white labels (contrast >= 4.5:1 on each).
            parts: [
                RGBColor(0x4b, 0x55, 0x63),
                RGBColor(0xa3, 0x24, 0x5e),
                RGBColor(0x1f, 0x7a, 0x4d),
                RGBColor(0x6a, 0x4c, 0x93),
            ],
            font_family: "system-ui, sans-serif".into(),
            baseline_name: None,
            proposed_name: None,
        }
    }
}

/// `#rrggbb` or `#rgb` (a host page's CSS colour) as an [`RGBColor`].
pub fn parse_hex(css: &str) -> Option<RGBColor> {
    let hex = css.trim().strip_prefix('#')?;
    if !hex.is_ascii() {
        return None;
    }
    let byte = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some(RGBColor(byte(&hex[0..2])?, byte(&hex[2..4])?, byte(&hex[4..6])?)),
        3 => {
            let d = |i: usize| byte(&hex[i..i + 1]).map(|v| v * 17);
            Some(RGBColor(d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

/// A chart's figures as a table: the accessible alternative of the chart.
/// Every cell is plain text (numbers already formatted), never HTML.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One drawn chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Stable id ("power-by-tier", "cumulative-cost", "latency-breakdown"),
    /// for element ids and export file names.
    pub id: &'static str,
    /// Heading for the page; also the drawing's title.
    pub title: String,
    /// What the canvas paints and [`Drawing::svg`] writes for download.
    pub drawing: Drawing,
    pub table: DataTable,
}

/// Which side of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Baseline,
    Proposed,
}

/// What a side is called: the host's name if the theme has one, else the
/// catalog label of its technology, else its id.
pub(crate) fn side_name(r: &Report, theme: &ChartTheme, side: Side) -> String {
    let (custom, key, tech) = match side {
        Side::Baseline => (&theme.baseline_name, "base", r.baseline.tech),
        Side::Proposed => (&theme.proposed_name, "alt", r.proposed.tech),
    };
    if let Some(name) = custom.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        return name.to_string();
    }
    input_def(key).and_then(|d| d.option_label(tech)).unwrap_or(tech).to_string()
}

/// A finite number: NaN and infinities become 0, so nothing downstream
/// (plotters' axis code asserts on NaN) ever sees one.
pub(crate) fn finite(v: f64) -> f64 {
    if v.is_finite() { v } else { 0.0 }
}
