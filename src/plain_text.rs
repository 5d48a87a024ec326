//! Text from a host page or a link, made fit to show: without the invisible
//! characters that change how the text around them reads.
//!
//! A bidi override in a host's currency symbol (`"\u{202E}$"`) would reverse
//! every figure printed after it (`$1.80M/yr` read as `ry/M08.1$`); a
//! zero-width or format character can make two product names look the same.
//! Every entry point for host and link text (the config reader, the SKU
//! catalog, the call to action, link notices) passes it through
//! [`strip_controls`] before anything is shown.

/// Unicode's format characters (general category Cf), as ranges: a short
/// table, where Unicode's full property tables would cost the wasm kilobytes.
const FORMAT_CHARS: [(char, char); 21] = [
    ('\u{AD}', '\u{AD}'),
    ('\u{600}', '\u{605}'),
    ('\u{61C}', '\u{61C}'),
    ('\u{6DD}', '\u{6DD}'),
    ('\u{70F}', '\u{70F}'),
    ('\u{890}', '\u{891}'),
    ('\u{8E2}', '\u{8E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

/// Whether `c` is a control (Cc) or format (Cf) character: bidi embeddings,
/// overrides, isolates and marks, zero-width characters, tags, line breaks.
pub fn is_control_or_format(c: char) -> bool {
    c.is_control() || FORMAT_CHARS.iter().any(|&(from, to)| (from..=to).contains(&c))
}

/// `text` without its control and format characters.
pub fn strip_controls(text: &str) -> String {
    text.chars().filter(|&c| !is_control_or_format(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_zero_width_and_control_characters_go_and_the_rest_stays() {
        assert_eq!(strip_controls("\u{202E}$"), "$");
        let bidi = ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}'];
        let marks = ['\u{2069}', '\u{200E}', '\u{200F}', '\u{61C}', '\u{200B}', '\u{FEFF}', '\u{E0041}', '\u{AD}'];
        for c in bidi.into_iter().chain(marks) {
            assert!(is_control_or_format(c), "U+{:04X}", c as u32);
            assert_eq!(strip_controls(&format!("800G{c} LPO")), "800G LPO", "U+{:04X}", c as u32);
        }
        assert_eq!(strip_controls("a\u{0}b\nc\td\u{7F}e\u{85}f"), "abcdef");
        // Letters, symbols and the spaces separators use are kept.
        for kept in ["€", "3,54M €", "147\u{202F}456", "Модуль 800G", "光模块", "CHF’", "اللغة"] {
            assert_eq!(strip_controls(kept), kept);
        }
    }
}
