//! What went wrong while reading, kept apart from the articles so that one bad file or
//! line never stops the rest. Each problem has a kind (the reason the run's closing
//! count groups by) and a level: a *note* changed nothing the user gave (an empty file
//! left out, UTF-16 decoded), a *warning* lost or altered something (a line skipped,
//! bytes replaced, an id renamed). `--strict` turns the first warning into an error.

use serde::Serialize;

/// Why an input was skipped or repaired. The variants' [`ProblemKind::as_str`] names are
/// what the closing count on stderr prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A file or folder the operating system would not let us read.
    Unreadable,
    /// A folder reached a second time (a symlink loop, or listed twice).
    Loop,
    /// A file reached a second time; it is read once.
    Repeated,
    /// No text at all (zero bytes or only whitespace).
    Empty,
    /// Not text in any encoding we read.
    Binary,
    /// A `.gz` file that does not decompress, or decompresses past the size limit.
    Compressed,
    /// JSON that does not parse (a line of JSON Lines, or a whole `.json` file).
    Malformed,
    /// A JSON record with no usable text field.
    NoText,
    /// A `.json` file that holds no article records (e.g. a truth file beside a corpus).
    NotRecords,
    /// Invalid UTF-8, decoded with replacement characters.
    Encoding,
    /// Decoded from UTF-16 (nothing lost).
    Utf16,
    /// Two articles with one id; the later renamed.
    DuplicateId,
    /// A manifest that does not parse; metadata sniffed instead.
    Manifest,
    /// Front matter that does not parse; metadata sniffed instead.
    FrontMatter,
}

/// How much a problem matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Nothing the user gave was lost or changed.
    Note,
    /// Something was lost (skipped) or changed (repaired, renamed).
    Warning,
}

impl ProblemKind {
    /// The short reason the closing count groups by.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::Loop => "folder read twice",
            ProblemKind::Repeated => "file listed twice",
            ProblemKind::Empty => "empty",
            ProblemKind::Binary => "binary",
            ProblemKind::Compressed => "bad gzip",
            ProblemKind::Malformed => "malformed JSON",
            ProblemKind::NoText => "no text",
            ProblemKind::NotRecords => "no article records",
            ProblemKind::Encoding => "invalid UTF-8 repaired",
            ProblemKind::Utf16 => "decoded from UTF-16",
            ProblemKind::DuplicateId => "duplicate id renamed",
            ProblemKind::Manifest => "malformed manifest",
            ProblemKind::FrontMatter => "malformed front matter",
        }
    }

    pub fn level(self) -> Level {
        match self {
            ProblemKind::Loop
            | ProblemKind::Repeated
            | ProblemKind::Empty
            | ProblemKind::NotRecords
            | ProblemKind::Utf16 => Level::Note,
            _ => Level::Warning,
        }
    }

    /// True when the input (file, folder or record) was left out.
    pub fn skips(self) -> bool {
        matches!(
            self,
            ProblemKind::Unreadable
                | ProblemKind::Loop
                | ProblemKind::Empty
                | ProblemKind::Binary
                | ProblemKind::Compressed
                | ProblemKind::Malformed
                | ProblemKind::NoText
                | ProblemKind::NotRecords
        )
    }
}

/// A file, folder or record that was skipped or repaired, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The path as given (or `-` for standard input).
    pub source: String,
    /// The line in that file, for one record of a JSON Lines or JSON file.
    pub line: Option<usize>,
    pub kind: ProblemKind,
    /// What happened, in full.
    pub reason: String,
    /// True when the input was not loaded at all.
    pub skipped: bool,
}

impl Problem {
    pub fn new(source: impl Into<String>, kind: ProblemKind, reason: impl Into<String>) -> Self {
        Problem {
            source: source.into(),
            line: None,
            kind,
            reason: reason.into(),
            skipped: kind.skips(),
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn level(&self) -> Level {
        self.kind.level()
    }

    /// `path` or `path:line`, the form every message names the input by.
    pub fn location(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.source),
            None => self.source.clone(),
        }
    }

    /// The order problems are reported in: by file, then line, so that the report is
    /// the same whatever order the paths were given in and however many threads ran.
    pub fn sort_key(&self) -> (&str, usize, ProblemKind, &str) {
        (
            &self.source,
            self.line.unwrap_or(0),
            self.kind,
            &self.reason,
        )
    }
}

/// `(reason, count)` pairs in a fixed order.
pub type Counts = Vec<(&'static str, usize)>;

/// Counts by reason, for the closing line: `(skipped, notes and repairs)`.
pub fn tally(problems: &[Problem]) -> (Counts, Counts) {
    let mut skipped = std::collections::BTreeMap::new();
    let mut kept = std::collections::BTreeMap::new();
    for p in problems {
        let map = if p.skipped { &mut skipped } else { &mut kept };
        *map.entry(p.kind).or_insert(0usize) += 1;
    }
    let list = |m: std::collections::BTreeMap<ProblemKind, usize>| {
        m.into_iter().map(|(k, n)| (k.as_str(), n)).collect()
    };
    (list(skipped), list(kept))
}
