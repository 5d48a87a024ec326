//! The host page's configuration of an embedded calculator: read from JSON
//! (a `data-config` attribute) or from a JS object (written as JSON by the
//! browser: [`super::bounds`]), checked field by field.
//!
//! Reading never fails: each field that is missing takes its default, and
//! each field that is wrong takes its default too, with one plain-text
//! problem per mistake (the widget logs them to the console, prefixed
//! `optics-calc:`), so a typo in a colour never costs the host its widget.
//!
//! ```json
//! {
//!   "theme": {"mode": "dark", "accent": "#0b5cad", "font": "Inter, sans-serif", "radius": 6},
//!   "locale": {"tag": "de-DE", "currency": "€"},
//!   "scenario": {"gpus": 8192, "alt": "lpo"},
//!   "sections": {"methodology": false},
//!   "charts": ["power", "cost"],
//!   "catalog": {"mode": "add", "skus": [{"sku": "LPO-800-DR8", "name": "800G LPO DR8", "tech": "lpo",
//!               "gbps": 800, "power_w": 8.5, "latency_ns": 5, "price_usd": 790, "afr_pct": 0.6,
//!               "url": "https://shop.example/p/lpo-800-dr8"}]},
//!   "cta": {"label": "Add to cart", "url": "https://shop.example/cart?sku={sku}&qty={qty}"},
//!   "share_url": "https://shop.example/tools/optics/",
//!   "url_sync": false,
//!   "layout": "auto"
//! }
//! ```

use serde_json::{Map, Value};

use super::bounds::parse_json;
use super::catalog::{HostCatalog, read_catalog};
use super::contrast::low_contrast;
use super::cta::{Cta, read_cta};
use crate::charts::{ChartTheme, parse_hex};
use crate::export::scenario_from_map;
use crate::format::NumberFormat;
use crate::model::Notice;
use crate::plain_text::strip_controls;
use crate::share::{Decoded, VERSION, decode};

/// Everything a host page can set; `Default` is the standalone calculator.
#[derive(Clone, Debug, PartialEq)]
pub struct HostConfig {
    pub theme: Theme,
    pub format: NumberFormat,
    /// The starting scenario and what reading it changed (None = defaults).
    pub scenario: Option<Decoded>,
    pub sections: Sections,
    pub charts: Vec<ChartKind>,
    pub catalog: HostCatalog,
    pub cta: Option<Cta>,
    /// Where "Copy link" points (None = the standalone page of this build).
    pub share_url: Option<String>,
    /// Keep the scenario in the host page's URL fragment (off unless asked).
    pub url_sync: bool,
    pub layout: Layout,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            theme: Theme::default(),
            format: NumberFormat::default(),
            scenario: None,
            sections: Sections::default(),
            charts: ChartKind::ALL.to_vec(),
            catalog: HostCatalog::default(),
            cta: None,
            share_url: None,
            url_sync: false,
            layout: Layout::Auto,
        }
    }
}

/// How a widget arranges itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// Compact below [`COMPACT_BELOW_PX`] of widget width, full above.
    #[default]
    Auto,
    /// Headline first, the first-touch inputs, every other group behind a disclosure.
    Compact,
    /// Every input open, beside the results where there is room.
    Full,
}

/// The widget width, px, below which `"auto"` is compact (style/main.css's
/// container queries use the same width).
pub const COMPACT_BELOW_PX: f64 = 700.0;

impl Layout {
    /// Whether a widget `width_px` wide is compact.
    pub fn is_compact(self, width_px: f64) -> bool {
        match self {
            Layout::Auto => width_px < COMPACT_BELOW_PX,
            Layout::Compact => true,
            Layout::Full => false,
        }
    }
}

/// Colours, font and corner radius, as CSS custom properties of the widget.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Theme {
    pub dark: bool,
    /// `(custom property, value)` pairs, each value checked by [`read_theme`].
    pub vars: Vec<(&'static str, String)>,
}

/// Parts of the page a host can leave out (all shown by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    pub title: bool,
    pub actions: bool,
    pub presets: bool,
    pub inputs: bool,
    pub charts: bool,
    pub insight: bool,
    pub comparison: bool,
    pub methodology: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Sections {
            title: true,
            actions: true,
            presets: true,
            inputs: true,
            charts: true,
            insight: true,
            comparison: true,
            methodology: true,
        }
    }
}

/// The charts of the results panel, by config name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Power,
    Cost,
    Latency,
    /// Where the NPV comes from (a waterfall).
    Npv,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [ChartKind::Power, ChartKind::Cost, ChartKind::Latency, ChartKind::Npv];

    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Power => "power",
            ChartKind::Cost => "cost",
            ChartKind::Latency => "latency",
            ChartKind::Npv => "npv",
        }
    }
}

/// Problems found while reading a config: plain text, one per mistake.
pub type Problems = Vec<String>;

/// Longest text taken from a config field (labels, fonts, SKU names).
pub(super) const MAX_TEXT_CHARS: usize = 120;

/// A config from JSON text (a `data-config` attribute, or a host's object
/// written as JSON). Text that is not a JSON object, or breaks a limit of
/// [`super::bounds`], gives the defaults and one problem.
pub fn read_json(text: &str) -> (HostConfig, Problems) {
    match parse_json(text) {
        Ok(value) => read(&value),
        Err(why) => refused(&why),
    }
}

/// The defaults, and why the host's config was not read.
pub fn refused(why: &str) -> (HostConfig, Problems) {
    (HostConfig::default(), vec![format!("the config {why}; using the defaults")])
}

/// A config from a JSON value (a parsed attribute, or a JS object).
pub fn read(value: &Value) -> (HostConfig, Problems) {
    let mut problems = Problems::new();
    let mut config = HostConfig::default();
    let root = match value {
        Value::Object(map) => map,
        Value::Null => return (config, problems),
        _ => {
            problems.push("the config is not an object; using the defaults".into());
            return (config, problems);
        }
    };
    const KNOWN: [&str; 11] = [
        "theme",
        "locale",
        "scenario",
        "sections",
        "charts",
        "catalog",
        "cta",
        "share_url",
        "url_sync",
        "layout",
        "$schema",
    ];
    for key in root.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        problems.push(format!("unknown config field '{}' ignored", short(key)));
    }
    let field = |name: &str| root.get(name).filter(|v| !v.is_null());
    if let Some(v) = field("theme") {
        config.theme = read_theme(v, &mut problems);
    }
    if let Some(v) = field("locale") {
        config.format = read_locale(v, &mut problems);
    }
    if let Some(v) = field("scenario") {
        config.scenario = read_scenario(v, &mut problems);
    }
    if let Some(v) = field("sections") {
        config.sections = read_sections(v, &mut problems);
    }
    if let Some(v) = field("charts") {
        config.charts = read_charts(v, &mut problems);
    }
    if let Some(v) = field("catalog") {
        config.catalog = read_catalog(v, &mut problems);
    }
    if let Some(v) = field("cta") {
        config.cta = read_cta(v, &mut problems);
    }
    if let Some(v) = field("share_url") {
        config.share_url = match v.as_str().filter(|u| is_web_url(u)) {
            Some(url) => Some(url.to_string()),
            None => {
                problems.push("share_url must be an http(s) URL; Copy link points to the standalone page".into());
                None
            }
        };
    }
    if let Some(v) = field("url_sync") {
        config.url_sync = v.as_bool().unwrap_or_else(|| {
            problems.push("url_sync must be true or false; the host URL is left alone".into());
            false
        });
    }
    if let Some(v) = field("layout") {
        config.layout = match v.as_str() {
            Some("auto") => Layout::Auto,
            Some("compact") => Layout::Compact,
            Some("full") => Layout::Full,
            _ => {
                problems.push("layout must be \"auto\", \"compact\" or \"full\"; using auto".into());
                Layout::Auto
            }
        };
    }
    (config, problems)
}

/// Whether `url` is an absolute http(s) URL (never `javascript:`, `data:`...).
pub(super) fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() <= 2048
        && !url.chars().any(|c| c.is_control() || c == ' ' || c == '"' || c == '<' || c == '>')
}

/// The start of a host's text, for a problem message (without control or
/// format characters, like any host text shown).
pub(super) fn short(text: &str) -> String {
    crate::model::validate::clip(&strip_controls(text))
}

/// A plain-text field: without control and format characters (bidi
/// overrides, zero-width characters: [`strip_controls`]), trimmed, at most
/// [`MAX_TEXT_CHARS`].
pub(super) fn text(value: &Value) -> Option<String> {
    let stripped = strip_controls(value.as_str()?);
    let t = stripped.trim();
    (!t.is_empty() && t.chars().count() <= MAX_TEXT_CHARS).then(|| t.to_string())
}

// ---- theme ---------------------------------------------------------------

/// A theme colour field: the custom property it sets and the stylesheet's
/// light and dark defaults (style/main.css; a test keeps them equal).
pub(super) struct ThemeColour {
    pub field: &'static str,
    pub property: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
}

const fn colour(field: &'static str, property: &'static str, light: &'static str, dark: &'static str) -> ThemeColour {
    ThemeColour { field, property, light, dark }
}

pub(super) const THEME_COLOURS: [ThemeColour; 9] = [
    colour("background", "--oc-bg", "#f6f7f9", "#14171c"),
    colour("surface", "--oc-surface", "#ffffff", "#1d2127"),
    colour("text", "--oc-text", "#1b1f24", "#e8eaed"),
    colour("muted", "--oc-muted", "#4f5863", "#a9b1bb"),
    colour("border", "--oc-border", "#d5dae0", "#3a414b"),
    colour("accent", "--oc-accent", "#0b5cad", "#6fb1ff"),
    colour("accent_text", "--oc-accent-text", "#ffffff", "#0b1320"),
    colour("baseline", "--oc-baseline", "#8a4b08", "#f0a458"),
    colour("proposed", "--oc-proposed", "#0b5cad", "#6fb1ff"),
];

/// The stylesheet's default of a theme colour field in the light or dark mode.
pub(super) fn default_colour(field: &str, dark: bool) -> Option<&'static str> {
    THEME_COLOURS.iter().find(|c| c.field == field).map(|c| if dark { c.dark } else { c.light })
}

fn read_theme(value: &Value, problems: &mut Problems) -> Theme {
    let mut theme = Theme::default();
    let Some(map) = value.as_object() else {
        problems.push("theme must be an object; using the default theme".into());
        return theme;
    };
    for key in map.keys() {
        if !["mode", "font", "radius"].contains(&key.as_str()) && !THEME_COLOURS.iter().any(|c| c.field == key) {
            problems.push(format!("unknown theme field '{}' ignored", short(key)));
        }
    }
    match map.get("mode").map(|m| m.as_str()) {
        None | Some(Some("light")) => {}
        Some(Some("dark")) => theme.dark = true,
        Some(_) => problems.push("theme.mode must be \"light\" or \"dark\"; using light".into()),
    }
    let mut chosen = Vec::new();
    for ThemeColour { field, property, .. } in THEME_COLOURS {
        let Some(v) = map.get(field) else { continue };
        match v.as_str().filter(|c| parse_hex(c).is_some()) {
            Some(colour) => {
                chosen.push((field, colour.trim()));
                theme.vars.push((property, colour.trim().to_string()));
            }
            None => problems.push(format!("theme.{field} must be a #rrggbb or #rgb colour; using the default")),
        }
    }
    problems.extend(low_contrast(theme.dark, &chosen));
    if let Some(v) = map.get("font") {
        match text(v).filter(|f| f.chars().all(|c| c.is_ascii_alphanumeric() || " ,-_'\"".contains(c))) {
            Some(font) => theme.vars.push(("--oc-font", font)),
            None => problems.push(
                "theme.font must be a CSS font-family list (ASCII letters, digits, spaces, commas, quotes); using the default".into(),
            ),
        }
    }
    if let Some(v) = map.get("radius") {
        match v.as_f64().filter(|r| (0.0..=32.0).contains(r)) {
            Some(px) => theme.vars.push(("--oc-radius", format!("{px}px"))),
            None => problems.push("theme.radius must be a number of pixels from 0 to 32; using the default".into()),
        }
    }
    theme
}

impl Theme {
    /// The chart colours for this theme: the page's series colours, and a
    /// light or dark text, grid and background.
    pub fn chart_theme(&self) -> ChartTheme {
        let mut chart = ChartTheme::default();
        let host_value = |property: &str| self.vars.iter().find(|(p, _)| *p == property).map(|(_, v)| v.as_str());
        for c in &THEME_COLOURS {
            // The host's colour, else the dark stylesheet's in the dark mode;
            // the light defaults are the chart theme's own.
            let Some(css) = host_value(c.property).or(self.dark.then_some(c.dark)) else { continue };
            let slot = match c.field {
                "text" => &mut chart.text,
                "border" => &mut chart.grid,
                "surface" => &mut chart.background,
                "baseline" => &mut chart.baseline,
                "proposed" => &mut chart.proposed,
                _ => continue,
            };
            if let Some(rgb) = parse_hex(css) {
                *slot = rgb;
            }
        }
        if let Some(font) = host_value("--oc-font") {
            chart.font_family = font.to_string();
        }
        chart
    }
}

// ---- locale --------------------------------------------------------------

/// Separators by language (and a few regions), for `locale.tag`: enough for
/// a vendor's storefronts; anything else is given as explicit separators.
fn separators(tag: &str) -> Option<(&'static str, &'static str, bool)> {
    let tag = tag.to_ascii_lowercase();
    let (lang, region) = tag.split_once(['-', '_']).unwrap_or((&tag, ""));
    // (thousands, decimal, currency after the number)
    Some(match (lang, region) {
        ("de", "ch") => ("’", ".", false),
        ("en" | "ja" | "zh" | "ko" | "he" | "th", _) => (",", ".", false),
        ("de" | "es" | "it" | "nl" | "pt" | "da" | "id" | "tr" | "el", _) => (".", ",", true),
        ("fr" | "sv" | "nb" | "no" | "fi" | "pl" | "cs" | "sk" | "ru" | "uk" | "hu", _) => ("\u{202f}", ",", true),
        _ => return None,
    })
}

fn read_locale(value: &Value, problems: &mut Problems) -> NumberFormat {
    let mut format = NumberFormat::default();
    // Borrowed, not cloned: a clone of a `Value` tree is code the wasm
    // needs nowhere else.
    let short_form;
    let map = match value {
        // "de-DE" is short for {"tag": "de-DE"}.
        Value::String(tag) => {
            let mut m = Map::new();
            m.insert("tag".into(), Value::String(tag.clone()));
            short_form = m;
            &short_form
        }
        Value::Object(m) => m,
        _ => {
            problems.push("locale must be a language tag or an object; using en-US".into());
            return format;
        }
    };
    for key in
        map.keys().filter(|k| !["tag", "thousands", "decimal", "currency", "currency_after"].contains(&k.as_str()))
    {
        problems.push(format!("unknown locale field '{}' ignored", short(key)));
    }
    if let Some(tag) = map.get("tag") {
        match tag.as_str().and_then(separators) {
            Some((thousands, decimal, after)) => {
                format.thousands_sep = thousands.into();
                format.decimal_sep = decimal.into();
                format.currency_after = after;
            }
            None => problems.push(format!(
                "locale '{}' is not one this calculator knows; give \"thousands\" and \"decimal\" separators instead (using en-US)",
                short(tag.as_str().unwrap_or("?"))
            )),
        }
    }
    let separator = |key: &str, problems: &mut Problems| -> Option<String> {
        let v = map.get(key)?;
        let ok = v
            .as_str()
            .map(strip_controls)
            .filter(|s| s.chars().count() <= 2 && !s.chars().any(|c| c.is_ascii_digit() || c == '-'));
        if ok.is_none() {
            problems.push(format!("locale.{key} must be one or two characters other than digits and '-'; ignored"));
        }
        ok
    };
    if let Some(t) = separator("thousands", problems) {
        format.thousands_sep = t;
    }
    if let Some(d) = separator("decimal", problems) {
        format.decimal_sep = d;
    }
    if format.decimal_sep.is_empty() || format.decimal_sep == format.thousands_sep {
        problems
            .push("locale: the decimal separator must differ from the thousands separator; using '.' and ','".into());
        format.decimal_sep = ".".into();
        format.thousands_sep = ",".into();
    }
    if let Some(c) = map.get("currency") {
        match c
            .as_str()
            .map(strip_controls)
            .filter(|s| !s.is_empty() && s.chars().count() <= 4 && !s.chars().any(|c| c.is_ascii_digit()))
        {
            Some(symbol) => format.currency_symbol = symbol,
            None => problems.push("locale.currency must be a symbol of 1 to 4 characters; using $".into()),
        }
    }
    if let Some(a) = map.get("currency_after") {
        match a.as_bool() {
            Some(after) => format.currency_after = after,
            None => problems.push("locale.currency_after must be true or false; ignored".into()),
        }
    }
    format
}

// ---- scenario, sections, charts --------------------------------------------

/// A scenario a host page gives as a query string. Unlike a link, it may
/// leave out `v=` (it is read as the current version, without a notice).
pub fn scenario_from_query(query: &str) -> Decoded {
    let query = query.trim_start_matches(['?', '#']);
    if query.split('&').any(|part| part == "v" || part.starts_with("v=")) {
        decode(query)
    } else {
        decode(&format!("v={VERSION}&{query}"))
    }
}

fn read_scenario(value: &Value, problems: &mut Problems) -> Option<Decoded> {
    let decoded = match value {
        Value::String(query) => scenario_from_query(query),
        Value::Object(map) => scenario_from_map(map),
        _ => {
            problems.push(
                "scenario must be a query string (\"gpus=8192&alt=lpo\") or an object of input keys; using the defaults".into(),
            );
            return None;
        }
    };
    problems.extend(decoded.notices.iter().map(|n: &Notice| format!("scenario.{}: {}", n.key, n.message)));
    Some(decoded)
}

fn read_sections(value: &Value, problems: &mut Problems) -> Sections {
    let mut sections = Sections::default();
    let Some(map) = value.as_object() else {
        problems.push("sections must be an object of true/false; showing every section".into());
        return sections;
    };
    for (key, v) in map {
        let slot = match key.as_str() {
            "title" => &mut sections.title,
            "actions" => &mut sections.actions,
            "presets" => &mut sections.presets,
            "inputs" => &mut sections.inputs,
            "charts" => &mut sections.charts,
            "insight" => &mut sections.insight,
            "comparison" => &mut sections.comparison,
            "methodology" => &mut sections.methodology,
            _ => {
                problems.push(format!("unknown section '{}' ignored", short(key)));
                continue;
            }
        };
        match v.as_bool() {
            Some(shown) => *slot = shown,
            None => problems.push(format!("sections.{key} must be true or false; shown")),
        }
    }
    sections
}

fn read_charts(value: &Value, problems: &mut Problems) -> Vec<ChartKind> {
    let Some(list) = value.as_array() else {
        problems.push("charts must be a list such as [\"power\", \"cost\", \"latency\", \"npv\"]; showing all".into());
        return ChartKind::ALL.to_vec();
    };
    let mut charts = Vec::new();
    for item in list {
        match ChartKind::ALL.into_iter().find(|k| Some(k.id()) == item.as_str()) {
            Some(kind) if !charts.contains(&kind) => charts.push(kind),
            Some(_) => {}
            // `to_string` writes the same compact JSON as `Value`'s Display,
            // without std's I/O error texts (README, "Wasm size").
            None => problems.push(format!(
                "unknown chart {} ignored (known: power, cost, latency, npv)",
                short(&serde_json::to_string(item).unwrap_or_default())
            )),
        }
    }
    charts
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_config_is_the_standalone_page() {
        let (config, problems) = read(&json!({}));
        assert!(problems.is_empty());
        assert_eq!(config.sections, Sections::default());
        assert_eq!(config.charts, ChartKind::ALL.to_vec());
        assert_eq!(config.format, NumberFormat::default());
        assert!(config.cta.is_none() && config.scenario.is_none() && !config.url_sync);
    }

    #[test]
    fn not_json_gives_defaults_and_says_so() {
        let (config, problems) = read_json("{theme: ");
        assert_eq!(config.charts, ChartKind::ALL.to_vec());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("not JSON"), "{problems:?}");
        let (_, problems) = read(&json!([1, 2]));
        assert!(problems[0].contains("not an object"));
        // Too deep to read safely: refused before it is parsed.
        let (config, problems) = read_json(&format!("{{\"scenario\": {}{}}}", "[".repeat(4_000), "]".repeat(4_000)));
        assert_eq!(config, HostConfig::default());
        assert_eq!(
            problems,
            vec!["the config is nested deeper than 32 levels of objects and arrays; using the defaults"]
        );
    }

    /// Each theme colour's defaults are the stylesheet's, read from its light
    /// and dark blocks.
    #[test]
    fn theme_colour_defaults_match_the_stylesheet() {
        let css = include_str!("../../style/main.css");
        let block = |selector: &str| {
            let start = css.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no {selector} block"));
            &css[start..start + css[start..].find('}').unwrap()]
        };
        let value = |block: &str, property: &str| {
            let name = format!("{property}: ");
            let at = block.find(&name).unwrap_or_else(|| panic!("no {property}")) + name.len();
            block[at..at + block[at..].find(';').unwrap()].to_string()
        };
        let (light, dark) = (block(".oc-root"), block(".oc-root.oc-dark"));
        for c in &THEME_COLOURS {
            assert_eq!(value(light, c.property), c.light, "light {}", c.field);
            assert_eq!(value(dark, c.property), c.dark, "dark {}", c.field);
        }
    }

    #[test]
    fn theme_takes_good_values_and_names_bad_ones() {
        let (config, problems) = read(&json!({"theme": {
            "mode": "dark", "accent": "#c00", "text": "red; background: url(x)", "font": "Inter, \"Helvetica Neue\", sans-serif",
            "radius": 4, "shadow": 1
        }}));
        assert!(config.theme.dark);
        assert!(config.theme.vars.contains(&("--oc-accent", "#c00".into())));
        assert!(config.theme.vars.contains(&("--oc-radius", "4px".into())));
        assert!(config.theme.vars.iter().any(|(p, v)| *p == "--oc-font" && v.starts_with("Inter")));
        assert!(!config.theme.vars.iter().any(|(p, _)| *p == "--oc-text"), "an unsafe colour is never set");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("theme.text")));
        assert!(problems.iter().any(|p| p.contains("'shadow'")));
        // #c00 is kept, but the host hears that it is hard to read on the dark panels.
        assert!(problems.iter().any(|p| p.starts_with("theme.accent #c00 on surface #1d2127 has a contrast of 2.7:1")));
        assert!(problems.iter().any(|p| p.starts_with("theme.accent_text #0b1320 on accent #c00")));
        // The charts follow the theme.
        let chart = config.theme.chart_theme();
        assert_eq!(chart.background, parse_hex("#1d2127").unwrap());
        assert_eq!(chart.font_family, "Inter, \"Helvetica Neue\", sans-serif");
    }

    #[test]
    fn font_cannot_escape_its_property() {
        let (config, problems) = read(&json!({"theme": {"font": "x; } body { display: none"}}));
        assert!(config.theme.vars.is_empty());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn locale_sets_separators_and_currency() {
        let (config, problems) = read(&json!({"locale": {"tag": "de-DE", "currency": "€"}}));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.format.money(3_540_000.0), "3,54M €");
        assert_eq!(config.format.count(147_456.0), "147.456");
        let (config, _) = read(&json!({"locale": "fr-FR"}));
        assert_eq!(config.format.count(147_456.0), "147\u{202f}456");
        let (config, problems) = read(&json!({"locale": {"tag": "xx-YY", "decimal": "1"}}));
        assert_eq!(config.format, NumberFormat::default());
        assert_eq!(problems.len(), 2, "{problems:?}");
        let (config, problems) = read(&json!({"locale": {"thousands": ".", "decimal": "."}}));
        assert_eq!(config.format, NumberFormat::default());
        assert_eq!(problems.len(), 1);
    }

    /// A bidi override in the currency would reverse every figure after it
    /// ("$1.80M/yr" read as "ry/M08.1$"); host texts lose such characters.
    #[test]
    fn host_texts_lose_bidi_and_other_control_characters() {
        let (config, problems) = read(&json!({
            "locale": {"currency": "\u{202e}$", "thousands": "\u{2066}.\u{2069}", "decimal": "\u{200f},"},
            "catalog": [{"sku": "LPO\u{202e}-800", "name": "\u{2067}800G LPO\u{200b} DR8\u{202c}", "tech": "lpo", "gbps": 800, "power_w": 8.5}],
            "cta": {"label": "\u{202d}Add\u{61c} to cart\u{0}", "url": "https://shop.example/cart?sku={sku}"},
            "colour\u{202e}": 1,
        }));
        assert_eq!(config.format.currency_symbol, "$");
        assert_eq!(config.format.money(1_800_000.0), "$1,80M");
        assert_eq!((config.format.thousands_sep.as_str(), config.format.decimal_sep.as_str()), (".", ","));
        let sku = &config.catalog.skus[0];
        assert_eq!((sku.sku.as_str(), sku.name.as_str()), ("LPO-800", "800G LPO DR8"));
        assert_eq!(config.cta.unwrap().label, "Add to cart");
        assert_eq!(problems, vec!["unknown config field 'colour' ignored".to_string()]);
        // Nothing left but invisible characters is no text at all.
        let (config, problems) = read(&json!({"locale": {"currency": "\u{202e}\u{200f}"}}));
        assert_eq!((config.format.currency_symbol.as_str(), problems.len()), ("$", 1));
    }

    #[test]
    fn scenario_as_query_or_object_goes_through_the_link_reader() {
        let (config, problems) = read(&json!({"scenario": "gpus=8192&alt=cpo"}));
        assert!(problems.is_empty(), "{problems:?}");
        let s = config.scenario.unwrap().scenario;
        assert_eq!((s.gpus, s.alt), (8192.0, "cpo"));
        let (config, problems) = read(&json!({"scenario": {"gpus": 2_000_000, "alt": "<b>"}}));
        let s = config.scenario.unwrap().scenario;
        assert_eq!(s.gpus, 1_000_000.0);
        assert_eq!(s.alt, "lpo");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.starts_with("scenario.")));
    }

    #[test]
    fn sections_and_charts() {
        let (config, problems) = read(
            &json!({"sections": {"methodology": false, "insight": "no", "footer": true}, "charts": ["cost", "pie", "cost"]}),
        );
        assert!(!config.sections.methodology);
        assert!(config.sections.insight, "a bad value keeps the section");
        assert_eq!(config.charts, vec![ChartKind::Cost]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        // An unknown chart is quoted as the host wrote it, as compact JSON.
        let (_, problems) = read(&json!({"charts": ["pie", 5, {"a": [1.5, null]}]}));
        let quoted: Vec<&str> =
            problems.iter().filter_map(|p| p.strip_suffix(" ignored (known: power, cost, latency, npv)")).collect();
        assert_eq!(quoted, ["unknown chart \"pie\"", "unknown chart 5", "unknown chart {\"a\":[1.5,null]}"]);
    }

    #[test]
    fn urls_must_be_web_urls() {
        assert!(is_web_url("https://shop.example/cart?sku={sku}"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("JAVASCRIPT://%0aalert(1)"));
        assert!(!is_web_url("data:text/html,<script>"));
        assert!(!is_web_url("https://x.example/\"><script>"));
        let (config, problems) = read(&json!({"share_url": "javascript:alert(1)", "url_sync": "yes"}));
        assert!(config.share_url.is_none() && !config.url_sync);
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn unknown_fields_are_named() {
        let (_, problems) = read(&json!({"colour": "red"}));
        assert_eq!(problems, vec!["unknown config field 'colour' ignored".to_string()]);
    }

    #[test]
    fn layout_is_auto_unless_asked_and_decides_by_width() {
        assert_eq!(read(&json!({})).0.layout, Layout::Auto);
        assert_eq!(read(&json!({"layout": "compact"})).0.layout, Layout::Compact);
        assert_eq!(read(&json!({"layout": "full"})).0.layout, Layout::Full);
        let (config, problems) = read(&json!({"layout": "narrow"}));
        assert_eq!(config.layout, Layout::Auto);
        assert_eq!(problems, vec!["layout must be \"auto\", \"compact\" or \"full\"; using auto".to_string()]);
        assert_eq!(read(&json!({"layout": 1})).1.len(), 1);
        // A 400 px product column is compact, a 1,280 px page full.
        assert!(Layout::Auto.is_compact(400.0) && !Layout::Auto.is_compact(1280.0));
        assert!(!Layout::Auto.is_compact(COMPACT_BELOW_PX));
        assert!(Layout::Compact.is_compact(1280.0) && !Layout::Full.is_compact(320.0));
    }
}
