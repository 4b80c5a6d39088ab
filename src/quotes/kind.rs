//! What a quotation is doing: a full utterance (`statement`), a few quoted words inside
//! the writer's own sentence (`fragment`), or a quoted label or scare quote (`term`);
//! and what only looks like a quotation (a title of a work, a nickname in a speaker
//! phrase), which is dropped.

use super::lexicon as lex;
use super::words::split;
use crate::text::{token_norm, token_spans};
use serde::{Deserialize, Serialize};

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

const SUBJECTS: &[&str] = &[
    "i", "we", "they", "you", "he", "she", "i'm", "we're", "they're", "you're", "he's", "she's",
    "i've", "we've", "they've", "you've", "i'll", "we'll", "they'll", "you'll", "i'd", "we'd",
    "they'd", "it's", "that's", "there's", "this", "there", "who",
];

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

/// The last three words of `pre` (as `words::split` reads them), lower-cased, last
/// first. Only the end of `pre` is split: from just past a separator the words are the
/// same as in a split of the whole.
fn last_words(pre: &str) -> Vec<String> {
    const TAIL: usize = 96;
    let mut from = pre.len().saturating_sub(TAIL);
    while !pre.is_char_boundary(from) {
        from += 1;
    }
    if from > 0 {
        let tail = &pre[from..];
        if let Some(sep) = tail.find(|c: char| c.is_whitespace() || matches!(c, '—' | '–')) {
            let at = from + sep + tail[sep..].chars().next().map_or(1, char::len_utf8);
            let words = split(&pre[at..], 0);
            if words.len() >= 3 {
                return words.iter().rev().take(3).map(|w| w.lower()).collect();
            }
        }
    }
    split(pre, 0)
        .iter()
        .rev()
        .take(3)
        .map(|w| w.lower())
        .collect()
}

/// Whether a token's comparison form is one of `SUBJECTS`.
fn is_subject(word: &str) -> bool {
    if word.is_ascii() {
        // The longest subject is 7 bytes ("they're"); `token_norm` lower-cases ASCII
        // and folds '`' to '\''.
        if word.len() > 7 {
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
        let norm = &norm[..word.len()];
        SUBJECTS.iter().any(|s| s.as_bytes() == norm)
    } else {
        SUBJECTS.contains(&token_norm(word).as_str())
    }
}

/// The kind of a quotation, or None when it is not a quotation at all.
/// `pre` is the writer's prose before it in the same sentence (quotes masked).
pub fn classify(inner: &str, pre: &str) -> Option<QuoteKind> {
    // The words of `text::tokens(inner)`: how many (every rule below only asks whether
    // there are up to six), and whether one is a subject. A token never spans a space,
    // so the tokens of the text up to a space are the first tokens of the whole: a long
    // quote is read to its end only when the rules need a subject from its rest.
    let cut = memchr::memchr_iter(b' ', inner.as_bytes())
        .nth(COUNTED)
        .unwrap_or(inner.len());
    let count = |text: &str| {
        let (mut n, mut subject) = (0, false);
        token_spans(text, |s, e| {
            n += 1;
            subject = subject || is_subject(&text[s..e]);
        });
        (n, subject)
    };
    let (mut n, mut has_subject) = count(&inner[..cut]);
    let mut complete = cut == inner.len();
    if !complete && n < COUNTED {
        (n, has_subject) = count(inner);
        complete = true;
    }
    let rest_has_subject = || !complete && !has_subject && count(&inner[cut..]).1;
    let last = last_words(pre);
    let prev = last.first().map(String::as_str).unwrap_or("");
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
    if n >= 2 && last.iter().any(|w| WORKS.contains(&w.as_str())) && named() {
        return None;
    }
    let first_alpha = trimmed.chars().find(|c| c.is_alphabetic());
    let starts_upper = first_alpha.is_some_and(char::is_uppercase);
    let pre_trim = pre.trim_end();
    let embedded = !pre_trim.is_empty() && !pre_trim.ends_with([',', ':', '—', '–', '-']);
    let terminal_inside = trimmed
        .trim_end_matches(['.', '!', '?', ',', '…'])
        .contains(['.', '!', '?']);
    let ends_terminal = trimmed.ends_with(['.', '!', '?']);
    let labelled = lex::LABEL_CUES.contains(&prev)
        || lex::is_determiner(prev)
        || matches!(
            prev,
            "so-called" | "of" | "as" | "word" | "term" | "phrase" | "label"
        );
    // A label may carry the sentence's period inside the marks (American style): "a
    // \"tremendous success.\"" is still a label when it completes a determiner or label verb.
    let short_label = n <= 3 && !trimmed.ends_with(['!', '?']);
    let closed = !ends_terminal || short_label;
    if n <= 5 && embedded && labelled && closed && !terminal_inside && !has_subject {
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
