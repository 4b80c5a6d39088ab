//! `quotetrace evaluate`: scores a run against known truth (as `quotetrace-synth`
//! writes it). Cost: a whole `trace` run, then linear scoring.

use super::{Exit, Session};
use crate::cli::EvaluateArgs;
use anyhow::Context as _;
use quotetrace::{evaluate, pipeline, provenance, render};
use std::io::Write;

pub fn run(args: EvaluateArgs, session: &Session) -> anyhow::Result<Exit> {
    let truth: evaluate::Truth = serde_json::from_slice(
        &std::fs::read(&args.truth)
            .with_context(|| format!("cannot read {}", args.truth.display()))?,
    )
    .with_context(|| format!("{} is not a truth file", args.truth.display()))?;
    let progress = super::progress::Progress::new(session.quiet);
    progress.stage("loading articles");
    let corpus = super::load(&args.input.paths, session)?;
    let config = provenance::Config {
        level: provenance::Level::Article,
        ..provenance::Config::default()
    };
    let run = pipeline::run(&corpus.articles, &config, |s| progress.stage(s.as_str()));
    drop(progress);
    let scores = evaluate::score(
        &truth,
        &run.quotes,
        &run.clustering,
        &run.findings,
        &run.graph,
    );
    let mut out = super::stdout();
    render::json::write(&mut out, &scores)?;
    out.flush()?;
    Ok(Exit::Done)
}
