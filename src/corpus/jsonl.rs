//! JSON corpora: JSON Lines (`.jsonl`, `.ndjson`: one record per line), and `.json`
//! files holding an array of records, one record, or an object that wraps the array
//! (`{"articles": [...]}` as news APIs return). Which fields are read is
//! [`super::fields`]'s business.
//!
//! A bad line never costs the others: it is reported with its line number and skipped,
//! and the rest of the file is read. A whole `.json` document that does not parse is
//! one problem (there is no line to resume at). A file in which no line parses at all
//! is reported once, not once per line.
//!
//! Ids: the record's own id, else `<file stem>:<line>` for JSON Lines and
//! `<file stem>:<n>` (the n-th element, from 1) for an array. Each article's `source`
//! is `<path>:<line>`, the line its record starts on.

use super::fields::{Body, Mapping};
use super::meta::{self, Fill};
use super::problem::{Problem, ProblemKind};
use super::Article;
use rayon::prelude::*;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// Keys under which a wrapping object keeps its records.
const WRAPPERS: [&str; 7] = [
    "articles",
    "stories",
    "results",
    "data",
    "items",
    "documents",
    "docs",
];

/// Past this many bad lines and no good one, a file is reported once as not JSON at all.
const GIVE_UP_AFTER: usize = 3;

/// One record and where it stands.
#[derive(Debug)]
pub struct Record {
    /// 1-based line the record starts on.
    pub line: usize,
    /// The id suffix when the record has no id: its line, or its place in an array.
    pub fallback: usize,
    pub fields: Map<String, Value>,
}

/// The records of a file and the problems met reading it (line numbers attached).
#[derive(Debug, Default)]
pub struct Parsed {
    pub records: Vec<Record>,
    pub problems: Vec<(Option<usize>, ProblemKind, String)>,
}

/// Reads the records of a JSON or JSON Lines text.
pub fn parse(text: &str, mapping: &Mapping) -> Parsed {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return array(text, text);
    }
    if trimmed.starts_with('{') {
        // A whole-document object (pretty-printed, or one record per file as
        // trafilatura writes); anything else starting with `{` is JSON Lines.
        if let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(text) {
            return object(text, obj, mapping);
        }
    }
    lines(text)
}

fn lines(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut bad = 0;
    for (i, line) in text.split('\n').enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(fields)) => out.records.push(Record {
                line: n,
                fallback: n,
                fields,
            }),
            Ok(other) => {
                bad += 1;
                out.problems.push((
                    Some(n),
                    ProblemKind::Malformed,
                    format!(
                        "{} where a JSON object was expected; line skipped",
                        super::fields::kind_of(&other)
                    ),
                ));
            }
            Err(e) => {
                bad += 1;
                out.problems.push((
                    Some(n),
                    ProblemKind::Malformed,
                    format!(
                        "malformed JSON at column {}: {}; line skipped",
                        e.column(),
                        bare(&e)
                    ),
                ));
            }
        }
    }
    if out.records.is_empty() && bad > GIVE_UP_AFTER {
        let first = out
            .problems
            .first()
            .map(|(l, _, r)| (l.unwrap_or(1), r.clone()));
        let (line, reason) = first.unwrap_or_default();
        out.problems = vec![(
            None,
            ProblemKind::Malformed,
            format!("not JSON: none of its {bad} lines parses (line {line}: {reason})"),
        )];
    }
    out
}

/// An array of records; `slice` is the array's own text, somewhere inside `text`.
fn array(text: &str, slice: &str) -> Parsed {
    let mut out = Parsed::default();
    let items: Vec<&RawValue> = match serde_json::from_str(slice) {
        Ok(items) => items,
        Err(e) => {
            let line = line_at(text, offset_in(text, slice)) + e.line() - 1;
            out.problems.push((
                None,
                ProblemKind::Malformed,
                format!(
                    "malformed JSON at line {line}, column {}: {}; file skipped",
                    e.column(),
                    bare(&e)
                ),
            ));
            return out;
        }
    };
    // Elements come in order: count newlines once, from one element to the next.
    let (mut line, mut counted) = (1, 0);
    for (i, raw) in items.iter().enumerate() {
        let at = offset_in(text, raw.get());
        line += text[counted..at].matches('\n').count();
        counted = at;
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(Value::Object(fields)) => out.records.push(Record {
                line,
                fallback: i + 1,
                fields,
            }),
            Ok(other) => out.problems.push((
                Some(line),
                ProblemKind::Malformed,
                format!(
                    "element {} is {}, not a JSON object; skipped",
                    i + 1,
                    super::fields::kind_of(&other)
                ),
            )),
            Err(e) => out.problems.push((
                Some(line),
                ProblemKind::Malformed,
                format!("element {}: {}; skipped", i + 1, bare(&e)),
            )),
        }
    }
    out
}

/// A whole-file object: one record, or a wrapper around an array of them.
fn object(text: &str, obj: Map<String, Value>, mapping: &Mapping) -> Parsed {
    if mapping.has_text_field(&obj) {
        let line = line_at(text, text.len() - text.trim_start().len());
        return Parsed {
            records: vec![Record {
                line,
                fallback: line,
                fields: obj,
            }],
            problems: Vec::new(),
        };
    }
    let key = WRAPPERS
        .iter()
        .find(|k| obj.get(**k).is_some_and(Value::is_array));
    if let Some(key) = key {
        // Parse the wrapper again keeping raw values, to know where each record stands.
        if let Ok(raw) = serde_json::from_str::<std::collections::BTreeMap<String, &RawValue>>(text)
        {
            if let Some(inner) = raw.get(*key) {
                return array(text, inner.get());
            }
        }
    }
    Parsed {
        records: Vec::new(),
        problems: vec![(
            None,
            ProblemKind::NotRecords,
            "a JSON object with no text field and no list of articles; skipped".into(),
        )],
    }
}

/// Builds the articles of parsed records; records without text become problems.
pub fn to_articles(
    parsed: Parsed,
    path: &str,
    stem: &str,
    mapping: &Mapping,
) -> (Vec<Article>, Vec<Problem>) {
    let mut problems: Vec<Problem> = parsed
        .problems
        .into_iter()
        .map(|(line, kind, reason)| {
            let p = Problem::new(path, kind, reason);
            match line {
                Some(l) => p.at_line(l),
                None => p,
            }
        })
        .collect();
    let built: Vec<Result<Article, Problem>> = parsed
        .records
        .into_par_iter()
        .map(|r| {
            let text = match mapping.body(&r.fields) {
                Body::Text(t) => super::read::normalize_newlines(t),
                Body::Missing(why) | Body::NotText(why) => {
                    return Err(Problem::new(
                        path,
                        ProblemKind::NoText,
                        format!("{why}; record skipped"),
                    )
                    .at_line(r.line))
                }
            };
            let m = mapping.meta(&r.fields);
            let id =
                m.id.clone()
                    .unwrap_or_else(|| format!("{stem}:{}", r.fallback));
            let article = Article::new(id, format!("{path}:{}", r.line), text);
            Ok(meta::apply(article, &m, Fill::Nothing))
        })
        .collect();
    let mut articles = Vec::with_capacity(built.len());
    for b in built {
        match b {
            Ok(a) => articles.push(a),
            Err(p) => problems.push(p),
        }
    }
    (articles, problems)
}

/// Byte offset of `inner` (a slice of `text`) in `text`.
fn offset_in(text: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

fn line_at(text: &str, offset: usize) -> usize {
    1 + text[..offset.min(text.len())].matches('\n').count()
}

/// serde_json's message without its own "at line 1 column 5" (we say where).
fn bare(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(p: &Parsed) -> Vec<usize> {
        p.records.iter().map(|r| r.line).collect()
    }

    #[test]
    fn json_lines_with_bad_lines_in_between() {
        let text = "{\"text\":\"a\"}\n\n{broken\n[1]\n{\"text\":\"b\"}\n";
        let p = parse(text, &Mapping::default());
        assert_eq!(lines_of(&p), [1, 5]);
        let bad: Vec<_> = p.problems.iter().map(|(l, _, _)| *l).collect();
        assert_eq!(bad, [Some(3), Some(4)]);
        assert!(p.problems[0].2.contains("column 2"), "{:?}", p.problems);
    }

    #[test]
    fn arrays_know_where_each_element_starts() {
        let text = "[\n  {\"text\": \"a\"},\n  5,\n  {\"text\":\n \"b\"}\n]";
        let p = parse(text, &Mapping::default());
        assert_eq!(lines_of(&p), [2, 4]);
        assert_eq!(p.records[1].fallback, 3);
        assert_eq!(p.problems[0].0, Some(3));
        let bad = parse("[{\"text\": \"a\"},\n{oops}]", &Mapping::default());
        assert!(bad.records.is_empty());
        assert!(bad.problems[0].2.contains("line 2"), "{:?}", bad.problems);
    }

    #[test]
    fn objects_are_records_wrappers_or_not_articles() {
        let m = Mapping::default();
        let one = parse("{\n \"title\": \"t\",\n \"text\": \"x\"\n}", &m);
        assert_eq!(one.records.len(), 1);
        let wrapped = parse(
            "{\"status\": \"ok\",\n\"articles\": [\n{\"content\": \"x\"}]}",
            &m,
        );
        assert_eq!(lines_of(&wrapped), [3]);
        let truth = parse("{\"quotes\": [], \"edges\": []}", &m);
        assert!(truth.records.is_empty());
        assert_eq!(truth.problems[0].1, ProblemKind::NotRecords);
    }

    #[test]
    fn prose_is_one_problem_not_one_per_line() {
        let p = parse(
            "Once upon\na time\nthere\nwas\nprose\n",
            &Mapping::default(),
        );
        assert!(p.records.is_empty());
        assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
    }
}
