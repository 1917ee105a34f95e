//! The `newsgraph` command: a thin shell over the library.

mod cli;

use std::process::ExitCode;

// Extraction allocates many small strings on every thread; mimalloc serves them much
// faster than the system allocator (see bench/compare.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::main()
}
