//! The compact arrangement of a narrow widget (a store's product column):
//! the headline first, then the inputs a visitor changes first, then every
//! other input group behind a disclosure that remembers whether it was open,
//! and a sticky strip of the main figures while the headline is scrolled away
//! (for example while a slider further down is dragged).

use leptos::prelude::*;
use leptos::{ev, html};

use crate::embed::config::Layout;
use crate::model::{Group, Report};
use crate::ui::browser::{remember, remembered};
use crate::ui::readout::figure_text;

/// The inputs of the compact arrangement's first group, in this order
/// (`alt` is the host's product picker when it has products).
pub const FIRST_TOUCH: [&str; 5] = ["gpus", "gbps", "base", "alt", "region"];

/// Whether the calculator is compact: fixed by the layout, or (for `auto`)
/// following the width of `container` as the window resizes.
pub fn compact_signal(layout: Layout, start_width_px: f64, container: NodeRef<html::Div>) -> Signal<bool> {
    if layout != Layout::Auto {
        return Signal::from(layout.is_compact(0.0));
    }
    let compact = RwSignal::new(layout.is_compact(start_width_px));
    let measure = move || {
        // try_: in the next frame the widget may have been unmounted.
        if let Some(el) = container.try_get_untracked().flatten() {
            // Only a change of arrangement redraws the calculator.
            let now = layout.is_compact(f64::from(el.client_width()));
            if compact.try_get_untracked() == Some(!now) {
                compact.set(now);
            }
        }
    };
    // The host's width, read before mounting, decided the first
    // arrangement; the calculator's own is read in the next frame, where
    // the browser lays the page out anyway: read as it loads, it forced that
    // layout inside the first task, the longest of the start.
    container.on_load(move |_| request_animation_frame(measure));
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    compact.into()
}

/// The storage key of a group's open state: one per group, shared by every
/// widget of the host's origin.
fn open_key(group: Group) -> String {
    format!("optics-calc:open:{group:?}")
}

/// One input group behind a disclosure, closed unless the visitor opened it
/// before (localStorage; without storage it starts closed every time).
#[component]
pub fn GroupDisclosure(group: Group, children: Children) -> impl IntoView {
    let key = open_key(group);
    let open = remembered(&key).as_deref() == Some("1");
    let on_toggle = move |ev: ev::Event| {
        let details: web_sys::HtmlDetailsElement = event_target(&ev);
        remember(&key, if details.open() { "1" } else { "0" });
    };
    view! {
        <details class="oc-disclosure" data-group=format!("{group:?}") open=open on:toggle=on_toggle>
            <summary>{group.label()}</summary>
            {children()}
        </details>
    }
}

/// The main figures in one line, pinned to the top of the viewport while
/// the headline is out of view; its button brings the headline back. (No
/// `data-metric` here: the readout interface has one element per figure.)
#[component]
pub fn HeadlineStrip(
    report: Memo<Report>,
    /// Whether the headline is in view (the strip hides then).
    headline_in_view: RwSignal<bool>,
    headline: NodeRef<html::Div>,
) -> impl IntoView {
    let show_headline = move |_| {
        if let Some(el) = headline.get_untracked() {
            el.scroll_into_view();
        }
    };
    view! {
        <div class="oc-strip-anchor">
            <div class="oc-strip" role="region" aria-label="Main figures" prop:hidden=move || headline_in_view.get()>
                <span><span class="oc-strip-label">"Saved "</span>{figure_text(report, "power_saved_w", false)}</span>
                <span>{figure_text(report, "cost_saved_usd_per_year", false)}</span>
                <span><span class="oc-strip-label">"NPV "</span>{figure_text(report, "npv_usd", false)}</span>
                <button type="button" class="oc-link-button" on:click=show_headline>"All results"</button>
            </div>
        </div>
    }
}
