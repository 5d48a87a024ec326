//! Share links: the URL follows the inputs, a link reproduces its report, and
//! hostile links load safely with notices.

use optics_calc::share::decode;
use optics_calc_e2e::Session;
use serde_json::json;

use crate::calculator::assert_page_matches;

#[tokio::test]
async fn crafted_link_reproduces_its_scenario() {
    let query = "v=1&gpus=65536&gbps=1600&alt=cpo&region=ercot&years=7&rate=6.5&alt_w=9.5";
    let s = Session::open("/", &format!("?{query}"), 1280, 900).await;
    let decoded = decode(query);
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert_page_matches(&s.browser.metrics().await, &decoded.scenario);
    s.close().await;
}

#[tokio::test]
async fn url_follows_the_inputs_and_reopens_to_the_same_report() {
    let s = Session::open("/", "", 1280, 900).await;
    let b = &s.browser;
    b.set_input("input[type=range][data-input=gpus]", "8192").await;
    b.set_input("select[data-input=base]", "lro").await;
    // The URL is written after a short quiet time.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let url = b.js("return location.href", vec![]).await;
    let url = url.as_str().expect("href").to_string();
    assert!(url.contains("gpus=8192") && url.contains("base=lro"), "URL not updated: {url}");
    let before = b.metrics().await;
    b.goto(&url).await;
    b.wait_for("[data-metric]").await;
    assert_eq!(b.metrics().await, before, "reopening the link changed the report");
    s.close().await;
}

#[tokio::test]
async fn hostile_link_loads_safe_values_with_notices_and_injects_nothing() {
    let query = "v=9&gpus=NaN&pue=1e308&rate=-5&base=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E\
                 &alt=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&zzz=%3Cb%3Ebold%3C%2Fb%3E&gpus=12&years=Infinity";
    let s = Session::open("/", &format!("?{query}"), 1280, 900).await;
    let b = &s.browser;
    let notices = b.notices().await;
    assert!(notices.len() >= 5, "expected a notice per problem, got {notices:?}");
    let injected = b
        .js(
            "return { pwned: window.pwned === 1,
                      scripts: document.querySelectorAll('.oc-root script').length,
                      imgs: document.querySelectorAll('.oc-root img').length,
                      bold: document.querySelectorAll('.oc-root b').length }",
            vec![],
        )
        .await;
    assert_eq!(injected, json!({"pwned": false, "scripts": 0, "imgs": 0, "bold": 0}));
    assert_page_matches(&b.metrics().await, &decode(query).scenario);
    s.close().await;
}
