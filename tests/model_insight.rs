//! Sensitivity and uncertainty against analytic cases.

use optics_calc::model::sensitivity::{MAIN_INPUTS, tornado};
use optics_calc::model::uncertainty::{SPREADS, Sampler, Spread, monte_carlo, summarise, triangular};
use optics_calc::model::{Scenario, evaluate};

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-12)
}

#[test]
fn a_linear_figure_swings_by_its_partial_derivative_times_x() {
    // cost_saved = energy_saved_kwh x usd_kwh: linear in the price, so at
    // +-10 % the figure moves by exactly +-10 % of itself (d/dp x 0.1 p).
    let s = Scenario::default();
    let (centre, swings) = tornado(&s, "cost_saved_usd_per_year", 10.0, &["usd_kwh"]);
    let w = &swings[0];
    assert!(close(w.metric_high - centre, 0.1 * centre, 1e-9), "{w:?} centre {centre}");
    assert!(close(centre - w.metric_low, 0.1 * centre, 1e-9), "{w:?}");
    assert!(close(w.input_high, 1.1 * s.number("usd_kwh").unwrap(), 1e-12));
}

#[test]
fn power_saved_swings_with_the_module_watts_only() {
    // power_saved = modules x (base_w - alt_w) (+ host SerDes, unchanged):
    // d/d(base_w) = modules, so +-10 % of base_w moves it by modules x 0.1 x base_w.
    let s = Scenario::default();
    let r = evaluate(&s);
    let modules = r.metric("optical_modules").unwrap();
    let base_w = s.number("base_w").unwrap();
    let (_, swings) = tornado(&s, "power_saved_w", 10.0, &MAIN_INPUTS);
    let top = &swings[0];
    assert!(top.key == "base_w" || top.key == "alt_w", "widest bar is a module wattage: {top:?}");
    let bw = swings.iter().find(|w| w.key == "base_w").unwrap();
    let expected = modules * 0.2 * base_w;
    assert!(close(bw.range(), expected, 0.02), "{} vs {expected}", bw.range());
    for key in ["usd_kwh", "rate", "install", "gpu_h_usd"] {
        let w = swings.iter().find(|w| w.key == key).unwrap();
        assert_eq!(w.range(), 0.0, "{key} does not change the power saved");
    }
    assert!(swings.windows(2).all(|p| p[0].range() >= p[1].range()), "sorted widest first");
}

#[test]
fn triangular_inverse_cdf_hits_the_ends_and_the_mode() {
    assert_eq!(triangular(1.0, 2.0, 4.0, 0.0), 1.0);
    assert!(close(triangular(1.0, 2.0, 4.0, 1.0 / 3.0), 2.0, 1e-12), "F(mode) = (2-1)/(4-1)");
    assert!(close(triangular(1.0, 2.0, 4.0, 1.0 - 1e-15), 4.0, 1e-6));
    assert_eq!(triangular(3.0, 3.0, 3.0, 0.7), 3.0);
}

#[test]
fn monte_carlo_mean_matches_the_analytic_mean() {
    // cost_saved is linear in usd_kwh, so its mean is cost_saved at the mean
    // price: mean of triangular(a, c, b) = (a + b + c) / 3.
    let s = Scenario::default();
    let p = s.number("usd_kwh").unwrap();
    let spread = Spread { key: "usd_kwh", below_pct: 20.0, above_pct: 50.0, source: "test" };
    let d = monte_carlo(&s, "cost_saved_usd_per_year", &[spread], 10_000, 42);
    let mean_price = (0.8 * p + p + 1.5 * p) / 3.0;
    let mut at_mean = s.clone();
    at_mean.set_number("usd_kwh", mean_price);
    let want = evaluate(&at_mean).metric("cost_saved_usd_per_year").unwrap();
    assert!(close(d.mean, want, 0.01), "mean {} vs analytic {want}", d.mean);
    assert!(d.p10 < d.p50 && d.p50 < d.p90, "{d:?}");
    assert_eq!(d.histogram.iter().sum::<u32>(), 10_000);
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let s = Scenario::default();
    let a = monte_carlo(&s, "npv_usd", &SPREADS, 500, 7);
    assert_eq!(a, monte_carlo(&s, "npv_usd", &SPREADS, 500, 7));
    assert_ne!(a, monte_carlo(&s, "npv_usd", &SPREADS, 500, 8));
}

#[test]
fn a_run_taken_in_chunks_equals_the_run_taken_at_once() {
    let s = Scenario::default();
    let mut chunked = Sampler::new(&s, "npv_usd", &SPREADS, 7);
    for n in [1, 99, 150, 250] {
        chunked.take(n);
    }
    assert_eq!(chunked.taken(), 500);
    assert_eq!(chunked.summary(), monte_carlo(&s, "npv_usd", &SPREADS, 500, 7));
}

#[test]
fn percentiles_use_nearest_rank() {
    let d = summarise((1..=10).map(f64::from).collect());
    assert_eq!((d.p10, d.p50, d.p90, d.mean), (1.0, 5.0, 9.0, 5.5));
    assert_eq!(summarise(vec![]).samples, 0);
}
