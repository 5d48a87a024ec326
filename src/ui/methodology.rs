//! Methodology and sources: every formula in words and every default with its
//! source, read from the same tables the model uses.

use leptos::prelude::*;

use crate::model::methodology::FORMULAS;
use crate::model::{INPUTS, InputKind};

#[component]
pub fn Methodology() -> impl IntoView {
    let default_text = |kind: &InputKind| match kind {
        InputKind::Number { default, .. } => default.to_string(),
        InputKind::Override { .. } => "catalog".to_string(),
        InputKind::Choice { options, default } => {
            options.iter().find(|o| o.id == *default).map_or(default.to_string(), |o| o.label.to_string())
        }
    };
    view! {
        <details class="oc-panel oc-methodology">
            <summary><h2>"Methodology and sources"</h2></summary>
            <h3>"Formulas"</h3>
            <dl>
                {FORMULAS.iter().map(|f| view! { <dt>{f.name}</dt><dd>{f.text}</dd> }).collect_view()}
            </dl>
            <h3>"Inputs, defaults and sources"</h3>
            <div class="oc-table-wrap">
                <table class="oc-table">
                    <caption>"Every input with its default and the source of that default"</caption>
                    <thead><tr>
                        <th scope="col">"Input"</th><th scope="col">"Default"</th>
                        <th scope="col">"Unit"</th><th scope="col">"Source"</th>
                    </tr></thead>
                    <tbody>
                        {INPUTS.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{d.label}</th>
                                <td>{default_text(&d.kind)}</td>
                                <td>{d.unit}</td>
                                <td>{d.source}{d.estimate.then_some(" (estimate)")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
