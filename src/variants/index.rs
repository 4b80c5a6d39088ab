//! Candidate pairs without comparing all pairs: an inverted index from word 3-grams to
//! the renderings that contain them. The same postings give each 3-gram's document
//! frequency over distinct renderings, which is how generic talking points are told
//! from the words of one utterance.

use std::collections::HashMap;

pub type Gram = [u32; 3];

/// The distinct 3-grams of `words`, sorted.
pub fn grams(words: &[u32]) -> Vec<Gram> {
    let mut g: Vec<Gram> = words.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    g.sort_unstable();
    g.dedup();
    g
}

/// Renderings of three words or more, indexed by their word 3-grams.
pub struct ShingleIndex {
    postings: HashMap<Gram, Vec<u32>>,
    /// Per 3-gram held by renderings of more than one text: how many distinct texts.
    texts: HashMap<Gram, u32>,
}

impl ShingleIndex {
    /// `text_of[r]` names the words of rendering `r`: renderings of one text (the same
    /// words from different speakers) count once in a 3-gram's document frequency.
    pub fn build(renderings: &[&[u32]], text_of: &[u32]) -> Self {
        let mut postings: HashMap<Gram, Vec<u32>> = HashMap::new();
        for (r, words) in renderings.iter().enumerate() {
            for g in grams(words) {
                postings.entry(g).or_default().push(r as u32);
            }
        }
        let mut texts = HashMap::new();
        for (g, list) in &postings {
            let mut t: Vec<u32> = list.iter().map(|&r| text_of[r as usize]).collect();
            t.sort_unstable();
            t.dedup();
            if t.len() != list.len() {
                texts.insert(*g, t.len() as u32);
            }
        }
        ShingleIndex { postings, texts }
    }

    /// Renderings holding `g`, in index order.
    pub fn holders(&self, g: &Gram) -> &[u32] {
        self.postings.get(g).map_or(&[], Vec::as_slice)
    }

    /// How many distinct texts hold `g`.
    pub fn df(&self, g: &Gram) -> usize {
        match self.texts.get(g) {
            Some(&t) => t as usize,
            None => self.holders(g).len(),
        }
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
