//! Which assumptions matter and how sure the saving is: a tornado of the
//! chosen headline figure, and a Monte Carlo run over the sourced spreads.
//!
//! The tornado (two evaluations per main input) follows every input while it
//! is in view. The Monte Carlo run (thousands of evaluations) does not: it
//! starts once the inputs have come to rest ([`Settled`]) and runs in slices
//! of a few milliseconds between frames, so sliders never wait for it; a
//! newer input abandons an older run.

use std::time::Duration;

use leptos::prelude::*;

use crate::charts::{ChartTheme, distribution_chart, tornado_chart};
use crate::format::NumberFormat;
use crate::model::sensitivity::{MAIN_INPUTS, tornado};
use crate::model::uncertainty::{Distribution, SPREADS, Sampler, summarise};
use crate::model::{Group, Notice, Report, Scenario};
use crate::ui::charts::ChartFigure;
use crate::ui::effect::effect;
use crate::ui::inputs::InputGroup;
use crate::ui::settle::Settled;
use crate::ui::stages::Stages;

/// Work per slice before yielding to the browser, ms.
const SLICE_MS: f64 = 6.0;
/// Samples between two looks at the clock.
const BATCH: usize = 50;

/// The state of the Monte Carlo run of the current inputs.
#[derive(Clone, Debug, PartialEq)]
enum Run {
    /// Samples taken so far of how many.
    Running(usize, usize),
    Done(Distribution),
}

#[component]
pub fn Insight(
    scenario: RwSignal<Scenario>,
    report: Memo<Report>,
    notices: RwSignal<Vec<Notice>>,
    settled: Settled,
) -> impl IntoView {
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    let theme = use_context::<ChartTheme>().unwrap_or_default();
    let focus = Memo::new(move |_| scenario.with(|s| s.focus));
    // The figure the views follow, with its label and unit, at the current inputs.
    let metric = Memo::new(move |_| report.with(|r| r.metric_full(focus.get())));

    let tornado_draw = {
        let (fmt, theme) = (fmt.clone(), theme.clone());
        Callback::new(move |width_px| {
            let (pct, swings) = scenario.with(|s| (s.swing, tornado(s, s.focus, s.swing, &MAIN_INPUTS).1));
            let m = metric.get().unwrap_or_default();
            tornado_chart(&m, pct, &swings, &fmt, &theme, width_px)
        })
    };

    let run = RwSignal::new(Run::Running(0, 0));
    keep_running(scenario, settled, run);
    let done = Memo::new(move |_| match run.get() {
        Run::Done(d) => Some(d),
        Run::Running(..) => None,
    });
    let distribution_draw = {
        let (fmt, theme) = (fmt.clone(), theme.clone());
        Callback::new(move |width_px| {
            let d = done.get().unwrap_or_else(|| summarise(Vec::new()));
            distribution_chart(&metric.get().unwrap_or_default(), &d, &fmt, &theme, width_px)
        })
    };
    let progress = move || match run.get() {
        Run::Running(taken, total) if total > 0 => {
            format!("Running {} of {} samples…", fmt.count(taken as f64), fmt.count(total as f64))
        }
        Run::Running(..) => "Waiting for the inputs to settle…".to_string(),
        Run::Done(_) => String::new(),
    };
    let percentile = move |name: &'static str, key: &'static str, pick: fn(&Distribution) -> f64| {
        let fmt = use_context::<NumberFormat>().unwrap_or_default();
        view! {
            <div class="oc-card" role="group" aria-label=name>
                <h3 class="oc-card-label">{name}</h3>
                {move || done.get().map(|d| {
                    let v = pick(&d);
                    let unit = metric.get().map_or("", |m| m.unit);
                    view! { <span class="oc-card-value" data-metric=key data-value=v.to_string()>{fmt.metric(v, unit)}</span> }
                })}
            </div>
        }
    };

    view! {
        <section class="oc-panel oc-insight" aria-labelledby="oc-insight-title"
            data-mc-state=move || if done.get().is_some() { "done" } else { "running" }>
            <h2 id="oc-insight-title">"Which assumptions matter, and how sure is the result?"</h2>
            <p class="oc-note">
                "The tornado moves each main assumption up and down on its own; the Monte Carlo run draws all of them at once from their sourced ranges (triangular, around the values you set) and shows the spread of the result. The seed makes a run repeatable: a shared link shows the same numbers."
            </p>
            <InputGroup group=Group::Analysis scenario notices />
            <ChartFigure draw=tornado_draw settled />
            <div class="oc-cards oc-percentiles" role="group" aria-label="Monte Carlo percentiles">
                {percentile("P10 (9 in 10 runs do better)", "mc_p10", |d| d.p10)}
                {percentile("P50 (median)", "mc_p50", |d| d.p50)}
                {percentile("P90 (1 in 10 runs does better)", "mc_p90", |d| d.p90)}
            </div>
            <p class="oc-note" aria-live="polite">{progress}</p>
            <Show when=move || done.get().is_some()>
                <ChartFigure draw=distribution_draw settled />
            </Show>
        </section>
    }
}

/// Abandons the Monte Carlo run at every change of the inputs, and starts
/// one over the current inputs when they come to rest.
fn keep_running(scenario: RwSignal<Scenario>, settled: Settled, run: RwSignal<Run>) {
    let generation = StoredValue::new(0u64);
    effect(move || {
        scenario.track();
        generation.update_value(|g| *g += 1);
        run.set(Run::Running(0, 0));
    });
    // The page's own parts come first: a run started while they are still
    // being built (the first pause comes 150 ms after mounting) shared their
    // tasks and held back the moment the calculator is complete.
    let stages = use_context::<Stages>();
    effect(move || {
        let building = stages.is_some_and(|s| !s.done());
        // Only a run not yet started: printing also counts as a pause.
        if settled.count() == 0 || building || run.get_untracked() != Run::Running(0, 0) {
            return;
        }
        let s = scenario.get_untracked();
        let sampler = Sampler::new(&s, s.focus, &SPREADS, s.seed as u64);
        slice(sampler, s.samples as usize, generation.get_value(), generation, run);
    });
}

/// Takes samples for about [`SLICE_MS`], then yields to the browser and
/// continues, until the run is complete or a newer one has started.
/// Every access is a `try_`: the calculator may be unmounted between slices
/// (a host page removing its widget), and a panic would stop every widget.
fn slice(mut sampler: Sampler, total: usize, mine: u64, generation: StoredValue<u64>, run: RwSignal<Run>) {
    if generation.try_get_value() != Some(mine) {
        return;
    }
    let start = js_sys::Date::now();
    while sampler.taken() < total && js_sys::Date::now() - start < SLICE_MS {
        sampler.take(BATCH.min(total - sampler.taken()));
    }
    if sampler.taken() >= total {
        let _ = run.try_set(Run::Done(sampler.summary()));
        return;
    }
    let _ = run.try_set(Run::Running(sampler.taken(), total));
    set_timeout(move || slice(sampler, total, mine, generation, run), Duration::ZERO);
}
