//! Methodology and sources: every formula in words and every input with its
//! current value, its default and the source of that default, read from the
//! same tables the model uses (the prose from the texts file, `super::texts`,
//! filled in when it arrives). Opened for printing: it is the printed
//! report's inputs-and-sources page. Built while open: closed, its ~450
//! elements would lengthen the start and follow every input event.

use leptos::ev;
use leptos::prelude::*;

use crate::model::inputs::SAME_TECH;
use crate::model::validate::fmt_num;
use crate::model::{Group, INPUTS, InputDef, InputKind, Scenario};
use crate::ui::disclosure::follow_toggle;
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
pub fn Methodology(
    scenario: RwSignal<Scenario>,
    /// Whether the panel is open: the toggle, printing and `print_soon` set it.
    open: RwSignal<bool>,
) -> impl IntoView {
    // A closed <details> prints as its summary only. (Microtasks run after
    // this listener, so the body is built before the page is laid out for print.)
    let before_print = window_event_listener(ev::beforeprint, move |_| {
        let _ = open.try_set(true);
    });
    on_cleanup(move || before_print.remove());
    let follow = follow_toggle(open);
    let toggle = move |ev: ev::Event| {
        follow(ev);
        texts::load_now();
    };
    view! {
        <details class="oc-panel oc-methodology" prop:open=open on:toggle=toggle>
            <summary><h2>"Methodology and sources"</h2></summary>
            {move || open.get().then(|| contents(scenario))}
        </details>
    }
}

/// The formulas and the table of inputs and sources.
fn contents(scenario: RwSignal<Scenario>) -> impl IntoView + use<> {
    let defaults = Scenario::default();
    view! {
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
    }
}
