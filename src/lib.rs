//! upward: a plaintext journal toolchain for managing up.

#![forbid(unsafe_code)]

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
pub mod report;
pub mod rules;
pub mod source;
pub mod syntax;
mod threads;

use chrono::NaiveDate;

/// Every diagnostic of a journal as of `today`: parse and model errors, then rule warnings,
/// sorted by position. `allow` silences rule codes (the command line's `--allow`).
pub fn check(
    journal: &model::Journal,
    today: NaiveDate,
    allow: &[String],
) -> Vec<diag::Diagnostic> {
    let mut all = journal.diagnostics.clone();
    all.extend(
        rules::check(journal, today)
            .into_iter()
            .filter(|d| !allow.iter().any(|a| a == d.code)),
    );
    all.sort_by_key(|d| {
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
