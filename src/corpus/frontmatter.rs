//! Front matter: the metadata block static-site generators and note tools put at the top
//! of a Markdown or text file, YAML between `---` lines or TOML between `+++` lines.
//!
//! The block is cut off and the article's text is what follows it, so every span the
//! pipeline reports is a byte offset into that body, not into the file (the body starts
//! on the line after the closing delimiter). The keys are read like a JSON record's
//! fields (see [`super::fields`]): `outlet`, `title`, `date`, `url`, `author`, … and
//! whatever `--field` maps.
//!
//! YAML is read by a small reader for what front matter holds in practice: `key: value`
//! with plain, single- or double-quoted scalars, `[a, b]` lists, `- item` lists, `|` and
//! `>` blocks, and one level of nested keys. A `---` block whose first line is not a
//! `key:` is a Markdown rule, not front matter, and is left in the text.

use serde_json::{Map, Value};

/// A front-matter block found at the top of a text.
#[derive(Debug)]
pub struct FrontMatter {
    /// Byte offset in the text where the body begins.
    pub body_start: usize,
    /// The block's keys, or why they could not be read.
    pub fields: Result<Map<String, Value>, String>,
    /// "YAML" or "TOML", for messages.
    pub syntax: &'static str,
}

/// The front matter at the start of `text`, if there is a closed block.
pub fn split(text: &str) -> Option<FrontMatter> {
    let (syntax, fence) = match first_line(text).trim_end() {
        "---" => ("YAML", "---"),
        "+++" => ("TOML", "+++"),
        _ => return None,
    };
    let open_end = line_end(text, 0);
    let mut at = open_end;
    while at < text.len() {
        let end = line_end(text, at);
        let line = text[at..end].trim_end();
        if line == fence || (syntax == "YAML" && line == "...") {
            let block = &text[open_end..at];
            let fields = if syntax == "YAML" {
                if !looks_like_yaml(block) {
                    return None;
                }
                parse_yaml(block)
            } else {
                parse_toml(block)
            };
            return Some(FrontMatter {
                body_start: end,
                fields,
                syntax,
            });
        }
        at = end;
    }
    None
}

fn first_line(text: &str) -> &str {
    &text[..line_end(text, 0)]
}

/// Offset just past the line starting at `at` (its newline included).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

fn looks_like_yaml(block: &str) -> bool {
    block
        .lines()
        .map(str::trim_end)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| key_value(l).is_some())
}

fn parse_toml(block: &str) -> Result<Map<String, Value>, String> {
    let table: toml::Table = block
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    Ok(table
        .into_iter()
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect())
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// `key: rest` on a line that starts at column 0 (the key may be quoted).
fn key_value(line: &str) -> Option<(String, &str)> {
    if line.starts_with(char::is_whitespace) || line.starts_with('-') || line.starts_with('#') {
        return None;
    }
    let (key, rest) = if let Some(q @ ('"' | '\'')) = line.chars().next() {
        let close = line[1..].find(q)? + 1;
        let rest = line[close + 1..].strip_prefix(':')?;
        (line[1..close].to_string(), rest)
    } else {
        let colon = line
            .find(": ")
            .or_else(|| line.strip_suffix(':').map(|s| s.len()))?;
        let key = &line[..colon];
        if key.is_empty() || key.contains(['{', '[', '"', '\'']) {
            return None;
        }
        (key.to_string(), &line[colon + 1..])
    };
    (rest.is_empty() || rest.starts_with(' ')).then(|| (key, rest.trim()))
}

fn parse_yaml(block: &str) -> Result<Map<String, Value>, String> {
    let lines: Vec<&str> = block.lines().map(str::trim_end).collect();
    let mut out = Map::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, rest)) = key_value(line) else {
            return Err(format!(
                "line {}: expected 'key: value', found '{line}'",
                i + 1
            ));
        };
        // The lines that belong to this key: indented ones, and `- item` lines.
        let start = i;
        while i < lines.len()
            && (lines[i].is_empty()
                || lines[i].starts_with(char::is_whitespace)
                || lines[i].starts_with("- "))
        {
            i += 1;
        }
        let nested: Vec<&str> = lines[start..i]
            .iter()
            .copied()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let value = if rest.starts_with('|') || rest.starts_with('>') {
            let sep = if rest.starts_with('|') { "\n" } else { " " };
            let parts: Vec<&str> = nested.iter().map(|l| l.trim()).collect();
            Value::String(parts.join(sep))
        } else if !rest.is_empty() && !rest.starts_with('#') {
            scalar_or_list(rest)
        } else if nested.iter().all(|l| l.trim_start().starts_with("- ")) && !nested.is_empty() {
            Value::Array(
                nested
                    .iter()
                    .map(|l| scalar(l.trim_start()[2..].trim()))
                    .collect(),
            )
        } else if !nested.is_empty() {
            let mut inner = Map::new();
            for l in &nested {
                if let Some((k, v)) = key_value(l.trim_start()) {
                    inner.insert(k, scalar_or_list(v));
                }
            }
            Value::Object(inner)
        } else {
            Value::Null
        };
        out.insert(key, value);
    }
    Ok(out)
}

fn scalar_or_list(s: &str) -> Value {
    match s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        Some(inner) => Value::Array(
            split_flow(inner)
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(scalar)
                .collect(),
        ),
        None => scalar(s),
    }
}

/// Splits `a, "b, c", d` at the commas outside quotes.
fn split_flow(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut from = 0;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => {
                parts.push(s[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(s[from..].trim());
    parts
}

fn scalar(s: &str) -> Value {
    let s = s.trim();
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        // YAML's double-quoted escapes are JSON's for everything front matter holds.
        return serde_json::from_str(s)
            .unwrap_or_else(|_| Value::String(s[1..s.len() - 1].to_string()));
    }
    if s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'') {
        return Value::String(s[1..s.len() - 1].replace("''", "'"));
    }
    let s = s.split(" #").next().unwrap_or(s).trim();
    match s {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        _ => Value::String(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let text = "---\ntitle: \"Ready: \\\"now\\\"\"\noutlet: Daily Planet # paper\nauthor:\n  - Lois Lane\n  - Clark Kent\ntags: [a, 'b, c']\ndate: 2024-03-05\nsummary: >\n  two\n  lines\nempty:\n---\nBody \"here.\"\n";
        let fm = split(text).unwrap();
        assert_eq!(&text[fm.body_start..], "Body \"here.\"\n");
        let f = fm.fields.unwrap();
        assert_eq!(f["title"], "Ready: \"now\"");
        assert_eq!(f["outlet"], "Daily Planet");
        assert_eq!(f["author"], serde_json::json!(["Lois Lane", "Clark Kent"]));
        assert_eq!(f["tags"], serde_json::json!(["a", "b, c"]));
        assert_eq!(f["date"], "2024-03-05");
        assert_eq!(f["summary"], "two lines");
        assert_eq!(f["empty"], Value::Null);
    }

    #[test]
    fn toml_front_matter() {
        let text =
            "+++\ntitle = \"T\"\ndate = 2024-03-05T10:00:00Z\n[author]\nname = \"A\"\n+++\nbody";
        let fm = split(text).unwrap();
        assert_eq!(&text[fm.body_start..], "body");
        let f = fm.fields.unwrap();
        assert_eq!(f["title"], "T");
        assert_eq!(f["date"], "2024-03-05T10:00:00Z");
        assert_eq!(f["author"]["name"], "A");
        assert!(split("+++\ntitle = \n+++\nbody").unwrap().fields.is_err());
    }

    #[test]
    fn rules_and_unclosed_blocks_are_not_front_matter() {
        assert!(split("---\nJust a rule, then text.\n---\nmore").is_none());
        assert!(split("---\ntitle: never closed\nbody").is_none());
        assert!(split("Title\n---\ntitle: x\n---\n").is_none());
        let bad = split("---\ntitle: x\n  : ??\nnot a key\n---\nbody").unwrap();
        assert!(bad.fields.is_err());
    }
}
