//! The app's effects, compiled once.
//!
//! `Effect::new` is generic over its closure, so each call compiled its own
//! copy of reactive_graph's effect loop (about 0.5 KB of wasm each). The
//! app's own effects go through [`effect`], which boxes the closure: one
//! copy of that loop serves them all.

use leptos::prelude::*;

/// Runs `f` now, and again whenever a signal it read changes (as
/// `Effect::new(move |_| f())`).
pub fn effect(f: impl FnMut() + 'static) {
    boxed(Box::new(f));
}

fn boxed(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_| f());
}
