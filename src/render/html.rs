//! The HTML report: every stage's results in one self-contained file that opens from
//! disk and can be mailed (no network, no script, no external font or style).
//!
//! Why it looks the way it does:
//!
//! * Everything read from the articles is untrusted. Every string goes out through
//!   [`Esc`] (text and double-quoted attributes alike); anchors are built from indexes,
//!   never from article ids; the page carries a Content-Security-Policy that forbids
//!   every script and every fetch, so even a missed escape could run nothing.
//! * The provenance drawing is Graphviz's SVG, embedded only after [`inert_svg`] has
//!   checked every tag and attribute against an allowlist (links must stay inside the
//!   page). Without Graphviz the report says so and shows the DOT text, escaped.
//! * It renders and computes nothing: counts, diffs, classes, edges and evidence all
//!   come from the stages. What it adds is presentation: anchors, caps and layout.
//! * It must open for a corpus of thousands of articles: each section shows at most
//!   [`Limits`] items (with a note saying how many were left out and which command
//!   lists them all), long sections are collapsed in `<details>`, and a byte budget
//!   stops the long sections before the file grows past what a browser opens.

use crate::align::Op;
use crate::corpus::{Article, Problem};
use crate::drift::{Finding, Severity};
use crate::provenance::{Edge, EdgeKind, Graph, Node, NodeKind};
use crate::quotes::Quote;
use crate::render::text::{display_words, relation_name};
use crate::text::shorten;
use crate::variants::{Cluster, Clustering, Member};
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Display, Write as _};

/// How much of each section the report shows.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Articles shown with their full text (those carrying the shown findings first).
    pub articles: usize,
    /// Bytes of one article's text shown.
    pub article_bytes: usize,
    /// Quote clusters shown (most outlets first).
    pub clusters: usize,
    /// Renderings shown per cluster.
    pub members: usize,
    /// Drift findings shown (most severe first).
    pub findings: usize,
    /// Edges listed with their evidence.
    pub edges: usize,
    /// Evidence items shown per edge.
    pub evidence: usize,
    /// Edges listed under each article.
    pub edges_per_article: usize,
    /// The edge list starts open when it has at most this many edges.
    pub edges_open: usize,
    /// Sections with at most this many items start open; longer ones start collapsed.
    pub open: usize,
    /// Bytes of DOT text shown when there is no drawing.
    pub dot_bytes: usize,
    /// The clusters and articles sections stop adding items past this size of file.
    pub budget: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            articles: 400,
            article_bytes: 60_000,
            clusters: 400,
            members: 40,
            findings: 1_500,
            edges: 600,
            evidence: 10,
            edges_per_article: 25,
            edges_open: 6,
            open: 30,
            dot_bytes: 300_000,
            budget: 40_000_000,
        }
    }
}

/// The provenance drawing, as the caller could obtain it.
#[derive(Debug, Clone)]
pub enum Drawing {
    /// Graphviz's SVG of [`Report::graph_dot`].
    Svg(String),
    /// No drawing, and why (Graphviz missing, failed, or the graph too large).
    Unavailable(String),
}

/// Everything the report shows: the stages' results, untouched.
pub struct Report<'a> {
    /// The corpus name (the report's title).
    pub name: &'a str,
    pub articles: &'a [Article],
    /// Files skipped or repaired while loading.
    pub problems: &'a [Problem],
    pub quotes: &'a [Quote],
    pub clustering: &'a Clustering,
    pub findings: &'a [Finding],
    pub graph: &'a Graph,
    pub drawing: Drawing,
    pub limits: Limits,
}

/// Writes a string HTML-escaped: `& < > " '` as entities, NUL as U+FFFD. Safe in text
/// and in double-quoted attribute values, which is the only way attributes are written.
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'', '\0']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => "\u{FFFD}",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// An escaped copy, for callers that need a `String`.
pub fn escape(s: &str) -> String {
    Esc(s).to_string()
}

impl Report<'_> {
    /// The DOT of `render::dot::provenance` with, on every node, a link to its first
    /// article's section and, on every edge, a link to its evidence and the evidence as
    /// tooltip. Lay this out with Graphviz and pass the SVG back as [`Drawing::Svg`].
    pub fn graph_dot(&self) -> String {
        let ctx = Ctx::new(self);
        let base = super::dot::provenance(self.graph, &format!("{}: provenance", self.name));
        link_dot(&base, &ctx)
    }

    /// Nodes and edges [`Report::graph_dot`] draws: on a large graph, nodes without
    /// edges are left out of the drawing (they say nothing about who copies whom).
    pub fn drawing_size(&self) -> (usize, usize) {
        let ctx = Ctx::new(self);
        let nodes = (0..ctx.nodes.len()).filter(|&k| ctx.drawn(k)).count();
        (nodes, ctx.edges.len())
    }

    /// The whole page.
    pub fn render(&self) -> String {
        let ctx = Ctx::new(self);
        let mut s = String::with_capacity(1 << 16);
        head(&mut s, self.name);
        numbers(&mut s, &ctx);
        graph_section(&mut s, &ctx);
        clusters_section(&mut s, &ctx);
        findings_section(&mut s, &ctx);
        articles_section(&mut s, &ctx);
        let _ = writeln!(
            s,
            "<footer>Made by quotetrace {}. Every place is article:line:column in the \
             article's text.</footer>\n</body>\n</html>",
            env!("CARGO_PKG_VERSION")
        );
        s
    }
}

/// Lookups the sections share, built once per render.
struct Ctx<'a> {
    r: &'a Report<'a>,
    nodes: Vec<&'a Node>,
    edges: Vec<&'a Edge>,
    node_of_id: HashMap<&'a str, usize>,
    article_of_id: HashMap<&'a str, usize>,
    quote_of_id: HashMap<&'a str, usize>,
    finding_of_quote: HashMap<usize, usize>,
    quotes_of_article: Vec<Vec<usize>>,
    edges_of_article: Vec<Vec<usize>>,
    shown_articles: Vec<bool>,
    shown_clusters: HashSet<usize>,
    /// Per node (in `nodes` order), how many edges touch it.
    degree: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn new(r: &'a Report<'a>) -> Self {
        let nodes = r.graph.nodes();
        let edges = r.graph.edges();
        let node_of_id = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let article_of_id: HashMap<&str, usize> = r
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut quotes_of_article = vec![Vec::new(); r.articles.len()];
        for (i, q) in r.quotes.iter().enumerate() {
            if let Some(v) = quotes_of_article.get_mut(q.article_index) {
                v.push(i);
            }
        }
        let mut ctx = Ctx {
            r,
            nodes,
            edges,
            node_of_id,
            article_of_id,
            quote_of_id: r
                .quotes
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.as_str(), i))
                .collect(),
            finding_of_quote: r
                .findings
                .iter()
                .enumerate()
                .map(|(i, f)| (f.quote_index, i))
                .collect(),
            quotes_of_article,
            edges_of_article: Vec::new(),
            shown_articles: Vec::new(),
            degree: Vec::new(),
            shown_clusters: r
                .clustering
                .clusters
                .iter()
                .take(r.limits.clusters)
                .map(|c| c.id)
                .collect(),
        };
        ctx.degree = ctx.degrees();
        ctx.edges_of_article = ctx.edges_by_article();
        ctx.shown_articles = ctx.pick_articles();
        ctx
    }

    /// Per article, the edges touching the graph node that holds it.
    fn edges_by_article(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.r.articles.len()];
        for (e, edge) in self.edges.iter().enumerate() {
            for end in [&edge.source, &edge.target] {
                for a in self.node(end).map_or(&[][..], |n| &n.articles[..]) {
                    if let Some(&i) = self.article_of_id.get(a.as_str()) {
                        if out[i].last() != Some(&e) {
                            out[i].push(e);
                        }
                    }
                }
            }
        }
        out
    }

    /// Which articles get a full section: those carrying the shown findings first (so
    /// their links land), then the rest in order, up to the limit.
    fn pick_articles(&self) -> Vec<bool> {
        let n = self.r.articles.len();
        let mut shown = vec![false; n];
        let mut left = self.r.limits.articles;
        let by_findings = self
            .r
            .findings
            .iter()
            .take(self.r.limits.findings)
            .filter_map(|f| self.r.quotes.get(f.quote_index).map(|q| q.article_index));
        for a in by_findings.chain(0..n) {
            if left == 0 {
                break;
            }
            if a < n && !shown[a] {
                shown[a] = true;
                left -= 1;
            }
        }
        shown
    }

    fn degrees(&self) -> Vec<usize> {
        let mut d = vec![0; self.nodes.len()];
        for e in &self.edges {
            for end in [&e.source, &e.target] {
                if let Some(&k) = self.node_of_id.get(end.as_str()) {
                    d[k] += 1;
                }
            }
        }
        d
    }

    /// Whether node `k` is drawn: all are on a small graph, linked ones on a large one.
    fn drawn(&self, k: usize) -> bool {
        self.nodes.len() <= SMALL_GRAPH || self.degree[k] > 0
    }

    fn node(&self, id: &str) -> Option<&'a Node> {
        self.node_of_id.get(id).map(|&i| self.nodes[i])
    }

    /// A node as people know it: its label, and the article ids it holds.
    fn node_name(&self, id: &str) -> String {
        match self.node(id) {
            Some(n) if n.articles.is_empty() || n.label.contains(&n.articles.join(", ")) => {
                n.label.clone()
            }
            Some(n) => format!("{} ({})", n.label, n.articles.join(", ")),
            None => id.to_string(),
        }
    }

    /// The anchor a node links to: its first shown article, else the edge list.
    fn node_href(&self, n: &Node) -> String {
        n.articles
            .iter()
            .filter_map(|a| self.article_of_id.get(a.as_str()))
            .find(|&&i| self.shown_articles[i])
            .map_or_else(|| "#edges".to_string(), |i| format!("#art-{i}"))
    }

    fn edge_href(&self, e: usize) -> Option<String> {
        (e < self.r.limits.edges).then(|| format!("#edge-{e}"))
    }

    /// `article:line:column` of a quote, linked to the quote in its article when shown.
    fn quote_place(&self, qi: usize) -> String {
        let q = &self.r.quotes[qi];
        let place = format!("{}:{}:{}", q.article, q.line, q.column);
        if self.shown_articles.get(q.article_index) == Some(&true) {
            format!("<a href=\"#q-{qi}\">{}</a>", Esc(&place))
        } else {
            escape(&place)
        }
    }

    fn cluster_link(&self, id: usize) -> String {
        if self.shown_clusters.contains(&id) {
            format!("<a href=\"#cl-{id}\">#{id}</a>")
        } else {
            format!("#{id}")
        }
    }

    fn article_link(&self, id: &str) -> String {
        match self.article_of_id.get(id) {
            Some(&i) if self.shown_articles[i] => {
                format!("<a href=\"#art-{i}\">{}</a>", Esc(id))
            }
            _ => escape(id),
        }
    }

    fn over_budget(&self, s: &str) -> bool {
        s.len() > self.r.limits.budget
    }

    fn open(&self, count: usize) -> &'static str {
        if count <= self.r.limits.open {
            " open"
        } else {
            ""
        }
    }
}

const STYLE: &str = r#"
:root{--fg:#1d1d1f;--mute:#5f6368;--line:#dadce0;--bg:#fff;--soft:#f6f7f9;
--high:#b3261e;--medium:#c26401;--low:#1a63b0;--info:#5f6368;--ins:#0b6b2e;--insbg:#e3f4e8;
--del:#a3231b;--delbg:#fbe6e4;--mark:#fff2b3}
*{box-sizing:border-box}
body{font:15px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:0 24px 48px}
header{border-bottom:1px solid var(--line);padding:20px 0 8px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:32px 0 10px;
border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:0}
nav a{margin-right:14px}a{color:#1a56b8;text-decoration:none}a:hover{text-decoration:underline}
.sub,.note,.meta,.muted{color:var(--mute);font-size:13px}
.note{background:var(--soft);border-left:3px solid var(--line);padding:6px 10px;margin:8px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
.card{background:var(--soft);border-radius:8px;padding:10px 12px}
.card .n{font-size:26px;font-weight:600}.card .what{color:var(--mute);font-size:13px}
.card ul{list-style:none;margin:4px 0 0;padding:0;font-size:13px}
.badge{display:inline-block;border-radius:10px;padding:0 7px;font-size:12px;line-height:18px;
border:1px solid var(--line);background:#fff;color:var(--mute);margin:0 2px;white-space:nowrap}
.sev{color:#fff;border:0;font-weight:600;text-transform:uppercase}
.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}
.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.k-cited{border-color:#333;color:#333}.k-latent-source{color:#777}
.graph{overflow:auto;border:1px solid var(--line);border-radius:8px;padding:8px;max-height:900px}
.graph svg{max-width:100%;height:auto}
pre.dot{white-space:pre-wrap;background:var(--soft);padding:10px;font-size:12px;max-height:500px;
overflow:auto}
details{border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:6px 10px}
summary{cursor:pointer}
table{border-collapse:collapse;width:100%}
td{vertical-align:top;padding:5px 8px;border-top:1px solid var(--line)}
td.words{width:68%}tr.ref td{background:var(--soft);font-weight:500}
del{color:var(--del);background:var(--delbg);text-decoration:line-through}
ins{color:var(--ins);background:var(--insbg);text-decoration:none;border-bottom:1px solid var(--ins)}
ol.findings{padding-left:28px}ol.findings>li{margin:0 0 14px}
.diff,.why,.vs{margin:2px 0 0 0}.why{color:var(--mute)}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:15px;
line-height:1.6;background:#fffdf8;border:1px solid var(--line);border-radius:6px;padding:12px}
mark{background:var(--mark);border-radius:2px}mark.fragment{background:#fff7d6}
mark.term{background:#eef1f5}.spk{text-decoration:underline dotted var(--mute)}
.who{font:11px/1 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--mute);
background:var(--soft);border-radius:3px;padding:0 3px;margin-left:2px}
:target{outline:3px solid #f4b400;outline-offset:2px}
code{font-size:13px}
footer{margin-top:40px;color:var(--mute);font-size:12px}
"#;

/// Scripts and every fetch forbidden: the report is data, not a program.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                   base-uri 'none'; form-action 'none'";

fn head(s: &mut String, name: &str) {
    let _ = writeln!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>quotetrace report: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>quotetrace: {}</h1>\n<p class=\"sub\">Who said what, how the words \
         changed from outlet to outlet, and who appears to copy whom.</p>\n<nav>\
         <a href=\"#numbers\">Numbers</a><a href=\"#graph\">Provenance</a>\
         <a href=\"#clusters\">Quotes</a><a href=\"#findings\">Drift</a>\
         <a href=\"#articles\">Articles</a></nav></header>",
        Esc(name),
        Esc(name)
    );
}

fn card(s: &mut String, n: usize, what: &str, lines: &[(String, usize)]) {
    let _ = write!(
        s,
        "<div class=\"card\"><div class=\"n\">{n}</div><div class=\"what\">{}</div>",
        Esc(what)
    );
    if !lines.is_empty() {
        s.push_str("<ul>");
        for (label, count) in lines {
            let _ = write!(s, "<li>{count} {label}</li>");
        }
        s.push_str("</ul>");
    }
    s.push_str("</div>\n");
}

fn numbers(s: &mut String, ctx: &Ctx) {
    let r = ctx.r;
    s.push_str("<section id=\"numbers\"><h2>The story in numbers</h2>\n<div class=\"cards\">\n");
    let skipped = r.problems.iter().filter(|p| p.skipped).count();
    card(
        s,
        r.articles.len(),
        "articles",
        &[("skipped".into(), skipped)],
    );
    let outlets: HashSet<&str> = r
        .articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    let unknown = r.articles.iter().filter(|a| a.outlet.is_none()).count();
    let external = ctx
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::External)
        .count();
    card(
        s,
        outlets.len(),
        "outlets named",
        &[
            ("articles of unknown outlet".into(), unknown),
            ("cited outlets outside the corpus".into(), external),
        ],
    );
    let speakers = r.quotes.iter().filter(|q| q.speaker.is_some()).count();
    card(
        s,
        r.quotes.len(),
        "quotes",
        &[("with a speaker".into(), speakers)],
    );
    let clusters = &r.clustering.clusters;
    let multi = clusters.iter().filter(|c| c.articles.len() >= 2).count();
    card(
        s,
        clusters.len(),
        "quote clusters",
        &[("carried by two articles or more".into(), multi)],
    );
    let by_severity: Vec<(String, usize)> = [
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ]
    .iter()
    .map(|&v| {
        (
            severity_badge(v),
            r.findings.iter().filter(|f| f.severity == v).count(),
        )
    })
    .collect();
    card(s, r.findings.len(), "drift findings", &by_severity);
    let kinds = [
        EdgeKind::Cited,
        EdgeKind::Derived,
        EdgeKind::SharesSource,
        EdgeKind::LatentSource,
    ];
    let by_kind: Vec<(String, usize)> = kinds
        .iter()
        .map(|&k| {
            (
                k.as_str().to_string(),
                ctx.edges.iter().filter(|e| e.kind == k).count(),
            )
        })
        .collect();
    card(
        s,
        ctx.edges.len(),
        &format!("provenance edges ({} nodes)", ctx.nodes.len()),
        &by_kind,
    );
    s.push_str("</div>\n");
    problems(s, ctx);
    s.push_str("</section>\n");
}

fn problems(s: &mut String, ctx: &Ctx) {
    let ps = ctx.r.problems;
    if ps.is_empty() {
        return;
    }
    let _ = write!(
        s,
        "<details><summary>{} file(s) skipped or repaired while loading</summary><ul>",
        ps.len()
    );
    for p in ps.iter().take(ctx.r.limits.findings) {
        let what = if p.skipped { "skipped" } else { "note" };
        let _ = write!(s, "<li>{what}: {}: {}</li>", Esc(&p.source), Esc(&p.reason));
    }
    s.push_str("</ul>");
    left_out(
        s,
        ps.len(),
        ctx.r.limits.findings,
        "files",
        "quotetrace trace",
    );
    s.push_str("</details>\n");
}

/// A note when a section shows fewer items than there are.
fn left_out(s: &mut String, total: usize, shown: usize, what: &str, command: &str) {
    if total > shown {
        let _ = writeln!(
            s,
            "<p class=\"note\">{} more {what} not shown here (this report shows \
             {shown}); <code>{command}</code> lists them all.</p>",
            total - shown
        );
    }
}

fn severity_badge(v: Severity) -> String {
    format!("<span class=\"badge sev sev-{0}\">{0}</span>", v.as_str())
}

fn class_badges(f: &Finding) -> String {
    f.classes
        .iter()
        .map(|c| format!("<span class=\"badge\">{}</span>", c.as_str()))
        .collect()
}

fn graph_section(s: &mut String, ctx: &Ctx) {
    s.push_str(
        "<section id=\"graph\"><h2>Provenance</h2>\n<p class=\"sub\">Who appears to copy \
         whom. Solid: cited (the article names its source); dashed: derived (dated); \
         dotted, no arrowhead: shares a source; grey dashed: a cited outlet outside the \
         corpus as the likely common source. Click a node for its article, an edge for \
         its evidence; hover an edge to read it.</p>\n",
    );
    match &ctx.r.drawing {
        Drawing::Svg(svg) => match inert_svg(svg, &|id| svg_title(ctx, id)) {
            Some(clean) => {
                let left = (0..ctx.nodes.len()).filter(|&k| !ctx.drawn(k)).count();
                if left > 0 {
                    let _ = writeln!(
                        s,
                        "<p class=\"note\">{left} node(s) without edges are not drawn.</p>"
                    );
                }
                s.push_str("<div class=\"graph\">\n");
                s.push_str(&clean);
                s.push_str("\n</div>\n");
            }
            None => dot_fallback(
                s,
                ctx,
                "Graphviz's drawing was not embedded: it held markup outside the allowlist \
                 of a plain drawing.",
            ),
        },
        Drawing::Unavailable(why) => dot_fallback(s, ctx, why),
    }
    edges_list(s, ctx);
    s.push_str("</section>\n");
}

fn dot_fallback(s: &mut String, ctx: &Ctx, why: &str) {
    let dot = super::dot::provenance(ctx.r.graph, &format!("{}: provenance", ctx.r.name));
    let _ = writeln!(
        s,
        "<p class=\"note\">No drawing: {} The graph in Graphviz's DOT language follows; \
         render it with <code>dot -Tsvg provenance.dot -o provenance.svg</code>.</p>",
        Esc(why)
    );
    let cut = floor_char_boundary(&dot, ctx.r.limits.dot_bytes);
    let _ = writeln!(s, "<pre class=\"dot\">{}</pre>", Esc(&dot[..cut]));
    if cut < dot.len() {
        let _ = writeln!(
            s,
            "<p class=\"note\">DOT cut at {} KB; <code>quotetrace graph PATHS --format dot</code> \
             prints it all.</p>",
            cut / 1000
        );
    }
}

/// The tooltip of a drawn node (`gnN`) or edge (`geN`), from the ids [`link_dot`] gave.
fn svg_title(ctx: &Ctx, id: &str) -> Option<String> {
    let (kind, n) = id.split_at(2.min(id.len()));
    let n: usize = n.parse().ok()?;
    match kind {
        "gn" => ctx.nodes.get(n).map(|node| node_tooltip(ctx, node)),
        "ge" => ctx.edges.get(n).map(|e| edge_tooltip(ctx, e)),
        _ => None,
    }
}

fn node_tooltip(ctx: &Ctx, n: &Node) -> String {
    let mut t = n.label.clone();
    match n.kind {
        NodeKind::External => t.push_str("\ncited, not in the corpus"),
        _ => {
            let _ = write!(t, "\narticles: {}", n.articles.join(", "));
        }
    }
    if !n.dates.is_empty() {
        let _ = write!(t, "\ndates: {}", n.dates.join(", "));
    }
    let degree = ctx
        .edges
        .iter()
        .filter(|e| e.source == n.id || e.target == n.id)
        .count();
    let _ = write!(t, "\n{degree} edge(s)");
    t
}

fn edge_tooltip(ctx: &Ctx, e: &Edge) -> String {
    let arrow = if e.directed { "→" } else { "—" };
    let mut t = format!(
        "{} {arrow} {}\n{} {:.2}, {} pair(s)",
        ctx.node_name(&e.source),
        ctx.node_name(&e.target),
        e.kind.as_str(),
        e.confidence,
        e.pairs
    );
    for i in e.evidence.iter().take(5) {
        let _ = write!(
            t,
            "\n• {} {:.2}: {}",
            i.kind.as_str(),
            i.weight,
            shorten(&i.text.replace('\n', " "), 110)
        );
    }
    if e.evidence.len() > 5 {
        let _ = write!(t, "\n… {} more item(s)", e.evidence.len() - 5);
    }
    t
}

fn edges_list(s: &mut String, ctx: &Ctx) {
    let limits = &ctx.r.limits;
    let _ = writeln!(
        s,
        "<h3 id=\"edges\">Edges and their evidence ({})</h3>\n<ol class=\"edges\">",
        ctx.edges.len()
    );
    if ctx.edges.is_empty() {
        s.push_str("<li class=\"muted\">no edges</li>\n");
    }
    let open = if ctx.edges.len() <= limits.edges_open {
        " open"
    } else {
        ""
    };
    for (n, e) in ctx.edges.iter().take(limits.edges).enumerate() {
        let arrow = if e.directed { "→" } else { "—" };
        let _ = write!(
            s,
            "<li id=\"edge-{n}\" class=\"edge\"><details{open}><summary>{} {arrow} {} \
             <span class=\"badge k-{}\">{} {:.2}</span> <span class=\"muted\">{} pair(s)\
             </span></summary>\n<ul>",
            Esc(&ctx.node_name(&e.source)),
            Esc(&ctx.node_name(&e.target)),
            e.kind.as_str(),
            e.kind.as_str(),
            e.confidence,
            e.pairs
        );
        for i in e.evidence.iter().take(limits.evidence) {
            evidence_item(s, ctx, i);
        }
        s.push_str("</ul>");
        if e.evidence.len() > limits.evidence {
            let _ = write!(
                s,
                "<p class=\"muted\">… {} more item(s): <code>quotetrace graph PATHS --format \
                 text</code></p>",
                e.evidence.len() - limits.evidence
            );
        }
        s.push_str("</details></li>\n");
    }
    s.push_str("</ol>\n");
    left_out(
        s,
        ctx.edges.len(),
        limits.edges,
        "edges",
        "quotetrace graph PATHS --format text",
    );
}

fn evidence_item(s: &mut String, ctx: &Ctx, i: &crate::provenance::Item) {
    let spots: Vec<String> = i
        .spots
        .iter()
        .map(|p| format!("{}:{}:{}", ctx.article_link(&p.article), p.line, p.column))
        .collect();
    let _ = write!(
        s,
        "<li><span class=\"badge\">{}</span> {:.2} “{}” <span class=\"muted\">({})</span></li>",
        i.kind.as_str(),
        i.weight,
        Esc(&shorten(&i.text.replace('\n', " "), 300)),
        spots.join(" ~ ")
    );
}

fn clusters_section(s: &mut String, ctx: &Ctx) {
    let clusters = &ctx.r.clustering.clusters;
    let limit = ctx.r.limits.clusters;
    let _ = writeln!(
        s,
        "<section id=\"clusters\"><h2>Quotes and their variants ({} clusters)</h2>\n\
         <p class=\"sub\">Each cluster holds every rendering of one utterance: the reference \
         rendering (fullest, best supported) first, then each variant with its word diff \
         from the reference: <del>words cut</del>, <ins>words added</ins>.</p>",
        clusters.len()
    );
    let open = ctx.open(clusters.len().min(limit));
    let mut shown = 0;
    for c in clusters.iter().take(limit) {
        if ctx.over_budget(s) {
            break;
        }
        cluster(s, ctx, c, open);
        shown += 1;
    }
    left_out(
        s,
        clusters.len(),
        shown,
        "clusters",
        "quotetrace quotes PATHS",
    );
    s.push_str("</section>\n");
}

fn worst(ctx: &Ctx, c: &Cluster) -> Option<Severity> {
    c.members
        .iter()
        .filter_map(|m| ctx.finding_of_quote.get(&m.quote))
        .map(|&f| ctx.r.findings[f].severity)
        .max()
}

fn cluster(s: &mut String, ctx: &Ctx, c: &Cluster, open: &str) {
    let quotes = ctx.r.quotes;
    let r = &quotes[c.reference];
    let speakers = if c.speakers.is_empty() {
        "unattributed".to_string()
    } else {
        c.speakers.join(", ")
    };
    let _ = writeln!(
        s,
        "<details id=\"cl-{}\" class=\"cluster\"{open}><summary><strong>#{}</strong> “{}” \
         <span class=\"muted\">{} · {} outlet(s) · {} rendering(s)</span> {}</summary>\n\
         <p class=\"meta\">outlets: {}</p>\n<table>",
        c.id,
        c.id,
        Esc(&shorten(&r.text.replace('\n', " "), 140)),
        Esc(&speakers),
        c.outlets.len(),
        c.members.len(),
        worst(ctx, c).map(severity_badge).unwrap_or_default(),
        Esc(&c.outlets.join("; "))
    );
    let ref_words = display_words(&r.text);
    let members = c.members.iter().filter(|m| m.quote == c.reference);
    let variants = c.members.iter().filter(|m| m.quote != c.reference);
    for m in members.chain(variants).take(ctx.r.limits.members) {
        member_row(s, ctx, c, m, &ref_words);
    }
    s.push_str("</table>\n");
    left_out(
        s,
        c.members.len(),
        ctx.r.limits.members,
        "renderings",
        &format!("quotetrace quotes PATHS --format json (cluster #{})", c.id),
    );
    s.push_str("</details>\n");
}

fn member_row(s: &mut String, ctx: &Ctx, c: &Cluster, m: &Member, ref_words: &[String]) {
    let q = &ctx.r.quotes[m.quote];
    let is_ref = m.quote == c.reference;
    let words = if is_ref {
        escape(&q.text)
    } else {
        diff_html(&m.diff, ref_words, &display_words(&q.text))
    };
    let relation = if is_ref {
        "reference".to_string()
    } else {
        format!(
            "{} · sim {:.2} · in {:.2}",
            relation_name(m.relation),
            m.similarity,
            m.containment
        )
    };
    let badges = ctx
        .finding_of_quote
        .get(&m.quote)
        .map(|&f| {
            let f = &ctx.r.findings[f];
            format!("{}{}", severity_badge(f.severity), class_badges(f))
        })
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "<tr{}><td class=\"words\" title=\"{}\">{words}</td><td class=\"meta\">{} {} · {}<br>{}<br>\
         speaker: {}<br>{badges}</td></tr>",
        if is_ref { " class=\"ref\"" } else { "" },
        Esc(&shorten(&q.text, LONG_TEXT)),
        Esc(&q.id),
        ctx.quote_place(m.quote),
        Esc(&ctx.r.articles[q.article_index].label()),
        Esc(&relation),
        Esc(q.speaker.as_deref().unwrap_or("unattributed")),
    );
}

/// A word diff as HTML: equal words as the variant writes them, cut words struck
/// through (`<del>`), added words marked (`<ins>`). Positions out of range show nothing.
pub fn diff_html(ops: &[Op], reference: &[String], variant: &[String]) -> String {
    let words = |ws: &[String], at: usize, len: usize| -> String {
        let end = (at + len).min(ws.len());
        escape(&ws.get(at.min(end)..end).unwrap_or(&[]).join(" "))
    };
    let mut parts: Vec<String> = Vec::with_capacity(ops.len());
    for op in ops {
        parts.push(match *op {
            Op::Equal {
                variant: v, len, ..
            } => words(variant, v, len),
            Op::Delete { reference: r, len } => format!("<del>{}</del>", words(reference, r, len)),
            Op::Insert { variant: v, len } => format!("<ins>{}</ins>", words(variant, v, len)),
            Op::Replace {
                reference: r,
                reference_len,
                variant: v,
                variant_len,
            } => format!(
                "<del>{}</del> <ins>{}</ins>",
                words(reference, r, reference_len),
                words(variant, v, variant_len)
            ),
        });
    }
    if parts.is_empty() {
        return escape(&variant.join(" "));
    }
    parts.join(" ")
}

fn findings_section(s: &mut String, ctx: &Ctx) {
    let fs = ctx.r.findings;
    let limit = ctx.r.limits.findings;
    let _ = writeln!(
        s,
        "<section id=\"findings\"><h2>Drift findings, most severe first ({})</h2>\n\
         <p class=\"sub\">Severity: info for verbatim and cosmetic; low for cuts; medium for \
         rewording and added words; high for an added condition, a flipped negation or \
         perspective, a changed attribution, or a quote no other article carries.</p>\n\
         <ol class=\"findings\">",
        fs.len()
    );
    if fs.is_empty() {
        s.push_str("<li class=\"muted\">no findings</li>\n");
    }
    let mut shown = 0;
    for (n, f) in fs.iter().take(limit).enumerate() {
        if ctx.over_budget(s) {
            break;
        }
        finding(s, ctx, n, f);
        shown += 1;
    }
    s.push_str("</ol>\n");
    left_out(s, fs.len(), shown, "findings", "quotetrace drift PATHS");
    s.push_str("</section>\n");
}

fn finding(s: &mut String, ctx: &Ctx, n: usize, f: &Finding) {
    let _ = writeln!(
        s,
        "<li id=\"f-{n}\" class=\"finding\">{} {} <code>{}</code> {} in {} “{}”",
        severity_badge(f.severity),
        ctx.quote_place(f.quote_index),
        Esc(&f.quote),
        class_badges(f),
        ctx.cluster_link(f.cluster),
        Esc(&shorten(&f.text, LONG_TEXT))
    );
    let _ = writeln!(
        s,
        "<div class=\"meta\">speaker: {}</div>",
        Esc(f.speaker.as_deref().unwrap_or("unattributed"))
    );
    if let Some(r) = &f.evidence.reference {
        let place = match ctx.quote_of_id.get(r.quote.as_str()) {
            Some(&qi) => ctx.quote_place(qi),
            None => escape(&format!("{}:{}:{}", r.article, r.line, r.column)),
        };
        let _ = writeln!(
            s,
            "<div class=\"vs\">vs <code>{}</code> {place} “{}”</div>\n<div class=\"diff\">\
             diff: {}</div>",
            Esc(&r.quote),
            Esc(&shorten(&r.text, 300)),
            diff_html(
                &f.evidence.diff,
                &display_words(&r.text),
                &display_words(&f.text)
            )
        );
    }
    let _ = writeln!(s, "<div class=\"why\">why: {}</div></li>", Esc(&f.reason));
}

fn articles_section(s: &mut String, ctx: &Ctx) {
    let articles = ctx.r.articles;
    let shown = ctx.shown_articles.iter().filter(|&&b| b).count();
    let _ = writeln!(
        s,
        "<section id=\"articles\"><h2>Articles ({})</h2>\n<p class=\"sub\">Each quote is \
         highlighted (hover it for speaker and kind), its speaker named beside it, and \
         the words that name the speaker underlined.</p>",
        articles.len()
    );
    let open = ctx.open(shown);
    let mut written = 0;
    for (i, a) in articles.iter().enumerate() {
        if !ctx.shown_articles[i] {
            continue;
        }
        if ctx.over_budget(s) {
            break;
        }
        article(s, ctx, i, a, open);
        written += 1;
    }
    left_out(
        s,
        articles.len(),
        written,
        "articles",
        "quotetrace extract PATHS",
    );
    s.push_str("</section>\n");
}

fn article(s: &mut String, ctx: &Ctx, i: usize, a: &Article, open: &str) {
    let qs = &ctx.quotes_of_article[i];
    let _ = writeln!(
        s,
        "<details id=\"art-{i}\" class=\"article\"{open}><summary><h3 style=\"display:inline\">\
         {}</h3> <span class=\"muted\">{} · {} quote(s)</span></summary>",
        Esc(a.title.as_deref().unwrap_or(&a.id)),
        Esc(&a.id),
        qs.len()
    );
    article_meta(s, ctx, a, qs);
    article_text(s, ctx, a, qs);
    citations(s, a);
    article_edges(s, ctx, i);
    s.push_str("</details>\n");
}

fn article_meta(s: &mut String, ctx: &Ctx, a: &Article, qs: &[usize]) {
    let unknown = "unknown";
    let mut speakers: Vec<(&str, usize)> = Vec::new();
    for &q in qs {
        let who = ctx.r.quotes[q].speaker.as_deref().unwrap_or("unattributed");
        match speakers.iter_mut().find(|(w, _)| *w == who) {
            Some((_, n)) => *n += 1,
            None => speakers.push((who, 1)),
        }
    }
    let speakers: Vec<String> = speakers
        .iter()
        .map(|(w, n)| format!("{} ({n})", Esc(w)))
        .collect();
    let _ = writeln!(
        s,
        "<p class=\"meta\">outlet: {} · date: {} · byline: {} · file: {}<br>url: {}<br>\
         speakers quoted: {}</p>",
        Esc(a.outlet.as_deref().unwrap_or(unknown)),
        Esc(a.date.as_deref().unwrap_or(unknown)),
        Esc(a.byline.as_deref().unwrap_or(unknown)),
        Esc(&a.source),
        Esc(a.url.as_deref().unwrap_or(unknown)),
        if speakers.is_empty() {
            "none".to_string()
        } else {
            speakers.join(", ")
        }
    );
}

/// A highlighted span of an article's text.
struct Span {
    start: usize,
    end: usize,
    quote: Option<usize>,
}

fn spans(ctx: &Ctx, qs: &[usize]) -> Vec<Span> {
    let mut v: Vec<Span> = Vec::with_capacity(qs.len() * 2);
    for &qi in qs {
        let q = &ctx.r.quotes[qi];
        // The marks belong to the highlight when they stand around the words.
        let (start, end) = if q.open <= q.start && q.close >= q.end {
            (q.open, q.close)
        } else {
            (q.start, q.end)
        };
        v.push(Span {
            start,
            end,
            quote: Some(qi),
        });
        if let (Some(start), Some(end)) = (q.speaker_start, q.speaker_end) {
            v.push(Span {
                start,
                end,
                quote: None,
            });
        }
    }
    v.sort_by_key(|p| (p.start, p.quote.is_none(), p.end));
    v
}

fn article_text(s: &mut String, ctx: &Ctx, a: &Article, qs: &[usize]) {
    let text = &a.text;
    let cut = floor_char_boundary(text, ctx.r.limits.article_bytes);
    s.push_str("<div class=\"text\">");
    let mut at = 0;
    let mut anchored: HashSet<usize> = HashSet::new();
    for p in spans(ctx, qs) {
        let ok = p.start >= at
            && p.end <= cut
            && p.start <= p.end
            && text.is_char_boundary(p.start)
            && text.is_char_boundary(p.end);
        if !ok {
            continue;
        }
        let _ = write!(s, "{}", Esc(&text[at..p.start]));
        let inner = Esc(&text[p.start..p.end]);
        match p.quote {
            Some(qi) => {
                let q = &ctx.r.quotes[qi];
                let who = q.speaker.as_deref().unwrap_or("unattributed");
                let _ = write!(
                    s,
                    "<mark id=\"q-{qi}\" class=\"{}\" title=\"{} · {} · {} · {}:{}\">{inner}</mark>\
                     <span class=\"who\">{}</span>",
                    q.kind.as_str(),
                    Esc(who),
                    q.kind.as_str(),
                    Esc(&q.id),
                    q.line,
                    q.column,
                    Esc(&shorten(who, 30))
                );
                anchored.insert(qi);
            }
            None => {
                let _ = write!(s, "<span class=\"spk\">{inner}</span>");
            }
        }
        at = p.end;
    }
    let _ = writeln!(s, "{}</div>", Esc(&text[at.min(cut)..cut]));
    unanchored_quotes(s, ctx, qs, &anchored, cut < text.len());
}

/// Quotes past the cut (or overlapping another) still get an anchor, listed below.
fn unanchored_quotes(s: &mut String, ctx: &Ctx, qs: &[usize], done: &HashSet<usize>, cut: bool) {
    if cut {
        let _ = writeln!(
            s,
            "<p class=\"note\">Text cut at {} KB.</p>",
            ctx.r.limits.article_bytes / 1000
        );
    }
    let rest: Vec<usize> = qs.iter().copied().filter(|q| !done.contains(q)).collect();
    if rest.is_empty() {
        return;
    }
    s.push_str("<ul class=\"meta\">");
    for qi in rest {
        let q = &ctx.r.quotes[qi];
        let _ = write!(
            s,
            "<li id=\"q-{qi}\">{} {}:{}:{} {}: “{}”</li>",
            Esc(&q.id),
            Esc(&q.article),
            q.line,
            q.column,
            Esc(q.speaker.as_deref().unwrap_or("unattributed")),
            Esc(&shorten(&q.text, 200))
        );
    }
    s.push_str("</ul>\n");
}

fn citations(s: &mut String, a: &Article) {
    if a.cites.is_empty() {
        s.push_str("<p class=\"meta\">cites: no source named</p>\n");
        return;
    }
    s.push_str("<p class=\"meta\">cites:</p><ul class=\"meta\">");
    for c in &a.cites {
        let at = c
            .start
            .filter(|&p| p <= a.text.len())
            .map(|p| format!(" at {}", a.locate(p)))
            .unwrap_or_default();
        let _ = write!(
            s,
            "<li>{} ({}){}{}</li>",
            Esc(&c.outlet),
            Esc(&c.how),
            Esc(&at),
            c.url
                .as_deref()
                .map(|u| format!(" · {}", Esc(u)))
                .unwrap_or_default()
        );
    }
    s.push_str("</ul>\n");
}

fn article_edges(s: &mut String, ctx: &Ctx, i: usize) {
    let es = &ctx.edges_of_article[i];
    if es.is_empty() {
        s.push_str("<p class=\"meta\">edges: none</p>\n");
        return;
    }
    s.push_str(
        "<p class=\"meta\">edges of its node in the provenance graph:</p><ul class=\"meta\">",
    );
    for &e in es.iter().take(ctx.r.limits.edges_per_article) {
        let edge = ctx.edges[e];
        let arrow = if edge.directed { "→" } else { "—" };
        let what = format!(
            "{} {arrow} {} ({} {:.2})",
            ctx.node_name(&edge.source),
            ctx.node_name(&edge.target),
            edge.kind.as_str(),
            edge.confidence
        );
        match ctx.edge_href(e) {
            Some(h) => {
                let _ = write!(s, "<li><a href=\"{h}\">{}</a></li>", Esc(&what));
            }
            None => {
                let _ = write!(s, "<li>{}</li>", Esc(&what));
            }
        }
    }
    s.push_str("</ul>\n");
    if es.len() > ctx.r.limits.edges_per_article {
        let _ = writeln!(
            s,
            "<p class=\"muted\">… {} more edge(s)</p>",
            es.len() - ctx.r.limits.edges_per_article
        );
    }
}

/// The largest char boundary at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Adds `id`, `URL` and `tooltip` to every node and edge statement of the DOT that
/// `render::dot::provenance` wrote (one statement per line: nodes in `Graph::nodes`
/// order, then edges in `Graph::edges` order), and leaves out the nodes that are not
/// [`Ctx::drawn`]. On the page the evidence is a hover or a
/// click away, so edge labels shrink to kind and confidence (none on large graphs) and
/// ranks run top to bottom: the drawing fits the page's width. If the lines do not line
/// up with the graph, the DOT is returned as it was: a drawing without links beats a
/// wrong link.
fn link_dot(base: &str, ctx: &Ctx) -> String {
    let is_statement = |l: &str| l.starts_with("  \"") && l.ends_with("];");
    let count = base.lines().filter(|l| is_statement(l)).count();
    if count != ctx.nodes.len() + ctx.edges.len() {
        return base.to_string();
    }
    let mut out = String::with_capacity(base.len() * 2);
    let mut k = 0;
    for line in base.lines() {
        if line == "}" {
            out.push_str("  graph [rankdir=TB];\n");
        }
        if !is_statement(line) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if k < ctx.nodes.len() && !ctx.drawn(k) {
            k += 1;
            continue;
        }
        let (id, url, tip, label) = if k < ctx.nodes.len() {
            let n = ctx.nodes[k];
            (
                format!("gn{k}"),
                ctx.node_href(n),
                node_tooltip(ctx, n),
                None,
            )
        } else {
            let e = k - ctx.nodes.len();
            let href = ctx.edge_href(e).unwrap_or_else(|| "#edges".into());
            let edge = ctx.edges[e];
            let label = if ctx.nodes.len() > SMALL_GRAPH {
                String::new()
            } else {
                format!("{} {:.2}", edge.kind.as_str(), edge.confidence)
            };
            (format!("ge{e}"), href, edge_tooltip(ctx, edge), Some(label))
        };
        let label = label
            .map(|l| format!(", label={}", super::dot::quoted(&l)))
            .unwrap_or_default();
        // Graphviz keeps `&…;` entities as they are: escape `&` so tooltips show it.
        let tip = super::dot::quoted(&tip.replace('&', "&amp;"));
        let _ = writeln!(
            out,
            "{}, id=\"{id}\", URL=\"{url}\", tooltip={tip}, labeltooltip={tip}{label}];",
            &line[..line.len() - 2]
        );
        k += 1;
    }
    out
}

/// Characters of a quote shown where the whole of it is not needed (the article view
/// always has it whole).
const LONG_TEXT: usize = 1_000;

/// Graphs up to this many nodes get edge labels in the drawing.
const SMALL_GRAPH: usize = 150;

/// Elements a Graphviz drawing is made of; anything else keeps the SVG out.
const SVG_TAGS: &[&str] = &[
    "svg",
    "g",
    "title",
    "desc",
    "a",
    "path",
    "polygon",
    "polyline",
    "ellipse",
    "circle",
    "line",
    "rect",
    "text",
    "tspan",
    "defs",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
];

/// Graphviz's SVG made ready to inline, or None if it holds anything but a drawing.
///
/// Keeps the document from `<svg` to `</svg>`, drops comments, and checks every tag:
/// the element on [`SVG_TAGS`], no `on…` event attribute, links (`href`) only to
/// anchors inside the page, `url(…)` only to local ids, no `<!DOCTYPE>`, CDATA or
/// processing instruction. The `<title>` of each node and edge group named `gnN` /
/// `geN` is replaced by `title(id)` (escaped): that is what browsers show on hover.
pub fn inert_svg(svg: &str, title: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let start = svg.find("<svg")?;
    let end = svg.rfind("</svg>")? + "</svg>".len();
    let mut rest = svg.get(start..end)?;
    let mut out = String::with_capacity(rest.len() + rest.len() / 4);
    let mut pending: Option<String> = None;
    let mut replacing = false;
    while let Some(lt) = rest.find('<') {
        if !replacing {
            out.push_str(&rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
            continue;
        }
        let len = tag_len(rest)?;
        let tag = parse_tag(&rest[..len])?;
        if !tag.is_inert() {
            return None;
        }
        out.push_str(&rest[..len]);
        rest = &rest[len..];
        match (tag.closing, tag.name.as_str()) {
            (false, "g") => {
                pending = tag.attr("id").and_then(title);
            }
            (false, "title") => {
                if let Some(t) = pending.take() {
                    let _ = write!(out, "{}", Esc(&t));
                    replacing = true;
                }
            }
            (true, "title") => replacing = false,
            _ => {}
        }
    }
    (!replacing && rest.trim().is_empty()).then_some(out)
}

/// Length of the tag at the start of `s` (through its `>`), quotes respected.
fn tag_len(s: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match b {
            b'"' => quoted = !quoted,
            b'>' if !quoted => return Some(i + 1),
            b'<' if !quoted => return None,
            _ => {}
        }
    }
    None
}

struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn is_inert(&self) -> bool {
        SVG_TAGS.contains(&self.name.as_str())
            && self.attrs.iter().all(|(n, v)| attr_is_inert(n, v))
    }
}

fn attr_is_inert(name: &str, value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    let local_urls = v
        .match_indices("url(")
        .all(|(i, _)| v[i + 4..].starts_with('#'));
    let plain = !v.contains("javascript:") && !v.contains("expression") && !v.contains("@import");
    if name.starts_with("on") {
        return false;
    }
    if name == "xmlns" || name.starts_with("xmlns:") {
        return true;
    }
    if name.ends_with("href") {
        return value.starts_with('#') && plain;
    }
    local_urls && plain && !v.contains('\\')
}

/// `<name a="v" …>`, `</name>` or `<name …/>`; None for anything else (doctype, CDATA,
/// processing instructions, unquoted or single-quoted attributes).
fn parse_tag(tag: &str) -> Option<Tag> {
    let inner = tag.strip_prefix('<')?.strip_suffix('>')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '_' || c == '-'))
        .unwrap_or(inner.len());
    if name_len == 0 {
        return None;
    }
    let name = inner[..name_len].to_ascii_lowercase();
    let mut rest = &inner[name_len..];
    let mut attrs = Vec::new();
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        if trimmed.len() == rest.len() || closing {
            return None;
        }
        let eq = trimmed.find('=')?;
        let attr = trimmed[..eq].trim().to_ascii_lowercase();
        let value = trimmed[eq + 1..].strip_prefix('"')?;
        let close = value.find('"')?;
        if attr.is_empty()
            || !attr
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ":-_".contains(c))
        {
            return None;
        }
        attrs.push((attr, value[..close].to_string()));
        rest = &value[close + 1..];
    }
    Some(Tag {
        name,
        closing,
        attrs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{corpus, pipeline, provenance};

    /// Renders three small articles that quote one another, with `limits`.
    fn render_small(limits: Limits) -> (String, String) {
        let texts = [
            "One\n\n\"We will not pay, ever, for anything,\" Ana Ruiz said, according to Reuters.",
            "Two\n\n\"We will not pay for anything,\" Ana Ruiz said. \"Talks end now,\" she added.",
            "Three\n\n\"We will never pay for anything,\" Ana Ruiz said on Tuesday.",
        ];
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| corpus::article_from_text(&format!("a{i}"), t))
            .collect();
        let run = pipeline::run(&articles, &provenance::Config::default(), |_| {});
        let report = Report {
            name: "small",
            articles: &articles,
            problems: &[],
            quotes: &run.quotes,
            clustering: &run.clustering,
            findings: &run.findings,
            graph: &run.graph,
            drawing: Drawing::Unavailable("not drawn in tests.".into()),
            limits,
        };
        (report.render(), report.graph_dot())
    }

    #[test]
    fn sections_are_capped_with_a_note() {
        let (full, dot) = render_small(Limits::default());
        assert!(
            !full.contains("not shown here"),
            "nothing is capped by default"
        );
        assert!(full.contains("id=\"art-2\"") && full.contains("No drawing: not drawn"));
        assert!(
            dot.contains("URL=\"#art-0\"") && dot.contains("id=\"gn0\""),
            "{dot}"
        );
        let (capped, _) = render_small(Limits {
            articles: 1,
            clusters: 1,
            findings: 1,
            members: 1,
            edges: 0,
            ..Limits::default()
        });
        for what in ["articles", "clusters", "findings"] {
            assert!(
                capped.contains(&format!("more {what} not shown here")),
                "no note for {what}"
            );
        }
        assert_eq!(capped.matches("class=\"article\"").count(), 1);
        assert_eq!(capped.matches("class=\"finding\"").count(), 1);
        // Links point only at what the page holds.
        for (i, _) in capped.match_indices("href=\"#") {
            let id = &capped[i + 7..i + 7 + capped[i + 7..].find('"').unwrap()];
            let held = [
                "numbers", "graph", "clusters", "findings", "articles", "edges",
            ]
            .contains(&id)
                || capped.contains(&format!("id=\"{id}\""));
            assert!(held, "dangling link #{id}");
        }
        let (tiny, _) = render_small(Limits {
            budget: 0,
            ..Limits::default()
        });
        assert!(tiny.contains("more clusters not shown here") && tiny.ends_with("</html>\n"));
    }

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            escape("</script><b a='1'>&\"\0"),
            "&lt;/script&gt;&lt;b a=&#39;1&#39;&gt;&amp;&quot;\u{FFFD}"
        );
        assert_eq!(escape("plain – ü"), "plain – ü");
    }

    #[test]
    fn diff_strikes_cut_words_and_marks_added_ones() {
        let r: Vec<String> = ["we", "are", "<ready>"].map(String::from).to_vec();
        let v: Vec<String> = ["we", "were", "ready", "now"].map(String::from).to_vec();
        let ops = [
            Op::Equal {
                reference: 0,
                variant: 0,
                len: 1,
            },
            Op::Replace {
                reference: 1,
                reference_len: 2,
                variant: 1,
                variant_len: 2,
            },
            Op::Insert { variant: 3, len: 5 },
        ];
        assert_eq!(
            diff_html(&ops, &r, &v),
            "we <del>are &lt;ready&gt;</del> <ins>were ready</ins> <ins>now</ins>"
        );
    }

    #[test]
    fn svg_allowlist_keeps_drawings_and_rejects_scripts() {
        let none = |_: &str| None;
        let ok =
            "<?xml?><!DOCTYPE svg><svg width=\"1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\
                  <!-- c --><g id=\"ge0\" class=\"edge\"><title>a&#45;&gt;b</title>\
                  <a xlink:href=\"#edge-0\"><path fill=\"url(#l0)\" d=\"M0\"/></a></g></svg>";
        let kept = inert_svg(ok, &none).unwrap();
        assert!(kept.starts_with("<svg") && !kept.contains("<!--"), "{kept}");
        let titled = inert_svg(ok, &|id: &str| Some(format!("<{id}> & co"))).unwrap();
        assert!(
            titled.contains("<title>&lt;ge0&gt; &amp; co</title>"),
            "{titled}"
        );
        for bad in [
            "<svg><script>alert(1)</script></svg>",
            "<svg onload=\"alert(1)\"></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"></a></svg>",
            "<svg><a href=\"https://example.com\"></a></svg>",
            "<svg><image href=\"#x\"/></svg>",
            "<svg><foreignObject></foreignObject></svg>",
            "<svg><path fill=\"url(https://x/y)\"/></svg>",
            "<svg><g id='x'></g></svg>",
            "<svg><![CDATA[x]]></svg>",
        ] {
            assert!(inert_svg(bad, &none).is_none(), "{bad}");
        }
    }
}
