//! Disclosures whose contents are built while they are open (a chart's
//! table, the methodology, the per-level technologies): closed, they would
//! cost the start and every input event for nothing a visitor sees.

use leptos::ev;
use leptos::prelude::*;

/// A `<details>`'s toggle handler that keeps `open` in step with it. Set
/// only on a change: a toggle that the signal itself caused (through
/// `prop:open`) rebuilds nothing. `try_`: a toggle is a task of its own,
/// which may follow an unmount.
pub fn follow_toggle(open: RwSignal<bool>) -> impl Fn(ev::Event) + Copy + 'static {
    move |ev| {
        let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        if open.try_get_untracked().is_some_and(|was| was != now) {
            open.set(now);
        }
    }
}
