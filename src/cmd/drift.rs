//! `quotetrace drift`: the paraphrase-drift audit. Cost: extraction and clustering, then
//! one lookup per uncorroborated quote in a content-word index.

use super::{Exit, Session};
use crate::cli::{DriftArgs, DriftFormat, Level};
use quotetrace::drift::{self, Severity};
use quotetrace::pipeline::Stage;
use quotetrace::{quotes, render, variants};
use std::io::Write;

pub fn severity(l: Level) -> Severity {
    match l {
        Level::Info => Severity::Info,
        Level::Low => Severity::Low,
        Level::Medium => Severity::Medium,
        Level::High => Severity::High,
    }
}

pub fn run(args: DriftArgs, session: &Session) -> anyhow::Result<Exit> {
    let progress = super::progress::Progress::new(session.quiet);
    progress.stage("loading articles");
    let corpus = super::load(&args.input.paths, session)?;
    progress.stage(Stage::Extract.as_str());
    let found = quotes::extract(&corpus.articles);
    progress.stage(Stage::Cluster.as_str());
    let clustering = variants::cluster(&corpus.articles, &found, &variants::Config::default());
    progress.stage(Stage::Audit.as_str());
    let findings = drift::audit(&corpus.articles, &found, &clustering);
    drop(progress);
    let selected = drift::select(
        &findings,
        severity(args.min_severity),
        args.filter.article.as_deref(),
        args.filter.speaker.as_deref(),
    );
    let mut out = super::stdout();
    match args.format {
        DriftFormat::Text => render::text::findings(&mut out, &selected)?,
        DriftFormat::Json => render::json::findings(&mut out, &selected)?,
    }
    out.flush()?;
    let fail = args
        .fail_on
        .is_some_and(|l| selected.iter().any(|f| f.severity >= severity(l)));
    Ok(if fail { Exit::Findings } else { Exit::Done })
}
