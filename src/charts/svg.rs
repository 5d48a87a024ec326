//! A [`Drawing`] written as the chart's SVG file: what a visitor downloads
//! (and what the browser rasterises for the PNG download). Written only
//! then, never per input event.
//!
//! Each shape is written as plotters' SVG backend wrote it, attribute for
//! attribute and number for number, so a file is byte for byte the one the
//! charts exported when plotters wrote the SVG itself. Around them: a
//! scalable root (`viewBox`, `width="100%"`, no height), `role="img"`, the
//! `aria-label`, `<title>` and `<desc>`; a dashed line is one element with a
//! `stroke-dasharray`.

use std::fmt::Write as _;

use super::shapes::{Align, Baseline, DASH_PX, Drawing, FontStyle, Paint, Shape};

impl Drawing {
    /// The complete `<svg>` element.
    pub fn svg(&self) -> String {
        let mut out = String::with_capacity(160 + self.shapes.len() * 150);
        let (w, h) = (self.width, self.height);
        let title = escape(&self.title);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
             preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{title}\">\n\
             <title>{title}</title>\n<desc>{}</desc>\n",
            escape(&self.desc)
        );
        if self.shapes.is_empty() {
            out.push('\n');
        }
        self.write_shapes(&mut out);
        out.push_str("</svg>\n");
        out
    }

    /// Every shape, one element each (a text's content on lines of its own).
    fn write_shapes(&self, out: &mut String) {
        for shape in &self.shapes {
            // Writing to a String cannot fail.
            let _ = match shape {
                Shape::Pixel { at: (x, y), paint } => writeln!(
                    out,
                    "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" stroke=\"none\" {} fill=\"{}\"/>",
                    Opacity(paint),
                    paint.css()
                ),
                Shape::Line { from: (x1, y1), to: (x2, y2), width, paint } => writeln!(
                    out,
                    "<line {} stroke=\"{}\" stroke-width=\"{width}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>",
                    Opacity(paint),
                    paint.css()
                ),
                Shape::Rect { from: (x0, y0), to: (x1, y1), filled, paint } => {
                    let (fill, stroke) = fill_and_stroke(paint, *filled);
                    writeln!(
                        out,
                        "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" {} fill=\"{fill}\" stroke=\"{stroke}\"/>",
                        x1 - x0,
                        y1 - y0,
                        Opacity(paint)
                    )
                }
                Shape::Path { points, width, paint } => writeln!(
                    out,
                    "<polyline fill=\"none\" {} stroke=\"{}\" stroke-width=\"{width}\" points=\"{}\"/>",
                    Opacity(paint),
                    paint.css(),
                    Points(points)
                ),
                Shape::Polygon { points, paint } => writeln!(
                    out,
                    "<polygon {} fill=\"{}\" points=\"{}\"/>",
                    Opacity(paint),
                    paint.css(),
                    Points(points)
                ),
                Shape::Circle { centre: (cx, cy), radius, filled, width, paint } => {
                    let (fill, stroke) = fill_and_stroke(paint, *filled);
                    writeln!(
                        out,
                        "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{radius}\" {} fill=\"{fill}\" stroke=\"{stroke}\" \
                         stroke-width=\"{width}\"/>",
                        Opacity(paint)
                    )
                }
                Shape::Text { at: (x, y), text, font, align, baseline, paint } => {
                    let font = &self.fonts[*font];
                    let dy = match baseline {
                        Baseline::Top => "0.76em",
                        Baseline::Middle => "0.5ex",
                        Baseline::Bottom => "-0.5ex",
                    };
                    let anchor = match align {
                        Align::Start => "start",
                        Align::Middle => "middle",
                        Align::End => "end",
                    };
                    let style = match font.style {
                        FontStyle::Normal => "",
                        FontStyle::Bold => " font-weight=\"bold\"",
                        FontStyle::Italic => " font-style=\"italic\"",
                        FontStyle::Oblique => " font-style=\"oblique\"",
                    };
                    writeln!(
                        out,
                        "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\"{}\" \
                         font-size=\"{}\" {} fill=\"{}\"{style}>\n{}\n</text>",
                        Escaped(&font.family),
                        font.px,
                        Opacity(paint),
                        paint.css(),
                        Escaped(text)
                    )
                }
            };
        }
    }
}

/// The `fill` and `stroke` of a rectangle or circle.
fn fill_and_stroke(paint: &Paint, filled: bool) -> (String, String) {
    if filled { (paint.css(), "none".into()) } else { ("none".into(), paint.css()) }
}

/// `opacity="…"`, and the dash pattern of a dashed line.
struct Opacity<'a>(&'a Paint);

impl std::fmt::Display for Opacity<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "opacity=\"{}\"", self.0.opacity)?;
        if self.0.dashed {
            write!(f, " stroke-dasharray=\"{} {}\"", DASH_PX.0, DASH_PX.1)?;
        }
        Ok(())
    }
}

/// `x,y ` for each point, as plotters writes a `points` list.
struct Points<'a>(&'a [(i32, i32)]);

impl std::fmt::Display for Points<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|(x, y)| write!(f, "{x},{y} "))
    }
}

/// Text escaped for element content and attribute values, as plotters'
/// SVG backend escaped the texts it drew.
struct Escaped<'a>(&'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in self.0.chars() {
            match c {
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '&' => f.write_str("&amp;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&apos;")?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// As [`Escaped`], and without control characters (the title and
/// description, which come from host names and labels).
fn escape(s: &str) -> String {
    let kept: String = s.chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect();
    Escaped(&kept).to_string()
}

#[cfg(test)]
mod tests {
    use plotters::coord::Shift;
    use plotters::prelude::*;
    use plotters::style::FontStyle;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    use super::super::layout::dashed;
    use super::super::record::Recorder;
    use super::super::shapes::Drawing;

    /// Every kind of call that plotters makes on a backend, with each anchor,
    /// weight, fill and the dash mark, and texts that need escaping.
    fn picture<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> Result<(), Box<dyn std::error::Error + '_>> {
        let blue = RGBColor(0x0b, 0x5c, 0xad);
        root.fill(&WHITE)?;
        root.draw(&Rectangle::new([(3, 4), (40, 24)], blue.filled()))?;
        root.draw(&Rectangle::new([(5, 6), (7, 9)], blue.mix(0.5).stroke_width(2)))?;
        root.draw(&PathElement::new(vec![(1, 2), (30, 2), (30, 40)], blue.stroke_width(3)))?;
        root.draw(&PathElement::new(vec![(0, 50), (99, 50)], dashed(blue, 2)))?;
        root.draw(&PathElement::new(vec![(0, 60), (99, 60)], TRANSPARENT.stroke_width(2)))?;
        root.draw(&Circle::new((61, 36), 4, blue.filled()))?;
        root.draw(&Circle::new((-61, 36), 7, RED.stroke_width(2)))?;
        root.draw(&Polygon::new(vec![(1, 1), (9, 1), (5, 8)], GREEN.filled()))?;
        root.draw_pixel((12, 13), &BLACK)?;
        root.draw(&Pixel::new((14, 15), BLUE.mix(0.25)))?;
        let mut x = 0;
        for (h, v) in [(HPos::Left, VPos::Top), (HPos::Center, VPos::Center), (HPos::Right, VPos::Bottom)] {
            for style in [FontStyle::Normal, FontStyle::Bold, FontStyle::Italic, FontStyle::Oblique] {
                let font = ("\"Inter\", system-ui", 13.5 * 1.24, style).into_font().color(&blue).pos(Pos::new(h, v));
                root.draw(&Text::new("A & B <1> \"x\" 'y' …", (x, 70), font))?;
                x += 9;
            }
        }
        root.draw(&Text::new("sans", (1, 90), ("sans-serif", 12.0).into_font()))?;
        root.draw(&Text::new("gone", (1, 95), ("sans-serif", 12.0).into_font().color(&TRANSPARENT)))?;
        root.present()?;
        Ok(())
    }

    #[test]
    fn each_shape_is_written_as_plotters_svg_backend_wrote_it() {
        let mut plotters_svg = String::new();
        {
            let root = SVGBackend::with_string(&mut plotters_svg, (120, 100)).into_drawing_area();
            picture(&root).unwrap();
        }
        let mut drawing = Drawing { width: 120, height: 100, ..Drawing::default() };
        picture(&Recorder::new(&mut drawing).into_drawing_area()).unwrap();
        let mut ours = String::new();
        drawing.write_shapes(&mut ours);
        // plotters' first line is its own <svg> tag, its last the closing
        // one; it writes the dash mark as an opacity, which was (and is) the
        // dash pattern in the charts' SVG.
        let (_, shapes) = plotters_svg.split_once('\n').unwrap();
        let shapes = shapes.strip_suffix("</svg>\n").unwrap();
        assert_eq!(shapes.matches("opacity=\"0.9990234375\"").count(), 1);
        assert_eq!(ours, shapes.replace("opacity=\"0.9990234375\"", "opacity=\"1\" stroke-dasharray=\"9 5\""));
        assert_eq!(drawing.fonts.len(), 5, "four styles of one family, and sans-serif");
        assert_eq!(drawing.skipped, 0);
    }

    #[test]
    fn the_svg_is_scalable_titled_and_escaped() {
        let drawing = Drawing {
            title: "Power & <cost>".into(),
            desc: "It \"saves\"\u{7}.".into(),
            width: 340,
            height: 200,
            ..Drawing::default()
        };
        assert_eq!(
            drawing.svg(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 340 200\" width=\"100%\" \
             preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"Power &amp; &lt;cost&gt;\">\n\
             <title>Power &amp; &lt;cost&gt;</title>\n<desc>It &quot;saves&quot;.</desc>\n\n</svg>\n"
        );
    }
}
