//! Rebuilds the server crate when the web bundle (`web/dist`, made by `npm run build` in `web/`)
//! appears or changes, so the binary always embeds the bundle that is on disk. Reads nothing
//! else and downloads nothing.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let web = Path::new(&manifest).join("../../web");
    let dist = web.join("dist");
    if dist.exists() {
        println!("cargo:rerun-if-changed={}", dist.display());
    } else {
        // Until the bundle exists, watch for it to appear.
        println!("cargo:rerun-if-changed={}", web.display());
    }
    println!("cargo:rerun-if-changed=build.rs");
}
