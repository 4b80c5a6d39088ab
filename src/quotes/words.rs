//! Words of a stretch of prose as attribution reads them: the word without surrounding
//! punctuation, its byte span, and whether a comma or colon follows it (commas mark
//! appositives, colons introduce quotes).

use super::lexicon::{word_flags, Flags};
use std::cell::Cell;

/// A word of prose with the punctuation that matters to attribution.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub s: &'a str,
    pub start: usize,
    pub end: usize,
    pub comma: bool,
    pub colon: bool,
    /// A sentence-internal break follows: a dash, semicolon or parenthesis.
    pub brk: bool,
    /// Sentence-final punctuation follows (not an abbreviation's period).
    pub stop: bool,
    /// What the lexicon says of `s`, once asked.
    flags: Cell<Flags>,
}

impl Word<'_> {
    /// What the lexicon says of the word (computed on first use).
    pub fn lex(&self) -> Flags {
        let f = self.flags.get();
        if f.is_known() {
            return f;
        }
        // A masked quote is one word as long as the quote: its answers are those of
        // any run of 'Q's, the shortest included (tested), read without its length.
        let s = if f.is_masked() { &self.s[..2] } else { self.s };
        let f = word_flags(s).keeping_mask_of(f);
        self.flags.set(f);
        f
    }

    pub fn lower(&self) -> String {
        self.s.to_lowercase()
    }

    /// `self.lower() == lower`, without allocating for ASCII words.
    pub fn is(&self, lower: &str) -> bool {
        super::lexicon::lower_is(self.s, lower)
    }

    /// Punctuation follows the word (a comma, colon, break or stop): a phrase read
    /// through it would run on past it.
    pub fn punctuated(&self) -> bool {
        self.comma || self.colon || self.brk || self.stop
    }

    /// Known from the split, with no look at the word's bytes.
    pub fn capitalised(&self) -> bool {
        self.flags.get().is_upper()
    }

    /// A name's initial: "F." in "Robert F. Kennedy".
    pub fn initial(&self) -> bool {
        let mut cs = self.s.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next() == Some('.') && cs.next().is_none()
    }

    /// A stretch of a masked-out quote, not a word of prose. Judged once, when split:
    /// such a word is as long as its quote, and is asked about many times.
    pub fn masked(&self) -> bool {
        self.flags.get().is_masked()
    }
}

thread_local! {
    /// Each thread's buffer for the words of whole articles, kept empty between them:
    /// an article's words take several times its size, and a buffer allocated afresh
    /// for each article is fresh memory for the kernel to clear, again and again.
    static ARTICLE_WORDS: std::cell::RefCell<Vec<Word<'static>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Calls `f` with the words of `text` (as [`split`] gives them), in the thread's reused
/// buffer.
pub fn with_article_words<R>(text: &str, f: impl FnOnce(&mut Vec<Word<'_>>) -> R) -> R {
    let buffer = ARTICLE_WORDS.with(|b| b.take());
    let mut words = relabel(buffer);
    split_into(text, 0, &mut words);
    let r = f(&mut words);
    words.clear();
    ARTICLE_WORDS.with(|b| b.replace(relabel(words)));
    r
}

/// An empty list of words for words of another lifetime, in the same allocation: a
/// collect from a `Vec`'s own iterator into a type of the same size and alignment
/// reuses the memory (a standard library optimisation; were it not done, only the
/// reuse would be lost). The closure never runs: the list is empty.
fn relabel<'b>(mut words: Vec<Word<'_>>) -> Vec<Word<'b>> {
    words.clear();
    words
        .into_iter()
        .map(|_| unreachable!("the list is empty"))
        .collect()
}

/// Whether a word is a stretch of a masked-out quote: 'Q's only, two or more.
pub(crate) fn is_masked(s: &str) -> bool {
    s.len() >= 2 && s.as_bytes()[0] == b'Q' && s.bytes().all(|b| b == b'Q')
}

fn lead_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '„' | '-' | '—' | '–' | '*' | '•'
    )
}

fn is_abbrev(w: &str) -> bool {
    // Most words asked about end a sentence ("the recount."): an ASCII word of five
    // letters or more before its periods, none between them, is no listed abbreviation,
    // no initial and no run of single letters, whatever its case (lower-casing ASCII
    // keeps its length and periods).
    let core = w.trim_end_matches('.');
    if w.is_ascii() && core.len() > 4 && !core.contains('.') {
        return false;
    }
    super::lexicon::with_lower(w, |lower| is_abbrev_lower(w, lower))
}

fn is_abbrev_lower(w: &str, lower: &str) -> bool {
    let core = lower.trim_end_matches('.');
    (core.contains('.') && core.split('.').all(|p| p.chars().count() == 1))
        // An initial ("Robert F. Kennedy"): judged on the word as written.
        || (core.chars().count() == 1 && w.chars().next().is_some_and(char::is_uppercase))
        || matches!(
            core,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "sen"
                | "rep"
                | "gov"
                | "gen"
                | "col"
                | "lt"
                | "sgt"
                | "capt"
                | "st"
                | "rev"
                | "jr"
                | "sr"
                | "adm"
                | "u.s"
                | "u.k"
        )
}

/// Whether `body` is surely no abbreviation without lower-casing it: it is longer than
/// any listed one and, before its trailing periods, holds a part between periods that is
/// empty or of two characters or more (lower-casing keeps periods where they are and
/// never shortens a part). `first_bad_part` caches where the first such part of the word
/// is complete; the bodies asked about are ever shorter prefixes of one word, so a long
/// run of punctuation after a long word is read once, not once per period.
fn long_non_abbrev(body: &str, first_bad_part: &mut Option<Option<usize>>) -> bool {
    let core = body.trim_end_matches('.').len();
    if core <= 16 {
        return false;
    }
    let end = *first_bad_part.get_or_insert_with(|| {
        let mut in_part = 0;
        for (i, c) in body.char_indices() {
            if c == '.' {
                if in_part == 0 {
                    return Some(i + 1);
                }
                in_part = 0;
                continue;
            }
            in_part += 1;
            if in_part == 2 {
                return Some(i + c.len_utf8());
            }
        }
        None
    });
    end.is_some_and(|e| e <= core)
}

/// The high bit of each byte of `x` that is a control character, a space or not ASCII:
/// the only bytes that can start a separator.
#[inline]
fn special(x: u64) -> u64 {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGHS: u64 = ONES * 0x80;
    // Adding 0x5F to the low seven bits of a byte sets its high bit when they are 0x21
    // or more; no addition carries into the next byte.
    let printable = (x & !HIGHS) + ONES * (0x80 - 0x21);
    (!printable | x) & HIGHS
}

/// Splits `text` (a slice starting at byte `base` of the article) into words. Dashes
/// separate words even without spaces ("said—a line he repeated").
pub fn split(text: &str, base: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    split_into(text, base, &mut out);
    out
}

/// [`split`] into `out` (emptied first), so that a caller splitting text after text can
/// keep one buffer.
pub fn split_into<'a>(text: &'a str, base: usize, out: &mut Vec<Word<'a>>) {
    out.clear();
    // About one word in six bytes of prose.
    out.reserve(text.len() / 6 + 1);
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // The chunk runs to just past the next whitespace or dash (as `split_inclusive`
        // would cut it); the whitespace is not part of the word.
        let at = pos;
        let mut i = pos;
        let mut raw_end = bytes.len();
        while i < bytes.len() {
            // Eight bytes at a time over the letters of the word.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let m = special(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
                if m != 0 {
                    i += (m.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b < 0x80 {
                i += 1;
                if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                    raw_end = i - 1;
                    break;
                }
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                raw_end = i - c.len_utf8();
                break;
            }
            if matches!(c, '—' | '–') {
                raw_end = i;
                break;
            }
        }
        pos = i;
        let raw = &text[at..raw_end];
        let Some(&first) = raw.as_bytes().first() else {
            // Whitespace after whitespace: nothing to read, nothing to mark.
            continue;
        };
        // No leading punctuation before a letter or digit, none trailing after one.
        let lead = if first.is_ascii_alphanumeric() {
            0
        } else {
            raw.len() - raw.trim_start_matches(lead_punct).len()
        };
        let mut body = &raw[lead..];
        let mut comma = false;
        let mut colon = false;
        let mut brk = false;
        let mut stop = false;
        let plain_end = body
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_alphanumeric);
        // Whether the body is an abbreviation depends on it without its trailing periods:
        // once false, it stays false while only periods are stripped (this keeps a long
        // run of periods linear).
        let mut abbrev_ruled_out = false;
        let mut bad_part = None;
        while let Some(c) = body.chars().next_back().filter(|_| !plain_end) {
            let keep_period = c == '.'
                && !abbrev_ruled_out
                && !long_non_abbrev(body, &mut bad_part)
                && is_abbrev(body);
            abbrev_ruled_out = c == '.';
            if c.is_alphanumeric() || keep_period {
                break;
            }
            match c {
                ',' => comma = true,
                ':' => colon = true,
                ';' | ')' | ']' | '—' | '–' => brk = true,
                '.' | '!' | '?' | '…' => stop = true,
                _ => {}
            }
            body = &body[..body.len() - c.len_utf8()];
        }
        if body.is_empty() {
            // A lone dash or punctuation: a break in the phrase.
            if let Some(last) = out.last_mut() {
                last.brk |= raw.contains(['—', '–', '-', ';', '(', ')']);
                last.comma |= raw.contains(',');
                last.colon |= raw.contains(':');
                last.stop |= raw.contains(['.', '!', '?', '…']);
            }
            continue;
        }
        let start = base + at + lead;
        out.push(Word {
            s: body,
            start,
            end: start + body.len(),
            comma,
            colon,
            brk,
            stop,
            flags: Cell::new(Flags::before_lookup(body, is_masked(body))),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trailing punctuation a word keeps, read as before the memos: `is_abbrev` asked
    /// afresh at every period.
    fn reference_body(word: &str) -> &str {
        let mut body = word.trim_start_matches(lead_punct);
        while let Some(c) = body.chars().next_back() {
            if c.is_alphanumeric() || (c == '.' && is_abbrev(body)) {
                break;
            }
            body = &body[..body.len() - c.len_utf8()];
        }
        body
    }

    #[test]
    fn long_words_keep_the_periods_they_kept() {
        for word in [
            "a.b.c.d.e.f.g.h.i.j.k.",
            "a.b.c.d.e.f.g.h.i.j.k.!.!.",
            "U.S.A.B.C.D.E.F.G.H.I.J.K...",
            "x.y.zz.w.v.u.t.s.r.q.p.",
            ".a.b.c.d.e.f.g.h.i.j.k.l.",
            "a..b.c.d.e.f.g.h.i.j.k.l.",
            "İ.İ.İ.İ.İ.İ.İ.İ.İ.İ.İ.",
            "Σ.Σ.Σ.Σ.Σ.Σ.Σ.Σ.Σ.Σ.Σ.\".",
            "abcdefghijklmnopqrstu.\".\".\".",
            "Mr..................",
            "\".\".\".\".\".\".\".\".\".\".",
            "a.b.c.d.e.f.g.h.i.jj",
        ] {
            let got = split(word, 0);
            let want = reference_body(word);
            assert_eq!(
                got.first().map(|w| w.s),
                (!want.is_empty()).then_some(want),
                "{word}"
            );
        }
    }

    #[test]
    fn long_words_are_ruled_out_as_lower_casing_would() {
        for w in [
            "recount.", "Said.", "CAPT.", "Capt.", "U.S.", "u.k..", "Prof..", "ABCDE.", "A.B.C.",
            "Sgt.", "F.", "Ünited.", "x.", "abcd.", "abcde...",
        ] {
            let full = super::super::lexicon::with_lower(w, |l| is_abbrev_lower(w, l));
            assert_eq!(is_abbrev(w), full, "{w}");
        }
    }

    #[test]
    fn masked_words_are_asked_about_as_their_first_two_bytes() {
        for n in [2, 3, 5, 16, 17, 40, 300] {
            let q = "Q".repeat(n);
            let w = split(&q, 0);
            assert!(w[0].masked());
            assert_eq!(
                w[0].lex(),
                word_flags(&q).keeping_mask_of(w[0].lex()),
                "{n}"
            );
        }
    }

    #[test]
    fn keeps_abbreviations_and_marks_commas() {
        let w = split("Mr. Podesta, a U.S. aide, said: (yes)", 10);
        let s: Vec<&str> = w.iter().map(|w| w.s).collect();
        assert_eq!(s, ["Mr.", "Podesta", "a", "U.S.", "aide", "said", "yes"]);
        assert!(w[1].comma && w[4].comma && w[5].colon);
        assert_eq!(w[0].start, 10);
    }
}
