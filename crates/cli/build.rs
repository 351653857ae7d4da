//! Link settings of the `ferropy` binary: start-up code placed together and a position-dependent
//! executable, which together halve the resident memory of a short run (docs/design.md,
//! "Resident memory at start-up").

fn main() {
    println!("cargo:rerun-if-changed=link/startup.ld");
    println!("cargo:rerun-if-changed=build.rs");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux");
    let x86_64 = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("x86_64");
    if !(linux && x86_64) {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    // The functions a short run executes, first in the text: the kernel maps file pages in
    // 64 KB windows around each fault, so scattered start-up code made most of the text resident.
    println!("cargo:rustc-link-arg-bins=-Wl,-T,{}/link/startup.ld", dir);
    // No PIE: the 130 KB of vtables and static tables need no relocation at load, so their
    // pages stay clean and shared instead of written by the dynamic loader, and the 220 KB
    // relocation table is neither in the file nor read at start.
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
