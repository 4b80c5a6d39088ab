//! Clusters the quotes of a truth file (as `quotetrace-synth` writes it) with
//! quotetrace's variant clustering alone, and prints the wall time and pairwise
//! precision, recall and F1 against the true utterances as one JSON line. This is the
//! apples-to-apples side of the Python baseline in `benches/baseline.py`: both cluster
//! exactly the same quote texts.
//!
//! `cargo run --release --example cluster_quotes -- TRUTH.json [--limit N] [--repeat K]`
//! (`--repeat K` copies every quote K times into distinct articles, to reach 1M quotes).

use quotetrace::corpus::Article;
use quotetrace::quotes::{Quote, QuoteKind};
use quotetrace::variants;
use std::collections::HashMap;
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Truth {
    quotes: Vec<TruthQuote>,
}

#[derive(serde::Deserialize)]
struct TruthQuote {
    article: String,
    text: String,
    speaker: Option<String>,
    utterance: String,
}

fn arg(name: &str) -> Option<usize> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: cluster_quotes TRUTH.json [--limit N] [--repeat K]");
    let truth: Truth =
        serde_json::from_slice(&std::fs::read(&path).expect("readable")).expect("truth JSON");
    let limit = arg("--limit").unwrap_or(usize::MAX);
    let repeat = arg("--repeat").unwrap_or(1).max(1);
    let base: Vec<&TruthQuote> = truth.quotes.iter().take(limit).collect();
    let mut articles: Vec<Article> = Vec::new();
    let mut article_ix: HashMap<String, usize> = HashMap::new();
    let mut quotes = Vec::new();
    let mut utterance = Vec::new();
    for r in 0..repeat {
        for t in &base {
            let id = if repeat == 1 {
                t.article.clone()
            } else {
                format!("{}~{r}", t.article)
            };
            let ai = *article_ix.entry(id.clone()).or_insert_with(|| {
                articles.push(Article::new(id.clone(), id.clone(), String::new()));
                articles.len() - 1
            });
            let n = quotes.len();
            quotes.push(Quote {
                id: format!("q{n}"),
                article: id,
                article_index: ai,
                text: t.text.clone(),
                start: 0,
                end: t.text.len(),
                open: 0,
                close: t.text.len(),
                line: 1,
                column: 1,
                kind: QuoteKind::Statement,
                terminated: true,
                cut: false,
                speaker: t.speaker.clone(),
                speaker_text: t.speaker.clone(),
                speaker_start: None,
                speaker_end: None,
                cue: None,
                attribution: None,
                utterance: format!("q{n}"),
            });
            utterance.push(format!("{}~{r}", t.utterance));
        }
    }
    let start = Instant::now();
    let clustering = variants::cluster(&articles, &quotes, &variants::Config::default());
    let secs = start.elapsed().as_secs_f64();
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut cell: HashMap<(&str, usize), u64> = HashMap::new();
    let mut by_u: HashMap<&str, u64> = HashMap::new();
    let mut by_c: HashMap<usize, u64> = HashMap::new();
    for (i, u) in utterance.iter().enumerate() {
        let c = clustering.cluster_of[i];
        *cell.entry((u.as_str(), c)).or_default() += 1;
        *by_u.entry(u.as_str()).or_default() += 1;
        *by_c.entry(c).or_default() += 1;
    }
    let tp: u64 = cell.values().map(|&n| pairs(n)).sum();
    let p = tp as f64 / by_c.values().map(|&n| pairs(n)).sum::<u64>().max(1) as f64;
    let r = tp as f64 / by_u.values().map(|&n| pairs(n)).sum::<u64>().max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "{{\"tool\":\"quotetrace\",\"quotes\":{},\"clusters\":{},\"seconds\":{:.3},\"precision\":{:.4},\"recall\":{:.4},\"f1\":{:.4}}}",
        quotes.len(),
        clustering.clusters.len(),
        secs,
        p,
        r,
        f1
    );
}
