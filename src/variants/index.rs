//! Candidate pairs without comparing all pairs: an inverted index from word 3-grams to
//! the renderings that contain them. A 3-gram shared by very many renderings says
//! nothing about any pair and is left out (document-frequency cap), which keeps the
//! cost near-linear in the number of quotes.

use std::collections::HashMap;

/// Renderings of at least `min_len` words, indexed by their word 3-grams.
pub struct ShingleIndex {
    postings: HashMap<[u32; 3], Vec<u32>>,
    cap: usize,
}

impl ShingleIndex {
    pub fn build(renderings: &[&[u32]], min_len: usize, cap: usize) -> Self {
        let mut postings: HashMap<[u32; 3], Vec<u32>> = HashMap::new();
        for (r, words) in renderings.iter().enumerate() {
            if words.len() < min_len {
                continue;
            }
            let mut seen: Vec<[u32; 3]> = words.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
            seen.sort_unstable();
            seen.dedup();
            for s in seen {
                postings.entry(s).or_default().push(r as u32);
            }
        }
        ShingleIndex { postings, cap }
    }

    /// Renderings sharing at least one informative 3-gram with `words`, with the number
    /// shared; sorted by rendering index.
    pub fn candidates(&self, words: &[u32]) -> Vec<(u32, u32)> {
        let mut hits: HashMap<u32, u32> = HashMap::new();
        let mut shingles: Vec<[u32; 3]> = words.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
        shingles.sort_unstable();
        shingles.dedup();
        for s in shingles {
            if let Some(list) = self.postings.get(&s) {
                if list.len() > self.cap {
                    continue;
                }
                for &r in list {
                    *hits.entry(r).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(u32, u32)> = hits.into_iter().collect();
        out.sort_unstable();
        out
    }
}

/// Word → renderings containing it, for placing fragments of one to three words.
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

    /// Renderings holding the rarest word of `words`; none when more than `cap` do.
    pub fn holding_rarest(&self, words: &[u32], cap: usize) -> Vec<u32> {
        let rarest = words
            .iter()
            .filter_map(|w| self.postings.get(w))
            .min_by_key(|l| l.len());
        match rarest {
            Some(l) if l.len() <= cap && words.iter().all(|w| self.postings.contains_key(w)) => {
                l.clone()
            }
            _ => Vec::new(),
        }
    }
}
