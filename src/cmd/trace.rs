//! `quotetrace trace`: the main job. Runs every stage once, prints a one-screen summary
//! and writes the DOT graphs (`<corpus>-provenance.dot`, `<corpus>-quotes.dot`).
//! Files are written to a temporary name and renamed, so no partial file is left.

use super::{Exit, Session};
use crate::cli::TraceArgs;
use anyhow::Context as _;
use quotetrace::drift::{self, Severity};
use quotetrace::provenance::{self, EdgeKind};
use quotetrace::{pipeline, render};
use std::io::Write;

/// How many of the most severe findings the summary lists.
const MOST_SEVERE: usize = 8;

pub fn run(args: TraceArgs, session: &Session) -> anyhow::Result<Exit> {
    let progress = super::progress::Progress::new(session.quiet);
    progress.stage("loading articles");
    let corpus = super::load(&args.input.paths, session)?;
    // Only a summary of the audit is shown, so only that is kept: the whole list of
    // findings is most of the memory of a large corpus (`quotetrace drift` writes it).
    let run = pipeline::run_with(
        &corpus.articles,
        &provenance::Config::default(),
        |s| progress.stage(s.as_str()),
        |a, q, c| drift::summarize(a, q, c, MOST_SEVERE),
    );
    progress.stage("writing the DOT graphs");
    let (found, clustering, findings, graph) =
        (run.quotes, run.clustering, run.findings, run.graph);

    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let prov_path = args.out.join(format!("{}-provenance.dot", corpus.name));
    let quotes_path = args.out.join(format!("{}-quotes.dot", corpus.name));
    let title = format!("{}: provenance", corpus.name);
    super::write_atomic(
        &prov_path,
        render::dot::provenance(&graph, &title).as_bytes(),
    )?;
    let title = format!("{}: quote variants", corpus.name);
    super::write_atomic(
        &quotes_path,
        render::dot::quotes(&corpus.articles, &found, &clustering, &title).as_bytes(),
    )?;
    drop(progress);

    let mut out = super::stdout();
    let speakers = found.iter().filter(|q| q.speaker.is_some()).count();
    let multi = clustering
        .clusters
        .iter()
        .filter(|c| c.articles.len() >= 2)
        .count();
    writeln!(out, "quotetrace: {}", corpus.name)?;
    writeln!(
        out,
        "  articles   {} read, {} skipped",
        corpus.articles.len(),
        corpus.skipped()
    )?;
    writeln!(
        out,
        "  quotes     {} ({} with a speaker)",
        found.len(),
        speakers
    )?;
    writeln!(
        out,
        "  clusters   {} ({} carried by two articles or more)",
        clustering.clusters.len(),
        multi
    )?;
    let by = |s: Severity| findings.count(s);
    writeln!(
        out,
        "  drift      {} findings: {} high, {} medium, {} low, {} info",
        findings.total(),
        by(Severity::High),
        by(Severity::Medium),
        by(Severity::Low),
        by(Severity::Info)
    )?;
    let edges = graph.edges();
    let count = |k: EdgeKind| edges.iter().filter(|e| e.kind == k).count();
    writeln!(
        out,
        "  graph      {} nodes, {} edges: {} cited, {} derived, {} shares-source, {} latent-source",
        graph.nodes().len(),
        edges.len(),
        count(EdgeKind::Cited),
        count(EdgeKind::Derived),
        count(EdgeKind::SharesSource),
        count(EdgeKind::LatentSource)
    )?;
    let high: Vec<&drift::Finding> = findings
        .first()
        .filter(|f| f.severity == Severity::High)
        .collect();
    if !high.is_empty() {
        writeln!(out, "\nmost severe drift:")?;
        for f in high {
            let classes: Vec<&str> = f.classes.iter().map(|c| c.as_str()).collect();
            writeln!(
                out,
                "  {}:{}:{}  [{}] “{}”",
                f.article,
                f.line,
                f.column,
                classes.join(", "),
                quotetrace::text::shorten(&f.text.replace('\n', " "), 70)
            )?;
        }
    }
    writeln!(out, "\nprovenance:")?;
    let nodes = graph.nodes();
    let label = |id: &str| {
        nodes
            .iter()
            .find(|n| n.id == id)
            .map_or(id.to_string(), |n| n.label.clone())
    };
    for e in edges.iter().take(12) {
        let arrow = if e.directed { "->" } else { "--" };
        let why = e
            .evidence
            .first()
            .map(|i| quotetrace::text::shorten(&i.text, 50))
            .unwrap_or_default();
        writeln!(
            out,
            "  {} {arrow} {}  [{} {:.2}] {}",
            quotetrace::text::shorten(&label(&e.source), 32),
            quotetrace::text::shorten(&label(&e.target), 32),
            e.kind.as_str(),
            e.confidence,
            why
        )?;
    }
    writeln!(
        out,
        "\nwrote {} and {}",
        prov_path.display(),
        quotes_path.display()
    )?;
    out.flush()?;
    Ok(Exit::Done)
}
