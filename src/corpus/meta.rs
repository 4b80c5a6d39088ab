//! Putting what a source says about an article onto the [`Article`]: the rules that are
//! the same whether the metadata came from a manifest, front matter, a JSON record or an
//! HTML page's head.
//!
//! * The outlet is the name given, made canonical through the outlet table ("Associated
//!   Press" is AP, so that it matches how other articles cite it); else the outlet of
//!   the URL's domain; else the outlet of a bare host field; an unknown domain stands
//!   for itself (`example.org`), as it does when an article links to it.
//! * Dates are normalised to YYYY-MM-DD; one that cannot be read is dropped.
//! * What is missing is sniffed from the text only for plain-text articles, whose first
//!   lines hold a headline and dateline; a record's text starts mid-story.
//! * Citations are always read off the text; a manifest's citations are located in it.

use super::fields::Meta;
use super::outlets::{host_of, outlet_for_name, outlet_for_url};
use super::{sniff, Article};

/// Whether to sniff what the metadata leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    FromText,
    Nothing,
}

/// Sets the article's metadata from `meta` and its citations from its text.
pub fn apply(mut a: Article, meta: &Meta, fill: Fill) -> Article {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    a.outlet = outlet(meta);
    a.url = clean(&meta.url);
    a.title = clean(&meta.title);
    a.byline = clean(&meta.byline);
    a.date = meta.date.as_deref().and_then(sniff::parse_date);
    if fill == Fill::FromText {
        a.title = a.title.or_else(|| sniff::title(&a.text));
        a.date = a.date.or_else(|| sniff::date(&a.text));
        a.byline = a.byline.or_else(|| sniff::byline(&a.text));
    }
    a.cites = sniff::citations(&a.text);
    drop_own_citations(a)
}

/// The outlet by the rules above.
pub fn outlet(meta: &Meta) -> Option<String> {
    let named = meta
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|n| outlet_for_name(n).unwrap_or(n).to_string());
    named
        .or_else(|| meta.url.as_deref().and_then(outlet_of_url))
        .or_else(|| meta.host.as_deref().and_then(outlet_of_url))
}

fn outlet_of_url(url: &str) -> Option<String> {
    outlet_for_url(url)
        .map(str::to_string)
        .or_else(|| host_of(url))
}

/// An article does not cite itself: not its outlet by name, not its own URL, and not a
/// link to its own site ("Permalink: https://www.eveningstar.net/..." in an article of
/// The Evening Star, whose domain the outlet table does not know).
pub fn drop_own_citations(mut a: Article) -> Article {
    let own = a.outlet.clone();
    let own_url = a.url.clone();
    a.cites.retain(|c| {
        let by_name = Some(&c.outlet) == own.as_ref();
        let by_url = c.url.is_some() && c.url == own_url;
        let by_site = match (&own, c.url.as_deref().and_then(host_of)) {
            (Some(o), Some(host)) => same_site(o, &host),
            _ => false,
        };
        !(by_name || by_url || by_site)
    });
    a
}

/// Whether an outlet's name spells its host's name: "The Evening Star" and
/// eveningstar.net, "Jarithgrad Inquirer" and www.jarithgradinquirer.com.
fn same_site(outlet: &str, host: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name = squash(outlet);
    let name = name.strip_prefix("the").unwrap_or(&name).to_string();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let label = squash(host.split('.').next().unwrap_or(host));
    let label = label.strip_prefix("the").unwrap_or(&label).to_string();
    !name.is_empty() && name == label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_to_its_own_site_is_no_citation() {
        assert!(same_site("The Evening Star", "www.eveningstar.net"));
        assert!(same_site("Jarithgrad Inquirer", "jarithgradinquirer.com"));
        assert!(!same_site("The Evening Star", "foxnews.com"));
        assert!(!same_site("The Star", "eveningstar.net"));
    }

    #[test]
    fn outlet_from_name_url_or_host() {
        let m = |o: Option<&str>, u: Option<&str>, h: Option<&str>| Meta {
            outlet: o.map(Into::into),
            url: u.map(Into::into),
            host: h.map(Into::into),
            ..Meta::default()
        };
        assert_eq!(
            outlet(&m(Some("Associated Press"), None, None)).as_deref(),
            Some("AP")
        );
        assert_eq!(
            outlet(&m(
                Some("Daily Planet"),
                Some("https://foxnews.com/x"),
                None
            ))
            .as_deref(),
            Some("Daily Planet")
        );
        assert_eq!(
            outlet(&m(None, Some("https://www.foxnews.com/x"), None)).as_deref(),
            Some("Fox News")
        );
        assert_eq!(
            outlet(&m(None, Some("https://www.example.org/x"), None)).as_deref(),
            Some("example.org")
        );
        assert_eq!(
            outlet(&m(None, None, Some("www.reuters.com"))).as_deref(),
            Some("Reuters")
        );
        assert_eq!(outlet(&m(None, None, None)), None);
    }
}
