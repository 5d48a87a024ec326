//! Input controls generated from the model's input definitions table.

use leptos::prelude::*;

use crate::model::{InputKind, Scenario, input_def};

/// A slider paired with a number box for one numeric input of the table.
#[component]
pub fn NumberInput(key: &'static str, scenario: RwSignal<Scenario>) -> impl IntoView {
    let def = input_def(key).expect("input key from the definitions table");
    let (min, max, step) = match def.kind {
        InputKind::Number { min, max, step, .. } | InputKind::Override { min, max, step } => (min, max, step),
        InputKind::Choice { .. } => (0.0, 0.0, 1.0),
    };
    let value = move || scenario.with(|s| s.number(key).unwrap_or(min));
    let set = move |raw: String| {
        if let Ok(v) = raw.trim().parse::<f64>() {
            scenario.update(|s| {
                s.set_number(key, v);
            });
        }
    };
    let id = format!("oc-in-{key}");
    view! {
        <div class="oc-field">
            <label for=id.clone()>{def.label}" "<span class="oc-unit">{def.unit}</span></label>
            <input type="range" id=id.clone() data-input=key min=min max=max step=step
                prop:value=move || value().to_string()
                on:input=move |ev| set(event_target_value(&ev)) />
            <input type="number" data-input-box=key aria-label=def.label min=min max=max step=step
                prop:value=move || value().to_string()
                on:change=move |ev| set(event_target_value(&ev)) />
        </div>
    }
}
