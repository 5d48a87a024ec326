//! Limits on every value a host page or a parent frame hands the calculator
//! (the mount config, `set_scenario`, `data-config`, the custom element's
//! `config` attribute, the iframe's `set-scenario` message), checked before
//! the value is read.
//!
//! Why: reading a JS value recurses once per level of nesting, and about
//! 3,900 levels overflowed the wasm stack; a trap there poisons the one
//! instance every widget on the page shares. So a value is first written as
//! JSON by the browser (`JSON.stringify`, which refuses cycles and stops
//! itself on its own stack limit, inside a catch), its length is measured
//! before its text is copied into the wasm, and its nesting is measured by a
//! loop over the text, never by recursion. Only a value within both limits
//! is parsed ([`crate::json`], whose own limit of 127 levels lies above
//! [`MAX_DEPTH`]). A refused value leaves the widget as it was, with one
//! console line that says which limit it broke.

/// Deepest nesting of objects and arrays taken; a config needs four levels
/// (`catalog.skus[i].field`).
pub const MAX_DEPTH: usize = 32;

/// Largest value taken, as bytes of JSON (1 MiB): 200 SKUs, the most a
/// catalog holds, take about 50 KB.
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// Checks JSON text against both limits: its length in bytes, and the
/// nesting of its objects and arrays, counted in one pass that skips
/// brackets inside strings. The text need not be valid JSON (the parser
/// says what else is wrong); the error names the limit, in words that follow
/// the value's name ("the config is nested deeper than 32 levels ...").
pub fn check_json(text: &str) -> Result<(), String> {
    if text.len() > MAX_JSON_BYTES {
        return Err(too_large());
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep());
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn too_large() -> String {
    format!("is more than {} KB of JSON, the limit", MAX_JSON_BYTES / 1024)
}

fn too_deep() -> String {
    format!("is nested deeper than {MAX_DEPTH} levels of objects and arrays")
}

/// JSON text within both limits, parsed; or why not.
pub fn parse_json(text: &str) -> Result<serde_json::Value, String> {
    check_json(text)?;
    crate::json::parse(text).map_err(|e| format!("is not JSON ({e})"))
}

/// A host's JS value as text, within the size limit: a string as it is (a
/// `data-config` attribute's JSON, or a query string), anything else written
/// as JSON by the browser; None for `undefined` and `null`. The nesting is
/// [`parse_json`]'s to check, where the text is read as JSON.
#[cfg(target_arch = "wasm32")]
pub fn host_text(value: &wasm_bindgen::JsValue) -> Result<Option<String>, String> {
    use wasm_bindgen::JsCast;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let text: js_sys::JsString = match value.dyn_ref::<js_sys::JsString>() {
        Some(text) => text.clone(),
        None => match js_sys::JSON::stringify(value) {
            Ok(text) if text.is_string() => text,
            // A function or a symbol: JSON.stringify gives undefined.
            Ok(_) => return Err("is not plain data (an object, a list, a string or a number)".into()),
            Err(_) => {
                return Err(
                    "cannot be written as JSON (it refers to itself, holds a BigInt, or is nested too deeply for the browser)"
                        .into(),
                );
            }
        },
    };
    // UTF-8 takes at least one byte per UTF-16 unit: measured before the
    // text is copied into the wasm's memory, which never shrinks.
    if text.length() as usize > MAX_JSON_BYTES {
        return Err(too_large());
    }
    Ok(Some(String::from(text)))
}

/// A host's JS value read as JSON within both limits (`undefined` and `null`
/// are `Value::Null`); or why not.
#[cfg(target_arch = "wasm32")]
pub fn host_json(value: &wasm_bindgen::JsValue) -> Result<serde_json::Value, String> {
    host_text(value)?.map_or(Ok(serde_json::Value::Null), |text| parse_json(&text))
}

/// A scenario a host hands over (`set_scenario()`, the iframe's
/// set-scenario message), read within the limits: a query string read like
/// a link, or an object of input keys. `Ok(None)`: neither.
#[cfg(target_arch = "wasm32")]
pub fn host_scenario(value: &wasm_bindgen::JsValue) -> Result<Option<crate::share::Decoded>, String> {
    Ok(match host_text(value)? {
        Some(query) if value.is_string() => Some(super::config::scenario_from_query(&query)),
        Some(json) => match parse_json(&json)? {
            serde_json::Value::Object(map) => Some(crate::export::scenario_from_map(&map)),
            _ => None,
        },
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, levels: usize) -> String {
        format!("{}1{}", open.repeat(levels), close.repeat(levels))
    }

    #[test]
    fn a_value_within_the_limits_passes() {
        assert_eq!(check_json(r#"{"catalog": {"skus": [{"sku": "A", "power_w": 8.5}]}}"#), Ok(()));
        assert_eq!(check_json(&nested("[", "]", MAX_DEPTH)), Ok(()));
        assert_eq!(check_json(&nested("{\"a\":", "}", MAX_DEPTH)), Ok(()));
        let big = format!("\"{}\"", "x".repeat(MAX_JSON_BYTES - 2));
        assert_eq!((big.len(), check_json(&big)), (MAX_JSON_BYTES, Ok(())));
    }

    /// The values that overflowed the wasm stack: about 4,000 levels of
    /// objects or of arrays. Refused by a loop, whatever the depth.
    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        for levels in [MAX_DEPTH + 1, 4_000, 100_000] {
            for (open, close) in [("[", "]"), ("{\"deep\":", "}"), ("[{\"o\":", "}]")] {
                let text = nested(open, close, levels);
                let why = check_json(&text).unwrap_err();
                assert!(why.contains("nested deeper than 32 levels"), "{levels} x {open}: {why}");
            }
        }
        // Unclosed: the depth is what counts.
        assert!(check_json(&"[".repeat(MAX_DEPTH + 1)).is_err());
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let deep_text = format!(r#"{{"name": "{}", "q": "\"[{{\\\\", "x": [1]}}"#, "[{".repeat(5_000));
        assert_eq!(check_json(&deep_text), Ok(()));
        // An escaped quote does not end the string; an escaped backslash does not escape the quote.
        assert_eq!(check_json(&format!(r#"["\"{}"]"#, "[".repeat(100))), Ok(()));
        let after_backslash = format!(r#"["\\", {}1{}]"#, "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(check_json(&after_backslash).is_err(), "the string ended at the quote after \\\\");
    }

    #[test]
    fn a_value_over_a_megabyte_is_refused_by_its_length() {
        let big = format!("\"{}\"", "x".repeat(MAX_JSON_BYTES));
        let why = check_json(&big).unwrap_err();
        assert_eq!(why, "is more than 1024 KB of JSON, the limit");
        // Bytes, not characters: 400,000 three-byte characters are 1.2 MB.
        assert!(check_json(&format!("\"{}\"", "€".repeat(400_000))).is_err());
    }
}
