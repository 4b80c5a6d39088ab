//! One module per subcommand, each `run(args, &Session) -> Result<Exit>`. What they share
//! lives here: loading the corpus with a report of what was skipped, the output stream,
//! and the exit codes.

mod drift;
mod evaluate;
mod extract;
mod graph;
mod progress;
mod quotes;
mod report;
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
        Command::Report(a) => report::run(a, &session),
        Command::Evaluate(a) => evaluate::run(a, &session),
    }
}

/// Loads the corpus and tells on stderr what was skipped or repaired, then (always,
/// unless --quiet) the counts by reason. With --strict the first warning is the error.
pub fn load(paths: &[PathBuf], session: &Session) -> anyhow::Result<Corpus> {
    // `--field` and `--strict` live on `Input`, but commands hand over only its paths:
    // read them back off the command line, which main has already parsed once (every
    // subcommand flattens `Input`, so its matches hold them).
    let input = {
        use clap::{CommandFactory, FromArgMatches};
        crate::cli::Cli::command()
            .try_get_matches()
            .ok()
            .and_then(|m| {
                let (_, sub) = m.subcommand()?;
                crate::cli::Input::from_arg_matches(sub).ok()
            })
    };
    let options = corpus::Options {
        fields: input.as_ref().map(|i| i.fields.clone()).unwrap_or_default(),
    };
    let strict = input.as_ref().is_some_and(|i| i.strict);
    let corpus = corpus::load_with(paths, &options)?;
    if strict {
        if let Some(p) = corpus.first_warning() {
            anyhow::bail!("{}: {} (--strict)", p.location(), p.reason);
        }
    }
    if !session.quiet {
        let mut err = io::stderr().lock();
        for p in &corpus.problems {
            let what = match (p.skipped, p.level()) {
                (true, _) => "skipped",
                (false, corpus::Level::Warning) => "warning",
                (false, corpus::Level::Note) => "note",
            };
            let _ = writeln!(err, "quotetrace: {what}: {}: {}", p.location(), p.reason);
        }
        let (skipped, kept) = corpus::problem::tally(&corpus.problems);
        let list = |items: &[(&str, usize)]| {
            items
                .iter()
                .map(|(why, n)| format!("{n} {why}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut line = format!(
            "quotetrace: {} articles read, {} skipped",
            corpus.articles.len(),
            corpus.skipped()
        );
        if !skipped.is_empty() {
            line += &format!(" ({})", list(&skipped));
        }
        if !kept.is_empty() {
            let n: usize = kept.iter().map(|(_, n)| n).sum();
            line += &format!("; {n} kept with notes ({})", list(&kept));
        }
        let _ = writeln!(err, "{line}");
    }
    Ok(corpus)
}

/// Standard output, buffered.
pub fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// `quotetrace quotes … | head` closes the pipe early: that is not an error. The JSON
/// writers' errors are serde_json's wrapped in an `io::Error` of another kind, whose
/// `source()` skips the io error serde_json holds: look inside them too.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let json_broken = |j: &serde_json::Error| j.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        if let Some(io) = c.downcast_ref::<io::Error>() {
            io.kind() == io::ErrorKind::BrokenPipe
                || io
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<serde_json::Error>())
                    .is_some_and(json_broken)
        } else {
            c.downcast_ref::<serde_json::Error>()
                .is_some_and(json_broken)
        }
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames
/// it: a reader never sees half a file, and on failure the temporary file is removed.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&tmp, bytes)
        .with_context(|| format!("cannot write {}", tmp.display()))
        .and_then(|()| {
            std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
