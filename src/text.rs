//! Text primitives every stage shares: comparison normalisation, word tokens with their
//! byte spans, and byte-offset to line:column mapping. Kept in one place so that the
//! extractor, the matcher and the evidence builder agree on what a "word" is.

use unicode_normalization::UnicodeNormalization;

/// Folds one character to its comparison form: curly quotes and apostrophes to straight,
/// every dash and hyphen variant to '-', exotic spaces to ' '.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => c,
    }
}

/// The gold annotation's comparison form: NFKC, quotes and dashes folded, whitespace
/// collapsed, case folded, leading and trailing punctuation and whitespace stripped.
pub fn normalize_for_compare(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkc().map(fold_char) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out.trim_matches(|c: char| c.is_whitespace() || is_punct(c))
        .to_string()
}

/// Punctuation in the broad sense used for trimming and tokenising.
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
}

/// A word of running text: its comparison form and where it stands in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased, NFKC, apostrophes folded; hyphenated compounds are split.
    pub norm: String,
    pub start: usize,
    pub end: usize,
}

/// Splits text into word tokens. Apostrophes inside words (we're, Jones's) and periods
/// inside abbreviations (U.S.) stay in the word; hyphens and dashes split it, so that
/// "drug-trafficking" and "drug trafficking" give the same words.
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_at(text, 0)
}

/// [`tokens`] with every span shifted by `base` (for slices of a larger text).
pub fn tokens_at(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    token_spans(text, |start, end| {
        out.push(Token {
            norm: token_norm(&text[start..end]),
            start: base + start,
            end: base + end,
        });
    });
    out
}

/// The comparison form of a token's word: NFKC, quotes folded, lower case.
pub fn token_norm(word: &str) -> String {
    if word.is_ascii() {
        // NFKC leaves ASCII as it is, and the only ASCII character folded is '`'.
        let mut s = word.to_ascii_lowercase();
        if s.contains('`') {
            s = s.replace('`', "'");
        }
        return s;
    }
    word.nfkc()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The character at byte `i` (a char boundary) and its length, ASCII decoded directly.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Calls `f(start, end)` for the byte span of each word token of `text`, in order (the
/// words of [`tokens`]).
pub fn token_spans(text: &str, mut f: impl FnMut(usize, usize)) {
    token_spans_while(text, |start, end| {
        f(start, end);
        true
    });
}

/// [`token_spans`] until `f` returns false, for a caller that needs only the first few
/// words of a long text.
pub fn token_spans_while(text: &str, mut f: impl FnMut(usize, usize) -> bool) {
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if !alphanumeric(c) {
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut j = end;
        let bytes = text.as_bytes();
        loop {
            // The ASCII letters and digits of the word, without decoding them.
            while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                j += 1;
                end = j;
            }
            let Some((d, dlen)) = char_at(text, j) else {
                break;
            };
            if alphanumeric(d) {
                j += dlen;
                end = j;
                continue;
            }
            let joiner = matches!(fold_char(d), '\'' | '.');
            if joiner {
                // Keep the joiner only when a letter or digit follows it directly.
                if char_at(text, j + dlen).is_some_and(|(n, _)| alphanumeric(n)) {
                    j += dlen;
                    continue;
                }
                // "U.S." ends in a period that belongs to the abbreviation.
                if d == '.' && is_dotted_abbrev(&text[start..j]) {
                    end = j + 1;
                    j += 1;
                }
            }
            break;
        }
        if !f(start, end) {
            return;
        }
        i = j;
    }
}

/// "U.S", "U.K", "a.m": single letters joined by periods.
fn is_dotted_abbrev(s: &str) -> bool {
    s.contains('.') && s.split('.').all(|p| p.chars().count() == 1)
}

/// Byte offset to 1-based line and 1-based column (in characters).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line, col + 1)
    }
}

/// Shortens text for labels: at most `max` characters, cut at a word boundary, with "…".
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| is_punct(c) || c == ' ')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_like_the_gold() {
        assert_eq!(
            normalize_for_compare("  “We’re  ready—now,” "),
            "we're ready-now"
        );
        assert_eq!(normalize_for_compare("24\u{2011}hour"), "24-hour");
    }

    #[test]
    fn tokens_keep_abbreviations_and_contractions() {
        let t: Vec<_> = tokens("The U.S. drug‑pact, we’re ready.")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(t, ["the", "u.s.", "drug", "pact", "we're", "ready"]);
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nçd“e";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, text.find('“').unwrap()), (2, 3));
    }
}
