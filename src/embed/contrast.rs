//! Whether a host's theme keeps the widget's text readable: the WCAG 2
//! contrast of each pair of colours the stylesheet sets text in, checked
//! when the config is read so the host hears of it in the console.

use crate::charts::{RGBColor, parse_hex};

/// WCAG 2 level AA's minimum contrast for normal-size text.
pub const AA_TEXT_RATIO: f64 = 4.5;

/// (text colour, the background it is set on), as theme fields: body text on
/// the page and on panels, secondary text, links and outlined buttons, and
/// the label of a filled button.
const TEXT_PAIRS: [(&str, &str); 5] = [
    ("text", "background"),
    ("text", "surface"),
    ("muted", "surface"),
    ("accent", "surface"),
    ("accent_text", "accent"),
];

/// The stylesheet's defaults of those fields (style/main.css, `.oc-root`
/// and `.oc-root.oc-dark`; a test keeps them equal).
const LIGHT: [(&str, &str); 5] = [
    ("background", "#f6f7f9"),
    ("surface", "#ffffff"),
    ("text", "#1b1f24"),
    ("muted", "#4f5863"),
    ("accent", "#0b5cad"),
];
const DARK: [(&str, &str); 5] = [
    ("background", "#14171c"),
    ("surface", "#1d2127"),
    ("text", "#e8eaed"),
    ("muted", "#a9b1bb"),
    ("accent", "#6fb1ff"),
];
const ACCENT_TEXT: [&str; 2] = ["#ffffff", "#0b1320"];

/// WCAG 2 relative luminance of an sRGB colour: 0 for black, 1 for white.
pub fn luminance(c: RGBColor) -> f64 {
    // x^2.4 as exp(2.4 ln x): `powf` would link libm's pow into the wasm
    // (0.5 KB gzipped more); `exp` is linked already.
    let linear = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 { s / 12.92 } else { (2.4 * ((s + 0.055) / 1.055).ln()).exp() }
    };
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG 2 contrast ratio of two colours: (lighter + 0.05) / (darker + 0.05),
/// from 1 (the same) to 21 (black on white).
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// One warning for each text pair the host changed (either colour) whose
/// contrast is below [`AA_TEXT_RATIO`]. `chosen` gives the theme fields the
/// host set, as valid `#rgb`/`#rrggbb` colours; the rest are the defaults.
pub fn low_contrast(dark: bool, chosen: &[(&str, &str)]) -> Vec<String> {
    let defaults = if dark { DARK } else { LIGHT };
    let colour = |field: &str| -> Option<(&str, bool)> {
        if let Some((_, v)) = chosen.iter().find(|(f, _)| *f == field) {
            return Some((v, true));
        }
        let default = match field {
            "accent_text" => ACCENT_TEXT[usize::from(dark)],
            _ => defaults.iter().find(|(f, _)| *f == field)?.1,
        };
        Some((default, false))
    };
    let mut out = Vec::new();
    for (fg, bg) in TEXT_PAIRS {
        let (Some((fg_css, fg_set)), Some((bg_css, bg_set))) = (colour(fg), colour(bg)) else { continue };
        let (Some(fg_rgb), Some(bg_rgb)) = (parse_hex(fg_css), parse_hex(bg_css)) else { continue };
        let ratio = contrast_ratio(fg_rgb, bg_rgb);
        if (fg_set || bg_set) && ratio < AA_TEXT_RATIO {
            out.push(format!(
                "theme.{fg} {fg_css} on {bg} {bg_css} has a contrast of {ratio:.1}:1, below the {AA_TEXT_RATIO}:1 \
                 WCAG AA asks of text; kept as given"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(css: &str) -> RGBColor {
        parse_hex(css).unwrap()
    }

    #[test]
    fn ratios_match_published_values() {
        assert!((contrast_ratio(rgb("#000"), rgb("#fff")) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(rgb("#777"), rgb("#777")) - 1.0).abs() < 1e-9);
        // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
        assert!((contrast_ratio(rgb("#767676"), rgb("#fff")) - 4.54).abs() < 0.005);
        // The stylesheet's notes: the accent is 6.6:1 on white, muted 7.2:1.
        assert!((contrast_ratio(rgb("#0b5cad"), rgb("#fff")) - 6.67).abs() < 0.005);
        assert!((contrast_ratio(rgb("#4f5863"), rgb("#fff")) - 7.22).abs() < 0.005);
    }

    #[test]
    fn the_default_themes_pass_and_raise_nothing() {
        for dark in [false, true] {
            assert_eq!(low_contrast(dark, &[]), Vec::<String>::new());
            let all: Vec<(&str, &str)> = if dark { DARK.to_vec() } else { LIGHT.to_vec() };
            assert_eq!(low_contrast(dark, &all), Vec::<String>::new(), "dark: {dark}");
        }
    }

    #[test]
    fn a_pale_accent_is_reported_for_links_and_button_labels() {
        let warnings = low_contrast(false, &[("accent", "#ddd")]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("theme.accent #ddd on surface #ffffff has a contrast of 1.4:1"));
        assert!(warnings[1].starts_with("theme.accent_text #ffffff on accent #ddd"));
        // A dark label on it fixes the buttons; the links stay pale.
        assert_eq!(low_contrast(false, &[("accent", "#ddd"), ("accent_text", "#000")]).len(), 1);
    }

    /// The defaults here are the stylesheet's, read from its light and dark blocks.
    #[test]
    fn defaults_match_the_stylesheet() {
        let css = include_str!("../../style/main.css");
        let block = |selector: &str| {
            let start = css.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no {selector} block"));
            &css[start..start + css[start..].find('}').unwrap()]
        };
        let value = |block: &str, field: &str| {
            let name = if field == "background" { "bg".to_string() } else { field.replace('_', "-") };
            let property = format!("--oc-{name}: ");
            let at = block.find(&property).unwrap_or_else(|| panic!("no {property}")) + property.len();
            block[at..at + block[at..].find(';').unwrap()].to_string()
        };
        for (selector, defaults, accent_text) in
            [(".oc-root", LIGHT, ACCENT_TEXT[0]), (".oc-root.oc-dark", DARK, ACCENT_TEXT[1])]
        {
            let b = block(selector);
            for (field, css_value) in defaults {
                assert_eq!(value(b, field), css_value, "{selector} {field}");
            }
            assert_eq!(value(b, "accent_text"), accent_text, "{selector} accent_text");
        }
    }
}
