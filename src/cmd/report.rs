//! `quotetrace report`: every stage's results in one self-contained HTML file (see
//! `render::html`). This file holds what the renderer must not do: run the stages,
//! run Graphviz as a subprocess for the drawing, and write the file atomically.
//!
//! Graphviz is optional for the report (without it the page says so and shows the DOT)
//! and required for `graph --format svg|png`, which share [`graphviz`].

use super::{Exit, Session};
use crate::cli::ReportArgs;
use quotetrace::provenance::Graph;
use quotetrace::render::html::{Drawing, Limits, Report};
use quotetrace::{pipeline, render};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Above this many nodes, `sfdp` (force-directed, scales) lays out instead of `dot`.
pub const SFDP_ABOVE: usize = 150;
/// Graphs larger than this are not drawn in the report (the layout would take minutes
/// and the drawing be unreadable); the edge list still is.
const DRAW_MAX_NODES: usize = 2_000;
const DRAW_MAX_EDGES: usize = 5_000;
/// Longest a Graphviz layout may run.
const GRAPHVIZ_TIMEOUT: Duration = Duration::from_secs(180);

/// How to install Graphviz, for the messages that need it.
pub const INSTALL_GRAPHVIZ: &str = "install Graphviz (Debian/Ubuntu: `sudo apt-get install \
     graphviz`; macOS: `brew install graphviz`; others: https://graphviz.org/download/)";

/// Why Graphviz gave no output.
#[derive(Debug)]
pub enum GraphvizError {
    /// `dot` is not on the PATH.
    Missing,
    /// It ran and failed, or ran too long.
    Failed(String),
}

impl std::fmt::Display for GraphvizError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphvizError::Missing => write!(
                f,
                "Graphviz is not installed (the `dot` program was not found): {INSTALL_GRAPHVIZ}"
            ),
            GraphvizError::Failed(why) => write!(f, "Graphviz failed: {why}"),
        }
    }
}

/// The layout engine for a graph of `nodes` nodes.
pub fn engine(nodes: usize) -> &'static str {
    if nodes > SFDP_ABOVE {
        "sfdp"
    } else {
        "dot"
    }
}

/// Runs `dot -K<engine> -T<format>` on `source` and returns what it printed. Input and
/// output go through threads so a large graph cannot deadlock the pipes.
pub fn graphviz(source: &str, engine: &str, format: &str) -> Result<Vec<u8>, GraphvizError> {
    let spawned = Command::new("dot")
        .arg(format!("-K{engine}"))
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(GraphvizError::Missing),
        Err(e) => return Err(GraphvizError::Failed(format!("cannot run dot: {e}"))),
    };
    let input = child.stdin.take().map(|mut pipe| {
        let source = source.to_string();
        std::thread::spawn(move || pipe.write_all(source.as_bytes()))
    });
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let status = wait(&mut child)?;
    if let Some(t) = input {
        let _ = t.join();
    }
    let out = stdout.join().unwrap_or_default();
    let err = stderr.join().unwrap_or_default();
    if !status.success() || out.is_empty() {
        let why = String::from_utf8_lossy(&err).trim().to_string();
        return Err(GraphvizError::Failed(if why.is_empty() {
            format!("dot exited with {status}")
        } else {
            why
        }));
    }
    Ok(out)
}

fn wait(child: &mut std::process::Child) -> Result<std::process::ExitStatus, GraphvizError> {
    let deadline = Instant::now() + GRAPHVIZ_TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(GraphvizError::Failed(format!(
                    "layout took longer than {} s",
                    GRAPHVIZ_TIMEOUT.as_secs()
                )));
            }
            Err(e) => return Err(GraphvizError::Failed(e.to_string())),
        }
    }
}

pub fn run(args: ReportArgs, session: &Session) -> anyhow::Result<Exit> {
    let progress = super::progress::Progress::new(session.quiet);
    progress.stage("loading articles");
    let corpus = super::load(&args.input.paths, session)?;
    let config = super::graph::config(args.level, args.min_confidence);
    let run = pipeline::run(&corpus.articles, &config, |s| progress.stage(s.as_str()));
    let mut report = Report {
        name: &corpus.name,
        articles: &corpus.articles,
        problems: &corpus.problems,
        quotes: &run.quotes,
        clustering: &run.clustering,
        findings: &run.findings,
        graph: &run.graph,
        drawing: Drawing::Unavailable(String::new()),
        limits: Limits::default(),
    };
    progress.stage("drawing the provenance graph");
    report.drawing = drawing(&report);
    progress.stage("writing the report");
    if let Drawing::Unavailable(why) = &report.drawing {
        if !session.quiet {
            eprintln!("quotetrace: note: the report has no drawing: {why}");
        }
    }
    let html = report.render();
    drop(progress);
    let path = args
        .out
        .unwrap_or_else(|| PathBuf::from(format!("{}-report.html", corpus.name)));
    if path.as_os_str() == "-" {
        let mut out = super::stdout();
        out.write_all(html.as_bytes())?;
        out.flush()?;
    } else {
        super::write_atomic(&path, html.as_bytes())?;
        if !session.quiet {
            eprintln!(
                "quotetrace: wrote {} ({} KB)",
                path.display(),
                html.len() / 1000
            );
        }
    }
    Ok(Exit::Done)
}

/// `graph --format svg|png`: the provenance graph drawn by Graphviz on `out`; without
/// Graphviz, a message saying how to install it and exit status 2.
pub fn draw(
    out: &mut impl Write,
    graph: &Graph,
    title: &str,
    format: &str,
) -> anyhow::Result<Exit> {
    let dot = render::dot::provenance(graph, title);
    match graphviz(&dot, engine(graph.nodes().len()), format) {
        Ok(bytes) => {
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(Exit::Done)
        }
        Err(e) => {
            eprintln!("quotetrace: graph --format {format}: {e}; or use --format dot");
            Ok(Exit::Trouble)
        }
    }
}

/// The report's provenance drawing through Graphviz, or why there is none.
fn drawing(report: &Report) -> Drawing {
    let (nodes, edges) = report.drawing_size();
    if nodes == 0 || (edges == 0 && nodes > SFDP_ABOVE) {
        return Drawing::Unavailable("the graph has no edges to draw.".into());
    }
    if nodes > DRAW_MAX_NODES || edges > DRAW_MAX_EDGES {
        return Drawing::Unavailable(format!(
            "the graph has {nodes} linked nodes and {edges} edges, too many to draw legibly \
             (at most {DRAW_MAX_NODES} nodes and {DRAW_MAX_EDGES} edges); raise \
             --min-confidence to thin it."
        ));
    }
    match graphviz(&report.graph_dot(), engine(nodes), "svg") {
        Ok(svg) => Drawing::Svg(String::from_utf8_lossy(&svg).into_owned()),
        Err(e) => Drawing::Unavailable(format!("{e}.")),
    }
}
