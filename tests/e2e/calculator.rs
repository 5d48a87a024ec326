//! The calculator page loads, renders the model's figures and reacts to input.

use optics_calc::model::{Scenario, evaluate};

use optics_calc_e2e::Session;

/// Relative tolerance for comparing browser readouts with the native model:
/// both run the same Rust code, so only f64 formatting can differ.
fn assert_close(key: &str, got: f64, want: f64) {
    let tol = 1e-9 * want.abs().max(1.0);
    assert!((got - want).abs() <= tol, "{key}: page shows {got}, model computes {want}");
}

#[tokio::test]
async fn page_renders_the_default_scenario() {
    let s = Session::open("/", "", 1280, 900).await;
    let metrics = s.browser.metrics().await;
    let report = evaluate(&Scenario::default());
    let modules = report.metric("optical_modules").expect("optical_modules metric");
    assert!(modules > 0.0);
    assert_close("optical_modules", metrics["optical_modules"], modules);
    s.browser.screenshot("foundation-default").await;
    s.close().await;
}

#[tokio::test]
async fn moving_the_gpu_slider_recomputes_the_module_count() {
    let s = Session::open("/", "", 1280, 900).await;
    s.browser.set_input("input[type=range][data-input=gpus]", "4096").await;
    s.browser.next_frame().await;
    let metrics = s.browser.metrics().await;
    let mut scenario = Scenario::default();
    scenario.set_number("gpus", 4096.0);
    let want = evaluate(&scenario).metric("optical_modules").unwrap();
    assert_close("optical_modules", metrics["optical_modules"], want);
    s.close().await;
}
