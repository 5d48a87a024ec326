//! Decimal text to a number, for what people type and what links carry.
//!
//! [`parse_decimal`] accepts exactly what Rust's `f64::from_str` accepts and
//! gives the same value: an optional sign, then digits with an optional point
//! and exponent (`12`, `1.`, `.5`, `-2.5e-3`), or `inf`, `infinity` or `nan`
//! in any case. Whitespace is the caller's to trim.
//!
//! Why not `from_str` itself in the browser: its correctly rounded algorithm
//! carries a 10 KB table of powers of five that barely compresses. In the
//! browser the text is checked here and converted by the engine's own
//! `parseFloat`, which every engine rounds correctly too (the same IEEE 754
//! double as `from_str`, as the component tests check); natively it is
//! `from_str`.

/// The value of `text`, or `None` where `f64::from_str` would refuse it.
pub fn parse_decimal(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        if let Some(value) = special(unsigned) {
            return Some(if text.starts_with('-') { -value } else { value });
        }
        is_decimal(unsigned).then(|| js_sys::Number::parse_float(text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// `inf`, `infinity` or `nan` in any case, unsigned.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn special(unsigned: &str) -> Option<f64> {
    match unsigned.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    }
}

/// Digits with an optional point (at least one digit in all), then an
/// optional exponent: `e` or `E`, an optional sign, at least one digit.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn is_decimal(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar the browser path checks is `from_str`'s: every text either
    /// both accept or both refuse.
    #[test]
    fn the_grammar_is_from_strs() {
        let texts = [
            "0",
            "12",
            "1.",
            ".5",
            "1.5",
            "-2.5e-3",
            "+7",
            "1e5",
            "1E+5",
            "1e",
            "e5",
            ".",
            "",
            "-",
            "+",
            "1..2",
            "1.2.3",
            "1e5.5",
            "0x10",
            "1_000",
            " 1",
            "1 ",
            "١",
            "1e+",
            "--1",
            "+-1",
            ".e1",
            "5.e2",
            "00012",
            "1e0400",
            "inf",
            "-Infinity",
            "NaN",
            "+nan",
            "infin",
            "in",
            "nan1",
        ];
        for text in texts {
            let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
            let accepted = is_decimal(unsigned) || special(unsigned).is_some();
            assert_eq!(accepted, text.parse::<f64>().is_ok(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_judged_as_from_str_judges_it(text in "[-+]?[0-9.eE+-]{0,8}") {
            let unsigned = text.strip_prefix(['+', '-']).unwrap_or(&text);
            proptest::prop_assert_eq!(is_decimal(unsigned), text.parse::<f64>().is_ok(), "{:?}", text);
        }
    }
}
