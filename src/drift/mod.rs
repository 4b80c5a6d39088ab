//! Stage 4: the paraphrase-drift audit. For every rendering, how it departs from its
//! cluster's reference (a word diff and drift classes), whether its attribution agrees
//! with the other renderings, and, for a quote no other outlet carries, the nearest
//! corroborated utterance it may reword. Severity ranks what a standards desk must look
//! at first.
//!
//! Cost: one word diff per rendering (already computed by clustering) and an
//! inverted-index lookup per uncorroborated quote.

pub mod classes;
pub mod corroborate;

use crate::align::Op;
use crate::corpus::Article;
use crate::quotes::{Quote, QuoteKind};
use crate::text::tokens;
use crate::variants::Clustering;
pub use classes::{Class, Severity};
pub use corroborate::Candidate;
use rayon::prelude::*;
use serde::Serialize;
use std::sync::Arc;

/// One claim of the audit about one quote.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The quote this finding is about.
    pub quote: String,
    #[serde(skip)]
    pub quote_index: usize,
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub speaker: Option<String>,
    /// Id of the quote's cluster (as `quotes` lists it).
    pub cluster: usize,
    /// The most severe class; `classes` has them all.
    pub class: Class,
    pub classes: Vec<Class>,
    pub severity: Severity,
    /// What the finding rests on; boxed, as it is most of a finding's size and an audit
    /// holds one finding per rendering.
    pub evidence: Box<Evidence>,
    /// The finding in one line of plain words.
    pub reason: String,
}

/// What the finding rests on.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Evidence {
    /// The rendering compared against: the cluster's reference, or the nearest candidate's
    /// (shared by the findings of one cluster, which all compare against it).
    pub reference: Option<Arc<Place>>,
    /// Word diff from that rendering to this one (word positions).
    pub diff: Vec<Op>,
    /// For uncorroborated quotes: the nearest candidate source, if any.
    pub nearest: Option<Box<Candidate>>,
    /// For attribution drift: each article's speaker for these words.
    pub speakers: Vec<Place>,
}

/// A quote's place, to check a claim against the text.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub quote: String,
    pub article: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub speaker: Option<String>,
}

fn place(q: &Quote) -> Place {
    Place {
        quote: q.id.clone(),
        article: q.article.clone(),
        line: q.line,
        column: q.column,
        text: q.text.clone(),
        speaker: q.speaker.clone(),
    }
}

/// Audits every rendering. Findings come most severe first, then by article and place.
pub fn audit(articles: &[Article], quotes: &[Quote], clustering: &Clustering) -> Vec<Finding> {
    let index = corroborate::Index::build(articles, quotes, clustering);
    let per_cluster: Vec<Vec<Finding>> = (0..clustering.clusters.len())
        .into_par_iter()
        .map_init(
            || corroborate::Scratch::new(&index),
            |scratch, ci| audit_cluster(&index, quotes, clustering, ci, scratch),
        )
        .collect();
    // Sorted by place, then moved once into the output: a sort moving findings
    // themselves spent more time copying memory than comparing, and each extra copy of
    // the list held hundreds of megabytes at 100,000 articles.
    let mut order: Vec<(usize, usize)> = per_cluster
        .iter()
        .enumerate()
        .flat_map(|(ci, fs)| (0..fs.len()).map(move |fi| (ci, fi)))
        .collect();
    order.par_sort_by_key(|&(ci, fi)| rank(&per_cluster[ci][fi], quotes));
    let mut slots: Vec<Vec<Option<Finding>>> = per_cluster
        .into_iter()
        .map(|fs| fs.into_iter().map(Some).collect())
        .collect();
    // Sized up front: collected through `filter_map`, the list would grow by doubling
    // and hold two copies at each step.
    let mut out = Vec::with_capacity(order.len());
    out.extend(
        order
            .into_iter()
            .filter_map(|(ci, fi)| slots[ci][fi].take()),
    );
    out
}

/// Where a finding stands in the audit's order: most severe first, then by article and
/// place. Ties keep the order of clusters and of findings within one.
fn rank(f: &Finding, quotes: &[Quote]) -> (std::cmp::Reverse<Severity>, usize, usize) {
    (
        std::cmp::Reverse(f.severity),
        quotes[f.quote_index].article_index,
        f.start,
    )
}

/// What a summary of the audit shows: the count of findings per severity and the first
/// few of [`audit`]'s list.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Findings of each severity, by `Severity as usize`.
    by_severity: [usize; 4],
    /// The first findings in audit order, with the (cluster, finding) place that breaks
    /// ties as the audit's stable sort does.
    first: Vec<((usize, usize), Finding)>,
}

impl Summary {
    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity[severity as usize]
    }

    pub fn total(&self) -> usize {
        self.by_severity.iter().sum()
    }

    /// The first findings of [`audit`]'s list, as many as were asked for (or all).
    pub fn first(&self) -> impl Iterator<Item = &Finding> {
        self.first.iter().map(|(_, f)| f)
    }

    fn merge(mut self, other: Summary, quotes: &[Quote], keep: usize) -> Summary {
        for (a, b) in self.by_severity.iter_mut().zip(other.by_severity) {
            *a += b;
        }
        self.first.extend(other.first);
        self.trim(quotes, keep)
    }

    /// Only the first `keep` findings, in audit order.
    fn trim(mut self, quotes: &[Quote], keep: usize) -> Summary {
        self.first
            .sort_by_key(|(place, f)| (rank(f, quotes), *place));
        self.first.truncate(keep);
        self
    }
}

/// The audit's counts and its first `keep` findings, holding no more findings than
/// that at once per thread: for callers that show a summary of a large corpus, where the
/// whole list (hundreds of thousands of findings) would be most of the memory.
pub fn summarize(
    articles: &[Article],
    quotes: &[Quote],
    clustering: &Clustering,
    keep: usize,
) -> Summary {
    let index = corroborate::Index::build(articles, quotes, clustering);
    (0..clustering.clusters.len())
        .into_par_iter()
        .map_init(
            || corroborate::Scratch::new(&index),
            |scratch, ci| {
                let found = audit_cluster(&index, quotes, clustering, ci, scratch);
                let mut s = Summary::default();
                for f in &found {
                    s.by_severity[f.severity as usize] += 1;
                }
                s.first = found
                    .into_iter()
                    .enumerate()
                    .map(|(fi, f)| ((ci, fi), f))
                    .collect();
                s.trim(quotes, keep)
            },
        )
        .reduce(Summary::default, |a, b| a.merge(b, quotes, keep))
}

/// The findings about one cluster's renderings.
fn audit_cluster(
    index: &corroborate::Index,
    quotes: &[Quote],
    clustering: &Clustering,
    ci: usize,
    scratch: &mut corroborate::Scratch,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let c = &clustering.clusters[ci];
    let r = c.reference;
    let reference = &quotes[r];
    let ref_words = words(clustering, r);
    if c.articles.len() >= 2 || c.members.len() >= 2 {
        let ref_place = Arc::new(place(reference));
        for m in c.members.iter().filter(|m| m.quote != r) {
            let q = &quotes[m.quote];
            let var_words = words(clustering, m.quote);
            let ellipsis = !clustering.interned.cuts[m.quote].is_empty();
            let mut cls = classes::classify(
                &m.diff,
                &ref_words,
                &var_words,
                q.text == reference.text,
                ellipsis,
            );
            let mut evidence = Evidence {
                reference: Some(Arc::clone(&ref_place)),
                diff: m.diff.clone(),
                ..Evidence::default()
            };
            let drifted = q.article != reference.article
                && matches!((&q.speaker, &reference.speaker), (Some(a), Some(b)) if a != b);
            if drifted {
                cls.push(Class::AttributionDrift);
                evidence.speakers = vec![place(reference), place(q)];
            }
            let reason = variant_reason(&cls, m, reference, q, &ref_words, &var_words);
            out.push(finding(q, m.quote, c.id, cls, evidence, reason));
        }
        return out;
    }
    // Carried by one article only.
    let substantive = reference.kind == QuoteKind::Statement
        || (reference.kind == QuoteKind::Fragment && ref_words.len() >= 4);
    if !substantive {
        return out;
    }
    let nearest = index.nearest(quotes, clustering, ci, scratch);
    let mut cls = vec![Class::Uncorroborated];
    let mut evidence = Evidence::default();
    if let Some(n) = &nearest {
        let cand = &quotes[clustering.clusters[n.cluster].reference];
        let cand_words = words(clustering, clustering.clusters[n.cluster].reference);
        let added: Vec<&str> = ref_words
            .iter()
            .filter(|w| !cand_words.contains(w))
            .copied()
            .collect();
        let removed: Vec<&str> = cand_words
            .iter()
            .filter(|w| !ref_words.contains(w))
            .copied()
            .collect();
        let all: Vec<&str> = cand_words.to_vec();
        cls.extend(classes::sense_changes(&(added, removed), &all, &ref_words));
        evidence.reference = Some(Arc::new(place(cand)));
        evidence.diff = crate::align::diff(
            &clustering.interned.words[cand_index(clustering, n)],
            &clustering.interned.words[r],
        );
    }
    evidence.nearest = nearest.clone().map(Box::new);
    let reason = match &nearest {
        Some(n) => format!(
            "no other article renders these words; nearest candidate source is cluster #{} ({}), sharing {}{}{}",
            n.cluster_id,
            n.quote,
            if n.shared_words.is_empty() { "no quoted words".to_string() } else { format!("the words {}", n.shared_words.join(", ")) },
            if n.shared_context.is_empty() { String::new() } else { format!(" and, around the quotes, {}", n.shared_context.join(", ")) },
            sense_note(&cls)
        ),
        None => "no other article renders these words, and no candidate source was found".to_string(),
    };
    out.push(finding(reference, r, c.id, cls, evidence, reason));
    out
}

fn cand_index(clustering: &Clustering, n: &Candidate) -> usize {
    clustering.clusters[n.cluster].reference
}

fn words(clustering: &Clustering, q: usize) -> Vec<&str> {
    clustering.interned.words[q]
        .iter()
        .map(|&w| clustering.interned.vocab[w as usize].as_str())
        .collect()
}

fn finding(
    q: &Quote,
    index: usize,
    cluster: usize,
    mut cls: Vec<Class>,
    evidence: Evidence,
    reason: String,
) -> Finding {
    cls.sort();
    cls.dedup();
    let severity = cls
        .iter()
        .map(|c| c.severity())
        .max()
        .unwrap_or(Severity::Info);
    let class = *cls
        .iter()
        .rev()
        .max_by_key(|c| c.severity())
        .unwrap_or(&Class::Verbatim);
    Finding {
        quote: q.id.clone(),
        quote_index: index,
        article: q.article.clone(),
        start: q.start,
        end: q.end,
        line: q.line,
        column: q.column,
        text: q.text.clone(),
        speaker: q.speaker.clone(),
        cluster,
        class,
        classes: cls,
        severity,
        evidence: Box::new(evidence),
        reason,
    }
}

fn sense_note(cls: &[Class]) -> String {
    let notes: Vec<&str> = cls
        .iter()
        .filter_map(|c| match c {
            Class::ConditionAdded => Some("adds a condition the source lacks"),
            Class::NegationFlip => Some("flips a negation"),
            Class::PerspectiveFlip => Some("turns who wants or decides (they/we)"),
            _ => None,
        })
        .collect();
    if notes.is_empty() {
        String::new()
    } else {
        format!("; it {}", notes.join(" and "))
    }
}

fn variant_reason(
    cls: &[Class],
    m: &crate::variants::Member,
    reference: &Quote,
    q: &Quote,
    rw: &[&str],
    vw: &[&str],
) -> String {
    let (added, removed) = classes::changed(&m.diff, rw, vw);
    let mut parts: Vec<String> = Vec::new();
    if cls.contains(&Class::Verbatim) {
        parts.push("same words as the reference".into());
    } else if cls == [Class::Cosmetic] {
        parts.push("differs from the reference only in form (punctuation, case, spelling)".into());
    }
    if !removed.is_empty() && !cls.iter().all(|c| c.severity() == Severity::Info) {
        parts.push(format!("drops \"{}\"", shorten_words(&removed)));
    }
    if !added.is_empty() && !cls.iter().all(|c| c.severity() == Severity::Info) {
        parts.push(format!("adds \"{}\"", shorten_words(&added)));
    }
    if cls.contains(&Class::AttributionDrift) {
        parts.push(format!(
            "attributed to {} in {} but to {} in {}",
            q.speaker.as_deref().unwrap_or("?"),
            q.article,
            reference.speaker.as_deref().unwrap_or("?"),
            reference.article
        ));
    }
    format!(
        "{} against {} ({}:{}:{}): {}",
        cls.iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        reference.id,
        reference.article,
        reference.line,
        reference.column,
        parts.join("; ")
    )
}

fn shorten_words(ws: &[&str]) -> String {
    if ws.len() <= 12 {
        ws.join(" ")
    } else {
        format!("{} … {}", ws[..6].join(" "), ws[ws.len() - 4..].join(" "))
    }
}

/// The findings a user asked for.
pub fn select<'a>(
    findings: &'a [Finding],
    min: Severity,
    article: Option<&str>,
    speaker: Option<&str>,
) -> Vec<&'a Finding> {
    let speaker = speaker.map(str::to_lowercase);
    findings
        .iter()
        .filter(|f| f.severity >= min)
        .filter(|f| article.is_none_or(|a| f.article == a))
        .filter(|f| {
            speaker.as_ref().is_none_or(|s| {
                f.speaker
                    .as_ref()
                    .is_some_and(|x| x.to_lowercase().contains(s.as_str()))
            })
        })
        .collect()
}

/// Words of a quote as `tokens` gives them (for callers that show diffs).
pub fn quote_words(q: &Quote) -> Vec<String> {
    tokens(&q.text).into_iter().map(|t| t.norm).collect()
}
