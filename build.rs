//! Rebuild when the embedded layouts or fonts change (they are compiled
//! into the binary with `include_dir!` / `include_bytes!`).
fn main() {
    println!("cargo:rerun-if-changed=layouts");
    println!("cargo:rerun-if-changed=fonts");
}
