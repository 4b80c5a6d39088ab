//! Stage 3: gather every rendering of one utterance into a cluster.
//!
//! Speakers reuse talking points across utterances and stories, and a matcher that
//! links quotes through any long shared run of words chains unrelated stories together
//! (MemeTracker's known weakness). So words are weighed by how specific they are: by the
//! document frequency of the 3-grams over them, counted over distinct texts that no other
//! text holds word for word (a reprint or a cut of a quote is not another text). Every
//! comparison then asks how much of a rendering's specific weight a fuller rendering
//! keeps, not how many words they share.
//!
//! Renderings (the same words from the same speaker) are compared only with the
//! candidates the index of specific 3-grams proposes. Each points to the fuller rendering
//! it most likely derives from (contained in it, spliced from it, an edit of it, or sharing
//! a long specific run with it); clusters are the trees of that derives-from forest.
//! Renderings too generic to decide alone (short fragments, talking points) join a
//! cluster only where that is unambiguous, article by article, with the story the article
//! tells (the clusters it quotes) and the speaker as tie-breakers. Each cluster's
//! reference is its fullest rendering best supported by the others.
//!
//! Cost: near-linear in the number of quotes (candidates from the index, at most 64 per
//! rendering, each scored in O(words²) with words capped); memory for the index.

mod index;
#[cfg(test)]
mod tests;
pub mod words;

use crate::align;
use crate::corpus::Article;
use crate::quotes::Quote;
use crate::sparse::Scores;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
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
    /// A generic rendering whose rarest 3-gram (or word) stands in more renderings than
    /// this is left alone: it could come from anywhere.
    pub holder_cap: usize,
    /// Words of a rendering considered when scoring (longer ones are cut).
    pub max_words: usize,
    /// A 3-gram held by at most this many distinct renderings is fully specific.
    pub specific_df: usize,
    /// A 3-gram held by this many distinct renderings or more is generic: it weighs
    /// nothing and proposes no candidates.
    pub generic_df: usize,
    /// Specific weight (in words) a rendering needs to link by its own words; below it a
    /// rendering is placed like a short fragment, only where that is unambiguous.
    pub min_specific: f64,
    /// Specific weight a rendering needs to derive from one credited to someone else: a
    /// few words two people share are a talking point, a long passage a misattribution.
    pub cross_speaker_specific: f64,
    /// Share of a rendering's specific weight an edit of a fuller one must keep, when
    /// both name the same speaker, when either names none, and when they differ. A
    /// rendering with no speaker vouches for nobody: at a lower bar it was the hub
    /// through which two people's edits of one talking point joined (cluster precision
    /// on 100,000 generated articles 0.947 to 0.952, and better at 1k and 10k).
    pub min_specific_share: [f64; 3],
    /// The same for a rendering that shares a long run with a fuller one.
    pub min_run_share: [f64; 3],
    /// Share of a rendering's specific 3-gram weight a candidate must hold to be scored.
    pub min_gram_share: f64,
    /// Candidates scored per rendering, those sharing the most specific 3-grams first.
    pub max_candidates: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_containment: 0.75,
            min_similarity: 0.7,
            long_run: 10,
            holder_cap: 200,
            max_words: 400,
            specific_df: 8,
            generic_df: 40,
            min_specific: 2.0,
            cross_speaker_specific: 6.0,
            min_specific_share: [0.75, 0.9, 0.9],
            min_run_share: [0.5, 0.6, 0.75],
            min_gram_share: 0.2,
            max_candidates: 64,
        }
    }
}

struct Group {
    words: Vec<u32>,
    /// Which distinct word sequence this is.
    text: u32,
    quotes: Vec<usize>,
    cuts: Vec<usize>,
    /// Interned speakers of its quotes, sorted.
    speakers: Vec<u32>,
}

/// Renderings shorter than this are placed only where that is unambiguous.
const MIN_LINKING_WORDS: usize = 4;

/// What scoring needs of every rendering.
struct Prepared<'a> {
    groups: &'a [Group],
    slices: Vec<&'a [u32]>,
    rank: Vec<usize>,
    /// Per rendering and word: how specific the word is (0 generic to 1).
    weights: Vec<Vec<f32>>,
    /// Per rendering: the sum of its weights.
    mass: Vec<f32>,
    shingles: index::ShingleIndex,
    lookup: Lookup,
}

impl Prepared<'_> {
    fn generic(&self, g: usize, cfg: &Config) -> bool {
        self.slices[g].len() < MIN_LINKING_WORDS || f64::from(self.mass[g]) < cfg.min_specific
    }
}

pub fn cluster(articles: &[Article], quotes: &[Quote], cfg: &Config) -> Clustering {
    cluster_with(articles, quotes, cfg, Lookup::Index)
}

/// How candidates are found: from the index, or (to check the index against) by looking
/// at every pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    Index,
    #[cfg(test)]
    AllPairs,
}

fn cluster_with(
    articles: &[Article],
    quotes: &[Quote],
    cfg: &Config,
    lookup: Lookup,
) -> Clustering {
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
    let mut rank = vec![0; groups.len()];
    for (i, &g) in order.iter().enumerate() {
        rank[g] = i;
    }
    let slices: Vec<&[u32]> = groups
        .iter()
        .map(|g| &g.words[..g.words.len().min(cfg.max_words)])
        .collect();
    let text_of: Vec<u32> = groups.iter().map(|g| g.text).collect();
    let cuts: Vec<&[usize]> = groups.iter().map(|g| g.cuts.as_slice()).collect();
    let shingles = index::ShingleIndex::build(&slices, &cuts, &text_of);
    let weights: Vec<Vec<f32>> = slices
        .par_iter()
        .zip(&cuts)
        .map(|(s, c)| word_weights(s, c, &shingles, cfg))
        .collect();
    let mass = weights.iter().map(|w| w.iter().sum()).collect();
    let prep = Prepared {
        groups: &groups,
        slices,
        rank,
        weights,
        mass,
        shingles,
        lookup,
    };
    // Each rendering's parent depends only on the renderings, never on the order in
    // which others were placed, so this runs in parallel and gives the same forest.
    let mut parent: Vec<Option<(usize, Relation)>> = (0..groups.len())
        .into_par_iter()
        .map_init(
            || Scores::new(groups.len()),
            |scratch, g| best_parent(&prep, g, None, cfg, scratch),
        )
        .collect();
    let mut uf = UnionFind::new(groups.len());
    for (g, p) in parent.iter().enumerate() {
        if let Some((p, _)) = p {
            uf.union(g, *p);
        }
    }
    let article_of: Vec<usize> = quotes.iter().map(|q| q.article_index).collect();
    let stories = Stories::new(&prep, &article_of, cfg, &mut uf);
    // A few words credited to someone else join when the story bears it out: the two
    // renderings' articles carry a cluster in common (a misattribution in one story).
    let across: Vec<(usize, Option<(usize, Relation)>)> = (0..groups.len())
        .into_par_iter()
        .filter(|&g| parent[g].is_none() && !prep.generic(g, cfg))
        .map_init(
            || Scores::new(groups.len()),
            |scratch, g| (g, best_parent(&prep, g, Some(&stories), cfg, scratch)),
        )
        .collect();
    for (g, best) in across {
        if let Some((c, rel)) = best {
            parent[g] = Some((c, rel));
            uf.union(g, c);
        }
    }
    let splits = attach_generic(
        &prep,
        &order,
        &article_of,
        &stories,
        cfg,
        &mut parent,
        &mut uf,
    );
    drop(prep);
    let mut groups = groups;
    for split in splits {
        let from = &mut groups[split.from];
        from.quotes
            .retain(|q| split.quotes.binary_search(q).is_err());
        let part = Group {
            words: from.words.clone(),
            text: from.text,
            quotes: split.quotes,
            cuts: from.cuts.clone(),
            speakers: from.speakers.clone(),
        };
        groups.push(part);
        parent.push(split.to.map(|t| (t, Relation::Fragment)));
        let g = uf.push();
        if let Some(t) = split.to {
            uf.union(g, t);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for g in 0..groups.len() {
        by_root.entry(uf.find(g)).or_default().push(g);
    }
    let mut clusters: Vec<Cluster> = by_root
        .into_values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|gs| build_cluster(articles, quotes, &groups, gs, &parent))
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

/// Renderings: the same words from the same speaker. The same words from different
/// speakers are kept apart because a talking point is the same words from different
/// people; they join when the words are specific, or when nothing else claims them.
fn group(quotes: &[Quote], interned: &Interned) -> Vec<Group> {
    let mut key_of: FxHashMap<(&[u32], Option<&str>), usize> = FxHashMap::default();
    let mut text_of: FxHashMap<&[u32], u32> = FxHashMap::default();
    let mut speaker_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut groups: Vec<Group> = Vec::new();
    for (q, words) in interned.words.iter().enumerate() {
        let speaker = quotes[q].speaker.as_deref();
        let key = (words.as_slice(), speaker);
        let g = *key_of.entry(key).or_insert_with(|| {
            let next = text_of.len() as u32;
            let text = *text_of.entry(words.as_slice()).or_insert(next);
            groups.push(Group {
                words: words.clone(),
                text,
                quotes: Vec::new(),
                cuts: interned.cuts[q].clone(),
                speakers: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].quotes.push(q);
        if let Some(s) = speaker {
            let next = speaker_ids.len() as u32;
            let id = *speaker_ids.entry(s).or_insert(next);
            if let Err(i) = groups[g].speakers.binary_search(&id) {
                groups[g].speakers.insert(i, id);
            }
        }
    }
    groups
}

/// How specific a 3-gram held by `df` distinct renderings is: 1 up to `specific_df`,
/// nothing from `generic_df` on, falling with log df between. A talking point
/// ("we are not going anywhere") is carried by many different renderings; the words of
/// one utterance only by its own few variants, however often each is reprinted.
fn specificity(df: usize, cfg: &Config) -> f32 {
    let (lo, hi) = (cfg.specific_df.max(1) as f64, cfg.generic_df as f64);
    let df = df as f64;
    if df <= lo {
        1.0
    } else if df >= hi {
        0.0
    } else {
        ((hi.ln() - df.ln()) / (hi.ln() - lo.ln())) as f32
    }
}

/// A word is as specific as the most specific 3-gram over it: a common word next to a
/// name is part of what only this utterance says.
fn word_weights(
    words: &[u32],
    cuts: &[usize],
    shingles: &index::ShingleIndex,
    cfg: &Config,
) -> Vec<f32> {
    if words.len() < 3 {
        return vec![1.0; words.len()];
    }
    let mut w = vec![0.0f32; words.len()];
    for i in index::gram_starts(words, cuts) {
        let g = [words[i], words[i + 1], words[i + 2]];
        let s = specificity(shingles.df(&g), cfg);
        for x in &mut w[i..i + 3] {
            *x = x.max(s);
        }
    }
    w
}

/// Per-thread accumulator of the specific 3-gram weight each candidate shares.
/// The fuller rendering `g` most likely derives from by its specific words; None for a
/// generic rendering (placed later, only where unambiguous) or when none qualifies.
fn best_parent(
    p: &Prepared,
    g: usize,
    across: Option<&Stories>,
    cfg: &Config,
    scratch: &mut Scores<f32>,
) -> Option<(usize, Relation)> {
    if p.generic(g, cfg) {
        return None;
    }
    let mut total = 0.0f32;
    let grams = index::grams(p.slices[g], &p.groups[g].cuts);
    for gram in &grams {
        let s = specificity(p.shingles.df(gram), cfg);
        if s <= 0.0 {
            continue;
        }
        total += s;
        if p.lookup != Lookup::Index {
            continue;
        }
        for &c in p.shingles.holders(gram) {
            if p.rank[c as usize] >= p.rank[g] {
                continue;
            }
            scratch.add(c, s);
        }
    }
    #[cfg(test)]
    if p.lookup == Lookup::AllPairs {
        for c in (0..p.slices.len()).filter(|&c| p.rank[c] < p.rank[g]) {
            let theirs = index::grams(p.slices[c], &p.groups[c].cuts);
            let shared: f32 = grams
                .iter()
                .filter(|x| theirs.binary_search(x).is_ok())
                .map(|x| specificity(p.shingles.df(x), cfg))
                .sum();
            if shared > 0.0 {
                scratch.add(c as u32, shared);
            }
        }
    }
    let mut cands: Vec<(f32, usize)> = scratch
        .drain()
        .map(|(h, c)| (h, c as usize))
        .filter(|&(h, _)| f64::from(h) >= cfg.min_gram_share * f64::from(total))
        .collect();
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(p.rank[a.1].cmp(&p.rank[b.1])));
    cands.truncate(cfg.max_candidates);
    cands
        .into_iter()
        .filter_map(|(_, c)| score(p, g, c, across, cfg).map(|s| (c, s)))
        .max_by(|(c1, (s1, _)), (c2, (s2, _))| s1.total_cmp(s2).then(p.rank[*c2].cmp(&p.rank[*c1])))
        .map(|(c, (_, rel))| (c, rel))
}

/// How likely rendering `s` derives from the fuller `l`, and how; None when it does not.
/// With `across`, only renderings credited to someone else (or, for an edit, one side
/// to nobody) are scored, and only when the stories bear the link out; then they need
/// not have many specific words.
fn score(
    p: &Prepared,
    s: usize,
    l: usize,
    across: Option<&Stories>,
    cfg: &Config,
) -> Option<(f64, Relation)> {
    let (short_g, long_g) = (&p.groups[s], &p.groups[l]);
    let (short, long) = (p.slices[s], p.slices[l]);
    let agree = agreement(short_g, long_g);
    match across {
        None if agree == 2 && f64::from(p.mass[s]) < cfg.cross_speaker_specific => return None,
        None => {}
        Some(stories) if agree >= 1 && stories.meet(s, l) => {}
        Some(_) => return None,
    }
    // An edit (not a cut) between a rendering that names nobody and one that names a
    // speaker waits for the stories: unattributed, the words vouch for no one, and
    // taken at once such edits joined two stories' talking points (cluster precision
    // at 100,000 generated articles 0.952 to 0.958).
    let defer = across.is_none() && agree == 1;
    let bonus = if agree == 0 { 0.02 } else { 0.0 };
    let ratio = short.len() as f64 / long.len().max(1) as f64;
    if align::contains(long, short) {
        return Some((1.0 + bonus + 0.01 * ratio, Relation::Contained));
    }
    if !short_g.cuts.is_empty() && spliced(short, &short_g.cuts, long) {
        return Some((0.97 + bonus, Relation::Spliced));
    }
    if defer {
        return None;
    }
    // Agreeing on the generic words while differing on the specific ones is two
    // utterances built on one talking point, not an edit.
    let cw = align::weighted_containment(short, &p.weights[s], long, &p.weights[l]);
    let (edit_bar, run_bar) = (cfg.min_specific_share[agree], cfg.min_run_share[agree]);
    if cw < edit_bar.min(run_bar) {
        return None;
    }
    let mut best: Option<(f64, Relation)> = None;
    let mut consider = |s: f64, r: Relation| {
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, r));
        }
    };
    if cw >= edit_bar {
        if short.len() >= 5 {
            let c = align::containment(short, long);
            if c >= cfg.min_containment {
                consider(0.95 * c.min(cw) + bonus, Relation::Edited);
            }
        }
        let sim = align::similarity(short, long);
        if sim >= cfg.min_similarity {
            consider(0.95 * sim.min(cw) + bonus, Relation::Edited);
        }
    }
    if cw >= run_bar {
        // MemeTracker's rule, in specific words: a run of talking points is no evidence.
        let run = f64::from(align::weighted_shared_run(short, &p.weights[s], long));
        if run >= cfg.long_run as f64 || 2.0 * run > f64::from(p.mass[s]) + 6.0 {
            consider(
                0.9 * (0.6 + 0.4 * run / f64::from(p.mass[s])) * cw + bonus,
                Relation::SharedRun,
            );
        }
    }
    best
}

/// 0 when the renderings share a speaker, 1 when either has none, 2 when they differ.
/// The same words from different people are more often a shared talking point than one
/// utterance, so a link across speakers needs stronger words; misattributions still link.
fn agreement(a: &Group, b: &Group) -> usize {
    if shares_speaker(a, b) {
        0
    } else if a.speakers.is_empty() || b.speakers.is_empty() {
        1
    } else {
        2
    }
}

fn shares_speaker(a: &Group, b: &Group) -> bool {
    a.speakers
        .iter()
        .any(|s| b.speakers.binary_search(s).is_ok())
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

/// Quotes of a generic rendering placed apart from the rest of it: their articles tell a
/// different story.
struct Split {
    from: usize,
    /// Quote indexes, sorted.
    quotes: Vec<usize>,
    /// The rendering it derives from; None when it stands alone.
    to: Option<usize>,
}

/// Places the generic renderings (short fragments, talking points) under the smallest
/// fuller rendering holding them (word for word, or over their ellipsis), fullest first so
/// that one placed already counts for the shorter ones it holds. Words this generic say
/// little of where they belong, so each article decides for its own quotes of them: when
/// every holder lies in one cluster, that cluster must tell the article's story (carry a
/// cluster the article quotes) or, in an article that quotes nothing else, credit the
/// speaker; otherwise the holders of the story and the speaker decide when they lie in
/// one cluster, then the speaker's anywhere, then a cluster holding twice as many of the
/// story's and speaker's as any other. What nothing decides stands alone, split by story,
/// so generic words never chain two clusters together.
fn attach_generic(
    p: &Prepared,
    order: &[usize],
    article_of: &[usize],
    stories: &Stories,
    cfg: &Config,
    parent: &mut [Option<(usize, Relation)>],
    uf: &mut UnionFind,
) -> Vec<Split> {
    let linking = |c: usize| p.slices[c].len() >= MIN_LINKING_WORDS;
    let long: Vec<&[u32]> = (0..p.slices.len())
        .map(|c| if linking(c) { p.slices[c] } else { &[][..] })
        .collect();
    let words = index::WordIndex::build(&long);
    // Per speaker, the renderings that name them, in index order.
    let mut by_speaker: Vec<Vec<u32>> = Vec::new();
    for (c, grp) in p.groups.iter().enumerate() {
        for &s in &grp.speakers {
            if by_speaker.len() <= s as usize {
                by_speaker.resize_with(s as usize + 1, Vec::new);
            }
            if linking(c) {
                by_speaker[s as usize].push(c as u32);
            }
        }
    }
    let story = &stories.story;
    let mut splits = Vec::new();
    // Per generic rendering: whether one of its words is rare.
    let mut rare = vec![false; p.slices.len()];
    for &g in order {
        let w = p.slices[g];
        if w.is_empty() || !p.generic(g, cfg) {
            continue;
        }
        // Every rendering that could hold `w`: those with its rarest 3-gram, or word.
        let cuts = &p.groups[g].cuts;
        let rarest = index::grams(w, cuts)
            .into_iter()
            .min_by_key(|x| (p.shingles.df(x), *x));
        // Rare words, not just a rare combination of common ones ("calm assembly line").
        rare[g] = words.rarest_count(w) <= cfg.specific_df;
        let pool: &[u32] = match rarest {
            Some(rarest) => p.shingles.holders(&rarest),
            None => words.holding_rarest(w),
        };
        let crowded = pool.len() > cfg.holder_cap;
        #[cfg(test)]
        let everyone: Vec<u32> = (0..p.slices.len() as u32).collect();
        #[cfg(test)]
        let (pool, crowded) = if p.lookup == Lookup::AllPairs {
            let n = p.slices.len();
            let count = match rarest {
                Some(r) => (0..n)
                    .filter(|&c| index::grams(p.slices[c], &p.groups[c].cuts).contains(&r))
                    .count(),
                None => w
                    .iter()
                    .map(|x| {
                        (0..n)
                            .filter(|&c| linking(c) && p.slices[c].contains(x))
                            .count()
                    })
                    .min()
                    .unwrap_or(0),
            };
            (&everyone[..], count > cfg.holder_cap)
        } else {
            (pool, crowded)
        };
        let holds = |c: usize| {
            let l = p.slices[c];
            c != g
                && linking(c)
                && l.len() > w.len()
                && (align::contains(l, w) || (!cuts.is_empty() && spliced(w, cuts, l)))
        };
        let holders: Vec<usize> = if !crowded {
            pool.iter()
                .map(|&c| c as usize)
                .filter(|&c| holds(c))
                .collect()
        } else {
            same_speaker(&p.groups[g], pool, &by_speaker)
                .into_iter()
                .filter(|&c| holds(c))
                .collect()
        };
        // All the renderings holding the words lie in one cluster.
        let all_choice = (!crowded)
            .then(|| unambiguous(&holders, uf))
            .flatten()
            .map(|_| smallest(p, &holders));
        // Whether that cluster also credits the words to their speaker (or could).
        let all_speaks = all_choice.is_some()
            && (p.groups[g].speakers.is_empty()
                || holders
                    .iter()
                    .any(|&c| agreement(&p.groups[g], &p.groups[c]) < 2));
        let same: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&c| shares_speaker(&p.groups[g], &p.groups[c]))
            .collect();
        let by_speaker = unambiguous(&same, uf).map(|_| smallest(p, &same));
        // Each article decides for its quotes of `g`: words this generic are placed by
        // the story they stand in.
        let mut arts: Vec<(usize, usize)> = p.groups[g]
            .quotes
            .iter()
            .map(|&q| (article_of[q], q))
            .collect();
        arts.sort_unstable();
        let mut target_of: Vec<(usize, usize)> = Vec::new();
        for run in arts.chunk_by(|x, y| x.0 == y.0) {
            let a = run[0].0;
            let near: Vec<usize> = holders
                .iter()
                .copied()
                .filter(|&c| meets(&stories.told[c], &story[a]))
                .collect();
            let choice = if all_choice.is_some() {
                // One cluster holds the words: it must tell the article's story, or, when
                // the article tells none, credit the speaker.
                all_choice.filter(|_| !near.is_empty() || (story[a].is_empty() && all_speaks))
            } else {
                let near_same: Vec<usize> = near
                    .iter()
                    .copied()
                    .filter(|&c| shares_speaker(&p.groups[g], &p.groups[c]))
                    .collect();
                // Failing agreement, a cluster holding most of the story's renderings by
                // that speaker: a stray variant of one utterance is no rival to the rest.
                unambiguous(&near_same, uf)
                    .map(|_| smallest(p, &near_same))
                    .or(by_speaker)
                    .or_else(|| dominant(p, &near_same, DOMINANT, uf))
            };
            if let Some(t) = choice {
                target_of.extend(run.iter().map(|&(_, q)| (t, q)));
            }
        }
        // Parts: the quotes placed, by where; the rest by the story their articles tell,
        // unless the words are rare (then they are one quote, whoever tells it).
        let mut parts: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
        target_of.sort_unstable();
        for (t, q) in &target_of {
            match parts.last_mut() {
                Some((last, qs)) if *last == Some(*t) => qs.push(*q),
                _ => parts.push((Some(*t), vec![*q])),
            }
        }
        let mut placed: Vec<usize> = target_of.iter().map(|&(_, q)| q).collect();
        placed.sort_unstable();
        let mut rest: Vec<(usize, usize)> = arts
            .iter()
            .copied()
            .filter(|(_, q)| placed.binary_search(q).is_err())
            .collect();
        if !rest.is_empty() {
            if rare[g] {
                parts.push((None, rest.iter().map(|&(_, q)| q).collect()));
            } else {
                parts.extend(by_story(&mut rest, story).into_iter().map(|qs| (None, qs)));
            }
        }
        for part in &mut parts {
            part.1.sort_unstable();
        }
        parts.sort_by_key(|part| part.1[0]);
        let mut parts = parts.into_iter();
        // The rendering itself keeps the part with its first quote.
        if let Some((Some(t), _)) = parts.next() {
            parent[g] = Some((t, Relation::Fragment));
            uf.union(g, t);
        }
        splits.extend(parts.map(|(to, quotes)| Split {
            from: g,
            quotes,
            to,
        }));
    }
    // The same rare words that nothing placed stay together whoever said them ("armed
    // conflict" from two outlets): that is a quote with two attributions. A single word
    // only goes with its speaker, and a talking point from two people is two quotes.
    let mut first: HashMap<u32, usize> = HashMap::new();
    for &g in order {
        if parent[g].is_none() && rare[g] && p.slices[g].len() >= 2 {
            let f = *first.entry(p.groups[g].text).or_insert(g);
            if f != g {
                parent[g] = Some((f, Relation::Identical));
                uf.union(g, f);
            }
        }
    }
    splits
}

/// Which story each article tells: the clusters (after the specific links) of the
/// specific renderings it quotes; and per rendering, the clusters its articles carry.
struct Stories {
    story: Vec<Vec<u32>>,
    told: Vec<Vec<u32>>,
}

impl Stories {
    fn new(p: &Prepared, article_of: &[usize], cfg: &Config, uf: &mut UnionFind) -> Self {
        let n_articles = article_of.iter().map(|&a| a + 1).max().unwrap_or(0);
        let mut story: Vec<Vec<u32>> = vec![Vec::new(); n_articles];
        for (g, grp) in p.groups.iter().enumerate() {
            if !p.generic(g, cfg) {
                let root = uf.find(g) as u32;
                for &q in &grp.quotes {
                    story[article_of[q]].push(root);
                }
            }
        }
        for s in &mut story {
            s.sort_unstable();
            s.dedup();
        }
        let told = p
            .groups
            .par_iter()
            .map(|g| {
                // A rendering reprinted very widely is known by a sample of its articles.
                let mut t: Vec<u32> = g
                    .quotes
                    .iter()
                    .take(64)
                    .flat_map(|&q| story[article_of[q]].iter().copied())
                    .collect();
                t.sort_unstable();
                t.dedup();
                t
            })
            .collect();
        Stories { story, told }
    }

    /// Whether the articles of two renderings carry a cluster in common.
    fn meet(&self, a: usize, b: usize) -> bool {
        meets(&self.told[a], &self.told[b])
    }
}

/// The quotes of `arts` ((article, quote) pairs, sorted) in groups whose articles are
/// linked by the clusters they share; quotes in articles with no cluster go together.
fn by_story(arts: &mut [(usize, usize)], story: &[Vec<u32>]) -> Vec<Vec<usize>> {
    arts.sort_unstable();
    let mut uf = UnionFind::new(arts.len());
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let mut lone: Option<usize> = None;
    for (i, &(a, _)) in arts.iter().enumerate() {
        if i > 0 && arts[i - 1].0 == a {
            uf.union(i - 1, i);
        }
        if story[a].is_empty() {
            uf.union(*lone.get_or_insert(i), i);
        }
        for &r in &story[a] {
            uf.union(*seen.entry(r).or_insert(i), i);
        }
    }
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &(_, q)) in arts.iter().enumerate() {
        parts.entry(uf.find(i)).or_default().push(q);
    }
    parts.into_values().collect()
}

/// How many times as many holders one cluster needs as any other to win them.
const DOMINANT: usize = 2;

/// The smallest holder of the cluster holding `k` times as many of `holders` as any other.
fn dominant(p: &Prepared, holders: &[usize], k: usize, uf: &mut UnionFind) -> Option<usize> {
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &c in holders {
        by_root.entry(uf.find(c)).or_default().push(c);
    }
    let mut sizes: Vec<(usize, usize)> = by_root.iter().map(|(&r, v)| (v.len(), r)).collect();
    sizes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match sizes.as_slice() {
        [(n, r), (m, _), ..] if *n >= k * *m => Some(smallest(p, &by_root[r])),
        _ => None,
    }
}

/// The smallest of `holders`, the first of equals.
fn smallest(p: &Prepared, holders: &[usize]) -> usize {
    *holders
        .iter()
        .min_by_key(|&&c| (p.slices[c].len(), p.rank[c]))
        .expect("a holder")
}

/// Whether two sorted lists share an element.
fn meets(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The renderings of `pool` (in index order) that name a speaker of `g`, in index order.
fn same_speaker(g: &Group, pool: &[u32], by_speaker: &[Vec<u32>]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &s in &g.speakers {
        let theirs = by_speaker.get(s as usize).map_or(&[][..], Vec::as_slice);
        let (small, large) = if theirs.len() <= pool.len() {
            (theirs, pool)
        } else {
            (pool, theirs)
        };
        out.extend(
            small
                .iter()
                .filter(|c| large.binary_search(c).is_ok())
                .map(|&c| c as usize),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A holder, when every holder lies in one cluster.
fn unambiguous(holders: &[usize], uf: &mut UnionFind) -> Option<usize> {
    let first = *holders.first()?;
    let root = uf.find(first);
    holders.iter().all(|&c| uf.find(c) == root).then_some(first)
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
                    Some((p, _)) if groups[p].text == groups[g].text => {
                        (Some(groups[p].quotes[0]), Relation::Identical)
                    }
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
        // Candidates come longest first and support never exceeds length, so once the
        // best is supported by more words than this one has, no later one can win.
        if words.len() < best.0 {
            break;
        }
        let mut covered = vec![false; words.len()];
        let mut supported = 0;
        if groups[r].quotes.len() > 1 {
            covered.iter_mut().for_each(|c| *c = true);
            supported = words.len();
        }
        for &o in candidates.iter().filter(|&&o| o != r) {
            if supported == words.len() {
                break;
            }
            for op in align::diff(words, &groups[o].words) {
                if let align::Op::Equal { reference, len, .. } = op {
                    for c in &mut covered[reference..reference + len] {
                        supported += usize::from(!*c);
                        *c = true;
                    }
                }
            }
        }
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

    /// A new singleton set; its index.
    fn push(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.parent.len() - 1
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
