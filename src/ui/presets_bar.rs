//! Preset buttons: cluster size, GPU generation, technology pair.

use leptos::prelude::*;

use crate::model::{Notice, Scenario};
use crate::presets::PRESET_GROUPS;

#[component]
pub fn PresetsBar(scenario: RwSignal<Scenario>, notices: RwSignal<Vec<Notice>>) -> impl IntoView {
    view! {
        <nav class="oc-presets" aria-label="Presets">
            {PRESET_GROUPS.iter().map(|group| view! {
                <div class="oc-preset-group" role="group" aria-label=group.label>
                    <span class="oc-preset-label">{group.label}</span>
                    {group.presets.iter().map(|preset| view! {
                        <button type="button" class="oc-chip" title=preset.help data-preset=preset.id
                            aria-pressed=move || scenario.with(|s| preset.is_active(s)).to_string()
                            on:click=move |_| {
                                let outcome = scenario.try_update(|s| preset.apply(s)).unwrap_or_default();
                                notices.set(outcome);
                            }>
                            {preset.label}
                        </button>
                    }).collect_view()}
                </div>
            }).collect_view()}
        </nav>
    }
}
