//! Charts drawn by `crate::charts` (plotters, recorded as shapes) at the
//! width of their container and painted on a canvas (`ui::canvas`), each
//! with its data table as an accessible alternative and its SVG and PNG for
//! download, written from the same shapes when asked for.

use std::time::Duration;

use leptos::prelude::*;
use leptos::{ev, html};

use crate::charts::shapes::Drawing;
use crate::charts::{Chart, ChartTheme, DataTable};
use crate::embed::catalog::Sku;
use crate::format::NumberFormat;
use crate::model::Report;
use crate::ui::browser::{download_svg_as_png, download_text};
use crate::ui::canvas::paint;
use crate::ui::disclosure::follow_toggle;
use crate::ui::effect::effect;
use crate::ui::in_view::in_view_of;
use crate::ui::settle::Settled;

/// Draws a chart from the report.
pub type DrawChart = fn(&Report, &NumberFormat, &ChartTheme, u32) -> Chart;

/// A chart of the report with the page's number format and theme, as the
/// drawing callback of a [`ChartFigure`]. `proposed_sku` is the host SKU the
/// proposed side currently is, if any: its series carry the product's name.
pub fn report_chart(report: Memo<Report>, proposed_sku: Memo<Option<Sku>>, draw: DrawChart) -> Callback<u32, Chart> {
    let fmt = use_context::<NumberFormat>().unwrap_or_default();
    let theme = use_context::<ChartTheme>().unwrap_or_default();
    Callback::new(move |width_px| {
        let named = proposed_sku
            .with(|sku| sku.as_ref().map(|k| ChartTheme { proposed_name: Some(k.name.clone()), ..theme.clone() }));
        report.with(|r| draw(r, &fmt, named.as_ref().unwrap_or(&theme), width_px))
    })
}

/// Width the charts are drawn at before the container has been measured.
const DEFAULT_WIDTH_PX: u32 = 640;

/// PNG exports are drawn at twice the on-screen size, sharp enough for slides.
const PNG_SCALE: f64 = 2.0;

fn log_failure(result: Result<(), String>) {
    if let Err(e) = result {
        web_sys::console::error_1(&format!("optics-calc: chart export failed: {e}").into());
    }
}

#[component]
pub fn ChartFigure(
    /// Draws the chart at a width in CSS pixels; it is redrawn when a signal
    /// it reads changes or the container's width does.
    draw: Callback<u32, Chart>,
    /// When the inputs come to rest: a chart out of view is redrawn then,
    /// rather than at every input event of a drag.
    settled: Settled,
) -> impl IntoView {
    let container = NodeRef::<html::Figure>::new();
    let width = RwSignal::new(DEFAULT_WIDTH_PX);
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = el.client_width().max(240) as u32;
            // Redraw only for a real change, not for every resize event.
            if w.abs_diff(width.get_untracked()) > 8 {
                width.set(w);
            }
        }
    };
    container.on_load(move |_| measure());
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let in_view = in_view_of(container);
    let table_open = RwSignal::new(false);
    // The first drawing waits for a task of its own: mounting the calculator
    // then builds the page without drawing (or, for the tornado, computing)
    // any chart, and no start-up task grows long (README "Benchmarks").
    let started = RwSignal::new(false);
    set_timeout(
        move || {
            let _ = started.try_set(true);
        },
        Duration::ZERO,
    );
    // Drawn at every change while in view or shown as a table; out of view,
    // only when the inputs come to rest, and then only if they changed (or
    // the width did) since the last drawing. The canvas is painted again only
    // when the drawing changed.
    let drawn_for = StoredValue::new(None::<(u64, u32)>);
    let chart = Memo::new_with_compare(
        move |prev: Option<&Chart>| {
            if !started.get() {
                return pending_chart();
            }
            let seen = in_view.get() | table_open.get();
            let now = (settled.changes(), width.get_untracked());
            let drawn = prev.filter(|c| is_drawn(c));
            if seen || drawn.is_none() {
                drawn_for.set_value(Some(now));
                return draw.run(width.get());
            }
            settled.track();
            match drawn {
                Some(c) if drawn_for.get_value() == Some(now) => c.clone(),
                _ => {
                    drawn_for.set_value(Some(now));
                    untrack(|| draw.run(width.get()))
                }
            }
        },
        |old: Option<&Chart>, new: Option<&Chart>| old.map(|c| &c.drawing) != new.map(|c| &c.drawing),
    );
    // Painted when the drawing changes (and once the canvas exists); until
    // the first drawing (a task of its own) the canvas says it is coming.
    //
    // Painted in a task queued after the input's other updates: a canvas
    // font set lays out the page there and then, and the inputs' values set
    // after it made the frame lay out the page a second time (~0.25 ms per
    // input event).
    let canvas = NodeRef::<html::Canvas>::new();
    effect(move || {
        if let Some(el) = canvas.get().filter(|_| chart.with(is_drawn)) {
            leptos::task::spawn_local(async move {
                // try_: the figure may have been unmounted in between.
                let Some(label) = chart.try_with_untracked(|c| {
                    paint(&el, &c.drawing);
                    c.drawing.label()
                }) else {
                    return;
                };
                if el.get_attribute("aria-label").as_deref() != Some(&label) {
                    let _ = el.set_attribute("aria-label", &label);
                }
            });
        }
    });
    let save_svg = move |_| {
        chart.with(|c| log_failure(download_text(&format!("{}.svg", c.id), "image/svg+xml", &c.drawing.svg())));
    };
    let save_png = move |_| {
        chart.with(|c| log_failure(download_svg_as_png(&format!("{}.png", c.id), &c.drawing.svg(), PNG_SCALE)));
    };
    view! {
        <figure class="oc-chart" node_ref=container data-chart=move || chart.with(|c| c.id)>
            <figcaption>
                <span>{move || chart.with(|c| c.title.clone())}</span>
                <span class="oc-chart-actions">
                    <button type="button" class="oc-link-button" data-action="svg" on:click=save_svg
                        aria-label=move || chart.with(|c| format!("Download {} as SVG", c.title))>"SVG"</button>
                    <button type="button" class="oc-link-button" data-action="png" on:click=save_png
                        aria-label=move || chart.with(|c| format!("Download {} as PNG", c.title))>"PNG"</button>
                </span>
            </figcaption>
            <div class="oc-chart-plot"><canvas node_ref=canvas role="img" aria-label="Chart, being drawn"></canvas></div>
            // The table is built while its disclosure is open: closed, it
            // would still cost every input event some 20-60 text updates.
            <details class="oc-chart-table" on:toggle=follow_toggle(table_open)>
                <summary>"Show as a table"</summary>
                {move || table_open.get().then(|| chart.with(|c| data_table(&c.table)))}
            </details>
        </figure>
    }
}

/// What a figure holds before its first drawing (a task after mounting).
fn pending_chart() -> Chart {
    Chart { id: "", title: String::new(), drawing: Drawing::default(), table: DataTable::default() }
}

/// Whether the chart has been drawn (a drawing is never 0 px wide).
fn is_drawn(c: &Chart) -> bool {
    c.drawing.width > 0
}

/// A chart's figures as a plain table, rebuilt whole when they change.
fn data_table(table: &DataTable) -> impl IntoView + use<> {
    let headers = table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| view! { <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> })
        .collect_view();
    view! {
        <div class="oc-table-wrap" tabindex="0">
            <table class="oc-table">
                <caption>{table.caption.clone()}</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
