//! Headline figures. Each sits in an element with `data-metric="<key>"` and
//! its unrounded value in `data-value` (the public readout interface), shown
//! formatted for people.

use leptos::prelude::*;

use crate::format::NumberFormat;
use crate::model::Report;

/// Peak air-conditioning demand of one US household, W: the seed article's
/// "3 MW is about the peak demand of 3,000 US households' air conditioning"
/// (reference-data.md §0), i.e. 1 kW each.
const HOUSEHOLD_AC_PEAK_W: f64 = 1_000.0;

/// One headline figure: formatted text, unrounded value in `data-value`.
#[component]
fn Figure(report: Memo<Report>, key: &'static str, #[prop(optional)] class: &'static str) -> impl IntoView {
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    // The unit of a metric never changes; only its value does.
    let unit = report.with_untracked(|r| r.metrics().into_iter().find(|m| m.key == key).map(|m| m.unit));
    let value = move || report.with(|r| r.metric(key).unwrap_or(0.0));
    let text = move || fmt.metric(value(), unit.unwrap_or(""));
    view! {
        <span class=class data-metric=key data-value=move || value().to_string()>{text}</span>
    }
}

/// A headline card: a label, the main figure and a line of context.
#[component]
fn Card(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="oc-card" role="group" aria-label=title>
            <h3 class="oc-card-label">{title}</h3>
            {children()}
        </div>
    }
}

#[component]
pub fn Headline(report: Memo<Report>) -> impl IntoView {
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    let households =
        move || report.with(|r| fmt.count((r.delta.facility_power_saved_w / HOUSEHOLD_AC_PEAK_W).max(0.0)));
    let tech = move |side: fn(&Report) -> &'static str| report.with(|r| side(r).to_ascii_uppercase());
    view! {
        <section class="oc-headline" aria-label="Headline results">
            // The cards' h3 labels need an h2 above them (headings in order).
            <h2 class="oc-visually-hidden">"Headline results"</h2>
            <p class="oc-versus">
                <span class="oc-tag oc-tag-base">{move || tech(|r| r.baseline.tech)}</span>
                " baseline vs "
                <span class="oc-tag oc-tag-alt">{move || tech(|r| r.proposed.tech)}</span>
                " proposed"
            </p>
            <div class="oc-cards" aria-live="polite" aria-atomic="false">
                <Card title="Power saved">
                    <Figure report key="power_saved_w" class="oc-card-value" />
                    <span class="oc-card-sub">
                        <Figure report key="facility_power_saved_w" />" at the facility meter (× PUE), ≈ "
                        {households}" US households' air-conditioning peak"
                    </span>
                </Card>
                <Card title="Money saved">
                    <Figure report key="cost_saved_usd_per_year" class="oc-card-value" />
                    <span class="oc-card-sub"><Figure report key="energy_saved_kwh_per_year" />" of electricity"</span>
                </Card>
                <Card title="CO2 avoided">
                    <Figure report key="co2_saved_t_per_year" class="oc-card-value" />
                    <span class="oc-card-sub">"at the region's grid intensity"</span>
                </Card>
                <Card title="Extra GPUs, same power">
                    <Figure report key="extra_gpus" class="oc-card-value" />
                    <span class="oc-card-sub">"fit in the facility power the optics free"</span>
                </Card>
                <Card title="Latency saved">
                    <Figure report key="latency_saved_us_per_step" class="oc-card-value" />
                    <span class="oc-card-sub"><Figure report key="latency_saved_ns_per_path" />" per GPU-to-GPU path"</span>
                </Card>
                <Card title="Failures avoided">
                    <Figure report key="failures_avoided_per_year" class="oc-card-value" />
                    <span class="oc-card-sub">"module failures per year"</span>
                </Card>
                <Card title="Net present value">
                    <Figure report key="npv_usd" class="oc-card-value" />
                    <span class="oc-card-sub">"payback: "<Figure report key="payback_months" /></span>
                </Card>
                <Card title="Optics power">
                    <span class="oc-card-value">
                        <Figure report key="baseline_optics_power_w" />" → "<Figure report key="proposed_optics_power_w" />
                    </span>
                    <span class="oc-card-sub">
                        <Figure report key="optical_modules" />", "
                        <Figure report key="optics_share_of_network_power_pct" />" of network power"
                    </span>
                </Card>
            </div>
        </section>
    }
}
