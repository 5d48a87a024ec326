//! The few browser APIs the embedding needs that the web-sys features of
//! this build do not include, bound here directly: turning one more web-sys
//! feature on recompiles web-sys and everything above it (leptos included).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A shadow root (only its Node side is used: appending children).
    #[wasm_bindgen(extends = web_sys::Node)]
    pub type ShadowRoot;

    /// An element seen as a shadow host (methods cannot be added to web-sys's own types).
    #[wasm_bindgen(extends = web_sys::Element)]
    type ShadowHost;

    #[wasm_bindgen(method, catch, js_name = attachShadow)]
    fn attach_shadow_raw(this: &ShadowHost, init: &JsValue) -> Result<ShadowRoot, JsValue>;

    #[wasm_bindgen(method, getter, js_name = shadowRoot)]
    fn shadow_root_raw(this: &ShadowHost) -> Option<ShadowRoot>;

    #[wasm_bindgen(method, setter, js_name = innerHTML)]
    pub fn set_inner_html(this: &ShadowRoot, html: &str);

    #[wasm_bindgen(extends = web_sys::Event)]
    pub type CustomEvent;

    #[wasm_bindgen(constructor, catch)]
    fn new_custom_event(kind: &str, init: &JsValue) -> Result<CustomEvent, JsValue>;

    pub type ResizeObserver;

    #[wasm_bindgen(constructor, catch)]
    pub fn new_resize_observer(callback: &js_sys::Function) -> Result<ResizeObserver, JsValue>;

    #[wasm_bindgen(method)]
    pub fn observe(this: &ResizeObserver, target: &web_sys::Element);

    #[wasm_bindgen(method)]
    pub fn disconnect(this: &ResizeObserver);

    #[wasm_bindgen(extends = web_sys::Event)]
    pub type MessageEvent;

    #[wasm_bindgen(method, getter)]
    pub fn data(this: &MessageEvent) -> JsValue;

    #[wasm_bindgen(method, getter)]
    pub fn source(this: &MessageEvent) -> JsValue;
}

/// The element's shadow root, if it has one.
pub fn existing_shadow_root(host: &web_sys::Element) -> Option<ShadowRoot> {
    host.unchecked_ref::<ShadowHost>().shadow_root_raw()
}

/// The element's open shadow root, attached on first use.
pub fn open_shadow_root(host: &web_sys::Element) -> Result<ShadowRoot, JsValue> {
    let host: &ShadowHost = host.unchecked_ref();
    if let Some(root) = host.shadow_root_raw() {
        return Ok(root);
    }
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"mode".into(), &"open".into())?;
    host.attach_shadow_raw(&init)
}

/// Dispatches a `CustomEvent` that bubbles out of the shadow tree (composed).
pub fn dispatch_custom_event(target: &web_sys::Element, kind: &str, detail: &JsValue) -> Result<(), JsValue> {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"detail".into(), detail)?;
    js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE)?;
    js_sys::Reflect::set(&init, &"composed".into(), &JsValue::TRUE)?;
    let event = CustomEvent::new_custom_event(kind, &init)?;
    target.dispatch_event(&event)?;
    Ok(())
}

/// Converts plain data to a JS value made of objects and arrays (not Maps),
/// as a host page's JSON-minded code expects.
pub fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Logs one problem to the console, prefixed so hosts can find it.
pub fn console_error(text: &str) {
    web_sys::console::error_1(&format!("optics-calc: {text}").into());
}

/// Logs a note (not a mistake) to the console, prefixed the same way.
pub fn console_note(text: &str) {
    web_sys::console::info_1(&format!("optics-calc: {text}").into());
}
