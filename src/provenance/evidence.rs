//! Evidence that two articles share a source, each item weighted by its rarity in the
//! corpus: shared quote wording (a shared variant weighs more than a shared verbatim
//! quote, as a shared error does in textual criticism), shared passages of the writers'
//! own prose (candidate pairs from rare 5-grams, then aligned runs), and shared
//! distinctive readings (numbers on which the story's articles disagree).
//!
//! Cost: one pass over each article's words builds an [`Index`] of compact features
//! (32-bit word hashes, sorted posting lists, no strings); pairs come only from features
//! that two to `max_df` articles share, never from all pairs of articles. A pair's
//! evidence is computed from the index when it is asked for, as [`Ev`]s of a few words
//! each; the full [`Item`] (its words, its spots) is written only for the links kept.

use crate::corpus::Article;
use crate::quotes::Quote;
use crate::text::token_norm;
use crate::variants::Clustering;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cmp::Ordering;

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
    /// What makes two items the same evidence (a hash of its kind and feature).
    #[serde(skip)]
    pub key: u64,
}

/// The key of an item: its kind's tag and the feature's words.
pub fn key(tag: &str, feature: &str) -> u64 {
    let mut h = Fnv::new();
    h.bytes(tag.as_bytes());
    h.bytes(&[0xff]);
    h.bytes(feature.as_bytes());
    h.finish()
}

/// FNV-1a with a final mix: fast on short words, the same on every platform and run.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 = (self.0 ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn word(&mut self, w: u32) {
        self.bytes(&w.to_le_bytes());
    }

    fn finish(&self) -> u64 {
        mix(self.0)
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A word's comparison form as 32 bits: two distinct words of a corpus seldom collide,
/// and one collision can at worst join two passages for a word.
fn word_id(norm: &str) -> u32 {
    let mut h = Fnv::new();
    h.bytes(norm.as_bytes());
    let x = h.finish();
    (x ^ (x >> 32)) as u32
}

fn shingle(words: &[u32]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &w in words {
        h = (h.rotate_left(23) ^ u64::from(w)).wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// The word id of a token's text: [`word_id`] of its comparison form, without building
/// the string for ASCII words (most of them).
fn word_id_of(word: &str) -> u32 {
    if !word.is_ascii() {
        return word_id(&token_norm(word));
    }
    let mut h = Fnv::new();
    for &b in word.as_bytes() {
        let c = if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        };
        h.bytes(&[c]);
    }
    let x = h.finish();
    (x ^ (x >> 32)) as u32
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

/// One piece of evidence in compact form: what scoring and reduction need, and where
/// its words are, to write the [`Item`] if the link is kept.
#[derive(Debug, Clone, Copy)]
pub struct Ev {
    pub key: u64,
    pub weight: f64,
    /// Articles carrying the feature (2 when only the pair does, as far as the index
    /// can tell).
    pub df: u32,
    pub kind: Kind,
    loc: Loc,
}

#[derive(Debug, Clone, Copy)]
enum Loc {
    /// Quote indices and the run's word positions in each.
    Quote {
        qa: u32,
        qb: u32,
        ra: u16,
        rb: u16,
        len: u16,
    },
    /// Prose word positions in each article.
    Passage { sa: u32, sb: u32, len: u32 },
    /// Byte spans of the number in each article.
    Reading { sa: u32, ea: u32, sb: u32, eb: u32 },
}

/// The articles' features, compact: what a pair's evidence is computed from.
pub struct Index<'a> {
    articles: &'a [Article],
    quotes: &'a [Quote],
    clustering: &'a Clustering,
    cfg: Config,
    /// Per article: its prose words (outside quotes). Where each starts is found again
    /// only for the passages written out: kept for every word, it was a third of this
    /// stage's memory.
    words: Vec<Vec<u32>>,
    /// Per article: the spans of its quotes, whose words are not prose.
    quoted_spans: Vec<Vec<(usize, usize)>>,
    /// Per article: the shared shingles it carries (by id) with their first position,
    /// sorted.
    seeds: Vec<Vec<(u32, u32)>>,
    /// Per article: (position, carriers) of its shared shingles, by position.
    seed_df: Vec<Vec<(u32, u32)>>,
    /// The articles of every shingle two to `max_df` articles share, by shingle id.
    shingles: Postings,
    /// Per article: (cluster, quote, rendering) of its quotes in clusters of two to
    /// `max_df` articles, sorted.
    quoted: Vec<Vec<(u32, u32, u32)>>,
    /// Per cluster: its articles, sorted (empty for clusters out of range).
    cluster_articles: Vec<Vec<u32>>,
    /// Per cluster: what two of its renderings share, computed once for every pair of
    /// articles carrying them (a cluster has few distinct renderings, many carriers).
    runs: Vec<Runs>,
    /// Per article: (number id, start, end) of the shared numbers it gives, sorted.
    numbers: Vec<Vec<(u32, u32, u32)>>,
    /// The articles of every number two to `max_df` articles give, by number id.
    number_posts: Postings,
}

/// The shared runs between the distinct renderings of one cluster.
#[derive(Default)]
struct Runs {
    /// Per member: its rendering.
    rendering: Vec<u32>,
    count: usize,
    /// count x count, row-major: what renderings i and j share, if it counts (`len` 0
    /// where it does not). Twelve bytes an entry: the weight and the key are worked out
    /// when asked for, as the tables of 100,000 articles hold millions of entries.
    table: Vec<Run>,
}

#[derive(Clone, Copy, Default)]
struct Run {
    ra: u16,
    rb: u16,
    len: u16,
    /// The reference lacks the run: a shared departure from what was said.
    variant: bool,
    df: u32,
}

impl Run {
    /// A shared run weighs by how few of the cluster's articles carry it (of `n` in
    /// the corpus), and half again when it is a shared departure.
    fn weight(&self, n: usize) -> f64 {
        let size = (f64::from(self.len) / 8.0).min(1.5);
        rarity(self.df as usize, n) * size * if self.variant { 1.5 } else { 1.0 }
    }

    /// One key per run of words per cluster, whichever pair of renderings shares it.
    fn key(&self, cluster_id: usize, words: &[u32]) -> u64 {
        let mut h = Fnv::new();
        h.bytes(b"q");
        h.word(cluster_id as u32);
        for &w in &words[self.ra as usize..self.ra as usize + self.len as usize] {
            h.word(w);
        }
        h.finish()
    }
}

impl Runs {
    /// A shared run counts when it is long enough and weighs something (see
    /// [`Run::weight`]).
    fn of(
        c: &crate::variants::Cluster,
        quotes: &[Quote],
        clustering: &Clustering,
        cfg: &Config,
        n: usize,
    ) -> Self {
        let words = &clustering.interned.words;
        let mut distinct: Vec<&[u32]> = Vec::new();
        let mut carriers: Vec<Vec<usize>> = Vec::new();
        let mut rendering = Vec::with_capacity(c.members.len());
        for m in &c.members {
            let w = words[m.quote].as_slice();
            let r = match distinct.iter().position(|d| *d == w) {
                Some(r) => r,
                None => {
                    distinct.push(w);
                    carriers.push(Vec::new());
                    distinct.len() - 1
                }
            };
            carriers[r].push(quotes[m.quote].article_index);
            rendering.push(r as u32);
        }
        let count = distinct.len();
        let reference = &words[c.reference];
        let mut table = vec![Run::default(); count * count];
        for i in 0..count {
            for j in 0..count {
                let (wa, wb) = (distinct[i], distinct[j]);
                let Some((ra, rb, len)) = longest_run(wa, wb) else {
                    continue;
                };
                if len < cfg.min_quote_run.min(wa.len()).min(wb.len()).max(2)
                    || len > u16::MAX as usize
                    || ra > u16::MAX as usize
                    || rb > u16::MAX as usize
                {
                    continue;
                }
                let run = &wa[ra..ra + len];
                let mut arts: Vec<usize> = (0..count)
                    .filter(|&k| crate::align::contains(distinct[k], run))
                    .flat_map(|k| carriers[k].iter().copied())
                    .collect();
                arts.sort_unstable();
                arts.dedup();
                let run = Run {
                    ra: ra as u16,
                    rb: rb as u16,
                    len: len as u16,
                    variant: !crate::align::contains(reference, run),
                    df: arts.len().max(2) as u32,
                };
                if run.weight(n) > 0.0 {
                    table[i * count + j] = run;
                }
            }
        }
        Runs {
            rendering,
            count,
            table,
        }
    }

    fn get(&self, i: u32, j: u32) -> Option<&Run> {
        Some(&self.table[i as usize * self.count + j as usize]).filter(|r| r.len > 0)
    }
}

/// The shared shingles are counted in `2^SLICE_BITS` slices of the hash range.
const SLICE_BITS: u32 = 3;

/// Each shared shingle's articles, sorted, by shingle id: `articles[start[id]..start[id + 1]]`.
struct Postings {
    start: Vec<u32>,
    articles: Vec<u32>,
}

impl Postings {
    fn of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        &self.articles[self.start[id] as usize..self.start[id + 1] as usize]
    }

    /// The features (by hash) that two to `max_df` articles carry and `keep` takes (it
    /// sees the feature's (hash, article) run), each with its id and its articles.
    /// `lists[a]`: article `a`'s distinct feature hashes, sorted. Counted one of
    /// `2^slice_bits` slices of the hash range at a time: a (feature, article) list of
    /// the whole corpus at once was the largest thing the shingles held. The slices go
    /// up the hash range, so ids come in hash order, as one list would give them.
    fn shared(
        lists: &[Vec<u64>],
        slice_bits: u32,
        max_df: usize,
        keep: impl Fn(&[(u64, u32)]) -> bool,
    ) -> (FxHashMap<u64, u32>, Postings) {
        let slice = |h: u64| h.checked_shr(64 - slice_bits).unwrap_or(0) as usize;
        let mut id_of: FxHashMap<u64, u32> = FxHashMap::default();
        let mut start: Vec<u32> = vec![0];
        let mut articles: Vec<u32> = Vec::new();
        for part in 0..1usize << slice_bits {
            let mut all: Vec<(u64, u32)> = lists
                .par_iter()
                .enumerate()
                .flat_map_iter(|(a, hs)| {
                    let lo = hs.partition_point(|&h| slice(h) < part);
                    let hi = hs.partition_point(|&h| slice(h) <= part);
                    hs[lo..hi].iter().map(move |&h| (h, a as u32))
                })
                .collect();
            all.par_sort_unstable();
            for run in all.chunk_by(|x, y| x.0 == y.0) {
                if run.len() >= 2 && run.len() <= max_df && keep(run) {
                    id_of.insert(run[0].0, (start.len() - 1) as u32);
                    articles.extend(run.iter().map(|x| x.1));
                    start.push(articles.len() as u32);
                }
            }
        }
        start.shrink_to_fit();
        articles.shrink_to_fit();
        (id_of, Postings { start, articles })
    }
}

fn is_reading(norm: &str) -> bool {
    let digits = norm.chars().all(|c| c.is_ascii_digit());
    let year = norm.len() == 4 && (norm.starts_with("19") || norm.starts_with("20"));
    digits && norm.len() >= 2 && !year
}

impl<'a> Index<'a> {
    pub fn new(
        articles: &'a [Article],
        quotes: &'a [Quote],
        clustering: &'a Clustering,
        cfg: &Config,
    ) -> Self {
        let n = articles.len();
        let quoted_spans = crate::quotes::spans_by_article(n, quotes);
        type Prose = (Vec<u32>, Vec<(u64, u32, u32)>);
        let prose: Vec<Prose> = articles
            .par_iter()
            .zip(&quoted_spans)
            // The words go to a buffer each thread reuses and are copied out at their
            // size: grown in place, every article's list left its growth behind, 70 MB
            // of the peak at 100,000 articles.
            .map_init(Vec::new, |buf: &mut Vec<u32>, (a, qs)| {
                buf.clear();
                let mut nums: Vec<(u64, u32, u32)> = Vec::new();
                let mut seen: Vec<&str> = Vec::new();
                prose_tokens(&a.text, qs, |start, end| {
                    let word = &a.text[start..end];
                    buf.push(word_id_of(word));
                    // Digits are their own comparison form.
                    if word.is_ascii() && is_reading(word) && !seen.contains(&word) {
                        seen.push(word);
                        nums.push((key("n", word), start as u32, end as u32));
                    }
                });
                nums.sort_by_key(|x| x.0);
                (buf.clone(), nums)
            })
            .collect();
        let mut words = Vec::with_capacity(n);
        let mut numbers = Vec::with_capacity(n);
        for (w, m) in prose {
            words.push(w);
            numbers.push(m);
        }
        let k = cfg.shingle;
        let sample: u64 = if n > cfg.sample_above { 4 } else { 1 };
        // Per article: its distinct (sampled) shingles, sorted, 8 bytes each.
        let mine: Vec<Vec<u64>> = words
            .par_iter()
            .map_init(Vec::new, |buf: &mut Vec<u64>, w| {
                buf.clear();
                buf.extend(
                    w.windows(k)
                        .map(shingle)
                        .filter(|h| h.is_multiple_of(sample)),
                );
                buf.sort_unstable();
                buf.dedup();
                buf.clone()
            })
            .collect();
        // A shingle two articles of one outlet share is that outlet's boilerplate and
        // counts for no pair.
        let (id_of, postings) = Postings::shared(&mine, SLICE_BITS, cfg.max_df, |run| {
            !boilerplate(articles, run)
        });
        drop(mine);
        crate::memory::release();
        type Seeds = (Vec<(u32, u32)>, Vec<(u32, u32)>);
        let (seeds, seed_df): (Vec<_>, Vec<_>) = words
            .par_iter()
            .map(|w| {
                let mut by_pos: Vec<(u32, u32)> = Vec::new();
                let mut v: Vec<(u32, u32)> = Vec::new();
                for (i, win) in w.windows(k).enumerate() {
                    let h = shingle(win);
                    if !h.is_multiple_of(sample) {
                        continue;
                    }
                    if let Some(&id) = id_of.get(&h) {
                        v.push((id, i as u32));
                        by_pos.push((i as u32, postings.of(id).len() as u32));
                    }
                }
                v.sort_unstable();
                v.dedup_by_key(|x| x.0);
                v.shrink_to_fit();
                by_pos.shrink_to_fit();
                (v, by_pos)
            })
            .collect::<Vec<Seeds>>()
            .into_iter()
            .unzip();
        drop(id_of);
        let in_range =
            |c: &crate::variants::Cluster| c.articles.len() >= 2 && c.articles.len() <= cfg.max_df;
        let runs: Vec<Runs> = clustering
            .clusters
            .par_iter()
            .map(|c| {
                if in_range(c) {
                    Runs::of(c, quotes, clustering, cfg, n)
                } else {
                    Runs::default()
                }
            })
            .collect();
        let mut quoted: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); n];
        let mut cluster_articles: Vec<Vec<u32>> = vec![Vec::new(); clustering.clusters.len()];
        for (ci, c) in clustering.clusters.iter().enumerate() {
            if !in_range(c) {
                continue;
            }
            let mut arts: Vec<u32> = Vec::with_capacity(c.members.len());
            for (mi, m) in c.members.iter().enumerate() {
                let a = quotes[m.quote].article_index;
                quoted[a].push((ci as u32, m.quote as u32, runs[ci].rendering[mi]));
                arts.push(a as u32);
            }
            arts.sort_unstable();
            arts.dedup();
            cluster_articles[ci] = arts;
        }
        for q in &mut quoted {
            q.sort_unstable();
        }
        let hashes: Vec<Vec<u64>> = numbers
            .iter()
            .map(|list| list.iter().map(|x| x.0).collect())
            .collect();
        let (number_id, number_posts) = Postings::shared(&hashes, 0, cfg.max_df, |_| true);
        drop(hashes);
        let numbers: Vec<Vec<(u32, u32, u32)>> = numbers
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .filter_map(|(h, s, e)| number_id.get(&h).map(|&id| (id, s, e)))
                    .collect()
            })
            .collect();
        Index {
            articles,
            quotes,
            clustering,
            cfg: cfg.clone(),
            words,
            quoted_spans,
            seeds,
            seed_df,
            shingles: postings,
            quoted,
            cluster_articles,
            runs,
            numbers,
            number_posts,
        }
    }

    /// The articles after `a` that share at least `min_shared` features with it, sorted.
    /// One feature gives at most one item, too few for a link; in a large corpus most
    /// pairs of unrelated stories meet on a single phrase.
    pub fn partners(&self, a: usize, min_shared: usize) -> Vec<u32> {
        let me = a as u32;
        let mut p: Vec<u32> = Vec::new();
        for &(id, _) in &self.seeds[a] {
            p.extend(self.shingles.of(id).iter().copied().filter(|&b| b > me));
        }
        for &(c, _, _) in &self.quoted[a] {
            p.extend(
                self.cluster_articles[c as usize]
                    .iter()
                    .copied()
                    .filter(|&b| b > me),
            );
        }
        for &(id, _, _) in &self.numbers[a] {
            p.extend(self.number_posts.of(id).iter().copied().filter(|&b| b > me));
        }
        p.sort_unstable();
        let mut out: Vec<u32> = p
            .chunk_by(|x, y| x == y)
            .filter(|run| run.len() >= min_shared)
            .map(|run| run[0])
            .collect();
        out.shrink_to_fit();
        out
    }

    /// The evidence between `a` < `b`, weighed within a story of `story` articles,
    /// strongest first; one item per feature.
    pub fn evidence(&self, a: usize, b: usize, story: usize) -> Vec<Ev> {
        let mut out = Vec::new();
        self.shared_quotes(a, b, &mut out);
        self.shared_passages(a, b, &mut out);
        self.shared_readings(a, b, &mut out);
        for e in &mut out {
            e.weight *= specificity(e.df as usize, story);
        }
        out.retain(|e| e.weight > 0.0);
        // One item per feature, its strongest occurrence.
        out.sort_by(|x, y| x.key.cmp(&y.key).then(y.weight.total_cmp(&x.weight)));
        out.dedup_by_key(|e| e.key);
        out.sort_by(|x, y| y.weight.total_cmp(&x.weight).then(x.key.cmp(&y.key)));
        out
    }

    /// Shared quote wording: two renderings of one cluster that share a run of words
    /// the other articles of the cluster lack (or carry rarely).
    fn shared_quotes(&self, a: usize, b: usize, out: &mut Vec<Ev>) {
        let (qa, qb) = (&self.quoted[a], &self.quoted[b]);
        let (mut x, mut y) = (0, 0);
        while x < qa.len() && y < qb.len() {
            let (ca, cb) = (qa[x].0, qb[y].0);
            match ca.cmp(&cb) {
                Ordering::Less => x += 1,
                Ordering::Greater => y += 1,
                Ordering::Equal => {
                    let xe = x + qa[x..].partition_point(|e| e.0 == ca);
                    let ye = y + qb[y..].partition_point(|e| e.0 == ca);
                    let runs = &self.runs[ca as usize];
                    let cluster_id = self.clustering.clusters[ca as usize].id;
                    for &(_, ia, ra) in &qa[x..xe] {
                        let words = &self.clustering.interned.words[ia as usize];
                        for &(_, ib, rb) in &qb[y..ye] {
                            let Some(r) = runs.get(ra, rb) else {
                                continue;
                            };
                            out.push(Ev {
                                key: r.key(cluster_id, words),
                                weight: r.weight(self.articles.len()),
                                df: r.df,
                                kind: Kind::SharedQuote,
                                loc: Loc::Quote {
                                    qa: ia,
                                    qb: ib,
                                    ra: r.ra,
                                    rb: r.rb,
                                    len: r.len,
                                },
                            });
                        }
                    }
                    x = xe;
                    y = ye;
                }
            }
        }
    }

    /// Shared passages of prose: the runs of words two articles share, seeded by the
    /// rare shingles both carry.
    fn shared_passages(&self, a: usize, b: usize, out: &mut Vec<Ev>) {
        let n = self.articles.len();
        let k = self.cfg.shingle;
        let (wa, wb) = (&self.words[a], &self.words[b]);
        for (sa, sb, len) in aligned_runs(wa, wb, &self.seeds[a], &self.seeds[b], k) {
            if len < self.cfg.min_passage {
                continue;
            }
            let run = &wa[sa..sa + len];
            // The passage is carried by no more articles than its rarest shingle.
            let at = &self.seed_df[a];
            let lo = at.partition_point(|x| (x.0 as usize) < sa);
            let hi = at.partition_point(|x| (x.0 as usize) + k <= sa + len);
            let df = at[lo..hi.max(lo)]
                .iter()
                .map(|x| x.1 as usize)
                .min()
                .unwrap_or(2);
            let weight = rarity(df, n) * (len as f64 / 10.0).min(2.0);
            if weight <= 0.0 {
                continue;
            }
            let mut h = Fnv::new();
            h.bytes(b"p");
            for &w in run {
                h.word(w);
            }
            out.push(Ev {
                key: h.finish(),
                weight,
                df: df as u32,
                kind: Kind::SharedPassage,
                loc: Loc::Passage {
                    sa: sa as u32,
                    sb: sb as u32,
                    len: len as u32,
                },
            });
        }
    }

    /// Numbers (not years) both give that the story's articles do not all give: 114 in
    /// two articles, 115 in two others.
    fn shared_readings(&self, a: usize, b: usize, out: &mut Vec<Ev>) {
        let n = self.articles.len();
        let (na, nb) = (&self.numbers[a], &self.numbers[b]);
        let (mut x, mut y) = (0, 0);
        while x < na.len() && y < nb.len() {
            match na[x].0.cmp(&nb[y].0) {
                Ordering::Less => x += 1,
                Ordering::Greater => y += 1,
                Ordering::Equal => {
                    let df = self.number_posts.of(na[x].0).len();
                    let weight = rarity(df, n) * 0.6;
                    if weight > 0.0 {
                        let (s, e) = (na[x].1 as usize, na[x].2 as usize);
                        out.push(Ev {
                            key: key("n", &self.articles[a].text[s..e]),
                            weight,
                            df: df as u32,
                            kind: Kind::SharedReading,
                            loc: Loc::Reading {
                                sa: na[x].1,
                                ea: na[x].2,
                                sb: nb[y].1,
                                eb: nb[y].2,
                            },
                        });
                    }
                    x += 1;
                    y += 1;
                }
            }
        }
    }

    /// The full item of a piece of evidence between `a` < `b`: its words and spots.
    pub fn item(&self, a: usize, b: usize, ev: &Ev) -> Item {
        let (art_a, art_b) = (&self.articles[a], &self.articles[b]);
        let (text, spots) = match ev.loc {
            Loc::Quote {
                qa,
                qb,
                ra,
                rb,
                len,
            } => {
                let interned = &self.clustering.interned;
                let (ia, ib) = (qa as usize, qb as usize);
                let (qa, qb) = (&self.quotes[ia], &self.quotes[ib]);
                let wa = &interned.words[ia];
                let (ra, rb, len) = (ra as usize, rb as usize, len as usize);
                let run = &wa[ra..ra + len];
                let c = &self.clustering.clusters[self.clustering.cluster_of[ia]];
                let variant = !crate::align::contains(&interned.words[c.reference], run);
                let words = interned.text(run);
                let spot = |q: &Quote, w: usize| {
                    let (mut s, mut e) = (q.start, q.end);
                    let mut i = 0;
                    crate::text::token_spans(&q.text, |ts, te| {
                        if i == w {
                            s = q.start + ts;
                        }
                        if i == w + len - 1 {
                            e = q.start + te;
                        }
                        i += 1;
                    });
                    Spot::new(&self.articles[q.article_index], s, e)
                };
                let text = if variant {
                    format!("{words} (a variant wording)")
                } else {
                    words
                };
                (text, vec![spot(qa, ra), spot(qb, rb)])
            }
            Loc::Passage { sa, sb, len } => {
                let (sa, sb, len) = (sa as usize, sb as usize, len as usize);
                let (ta, words) = self.prose_span(a, sa, len);
                let (tb, _) = self.prose_span(b, sb, len);
                (
                    words,
                    vec![Spot::new(art_a, ta.0, ta.1), Spot::new(art_b, tb.0, tb.1)],
                )
            }
            Loc::Reading { sa, ea, sb, eb } => (
                token_norm(&art_a.text[sa as usize..ea as usize]),
                vec![
                    Spot::new(art_a, sa as usize, ea as usize),
                    Spot::new(art_b, sb as usize, eb as usize),
                ],
            ),
        };
        Item {
            kind: ev.kind,
            text,
            weight: ev.weight,
            spots,
            key: ev.key,
        }
    }

    /// The byte span and the words of `len` prose words of article `a` from word `at`.
    fn prose_span(&self, a: usize, at: usize, len: usize) -> ((usize, usize), String) {
        let art = &self.articles[a];
        let mut starts: Vec<u32> = Vec::with_capacity(self.words[a].len());
        prose_tokens(&art.text, &self.quoted_spans[a], |s, _| {
            starts.push(s as u32)
        });
        let first = starts[at] as usize;
        let last = starts[at + len - 1] as usize;
        let mut last_end = art.text.len();
        let mut found = false;
        crate::text::token_spans(&art.text[last..], |_, e| {
            if !found {
                last_end = last + e;
                found = true;
            }
        });
        // The prose words between, skipping quoted words as the index did.
        let wanted = &starts[at..at + len];
        let mut words: Vec<String> = Vec::with_capacity(len);
        crate::text::token_spans(&art.text[first..last_end], |s, e| {
            if wanted.binary_search(&((first + s) as u32)).is_ok() {
                words.push(token_norm(&art.text[first + s..first + e]));
            }
        });
        ((first, last_end), words.join(" "))
    }
}

/// The article's words outside its quotes, as `(start, end)` byte spans, in order.
fn prose_tokens(text: &str, quoted: &[(usize, usize)], mut f: impl FnMut(usize, usize)) {
    crate::text::token_spans(text, |start, end| {
        if !crate::quotes::quoted(quoted, start, end) {
            f(start, end);
        }
    });
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

fn boilerplate(articles: &[Article], run: &[(u64, u32)]) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    run.iter()
        .any(|&(_, a)| match articles[a as usize].outlet.as_deref() {
            Some(o) if seen.contains(&o) => true,
            Some(o) => {
                seen.push(o);
                false
            }
            None => false,
        })
}

/// Maximal runs of words the two word lists share, seeded by the shingles both carry
/// (`sa`, `sb`: each list's shared shingles and first positions, sorted by shingle).
/// A seed is extended both ways, so that sampled shingles still find a passage's start.
fn aligned_runs(
    a: &[u32],
    b: &[u32],
    sa: &[(u32, u32)],
    sb: &[(u32, u32)],
    k: usize,
) -> Vec<(usize, usize, usize)> {
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < sa.len() && y < sb.len() {
        match sa[x].0.cmp(&sb[y].0) {
            Ordering::Less => x += 1,
            Ordering::Greater => y += 1,
            Ordering::Equal => {
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
        let (mut i, mut j) = (i, j);
        while i > covered && j > 0 && a[i - 1] == b[j - 1] {
            i -= 1;
            j -= 1;
        }
        let mut len = 0;
        while i + len < a.len() && j + len < b.len() && a[i + len] == b[j + len] {
            len += 1;
        }
        if len >= k {
            runs.push((i, j, len));
        }
        covered = i + len.max(1);
    }
    runs
}
