//! The calculator page loads, renders the model's figures, reacts to input
//! and stays usable at phone width.

use optics_calc::model::{HEADLINE_KEYS, Scenario, evaluate};
use optics_calc_e2e::Session;
use serde_json::json;
use std::collections::HashMap;

/// Both sides run the same Rust code, so values agree up to f64 printing.
fn assert_close(key: &str, got: f64, want: f64) {
    let tol = 1e-9 * want.abs().max(1.0);
    assert!((got - want).abs() <= tol, "{key}: page shows {got}, model computes {want}");
}

/// Every headline key is on the page with the value the model computes natively.
pub fn assert_page_matches(page: &HashMap<String, f64>, scenario: &Scenario) {
    let report = evaluate(scenario);
    for key in HEADLINE_KEYS {
        let got = *page.get(*key).unwrap_or_else(|| panic!("no [data-metric={key}] on the page"));
        assert_close(key, got, report.metric(key).unwrap());
    }
}

#[tokio::test]
async fn page_renders_every_headline_figure_of_the_default_scenario() {
    let s = Session::open("/", "", 1280, 900).await;
    assert_page_matches(&s.browser.metrics().await, &Scenario::default());
    s.browser.screenshot("desktop-default").await;
    s.close().await;
}

#[tokio::test]
async fn changing_several_inputs_recomputes_every_figure() {
    let s = Session::open("/", "", 1280, 900).await;
    let b = &s.browser;
    b.set_input("input[type=range][data-input=gpus]", "100000").await;
    b.set_input("input[type=number][data-input-box=pue]", "1.3").await;
    b.set_input("select[data-input=alt]", "cpo").await;
    b.set_input("select[data-input=region]", "ercot").await;
    b.next_frame().await;
    let mut want = Scenario::default();
    want.set_number("gpus", 100_000.0);
    want.set_number("pue", 1.3);
    want.set_choice("alt", "cpo");
    want.set_choice("region", "ercot");
    assert_page_matches(&b.metrics().await, &want);
    s.close().await;
}

#[tokio::test]
async fn typed_out_of_range_value_is_clamped_with_a_notice() {
    let s = Session::open("/", "", 1280, 900).await;
    let b = &s.browser;
    b.set_input("input[type=number][data-input-box=pue]", "9").await;
    b.next_frame().await;
    let notices = b.notices().await;
    assert!(notices.iter().any(|n| n.contains("pue")), "no notice about pue: {notices:?}");
    let shown = b.js("return document.querySelector('[data-input-box=pue]').value", vec![]).await;
    assert_eq!(shown, json!("3"), "the box shows the clamped value");
    let mut want = Scenario::default();
    want.set_number("pue", 3.0);
    assert_page_matches(&b.metrics().await, &want);
    s.close().await;
}

#[tokio::test]
async fn phone_width_has_one_column_and_no_horizontal_scroll() {
    let s = Session::open("/", "", 390, 844).await;
    let b = &s.browser;
    let overflow = b
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
        .await;
    assert!(overflow.as_i64().unwrap_or(1) <= 0, "page scrolls sideways by {overflow} px");
    let columns = b
        .js("return getComputedStyle(document.querySelector('.oc-layout')).gridTemplateColumns.split(' ').length", vec![])
        .await;
    assert_eq!(columns, json!(1));
    b.screenshot("phone-default").await;
    s.close().await;
}

#[tokio::test]
async fn axe_finds_no_serious_or_critical_violations() {
    let s = Session::open("/", "", 1280, 900).await;
    let b = &s.browser;
    let axe = std::fs::read_to_string(optics_calc_e2e::project_root().join("node_modules/axe-core/axe.min.js"))
        .expect("node_modules/axe-core (make setup-test installs it)");
    b.js(&axe, vec![]).await;
    let result = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations']}).then(r => done(
               r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' +
                       v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')));",
            vec![],
        )
        .await
        .expect("axe.run");
    assert_eq!(result, json!([]), "accessibility violations");
    s.close().await;
}
