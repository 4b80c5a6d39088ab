//! Corroboration: for a quote no other outlet renders in any close form, the nearest
//! corroborated utterance it may be a rewording of. Plain string similarity cannot join
//! a paraphrase to its source, so this weighs the content words the two share, in the
//! quotes first and in the sentences around them second (the prose often says "oil
//! investment" when the quote does not), each by its rarity, plus speaker agreement.
//!
//! Cost: an inverted index from content words to clusters; each uncorroborated quote is
//! scored only against clusters that share a word with it.

use crate::corpus::Article;
use crate::quotes::{sentence, Quote};
use crate::text::{tokens, tokens_at};
use crate::variants::Clustering;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

const STOP: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "are", "was", "were", "but", "not", "you", "they",
    "them", "their", "there", "what", "when", "will", "would", "have", "has", "had", "from",
    "about", "into", "our", "ours", "who", "which", "its", "it's", "all", "any", "can", "could",
    "should", "been", "being", "than", "then", "also", "just", "very", "more", "most", "some",
    "such", "only", "if", "we", "us", "he", "she", "his", "her", "we're", "they're", "we've",
    "i'm", "said", "says", "say", "one", "two", "out", "over", "because", "many", "much", "now",
    "here", "how", "why", "where", "whenever", "wherever", "however", "like", "get", "got", "want",
    "wants", "these", "those", "did", "does", "do",
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

fn content(text: &str) -> BTreeSet<String> {
    tokens(text)
        .into_iter()
        .map(|t| t.norm)
        .filter(|w| {
            w.chars().count() >= 3
                && !STOP.contains(&w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(|w| stem(&w))
        .collect()
}

/// The writer's words next to a quote: up to eight on each side, in the same sentence,
/// other quotes left out.
fn context(article: &Article, q: &Quote, spans: &[(usize, usize)]) -> String {
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
    let outside = |t: &crate::text::Token| !spans.iter().any(|&(a, b)| t.start >= a && t.end <= b);
    let before: Vec<String> = tokens_at(&text[s..q.open.max(s)], s)
        .into_iter()
        .filter(outside)
        .map(|t| t.norm)
        .collect();
    let after: Vec<String> = tokens_at(&text[q.close.min(e)..e], q.close.min(e))
        .into_iter()
        .filter(outside)
        .map(|t| t.norm)
        .collect();
    let mut out: Vec<String> = before[before.len().saturating_sub(NEAR)..].to_vec();
    out.extend(after.into_iter().take(NEAR));
    out.join(" ")
}

/// Words of each cluster's quotes and contexts, and their rarity.
pub struct Index {
    quote_words: Vec<BTreeSet<String>>,
    all_words: Vec<BTreeSet<String>>,
    postings: HashMap<String, Vec<usize>>,
    idf: HashMap<String, f64>,
    corroborated: Vec<bool>,
    /// Clusters whose reference has four words or more: a source must say something.
    substantive: Vec<bool>,
    /// Quote spans per article, to keep other quotes out of a quote's context.
    spans: HashMap<usize, Vec<(usize, usize)>>,
}

impl Index {
    pub fn build(articles: &[Article], quotes: &[Quote], clustering: &Clustering) -> Self {
        let n = clustering.clusters.len();
        let spans = spans_by_article(quotes);
        let mut quote_words = vec![BTreeSet::new(); n];
        let mut all_words = vec![BTreeSet::new(); n];
        for (ci, c) in clustering.clusters.iter().enumerate() {
            for m in &c.members {
                let q = &quotes[m.quote];
                let qw = content(&q.text);
                all_words[ci].extend(qw.iter().cloned());
                let ctx = context(&articles[q.article_index], q, &spans[&q.article_index]);
                all_words[ci].extend(content(&ctx));
                quote_words[ci].extend(qw);
            }
        }
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (ci, ws) in all_words.iter().enumerate() {
            for w in ws {
                postings.entry(w.clone()).or_default().push(ci);
            }
        }
        let idf = postings
            .iter()
            .map(|(w, l)| (w.clone(), (1.0 + n as f64 / l.len() as f64).ln()))
            .collect();
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
            quote_words,
            all_words,
            postings,
            idf,
            corroborated,
            substantive,
            spans,
        }
    }

    /// The best-scoring other cluster for quote `q` (in cluster `own`), if any shares
    /// enough with it. Corroborated clusters are preferred as sources.
    pub fn nearest(
        &self,
        articles: &[Article],
        quotes: &[Quote],
        clustering: &Clustering,
        q: usize,
        own: usize,
    ) -> Option<Candidate> {
        const MIN_SCORE: f64 = 1.5;
        const POSTING_CAP: usize = 5_000;
        let quote = &quotes[q];
        let qw = content(&quote.text);
        let spans = self
            .spans
            .get(&quote.article_index)
            .map_or(&[][..], Vec::as_slice);
        let ctx = content(&context(&articles[quote.article_index], quote, spans));
        // A first, cheap score from the posting lists (quoted words thrice, words around
        // the quote once) ranks the clusters sharing any word; only the best `SHORTLIST`
        // are scored in full. A common word reaches thousands of clusters, and scoring
        // each of them made this stage grow with the square of the corpus.
        const SHORTLIST: usize = 64;
        let idf_of = |w: &String| self.idf.get(w).copied().unwrap_or(0.0);
        let mut rough: HashMap<usize, f64> = HashMap::new();
        let weighted = qw
            .iter()
            .map(|w| (w, 3.0))
            .chain(ctx.iter().filter(|w| !qw.contains(*w)).map(|w| (w, 1.0)));
        for (w, x) in weighted {
            if let Some(l) = self.postings.get(w).filter(|l| l.len() <= POSTING_CAP) {
                let add = x * idf_of(w);
                for &c in l {
                    if c != own && self.substantive[c] {
                        *rough.entry(c).or_default() += add;
                    }
                }
            }
        }
        let mut ranked: Vec<(f64, usize)> = rough.into_iter().map(|(c, s)| (s, c)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.truncate(SHORTLIST);
        let mut hits: Vec<usize> = ranked.into_iter().map(|(_, c)| c).collect();
        hits.sort_unstable();
        let mine: BTreeSet<&String> = qw.iter().chain(ctx.iter()).collect();
        let idf = |w: &String| self.idf.get(w).copied().unwrap_or(0.0);
        let mut scored: Vec<(f64, usize, Candidate)> = Vec::new();
        for c in hits {
            let shared_q: Vec<String> = qw.intersection(&self.quote_words[c]).cloned().collect();
            let shared_ctx: Vec<String> = self.all_words[c]
                .iter()
                .filter(|w| mine.contains(w) && !shared_q.contains(w))
                .cloned()
                .collect();
            let cluster = &clustering.clusters[c];
            let same =
                quote.speaker.is_some() && cluster.speakers.first() == quote.speaker.as_ref();
            // Context words that meet the candidate's quoted words count double.
            let ctx_score: f64 = shared_ctx
                .iter()
                .map(|w| {
                    idf(w)
                        * if self.quote_words[c].contains(w) {
                            2.0
                        } else {
                            1.0
                        }
                })
                .sum();
            let score = 3.0 * shared_q.iter().map(idf).sum::<f64>()
                + ctx_score
                + if same { 1.0 } else { 0.0 };
            if score < MIN_SCORE || (shared_q.is_empty() && shared_ctx.len() < 3) {
                continue;
            }
            let cand = Candidate {
                cluster: c,
                cluster_id: cluster.id,
                quote: quotes[cluster.reference].id.clone(),
                score: (score * 100.0).round() / 100.0,
                shared_words: shared_q,
                shared_context: shared_ctx,
                same_speaker: same,
            };
            scored.push((score, c, cand));
        }
        let pick = |only_corroborated: bool| {
            scored
                .iter()
                .filter(|(_, c, _)| !only_corroborated || self.corroborated[*c])
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                .map(|(_, _, cand)| cand.clone())
        };
        pick(true).or_else(|| pick(false))
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

fn spans_by_article(quotes: &[Quote]) -> HashMap<usize, Vec<(usize, usize)>> {
    let mut out: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for q in quotes {
        out.entry(q.article_index)
            .or_default()
            .push((q.open, q.close.max(q.end)));
    }
    out
}
