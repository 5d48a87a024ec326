//! Native benchmarks of the model and the charts (`make bench`): `evaluate`
//! (the Monte Carlo view runs it thousands of times), a 10,000-sample Monte
//! Carlo run, a tornado, and drawing each chart.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use optics_calc::charts::{ChartTheme, cumulative_cost, latency_breakdown, power_by_tier};
use optics_calc::format::NumberFormat;
use optics_calc::model::sensitivity::{MAIN_INPUTS, tornado};
use optics_calc::model::uncertainty::{SPREADS, monte_carlo};
use optics_calc::model::{Scenario, evaluate};

fn model(c: &mut Criterion) {
    let default = Scenario::default();
    c.bench_function("evaluate default", |b| b.iter(|| evaluate(black_box(&default))));
    let mut big = Scenario::default();
    big.set_number("gpus", 1_000_000.0);
    big.set_number("fe", 2.0);
    big.set_choice("alt", "cpo");
    c.bench_function("evaluate 1M GPUs + front-end, CPO", |b| b.iter(|| evaluate(black_box(&big))));
    c.bench_function("tornado npv_usd, 14 inputs", |b| {
        b.iter(|| tornado(black_box(&default), "npv_usd", 10.0, &MAIN_INPUTS))
    });
    let mut group = c.benchmark_group("monte carlo");
    group.sample_size(10);
    group.bench_function("10,000 samples npv_usd", |b| {
        b.iter(|| monte_carlo(black_box(&default), "npv_usd", &SPREADS, 10_000, 7))
    });
    group.finish();
}

fn charts(c: &mut Criterion) {
    let report = evaluate(&Scenario::default());
    let (fmt, theme) = (NumberFormat::default(), ChartTheme::default());
    c.bench_function("chart power_by_tier 720 px", |b| b.iter(|| power_by_tier(black_box(&report), &fmt, &theme, 720)));
    c.bench_function("chart cumulative_cost 720 px", |b| {
        b.iter(|| cumulative_cost(black_box(&report), &fmt, &theme, 720))
    });
    c.bench_function("chart latency_breakdown 720 px", |b| {
        b.iter(|| latency_breakdown(black_box(&report), &fmt, &theme, 720))
    });
}

criterion_group!(benches, model, charts);
criterion_main!(benches);
