//! The calculator's prose that no figure depends on: the help and source of
//! every input (`INPUTS`) and the methodology's formulas in words
//! (`model::methodology::FORMULAS`). The Rust tables stay their one source,
//! but only native builds compile them (README sync, the CSV tests, the
//! build's generator `examples/texts.rs`): the generator writes them as one
//! JSON file, [`FILE_NAME`], beside the wasm, and the page fetches it at idle
//! (`src/ui/texts.rs`), keeping about 21 KB of text out of the wasm.

use serde::Serialize;
use serde_json::Value;

/// Help and source of one input.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct InputText {
    pub key: String,
    pub help: String,
    pub source: String,
}

/// One formula or claim of the methodology, in words.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FormulaText {
    pub name: String,
    pub text: String,
}

/// Everything in the texts file: inputs in `INPUTS` order, formulas in
/// `FORMULAS` order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Texts {
    pub inputs: Vec<InputText>,
    pub formulas: Vec<FormulaText>,
}

impl Texts {
    /// Reads a texts file. Through `serde_json::Value` ([`crate::json`], as
    /// host configs and JSON imports): a derived `Deserialize` would add
    /// about 9 KB of its own. A missing string reads as empty.
    pub fn from_json(text: &str) -> Result<Texts, String> {
        let root = crate::json::parse(text)?;
        let list = |name: &str| root.get(name).and_then(Value::as_array).ok_or(format!("no list \"{name}\""));
        let text = |v: &Value, name: &str| v.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
        Ok(Texts {
            inputs: list("inputs")?
                .iter()
                .map(|v| InputText { key: text(v, "key"), help: text(v, "help"), source: text(v, "source") })
                .collect(),
            formulas: list("formulas")?
                .iter()
                .map(|v| FormulaText { name: text(v, "name"), text: text(v, "text") })
                .collect(),
        })
    }

    /// The help of input `key`, if the texts hold it.
    pub fn help(&self, key: &str) -> Option<&str> {
        self.input(key).map(|t| t.help.as_str())
    }

    /// The source of input `key`'s default, if the texts hold it.
    pub fn source(&self, key: &str) -> Option<&str> {
        self.input(key).map(|t| t.source.as_str())
    }

    fn input(&self, key: &str) -> Option<&InputText> {
        self.inputs.iter().find(|t| t.key == key)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Texts {
    /// The texts of the Rust tables.
    pub fn from_tables() -> Texts {
        use crate::model::INPUTS;
        use crate::model::methodology::FORMULAS;
        Texts {
            inputs: INPUTS
                .iter()
                .map(|d| InputText { key: d.key.into(), help: d.help.into(), source: d.source.into() })
                .collect(),
            formulas: FORMULAS.iter().map(|f| FormulaText { name: f.name.into(), text: f.text.into() }).collect(),
        }
    }

    /// Writes the texts file ([`FILE_NAME`]) into `dir`; returns its path.
    pub fn write_file(dir: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
        let path = dir.join(FILE_NAME);
        let json = serde_json::to_string(&Texts::from_tables()).map_err(std::io::Error::other)?;
        std::fs::write(&path, json)?;
        Ok(path)
    }
}

// The file's name carries a hash that the wasm knows without the texts: of
// the source files they are written in (and of this one, which says how they
// are written), computed at compile time. A build whose texts changed has a
// new name, so no cache (HTTP or the service worker's) serves a page the
// texts of another build. Only the hash is compiled in, not the sources.
const SOURCES: [&[u8]; 3] =
    [include_bytes!("model/inputs.rs"), include_bytes!("model/methodology.rs"), include_bytes!("texts.rs")];

/// 64-bit FNV-1a over every byte of [`SOURCES`].
const HASH: u64 = {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut f = 0;
    while f < SOURCES.len() {
        let mut i = 0;
        while i < SOURCES[f].len() {
            h ^= SOURCES[f][i] as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
            i += 1;
        }
        f += 1;
    }
    h
};

const NAME: [u8; 34] = {
    let mut name = *b"optics-texts-0000000000000000.json";
    let mut i = 0;
    while i < 16 {
        name[13 + i] = b"0123456789abcdef"[((HASH >> (60 - 4 * i)) & 0xf) as usize];
        i += 1;
    }
    name
};

/// The texts file's name, `optics-texts-<16 hex digits>.json`, beside the
/// wasm, the glue and the stylesheet.
pub const FILE_NAME: &str = match std::str::from_utf8(&NAME) {
    Ok(name) => name,
    Err(_) => panic!("the texts file's name is ASCII"),
};
