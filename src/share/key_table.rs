//! Keeps the key table in the module documentation equal to [`INPUTS`]: the
//! README copies that table, so a drifting row would mislead link builders.

use crate::model::validate::fmt_num;
use crate::model::{INPUTS, InputKind};

fn expected_row(key: &str) -> Option<String> {
    let def = INPUTS.iter().find(|d| d.key == key)?;
    let range = |min: f64, max: f64, step: f64| {
        let whole = step >= 1.0 && step.fract() == 0.0;
        let step = if whole { format!(", step {}", fmt_num(step)) } else { String::new() };
        format!("{} to {}{step}", fmt_num(min), fmt_num(max))
    };
    let (values, default) = match def.kind {
        InputKind::Number { min, max, step, default } => (range(min, max, step), fmt_num(default)),
        InputKind::Override { min, max, step } => (range(min, max, step), "catalog".into()),
        InputKind::Choice { options, default } => {
            let ids: Vec<String> = options.iter().map(|o| format!("`{}`", o.id)).collect();
            (ids.join(", "), format!("`{default}`"))
        }
    };
    Some(format!("//! | `{}` | {} | {} | {values} | {default} |", def.key, def.label, def.unit))
}

#[test]
fn doc_table_lists_every_input_as_defined() {
    let doc: Vec<&str> =
        include_str!("mod.rs").lines().filter(|l| l.starts_with("//! | `") && !l.starts_with("//! | `v` |")).collect();
    let want: Vec<String> = INPUTS.iter().filter_map(|d| expected_row(d.key)).collect();
    assert_eq!(doc, want, "update the key table in src/share/mod.rs to:\n{}", want.join("\n"));
}
