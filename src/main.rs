//! The standalone calculator page (`make dist` builds this binary to wasm).

#[cfg(target_arch = "wasm32")]
fn main() {
    optics_calc::ui::mount_standalone();
}

/// Natively there is no page to show: the model is used through the library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("optics-calc is a web app: run `make serve` to build and serve it.");
}
