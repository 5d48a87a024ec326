//! Headline figures. Each sits in an element with `data-metric="<key>"` and
//! its unrounded value in `data-value` (the public readout interface), shown
//! formatted for people.

use leptos::html;
use leptos::prelude::*;

use crate::format::NumberFormat;
use crate::model::Report;
use crate::ui::in_view::in_view_of;
use crate::ui::settle::Settled;

/// Peak air-conditioning demand of one US household, W: the seed article's
/// "3 MW is about the peak demand of 3,000 US households' air conditioning"
/// (reference-data.md §0), i.e. 1 kW each.
const HOUSEHOLD_AC_PEAK_W: f64 = 1_000.0;

/// A headline figure formatted for people, as it changes. `bare`: the
/// number without its unit (a count in a list of counts).
pub fn figure_text(
    report: Memo<Report>,
    key: &'static str,
    bare: bool,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    // The unit of a metric never changes; only its value does.
    let unit = report.with_untracked(|r| r.metrics().into_iter().find(|m| m.key == key).map(|m| m.unit));
    let fmt = StoredValue::new(fmt);
    move || {
        let value = report.with(|r| r.metric(key).unwrap_or(0.0));
        fmt.with_value(|f| if bare { f.count(value) } else { f.metric(value, unit.unwrap_or("")) })
    }
}

/// One headline figure: formatted text, unrounded value in `data-value`.
#[component]
fn Figure(
    report: Memo<Report>,
    key: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] bare: bool,
) -> impl IntoView {
    let value = move || report.with(|r| r.metric(key).unwrap_or(0.0));
    view! {
        <span class=class data-metric=key data-value=move || value().to_string()>{figure_text(report, key, bare)}</span>
    }
}

/// Where the NPV comes from (its parts sum to it).
const NPV_PARTS: &[(&str, &str)] =
    &[("; modules ", "npv_modules_usd"), (", electricity ", "npv_energy_usd"), (", failures ", "npv_failures_usd")];

/// Switches by tier.
const SWITCH_TIERS: &[(&str, &str)] = &[
    ("leaf ", "switches_l1"),
    (", spine ", "switches_l2"),
    (", core ", "switches_l3"),
    (", super-spine ", "switches_l4"),
];

/// The modules at each end and the proposal's modules.
const MODULE_ENDS: &[(&str, &str)] = &[
    ("; modules at NIC ends ", "nic_end_modules"),
    (", at switch ends ", "switch_end_modules"),
    (", proposed ", "proposed_optical_modules"),
];

/// A run of labelled figures: each label, then its figure. A count (`bare`)
/// of zero is left out of sight (a 2-tier fabric has no core or
/// super-spine); its element stays for the readout interface.
#[component]
fn Figures(report: Memo<Report>, items: &'static [(&'static str, &'static str)], bare: bool) -> impl IntoView {
    // As `AnyView`s, whose list rendering the input groups already compile in.
    items
        .iter()
        .map(|&(label, key)| {
            let zero = move || bare && report.with(|r| r.metric(key) == Some(0.0));
            view! { <span hidden=zero>{label}<Figure report key bare /></span> }.into_any()
        })
        .collect_view()
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

/// The headline figures. Out of view (scrolled to the charts), they follow
/// the report only when the inputs come to rest.
#[component]
pub fn Headline(report: Memo<Report>, settled: Settled) -> impl IntoView {
    let section = NodeRef::<html::Section>::new();
    let report = settled.follow(report, in_view_of(section));
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    let households =
        move || report.with(|r| fmt.count((r.delta.facility_power_saved_w / HOUSEHOLD_AC_PEAK_W).max(0.0)));
    let tech = move |side: fn(&Report) -> &'static str| report.with(|r| side(r).to_ascii_uppercase());
    view! {
        <section class="oc-headline" node_ref=section aria-label="Headline results">
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
                // These last two take whole rows on screen (main.css).
                <Card title="Net present value">
                    <Figure report key="npv_usd" class="oc-card-value" />
                    <span class="oc-card-sub">
                        "payback: "<Figure report key="payback_months" />
                        <Figures report items=NPV_PARTS bare=false />
                    </span>
                </Card>
                <Card title="Optics power">
                    <span class="oc-card-value">
                        <Figure report key="baseline_optics_power_w" />" → "<Figure report key="proposed_optics_power_w" />
                    </span>
                    <span class="oc-card-sub">
                        <Figure report key="optical_modules" />", "
                        <Figure report key="optics_share_of_network_power_pct" />" of network power; "
                        <Figure report key="switches" />": "<Figures report items=SWITCH_TIERS bare=true />
                        // How the leaves reach the spines, and the pods of 3 or more
                        // tiers (on screen: the printed report keeps to two pages).
                        <span class="oc-no-print" hidden=move || report.with(|r| r.tiers < 2)>
                            "; leaf to spine: "<Figure report key="pair_links_l2" />
                        </span>
                        <span class="oc-no-print" hidden=move || report.with(|r| r.tiers < 3)>
                            "; "<Figure report key="pods" />
                        </span>
                        <Figures report items=MODULE_ENDS bare=true />
                    </span>
                </Card>
            </div>
        </section>
    }
}
