//! `quotetrace extract`: every quote. Cost: one pass over the text; memory for the
//! quotes.

use super::{Exit, Session};
use crate::cli::{ExtractArgs, ExtractFormat};
use quotetrace::{quotes, render};
use std::io::Write;

pub fn run(args: ExtractArgs, session: &Session) -> anyhow::Result<Exit> {
    let corpus = super::load(&args.input.paths, session)?;
    let found = quotes::extract(&corpus.articles);
    let mut out = super::stdout();
    match args.format {
        ExtractFormat::Jsonl => render::json::quotes_jsonl(&mut out, &found)?,
        ExtractFormat::Json => render::json::quotes_json(&mut out, &found)?,
        ExtractFormat::Text => render::text::quotes(&mut out, &corpus.articles, &found)?,
    }
    out.flush()?;
    Ok(Exit::Done)
}
