//! Which field of a JSON record (or key of front matter) holds which part of an article.
//!
//! The names the common tools write are known without being told:
//!
//! | article | record fields tried, in order |
//! | --- | --- |
//! | id | `id`, `stories_id`, `doc_id`, `article_id` |
//! | outlet | `outlet`, `sitename`, `site_name`, `media_name`, `series`, `publisher`, `source` |
//! | title | `title`, `headline` |
//! | date | `date`, `publish_date`, `published`, `date_publish`, `publication_date`, `publishedAt`, `pubdate` |
//! | url | `url`, `link`, `canonical_url` |
//! | byline | `byline`, `author`, `authors`, `creator` |
//! | text | `text`, `raw_text`, `maintext`, `content`, `body` |
//! | (host) | `hostname`, `domain`, `source_domain`: the outlet when nothing names it |
//!
//! That covers trafilatura (`title author date url hostname sitename text raw_text`),
//! newspaper3k (`title authors publish_date url text`), Media Cloud (`media_name
//! publish_date url title text`), passim (`id series date text`) and news-please. Anything
//! else is mapped with `--field NAME=SOURCE` (repeatable), which is tried before the known
//! names; `SOURCE` may be a dotted path into nested objects (`meta.site.name`).
//!
//! Values are read leniently: numbers become text (`"id": 42`), a list of names is
//! joined with ", " (`"authors": ["A", "B"]`), an object stands for its `name`
//! (`"source": {"name": "Reuters"}`), and a list of strings as `text` is a list of
//! paragraphs.

use serde_json::{Map, Value};
use std::fmt;
use std::str::FromStr;

/// An article field a record can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Id,
    Outlet,
    Title,
    Date,
    Url,
    Byline,
    Text,
}

impl Target {
    const ALL: [(Target, &'static str); 7] = [
        (Target::Id, "id"),
        (Target::Outlet, "outlet"),
        (Target::Title, "title"),
        (Target::Date, "date"),
        (Target::Url, "url"),
        (Target::Byline, "byline"),
        (Target::Text, "text"),
    ];

    pub fn name(self) -> &'static str {
        Target::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("text", |(_, n)| n)
    }

    /// The field names tools are known to use, most specific first.
    fn known(self) -> &'static [&'static str] {
        match self {
            Target::Id => &["id", "stories_id", "doc_id", "article_id"],
            Target::Outlet => &[
                "outlet",
                "sitename",
                "site_name",
                "media_name",
                "series",
                "publisher",
                "source",
            ],
            Target::Title => &["title", "headline"],
            Target::Date => &[
                "date",
                "publish_date",
                "published",
                "date_publish",
                "publication_date",
                "publishedAt",
                "pubdate",
            ],
            Target::Url => &["url", "link", "canonical_url"],
            Target::Byline => &["byline", "author", "authors", "creator"],
            Target::Text => &["text", "raw_text", "maintext", "content", "body"],
        }
    }
}

/// Fields that name only the outlet's web host.
const HOST_FIELDS: [&str; 3] = ["hostname", "domain", "source_domain"];

/// One `--field NAME=SOURCE`: article field `NAME` is read from record field `SOURCE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    pub target: Target,
    /// A field name, or a dotted path into nested objects.
    pub source: String,
}

impl FromStr for FieldSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let names = || {
            Target::ALL
                .iter()
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (name, source) = s
            .split_once('=')
            .ok_or_else(|| format!("expected NAME=SOURCE (NAME one of {})", names()))?;
        let target = Target::ALL
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
            .map(|(t, _)| *t)
            .ok_or_else(|| format!("unknown field '{name}': expected one of {}", names()))?;
        let source = source.trim();
        if source.is_empty() {
            return Err(format!("no source field given for '{name}'"));
        }
        Ok(FieldSpec {
            target,
            source: source.to_string(),
        })
    }
}

impl fmt::Display for FieldSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.target.name(), self.source)
    }
}

/// What a record says about its article, every field as written (dates not yet parsed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub id: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    /// The outlet's web host, when the record names only that.
    pub host: Option<String>,
}

impl Meta {
    /// Fills what `self` lacks from `other`.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            id: self.id.or(other.id),
            outlet: self.outlet.or(other.outlet),
            title: self.title.or(other.title),
            date: self.date.or(other.date),
            url: self.url.or(other.url),
            byline: self.byline.or(other.byline),
            host: self.host.or(other.host),
        }
    }
}

/// A record's text, or why it has none.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Text(String),
    /// No text field at all, or only null or blank ones; names the fields looked at.
    Missing(String),
    /// A text field of a type that cannot be text (an object, a number).
    NotText(String),
}

/// Reads records with the user's mappings tried first.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    specs: Vec<FieldSpec>,
}

impl Mapping {
    pub fn new(specs: &[FieldSpec]) -> Self {
        Mapping {
            specs: specs.to_vec(),
        }
    }

    /// The record's metadata (text aside).
    pub fn meta(&self, record: &Map<String, Value>) -> Meta {
        let get = |t: Target| self.first(record, t).and_then(scalar);
        Meta {
            id: get(Target::Id),
            outlet: get(Target::Outlet),
            title: get(Target::Title),
            date: get(Target::Date),
            url: get(Target::Url),
            byline: get(Target::Byline),
            host: HOST_FIELDS
                .iter()
                .find_map(|f| record.get(*f).and_then(scalar)),
        }
    }

    /// The record's text: the first text field that holds some.
    pub fn body(&self, record: &Map<String, Value>) -> Body {
        let mut tried = Vec::new();
        for (name, value) in self.candidates(record, Target::Text) {
            tried.push(name.to_string());
            match value {
                Value::Null => continue,
                Value::String(s) if s.trim().is_empty() => continue,
                Value::String(s) => return Body::Text(s.clone()),
                Value::Array(items) if items.iter().all(Value::is_string) => {
                    let paras: Vec<&str> = items
                        .iter()
                        .filter_map(Value::as_str)
                        .filter(|s| !s.trim().is_empty())
                        .collect();
                    if paras.is_empty() {
                        continue;
                    }
                    return Body::Text(paras.join("\n\n"));
                }
                other => {
                    return Body::NotText(format!(
                        "field '{name}' holds {}, not text",
                        kind_of(other)
                    ))
                }
            }
        }
        if tried.is_empty() {
            let looked: Vec<String> = self
                .user_sources(Target::Text)
                .chain(Target::Text.known().iter().map(|s| s.to_string()))
                .collect();
            Body::Missing(format!("no text field ({})", looked.join(", ")))
        } else {
            Body::Missing(format!("text field empty or null ({})", tried.join(", ")))
        }
    }

    /// True when the record has any field that could hold text; a JSON file whose one
    /// object has none is not an article record at all.
    pub fn has_text_field(&self, record: &Map<String, Value>) -> bool {
        self.candidates(record, Target::Text).next().is_some()
    }

    fn user_sources(&self, target: Target) -> impl Iterator<Item = String> + '_ {
        self.specs
            .iter()
            .filter(move |s| s.target == target)
            .map(|s| s.source.clone())
    }

    /// Every present field for `target`, the user's first, with the name it was found by.
    fn candidates<'r>(
        &'r self,
        record: &'r Map<String, Value>,
        target: Target,
    ) -> impl Iterator<Item = (&'r str, &'r Value)> + 'r {
        let user = self
            .specs
            .iter()
            .filter(move |s| s.target == target)
            .filter_map(move |s| lookup(record, &s.source).map(|v| (s.source.as_str(), v)));
        let known = target
            .known()
            .iter()
            .filter_map(move |f| record.get(*f).map(|v| (*f, v)));
        user.chain(known)
    }

    /// The first present, non-null field for `target`.
    fn first<'r>(&'r self, record: &'r Map<String, Value>, target: Target) -> Option<&'r Value> {
        self.candidates(record, target)
            .map(|(_, v)| v)
            .find(|v| scalar(v).is_some())
    }
}

/// A field by name, or by dotted path into nested objects when no field has the whole
/// name (a field may itself be called `a.b`).
fn lookup<'r>(record: &'r Map<String, Value>, path: &str) -> Option<&'r Value> {
    if let Some(v) = record.get(path) {
        return Some(v);
    }
    let mut parts = path.split('.');
    let mut here = record.get(parts.next()?)?;
    for part in parts {
        here = here.as_object()?.get(part)?;
    }
    Some(here)
}

/// A metadata value as one line of text, if it can be one.
fn scalar(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(_) | Value::Null => return None,
        Value::Object(o) => return o.get("name").and_then(scalar),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(scalar).collect();
            parts.join(", ")
        }
    };
    (!s.is_empty()).then_some(s)
}

/// How a JSON value is named in messages ("a number", "a list").
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn reads_each_tool_by_its_own_names() {
        let m = Mapping::default();
        let traf = obj(json!({"title": "T", "author": "A; B", "date": "2024-01-02",
            "url": "https://x.org/a", "hostname": "x.org", "sitename": "X", "text": "body",
            "raw_text": "raw"}));
        let meta = m.meta(&traf);
        assert_eq!(meta.outlet.as_deref(), Some("X"));
        assert_eq!(meta.host.as_deref(), Some("x.org"));
        assert_eq!(m.body(&traf), Body::Text("body".into()));
        let np = obj(
            json!({"title": "T", "authors": ["A", "B"], "publish_date": null,
            "url": "u", "text": "t"}),
        );
        assert_eq!(m.meta(&np).byline.as_deref(), Some("A, B"));
        assert_eq!(m.meta(&np).date, None);
        let mc = obj(
            json!({"media_name": "M", "publish_date": "2024-01-02 10:00:00",
            "stories_id": 77, "text": "t"}),
        );
        assert_eq!(m.meta(&mc).id.as_deref(), Some("77"));
        assert_eq!(m.meta(&mc).outlet.as_deref(), Some("M"));
        let passim = obj(json!({"id": "p1", "series": "S", "date": "1890-01-01", "text": "t"}));
        assert_eq!(m.meta(&passim).outlet.as_deref(), Some("S"));
        let newsapi = obj(json!({"source": {"id": null, "name": "Reuters"}, "content": "c"}));
        assert_eq!(m.meta(&newsapi).outlet.as_deref(), Some("Reuters"));
        assert_eq!(m.body(&newsapi), Body::Text("c".into()));
    }

    #[test]
    fn user_fields_come_first_and_reach_nested_values() {
        let specs: Vec<FieldSpec> = ["outlet=meta.site", "text=article_body"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let m = Mapping::new(&specs);
        let r = obj(json!({"meta": {"site": "Nested"}, "sitename": "Known",
            "article_body": "mine", "text": "theirs"}));
        assert_eq!(m.meta(&r).outlet.as_deref(), Some("Nested"));
        assert_eq!(m.body(&r), Body::Text("mine".into()));
    }

    #[test]
    fn text_missing_null_or_wrong() {
        let m = Mapping::default();
        assert!(matches!(
            m.body(&obj(json!({"title": "x"}))),
            Body::Missing(_)
        ));
        assert!(matches!(
            m.body(&obj(json!({"text": null}))),
            Body::Missing(_)
        ));
        assert!(matches!(
            m.body(&obj(json!({"text": "  "}))),
            Body::Missing(_)
        ));
        assert!(matches!(
            m.body(&obj(json!({"text": {"a": 1}}))),
            Body::NotText(_)
        ));
        assert_eq!(
            m.body(&obj(json!({"text": ["p1", "", "p2"]}))),
            Body::Text("p1\n\np2".into())
        );
    }

    #[test]
    fn field_specs_parse_or_explain() {
        let f: FieldSpec = "outlet=media_name".parse().unwrap();
        assert_eq!(f.target, Target::Outlet);
        assert_eq!(f.to_string(), "outlet=media_name");
        assert!("nope=x"
            .parse::<FieldSpec>()
            .unwrap_err()
            .contains("unknown"));
        assert!("outlet".parse::<FieldSpec>().is_err());
        assert!("outlet=".parse::<FieldSpec>().is_err());
    }
}
