//! Which reader a file goes to: by its extension (a trailing `.gz` set aside), and for
//! standard input and files of other names, by what the text looks like.

use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown, with optional front matter.
    Text,
    /// JSON Lines, a JSON array of records, or one JSON record.
    Json,
    Html,
}

/// The format an extension names, if it names one we read.
pub fn by_extension(path: &Path) -> Option<Format> {
    let ext = inner_path(path)
        .extension()?
        .to_string_lossy()
        .to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "text" | "markdown" => Some(Format::Text),
        "jsonl" | "ndjson" | "json" => Some(Format::Json),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// The path without a trailing `.gz`: `a.jsonl.gz` is read as `a.jsonl`.
pub fn inner_path(path: &Path) -> &Path {
    match path.extension() {
        Some(e) if e.eq_ignore_ascii_case("gz") => {
            // Callers look only at the name's extension and stem, so the bare inner
            // name will do.
            Path::new(path.file_stem().unwrap_or_default())
        }
        _ => path,
    }
}

/// The id of a file's article, or the prefix of its records' ids: the file name without
/// `.gz` and without its extension.
pub fn stem(path: &Path) -> String {
    inner_path(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| path.display().to_string())
}

/// What a text of unknown name looks like: a page, JSON, or prose.
pub fn sniff(text: &str) -> Format {
    let head = text.trim_start();
    if head.starts_with('{') || head.starts_with('[') {
        return Format::Json;
    }
    if head.starts_with('<') {
        let lower = head[..floor_boundary(head, 1024)].to_ascii_lowercase();
        if [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<article",
            "<p>",
            "<div",
        ]
        .iter()
        .any(|tag| lower.contains(tag))
        {
            return Format::Html;
        }
    }
    Format::Text
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_name_and_by_look() {
        assert_eq!(by_extension(Path::new("a/b.JSONL")), Some(Format::Json));
        assert_eq!(by_extension(Path::new("b.ndjson.gz")), Some(Format::Json));
        assert_eq!(by_extension(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(by_extension(Path::new("b.md.gz")), Some(Format::Text));
        assert_eq!(by_extension(Path::new("b.gz")), None);
        assert_eq!(by_extension(Path::new("b.pdf")), None);
        assert_eq!(stem(Path::new("dir/feed.jsonl.gz")), "feed");
        assert_eq!(stem(Path::new("dir/001.txt")), "001");
        assert_eq!(sniff("  {\"text\": 1}"), Format::Json);
        assert_eq!(sniff("<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(sniff("<3 said nobody"), Format::Text);
        assert_eq!(sniff("\"Quote,\" she said."), Format::Text);
    }
}
