//! The calculator: one scenario signal in, one report memo out, every view
//! reading the report. The standalone page and each embedded widget mount
//! one, with their own [`CalcOptions`].

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::charts::{cumulative_cost, latency_breakdown, npv_waterfall, power_by_tier};
use crate::embed::catalog::{HostCatalog, Sku, matching_sku};
use crate::embed::config::{ChartKind, HostConfig, Layout, Sections};
use crate::embed::cta::Cta;
use crate::embed::summary::{Summary, summary};
use crate::model::{Group, Notice, Report, Scenario, evaluate, input_def};
use crate::share::{Decoded, encode_with_product};
use crate::ui::actions::Actions;
use crate::ui::browser::{replace_fragment, replace_query};
use crate::ui::charts::{ChartFigure, DrawChart, report_chart};
use crate::ui::compact::{FIRST_TOUCH, GroupDisclosure, HeadlineStrip, compact_signal};
use crate::ui::compare::Comparison;
use crate::ui::effect::effect;
use crate::ui::in_view::in_view_of;
use crate::ui::inputs::{InputGroup, input_row};
use crate::ui::insight::Insight;
use crate::ui::methodology::Methodology;
use crate::ui::notices::Notices;
use crate::ui::presets_bar::PresetsBar;
use crate::ui::product::{BillOfMaterials, ProductPicker};
use crate::ui::readout::Headline;
use crate::ui::settle::Settled;
use crate::ui::stages::{Later, Stages};

const GROUPS: [Group; 5] = [Group::Cluster, Group::Optics, Group::SiteEnergy, Group::Finance, Group::Advanced];

/// A calculator's reactive state: the inputs, what the last action changed,
/// the model's report of the inputs, the host product last chosen (a part
/// number: in the picker, or named by a link), which of the host's SKUs the
/// proposal is (the picker, the bill, the charts, the change event and the
/// share link all read this one memo), when the inputs last came to rest,
/// and whether the methodology is open (printing opens it).
#[derive(Clone, Copy)]
pub struct CalcState {
    pub scenario: RwSignal<Scenario>,
    pub notices: RwSignal<Vec<Notice>>,
    pub report: Memo<Report>,
    pub product: RwSignal<Option<String>>,
    pub sku: Memo<Option<Sku>>,
    pub settled: Settled,
    pub methodology_open: RwSignal<bool>,
}

impl CalcState {
    pub fn new(
        initial: Scenario,
        notices: Vec<Notice>,
        product: Option<String>,
        catalog: Arc<HostCatalog>,
    ) -> CalcState {
        let scenario = RwSignal::new(initial);
        let product = RwSignal::new(product);
        CalcState {
            scenario,
            notices: RwSignal::new(notices),
            report: Memo::new(move |_| scenario.with(evaluate)),
            product,
            sku: Memo::new(move |_| {
                product.with(|p| scenario.with(|s| matching_sku(&catalog, p.as_deref(), s).cloned()))
            }),
            settled: Settled::watch(scenario),
            methodology_open: RwSignal::new(false),
        }
    }

    /// Replaces the scenario, its notices and the product with a link's
    /// (or a host's scenario). None once the calculator is unmounted.
    pub fn load(&self, decoded: Decoded) -> Option<()> {
        if self.scenario.try_set(decoded.scenario).is_some() {
            return None;
        }
        let _ = self.product.try_set(decoded.product);
        let _ = self.notices.try_set(decoded.notices);
        Some(())
    }

    /// The share-link query: the inputs, and the product when the proposal
    /// is one of the host's. Tracks what it reads.
    pub fn query(&self) -> String {
        let CalcState { scenario, sku, .. } = *self;
        sku.with(|k| scenario.with(|s| encode_with_product(s, k.as_ref().map(|k| k.sku.as_str()))))
    }

    /// What the host is told after each recalculation; tracks every signal it
    /// reads, so an effect calling it runs again on each change.
    pub fn summary(&self, cta: Option<&Cta>) -> Summary {
        let CalcState { scenario, report, sku, .. } = *self;
        sku.with(|k| scenario.with(|s| report.with(|r| summary(k.as_ref(), cta, s, r))))
    }
}

/// Where the scenario is mirrored in the page URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlSync {
    Off,
    /// The query string (the standalone page).
    Query,
    /// The fragment only, so the host page's own parameters stay untouched.
    Fragment,
}

/// What a calculator shows and where it links: the standalone page's
/// choices, or a host page's config.
#[derive(Clone)]
pub struct CalcOptions {
    pub sections: Sections,
    pub charts: Vec<ChartKind>,
    pub catalog: Arc<HostCatalog>,
    pub cta: Option<Cta>,
    /// Where "Copy link" points: the standalone calculator page.
    pub share_base: String,
    pub url: UrlSync,
    /// Whether the calculator has its page to itself (the standalone page,
    /// also inside an iframe), so "Print report" prints this page; a widget
    /// on a store's page opens the calculator's page to print instead.
    pub own_page: bool,
    pub layout: Layout,
    /// The width the calculator will have, px, as far as it is known before
    /// it is drawn: `auto` starts in the arrangement for it.
    pub start_width_px: f64,
    /// What the link the page was opened with sets, in words
    /// ([`crate::share::describe`]); shown under the headline when compact.
    pub link_sets: Option<String>,
}

impl CalcOptions {
    /// The options a host config asks for, for a widget on the host's page;
    /// links point to `share_base` unless the config names its own
    /// calculator URL.
    pub fn from_config(config: &HostConfig, share_base: String) -> CalcOptions {
        CalcOptions {
            sections: config.sections,
            charts: config.charts.clone(),
            catalog: Arc::new(config.catalog.clone()),
            cta: config.cta.clone(),
            share_base: config.share_url.clone().unwrap_or(share_base),
            url: if config.url_sync { UrlSync::Fragment } else { UrlSync::Off },
            own_page: false,
            layout: config.layout,
            start_width_px: f64::INFINITY,
            link_sets: None,
        }
    }
}

fn chart_drawing(kind: ChartKind) -> DrawChart {
    match kind {
        ChartKind::Power => power_by_tier,
        ChartKind::Cost => cumulative_cost,
        ChartKind::Latency => latency_breakdown,
        ChartKind::Npv => npv_waterfall,
    }
}

#[component]
pub fn Calculator(state: CalcState, options: CalcOptions) -> impl IntoView {
    let CalcState { scenario, notices, report, product, sku, settled, methodology_open } = state;
    let stages = Stages::start();
    provide_context(stages);
    let model_notices = Signal::derive(move || report.with(|r| r.notices.clone()));
    keep_url_in_step(state, options.url);
    let CalcOptions { sections, charts, catalog, cta, share_base, own_page, layout, start_width_px, link_sets, .. } =
        options;
    let has_catalog = !catalog.skus.is_empty();
    let root = NodeRef::<html::Div>::new();
    let compact = compact_signal(layout, start_width_px, root);
    let (catalog, cta, charts) = (StoredValue::new(catalog), StoredValue::new(cta), StoredValue::new(charts));
    let (share_base, link_sets) = (StoredValue::new(share_base), StoredValue::new(link_sets));
    let title = sections.title.then(|| {
        view! {
            <div>
                <h1>"Optical interconnect calculator"</h1>
                <p class="oc-lede">"Power, latency, reliability and cost of the optics in an AI cluster: baseline against proposed."</p>
            </div>
        }
    });
    // The host's products stand in for the generic proposed-technology choice.
    let picker = move || {
        has_catalog.then(|| {
            view! { <ProductPicker scenario notices product catalog=catalog.get_value() applied=sku /> }.into_any()
        })
    };
    let alt_skip: &'static [&'static str] = if has_catalog { &["alt"] } else { &[] };
    let presets = move || sections.presets.then(|| view! { <PresetsBar scenario notices /> });
    let notices_view = move || view! { <Notices input=notices model=model_notices /> };
    let bill = move || has_catalog.then(|| view! { <BillOfMaterials scenario report sku cta=cta.get_value() /> });
    // Everything of the results after the headline and the bill.
    let more_results = move || {
        let chart_views = move || {
            (sections.charts && charts.with_value(|c| !c.is_empty())).then(|| {
            view! {
                <section class="oc-panel oc-charts" aria-label="Charts">
                    {charts.get_value().into_iter().map(|kind| view! { <ChartFigure draw=report_chart(report, sku, chart_drawing(kind)) settled /> }).collect_view()}
                </section>
            }
        })
        };
        view! {
            <Later>{chart_views()}</Later>
            {sections.insight.then(|| view! { <Later><Insight scenario report notices settled /></Later> })}
            {sections.comparison.then(|| view! { <Later><Comparison report sku settled /></Later> })}
            {sections.methodology.then(|| view! { <Later><Methodology scenario open=methodology_open /></Later> })}
        }
    };
    // In the header when full; under the headline when compact. (One slot
    // type for both places: each view type costs its own code in the wasm.)
    let actions = move |when_compact: bool| {
        move || {
            (sections.actions && compact.get() == when_compact).then(|| {
                view! { <Actions state share_base=share_base.get_value() own_page /> }
            })
        }
    };
    // Inputs beside the results (stacked when narrow), every group open.
    let full = move || {
        let inputs = sections.inputs.then(|| {
            view! {
                <form class="oc-inputs" aria-label="Inputs" on:submit=|ev| ev.prevent_default()>
                    // The first group is on the first screen; the others follow.
                    {GROUPS.into_iter().enumerate().map(|(i, group)| {
                        let row = move || {
                            let lead = if group == Group::Optics { picker() } else { None };
                            view! { <InputGroup group scenario notices skip=alt_skip lead /> }
                        };
                        if i == 0 { row().into_any() } else { view! { <Later>{row()}</Later> }.into_any() }
                    }).collect_view()}
                </form>
            }
        });
        view! {
            {presets()}
            {notices_view()}
            <div class="oc-layout" class:oc-no-inputs=!sections.inputs>
                {inputs}
                <div class="oc-results">
                    <Headline report settled />
                    {bill()}
                    {more_results()}
                </div>
            </div>
        }
    };
    // Headline first, then what the page's link sets, the actions (share,
    // export, print), the first-touch inputs, the other groups folded away.
    let compact_view = move || {
        let headline = NodeRef::<html::Div>::new();
        let headline_in_view = in_view_of(headline);
        let inputs = sections.inputs.then(|| {
            let first = FIRST_TOUCH
                .iter()
                .filter_map(|key| match input_def(key) {
                    Some(def) if def.key == "alt" && has_catalog => picker(),
                    Some(def) => Some(input_row(def, scenario, notices)),
                    None => None,
                })
                .collect_view();
            view! {
                <form class="oc-inputs" aria-label="Inputs" on:submit=|ev| ev.prevent_default()>
                    <fieldset class="oc-group oc-first-touch">
                        <legend>"Your cluster"</legend>
                        {first}
                    </fieldset>
                    {presets()}
                    {GROUPS.into_iter().map(|group| view! {
                        <Later>
                            <GroupDisclosure group>
                                <InputGroup group scenario notices skip=&FIRST_TOUCH />
                            </GroupDisclosure>
                        </Later>
                    }).collect_view()}
                </form>
            }
        });
        // The strip stays pinned while the inputs are on screen; at their end
        // it scrolls away with them, never out of the widget.
        view! {
            {notices_view()}
            <div class="oc-headline-box" node_ref=headline><Headline report settled /></div>
            {link_sets.get_value().map(|text| view! { <p class="oc-link-sets">{text}</p> })}
            {actions(true)}
            <div class="oc-strip-scope">
                <HeadlineStrip report headline_in_view headline />
                {bill()}
                {inputs}
            </div>
            <div class="oc-results">{more_results()}</div>
        }
    };
    view! {
        <div class="oc-calculator" class:oc-compact=compact node_ref=root data-ready=move || stages.done().then_some("")>
            <header class="oc-header">
                {title}
                {actions(false)}
            </header>
            {move || if compact.get() { compact_view().into_any() } else { full().into_any() }}
        </div>
    }
}

/// Writes the scenario into the page URL (`history.replaceState`) when the
/// inputs come to rest: browsers throttle `replaceState`, and a drag would
/// call it every frame.
fn keep_url_in_step(state: CalcState, sync: UrlSync) {
    let write: fn(&str) = match sync {
        UrlSync::Off => return,
        UrlSync::Query => replace_query,
        UrlSync::Fragment => replace_fragment,
    };
    effect(move || {
        if state.settled.count() > 0 {
            write(&untrack(|| state.query()));
        }
    });
}
