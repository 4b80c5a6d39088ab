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
    times: FxHashMap<&'a str, usize>,
    /// The distinct names by last word and by first word, each listed once, when first
    /// counted: a name seen again costs one look-up.
    by_last: FxHashMap<&'a str, Vec<&'a str>>,
    by_first: FxHashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Known<'a> {
    pub(crate) fn add(&mut self, name: &'a str) {
        self.add_times(name, 1);
    }

    /// Counts `name` as seen `times` times.
    pub(crate) fn add_times(&mut self, name: &'a str, times: usize) {
        if let Some(t) = self.times.get_mut(name) {
            *t += times;
            return;
        }
        let Some((first, last)) = first_and_last(name) else {
            return;
        };
        self.times.insert(name, times);
        self.by_last.entry(last).or_default().push(name);
        self.by_first.entry(first).or_default().push(name);
    }

    /// Every name with how often it was seen, in no particular order.
    pub(crate) fn counts(&self) -> impl Iterator<Item = (&'a str, usize)> + '_ {
        self.times.iter().map(|(&k, &c)| (k, c))
    }

    /// The longest known name that ends with `name`'s words (or, for one word, starts
    /// with it: "Chris" is "Chris Anderson"); ties go to the most frequent, then the
    /// first in order.
    pub(crate) fn fullest(&self, name: &str) -> Option<String> {
        let (_, last) = first_and_last(name)?;
        let one_word = name.split_whitespace().nth(1).is_none();
        let by_last = self.by_last.get(last).into_iter().flatten();
        let by_first = one_word
            .then(|| self.by_first.get(last))
            .flatten()
            .into_iter()
            .flatten();
        fullest_of(name, by_last.chain(by_first).map(|&k| (k, self.times[k])))
    }
}

/// The names of one article, with how often it names each: few, so kept in lists
/// sorted by word instead of [`Known`]'s tables, which cost more to build for each
/// article than all its look-ups.
#[derive(Default)]
pub(crate) struct ArticleNames<'a> {
    names: Vec<ArticleName<'a>>,
    /// Indices into `names`, by last word and by first word (see [`Self::index`]).
    by_last: Vec<usize>,
    by_first: Vec<usize>,
}

struct ArticleName<'a> {
    name: &'a str,
    times: usize,
    first: &'a str,
    last: &'a str,
}

impl<'a> ArticleNames<'a> {
    /// Counts `name`, which is not counted yet, as seen `times` times. [`Self::index`]
    /// must follow before [`Self::fullest`].
    pub(crate) fn add_new(&mut self, name: &'a str, times: usize) {
        if let Some((first, last)) = first_and_last(name) {
            self.names.push(ArticleName {
                name,
                times,
                first,
                last,
            });
        }
    }

    /// Sorts the names by their words for [`Self::fullest`].
    pub(crate) fn index(&mut self) {
        let names = &self.names;
        self.by_last = (0..names.len()).collect();
        self.by_last.sort_unstable_by_key(|&i| names[i].last);
        self.by_first = (0..names.len()).collect();
        self.by_first.sort_unstable_by_key(|&i| names[i].first);
    }

    /// Every name with how often it was seen.
    pub(crate) fn counts(&self) -> impl Iterator<Item = (&'a str, usize)> + '_ {
        self.names.iter().map(|n| (n.name, n.times))
    }

    /// [`Known::fullest`] over these names.
    pub(crate) fn fullest(&self, name: &str) -> Option<String> {
        let (_, last) = first_and_last(name)?;
        let one_word = name.split_whitespace().nth(1).is_none();
        let by_last = self.with(&self.by_last, |n| n.last, last);
        let by_first = if one_word {
            self.with(&self.by_first, |n| n.first, last)
        } else {
            &[]
        };
        let named = |&i: &usize| (self.names[i].name, self.names[i].times);
        fullest_of(name, by_last.iter().chain(by_first).map(named))
    }

    /// The part of `index` (sorted by `word`) whose names have `word` equal to `w`.
    fn with<'s>(
        &self,
        index: &'s [usize],
        word: fn(&ArticleName<'a>) -> &'a str,
        w: &str,
    ) -> &'s [usize] {
        let from = index.partition_point(|&i| word(&self.names[i]) < w);
        let to = from + index[from..].partition_point(|&i| word(&self.names[i]) <= w);
        &index[from..to]
    }
}

/// The last word of `name`: the word [`Known::fullest`] looks it up by.
pub(crate) fn last_word(name: &str) -> Option<&str> {
    first_and_last(name).map(|(_, l)| l)
}

/// Whether `name`'s first or last word is one of `words`: whether it can complete a
/// name whose [`last_word`] is one of them.
pub(crate) fn shares_an_end(name: &str, words: &rustc_hash::FxHashSet<&str>) -> bool {
    !words.is_empty()
        && first_and_last(name).is_some_and(|(f, l)| words.contains(l) || words.contains(f))
}

/// The first and last word of `name` (the same word for a one-word name).
fn first_and_last(name: &str) -> Option<(&str, &str)> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    Some((first, words.next_back().unwrap_or(first)))
}

/// Of `candidates` (known names with their counts; a name may come twice, with the
/// same count), the fullest that completes `name`: see [`Known::fullest`]. Their order
/// does not matter: the choice is a total order.
fn fullest_of<'k>(
    name: &str,
    candidates: impl Iterator<Item = (&'k str, usize)>,
) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    candidates
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

/// Some words, each capitalised or a name particle, the last no group or body's noun;
/// one word alone no place or body unless also a surname ("Australia", "U.S." and
/// "Chevron" speak, but as a country or a body; "Park" may be a person).
pub(crate) fn is_person(name: &str) -> bool {
    // One pass over the words: a speaker's name is judged for each article it speaks in.
    let mut last = None;
    let mut words = 0;
    for w in name.split_whitespace() {
        if !(w.chars().next().is_some_and(char::is_uppercase) || lex::is_particle(w)) {
            return false;
        }
        last = Some(w);
        words += 1;
    }
    last.is_some_and(|w| {
        let f = lex::word_flags(w);
        // "It", a pronoun left as its own speaker, names no one.
        !(f.is_group() || f.is_org_head() || f.is_pronoun())
            && (words > 1 || !f.is_place_or_body() || f.may_end_name())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_or_body_alone_is_no_person() {
        for name in ["Australia", "U.S.", "Chevron", "Pakistan"] {
            assert!(!is_person(name), "{name}");
        }
        // A place word that is also a surname, and names of two words, may be people.
        for name in [
            "Park",
            "Maduro",
            "Carmen Park",
            "Nicolás Maduro",
            "Kathy Ireland",
        ] {
            assert!(is_person(name), "{name}");
        }
    }

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

    /// An article's list and the corpus's tables complete every name alike: the same
    /// fullest form, ties broken the same way, for one-word and longer names.
    #[test]
    fn article_names_complete_as_the_corpus_tables_do() {
        let seen = [
            ("Nicolás Maduro", 3),
            ("Maduro", 5),
            ("President Nicolás Maduro", 1),
            ("Chris Anderson", 2),
            ("Chris Evans", 2),
            ("Anne Chris", 2),
            ("Delcy Rodríguez", 1),
            ("Jorge Rodríguez", 1),
            ("Maria Corina Machado", 1),
            ("Corina Machado", 4),
        ];
        let mut known = Known::default();
        let mut article = ArticleNames::default();
        for (n, t) in seen {
            known.add_times(n, t);
            article.add_new(n, t);
        }
        article.index();
        let asked = [
            "Maduro",
            "Nicolás Maduro",
            "Chris",
            "Anderson",
            "Rodríguez",
            "Machado",
            "Corina Machado",
            "Nobody",
            "",
        ];
        for n in asked {
            assert_eq!(article.fullest(n), known.fullest(n), "{n}");
        }
        assert_eq!(
            known.fullest("Maduro").as_deref(),
            Some("President Nicolás Maduro")
        );
        assert_eq!(known.fullest("Chris").as_deref(), Some("Anne Chris"));
        assert_eq!(
            known.fullest("Rodríguez").as_deref(),
            Some("Delcy Rodríguez")
        );
        let mut counts: Vec<_> = article.counts().collect();
        let mut expected: Vec<_> = known.counts().collect();
        counts.sort_unstable();
        expected.sort_unstable();
        assert_eq!(counts, expected);
    }
}
