//! JSON text to a [`serde_json::Value`], for every JSON the calculator reads:
//! host configs and values ([`crate::embed::bounds`]), imported exports and
//! the texts file.
//!
//! Natively it is serde_json's parser. In the browser the engine's own
//! `JSON.parse` reads the text and [`from_js`] copies what it built into a
//! `Value`: the wasm then carries no JSON parser (serde_json's, with its
//! number tables and error texts, cost about 5 KB of the gzipped wasm).
//! Both refuse what the JSON grammar refuses and nest at most [`MAX_DEPTH`]
//! levels; the error says why, in the words of the parser that refused.
//! Numbers: `JSON.parse` rounds them as serde_json does; an integral one is
//! an integer `Value` (serde_json makes `3.0` a float, the browser cannot
//! tell it from `3`), `-0` stays a float as in serde_json.

use serde_json::Value;

/// Deepest nesting of arrays and objects read: the most serde_json's
/// recursion limit lets through, which keeps the walk below well inside the
/// wasm stack.
pub const MAX_DEPTH: usize = 127;

/// The value of JSON `text`, or why it is not JSON (the parser's words).
pub fn parse(text: &str) -> Result<Value, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let value = js_sys::JSON::parse(text).map_err(|e| match e.dyn_ref::<js_sys::Error>() {
            Some(error) => String::from(error.message()),
            None => "not JSON".into(),
        })?;
        from_js(&value, MAX_DEPTH)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// A value `JSON.parse` built (strings, numbers, booleans, null, arrays,
/// plain objects) as a `Value`, nested at most `depth` levels.
#[cfg(target_arch = "wasm32")]
fn from_js(value: &wasm_bindgen::JsValue, depth: usize) -> Result<Value, String> {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsCast;
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if let Some(n) = value.as_f64() {
        return number(n);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if !value.is_object() {
        return Ok(Value::Null);
    }
    let Some(depth) = depth.checked_sub(1) else {
        return Err("recursion limit exceeded".into());
    };
    if let Some(list) = value.dyn_ref::<Array>() {
        return list.iter().map(|item| from_js(&item, depth)).collect::<Result<_, _>>().map(Value::Array);
    }
    let mut map = serde_json::Map::new();
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let item = Reflect::get(value, &key).unwrap_or_default();
        map.insert(key.as_string().unwrap_or_default(), from_js(&item, depth)?);
    }
    Ok(Value::Object(map))
}

/// A JSON number as serde_json holds it: an integer where it is one (and
/// fits), else a float; refused beyond the largest double, as serde_json
/// refuses `1e400` (`JSON.parse` makes it Infinity).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn number(n: f64) -> Result<Value, String> {
    // Below 2^63 in magnitude, `as` is exact for an integral value.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    Ok(if !n.is_finite() {
        return Err("number out of range".into());
    } else if n.fract() != 0.0 || n.abs() >= LIMIT || (n == 0.0 && n.is_sign_negative()) {
        Value::from(n)
    } else if n >= 0.0 {
        Value::from(n as u64)
    } else {
        Value::from(n as i64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The browser's walk holds a number as serde_json holds the same text,
    /// but for an integral float (`3.0`, `1e2`), which it cannot tell apart.
    #[test]
    fn numbers_are_held_as_serde_json_holds_them() {
        for text in
            ["0", "7", "-7", "32768", "-9007199254740991", "1.5", "-0.25", "1e300", "-0", "18446744073709551616"]
        {
            let serde: Value = serde_json::from_str(text).unwrap();
            assert_eq!(number(serde.as_f64().unwrap()), Ok(serde), "{text}");
        }
        assert_eq!(number(3.0), Ok(Value::from(3u64)));
        assert!(number(f64::INFINITY).is_err(), "serde_json refuses 1e400 too");
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(parse("{\"a\": [1, 2,]}").is_err());
        let nested = |levels: usize| format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
        assert!(parse(&nested(MAX_DEPTH + 1)).unwrap_err().contains("recursion limit exceeded"));
        assert_eq!(parse(&nested(MAX_DEPTH)).map(|v| v.is_array()), Ok(true));
    }
}
