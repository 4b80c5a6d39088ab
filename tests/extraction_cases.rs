//! The cases of tests/fixtures/extraction-cases.json: realistic news sentences, each with
//! every quote it holds (exact text, span, speaker, kind, whether it is closed, and for
//! split quotes which utterance it belongs to). Every case must pass.

use quotetrace::corpus::{self, Article};
use quotetrace::quotes::{extract, Quote};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    form: String,
    text: String,
    quotes: Vec<Expected>,
    /// Further articles extracted with this one (names made canonical across them).
    #[serde(default)]
    corpus: Vec<String>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    speaker: Option<String>,
    kind: String,
    #[serde(default = "yes")]
    terminated: bool,
    speaker_text: Option<String>,
    /// Index of the quote whose utterance id this one shares.
    utterance: Option<usize>,
}

fn yes() -> bool {
    true
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extraction-cases.json"
    );
    let text = std::fs::read_to_string(path).expect("extraction-cases.json");
    serde_json::from_str::<Cases>(&text)
        .expect("extraction-cases.json is well formed")
        .cases
}

/// The case's quotes: its own article first, then the rest of its corpus.
fn run(case: &Case) -> (Article, Vec<Quote>) {
    let mut articles = vec![corpus::article_from_text(&case.id, &case.text)];
    for (n, other) in case.corpus.iter().enumerate() {
        articles.push(corpus::article_from_text(
            &format!("{}~{n}", case.id),
            other,
        ));
    }
    let ours = extract(&articles)
        .into_iter()
        .filter(|q| q.article == case.id)
        .collect();
    (articles.swap_remove(0), ours)
}

/// The expected words as they stand in the decoded article: the loader may turn CRLF
/// line endings into `\n` (the scanner handles both; see its unit tests).
fn as_decoded(expected: &str, article: &str) -> String {
    if article.contains('\r') {
        expected.to_string()
    } else {
        expected.replace("\r\n", "\n")
    }
}

/// Every way `q` departs from `e`.
fn compare(text: &str, e: &Expected, q: &Quote, ours: &[Quote], k: usize) -> Vec<String> {
    let want = as_decoded(&e.text, text);
    let mut out = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            out.push(format!("quote {k}: {what}"));
        }
    };
    check(
        q.text == want,
        format!("text {:?}, expected {want:?}", q.text),
    );
    check(
        text.get(q.start..q.end) == Some(q.text.as_str()),
        format!("span {}..{} is not the quote's text", q.start, q.end),
    );
    check(
        q.speaker == e.speaker,
        format!(
            "speaker {:?} ({:?}), expected {:?}",
            q.speaker, q.speaker_text, e.speaker
        ),
    );
    check(
        q.kind.as_str() == e.kind,
        format!("kind {}, expected {}", q.kind.as_str(), e.kind),
    );
    check(
        q.terminated == e.terminated,
        format!("terminated {}, expected {}", q.terminated, e.terminated),
    );
    if let Some(st) = &e.speaker_text {
        check(
            q.speaker_text.as_ref() == Some(st),
            format!("speaker_text {:?}, expected {st:?}", q.speaker_text),
        );
    }
    if let (Some(st), Some(s), Some(x)) = (&q.speaker_text, q.speaker_start, q.speaker_end) {
        check(
            text.get(s..x) == Some(st.as_str()),
            format!("speaker span {s}..{x} is not {st:?}"),
        );
    }
    let owner = e
        .utterance
        .and_then(|u| ours.get(u))
        .map_or(&q.id, |o| &o.id);
    check(
        &q.utterance == owner,
        format!("utterance {}, expected {owner}", q.utterance),
    );
    out
}

/// Why the case fails, or None when it passes.
fn judge(case: &Case) -> Option<String> {
    let (article, ours) = run(case);
    let mut reasons = Vec::new();
    if ours.len() != case.quotes.len() {
        let got: Vec<&str> = ours.iter().map(|q| q.text.as_str()).collect();
        reasons.push(format!(
            "{} quotes, expected {}: {got:?}",
            ours.len(),
            case.quotes.len()
        ));
    }
    for (k, (e, q)) in case.quotes.iter().zip(&ours).enumerate() {
        reasons.extend(compare(&article.text, e, q, &ours, k));
    }
    (!reasons.is_empty()).then(|| reasons.join("; "))
}

#[test]
fn every_extraction_case_passes() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failing = Vec::new();
    for case in &cases {
        match judge(case) {
            None => println!("pass  {:<32} {}", case.id, case.form),
            Some(why) => {
                println!("FAIL  {:<32} {}\n      {why}", case.id, case.form);
                failing.push(case.id.as_str());
            }
        }
    }
    println!("{}/{} pass", cases.len() - failing.len(), cases.len());
    assert!(failing.is_empty(), "failing cases: {failing:?}");
}

#[test]
fn case_ids_are_unique() {
    let cases = cases();
    let mut ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate case ids");
}
