//! Charts: the table figures match the report, the SVG is well formed,
//! scalable and accessible, text is escaped, degenerate reports still draw,
//! and the canvas draws the shapes the SVG has.
//!
//! `CHARTS_OUT=/tmp/charts cargo test --test charts_render` also writes every
//! chart of every case at 340 and 720 px to that folder, to look at.

use optics_calc::charts::shapes::{Drawing, Shape};
use optics_calc::charts::{
    Chart, ChartTheme, RGBColor, cumulative_cost, distribution_chart, latency_breakdown, npv_waterfall, parse_hex,
    power_by_tier, tornado_chart,
};
use optics_calc::format::NumberFormat;
use optics_calc::model::sensitivity::{MAIN_INPUTS, tornado};
use optics_calc::model::uncertainty::{SPREADS, monte_carlo, summarise};
use optics_calc::model::{Report, Scenario, evaluate};

fn scenario(numbers: &[(&str, f64)], choices: &[(&str, &str)]) -> Scenario {
    let mut s = Scenario::default();
    for (k, v) in choices {
        assert!(s.set_choice(k, v).is_none(), "choice {k}={v}");
    }
    for (k, v) in numbers {
        assert!(s.set_number(k, *v).is_none(), "number {k}={v}");
    }
    s
}

/// Proposed modules cost more up front and save power: pays back within the horizon.
fn paying_back() -> Report {
    let s =
        scenario(&[("alt_usd", 1280.0), ("base_usd", 1250.0), ("usd_kwh", 0.12)], &[("base", "dsp"), ("alt", "lpo")]);
    evaluate(&s)
}

/// The charts of the comparison, which name the two sides.
fn page_charts(r: &Report, theme: &ChartTheme, width: u32) -> [Chart; 3] {
    let f = NumberFormat::default();
    [power_by_tier(r, &f, theme, width), cumulative_cost(r, &f, theme, width), latency_breakdown(r, &f, theme, width)]
}

/// Every chart: the comparison's, then the tornado and the Monte Carlo
/// histogram of the NPV (200 samples: enough to fill the bins).
fn all(r: &Report, theme: &ChartTheme, width: u32) -> [Chart; 6] {
    let f = NumberFormat::default();
    let npv = r.metric_full("npv_usd").unwrap();
    let s = Scenario::default();
    let (_, swings) = tornado(&s, "npv_usd", 10.0, &MAIN_INPUTS);
    let run = monte_carlo(&s, "npv_usd", &SPREADS, 200, 1);
    [
        power_by_tier(r, &f, theme, width),
        cumulative_cost(r, &f, theme, width),
        latency_breakdown(r, &f, theme, width),
        tornado_chart(&npv, 10.0, &swings, &f, theme, width),
        distribution_chart(&npv, &run, &f, theme, width),
        npv_waterfall(r, &f, theme, width),
    ]
}

/// Cases that must all draw sensibly.
fn cases() -> Vec<(&'static str, Report)> {
    let mut nan = evaluate(&Scenario::default());
    nan.baseline.power.network_power_w = f64::NAN;
    nan.baseline.rows[0].module_power_w = f64::INFINITY;
    nan.proposed.cumulative_usd[2] = f64::NAN;
    nan.proposed.latency.fec_ns = f64::NAN;
    nan.payback_months = Some(f64::NAN);
    vec![
        ("typical", evaluate(&Scenario::default())),
        ("payback", paying_back()),
        ("one-gpu", evaluate(&scenario(&[("gpus", 1.0)], &[]))),
        ("equal-sides", evaluate(&scenario(&[], &[("base", "dsp"), ("alt", "dsp")]))),
        ("negative", evaluate(&scenario(&[], &[("base", "lpo"), ("alt", "dsp")]))),
        ("copper-only", evaluate(&scenario(&[("gpus", 64.0)], &[("m1", "dac"), ("m2", "dac"), ("m3", "aec")]))),
        ("retrofit", evaluate(&scenario(&[("years", 10.0)], &[("build", "retrofit")]))),
        ("one-year", evaluate(&scenario(&[("years", 1.0), ("gpus", 1_000_000.0)], &[("alt", "cpo")]))),
        ("front-end", evaluate(&scenario(&[("fe", 2.0)], &[]))),
        ("empty-report", Report::default()),
        ("nan-poisoned", nan),
    ]
}

/// A crude well-formedness check: tags nest and close, attributes are quoted.
fn assert_well_formed(svg: &str, what: &str) {
    assert!(svg.starts_with("<svg "), "{what}: starts with <svg");
    assert!(svg.trim_end().ends_with("</svg>"), "{what}: ends with </svg>");
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').unwrap_or_else(|| panic!("{what}: unclosed tag"));
        let tag = &after[..end];
        assert_eq!(tag.matches('"').count() % 2, 0, "{what}: unbalanced quotes in <{tag}>");
        assert!(!tag.contains('<'), "{what}: '<' inside a tag");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name.trim()), "{what}: mismatched </{name}>");
        } else if !tag.ends_with('/') && !tag.starts_with('?') && !tag.starts_with('!') {
            stack.push(tag.split_whitespace().next().unwrap_or(""));
        }
        rest = &after[end + 1..];
    }
    assert!(stack.is_empty(), "{what}: unclosed {stack:?}");
    // Text between tags has no raw '&' that is not an entity.
    for (i, _) in svg.match_indices('&') {
        let entity = &svg[i..svg.len().min(i + 7)];
        assert!(
            ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&#"].iter().any(|e| entity.starts_with(e)),
            "{what}: raw & at {entity}"
        );
    }
}

fn root_tag(svg: &str) -> &str {
    &svg[..svg.find('>').unwrap()]
}

fn font_sizes(svg: &str) -> Vec<f64> {
    svg.match_indices("font-size=\"")
        .map(|(i, m)| {
            let v = &svg[i + m.len()..];
            v[..v.find('"').unwrap()].parse::<f64>().unwrap()
        })
        .collect()
}

#[test]
fn every_case_draws_scalable_accessible_svg_without_nan() {
    let theme = ChartTheme::default();
    let out = std::env::var("CHARTS_OUT").ok();
    for (name, r) in cases() {
        for width in [100, 280, 340, 720, 1280, 10_000] {
            for chart in all(&r, &theme, width) {
                let what = format!("{name}/{}/{width}", chart.id);
                let svg = &chart.drawing.svg();
                assert_well_formed(svg, &what);
                let root = root_tag(svg);
                assert!(root.contains("viewBox=\"0 0 "), "{what}: viewBox");
                assert!(root.contains("width=\"100%\""), "{what}: width 100%");
                assert!(!root.contains("height="), "{what}: no fixed height");
                assert!(root.contains("role=\"img\""), "{what}: role");
                assert!(root.contains(&format!("aria-label=\"{}\"", chart.title)), "{what}: aria-label");
                assert!(svg.contains(&format!("<title>{}</title>", chart.title)), "{what}: <title>");
                assert!(svg.contains("<desc>"), "{what}: <desc>");
                for bad in ["NaN", "inf", "–"] {
                    assert!(!svg.contains(bad), "{what}: contains {bad}");
                    assert!(!chart.table.caption.contains(bad), "{what}: caption contains {bad}");
                    for row in &chart.table.rows {
                        for cell in row {
                            assert!(!cell.contains(bad), "{what}: table cell {cell:?}");
                        }
                    }
                }
                assert!(!chart.table.rows.is_empty(), "{what}: table rows");
                for row in &chart.table.rows {
                    assert_eq!(row.len(), chart.table.headers.len(), "{what}: row width");
                }
                let shapes: usize =
                    ["<rect", "<circle", "<polyline", "<line"].iter().map(|t| svg.matches(t).count()).sum();
                assert!(shapes >= 4, "{what}: something drawn");
                if let Some(dir) = &out
                    && (width == 340 || width == 720)
                {
                    std::fs::create_dir_all(dir).unwrap();
                    std::fs::write(format!("{dir}/{name}-{}-{width}.svg", chart.id), svg).unwrap();
                }
            }
        }
    }
}

#[test]
fn a_dashed_line_is_one_element_with_a_dash_pattern() {
    let theme = ChartTheme::default();
    for (name, r) in cases() {
        let [_, cost, _, _, distribution, _] = all(&r, &theme, 720);
        // The proposed cost line; P10 and P90 on the histogram.
        for (chart, lines) in [(&cost, 1), (&distribution, 2)] {
            let what = format!("{name}/{}", chart.id);
            let svg = chart.drawing.svg();
            assert_eq!(svg.matches("stroke-dasharray=\"9 5\"").count(), lines, "{what}: dashed lines");
            assert!(!svg.contains("0.9990234375"), "{what}: the dash mark is replaced");
        }
        // Legend keys, axes, the two lines and a break-even mark; was 55 with a
        // <polyline> per dash.
        assert!(cost.drawing.svg().matches("<polyline").count() <= 8, "{name}: cost chart polylines");
    }
}

#[test]
fn labels_stay_readable_on_a_phone() {
    let r = evaluate(&Scenario::default());
    for chart in all(&r, &ChartTheme::default(), 340) {
        let svg = chart.drawing.svg();
        let sizes = font_sizes(&svg);
        assert!(!sizes.is_empty());
        for s in sizes {
            assert!(s >= 11.0, "{}: font-size {s}", chart.id);
        }
        let root = root_tag(&svg);
        assert!(root.contains("viewBox=\"0 0 340 "), "{}: {root}", chart.id);
    }
    // Wider containers get a wider drawing, not just a scaled one.
    let wide = power_by_tier(&r, &NumberFormat::default(), &ChartTheme::default(), 720);
    assert!(root_tag(&wide.drawing.svg()).contains("viewBox=\"0 0 720 "));
}

#[test]
fn power_table_carries_the_report_figures() {
    let r = evaluate(&scenario(&[("fe", 1.0)], &[("m1", "dac")]));
    let f = NumberFormat::default();
    let c = power_by_tier(&r, &f, &ChartTheme::default(), 720);
    let (b, p) = (&r.baseline, &r.proposed);
    assert_eq!(c.id, "power-by-tier");
    assert_eq!(c.table.headers, ["Tier", "Baseline", "Proposed", "Saved"]);
    assert_eq!(c.table.rows.len(), b.tiers().len() + 2);
    for (row, (tb, tp)) in c.table.rows.iter().zip(b.tiers().iter().zip(p.tiers())) {
        assert!(row[0].starts_with(tb.name), "{row:?}");
        assert_eq!(row[1], f.power_w(tb.module_power_w + tb.copper_power_w));
        assert_eq!(row[2], f.power_w(tp.module_power_w + tp.copper_power_w));
    }
    assert_eq!(c.table.rows[0][0], "GPU to leaf · Copper DAC");
    assert_eq!(c.table.rows[b.tiers().len() - 1][0], "front-end");
    assert_eq!(c.table.rows.last().unwrap()[0], "Total network");
    let switches = &c.table.rows[b.tiers().len()];
    assert_eq!(switches[0], format!("Switches ({})", f.count(b.switches as f64)));
    assert_eq!(switches[1], f.power_w(b.power.switch_power_w));
    let total = c.table.rows.last().unwrap();
    assert_eq!(total[1], f.power_w(b.power.network_power_w));
    assert_eq!(total[2], f.power_w(p.power.network_power_w));
    assert_eq!(total[3], f.power_w(r.delta.power_saved_w));
    // The rows add up to the network total.
    let sum: f64 = b.tiers().iter().map(|t| t.module_power_w + t.copper_power_w).sum::<f64>() + b.power.switch_power_w;
    assert!((sum - b.power.network_power_w).abs() < 1e-6 * b.power.network_power_w.max(1.0));
    // Every tier and both sides are in the picture.
    assert!(c.drawing.svg().contains("leaf to spine"));
    assert!(c.drawing.svg().contains("Baseline: DSP-retimed pluggable"));
    assert!(c.drawing.svg().contains("Proposed: LPO (linear drive)"));
    assert!(c.drawing.svg().contains(&f.power_w(b.power.switch_power_w)));
}

#[test]
fn break_even_row_matches_payback_months() {
    let r = paying_back();
    let f = NumberFormat::default();
    let months = r.payback_months.expect("this scenario pays back");
    assert!(months > 0.0 && months < r.years as f64 * 12.0, "{months}");
    let c = cumulative_cost(&r, &f, &ChartTheme::default(), 720);
    assert_eq!(c.id, "cumulative-cost");
    let label = format!("Break-even, month {}", f.fixed(months, 1));
    let at = c.table.rows.iter().position(|row| row[0] == label).expect("break-even row");
    // In its place between the years: after year floor(t), before the next.
    let year = (months / 12.0).floor() as usize;
    assert_eq!(at, year + 1);
    assert_eq!(c.table.rows[at - 1][0], year.to_string());
    assert_eq!(c.table.rows[at + 1][0], (year + 1).to_string());
    // Both sides cost the same there.
    assert_eq!(c.table.rows[at][1], c.table.rows[at][2]);
    let cross = r.baseline.capex_usd + months / 12.0 * r.baseline.opex_usd_per_year;
    let cross_p = r.proposed.capex_usd + months / 12.0 * r.proposed.opex_usd_per_year;
    assert!((cross - cross_p).abs() < 1e-6 * cross.abs().max(1.0));
    assert_eq!(c.table.rows[at][1], f.money(cross));
    // Years 0..=years plus the break-even row.
    assert_eq!(c.table.rows.len(), r.years + 2);
    for y in 0..=r.years {
        let row = &c.table.rows[if y <= year { y } else { y + 1 }];
        assert_eq!(row[1], f.money(r.baseline.cumulative_usd[y]));
        assert_eq!(row[2], f.money(r.proposed.cumulative_usd[y]));
    }
    assert!(c.table.caption.contains(&format!("Break-even after {} months", f.fixed(months, 1))));
    assert!(c.drawing.svg().contains(&format!("Break-even: month {}", f.fixed(months, 1))));
}

#[test]
fn no_break_even_is_said_not_drawn() {
    let r = evaluate(&scenario(&[], &[("base", "lpo"), ("alt", "dsp")]));
    assert_eq!(r.payback_months, None);
    let c = cumulative_cost(&r, &NumberFormat::default(), &ChartTheme::default(), 340);
    let note = format!("No break-even within {} years", r.years);
    assert!(c.table.caption.contains(&note), "{}", c.table.caption);
    assert!(c.drawing.svg().contains(&note));
    assert!(!c.drawing.svg().contains("Break-even:"));
    assert!(c.table.rows.iter().all(|row| !row[0].starts_with("Break-even")));
    assert_eq!(c.table.rows.len(), r.years + 1);

    let same = evaluate(&scenario(&[], &[("base", "dsp"), ("alt", "dsp")]));
    let c = cumulative_cost(&same, &NumberFormat::default(), &ChartTheme::default(), 340);
    assert!(c.drawing.svg().contains("Both sides cost the same"), "{}", c.table.caption);
}

#[test]
fn latency_table_sums_to_the_path_total() {
    let f = NumberFormat::default();
    for (name, r) in cases().into_iter().take(9) {
        let c = latency_breakdown(&r, &f, &ChartTheme::default(), 720);
        let rows = &c.table.rows;
        assert_eq!(rows.len(), 5, "{name}");
        for (side, l, col) in [("baseline", &r.baseline.latency, 1), ("proposed", &r.proposed.latency, 2)] {
            let parts = [l.switch_ns, l.module_ns, l.fec_ns, l.fibre_ns];
            assert!((parts.iter().sum::<f64>() - l.total_ns).abs() < 1e-9, "{name} {side}");
            for (row, v) in rows.iter().zip(parts) {
                assert_eq!(row[col], f.duration_ns(v), "{name} {side} {}", row[0]);
            }
            assert_eq!(rows[4][col], f.duration_ns(l.total_ns), "{name} {side} total");
        }
        assert_eq!(rows[4][3], f.duration_ns(r.delta.latency_saved_ns_per_path), "{name}");
        assert_eq!(rows[0][0], format!("Switch hops ({} switches)", r.baseline.latency.switches), "{name}");
    }
}

#[test]
fn host_names_are_escaped_everywhere_in_the_svg() {
    let r = evaluate(&Scenario::default());
    let theme = ChartTheme {
        baseline_name: Some("<script>alert(1)</script> & \"Co\"".into()),
        proposed_name: Some("Acme </svg><svg onload=alert(2)>".into()),
        font_family: "Inter\"><script>x</script>".into(),
        ..ChartTheme::default()
    };
    for width in [340, 720] {
        for chart in page_charts(&r, &theme, width) {
            let svg = &chart.drawing.svg();
            assert_well_formed(svg, chart.id);
            assert!(!svg.contains("<script"), "{}", chart.id);
            assert!(!svg.contains("<svg onload"), "{}", chart.id);
            assert_eq!(svg.matches("<svg").count(), 1, "{}", chart.id);
            assert!(svg.contains("&lt;script&gt;"), "{}: the name is shown, escaped", chart.id);
            // The table is plain text for the UI to put in text nodes.
            assert!(chart.table.caption.contains("<script>alert(1)</script>"));
        }
    }
}

#[test]
fn theme_colours_are_used() {
    let r = evaluate(&Scenario::default());
    let theme = ChartTheme { baseline: RGBColor(1, 2, 3), proposed: RGBColor(4, 5, 6), ..ChartTheme::default() };
    for chart in page_charts(&r, &theme, 720) {
        assert!(chart.drawing.svg().contains("#010203"), "{}", chart.id);
        assert!(chart.id == "latency-breakdown" || chart.drawing.svg().contains("#040506"), "{}", chart.id);
    }
    assert_eq!(parse_hex("#8a4b08"), Some(RGBColor(0x8a, 0x4b, 0x08)));
    assert_eq!(parse_hex(" #fff "), Some(RGBColor(255, 255, 255)));
    assert_eq!(parse_hex("0b5cad"), None);
    assert_eq!(parse_hex("#12345"), None);
    assert_eq!(parse_hex("#ééé"), None);
}

#[test]
fn locale_format_reaches_the_charts() {
    let r = paying_back();
    let eu = NumberFormat {
        thousands_sep: ".".into(),
        decimal_sep: ",".into(),
        currency_symbol: "€".into(),
        currency_after: true,
    };
    let c = cumulative_cost(&r, &eu, &ChartTheme::default(), 720);
    assert!(c.drawing.svg().contains(" €"), "money ticks use the host's currency");
    assert!(c.table.rows.iter().any(|row| row[1].ends_with(" €")));
}

#[test]
fn tornado_table_lists_every_swing_widest_first_with_its_figures() {
    let s = Scenario::default();
    let f = NumberFormat::default();
    let (centre, swings) = tornado(&s, "npv_usd", 10.0, &MAIN_INPUTS);
    let npv = evaluate(&s).metric_full("npv_usd").unwrap();
    assert_eq!(npv.value, centre);
    let c = tornado_chart(&npv, 10.0, &swings, &f, &ChartTheme::default(), 720);
    assert_eq!(c.table.rows.len(), swings.len());
    for (row, sw) in c.table.rows.iter().zip(&swings) {
        assert_eq!(row[3], f.money(sw.metric_low));
        assert_eq!(row[4], f.money(sw.metric_high));
        assert_eq!(row[5], f.money(sw.range()));
    }
    let top = optics_calc::model::input_def(swings[0].key).unwrap().label.to_lowercase();
    assert!(c.drawing.svg().contains(&top), "the status line names the widest input: {top}");
    assert!(c.table.headers[1].contains("-10%") && c.table.headers[2].contains("+10%"));
}

#[test]
fn a_tornado_with_nothing_to_swing_says_so() {
    let npv = evaluate(&Scenario::default()).metric_full("npv_usd").unwrap();
    let c = tornado_chart(&npv, 10.0, &[], &NumberFormat::default(), &ChartTheme::default(), 340);
    assert!(c.drawing.svg().contains("No main input moves"), "{}", c.drawing.svg());
    assert!(c.table.rows.is_empty());
}

#[test]
fn distribution_table_gives_the_percentiles_and_every_bin() {
    let d = summarise((1..=1000).map(f64::from).collect());
    let metric = evaluate(&Scenario::default()).metric_full("power_saved_w").unwrap();
    let f = NumberFormat::default();
    let c = distribution_chart(&metric, &d, &f, &ChartTheme::default(), 720);
    assert_eq!(c.table.rows[0], vec!["P10".to_string(), f.power_w(100.0), String::new()]);
    assert_eq!(c.table.rows[1][1], f.power_w(500.0));
    assert_eq!(c.table.rows[2][1], f.power_w(900.0));
    let bins = &c.table.rows[4..];
    assert_eq!(bins.len(), d.histogram.len());
    let total: u32 = bins.iter().map(|row| row[2].replace(',', "").parse::<u32>().unwrap()).sum();
    assert_eq!(total, 1000, "every sample is in a bin");
    for mark in ["P10", "P50", "P90"] {
        assert!(c.drawing.svg().contains(&format!(">\n{mark}\n</text>")), "{mark} is labelled on the chart");
    }
}

#[test]
fn npv_waterfall_adds_its_causes_up_to_the_npv_and_keeps_step_time_outside() {
    let r = paying_back();
    let f = NumberFormat::default();
    let c = npv_waterfall(&r, &f, &ChartTheme::default(), 720);
    assert_eq!(c.id, "npv-waterfall");
    let rows = &c.table.rows;
    assert_eq!(rows.len(), 5, "three causes, the NPV, the step time");
    // The running total after the three causes is the NPV, as the NPV row says.
    assert_eq!(rows[2][2], f.money(r.npv_usd));
    assert_eq!(rows[3], vec!["Net present value".to_string(), f.money(r.npv_usd), f.money(r.npv_usd)]);
    assert!(rows[4][0].contains("not in the NPV"), "{:?}", rows[4]);
    let p = &r.npv_parts;
    assert!((p.modules_usd + p.energy_usd + p.failures_usd - r.npv_usd).abs() <= 1e-9 * r.npv_usd.abs().max(1.0));
    assert!(c.drawing.svg().contains("not in the NPV"));
}

/// The texts of a drawing, as the canvas paints them.
fn drawn_texts(d: &Drawing) -> Vec<String> {
    d.shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// On a phone the row labels are cut in their names, never in their figures.
#[test]
fn waterfall_labels_keep_their_figures_when_narrow() {
    let r = paying_back();
    let f = NumberFormat::default();
    let c = npv_waterfall(&r, &f, &ChartTheme::default(), 340);
    let texts = drawn_texts(&c.drawing);
    for row in &c.table.rows {
        let figure = format!(": {}", row[1]);
        assert!(texts.iter().any(|t| t.ends_with(&figure)), "{figure} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("…: ")), "the longest name is cut at 340 px: {texts:?}");
    // At 720 px every name is whole.
    let wide = npv_waterfall(&r, &f, &ChartTheme::default(), 720);
    assert!(!wide.drawing.svg().contains('…'), "{}", wide.drawing.svg());
}

/// The page paints each chart's drawing on a canvas and writes it as the SVG
/// download: element for shape, the same kinds, and the same texts in the
/// same order (the host's names as the text they were, not as entities);
/// nothing is left out of either.
#[test]
fn the_canvas_and_the_svg_draw_the_same_shapes() {
    for (name, r) in cases() {
        for width in [340, 720] {
            for chart in all(&r, &ChartTheme::default(), width) {
                let (d, svg) = (&chart.drawing, chart.drawing.svg());
                let what = format!("{name}/{}/{width}", chart.id);
                assert_eq!(d.skipped, 0, "{what}");
                assert_eq!((d.width, d.height > 0), (width, true), "{what}");
                let elements = |tag: &str| svg.lines().filter(|l| l.starts_with(tag)).count();
                let shapes = |kind: fn(&Shape) -> bool| d.shapes.iter().filter(|s| kind(s)).count();
                assert_eq!(
                    elements("<rect "),
                    shapes(|s| matches!(s, Shape::Rect { .. } | Shape::Pixel { .. })),
                    "{what}"
                );
                assert_eq!(elements("<line "), shapes(|s| matches!(s, Shape::Line { .. })), "{what}");
                assert_eq!(elements("<polyline "), shapes(|s| matches!(s, Shape::Path { .. })), "{what}");
                assert_eq!(elements("<circle "), shapes(|s| matches!(s, Shape::Circle { .. })), "{what}");
                assert_eq!(elements("<polygon "), shapes(|s| matches!(s, Shape::Polygon { .. })), "{what}");
                // A text's content is the line after its tag (escaped there).
                let lines: Vec<&str> = svg.lines().collect();
                let svg_texts: Vec<String> = lines
                    .windows(2)
                    .filter(|w| w[0].starts_with("<text "))
                    .map(|w| {
                        w[1].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                    })
                    .collect();
                assert_eq!(svg_texts, drawn_texts(d), "{what}");
            }
        }
    }
    let theme = ChartTheme { proposed_name: Some("A&B <x> \"Co\"".into()), ..ChartTheme::default() };
    let chart = power_by_tier(&evaluate(&Scenario::default()), &NumberFormat::default(), &theme, 720);
    let texts = drawn_texts(&chart.drawing);
    assert!(texts.iter().any(|t| t == "Proposed: A&B <x> \"Co\""), "{texts:?}");
    assert!(chart.drawing.svg().contains("Proposed: A&amp;B &lt;x&gt; &quot;Co&quot;"));
}
