//! upward: a plaintext journal toolchain for managing up.

pub mod add;
pub mod cli;
pub mod diag;
pub mod export;
pub mod formatter;
#[cfg(feature = "git")]
pub mod git;
pub mod lsp;
pub mod model;
pub mod period;
pub mod plugin;
mod reorder;
pub mod report;
pub mod rules;
pub mod source;
pub mod syntax;
mod threads;
pub mod write;

use chrono::NaiveDate;

/// Every diagnostic of a journal as of `today`: parse and model errors, then rule warnings,
/// sorted by position. `allow` silences rule codes (the command line's `--allow`).
pub fn check(
    journal: &model::Journal,
    today: NaiveDate,
    allow: &[String],
) -> Vec<diag::Diagnostic> {
    // Warnings can run to tens of thousands: they are kept in one vector throughout.
    let mut all = rules::check(journal, today);
    all.retain(|d| !allow.iter().any(|a| a == d.code));
    all.extend_from_slice(&journal.diagnostics);
    reorder::sort_by_key(&mut all, |d| {
        (
            d.span.file,
            d.span.start,
            d.severity == diag::Severity::Warning,
        )
    });
    all
}

/// The benchmarks' journal generator, for tests that need a large realistic journal.
#[cfg(test)]
#[path = "../benches/gen/mod.rs"]
mod generator;
