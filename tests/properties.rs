//! Properties that hold for any input: extraction never panics, and every span it reports
//! (the quote's words, its marks, its speaker) lies on character boundaries inside the
//! article's text and says what the text says there, and no speaker's words are quoted
//! words; and the binary's output does not depend on the thread count or on the order
//! the paths are given in.
//!
//! The strings are biased toward what breaks quote scanners: every kind of quote mark,
//! apostrophes, inch marks, URLs with quotes in them, newlines, CRLF and lone CR, NBSP,
//! non-breaking hyphens, ellipses, zero-width and BOM characters, front matter, cue verbs
//! and names. Case counts stay modest so that the suite stays fast in debug builds.

mod common;

use proptest::prelude::*;
use quotetrace::corpus::{self, Article};
use quotetrace::quotes::{self, Quote};

/// Pieces of text news is made of, and the pieces that break quote scanners.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‟", "‚", "‹", "›", "\"", "“", "”", "'",
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u{a0}", "\u{2011}", "…", "...", " ", " ", " ",
    "\t", "\u{feff}", "\u{200b}", "\u{2060}", "—", "–", "-", ",", ".", ":", ";", "?", "!",
    "(", ")", "[", "]", "said", "says", "told", "added", "according to", "he", "she", "they",
    "we", "We", "It's", "don't", "Jones'", "rock 'n' roll", "'90s", "5'10\"", "12\" pipe",
    "https://x.com/a\"b", "www.example.org/'q'", "Maduro", "Nicolás Maduro", "President",
    "Mayor Elena Ortiz", "the minister", "Reuters", "AP", "ready", "talk", "oil", "é", "ß",
    "日本", "🙂", "e\u{301}", "\u{0}", "\u{7f}", "---\n", "+++\n", "title: x\n", "By Jane Doe",
    "[1] AP: story", "Source reference: https://apnews.com/a", "WASHINGTON (AP) — ",
    "Jane Doe“", "Doe“Fine.”", "And from Chairwoman Rosenworcel:\n\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zA-Z]{1,8}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// A text made of the pieces above.
fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// Sentences with quotes in them: closer to real articles, so that attribution runs.
fn sentences() -> impl Strategy<Value = String> {
    let sentence = (
        proptest::sample::select(&["\"", "“", "'", "‘", "«", "„", ""][..]),
        "[A-Z][a-z]{0,6}( [a-z]{1,7}){0,12}[,.?!]?",
        proptest::sample::select(&["\"", "”", "'", "’", "»", "“", ""][..]),
        proptest::sample::select(
            &[
                " he said.",
                " said Mayor Elena Ortiz.",
                " she told AP.",
                ", Maduro added.",
                " — Jane Doe",
                "",
            ][..],
        ),
        // "" glues the next quote's mark to this sentence's last word.
        proptest::sample::select(&[" ", "\n", "\n\n", "\r\n\r\n", " \u{a0}", ""][..]),
    )
        .prop_map(|(o, body, c, cue, sep)| format!("{o}{body}{c}{cue}{sep}"));
    prop::collection::vec(sentence, 0..12).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => newsy(),
        2 => sentences(),
        1 => any::<String>(),
        1 => ".*",
    ]
}

/// Every span of `q` lies inside `a.text` on char boundaries and reads what it claims.
fn check_spans(a: &Article, q: &Quote) -> Result<(), TestCaseError> {
    let t = &a.text;
    let on = |at: usize| at <= t.len() && t.is_char_boundary(at);
    for (name, at) in [
        ("open", q.open),
        ("start", q.start),
        ("end", q.end),
        ("close", q.close),
    ] {
        prop_assert!(on(at), "{name} {at} off a char boundary of {t:?} ({q:?})");
    }
    prop_assert!(
        q.open < q.start && q.start < q.end && q.end <= q.close,
        "spans out of order: {q:?} in {t:?}"
    );
    prop_assert_eq!(&q.text, &t[q.start..q.end]);
    if q.terminated {
        prop_assert!(
            q.close > q.end,
            "a closed quote has a closing mark: {:?}",
            q
        );
    } else {
        prop_assert_eq!(q.close, q.end);
    }
    // The opening mark is one character, and a quote mark.
    let mark = &t[q.open..q.start];
    prop_assert_eq!(mark.chars().count(), 1, "opening mark {:?}", mark);
    let (line, column) = a.line_col(q.start);
    prop_assert_eq!((q.line, q.column), (line, column));
    match (q.speaker_start, q.speaker_end) {
        (Some(s), Some(e)) => {
            prop_assert!(on(s) && on(e) && s <= e, "speaker span {s}..{e} in {t:?}");
            prop_assert_eq!(q.speaker_text.as_deref(), Some(&t[s..e]));
            prop_assert!(q.speaker.is_some());
        }
        (None, None) => prop_assert!(q.speaker_text.is_none()),
        other => prop_assert!(false, "half a speaker span: {:?}", other),
    }
    prop_assert_eq!(&q.article, &a.id);
    Ok(())
}

fn check_article(id: &str, text: &str) -> Result<(), TestCaseError> {
    let article = corpus::article_from_text(id, text);
    prop_assert!(!article.text.contains('\r'), "line endings not made LF");
    let found = quotes::extract(std::slice::from_ref(&article));
    let mut last_open = None;
    for (n, q) in found.iter().enumerate() {
        check_spans(&article, q)?;
        if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
            prop_assert!(
                found.iter().all(|o| e <= o.open || s >= o.close),
                "speaker {:?} overlaps a quote: {:?}",
                q.speaker_text,
                found.iter().map(|q| (q.open, q.close)).collect::<Vec<_>>()
            );
        }
        prop_assert_eq!(&q.id, &format!("{id}-{}", n + 1));
        // In order of appearance, none inside another.
        if let Some((open, close)) = last_open {
            prop_assert!(q.open >= close || q.open > open, "overlap: {:?}", q);
        }
        last_open = Some((q.open, q.close));
    }
    // The same text gives the same quotes (no hidden state, no hash order).
    let again = quotes::extract(std::slice::from_ref(&article));
    let spans = |v: &[Quote]| -> Vec<(usize, usize, Option<String>)> {
        v.iter()
            .map(|q| (q.start, q.end, q.speaker.clone()))
            .collect()
    };
    prop_assert_eq!(spans(&found), spans(&again));
    Ok(())
}

/// `PROPTEST_CASES=N` runs N cases (for a deeper search); the default stays quick.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Inputs the fuzzer and the properties found breaking extraction, kept as cases.
#[test]
fn regressions() {
    for text in [
        // A name glued to a quote mark, then a paragraph that is only a quote: the
        // name's mention ran into the masked quote and ended inside its closing mark
        // (a panic slicing the text in `speaker::Context::make`; found by cargo fuzz).
        "Jane Doe“fine.”\n\n“Yes.”\n",
        "Adijorom Chairw“As I said when she was nominated, it is fine.”\n\nAnd from Rosenworcel:\n\n“Anna brings a lot.”\n",
        "Jane Doe“fine”\n\n“Yes.”\n",
    ] {
        let a = corpus::article_from_text("r", text);
        let found = quotes::extract(std::slice::from_ref(&a));
        for q in &found {
            check_spans(&a, q).unwrap();
            // A speaker's words are never quoted words.
            if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
                assert!(
                    found.iter().all(|o| e <= o.open || s >= o.close),
                    "speaker {:?} overlaps a quote in {text:?}",
                    q.speaker_text
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn extraction_never_panics_and_spans_are_sound(text in any_text()) {
        check_article("a", &text)?;
    }

    #[test]
    fn quoted_sentences_keep_sound_spans(text in sentences()) {
        check_article("s", &text)?;
    }

    /// A whole corpus through every later stage, each article made of the pieces: no
    /// stage panics on what extraction hands it.
    #[test]
    fn the_pipeline_never_panics(texts in prop::collection::vec(any_text(), 1..4)) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| corpus::article_from_text(&format!("a{i}"), t))
            .collect();
        let run = quotetrace::pipeline::run(
            &articles,
            &quotetrace::provenance::Config::default(),
            |_| {},
        );
        for q in &run.quotes {
            check_spans(&articles[q.article_index], q)?;
        }
    }
}

proptest! {
    #![proptest_config(cases(64))]

    /// Any bytes through the loader (as a .txt, .jsonl and .html file): it never
    /// panics, and what it loads keeps sound spans.
    #[test]
    fn loading_any_bytes_never_panics(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..400),
            newsy().prop_map(String::into_bytes),
            sentences().prop_map(|s| format!("{{\"text\": {:?}, \"title\": \"t\"}}\n{{bad\n", s).into_bytes()),
            sentences().prop_map(|s| format!("<html><head><meta property=\"og:site_name\" content=\"X\"></head><body><article><p>{s}</p></article></body></html>").into_bytes()),
        ]
    ) {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.jsonl", "c.html", "d.json"] {
            std::fs::write(dir.path().join(name), &bytes).unwrap();
        }
        if let Ok(c) = corpus::load(&[dir.path().to_path_buf()]) {
            let found = quotes::extract(&c.articles);
            for q in &found {
                check_spans(&c.articles[q.article_index], q)?;
            }
        }
    }
}

/// Runs the binary and returns (status, stdout, stderr) as bytes.
fn output(dir: &std::path::Path, args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let out = assert_cmd::Command::cargo_bin("quotetrace")
        .unwrap()
        .current_dir(dir)
        .env("TZ", "UTC")
        .args(args)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

#[test]
fn output_is_byte_identical_for_any_thread_count_and_path_order() {
    let root = common::root();
    let inputs = root.join("tests/fixtures/inputs");
    let mut paths: Vec<String> = ["json", "text", "html", "broken"]
        .iter()
        .map(|d| inputs.join(d).to_string_lossy().into_owned())
        .collect();
    // Single files too, and the mini corpus, whose articles link to each other.
    for f in ["wire.txt", "rewrite.txt", "unrelated.txt"] {
        paths.push(
            root.join("tests/fixtures/mini")
                .join(f)
                .to_string_lossy()
                .into_owned(),
        );
    }
    let mut reversed = paths.clone();
    reversed.reverse();
    let tmp = tempfile::tempdir().unwrap();
    let commands: &[&[&str]] = &[
        &["extract", "--format", "jsonl"],
        &["extract"],
        &["quotes", "--format", "json"],
        &["quotes", "--format", "csv"],
        &["drift", "--format", "json"],
        &["graph", "--format", "json", "--level", "article"],
        &["graph", "--format", "dot"],
        &["graph", "--format", "graphml"],
    ];
    for cmd in commands {
        let mut outs = Vec::new();
        for (threads, order) in [
            ("1", &paths),
            ("2", &paths),
            ("1", &reversed),
            ("2", &reversed),
        ] {
            let mut args: Vec<&str> = vec!["--threads", threads];
            args.extend_from_slice(cmd);
            args.extend(order.iter().map(String::as_str));
            let got = output(tmp.path(), &args);
            assert_eq!(got.0, 0, "{args:?}: {}", String::from_utf8_lossy(&got.2));
            outs.push((args.join(" "), got));
        }
        for (args, got) in &outs[1..] {
            assert!(
                got.1 == outs[0].1 .1,
                "stdout of `{args}` differs from `{}`",
                outs[0].0
            );
            assert!(
                got.2 == outs[0].1 .2,
                "stderr of `{args}` differs from `{}`:\n{}\n---\n{}",
                outs[0].0,
                String::from_utf8_lossy(&got.2),
                String::from_utf8_lossy(&outs[0].1 .2)
            );
        }
    }
    // trace and report: what they print and the files they write.
    struct Written {
        how: String,
        summary: Vec<u8>,
        graphs: Vec<u8>,
        report: Vec<u8>,
    }
    let mut written: Vec<Written> = Vec::new();
    for (n, (threads, order)) in [("1", &paths), ("2", &reversed)].into_iter().enumerate() {
        let out = tmp.path().join(format!("run{n}"));
        let out_s = out.to_string_lossy().into_owned();
        let report = out.join("r.html").to_string_lossy().into_owned();
        let mut trace: Vec<&str> = vec!["--threads", threads, "trace", "--out", &out_s];
        trace.extend(order.iter().map(String::as_str));
        let (st, stdout, _) = output(tmp.path(), &trace);
        assert_eq!(st, 0);
        let mut rep: Vec<&str> = vec!["--threads", threads, "report", "-o", &report];
        rep.extend(order.iter().map(String::as_str));
        assert_eq!(output(tmp.path(), &rep).0, 0);
        // The summary names the folder it wrote to: compare it without that.
        let summary = String::from_utf8_lossy(&stdout)
            .replace(&out_s, "OUT")
            .into_bytes();
        let read = |name: &str| std::fs::read(out.join(name)).unwrap();
        written.push(Written {
            how: format!(
                "--threads {threads}, {} order",
                if n == 0 { "given" } else { "reversed" }
            ),
            summary,
            graphs: [read("fixtures-provenance.dot"), read("fixtures-quotes.dot")].concat(),
            report: read("r.html"),
        });
    }
    let (a, b) = (&written[0], &written[1]);
    assert!(
        a.summary == b.summary,
        "trace summary differs: {} vs {}",
        a.how,
        b.how
    );
    assert!(
        a.graphs == b.graphs,
        "trace graphs differ: {} vs {}",
        a.how,
        b.how
    );
    assert!(
        a.report == b.report,
        "report differs: {} vs {}",
        a.how,
        b.how
    );
}
