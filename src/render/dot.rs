//! Graphviz DOT. petgraph's own `Dot` prints numeric ids and does not escape custom
//! attributes, so graphs are written here with every string escaped: any outlet name or
//! quote renders.

use crate::corpus::Article;
use crate::provenance::{EdgeKind, Graph, NodeKind};
use crate::quotes::Quote;
use crate::text::shorten;
use crate::variants::Clustering;
use std::fmt::Write as _;

/// A DOT string literal: quotes, backslashes and control characters escaped, newlines
/// kept as DOT line breaks.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The provenance graph: cited edges solid, derived dashed, shares-source dotted without
/// arrowheads, latent sources dashed grey; corpus nodes as boxes, outlets outside the
/// corpus as dashed ellipses. Each edge is labelled with its kind, its strongest
/// evidence in a few words, and its confidence.
pub fn provenance(graph: &Graph, title: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "digraph provenance {{");
    let _ = writeln!(
        s,
        "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label={}];",
        quoted(title)
    );
    let _ = writeln!(s, "  node [fontname=\"Helvetica\", fontsize=10];");
    let _ = writeln!(s, "  edge [fontname=\"Helvetica\", fontsize=8];");
    for n in graph.nodes() {
        let (shape, style) = match n.kind {
            NodeKind::External => ("ellipse", "dashed"),
            _ => ("box", "rounded"),
        };
        let mut label = n.label.clone();
        match n.kind {
            NodeKind::External => label.push_str("\n(cited, not in corpus)"),
            _ => {
                let _ = write!(label, "\n{}", n.articles.join(", "));
                if let Some(d) = n.dates.first() {
                    let _ = write!(label, " · {d}");
                }
            }
        }
        let _ = writeln!(
            s,
            "  {} [label={}, shape={shape}, style={}];",
            quoted(&n.id),
            quoted(&label),
            quoted(style)
        );
    }
    for e in graph.edges() {
        let (style, extra) = match e.kind {
            EdgeKind::Cited => ("solid", ""),
            EdgeKind::Derived => ("dashed", ""),
            EdgeKind::SharesSource => ("dotted", ", dir=none"),
            EdgeKind::LatentSource => ("dashed", ", color=\"grey40\", fontcolor=\"grey40\""),
        };
        let strongest = e
            .evidence
            .first()
            .map(|i| format!("{}: {}", i.kind.as_str(), shorten(&i.text, 48)))
            .unwrap_or_default();
        let label = format!("{} {:.2}\n{}", e.kind.as_str(), e.confidence, strongest);
        let _ = writeln!(
            s,
            "  {} -> {} [label={}, style={style}{extra}];",
            quoted(&e.source),
            quoted(&e.target),
            quoted(&label)
        );
    }
    s.push_str("}\n");
    s
}

/// The variant families: per cluster, each rendering pointing to the fuller rendering it
/// derives from, labelled with its text and the outlet carrying it.
pub fn quotes(
    articles: &[Article],
    quotes: &[Quote],
    clustering: &Clustering,
    title: &str,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "digraph quotes {{");
    let _ = writeln!(
        s,
        "  graph [rankdir=RL, fontname=\"Helvetica\", labelloc=t, label={}];",
        quoted(title)
    );
    let _ = writeln!(
        s,
        "  node [fontname=\"Helvetica\", fontsize=9, shape=box, style=rounded];"
    );
    let _ = writeln!(s, "  edge [fontname=\"Helvetica\", fontsize=8];");
    for c in &clustering.clusters {
        let _ = writeln!(s, "  subgraph {} {{", quoted(&format!("cluster_{}", c.id)));
        let speakers = if c.speakers.is_empty() {
            "unattributed".to_string()
        } else {
            c.speakers.join(", ")
        };
        let _ = writeln!(
            s,
            "    label={};",
            quoted(&format!("#{} {}", c.id, speakers))
        );
        for m in &c.members {
            let q = &quotes[m.quote];
            let label = format!(
                "{}\n{} ({}:{}:{})",
                shorten(&q.text.replace('\n', " "), 60),
                shorten(&articles[q.article_index].label(), 30),
                q.article,
                q.line,
                q.column
            );
            let style = if m.parent.is_none() {
                "rounded,bold"
            } else {
                "rounded"
            };
            let _ = writeln!(
                s,
                "    {} [label={}, style={}];",
                quoted(&q.id),
                quoted(&label),
                quoted(style)
            );
        }
        for m in &c.members {
            if let Some(p) = m.parent {
                let label = format!(
                    "{} {:.2}",
                    super::text::relation_name(m.relation),
                    m.similarity
                );
                let _ = writeln!(
                    s,
                    "    {} -> {} [label={}];",
                    quoted(&quotes[m.quote].id),
                    quoted(&quotes[p].id),
                    quoted(&label)
                );
            }
        }
        let _ = writeln!(s, "  }}");
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything() {
        assert_eq!(quoted("a\"b\\c\nd\u{7}"), "\"a\\\"b\\\\c\\nd \"");
    }
}
