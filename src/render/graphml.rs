//! GraphML, for Gephi, yEd, Cytoscape and networkx: the provenance graph with every node
//! and edge attribute declared as a typed `<key>`, so a network tool can size, colour
//! and filter by them without parsing labels. Outlet names and evidence come from the
//! articles, so every string is XML-escaped and characters XML 1.0 cannot hold are
//! dropped: the file always parses.

use crate::provenance::{Edge, Graph, Node, NodeKind};
use std::fmt::{self, Display, Write as _};

/// Writes a string XML-escaped (`& < > " '`), leaving out the control characters and
/// non-characters that XML 1.0 forbids even as references.
pub struct XmlEsc<'a>(pub &'a str);

impl Display for XmlEsc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&apos;")?,
                '\t' | '\n' | '\r' => f.write_char(c)?,
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Attribute keys: (id, for, name, type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("articles", "node", "articles", "string"),
    ("article_count", "node", "article_count", "int"),
    ("dates", "node", "dates", "string"),
    ("elabel", "edge", "label", "string"),
    ("ekind", "edge", "kind", "string"),
    ("weight", "edge", "weight", "double"),
    ("confidence", "edge", "confidence", "double"),
    ("pairs", "edge", "pairs", "int"),
    ("evidence_count", "edge", "evidence_count", "int"),
    ("evidence", "edge", "evidence", "string"),
];

/// Evidence items written per edge (strongest first); the count says how many there are.
const EVIDENCE_ITEMS: usize = 10;

/// The provenance graph as GraphML. Undirected (`shares-source`) edges carry
/// `directed="false"`; `weight` is the confidence, which Gephi uses for layouts.
pub fn provenance(graph: &Graph, title: &str) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let _ = writeln!(s, "  <desc>{}</desc>", XmlEsc(title));
    for (id, of, name, ty) in KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{of}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    s.push_str("  <graph id=\"provenance\" edgedefault=\"directed\">\n");
    for n in graph.nodes() {
        node(&mut s, n);
    }
    for (i, e) in graph.edges().into_iter().enumerate() {
        edge(&mut s, i, e);
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

fn data(s: &mut String, key: &str, value: impl Display) {
    let _ = writeln!(s, "      <data key=\"{key}\">{value}</data>");
}

fn node(s: &mut String, n: &Node) {
    let _ = writeln!(s, "    <node id=\"{}\">", XmlEsc(&n.id));
    data(s, "label", XmlEsc(&n.label));
    let kind = match n.kind {
        NodeKind::Article => "article",
        NodeKind::Outlet => "outlet",
        NodeKind::External => "external",
    };
    data(s, "kind", kind);
    data(s, "articles", XmlEsc(&n.articles.join(" ")));
    data(s, "article_count", n.articles.len());
    data(s, "dates", XmlEsc(&n.dates.join(" ")));
    s.push_str("    </node>\n");
}

fn edge(s: &mut String, i: usize, e: &Edge) {
    let _ = writeln!(
        s,
        "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\" directed=\"{}\">",
        XmlEsc(&e.source),
        XmlEsc(&e.target),
        e.directed
    );
    data(
        s,
        "elabel",
        format_args!("{} {:.2}", e.kind.as_str(), e.confidence),
    );
    data(s, "ekind", e.kind.as_str());
    data(s, "weight", e.confidence);
    data(s, "confidence", e.confidence);
    data(s, "pairs", e.pairs);
    data(s, "evidence_count", e.evidence.len());
    let items: Vec<String> = e
        .evidence
        .iter()
        .take(EVIDENCE_ITEMS)
        .map(|i| {
            let at: Vec<String> = i
                .spots
                .iter()
                .map(|p| format!("{}:{}:{}", p.article, p.line, p.column))
                .collect();
            format!(
                "{} {:.2}: {} ({})",
                i.kind.as_str(),
                i.weight,
                i.text.replace('\n', " "),
                at.join(" ~ ")
            )
        })
        .collect();
    data(s, "evidence", XmlEsc(&items.join(" | ")));
    s.push_str("    </edge>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            XmlEsc("<b>&\"'\u{1}\u{FFFF}\tx").to_string(),
            "&lt;b&gt;&amp;&quot;&apos;\tx"
        );
    }
}
