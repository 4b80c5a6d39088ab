//! Every stage in order, for the commands that need them all (`trace`, `evaluate`).
//! The caller hears of each stage as it starts, to show progress.

use crate::corpus::Article;
use crate::drift::{self, Finding};
use crate::provenance::{self, Graph};
use crate::quotes::{self, Quote};
use crate::variants::{self, Clustering};

/// The stages, as reported to the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Extract,
    Cluster,
    Audit,
    Graph,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Extract => "extracting quotes",
            Stage::Cluster => "clustering variants",
            Stage::Audit => "auditing drift",
            Stage::Graph => "building the provenance graph",
        }
    }
}

/// What a whole run produced. `F` is what the audit gave: by default every finding.
pub struct Trace<F = Vec<Finding>> {
    pub quotes: Vec<Quote>,
    pub clustering: Clustering,
    pub findings: F,
    pub graph: Graph,
}

/// Every stage, the audit's findings kept whole.
pub fn run(articles: &[Article], graph: &provenance::Config, stage: impl FnMut(Stage)) -> Trace {
    run_with(articles, graph, stage, drift::audit)
}

/// Every stage, with `audit` for the last one: [`drift::audit`], or
/// [`drift::summarize`] where only a summary is shown.
pub fn run_with<F>(
    articles: &[Article],
    graph: &provenance::Config,
    mut stage: impl FnMut(Stage),
    audit: impl FnOnce(&[Article], &[Quote], &Clustering) -> F,
) -> Trace<F> {
    stage(Stage::Extract);
    let quotes = quotes::extract(articles);
    crate::memory::release();
    stage(Stage::Cluster);
    let clustering = variants::cluster(articles, &quotes, &variants::Config::default());
    // The graph before the audit: its working memory is gone before the findings, which
    // are kept to the end, are made, so the two never add up in the peak.
    crate::memory::release();
    stage(Stage::Graph);
    let graph = provenance::build(articles, &quotes, &clustering, graph);
    crate::memory::release();
    stage(Stage::Audit);
    let findings = audit(articles, &quotes, &clustering);
    Trace {
        quotes,
        clustering,
        findings,
        graph,
    }
}
