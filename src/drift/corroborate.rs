//! Corroboration: for a quote no other outlet renders in any close form, the nearest
//! corroborated utterance it may be a rewording of. Plain string similarity cannot join
//! a paraphrase to its source, so this weighs the content words the two share, in the
//! quotes first and in the sentences around them second (the prose often says "oil
//! investment" when the quote does not), each by its rarity, plus speaker agreement.
//!
//! Cost: an inverted index from content words to clusters; each uncorroborated quote is
//! scored only against clusters that share a word with it.

use crate::corpus::Article;
use crate::quotes::{self, sentence, Quote};
use crate::sparse::Scores;
use crate::text::{tokens, tokens_at};
use crate::variants::Clustering;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The nearest candidate source of an uncorroborated quote.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// Index of the candidate cluster.
    #[serde(skip)]
    pub cluster: usize,
    /// The candidate cluster's id (as `quotes` lists it) and reference quote id.
    pub cluster_id: usize,
    pub quote: String,
    pub score: f64,
    /// Content words the quotes share.
    pub shared_words: Vec<String>,
    /// Content words shared through the sentences around the quotes.
    pub shared_context: Vec<String>,
    pub same_speaker: bool,
}

/// Sorted, for a binary search.
const STOP: &[&str] = &[
    "about", "all", "also", "and", "any", "are", "because", "been", "being", "but", "can", "could",
    "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "he", "her", "here",
    "his", "how", "however", "i'm", "if", "into", "it's", "its", "just", "like", "many", "more",
    "most", "much", "not", "now", "one", "only", "our", "ours", "out", "over", "said", "say",
    "says", "she", "should", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "they're", "this", "those", "two", "us", "very", "want", "wants",
    "was", "we", "we're", "we've", "were", "what", "when", "whenever", "where", "wherever",
    "which", "who", "why", "will", "with", "would", "you",
];

/// A light stem: plurals, -ing and -ed off, so that "drugs" meets "drug".
pub fn stem(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    let n = w.chars().count();
    if let Some(s) = w.strip_suffix("ies").filter(|_| n > 4) {
        return format!("{s}y");
    }
    if let Some(s) = w.strip_suffix("ing").filter(|_| n > 5) {
        return s.to_string();
    }
    if let Some(s) = w.strip_suffix("ed").filter(|_| n > 4) {
        return s.to_string();
    }
    if let Some(s) = w.strip_suffix('s').filter(|_| n > 3 && !w.ends_with("ss")) {
        return s.to_string();
    }
    w.to_string()
}

/// The stem of a content word; None for short words, stop words and numbers.
fn content_stem(w: &str) -> Option<String> {
    (w.chars().count() >= 3
        && STOP.binary_search(&w).is_err()
        && !w.chars().all(|c| c.is_ascii_digit()))
    .then(|| stem(w))
}

/// The writer's words next to a quote, as compared: up to eight on each side, in the
/// same sentence, other quotes left out.
fn context(article: &Article, q: &Quote, spans: &[(usize, usize)]) -> Vec<String> {
    const NEAR: usize = 8;
    let text = &article.text;
    let ps = text[..q.open].rfind('\n').map_or(0, |i| i + 1);
    let pe = text[q.close..]
        .find('\n')
        .map_or(text.len(), |i| q.close + i);
    let para = &text[ps..pe];
    let (mut s, mut e) = (ps, pe);
    for (a, b) in sentence::ranges(para) {
        if ps + b > q.open && ps + a <= q.open {
            s = ps + a;
        }
        if ps + b >= q.close && ps + a < q.close {
            e = ps + b;
        }
    }
    let outside = |t: &crate::text::Token| !quotes::quoted(spans, t.start, t.end);
    let before: Vec<String> = tokens_at(&text[s..q.open.max(s)], s)
        .into_iter()
        .filter(outside)
        .map(|t| t.norm)
        .collect();
    let after = tokens_at(&text[q.close.min(e)..e], q.close.min(e))
        .into_iter()
        .filter(outside)
        .map(|t| t.norm)
        .take(NEAR);
    let mut out: Vec<String> = before[before.len().saturating_sub(NEAR)..].to_vec();
    out.extend(after);
    out
}

/// Words of each cluster's quotes and contexts, and their rarity. Words are interned in
/// sorted order, so a sorted list of ids is also a sorted list of words and every
/// listing built from them comes out the same on any thread count.
pub struct Index {
    vocab: Vec<String>,
    quote_words: Vec<Vec<u32>>,
    all_words: Vec<Vec<u32>>,
    /// The reference's own context words, for the clusters that may need a source.
    ref_context: Vec<Vec<u32>>,
    postings: Vec<Vec<u32>>,
    idf: Vec<f64>,
    corroborated: Vec<bool>,
    /// Clusters whose reference has four words or more: a source must say something.
    substantive: Vec<bool>,
}

/// Rough scores per cluster for one lookup, reused across lookups: a common word
/// reaches thousands of clusters.
pub struct Scratch(Scores<f64>);

impl Scratch {
    pub fn new(index: &Index) -> Self {
        Scratch(Scores::new(index.quote_words.len()))
    }
}

/// Content words of one cluster, as strings until the vocabulary is known. Quoted words
/// borrow the stems of the clustering's vocabulary, computed once per word.
struct Raw<'a> {
    quote: BTreeSet<&'a str>,
    context: BTreeSet<String>,
    ref_context: BTreeSet<String>,
}

impl Index {
    pub fn build(articles: &[Article], quotes: &[Quote], clustering: &Clustering) -> Self {
        let n = clustering.clusters.len();
        let spans = quotes::spans_by_article(articles.len(), quotes);
        let stems: Vec<Option<String>> = clustering
            .interned
            .vocab
            .par_iter()
            .map(|w| content_stem(w))
            .collect();
        let raw: Vec<Raw> = clustering
            .clusters
            .par_iter()
            .map(|c| {
                let mut r = Raw {
                    quote: BTreeSet::new(),
                    context: BTreeSet::new(),
                    ref_context: BTreeSet::new(),
                };
                for m in &c.members {
                    let q = &quotes[m.quote];
                    r.quote.extend(
                        clustering.interned.words[m.quote]
                            .iter()
                            .filter_map(|&w| stems[w as usize].as_deref()),
                    );
                    let sp = &spans[q.article_index];
                    let ctx: BTreeSet<String> = context(&articles[q.article_index], q, sp)
                        .iter()
                        .filter_map(|w| content_stem(w))
                        .collect();
                    if m.quote == c.reference {
                        r.ref_context = ctx.clone();
                    }
                    r.context.extend(ctx);
                }
                r
            })
            .collect();
        let mut vocab: Vec<&str> = raw
            .iter()
            .flat_map(|r| {
                r.quote
                    .iter()
                    .copied()
                    .chain(r.context.iter().map(String::as_str))
            })
            .collect();
        vocab.par_sort_unstable();
        vocab.dedup();
        // Every word looked up here is in `vocab`, which was gathered from the same sets.
        let id = |w: &str| vocab.binary_search(&w).map_or(u32::MAX, |i| i as u32);
        let interned: Vec<(Vec<u32>, Vec<u32>, Vec<u32>)> = raw
            .par_iter()
            .map(|r| {
                let quote: Vec<u32> = r.quote.iter().map(|w| id(w)).collect();
                let mut all: Vec<u32> = quote
                    .iter()
                    .copied()
                    .chain(r.context.iter().map(|w| id(w)))
                    .collect();
                all.sort_unstable();
                all.dedup();
                let ref_context = r.ref_context.iter().map(|w| id(w)).collect();
                (quote, all, ref_context)
            })
            .collect();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        for (ci, (_, all, _)) in interned.iter().enumerate() {
            for &w in all {
                postings[w as usize].push(ci as u32);
            }
        }
        let idf = postings
            .iter()
            .map(|l| (1.0 + n as f64 / l.len().max(1) as f64).ln())
            .collect();
        let vocab: Vec<String> = vocab.into_iter().map(str::to_string).collect();
        drop(raw);
        let mut quote_words = Vec::with_capacity(n);
        let mut all_words = Vec::with_capacity(n);
        let mut ref_context = Vec::with_capacity(n);
        for (q, a, r) in interned {
            quote_words.push(q);
            all_words.push(a);
            ref_context.push(r);
        }
        let corroborated = clustering
            .clusters
            .iter()
            .map(|c| c.articles.len() >= 2)
            .collect();
        let substantive = clustering
            .clusters
            .iter()
            .map(|c| tokens(&quotes[c.reference].text).len() >= 4)
            .collect();
        Index {
            vocab,
            quote_words,
            all_words,
            ref_context,
            postings,
            idf,
            corroborated,
            substantive,
        }
    }

    /// The best-scoring other cluster for the reference quote of cluster `own`, if any
    /// shares enough with it. Corroborated clusters are preferred as sources.
    pub fn nearest(
        &self,
        quotes: &[Quote],
        clustering: &Clustering,
        own: usize,
        scratch: &mut Scratch,
    ) -> Option<Candidate> {
        const MIN_SCORE: f64 = 1.5;
        const POSTING_CAP: usize = 5_000;
        let quote = &quotes[clustering.clusters[own].reference];
        let qw = &self.quote_words[own];
        let ctx = &self.ref_context[own];
        // A first, cheap score from the posting lists (quoted words thrice, words around
        // the quote once) ranks the clusters sharing any word; only the best `SHORTLIST`
        // are scored in full. A common word reaches thousands of clusters, and scoring
        // each of them made this stage grow with the square of the corpus.
        const SHORTLIST: usize = 64;
        let idf = |w: u32| self.idf[w as usize];
        let weighted = qw.iter().map(|&w| (w, 3.0)).chain(
            ctx.iter()
                .filter(|w| qw.binary_search(w).is_err())
                .map(|&w| (w, 1.0)),
        );
        for (w, x) in weighted {
            let l = &self.postings[w as usize];
            if l.len() > POSTING_CAP {
                continue;
            }
            let add = x * idf(w);
            for &c in l {
                if c as usize != own && self.substantive[c as usize] {
                    scratch.0.add(c, add);
                }
            }
        }
        let mut ranked: Vec<(f64, u32)> = scratch.0.drain().collect();
        // Highest rough score first, lower cluster index on ties: a total order, so the
        // shortlist is the same set whatever order the scores were gathered in.
        let order = |a: &(f64, u32), b: &(f64, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if ranked.len() > SHORTLIST {
            ranked.select_nth_unstable_by(SHORTLIST - 1, order);
            ranked.truncate(SHORTLIST);
        }
        let mut hits: Vec<usize> = ranked.into_iter().map(|(_, c)| c as usize).collect();
        hits.sort_unstable();
        let mine = |w: &u32| qw.binary_search(w).is_ok() || ctx.binary_search(w).is_ok();
        // The quoted words two clusters share, and those shared around the quotes.
        let shared = |c: usize| {
            let theirs = &self.quote_words[c];
            let shared_q: Vec<u32> = qw
                .iter()
                .copied()
                .filter(|w| theirs.binary_search(w).is_ok())
                .collect();
            let shared_ctx: Vec<u32> = self.all_words[c]
                .iter()
                .copied()
                .filter(|w| mine(w) && shared_q.binary_search(w).is_err())
                .collect();
            (shared_q, shared_ctx)
        };
        let same_speaker = |c: usize| {
            quote.speaker.is_some()
                && clustering.clusters[c].speakers.first() == quote.speaker.as_ref()
        };
        // Slot 0: the best corroborated candidate; slot 1: the best of all. Ties go to
        // the lower cluster index, which `hits` visits first.
        let mut best: [Option<(f64, usize)>; 2] = [None, None];
        for c in hits {
            let theirs = &self.quote_words[c];
            let (shared_q, shared_ctx) = shared(c);
            // Context words that meet the candidate's quoted words count double.
            let ctx_score: f64 = shared_ctx
                .iter()
                .map(|&w| {
                    idf(w)
                        * if theirs.binary_search(&w).is_ok() {
                            2.0
                        } else {
                            1.0
                        }
                })
                .sum();
            let score = 3.0 * shared_q.iter().map(|&w| idf(w)).sum::<f64>()
                + ctx_score
                + if same_speaker(c) { 1.0 } else { 0.0 };
            if score < MIN_SCORE || (shared_q.is_empty() && shared_ctx.len() < 3) {
                continue;
            }
            for slot in [0, 1] {
                if slot == 0 && !self.corroborated[c] {
                    continue;
                }
                if best[slot].is_none_or(|b| score > b.0) {
                    best[slot] = Some((score, c));
                }
            }
        }
        let [corroborated, any] = best;
        let (score, c) = corroborated.or(any)?;
        let (shared_q, shared_ctx) = shared(c);
        let same = same_speaker(c);
        let cluster = &clustering.clusters[c];
        let words = |ids: Vec<u32>| {
            ids.into_iter()
                .map(|w| self.vocab[w as usize].clone())
                .collect()
        };
        Some(Candidate {
            cluster: c,
            cluster_id: cluster.id,
            quote: quotes[cluster.reference].id.clone(),
            score: (score * 100.0).round() / 100.0,
            shared_words: words(shared_q),
            shared_context: words(shared_ctx),
            same_speaker: same,
        })
    }
}

/// Speakers of a cluster's members, by article, for attribution drift.
pub fn speakers_by_article(
    quotes: &[Quote],
    members: &[usize],
) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for &m in members {
        if let Some(s) = &quotes[m].speaker {
            out.entry(quotes[m].article.clone())
                .or_default()
                .insert(s.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn stop_words_are_sorted_for_the_binary_search() {
        assert!(super::STOP.windows(2).all(|w| w[0] < w[1]));
    }
}
