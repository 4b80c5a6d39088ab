//! Which inferred links to keep. Articles that copy a common ancestor share what they
//! took from it, so the evidence between two articles of one story is mostly inherited:
//! keeping every pair above the threshold draws a near-clique where the newsroom drew a
//! tree. So each article gets at most one inferred source, as a textual critic gives a
//! manuscript its exemplar: of the candidates not dated after it, the one it shares the
//! most with (an ancestor further up shares less, having lost what the intermediate
//! copy added; a sibling shares less, lacking what the sibling dropped), near ties to
//! the older. An article whose source a citation states needs none inferred.
//!
//! Cost: one pass over the candidate pairs, O(E).

use std::collections::BTreeMap;

/// A candidate link: its ends (smaller index first), its score and its evidence.
pub type Inferred = BTreeMap<(usize, usize), f64>;

/// Each article without a stated source takes as its source the candidate, not dated
/// after it, with the most evidence; drops the other candidate links from `inferred`.
///
/// `sourced[a]`: a stated citation already names a source of `a`. A link must also be
/// near the best any pair of either end scores (`ratio` of the smaller of the two
/// bests): two first-hand reports of one story share the story's quotes and facts, but
/// far less than either shares with the rewrites made from it.
pub fn choose_sources(
    inferred: &mut Inferred,
    sourced: &[bool],
    dates: &[Option<&str>],
    best: &[f64],
    ratio: f64,
    kin: impl Fn(usize, usize) -> bool,
) {
    let n = sourced.len();
    let bucket = |s: f64| -> i64 { (s.max(1e-9).ln() / 0.05).floor() as i64 };
    // Undated sources sort after dated ones.
    let age = |a: usize| dates[a].unwrap_or("\u{10ffff}");
    let mut pick: Vec<Option<(usize, f64)>> = vec![None; n];
    for (&(a, b), score) in inferred.iter() {
        if *score < ratio * best[a].min(best[b]) || kin(a, b) {
            continue;
        }
        for (child, source) in [(a, b), (b, a)] {
            if sourced[child] {
                continue;
            }
            if let (Some(dc), Some(ds)) = (dates[child], dates[source]) {
                if ds > dc {
                    continue;
                }
            }
            let better = match pick[child] {
                None => true,
                Some((p, ps)) => bucket(*score)
                    .cmp(&bucket(ps))
                    .then_with(|| age(p).cmp(age(source)))
                    .then(p.cmp(&source))
                    .is_gt(),
            };
            if better {
                pick[child] = Some((source, *score));
            }
        }
    }
    let keep: std::collections::BTreeSet<(usize, usize)> = pick
        .iter()
        .enumerate()
        .filter_map(|(c, p)| p.map(|(s, _)| (c.min(s), c.max(s))))
        .collect();
    inferred.retain(|k, _| keep.contains(k));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(score: f64) -> f64 {
        score
    }

    fn best(inf: &Inferred, n: usize) -> Vec<f64> {
        let mut b = vec![0.0f64; n];
        for (&(x, y), s) in inf {
            b[x] = b[x].max(*s);
            b[y] = b[y].max(*s);
        }
        b
    }

    #[test]
    fn two_copies_of_one_source_are_not_linked_to_each_other() {
        // 0 is the source; 1 and 2 copy it and share less with each other.
        let mut inf = Inferred::new();
        inf.insert((0, 1), link(3.0));
        inf.insert((0, 2), link(3.0));
        inf.insert((1, 2), link(1.5));
        let dates = [Some("2025-01-01"), Some("2025-01-02"), Some("2025-01-02")];
        let b = best(&inf, 3);
        choose_sources(&mut inf, &[false; 3], &dates, &b, 0.0, |_, _| false);
        assert_eq!(
            inf.keys().copied().collect::<Vec<_>>(),
            vec![(0, 1), (0, 2)]
        );
    }

    #[test]
    fn a_stated_source_needs_no_inferred_one() {
        // 2 cites 1; what it shares with the older 0 came through 1.
        let mut inf = Inferred::new();
        inf.insert((0, 2), link(2.0));
        let b = [2.0, 2.5, 2.5];
        let dates = [Some("2025-01-01"), Some("2025-01-02"), Some("2025-01-03")];
        choose_sources(&mut inf, &[false, false, true], &dates, &b, 0.0, |_, _| {
            false
        });
        assert!(inf.is_empty());
    }

    #[test]
    fn near_ties_go_to_the_older_article() {
        // A wire story 0 reprinted verbatim by 1 and 2: every pair scores alike; the
        // reprints hang from the original, not from each other.
        let mut inf = Inferred::new();
        inf.insert((0, 1), link(4.0));
        inf.insert((0, 2), link(4.0));
        inf.insert((1, 2), link(4.05));
        let dates = [Some("2025-01-01"), Some("2025-01-02"), Some("2025-01-02")];
        let b = best(&inf, 3);
        choose_sources(&mut inf, &[false; 3], &dates, &b, 0.0, |_, _| false);
        assert_eq!(
            inf.keys().copied().collect::<Vec<_>>(),
            vec![(0, 1), (0, 2)]
        );
    }

    #[test]
    fn a_weak_link_between_two_strongly_copied_articles_is_dropped() {
        // 0 and 1 are first-hand reports of one story, each copied by a rewrite (2, 3);
        // the reports share the story's quotes, far less than each shares with its copy.
        let mut inf = Inferred::new();
        inf.insert((0, 1), link(2.0));
        inf.insert((0, 2), link(10.0));
        inf.insert((1, 3), link(9.0));
        let dates = [
            Some("2025-01-01"),
            Some("2025-01-01"),
            Some("2025-01-02"),
            Some("2025-01-02"),
        ];
        let b = best(&inf, 4);
        choose_sources(&mut inf, &[false; 4], &dates, &b, 0.7, |_, _| false);
        assert_eq!(
            inf.keys().copied().collect::<Vec<_>>(),
            vec![(0, 2), (1, 3)]
        );
    }

    #[test]
    fn no_source_is_dated_after_its_copy() {
        let mut inf = Inferred::new();
        inf.insert((0, 1), link(3.0));
        let dates = [Some("2025-01-03"), Some("2025-01-02")];
        let b = best(&inf, 2);
        choose_sources(&mut inf, &[false, true], &dates, &b, 0.0, |_, _| false);
        // 1 is older and its source is stated; 0 may take 1 as its source.
        assert_eq!(inf.len(), 1);
        let mut inf2 = Inferred::new();
        inf2.insert((0, 1), link(3.0));
        choose_sources(&mut inf2, &[true, false], &dates, &b, 0.0, |_, _| false);
        // 0 is sourced; 1 cannot take the later 0.
        assert!(inf2.is_empty());
    }
}
