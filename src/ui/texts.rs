//! The texts file (`crate::texts`): the inputs' help and sources and the
//! methodology's formulas, which the wasm does not carry. Loaded once per
//! page, shared by every calculator on it: at idle after the first paint
//! (never on the path to the first figures), or at once when a reader asks
//! for it first (a help or the methodology opened, a CSV export, Print).
//! The places that show the texts read [`read`] and fill in when they arrive.
//!
//! Where it comes from: an inline `<script type="application/json"
//! id="optics-calc-texts">` if the page has one (calculator.html, which
//! cannot fetch from file://), else [`crate::texts::FILE_NAME`] beside the
//! stylesheet (widgets) or the page (the standalone page). If it cannot be
//! had (offline without the service worker, a host's CSP, a 404), the panels
//! say so in one line; the figures never depend on it.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::model::InputDef;
use crate::texts::{FILE_NAME, Texts};
use crate::ui::browser::describe;

/// Where the page's texts stand.
#[derive(Clone, Debug)]
pub enum TextsState {
    Pending,
    Loaded(Arc<Texts>),
    Failed,
}

/// The id of calculator.html's inline copy of the texts file.
const INLINE_ID: &str = "optics-calc-texts";
/// The longest the idle load waits for an idle moment, ms.
const IDLE_TIMEOUT_MS: u32 = 2_000;

/// Shown where a help text would be when the file could not be loaded.
pub const HELP_MISSING: &str =
    "The help text could not be loaded (the console says why); it is in the calculator's README.";
/// Shown once at the top of the methodology panel while the texts are missing.
pub fn panel_line(state: &TextsState) -> Option<&'static str> {
    match state {
        TextsState::Loaded(_) => None,
        TextsState::Pending => Some("The formulas and sources are still loading."),
        TextsState::Failed => Some(
            "The formulas and sources could not be loaded (the console says why); they are in the calculator's README, section Methodology.",
        ),
    }
}

/// `before` and the source of an input's default, marked if an estimate, once
/// the texts are in ("" until then).
pub fn source(before: &str, def: &InputDef) -> String {
    let estimate = if def.estimate { " (estimate)" } else { "" };
    read(|t| match t {
        TextsState::Loaded(t) => t.source(def.key).map(|s| format!("{before}{s}{estimate}")).unwrap_or_default(),
        _ => String::new(),
    })
}

type Waiter = Box<dyn FnOnce(&TextsState)>;

// A trigger beside a plain cell rather than a signal of the state: a signal
// of a new type instantiates reactive_graph's generic code once more.
thread_local! {
    static STATE: RefCell<TextsState> = const { RefCell::new(TextsState::Pending) };
    static CHANGED: ArcTrigger = ArcTrigger::new();
    /// The file's URL, from the first calculator mounted on the page.
    static URL: RefCell<Option<String>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// Called once the texts are loaded or have failed.
    static WAITING: RefCell<Vec<Waiter>> = const { RefCell::new(Vec::new()) };
}

/// Reads the texts' state; a reactive closure that calls it while they are
/// pending runs again when they arrive. Only then does it subscribe: the
/// trigger lives as long as the page, and keeps an entry for each closure
/// subscribed to it, even one of a widget since removed, until it fires
/// (tests/e2e/hardening.test.mjs mounts 1,500 widgets).
pub fn read<R>(f: impl FnOnce(&TextsState) -> R) -> R {
    STATE.with(|s| {
        let state = s.borrow();
        if matches!(*state, TextsState::Pending) {
            CHANGED.with(ArcTrigger::track);
        }
        f(&state)
    })
}

/// Calls `f` with the texts once they are loaded or have failed (at once if
/// they have); starts loading them if that has not begun.
pub fn when_settled(f: impl FnOnce(&TextsState) + 'static) {
    let now = STATE.with(|s| s.borrow().clone());
    if matches!(now, TextsState::Pending) {
        WAITING.with(|w| w.borrow_mut().push(Box::new(f)));
        load_now();
    } else {
        f(&now);
    }
}

/// The texts file's URL beside `neighbour` (the stylesheet, or the page).
pub fn url_beside(neighbour: &str) -> String {
    web_sys::Url::new_with_base(FILE_NAME, neighbour).map(|u| u.href()).unwrap_or_else(|_| FILE_NAME.to_string())
}

/// Remembers where the texts are (the first call wins: one file per page)
/// and loads them at idle after the next paint.
pub fn load_at_idle(url: String) {
    if URL.with(|u| u.borrow().is_some()) {
        return;
    }
    URL.with(|u| *u.borrow_mut() = Some(url));
    request_animation_frame(|| {
        let load = Closure::once_into_js(load_now);
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
        // WebKit has no requestIdleCallback: the next task instead.
        if request_idle_callback(load.unchecked_ref(), &options).is_err()
            && let Some(w) = web_sys::window()
        {
            let _ = w.set_timeout_with_callback(load.unchecked_ref());
        }
    });
}

/// Starts loading the texts now, unless that has begun or no calculator has
/// said where they are.
pub fn load_now() {
    if STARTED.with(Cell::get) {
        return;
    }
    if let Some(inline) = inline_copy() {
        STARTED.with(|s| s.set(true));
        settle(Texts::from_json(&inline).map_err(|e| format!("the page's inline copy: {e}")));
        return;
    }
    let Some(url) = URL.with(|u| u.borrow().clone()) else { return };
    STARTED.with(|s| s.set(true));
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = fetch(&url).await.map_err(|why| format!("{url}: {why}"));
        settle(loaded);
    });
}

fn inline_copy() -> Option<String> {
    web_sys::window()?.document()?.get_element_by_id(INLINE_ID)?.text_content()
}

async fn fetch(url: &str) -> Result<Texts, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(describe)?.unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    Texts::from_json(&text.as_string().unwrap_or_default())
}

fn settle(loaded: Result<Texts, String>) {
    let state = match loaded {
        Ok(texts) => TextsState::Loaded(Arc::new(texts)),
        Err(why) => {
            web_sys::console::error_1(
                &format!(
                    "optics-calc: the help and methodology texts could not be loaded ({why}); the figures are unaffected. \
                     (On a host page, its Content-Security-Policy must allow connect-src from the calculator's origin.)"
                )
                .into(),
            );
            TextsState::Failed
        }
    };
    STATE.with(|s| *s.borrow_mut() = state.clone());
    CHANGED.with(ArcTrigger::notify);
    for waiter in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        waiter(&state);
    }
}

#[wasm_bindgen]
extern "C" {
    // `catch`: WebKit has none.
    #[wasm_bindgen(catch, js_name = requestIdleCallback)]
    fn request_idle_callback(callback: &js_sys::Function, options: &js_sys::Object) -> Result<u32, JsValue>;
}
