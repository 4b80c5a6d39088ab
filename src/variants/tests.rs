//! The variant relation on small hand-made corpora, and the index against every pair.

use super::*;
use crate::quotes::QuoteKind;

/// Quotes as (article, speaker, text); one article per distinct article name.
fn corpus(rows: &[(&str, Option<&str>, &str)]) -> (Vec<Article>, Vec<Quote>) {
    let mut articles: Vec<Article> = Vec::new();
    let mut quotes = Vec::new();
    for (n, &(article, speaker, text)) in rows.iter().enumerate() {
        let ai = match articles.iter().position(|a| a.id == article) {
            Some(i) => i,
            None => {
                articles.push(Article::new(article.into(), article.into(), String::new()));
                articles.len() - 1
            }
        };
        quotes.push(Quote {
            id: format!("q{n}"),
            article: article.into(),
            article_index: ai,
            text: text.into(),
            start: 0,
            end: text.len(),
            open: 0,
            close: text.len(),
            line: 1,
            column: 1,
            kind: QuoteKind::Statement,
            terminated: true,
            cut: false,
            speaker: speaker.map(str::to_string),
            speaker_text: speaker.map(str::to_string),
            speaker_start: None,
            speaker_end: None,
            cue: None,
            attribution: None,
            utterance: format!("q{n}"),
        });
    }
    (articles, quotes)
}

fn together(c: &Clustering, a: usize, b: usize) -> bool {
    c.cluster_of[a] == c.cluster_of[b]
}

/// Thresholds scaled to a corpus of a few dozen quotes: a 3-gram in four texts or more
/// is as generic here as one in forty among thousands.
fn small() -> Config {
    Config {
        specific_df: 1,
        generic_df: 4,
        ..Config::default()
    }
}

/// Six speakers of six stories, each opening with the same talking point and going on
/// to say something of their own.
fn talking_points() -> Vec<(String, String, String)> {
    let rest = [
        "pressing to question the harbour dredging contract in Port Calder",
        "ready to audit the Elmshaw water board and its pipe tenders",
        "determined to reopen the Varrow rail depot before the winter",
        "willing to fund the Ostrey clinic night shifts from the reserve",
        "prepared to halt the Brinmoor quarry blasting near the school",
        "eager to publish the Tallis ferry safety inspections in full",
    ];
    rest.iter()
        .enumerate()
        .map(|(i, r)| {
            (
                format!("a{i}"),
                format!("Speaker {i}"),
                format!("They know, because we have told them more than once, that we are {r}."),
            )
        })
        .collect()
}

/// The talking-point utterances as corpus rows, each with its speaker.
fn rows_of(tp: &[(String, String, String)]) -> Vec<(&str, Option<&str>, &str)> {
    tp.iter()
        .map(|(a, s, t)| (a.as_str(), Some(s.as_str()), t.as_str()))
        .collect()
}

#[test]
fn utterances_sharing_only_a_talking_point_stay_apart() {
    let tp = talking_points();
    let mut rows = rows_of(&tp);
    // The talking point alone, from one of them and from nobody in particular.
    rows.push((
        "a7",
        Some("Speaker 2"),
        "They know, because we have told them more than once, that we are",
    ));
    rows.push(("a8", None, "because we have told them more than once"));
    let (articles, quotes) = corpus(&rows);
    let c = cluster(&articles, &quotes, &small());
    for i in 0..tp.len() {
        for j in i + 1..tp.len() {
            assert!(
                !together(&c, i, j),
                "{i} and {j} merged through the talking point"
            );
        }
    }
    // The bare talking point could be any of them: its speaker decides, and without one
    // it joins none.
    assert!(together(&c, 6, 2));
    assert_eq!(c.clusters[c.cluster_of[7]].members.len(), 1);
}

#[test]
fn a_stock_closing_does_not_chain_two_stories() {
    let rows = [
        (
            "a1",
            Some("Mayor Ortiz"),
            "The Calder bridge repairs start in June, and we are not going anywhere.",
        ),
        (
            "a2",
            Some("Chief Lund"),
            "Our crews will clear the Varrow landslide by Friday, and we are not going anywhere.",
        ),
        (
            "a3",
            Some("Dr Amsel"),
            "The Ostrey ward reopens next week, and we are not going anywhere.",
        ),
        (
            "a4",
            Some("Ms Pryce"),
            "Tenants in Brinmoor will get their deposits back, and we are not going anywhere.",
        ),
        (
            "a5",
            Some("Mr Haldane"),
            "The Tallis ferry keeps its winter timetable, and we are not going anywhere.",
        ),
        ("a6", Some("Mayor Ortiz"), "we are not going anywhere"),
    ];
    let (articles, quotes) = corpus(&rows);
    let c = cluster(&articles, &quotes, &small());
    for i in 0..5 {
        for j in i + 1..5 {
            assert!(!together(&c, i, j), "{i} and {j} merged");
        }
    }
}

#[test]
fn truncated_spliced_and_edited_variants_still_cluster() {
    let full = "We will not sign the Halvard pipeline permit until the Marrow river survey is published in full.";
    let tp = talking_points();
    let mut rows: Vec<(&str, Option<&str>, &str)> = vec![
        ("a1", Some("Governor Reyes"), full),
        // Truncated.
        ("a2", Some("Governor Reyes"), "We will not sign the Halvard pipeline permit"),
        // Spliced over an ellipsis.
        (
            "a3",
            Some("Governor Reyes"),
            "We will not sign the Halvard pipeline permit ... is published in full.",
        ),
        // Edited: a word swapped, another dropped.
        (
            "a4",
            Some("Governor Reyes"),
            "We will not approve the Halvard pipeline permit until the Marrow river survey is published in full.",
        ),
        // Misattributed, but the same long passage.
        ("a5", Some("Senator Voss"), full),
        // A fragment only this utterance holds.
        ("a6", Some("Governor Reyes"), "Marrow river survey"),
    ];
    // The talking points, so that generic words exist in this corpus.
    rows.extend(
        tp.iter()
            .map(|(a, s, t)| (a.as_str(), Some(s.as_str()), t.as_str())),
    );
    let (articles, quotes) = corpus(&rows);
    let c = cluster(&articles, &quotes, &small());
    for k in 1..6 {
        assert!(
            together(&c, 0, k),
            "variant {k} not with the full rendering"
        );
    }
    let cl = &c.clusters[c.cluster_of[0]];
    assert_eq!(cl.members.len(), 6);
    assert_eq!(quotes[cl.reference].text, full);
    let relation = |q: usize| cl.members.iter().find(|m| m.quote == q).unwrap().relation;
    assert_eq!(relation(1), Relation::Contained);
    assert_eq!(relation(2), Relation::Spliced);
    assert_eq!(relation(3), Relation::Edited);
    assert_eq!(relation(4), Relation::Identical);
    assert_eq!(relation(5), Relation::Fragment);
}

#[test]
fn a_generic_fragment_goes_where_its_speaker_and_story_are() {
    let tp = talking_points();
    let mut rows = rows_of(&tp);
    // Speaker 3's talking point again, in another article of the same story, with a
    // fragment only the talking point gives away.
    rows.push((
        "b3",
        Some("Speaker 3"),
        "They know, because we have told them more than once, that we are willing to fund the Ostrey clinic night shifts from the reserve.",
    ));
    rows.push(("b3", Some("Speaker 3"), "because we have told them"));
    let (articles, quotes) = corpus(&rows);
    let c = cluster(&articles, &quotes, &small());
    assert!(
        together(&c, 7, 3),
        "the fragment joins its speaker's cluster"
    );
    assert!(!together(&c, 7, 0));
}

#[test]
fn an_unattributed_edit_joins_only_within_its_story() {
    let full = "We will not sign the Halvard pipeline permit until the Marrow river survey is published in full.";
    let edit = "We will not sign the Halvard pipeline permit until the Marrow river survey is published in print.";
    let story = "The Calder bridge repairs start in June and the ferry keeps its winter timetable.";
    let elsewhere = "Our crews will clear the Varrow landslide by Friday before the storm arrives.";
    let tp = talking_points();
    // The edit quoted without a speaker beside a quote of the same story, then beside
    // one of another story: the story vouches for the words, or nothing does.
    for (other, joins) in [(story, true), (elsewhere, false)] {
        let mut rows: Vec<(&str, Option<&str>, &str)> = vec![
            ("a1", Some("Mayor Ortiz"), full),
            ("a1", Some("Mayor Ortiz"), story),
            ("b1", Some("Chief Lund"), other),
            ("b1", None, edit),
        ];
        rows.extend(rows_of(&tp));
        let (articles, quotes) = corpus(&rows);
        let c = cluster(&articles, &quotes, &small());
        assert_eq!(together(&c, 0, 3), joins, "beside {other:?}");
    }
}

/// A tiny deterministic generator for the oracle.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Random quotes over a small vocabulary: utterances, some opening with shared talking
/// points, and their truncations, splices, edits, fragments and reprints.
fn random_corpus(seed: u64) -> Vec<(String, Option<String>, String)> {
    let mut r = Lcg(seed);
    let vocab: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    let stock: Vec<Vec<String>> = (0..3)
        .map(|_| (0..6).map(|_| vocab[r.below(8)].clone()).collect())
        .collect();
    let mut rows = Vec::new();
    for u in 0..12 {
        let mut words: Vec<String> = Vec::new();
        if r.below(2) == 0 {
            words.extend(stock[r.below(stock.len())].iter().cloned());
        }
        let n = 4 + r.below(14);
        words.extend((0..n).map(|_| vocab[r.below(vocab.len())].clone()));
        let speaker = (r.below(4) != 0).then(|| format!("S{}", u % 5));
        for v in 0..1 + r.below(5) {
            let article = format!("a{}", r.below(15));
            let text = match r.below(6) {
                0 => words.join(" "),
                1 if words.len() > 4 => {
                    let k = 2 + r.below(words.len() - 3);
                    words[..k].join(" ")
                }
                2 if words.len() > 8 => {
                    let a = 2 + r.below(3);
                    let b = a + 1 + r.below(3);
                    format!("{} ... {}", words[..a].join(" "), words[b..].join(" "))
                }
                3 => {
                    let mut w = words.clone();
                    let i = r.below(w.len());
                    w[i] = vocab[r.below(vocab.len())].clone();
                    w.join(" ")
                }
                4 if words.len() > 3 => {
                    let a = r.below(words.len() - 2);
                    let len = 1 + r.below(3);
                    words[a..(a + len).min(words.len())].join(" ")
                }
                _ => format!("{} w{}", words.join(" "), r.below(40)),
            };
            let speaker = if v > 0 && r.below(6) == 0 {
                Some(format!("S{}", r.below(5)))
            } else {
                speaker.clone()
            };
            rows.push((article, speaker, text));
        }
    }
    rows
}

/// Per cluster: the reference, and each member's quote, parent and relation.
type Outcome = Vec<(usize, Vec<(usize, Option<usize>, Relation)>)>;

/// What a clustering says, in a form two clusterings can be compared by.
fn outcome(c: &Clustering) -> Outcome {
    c.clusters
        .iter()
        .map(|cl| {
            (
                cl.reference,
                cl.members
                    .iter()
                    .map(|m| (m.quote, m.parent, m.relation))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn the_index_finds_what_comparing_every_pair_finds() {
    for seed in 0..60 {
        let rows = random_corpus(seed);
        let rows: Vec<(&str, Option<&str>, &str)> = rows
            .iter()
            .map(|(a, s, t)| (a.as_str(), s.as_deref(), t.as_str()))
            .collect();
        let (articles, quotes) = corpus(&rows);
        for cfg in [Config::default(), small()] {
            let indexed = cluster_with(&articles, &quotes, &cfg, Lookup::Index);
            let all_pairs = cluster_with(&articles, &quotes, &cfg, Lookup::AllPairs);
            assert_eq!(outcome(&indexed), outcome(&all_pairs), "seed {seed}");
        }
    }
}

#[test]
fn the_same_clusters_for_any_number_of_threads() {
    for seed in 100..110 {
        let rows = random_corpus(seed);
        let rows: Vec<(&str, Option<&str>, &str)> = rows
            .iter()
            .map(|(a, s, t)| (a.as_str(), s.as_deref(), t.as_str()))
            .collect();
        let (articles, quotes) = corpus(&rows);
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| outcome(&cluster(&articles, &quotes, &small())))
        };
        assert_eq!(run(1), run(3), "seed {seed}");
    }
}
