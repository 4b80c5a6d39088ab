//! The quotetrace binary: parse the command line, run the command, report errors once
//! and set the exit status. All the work is in the library.

mod cli;
mod cmd;

use std::process::ExitCode;

// Extraction, clustering and the audit make and drop millions of small strings; with
// mimalloc the whole run takes less CPU and a smaller peak resident set than with the
// system allocator (figures in docs/PERFORMANCE.md).
#[global_allocator]
static ALLOC: quotetrace::memory::Mimalloc = quotetrace::memory::Mimalloc;

fn main() -> ExitCode {
    quotetrace::memory::on_release(release_memory);
    let cli = cli::parse();
    match cmd::run(cli) {
        Ok(code) => code.into(),
        Err(e) => {
            if cmd::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("quotetrace: {e:#}");
            cmd::Exit::Trouble.into()
        }
    }
}

/// Hands the memory the stages freed back to the system, on every thread of the pool.
/// mimalloc keeps a freed page resident until the thread that owns it allocates
/// again; rayon's workers sit idle between stages, so what they freed would stay in
/// the peak of the stage after.
fn release_memory() {
    // SAFETY: mi_collect only walks the calling thread's heap and the abandoned
    // segments; it is documented as safe to call at any time.
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    unsafe { libmimalloc_sys::mi_collect(true) };
}
