//! Candidate pairs without comparing all pairs: an inverted index from word 3-grams to
//! the renderings that contain them. The same postings give each 3-gram's document
//! frequency over distinct renderings, which is how generic talking points are told
//! from the words of one utterance.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

pub type Gram = [u32; 3];

/// Where the 3-grams of `words` start, leaving out those that run over a cut (an
/// ellipsis: the speaker never said those words in a row).
pub fn gram_starts<'a>(words: &'a [u32], cuts: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    (0..words.len().saturating_sub(2))
        .filter(move |&i| !cuts.iter().any(|&c| c == i + 1 || c == i + 2))
}

/// The distinct 3-grams of `words` (see [`gram_starts`]), sorted.
pub fn grams(words: &[u32], cuts: &[usize]) -> Vec<Gram> {
    let mut g: Vec<Gram> = gram_starts(words, cuts)
        .map(|i| [words[i], words[i + 1], words[i + 2]])
        .collect();
    g.sort_unstable();
    g.dedup();
    g
}

/// Renderings of three words or more, indexed by their word 3-grams: the 3-grams sorted,
/// each with the renderings holding it (in index order) and its document frequency.
pub struct ShingleIndex {
    /// Each 3-gram's key `k`. Hashed rather than searched in a sorted list: every
    /// rendering looks up each of its 3-grams several times, and at a million
    /// renderings a binary search over millions of keys missed the cache at every step.
    keys: FxHashMap<Gram, u32>,
    /// `items[starts[k]..starts[k + 1]]` hold the 3-gram of key `k`.
    starts: Vec<u32>,
    items: Vec<u32>,
    df: Vec<u32>,
}

/// Longer than this, a text's rarest 3-gram is too common to look for texts holding it.
const MAXIMAL_SCAN: usize = 2000;

impl ShingleIndex {
    /// `text_of[r]` names the words of rendering `r`. A 3-gram's document frequency counts
    /// distinct texts, and only those no other text holds word for word: a quote reprinted,
    /// cut or quoted in part is still one text, so that an utterance many outlets carry in
    /// many cuts is not taken for a talking point.
    pub fn build(renderings: &[&[u32]], cuts: &[&[usize]], text_of: &[u32]) -> Self {
        let mut pairs: Vec<(Gram, u32)> = renderings
            .par_iter()
            .zip(cuts)
            .enumerate()
            .flat_map_iter(|(r, (words, cuts))| {
                grams(words, cuts).into_iter().map(move |g| (g, r as u32))
            })
            .collect();
        pairs.par_sort_unstable();
        let mut keys = FxHashMap::default();
        let mut starts = Vec::new();
        let mut items = Vec::with_capacity(pairs.len());
        let mut last: Option<Gram> = None;
        for (g, r) in pairs {
            if last != Some(g) {
                keys.insert(g, starts.len() as u32);
                starts.push(items.len() as u32);
                last = Some(g);
            }
            items.push(r);
        }
        starts.push(items.len() as u32);
        let mut index = ShingleIndex {
            keys,
            starts,
            items,
            df: Vec::new(),
        };
        // One rendering speaks for each text: the first.
        let mut first_of_text: Vec<u32> = vec![u32::MAX; text_of.len()];
        for (r, &t) in text_of.iter().enumerate() {
            if first_of_text[t as usize] == u32::MAX {
                first_of_text[t as usize] = r as u32;
            }
        }
        let counted: Vec<bool> = (0..renderings.len())
            .into_par_iter()
            .map(|r| {
                first_of_text[text_of[r] as usize] == r as u32
                    && index.maximal(r, renderings, cuts, text_of)
            })
            .collect();
        index.df = (0..index.starts.len() - 1)
            .into_par_iter()
            .map(|k| {
                let list = &index.items[index.starts[k] as usize..index.starts[k + 1] as usize];
                list.iter().filter(|&&r| counted[r as usize]).count().max(1) as u32
            })
            .collect();
        index
    }

    /// Whether no other text holds rendering `r`'s words word for word.
    fn maximal(&self, r: usize, renderings: &[&[u32]], cuts: &[&[usize]], text_of: &[u32]) -> bool {
        let words = renderings[r];
        if !cuts[r].is_empty() {
            return true;
        }
        let Some(rarest) = words
            .windows(3)
            .map(|w| self.holders(&[w[0], w[1], w[2]]))
            .min_by_key(|h| h.len())
        else {
            return true;
        };
        rarest.len() > MAXIMAL_SCAN
            || !rarest.iter().any(|&c| {
                let c = c as usize;
                text_of[c] != text_of[r]
                    && renderings[c].len() > words.len()
                    && renderings[c].windows(words.len()).any(|w| w == words)
            })
    }

    fn find(&self, g: &Gram) -> Option<usize> {
        self.keys.get(g).map(|&k| k as usize)
    }

    /// Renderings holding `g`, in index order.
    pub fn holders(&self, g: &Gram) -> &[u32] {
        match self.find(g) {
            Some(k) => &self.items[self.starts[k] as usize..self.starts[k + 1] as usize],
            None => &[],
        }
    }

    /// How many distinct texts no other text holds carry `g` (at least 1 when any does).
    pub fn df(&self, g: &Gram) -> usize {
        self.find(g).map_or(0, |k| self.df[k] as usize)
    }
}

/// Word → renderings containing it, for placing fragments of one or two words.
pub struct WordIndex {
    postings: HashMap<u32, Vec<u32>>,
}

impl WordIndex {
    pub fn build(renderings: &[&[u32]]) -> Self {
        let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
        for (r, words) in renderings.iter().enumerate() {
            let mut ws = words.to_vec();
            ws.sort_unstable();
            ws.dedup();
            for w in ws {
                postings.entry(w).or_default().push(r as u32);
            }
        }
        WordIndex { postings }
    }

    /// How many renderings hold the rarest word of `words`.
    pub fn rarest_count(&self, words: &[u32]) -> usize {
        words
            .iter()
            .map(|w| self.postings.get(w).map_or(0, Vec::len))
            .min()
            .unwrap_or(0)
    }

    /// Renderings holding the rarest word of `words`, in index order (none when some
    /// word stands in no rendering).
    pub fn holding_rarest(&self, words: &[u32]) -> &[u32] {
        let mut rarest: &[u32] = &[];
        for (i, w) in words.iter().enumerate() {
            let Some(l) = self.postings.get(w) else {
                return &[];
            };
            if i == 0 || l.len() < rarest.len() {
                rarest = l;
            }
        }
        rarest
    }
}
