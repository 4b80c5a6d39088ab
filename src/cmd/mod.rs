//! One module per subcommand, each `run(args, &Session) -> Result<Exit>`. What they share
//! lives here: loading the corpus with a report of what was skipped, the output stream,
//! and the exit codes.

mod drift;
mod evaluate;
mod extract;
mod graph;
mod progress;
mod quotes;
mod trace;

use crate::cli::{Cli, Command};
use anyhow::Context as _;
use quotetrace::corpus::{self, Corpus};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit statuses. 0: done. 1: `drift --fail-on` found a finding at that level.
/// 2: bad usage, or nothing readable in the given paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Done = 0,
    Findings = 1,
    Trouble = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// What every command needs besides its own arguments.
pub struct Session {
    pub quiet: bool,
}

pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let session = Session { quiet: cli.quiet };
    match cli.command {
        Command::Extract(a) => extract::run(a, &session),
        Command::Quotes(a) => quotes::run(a, &session),
        Command::Drift(a) => drift::run(a, &session),
        Command::Graph(a) => graph::run(a, &session),
        Command::Trace(a) => trace::run(a, &session),
        Command::Evaluate(a) => evaluate::run(a, &session),
    }
}

/// Loads the corpus and tells on stderr what was skipped or repaired and the counts.
pub fn load(paths: &[PathBuf], session: &Session) -> anyhow::Result<Corpus> {
    let corpus = match corpus::load(paths) {
        Ok(c) => c,
        Err(e) => return Err(anyhow::Error::new(e)),
    };
    if !session.quiet {
        let mut err = io::stderr().lock();
        for p in &corpus.problems {
            let what = if p.skipped { "skipped" } else { "note" };
            let _ = writeln!(err, "quotetrace: {what}: {}: {}", p.source, p.reason);
        }
        if !corpus.problems.is_empty() {
            let _ = writeln!(
                err,
                "quotetrace: {} articles read, {} files skipped",
                corpus.articles.len(),
                corpus.skipped()
            );
        }
    }
    Ok(corpus)
}

/// Standard output, buffered.
pub fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// `quotetrace quotes … | head` closes the pipe early: that is not an error.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
