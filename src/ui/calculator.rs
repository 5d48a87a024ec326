//! The calculator: one scenario signal in, one report memo out.

use leptos::prelude::*;

use crate::model::{Scenario, evaluate};
use crate::ui::inputs::NumberInput;
use crate::ui::readout::Headline;

#[component]
pub fn Calculator(initial: Scenario) -> impl IntoView {
    let scenario = RwSignal::new(initial);
    let report = Memo::new(move |_| scenario.with(evaluate));
    view! {
        <div class="oc-calculator">
            <header class="oc-header">
                <h1>"Optical interconnect calculator"</h1>
            </header>
            <section class="oc-inputs" aria-label="Cluster">
                <NumberInput key="gpus" scenario />
            </section>
            <Headline report />
        </div>
    }
}
