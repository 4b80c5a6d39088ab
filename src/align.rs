//! Word alignment of two renderings of a quote: the shared core of variant matching,
//! support counting and the drift audit. Works on interned word ids, which is 20-50x
//! faster than character-level comparison and is what quote variants differ by.

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// One step of a word diff from a reference to a variant.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    /// Words in both, at these positions of the reference and the variant.
    Equal {
        reference: usize,
        variant: usize,
        len: usize,
    },
    /// Reference words the variant lacks.
    Delete { reference: usize, len: usize },
    /// Variant words the reference lacks.
    Insert { variant: usize, len: usize },
    /// Reference words the variant replaces with others.
    Replace {
        reference: usize,
        reference_len: usize,
        variant: usize,
        variant_len: usize,
    },
}

/// The word diff turning `reference` into `variant`. Cuts and additions are slid as far
/// right as the words allow, so that a dropped tail reads as a dropped tail ("want it
/// [-and however they want it-]") rather than an equivalent cut in the middle.
pub fn diff(reference: &[u32], variant: &[u32]) -> Vec<Op> {
    let mut pairs: Vec<Pair> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, reference, variant) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                pairs.extend((0..len).map(|i| Pair::Eq(old_index + i, new_index + i)));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                pairs.extend((0..old_len).map(|i| Pair::Del(old_index + i)));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                pairs.extend((0..new_len).map(|i| Pair::Ins(new_index + i)));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                pairs.extend((0..old_len).map(|i| Pair::Sub(old_index + i)));
                pairs.extend((0..new_len).map(|i| Pair::Add(new_index + i)));
            }
        }
    }
    slide(&mut pairs, reference, variant);
    regroup(&pairs)
}

/// One word of an alignment: equal, deleted, inserted, or part of a replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pair {
    Eq(usize, usize),
    Del(usize),
    Ins(usize),
    Sub(usize),
    Add(usize),
}

/// Moves each run of deletions (insertions) right past equal words it can trade with.
fn slide(pairs: &mut [Pair], reference: &[u32], variant: &[u32]) {
    let mut i = 0;
    while i < pairs.len() {
        let is_del = matches!(pairs[i], Pair::Del(_));
        let is_ins = matches!(pairs[i], Pair::Ins(_));
        if !is_del && !is_ins {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < pairs.len()
            && std::mem::discriminant(&pairs[j]) == std::mem::discriminant(&pairs[i])
        {
            j += 1;
        }
        match (pairs[i], pairs.get(j).copied()) {
            (Pair::Del(r0), Some(Pair::Eq(r1, v))) if reference[r0] == reference[r1] => {
                pairs[i] = Pair::Eq(r0, v);
                for (k, p) in pairs[i + 1..=j].iter_mut().enumerate() {
                    *p = Pair::Del(r0 + 1 + k);
                }
                i += 1;
            }
            (Pair::Ins(v0), Some(Pair::Eq(r, v1))) if variant[v0] == variant[v1] => {
                pairs[i] = Pair::Eq(r, v0);
                for (k, p) in pairs[i + 1..=j].iter_mut().enumerate() {
                    *p = Pair::Ins(v0 + 1 + k);
                }
                i += 1;
            }
            _ => i = j,
        }
    }
}

fn regroup(pairs: &[Pair]) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i + 1;
        match pairs[i] {
            Pair::Eq(r, v) => {
                while j < pairs.len() && pairs[j] == Pair::Eq(r + (j - i), v + (j - i)) {
                    j += 1;
                }
                out.push(Op::Equal {
                    reference: r,
                    variant: v,
                    len: j - i,
                });
            }
            Pair::Del(r) => {
                while j < pairs.len() && matches!(pairs[j], Pair::Del(_)) {
                    j += 1;
                }
                out.push(Op::Delete {
                    reference: r,
                    len: j - i,
                });
            }
            Pair::Ins(v) => {
                while j < pairs.len() && matches!(pairs[j], Pair::Ins(_)) {
                    j += 1;
                }
                out.push(Op::Insert {
                    variant: v,
                    len: j - i,
                });
            }
            Pair::Sub(r) => {
                while j < pairs.len() && matches!(pairs[j], Pair::Sub(_)) {
                    j += 1;
                }
                let subs = j - i;
                let mut v0 = None;
                while j < pairs.len() {
                    if let Pair::Add(v) = pairs[j] {
                        v0.get_or_insert(v);
                        j += 1;
                    } else {
                        break;
                    }
                }
                let adds = j - i - subs;
                out.push(Op::Replace {
                    reference: r,
                    reference_len: subs,
                    variant: v0.unwrap_or(0),
                    variant_len: adds,
                });
            }
            Pair::Add(v) => {
                while j < pairs.len() && matches!(pairs[j], Pair::Add(_)) {
                    j += 1;
                }
                out.push(Op::Insert {
                    variant: v,
                    len: j - i,
                });
            }
        }
        i = j;
    }
    out
}

/// Edit distance from `short` to the best-matching stretch of `long` (a prefix and a
/// suffix of `long` are free to skip): how far a truncated variant is from its source.
pub fn semi_global_distance(short: &[u32], long: &[u32]) -> usize {
    if short.is_empty() {
        return 0;
    }
    let mut prev: Vec<usize> = vec![0; long.len() + 1];
    let mut cur = vec![0; long.len() + 1];
    for (i, &a) in short.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &b) in long.iter().enumerate() {
            let sub = prev[j] + usize::from(a != b);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.into_iter().min().unwrap_or(short.len())
}

/// 1 − semi-global distance / |short|: 1.0 when `short` stands word for word in `long`.
pub fn containment(short: &[u32], long: &[u32]) -> f64 {
    if short.is_empty() {
        return 0.0;
    }
    1.0 - semi_global_distance(short, long) as f64 / short.len() as f64
}

/// [`containment`] with each word weighted: the share of `short`'s weight that stands, in
/// order, in the best-matching stretch of `long`. A word of `short` lost or replaced costs
/// its weight, a word of `long` inserted inside the stretch costs its own; with every weight
/// 1 this is [`containment`]. Weights say how specific a word is, so that agreeing on
/// generic words and differing on the specific ones reads as the low score it is.
pub fn weighted_containment(short: &[u32], sw: &[f32], long: &[u32], lw: &[f32]) -> f64 {
    let total: f32 = sw.iter().sum();
    if total <= 0.0 {
        return 0.0;
    }
    let mut prev: Vec<f32> = vec![0.0; long.len() + 1];
    let mut cur = vec![0.0; long.len() + 1];
    for (i, &a) in short.iter().enumerate() {
        cur[0] = prev[0] + sw[i];
        for (j, &b) in long.iter().enumerate() {
            let sub = prev[j] + if a == b { 0.0 } else { sw[i] };
            cur[j + 1] = sub.min(prev[j + 1] + sw[i]).min(cur[j] + lw[j]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev.into_iter().fold(f32::INFINITY, f32::min);
    (1.0 - f64::from(d) / f64::from(total)).max(0.0)
}

/// Normalised Levenshtein similarity over words (strsim's generic implementation).
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let max = a.len().max(b.len());
    if max == 0 {
        return 1.0;
    }
    1.0 - strsim::generic_levenshtein(&a.to_vec(), &b.to_vec()) as f64 / max as f64
}

/// Longest run of words the two share.
pub fn longest_shared_run(a: &[u32], b: &[u32]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// The heaviest run of words the two share, weighing each word of `a` by `aw`.
pub fn weighted_shared_run(a: &[u32], aw: &[f32], b: &[u32]) -> f32 {
    let mut best = 0.0f32;
    let mut prev = vec![0.0f32; b.len() + 1];
    let mut cur = vec![0.0f32; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + aw[i] } else { 0.0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// Whether `short` stands contiguously in `long`.
pub fn contains(long: &[u32], short: &[u32]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_measures() {
        let long = [1, 2, 3, 4, 5, 6, 7];
        let ones = [1.0f32; 7];
        // Every weight 1: the plain containment.
        for short in [&[3, 4, 5][..], &[3, 9, 5], &[9, 9, 4, 5]] {
            let w = vec![1.0f32; short.len()];
            let plain = containment(short, &long);
            assert!((weighted_containment(short, &w, &long, &ones) - plain).abs() < 1e-6);
        }
        // Agreeing on the generic words, differing on the one that matters.
        let short = [2, 3, 9];
        let generic_first = [0.1f32, 0.1, 1.0];
        assert!(weighted_containment(&short, &generic_first, &long, &ones) < 0.2);
        // Differing on a generic word only.
        let short = [9, 3, 4];
        let specific_last = [0.1f32, 1.0, 1.0];
        assert!(weighted_containment(&short, &specific_last, &long, &ones) > 0.95);
        assert_eq!(weighted_containment(&[], &[], &long, &ones), 0.0);
        // A run is as heavy as its words.
        let a = [0, 3, 4, 5, 0, 6, 7];
        let aw = [1.0f32, 0.5, 0.5, 0.5, 1.0, 2.0, 2.0];
        assert!((weighted_shared_run(&a, &aw, &long) - 4.0).abs() < 1e-6);
    }

    #[test]
    fn measures() {
        let long = [1, 2, 3, 4, 5, 6, 7];
        assert_eq!(semi_global_distance(&[3, 4, 5], &long), 0);
        assert_eq!(semi_global_distance(&[3, 9, 5], &long), 1);
        assert!((containment(&[3, 4, 5], &long) - 1.0).abs() < 1e-9);
        assert_eq!(longest_shared_run(&[0, 3, 4, 5, 0], &long), 3);
        assert!(contains(&long, &[5, 6]));
        assert!(!contains(&long, &[6, 5]));
        assert!((similarity(&[1, 2, 3, 4], &[1, 2, 3, 5]) - 0.75).abs() < 1e-9);
        let d = diff(&[1, 2, 3], &[1, 3, 4]);
        assert_eq!(
            d[0],
            Op::Equal {
                reference: 0,
                variant: 0,
                len: 1
            }
        );
        // want it and however they want it  ->  want it: the tail goes, not the middle.
        let d = diff(&[5, 6, 7, 8, 9, 5, 6], &[5, 6]);
        assert_eq!(
            d,
            [
                Op::Equal {
                    reference: 0,
                    variant: 0,
                    len: 2
                },
                Op::Delete {
                    reference: 2,
                    len: 5
                }
            ]
        );
    }
}
