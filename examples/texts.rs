//! The build's generator of the texts file (`optics_calc::texts`): writes the
//! help and source of every input and the methodology's formulas as one JSON
//! file into the folder given, and prints the file's name. Trunk's post-build
//! hook (scripts/site/post-build.mjs) runs it for every build.
//!
//!     cargo run -q --example texts -- dist

use optics_calc::texts::Texts;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: texts <folder>");
        std::process::exit(2);
    };
    match Texts::write_file(std::path::Path::new(&dir)) {
        Ok(path) => println!("{}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default()),
        Err(e) => {
            eprintln!("texts: could not write into {dir}: {e}");
            std::process::exit(1);
        }
    }
}
