//! Extraction throughput: MB of article text per second of `quotes::extract`, on one
//! core and on two, loading excluded.
//!
//!     cargo build --release --bin quotetrace-synth
//!     ./target/release/quotetrace-synth --articles 35000 --seed 7 --out /tmp/s35k
//!     cargo run --release --example extract_throughput -- /tmp/s35k/articles
//!
//! (An example rather than a `[[bench]]`: it reuses the `--release` build of the
//! library instead of compiling it again under the bench profile.)
//!
//! Real news text, at the same size (the bundled articles copied until the text reaches
//! 100 MB; each copy is a distinct article, extracted afresh):
//!
//!     QT_BENCH_REPEAT_TO_MB=100 cargo run --release --example extract_throughput
//!
//! Arguments: the folders or files to load (default: data/maduro, which is far too small
//! for a meaningful figure unless repeated). `QT_BENCH_RUNS` sets the runs per thread
//! count (default 3; the best and the median are printed), `QT_BENCH_THREADS` the thread
//! counts (default "1 2") and `QT_BENCH_REPEAT_TO_MB` the size the loaded articles are
//! copied up to (default: no copies). MB are 10^6 bytes of `Article::text`. Figures:
//! docs/PERFORMANCE.md.

use quotetrace::corpus;
use quotetrace::quotes;
use std::path::PathBuf;
use std::time::Instant;

// The allocator the quotetrace binary runs with, so the figure is the binary's.
#[global_allocator]
static ALLOC: quotetrace::memory::Mimalloc = quotetrace::memory::Mimalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Flags (`--bench` when run as a bench) are not paths.
    let mut paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        paths.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/maduro"));
    }
    let runs: usize = env_or("QT_BENCH_RUNS", "3").parse()?;
    let threads: Vec<usize> = env_or("QT_BENCH_THREADS", "1 2")
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()?;

    let repeat_to: f64 = env_or("QT_BENCH_REPEAT_TO_MB", "0").parse()?;

    let t = Instant::now();
    let corpus = corpus::load(&paths)?;
    let articles = repeated(corpus.articles, repeat_to * 1e6);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "loaded {} articles, {mb:.1} MB of text, in {:.1} s (not counted)",
        articles.len(),
        t.elapsed().as_secs_f64()
    );

    for &n in &threads {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build()?;
        let mut secs = Vec::with_capacity(runs);
        let mut cpus = Vec::with_capacity(runs);
        let mut found = 0;
        for _ in 0..runs.max(1) {
            let (s, cpu, q) = pool.install(|| {
                let c = cpu_seconds();
                let t = Instant::now();
                let q = quotes::extract(&articles);
                let s = t.elapsed().as_secs_f64();
                (s, cpu_seconds().zip(c).map(|(b, a)| b.minus(a)), q.len())
            });
            secs.push(s);
            cpus.extend(cpu);
            found = q;
        }
        secs.sort_by(f64::total_cmp);
        let best = secs[0];
        let median = secs[secs.len() / 2];
        println!(
            "threads {n}: {:.1} MB/s best, {:.1} MB/s median ({best:.2} s best of {}), {found} quotes",
            mb / best,
            mb / median,
            secs.len()
        );
        // On a shared machine wall time counts waiting for the core too: CPU time
        // (user + system, all threads of the process) tells them apart.
        cpus.sort_by(|a, b| a.total().total_cmp(&b.total()));
        if let Some(cpu) = cpus.first() {
            let (total, user, system) = (cpu.total(), cpu.user, cpu.system);
            println!(
                "           {:.1} MB per CPU-second ({total:.2} CPU-s best: {user:.2} user, {system:.2} system)",
                mb / total
            );
        }
    }
    Ok(())
}

/// CPU seconds in user and system mode. System time is counted apart because the
/// kernel's share (page faults of fresh memory) tells allocation churn from computing.
#[derive(Clone, Copy)]
struct Cpu {
    user: f64,
    system: f64,
}

impl Cpu {
    fn total(self) -> f64 {
        self.user + self.system
    }

    fn minus(self, earlier: Cpu) -> Cpu {
        Cpu {
            user: self.user - earlier.user,
            system: self.system - earlier.system,
        }
    }
}

/// CPU time of this process so far (Linux `/proc/self/stat`; None elsewhere).
fn cpu_seconds() -> Option<Cpu> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let (utime, stime): (f64, f64) = (f.get(11)?.parse().ok()?, f.get(12)?.parse().ok()?);
    // USER_HZ is 100 on every Linux configuration in use.
    Some(Cpu {
        user: utime / 100.0,
        system: stime / 100.0,
    })
}

/// The articles, copied until their text reaches `bytes` (each copy under its own id, so
/// quote ids stay distinct); as loaded when `bytes` is 0 or already reached.
fn repeated(articles: Vec<corpus::Article>, bytes: f64) -> Vec<corpus::Article> {
    let size: usize = articles.iter().map(|a| a.text.len()).sum();
    if size == 0 || size as f64 >= bytes {
        return articles;
    }
    let copies = (bytes / size as f64).ceil() as usize;
    let mut out = Vec::with_capacity(articles.len() * copies);
    for k in 0..copies {
        out.extend(articles.iter().map(|a| {
            let mut c = a.clone();
            c.id = format!("{}~{k}", a.id);
            c
        }));
    }
    out
}

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}
