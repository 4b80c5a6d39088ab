//! Finding quotation spans: which quote marks open, which close, which are apostrophes,
//! inch marks or parts of a URL. News uses every convention at once: curly and straight,
//! double and single (British style), guillemets and German low marks, nested quotes,
//! quotes left unclosed, and quotes that run over several paragraphs with a reopening
//! mark on each. The scan is one left-to-right pass per paragraph with a stack of open
//! marks; each mark's role comes from its glyph and what stands on either side of it.
//!
//! Cost: linear in the text: look-ahead is bounded, and an unclosed quote's paragraph is
//! rescanned once, from where the quote was judged to end.

use super::sentence;
use memchr::memmem;
use std::sync::LazyLock;

/// Quote-mark families: a closing mark must be of the family of the mark it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Double,
    Single,
    Guillemet,
}

/// One top-level quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted words: `text[start..end]`.
    pub start: usize,
    pub end: usize,
    /// Byte offset just past the closing mark (`end` when there is none).
    pub close: usize,
    pub terminated: bool,
    pub class: Class,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    class: Class,
    at: usize,
    len: usize,
}

/// The two literals a URL starts with (besides the scheme before "://").
static SCHEME_END: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("://"));
static WWW: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("www."));

/// How far a mark's role may depend on what follows it, in characters.
const LOOKAHEAD: usize = 400;

/// Elided words that start with an apostrophe ('em, 'n', 'til, '90s).
const ELISIONS: &[&str] = &[
    "em", "n", "til", "tis", "twas", "cause", "bout", "round", "nuff", "ol",
];

fn class_of(c: char) -> Option<Class> {
    match c {
        '"' | '“' | '”' | '„' | '‟' => Some(Class::Double),
        '\'' | '‘' | '’' | '‚' | '‛' => Some(Class::Single),
        '«' | '»' => Some(Class::Guillemet),
        _ => None,
    }
}

/// Whitespace, or an invisible character that stands where whitespace would (a byte-order
/// mark left by joining files, a zero-width space or joiner).
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}')
}

fn opens_after(c: char) -> bool {
    is_space(c)
        || class_of(c).is_some()
        || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ';' | '…')
}

fn closes_before(c: char) -> bool {
    is_space(c)
        || class_of(c).is_some()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '…'
        )
}

/// All top-level quotations of `text`, in order.
pub fn scan(text: &str) -> Vec<Span> {
    scan_lines(text, &super::find::lines(text))
}

/// [`scan`], given the text's [`lines`](super::find::lines) (which attribution reads
/// too: they are found once).
pub fn scan_lines(text: &str, lines: &[(usize, usize)]) -> Vec<Span> {
    let paragraphs = paragraphs(text, lines);
    let mut out = Vec::new();
    let mut carry: Option<Mark> = None;
    // Where the narration check of a carried quote resumes: the start of the last
    // sentence already read (every sentence before it was read and narrates nothing).
    let mut resume: Option<usize> = None;
    // The marks open in a paragraph: one buffer for all of them.
    let mut stack = Vec::new();
    for (n, &(start, end)) in paragraphs.iter().enumerate() {
        let mut from = start;
        stack.clear();
        if let Some(outer) = carry.take() {
            // Skip the reopening mark of a quote continued from the paragraph before.
            let lead = text[start..end].len() - text[start..end].trim_start().len();
            let c = text[start + lead..].chars().next().unwrap_or(' ');
            from = start + lead + c.len_utf8();
            stack.push(outer);
        }
        let open = scan_range(text, from, end, &mut stack, &mut out);
        let Some(outer) = open else {
            resume = None;
            continue;
        };
        let quote_start = outer.at + outer.len;
        let from = resume.take().filter(|&r| r >= quote_start && r <= end);
        let (cut, last) = narration_cut_from(text, quote_start, from.unwrap_or(quote_start), end);
        let next = paragraphs.get(n + 1).map(|&(s, e)| &text[s..e]);
        let reopens = next.is_some_and(|p| {
            let t = p.trim_start();
            let mut cs = t.chars();
            let first = cs.next();
            first.and_then(class_of) == Some(outer.class) && cs.next().is_some_and(|c| !is_space(c))
        });
        if cut.is_none() && reopens {
            carry = Some(outer);
            resume = Some(last);
            continue;
        }
        let stop = cut.unwrap_or(end);
        let qend = trim_end(text, outer.at + outer.len, stop);
        out.push(Span {
            open: outer.at,
            start: outer.at + outer.len,
            end: qend,
            close: qend,
            terminated: false,
            class: outer.class,
        });
        if let Some(cut) = cut {
            // The writer's voice resumes: its own quotes are scanned afresh, once.
            stack.clear();
            if let Some(again) = scan_range(text, cut, end, &mut stack, &mut out) {
                let qend = trim_end(text, again.at + again.len, end);
                out.push(Span {
                    open: again.at,
                    start: again.at + again.len,
                    end: qend,
                    close: qend,
                    terminated: false,
                    class: again.class,
                });
            }
        }
    }
    out.sort_by_key(|s| s.open);
    out.retain(|s| s.end > s.start);
    out
}

/// The lines with some text on them.
fn paragraphs(text: &str, lines: &[(usize, usize)]) -> Vec<(usize, usize)> {
    lines
        .iter()
        .copied()
        .filter(|&(s, e)| {
            // Most lines start with a letter or a mark: no need to trim them.
            (s < e && text.as_bytes()[s].is_ascii_graphic()) || !text[s..e].trim().is_empty()
        })
        .collect()
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// Scans `text[from..end]` with an initial stack; pushes closed top-level quotes to `out`
/// and returns the outermost mark still open at the end, if any.
fn scan_range(
    text: &str,
    from: usize,
    end: usize,
    stack: &mut Vec<Mark>,
    out: &mut Vec<Span>,
) -> Option<Mark> {
    let para = &text[..end];
    let bytes = text.as_bytes();
    // The URLs of the range, found when its first mark is.
    let mut urls: Option<Vec<(usize, usize)>> = None;
    let mut url = 0;
    // Only these bytes start a quote mark: '"', '\'', and the lead bytes of the curly
    // marks (U+2018..U+201F) and of the guillemets (U+00AB, U+00BB).
    let mut candidates = super::find::Candidates::new(&bytes[..end], [b'"', b'\'', 0xE2], 0xC2);
    let mut i = from;
    while let Some(at) = candidates.next_from(i) {
        let c = text[at..end].chars().next().unwrap_or(' ');
        i = at + c.len_utf8();
        let Some(class) = class_of(c) else { continue };
        if !clear_of_urls(bytes, from, at) {
            let urls = urls.get_or_insert_with(|| urls_in(text, from, end));
            // Marks come in order, and so do the URLs: skip those already passed.
            while urls.get(url).is_some_and(|&(_, e)| e <= at) {
                url += 1;
            }
            if urls.get(url).is_some_and(|&(s, _)| s <= at) {
                continue;
            }
        }
        let prev = if at == from {
            text[..from]
                .chars()
                .next_back()
                .filter(|_| from > 0 && !text[..from].ends_with('\n'))
        } else {
            text[from..at].chars().next_back()
        };
        let rest = &text[at + c.len_utf8()..end];
        let around = Around {
            prev,
            next: rest.chars().next(),
            before: &text[from..at],
            rest,
        };
        let open_here = stack.iter().any(|m| m.class == class);
        let Some(role) = role(c, class, &around, open_here) else {
            continue;
        };
        let mark = Mark {
            class,
            at,
            len: c.len_utf8(),
        };
        let closes = match role {
            Role::Close => true,
            Role::Either => open_here,
            Role::Open => false,
        };
        if closes {
            let Some(pos) = stack.iter().rposition(|m| m.class == class) else {
                continue;
            };
            if pos == 0 {
                let outer = stack[0];
                out.push(Span {
                    open: outer.at,
                    start: outer.at + outer.len,
                    end: at,
                    close: at + mark.len,
                    terminated: true,
                    class,
                });
            }
            stack.truncate(pos);
            continue;
        }
        if open_here {
            match stack.iter().position(|m| m.class == class) {
                // A second opener of the outer family: the first quote was never closed.
                Some(0) => {
                    let outer = stack[0];
                    let stop = narration_cut(para, outer.at + outer.len, at).unwrap_or(at);
                    let qend = trim_end(text, outer.at + outer.len, stop);
                    out.push(Span {
                        open: outer.at,
                        start: outer.at + outer.len,
                        end: qend,
                        close: qend,
                        terminated: false,
                        class,
                    });
                    stack.clear();
                }
                // A nested opener that never closed: it was an apostrophe after all.
                Some(pos) => stack.truncate(pos),
                None => {}
            }
        }
        stack.push(mark);
    }
    stack.first().copied()
}

/// Whether the mark at `at` is surely in none of the URLs of a range starting at `from`
/// (see [`urls_in`]), from a short look back: a URL that holds it starts with "://" or
/// "www." (after "http") between the mark and the whitespace before it. Most marks stand
/// next to a short word, so the URLs of a range are rarely looked for at all. A long run
/// without whitespace, or one with non-ASCII bytes, is left to [`urls_in`].
fn clear_of_urls(bytes: &[u8], from: usize, at: usize) -> bool {
    const LOOK_BACK: usize = 48;
    let mut k = at;
    while k > from {
        let b = bytes[k - 1];
        if !b.is_ascii() || at - k >= LOOK_BACK {
            return false;
        }
        if b.is_ascii_whitespace() || b == 0x0B {
            break;
        }
        k -= 1;
    }
    let run = &bytes[k..at];
    !(run.windows(3).any(|w| w == b"://") || run.windows(4).any(|w| w == b"www."))
}

/// The URLs of `text[from..end]`, in order: what the regex `(?:https?://|www\.)\S+`
/// finds there, searched for with two literal searches instead of a regex, which cost
/// more than the rest of the scan.
fn urls_in(text: &str, from: usize, end: usize) -> Vec<(usize, usize)> {
    let bytes = &text.as_bytes()[..end];
    let hay = &bytes[from..];
    // Where each literal could start a URL, in order of position.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for c in SCHEME_END.find_iter(hay).map(|k| from + k) {
        if c >= from + 5 && &bytes[c - 5..c] == b"https" {
            starts.push((c - 5, 8));
        } else if c >= from + 4 && &bytes[c - 4..c] == b"http" {
            starts.push((c - 4, 7));
        }
    }
    let schemes = starts.len();
    starts.extend(WWW.find_iter(hay).map(|k| (from + k, 4)));
    if schemes > 0 && schemes < starts.len() {
        starts.sort_unstable();
    }
    let mut out = Vec::new();
    let mut passed = from;
    for (s, len) in starts {
        if s < passed {
            continue;
        }
        // At least one character that is not whitespace after the literal.
        let tail = &text[s + len..end];
        let run = tail.find(char::is_whitespace).unwrap_or(tail.len());
        if run > 0 {
            out.push((s, s + len + run));
            passed = s + len + run;
        }
    }
    out
}

/// What stands around a mark: the characters next to it, and the scanned range before
/// and after it (for bounded look-behind and look-ahead).
struct Around<'a> {
    prev: Option<char>,
    next: Option<char>,
    before: &'a str,
    rest: &'a str,
}

/// What a mark does here, or None when it is no quote mark at all (apostrophe, inch
/// mark, a mark inside a word).
fn role(c: char, class: Class, around: &Around, open_here: bool) -> Option<Role> {
    let Around {
        prev, next, rest, ..
    } = *around;
    let left = next.is_some_and(|n| !is_space(n)) && prev.is_none_or(opens_after);
    let right = prev.is_some_and(|p| !is_space(p)) && next.is_none_or(closes_before);
    match class {
        Class::Double => {
            if c == '"'
                && prev.is_some_and(|p| p.is_ascii_digit())
                && inch_mark(open_here, next, rest)
            {
                return None;
            }
            match c {
                '„' | '‟' => Some(Role::Open),
                '“' if right && !left && open_here => Some(Role::Close),
                '“' => Some(Role::Open),
                '”' if left && !right && !open_here => Some(Role::Open),
                '”' => Some(Role::Close),
                _ => flank_role(left, right),
            }
        }
        Class::Guillemet => match c {
            '«' if right && !left && open_here => Some(Role::Close),
            '«' => Some(Role::Open),
            _ if left && !right && !open_here => Some(Role::Open),
            _ => Some(Role::Close),
        },
        Class::Single => {
            if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
                return None;
            }
            if left && !right {
                return (!elision(rest)).then_some(Role::Open);
            }
            if right && !left {
                if !open_here || elided_word_end(around.before) {
                    return None;
                }
                if prev.is_some_and(|p| p == 's' || p == 'S') && possessive(next, rest) {
                    return None;
                }
                return Some(Role::Close);
            }
            None
        }
    }
}

fn flank_role(left: bool, right: bool) -> Option<Role> {
    match (left, right) {
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        (true, true) => Some(Role::Either),
        (false, false) => None,
    }
}

/// '90s, 'em, rock 'n' roll: an apostrophe standing for missing letters.
fn elision(rest: &str) -> bool {
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..len];
    ELISIONS.iter().any(|e| super::lexicon::lower_is(word, e))
        || (word.len() >= 2
            && word.chars().take(2).all(|c| c.is_ascii_digit())
            && (word.len() == 2 || word.ends_with('s')))
}

/// The second mark of rock 'n' roll: it closes a word that an apostrophe opened.
fn elided_word_end(before: &str) -> bool {
    let mut back = before.chars().rev();
    let (Some(last), Some(mark)) = (back.next(), back.next()) else {
        return false;
    };
    matches!(last, 'n' | 'N')
        && class_of(mark) == Some(Class::Single)
        && back.next().is_none_or(is_space)
}

/// "Jones' cow": an s-final word, then running text, and a later mark that could close
/// the open quote instead. Looks ahead a bounded distance.
fn possessive(next: Option<char>, rest: &str) -> bool {
    if !next.is_some_and(is_space) {
        return false;
    }
    // The look-ahead reads at most LOOKAHEAD characters and the one after them.
    let rest: Vec<char> = rest.chars().take(LOOKAHEAD + 1).collect();
    if !rest.get(1).is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    let n = rest.len().min(LOOKAHEAD);
    (1..n).any(|i| {
        class_of(rest[i]) == Some(Class::Single)
            && !is_space(rest[i - 1])
            && rest.get(i + 1).is_none_or(|&c| closes_before(c))
    })
}

/// 5'10", a 12" pipe: a double mark after a digit that measures rather than quotes.
fn inch_mark(open_here: bool, next: Option<char>, rest: &str) -> bool {
    if !open_here {
        return true;
    }
    // Inside a quote it is an inch mark only if running text follows and a later mark
    // can still close the quote.
    next.is_some_and(is_space)
        && rest.chars().nth(1).is_some_and(char::is_lowercase)
        && rest
            .chars()
            .skip(2)
            .take(LOOKAHEAD)
            .any(|c| class_of(c) == Some(Class::Double))
}

/// Where an unclosed quote stops because the writer's voice resumes: the start of the
/// first sentence after the quote's first one that narrates about a third person.
fn narration_cut(text: &str, start: usize, end: usize) -> Option<usize> {
    narration_cut_from(text, start, start, end).0
}

/// [`narration_cut`] of the quote opened at `start`, read from `resume`, a sentence
/// start at or after it before which no sentence narrates (a quote carried over many
/// paragraphs is read once, not again from its start for each). Also returns the start
/// of the last sentence read, where the next paragraph's reading resumes: sentence
/// starts depend only on a bounded neighbourhood, so reading from a sentence start finds
/// the same starts after it.
fn narration_cut_from(
    text: &str,
    start: usize,
    resume: usize,
    end: usize,
) -> (Option<usize>, usize) {
    let body = &text[resume..end];
    let ranges = sentence::ranges(body);
    let last = ranges.last().map_or(resume, |&(s, _)| resume + s);
    let cut = ranges
        .into_iter()
        .skip(usize::from(resume == start))
        .find(|&(s, e)| narrates(&body[s..e]))
        .map(|(s, _)| resume + s);
    (cut, last)
}

fn narrates(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric()).any(|w| {
        (2..=4).contains(&w.len())
            && ["he", "his", "him", "she", "her", "hers"]
                .iter()
                .any(|p| super::lexicon::lower_is(w, p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<(String, bool)> {
        scan(t)
            .into_iter()
            .map(|s| (t[s.start..s.end].to_string(), s.terminated))
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            texts("He said, \"I love cats!\""),
            [("I love cats!".into(), true)]
        );
        assert_eq!(texts("“Hello,” he said, “how are you?”").len(), 2);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            texts("He remarked, 'We're willing to talk if they've proof.'"),
            [("We're willing to talk if they've proof.".into(), true)]
        );
        assert_eq!(
            texts("\"Where are the horses' carrots?\" he asked."),
            [("Where are the horses' carrots?".into(), true)]
        );
        assert_eq!(
            texts("'I said that Jones' cow was better,' he said."),
            [("I said that Jones' cow was better,".into(), true)]
        );
        assert!(texts("the '90s and rock 'n' roll").is_empty());
    }

    #[test]
    fn urls_are_those_of_the_regex() {
        let re = regex::Regex::new(r"(?:https?://|www\.)\S+").expect("valid regex");
        for t in [
            "",
            "see https://x.com/a\"b and go",
            "http:// https://  www. www.a http://www.b.c/ https://a\u{2003}b",
            "xhttps://a.b wwww.x httpss://y ftp://z www.www.q",
            "é http://é.é\u{00A0}x www.ü\nwww.v",
            "https://",
            "a://b http:/ https:///",
        ] {
            for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for end in (from..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    let want: Vec<(usize, usize)> = re
                        .find_iter(&t[from..end])
                        .map(|m| (from + m.start(), from + m.end()))
                        .collect();
                    assert_eq!(urls_in(t, from, end), want, "{t:?} {from}..{end}");
                }
            }
        }
    }

    #[test]
    fn inches_and_urls_are_not_marks() {
        assert!(texts("He is 5'10\" and carries a 12\" pipe.").is_empty());
        assert!(texts("see https://x.com/a\"b and go").is_empty());
    }

    #[test]
    fn unclosed_quote_ends_where_the_writer_resumes() {
        let t =
            "Maduro declared, \"Venezuela is ready to deal with the U.S. He emphasized data. More.";
        assert_eq!(
            texts(t),
            [("Venezuela is ready to deal with the U.S.".into(), false)]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let t = "Words \"Hello,\n\n \"I am second.\n\n\"I am last.\" more";
        assert_eq!(
            texts(t),
            [("Hello,\n\n \"I am second.\n\n\"I am last.".into(), true)]
        );
    }

    #[test]
    fn crlf_line_endings_stay_outside_quotes() {
        let t = "Hill said: \"They need care.\r\n\r\n\"If not, they die,\" he added.\r\n";
        assert_eq!(
            texts(t),
            [("They need care.\r\n\r\n\"If not, they die,".into(), true)]
        );
        let t = "Maduro said: \"We are ready.\r\n\r\nThe White House declined.\r\n";
        assert_eq!(texts(t), [("We are ready.".into(), false)]);
    }

    #[test]
    fn invisible_characters_count_as_space() {
        let t = "Maduro spoke.\n\u{FEFF}\"We are ready,\" he said.";
        assert_eq!(texts(t), [("We are ready,".into(), true)]);
    }

    #[test]
    fn rock_n_roll_inside_a_single_quote() {
        assert_eq!(
            texts("'This is rock 'n' roll at its best,' the critic wrote."),
            [("This is rock 'n' roll at its best,".into(), true)]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            texts("He told everyone, \"This 'burger' is good.\""),
            [("This 'burger' is good.".into(), true)]
        );
    }
}
