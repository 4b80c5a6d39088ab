//! Metadata read off an article's own text, for folders that come without a manifest:
//! the title, a publication date near the top, a byline, and every source the article
//! says it draws on (source lines, numbered source lists, "according to X", wire
//! datelines, links). Each citation keeps the span of the words that state it, so the
//! provenance graph can point at the citing line.

use super::outlets::{host_of, outlet_for_name, outlet_for_url};
use super::Citation;
use regex::Regex;
use std::sync::LazyLock;

/// The first non-empty line, if it is short enough to be a headline.
pub fn title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    (line.chars().count() <= 300).then(|| line.to_string())
}

static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}), (\d{4})(?-u:\b)",
    )
    .expect("valid regex")
});
static DAY_MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{4})(?-u:\b)",
    )
    .expect("valid regex")
});
/// An ISO date, alone or opening a timestamp (`2024-03-05T18:20:00-05:00`: the `T`
/// follows the day without a word boundary).
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?:(?-u:\b)|T\d)").expect("valid regex")
});

/// A date written in the first lines (where a dateline stands), as YYYY-MM-DD.
pub fn date(text: &str) -> Option<String> {
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    if let Some(c) = MONTH_DATE.captures(&head) {
        return ymd(&c[3], month(&c[1])?, &c[2]);
    }
    if let Some(c) = DAY_MONTH_DATE.captures(&head) {
        return ymd(&c[3], month(&c[2])?, &c[1]);
    }
    let c = ISO_DATE.captures(&head)?;
    ymd(&c[1], c[2].parse().ok()?, &c[3])
}

/// Normalises a date given as text in any of the forms [`date`] reads.
pub fn parse_date(s: &str) -> Option<String> {
    date(s.trim())
}

fn month(name: &str) -> Option<u32> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    M.iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<String> {
    let d: u32 = d.parse().ok()?;
    let y: u32 = y.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1500..=2200).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*By:? ([A-Z][\p{L}.'-]+(?: [A-Z][\p{L}.'-]+){1,3})\s*$")
        .expect("valid regex")
});
static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][\p{L}'-]+(?: [A-Z][\p{L}.'-]+){1,2}$").expect("valid regex")
});

/// "By Jane Doe" near the top, or an author box at the end: a name line followed by a
/// line naming a newsroom role.
pub fn byline(text: &str) -> Option<String> {
    let head: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
    if let Some(c) = BY_LINE.captures(&head) {
        return Some(c[1].to_string());
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tail = lines.len().saturating_sub(6);
    lines[tail..].windows(2).find_map(|w| {
        let role = w[1].to_ascii_lowercase();
        let is_role = [
            "journalist",
            "reporter",
            "correspondent",
            "editor",
            "writer",
            "columnist",
        ]
        .iter()
        .any(|r| role.contains(r))
            && w[1].split_whitespace().count() <= 4;
        (NAME_LINE.is_match(w[0]) && is_role).then(|| w[0].to_string())
    })
}

static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*(?:source(?: reference)?|sources|originally published at|read more at)\s*:\s*(https?://\S+)")
        .expect("valid regex")
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'\)\]]+"#).expect("valid regex"));
static NUMBERED_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*\[(\d{1,3})\]\s*(?:\n\s*)?([A-Z][\p{L}&.' -]{1,40}?)\s*:")
        .expect("valid regex")
});
/// The wire agencies a dateline names: "CARACAS (AP) —".
const WIRE_AGENCIES: [&str; 3] = ["AP", "Reuters", "AFP"];
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^\s*[A-Z][A-Z .,'-]{{1,40}}\(({})\)\s*[—–-]",
        WIRE_AGENCIES.join("|")
    ))
    .expect("valid regex")
});
static ATTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:according to|reported by|told|via|h/t|first reported by|citing)\s+",
        r"((?:the )?[A-Z][\p{L}&.'-]*(?: [A-Z][\p{L}&.'-]*){0,3})",
        r"|((?:The )?[A-Z][\p{L}&.'-]*(?: [A-Z][\p{L}&.'-]*){0,3}) (?:first )?reported(?-u:\b)"
    ))
    .expect("valid regex")
});

/// Every source the text says it draws on, in order of appearance, one per outlet.
pub fn citations(text: &str) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    let mut push = |outlet: String, url: Option<String>, how: &str, start: usize, end: usize| {
        if !out.iter().any(|c| c.outlet == outlet) {
            out.push(Citation {
                outlet,
                url,
                how: how.to_string(),
                start: Some(start),
                end: Some(end),
            });
        }
    };
    // Each pattern needs a literal that most articles lack: looking for it first (memchr
    // speed) spares a pass of the regex engine over the whole text.
    let links = memchr::memmem::find(text.as_bytes(), b"http").is_some();
    let numbered = memchr::memchr(b'[', text.as_bytes()).is_some();
    let wire = WIRE_AGENCIES.iter().any(|w| {
        memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).any(|i| {
            i > 0
                && text.as_bytes()[i - 1] == b'('
                && text.as_bytes().get(i + w.len()) == Some(&b')')
        })
    });
    for c in SOURCE_LINE.captures_iter(if links { text } else { "" }) {
        let m = c.get(0).expect("match");
        let url = c[1].trim_end_matches(['.', ',', ')']).to_string();
        if let Some(outlet) = url_outlet(&url) {
            push(outlet, Some(url), "source line", m.start(), m.end());
        }
    }
    for c in NUMBERED_SOURCE.captures_iter(if numbered { text } else { "" }) {
        let name = c[2].trim();
        if let Some(outlet) = outlet_name(name, true) {
            let m = c.get(0).expect("match");
            let how = format!("[{}] in a numbered source list", &c[1]);
            let end = text[m.end()..]
                .find('\n')
                .map_or(text.len(), |i| m.end() + i);
            push(outlet, None, &how, m.start(), end);
        }
    }
    for c in WIRE_DATELINE.captures_iter(if wire { text } else { "" }) {
        let m = c.get(0).expect("match");
        let outlet = outlet_for_name(&c[1]).unwrap_or(&c[1]).to_string();
        push(outlet, None, "wire dateline", m.start(), m.end());
    }
    for (base, c) in attribution_windows(text)
        .into_iter()
        .flat_map(|(s, e)| ATTRIBUTED.captures_iter(&text[s..e]).map(move |c| (s, c)))
    {
        let name = c.get(1).or_else(|| c.get(2)).expect("one group matches");
        // A name ends at a sentence end ("… according to Coastal News. The …").
        let name = name.as_str().split(". ").next().unwrap_or_default();
        if let Some(outlet) = outlet_name(name, false) {
            let m = c.get(0).expect("match");
            let how = m.as_str().split_whitespace().next().unwrap_or("cites");
            let how = format!("\"{}\" in the text", how.to_lowercase());
            push(outlet, None, &how, base + m.start(), base + m.end());
        }
    }
    for m in URL.find_iter(if links { text } else { "" }) {
        let url = m.as_str().trim_end_matches(['.', ',']);
        if let Some(outlet) = url_outlet(url) {
            push(outlet, Some(url.to_string()), "link", m.start(), m.end());
        }
    }
    out
}

/// The stretches of `text` where [`ATTRIBUTED`] can match, in order and apart: from the
/// start of each line holding one of its words of citing to the end of the line where
/// the name after it begins. A match always holds such a word and spans lines only
/// through the blank after it, so searching these stretches finds exactly the matches a
/// search of the whole text finds, without running the regex over every line (it has
/// no literal prefix to skip ahead with, and was most of the cost of loading).
fn attribution_windows(text: &str) -> Vec<(usize, usize)> {
    const TRIGGERS: [&str; 6] = ["according to", "reported", "told", "via", "h/t", "citing"];
    let bytes = text.as_bytes();
    let mut hits: Vec<(usize, usize)> = TRIGGERS
        .iter()
        .flat_map(|t| memchr::memmem::find_iter(bytes, t.as_bytes()).map(move |i| (i, i + t.len())))
        .collect();
    hits.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in hits {
        let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
        let name = text[end..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(bytes.len(), |(i, _)| end + i);
        let line_end = memchr::memchr(b'\n', &bytes[name..]).map_or(bytes.len(), |i| name + i);
        match out.last_mut() {
            Some(last) if line_start <= last.1 => last.1 = last.1.max(line_end),
            _ => out.push((line_start, line_end)),
        }
    }
    out
}

fn url_outlet(url: &str) -> Option<String> {
    outlet_for_url(url)
        .map(str::to_string)
        .or_else(|| host_of(url))
}

/// A written name that is an outlet: one the table knows, or (in a source list, where
/// anything named is a source) any short capitalised name; elsewhere only names shaped
/// like a news organisation ("... News", "... Times").
fn outlet_name(name: &str, in_source_list: bool) -> Option<String> {
    let name = name.trim().trim_end_matches(['.', ',', '\'']);
    if let Some(known) = outlet_for_name(name) {
        return Some(known.to_string());
    }
    let bare = name
        .strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name);
    let words = bare.split_whitespace().count();
    const NEWSY: [&str; 12] = [
        "News",
        "Times",
        "Post",
        "Journal",
        "Herald",
        "Tribune",
        "Press",
        "Wire",
        "Gazette",
        "Telegraph",
        "Agency",
        "Network",
    ];
    let newsy = bare
        .split_whitespace()
        .last()
        .is_some_and(|w| NEWSY.contains(&w));
    ((in_source_list && words <= 4) || (newsy && words >= 2)).then(|| bare.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_bylines_and_titles() {
        assert_eq!(
            date("Title\n\nJanuary 2, 2026\nbody").as_deref(),
            Some("2026-01-02")
        );
        assert_eq!(date("T\nJan. 5, 2025").as_deref(), Some("2025-01-05"));
        assert_eq!(date("T\n3 March 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(date("no date here"), None);
        assert_eq!(
            parse_date("2024-03-05T18:20:00-05:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            parse_date("2024-03-06T08:30:00Z").as_deref(),
            Some("2024-03-06")
        );
        assert_eq!(
            parse_date("2024-03-09 12:00:00").as_deref(),
            Some("2024-03-09")
        );
        assert_eq!(parse_date("2024-03-0512"), None);
        assert_eq!(byline("T\nBy Jane Doe\nbody").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("T\nbody\n\nCharlotte Reynolds\nPolitical Journalist\nBio.").as_deref(),
            Some("Charlotte Reynolds")
        );
        assert_eq!(
            title("\n  Headline here \nbody").as_deref(),
            Some("Headline here")
        );
    }

    #[test]
    fn finds_citations_of_each_kind() {
        let text = "T\nSource reference: https://www.foxnews.com/world/a\n[1]\nNewsweek: headline\n[2] AP: other\nWASHINGTON (AP) — text\nas Reuters reported on Monday, according to The Miami Herald.";
        let c = citations(text);
        let names: Vec<&str> = c.iter().map(|c| c.outlet.as_str()).collect();
        assert_eq!(
            names,
            ["Fox News", "Newsweek", "AP", "Reuters", "Miami Herald"]
        );
        let fox = &c[0];
        assert_eq!(
            &text[fox.start.unwrap()..fox.end.unwrap()],
            "Source reference: https://www.foxnews.com/world/a"
        );
    }

    #[test]
    fn common_phrases_are_not_outlets() {
        let c = citations("according to Venezuelan officials, the Pentagon reported losses.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn windows_find_what_a_whole_text_search_finds() {
        let texts = [
            "The mayor spoke, according to\n\n  Reuters. Later the Daily Star reported it.",
            "Nothing here.\nThe Coastal News first reported the deal.\nvia Fox News\n",
            "trivia night\nIt was, according to\u{a0}\nAP News, late. Told CNN: no.",
            "Line one told\nLine two\n\nThe Herald reported",
            "ÉLAN Média reported délais, citing Le Monde.",
        ];
        for t in texts {
            let whole: Vec<(usize, usize)> = ATTRIBUTED
                .find_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            let windowed: Vec<(usize, usize)> = attribution_windows(t)
                .into_iter()
                .flat_map(|(s, e)| {
                    ATTRIBUTED
                        .find_iter(&t[s..e])
                        .map(move |m| (s + m.start(), s + m.end()))
                })
                .collect();
            assert!(!whole.is_empty(), "{t}");
            assert_eq!(whole, windowed, "{t}");
        }
    }
}
