//! Finding the few bytes a scan cares about (quote marks, sentence punctuation) with
//! the vectorised searches of `memchr` instead of a loop over every byte.

/// The positions of four bytes in a text, in order: a three-byte search and a one-byte
/// search merged, each run again only once the caller has passed its last find, so
/// that the whole text is searched once.
pub struct Candidates<'a> {
    bytes: &'a [u8],
    three: [u8; 3],
    one: u8,
    /// The next find of each search at or after the position last asked for; `None`
    /// until searched, `Some(usize::MAX)` when there is none left.
    next_three: Option<usize>,
    next_one: Option<usize>,
}

impl<'a> Candidates<'a> {
    pub fn new(bytes: &'a [u8], three: [u8; 3], one: u8) -> Self {
        Candidates {
            bytes,
            three,
            one,
            next_three: None,
            next_one: None,
        }
    }

    /// The first position at or after `from` that holds one of the bytes. `from` must
    /// not decrease from one call to the next.
    pub fn next_from(&mut self, from: usize) -> Option<usize> {
        let rest = self.bytes.get(from..)?;
        let [a, b, c] = self.three;
        if self.next_three.is_none_or(|p| p < from) {
            self.next_three = Some(memchr::memchr3(a, b, c, rest).map_or(usize::MAX, |k| from + k));
        }
        if self.next_one.is_none_or(|p| p < from) {
            self.next_one = Some(memchr::memchr(self.one, rest).map_or(usize::MAX, |k| from + k));
        }
        let next = self.next_three.min(self.next_one).unwrap_or(usize::MAX);
        (next != usize::MAX).then_some(next)
    }
}

/// The lines of `text` as `(start, end)` byte ranges, each without its `\n` and the
/// `\r`s before it (the lines of `str::split_inclusive('\n')`, `\n` and `\r` trimmed
/// from their ends). No range for an empty text.
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let body_end = |start: usize, mut end: usize| {
        while end > start && matches!(bytes[end - 1], b'\r' | b'\n') {
            end -= 1;
        }
        end
    };
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', bytes) {
        out.push((start, body_end(start, nl)));
        start = nl + 1;
    }
    if start < bytes.len() {
        out.push((start, body_end(start, bytes.len())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_split_inclusive() {
        for text in ["", "a", "a\n", "\n\n", "a\r\nb\r\r\n\nc\r", "x\ny", "\r"] {
            let mut want = Vec::new();
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                let body = line.trim_end_matches(['\n', '\r']);
                want.push((start, start + body.len()));
                start += line.len();
            }
            assert_eq!(lines(text), want, "{text:?}");
        }
    }

    #[test]
    fn finds_every_candidate_in_order() {
        let text = b"a.b!c\xE2d?.\xE2";
        let mut c = Candidates::new(text, [b'.', b'!', b'?'], 0xE2);
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(p) = c.next_from(i) {
            found.push(p);
            i = p + 1;
        }
        assert_eq!(found, [1, 3, 5, 7, 8, 9]);
    }
}
