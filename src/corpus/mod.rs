//! Stage 1: paths to articles. Loads folders (recursively, in sorted order), single files
//! and standard input, in any of the formats users have:
//!
//! * plain text and Markdown (`.txt .md .text .markdown`), with optional YAML (`---`)
//!   or TOML (`+++`) front matter ([`frontmatter`]);
//! * JSON Lines (`.jsonl .ndjson`) and JSON (`.json`: an array of records, one record,
//!   or `{"articles": [...]}`) as trafilatura, newspaper3k, Media Cloud, passim and news
//!   APIs write them ([`jsonl`], fields mapped by [`fields`]);
//! * saved web pages (`.html .htm`), main text extracted ([`html`]);
//! * any of these gzip-compressed (`.gz`, or gzip bytes under any name).
//!
//! Metadata comes from a folder's `manifest.json` first, then what the file itself says
//! (front matter, the record's fields, the page's head), then for plain text what its
//! first lines say ([`sniff`]); the outlet falls back to the URL's domain ([`meta`]).
//!
//! Nothing the user gives is lost silently: an input that cannot be read, or a record
//! that cannot be used, becomes a [`Problem`] naming the file (and line) and the reason,
//! and the rest is read. The load fails only when nothing at all could be read.
//!
//! Cost: one read of every file; files (and the records of a JSON file) are decoded and
//! parsed in parallel; memory holds the texts (the later stages point into them). The
//! result is the same for any thread count and any order of the paths.

pub mod fields;
pub mod format;
pub mod frontmatter;
pub mod html;
pub mod jsonl;
pub mod manifest;
pub mod meta;
pub mod outlets;
pub mod problem;
pub mod read;
pub mod sniff;
pub mod walk;

use crate::error::{Error, Result};
use crate::text::{shorten, LineIndex};
use fields::{Mapping, Meta};
use format::Format;
use meta::Fill;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use fields::FieldSpec;
pub use problem::{Level, Problem, ProblemKind};

/// One news article and what it says about itself.
#[derive(Debug, Clone)]
pub struct Article {
    /// The manifest's, front matter's or record's id; else the file stem (without
    /// `.gz` and extension); for a JSON record without one, `<stem>:<line>`.
    pub id: String,
    /// Where it was read from: a path, `<path>:<line>` for a JSON record, or `-` for
    /// standard input.
    pub source: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// Sources the article names, in order of appearance.
    pub cites: Vec<Citation>,
    /// The article's body, decoded: BOM removed, line endings made `\n`, front matter
    /// cut off, an HTML page reduced to its main text (one paragraph per line). Every
    /// byte offset in the pipeline (quote spans, citation spans, `line:column`) is into
    /// this text, not into the file it came from.
    pub text: String,
    lines: LineIndex,
}

impl Article {
    pub fn new(id: String, source: String, text: String) -> Self {
        let lines = LineIndex::new(&text);
        Article {
            id,
            source,
            outlet: None,
            title: None,
            date: None,
            byline: None,
            url: None,
            cites: Vec::new(),
            text,
            lines,
        }
    }

    /// How people know it: its outlet, else its shortened title, else its id.
    pub fn label(&self) -> String {
        match (&self.outlet, &self.title) {
            (Some(o), _) => o.clone(),
            (None, Some(t)) => shorten(t, 40),
            (None, None) => self.id.clone(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// `id:line:column`, the form every claim uses to point back at the text.
    pub fn locate(&self, offset: usize) -> String {
        let (l, c) = self.line_col(offset);
        format!("{}:{l}:{c}", self.id)
    }
}

/// A source an article names.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Citation {
    pub outlet: String,
    pub url: Option<String>,
    /// How the article names it ("source line", "\[1\] in a numbered source list", ...).
    pub how: String,
    /// Byte span of the citing words in the article, when they were found.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// Everything loaded from the given paths.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Named after the path given (its folder or file stem), or for several, after the
    /// folder they share: graphs are named after it.
    pub name: String,
    /// Sorted by id.
    pub articles: Vec<Article>,
    /// Sorted by file, then line.
    pub problems: Vec<Problem>,
}

impl Corpus {
    /// Inputs (files, folders, records) left out.
    pub fn skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.skipped).count()
    }

    /// The first problem that lost or changed something, in report order.
    pub fn first_warning(&self) -> Option<&Problem> {
        self.problems.iter().find(|p| p.level() == Level::Warning)
    }
}

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--field NAME=SOURCE` mappings for JSON records and front matter.
    pub fields: Vec<FieldSpec>,
}

/// Loads every article under `paths` with the default options.
pub fn load(paths: &[PathBuf]) -> Result<Corpus> {
    load_with(paths, &Options::default())
}

/// Loads every article under `paths`. Fails only when nothing at all could be read.
pub fn load_with(paths: &[PathBuf], options: &Options) -> Result<Corpus> {
    let mapping = Mapping::new(&options.fields);
    let mut corpus = Corpus {
        name: corpus_name(paths),
        ..Corpus::default()
    };
    let inputs = walk::collect(paths, &mut corpus.problems);
    let loaded: Vec<(Vec<Article>, Vec<Problem>)> = inputs
        .into_par_iter()
        .map(|input| read_input(input, &mapping))
        .collect();
    for (articles, problems) in loaded {
        corpus.articles.extend(articles);
        corpus.problems.extend(problems);
    }
    dedupe_ids(&mut corpus);
    corpus.articles.sort_by(|a, b| a.id.cmp(&b.id));
    corpus
        .problems
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if corpus.articles.is_empty() {
        let reasons: Vec<String> = corpus
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location(), p.reason))
            .collect();
        return Err(Error::NothingReadable {
            skipped: corpus.skipped(),
            reasons: if reasons.is_empty() {
                "nothing to read".into()
            } else {
                reasons.join("; ")
            },
        });
    }
    Ok(corpus)
}

/// Builds one article from a string, read as a plain-text file would be (front matter
/// and all), for tests and library users.
pub fn article_from_text(id: &str, text: &str) -> Article {
    let text = read::normalize_newlines(text.to_string());
    let (article, _) = text_article(id, id, text, None, &Mapping::default());
    article.unwrap_or_else(|| Article::new(id.to_string(), id.to_string(), String::new()))
}

/// Reads one input into its articles (several for a JSON file) and its problems.
fn read_input(input: walk::Input, mapping: &Mapping) -> (Vec<Article>, Vec<Problem>) {
    let source = input.source.clone();
    let fail = |kind, reason: String| (Vec::new(), vec![Problem::new(&source, kind, reason)]);
    let bytes = match input.bytes {
        Some(b) => b,
        None => match std::fs::read(&input.path) {
            Ok(b) => b,
            Err(e) => return fail(ProblemKind::Unreadable, format!("cannot read: {e}")),
        },
    };
    let bytes = if read::is_gzip(&bytes) {
        match read::gunzip(&bytes) {
            Ok(b) => b,
            Err(why) => return fail(ProblemKind::Compressed, why),
        }
    } else {
        bytes
    };
    let (text, repaired) = match read::decode(&bytes) {
        read::Decoded::Skip(kind, why) => return fail(kind, why),
        read::Decoded::Text(text, repaired) => (text, repaired),
    };
    drop(bytes);
    let mut problems: Vec<Problem> = repaired
        .map(|(kind, why)| Problem::new(&source, kind, why))
        .into_iter()
        .collect();
    let stem = format::stem(&input.path);
    let format = input.format.unwrap_or_else(|| format::sniff(&text));
    let articles = match format {
        Format::Json => {
            let parsed = jsonl::parse(&text, mapping);
            drop(text);
            let (articles, more) = jsonl::to_articles(parsed, &source, &stem, mapping);
            problems.extend(more);
            articles
        }
        Format::Text => {
            let (article, more) = text_article(&stem, &source, text, input.entry.as_ref(), mapping);
            problems.extend(more);
            article.into_iter().collect()
        }
        Format::Html => {
            let page = html::extract(&text);
            if page.text.trim().is_empty() {
                problems.push(Problem::new(
                    &source,
                    ProblemKind::NoText,
                    "no article text found in the page",
                ));
                Vec::new()
            } else {
                let id = entry_id(input.entry.as_ref()).unwrap_or(stem);
                let article = Article::new(id, source.clone(), page.text);
                vec![finish(
                    article,
                    input.entry.as_ref(),
                    &page.meta,
                    Fill::Nothing,
                )]
            }
        }
    };
    (articles, problems)
}

/// A plain-text or Markdown article: front matter cut off and read, the rest sniffed.
fn text_article(
    stem: &str,
    source: &str,
    text: String,
    entry: Option<&manifest::Entry>,
    mapping: &Mapping,
) -> (Option<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let (body, front) = match frontmatter::split(&text) {
        None => (text, Meta::default()),
        Some(fm) => {
            let front = match fm.fields {
                Ok(fields) => mapping.meta(&fields),
                Err(why) => {
                    problems.push(Problem::new(
                        source,
                        ProblemKind::FrontMatter,
                        format!(
                            "malformed {} front matter ({why}): cut from the text, metadata sniffed instead",
                            fm.syntax
                        ),
                    ));
                    Meta::default()
                }
            };
            (text[fm.body_start..].to_string(), front)
        }
    };
    if body.trim().is_empty() {
        problems.push(Problem::new(
            source,
            ProblemKind::Empty,
            "nothing after the front matter",
        ));
        return (None, problems);
    }
    let id = entry_id(entry)
        .or_else(|| front.id.clone())
        .unwrap_or_else(|| stem.to_string());
    let article = Article::new(id, source.to_string(), body);
    (
        Some(finish(article, entry, &front, Fill::FromText)),
        problems,
    )
}

fn entry_id(entry: Option<&manifest::Entry>) -> Option<String> {
    entry.and_then(|e| e.id.clone())
}

/// Sets the metadata: the manifest's word where it gives one (and then nothing is
/// sniffed, as before manifests could be mixed with other sources), else the file's own.
fn finish(a: Article, entry: Option<&manifest::Entry>, own: &Meta, fill: Fill) -> Article {
    let Some(e) = entry else {
        return meta::apply(a, own, fill);
    };
    let given = Meta {
        id: e.id.clone(),
        outlet: e.outlet.clone(),
        title: e.title.clone(),
        date: e.date.clone(),
        url: e.url.clone(),
        byline: e.byline.clone(),
        host: None,
    };
    let mut a = meta::apply(a, &given.or(own.clone()), Fill::Nothing);
    if !e.cites.is_empty() {
        let sniffed = std::mem::take(&mut a.cites);
        a.cites = e
            .cites
            .iter()
            .map(|c| locate_cite(&a.text, c, &sniffed))
            .collect();
        a = meta::drop_own_citations(a);
    }
    a
}

/// The corpus's name: the path's folder name or file stem; for several paths, the name
/// of the folder they share (so that it does not depend on their order).
fn corpus_name(paths: &[PathBuf]) -> String {
    let real: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .map(|p| p.canonicalize().unwrap_or_else(|_| p.clone()))
        .collect();
    let name = match real.as_slice() {
        [] if paths.is_empty() => None,
        [] => return "stdin".into(),
        [one] => if one.is_dir() {
            one.file_name()
        } else {
            Path::new(one.file_name().unwrap_or_default()).file_stem()
        }
        .map(|n| n.to_string_lossy().into_owned()),
        [first, rest @ ..] => {
            let mut shared: PathBuf = if first.is_dir() {
                first.clone()
            } else {
                first.parent().map(Path::to_path_buf).unwrap_or_default()
            };
            for p in rest {
                while !p.starts_with(&shared) {
                    if !shared.pop() {
                        break;
                    }
                }
            }
            shared.file_name().map(|n| n.to_string_lossy().into_owned())
        }
    };
    name.filter(|n| !n.is_empty())
        .unwrap_or_else(|| "corpus".into())
}

/// A manifest citation, with the span of the words in the text that state it.
fn locate_cite(text: &str, cite: &manifest::Cite, sniffed: &[Citation]) -> Citation {
    let found = sniffed
        .iter()
        .find(|s| s.outlet == cite.outlet || (cite.url.is_some() && s.url == cite.url));
    let span = found.map(|s| (s.start, s.end)).or_else(|| {
        let at = cite
            .url
            .as_deref()
            .and_then(|u| text.find(u))
            .or_else(|| text.find(&cite.outlet))?;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        Some((Some(line_start), Some(line_end)))
    });
    let (start, end) = span.unwrap_or((None, None));
    Citation {
        outlet: cite.outlet.clone(),
        url: cite.url.clone(),
        how: cite
            .how
            .clone()
            .or_else(|| found.map(|s| s.how.clone()))
            .unwrap_or_else(|| "manifest".into()),
        start,
        end,
    }
}

/// Two articles with one id: both are kept, the later ones (by source) renamed `id~2`,
/// `id~3`, with a note naming both sources. Sorting by source first makes the renaming
/// the same whatever order the files were read in.
fn dedupe_ids(corpus: &mut Corpus) {
    corpus.articles.sort_by(|a, b| {
        a.id.cmp(&b.id)
            .then_with(|| source_order(&a.source, &b.source))
    });
    let taken: std::collections::HashSet<String> =
        corpus.articles.iter().map(|a| a.id.clone()).collect();
    let mut seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for a in &mut corpus.articles {
        match seen.get_mut(&a.id) {
            None => {
                seen.insert(a.id.clone(), (a.source.clone(), 1));
            }
            Some((first, n)) => {
                // Skip suffixes another article already has as its own id.
                let new_id = loop {
                    *n += 1;
                    let candidate = format!("{}~{n}", a.id);
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                };
                let (file, line) = split_source(&a.source);
                let mut p = Problem::new(
                    file,
                    ProblemKind::DuplicateId,
                    format!(
                        "duplicate article id '{}' (also {first}): kept as '{new_id}'",
                        a.id
                    ),
                );
                p.line = line;
                corpus.problems.push(p);
                a.id = new_id;
            }
        }
    }
}

/// `path:12` as (`path`, 12); anything else as (source, none).
fn split_source(source: &str) -> (&str, Option<usize>) {
    match source.rsplit_once(':') {
        Some((file, n)) if !file.is_empty() => match n.parse() {
            Ok(line) => (file, Some(line)),
            Err(_) => (source, None),
        },
        _ => (source, None),
    }
}

/// Sources in file order, lines compared as numbers (`a.jsonl:9` before `a.jsonl:10`).
fn source_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (fa, la) = split_source(a);
    let (fb, lb) = split_source(b);
    fa.cmp(fb).then(la.cmp(&lb)).then_with(|| a.cmp(b))
}
