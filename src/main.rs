//! The quotetrace binary: parse the command line, run the command, report errors once
//! and set the exit status. All the work is in the library.

mod cli;
mod cmd;

use std::process::ExitCode;

// Extraction, clustering and the audit make and drop millions of small strings; with
// mimalloc the whole run takes less CPU and a smaller peak resident set than with the
// system allocator (figures in docs/PERFORMANCE.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
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
