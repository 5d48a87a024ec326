//! Small browser services used by the views: file downloads, the clipboard,
//! the page URL. Failures are logged and reported to the caller, never panics.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The page's clock, in milliseconds (`performance.now()`).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub fn now_ms() -> f64;
}

/// Offers `content` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    download_blob(filename, &blob)
}

/// Offers a blob as a file download named `filename`.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(describe)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoke after the click has been handled, or the download may be cancelled.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000)
        .map_err(describe)?;
    Ok(())
}

/// Renders an SVG string to a PNG (at `scale` x its size) and downloads it.
pub fn download_svg_as_png(filename: &str, svg: &str, scale: f64) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let image = web_sys::HtmlImageElement::new().map_err(describe)?;
    let filename = filename.to_string();
    let loaded = image.clone();
    let src = url.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
        if let Err(e) = draw_and_save(&loaded, &filename, scale) {
            web_sys::console::error_1(&format!("optics-calc: PNG export failed: {e}").into());
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&src);
    Ok(())
}

fn draw_and_save(image: &web_sys::HtmlImageElement, filename: &str, scale: f64) -> Result<(), String> {
    let document = leptos::prelude::document();
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(describe)?.unchecked_into();
    let (w, h) = (image.natural_width() as f64 * scale, image.natural_height() as f64 * scale);
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").map_err(describe)?.ok_or("no 2d context")?.unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w, h);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, w, h).map_err(describe)?;
    let filename = filename.to_string();
    let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            let _ = download_blob(&filename, &blob);
        }
    });
    canvas.to_blob(on_blob.unchecked_ref()).map_err(describe)
}

/// Writes text to the clipboard; resolves to whether it worked.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The scenario part of the page URL: the query string without its '?', or,
/// when there is none, the fragment without its '#' (some mail and file
/// viewers drop query strings from links to files; fragments survive).
pub fn current_query() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let search = location.search().unwrap_or_default();
    if search.len() > 1 {
        return search[1..].to_string();
    }
    // A plain anchor ("#methodology") is not a scenario.
    fragment_query().unwrap_or_default()
}

/// Replaces the page URL's query string, keeping its path and fragment, without
/// adding a history entry.
pub fn replace_query(query: &str) {
    replace_url(
        |path, _search, hash| if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") },
    );
}

/// Replaces the page URL's fragment, keeping its path and query string (a
/// host page's own parameters), without adding a history entry.
pub fn replace_fragment(query: &str) {
    replace_url(|path, search, _hash| format!("{path}{search}#{query}"));
}

/// Rewrites the URL from its path, query (with '?') and fragment (with '#').
fn replace_url(build: impl FnOnce(&str, &str, &str) -> String) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = build(&path, &search, &hash);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The scenario in the page URL's fragment, if it holds one (embedded
/// widgets that keep the scenario in the host's URL).
pub fn fragment_query() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.contains('=').then(|| hash.trim_start_matches('#').to_string())
}

/// Whether the page URL's fragment is `#<flag>`; if so, it is removed (a
/// reload must not act on it again).
pub fn take_fragment(flag: &str) -> bool {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let found = hash.strip_prefix('#') == Some(flag);
    if found {
        replace_url(|path, search, _hash| format!("{path}{search}"));
    }
    found
}

/// The page URL without query and fragment: where share links point by default.
/// Built from `href`, not `origin` + `pathname`: a file:// page's origin is "null".
pub fn page_base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split(['?', '#']).next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

pub(crate) fn describe(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

#[wasm_bindgen]
extern "C" {
    // `catch`: reading `localStorage` itself throws where storage is off
    // (a sandboxed frame, blocked third-party storage).
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = getItem)]
    fn local_storage_get(key: &str) -> Result<Option<String>, JsValue>;

    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = setItem)]
    fn local_storage_set(key: &str, value: &str) -> Result<(), JsValue>;
}

/// A value this origin's localStorage holds, if storage is available.
pub fn remembered(key: &str) -> Option<String> {
    local_storage_get(key).ok().flatten()
}

/// Stores a value in localStorage; without storage (or over quota) it is
/// simply not remembered.
pub fn remember(key: &str, value: &str) {
    let _ = local_storage_set(key, value);
}
