//! Parse + model + rules (`Journal::from_text`, then `upward::check`) on generated journals
//! of 10k and 100k entries, as bytes per second.
//!
//! `cargo bench --bench check` takes well under a minute. Under `cargo test` (no `--bench`
//! argument) criterion runs each benchmark once, on a 1k-entry journal only.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use upward::model::Journal;

#[path = "gen/mod.rs"]
mod journal_gen;

fn check(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if benching {
        &[10_000, 100_000]
    } else {
        &[1_000]
    };
    let mut group = c.benchmark_group("check");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for &entries in sizes {
        let text = journal_gen::journal(entries, 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(entries), &text, |b, text| {
            b.iter(|| {
                let journal = Journal::from_text("bench.up", black_box(text));
                let diagnostics = upward::check(&journal, today, &[]);
                assert!(!journal.has_errors());
                black_box(diagnostics.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
