//! The texts file the build writes (`examples/texts.rs`) holds exactly the
//! prose of the Rust tables, under the name the wasm asks for.

use optics_calc::model::INPUTS;
use optics_calc::model::methodology::FORMULAS;
use optics_calc::texts::{FILE_NAME, Texts};

#[test]
fn the_written_file_equals_the_tables() {
    let dir = std::env::temp_dir().join(format!("optics-texts-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = Texts::write_file(&dir).unwrap();
    assert_eq!(path.file_name().unwrap(), FILE_NAME);
    let json = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let texts = Texts::from_json(&json).unwrap();

    assert_eq!(texts.inputs.len(), INPUTS.len());
    for (def, t) in INPUTS.iter().zip(&texts.inputs) {
        assert_eq!((t.key.as_str(), t.help.as_str(), t.source.as_str()), (def.key, def.help, def.source));
        assert_eq!(texts.help(def.key), Some(def.help));
        assert_eq!(texts.source(def.key), Some(def.source));
        assert!(!def.help.is_empty() && !def.source.is_empty(), "{} has its help and source", def.key);
    }
    assert_eq!(texts.formulas.len(), FORMULAS.len());
    for (f, t) in FORMULAS.iter().zip(&texts.formulas) {
        assert_eq!((t.name.as_str(), t.text.as_str()), (f.name, f.text));
    }
    assert_eq!(texts.help("no_such_input"), None);
}

#[test]
fn the_name_is_hashed_and_the_texts_survive_json() {
    let hex = FILE_NAME.strip_prefix("optics-texts-").and_then(|n| n.strip_suffix(".json")).unwrap();
    assert_eq!(hex.len(), 16);
    assert!(hex.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "{FILE_NAME}");
    // Quotes, backslashes and non-ASCII (±, °) come back as written.
    let texts = Texts::from_tables();
    assert_eq!(Texts::from_json(&serde_json::to_string(&texts).unwrap()), Ok(texts));
    assert!(Texts::from_json("{\"inputs\": []}").is_err(), "a file without formulas is refused");
}
