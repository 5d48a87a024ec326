//! The calculator: one scenario signal in, one report memo out, every view
//! reading the report.

use leptos::prelude::*;

use crate::charts::{cumulative_cost, latency_breakdown, power_by_tier};
use crate::model::{Group, Notice, Report, Scenario, evaluate};
use crate::ui::charts::ChartFigure;
use crate::ui::compare::Comparison;
use crate::ui::inputs::InputGroup;
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
) -> impl IntoView {
    let scenario = RwSignal::new(initial);
    let notices = RwSignal::new(initial_notices);
    let report: Memo<Report> = Memo::new(move |_| scenario.with(evaluate));
    let model_notices = Signal::derive(move || report.with(|r| r.notices.clone()));
    let reset = move |_| {
        scenario.set(Scenario::default());
        notices.set(Vec::new());
    };
    view! {
        <div class="oc-calculator">
            <header class="oc-header">
                <div>
                    <h1>"Optical interconnect calculator"</h1>
                    <p class="oc-lede">"Power, latency, reliability and cost of the optics in an AI cluster: baseline against proposed."</p>
                </div>
                <div class="oc-actions">
                    <button type="button" class="oc-button" data-action="reset" on:click=reset>"Reset"</button>
                </div>
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
                        <ChartFigure report draw=power_by_tier />
                        <ChartFigure report draw=cumulative_cost />
                        <ChartFigure report draw=latency_breakdown />
                    </section>
                    <Comparison report />
                    <Methodology />
                </div>
            </div>
        </div>
    }
}
