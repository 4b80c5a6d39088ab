//! Drift classes: what a rendering did to the words of its reference. Each class is a
//! rule over the word diff, and classes combine ("truncated" and "reworded").

use crate::align::Op;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// The same words (punctuation and case may differ).
    Verbatim,
    /// Only spelling, punctuation, hyphens, numerals, contractions or abbreviations differ.
    Cosmetic,
    /// Head or tail cut.
    Truncated,
    /// An inner cut, with or without an ellipsis.
    Spliced,
    /// Words substituted.
    Reworded,
    /// Words added.
    Expanded,
    /// An if / only / unless clause the reference lacks.
    ConditionAdded,
    /// A not / never added or dropped.
    NegationFlip,
    /// They/them/their against we/us/our: who wants, who decides.
    PerspectiveFlip,
    /// The same words attributed to different speakers in different articles.
    AttributionDrift,
    /// One outlet alone carries it; no other article renders it in any close form.
    Uncorroborated,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Verbatim => "verbatim",
            Class::Cosmetic => "cosmetic",
            Class::Truncated => "truncated",
            Class::Spliced => "spliced",
            Class::Reworded => "reworded",
            Class::Expanded => "expanded",
            Class::ConditionAdded => "condition-added",
            Class::NegationFlip => "negation-flip",
            Class::PerspectiveFlip => "perspective-flip",
            Class::AttributionDrift => "attribution-drift",
            Class::Uncorroborated => "uncorroborated",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Class::Verbatim | Class::Cosmetic => Severity::Info,
            Class::Truncated | Class::Spliced => Severity::Low,
            Class::Reworded | Class::Expanded => Severity::Medium,
            _ => Severity::High,
        }
    }
}

/// How much a finding matters to someone about to publish: info (cosmetic), low (cut),
/// medium (words changed), high (sense or attribution changed, or uncorroborated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

const CONDITIONS: &[&str] = &[
    "if",
    "only",
    "unless",
    "provided",
    "providing",
    "except",
    "whether",
];
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "nobody", "nothing", "neither", "nor", "none", "cannot",
];
const FIRST: &[&str] = &[
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "we're",
    "we've",
    "we'll",
    "we'd",
    "i",
    "me",
    "my",
    "i'm",
];
const THIRD: &[&str] = &[
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "they're",
    "they've",
    "they'll",
    "they'd",
];

fn negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't")
}

/// Words of the variant the diff inserts or substitutes, and reference words it drops or
/// substitutes.
pub fn changed<'a>(
    ops: &[Op],
    reference: &'a [&'a str],
    variant: &'a [&'a str],
) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for op in ops {
        match *op {
            Op::Insert { variant: v, len } => added.extend(variant[v..v + len].iter().copied()),
            Op::Delete { reference: r, len } => {
                removed.extend(reference[r..r + len].iter().copied())
            }
            Op::Replace {
                reference: r,
                reference_len,
                variant: v,
                variant_len,
            } => {
                removed.extend(reference[r..r + reference_len].iter().copied());
                added.extend(variant[v..v + variant_len].iter().copied());
            }
            Op::Equal { .. } => {}
        }
    }
    (added, removed)
}

/// Classes of a variant against its reference, from the word diff over normalised words.
/// `raw_equal` says whether the two texts are identical as written; `ellipsis` whether
/// the variant marks a cut with "..." or "…".
pub fn classify(
    ops: &[Op],
    reference: &[&str],
    variant: &[&str],
    raw_equal: bool,
    ellipsis: bool,
) -> Vec<Class> {
    let mut out = Vec::new();
    let changes: Vec<&Op> = ops
        .iter()
        .filter(|o| !matches!(o, Op::Equal { .. }))
        .collect();
    if changes.is_empty() {
        out.push(if raw_equal {
            Class::Verbatim
        } else {
            Class::Cosmetic
        });
        if ellipsis {
            out.push(Class::Spliced);
        }
        return out;
    }
    let n = ops.len();
    let mut cosmetic_only = true;
    // An insertion near a deletion is a rewording, not an addition plus a cut.
    let paired = |i: usize, want_insert: bool| {
        let lo = i.saturating_sub(2);
        let hi = (i + 2).min(n - 1);
        (lo..=hi).any(|j| match ops[j] {
            Op::Insert { variant: v, len } if want_insert => !cosmetic_insert(&variant[v..v + len]),
            Op::Delete { .. } => !want_insert,
            _ => false,
        })
    };
    for (i, op) in ops.iter().enumerate() {
        let inner = i > 0 && i + 1 < n;
        match *op {
            Op::Equal { .. } => {}
            Op::Delete { .. } if paired(i, true) => {
                out.push(Class::Reworded);
                cosmetic_only = false;
            }
            Op::Delete { .. } if !inner => {
                out.push(Class::Truncated);
                cosmetic_only = false;
            }
            Op::Delete { .. } => {
                out.push(Class::Spliced);
                cosmetic_only = false;
            }
            Op::Insert { variant: v, len } => {
                if !cosmetic_insert(&variant[v..v + len]) {
                    out.push(if paired(i, false) {
                        Class::Reworded
                    } else {
                        Class::Expanded
                    });
                    cosmetic_only = false;
                }
            }
            Op::Replace {
                reference: r,
                reference_len,
                variant: v,
                variant_len,
            } => {
                if !cosmetic_pair(
                    &reference[r..r + reference_len],
                    &variant[v..v + variant_len],
                ) {
                    out.push(Class::Reworded);
                    cosmetic_only = false;
                }
            }
        }
    }
    if ellipsis {
        out.push(Class::Spliced);
    }
    if cosmetic_only {
        out.push(Class::Cosmetic);
    }
    let covered = covered_reference(ops, reference);
    out.extend(sense_changes(
        &changed(ops, reference, variant),
        &covered,
        variant,
    ));
    out.sort();
    out.dedup();
    out
}

/// Reference words between the first and last word the variant shares with it: what the
/// variant claims to render (a truncated variant does not claim the cut part).
fn covered_reference<'a>(ops: &[Op], reference: &'a [&'a str]) -> Vec<&'a str> {
    let eq: Vec<(usize, usize)> = ops
        .iter()
        .filter_map(|o| match *o {
            Op::Equal {
                reference: r, len, ..
            } => Some((r, r + len)),
            _ => None,
        })
        .collect();
    match (eq.first(), eq.last()) {
        (Some(&(a, _)), Some(&(_, b))) => reference[a..b].to_vec(),
        _ => reference.to_vec(),
    }
}

/// Condition, negation and perspective changes, from the words added and removed and the
/// reference words the variant covers.
pub fn sense_changes(
    change: &(Vec<&str>, Vec<&str>),
    reference: &[&str],
    variant: &[&str],
) -> Vec<Class> {
    let (added, removed) = change;
    let mut out = Vec::new();
    let has = |ws: &[&str], set: &[&str]| ws.iter().any(|w| set.contains(w));
    if added
        .iter()
        .any(|w| CONDITIONS.contains(w) && !reference.contains(w))
    {
        out.push(Class::ConditionAdded);
    }
    let neg_added = added.iter().any(|w| negation(w)) && !reference.iter().any(|w| negation(w));
    let neg_dropped = removed.iter().any(|w| negation(w)) && !variant.iter().any(|w| negation(w));
    if neg_added || neg_dropped {
        out.push(Class::NegationFlip);
    }
    let v: Vec<&str> = variant.to_vec();
    let (v1, v3) = (has(&v, FIRST), has(&v, THIRD));
    let (r1, r3) = (has(reference, FIRST), has(reference, THIRD));
    if (v1 && !v3 && r3 && !r1) || (v3 && !v1 && r1 && !r3) {
        out.push(Class::PerspectiveFlip);
    }
    out
}

/// Contractions, numerals and spellings that change nothing of substance.
fn cosmetic_pair(a: &[&str], b: &[&str]) -> bool {
    let ja = a.join(" ");
    let jb = b.join(" ");
    if canonical(&ja) == canonical(&jb) {
        return true;
    }
    a.len() == 1 && b.len() == 1 && spelling_variant(a[0], b[0])
}

fn cosmetic_insert(words: &[&str]) -> bool {
    words.iter().all(|w| matches!(*w, "the" | "a" | "an"))
}

/// Expands contractions and common abbreviations, spells out small numbers.
fn canonical(s: &str) -> String {
    let mut out = Vec::new();
    for w in s.split(' ') {
        let e = match w {
            "we're" => "we are",
            "they're" => "they are",
            "you're" => "you are",
            "i'm" => "i am",
            "it's" => "it is",
            "we've" => "we have",
            "they've" => "they have",
            "we'll" => "we will",
            "they'll" => "they will",
            "don't" => "do not",
            "doesn't" => "does not",
            "isn't" => "is not",
            "won't" => "will not",
            "can't" => "cannot",
            "u.s." | "us" => "united states",
            "u.k." | "uk" => "united kingdom",
            "one" => "1",
            "two" => "2",
            "three" => "3",
            "four" => "4",
            "five" => "5",
            "six" => "6",
            "seven" => "7",
            "eight" => "8",
            "nine" => "9",
            "ten" => "10",
            other => other,
        };
        out.push(e);
    }
    out.join(" ")
}

/// British and American spellings, and one-letter typos that are not inflections.
fn spelling_variant(a: &str, b: &str) -> bool {
    let pairs = [
        ("our", "or"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("isation", "ization"),
        ("tre", "ter"),
        ("ogue", "og"),
        ("ence", "ense"),
        ("lled", "led"),
        ("lling", "ling"),
    ];
    for (x, y) in pairs {
        for (p, q) in [(a, b), (b, a)] {
            if let (Some(s1), Some(s2)) = (p.strip_suffix(x), q.strip_suffix(y)) {
                if s1 == s2 {
                    return true;
                }
            }
            if p.replace(x, y) == q {
                return true;
            }
        }
    }
    let inflection = |p: &str, q: &str| {
        ["s", "es", "d", "ed"]
            .iter()
            .any(|s| p.strip_suffix(s) == Some(q))
    };
    strsim::levenshtein(a, b) == 1
        && a.chars().count() >= 5
        && !inflection(a, b)
        && !inflection(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::diff;
    use std::collections::HashMap;

    fn run(reference: &str, variant: &str) -> Vec<Class> {
        run_with_diff(reference, variant).0
    }

    /// Classes and the inline diff (over the words as written).
    fn run_with_diff(reference: &str, variant: &str) -> (Vec<Class>, String) {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |s: &str| -> (Vec<String>, Vec<u32>) {
            let ws: Vec<String> = crate::text::tokens(s).into_iter().map(|t| t.norm).collect();
            let mut v = Vec::new();
            for w in &ws {
                let next = ids.len() as u32;
                v.push(*ids.entry(w.clone()).or_insert(next));
            }
            (ws, v)
        };
        let (rw, ri) = intern(reference);
        let (vw, vi) = intern(variant);
        let ops = diff(&ri, &vi);
        let shown = crate::render::text::inline_diff(
            &ops,
            &crate::render::text::display_words(reference),
            &crate::render::text::display_words(variant),
        );
        let rw: Vec<&str> = rw.iter().map(String::as_str).collect();
        let vw: Vec<&str> = vw.iter().map(String::as_str).collect();
        let classes = classify(
            &ops,
            &rw,
            &vw,
            reference == variant,
            variant.contains("..."),
        );
        (classes, shown)
    }

    #[test]
    fn diffs_show_what_changed() {
        use Class::*;
        assert_eq!(
            run_with_diff("we are ready to talk now", "we are ready"),
            (vec![Truncated], "we are ready [-to talk now-]".to_string())
        );
        assert_eq!(
            run_with_diff("ready for investment today", "ready for investments today"),
            (
                vec![Reworded],
                "ready for [-investment-]{+investments+} today".to_string()
            )
        );
        assert_eq!(
            run_with_diff("we will sign the deal", "we will not sign the deal"),
            (
                vec![Expanded, NegationFlip],
                "we will {+not+} sign the deal".to_string()
            )
        );
        assert_eq!(
            run_with_diff("whenever they want it", "whenever we want it"),
            (
                vec![Reworded, PerspectiveFlip],
                "whenever [-they-]{+we+} want it".to_string()
            )
        );
        assert_eq!(
            run_with_diff(
                "we are ready to talk",
                "we are ready to talk only if they pay"
            ),
            (
                vec![Expanded, ConditionAdded],
                "we are ready to talk {+only if they pay+}".to_string()
            )
        );
    }

    #[test]
    fn each_class_on_made_up_pairs() {
        use Class::*;
        assert_eq!(
            run("we are ready to talk", "we are ready to talk"),
            [Verbatim]
        );
        assert_eq!(
            run("we are ready to talk.", "We are ready to talk!"),
            [Cosmetic]
        );
        assert_eq!(
            run("we are ready to talk", "we're ready to talk"),
            [Cosmetic]
        );
        assert_eq!(
            run("the colour of the flag", "the color of the flag"),
            [Cosmetic]
        );
        assert_eq!(run("we are ready to talk now", "we are ready"), [Truncated]);
        assert_eq!(
            run("we are ready to talk now", "ready to talk now"),
            [Truncated]
        );
        assert_eq!(
            run(
                "we are ready to talk to them now",
                "we are ready ... to them now"
            ),
            [Spliced]
        );
        assert_eq!(
            run("ready for investment today", "ready for investments today"),
            [Reworded]
        );
        assert_eq!(
            run("we are ready to talk", "we are very ready to talk"),
            [Expanded]
        );
        assert_eq!(
            run(
                "we are ready to talk",
                "we are ready to talk only if they pay"
            ),
            [Expanded, ConditionAdded]
        );
        assert_eq!(
            run("we will sign the deal", "we will not sign the deal"),
            [Expanded, NegationFlip]
        );
        assert_eq!(
            run("whenever they want it", "whenever we want it"),
            [Reworded, PerspectiveFlip]
        );
    }
}
