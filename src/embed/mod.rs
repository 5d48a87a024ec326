//! Embedding on a host page (a module vendor's storefront).
//!
//! Pure, natively tested: [`bounds`] (the depth and size limits every host
//! value meets before it is read), [`config`] (the host's JSON config, checked field
//! by field; [`contrast`] warns of unreadable theme colours), [`catalog`] (the host's SKUs as the proposed optics), [`cta`]
//! (bill of materials and cart URL) and [`summary`] (what the host is told
//! after each recalculation).
//!
//! Browser only: `api` (the wasm-bindgen exports the `embed.js` loader
//! calls: mount a widget into a host element, handles), `frame`
//! (the `index.html?embed=1` iframe: height and change messages to the
//! parent, `set-scenario` from it) and `dom` (small helpers over web-sys:
//! shadow roots, custom events, console lines).

pub mod bounds;
pub mod catalog;
pub mod config;
pub mod contrast;
pub mod cta;
pub mod summary;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod frame;

#[cfg(target_arch = "wasm32")]
pub use api::{Widget, mount, start_embed};
#[cfg(target_arch = "wasm32")]
#[cfg(feature = "bench")]
pub(crate) use dom::to_js;

/// The name of the events and messages a host page receives.
pub const CHANGE_EVENT: &str = "optics-calc:change";
/// The iframe's height message type.
pub const HEIGHT_MESSAGE: &str = "optics-calc:height";
/// The one message the iframe accepts from its parent.
pub const SET_SCENARIO_MESSAGE: &str = "optics-calc:set-scenario";

/// Splits the iframe flag off a page query: `("embed=1&gpus=8", …)` ->
/// `(true, "gpus=8")`. Other parameters keep their order and spelling.
pub fn take_embed_flag(query: &str) -> (bool, String) {
    let mut embedded = false;
    let rest: Vec<&str> = query
        .trim_start_matches(['?', '#'])
        .split('&')
        .filter(|part| {
            let flag = *part == "embed" || part.starts_with("embed=");
            if flag {
                embedded |= !matches!(*part, "embed=0" | "embed=false");
            }
            !flag && !part.is_empty()
        })
        .collect();
    (embedded, rest.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_flag_is_taken_out_of_the_query() {
        assert_eq!(take_embed_flag("embed=1&v=1&gpus=8192"), (true, "v=1&gpus=8192".into()));
        assert_eq!(take_embed_flag("?v=1&embed"), (true, "v=1".into()));
        assert_eq!(take_embed_flag("v=1&embed=0"), (false, "v=1".into()));
        assert_eq!(take_embed_flag("v=1&gpus=8"), (false, "v=1&gpus=8".into()));
        assert_eq!(take_embed_flag(""), (false, String::new()));
    }

    #[test]
    fn the_loader_and_the_stylesheet_agree_with_the_crate() {
        // scripts/site/embed.js builds the fallback link itself and reserves
        // the height of the layout the widget will take.
        let loader = include_str!("../../scripts/site/embed.js");
        assert!(loader.contains(&format!("const LINK_VERSION = {};", crate::share::VERSION)));
        let below = config::COMPACT_BELOW_PX;
        assert!(loader.contains(&format!("const COMPACT_BELOW_PX = {below};")));
        let css = include_str!("../../style/main.css");
        assert!(css.contains(&format!("@container oc (width < {below}px)")));
    }
}
