//! Arbitrary bytes as the files users hand the loader: written once under each name the
//! loader reads differently (plain text, JSON Lines, JSON, a web page, and gzip by its
//! magic number whatever the name), then loaded as a folder. Loading must not panic,
//! and whatever it loads must extract with sound spans.

#![no_main]

use libfuzzer_sys::fuzz_target;
use quotetrace::{corpus, quotes};
use std::sync::OnceLock;

const NAMES: [&str; 5] = ["a.txt", "b.md", "c.jsonl", "d.json", "e.html"];

/// One folder for the whole run (files are overwritten each time): creating a fresh
/// temporary folder per input would cost more than the load itself.
fn dir() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temporary folder"))
        .path()
}

fuzz_target!(|data: &[u8]| {
    let dir = dir();
    for name in NAMES {
        std::fs::write(dir.join(name), data).expect("write the input");
    }
    let Ok(c) = corpus::load(&[dir.to_path_buf()]) else {
        return;
    };
    assert!(!c.articles.is_empty());
    for a in &c.articles {
        assert!(
            !a.text.contains('\r'),
            "line endings not made LF in {}",
            a.id
        );
    }
    for q in quotes::extract(&c.articles) {
        let t = &c.articles[q.article_index].text;
        assert!(
            t.is_char_boundary(q.start) && t.is_char_boundary(q.end),
            "{q:?}"
        );
        assert_eq!(q.text, t[q.start..q.end]);
    }
});
