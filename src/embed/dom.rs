//! Small helpers over web-sys for the embedding: shadow roots, custom
//! events to the host page, and console lines.

use wasm_bindgen::prelude::*;
pub use web_sys::ShadowRoot;
use web_sys::{CustomEvent, CustomEventInit, ShadowRootInit, ShadowRootMode};

/// The element's shadow root, if it has an open one.
pub fn existing_shadow_root(host: &web_sys::Element) -> Option<ShadowRoot> {
    host.shadow_root()
}

/// The element's open shadow root, attached on first use.
pub fn open_shadow_root(host: &web_sys::Element) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// Dispatches a `CustomEvent` that bubbles out of the shadow tree (composed).
pub fn dispatch_custom_event(target: &web_sys::Element, kind: &str, detail: &JsValue) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_detail(detail);
    init.set_bubbles(true);
    init.set_composed(true);
    let event = CustomEvent::new_with_event_init_dict(kind, &init)?;
    target.dispatch_event(&event)?;
    Ok(())
}

/// Converts plain data to a JS value made of objects and arrays (not Maps),
/// as a host page's JSON-minded code expects: written as JSON by serde_json
/// and read by the browser's `JSON.parse`, numbers exactly (shortest
/// round-trip digits). serde-wasm-bindgen's serializer did the same in
/// about 3 KB more of wasm.
pub fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
}

/// Logs one problem to the console, prefixed so hosts can find it.
pub fn console_error(text: &str) {
    web_sys::console::error_1(&format!("optics-calc: {text}").into());
}

/// Logs a note (not a mistake) to the console, prefixed the same way.
pub fn console_note(text: &str) {
    web_sys::console::info_1(&format!("optics-calc: {text}").into());
}
