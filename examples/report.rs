//! The end-to-end tests' oracle: for each share-link query given as an
//! argument, prints one JSON line with the headline figures and the notices
//! (from decoding the link, then from the model) that the natively compiled
//! code produces for it. The browser must show the
//! same (`tests/e2e/harness.mjs`).
//!
//!     cargo run -q --example report -- 'v=1&gpus=65536&alt=cpo'

use optics_calc::model::{HEADLINE_KEYS, evaluate};
use optics_calc::share::decode;
use serde_json::{Map, Value, json};

fn main() {
    for query in std::env::args().skip(1) {
        let decoded = decode(&query);
        let report = evaluate(&decoded.scenario);
        let metrics: Map<String, Value> =
            HEADLINE_KEYS.iter().map(|&k| (k.to_string(), json!(report.metric(k)))).collect();
        let notices: Vec<_> = decoded.notices.iter().chain(&report.notices).collect();
        println!("{}", json!({ "query": query, "metrics": metrics, "notices": notices }));
    }
}
