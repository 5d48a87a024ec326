//! Component tests in headless Chromium (`make test-wasm`): mount real
//! components into the page and check the DOM they render.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use optics_calc::embed::config::HostConfig;
use optics_calc::model::uncertainty::{SPREADS, monte_carlo};
use optics_calc::model::{Scenario, evaluate};
use optics_calc::ui::{CalcOptions, CalcState, Calculator};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a calculator into a fresh element and returns that element once
/// every part of it is built (they are built in stages, `ui::stages`). It
/// goes first in the page, above the calculators of earlier tests, laid out
/// by the app's stylesheet: a headline out of view follows the inputs only
/// at rest.
async fn mount(initial: Scenario) -> web_sys::HtmlElement {
    let doc = document();
    if doc.get_element_by_id("oc-test-style").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("oc-test-style");
        style.set_text_content(Some(include_str!("../style/main.css")));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_class_name("oc-root");
    doc.body().unwrap().prepend_with_node_1(&host).unwrap();
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    leptos::mount::mount_to(host.clone(), move || {
        let options = CalcOptions::from_config(&HostConfig::default(), "http://calc.test/".into());
        let state = CalcState::new(initial, Vec::new(), None, options.catalog.clone());
        view! { <Calculator state options /> }
    })
    .forget();
    wait_for(&host, ".oc-calculator[data-ready]", 10_000.0).await;
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

/// The input `css` finds in `host`.
fn input_at(host: &web_sys::HtmlElement, css: &str) -> web_sys::HtmlInputElement {
    host.query_selector(css).unwrap().unwrap_or_else(|| panic!("no {css}")).unchecked_into()
}

fn set_input(host: &web_sys::HtmlElement, css: &str, value: &str) {
    let input = input_at(host, css);
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn renders_the_module_count_of_the_default_scenario() {
    let host = mount(Scenario::default()).await;
    tick().await;
    let want = evaluate(&Scenario::default()).metric("optical_modules").unwrap();
    assert_eq!(metric(&host, "optical_modules"), want);
}

#[wasm_bindgen_test]
async fn every_input_names_its_unit_once() {
    let host = mount(Scenario::default()).await;
    let labels = host.query_selector_all(".oc-field label").unwrap();
    assert!(labels.length() > 40, "only {} labels", labels.length());
    for i in 0..labels.length() {
        let text = labels.item(i).unwrap().text_content().unwrap_or_default();
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(!words.windows(2).any(|w| w[0] == w[1]), "label {text:?} repeats a word");
    }
    let gpus = host.query_selector("label[for=oc-in-gpus]").unwrap().unwrap();
    assert_eq!(gpus.text_content().unwrap().trim(), "GPUs");
    let gpu_box = host.query_selector("[data-input-box=gpus]").unwrap().unwrap();
    assert_eq!(gpu_box.get_attribute("aria-label").as_deref(), Some("GPUs"));
    // A unit that says something more is still given, in the label and the box's name.
    let size = host.query_selector("[data-input-box=group]").unwrap().unwrap();
    assert_eq!(size.get_attribute("aria-label").as_deref(), Some("Collective group size (GPUs)"));
}

#[wasm_bindgen_test]
async fn a_computed_catalog_value_is_shown_at_its_step_until_overridden() {
    let host = mount(Scenario::default()).await;
    tick().await;
    let boxed = |key: &str| input_at(&host, &format!("input[type=number][data-input-box={key}]")).value();
    // The LPO proposal's temperature-adjusted AFR, 0.5892...%/yr, at the 0.01 step.
    assert_eq!(boxed("alt_afr"), "0.59");
    set_input(&host, "input[type=number][data-input-box=alt_afr]", "0.8");
    tick().await;
    assert_eq!(boxed("alt_afr"), "0.8");
    let mut s = Scenario::default();
    s.set_number("alt_afr", 0.8);
    assert_eq!(metric(&host, "failures_avoided_per_year"), evaluate(&s).metric("failures_avoided_per_year").unwrap());
}

#[wasm_bindgen_test]
async fn moving_the_gpu_slider_updates_the_module_count() {
    let host = mount(Scenario::default()).await;
    tick().await;
    set_input(&host, "input[type=range][data-input=gpus]", "2048");
    tick().await;
    let mut s = Scenario::default();
    s.set_number("gpus", 2048.0);
    let want = evaluate(&s).metric("optical_modules").unwrap();
    assert_eq!(metric(&host, "optical_modules"), want);
    assert_ne!(want, evaluate(&Scenario::default()).metric("optical_modules").unwrap());
}

/// The cells of the table under `[data-chart=<id>]`, row by row (nth-child
/// lookups: web-sys's NodeList is not among the features the app compiles).
fn chart_table(host: &web_sys::HtmlElement, id: &str) -> Vec<Vec<String>> {
    let cell = |row: usize, col: usize| {
        host.query_selector(&format!("[data-chart={id}] tbody tr:nth-child({row}) td:nth-child({col})"))
            .unwrap()
            .map(|td| td.text_content().unwrap_or_default())
    };
    (1..)
        .map_while(|row| {
            let cells: Vec<String> = (1..).map_while(|col| cell(row, col)).collect();
            (!cells.is_empty()).then_some(cells)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_chart_opens_as_a_table_of_its_figures_that_follows_the_inputs() {
    use optics_calc::charts::{ChartTheme, power_by_tier};
    use optics_calc::format::NumberFormat;
    let host = mount(Scenario::default()).await;
    tick().await;
    let native =
        |s: &Scenario| power_by_tier(&evaluate(s), &NumberFormat::default(), &ChartTheme::default(), 640).table.rows;
    assert!(chart_table(&host, "power-by-tier").is_empty(), "a closed table is not built");
    let details: web_sys::HtmlDetailsElement =
        host.query_selector("[data-chart=power-by-tier] details").unwrap().unwrap().unchecked_into();
    details.set_open(true);
    wait_for(&host, "[data-chart=power-by-tier] tbody tr", 5_000.0).await;
    assert_eq!(chart_table(&host, "power-by-tier"), native(&Scenario::default()));
    set_input(&host, "input[type=range][data-input=gpus]", "2048");
    tick().await;
    let mut s = Scenario::default();
    s.set_number("gpus", 2048.0);
    assert_ne!(native(&s), native(&Scenario::default()), "the case changes the table");
    assert_eq!(chart_table(&host, "power-by-tier"), native(&s), "an open table follows the inputs");
}

/// The slider and its box show the scenario's value whichever changed it:
/// the other control, or a preset (set by an effect of `ui::inputs`).
#[wasm_bindgen_test]
async fn the_slider_and_its_box_follow_each_other_and_the_presets() {
    let host = mount(Scenario::default()).await;
    tick().await;
    let slider = input_at(&host, "input[type=range][data-input=gpus]");
    let field = input_at(&host, "input[type=number][data-input-box=gpus]");
    set_input(&host, "input[type=number][data-input-box=gpus]", "4096");
    tick().await;
    assert_eq!(slider.value(), "4096", "a typed value moves the slider");
    set_input(&host, "input[type=range][data-input=gpus]", "2048");
    tick().await;
    assert_eq!(field.value(), "2048", "the slider's value is in the box");
    let preset: web_sys::HtmlElement = host.query_selector("[data-preset='8k']").unwrap().unwrap().unchecked_into();
    preset.click();
    tick().await;
    assert_eq!((slider.value().as_str(), field.value().as_str()), ("8192", "8192"), "a preset moves both");
    let mut s = Scenario::default();
    s.set_number("gpus", 8192.0);
    assert_eq!(metric(&host, "optical_modules"), evaluate(&s).metric("optical_modules").unwrap(), "the figures too");
}

#[wasm_bindgen_test]
async fn a_typed_out_of_range_value_is_clamped_with_a_notice() {
    let host = mount(Scenario::default()).await;
    tick().await;
    set_input(&host, "input[type=number][data-input-box=pue]", "9");
    tick().await;
    let notice = host.query_selector("[data-notice=pue]").unwrap().expect("a notice about pue");
    assert!(notice.text_content().unwrap().contains("outside"), "{:?}", notice.text_content());
    let shown = input_at(&host, "input[type=number][data-input-box=pue]");
    assert_eq!(shown.value(), "3", "the box shows the clamped value");
    // Again, now that the value is already 3 (no change for the field's memo),
    // then something that is not a number: the box still shows the value.
    set_input(&host, "input[type=number][data-input-box=pue]", "12");
    tick().await;
    assert_eq!(shown.value(), "3", "a second clamp to the same value is shown too");
    set_input(&host, "input[type=number][data-input-box=pue]", "abc");
    tick().await;
    assert_eq!(shown.value(), "3", "an unparsable entry gives way to the value");
    let notice = host.query_selector("[data-notice=pue]").unwrap().expect("a notice about the entry");
    assert!(notice.text_content().unwrap().contains("not a number"), "{:?}", notice.text_content());
    let mut s = Scenario::default();
    s.set_number("pue", 3.0);
    assert_eq!(metric(&host, "facility_power_saved_w"), evaluate(&s).metric("facility_power_saved_w").unwrap());
}

#[wasm_bindgen_test]
async fn a_technology_choice_updates_the_headline_and_the_chart_table() {
    let host = mount(Scenario::default()).await;
    tick().await;
    let select: web_sys::HtmlSelectElement =
        host.query_selector("select[data-input=alt]").unwrap().unwrap().unchecked_into();
    select.set_value("cpo");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    let mut s = Scenario::default();
    s.set_choice("alt", "cpo");
    assert_eq!(metric(&host, "power_saved_w"), evaluate(&s).metric("power_saved_w").unwrap());
    let canvas = host.query_selector("[data-chart=power-by-tier] canvas[aria-label]").unwrap();
    assert!(canvas.is_some(), "the power chart is painted");
}

/// Waits (up to `limit_ms`) until `css` matches an element in `host`.
async fn wait_for(host: &web_sys::HtmlElement, css: &str, limit_ms: f64) -> web_sys::Element {
    let found = || host.query_selector(css).unwrap();
    wait_until(&format!("{css} did not appear"), limit_ms, || found().is_some()).await;
    found().unwrap()
}

/// Waits until `done` holds, for at most `limit_ms` (else fails: `what`).
async fn wait_until(what: &str, limit_ms: f64, done: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !done() {
        assert!(js_sys::Date::now() - start < limit_ms, "{what} within {limit_ms} ms");
        tick().await;
    }
}

/// Resolves after the next frame (the browser's visibility reports come with frames).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_headline_scrolled_out_of_view_follows_the_inputs_at_rest() {
    let host = mount(Scenario::default()).await;
    let before = metric(&host, "optical_modules");
    host.query_selector(".oc-compare").unwrap().unwrap().scroll_into_view();
    for _ in 0..3 {
        next_frame().await;
    }
    set_input(&host, "input[type=range][data-input=gpus]", "2048");
    tick().await;
    // A drag's frames skip the figures nobody sees...
    assert_eq!(metric(&host, "optical_modules"), before);
    // ...which are right once the inputs rest.
    let mut s = Scenario::default();
    s.set_number("gpus", 2048.0);
    let want = evaluate(&s).metric("optical_modules").unwrap();
    wait_until("the headline did not follow", 2_000.0, || metric(&host, "optical_modules") == want).await;
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn the_monte_carlo_run_finishes_in_the_background_with_the_seeded_percentiles() {
    let host = mount(Scenario::default()).await;
    wait_for(&host, "[data-mc-state=done]", 60_000.0).await;
    let s = Scenario::default();
    let want = monte_carlo(&s, s.focus, &SPREADS, s.samples as usize, s.seed as u64);
    assert_eq!(metric(&host, "mc_p10"), want.p10);
    assert_eq!(metric(&host, "mc_p50"), want.p50);
    assert_eq!(metric(&host, "mc_p90"), want.p90);
    // Each chart is painted in a task of its own, the histogram once the run is done.
    wait_for(&host, "[data-chart=distribution] canvas[aria-label]", 5_000.0).await;
    wait_for(&host, "[data-chart=tornado] canvas[aria-label]", 5_000.0).await;
}

#[wasm_bindgen_test]
async fn a_new_seed_restarts_the_run_and_changes_its_result() {
    let host = mount(Scenario::default()).await;
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

/// Waits `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The pixels of the chart `[data-chart=<id>]`, as a PNG data URL.
fn chart_pixels(host: &web_sys::HtmlElement, id: &str) -> String {
    let canvas = host.query_selector(&format!("[data-chart={id}] canvas")).unwrap().unwrap();
    canvas.unchecked_into::<web_sys::HtmlCanvasElement>().to_data_url().unwrap()
}

/// Where an element's top edge is, in CSS pixels from the viewport's top
/// (`getBoundingClientRect`, called by name: DomRect is not among the app's
/// web-sys features).
fn top_px(el: &web_sys::Element) -> f64 {
    let get = js_sys::Reflect::get(el, &"getBoundingClientRect".into()).unwrap();
    let rect = get.unchecked_into::<js_sys::Function>().call0(el).unwrap();
    js_sys::Reflect::get(&rect, &"top".into()).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn a_chart_out_of_view_is_redrawn_when_the_inputs_come_to_rest() {
    let host = mount(Scenario::default()).await;
    wait_for(&host, "[data-mc-state=done]", 60_000.0).await;
    let power = host.query_selector("[data-chart=power-by-tier]").unwrap().unwrap();
    power.scroll_into_view();
    sleep(500).await; // the browser reports what is in view after a frame: generous for a loaded machine
    let tornado = host.query_selector("[data-chart=tornado]").unwrap().unwrap();
    let viewport_px = web_sys::window().unwrap().inner_height().unwrap().as_f64().unwrap();
    assert!(top_px(&tornado) > viewport_px, "precondition: the tornado is below the viewport");
    let (power_before, tornado_before) = (chart_pixels(&host, "power-by-tier"), chart_pixels(&host, "tornado"));

    set_input(&host, "input[type=range][data-input=gpus]", "2048");
    tick().await;
    assert_ne!(chart_pixels(&host, "power-by-tier"), power_before, "a chart in view follows each input");
    assert_eq!(chart_pixels(&host, "tornado"), tornado_before, "a chart out of view waits for the inputs to rest");

    sleep(400).await;
    let rested = chart_pixels(&host, "tornado");
    assert_ne!(rested, tornado_before, "and is redrawn once they have");
    // Scrolled into view, it is already up to date: nothing is drawn again.
    tornado.scroll_into_view();
    sleep(500).await;
    assert_eq!(chart_pixels(&host, "tornado"), rested);
}

// ---- embedding: the JS API behind embed.js, called as a host page would ----

/// A fresh host element on the page, and a widget mounted into it with a
/// JSON config, once every part of it is built.
async fn embed(config: &str) -> (web_sys::HtmlElement, optics_calc::embed::Widget) {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().prepend_with_node_1(&host).unwrap();
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    let widget = optics_calc::embed::mount(host.clone().into(), JsValue::from_str(config))
        .unwrap_or_else(|_| panic!("mount failed"));
    wait_for(&shadow(&host), ".oc-calculator[data-ready]", 10_000.0).await;
    (host, widget)
}

/// The widget's shadow root, as an element to query.
fn shadow(host: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    let root = js_sys::Reflect::get(host, &"shadowRoot".into()).unwrap();
    let inner = js_sys::Reflect::get(&root, &"firstElementChild".into()).unwrap();
    assert!(!inner.is_null(), "the widget renders inside an open shadow root");
    inner.unchecked_into()
}

const SHOP: &str = r##"{
  "theme": {"accent": "#aa0000", "radius": 2},
  "locale": {"tag": "de-DE", "currency": "€"},
  "scenario": "gpus=8192",
  "sections": {"methodology": false, "insight": false},
  "charts": ["cost"],
  "catalog": {"mode": "replace", "skus": [
    {"sku": "LPO-800", "name": "800G LPO DR8", "tech": "lpo", "gbps": 800, "power_w": 8.5, "latency_ns": 5, "price_usd": 790},
    {"sku": "CPO-800", "name": "800G CPO port", "tech": "cpo", "gbps": 800, "power_w": 5, "latency_ns": 3, "price_usd": 600}]},
  "cta": {"label": "Zum Warenkorb", "url": "https://shop.example/cart?sku={sku}&qty={qty}"}
}"##;

#[wasm_bindgen_test]
async fn a_configured_widget_shows_the_hosts_choices() {
    let (host, _widget) = embed(SHOP).await;
    tick().await;
    let root = shadow(&host);
    assert!(host.query_selector("[data-metric]").unwrap().is_none(), "nothing renders into the host's light DOM");
    assert_eq!(root.get_attribute("style").unwrap(), "--oc-accent: #aa0000; --oc-radius: 2px;");
    let mut s = Scenario::default();
    s.set_number("gpus", 8192.0);
    assert_eq!(metric(&root, "optical_modules"), evaluate(&s).metric("optical_modules").unwrap());
    assert!(root.query_selector(".oc-methodology").unwrap().is_none(), "methodology hidden");
    assert!(root.query_selector("[data-mc-state]").unwrap().is_none(), "insight hidden");
    assert!(root.query_selector("[data-chart=cumulative-cost]").unwrap().is_some(), "the cost chart is shown");
    assert!(
        root.query_selector("[data-chart]:not([data-chart=cumulative-cost])").unwrap().is_none(),
        "and no other chart"
    );
    // German number format, euro after the number.
    let npv = root.query_selector("[data-metric=npv_usd]").unwrap().unwrap().text_content().unwrap();
    assert!(npv.ends_with(" €"), "{npv}");
    // Replace mode: the product picker replaces the technology select; no SKU matches the start scenario.
    assert!(root.query_selector("select[data-input=alt]").unwrap().is_none());
    let picker: web_sys::HtmlSelectElement =
        root.query_selector("select[data-input=product]").unwrap().unwrap().unchecked_into();
    picker.set_value("sku:1");
    picker.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    // The CPO SKU is now the proposal: its figures are the overrides, and the bill counts CPO ports.
    s.set_choice("alt", "cpo");
    s.set_number("alt_w", 5.0);
    s.set_number("alt_ns", 3.0);
    s.set_number("alt_usd", 600.0);
    let r = evaluate(&s);
    // Unstyled here (the test server has no stylesheet for the widget), the
    // inputs stack above the headline, out of view: it follows at rest.
    let saved_w = r.metric("power_saved_w").unwrap();
    wait_until("the headline did not follow", 2_000.0, || metric(&root, "power_saved_w") == saved_w).await;
    let bill = root.query_selector("[data-bill-sku]").unwrap().expect("a bill of materials");
    assert_eq!(bill.get_attribute("data-bill-sku").unwrap(), "CPO-800");
    let ports = r.proposed.optical_modules - r.proposed.nic_end_modules;
    let qty = (ports as f64 * 1.05).ceil() as u64;
    assert_eq!(bill.get_attribute("data-bill-qty").unwrap(), qty.to_string());
    let cta = root.query_selector("a[data-action=cta]").unwrap().unwrap();
    assert_eq!(cta.get_attribute("href").unwrap(), format!("https://shop.example/cart?sku=CPO-800&qty={qty}"));
    assert_eq!(cta.text_content().unwrap(), "Zum Warenkorb");
    // The chart names the proposed side after the chosen product, in the drawing and its table.
    let chart = root.query_selector("[data-chart=cumulative-cost]").unwrap().unwrap();
    // Out of view, the chart is drawn again once the inputs come to rest.
    let label =
        wait_for(&chart.clone().unchecked_into(), "canvas[aria-label*='proposed (800G CPO port)']", 5_000.0).await;
    assert!(label.get_attribute("aria-label").is_some(), "the series is named after the SKU");
    chart.query_selector("details").unwrap().unwrap().unchecked_into::<web_sys::HtmlDetailsElement>().set_open(true);
    let caption = wait_for(&root, "[data-chart=cumulative-cost] caption", 5_000.0).await.text_content().unwrap();
    assert!(caption.contains("proposed 800G CPO port"), "{caption}");
    // So does the side-by-side table's proposed column.
    let head = root.query_selector(".oc-compare thead").unwrap().unwrap().text_content().unwrap();
    assert!(head.contains("Proposed (800G CPO port)"), "{head}");
}

#[wasm_bindgen_test]
async fn two_widgets_are_independent_and_the_api_drives_one() {
    let (host_a, widget_a) = embed("{}").await;
    let (host_b, mut widget_b) = embed(r#"{"scenario": {"gpus": 4096}}"#).await;
    // Every recalculation is announced on the host element.
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<f64>::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let detail = js_sys::Reflect::get(&e, &"detail".into()).unwrap();
            let figures = js_sys::Reflect::get(&detail, &"figures".into()).unwrap();
            let modules = js_sys::Reflect::get(&figures, &"optical_modules".into()).unwrap();
            seen.borrow_mut().push(modules.as_f64().unwrap());
        })
    };
    host_a.add_event_listener_with_callback("optics-calc:change", record.as_ref().unchecked_ref()).unwrap();
    record.forget();
    tick().await;
    let notices = widget_a.set_scenario(JsValue::from_str("gpus=2048&pue=9")).unwrap();
    tick().await;
    let mut s = Scenario::default();
    s.set_number("gpus", 2048.0);
    s.set_number("pue", 3.0);
    let want = evaluate(&s).metric("optical_modules").unwrap();
    assert_eq!(seen.borrow().last().copied(), Some(want), "the change event carries the new figures at once");
    // Widget a is below b, out of view: its headline follows at rest.
    wait_until("widget a did not follow", 2_000.0, || metric(&shadow(&host_a), "optical_modules") == want).await;
    let notices: Vec<String> = js_sys::Array::from(&notices).iter().filter_map(|n| n.as_string()).collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].starts_with("pue:"));
    // The other widget kept its own scenario.
    let mut b = Scenario::default();
    b.set_number("gpus", 4096.0);
    assert_eq!(metric(&shadow(&host_b), "optical_modules"), evaluate(&b).metric("optical_modules").unwrap());
    // report() gives the same figures as the page.
    let report = widget_a.report().unwrap();
    let figures = js_sys::Reflect::get(&report, &"figures".into()).unwrap();
    assert_eq!(js_sys::Reflect::get(&figures, &"optical_modules".into()).unwrap().as_f64(), Some(want));
    // Unmount empties the shadow root; the handle then refuses politely, and the element can be mounted again.
    widget_b.unmount();
    let root = js_sys::Reflect::get(&host_b, &"shadowRoot".into()).unwrap();
    assert_eq!(js_sys::Reflect::get(&root, &"childElementCount".into()).unwrap().as_f64(), Some(0.0));
    assert!(widget_b.report().is_err());
    assert!(widget_b.set_scenario(JsValue::from_str("gpus=8")).is_err());
    let again = optics_calc::embed::mount(host_b.clone().into(), JsValue::UNDEFINED);
    assert!(again.is_ok(), "an unmounted element takes a new widget");
    assert!(optics_calc::embed::mount(host_b.clone().into(), JsValue::UNDEFINED).is_err(), "but never two at once");
}

#[wasm_bindgen_test]
async fn a_broken_config_still_gives_a_working_widget() {
    let (host, _widget) = embed(
        r#"{"theme": {"accent": "url(javascript:alert(1))"}, "catalog": 7, "cta": {"url": "javascript:alert('{sku}')"}, "scenario": "gpus=<b>x</b>"}"#,
    )
    .await;
    tick().await;
    let root = shadow(&host);
    assert_eq!(root.get_attribute("style"), None, "no unchecked value reaches the style");
    assert_eq!(metric(&root, "optical_modules"), evaluate(&Scenario::default()).metric("optical_modules").unwrap());
    assert!(root.query_selector("b").unwrap().is_none(), "config text is never markup");
    assert!(root.query_selector("a[data-action=cta]").unwrap().is_none());
}

/// In the browser, typed and linked numbers are read by the engine's
/// `parseFloat` after `src/decimal.rs` checks their grammar: every text gets
/// exactly `f64::from_str`'s answer, to the bit (seeded, 20,000 texts).
#[wasm_bindgen_test]
fn a_decimal_is_read_as_from_str_reads_it() {
    use optics_calc::decimal::parse_decimal;
    let mut rng = fastrand::Rng::with_seed(31);
    let pieces =
        ["0", "1", "5", "9", "17", "000", ".", "e", "E", "+", "-", "123456789", "4", "2", "inf", "nan", "x", " "];
    let fixed = [
        "0.1",
        "0.3",
        "2.2250738585072011e-308",
        "4.9e-324",
        "1.7976931348623157e308",
        "1e400",
        "9007199254740993",
        "0.30000000000000004",
        "123456789012345678901234567890",
        "-0",
        "1e-400",
        "Infinity",
        "-NAN",
    ];
    let texts = fixed.iter().map(|t| t.to_string()).chain(
        (0..20_000).map(|_| (0..rng.usize(1..8)).map(|_| pieces[rng.usize(..pieces.len())]).collect::<String>()),
    );
    for text in texts {
        let ours = parse_decimal(&text);
        let std = text.parse::<f64>().ok();
        assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{text:?}: {ours:?} against {std:?}");
    }
}

/// In the browser, JSON (host configs, imports, the texts file) is read by
/// the engine's `JSON.parse` and copied into a `serde_json::Value`
/// (`src/json.rs`): every text gets serde_json's answer (correctly rounded
/// numbers: `float_roundtrip`), its value or a refusal (seeded, 20,000
/// texts; numbers compared as doubles, since the browser cannot tell `3.0`
/// from `3`).
#[wasm_bindgen_test]
fn json_is_read_as_serde_json_reads_it() {
    use optics_calc::json::{MAX_DEPTH, parse};
    use serde_json::Value;
    fn doubles(v: Value) -> Value {
        match v {
            Value::Number(n) => Value::from(n.as_f64().unwrap()),
            Value::Array(list) => Value::Array(list.into_iter().map(doubles).collect()),
            Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, doubles(v))).collect()),
            other => other,
        }
    }
    let mut rng = fastrand::Rng::with_seed(31);
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        "\"a\"",
        "\"b\"",
        ":",
        ",",
        "1",
        "-0",
        "2.5e3",
        "0.1",
        "01",
        "true",
        "null",
        " ",
        "\n",
        "\"\\u00e9\\n\"",
        "\"\\\\\"",
        "1e400",
        "x",
        "\"",
        "\"__proto__\"",
    ];
    let nested = |levels: usize| format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
    let fixed = [
        r#"{"catalog": {"mode": "add", "skus": [{"sku": "A", "power_w": 8.5, "price_usd": 790}]}, "url_sync": false}"#
            .into(),
        r#"{"a": 1, "a": [2], "__proto__": {"b": null}}"#.into(),
        r#"["\u20ac", "\ud83d\ude00", -9007199254740991, 1.7976931348623157e308, 5e-324]"#.into(),
        "[0.30000000000000004, 2.2250738585072011e-308, 123456789012345678901234567890, 12.5e31]".into(),
        "[1, 2,]".into(),
        "".into(),
        nested(MAX_DEPTH),
        nested(MAX_DEPTH + 1),
        nested(100_000),
    ];
    let texts = fixed.into_iter().chain(
        (0..20_000).map(|_| (0..rng.usize(1..10)).map(|_| pieces[rng.usize(..pieces.len())]).collect::<String>()),
    );
    for text in texts {
        let ours = parse(&text).map(doubles);
        let serde = serde_json::from_str::<Value>(&text).map(doubles);
        match (&ours, &serde) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{text:?}: {ours:?} against {serde:?}"),
        }
    }
}
