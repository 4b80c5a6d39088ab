//! Saved web pages (`.html`, `.htm`): the article's main text, one paragraph per line
//! (paragraphs separated by a blank line, as the plain-text articles are), and what the
//! page's head says about it.
//!
//! Main text: the `<article>`, `[itemprop=articleBody]`, `<main>` or `[role=main]`
//! element with the most paragraph text (the innermost one when they nest), else the
//! element whose own `<p>` children hold the most text, else the body. Inside it,
//! scripts, styles, navigation, forms, asides, figures, hidden elements and blocks whose
//! class or id names them share bars, newsletters, related links or ads are dropped.
//! When no text remains, a JSON-LD `articleBody` is used instead.
//!
//! Metadata, first found wins:
//! outlet: `og:site_name`, JSON-LD `publisher.name`, then the URL's domain (see
//! [`super::meta`]); date: `article:published_time`, JSON-LD `datePublished`,
//! `<meta name=date|pubdate>`; url: `<link rel=canonical>`, `og:url`, JSON-LD `url`;
//! title: `og:title`, JSON-LD `headline`, the first `<h1>`, `<title>`; byline: JSON-LD
//! `author`, `<meta name=author>`.
//!
//! The tree is walked with an explicit stack (ego_tree's traversal), so pages nested
//! arbitrarily deep cannot overflow the call stack.

use super::fields::Meta;
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::collections::HashMap;

/// What a page gave.
#[derive(Debug, Default)]
pub struct Page {
    pub text: String,
    pub meta: Meta,
}

/// Elements never part of the story.
const DROP: [&str; 22] = [
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "input",
    "textarea", "label", "svg", "iframe", "object", "embed", "canvas", "figure", "dialog", "menu",
    "head", "title",
];

/// Elements that end a line of text.
const BLOCKS: [&str; 31] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
    "body",
    "html",
];

/// Class or id words of page furniture.
const FURNITURE: [&str; 15] = [
    "share",
    "social",
    "newsletter",
    "subscribe",
    "cookie",
    "promo",
    "advert",
    "sidebar",
    "breadcrumb",
    "related",
    "comments",
    "recirc",
    "outbrain",
    "taboola",
    "paywall",
];

const FURNITURE_WORDS: [&str; 5] = ["ad", "ads", "nav", "menu", "footer"];

/// Reads a page.
pub fn extract(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let ld = json_ld(&doc);
    let mut meta = head_meta(&doc, ld.as_ref());
    let container = main_container(&doc);
    let keep_headers = container.is_some_and(|c| is_article(&c));
    let root = container.unwrap_or_else(|| body_of(&doc));
    let mut text = block_text(*root, keep_headers);
    if text.trim().is_empty() {
        if let Some(body) = ld.as_ref().and_then(|v| str_at(v, "articleBody")) {
            text = body;
        }
    }
    if meta.title.is_none() {
        meta.title = first_text(&doc, "h1").or_else(|| first_text(&doc, "title"));
    }
    Page { text, meta }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn body_of(doc: &Html) -> ElementRef<'_> {
    doc.select(&sel("body"))
        .next()
        .unwrap_or_else(|| doc.root_element())
}

fn is_article(e: &ElementRef) -> bool {
    e.value().name() == "article" || e.value().attr("itemprop") == Some("articleBody")
}

fn attr_of(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    doc.select(&sel(selector))
        .filter_map(|e| e.value().attr(attr))
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

fn first_text(doc: &Html, selector: &str) -> Option<String> {
    doc.select(&sel(selector))
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|s| !s.is_empty())
}

fn head_meta(doc: &Html, ld: Option<&Value>) -> Meta {
    let ld_str = |k: &str| ld.and_then(|v| str_at(v, k));
    let meta = |sel: &str| attr_of(doc, sel, "content");
    let not_url = |s: String| (!s.starts_with("http")).then_some(s);
    Meta {
        id: None,
        outlet: meta(r#"meta[property="og:site_name"]"#)
            .or_else(|| ld.and_then(|v| v.get("publisher")).and_then(name_of)),
        title: meta(r#"meta[property="og:title"]"#).or_else(|| ld_str("headline")),
        date: meta(r#"meta[property="article:published_time"]"#)
            .or_else(|| ld_str("datePublished"))
            .or_else(|| meta(r#"meta[name="date"], meta[name="pubdate"]"#))
            .or_else(|| meta(r#"meta[itemprop="datePublished"]"#)),
        url: attr_of(doc, r#"link[rel="canonical"]"#, "href")
            .or_else(|| meta(r#"meta[property="og:url"]"#))
            .or_else(|| ld_str("url")),
        byline: ld
            .and_then(|v| v.get("author"))
            .and_then(name_of)
            .or_else(|| meta(r#"meta[name="author"]"#).and_then(not_url))
            .or_else(|| meta(r#"meta[property="article:author"]"#).and_then(not_url)),
        host: None,
    }
}

/// The first JSON-LD object typed as an article (searched through arrays and `@graph`).
fn json_ld(doc: &Html) -> Option<Value> {
    let mut found = Vec::new();
    for script in doc.select(&sel(r#"script[type="application/ld+json"]"#)) {
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
            found.push(v);
        }
    }
    // Breadth-first with an explicit queue: JSON-LD can nest deep.
    let mut queue: std::collections::VecDeque<Value> = found.into();
    while let Some(v) = queue.pop_front() {
        match v {
            Value::Array(items) => queue.extend(items),
            Value::Object(mut o) => {
                if is_article_type(o.get("@type")) {
                    return Some(Value::Object(o));
                }
                if let Some(g) = o.remove("@graph") {
                    queue.push_back(g);
                }
            }
            _ => {}
        }
    }
    None
}

fn is_article_type(t: Option<&Value>) -> bool {
    let ok = |s: &str| s.ends_with("Article") || s.ends_with("BlogPosting") || s == "Report";
    match t {
        Some(Value::String(s)) => ok(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(ok),
        _ => false,
    }
}

fn str_at(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("@id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// A person or organisation as JSON-LD gives it: a string, `{"name": …}`, or a list.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// Where each node stands: its place in document order, the place past its last
/// descendant, and its depth; and the text of the `<p>` elements under it. One walk of
/// the tree, so that choosing the container stays linear however deep the page nests.
struct Layout {
    at: HashMap<ego_tree::NodeId, (usize, usize, usize)>,
    paragraphs: HashMap<ego_tree::NodeId, usize>,
}

impl Layout {
    fn of(doc: &Html) -> Layout {
        let mut at = HashMap::new();
        let mut order = Vec::new();
        let (mut n, mut depth) = (0usize, 0usize);
        let mut open: HashMap<ego_tree::NodeId, (usize, usize)> = HashMap::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    open.insert(node.id(), (n, depth));
                    order.push(node);
                    n += 1;
                    depth += 1;
                }
                Edge::Close(node) => {
                    depth -= 1;
                    let (start, d) = open.remove(&node.id()).unwrap_or((n, depth));
                    at.insert(node.id(), (start, n, d));
                }
            }
        }
        // Children come after their parent in document order: walking it backwards
        // adds each node's paragraph text to its parent after the node has its own.
        let mut paragraphs: HashMap<ego_tree::NodeId, usize> = HashMap::new();
        for node in order.iter().rev() {
            let mut mine = paragraphs.get(&node.id()).copied().unwrap_or(0);
            if let Some(p) = ElementRef::wrap(*node).filter(|e| e.value().name() == "p") {
                mine += p.text().map(|t| t.trim().len()).sum::<usize>();
                paragraphs.insert(node.id(), mine);
            }
            if let (Some(parent), true) = (node.parent(), mine > 0) {
                *paragraphs.entry(parent.id()).or_default() += mine;
            }
        }
        Layout { at, paragraphs }
    }

    fn text(&self, e: &ElementRef) -> usize {
        self.paragraphs.get(&e.id()).copied().unwrap_or(0)
    }

    /// True when `inner` is `outer` or inside it.
    fn within(&self, inner: &ElementRef, outer: &ElementRef) -> bool {
        match (self.at.get(&inner.id()), self.at.get(&outer.id())) {
            (Some(i), Some(o)) => o.0 <= i.0 && i.1 <= o.1,
            _ => false,
        }
    }

    fn depth(&self, e: &ElementRef) -> usize {
        self.at.get(&e.id()).map_or(0, |a| a.2)
    }
}

/// The element holding the story, by the rules in the module comment.
fn main_container(doc: &Html) -> Option<ElementRef<'_>> {
    let layout = Layout::of(doc);
    let of = |e: &ElementRef| layout.text(e);
    let candidates: Vec<ElementRef> = doc
        .select(&sel(
            r#"article, [itemprop="articleBody"], main, [role="main"]"#,
        ))
        .collect();
    let best = candidates
        .iter()
        .max_by_key(|e| of(e))
        .filter(|e| of(e) > 0);
    if let Some(best) = best {
        // Prefer an inner candidate holding nearly all of it: less furniture around.
        let inner = candidates
            .iter()
            .filter(|c| layout.within(c, best) && of(c) * 10 >= of(best) * 8)
            .max_by_key(|c| layout.depth(c));
        return inner.or(Some(best)).copied();
    }
    // No marked-up container: the element whose own paragraphs hold the most text.
    let mut own: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    for p in doc.select(&sel("p")) {
        if let Some(parent) = p.parent() {
            *own.entry(parent.id()).or_default() += of(&p);
        }
    }
    let best = own
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(id, n)| {
            // Ties go to the first in document order, whatever the hash order.
            let first = layout.at.get(id).map_or(0, |a| a.0);
            (*n, std::cmp::Reverse(first))
        })?;
    doc.tree.get(best.0).and_then(ElementRef::wrap)
}

fn is_furniture(e: &scraper::node::Element, keep_headers: bool) -> bool {
    let name = e.name();
    if DROP.contains(&name) || (!keep_headers && matches!(name, "header" | "footer")) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "search")
    ) {
        return true;
    }
    let words = e.attr("class").into_iter().chain(e.attr("id"));
    words.flat_map(str::split_whitespace).any(|w| {
        let w = w.to_ascii_lowercase();
        FURNITURE.iter().any(|f| w.contains(f))
            || w.split(['-', '_'])
                .any(|part| FURNITURE_WORDS.contains(&part))
    })
}

/// The text under `root`, one line per block, blocks separated by a blank line.
fn block_text(root: NodeRef<'_, Node>, keep_headers: bool) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    let flush = |line: &mut String, paras: &mut Vec<String>| {
        let t = line.trim();
        if !t.is_empty() {
            paras.push(t.to_string());
        }
        line.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        if node.id() != root.id() && is_furniture(e, keep_headers) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if e.name() == "br" {
                            line.push('\n');
                        } else if BLOCKS.contains(&e.name()) {
                            flush(&mut line, &mut paras);
                        }
                        if e.name() == "pre" {
                            pre_depth += 1;
                        }
                        if matches!(e.name(), "td" | "th") {
                            line.push(' ');
                        }
                    }
                    Node::Text(t) => {
                        if pre_depth > 0 {
                            line.push_str(t);
                        } else {
                            push_collapsed(&mut line, t);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    if e.name() == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&e.name()) && e.name() != "br" {
                        flush(&mut line, &mut paras);
                    }
                }
            }
        }
    }
    flush(&mut line, &mut paras);
    let mut out = paras.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Appends text with runs of whitespace made one space (a line break kept by `<br>`
/// stays a line break).
fn push_collapsed(line: &mut String, t: &str) {
    for (i, word) in t.split_whitespace().enumerate() {
        let at_start = line.is_empty() || line.ends_with(['\n', ' ']);
        if !at_start && (i > 0 || t.starts_with(char::is_whitespace)) {
            line.push(' ');
        }
        line.push_str(word);
    }
    if t.ends_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(['\n', ' ']) {
        line.push(' ');
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Ready to talk | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://www.dailyplanet.example/world/ready">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"x"},
 {"@type":["NewsArticle"],"headline":"Ready to talk","author":[{"@type":"Person","name":"Lois Lane"}],
  "datePublished":"2024-03-04"}]}</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-bar">Share on X</div>
<main><article>
<h1>Ready to talk</h1>
<p>The minister spoke on <b>Tuesday</b>.   "We are ready," she said.</p>
<div class="newsletter">Sign up!</div>
<p>Line one<br>line two &amp; more.</p>
<script>var x = "not text";</script>
<figure><img src="a.jpg"><figcaption>A photo</figcaption></figure>
</article></main>
<footer>Copyright</footer></body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let page = extract(PAGE);
        assert_eq!(
            page.text,
            "Ready to talk\n\nThe minister spoke on Tuesday. \"We are ready,\" she said.\n\nLine one\nline two & more.\n"
        );
        assert_eq!(page.meta.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(page.meta.date.as_deref(), Some("2024-03-05T09:00:00Z"));
        assert_eq!(
            page.meta.url.as_deref(),
            Some("https://www.dailyplanet.example/world/ready")
        );
        assert_eq!(page.meta.title.as_deref(), Some("Ready to talk"));
        assert_eq!(page.meta.byline.as_deref(), Some("Lois Lane"));
    }

    #[test]
    fn pages_without_markup_and_broken_pages() {
        let page = extract("<div><div>menu</div><div><p>First para.</p><p>Second.</p></div></div>");
        assert_eq!(page.text, "First para.\n\nSecond.\n");
        assert_eq!(extract("").text, "");
        let page = extract("<p>unclosed <b>bold <i>and <p>more");
        assert!(page.text.contains("unclosed bold and"), "{:?}", page.text);
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Only here."}</script>"#;
        assert_eq!(extract(ld).text, "Only here.");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Our walk is iterative and linear; html5ever's own tree building is quadratic
        // in nesting depth (it scans the stack of open elements), so the depth here is
        // kept to what a debug build parses in about a second.
        let deep = "<div>".repeat(3_000) + "<p>deep text</p>";
        assert!(extract(&deep).text.contains("deep text"));
    }
}
