//! Page actions: copy a share link, export CSV and JSON, import JSON, print,
//! reset.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::export::{from_json, to_csv, to_json};
use crate::model::{Notice, Scenario};
use crate::texts::Texts;
use crate::ui::CalcState;
use crate::ui::browser::{copy_to_clipboard, download_text};
use crate::ui::texts::{self, TextsState};

/// How long the "Copied" feedback stays, ms.
const FEEDBACK_MS: u64 = 2_000;

/// The fragment that asks the calculator's page to print its report once
/// it has drawn it (what a widget's Print button opens).
pub const PRINT_FRAGMENT: &str = "print";

/// Opens the methodology (the report's sources page, built while open) and
/// prints the page after the pending reactive updates: the browser prints
/// the page as it stands when `print()` is called.
pub fn print_soon(methodology_open: RwSignal<bool>) {
    // try_: this runs once the texts are in, perhaps after an unmount.
    let _ = methodology_open.try_set(true);
    set_timeout(
        || {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        },
        std::time::Duration::ZERO,
    );
}

#[component]
pub fn Actions(
    state: CalcState,
    /// Where share links point: the standalone calculator page (the link
    /// is `<base>?<query>`), or a host page ending in `#` whose widget reads
    /// its scenario from the fragment (`<page>#<query>`: a store's product page).
    share_base: String,
    /// Whether the calculator has its page to itself
    /// ([`crate::ui::CalcOptions::own_page`]).
    own_page: bool,
) -> impl IntoView {
    let CalcState { scenario, report, notices, settled, .. } = state;
    let copied = RwSignal::new(None::<bool>);
    // Links to a host page carry the scenario in its fragment.
    let to_host_page = share_base.ends_with('#');
    let share_base = StoredValue::new(share_base);
    let link = move || {
        let sep = if to_host_page { "" } else { "?" };
        format!("{}{sep}{}", share_base.get_value(), state.query())
    };
    let copy = move |_| {
        let url = link();
        spawn_local(async move {
            let ok = copy_to_clipboard(&url).await;
            // try_ after every wait: the widget may have been unmounted meanwhile.
            let _ = copied.try_set(Some(ok));
            set_timeout(
                move || {
                    let _ = copied.try_set(None);
                },
                std::time::Duration::from_millis(FEEDBACK_MS),
            );
        });
    };
    let report_error = move |key: &str, result: Result<(), String>| {
        if let Err(e) = result {
            notices.set(vec![Notice::new(key, e)]);
        }
    };
    // The Source column comes from the texts file: written once it is in.
    let csv = move |_| {
        texts::when_settled(move |t| {
            let none = Texts::default();
            let texts = match t {
                TextsState::Loaded(t) => t.as_ref(),
                _ => &none,
            };
            // try_: the widget may have been unmounted while the texts loaded.
            let Some(text) = scenario.try_with(|s| report.with(|r| to_csv(s, r, texts))) else { return };
            let mut result = download_text("optics-calculator.csv", "text/csv", &text);
            if result.is_ok() && !matches!(t, TextsState::Loaded(_)) {
                result = Err("the sources could not be loaded, so the CSV's Source column is empty".into());
            }
            report_error("export", result);
        });
    };
    let json = move |_| {
        let text = scenario.with(|s| report.with(|r| to_json(s, r)));
        report_error("export", download_text("optics-calculator.json", "application/json", &text));
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let outcome = match text.ok().and_then(|t| t.as_string()) {
                Some(text) => from_json(&text),
                None => Err("could not read the file".into()),
            };
            match outcome {
                Ok(decoded) => drop(state.load(decoded)),
                Err(e) => drop(notices.try_set(vec![Notice::new("import", e)])),
            }
        });
    };
    let print = move |_| {
        // A widget shares a store's page, which printing would print: the
        // calculator's own page opens with these inputs and prints the report.
        // Where a pop-up blocker refuses, or links lead to a host page
        // rather than the calculator's own, this page is printed after all.
        if !own_page && !to_host_page {
            let url = format!("{}#{PRINT_FRAGMENT}", link());
            if web_sys::window().and_then(|w| w.open_with_url_and_target(&url, "_blank").ok().flatten()).is_some() {
                return;
            }
        }
        // Work deferred to the next pause (charts out of view) is done first,
        // and the methodology's texts are in (or have failed).
        settled.now();
        texts::when_settled(move |_| print_soon(state.methodology_open));
    };
    let reset = move |_| {
        scenario.set(Scenario::default());
        notices.set(Vec::new());
    };
    let copy_label = move || match copied.get() {
        None => "Copy link",
        Some(true) => "Link copied",
        Some(false) => "Copy failed: use the address bar",
    };
    view! {
        <div class="oc-actions" role="toolbar" aria-label="Share and export">
            <button type="button" class="oc-button" data-action="copy-link" on:click=copy>{copy_label}</button>
            <button type="button" class="oc-button oc-secondary" data-action="csv" on:click=csv>"CSV"</button>
            <button type="button" class="oc-button oc-secondary" data-action="json" on:click=json>"JSON"</button>
            <label class="oc-button oc-secondary oc-file">
                "Import JSON"
                <input type="file" accept="application/json,.json" data-action="import" on:change=import />
            </label>
            <button type="button" class="oc-button oc-secondary" data-action="print" on:click=print>"Print report"</button>
            <button type="button" class="oc-button oc-secondary" data-action="reset" on:click=reset>"Reset"</button>
            <span class="oc-visually-hidden" aria-live="polite">{move || copied.get().map(|_| copy_label())}</span>
        </div>
    }
}
