//! Whether an element is in the viewport, as a signal.

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

/// Whether the element `node` comes to refer to is in the viewport: true
/// until the browser's first report (see [`watch_in_view`]).
pub fn in_view_of<E>(node: NodeRef<E>) -> RwSignal<bool>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let in_view = RwSignal::new(true);
    node.on_load(move |el| watch_in_view(el.unchecked_ref(), in_view));
    in_view
}

/// Keeps `in_view` true while any part of `target` is within the viewport,
/// from the browser's first report on, until the current owner is cleaned
/// up. Without an `IntersectionObserver` it is left as it is.
fn watch_in_view(target: &web_sys::Element, in_view: RwSignal<bool>) {
    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state.
        if let Some(entry) = entries.iter().last() {
            let _ = in_view.try_set(entry.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
        }
    });
    let Ok(observer) = IntersectionObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(target);
    // Both are dropped with the owner (a leptos cleanup must be Send; the
    // wasm build has one thread).
    let observing = SendWrapper::new((observer, on_change));
    on_cleanup(move || observing.take().0.disconnect());
}
