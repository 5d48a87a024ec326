//! Leptos front end (wasm only). Components read a `Scenario` signal and a
//! `Memo<Report>`; no model arithmetic happens here.

mod actions;
mod browser;
mod calculator;
mod canvas;
mod charts;
mod compact;
mod compare;
mod disclosure;
pub(crate) mod effect;
mod in_view;
mod inputs;
mod insight;
#[cfg(feature = "bench")]
mod measure;
mod methodology;
mod notices;
mod presets_bar;
mod product;
mod readout;
mod settle;
mod stages;
pub(crate) mod texts;

pub(crate) use browser::{fragment_query, page_base_url};
pub use calculator::{CalcOptions, CalcState, Calculator, UrlSync};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::ChartTheme;
use crate::embed::config::HostConfig;
use crate::embed::{frame, take_embed_flag};
use crate::format::NumberFormat;
use crate::share::{decode, describe};
use crate::ui::actions::{PRINT_FRAGMENT, print_soon};
use crate::ui::browser::{current_query, take_fragment};

/// The attribute of the standalone page's mount point (index.html). A host
/// page's own `#app` is never taken over.
const STANDALONE_ATTR: &str = "data-optics-calculator-standalone";

/// Mounts the calculator into the standalone page's mount point, if this is
/// that page (`embed.js` loads the same wasm into host pages, which have none).
/// With `?embed=1` the page is the iframe embed: no URL rewriting, and it
/// talks to its parent (see `embed::frame`).
pub fn mount_standalone() {
    console_error_panic_hook::set_once();
    let Ok(Some(host)) = document().query_selector(&format!("[{STANDALONE_ATTR}]")) else {
        return;
    };
    host.set_text_content(None);
    let (embedded, query) = take_embed_flag(&current_query());
    if embedded {
        let _ = host.class_list().add_1("oc-embedded");
    }
    let host: web_sys::HtmlElement = host.unchecked_into();
    let decoded = decode(&query);
    let config = HostConfig::default();
    let mut options = CalcOptions::from_config(&config, page_base_url());
    options.url = if embedded { UrlSync::Off } else { UrlSync::Query };
    options.own_page = true;
    // Like a widget, the page follows its width: on a phone the answer comes
    // first (src/ui/compact.rs), and a link says what it sets. (The iframe's
    // scenario is the host's, not a link a visitor opened.)
    options.start_width_px = f64::from(host.client_width());
    if !embedded {
        options.link_sets = describe(&decoded, &NumberFormat::default());
    }
    // Opened by a widget's Print button: print the report once drawn.
    let print = take_fragment(PRINT_FRAGMENT);
    texts::load_at_idle(texts::url_beside(&page_base_url()));
    leptos::mount::mount_to(host, move || {
        provide_context(NumberFormat::default());
        provide_context(ChartTheme::default());
        let state = CalcState::new(decoded.scenario, decoded.notices, decoded.product, options.catalog.clone());
        if embedded {
            frame::talk_to_parent(state, options.cta.clone());
        }
        let calculator = view! { <Calculator state options /> };
        // Queued after the charts' first drawings, which mounting queued,
        // and once the methodology's texts are in (or have failed).
        if print {
            let open = state.methodology_open;
            texts::when_settled(move |_| print_soon(open));
        }
        calculator
    })
    .forget();
}
