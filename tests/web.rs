//! Component tests in headless Chromium (`make test-wasm`): mount real
//! components into the page and check the DOM they render.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use optics_calc::model::uncertainty::{SPREADS, monte_carlo};
use optics_calc::model::{Scenario, evaluate};
use optics_calc::ui::Calculator;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a calculator into a fresh element and returns that element.
fn mount(initial: Scenario) -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), move || view! { <Calculator initial=initial.clone() share_base="http://calc.test/".to_string() /> }).forget();
    host
}

/// Lets the reactive system flush pending effects (they run on a microtask).
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn metric(host: &web_sys::HtmlElement, key: &str) -> f64 {
    host.query_selector(&format!("[data-metric={key}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no [data-metric={key}]"))
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

fn set_input(host: &web_sys::HtmlElement, css: &str, value: &str) {
    let input: web_sys::HtmlInputElement = host.query_selector(css).unwrap().unwrap().unchecked_into();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn renders_the_module_count_of_the_default_scenario() {
    let host = mount(Scenario::default());
    tick().await;
    let want = evaluate(&Scenario::default()).metric("optical_modules").unwrap();
    assert_eq!(metric(&host, "optical_modules"), want);
}

#[wasm_bindgen_test]
async fn moving_the_gpu_slider_updates_the_module_count() {
    let host = mount(Scenario::default());
    tick().await;
    set_input(&host, "input[type=range][data-input=gpus]", "2048");
    tick().await;
    let mut s = Scenario::default();
    s.set_number("gpus", 2048.0);
    let want = evaluate(&s).metric("optical_modules").unwrap();
    assert_eq!(metric(&host, "optical_modules"), want);
    assert_ne!(want, evaluate(&Scenario::default()).metric("optical_modules").unwrap());
}

#[wasm_bindgen_test]
async fn a_typed_out_of_range_value_is_clamped_with_a_notice() {
    let host = mount(Scenario::default());
    tick().await;
    set_input(&host, "input[type=number][data-input-box=pue]", "9");
    tick().await;
    let notice = host.query_selector("[data-notice=pue]").unwrap().expect("a notice about pue");
    assert!(notice.text_content().unwrap().contains("outside"), "{:?}", notice.text_content());
    let shown: web_sys::HtmlInputElement =
        host.query_selector("input[type=number][data-input-box=pue]").unwrap().unwrap().unchecked_into();
    assert_eq!(shown.value(), "3", "the box shows the clamped value");
    let mut s = Scenario::default();
    s.set_number("pue", 3.0);
    assert_eq!(metric(&host, "facility_power_saved_w"), evaluate(&s).metric("facility_power_saved_w").unwrap());
}

#[wasm_bindgen_test]
async fn a_technology_choice_updates_the_headline_and_the_chart_table() {
    let host = mount(Scenario::default());
    tick().await;
    let select: web_sys::HtmlSelectElement = host.query_selector("select[data-input=alt]").unwrap().unwrap().unchecked_into();
    select.set_value("cpo");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    let mut s = Scenario::default();
    s.set_choice("alt", "cpo");
    assert_eq!(metric(&host, "power_saved_w"), evaluate(&s).metric("power_saved_w").unwrap());
    let svg = host.query_selector("[data-chart=power-by-tier] svg").unwrap();
    assert!(svg.is_some(), "the power chart is drawn");
}

/// Waits (up to `limit_ms`) until `css` matches an element in `host`.
async fn wait_for(host: &web_sys::HtmlElement, css: &str, limit_ms: f64) -> web_sys::Element {
    let start = js_sys::Date::now();
    loop {
        if let Some(e) = host.query_selector(css).unwrap() {
            return e;
        }
        assert!(js_sys::Date::now() - start < limit_ms, "{css} did not appear within {limit_ms} ms");
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn the_monte_carlo_run_finishes_in_the_background_with_the_seeded_percentiles() {
    let host = mount(Scenario::default());
    wait_for(&host, "[data-mc-state=done]", 60_000.0).await;
    let s = Scenario::default();
    let want = monte_carlo(&s, s.focus, &SPREADS, s.samples as usize, s.seed as u64);
    assert_eq!(metric(&host, "mc_p10"), want.p10);
    assert_eq!(metric(&host, "mc_p50"), want.p50);
    assert_eq!(metric(&host, "mc_p90"), want.p90);
    assert!(host.query_selector("[data-chart=distribution] svg").unwrap().is_some(), "the histogram is drawn");
    assert!(host.query_selector("[data-chart=tornado] svg").unwrap().is_some(), "the tornado is drawn");
}

#[wasm_bindgen_test]
async fn a_new_seed_restarts_the_run_and_changes_its_result() {
    let host = mount(Scenario::default());
    wait_for(&host, "[data-mc-state=done]", 60_000.0).await;
    let before = metric(&host, "mc_p50");
    set_input(&host, "input[type=number][data-input-box=seed]", "42");
    set_input(&host, "input[type=number][data-input-box=samples]", "2000");
    wait_for(&host, "[data-mc-state=running]", 5_000.0).await;
    wait_for(&host, "[data-mc-state=done]", 60_000.0).await;
    let mut s = Scenario::default();
    s.set_number("seed", 42.0);
    s.set_number("samples", 2000.0);
    let want = monte_carlo(&s, s.focus, &SPREADS, 2000, 42);
    assert_eq!(metric(&host, "mc_p50"), want.p50);
    assert_ne!(want.p50, before);
}
