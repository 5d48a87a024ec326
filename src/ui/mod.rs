//! Leptos front end (wasm only). Components read a `Scenario` signal and a
//! `Memo<Report>`; no model arithmetic happens here.

mod calculator;
mod charts;
mod compare;
mod inputs;
mod methodology;
mod notices;
mod presets_bar;
mod readout;

pub use calculator::Calculator;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Scenario;

/// Mounts the calculator into the standalone page's `#app` element.
pub fn mount_standalone() {
    console_error_panic_hook::set_once();
    let Some(host) = document().get_element_by_id("app") else {
        web_sys::console::error_1(&"optics-calc: no #app element to mount into".into());
        return;
    };
    host.set_inner_html("");
    let host: web_sys::HtmlElement = host.unchecked_into();
    leptos::mount::mount_to(host, || view! { <Calculator initial=Scenario::default() /> }).forget();
}
