//! Arbitrary bytes, decoded lossily, as one article's text: extraction must not panic,
//! and every span it reports must lie on char boundaries inside the text and read what
//! the quote claims; no speaker span may overlap a quote.

#![no_main]

use libfuzzer_sys::fuzz_target;
use quotetrace::{corpus, quotes};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = corpus::article_from_text("f", &text);
    let found = quotes::extract(std::slice::from_ref(&article));
    let t = &article.text;
    let on = |at: usize| at <= t.len() && t.is_char_boundary(at);
    let mut last_close = 0;
    for q in &found {
        assert!(
            on(q.open) && on(q.start) && on(q.end) && on(q.close),
            "{q:?}"
        );
        assert!(
            q.open < q.start && q.start < q.end && q.end <= q.close,
            "{q:?}"
        );
        assert!(q.open >= last_close, "overlapping quotes: {q:?}");
        last_close = q.close;
        assert_eq!(q.text, t[q.start..q.end]);
        assert_eq!((q.line, q.column), article.line_col(q.start));
        match (q.speaker_start, q.speaker_end) {
            (Some(s), Some(e)) => {
                assert!(on(s) && on(e) && s <= e, "{q:?}");
                assert_eq!(q.speaker_text.as_deref(), Some(&t[s..e]));
                // A speaker's words are never quoted words.
                assert!(
                    found.iter().all(|o| e <= o.open || s >= o.close),
                    "speaker overlaps a quote: {q:?}"
                );
            }
            (None, None) => assert!(q.speaker_text.is_none()),
            _ => panic!("half a speaker span: {q:?}"),
        }
    }
});
