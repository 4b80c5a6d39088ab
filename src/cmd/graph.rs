//! `quotetrace graph`: the provenance graph. Cost: extraction, clustering, and evidence
//! from feature indexes (no all-pairs comparison of articles).

use super::{Exit, Session};
use crate::cli::{GraphArgs, GraphFormat, GraphLevel};
use quotetrace::pipeline::Stage;
use quotetrace::{provenance, quotes, render, variants};
use std::io::Write;

pub fn config(level: GraphLevel, min_confidence: f64) -> provenance::Config {
    provenance::Config {
        level: match level {
            GraphLevel::Outlet => provenance::Level::Outlet,
            GraphLevel::Article => provenance::Level::Article,
        },
        min_confidence,
        ..provenance::Config::default()
    }
}

pub fn run(args: GraphArgs, session: &Session) -> anyhow::Result<Exit> {
    let progress = super::progress::Progress::new(session.quiet);
    progress.stage("loading articles");
    let corpus = super::load(&args.input.paths, session)?;
    progress.stage(Stage::Extract.as_str());
    let found = quotes::extract(&corpus.articles);
    progress.stage(Stage::Cluster.as_str());
    let clustering = variants::cluster(&corpus.articles, &found, &variants::Config::default());
    progress.stage(Stage::Graph.as_str());
    let graph = provenance::build(
        &corpus.articles,
        &found,
        &clustering,
        &config(args.level, args.min_confidence),
    );
    drop(progress);
    let mut out = super::stdout();
    match args.format {
        GraphFormat::Dot => {
            out.write_all(render::dot::provenance(&graph, &corpus.name).as_bytes())?
        }
        GraphFormat::Json => render::json::graph(&mut out, &graph)?,
        GraphFormat::Text => render::text::graph(&mut out, &graph)?,
        GraphFormat::Graphml => {
            let title = format!("{}: provenance", corpus.name);
            out.write_all(render::graphml::provenance(&graph, &title).as_bytes())?
        }
        GraphFormat::Svg => return super::report::draw(&mut out, &graph, &corpus.name, "svg"),
        GraphFormat::Png => return super::report::draw(&mut out, &graph, &corpus.name, "png"),
    }
    out.flush()?;
    Ok(Exit::Done)
}
