//! The iframe embed (`index.html?embed=1`): the page tells its parent its
//! height and, after each recalculation, its figures; from the parent it
//! accepts one message, `{type: "optics-calc:set-scenario", scenario}` with
//! a query string or an object of input keys, read like a share link.
//! Anything else, or anything from another window, is ignored.
//!
//! Messages go to the parent with target origin `*`: they carry nothing
//! private (the figures are on screen), and the iframe cannot know the
//! host's origin; the host's snippet checks `event.origin` instead.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, ResizeObserver};

use super::bounds::host_scenario;
use super::cta::Cta;
use super::dom::{console_error, to_js};
use super::{CHANGE_EVENT, HEIGHT_MESSAGE, SET_SCENARIO_MESSAGE};
use crate::ui::CalcState;
use crate::ui::effect::effect;

/// Starts the conversation with the parent window, if there is one.
pub fn talk_to_parent(state: CalcState, cta: Option<Cta>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if JsValue::from(&parent) == JsValue::from(&window) {
        return; // opened on its own, not in a frame
    }
    let post = {
        let parent = parent.clone();
        move |message: Value| {
            let _ = parent.post_message(&to_js(&message), "*");
        }
    };
    // Height: whenever the page's size changes, read in the next animation
    // frame, so that a burst of resizes (the parent resizing the frame lays
    // it out again) is one reading, taken outside the observer's delivery,
    // and posted only when it differs from the last one sent.
    let post_height = post.clone();
    let pending = Rc::new(Cell::new(false));
    let measure = {
        let pending = pending.clone();
        let sent = Cell::new(None);
        Closure::<dyn Fn()>::new(move || {
            pending.set(false);
            // The <html> box's own height: its scrollHeight would never drop below
            // the frame's current height, so the frame could grow but never shrink.
            let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            let height = root.offset_height();
            if sent.replace(Some(height)) != Some(height) {
                post_height(json!({ "type": HEIGHT_MESSAGE, "height": height }));
            }
        })
    };
    let on_resize = Closure::<dyn Fn()>::new(move || {
        if !pending.replace(true) {
            let asked = web_sys::window().map(|w| w.request_animation_frame(measure.as_ref().unchecked_ref()));
            if !matches!(asked, Some(Ok(_))) {
                pending.set(false);
            }
        }
    });
    match ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        Ok(observer) => {
            if let Some(root) = document().document_element() {
                observer.observe(&root);
            }
        }
        Err(_) => console_error("no ResizeObserver: the iframe cannot resize itself"),
    }
    on_resize.forget();
    // Figures: after each recalculation.
    effect(move || {
        let out = state.summary(cta.as_ref());
        let mut message = serde_json::to_value(&out).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut message {
            map.insert("type".into(), CHANGE_EVENT.into());
        }
        post(message);
    });
    // set-scenario: from the parent window only.
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let from_parent = web_sys::window()
            .and_then(|w| w.parent().ok().flatten())
            .zip(event.source())
            .is_some_and(|(parent, source)| JsValue::from(parent) == JsValue::from(source));
        if !from_parent {
            return;
        }
        // Other scripts of the parent may post anything: only a set-scenario
        // message is read (its type looked up without reading the rest),
        // and only within the limits of `bounds`.
        let data = event.data();
        let kind = js_sys::Reflect::get(&data, &JsValue::from_str("type")).ok().and_then(|t| t.as_string());
        if kind.as_deref() != Some(SET_SCENARIO_MESSAGE) {
            return;
        }
        let scenario = js_sys::Reflect::get(&data, &JsValue::from_str("scenario")).unwrap_or(JsValue::UNDEFINED);
        match host_scenario(&scenario) {
            Ok(Some(decoded)) => drop(state.load(decoded)),
            Ok(None) => {
                console_error("set-scenario needs \"scenario\": a query string or an object of input keys; ignored")
            }
            Err(why) => console_error(&format!("set-scenario: the scenario {why}; ignored")),
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}
