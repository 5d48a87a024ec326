//! A chart's SVG read back as the few shapes plotters draws (rectangles,
//! lines, circles, text), for the page to paint on a `<canvas>`.
//!
//! Why: the page redraws the charts in view at every input event of a
//! drag. As a fresh SVG subtree, each redraw was parsed, styled, laid out
//! and painted again (~1 ms of parsing and ~2 ms of style, layout and
//! paint for two charts, README "Benchmarks"); painted on a canvas it
//! is a few dozen drawing calls and no layout. The SVG string stays the one
//! drawing (its export, and what this reads), so the canvas can never show
//! another chart than the SVG file a visitor downloads.
//!
//! Only the output of [`super::layout::render`] is read: one element per
//! line, text content on the line after its `<text>` tag. Anything else is
//! counted in [`Drawing::skipped`] (the tests keep it at zero).

use std::borrow::Cow;

/// Stroke and fill of a shape; colours as written in the SVG (`#RRGGBB`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paint<'a> {
    pub fill: Option<&'a str>,
    pub stroke: Option<&'a str>,
    pub stroke_width: f64,
    pub opacity: f64,
    /// Dash and gap lengths, px.
    pub dash: Option<(f64, f64)>,
}

/// Where a text's x is: its start, middle or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// One shape, in the chart's own pixels (its `viewBox`).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape<'a> {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        paint: Paint<'a>,
    },
    /// An open path through the points (an SVG `<line>` or `<polyline>`).
    Path {
        points: Vec<(f64, f64)>,
        paint: Paint<'a>,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        paint: Paint<'a>,
    },
    /// `y` is the alphabetic baseline (the SVG's `dy` applied), `font` a CSS
    /// font shorthand, `text` unescaped.
    Text {
        x: f64,
        y: f64,
        align: Align,
        font: String,
        text: Cow<'a, str>,
        paint: Paint<'a>,
    },
}

/// A chart's size and shapes, in drawing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing<'a> {
    /// The SVG's `<title>` and `<desc>`, unescaped: a canvas's accessible name.
    pub title: Cow<'a, str>,
    pub desc: Cow<'a, str>,
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape<'a>>,
    /// Elements this reader does not know (none in the charts drawn here).
    pub skipped: usize,
}

/// An `ex` in `em`, as in the fonts the charts name (system-ui, DejaVu
/// Sans: x-height 0.52-0.55 em); plotters centres text with `dy="0.5ex"`.
const EX_EM: f64 = 0.53;

/// Reads the SVG that [`super::layout::render`] wrote.
pub fn read(svg: &str) -> Drawing<'_> {
    let mut d = Drawing::default();
    let mut lines = svg.lines();
    while let Some(line) = lines.next() {
        let line = line.trim();
        // Closing tags (`</svg>`) and anything not a tag carry nothing to draw.
        let Some(tag) =
            line.strip_prefix('<').filter(|l| !l.starts_with('/')).and_then(|l| l.split([' ', '>', '/']).next())
        else {
            continue;
        };
        let attr = |name: &str| attribute(line, name);
        let num = |name: &str| attr(name).and_then(number).unwrap_or(0.0);
        let paint = || Paint {
            fill: attr("fill").filter(|c| *c != "none"),
            stroke: attr("stroke").filter(|c| *c != "none"),
            stroke_width: attr("stroke-width").and_then(number).unwrap_or(1.0),
            opacity: attr("opacity").and_then(number).unwrap_or(1.0),
            dash: attr("stroke-dasharray").and_then(|v| {
                let (a, b) = v.split_once(' ')?;
                Some((number(a)?, number(b)?))
            }),
        };
        let shape = match tag {
            "svg" => {
                let mut view_box = attr("viewBox").unwrap_or("").split(' ').map(|v| number(v).unwrap_or(0.0));
                d.width = view_box.nth(2).unwrap_or(0.0);
                d.height = view_box.next().unwrap_or(0.0);
                continue;
            }
            "title" | "desc" => {
                let inner = line.split_once('>').map_or("", |(_, rest)| rest);
                let inner = unescape(inner.rsplit_once("</").map_or(inner, |(text, _)| text));
                if tag == "title" {
                    d.title = inner
                } else {
                    d.desc = inner
                }
                continue;
            }
            "rect" => Shape::Rect { x: num("x"), y: num("y"), w: num("width"), h: num("height"), paint: paint() },
            "line" => Shape::Path { points: vec![(num("x1"), num("y1")), (num("x2"), num("y2"))], paint: paint() },
            "polyline" => Shape::Path { points: points(attr("points").unwrap_or("")), paint: paint() },
            "circle" => Shape::Circle { cx: num("cx"), cy: num("cy"), r: num("r"), paint: paint() },
            "text" => {
                // The content is the next line, then the closing tag.
                let text = lines.next().unwrap_or("");
                let _close = lines.next();
                let px = num("font-size");
                let bold = attr("font-weight") == Some("bold");
                let family = unescape(attr("font-family").unwrap_or("sans-serif"));
                Shape::Text {
                    x: num("x"),
                    y: num("y") + dy_px(attr("dy").unwrap_or(""), px),
                    align: match attr("text-anchor") {
                        Some("middle") => Align::Middle,
                        Some("end") => Align::End,
                        _ => Align::Start,
                    },
                    font: format!("{}{px}px {family}", if bold { "bold " } else { "" }),
                    text: unescape(text),
                    paint: paint(),
                }
            }
            _ => {
                d.skipped += 1;
                continue;
            }
        };
        d.shapes.push(shape);
    }
    d
}

/// The value of `name="..."` in one element's line (still escaped).
fn attribute<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = line;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().last();
        let after = &rest[at + name.len()..];
        if before == Some(' ')
            && let Some(value) = after.strip_prefix("=\"")
        {
            return value.split('"').next();
        }
        rest = after;
    }
    None
}

/// A decimal as the SVG writes it (`-12`, `13.499999999999998`): read
/// here rather than by `str::parse::<f64>`, whose exact algorithm would add
/// some kilobytes to the wasm for precision a pixel does not need.
fn number(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut value = 0.0;
    for c in whole.chars() {
        value = value * 10.0 + f64::from(c.to_digit(10)?);
    }
    let mut scale = 1.0;
    for c in fraction.chars() {
        scale /= 10.0;
        value += f64::from(c.to_digit(10)?) * scale;
    }
    Some(if negative { -value } else { value })
}

/// `x1,y1 x2,y2 ...`
fn points(list: &str) -> Vec<(f64, f64)> {
    list.split_whitespace()
        .filter_map(|p| {
            let (x, y) = p.split_once(',')?;
            Some((number(x)?, number(y)?))
        })
        .collect()
}

/// An SVG `dy` (`0.5ex`, `0.76em`, `3`) in px at font size `px`.
fn dy_px(dy: &str, px: f64) -> f64 {
    let (value, unit_em) = if let Some(v) = dy.strip_suffix("ex") {
        (v, EX_EM)
    } else if let Some(v) = dy.strip_suffix("em") {
        (v, 1.0)
    } else {
        (dy.strip_suffix("px").unwrap_or(dy), 1.0 / px.max(1e-9))
    };
    number(value).unwrap_or(0.0) * unit_em * px
}

/// Undoes [`super::layout::escape`] (and plotters' own, which is the same).
fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_kind_of_element_that_render_writes() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 230\" width=\"100%\" role=\"img\" aria-label=\"t\">\n\
            <title>Power &amp; cost</title>\n<desc>It &lt;saves&gt;.</desc>\n\
            <rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" opacity=\"1\" fill=\"#8A4B08\" stroke=\"none\"/>\n\
            <line opacity=\"1\" stroke=\"#D5DAE0\" stroke-width=\"1\" x1=\"39\" y1=\"192\" x2=\"39\" y2=\"61\"/>\n\
            <polyline fill=\"none\" opacity=\"1\" stroke-dasharray=\"9 5\" stroke=\"#0B5CAD\" stroke-width=\"3\" points=\"8,16 21,16 \"/>\n\
            <circle cx=\"61\" cy=\"236\" r=\"4\" opacity=\"1\" fill=\"#8A4B08\" stroke=\"none\" stroke-width=\"1\"/>\n\
            <text x=\"39\" y=\"193\" dy=\"0.76em\" text-anchor=\"middle\" font-family=\"&quot;Inter&quot;, sans-serif\" font-size=\"10\" opacity=\"1\" fill=\"#54575B\" font-weight=\"bold\">\n\
            A &amp; B &lt;1&gt;\n</text>\n</svg>\n";
        let d = read(svg);
        assert_eq!((d.width, d.height, d.skipped), (720.0, 230.0, 0));
        assert_eq!((d.title.as_ref(), d.desc.as_ref()), ("Power & cost", "It <saves>."));
        assert_eq!(d.shapes.len(), 5);
        assert!(matches!(&d.shapes[0], Shape::Rect { x, w, paint, .. }
            if (*x, *w) == (1.0, 3.0) && paint.fill == Some("#8A4B08") && paint.stroke.is_none()));
        assert!(matches!(&d.shapes[1], Shape::Path { points, .. } if points == &[(39.0, 192.0), (39.0, 61.0)]));
        assert!(matches!(&d.shapes[2], Shape::Path { points, paint }
            if points.len() == 2 && paint.dash == Some((9.0, 5.0)) && paint.stroke_width == 3.0 && paint.fill.is_none()));
        assert!(matches!(&d.shapes[3], Shape::Circle { r, .. } if *r == 4.0));
        match &d.shapes[4] {
            Shape::Text { x, y, align, font, text, .. } => {
                assert_eq!((*x, *align), (39.0, Align::Middle));
                assert!((y - 200.6).abs() < 1e-9, "0.76 em below the y given: {y}");
                assert_eq!(font, "bold 10px \"Inter\", sans-serif");
                assert_eq!(text, "A & B <1>");
            }
            other => panic!("not a text: {other:?}"),
        }
    }

    #[test]
    fn reads_the_numbers_the_svg_writes() {
        assert_eq!(number("12"), Some(12.0));
        assert_eq!(number("-3.5"), Some(-3.5));
        assert!((number("13.499999999999998").unwrap() - 13.5).abs() < 1e-9);
        assert_eq!(number(".5"), Some(0.5));
        assert_eq!(number(""), None);
        assert_eq!(number("1e3"), None);
        assert_eq!(number("NaN"), None);
    }

    #[test]
    fn an_attribute_is_found_by_its_whole_name() {
        let line = "<text x=\"1\" font-size=\"12\" size=\"9\" y=\"2\"/>";
        assert_eq!(attribute(line, "size"), Some("9"));
        assert_eq!(attribute(line, "x"), Some("1"));
        assert_eq!(attribute(line, "width"), None);
    }
}
