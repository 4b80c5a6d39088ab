//! Runs the real binary with a pinned environment and decodes what it prints. On failure
//! the command, its status, stdout and stderr are shown.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn maduro() -> PathBuf {
    root().join("data/maduro")
}

/// A file or folder under tests/fixtures/inputs, as a command-line argument.
pub fn input_fixture(rel: &str) -> String {
    root()
        .join("tests/fixtures/inputs")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str]) -> Run {
    run_in(&root(), args, None)
}

pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::cargo_bin("quotetrace").expect("binary built");
    cmd.current_dir(dir)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().expect("binary runs");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs and requires exit status 0.
pub fn ok(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(
        r.status, 0,
        "quotetrace {args:?} exited {}\n--- stdout\n{}\n--- stderr\n{}",
        r.status, r.stdout, r.stderr
    );
    r
}

pub fn json(args: &[&str]) -> serde_json::Value {
    let r = ok(args);
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: bad JSON: {e}\n{}", r.stdout))
}

pub fn gold() -> serde_json::Value {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/maduro-gold.json")).expect("gold");
    serde_json::from_str(&text).expect("gold is JSON")
}

/// Gold file name -> article id, from the manifest shipped with the corpus.
pub fn article_id(file: &str) -> String {
    let text = std::fs::read_to_string(maduro().join("manifest.json")).expect("manifest");
    let m: serde_json::Value = serde_json::from_str(&text).expect("manifest is JSON");
    m["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["file"] == file)
        .and_then(|a| a["id"].as_str())
        .expect("file in manifest")
        .to_string()
}

pub fn norm(s: &str) -> String {
    quotetrace::text::normalize_for_compare(s)
}
