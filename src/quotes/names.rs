//! One name per person across the corpus: "Maduro", "President Maduro" and "President
//! Nicolás Maduro of Venezuela" all become the fullest form seen, "Nicolás Maduro", so
//! that clusters and the graph group by person. Groups keep their own name.

use super::lexicon as lex;
use std::collections::BTreeMap;

/// Builds the map from every name seen to its canonical form.
/// `names` are (article index, name) pairs: speakers and multi-word person mentions.
pub fn canonical_map(names: &[(usize, String)]) -> BTreeMap<(usize, String), String> {
    // Full names and how often each was seen, per article and in the whole corpus.
    let mut corpus: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_article: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    for (a, n) in names {
        if is_person(n) && n.split_whitespace().count() >= 2 {
            *corpus.entry(n).or_default() += 1;
            *per_article.entry(*a).or_default().entry(n).or_default() += 1;
        }
    }
    let mut out = BTreeMap::new();
    for (a, n) in names {
        let canon = if is_person(n) {
            per_article
                .get(a)
                .and_then(|m| fullest(n, m))
                .or_else(|| fullest(n, &corpus))
                .unwrap_or_else(|| n.clone())
        } else {
            n.clone()
        };
        out.insert((*a, n.clone()), canon);
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

/// The longest known name that ends with `name`'s words (or, for one word, starts
/// with it: "Chris" is "Chris Anderson"); ties go to the most frequent, then the first.
fn fullest(name: &str, known: &BTreeMap<&str, usize>) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    known
        .iter()
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
