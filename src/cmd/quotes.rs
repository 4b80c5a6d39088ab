//! `quotetrace quotes`: the variant clusters. Cost: extraction, then near-linear
//! clustering through a 3-gram candidate index.

use super::{Exit, Session};
use crate::cli::{QuotesArgs, QuotesFormat};
use quotetrace::pipeline::Stage;
use quotetrace::{quotes, render, variants};
use std::io::Write;

pub fn run(args: QuotesArgs, session: &Session) -> anyhow::Result<Exit> {
    let progress = super::progress::Progress::new(session.quiet);
    progress.stage("loading articles");
    let corpus = super::load(&args.input.paths, session)?;
    progress.stage(Stage::Extract.as_str());
    let found = quotes::extract(&corpus.articles);
    progress.stage(Stage::Cluster.as_str());
    let clustering = variants::cluster(&corpus.articles, &found, &variants::Config::default());
    drop(progress);
    let selected = clustering.select(
        &found,
        args.filter.speaker.as_deref(),
        args.filter.article.as_deref(),
        args.min_outlets,
    );
    let mut out = super::stdout();
    match args.format {
        QuotesFormat::Text => {
            render::text::clusters(&mut out, &corpus.articles, &found, &selected)?
        }
        QuotesFormat::Json => render::json::clusters(&mut out, &found, &selected)?,
        QuotesFormat::Csv => render::csv::clusters(&mut out, &found, &selected)?,
    }
    out.flush()?;
    Ok(Exit::Done)
}
