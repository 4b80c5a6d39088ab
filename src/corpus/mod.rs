//! Stage 1: paths to articles. Loads folders (recursively, in sorted order), single files
//! and standard input; reads a folder's `manifest.json` when there is one and otherwise
//! sniffs metadata from the text. A file that cannot be read is recorded as a
//! [`Problem`] and the rest goes on.
//!
//! Cost: one read of every file; files are decoded and sniffed in parallel; memory holds
//! the texts (the later stages point into them).

pub mod manifest;
pub mod outlets;
pub mod read;
pub mod sniff;

use crate::error::{Error, Result};
use crate::text::{shorten, LineIndex};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One news article and what it says about itself.
#[derive(Debug, Clone)]
pub struct Article {
    /// The manifest's id, else the file stem.
    pub id: String,
    /// Where it was read from (a path, or `-` for standard input).
    pub source: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// Sources the article names, in order of appearance.
    pub cites: Vec<Citation>,
    /// The decoded text (a UTF-8 BOM removed); every span in the pipeline points here.
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
    /// How the article names it ("source line", "[1] in a numbered source list", ...).
    pub how: String,
    /// Byte span of the citing words in the article, when they were found.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// A file that was skipped or repaired, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub source: String,
    pub reason: String,
    /// True when the file was not loaded at all.
    pub skipped: bool,
}

/// Everything loaded from the given paths.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Named after the first path (its folder or file stem): graphs are named after it.
    pub name: String,
    /// Sorted by id.
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

impl Corpus {
    pub fn skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.skipped).count()
    }
}

const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "text", "markdown"];

/// Loads every article under `paths`. Fails only when nothing at all could be read.
pub fn load(paths: &[PathBuf]) -> Result<Corpus> {
    let mut corpus = Corpus {
        name: corpus_name(paths),
        ..Corpus::default()
    };
    let mut files: Vec<(PathBuf, Option<manifest::Entry>)> = Vec::new();
    let mut visited = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => add_bytes(&mut corpus, "stdin".into(), "-".into(), &bytes, None),
                Err(e) => corpus
                    .problems
                    .push(problem("-", format!("cannot read: {e}"))),
            }
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut files, &mut corpus.problems, &mut visited),
            Ok(_) => files.push((path.clone(), manifest_entry_for(path, &mut corpus.problems))),
            Err(e) => corpus.problems.push(problem(
                &path.display().to_string(),
                format!("cannot read: {e}"),
            )),
        }
    }
    let loaded: Vec<_> = files
        .par_iter()
        .map(|(path, entry)| (path, entry, std::fs::read(path)))
        .map(|(path, entry, bytes)| match bytes {
            Ok(bytes) => Ok(build(path, entry.as_ref(), &bytes)),
            Err(e) => Err(problem(
                &path.display().to_string(),
                format!("cannot read: {e}"),
            )),
        })
        .collect();
    for item in loaded {
        match item {
            Ok((Some(article), warning)) => {
                if let Some(w) = warning {
                    corpus.problems.push(w);
                }
                corpus.articles.push(article);
            }
            Ok((None, Some(p))) | Err(p) => corpus.problems.push(p),
            Ok((None, None)) => {}
        }
    }
    dedupe_ids(&mut corpus);
    corpus.articles.sort_by(|a, b| a.id.cmp(&b.id));
    corpus.problems.sort_by(|a, b| a.source.cmp(&b.source));
    if corpus.articles.is_empty() {
        let reasons: Vec<String> = corpus
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.source, p.reason))
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

/// Builds one article from a string (for tests and library users).
pub fn article_from_text(id: &str, text: &str) -> Article {
    let (article, _) = build(Path::new(id), None, text.as_bytes());
    article.unwrap_or_else(|| Article::new(id.to_string(), id.to_string(), String::new()))
}

fn problem(source: &str, reason: String) -> Problem {
    Problem {
        source: source.to_string(),
        reason,
        skipped: true,
    }
}

fn corpus_name(paths: &[PathBuf]) -> String {
    let Some(first) = paths.first() else {
        return "corpus".into();
    };
    if first.as_os_str() == "-" {
        return "stdin".into();
    }
    let path = first.canonicalize().unwrap_or_else(|_| first.clone());
    let name = if path.is_dir() {
        path.file_name()
    } else {
        path.file_stem()
    };
    name.map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "corpus".into())
}

fn walk(
    dir: &Path,
    files: &mut Vec<(PathBuf, Option<manifest::Entry>)>,
    problems: &mut Vec<Problem>,
    visited: &mut HashSet<PathBuf>,
) {
    let shown = dir.display().to_string();
    match dir.canonicalize() {
        Ok(real) if !visited.insert(real.clone()) => {
            problems.push(problem(
                &shown,
                "folder already read (symlink loop?)".into(),
            ));
            return;
        }
        Err(e) => {
            problems.push(problem(&shown, format!("cannot read folder: {e}")));
            return;
        }
        Ok(_) => {}
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            problems.push(problem(&shown, format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let manifest = read_manifest(dir, problems);
    for path in paths {
        if path.is_dir() {
            walk(&path, files, problems, visited);
            continue;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.as_deref() == Some(manifest::FILE_NAME) {
            continue;
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
            continue;
        }
        let entry = name.and_then(|n| manifest.get(&n).cloned());
        files.push((path, entry));
    }
}

fn read_manifest(dir: &Path, problems: &mut Vec<Problem>) -> BTreeMap<String, manifest::Entry> {
    let path = dir.join(manifest::FILE_NAME);
    if !path.exists() {
        return BTreeMap::new();
    }
    match manifest::read(&path) {
        Ok(m) => m
            .articles
            .into_iter()
            .map(|e| (e.file.clone(), e))
            .collect(),
        Err(e) => {
            problems.push(Problem {
                source: path.display().to_string(),
                reason: format!("{e}; metadata sniffed from the texts instead"),
                skipped: false,
            });
            BTreeMap::new()
        }
    }
}

fn manifest_entry_for(file: &Path, problems: &mut Vec<Problem>) -> Option<manifest::Entry> {
    let dir = file.parent()?;
    let name = file.file_name()?.to_string_lossy().into_owned();
    read_manifest(
        if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        },
        problems,
    )
    .remove(&name)
}

fn build(
    path: &Path,
    entry: Option<&manifest::Entry>,
    bytes: &[u8],
) -> (Option<Article>, Option<Problem>) {
    let source = path.display().to_string();
    match read::decode(bytes) {
        read::Decoded::Skip(reason) => (None, Some(problem(&source, reason))),
        read::Decoded::Text(text, warning) => {
            let id = entry
                .and_then(|e| e.id.clone())
                .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .unwrap_or_else(|| source.clone());
            let article = with_metadata(Article::new(id, source.clone(), text), entry);
            let warning = warning.map(|reason| Problem {
                source,
                reason,
                skipped: false,
            });
            (Some(article), warning)
        }
    }
}

fn add_bytes(
    corpus: &mut Corpus,
    path: PathBuf,
    source: String,
    bytes: &[u8],
    entry: Option<&manifest::Entry>,
) {
    let (article, warning) = build(&path, entry, bytes);
    if let Some(mut a) = article {
        a.source = source;
        corpus.articles.push(a);
    }
    corpus.problems.extend(warning);
}

/// Fills metadata: the manifest's word where it gives one, else what the text says.
fn with_metadata(mut a: Article, entry: Option<&manifest::Entry>) -> Article {
    let sniffed = sniff::citations(&a.text);
    match entry {
        Some(e) => {
            a.outlet = e.outlet.clone();
            a.title = e.title.clone();
            a.date = e.date.as_deref().and_then(sniff::parse_date);
            a.byline = e.byline.clone();
            a.url = e.url.clone();
            a.cites = e
                .cites
                .iter()
                .map(|c| locate_cite(&a.text, c, &sniffed))
                .collect();
        }
        None => {
            a.title = sniff::title(&a.text);
            a.date = sniff::date(&a.text);
            a.byline = sniff::byline(&a.text);
            a.cites = sniffed;
        }
    }
    let own = a.outlet.clone();
    a.cites.retain(|c| Some(&c.outlet) != own.as_ref());
    a
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

/// Two files with one id: both are kept, the later ones renamed `id~2`, `id~3`, with a
/// note naming both sources.
fn dedupe_ids(corpus: &mut Corpus) {
    corpus
        .articles
        .sort_by(|a, b| a.id.cmp(&b.id).then(a.source.cmp(&b.source)));
    let mut seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for a in &mut corpus.articles {
        match seen.get_mut(&a.id) {
            None => {
                seen.insert(a.id.clone(), (a.source.clone(), 1));
            }
            Some((first, n)) => {
                *n += 1;
                let new_id = format!("{}~{n}", a.id);
                corpus.problems.push(Problem {
                    source: a.source.clone(),
                    reason: format!(
                        "duplicate article id '{}' (also {first}): kept as '{new_id}'",
                        a.id
                    ),
                    skipped: false,
                });
                a.id = new_id;
            }
        }
    }
}
