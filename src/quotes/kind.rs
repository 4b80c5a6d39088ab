//! What a quotation is doing: a full utterance (`statement`), a few quoted words inside
//! the writer's own sentence (`fragment`), or a quoted label or scare quote (`term`);
//! and what only looks like a quotation (a title of a work, a nickname in a speaker
//! phrase), which is dropped.

use super::lexicon as lex;
use super::words::{split, Word};
use crate::text::{token_norm, token_spans_while};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Statement,
    Fragment,
    Term,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Statement => "statement",
            QuoteKind::Fragment => "fragment",
            QuoteKind::Term => "term",
        }
    }
}

const WORKS: &[&str] = &[
    "book",
    "novel",
    "film",
    "movie",
    "song",
    "album",
    "show",
    "series",
    "play",
    "poem",
    "titled",
    "entitled",
    "headlined",
    "headline",
    "memoir",
    "documentary",
    "essay",
    "op-ed",
];

/// How many tokens of a quote the rules of [`classify`] count (they ask about six).
const COUNTED: usize = 7;

const NICKNAME: &[&str] = &["name", "nicknamed", "nickname", "aka", "as"];

/// The last three words of `words`, lower-cased, last first, padded with "" when there
/// are fewer (no rule asks about an empty word).
fn last_three<'a>(words: &[Word<'a>]) -> [Cow<'a, str>; 3] {
    let mut back = words.iter().rev().map(|w| lower(w.s));
    std::array::from_fn(|_| back.next().unwrap_or(Cow::Borrowed("")))
}

/// `word.to_lowercase()`, borrowed when that changes nothing (most words of prose).
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether a token's comparison form is a [`subject`].
fn is_subject(word: &str) -> bool {
    if word.is_ascii() {
        // The longest subject is 7 bytes ("they're") and every one starts with one of
        // "ihstwy": most words are ruled out by their length or first byte. `token_norm`
        // lower-cases ASCII and folds '`' to '\''.
        let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
        if word.len() > 7 || !matches!(first, Some(b'i' | b'h' | b's' | b't' | b'w' | b'y')) {
            return false;
        }
        let mut norm = [0u8; 7];
        for (n, b) in norm.iter_mut().zip(word.bytes()) {
            *n = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
        }
        subject(&norm[..word.len()])
    } else {
        subject(token_norm(word).as_bytes())
    }
}

/// Whether a comparison form is a subject of a clause ("we", "they're", "there"). A
/// match rather than a list: compiled to a dispatch on length and bytes, not a
/// comparison with each entry in turn.
fn subject(norm: &[u8]) -> bool {
    matches!(
        norm,
        b"i" | b"we"
            | b"they"
            | b"you"
            | b"he"
            | b"she"
            | b"i'm"
            | b"we're"
            | b"they're"
            | b"you're"
            | b"he's"
            | b"she's"
            | b"i've"
            | b"we've"
            | b"they've"
            | b"you've"
            | b"i'll"
            | b"we'll"
            | b"they'll"
            | b"you'll"
            | b"i'd"
            | b"we'd"
            | b"they'd"
            | b"it's"
            | b"that's"
            | b"there's"
            | b"this"
            | b"there"
            | b"who"
    )
}

/// What the rules of [`classify`] ask about the words of `text::tokens(inner)`: how
/// many (they only ask whether there are up to six, so `COUNTED` stands for any more),
/// and whether one is a subject. Reading stops at the `COUNTED`th word: the rest of a
/// long quote is read only when a rule needs a subject from it.
struct Counted<'a> {
    n: usize,
    /// A subject among the `n` words read.
    has_subject: bool,
    /// The text after them (the tokens of the text from a token's end are the tokens
    /// after it).
    rest: &'a str,
}

impl<'a> Counted<'a> {
    fn of(inner: &'a str) -> Self {
        let (mut n, mut has_subject, mut read) = (0, false, inner.len());
        token_spans_while(inner, |s, e| {
            n += 1;
            has_subject = has_subject || is_subject(&inner[s..e]);
            if n == COUNTED {
                read = e;
            }
            n < COUNTED
        });
        Counted {
            n,
            has_subject,
            rest: &inner[read..],
        }
    }

    fn rest_has_subject(&self) -> bool {
        let mut found = false;
        token_spans_while(self.rest, |s, e| {
            found = is_subject(&self.rest[s..e]);
            !found
        });
        found
    }
}

/// The kind of a quotation, or None when it is not a quotation at all.
/// `pre` is the writer's prose before it in the same sentence (quotes masked).
pub fn classify(inner: &str, pre: &str) -> Option<QuoteKind> {
    classify_after(inner, pre, &split(pre, 0))
}

/// [`classify`], given `pre_words`, the words of `pre` as `words::split` reads them
/// (extraction has them from attribution, which splits them anyway).
pub fn classify_after(inner: &str, pre: &str, pre_words: &[Word]) -> Option<QuoteKind> {
    let last = last_three(pre_words);
    let words = Counted::of(inner);
    let (n, has_subject) = (words.n, words.has_subject);
    let rest_has_subject = || words.rest_has_subject();
    let prev: &str = &last[0];
    let trimmed = inner.trim();
    if n == 0 {
        return None;
    }
    // After "nicknamed" or "titled" a comma inside the marks is only American punctuation.
    // Read through the whole quote, so asked last.
    let named = || title_case(trimmed.strip_suffix(',').unwrap_or(trimmed));
    if n <= 3 && NICKNAME.contains(&prev) && named() {
        return None;
    }
    if n >= 2 && last.iter().any(|w| WORKS.contains(&&**w)) && named() {
        return None;
    }
    let first_alpha = trimmed.chars().find(|c| c.is_alphabetic());
    let starts_upper = first_alpha.is_some_and(char::is_uppercase);
    let pre_trim = pre.trim_end();
    let embedded = !pre_trim.is_empty() && !pre_trim.ends_with([',', ':', '—', '–', '-']);
    let ends_terminal = trimmed.ends_with(['.', '!', '?']);
    let labelled = || {
        lex::LABEL_CUES.contains(&prev)
            || lex::is_determiner(prev)
            || matches!(
                prev,
                "so-called" | "of" | "as" | "word" | "term" | "phrase" | "label"
            )
    };
    // Reads through the whole quote: asked only of a short quote that may be a label.
    let terminal_inside = || {
        trimmed
            .trim_end_matches(['.', '!', '?', ',', '…'])
            .contains(['.', '!', '?'])
    };
    // A label may carry the sentence's period inside the marks (American style): "a
    // \"tremendous success.\"" is still a label when it completes a determiner or label verb.
    let short_label = n <= 3 && !trimmed.ends_with(['!', '?']);
    let closed = !ends_terminal || short_label;
    if n <= 5 && embedded && !has_subject && closed && labelled() && !terminal_inside() {
        return Some(QuoteKind::Term);
    }
    // A quote that is a clause of its own ("Look," he said) is an utterance, however short.
    let own_clause = !embedded && trimmed.ends_with([',', '.', '!', '?', '…']);
    let statement = (starts_upper && n >= 3 && !(embedded && !has_subject && n <= 6))
        || (n >= 5 && has_subject)
        || (!embedded && (n >= 3 || own_clause))
        // Past the counted words: a subject further on still makes a statement.
        || (n >= 5 && rest_has_subject());
    Some(if statement {
        QuoteKind::Statement
    } else {
        QuoteKind::Fragment
    })
}

/// Joaquín "El Chapo" Guzmán: a short title-case quote set between two words of a name.
/// `before` and `after` are the article's text on either side of the quote's marks.
pub fn is_nickname_in_name(inner: &str, before: &str, after: &str) -> bool {
    let name_word = |w: Option<&str>| {
        w.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && lex::may_be_name(w)
            })
    };
    let spaced = before.ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace);
    spaced
        && (1..=3).contains(&inner.split_whitespace().take(4).count())
        && title_case(inner.trim())
        && name_word(before.split_whitespace().next_back())
        && name_word(after.split_whitespace().next())
}

/// "One Hundred Years of Solitude": every word of four letters or more capitalised.
fn title_case(s: &str) -> bool {
    let words = || {
        s.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
    };
    if s.trim_end().ends_with([',', '!', '?']) {
        return false;
    }
    // No word, or one: nothing to count.
    let mut ws = words();
    let Some(first) = ws.next() else {
        return false;
    };
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if ws.next().is_none() {
        return upper(first);
    }
    words().filter(|w| w.chars().nth(3).is_some()).all(upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUBJECTS: &[&str] = &[
        "i", "we", "they", "you", "he", "she", "i'm", "we're", "they're", "you're", "he's",
        "she's", "i've", "we've", "they've", "you've", "i'll", "we'll", "they'll", "you'll", "i'd",
        "we'd", "they'd", "it's", "that's", "there's", "this", "there", "who",
    ];

    /// Texts built from pieces that tokenise and split in unusual ways: contractions
    /// with every apostrophe, abbreviations, non-ASCII case, dashes, NBSP, CRLF and marks.
    fn tricky_texts() -> Vec<String> {
        const PIECES: &[&str] = &[
            "I",
            "we’re",
            "They`ve",
            "THEY'RE",
            "he",
            "U.S.",
            "a.m",
            "ÉTÉ",
            "naïve",
            "İ",
            "ǅ",
            "said",
            "Book",
            "titled",
            "nicknamed",
            "the",
            "so-called",
            "word",
            "x",
            "—",
            "–",
            "-",
            "\u{00A0}",
            "\r\n",
            "\n",
            "'",
            "\"",
            "“",
            "”",
            "‘",
            "’",
            "«",
            ",",
            ".",
            "…",
            "supercalifragilistic",
            "ﬁne",
            "１２",
            "Who",
            "there’s",
            "",
        ];
        const SEPS: &[&str] = &[" ", "", "  ", "\u{00A0}", "\r\n", "—", "\t"];
        let mut rng = crate::quotes::testing::Lcg::new(0x9E37_79B9_7F4A_7C15);
        let mut next = |m: usize| rng.below(m);
        let mut out = vec![String::new(), " ".into(), "\u{00A0}".into()];
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..next(40) {
                t.push_str(PIECES[next(PIECES.len())]);
                t.push_str(SEPS[next(SEPS.len())]);
            }
            out.push(t);
        }
        out
    }

    #[test]
    fn subject_is_the_list() {
        for w in SUBJECTS {
            assert!(subject(w.as_bytes()), "{w}");
            assert!(is_subject(&w.to_uppercase()), "{w}");
            assert!(is_subject(&w.replace('\'', "`")), "{w}");
            assert!(is_subject(&w.replace('\'', "’")), "{w}");
        }
        for t in tricky_texts() {
            crate::text::token_spans(&t, |s, e| {
                let w = &t[s..e];
                let want = SUBJECTS.contains(&crate::text::token_norm(w).as_str());
                assert_eq!(is_subject(w), want, "{w:?}");
            });
        }
    }

    #[test]
    fn counted_words_are_those_of_all_tokens() {
        for t in tricky_texts() {
            let tokens = crate::text::tokens(&t);
            let any = tokens.iter().any(|k| SUBJECTS.contains(&k.norm.as_str()));
            let c = Counted::of(&t);
            assert_eq!(c.n, tokens.len().min(COUNTED), "{t:?}");
            if c.n < COUNTED {
                assert_eq!(c.has_subject, any, "{t:?}");
                assert!(c.rest.is_empty() || !c.rest_has_subject(), "{t:?}");
            }
            assert_eq!(c.has_subject || c.rest_has_subject(), any, "{t:?}");
        }
    }

    #[test]
    fn kinds_on_news_sentences() {
        use QuoteKind::*;
        assert_eq!(classify("ready", "Maduro declared he’s "), Some(Fragment));
        assert_eq!(classify("armed conflict", "part of an "), Some(Term));
        assert_eq!(
            classify("narco-trafficking networks", "to break up what it calls "),
            Some(Term)
        );
        assert_eq!(
            classify("If they want oil, Venezuela is ready,", ""),
            Some(Statement)
        );
        assert_eq!(
            classify(
                "talk about it in a few days.",
                "stating only that he could "
            ),
            Some(Fragment)
        );
        assert_eq!(
            classify(
                "they're using threats and force to get what they want,",
                "He claimed that "
            ),
            Some(Statement)
        );
        assert_eq!(
            classify("One Hundred Years of Solitude", "his favorite book is "),
            None
        );
        assert_eq!(classify("Shorty.", "a man who goes by the name "), None);
    }
}
