//! Progress on stderr, only on a terminal and only when not `--quiet`: a spinner naming
//! the stage, gone when the run ends. With `QUOTETRACE_TIMINGS=1` in the environment each
//! stage's wall time, CPU time and the peak resident set so far are also printed on
//! stderr when it ends, terminal or not: that is how docs/PERFORMANCE.md splits a run
//! into stages.

use indicatif::{ProgressBar, ProgressStyle};
use std::cell::RefCell;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

pub struct Progress {
    bar: Option<ProgressBar>,
    /// The stage running and when it started, when timings were asked for.
    timing: Option<RefCell<(String, Instant, f64)>>,
}

impl Progress {
    pub fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::new_spinner();
            b.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            b.enable_steady_tick(Duration::from_millis(120));
            b
        });
        let timing = std::env::var_os("QUOTETRACE_TIMINGS")
            .is_some_and(|v| !v.is_empty() && v != "0")
            .then(|| RefCell::new((String::new(), Instant::now(), cpu_seconds())));
        Progress { bar, timing }
    }

    pub fn stage(&self, what: &str) {
        self.lap(what);
        if let Some(b) = &self.bar {
            b.set_message(what.to_string());
        }
    }

    /// Ends the running stage's clock (printing its time) and starts `next`'s.
    fn lap(&self, next: &str) {
        if let Some(t) = &self.timing {
            let mut t = t.borrow_mut();
            let cpu = cpu_seconds();
            if !t.0.is_empty() {
                eprintln!(
                    "quotetrace: timing: {:<32} {:>8.2} s  cpu {:>8.2} s  peak RSS {}",
                    t.0,
                    t.1.elapsed().as_secs_f64(),
                    cpu - t.2,
                    peak_rss().unwrap_or_else(|| "unknown".into())
                );
            }
            *t = (next.to_string(), Instant::now(), cpu);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        self.lap("");
    }
}

/// The process's peak resident set so far (VmHWM), where the system tells it.
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{} MB", kb / 1024))
}

/// CPU time the process has used so far, all threads, in seconds (0 where the system
/// does not tell). On a busy machine this, not wall time, shows what a stage costs.
fn cpu_seconds() -> f64 {
    // Fields 14 and 15 of /proc/self/stat, after the parenthesised command name, are
    // user and system time in clock ticks (100 per second on Linux).
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}
