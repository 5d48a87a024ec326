//! The calculator: one scenario signal in, one report memo out, every view
//! reading the report.

use leptos::prelude::*;

use crate::charts::{cumulative_cost, latency_breakdown, power_by_tier};
use crate::model::{Group, Notice, Report, Scenario, evaluate};
use crate::share::encode;
use crate::ui::actions::Actions;
use crate::ui::browser::replace_query;
use crate::ui::charts::{ChartFigure, report_chart};
use crate::ui::compare::Comparison;
use crate::ui::inputs::InputGroup;
use crate::ui::insight::Insight;
use crate::ui::methodology::Methodology;
use crate::ui::notices::Notices;
use crate::ui::presets_bar::PresetsBar;
use crate::ui::readout::Headline;

const GROUPS: [Group; 5] = [Group::Cluster, Group::Optics, Group::SiteEnergy, Group::Finance, Group::Advanced];

#[component]
pub fn Calculator(
    initial: Scenario,
    /// Notices to show at start (e.g. what loading a link changed).
    #[prop(optional)]
    initial_notices: Vec<Notice>,
    /// Keep the page URL's query string in step with the inputs (standalone page).
    #[prop(optional)]
    sync_url: bool,
    /// Where "Copy link" points: the standalone calculator page.
    share_base: String,
) -> impl IntoView {
    let scenario = RwSignal::new(initial);
    let notices = RwSignal::new(initial_notices);
    let report: Memo<Report> = Memo::new(move |_| scenario.with(evaluate));
    let model_notices = Signal::derive(move || report.with(|r| r.notices.clone()));
    if sync_url {
        keep_url_in_step(scenario);
    }
    view! {
        <div class="oc-calculator">
            <header class="oc-header">
                <div>
                    <h1>"Optical interconnect calculator"</h1>
                    <p class="oc-lede">"Power, latency, reliability and cost of the optics in an AI cluster: baseline against proposed."</p>
                </div>
                <Actions scenario report notices share_base />
            </header>
            <PresetsBar scenario notices />
            <Notices input=notices model=model_notices />
            <div class="oc-layout">
                <form class="oc-inputs" aria-label="Inputs" on:submit=|ev| ev.prevent_default()>
                    {GROUPS.into_iter().map(|group| view! { <InputGroup group scenario notices /> }).collect_view()}
                </form>
                <div class="oc-results">
                    <Headline report />
                    <section class="oc-panel oc-charts" aria-label="Charts">
                        <ChartFigure draw=report_chart(report, power_by_tier) />
                        <ChartFigure draw=report_chart(report, cumulative_cost) />
                        <ChartFigure draw=report_chart(report, latency_breakdown) />
                    </section>
                    <Insight scenario report notices />
                    <Comparison report />
                    <Methodology scenario />
                </div>
            </div>
        </div>
    }
}

/// Quiet time after the last input before the URL is rewritten, ms: slider
/// drags produce dozens of events a second, and browsers throttle
/// `history.replaceState`.
const URL_DEBOUNCE_MS: u64 = 250;

/// Writes the scenario into the page URL (`history.replaceState`), debounced.
fn keep_url_in_step(scenario: RwSignal<Scenario>) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let query = scenario.with(encode);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    replace_query(&query);
                }
            },
            std::time::Duration::from_millis(URL_DEBOUNCE_MS),
        );
    });
}
