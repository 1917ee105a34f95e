//! The `newsgraph` command: a thin shell over the library.

mod cli;

use std::process::ExitCode;

// Extraction allocates many small strings on every thread; mimalloc serves them much
// faster than the system allocator (see bench/compare.sh). It replaces C's malloc too
// (the "override" feature): Oxigraph takes RocksDB's C-allocated error messages as
// Rust strings and frees them with Rust's allocator, which must then be the same one
// (with two, a failed store opening crashed on exit).
#[cfg(feature = "rocksdb")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::main()
}
