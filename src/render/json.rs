//! JSON wire formats. Field names are a contract other programs read: add, never rename.
//!
//! * `extract --format jsonl`: one [`Quote`] object per line; `--format json`:
//!   `{"quotes":[...]}`. Fields: `id`, `article`, `text`, `start`, `end` (byte offsets of
//!   the text between the marks), `open`, `close`, `line`, `column`, `kind`
//!   (`statement`|`fragment`|`term`), `terminated`, `speaker`, `speaker_text`,
//!   `speaker_start`, `speaker_end`, `cue`, `attribution` (`cue`|`dash`|`continued`|
//!   `context`), `utterance`.

use crate::quotes::Quote;
use crate::variants::Cluster;
use serde::Serialize;
use std::io::{self, Write};

fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

/// Writes any value as pretty JSON followed by a newline.
pub fn write<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(to_io)?;
    writeln!(out)
}

pub fn quotes_jsonl<W: Write>(out: &mut W, quotes: &[Quote]) -> io::Result<()> {
    for q in quotes {
        serde_json::to_writer(&mut *out, q).map_err(to_io)?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn quotes_json<W: Write>(out: &mut W, quotes: &[Quote]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        quotes: &'a [Quote],
    }
    write(out, &Doc { quotes })
}

/// `quotes --format json`: `{"clusters":[{"id","reference","reference_quote","speakers",
/// "articles","outlets","members":[{"quote","article","start","end","line","column",
/// "text","speaker","kind","relation","parent","similarity","containment","diff"}]}]}`.
#[derive(Serialize)]
pub struct ClusterDoc<'a> {
    pub clusters: Vec<ClusterView<'a>>,
}

#[derive(Serialize)]
pub struct ClusterView<'a> {
    pub id: usize,
    pub reference: &'a str,
    pub reference_quote: &'a str,
    pub speakers: &'a [String],
    pub articles: &'a [String],
    pub outlets: &'a [String],
    pub members: Vec<MemberView<'a>>,
}

#[derive(Serialize)]
pub struct MemberView<'a> {
    pub quote: &'a str,
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub kind: crate::quotes::QuoteKind,
    pub relation: crate::variants::Relation,
    pub parent: Option<&'a str>,
    pub similarity: f64,
    pub containment: f64,
    pub diff: &'a [crate::align::Op],
}

pub fn cluster_views<'a>(quotes: &'a [Quote], clusters: &[&'a Cluster]) -> Vec<ClusterView<'a>> {
    clusters
        .iter()
        .map(|c| ClusterView {
            id: c.id,
            reference: &quotes[c.reference].text,
            reference_quote: &quotes[c.reference].id,
            speakers: &c.speakers,
            articles: &c.articles,
            outlets: &c.outlets,
            members: c
                .members
                .iter()
                .map(|m| {
                    let q = &quotes[m.quote];
                    MemberView {
                        quote: &q.id,
                        article: &q.article,
                        start: q.start,
                        end: q.end,
                        line: q.line,
                        column: q.column,
                        text: &q.text,
                        speaker: q.speaker.as_deref(),
                        kind: q.kind,
                        relation: m.relation,
                        parent: m.parent.map(|p| quotes[p].id.as_str()),
                        similarity: m.similarity,
                        containment: m.containment,
                        diff: &m.diff,
                    }
                })
                .collect(),
        })
        .collect()
}

pub fn clusters<W: Write>(out: &mut W, quotes: &[Quote], clusters: &[&Cluster]) -> io::Result<()> {
    write(
        out,
        &ClusterDoc {
            clusters: cluster_views(quotes, clusters),
        },
    )
}

/// `drift --format json`: `{"findings":[{"quote","article","start","end","line","column",
/// "text","speaker","cluster","class","classes","severity","evidence":{"reference",
/// "diff","nearest","speakers"},"reason"}]}`.
pub fn findings<W: Write>(out: &mut W, findings: &[&crate::drift::Finding]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        findings: &'a [&'a crate::drift::Finding],
    }
    write(out, &Doc { findings })
}

/// `graph --format json`: `{"nodes":[{"id","label","kind","articles","dates"}],
/// "edges":[{"source","target","kind","directed","confidence","pairs","evidence":[{"kind",
/// "text","weight","spots":[{"article","start","end","line","column"}]}]}]}`.
pub fn graph<W: Write>(out: &mut W, graph: &crate::provenance::Graph) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        nodes: Vec<&'a crate::provenance::Node>,
        edges: Vec<&'a crate::provenance::Edge>,
    }
    write(
        out,
        &Doc {
            nodes: graph.nodes(),
            edges: graph.edges(),
        },
    )
}
