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
/// so a slice near 12 ms makes ~50 ms tasks that count as blocking. Each
/// yield also lets a frame lay out the page as built so far, so longer
/// slices finish sooner. Side by side on 2026-12-06, once the service
/// worker no longer installed during start-up: 10 ms against 4 ms gave a
/// cold load to interactive of 355 against 417 ms (median of 11), and
/// Lighthouse's TBT (median of 5) 36 against 37 ms for a link and 39
/// against 17 ms for the default page. (Before that change, a link's TBT
/// with 10 ms slices had a median of 240 ms, over its 150 ms budget.)
pub const SLICE_MS: f64 = 10.0;

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
    /// per task, from the first task after the next frame: the first screen
    /// is painted before them. Started by a timer, the building sometimes
    /// ran three slices before that paint (a link's LCP in Lighthouse then
    /// counted their time, four times over: ~1,775 ms instead of ~1,655).
    pub fn start() -> Stages {
        let stages = Stages { declared: StoredValue::new(0), built: RwSignal::new(0), done: RwSignal::new(false) };
        request_animation_frame(move || set_timeout(move || stages.advance(), Duration::ZERO));
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
