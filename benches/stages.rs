//! Criterion benchmarks, one per pipeline stage, on the Maduro corpus repeated to a
//! realistic size (each copy a distinct article id, so clustering and provenance see a
//! many-article story). Run with `cargo bench --bench stages`; figures in
//! docs/PERFORMANCE.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotetrace::corpus::{self, Article};
use quotetrace::{drift, provenance, quotes, variants};
use std::path::PathBuf;

fn corpus(copies: usize) -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/maduro");
    let base = corpus::load(&[dir]).expect("data/maduro loads").articles;
    let mut out = Vec::new();
    for c in 0..copies {
        for a in &base {
            let mut a = a.clone();
            a.id = format!("{}-{c:04}", a.id);
            out.push(a);
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    let articles = corpus(40);
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let mut g = c.benchmark_group("stages-200-articles");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("extract", |b| b.iter(|| quotes::extract(&articles)));
    let found = quotes::extract(&articles);
    g.throughput(Throughput::Elements(found.len() as u64));
    g.bench_function("cluster", |b| {
        b.iter(|| variants::cluster(&articles, &found, &variants::Config::default()))
    });
    let clustering = variants::cluster(&articles, &found, &variants::Config::default());
    g.bench_function("drift", |b| {
        b.iter(|| drift::audit(&articles, &found, &clustering))
    });
    g.bench_function("graph", |b| {
        b.iter(|| {
            provenance::build(
                &articles,
                &found,
                &clustering,
                &provenance::Config::default(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
