//! Evidence that two articles share a source, each item weighted by its rarity in the
//! corpus: shared quote wording (a shared variant weighs more than a shared verbatim
//! quote, as a shared error does in textual criticism), shared passages of the writers'
//! own prose (candidate pairs from rare 5-grams, then aligned runs), and shared
//! distinctive readings (numbers on which the story's articles disagree).
//!
//! Cost: one pass over each article's words; pairs come only from features that two to
//! `max_df` articles share, never from all pairs of articles.

use crate::corpus::Article;
use crate::quotes::Quote;
use crate::text::{tokens, Token};
use crate::variants::Clustering;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// What kind of evidence an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The article names the source.
    Citation,
    /// The same wording of a quote, or the same departure from its reference.
    SharedQuote,
    /// A passage of the writers' own prose.
    SharedPassage,
    /// A number the story's articles disagree on, read the same way.
    SharedReading,
    /// A cited outlet outside the corpus is the likely common source.
    LatentSource,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Citation => "citation",
            Kind::SharedQuote => "shared quote",
            Kind::SharedPassage => "shared passage",
            Kind::SharedReading => "shared reading",
            Kind::LatentSource => "latent source",
        }
    }
}

/// Where an item stands in one article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Spot {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

impl Spot {
    pub fn new(a: &Article, start: usize, end: usize) -> Self {
        let (line, column) = a.line_col(start);
        Spot {
            article: a.id.clone(),
            start,
            end,
            line,
            column,
        }
    }
}

/// One piece of evidence between two articles (or a source and an article).
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub kind: Kind,
    /// The shared words, the citing line, or the reading.
    pub text: String,
    pub weight: f64,
    pub spots: Vec<Spot>,
    /// Every article that carries this feature (for transitive reduction).
    #[serde(skip)]
    pub carriers: Carriers,
    /// What makes two items the same evidence (a hash of its kind and feature).
    #[serde(skip)]
    pub key: u64,
}

/// The articles carrying a feature, sorted. One list is shared by every item of the
/// feature: a passage fifty articles share gives 1,225 pairs, not 1,225 copies.
#[derive(Debug, Clone, Default)]
pub struct Carriers(Arc<[u32]>);

impl Carriers {
    pub fn of(list: impl IntoIterator<Item = usize>) -> Self {
        let mut v: Vec<u32> = list.into_iter().map(|a| a as u32).collect();
        v.sort_unstable();
        v.dedup();
        Carriers(v.into())
    }

    pub fn contains(&self, article: usize) -> bool {
        self.0.binary_search(&(article as u32)).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|&a| a as usize)
    }
}

/// The key of an item: its kind's tag and the feature's words.
pub fn key(tag: &str, feature: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    tag.hash(&mut h);
    feature.hash(&mut h);
    h.finish()
}

/// Thresholds of the evidence, in one place.
#[derive(Debug, Clone)]
pub struct Config {
    /// Words in a shingle for passage candidates.
    pub shingle: usize,
    /// A feature carried by more articles than this links nobody.
    pub max_df: usize,
    /// Shortest shared passage counted, in words.
    pub min_passage: usize,
    /// Shortest shared quote run counted, in words.
    pub min_quote_run: usize,
    /// Keep one shingle in this many (by hash) when the corpus is large, to bound memory.
    pub sample_above: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            shingle: 5,
            max_df: 50,
            min_passage: 5,
            min_quote_run: 4,
            sample_above: 2_000,
        }
    }
}

/// Rarity weight of a feature carried by `df` of `n` articles: high when two of many
/// carry it, nothing when all do.
pub fn rarity(df: usize, n: usize) -> f64 {
    if df < 2 || df >= n {
        return 0.0;
    }
    (n as f64 / df as f64).ln() / (n as f64 / 2.0).ln().max(std::f64::consts::LN_2)
}

/// How specific a feature carried by `df` articles is to a pair within a story of
/// `story` articles: 1 when only the pair carries it, falling to 0 when the whole story
/// does (the story's common words).
pub fn specificity(df: usize, story: usize) -> f64 {
    if df <= 2 || story <= 2 {
        return 1.0;
    }
    let s = story.max(df) as f64;
    ((s / df as f64).ln() / (s / 2.0).ln()).clamp(0.0, 1.0)
}

pub type Pairs = BTreeMap<(usize, usize), Vec<Item>>;

fn pair(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// Shared quote wording: for each cluster, two articles whose renderings share a run of
/// words the other articles of the cluster lack (or carry rarely).
pub fn shared_quotes(
    articles: &[Article],
    quotes: &[Quote],
    clustering: &Clustering,
    cfg: &Config,
    out: &mut Pairs,
) {
    let n = articles.len();
    let found: Vec<Vec<(usize, usize, Item)>> = clustering
        .clusters
        .par_iter()
        .filter(|c| c.articles.len() >= 2 && c.articles.len() <= cfg.max_df)
        .map(|c| {
            let mut found = Vec::new();
            let members: Vec<usize> = c.members.iter().map(|m| m.quote).collect();
            for (i, &x) in members.iter().enumerate() {
                for &y in &members[i + 1..] {
                    let (qa, qb) = (&quotes[x], &quotes[y]);
                    if qa.article_index == qb.article_index {
                        continue;
                    }
                    let (wa, wb) = (&clustering.interned.words[x], &clustering.interned.words[y]);
                    let Some((ra, rb, len)) = longest_run(wa, wb) else {
                        continue;
                    };
                    if len < cfg.min_quote_run.min(wa.len()).min(wb.len()).max(2) {
                        continue;
                    }
                    let run = &wa[ra..ra + len];
                    let carriers = Carriers::of(
                        members
                            .iter()
                            .filter(|&&m| {
                                crate::align::contains(&clustering.interned.words[m], run)
                            })
                            .map(|&m| quotes[m].article_index),
                    );
                    let reference = &clustering.interned.words[c.reference];
                    let variant = !crate::align::contains(reference, run);
                    let size = (len as f64 / 8.0).min(1.5);
                    let weight = rarity(carriers.len(), n) * size * if variant { 1.5 } else { 1.0 };
                    if weight <= 0.0 {
                        continue;
                    }
                    let text = clustering.interned.text(run);
                    let spot = |q: &Quote, w: usize, l: usize| {
                        let toks = tokens(&q.text);
                        let s = toks.get(w).map_or(q.start, |t| q.start + t.start);
                        let e = toks.get(w + l - 1).map_or(q.end, |t| q.start + t.end);
                        Spot::new(&articles[q.article_index], s, e)
                    };
                    let item = Item {
                        kind: Kind::SharedQuote,
                        text: if variant {
                            format!("{text} (a variant wording)")
                        } else {
                            text.clone()
                        },
                        weight,
                        spots: vec![spot(qa, ra, len), spot(qb, rb, len)],
                        key: key(&format!("q:{}", c.id), &text),
                        carriers,
                    };
                    found.push((qa.article_index, qb.article_index, item));
                }
            }
            found
        })
        .collect();
    for (a, b, item) in found.into_iter().flatten() {
        push(out, a, b, item);
    }
}

fn push(out: &mut Pairs, a: usize, b: usize, item: Item) {
    let (a, b) = pair(a, b);
    let list = out.entry((a, b)).or_default();
    match list.iter_mut().find(|i| i.key == item.key) {
        Some(i) if i.weight >= item.weight => {}
        Some(i) => *i = item,
        None => list.push(item),
    }
}

fn longest_run(a: &[u32], b: &[u32]) -> Option<(usize, usize, usize)> {
    let mut best = (0, 0, 0);
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best.2 {
                best = (i + 1 - cur[j + 1], j + 1 - cur[j + 1], cur[j + 1]);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (best.2 > 0).then_some(best)
}

/// The writers' own words of an article: its tokens outside quotes.
pub fn prose(article: &Article, quotes: &[&Quote]) -> Vec<Token> {
    tokens(&article.text)
        .into_iter()
        .filter(|t| {
            !quotes
                .iter()
                .any(|q| t.start >= q.open && t.end <= q.close.max(q.end))
        })
        .collect()
}

fn hash_words(words: &[Token]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for w in words {
        w.norm.hash(&mut h);
    }
    h.finish()
}

/// Shared passages of prose: rare 5-grams propose pairs; runs of consecutive shared
/// 5-grams are the aligned passages. A 5-gram that two articles of one outlet share is
/// that outlet's boilerplate and counts for no pair.
pub fn shared_passages(articles: &[Article], prose: &[Vec<Token>], cfg: &Config, out: &mut Pairs) {
    let n = articles.len();
    let k = cfg.shingle;
    let sample = if n > cfg.sample_above { 4 } else { 1 };
    // (shingle, article) for every distinct shingle of every article, sorted: memory is
    // 12 bytes a shingle, and only shingles two articles share get a posting list.
    let mut all: Vec<(u64, u32)> = prose
        .par_iter()
        .enumerate()
        .flat_map_iter(|(a, toks)| {
            let mut seen: Vec<u64> = toks
                .windows(k)
                .map(hash_words)
                .filter(|h| h % sample == 0)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            seen.into_iter().map(move |h| (h, a as u32))
        })
        .collect();
    all.par_sort_unstable();
    let mut postings: HashMap<u64, Carriers> = HashMap::new();
    for run in all.chunk_by(|x, y| x.0 == y.0) {
        if run.len() >= 2 && run.len() <= cfg.max_df {
            let list: Vec<u32> = run.iter().map(|x| x.1).collect();
            if !boilerplate(articles, &list) {
                postings.insert(run[0].0, Carriers(list.into()));
            }
        }
    }
    drop(all);
    // Each article's shared shingles with their first position, sorted by shingle: two
    // articles' seeds then meet in one merge, with no map built per pair.
    let seeds: Vec<Vec<(u64, u32)>> = prose
        .par_iter()
        .map(|toks| {
            let mut v: Vec<(u64, u32)> = toks
                .windows(k)
                .enumerate()
                .filter_map(|(i, w)| {
                    let h = hash_words(w);
                    postings.contains_key(&h).then_some((h, i as u32))
                })
                .collect();
            v.sort_unstable();
            v.dedup_by_key(|x| x.0);
            v
        })
        .collect();
    let mut pairs: Vec<(u32, u32)> = postings
        .values()
        .flat_map(|l| {
            l.0.iter()
                .enumerate()
                .flat_map(|(i, &a)| l.0[i + 1..].iter().map(move |&b| (a, b)))
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    let found: Vec<Vec<(usize, usize, Item)>> = pairs
        .par_iter()
        .map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            let mut items = Vec::new();
            for (sa, sb, len) in aligned_runs(&prose[a], &prose[b], &seeds[a], &seeds[b], k) {
                if len < cfg.min_passage {
                    continue;
                }
                let words: Vec<&str> = prose[a][sa..sa + len]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect();
                let first = hash_words(&prose[a][sa..sa + k]);
                let carriers = postings
                    .get(&first)
                    .cloned()
                    .unwrap_or_else(|| Carriers::of([a, b]));
                let weight = rarity(carriers.len().max(2), n) * (len as f64 / 10.0).min(2.0);
                if weight <= 0.0 {
                    continue;
                }
                let ta = &prose[a][sa..sa + len];
                let tb = &prose[b][sb..sb + len];
                let text = words.join(" ");
                items.push((
                    a,
                    b,
                    Item {
                        kind: Kind::SharedPassage,
                        key: key("p", &text),
                        text,
                        weight,
                        spots: vec![
                            Spot::new(&articles[a], ta[0].start, ta[len - 1].end),
                            Spot::new(&articles[b], tb[0].start, tb[len - 1].end),
                        ],
                        carriers,
                    },
                ));
            }
            items
        })
        .collect();
    for (a, b, item) in found.into_iter().flatten() {
        push(out, a, b, item);
    }
}

fn boilerplate(articles: &[Article], carriers: &[u32]) -> bool {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    carriers.iter().any(|&a| {
        articles[a as usize]
            .outlet
            .as_deref()
            .is_some_and(|o| !seen.insert(o))
    })
}

/// Maximal runs of words the two token lists share, seeded by the shingles both carry
/// (`sa`, `sb`: each list's shared shingles and first positions, sorted by shingle).
fn aligned_runs(
    a: &[Token],
    b: &[Token],
    sa: &[(u64, u32)],
    sb: &[(u64, u32)],
    k: usize,
) -> Vec<(usize, usize, usize)> {
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < sa.len() && y < sb.len() {
        match sa[x].0.cmp(&sb[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                hits.push((sa[x].1 as usize, sb[y].1 as usize));
                x += 1;
                y += 1;
            }
        }
    }
    hits.sort_unstable();
    let mut runs = Vec::new();
    let mut covered = 0;
    for (i, j) in hits {
        if i < covered {
            continue;
        }
        // Extend the seed forward as far as the words agree.
        let mut len = 0;
        while i + len < a.len() && j + len < b.len() && a[i + len].norm == b[j + len].norm {
            len += 1;
        }
        if len >= k {
            runs.push((i, j, len));
        }
        covered = i + len.max(1);
    }
    runs
}

/// Numbers (not years) that at least two articles give and that the story's articles do
/// not all give: 114 in two articles, 115 in two others.
pub fn shared_readings(articles: &[Article], prose: &[Vec<Token>], cfg: &Config, out: &mut Pairs) {
    let n = articles.len();
    let mut carriers: BTreeMap<String, Vec<(usize, usize, usize)>> = BTreeMap::new();
    for (a, toks) in prose.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for t in toks {
            let digits = t.norm.chars().all(|c| c.is_ascii_digit());
            let year = t.norm.len() == 4 && (t.norm.starts_with("19") || t.norm.starts_with("20"));
            if digits && t.norm.len() >= 2 && !year && seen.insert(t.norm.clone()) {
                carriers
                    .entry(t.norm.clone())
                    .or_default()
                    .push((a, t.start, t.end));
            }
        }
    }
    for (number, list) in carriers {
        if list.len() < 2 || list.len() > cfg.max_df {
            continue;
        }
        let weight = rarity(list.len(), n) * 0.6;
        if weight <= 0.0 {
            continue;
        }
        let all = Carriers::of(list.iter().map(|x| x.0));
        for (i, &(a, sa, ea)) in list.iter().enumerate() {
            for &(b, sb, eb) in &list[i + 1..] {
                let item = Item {
                    kind: Kind::SharedReading,
                    text: number.clone(),
                    weight,
                    spots: vec![
                        Spot::new(&articles[a], sa, ea),
                        Spot::new(&articles[b], sb, eb),
                    ],
                    key: key("n", &number),
                    carriers: all.clone(),
                };
                push(out, a, b, item);
            }
        }
    }
}
