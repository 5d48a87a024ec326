//! Benchmark of `evaluate` (the Monte Carlo view runs it thousands of times).

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use optics_calc::model::{Scenario, evaluate};

fn bench(c: &mut Criterion) {
    let default = Scenario::default();
    c.bench_function("evaluate default", |b| b.iter(|| evaluate(black_box(&default))));
    let mut big = Scenario::default();
    big.set_number("gpus", 1_000_000.0);
    big.set_number("fe", 2.0);
    big.set_choice("alt", "cpo");
    c.bench_function("evaluate 1M GPUs + front-end, CPO", |b| b.iter(|| evaluate(black_box(&big))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
