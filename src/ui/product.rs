//! A host's products: the picker that makes one of its SKUs the proposed
//! optics, and the bill of materials with the host's call to action.

use std::sync::Arc;

use leptos::prelude::*;

use crate::embed::catalog::{HostCatalog, Sku};
use crate::embed::cta::Cta;
use crate::embed::summary::bill_for;
use crate::format::NumberFormat;
use crate::model::inputs::TECH_OPTIONS;
use crate::model::scenario::ALT_OVERRIDES;
use crate::model::{Notice, Report, Scenario};

/// Select value of the scenario's proposal: `sku:<index>` when it is the
/// `applied` SKU, else `tech:<id>`, or empty when it is a host SKU with
/// edited figures (replace mode).
fn current_choice(catalog: &HostCatalog, applied: Option<&Sku>, s: &Scenario) -> String {
    if let Some(i) = applied.and_then(|a| catalog.skus.iter().position(|k| k.sku == a.sku)) {
        return format!("sku:{i}");
    }
    if catalog.replace { String::new() } else { format!("tech:{}", s.alt) }
}

#[component]
pub fn ProductPicker(
    scenario: RwSignal<Scenario>,
    notices: RwSignal<Vec<Notice>>,
    /// The part number last chosen ([`crate::ui::CalcState::product`]).
    product: RwSignal<Option<String>>,
    catalog: Arc<HostCatalog>,
    /// The SKU the proposal currently is ([`crate::ui::CalcState::sku`]).
    applied: Memo<Option<Sku>>,
) -> impl IntoView {
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    let current = {
        let catalog = catalog.clone();
        Memo::new(move |_| applied.with(|a| scenario.with(|s| current_choice(&catalog, a.as_ref(), s))))
    };
    let choose = {
        let catalog = catalog.clone();
        move |value: String| {
            if let Some(i) = value.strip_prefix("sku:").and_then(|i| i.parse::<usize>().ok()) {
                if let Some(sku) = catalog.skus.get(i) {
                    // By part number: another SKU may have the same figures.
                    product.set(Some(sku.sku.clone()));
                    scenario.update(|s| sku.apply(s));
                    notices.set(Vec::new());
                }
            } else if let Some(id) = value.strip_prefix("tech:") {
                let outcome = scenario.try_update(|s| {
                    let outcome = s.set_choice("alt", id);
                    ALT_OVERRIDES.iter().for_each(|k| s.clear_override(k));
                    outcome
                });
                notices.set(outcome.flatten().into_iter().collect());
            }
        }
    };
    // One <option>, selected while it is the scenario's proposal.
    let option = move |value: String, label: String| {
        let selected = {
            let v = value.clone();
            move || current.get() == v
        };
        view! { <option value=value selected=selected>{label}</option> }
    };
    let options = {
        let generic = (!catalog.replace).then(|| {
            view! {
                <optgroup label="Generic technologies (model catalog)">
                    {TECH_OPTIONS.iter().map(|o| option(format!("tech:{}", o.id), o.label.to_string())).collect_view()}
                </optgroup>
            }
        });
        let skus = catalog
            .skus
            .iter()
            .enumerate()
            .map(|(i, k)| {
                option(format!("sku:{i}"), format!("{} ({} {})", k.name, k.tech.to_ascii_uppercase(), k.gbps))
            })
            .collect_view();
        view! {
            {catalog.replace.then(|| view! { <option value="" disabled=true selected=move || current.get().is_empty()>"Edited figures"</option> })}
            {generic}
            <optgroup label="Our products">{skus}</optgroup>
        }
    };
    let details = {
        let catalog = catalog.clone();
        move || {
            let i = current.get().strip_prefix("sku:")?.parse::<usize>().ok()?;
            let k = catalog.skus.get(i)?.clone();
            let afr = k.afr_pct.map(|a| format!(" · AFR {}%/yr (datasheet)", fmt.fixed(a, 2)));
            // A figure the host left out is the scenario's catalog value, marked so.
            let shown = |own: Option<f64>, key: &str, show: &dyn Fn(f64) -> String| match own {
                Some(v) => show(v),
                None => format!("{} (catalog)", show(scenario.with(|s| s.number(key).unwrap_or(0.0)))),
            };
            let text = format!(
                "{} · {} W · {} · {}{}",
                k.sku,
                fmt.significant(k.power_w),
                shown(k.latency_ns, "alt_ns", &|v| format!("{} ns", fmt.significant(v))),
                shown(k.price_usd, "alt_usd", &|v| fmt.money(v)),
                afr.unwrap_or_default()
            );
            Some(view! {
                <p class="oc-product-details" data-sku=k.sku.clone()>
                    {text}
                    {k.url.map(|url| view! { " · "<a href=url target="_blank" rel="noopener">"Product page"</a> })}
                </p>
            })
        }
    };
    view! {
        <div class="oc-field oc-field-choice oc-product">
            <label for="oc-in-product">"Proposed product"</label>
            <select id="oc-in-product" data-input="product" prop:value=move || current.get()
                on:change=move |ev| choose(event_target_value(&ev))>
                {options}
            </select>
            {details}
        </div>
    }
}

/// The proposed SKU times the modules the proposal needs (plus spares), with
/// the host's call to action; a hint to pick a product otherwise.
#[component]
pub fn BillOfMaterials(
    scenario: RwSignal<Scenario>,
    report: Memo<Report>,
    /// The SKU the proposal currently is ([`crate::ui::CalcState::sku`]).
    sku: Memo<Option<Sku>>,
    cta: Option<Cta>,
) -> impl IntoView {
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    let cta_label = cta.as_ref().map(|c| c.label.clone()).unwrap_or_default();
    let bill =
        Memo::new(move |_| sku.with(|k| scenario.with(|s| report.with(|r| bill_for(k.as_ref(), cta.as_ref(), s, r)))));
    move || match bill.get() {
        None => view! {
            <section class="oc-panel oc-bill" aria-label="Bill of materials">
                <p class="oc-bill-hint">"Choose one of our products as the proposed optics to see what to order."</p>
            </section>
        }
        .into_any(),
        Some(b) => {
            let spares_pct = scenario.with(|s| s.spares);
            let line = format!(
                "{} × {} ({} installed + {} spares)",
                fmt.count(b.bill.qty as f64),
                b.bill.name,
                fmt.count(b.bill.installed as f64),
                fmt.percent(spares_pct)
            );
            let label = cta_label.clone();
            view! {
                <section class="oc-panel oc-bill" aria-label="Bill of materials"
                    data-bill-sku=b.bill.sku.clone() data-bill-qty=b.bill.qty.to_string()>
                    <div>
                        <h2>"What to order"</h2>
                        <p class="oc-bill-line">{line}</p>
                        {b.bill.note.clone().map(|n| view! { <p class="oc-bill-note">{n}</p> })}
                    </div>
                    {b.url.clone().map(|url| view! {
                        <a class="oc-button oc-cta" data-action="cta" href=url target="_top" rel="noopener">{label}</a>
                    })}
                </section>
            }
            .into_any()
        }
    }
}
