//! Sentence boundaries in news prose. A plain splitter breaks after "Mr." and "U.S." and
//! cannot tell that "the U.S. He emphasized" ends a sentence while "U.S. Army" does not;
//! this one knows titles, initials and abbreviations that can end a sentence.

/// How much of the text before a period is read to find the word it ends, in bytes.
const WORD_TAIL: usize = 24;

/// Titles and abbreviations that never end a sentence (lower case). A match rather
/// than a list: compiled to a dispatch on length and bytes, not a comparison with each.
fn never_final(lower: &str) -> bool {
    matches!(
        lower,
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
            | "mt"
            | "no"
            | "vol"
            | "fig"
            | "vs"
            | "cf"
            | "e.g"
            | "i.e"
            | "adm"
            | "cmdr"
            | "maj"
            | "supt"
            | "insp"
            | "pres"
            | "hon"
            | "messrs"
            | "mme"
            | "mlle"
            | "sr"
            | "ft"
            | "jan"
            | "feb"
            | "aug"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "approx"
            | "dept"
            | "est"
    )
}

/// Words that start a sentence after an abbreviation that may end one ("the U.S. He ...").
const STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "A",
    "An",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "When",
    "While",
    "After",
    "Before",
    "If",
    "As",
    "So",
    "Yet",
    "Still",
    "Meanwhile",
    "However",
    "For",
    "Since",
    "Some",
    "Many",
    "What",
    "Why",
    "How",
    "Who",
    "Officials",
    "Critics",
];

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Byte offsets where a new sentence starts in `text` (0 not included).
///
/// Linear in the text: a run of closing marks and terminators after one terminator is
/// read once for all the terminators in it.
pub fn starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for_each_start(text, |s| out.push(s));
    out
}

/// Calls `f` with each offset [`starts`] gives, in order.
fn for_each_start(text: &str, mut f: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    // The last run of closers read: from a terminator's end to `run_end`, then the
    // whitespace after it to `run_ws_end`.
    let (mut run_end, mut run_ws_end) = (0, 0);
    // '.', '!', '?', and the last byte of '…' (E2 80 A6): the lead byte E2 also starts
    // every curly mark and dash, which would stop the search far more often.
    let mut candidates = super::find::Candidates::new(bytes, [b'.', b'!', b'?'], 0xA6);
    let mut i = 0;
    while let Some(at) = candidates.next_from(i) {
        let (here, c) = if bytes[at] != 0xA6 {
            (at, char::from(bytes[at]))
        } else if at >= 2 && bytes[at - 2..at] == [0xE2, 0x80] {
            (at - 2, '…')
        } else {
            i = at + 1;
            continue;
        };
        i = here + c.len_utf8();
        // Closing marks that belong to the sentence just ended.
        let (j, ws_end) = if here < run_end {
            (run_end, run_ws_end)
        } else {
            let mut j = i;
            loop {
                // Most terminators are followed by a space or a letter.
                if bytes
                    .get(j)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b' ')
                {
                    break;
                }
                match text[j..].chars().next() {
                    Some(d) if is_closing(d) || matches!(d, '.' | '!' | '?') => j += d.len_utf8(),
                    _ => break,
                }
            }
            // Mostly one space, then the next word.
            let ws_end = if bytes.get(j) == Some(&b' ')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_graphic)
            {
                j + 1
            } else {
                j + text[j..].len() - text[j..].trim_start().len()
            };
            (run_end, run_ws_end) = (j, ws_end);
            (j, ws_end)
        };
        if ws_end == j || ws_end >= text.len() {
            continue;
        }
        let next = text[ws_end..].chars().next().unwrap_or(' ');
        if !(next.is_uppercase() || next.is_numeric() || is_opening(next)) {
            continue;
        }
        if c == '.' && !period_ends_sentence(&text[..here], &text[ws_end..]) {
            continue;
        }
        f(ws_end);
        i = i.max(ws_end);
    }
}

/// Whether the period at the end of `before` ends a sentence, given what comes `after`.
///
/// Most periods end a plain word: ASCII, undotted and within the tail read. Such a word
/// is found and judged in one pass back over its bytes; any other goes to
/// [`word_ends_sentence`], which reads characters (tested to agree).
fn period_ends_sentence(before: &str, after: &str) -> bool {
    let b = before.as_bytes();
    let floor = b.len().saturating_sub(WORD_TAIL);
    let mut i = b.len();
    while i > floor {
        let x = b[i - 1];
        // The ASCII whitespace and opening marks `last_word` stops at.
        if matches!(x, b'\t'..=b'\r' | b' ' | b'"' | b'\'' | b'(' | b'[') {
            break;
        }
        if x >= 0x80 || x == b'.' {
            return word_ends_sentence(before, after);
        }
        i -= 1;
    }
    let word = &b[i..];
    // ASCII lower-cases to as many bytes.
    if word.len() > LONGEST_ABBREV {
        return true;
    }
    let mut buf = [0u8; LONGEST_ABBREV];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    // ASCII, so valid UTF-8.
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    if never_final(lower) || (word.len() == 1 && word[0].is_ascii_uppercase()) {
        return false;
    }
    if ends_only_before_starter(lower) {
        return opens_with_starter(after);
    }
    true
}

/// The bytes of the longest word [`never_final`] or [`ends_only_before_starter`] lists.
const LONGEST_ABBREV: usize = 6;

/// Abbreviations that end a name or a list ("Acme Inc.", "and so on etc."): a sentence
/// ends after one only where the next word is one of [`STARTERS`].
fn ends_only_before_starter(lower: &str) -> bool {
    matches!(lower, "inc" | "corp" | "ltd" | "jr" | "co" | "etc" | "bros")
}

/// Whether `after` opens with one of [`STARTERS`] as a whole word.
fn opens_with_starter(after: &str) -> bool {
    let len = after
        .char_indices()
        .take(WORD_TAIL)
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or_else(
            || after.chars().take(WORD_TAIL).map(char::len_utf8).sum(),
            |(i, _)| i,
        );
    STARTERS.contains(&&after[..len])
}

/// [`period_ends_sentence`] read over characters: for any word, dotted ones and those
/// that are not ASCII included.
#[inline(never)]
fn word_ends_sentence(before: &str, after: &str) -> bool {
    // Abbreviations are short: a bounded tail is enough, and keeps a long run of text
    // without spaces from being rescanned at every period.
    let mut tail = before.len().saturating_sub(WORD_TAIL);
    while !before.is_char_boundary(tail) {
        tail += 1;
    }
    let word = last_word(&before[tail..]);
    // Most periods end a plain word: longer than any abbreviation below, ASCII (so its
    // lower case is as long) and undotted, it is none of them.
    if word.len() > LONGEST_ABBREV && word.bytes().all(|b| b.is_ascii() && b != b'.') {
        return true;
    }
    super::lexicon::with_lower(word, |lower| {
        if never_final(lower) {
            return false;
        }
        // An initial ("J. Smith"): one character, an upper-case letter.
        let mut cs = word.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if c.is_alphabetic() && c.is_uppercase() {
                return false;
            }
        }
        let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1);
        if dotted || ends_only_before_starter(lower) {
            return opens_with_starter(after);
        }
        true
    })
}

/// What follows the last whitespace, opening mark or em dash of `text` (all of it when
/// there is none): `text.rsplit(..).next()`, read back byte by byte over ASCII.
fn last_word(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut i = bytes.len();
    while let Some(&b) = i.checked_sub(1).and_then(|k| bytes.get(k)) {
        if b.is_ascii() {
            // The ASCII whitespace and opening marks.
            if matches!(b, b'\t'..=b'\r' | b' ' | b'"' | b'\'' | b'(' | b'[') {
                break;
            }
            i -= 1;
            continue;
        }
        let c = text[..i].chars().next_back().unwrap_or(' ');
        if c.is_whitespace() || is_opening(c) || c == '—' {
            break;
        }
        i -= c.len_utf8();
    }
    &text[i..]
}

/// Sentence ranges `(start, end)` covering `text`.
pub fn ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    push_ranges(text, 0, &mut out);
    out
}

/// Appends the [`ranges`] of `text`, shifted by `base`, to `out`.
pub fn push_ranges(text: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    // Half the lines of an article are blank: nothing to search.
    if text.is_empty() {
        out.push((base, base));
        return;
    }
    let mut prev = 0;
    for_each_start(text, |s| {
        out.push((base + prev, base + s));
        prev = s;
    });
    out.push((base + prev, base + text.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        ranges(t).into_iter().map(|(a, b)| t[a..b].trim()).collect()
    }

    /// [`starts`] as first written: every character read, each run of closers read
    /// afresh (`last_word` is pinned to `rsplit` below).
    fn reference_starts(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some((here, c)) = text[i..].char_indices().next().map(|(k, c)| (i + k, c)) {
            i = here + c.len_utf8();
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            let mut j = i;
            while let Some(d) = text[j..].chars().next() {
                if is_closing(d) || matches!(d, '.' | '!' | '?') {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            let ws_end = j + text[j..].len() - text[j..].trim_start().len();
            if ws_end == j || ws_end >= text.len() {
                continue;
            }
            let next = text[ws_end..].chars().next().unwrap_or(' ');
            if !(next.is_uppercase() || next.is_numeric() || is_opening(next)) {
                continue;
            }
            if c == '.' && !period_ends_sentence(&text[..here], &text[ws_end..]) {
                continue;
            }
            out.push(ws_end);
            i = i.max(ws_end);
        }
        out
    }

    #[test]
    fn periods_end_sentences_as_the_reading_of_characters_has_it() {
        let mut words: Vec<String> = [
            "Mr",
            "mr",
            "MRS",
            "Dr",
            "St",
            "no",
            "No",
            "Inc",
            "inc",
            "Corp",
            "Jr",
            "co",
            "etc",
            "Bros",
            "J",
            "j",
            "X",
            "4",
            "year",
            "Sept",
            "sept",
            "Oct",
            "Prof",
            "vs",
            "cf",
            "approx",
            "Messrs",
            "mme",
            "est",
            "dept",
            "hon",
            "town",
            "",
            "QQQQ",
            "U.S",
            "e.g",
            "Zoë",
            "É",
            "A.B",
            "recount",
            "“Mr",
            "(Dr",
            "\"Inc",
            "—Jr",
            "x.y.zz",
            "averyveryverylongwordindeedthatrunsonandon",
            "Ms.",
            "..",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        words.extend(crate::quotes::words_over(&[
            "a", "M", "s", "r", "1", "D", ".", "é",
        ]));
        for word in &words {
            for lead in [
                "",
                "the ",
                "said\t",
                "x\u{a0}",
                "—",
                "“",
                "(",
                "0123456789012345678901",
            ] {
                let before = format!("{lead}{word}");
                for after in ["He said", "The end", "he said", "Hello", "2020", "“Yes", ""] {
                    assert_eq!(
                        period_ends_sentence(&before, after),
                        word_ends_sentence(&before, after),
                        "{before:?} {after:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn starts_are_those_of_a_reading_of_every_character() {
        const PIECES: &[&str] = &[
            "Mr.",
            "U.S.",
            "Inc.",
            "J.",
            "word.",
            "longerword.",
            "Ætna",
            "æ.",
            "…",
            "...",
            "?!",
            "“",
            "”",
            "’",
            "\"",
            "'",
            ")",
            "(",
            "He",
            "The",
            "é.",
            "ÉTÉ.",
            "—",
            "\u{00A0}",
            "\r\n",
            "\n",
            " ",
            "12",
            "x",
            "MESSRS.",
            "e.g.",
            "Sept.",
            "Supt.",
            "Q",
        ];
        let mut rng = crate::quotes::testing::Lcg::new(7);
        let mut next = |m: usize| rng.below(m);
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..next(30) {
                t.push_str(PIECES[next(PIECES.len())]);
                if next(2) == 0 {
                    t.push(' ');
                }
            }
            assert_eq!(starts(&t), reference_starts(&t), "{t:?}");
            for cut in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                let want = t[..cut]
                    .rsplit(|c: char| c.is_whitespace() || is_opening(c) || c == '—')
                    .next()
                    .unwrap_or("");
                assert_eq!(last_word(&t[..cut]), want, "{t:?} {cut}");
            }
        }
    }

    #[test]
    fn never_final_is_the_list() {
        const NEVER_FINAL: &[&str] = &[
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt",
            "capt", "st", "rev", "mt", "no", "vol", "fig", "vs", "cf", "e.g", "i.e", "adm", "cmdr",
            "maj", "supt", "insp", "pres", "hon", "messrs", "mme", "mlle", "sr", "ft", "jan",
            "feb", "aug", "sept", "oct", "nov", "dec", "approx", "dept", "est",
        ];
        for w in NEVER_FINAL {
            assert!(never_final(w), "{w}");
        }
        for w in ["m", "mrx", "", "Mr", "e.g.", "ie", "dept."] {
            assert!(!never_final(w), "{w}");
        }
    }

    #[test]
    fn knows_titles_and_abbreviations() {
        assert_eq!(
            split("Mr. Podesta spoke. Dr. Who left."),
            ["Mr. Podesta spoke.", "Dr. Who left."]
        );
        assert_eq!(
            split("a deal with the U.S. He emphasized it. The U.S. Army came."),
            [
                "a deal with the U.S.",
                "He emphasized it.",
                "The U.S. Army came."
            ]
        );
        assert_eq!(
            split("“Go,” he said. “Now!” She ran."),
            ["“Go,” he said.", "“Now!”", "She ran."]
        );
        assert_eq!(
            split("J. R. Smith came. Then left."),
            ["J. R. Smith came.", "Then left."]
        );
    }
}
