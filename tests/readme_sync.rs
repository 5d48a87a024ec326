//! The README's methodology section and share-link key table are generated
//! from the model's own tables, and this test keeps them so: it fails when
//! they drift, and `UPDATE_README=1 cargo test --test readme_sync` rewrites
//! them.

use optics_calc::model::methodology::FORMULAS;
use optics_calc::model::validate::fmt_num;
use optics_calc::model::{INPUTS, InputKind};

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

/// Markdown table cells must not break the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn methodology() -> String {
    let mut out = String::from("#### Formulas\n\n");
    for f in FORMULAS {
        out.push_str(&format!("- **{}.** {}\n", f.name, f.text));
    }
    out.push_str(
        "\n#### Inputs, defaults and sources\n\n| Key | Input | Unit | Range | Default | Source |\n|---|---|---|---|---|---|\n",
    );
    for d in INPUTS {
        let (range, default) = match d.kind {
            InputKind::Number { min, max, default, .. } => {
                (format!("{} to {}", fmt_num(min), fmt_num(max)), fmt_num(default))
            }
            InputKind::Override { min, max, .. } => (format!("{} to {}", fmt_num(min), fmt_num(max)), "catalog".into()),
            InputKind::Choice { options, default } => {
                (options.iter().map(|o| format!("`{}`", o.id)).collect::<Vec<_>>().join(", "), format!("`{default}`"))
            }
        };
        let estimate = if d.estimate { " (estimate)" } else { "" };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {}{} |\n",
            d.key,
            cell(d.label),
            cell(d.unit),
            range,
            default,
            cell(d.source),
            estimate
        ));
    }
    out
}

/// The key table of the share-link module documentation, without `//! `.
fn key_table() -> String {
    let doc = include_str!("../src/share/mod.rs");
    let rows: Vec<&str> = doc.lines().filter_map(|l| l.strip_prefix("//! ")).filter(|l| l.starts_with('|')).collect();
    rows.join("\n") + "\n"
}

/// README with the text between `<!-- name:start -->` and `<!-- name:end -->`
/// replaced by `body`.
fn splice(readme: &str, name: &str, body: &str) -> String {
    let (start, end) = (format!("<!-- {name}:start -->\n"), format!("<!-- {name}:end -->"));
    let a = readme.find(&start).unwrap_or_else(|| panic!("README has no {start}")) + start.len();
    let b = readme.find(&end).unwrap_or_else(|| panic!("README has no {end}"));
    format!("{}{body}{}", &readme[..a], &readme[b..])
}

#[test]
fn readme_sections_match_the_model() {
    let readme = std::fs::read_to_string(README).expect("read README.md");
    let want = splice(&splice(&readme, "methodology", &methodology()), "keys", &key_table());
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(README, &want).expect("write README.md");
    } else {
        assert!(readme == want, "README.md is out of date: run `UPDATE_README=1 cargo test --test readme_sync`");
    }
}
