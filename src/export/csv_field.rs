//! CSV cells and rows: RFC 4180 quoting and a guard against formula injection.

/// One cell of the export.
pub(crate) enum Cell {
    /// Text from the input table, the catalog or a host page.
    Text(String),
    /// A figure, written in full precision (the spreadsheet formats it).
    Num(f64),
    Blank,
}

/// Text cell.
pub(crate) fn text(t: &str) -> Cell {
    Cell::Text(t.to_string())
}

/// Appends one row, ending in CRLF as RFC 4180 asks.
pub(crate) fn push_row(out: &mut String, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(t) => push_text(out, t),
            Cell::Num(v) if v.is_finite() => out.push_str(&v.to_string()),
            Cell::Num(_) | Cell::Blank => {}
        }
    }
    out.push_str("\r\n");
}

/// A text field: a leading `= + - @`, tab or CR would make a spreadsheet read
/// it as a formula, so it gets a leading apostrophe (shown as text, not run);
/// a field holding a comma, quote or line break is quoted, quotes doubled.
fn push_text(out: &mut String, t: &str) {
    let guard = t.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = t.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in t.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(cell: Cell) -> String {
        let mut out = String::new();
        push_row(&mut out, &[cell]);
        out.trim_end_matches("\r\n").to_string()
    }

    #[test]
    fn quotes_per_rfc_4180() {
        assert_eq!(one(text("plain")), "plain");
        assert_eq!(one(text("a, b")), "\"a, b\"");
        assert_eq!(one(text("say \"hi\"")), "\"say \"\"hi\"\"\"");
        assert_eq!(one(text("two\nlines")), "\"two\nlines\"");
        assert_eq!(one(text("cr\r")), "\"cr\r\"");
        assert_eq!(one(text("")), "");
    }

    #[test]
    fn guards_formulas_in_text_only() {
        assert_eq!(one(text("=1+1")), "'=1+1");
        assert_eq!(one(text("+SUM(A1)")), "'+SUM(A1)");
        assert_eq!(one(text("-2")), "'-2");
        assert_eq!(one(text("@cmd")), "'@cmd");
        assert_eq!(one(text("\tx")), "'\tx");
        assert_eq!(one(text("=HYPERLINK(\"x\",\"y\")")), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assert_eq!(one(Cell::Num(-2.5)), "-2.5");
        assert_eq!(one(Cell::Num(f64::NAN)), "");
    }

    #[test]
    fn rows_end_in_crlf() {
        let mut out = String::new();
        push_row(&mut out, &[text("a"), Cell::Blank, Cell::Num(1.0)]);
        assert_eq!(out, "a,,1\r\n");
    }
}
