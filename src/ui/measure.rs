//! The model's speed inside the browser, for `make bench`
//! (scripts/bench-browser.mjs calls this export). Only in builds with the
//! `bench` feature: the bench's own copy of the site, not the shipped wasm.

use std::hint::black_box;

use wasm_bindgen::prelude::*;

use crate::model::uncertainty::{SPREADS, monte_carlo};
use crate::model::{Scenario, evaluate};
use crate::ui::browser::now_ms;

/// Times `evaluations` runs of `evaluate` on the default scenario, each with
/// a different GPU count (a constant input lets the optimiser hoist the call
/// out of the loop), and one Monte Carlo run of `samples` draws (NPV, seed 7,
/// as the native bench): `{evaluate_us, mc_ms, mc_samples_per_s}`.
#[wasm_bindgen]
pub fn measure_model(evaluations: u32, samples: u32) -> JsValue {
    let mut s = Scenario::default();
    let mut npv_sum_usd = 0.0;
    let t0 = now_ms();
    for i in 0..evaluations.max(1) {
        s.gpus = f64::from(30_000 + i % 5_000);
        npv_sum_usd += evaluate(black_box(&s)).npv_usd;
    }
    black_box(npv_sum_usd);
    let t1 = now_ms();
    let default = Scenario::default();
    black_box(monte_carlo(black_box(&default), "npv_usd", &SPREADS, samples.max(1) as usize, 7));
    let t2 = now_ms();
    let mc_ms = t2 - t1;
    crate::embed::to_js(&serde_json::json!({
        "evaluate_us": (t1 - t0) * 1e3 / f64::from(evaluations.max(1)),
        "mc_ms": mc_ms,
        "mc_samples_per_s": f64::from(samples.max(1)) / mc_ms.max(1e-3) * 1e3,
    }))
}
