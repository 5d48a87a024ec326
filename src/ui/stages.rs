//! Mounting in stages. Building the whole calculator in one task blocked
//! input for ~0.2 s on a phone-class CPU (Lighthouse's TBT): the first task
//! builds what the first screen needs (header, first input group, headline)
//! and the [`Later`] parts are built after it, in the order the view
//! declares them, in tasks of at most about [`SLICE_MS`] and one part:
//! input is never kept waiting long, and a fast machine builds several small
//! parts in one task instead of paying a task and a frame for each (one part
//! per task left a desktop's start-up ~0.15 s of gaps between ~30 tasks).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::ui::browser::now_ms;

/// How long one start-up task keeps building parts before it yields.
/// Lighthouse times a trace taken at full speed and multiplies it by four,
/// so a slice near 12 ms makes ~50 ms tasks that count as blocking (one once
/// raised the product page's total blocking time by ~25 ms). Each yield also
/// lets a frame lay out the page as built so far: at 10 ms the calculator
/// was complete ~50 ms sooner (cold load median of 9, 432-453 against
/// 490-506 ms), but a link's Lighthouse trace then showed more tasks over
/// 50 ms after the first (56-91 ms each), and its TBT is the budget nearest
/// its limit.
pub const SLICE_MS: f64 = 4.0;

/// The stages of one calculator: how many parts were declared, and how many
/// have been built. Parts declared once all are built (a layout switch)
/// are built at once.
#[derive(Clone, Copy)]
pub struct Stages {
    declared: StoredValue<u16>,
    built: RwSignal<u16>,
    done: RwSignal<bool>,
}

impl Stages {
    /// Starts building the parts declared while the first task runs, one
    /// per task, from the next task on.
    pub fn start() -> Stages {
        let stages = Stages { declared: StoredValue::new(0), built: RwSignal::new(0), done: RwSignal::new(false) };
        set_timeout(move || stages.advance(), Duration::ZERO);
        stages
    }

    /// Builds the next parts for up to [`SLICE_MS`], then yields to the next
    /// task; marks all built at the end.
    fn advance(self) {
        wasm_bindgen_futures::spawn_local(async move {
            let started = now_ms();
            loop {
                // try_: the calculator may have been unmounted between tasks.
                let (Some(built), Some(declared)) = (self.built.try_get_untracked(), self.declared.try_get_value())
                else {
                    return;
                };
                if built >= declared {
                    let _ = self.done.try_set(true);
                    return;
                }
                let _ = self.built.try_set(built + 1);
                // The part is built by its render effect, a microtask queued
                // by the set: let it run before reading the clock.
                let _ = JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED)).await;
                if now_ms() - started >= SLICE_MS {
                    break;
                }
            }
            set_timeout(move || self.advance(), Duration::ZERO);
        });
    }

    /// Whether every declared part has been built (reactive; false once
    /// the calculator is unmounted).
    pub fn done(self) -> bool {
        self.done.try_get().unwrap_or(false)
    }
}

/// A part of the calculator built in a later task (see the module notes).
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let stages = use_context::<Stages>();
    let shown = match stages {
        Some(s) if !s.done.get_untracked() => {
            s.declared.update_value(|n| *n += 1);
            let mine = s.declared.get_value();
            Memo::new(move |_| s.built.get() >= mine)
        }
        _ => Memo::new(|_| true),
    };
    move || shown.get().then(|| children())
}
