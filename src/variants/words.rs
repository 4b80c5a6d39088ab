//! Quotes as sequences of interned word ids, the form every comparison works on.

use crate::quotes::Quote;
use crate::text::tokens;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Every quote's words as ids, and the vocabulary.
pub struct Interned {
    pub words: Vec<Vec<u32>>,
    /// Where a quote's text has an ellipsis ("..." or "…"): word positions before which
    /// the writer cut something.
    pub cuts: Vec<Vec<usize>>,
    pub vocab: Vec<String>,
}

impl Interned {
    pub fn new(quotes: &[Quote]) -> Self {
        // Tokenising is the cost and runs in parallel, a chunk at a time so that the
        // words waiting to be interned stay few; ids are given in quote order, as a
        // single thread would give them.
        const CHUNK: usize = 1 << 15;
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut vocab = Vec::new();
        let mut words = Vec::with_capacity(quotes.len());
        let mut cuts = Vec::with_capacity(quotes.len());
        for chunk in quotes.chunks(CHUNK) {
            let split: Vec<(Vec<String>, Vec<usize>)> =
                chunk.par_iter().map(|q| split(&q.text)).collect();
            for (norms, cut) in split {
                let seq = norms
                    .into_iter()
                    .map(|w| match ids.get(&w) {
                        Some(&id) => id,
                        None => {
                            let id = vocab.len() as u32;
                            vocab.push(w.clone());
                            ids.insert(w, id);
                            id
                        }
                    })
                    .collect();
                words.push(seq);
                cuts.push(cut);
            }
        }
        Interned { words, cuts, vocab }
    }

    pub fn text(&self, ids: &[u32]) -> String {
        ids.iter()
            .map(|&i| self.vocab[i as usize].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A quote's words as compared, and the word positions before which an ellipsis cuts.
fn split(text: &str) -> (Vec<String>, Vec<usize>) {
    let toks = tokens(text);
    let mut cut = Vec::new();
    let mut last_end = 0;
    for (i, t) in toks.iter().enumerate() {
        let gap = &text[last_end.min(t.start)..t.start];
        if i > 0 && (gap.contains("...") || gap.contains('…')) {
            cut.push(i);
        }
        last_end = t.end;
    }
    (toks.into_iter().map(|t| t.norm).collect(), cut)
}
