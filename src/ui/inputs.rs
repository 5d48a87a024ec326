//! Input controls generated from the model's input definitions table: a
//! fieldset per group, a slider paired with a number box per numeric input, a
//! select per choice, and a help disclosure naming each default's source.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::model::inputs::SAME_TECH;
use crate::model::{Group, INPUTS, InputDef, InputKind, Notice, Scenario};
use crate::ui::disclosure::follow_toggle;
use crate::ui::effect::effect;
use crate::ui::texts::{self, TextsState};

/// Every input of one group, in table order.
#[component]
pub fn InputGroup(
    group: Group,
    scenario: RwSignal<Scenario>,
    notices: RwSignal<Vec<Notice>>,
    /// Inputs left out (one a host's product picker stands in for, or those
    /// the compact layout shows first).
    #[prop(default = &[])]
    skip: &'static [&'static str],
    /// A control shown first in the group.
    #[prop(default = None)]
    lead: Option<AnyView>,
) -> impl IntoView {
    let shown = INPUTS.iter().filter(|d| d.group == group && !skip.contains(&d.key));
    // The technology of each link level is a refinement most pages leave
    // alone: it sits in a disclosure, closed until opened, and its controls
    // are built while it is open (~80 elements fewer to build at the start).
    let (levels, rows): (Vec<&'static InputDef>, Vec<&'static InputDef>) = shown.partition(|d| is_level_tech(d));
    let control = move |def| input_row(def, scenario, notices);
    let levels = (!levels.is_empty()).then(|| {
        let open = RwSignal::new(false);
        view! {
            <details class="oc-levels" on:toggle=follow_toggle(open)>
                <summary>"Technology per link level"</summary>
                {move || open.get().then(|| levels.iter().copied().map(control).collect_view())}
            </details>
        }
    });
    view! {
        <fieldset class="oc-group">
            <legend>{group.label()}</legend>
            {lead}
            {rows.into_iter().map(control).collect_view()}
            {levels}
        </fieldset>
    }
}

/// The control of one input: a slider and number box, or a select.
pub fn input_row(def: &'static InputDef, scenario: RwSignal<Scenario>, notices: RwSignal<Vec<Notice>>) -> AnyView {
    match def.kind {
        InputKind::Number { min, max, step, .. } => {
            view! { <NumberInput def min max step overridable=false scenario notices /> }.into_any()
        }
        InputKind::Override { min, max, step } => {
            view! { <NumberInput def min max step overridable=true scenario notices /> }.into_any()
        }
        InputKind::Choice { options, .. } => view! { <ChoiceInput def options scenario notices /> }.into_any(),
    }
}

/// Whether `def` is one of the per-level technologies (`base1`..`alt3`).
fn is_level_tech(def: &InputDef) -> bool {
    matches!(def.kind, InputKind::Choice { options, .. } if options.first().is_some_and(|o| o.id == SAME_TECH))
}

/// Replaces the shown notices with the outcome of one user action.
fn report_outcome(notices: RwSignal<Vec<Notice>>, outcome: Option<Notice>) {
    notices.set(outcome.into_iter().collect());
}

/// `v` rounded to the decimals of `step` (0.01 -> 2 decimals; whole steps -> none).
fn at_step(v: f64, step: f64) -> f64 {
    let decimals = (-step.log10()).ceil().clamp(0.0, 9.0) as i32;
    let scale = 10f64.powi(decimals);
    (v * scale).round() / scale
}

/// Slider and number box for one numeric input; typing and sliding stay in
/// sync because both show the scenario's (validated) value.
#[component]
fn NumberInput(
    def: &'static InputDef,
    min: f64,
    max: f64,
    step: f64,
    /// An optional catalog override: shows the catalog value until moved, with a reset.
    overridable: bool,
    scenario: RwSignal<Scenario>,
    notices: RwSignal<Vec<Notice>>,
) -> impl IntoView {
    let key = def.key;
    // Memos, so that a change elsewhere in the scenario does not re-set this
    // field's properties: one input event used to re-set all ~80 slider and
    // box values.
    let value = Memo::new(move |_| scenario.with(|s| s.number(key).unwrap_or(min)));
    let overridden = Memo::new(move |_| overridable && scenario.with(|s| s.is_overridden(key)));
    // A catalog value not yet overridden may be computed (a temperature-adjusted
    // AFR): the box shows it at the input's step, as a person would type it.
    let boxed = move |v: f64, is_overridden: bool| {
        if overridable && !is_overridden { at_step(v, step).to_string() } else { v.to_string() }
    };
    let set = move |raw: String| {
        let outcome = match crate::decimal::parse_decimal(raw.trim()) {
            Some(v) => scenario.try_update(|s| s.set_number(key, v)).flatten(),
            None => Some(Notice::new(
                key,
                format!("'{}' is not a number; kept the previous value", crate::model::validate::clip(&raw)),
            )),
        };
        report_outcome(notices, outcome);
    };
    // The slider and the box show the value, set by this effect rather than
    // by `prop:value`: tachys queues a value for a microtask of its own,
    // which ran after the charts' paint had laid out the page (a canvas font
    // set does), so that the frame laid it out a second time (~0.3 ms per
    // input event). Found in the row: a node ref per input cost 0.4 KB more.
    let row = NodeRef::<html::Div>::new();
    effect(move || {
        let shown =
            [("[type=range]", value.get().to_string()), ("[type=number]", boxed(value.get(), overridden.get()))];
        if let Some(row) = row.get() {
            for (input, text) in shown {
                if let Ok(Some(input)) = row.query_selector(input) {
                    input.unchecked_into::<HtmlInputElement>().set_value(&text);
                }
            }
        }
    });
    let id = format!("oc-in-{key}");
    let help_id = format!("oc-help-{key}");
    // A count's label already ends with its unit ("GPUs", "Monte Carlo
    // samples"): said once, not "GPUs GPUs".
    let unit = (!def.label.to_ascii_lowercase().ends_with(&def.unit.to_ascii_lowercase())).then_some(def.unit);
    let box_label = match unit {
        Some(unit) => format!("{} ({unit})", def.label),
        None => def.label.to_string(),
    };
    view! {
        <div class="oc-field" class:oc-overridden=overridden node_ref=row>
            <label for=id.clone()>{def.label}{unit.map(|unit| view! { " "<span class="oc-unit">{unit}</span> })}</label>
            <input type="range" id=id data-input=key min=min max=max step=step
                aria-describedby=help_id.clone()
                on:input=move |ev| set(event_target_value(&ev)) />
            <input type="number" data-input-box=key aria-label=box_label
                min=min max=max step="any" inputmode="decimal"
                on:change=move |ev| {
                    set(event_target_value(&ev));
                    // The box shows the validated value even when the memo
                    // did not change (a clamped or unparsable entry).
                    event_target::<web_sys::HtmlInputElement>(&ev)
                        .set_value(&boxed(value.get_untracked(), overridden.get_untracked()));
                } />
            {overridable.then(|| view! {
                <button type="button" class="oc-reset-one" data-reset=key
                    prop:hidden=move || !overridden.get()
                    on:click=move |_| scenario.update(|s| s.clear_override(key))>
                    "Use catalog value"
                </button>
            })}
            <Help def id=help_id />
        </div>
    }
}

#[component]
fn ChoiceInput(
    def: &'static InputDef,
    options: &'static [crate::model::ChoiceOption],
    scenario: RwSignal<Scenario>,
    notices: RwSignal<Vec<Notice>>,
) -> impl IntoView {
    let key = def.key;
    let id = format!("oc-in-{key}");
    let help_id = format!("oc-help-{key}");
    let current = Memo::new(move |_| scenario.with(|s| s.choice(key).unwrap_or_default()));
    view! {
        <div class="oc-field oc-field-choice">
            <label for=id.clone()>{def.label}</label>
            <select id=id data-input=key aria-describedby=help_id.clone()
                prop:value=move || current.get()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    let outcome = scenario.try_update(|s| s.set_choice(key, &id)).flatten();
                    report_outcome(notices, outcome);
                }>
                {options.iter().map(|o| view! {
                    <option value=o.id selected=move || current.get() == o.id>{o.label}</option>
                }).collect_view()}
            </select>
            <Help def id=help_id />
        </div>
    }
}

/// The help text and the source of the default, behind a keyboard-usable
/// disclosure. They come from the texts file (`super::texts`): the paragraph,
/// the input's `aria-describedby`, is there from the start and fills in
/// when the file arrives.
#[component]
fn Help(def: &'static InputDef, id: String) -> impl IntoView {
    let key = def.key;
    // Text nodes only (no view that changes shape): the least code per place.
    let help = move || {
        texts::read(|t| match t {
            TextsState::Loaded(t) => format!("{} ", t.help(key).unwrap_or_default()),
            TextsState::Failed => texts::HELP_MISSING.to_string(),
            TextsState::Pending => String::new(),
        })
    };
    view! {
        <details class="oc-help" on:toggle=|_| texts::load_now()>
            <summary aria-label=format!("About {}", def.label)>"?"</summary>
            <p id=id>{help}<span class="oc-source">{move || texts::source("Source: ", def)}</span></p>
        </details>
    }
}
