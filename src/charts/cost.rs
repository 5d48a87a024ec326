//! Cumulative cost of both sides over the horizon, with the break-even point.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::format::NumberFormat;
use crate::model::Report;
use crate::model::finance::MAX_YEARS;

use super::layout::{self, Axis, Frame, Header, Key, anchor, font, muted, text_w};
use super::shapes::Drawing;
use super::{Chart, ChartTheme, DataTable, Side, finite, side_name};

/// Where the proposal pays back, if within the horizon and after day one.
struct BreakEven {
    months: f64,
    usd: f64,
}

/// Two lines (baseline solid, proposed dashed) of cumulative cost at the end
/// of each year 0..=years (year 0: the purchase). The break-even point is
/// marked and labelled; otherwise the status line says why there is none.
/// The table lists every year and, in its place, the break-even month.
pub fn cumulative_cost(r: &Report, fmt: &NumberFormat, theme: &ChartTheme, width_px: u32) -> Chart {
    let frame = Frame::new(width_px);
    let names = [side_name(r, theme, Side::Baseline), side_name(r, theme, Side::Proposed)];
    let years = r.years.min(MAX_YEARS);
    let cb: Vec<f64> = r.baseline.cumulative_usd[..=years].iter().map(|&v| finite(v)).collect();
    let cp: Vec<f64> = r.proposed.cumulative_usd[..=years].iter().map(|&v| finite(v)).collect();

    let year_word = |n: usize| if n == 1 { "year" } else { "years" };
    let (extra_capex, opex_saved) = (finite(r.delta.extra_capex_usd), finite(r.delta.opex_saved_usd_per_year));
    let break_even = r.payback_months.filter(|m| m.is_finite() && *m > 0.0).map(|months| BreakEven {
        months,
        // Where the two lines cross: the baseline's cost at that time.
        usd: finite(r.baseline.capex_usd) + months / 12.0 * finite(r.baseline.opex_usd_per_year),
    });
    let status = match (&r.payback_months, &break_even) {
        (_, Some(be)) => {
            format!(
                "Break-even after {} months, in year {}",
                fmt.fixed(be.months, 1),
                (be.months / 12.0).ceil().max(1.0)
            )
        }
        (Some(_), None) if extra_capex < 0.0 || opex_saved > 0.0 => "Proposed costs less from day one".to_string(),
        (Some(_), None) => "Both sides cost the same".to_string(),
        (None, _) => format!("No break-even within {years} {}", year_word(years)),
    };

    let title = format!("Cumulative cost over {years} {}", year_word(years));
    let desc = format!(
        "{status}. After {years} {}: baseline ({}) {}, proposed ({}) {}.",
        year_word(years),
        names[0],
        fmt.money(cb[years]),
        names[1],
        fmt.money(cp[years])
    );
    let drawing = draw(&frame, theme, fmt, &names, &cb, &cp, &status, break_even.as_ref(), &title, &desc);

    let mut rows: Vec<Vec<String>> = Vec::with_capacity(years + 2);
    for y in 0..=years {
        if let Some(be) = &break_even
            && be.months / 12.0 <= y as f64
            && (y == 0 || be.months / 12.0 > (y - 1) as f64)
        {
            rows.push(vec![
                format!("Break-even, month {}", fmt.fixed(be.months, 1)),
                fmt.money(be.usd),
                fmt.money(be.usd),
                fmt.money(0.0),
            ]);
        }
        rows.push(vec![fmt.count(y as f64), fmt.money(cb[y]), fmt.money(cp[y]), fmt.money(cb[y] - cp[y])]);
    }
    Chart {
        id: "cumulative-cost",
        title: title.clone(),
        drawing,
        table: DataTable {
            caption: format!(
                "{title}, at the end of each year (year 0: purchase): baseline {}, proposed {}. {status}.",
                names[0], names[1]
            ),
            headers: vec!["Year".into(), "Baseline".into(), "Proposed".into(), "Saved so far".into()],
            rows,
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    frame: &Frame,
    theme: &ChartTheme,
    fmt: &NumberFormat,
    names: &[String; 2],
    cb: &[f64],
    cp: &[f64],
    status: &str,
    break_even: Option<&BreakEven>,
    title: &str,
    desc: &str,
) -> Drawing {
    let header = Header::new(
        frame,
        vec![
            (format!("Baseline: {}", names[0]), Key::Line(theme.baseline, false)),
            (format!("Proposed: {}", names[1]), Key::Line(theme.proposed, true)),
        ],
        status,
    );
    let head_h = header.height(frame);
    let plot_h = ((frame.width as f64 * 0.42) as i32).clamp(170, 320);
    let tick_line = frame.line(frame.tick);
    let axis_h = tick_line * 2 + 4;
    let height = head_h + plot_h + axis_h + frame.pad;

    let years = cb.len().saturating_sub(1);
    let x_max = years.max(1) as f64;
    let x_pad = x_max * 0.03;
    let all = cb.iter().chain(cp).copied();
    let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let (y_lo, y_hi) = (if lo < 0.0 { lo - span * 0.06 } else { 0.0 }, hi + span * 0.08);

    let money = |v: f64| fmt.money(v);
    let y_label_w = text_w(&money(y_hi), frame.tick).max(text_w(&money(y_lo), frame.tick)) + 8;
    let plot_w = frame.width as i32 - frame.pad * 2 - y_label_w;
    let year_label = |v: f64| fmt.count(v);

    layout::render(frame, height as u32, theme, title, desc, |root| {
        let (head, body) = root.split_vertically(head_h);
        header.draw(&head, frame, theme)?;
        let mut plot = ChartBuilder::on(&body)
            .margin_left(frame.pad)
            .margin_right(frame.pad)
            .margin_bottom(frame.pad)
            .x_label_area_size(axis_h)
            .y_label_area_size(y_label_w)
            .build_cartesian_2d(-x_pad..x_max + x_pad, y_lo..y_hi)?;
        let x_ticks = layout::tick_count(frame, plot_w, "10").min(years + 1).max(2);
        let y_ticks = ((plot_h / (tick_line * 2)) as usize).clamp(3, 7);
        layout::mesh(
            &mut plot,
            frame,
            theme,
            Axis { ticks: x_ticks, label: &year_label },
            Some(Axis { ticks: y_ticks, label: &money }),
        )?;

        let series = |v: &[f64]| v.iter().enumerate().map(|(y, &c)| (y as f64, c)).collect::<Vec<_>>();
        let (sb, sp) = (series(cb), series(cp));
        plot.draw_series(LineSeries::new(sb.clone(), theme.baseline.stroke_width(3)))?;
        plot.draw_series(sb.iter().map(|&p| Circle::new(p, 4, theme.baseline.filled())))?;
        plot.draw_series(LineSeries::new(sp.clone(), layout::dashed(theme.proposed, 3)))?;
        plot.draw_series(sp.iter().map(|&p| Circle::new(p, 3, theme.proposed.filled())))?;

        let area = plot.plotting_area();
        if let Some(be) = break_even {
            let t = be.months / 12.0;
            let mark = theme.text;
            area.draw(&PathElement::new(vec![(t, be.usd), (t, y_lo)], muted(theme).stroke_width(1)))?;
            area.draw(&Circle::new((t, be.usd), 7, mark.stroke_width(2)))?;
            let (px, py) = plot.backend_coord(&(t, be.usd));
            let top = plot.backend_coord(&(t, y_hi)).1;
            let (root_x, root_y) = (px, py);
            let dy =
                if py - top > frame.line(frame.font) * 2 { -frame.line(frame.font) } else { frame.line(frame.font) };
            let label = format!("Break-even: month {}", fmt.fixed(be.months, 1));
            let h = if t < x_max * 0.5 { HPos::Left } else { HPos::Right };
            let dx = if t < x_max * 0.5 { -4 } else { 4 };
            let style = layout::bold(theme, frame.font, mark);
            layout::halo_text(root, &label, (root_x + dx, root_y + dy), h, &style, frame.font, theme)?;
        }
        // Axis title under the year ticks.
        let (x0, x1) = (plot.backend_coord(&(0.0, y_lo)).0, plot.backend_coord(&(x_max, y_lo)).0);
        let y = height - frame.pad - tick_line / 2 - 2;
        let style = font(theme, frame.tick, muted(theme)).pos(anchor(HPos::Center, VPos::Center));
        root.draw(&Text::new("Years after purchase", ((x0 + x1) / 2, y), style))?;
        Ok(())
    })
}
