//! Which inferred links to keep. Articles that copy a common ancestor share what they
//! took from it, so the evidence between two articles of one story is mostly inherited:
//! keeping every pair above the threshold draws a near-clique where the newsroom drew a
//! tree. A maximum spanning forest keeps, for each story, the strongest links that join
//! it (stated citations first, as they are known); a link outside the forest is kept
//! only when it carries evidence of its own, features that no third article carries,
//! enough to pass the threshold by itself (a rewrite that drew on two sources).
//!
//! Cost: one sort of the candidate pairs and a union-find pass, O(E log E).

use super::evidence::Ev;
use std::collections::BTreeMap;

/// A candidate link: its ends (smaller index first), its score and its evidence.
pub type Inferred = BTreeMap<(usize, usize), (f64, Vec<Ev>)>;

/// Keeps the forest links and the independent ones; drops the rest from `inferred`.
///
/// `forced` are article pairs already joined by a stated citation. `dates` order near
/// ties: of two links with all but the same score, the one to the older article wins, as
/// the original of a reprinted story is older than its reprints.
pub fn reduce(
    n: usize,
    inferred: &mut Inferred,
    forced: &[(usize, usize)],
    dates: &[Option<&str>],
    min_score: f64,
    min_items: usize,
) {
    let mut sets = UnionFind::new(n);
    for &(a, b) in forced {
        sets.union(a, b);
    }
    let mut order: Vec<((usize, usize), f64)> = inferred.iter().map(|(&k, v)| (k, v.0)).collect();
    // Scores within 5% of each other are a tie broken by age; a bucket on the log scale
    // keeps the order total and the same on every run.
    let bucket = |s: f64| -> i64 { (s.max(1e-9).ln() / 0.05).floor() as i64 };
    let oldest = |(a, b): (usize, usize)| -> (Option<&str>, usize) {
        let d = match (dates[a], dates[b]) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        // Undated pairs sort after dated ones.
        (d.or(Some("\u{10ffff}")), a.min(b))
    };
    order.sort_by(|x, y| {
        bucket(y.1)
            .cmp(&bucket(x.1))
            .then_with(|| oldest(x.0).cmp(&oldest(y.0)))
            .then(x.0.cmp(&y.0))
    });
    let mut outside = Vec::new();
    for (key, _) in order {
        if !sets.union(key.0, key.1) {
            outside.push(key);
        }
    }
    for key in outside {
        // Carried by the pair alone.
        let own: Vec<&Ev> = inferred[&key].1.iter().filter(|i| i.df <= 2).collect();
        let own_score: f64 = own.iter().map(|i| i.weight).sum();
        let extra = std::env::var("QT_EXTRA").map_or(true, |v| v == "1");
        if !extra || own.len() < min_items || own_score < min_score {
            inferred.remove(&key);
        }
    }
}

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
) {
    let n = sourced.len();
    let bucket = |s: f64| -> i64 { (s.max(1e-9).ln() / 0.05).floor() as i64 };
    // Undated sources sort after dated ones.
    let age = |a: usize| dates[a].unwrap_or("\u{10ffff}");
    let mut pick: Vec<Option<(usize, f64)>> = vec![None; n];
    for (&(a, b), (score, _)) in inferred.iter() {
        if *score < ratio * best[a].min(best[b]) {
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

struct UnionFind {
    parent: Vec<usize>,
    rank: Vec<u8>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            rank: vec![0; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; false when they were one set already.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        match self.rank[ra].cmp(&self.rank[rb]) {
            std::cmp::Ordering::Less => self.parent[ra] = rb,
            std::cmp::Ordering::Greater => self.parent[rb] = ra,
            std::cmp::Ordering::Equal => {
                self.parent[rb] = ra;
                self.rank[ra] += 1;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(weight: f64, carriers: &[usize], key: &str) -> Ev {
        Ev::bare(
            crate::provenance::evidence::key("t", key),
            weight,
            carriers.len() as u32,
        )
    }

    #[test]
    fn two_copies_of_one_source_are_not_linked_to_each_other() {
        // 0 is the source; 1 and 2 copy it; 1-2 share only what 0 carries too.
        let mut inf = Inferred::new();
        inf.insert(
            (0, 1),
            (
                3.0,
                vec![item(1.5, &[0, 1, 2], "a"), item(1.5, &[0, 1], "b")],
            ),
        );
        inf.insert(
            (0, 2),
            (
                3.0,
                vec![item(1.5, &[0, 1, 2], "a"), item(1.5, &[0, 2], "c")],
            ),
        );
        inf.insert((1, 2), (1.5, vec![item(1.5, &[0, 1, 2], "a")]));
        reduce(3, &mut inf, &[], &[None; 3], 1.2, 2);
        assert_eq!(
            inf.keys().copied().collect::<Vec<_>>(),
            vec![(0, 1), (0, 2)]
        );
    }

    #[test]
    fn a_second_source_with_evidence_of_its_own_is_kept() {
        // 2 draws on 0 and on 1: what it shares with 1 alone is its own evidence.
        let mut inf = Inferred::new();
        inf.insert(
            (0, 1),
            (3.0, vec![item(1.5, &[0, 1], "a"), item(1.5, &[0, 1], "b")]),
        );
        inf.insert(
            (0, 2),
            (3.0, vec![item(1.5, &[0, 2], "c"), item(1.5, &[0, 2], "d")]),
        );
        inf.insert(
            (1, 2),
            (2.8, vec![item(1.4, &[1, 2], "e"), item(1.4, &[1, 2], "f")]),
        );
        reduce(3, &mut inf, &[], &[None; 3], 1.2, 2);
        assert_eq!(inf.len(), 3);
    }

    #[test]
    fn a_cited_pair_joins_the_forest_first() {
        // 0 -> 1 is cited; 1-2 and 0-2 both share the copied text: one link suffices.
        let mut inf = Inferred::new();
        inf.insert(
            (0, 2),
            (
                2.0,
                vec![item(1.0, &[0, 1, 2], "a"), item(1.0, &[0, 1, 2], "b")],
            ),
        );
        inf.insert(
            (1, 2),
            (
                2.5,
                vec![item(1.25, &[0, 1, 2], "a"), item(1.25, &[0, 1, 2], "b")],
            ),
        );
        reduce(3, &mut inf, &[(0, 1)], &[None; 3], 1.2, 2);
        assert_eq!(inf.keys().copied().collect::<Vec<_>>(), vec![(1, 2)]);
    }

    #[test]
    fn near_ties_go_to_the_older_article() {
        // A wire story 0 reprinted verbatim by 1 and 2: every pair scores alike; the
        // reprints hang from the original, not from each other.
        let mut inf = Inferred::new();
        let all = |k: &str| item(2.0, &[0, 1, 2], k);
        inf.insert((0, 1), (4.0, vec![all("a"), all("b")]));
        inf.insert((0, 2), (4.0, vec![all("a"), all("b")]));
        inf.insert((1, 2), (4.05, vec![all("a"), all("b")]));
        let dates = [Some("2025-01-01"), Some("2025-01-02"), Some("2025-01-02")];
        reduce(3, &mut inf, &[], &dates, 1.2, 2);
        assert_eq!(
            inf.keys().copied().collect::<Vec<_>>(),
            vec![(0, 1), (0, 2)]
        );
    }
}
