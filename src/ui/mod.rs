//! Leptos front end (wasm only). Components read a `Scenario` signal and a
//! `Memo<Report>`; no model arithmetic happens here.

mod actions;
mod browser;
mod calculator;
mod charts;
mod compare;
mod inputs;
mod insight;
mod methodology;
mod notices;
mod presets_bar;
mod readout;

pub use calculator::Calculator;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::share::decode;
use crate::ui::browser::{current_query, page_base_url};

/// Mounts the calculator into the standalone page's `#app` element.
pub fn mount_standalone() {
    console_error_panic_hook::set_once();
    let Some(host) = document().get_element_by_id("app") else {
        web_sys::console::error_1(&"optics-calc: no #app element to mount into".into());
        return;
    };
    host.set_inner_html("");
    let host: web_sys::HtmlElement = host.unchecked_into();
    let decoded = decode(&current_query());
    let share_base = page_base_url();
    leptos::mount::mount_to(host, move || {
        view! {
            <Calculator initial=decoded.scenario initial_notices=decoded.notices sync_url=true share_base />
        }
    })
    .forget();
}
