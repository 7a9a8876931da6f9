//! The merge driver on a 10 MB journal (about 100,000 entries): both sides edit, remove and
//! append entries, as two machines do between syncs, plus one entry edited two ways. Prints
//! the median of 11 runs of `upward::merge::merge` (bytes in, bytes out; no I/O).
//!
//! `cargo bench --bench merge`. Under `cargo test` (no `--bench` argument) it runs once, on
//! a 1,000-entry journal, and checks the result. With `MERGE_BENCH_DIR=DIR` it also writes
//! `base.up`, `ours.up` and `theirs.up` there, to time the driver end to end:
//!
//!     hyperfine -N --prepare 'cp DIR/ours.up DIR/cur.up' \
//!       'target/release/upward merge DIR/base.up DIR/cur.up DIR/theirs.up journal.up'

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "gen/mod.rs"]
mod journal_gen;

/// The base and two descendants: every 997th entry edited by ours, every 991st by theirs,
/// every 1,499th removed by theirs, 50 appended on each side, entry 10 edited two ways.
fn versions(entries: usize) -> (String, String, String) {
    let base = journal_gen::journal(entries, 7);
    let chunks: Vec<String> = upward::merge::chunk::split(base.as_bytes())
        .expect("a generated journal")
        .chunks
        .iter()
        .map(|c| String::from_utf8_lossy(c.bytes).into_owned())
        .collect();
    let edit = |chunk: &str, by: &str| chunk.replacen('\n', &format!(" ({by})\n"), 1);
    let side = |by: &str, every: usize, removes: Option<usize>, day: u32| {
        let mut text = String::with_capacity(base.len() + 8192);
        for (i, chunk) in chunks.iter().enumerate() {
            if removes.is_some_and(|n| i > 0 && i % n == 0) {
                continue;
            }
            if i > 0 && (i % every == 0 || i == 10) {
                text.push_str(&edit(chunk, by));
            } else {
                text.push_str(chunk);
            }
        }
        for n in 0..50 {
            text.push_str(&format!(
                "2026-11-{day:02} {:02}:{n:02} did Appended by {by} #billing\n  - a note\n",
                9 + n / 60
            ));
        }
        text
    };
    let ours = side("ours", 997, None, 21);
    let theirs = side("theirs", 991, Some(1499), 22);
    (base, ours, theirs)
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let entries = if benching { 100_000 } else { 1_000 };
    let (base, ours, theirs) = versions(entries);
    if let Some(dir) = std::env::var_os("MERGE_BENCH_DIR") {
        let dir = std::path::Path::new(&dir);
        for (name, text) in [
            ("base.up", &base),
            ("ours.up", &ours),
            ("theirs.up", &theirs),
        ] {
            std::fs::write(dir.join(name), text).expect("MERGE_BENCH_DIR is writable");
        }
    }
    let runs = if benching { 11 } else { 1 };
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut conflicts = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let merged = upward::merge::merge(
            black_box(base.as_bytes()),
            black_box(ours.as_bytes()),
            black_box(theirs.as_bytes()),
        )
        .expect("merged by entry");
        times.push(start.elapsed());
        conflicts = merged.conflicts.len();
        let text = String::from_utf8(merged.bytes).expect("UTF-8");
        assert!(text.contains("Appended by ours") && text.contains("Appended by theirs"));
        black_box(text);
    }
    assert_eq!(conflicts, 1, "entry 10 edited two ways");
    times.sort();
    println!(
        "merge: {:.1} MB base, median of {runs}: {:.1} ms (min {:.1} ms, max {:.1} ms)",
        base.len() as f64 / 1e6,
        times[runs / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[runs - 1].as_secs_f64() * 1e3,
    );
}
