//! `drift::summarize`, what `trace` keeps of the audit, must agree with `drift::audit`:
//! the same counts, and its first findings the audit's first, in the same order.

mod common;

use assert_cmd::Command;
use quotetrace::drift::{self, Severity};
use quotetrace::{corpus, quotes, variants};
use std::path::Path;

fn check(dir: &Path) {
    let corpus = corpus::load(&[dir.to_path_buf()]).expect("corpus loads");
    let found = quotes::extract(&corpus.articles);
    let clustering = variants::cluster(&corpus.articles, &found, &variants::Config::default());
    let all = drift::audit(&corpus.articles, &found, &clustering);
    assert!(all.len() > 10, "{} findings: too few to test", all.len());
    for keep in [0, 1, 3, 8, all.len() / 2, all.len() + 5] {
        let s = drift::summarize(&corpus.articles, &found, &clustering, keep);
        assert_eq!(s.total(), all.len());
        for sev in [
            Severity::Info,
            Severity::Low,
            Severity::Medium,
            Severity::High,
        ] {
            let want = all.iter().filter(|f| f.severity == sev).count();
            assert_eq!(s.count(sev), want, "{sev:?} with keep {keep}");
        }
        let got: Vec<(&str, &str)> = s
            .first()
            .map(|f| (f.quote.as_str(), f.reason.as_str()))
            .collect();
        let want: Vec<(&str, &str)> = all
            .iter()
            .take(keep)
            .map(|f| (f.quote.as_str(), f.reason.as_str()))
            .collect();
        assert_eq!(got, want, "first {keep}");
    }
}

#[test]
fn summary_agrees_with_the_audit_on_maduro() {
    check(&common::maduro());
}

#[test]
fn summary_agrees_with_the_audit_on_a_generated_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("quotetrace-synth")
        .expect("generator built")
        .args(["--articles", "300", "--seed", "3", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    check(&dir.path().join("articles"));
}
