//! One name per person across the corpus: "Maduro", "President Maduro" and "President
//! Nicolás Maduro of Venezuela" all become the fullest form seen, "Nicolás Maduro", so
//! that clusters and the graph group by person. Groups keep their own name.

use super::lexicon as lex;
use std::collections::{BTreeMap, HashMap};

/// Full names seen and how often, indexed by their last word and by their first word:
/// a name can only be completed by a known name that shares one of them.
#[derive(Default)]
struct Known<'a> {
    by_last: HashMap<&'a str, BTreeMap<&'a str, usize>>,
    by_first: HashMap<&'a str, BTreeMap<&'a str, usize>>,
}

impl<'a> Known<'a> {
    fn add(&mut self, name: &'a str) {
        let (Some(first), Some(last)) = (
            name.split_whitespace().next(),
            name.split_whitespace().next_back(),
        ) else {
            return;
        };
        *self
            .by_last
            .entry(last)
            .or_default()
            .entry(name)
            .or_default() += 1;
        *self
            .by_first
            .entry(first)
            .or_default()
            .entry(name)
            .or_default() += 1;
    }

    /// The longest known name that ends with `name`'s words (or, for one word, starts
    /// with it: "Chris" is "Chris Anderson"); ties go to the most frequent, then the
    /// first in order.
    fn fullest(&self, name: &str) -> Option<String> {
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
    let mut per_article: HashMap<usize, Known> = HashMap::new();
    for (a, n) in names {
        if is_person(n) && n.split_whitespace().count() >= 2 {
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

fn is_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || lex::is_particle(w))
        && !words.last().is_some_and(|w| lex::is_group(w))
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
