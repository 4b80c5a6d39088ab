//! Stage 5: which outlet appears to derive from which, and why.
//!
//! A citation the article states gives a directed `cited` edge, unless it was copied
//! with the sentence around it from the article that made it. Otherwise the evidence
//! items between two articles (see [`evidence`]), weighed by their rarity in the corpus
//! and within the story, add up to a score; a pair with enough score and at least two
//! distinct items is a candidate. Each article without a stated source then takes at
//! most one candidate as its source (see [`forest`]): copies of one source are not
//! linked to each other. Dates give the direction (the later derives from the earlier);
//! without them the link is an undirected `shares-source` edge, never a guessed arrow. A
//! cited outlet outside the corpus becomes the likely common source of the articles that
//! share wording with its citer (`latent-source`, dashed).
//!
//! Cost: evidence from an inverted index of compact features, so pairs come only from
//! rare features (at most `max_df` articles each) that two articles share twice or more;
//! every pair is scored from the index and keeps a score, only candidates keep their
//! evidence (a few words an item), and the items' words and spots are written for the
//! links kept. Memory is the index (about 8 bytes a prose word) and the candidates'
//! compact evidence; the graph is held in petgraph for its algorithms.

pub mod evidence;
mod forest;

use crate::corpus::Article;
use crate::quotes::Quote;
use crate::variants::Clustering;
pub use evidence::{Item, Kind, Spot};
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Thresholds of the graph, in one place (documented in README.md).
#[derive(Debug, Clone)]
pub struct Config {
    pub evidence: evidence::Config,
    /// Summed evidence weight a pair needs to be linked.
    pub min_score: f64,
    /// Distinct evidence items a link needs.
    pub min_items: usize,
    /// Inferred edges below this confidence are dropped.
    pub min_confidence: f64,
    /// A link's score must reach this share of the best score of either end.
    pub near_best: f64,
    pub level: Level,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            evidence: evidence::Config::default(),
            min_score: 1.2,
            min_items: 2,
            min_confidence: 0.0,
            near_best: 0.8,
            level: Level::Outlet,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Outlet,
    Article,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    Cited,
    Derived,
    SharesSource,
    LatentSource,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Cited => "cited",
            EdgeKind::Derived => "derived",
            EdgeKind::SharesSource => "shares-source",
            EdgeKind::LatentSource => "latent-source",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// An article of the corpus (article level).
    Article,
    /// An outlet with articles in the corpus (outlet level).
    Outlet,
    /// An outlet cited but absent from the corpus.
    External,
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    pub articles: Vec<String>,
    /// Publication dates of its articles, where known.
    pub dates: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub directed: bool,
    pub confidence: f64,
    /// The article pairs under this edge (outlet level aggregates them).
    pub pairs: usize,
    /// Strongest first.
    pub evidence: Vec<Item>,
}

/// The provenance graph: petgraph holds it; nodes and edges carry their evidence.
#[derive(Debug, Clone)]
pub struct Graph {
    pub graph: DiGraph<Node, Edge>,
}

impl Graph {
    /// Nodes in a stable order.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Edges in a stable order: cited first, then by confidence, then by ends.
    pub fn edges(&self) -> Vec<&Edge> {
        let mut v: Vec<&Edge> = self.graph.edge_weights().collect();
        v.sort_by(|a, b| {
            rank(a.kind)
                .cmp(&rank(b.kind))
                .then(b.confidence.total_cmp(&a.confidence))
                .then(a.source.cmp(&b.source))
                .then(a.target.cmp(&b.target))
        });
        v
    }
}

fn rank(k: EdgeKind) -> u8 {
    match k {
        EdgeKind::Cited => 0,
        EdgeKind::Derived => 1,
        EdgeKind::SharesSource => 2,
        EdgeKind::LatentSource => 3,
    }
}

/// An edge between two articles, or from an external outlet to an article.
#[derive(Debug, Clone)]
struct Link {
    from: End,
    to: usize,
    kind: EdgeKind,
    confidence: f64,
    evidence: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    Article(usize),
    External(String),
}

pub fn build(
    articles: &[Article],
    quotes: &[Quote],
    clustering: &Clustering,
    cfg: &Config,
) -> Graph {
    let n = articles.len();
    let index = evidence::Index::new(articles, quotes, clustering, &cfg.evidence);
    let partners: Vec<Vec<u32>> = (0..n)
        .into_par_iter()
        .map(|a| index.partners(a, cfg.min_items))
        .collect();
    // The story an article belongs to, as far as evidence shows it: the articles it
    // shares anything with. A feature most of that story carries is the story's common
    // wording, not a sign of who copied whom.
    let mut degree = vec![0usize; n];
    for (a, list) in partners.iter().enumerate() {
        degree[a] += list.len();
        for &b in list {
            degree[b as usize] += 1;
        }
    }
    // Every pair is scored and only the scores are kept: the evidence, with its words
    // and spots, is written for the links that survive reduction.
    type Scored = (Vec<(u32, f64)>, Vec<(u32, f64)>);
    let scored: Vec<Scored> = partners
        .par_iter()
        .enumerate()
        .map(|(a, list)| {
            let mut all = Vec::new();
            let mut candidates = Vec::new();
            for &b in list {
                let story = degree[a].max(degree[b as usize]) + 1;
                let evs = index.evidence(a, b as usize, story);
                if evs.is_empty() {
                    continue;
                }
                let score: f64 = evs.iter().map(|e| e.weight).sum();
                all.push((b, score));
                if score >= cfg.min_score && evs.len() >= cfg.min_items {
                    candidates.push((b, score));
                }
            }
            all.shrink_to_fit();
            (all, candidates)
        })
        .collect();
    drop(partners);
    crate::memory::release();
    let mut partners: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
    let mut inferred = forest::Inferred::new();
    for (a, (all, candidates)) in scored.into_iter().enumerate() {
        for &(b, score) in &all {
            partners[a].push((b, score));
            partners[b as usize].push((a as u32, score));
        }
        for (b, score) in candidates {
            inferred.insert((a, b as usize), score);
        }
    }
    for list in &mut partners {
        list.sort_unstable_by_key(|x| x.0);
    }
    let mut links = citations(articles, &partners, cfg.min_score);
    let best: Vec<f64> = partners
        .iter()
        .map(|l| l.iter().map(|x| x.1).fold(0.0, f64::max))
        .collect();
    drop(partners);
    crate::memory::release();
    let cited_pairs: BTreeSet<(usize, usize)> = links
        .iter()
        .filter_map(|l| match l.from {
            End::Article(a) => Some((a.min(l.to), a.max(l.to))),
            End::External(_) => None,
        })
        .collect();
    inferred.retain(|k, _| !cited_pairs.contains(k));
    let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
    // A source outside the corpus does not say which article of the corpus, if any, the
    // citer also drew on.
    let mut sourced = vec![false; n];
    let mut outside: Vec<Vec<&str>> = vec![Vec::new(); n];
    for l in &links {
        match &l.from {
            End::Article(_) => sourced[l.to] = true,
            End::External(o) => outside[l.to].push(o.as_str()),
        }
    }
    // Two articles citing one outlet outside the corpus are copies of it, not of each
    // other (the latent source shows what they share).
    let kin = |a: usize, b: usize| outside[a].iter().any(|o| outside[b].contains(o));
    forest::choose_sources(&mut inferred, &sourced, &dates, &best, cfg.near_best, kin);
    let kept: Vec<((usize, usize), f64, Vec<Item>)> = inferred
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|((a, b), score)| {
            // The evidence of the few links kept is computed again rather than held for
            // every candidate pair: at 100k articles that held half a gigabyte.
            let story = degree[a].max(degree[b]) + 1;
            let items = index
                .evidence(a, b, story)
                .iter()
                .map(|e| index.item(a, b, e))
                .collect();
            ((a, b), score, items)
        })
        .collect();
    // The index (every article's prose words, the shingle postings) is the largest
    // thing alive here and is not needed again: freed before the graph is made, it is
    // not in the peak.
    drop(index);
    crate::memory::release();
    let latent = latent_sources(articles, &kept);
    for ((a, b), score, items) in kept {
        let confidence = round2(score / (score + 2.0)).min(0.9);
        if confidence < cfg.min_confidence {
            continue;
        }
        let (kind, from, to) = match (&articles[a].date, &articles[b].date) {
            (Some(da), Some(db)) if da < db => (EdgeKind::Derived, a, b),
            (Some(da), Some(db)) if db < da => (EdgeKind::Derived, b, a),
            _ => (EdgeKind::SharesSource, a, b),
        };
        links.push(Link {
            from: End::Article(from),
            to,
            kind,
            confidence,
            evidence: items,
        });
    }
    links.extend(latent);
    assemble(articles, links, cfg.level)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Stated citations: to the citing article from the cited article when the corpus holds
/// it, else from the outlet as a node of its own. The cited article is the one whose URL
/// the citation gives; failing that, of the cited outlet's articles not dated after the
/// citing one, the one sharing the most evidence with it (an outlet covers many stories,
/// and its latest article is seldom the one cited). With no such evidence the outlet
/// itself is the source: naming an article would be a guess.
///
/// A citation copied with the sentence around it names the source's source: the
/// article it was copied from gives the same citing line and shares more with the
/// copy than the cited article does. Such a citation links nothing; the copy's own
/// source is for the evidence to find. A numbered source list and a wire dateline are
/// written for the article that carries them (a rewrite drops its source's list), so
/// they are taken as stated.
///
/// `partners[i]`: every article sharing evidence with `i`, with the pair's score, sorted.
fn citations(articles: &[Article], partners: &[Vec<(u32, f64)>], min_score: f64) -> Vec<Link> {
    let mut by_url: BTreeMap<&str, usize> = BTreeMap::new();
    for (j, o) in articles.iter().enumerate() {
        if let Some(u) = o.url.as_deref() {
            by_url.entry(u).or_insert(j);
        }
    }
    let shared = |i: usize, j: usize| -> f64 {
        let list = &partners[i];
        list.binary_search_by_key(&(j as u32), |x| x.0)
            .map_or(0.0, |k| list[k].1)
    };
    let not_later =
        |o: &Article, a: &Article| o.date.is_none() || a.date.is_none() || o.date <= a.date;
    // The words of the sentence that names the outlet: a copied citation keeps most of
    // them through a rewriter's synonyms.
    let words_of = |a: &Article, c: &crate::corpus::Citation| -> Vec<String> {
        let (s, e) = match (c.start, c.end) {
            (Some(s), Some(e)) if e > s => (s, e),
            _ => return vec![c.how.clone()],
        };
        let line = &a.text[s..e];
        let sentence = match line.find(c.outlet.as_str()) {
            Some(at) => {
                let from = line[..at].rfind(['.', '!', '?']).map_or(0, |p| p + 1);
                let to = line[at + c.outlet.len()..]
                    .find(['.', '!', '?'])
                    .map_or(line.len(), |p| at + c.outlet.len() + p);
                &line[from..to]
            }
            None => line,
        };
        let mut w: Vec<String> = crate::text::tokens(sentence)
            .into_iter()
            .map(|t| t.norm)
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let alike = |x: &[String], y: &[String]| -> bool {
        let common = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
        let union = x.len() + y.len() - common;
        union > 0 && common * 5 >= union * 3
    };
    // How much more the copied-from article must share with the copy than the cited one.
    let factor = 1.15;
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        for c in &a.cites {
            let url_match = c
                .url
                .as_deref()
                .and_then(|u| by_url.get(u).copied())
                .filter(|&j| j != i);
            let source = url_match.or_else(|| {
                partners[i]
                    .iter()
                    .map(|&(j, s)| (s, j as usize))
                    .filter(|&(_, j)| articles[j].outlet.as_deref() == Some(c.outlet.as_str()))
                    .filter(|&(_, j)| not_later(&articles[j], a))
                    .filter(|&(s, _)| s > 0.0)
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
                    .map(|(_, j)| j)
            });
            let how = c.how.to_lowercase();
            let apparatus = how.contains("list") || how.contains("dateline");
            let stated = source.map_or(0.0, |j| shared(i, j));
            // The citing sentence's words, read once for all the partners compared.
            let mine = std::cell::OnceCell::new();
            let inherited = !apparatus
                && partners[i].iter().any(|&(k, s)| {
                    let k = k as usize;
                    let o = &articles[k];
                    Some(k) != source
                        && s > factor * stated
                        && s >= min_score
                        && o.outlet.as_deref() != Some(c.outlet.as_str())
                        && not_later(o, a)
                        && o.cites.iter().any(|d| {
                            d.outlet == c.outlet
                                && alike(&words_of(o, d), mine.get_or_init(|| words_of(a, c)))
                        })
                });
            if inherited {
                continue;
            }
            let (start, end) = match (c.start, c.end) {
                (Some(s), Some(e)) => (s, e),
                _ => (0, 0),
            };
            let line = if end > start {
                a.text[start..end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                c.how.clone()
            };
            let item = Item {
                kind: Kind::Citation,
                text: format!("{} ({})", line, c.how),
                weight: 1.0,
                spots: vec![Spot::new(a, start, end)],
                key: evidence::key("c", &c.outlet),
            };
            out.push(Link {
                from: source.map_or_else(|| End::External(c.outlet.clone()), End::Article),
                to: i,
                kind: EdgeKind::Cited,
                confidence: 0.95,
                evidence: vec![item],
            });
        }
    }
    out
}

/// A cited outlet absent from the corpus is the likely common source of the articles
/// that share wording with the article citing it.
fn latent_sources(articles: &[Article], kept: &[((usize, usize), f64, Vec<Item>)]) -> Vec<Link> {
    let present: BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    let mut out = Vec::new();
    for &((a, b), _, ref items) in kept {
        for (citer, other) in [(a, b), (b, a)] {
            for c in &articles[citer].cites {
                if present.contains(c.outlet.as_str()) {
                    continue;
                }
                let strongest = items.first().map(|i| i.text.clone()).unwrap_or_default();
                let item = Item {
                    kind: Kind::LatentSource,
                    text: format!(
                        "{} cites {}; {} shares its wording (\"{}\")",
                        articles[citer].id,
                        c.outlet,
                        articles[other].id,
                        crate::text::shorten(&strongest, 60)
                    ),
                    weight: 0.5,
                    spots: items.first().map(|i| i.spots.clone()).unwrap_or_default(),
                    key: evidence::key("l", &format!("{}:{other}", c.outlet)),
                };
                out.push(Link {
                    from: End::External(c.outlet.clone()),
                    to: other,
                    kind: EdgeKind::LatentSource,
                    confidence: 0.4,
                    evidence: vec![item],
                });
            }
        }
    }
    out
}

/// Turns article links into the graph at the requested level.
fn assemble(articles: &[Article], links: Vec<Link>, level: Level) -> Graph {
    let node_of = |a: usize| -> (String, String, NodeKind) {
        let art = &articles[a];
        match (level, &art.outlet) {
            (Level::Outlet, Some(o)) => (format!("outlet:{o}"), o.clone(), NodeKind::Outlet),
            (Level::Outlet, None) => (
                format!("article:{}", art.id),
                art.label(),
                NodeKind::Article,
            ),
            (Level::Article, _) => (
                format!("article:{}", art.id),
                format!("{} ({})", art.label(), art.id),
                NodeKind::Article,
            ),
        }
    };
    let mut graph: DiGraph<Node, Edge> = DiGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    let mut add = |graph: &mut DiGraph<Node, Edge>,
                   id: String,
                   label: String,
                   kind: NodeKind,
                   article: Option<usize>| {
        let ix = *index.entry(id.clone()).or_insert_with(|| {
            graph.add_node(Node {
                id,
                label,
                kind,
                articles: Vec::new(),
                dates: Vec::new(),
            })
        });
        if let Some(a) = article {
            let n = &mut graph[ix];
            n.articles.push(articles[a].id.clone());
            if let Some(d) = &articles[a].date {
                n.dates.push(d.clone());
            }
        }
        ix
    };
    for a in 0..articles.len() {
        let (id, label, kind) = node_of(a);
        add(&mut graph, id, label, kind, Some(a));
    }
    // Aggregate links that fall on the same pair of nodes.
    let mut edges: BTreeMap<(String, String, u8), Edge> = BTreeMap::new();
    for l in links {
        let (src, src_label, src_kind, src_article) = match &l.from {
            End::Article(a) => {
                let (id, label, kind) = node_of(*a);
                (id, label, kind, Some(*a))
            }
            End::External(o) => (format!("outlet:{o}"), o.clone(), NodeKind::External, None),
        };
        let (dst, dst_label, dst_kind) = node_of(l.to);
        add(&mut graph, src.clone(), src_label, src_kind, src_article);
        add(&mut graph, dst.clone(), dst_label, dst_kind, Some(l.to));
        if src == dst {
            continue;
        }
        let directed = l.kind != EdgeKind::SharesSource;
        let (s, t) = if directed || src < dst {
            (src, dst)
        } else {
            (dst, src)
        };
        let e = edges
            .entry((s.clone(), t.clone(), rank(l.kind)))
            .or_insert_with(|| Edge {
                source: s,
                target: t,
                kind: l.kind,
                directed,
                confidence: 0.0,
                pairs: 0,
                evidence: Vec::new(),
            });
        e.pairs += 1;
        e.confidence = e.confidence.max(l.confidence);
        e.evidence.extend(l.evidence);
        e.evidence
            .sort_by(|x, y| y.weight.total_cmp(&x.weight).then(x.key.cmp(&y.key)));
        e.evidence
            .dedup_by(|x, y| x.key == y.key && x.spots == y.spots);
    }
    // Sorted once at the end: an outlet node gathers thousands of articles.
    for n in graph.node_weights_mut() {
        n.articles.sort();
        n.articles.dedup();
        n.dates.sort();
        n.dates.dedup();
    }
    for ((s, t, _), e) in edges {
        graph.add_edge(index[&s], index[&t], e);
    }
    Graph { graph }
}
