//! The JS-facing surface, loaded by `embed.js`:
//!
//! ```js
//! import { mount } from "https://vendor.example/optics/embed.js";
//! const widget = await mount(document.querySelector("#calc"), { theme: { accent: "#c00" } });
//! widget.set_scenario("gpus=8192&alt=cpo");   // or { gpus: 8192, alt: "cpo" }
//! widget.report();                            // { figures: {...}, bill: {...}, ... }
//! widget.unmount();
//! ```
//! `embed.js` is a small loader (scripts/site/embed.js): it loads this module
//! when a widget is about to be seen and calls [`mount`] for each host
//! element (`<div data-optics-calculator data-config='{...}'>` or
//! `<optics-calculator config='{...}'>`); its own `mount()` returns a Promise
//! of the [`Widget`].
//!
//! Each widget lives in the open shadow root of its host element, with the
//! calculator's stylesheet linked inside it: the host page's rules do not
//! reach into it and its rules do not reach out (style/main.css resets
//! inherited properties at `:host`). Each has its own state, so two widgets
//! on one page never affect each other.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::CHANGE_EVENT;
use super::bounds::{host_scenario, host_text};
use super::config::{HostConfig, read_json, refused};
use super::dom::{
    ShadowRoot, console_error, console_note, dispatch_custom_event, existing_shadow_root, open_shadow_root, to_js,
};
use super::summary::summary;
use crate::share::decode;
use crate::ui::effect::effect;
use crate::ui::{CalcOptions, CalcState, Calculator, fragment_query, texts};

/// Marks a host element that holds a widget, so it is never mounted twice.
const MOUNTED_ATTR: &str = "data-optics-calculator-mounted";

thread_local! {
    /// The build's base URL (the standalone page) and stylesheet, from `embed.js`.
    static ASSETS: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

/// Called once by `embed.js` when it has loaded this module: remembers where
/// the build lives. The loader then mounts each host element as it comes
/// into view (`mount`).
#[wasm_bindgen]
pub fn start_embed(base_url: String, stylesheet_url: String) {
    console_error_panic_hook::set_once();
    ASSETS.with(|a| *a.borrow_mut() = (base_url, stylesheet_url));
}

/// A mounted widget, as JS holds it.
#[wasm_bindgen]
pub struct Widget {
    host: web_sys::Element,
    state: CalcState,
    config: Rc<HostConfig>,
    /// Dropping it unmounts the view and disposes of its signals.
    view: Option<Box<dyn Any>>,
}

/// Mounts a widget into `element` with `config` (a JS object, a JSON
/// string, or undefined). Problems in the config are logged to the console
/// and replaced by defaults (a config beyond the limits of
/// [`super::bounds`] is not read at all); only a missing element or one that
/// already holds a widget throws.
#[wasm_bindgen]
pub fn mount(element: JsValue, config: JsValue) -> Result<Widget, JsError> {
    let host: web_sys::Element =
        element.dyn_into().map_err(|_| JsError::new("optics-calc: mount() needs an element"))?;
    let config = match host_text(&config) {
        Ok(Some(text)) => read_json(&text),
        Ok(None) => (HostConfig::default(), Vec::new()),
        Err(why) => refused(&why),
    };
    mount_config(&host, config).map_err(|e| JsError::new(&format!("optics-calc: {e}")))
}

fn mount_config(host: &web_sys::Element, (config, problems): (HostConfig, Vec<String>)) -> Result<Widget, String> {
    if host.has_attribute(MOUNTED_ATTR) {
        return Err("this element already holds a calculator; unmount it first".into());
    }
    for p in &problems {
        console_error(&format!("config: {p}"));
    }
    for note in &config.catalog.notes {
        console_note(&format!("config: {note}"));
    }
    let (base_url, stylesheet) = ASSETS.with(|a| a.borrow().clone());
    // The texts file lies beside the stylesheet (dist/, or a Shopify asset folder).
    texts::load_at_idle(texts::url_beside(if stylesheet.is_empty() { &base_url } else { &stylesheet }));
    let root =
        open_shadow_root(host).map_err(|_| "this element cannot hold a shadow root (use a <div>)".to_string())?;
    let target = build_shadow(&root, &stylesheet, &config)?;
    let _ = host.set_attribute(MOUNTED_ATTR, "");

    // The starting scenario: the host URL's fragment (if the widget keeps it
    // there), else the config's, else the defaults.
    let from_url = config.url_sync.then(fragment_query).flatten().map(|q| decode(&q));
    let start = from_url.or_else(|| config.scenario.clone()).unwrap_or_else(|| decode(""));
    let config = Rc::new(config);
    let mut options = CalcOptions::from_config(&config, base_url);
    options.start_width_px = f64::from(host.client_width());
    let (format, chart_theme) = (config.format.clone(), config.theme.chart_theme());
    let (catalog, cta) = (options.catalog.clone(), options.cta.clone());
    let event_target = host.clone();
    let made: Rc<Cell<Option<CalcState>>> = Rc::new(Cell::new(None));
    let made_inside = made.clone();
    let handle = leptos::mount::mount_to(target, move || {
        provide_context(format);
        provide_context(chart_theme);
        let state = CalcState::new(start.scenario, start.notices, start.product, catalog);
        made_inside.set(Some(state));
        effect(move || {
            let detail = to_js(&state.summary(cta.as_ref()));
            if dispatch_custom_event(&event_target, CHANGE_EVENT, &detail).is_err() {
                console_error("could not dispatch optics-calc:change");
            }
        });
        view! { <Calculator state options /> }
    });
    let state = made.take().ok_or("the calculator did not start")?;
    Ok(Widget { host: host.clone(), state, config, view: Some(Box::new(handle)) })
}

/// The widget's own DOM inside the shadow root: the stylesheet and the
/// themed mount point.
fn build_shadow(root: &ShadowRoot, stylesheet: &str, config: &HostConfig) -> Result<web_sys::HtmlElement, String> {
    let doc = document();
    let fail = |_| "could not build the widget's DOM".to_string();
    root.set_text_content(None);
    if !stylesheet.is_empty() {
        let link = doc.create_element("link").map_err(fail)?;
        link.set_attribute("rel", "stylesheet").map_err(fail)?;
        link.set_attribute("href", stylesheet).map_err(fail)?;
        root.append_child(&link).map_err(fail)?;
    }
    let target: web_sys::HtmlElement = doc.create_element("div").map_err(fail)?.unchecked_into();
    let class = if config.theme.dark { "oc-root oc-embedded oc-dark" } else { "oc-root oc-embedded" };
    target.set_attribute("class", class).map_err(fail)?;
    // Each value was checked by the config reader (colours, font names, px).
    // Set through the CSSOM, not a style attribute, which a host CSP without
    // 'unsafe-inline' in style-src refuses.
    for (property, value) in &config.theme.vars {
        target.style().set_property(property, value).map_err(fail)?;
    }
    root.append_child(&target).map_err(fail)?;
    Ok(target)
}

#[wasm_bindgen]
impl Widget {
    /// Replaces the scenario with a share-link query string or an object of
    /// input keys, read like a link (clamped, with notices). Returns the
    /// notices as `["key: message", ...]`. A value beyond the limits of
    /// [`super::bounds`] is refused with a console line, and the widget
    /// keeps its scenario.
    pub fn set_scenario(&self, scenario: JsValue) -> Result<JsValue, JsError> {
        let refuse = |why: String| {
            let message = format!("set_scenario(): the scenario {why}; the widget keeps its scenario");
            console_error(&message);
            JsError::new(&format!("optics-calc: {message}"))
        };
        let decoded = host_scenario(&scenario).map_err(refuse)?.ok_or_else(|| {
            JsError::new("optics-calc: set_scenario() needs a query string or an object of input keys")
        })?;
        let lines: Vec<String> = decoded.notices.iter().map(|n| format!("{}: {}", n.key, n.message)).collect();
        self.state.load(decoded).ok_or_else(|| JsError::new("optics-calc: this widget has been unmounted"))?;
        Ok(to_js(&lines))
    }

    /// The current figures, scenario link and bill of materials (the same
    /// data as the `optics-calc:change` event).
    pub fn report(&self) -> Result<JsValue, JsError> {
        let CalcState { scenario, report, sku, .. } = self.state;
        let cta = self.config.cta.as_ref();
        sku.try_with_untracked(|k| {
            scenario.try_with_untracked(|s| report.try_with_untracked(|r| to_js(&summary(k.as_ref(), cta, s, r))))
        })
        .flatten()
        .flatten()
        .ok_or_else(|| JsError::new("optics-calc: this widget has been unmounted"))
    }

    /// Removes the widget and its shadow content; the element can be mounted again.
    pub fn unmount(&mut self) {
        self.view.take();
        if let Some(root) = existing_shadow_root(&self.host) {
            root.set_text_content(None);
        }
        let _ = self.host.remove_attribute(MOUNTED_ATTR);
    }
}
