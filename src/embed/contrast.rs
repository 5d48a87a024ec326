//! Whether a host's theme keeps the widget's text readable: the WCAG 2
//! contrast of each pair of colours the stylesheet sets text in, checked
//! when the config is read so the host hears of it in the console.

use super::config::default_colour;
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
    let colour = |field: &str| -> Option<(&str, bool)> {
        match chosen.iter().find(|(f, _)| *f == field) {
            Some((_, v)) => Some((v, true)),
            None => default_colour(field, dark).map(|d| (d, false)),
        }
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
    use crate::embed::config::THEME_COLOURS;

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
            let all: Vec<(&str, &str)> =
                THEME_COLOURS.iter().map(|c| (c.field, if dark { c.dark } else { c.light })).collect();
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
}
