//! Headline figures: each in an element with `data-metric` and its unrounded
//! value in `data-value` (the public readout interface).

use leptos::prelude::*;

use crate::model::Report;

#[component]
pub fn Headline(report: Memo<Report>) -> impl IntoView {
    view! {
        <section class="oc-headline" aria-live="polite" aria-label="Results">
            {move || report.with(|r| r.metrics().into_iter().map(|m| view! {
                <div class="oc-card">
                    <span class="oc-card-label">{m.label}</span>
                    <span class="oc-card-value" data-metric=m.key data-value=m.value.to_string()>
                        {format!("{:.0} {}", m.value, m.unit)}
                    </span>
                </div>
            }).collect_view())}
        </section>
    }
}
