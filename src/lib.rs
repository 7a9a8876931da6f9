//! upward: a plaintext journal toolchain for managing up.

pub mod add;
pub mod cli;
pub mod diag;
pub mod export;
pub mod formatter;
#[cfg(feature = "git")]
pub mod git;
pub mod lsp;
pub mod merge;
pub mod model;
pub mod period;
pub mod plugin;
pub mod program;
mod reorder;
pub mod report;
pub mod rules;
pub mod source;
pub mod sync;
pub mod syntax;
mod threads;
pub mod tuning;
pub mod write;

use chrono::NaiveDate;

/// What `check` shows as of `today`, settled warnings left out (docs/language.md §6). `allow`
/// silences rule codes (the command line's `--allow`).
pub fn check(
    journal: &model::Journal,
    today: NaiveDate,
    allow: &[String],
) -> Vec<diag::Diagnostic> {
    check_shown(journal, today, allow, false).shown
}

/// What `check` shows, and how many settled warnings it left out.
#[derive(Debug, Default)]
pub struct Checked {
    /// Parse and model errors, then rule warnings, sorted by position.
    pub shown: Vec<diag::Diagnostic>,
    /// Settled warnings left out: 0 when `all`.
    pub settled: usize,
}

/// Every diagnostic of a journal as of `today`: parse and model errors, then rule warnings,
/// sorted by position; settled warnings only when `all`, else counted. `allow` silences rule
/// codes (the command line's `--allow`).
pub fn check_shown(
    journal: &model::Journal,
    today: NaiveDate,
    allow: &[String],
    all: bool,
) -> Checked {
    // Warnings can run to tens of thousands: they are kept in one vector throughout.
    let mut shown = rules::check(journal, today);
    shown.retain(|d| !allow.iter().any(|a| a == d.code));
    let before = shown.len();
    if !all {
        shown.retain(|d| !d.is_settled());
    }
    let settled = before - shown.len();
    shown.extend_from_slice(&journal.diagnostics);
    reorder::sort_by_key(&mut shown, |d| {
        (
            d.span.file,
            d.span.start,
            d.severity == diag::Severity::Warning,
        )
    });
    Checked { shown, settled }
}
