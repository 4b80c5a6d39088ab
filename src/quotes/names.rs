//! One name per person across the corpus: "Maduro", "President Maduro" and "President
//! Nicolás Maduro of Venezuela" all become the fullest form seen, "Nicolás Maduro", so
//! that clusters and the graph group by person. Groups keep their own name.

use super::lexicon as lex;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Full names seen and how often, indexed by their last word and by their first word:
/// a name can only be completed by a known name that shares one of them.
#[derive(Default)]
pub(crate) struct Known<'a> {
    by_last: FxHashMap<&'a str, BTreeMap<&'a str, usize>>,
    by_first: FxHashMap<&'a str, BTreeMap<&'a str, usize>>,
}

impl<'a> Known<'a> {
    pub(crate) fn add(&mut self, name: &'a str) {
        self.add_times(name, 1);
    }

    /// Counts `name` as seen `times` times.
    pub(crate) fn add_times(&mut self, name: &'a str, times: usize) {
        let mut words = name.split_whitespace();
        let Some(first) = words.next() else {
            return;
        };
        let last = words.next_back().unwrap_or(first);
        *self
            .by_last
            .entry(last)
            .or_default()
            .entry(name)
            .or_default() += times;
        *self
            .by_first
            .entry(first)
            .or_default()
            .entry(name)
            .or_default() += times;
    }

    /// Every name with how often it was seen, in no particular order.
    pub(crate) fn counts(&self) -> impl Iterator<Item = (&'a str, usize)> + '_ {
        self.by_last
            .values()
            .flat_map(|m| m.iter().map(|(&k, &c)| (k, c)))
    }

    /// The longest known name that ends with `name`'s words (or, for one word, starts
    /// with it: "Chris" is "Chris Anderson"); ties go to the most frequent, then the
    /// first in order.
    pub(crate) fn fullest(&self, name: &str) -> Option<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let last = *words.last()?;
        let by_last = self.by_last.get(last).into_iter().flatten();
        let by_first = (words.len() == 1)
            .then(|| self.by_first.get(last))
            .flatten()
            .into_iter()
            .flatten();
        by_last
            .chain(by_first)
            .filter(|(k, _)| {
                let kw: Vec<&str> = k.split_whitespace().collect();
                kw.len() > words.len()
                    && (kw.ends_with(&words) || (words.len() == 1 && kw[0] == words[0]))
                    || kw == words
            })
            .max_by(|(a, x), (b, y)| {
                a.split_whitespace()
                    .count()
                    .cmp(&b.split_whitespace().count())
                    .then(x.cmp(y))
                    .then(b.cmp(a))
            })
            .map(|(k, _)| k.to_string())
    }
}

/// Builds the map from every name seen to its canonical form.
/// `names` are (article index, name) pairs: speakers and multi-word person mentions.
pub fn canonical_map(names: &[(usize, String)]) -> BTreeMap<(usize, String), String> {
    let mut corpus = Known::default();
    let mut per_article: FxHashMap<usize, Known> = FxHashMap::default();
    for (a, n) in names {
        if completes(n) {
            corpus.add(n);
            per_article.entry(*a).or_default().add(n);
        }
    }
    let mut out = BTreeMap::new();
    for (a, n) in names {
        let key = (*a, n.clone());
        if out.contains_key(&key) {
            continue;
        }
        let canon = if is_person(n) {
            per_article
                .get(a)
                .and_then(|k| k.fullest(n))
                .or_else(|| corpus.fullest(n))
                .unwrap_or_else(|| n.clone())
        } else {
            n.clone()
        };
        out.insert(key, canon);
    }
    out
}

/// A name that can complete others: a person's, of two words or more.
pub(crate) fn completes(name: &str) -> bool {
    // The word count first: it is the cheaper test, and most speakers are one word.
    name.split_whitespace().nth(1).is_some() && is_person(name)
}

pub(crate) fn is_person(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words.clone().next().is_some()
        && words
            .clone()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || lex::is_particle(w))
        && !words.next_back().is_some_and(|w| {
            let f = lex::word_flags(w);
            f.is_group() || f.is_org_head()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullest_form_wins() {
        let names = vec![
            (0, "Maduro".to_string()),
            (1, "Nicolás Maduro".to_string()),
            (1, "Maduro".to_string()),
            (2, "Trump".to_string()),
            (3, "Donald Trump".to_string()),
            (2, "Trump administration".to_string()),
        ];
        let m = canonical_map(&names);
        assert_eq!(m[&(0, "Maduro".into())], "Nicolás Maduro");
        assert_eq!(m[&(1, "Maduro".into())], "Nicolás Maduro");
        assert_eq!(m[&(2, "Trump".into())], "Donald Trump");
        assert_eq!(
            m[&(2, "Trump administration".into())],
            "Trump administration"
        );
    }
}
