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
    pub comma: bool,
    pub colon: bool,
    /// A sentence-internal break follows: a dash, semicolon or parenthesis.
    pub brk: bool,
    /// Sentence-final punctuation follows (not an abbreviation's period).
    pub stop: bool,
    /// What the lexicon says of `s`, once asked.
    flags: Cell<Flags>,
}

// Two words to a 64-byte cache line: the passes over an article's words stream them.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Word>() == 32);

/// The punctuation after a word that attribution reads (see [`Word`]).
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    comma: bool,
    colon: bool,
    brk: bool,
    stop: bool,
}

impl Marks {
    /// These marks and the one `c` is, if it is one.
    #[inline]
    fn and(mut self, c: char) -> Marks {
        match c {
            ',' => self.comma = true,
            ':' => self.colon = true,
            ';' | ')' | ']' | '—' | '–' => self.brk = true,
            '.' | '!' | '?' | '…' => self.stop = true,
            _ => {}
        }
        self
    }
}

impl<'a> Word<'a> {
    /// The word `s` at byte `start` of the article, followed by `marks`.
    #[inline]
    fn new(s: &'a str, start: usize, marks: Marks) -> Self {
        Word {
            s,
            start,
            comma: marks.comma,
            colon: marks.colon,
            brk: marks.brk,
            stop: marks.stop,
            flags: Cell::new(Flags::before_lookup(s, is_masked(s))),
        }
    }
}

impl Word<'_> {
    /// Where the word ends in the article: computed, not stored, so that two words
    /// fit a cache line.
    #[inline]
    pub fn end(&self) -> usize {
        self.start + self.s.len()
    }

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
        let b = self.s.as_bytes();
        // Nearly every word starts with an ASCII byte: judged on the bytes.
        if b.first().is_some_and(u8::is_ascii) {
            return b.len() == 2 && b[1] == b'.' && b[0].is_ascii_uppercase();
        }
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
    /// Each thread's buffers for the words of whole articles, kept empty between them:
    /// an article's words take several times its size, and a buffer allocated afresh
    /// for each article is fresh memory for the kernel to clear, again and again. A
    /// batch of articles ([`ArticleWords`]) holds several at once.
    static ARTICLE_WORDS: std::cell::RefCell<Vec<Vec<Word<'static>>>> =
        const { std::cell::RefCell::new(Vec::new()) };
    /// The same for the indices of an article's capitalised words.
    static ARTICLE_CAPS: std::cell::RefCell<Vec<Vec<usize>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The words of a whole article (as [`split`] gives them) but for those that start
/// inside one of the ranges skipped, in buffers of the thread's pool that go back to it
/// when this is dropped, and the indices of the capitalised words
/// ([`Word::capitalised`]), in order: noted as they are split, which the passes that
/// start only at such a word would otherwise find with a pass of their own.
pub struct ArticleWords<'a> {
    pub words: Vec<Word<'a>>,
    pub caps: Vec<usize>,
}

impl<'a> ArticleWords<'a> {
    /// The words of `text` but for those that start inside one of `skip` (sorted,
    /// disjoint byte ranges of `text`, each within one line): the list is the one a
    /// removal of those words after the split would leave, punctuation marks on the
    /// words kept included, without the removal's pass over every word.
    pub fn outside(text: &'a str, skip: &[(usize, usize)]) -> Self {
        let mut words = relabel(
            ARTICLE_WORDS
                .with(|b| b.borrow_mut().pop())
                .unwrap_or_default(),
        );
        let mut caps = ARTICLE_CAPS
            .with(|b| b.borrow_mut().pop())
            .unwrap_or_default();
        words.reserve(text.len() / 6 + 1);
        let mut sink = Sink::new(&mut words, skip);
        sink.caps = Some(&mut caps);
        split_to(text, 0, &mut sink);
        ArticleWords { words, caps }
    }
}

impl Drop for ArticleWords<'_> {
    fn drop(&mut self) {
        let words = relabel(std::mem::take(&mut self.words));
        let mut caps = std::mem::take(&mut self.caps);
        caps.clear();
        // The pool never holds more buffers than a batch of articles used at once.
        let _ = ARTICLE_WORDS.try_with(|b| b.borrow_mut().push(words));
        let _ = ARTICLE_CAPS.try_with(|b| b.borrow_mut().push(caps));
    }
}

/// Calls `f` with the words of `text` outside `skip` and the indices of the capitalised
/// ones, as [`ArticleWords::outside`] gives them.
pub fn with_article_words_outside<R>(
    text: &str,
    skip: &[(usize, usize)],
    f: impl FnOnce(&mut Vec<Word<'_>>, &[usize]) -> R,
) -> R {
    let mut a = ArticleWords::outside(text, skip);
    let caps = std::mem::take(&mut a.caps);
    let r = f(&mut a.words, &caps);
    a.caps = caps;
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
    is_masked_bytes(s.as_bytes())
}

/// [`is_masked`] of a word's bytes.
pub(crate) fn is_masked_bytes(b: &[u8]) -> bool {
    // A masked word is as long as its quote: eight bytes at a time.
    const QS: u64 = u64::from_le_bytes([b'Q'; 8]);
    let (chunks, rest) = b.as_chunks::<8>();
    b.len() >= 2
        && b[0] == b'Q'
        && chunks.iter().all(|c| u64::from_le_bytes(*c) == QS)
        && rest.iter().all(|&b| b == b'Q')
}

/// Byte classes for the split, one table lookup per question.
const ALNUM: u8 = 1;
/// ASCII whitespace, as `char::is_whitespace` has it.
const SPACE: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        }
        if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            t[b] = SPACE;
        }
        b += 1;
    }
    t
};

#[inline]
fn is_alnum(b: u8) -> bool {
    CLASS[usize::from(b)] & ALNUM != 0
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    CLASS[usize::from(b)] & SPACE != 0
}

fn lead_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '„' | '-' | '—' | '–' | '*' | '•'
    )
}

fn is_abbrev(w: &str) -> bool {
    if !w.is_ascii() {
        return super::lexicon::with_lower(w, |lower| is_abbrev_lower(w, lower));
    }
    // Most words asked about end a sentence ("the recount."): an ASCII word of five
    // letters or more before its periods, none between them, is no listed abbreviation,
    // no initial and no run of single letters, whatever its case (lower-casing ASCII
    // keeps its length and periods).
    let core = w.trim_end_matches('.');
    if core.len() > 4 && !core.contains('.') {
        return false;
    }
    is_abbrev_ascii(w, core)
}

/// [`is_abbrev`] of a word that ends in one period after an ASCII letter or digit
/// ("year.", "Mr."): the split's most common case after plain words. An ASCII word is
/// read as bytes, with no trimming and no `memchr` call, which cost more than the rest
/// of the judgement of so short a word (tested against `is_abbrev`).
#[inline(never)]
fn abbrev_before_period(word: &str) -> bool {
    let w = word.as_bytes();
    if !w.is_ascii() {
        return is_abbrev(word);
    }
    let core = &w[..w.len() - 1];
    let periods = core.iter().fold(false, |p, &b| p | (b == b'.'));
    if periods {
        core.split(|&b| b == b'.').all(|p| p.len() == 1) || listed_abbrev(core)
    } else {
        (core.len() == 1 && core[0].is_ascii_uppercase()) || listed_abbrev(core)
    }
}

/// [`is_abbrev_lower`] of an ASCII word (`core` is `w` without its trailing periods),
/// with no lower-cased copy: lower-casing ASCII moves no period and changes no length,
/// so only the listed words need their case ignored.
fn is_abbrev_ascii(w: &str, core: &str) -> bool {
    let c = core.as_bytes();
    (c.contains(&b'.') && core.split('.').all(|p| p.len() == 1))
        || (c.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
        || listed_abbrev(c)
}

/// Whether `core`, its ASCII lower-cased, is one of the abbreviations of names and
/// titles (none is longer than four bytes).
fn listed_abbrev(core: &[u8]) -> bool {
    let mut buf = [0u8; 4];
    let Some(lower) = buf.get_mut(..core.len()) else {
        return false;
    };
    lower.copy_from_slice(core);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"gen"
            | b"col"
            | b"lt"
            | b"sgt"
            | b"capt"
            | b"st"
            | b"rev"
            | b"jr"
            | b"sr"
            | b"adm"
            | b"u.s"
            | b"u.k"
    )
}

fn is_abbrev_lower(w: &str, lower: &str) -> bool {
    let core = lower.trim_end_matches('.');
    (core.contains('.') && core.split('.').all(|p| p.chars().count() == 1))
        // An initial ("Robert F. Kennedy"): judged on the word as written.
        || (core.chars().count() == 1 && w.chars().next().is_some_and(char::is_uppercase))
        // Lower case already; every listed one is ASCII.
        || listed_abbrev(core.as_bytes())
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

/// Whether `words[k]` is an acronym in brackets after the name it abbreviates ("the
/// Patriotic Union of Kurdistan (PUK)"): no word of that name. The bracket, stripped
/// from the word, stands in the gap before it; the closing one marks the word's break.
pub fn bracketed_acronym(words: &[Word], k: usize) -> bool {
    let w = &words[k];
    k > 0
        && w.brk
        && w.start == words[k - 1].end() + 2
        && w.s.len() >= 2
        && w.s.bytes().all(|b| b.is_ascii_uppercase())
        && !words[k - 1].punctuated()
}

/// Splits `text` (a slice starting at byte `base` of the article) into words. Dashes
/// separate words even without spaces ("said—a line he repeated").
pub fn split(text: &str, base: usize) -> Vec<Word<'_>> {
    // Allocated at its size here, not grown by `split_into`'s reservation.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    split_into(text, base, &mut out);
    out
}

/// [`split`] into `out` (emptied first), so that a caller splitting text after text can
/// keep one buffer.
pub fn split_into<'a>(text: &'a str, base: usize, out: &mut Vec<Word<'a>>) {
    out.clear();
    // About one word in six bytes of prose.
    out.reserve(text.len() / 6 + 1);
    split_to(text, base, &mut Sink::new(out, &[]));
}

/// Where split words go: into `out`, but for those starting inside one of `skip`
/// (sorted, disjoint byte ranges in the words' own offsets).
struct Sink<'a, 'o> {
    out: &'o mut Vec<Word<'a>>,
    skip: &'o [(usize, usize)],
    /// Where the indices in `out` of the capitalised words go, if anywhere.
    caps: Option<&'o mut Vec<usize>>,
    /// The first range of `skip` that does not end before the last word split.
    next: usize,
    /// The last word split was dropped: punctuation after it marks no word kept.
    dropped: bool,
}

impl<'a, 'o> Sink<'a, 'o> {
    fn new(out: &'o mut Vec<Word<'a>>, skip: &'o [(usize, usize)]) -> Self {
        Sink {
            out,
            skip,
            caps: None,
            next: 0,
            dropped: false,
        }
    }

    #[inline]
    fn push(&mut self, w: Word<'a>) {
        if !self.skip.is_empty() {
            while self.skip.get(self.next).is_some_and(|&(_, e)| e <= w.start) {
                self.next += 1;
            }
            self.dropped = self.skip.get(self.next).is_some_and(|&(s, _)| s <= w.start);
            if self.dropped {
                return;
            }
        }
        if let Some(caps) = &mut self.caps {
            if w.capitalised() {
                caps.push(self.out.len());
            }
        }
        self.out.push(w);
    }

    /// The last word split, unless it was dropped.
    #[inline]
    fn last_mut(&mut self) -> Option<&mut Word<'a>> {
        if self.dropped {
            None
        } else {
            self.out.last_mut()
        }
    }
}

/// The words of `text` (at byte `base` of the article) into `out`.
fn split_to<'a>(text: &'a str, base: usize, out: &mut Sink<'a, '_>) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // Sixty-four bytes at a time while they are ASCII: their spaces found at once,
        // the words between them read without a look at each byte for its end.
        if let Some(block) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<64>) {
            pos = split_block(text, pos, block_spaces(block), base, out);
        }
        pos = split_step(text, pos, base, out);
    }
}

/// Reads what stands at byte `pos` of `text`: a whitespace byte, or a chunk and its
/// word. Returns where the next thing starts (`pos` itself at the end of the text).
#[inline]
fn split_step<'a>(text: &'a str, pos: usize, base: usize, out: &mut Sink<'a, '_>) -> usize {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.get(pos) else {
        return pos;
    };
    if is_ascii_space(first) {
        // Whitespace after whitespace: nothing to read, nothing to mark.
        return pos + 1;
    }
    let (raw_end, next) = chunk_end(bytes, pos);
    push_chunk(text, pos, raw_end, base, out);
    next
}

/// The ASCII whitespace bytes of a block (a bit per byte, the first byte lowest), and
/// how many of its bytes come before the first one that is not ASCII (64 if none).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn block_spaces(block: &[u8; 64]) -> (u64, u32) {
    // SAFETY: compiled only where SSE2 is enabled for the target (every x86_64 one).
    unsafe { block_spaces_sse2(block) }
}

/// [`block_spaces`], sixteen bytes to an instruction.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn block_spaces_sse2(block: &[u8; 64]) -> (u64, u32) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };
    let (mut spaces, mut high) = (0u64, 0u64);
    for k in 0..4 {
        // SAFETY: the 16 bytes read start at 16k, k < 4, of a 64-byte array; the load
        // needs no alignment.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>()) };
        let blank = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
        // '\t'..='\r' (9 to 13): the byte less 9 is at most 4, unsigned.
        let t = _mm_sub_epi8(v, _mm_set1_epi8(9));
        let control = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t);
        let space = _mm_movemask_epi8(_mm_or_si128(blank, control)) as u16;
        spaces |= u64::from(space) << (16 * k);
        high |= u64::from(_mm_movemask_epi8(v) as u16) << (16 * k);
    }
    (spaces, high.trailing_zeros())
}

/// [`block_spaces`] without SIMD, for other targets (and as the tests' reference).
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline]
fn block_spaces_bytes(block: &[u8; 64]) -> (u64, u32) {
    let (mut spaces, mut high) = (0u64, 0u64);
    for (k, &b) in block.iter().enumerate() {
        spaces |= u64::from(is_ascii_space(b)) << k;
        high |= u64::from(b >= 0x80) << k;
    }
    (spaces, high.trailing_zeros())
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn block_spaces(block: &[u8; 64]) -> (u64, u32) {
    block_spaces_bytes(block)
}

/// Pushes the words of the block at byte `anchor` of `text` whose `spaces` and ASCII
/// length [`block_spaces`] gave, as [`split_step`] would one by one, up to the first
/// word that does not end within the ASCII part; returns where that word starts (or
/// where the ASCII part ends), for `split_step` to go on from.
#[inline]
fn split_block<'a>(
    text: &'a str,
    anchor: usize,
    (spaces, ascii): (u64, u32),
    base: usize,
    out: &mut Sink<'a, '_>,
) -> usize {
    let clean = if ascii >= 64 { !0 } else { (1u64 << ascii) - 1 };
    let spaces = spaces & clean;
    let words = !spaces & clean;
    let mut from = 0u32;
    while from < 64 {
        let rest = words & (!0u64 << from);
        if rest == 0 {
            break;
        }
        let start = rest.trailing_zeros();
        // Within ASCII text a chunk ends at its first whitespace byte.
        let after = spaces & (!0u64 << start);
        if after == 0 {
            return anchor + start as usize;
        }
        let end = after.trailing_zeros();
        push_chunk(
            text,
            anchor + start as usize,
            anchor + end as usize,
            base,
            out,
        );
        from = end + 1;
    }
    anchor + ascii as usize
}

/// Pushes the word of the chunk `text[at..raw_end]` (as [`chunk_end`] cut it; empty for
/// a non-ASCII space), or marks the word before with the chunk's punctuation.
#[inline(always)]
fn push_chunk<'a>(text: &'a str, at: usize, raw_end: usize, base: usize, out: &mut Sink<'a, '_>) {
    if raw_end == at {
        // A non-ASCII space.
        return;
    }
    let bytes = text.as_bytes();
    let first = bytes[at];
    // Most words are letters and digits from end to end: no punctuation to strip,
    // no abbreviation to judge.
    if is_alnum(first) && is_alnum(bytes[raw_end - 1]) {
        debug_assert!(at < raw_end && raw_end <= text.len());
        // SAFETY: `at < raw_end <= text.len()` (the chunk is not empty), and both
        // ends are character boundaries: `text[at]` and `text[raw_end - 1]` are
        // ASCII, and no byte of a multi-byte UTF-8 character is. Checking them
        // again is a tenth of the cost of a word (`splits_as_the_reference_does`
        // cuts words at every offset).
        let s = unsafe { text.get_unchecked(at..raw_end) };
        out.push(Word::new(s, base + at, Marks::default()));
        return;
    }
    // The next most common: letters and digits and one ASCII mark after them
    // ("said,", "year."), which `push_punctuated` would strip, marking the word.
    // A period may belong to an abbreviation ("Mr."): that is left to it.
    let last = bytes[raw_end - 1];
    if raw_end - at >= 2
        && is_alnum(first)
        && is_alnum(bytes[raw_end - 2])
        && last.is_ascii()
        && !(last == b'.' && abbrev_before_period(&text[at..raw_end]))
    {
        let marks = Marks::default().and(char::from(last));
        out.push(Word::new(&text[at..raw_end - 1], base + at, marks));
        return;
    }
    push_punctuated(&text[at..raw_end], base + at, out);
}

/// Where the chunk of `bytes` from `i` ends, as `split_inclusive` on whitespace and
/// dashes would cut it: the end of its text (a dash kept, whitespace not) and where the
/// next chunk starts.
#[inline]
fn chunk_end(bytes: &[u8], mut i: usize) -> (usize, usize) {
    loop {
        // Eight bytes at a time over the letters of the word.
        while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            let m = special(u64::from_le_bytes(*chunk));
            if m != 0 {
                i += (m.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else {
            return (i, i);
        };
        if b < 0x80 {
            if is_ascii_space(b) {
                return (i, i + 1);
            }
            i += 1;
            continue;
        }
        let (len, cut) = non_ascii_char(&bytes[i..]);
        match cut {
            Cut::Space => return (i, i + len),
            Cut::Dash => return (i + len, i + len),
            Cut::No => i += len,
        }
    }
}

/// How a non-ASCII character cuts a chunk.
#[derive(Debug, PartialEq)]
enum Cut {
    No,
    /// Whitespace (`char::is_whitespace`): it ends the chunk and is not part of it.
    Space,
    /// An em or en dash: it ends the chunk and is part of it.
    Dash,
}

/// The UTF-8 length of the character `rest` starts with (its first byte is not ASCII)
/// and how it cuts a chunk, read from its bytes: prose is full of curly quotes and
/// accented letters, and decoding each to ask `char::is_whitespace` is most of the cost
/// of a word that holds one. Pinned to `char::is_whitespace` for every character
/// (tested).
#[inline]
fn non_ascii_char(rest: &[u8]) -> (usize, Cut) {
    let len = match rest[0] {
        ..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    };
    let cut = match *rest {
        // U+0085, U+00A0
        [0xC2, 0x85 | 0xA0, ..]
        // U+1680
        | [0xE1, 0x9A, 0x80, ..]
        // U+2000..=U+200A, U+2028, U+2029, U+202F
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        // U+205F
        | [0xE2, 0x81, 0x9F, ..]
        // U+3000
        | [0xE3, 0x80, 0x80, ..] => Cut::Space,
        // U+2013 '–', U+2014 '—'
        [0xE2, 0x80, 0x93 | 0x94, ..] => Cut::Dash,
        _ => Cut::No,
    };
    (len, cut)
}

/// The last character of `s`, without decoding when it is ASCII (as it nearly always is).
#[inline]
fn last_char(s: &str) -> Option<char> {
    match s.as_bytes().last() {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => s.chars().next_back(),
    }
}

/// Pushes the word of `raw` (a chunk starting at byte `start` of the article, with
/// punctuation before or after its letters) with the punctuation that follows it; or,
/// when it is only punctuation, marks the word before.
fn push_punctuated<'a>(raw: &'a str, start: usize, out: &mut Sink<'a, '_>) {
    let first = raw.as_bytes()[0];
    // No leading punctuation before a letter or digit, none trailing after one.
    let lead = if first.is_ascii_alphanumeric() {
        0
    } else {
        raw.len() - raw.trim_start_matches(lead_punct).len()
    };
    let mut body = &raw[lead..];
    let mut marks = Marks::default();
    let plain_end = body
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_alphanumeric);
    // Whether the body is an abbreviation depends on it without its trailing periods:
    // once false, it stays false while only periods are stripped (this keeps a long
    // run of periods linear).
    let mut abbrev_ruled_out = false;
    let mut bad_part = None;
    while let Some(c) = last_char(body).filter(|_| !plain_end) {
        let keep_period = c == '.'
            && !abbrev_ruled_out
            && !long_non_abbrev(body, &mut bad_part)
            && is_abbrev(body);
        abbrev_ruled_out = c == '.';
        if c.is_alphanumeric() || keep_period {
            break;
        }
        marks = marks.and(c);
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
        return;
    }
    out.push(Word::new(body, start + lead, marks));
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

    /// `split_into` as it was before its fast paths: the reference they are pinned to.
    fn reference_split_into<'a>(text: &'a str, base: usize, out: &mut Vec<Word<'a>>) {
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
                comma,
                colon,
                brk,
                stop,
                flags: Cell::new(Flags::before_lookup(body, is_masked(body))),
            });
        }
    }

    #[test]
    fn non_ascii_characters_cut_as_char_methods_say() {
        let mut buf = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let want = if c.is_whitespace() {
                Cut::Space
            } else if matches!(c, '—' | '–') {
                Cut::Dash
            } else {
                Cut::No
            };
            assert_eq!(non_ascii_char(bytes), (c.len_utf8(), want), "{c:?}");
        }
    }

    #[test]
    fn abbreviations_are_judged_as_lower_casing_would() {
        for w in [
            "Mr.", "MR.", "mR.", "Mrs.", "ms.", "Dr..", "PROF.", "Sen.", "rep.", "Gov.", "gen.",
            "Col.", "Lt.", "SGT.", "capt.", "St.", "Rev.", "Jr.", "sr.", "Adm.", "U.S.", "u.s.",
            "U.K.", "u.k", "U.S", "A.", "a.", "1.", "Q.", "..", ".", "A.B.", "a.b.c.", "ab.c.",
            "a..b.", ".a.", "Mr", "Mx.", "Mrs..", "Sgts.", "Capt..", "x.y.", "No.", "it.",
        ] {
            let full = super::super::lexicon::with_lower(w, |l| is_abbrev_lower(w, l));
            assert_eq!(is_abbrev(w), full, "{w}");
        }
    }

    /// Texts that reach every path of the split: plain words, punctuation before and
    /// after, abbreviations, initials, masked quotes, dashes with and without spaces,
    /// Unicode letters, quotes and spaces, CRLF, and words cut at every length.
    fn tricky_texts() -> Vec<String> {
        let pieces = [
            "Mr. Podesta, a U.S. aide, said: (yes)",
            "said\u{2014}a line he repeated\u{2013}twice \u{2014} and more",
            "\u{201c}There is no project here,\u{201d} said Radley.",
            "QQQQQQQQQQQQQ, he said. QQ QQQ QQQQq qQQ Q",
            "Robert F. Kennedy Jr. and J.R.R. Tolkien... e.g. i.e. etc.",
            "Ünited Ärzte \u{00e9}t\u{00e9}, \u{0130}stanbul\u{0130}. Σ.Σ. 東京都 \u{1F600}x",
            "non\u{00a0}breaking\u{2009}thin\u{3000}ideographic\u{0085}next\u{2028}line",
            "crlf\r\nline\r\n\r\nend\t tab\x0bvt\x0cff",
            "--- - -- (a) [b] {c} \"d\" 'e' \u{2018}f\u{2019} \u{00ab}g\u{00bb} \u{201e}h \u{2022}i *j*",
            "What?! No!!! Yes\u{2026} ok; fine: done) end] x.\". y.\u{201d}",
            "abcdefghijklmnopqrstu.\".\".\". Mr.................. a.b.c.d.e.f.g.h.i.j.k.",
            "3.5 1,000 $62.1 million 11/11/2023 20% #tag @user a-b c\u{2014}",
            "\u{2014}\u{2014} , . : ; \u{2013} x",
            "",
            " ",
            "\u{2014}",
            "word",
            "\x01ctl\x1fchars\x7f",
            // One mark after letters and digits, and periods that may be abbreviations'.
            "Sgt. St. U.K. Gov. No. 5. A. b. 1. ab! cd? ef) gh] ij; kl: mn, op. Qq. QQ. Q.",
        ];
        let mut texts: Vec<String> = pieces.iter().map(|s| s.to_string()).collect();
        let all = pieces.join(" ");
        // Every cut of the whole, so that words meet the end of the text at every
        // offset from the eight-byte steps.
        for (i, _) in all.char_indices() {
            texts.push(all[i..].to_string());
            texts.push(all[..i].to_string());
        }
        texts
    }

    #[test]
    fn blocks_find_the_spaces_the_byte_test_finds() {
        for b in 0..=255u8 {
            for at in [0, 1, 15, 16, 31, 32, 47, 62, 63] {
                let mut block = [b'a'; 64];
                block[at] = b;
                assert_eq!(
                    block_spaces(&block),
                    block_spaces_bytes(&block),
                    "{b} at {at}"
                );
            }
        }
        let bytes = [
            b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r', b'a', b'.', 0x08, 0x0E, 0x1F, 0x21, 0x7F, 0x80,
            0xE2, 0xFF,
        ];
        let mut rng = crate::quotes::testing::Lcg::new(64);
        for _ in 0..2000 {
            let block: [u8; 64] = std::array::from_fn(|_| bytes[rng.below(bytes.len())]);
            assert_eq!(
                block_spaces(&block),
                block_spaces_bytes(&block),
                "{block:?}"
            );
        }
    }

    #[test]
    fn a_word_and_its_period_are_judged_as_is_abbrev_judges_them() {
        let mut words: Vec<String> = [
            "Mr", "mr", "MRS", "Dr", "U.S", "u.k", "A.B.C", "AB.C", "J", "j", "X", "year", "Sept",
            "Prof", "prof", "Jr", "4", "a.b", "U.S.A", "Zoë", "Ölz", "Ä", "e.g", "i.e", "ab..c",
            "No",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        // Every word of up to three bytes over a small alphabet, periods among them.
        words.extend(crate::quotes::words_over(&["a", "B", "s", ".", "1", "é"]));
        for core in words {
            let word = format!("{core}.");
            // The split asks only of words whose period follows a letter or digit.
            if !core.as_bytes().last().is_some_and(|&b| is_alnum(b)) {
                continue;
            }
            assert_eq!(abbrev_before_period(&word), is_abbrev(&word), "{word:?}");
        }
    }

    #[test]
    fn splits_as_the_reference_does() {
        fn key(w: &Word) -> (String, usize, usize, [bool; 6]) {
            let marks = [w.comma, w.colon, w.brk, w.stop, w.capitalised(), w.masked()];
            (w.s.to_string(), w.start, w.end(), marks)
        }
        for text in tricky_texts() {
            let mut got = Vec::new();
            let mut want = Vec::new();
            split_into(&text, 7, &mut got);
            reference_split_into(&text, 7, &mut want);
            let got: Vec<_> = got.iter().map(key).collect();
            let want: Vec<_> = want.iter().map(key).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn words_outside_ranges_are_those_a_removal_leaves() {
        fn key(w: &Word) -> (String, usize, usize, [bool; 4]) {
            (
                w.s.to_string(),
                w.start,
                w.end(),
                [w.comma, w.colon, w.brk, w.stop],
            )
        }
        let mut texts = tricky_texts();
        texts.push("Title Line\n\u{2014} Section, Head\nprose, said she.\n: Next\nend —\n".into());
        for text in texts {
            // Every other line, from its start to its last non-space byte, as headlines.
            let mut lines = Vec::new();
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                lines.push((at, at + line.trim_end().len()));
                at += line.len();
            }
            for parity in [0, 1] {
                let skip: Vec<(usize, usize)> = lines
                    .iter()
                    .copied()
                    .enumerate()
                    .filter(|(k, (s, e))| k % 2 == parity && s < e)
                    .map(|(_, r)| r)
                    .collect();
                let mut want = split(&text, 0);
                want.retain(|w| !skip.iter().any(|&(s, e)| w.start >= s && w.end() <= e));
                let want: Vec<_> = want.iter().map(key).collect();
                let (got, caps, capitalised) =
                    with_article_words_outside(&text, &skip, |w, caps| {
                        let capitalised: Vec<usize> =
                            (0..w.len()).filter(|&i| w[i].capitalised()).collect();
                        (
                            w.iter().map(key).collect::<Vec<_>>(),
                            caps.to_vec(),
                            capitalised,
                        )
                    });
                assert_eq!(got, want, "{text:?} {skip:?}");
                assert_eq!(caps, capitalised, "{text:?} {skip:?}");
            }
        }
    }

    #[test]
    fn masked_words_are_runs_of_two_or_more_qs() {
        let reference = |s: &str| s.len() >= 2 && s.bytes().all(|b| b == b'Q');
        for n in 0..40 {
            let q = "Q".repeat(n);
            assert_eq!(is_masked(&q), reference(&q), "{n}");
            for p in 0..n {
                for other in ["q", "R", "\u{00e9}"] {
                    let s = format!("{}{other}{}", &q[..p], &q[p + 1..]);
                    assert_eq!(is_masked(&s), reference(&s), "{s:?}");
                }
            }
        }
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
