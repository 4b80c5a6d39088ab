//! Quotes as sequences of interned word ids, the form every comparison works on.

use crate::quotes::Quote;
use crate::text::tokens;
use std::collections::HashMap;

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
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut vocab = Vec::new();
        let mut words = Vec::with_capacity(quotes.len());
        let mut cuts = Vec::with_capacity(quotes.len());
        for q in quotes {
            let toks = tokens(&q.text);
            let mut seq = Vec::with_capacity(toks.len());
            let mut cut = Vec::new();
            let mut last_end = 0;
            for (i, t) in toks.iter().enumerate() {
                let gap = &q.text[last_end.min(t.start)..t.start];
                if i > 0 && (gap.contains("...") || gap.contains('…')) {
                    cut.push(i);
                }
                last_end = t.end;
                let id = *ids.entry(t.norm.clone()).or_insert_with(|| {
                    vocab.push(t.norm.clone());
                    (vocab.len() - 1) as u32
                });
                seq.push(id);
            }
            words.push(seq);
            cuts.push(cut);
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
