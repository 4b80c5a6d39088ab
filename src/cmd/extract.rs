//! `quotetrace extract`: every quote. Cost: one pass over the text; memory for the
//! quotes.

use super::{Exit, Session};
use crate::cli::{ExtractArgs, ExtractFormat};
use quotetrace::pipeline::Stage;
use quotetrace::{quotes, render};
use std::io::Write;

pub fn run(args: ExtractArgs, session: &Session) -> anyhow::Result<Exit> {
    let progress = super::progress::Progress::new(session.quiet);
    progress.stage("loading articles");
    let corpus = super::load(&args.input.paths, session)?;
    progress.stage(Stage::Extract.as_str());
    let found = quotes::extract(&corpus.articles);
    drop(progress);
    let mut out = super::stdout();
    match args.format {
        ExtractFormat::Jsonl => render::json::quotes_jsonl(&mut out, &found)?,
        ExtractFormat::Json => render::json::quotes_json(&mut out, &found)?,
        ExtractFormat::Text => render::text::quotes(&mut out, &corpus.articles, &found)?,
    }
    out.flush()?;
    Ok(Exit::Done)
}
