//! Plain-text reports for people: one claim per line with the place it points to.

use crate::align::Op;
use crate::corpus::Article;
use crate::drift::Finding;
use crate::quotes::Quote;
use crate::text::shorten;
use crate::variants::{Cluster, Relation};
use std::io::{self, Write};

/// `extract` as text: per article, each quote with line:column, kind and speaker.
pub fn quotes<W: Write>(out: &mut W, articles: &[Article], quotes: &[Quote]) -> io::Result<()> {
    let mut last: Option<usize> = None;
    for q in quotes {
        if last != Some(q.article_index) {
            let a = &articles[q.article_index];
            if last.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{} ({})", a.id, a.label())?;
            last = Some(q.article_index);
        }
        let speaker = q.speaker.as_deref().unwrap_or("(unattributed)");
        let open = match (q.terminated, q.cut) {
            (true, false) => "",
            (false, false) => " [unclosed]",
            (true, true) => " [cut]",
            (false, true) => " [unclosed, cut]",
        };
        writeln!(
            out,
            "  {}:{}:{}  {:<9} {:<22} “{}”{}",
            q.article,
            q.line,
            q.column,
            q.kind.as_str(),
            shorten(speaker, 22),
            shorten(&q.text.replace('\n', " "), 110),
            open
        )?;
    }
    Ok(())
}

/// The words of a quote as written, for showing diffs (positions match the interned
/// word ids the diff was computed on).
pub fn display_words(text: &str) -> Vec<String> {
    crate::text::tokens(text)
        .into_iter()
        .map(|t| text[t.start..t.end].to_string())
        .collect()
}

/// A compact inline word diff: `… ready for U.S. [-investment-]{+investments+}, like …`.
/// Long runs of equal words are elided to their ends.
pub fn inline_diff(ops: &[Op], reference: &[String], variant: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let n = ops.len();
    for (i, op) in ops.iter().enumerate() {
        match *op {
            Op::Equal {
                reference: r, len, ..
            } => {
                let words = &reference[r..(r + len).min(reference.len())];
                let keep = 3;
                if words.len() <= 2 * keep + 1 {
                    parts.push(words.join(" "));
                } else {
                    let head = if i == 0 {
                        Vec::new()
                    } else {
                        words[..keep].to_vec()
                    };
                    let tail = if i + 1 == n {
                        Vec::new()
                    } else {
                        words[words.len() - keep..].to_vec()
                    };
                    let mut s = head.join(" ");
                    if !s.is_empty() {
                        s.push(' ');
                    }
                    s.push('…');
                    if !tail.is_empty() {
                        s.push(' ');
                        s.push_str(&tail.join(" "));
                    }
                    parts.push(s);
                }
            }
            Op::Delete { reference: r, len } => {
                parts.push(format!("[-{}-]", slice(reference, r, len)));
            }
            Op::Insert { variant: v, len } => {
                parts.push(format!("{{+{}+}}", slice(variant, v, len)));
            }
            Op::Replace {
                reference: r,
                reference_len,
                variant: v,
                variant_len,
            } => {
                parts.push(format!(
                    "[-{}-]{{+{}+}}",
                    slice(reference, r, reference_len),
                    slice(variant, v, variant_len)
                ));
            }
        }
    }
    if parts.is_empty() {
        return "(no words)".into();
    }
    if let [Op::Equal { .. }] = ops {
        return "(same words)".into();
    }
    parts.join(" ")
}

fn slice(words: &[String], at: usize, len: usize) -> String {
    words
        .get(at..(at + len).min(words.len()))
        .unwrap_or(&[])
        .join(" ")
}

/// `quotes` as text: clusters by spread, each reference then its variants.
pub fn clusters<W: Write>(
    out: &mut W,
    articles: &[Article],
    quotes: &[Quote],
    clusters: &[&Cluster],
) -> io::Result<()> {
    for (n, c) in clusters.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let r = &quotes[c.reference];
        let speakers = if c.speakers.is_empty() {
            "(unattributed)".to_string()
        } else {
            c.speakers.join(", ")
        };
        writeln!(
            out,
            "#{} “{}”",
            c.id,
            shorten(&r.text.replace('\n', " "), 160)
        )?;
        writeln!(
            out,
            "   speaker: {speakers} · {} outlet(s): {} · {} rendering(s)",
            c.outlets.len(),
            c.outlets.join("; "),
            c.members.len()
        )?;
        let ref_words = display_words(&r.text);
        for m in &c.members {
            let q = &quotes[m.quote];
            let label = articles[q.article_index].label();
            let at = format!("{}:{}:{}", q.article, q.line, q.column);
            if m.parent.is_none() {
                writeln!(
                    out,
                    "   = {:<7} {:<12} reference            [{}]",
                    q.id,
                    at,
                    shorten(&label, 30)
                )?;
                continue;
            }
            let diff = inline_diff(&m.diff, &ref_words, &display_words(&q.text));
            writeln!(
                out,
                "   ~ {:<7} {:<12} sim {:.2} in {:.2} {:<10} [{}] {}",
                q.id,
                at,
                m.similarity,
                m.containment,
                relation_name(m.relation),
                shorten(&label, 30),
                diff
            )?;
        }
    }
    Ok(())
}

pub fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Reference => "reference",
        Relation::Identical => "identical",
        Relation::Contained => "contained",
        Relation::Spliced => "spliced",
        Relation::Edited => "edited",
        Relation::SharedRun => "shared-run",
        Relation::Fragment => "fragment",
    }
}

/// `drift` as text: most severe first; each finding with its place, the variant, the
/// reference, the inline diff and the reason.
pub fn findings<W: Write>(out: &mut W, findings: &[&Finding]) -> io::Result<()> {
    if findings.is_empty() {
        writeln!(out, "no findings")?;
    }
    for f in findings {
        let classes: Vec<&str> = f.classes.iter().map(|c| c.as_str()).collect();
        writeln!(
            out,
            "{:<6} {}:{}:{} {} [{}] “{}”",
            f.severity.as_str().to_uppercase(),
            f.article,
            f.line,
            f.column,
            f.quote,
            classes.join(", "),
            shorten(&f.text.replace('\n', " "), 120)
        )?;
        if let Some(r) = &f.evidence.reference {
            writeln!(
                out,
                "       vs {} {}:{}:{} “{}”",
                r.quote,
                r.article,
                r.line,
                r.column,
                shorten(&r.text.replace('\n', " "), 120)
            )?;
            let diff = inline_diff(
                &f.evidence.diff,
                &display_words(&r.text),
                &display_words(&f.text),
            );
            writeln!(out, "       diff: {diff}")?;
        }
        writeln!(out, "       why: {}", f.reason)?;
    }
    Ok(())
}

/// `graph --format text`: one line per edge, then its evidence, strongest first.
pub fn graph<W: Write>(out: &mut W, graph: &crate::provenance::Graph) -> io::Result<()> {
    let nodes = graph.nodes();
    let label = |id: &str| {
        nodes
            .iter()
            .find(|n| n.id == id)
            .map_or(id.to_string(), |n| n.label.clone())
    };
    let edges = graph.edges();
    if edges.is_empty() {
        writeln!(out, "no edges")?;
    }
    for e in edges {
        let arrow = if e.directed { "->" } else { "--" };
        writeln!(
            out,
            "{} {arrow} {}  [{} {:.2}, {} pair(s)]",
            label(&e.source),
            label(&e.target),
            e.kind.as_str(),
            e.confidence,
            e.pairs
        )?;
        for i in e.evidence.iter().take(6) {
            let at: Vec<String> = i
                .spots
                .iter()
                .map(|s| format!("{}:{}:{}", s.article, s.line, s.column))
                .collect();
            writeln!(
                out,
                "    {:<14} {:.2}  {}  ({})",
                i.kind.as_str(),
                i.weight,
                shorten(&i.text.replace('\n', " "), 90),
                at.join(" ~ ")
            )?;
        }
        if e.evidence.len() > 6 {
            writeln!(out, "    … {} more item(s)", e.evidence.len() - 6)?;
        }
    }
    Ok(())
}
