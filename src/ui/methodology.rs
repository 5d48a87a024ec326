//! Methodology and sources: every formula in words and every input with its
//! current value, its default and the source of that default, read from the
//! same tables the model uses (the prose from the texts file, `super::texts`,
//! filled in when it arrives). Opened for printing: it is the printed
//! report's inputs-and-sources page.

use leptos::prelude::*;
use leptos::{ev, html};

use crate::model::inputs::SAME_TECH;
use crate::model::validate::fmt_num;
use crate::model::{Group, INPUTS, InputDef, InputKind, Scenario};
use crate::ui::texts::{self, TextsState};

/// An input's value as a reader sees it: choices by label, numbers plain.
fn shown(def: &InputDef, s: &Scenario) -> String {
    match def.kind {
        InputKind::Choice { .. } => {
            let id = s.choice(def.key).unwrap_or_default();
            def.option_label(id).unwrap_or(id).to_string()
        }
        _ => s.number(def.key).map_or_else(String::new, fmt_num),
    }
}

#[component]
pub fn Methodology(scenario: RwSignal<Scenario>) -> impl IntoView {
    let defaults = Scenario::default();
    let panel = NodeRef::<html::Details>::new();
    // A closed <details> prints as its summary only.
    let before_print = window_event_listener(ev::beforeprint, move |_| {
        if let Some(details) = panel.get_untracked() {
            details.set_open(true);
        }
    });
    on_cleanup(move || before_print.remove());
    view! {
        <details class="oc-panel oc-methodology" node_ref=panel on:toggle=|_| texts::load_now()>
            <summary><h2>"Methodology and sources"</h2></summary>
            // What a reader (or a printout) gets while the texts are missing: one line, not blanks.
            <p class="oc-texts-missing" hidden=move || texts::read(|t| texts::panel_line(t).is_none())>
                {move || texts::read(|t| texts::panel_line(t).unwrap_or_default())}
            </p>
            <div class="oc-formulas">
                <h3>"Formulas"</h3>
                <dl>
                    {move || texts::read(|t| match t {
                        TextsState::Loaded(t) => t.formulas.iter()
                            .map(|f| view! { <dt>{f.name.clone()}</dt><dd>{f.text.clone()}</dd> })
                            .collect_view(),
                        _ => Vec::new(),
                    })}
                </dl>
            </div>
            <h3>"Inputs, defaults and sources"</h3>
            <div class="oc-table-wrap" tabindex="0">
                <table class="oc-table oc-sources">
                    <caption>"Every input with its value, its default and the source of that default"</caption>
                    <thead><tr>
                        <th scope="col">"Input"</th><th scope="col">"Value"</th><th scope="col">"Default"</th>
                        <th scope="col">"Unit"</th><th scope="col">"Source"</th>
                    </tr></thead>
                    <tbody>
                        {INPUTS.iter().map(|def| {
                            let default = match def.kind {
                                InputKind::Override { .. } => "catalog".to_string(),
                                _ => shown(def, &defaults),
                            };
                            // Left out of the printed report: the settings of the
                            // sensitivity panel (not printed either), a per-level
                            // technology left at "the side's own" (it repeats the side's row),
                            // and no oversubscription above the spines (the report's second
                            // page is full, and 1 is what fabrics had before it was an input).
                            let analysis = def.group == Group::Analysis;
                            let level = matches!(def.kind, InputKind::Choice { default: SAME_TECH, .. });
                            let top = def.key == "oversub_top";
                            let no_print = move || {
                                analysis
                                    || level && scenario.with(|s| s.choice(def.key) == Some(SAME_TECH))
                                    || top && scenario.with(|s| s.oversub_top == 1.0)
                            };
                            view! {
                                <tr class:oc-no-print=no_print>
                                    <th scope="row">{def.label}</th>
                                    <td>{move || scenario.with(|s| shown(def, s))}</td>
                                    <td>{default}</td>
                                    <td>{def.unit}</td>
                                    <td>{move || texts::source("", def)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
