//! Stage 3: gather every rendering of one utterance into a cluster.
//!
//! Renderings (quotes with the same normalised words) are compared only with the
//! candidates a 3-gram index proposes. Each rendering points to the fuller rendering it
//! most likely derives from (contained in it, spliced from it, an edit of it, or sharing
//! a long run of words with it); clusters are the trees of that derives-from forest.
//! Fragments of one to three words join a cluster only when exactly one cluster holds
//! them, so short or generic phrases never chain two clusters together. Each cluster's
//! reference is its fullest rendering best supported by the others.
//!
//! Cost: near-linear in the number of quotes (candidates from the index, each scored in
//! O(words²) with words capped); memory for the index postings.

mod index;
pub mod words;

use crate::align;
use crate::corpus::Article;
use crate::quotes::Quote;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
pub use words::Interned;

/// How a rendering relates to the one it derives from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The cluster's reference rendering.
    Reference,
    /// The same words.
    Identical,
    /// A contiguous part of the fuller rendering.
    Contained,
    /// Parts of the fuller rendering joined over an ellipsis.
    Spliced,
    /// An edit of the fuller rendering (words cut, swapped or added).
    Edited,
    /// A long run of words shared, the rest reworded.
    SharedRun,
    /// One to three words that only this cluster holds.
    Fragment,
}

/// One quote in a cluster.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    /// Index into the quotes.
    pub quote: usize,
    /// The fuller rendering (a quote index) this one derives from; None for the reference.
    pub parent: Option<usize>,
    pub relation: Relation,
    /// Normalised word-level Levenshtein similarity to the reference (0 to 1).
    pub similarity: f64,
    /// Share of this rendering found in order in the reference (0 to 1).
    pub containment: f64,
    /// Word diff from the reference to this rendering (positions are word indexes).
    pub diff: Vec<align::Op>,
}

/// Every rendering of one utterance.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    /// 1-based, in output order (most outlets first).
    pub id: usize,
    /// Index of the reference quote.
    pub reference: usize,
    /// In article order.
    pub members: Vec<Member>,
    /// Speakers as attributed, most frequent first.
    pub speakers: Vec<String>,
    /// Article ids carrying it, sorted.
    pub articles: Vec<String>,
    /// Outlet labels carrying it, sorted.
    pub outlets: Vec<String>,
}

/// The clusters, and which cluster each quote is in.
pub struct Clustering {
    pub clusters: Vec<Cluster>,
    /// Per quote: index into `clusters`.
    pub cluster_of: Vec<usize>,
    pub interned: Interned,
}

/// Thresholds of the variant relation, in one place.
#[derive(Debug, Clone)]
pub struct Config {
    /// Semi-global similarity for an edited rendering of five words or more.
    pub min_containment: f64,
    /// Whole-rendering Levenshtein similarity for an edit.
    pub min_similarity: f64,
    /// A shared run this long always links (MemeTracker: more than 10 words).
    pub long_run: usize,
    /// 3-grams held by more renderings than this are not used for candidates.
    pub shingle_cap: usize,
    /// Words of a rendering considered when scoring (longer ones are cut).
    pub max_words: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_containment: 0.75,
            min_similarity: 0.7,
            long_run: 10,
            shingle_cap: 200,
            max_words: 400,
        }
    }
}

/// Renderings: quotes with the same words (one-word ones also need the same speaker).
struct Group {
    words: Vec<u32>,
    quotes: Vec<usize>,
    cuts: Vec<usize>,
    speaker: Option<String>,
}

pub fn cluster(articles: &[Article], quotes: &[Quote], cfg: &Config) -> Clustering {
    let interned = Interned::new(quotes);
    let groups = group(quotes, &interned);
    // Fullest first; ties by first appearance: parents always come earlier.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| {
        (
            std::cmp::Reverse(groups[g].words.len()),
            groups[g].quotes[0],
        )
    });
    let rank: Vec<usize> = {
        let mut r = vec![0; groups.len()];
        for (i, &g) in order.iter().enumerate() {
            r[g] = i;
        }
        r
    };
    let slices: Vec<&[u32]> = groups
        .iter()
        .map(|g| &g.words[..g.words.len().min(cfg.max_words)])
        .collect();
    let shingles = index::ShingleIndex::build(&slices, 4, cfg.shingle_cap);
    let mut parent: Vec<Option<(usize, Relation)>> = vec![None; groups.len()];
    for &g in &order {
        if slices[g].len() < 4 {
            continue;
        }
        let best = shingles
            .candidates(slices[g])
            .into_iter()
            .map(|(c, _)| c as usize)
            .filter(|&c| rank[c] < rank[g])
            .filter_map(|c| {
                score(&groups[g], slices[g], &groups[c], slices[c], cfg).map(|s| (c, s))
            })
            .max_by(|(c1, (s1, _)), (c2, (s2, _))| {
                s1.total_cmp(s2).then(rank[*c2].cmp(&rank[*c1]))
            });
        parent[g] = best.map(|(c, (_, rel))| (c, rel));
    }
    let mut uf = UnionFind::new(groups.len());
    for (g, p) in parent.iter().enumerate() {
        if let Some((p, _)) = p {
            uf.union(g, *p);
        }
    }
    attach_fragments(&groups, &slices, &rank, &mut parent, &mut uf);
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for g in 0..groups.len() {
        by_root.entry(uf.find(g)).or_default().push(g);
    }
    let mut clusters: Vec<Cluster> = by_root
        .into_values()
        .map(|gs| build_cluster(articles, quotes, &groups, &gs, &parent))
        .collect();
    clusters.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.outlets.len()),
            std::cmp::Reverse(c.members.len()),
            c.members.iter().map(|m| m.quote).min().unwrap_or(0),
        )
    });
    let mut cluster_of = vec![0; quotes.len()];
    for (i, c) in clusters.iter_mut().enumerate() {
        c.id = i + 1;
        for m in &c.members {
            cluster_of[m.quote] = i;
        }
    }
    Clustering {
        clusters,
        cluster_of,
        interned,
    }
}

fn group(quotes: &[Quote], interned: &Interned) -> Vec<Group> {
    let mut key_of: HashMap<(Vec<u32>, Option<String>), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (q, words) in interned.words.iter().enumerate() {
        let speaker = quotes[q].speaker.clone();
        let key = (
            words.clone(),
            if words.len() == 1 {
                speaker.clone()
            } else {
                None
            },
        );
        let g = *key_of.entry(key).or_insert_with(|| {
            groups.push(Group {
                words: words.clone(),
                quotes: Vec::new(),
                cuts: interned.cuts[q].clone(),
                speaker,
            });
            groups.len() - 1
        });
        groups[g].quotes.push(q);
    }
    groups
}

/// How likely `short` derives from `long`, and how; None when it does not.
fn score(
    short_g: &Group,
    short: &[u32],
    long_g: &Group,
    long: &[u32],
    cfg: &Config,
) -> Option<(f64, Relation)> {
    let bonus = match (&short_g.speaker, &long_g.speaker) {
        (Some(a), Some(b)) if a == b => 0.02,
        _ => 0.0,
    };
    let ratio = short.len() as f64 / long.len().max(1) as f64;
    if align::contains(long, short) {
        return Some((1.0 + bonus + 0.01 * ratio, Relation::Contained));
    }
    if !short_g.cuts.is_empty() && spliced(short, &short_g.cuts, long) {
        return Some((0.97 + bonus, Relation::Spliced));
    }
    let mut best: Option<(f64, Relation)> = None;
    let mut consider = |s: f64, r: Relation| {
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, r));
        }
    };
    if short.len() >= 5 {
        let c = align::containment(short, long);
        if c >= cfg.min_containment {
            consider(0.95 * c + bonus, Relation::Edited);
        }
    }
    let sim = align::similarity(short, long);
    if sim >= cfg.min_similarity {
        consider(0.95 * sim + bonus, Relation::Edited);
    }
    let run = align::longest_shared_run(short, long);
    if run >= cfg.long_run || 2 * run > short.len() + 6 {
        consider(
            0.9 * (0.6 + 0.4 * run as f64 / short.len() as f64) + bonus,
            Relation::SharedRun,
        );
    }
    best
}

/// Each part between the cuts (two words or more) stands in `long`, in order.
fn spliced(short: &[u32], cuts: &[usize], long: &[u32]) -> bool {
    let mut bounds = vec![0];
    bounds.extend(cuts.iter().copied());
    bounds.push(short.len());
    let mut from = 0;
    for w in bounds.windows(2) {
        let part = &short[w[0]..w[1]];
        if part.len() < 2 {
            return false;
        }
        match long[from..].windows(part.len()).position(|x| x == part) {
            Some(p) => from += p + part.len(),
            None => return false,
        }
    }
    true
}

/// Renderings a fragment's rarest word may stand in before the fragment counts as generic.
const FRAGMENT_HOLDERS_CAP: usize = 200;

/// Places renderings of one to three words: under the smallest rendering that holds them
/// when all such renderings lie in one cluster; otherwise they stand alone.
fn attach_fragments(
    groups: &[Group],
    slices: &[&[u32]],
    rank: &[usize],
    parent: &mut [Option<(usize, Relation)>],
    uf: &mut UnionFind,
) {
    let long: Vec<&[u32]> = slices
        .iter()
        .map(|s| if s.len() >= 4 { *s } else { &[][..] })
        .collect();
    let words = index::WordIndex::build(&long);
    for g in 0..groups.len() {
        let w = slices[g];
        if w.is_empty() || w.len() >= 4 {
            continue;
        }
        // A fragment whose rarest word stands in very many renderings is generic.
        let holders: Vec<usize> = words
            .holding_rarest(w, FRAGMENT_HOLDERS_CAP)
            .into_iter()
            .map(|c| c as usize)
            .filter(|&c| align::contains(slices[c], w))
            .collect();
        let roots: BTreeSet<usize> = holders.iter().map(|&c| uf.find(c)).collect();
        if roots.len() != 1 {
            continue;
        }
        let Some(&best) = holders.iter().min_by_key(|&&c| (slices[c].len(), rank[c])) else {
            continue;
        };
        parent[g] = Some((best, Relation::Fragment));
        uf.union(g, best);
    }
}

fn build_cluster(
    articles: &[Article],
    quotes: &[Quote],
    groups: &[Group],
    gs: &[usize],
    parent: &[Option<(usize, Relation)>],
) -> Cluster {
    let reference_group = reference(groups, gs);
    let ref_words = &groups[reference_group].words;
    let reference = groups[reference_group].quotes[0];
    let mut members = Vec::new();
    for &g in gs {
        let sim = align::similarity(&groups[g].words, ref_words);
        let cont = if groups[g].words.len() <= ref_words.len() {
            align::containment(&groups[g].words, ref_words)
        } else {
            align::containment(ref_words, &groups[g].words)
        };
        let diff = align::diff(ref_words, &groups[g].words);
        for &q in &groups[g].quotes {
            let (parent_q, relation) = if q == reference {
                (None, Relation::Reference)
            } else if g == reference_group {
                (Some(reference), Relation::Identical)
            } else {
                match parent[g] {
                    Some((p, rel)) => (Some(groups[p].quotes[0]), rel),
                    None => (Some(reference), Relation::Edited),
                }
            };
            members.push(Member {
                quote: q,
                parent: parent_q,
                relation,
                similarity: round3(sim),
                containment: round3(cont),
                diff: diff.clone(),
            });
        }
    }
    members.sort_by_key(|m| (quotes[m.quote].article_index, quotes[m.quote].start));
    let mut speakers: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &members {
        if let Some(s) = &quotes[m.quote].speaker {
            *speakers.entry(s).or_default() += 1;
        }
    }
    let mut speakers: Vec<(&str, usize)> = speakers.into_iter().collect();
    speakers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let arts: BTreeSet<usize> = members
        .iter()
        .map(|m| quotes[m.quote].article_index)
        .collect();
    let outlets: BTreeSet<String> = arts.iter().map(|&a| articles[a].label()).collect();
    Cluster {
        id: 0,
        reference,
        members,
        speakers: speakers.into_iter().map(|(s, _)| s.to_string()).collect(),
        articles: arts.iter().map(|&a| articles[a].id.clone()).collect(),
        outlets: outlets.into_iter().collect(),
    }
}

/// The fullest rendering best supported by the others: most words that some other
/// article also carries (aligned), then most words, then most articles, then first.
fn reference(groups: &[Group], gs: &[usize]) -> usize {
    const MAX_COMPARED: usize = 200;
    let mut candidates: Vec<usize> = gs.to_vec();
    candidates.sort_by_key(|&g| {
        (
            std::cmp::Reverse(groups[g].words.len()),
            groups[g].quotes[0],
        )
    });
    candidates.truncate(MAX_COMPARED);
    let mut best = (0usize, 0usize, 0usize, usize::MAX, candidates[0]);
    for &r in &candidates {
        let words = &groups[r].words;
        let mut covered = vec![false; words.len()];
        if groups[r].quotes.len() > 1 {
            covered.iter_mut().for_each(|c| *c = true);
        }
        for &o in candidates.iter().filter(|&&o| o != r) {
            for op in align::diff(words, &groups[o].words) {
                if let align::Op::Equal { reference, len, .. } = op {
                    covered[reference..reference + len]
                        .iter_mut()
                        .for_each(|c| *c = true);
                }
            }
        }
        let supported = covered.iter().filter(|&&c| c).count();
        let key = (
            supported,
            words.len(),
            groups[r].quotes.len(),
            usize::MAX - groups[r].quotes[0],
            r,
        );
        if (key.0, key.1, key.2, key.3) > (best.0, best.1, best.2, best.3) {
            best = key;
        }
    }
    best.4
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two sets; the smaller index becomes the root, so roots are deterministic.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

impl Clustering {
    /// The clusters a user asked for: carried by at least `min_outlets` outlets, with a
    /// speaker matching `speaker` (case-insensitive substring), involving `article`.
    pub fn select(
        &self,
        quotes: &[Quote],
        speaker: Option<&str>,
        article: Option<&str>,
        min_outlets: usize,
    ) -> Vec<&Cluster> {
        let speaker = speaker.map(str::to_lowercase);
        self.clusters
            .iter()
            .filter(|c| c.outlets.len() >= min_outlets)
            .filter(|c| {
                speaker.as_ref().is_none_or(|s| {
                    c.speakers
                        .iter()
                        .any(|x| x.to_lowercase().contains(s.as_str()))
                })
            })
            .filter(|c| {
                article.is_none_or(|a| c.members.iter().any(|m| quotes[m.quote].article == a))
            })
            .collect()
    }
}
