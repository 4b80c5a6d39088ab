//! Scores a run against known truth (the synthetic corpora of `quotetrace-synth` write
//! it beside the articles): quote precision and recall, speaker accuracy, pairwise
//! precision, recall and F1 of the quote clusters, edge precision and recall of the
//! provenance graph, and drift-class accuracy on the mutated quotes.
//!
//! Cost: linear in quotes and edges (cluster pairs are counted from a contingency table,
//! never enumerated).

use crate::drift::{Class, Finding};
use crate::provenance::{EdgeKind, Graph};
use crate::quotes::Quote;
use crate::variants::Clustering;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Deserialize)]
pub struct Truth {
    pub quotes: Vec<TruthQuote>,
    pub edges: Vec<TruthEdge>,
}

#[derive(Debug, Deserialize)]
pub struct TruthQuote {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub utterance: String,
    #[serde(default)]
    pub mutation: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct TruthEdge {
    pub source: String,
    pub target: String,
    #[serde(default)]
    pub kind: Option<String>,
}

/// The figures, each with what it counts.
#[derive(Debug, Serialize, Default)]
pub struct Scores {
    pub quotes_true: usize,
    pub quotes_found: usize,
    pub quotes_matched: usize,
    pub quote_precision: f64,
    pub quote_recall: f64,
    pub speaker_accuracy: f64,
    pub cluster_precision: f64,
    pub cluster_recall: f64,
    pub cluster_f1: f64,
    pub edges_true: usize,
    pub edges_found: usize,
    pub edge_precision: f64,
    pub edge_recall: f64,
    pub drift_mutated: usize,
    pub drift_accuracy: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        return 1.0;
    }
    (a as f64 / b as f64 * 10_000.0).round() / 10_000.0
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64).saturating_sub(1) / 2
}

/// The drift class a truth mutation should produce.
fn expected_class(mutation: &str) -> Option<&'static [Class]> {
    Some(match mutation {
        "truncated" => &[Class::Truncated],
        "spliced" => &[Class::Spliced],
        "word-swap" | "tense-change" => &[Class::Reworded],
        "pronoun-change" => &[Class::PerspectiveFlip, Class::Reworded],
        "condition-added" => &[Class::ConditionAdded],
        "misattributed" => &[Class::AttributionDrift],
        "invented" => &[Class::Uncorroborated],
        _ => return None,
    })
}

pub fn score(
    truth: &Truth,
    quotes: &[Quote],
    clustering: &Clustering,
    findings: &[Finding],
    graph: &Graph,
) -> Scores {
    // Match each true quote to the found quote of its article whose span overlaps most.
    let mut by_article: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, q) in quotes.iter().enumerate() {
        by_article.entry(q.article.as_str()).or_default().push(i);
    }
    let mut matched: Vec<(usize, usize)> = Vec::new(); // (truth, ours)
    let mut used = vec![false; quotes.len()];
    for (t, tq) in truth.quotes.iter().enumerate() {
        let best = by_article.get(tq.article.as_str()).and_then(|list| {
            list.iter()
                .copied()
                .filter(|&i| !used[i])
                .map(|i| {
                    let q = &quotes[i];
                    let overlap = q.end.min(tq.end).saturating_sub(q.start.max(tq.start));
                    (overlap, i)
                })
                .filter(|&(o, _)| o * 2 > (tq.end - tq.start).max(1))
                .max()
        });
        if let Some((_, i)) = best {
            used[i] = true;
            matched.push((t, i));
        }
    }
    let speaker_ok = matched
        .iter()
        .filter(|&&(t, i)| {
            let want = truth.quotes[t].speaker.as_deref().map(str::to_lowercase);
            let got = quotes[i].speaker.as_deref().map(str::to_lowercase);
            match (want, got) {
                (Some(w), Some(g)) => w == g || w.ends_with(&format!(" {g}")),
                (None, None) => true,
                _ => false,
            }
        })
        .count();
    // Pairwise cluster scores from the contingency table of utterance x cluster.
    let mut cell: HashMap<(&str, usize), usize> = HashMap::new();
    let mut by_truth: HashMap<&str, usize> = HashMap::new();
    let mut by_ours: HashMap<usize, usize> = HashMap::new();
    for &(t, i) in &matched {
        let u = truth.quotes[t].utterance.as_str();
        let c = clustering.cluster_of[i];
        *cell.entry((u, c)).or_default() += 1;
        *by_truth.entry(u).or_default() += 1;
        *by_ours.entry(c).or_default() += 1;
    }
    let tp: u64 = cell.values().map(|&n| pairs(n)).sum();
    let true_pairs: u64 = by_truth.values().map(|&n| pairs(n)).sum();
    let found_pairs: u64 = by_ours.values().map(|&n| pairs(n)).sum();
    let cp = if found_pairs == 0 {
        1.0
    } else {
        tp as f64 / found_pairs as f64
    };
    let cr = if true_pairs == 0 {
        1.0
    } else {
        tp as f64 / true_pairs as f64
    };
    let f1 = if cp + cr == 0.0 {
        0.0
    } else {
        2.0 * cp * cr / (cp + cr)
    };
    // Edges between articles (and from outlets outside the corpus), undirected.
    let norm_end = |s: &str| -> String {
        s.strip_prefix("article:")
            .map(str::to_string)
            .unwrap_or_else(|| s.to_string())
    };
    let truth_edges: BTreeSet<(String, String)> = truth
        .edges
        .iter()
        .map(|e| {
            let (a, b) = (norm_end(&e.source), norm_end(&e.target));
            (a.clone().min(b.clone()), a.max(b))
        })
        .collect();
    let ours: BTreeSet<(String, String)> = graph
        .edges()
        .iter()
        .filter(|e| e.kind != EdgeKind::LatentSource)
        .map(|e| {
            let (a, b) = (norm_end(&e.source), norm_end(&e.target));
            (a.clone().min(b.clone()), a.max(b))
        })
        .collect();
    let edge_tp = ours.intersection(&truth_edges).count();
    // Drift: the mutated quotes we matched, and whether a finding names their class.
    let mut classes_of: BTreeMap<usize, Vec<Class>> = BTreeMap::new();
    for f in findings {
        classes_of
            .entry(f.quote_index)
            .or_default()
            .extend(f.classes.iter().copied());
    }
    let mut mutated = 0;
    let mut right = 0;
    for &(t, i) in &matched {
        let Some(want) = truth.quotes[t].mutation.as_deref().and_then(expected_class) else {
            continue;
        };
        mutated += 1;
        if classes_of
            .get(&i)
            .is_some_and(|got| want.iter().any(|w| got.contains(w)))
        {
            right += 1;
        }
    }
    Scores {
        quotes_true: truth.quotes.len(),
        quotes_found: quotes.len(),
        quotes_matched: matched.len(),
        quote_precision: ratio(matched.len(), quotes.len()),
        quote_recall: ratio(matched.len(), truth.quotes.len()),
        speaker_accuracy: ratio(speaker_ok, matched.len()),
        cluster_precision: (cp * 10_000.0).round() / 10_000.0,
        cluster_recall: (cr * 10_000.0).round() / 10_000.0,
        cluster_f1: (f1 * 10_000.0).round() / 10_000.0,
        edges_true: truth_edges.len(),
        edges_found: ours.len(),
        edge_precision: ratio(edge_tp, ours.len()),
        edge_recall: ratio(edge_tp, truth_edges.len()),
        drift_mutated: mutated,
        drift_accuracy: ratio(right, mutated),
    }
}
