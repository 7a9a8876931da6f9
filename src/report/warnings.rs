//! Rule warnings as reports show them: those of a period (for `report`) and the most urgent
//! ones (for the dashboard).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::facts::{belongs, dated};
use crate::diag::{Diagnostic, Severity};
use crate::model::{BossSet, Journal};

/// A warning: its rule code, message and place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
}

impl Warning {
    pub fn new(journal: &Journal, d: Diagnostic) -> Warning {
        let pos = journal.sources.position(d.span);
        Warning {
            code: d.code,
            message: d.message,
            file: journal.sources.get(d.span.file).name.clone(),
            line: pos.line,
            column: pos.column,
        }
    }
}

/// Codes that describe a state as of a day (a gap, an overdue promise), not one entry's fault.
const STATE_CODES: [&str; 5] = [
    "checkin-gap",
    "update-gap",
    "promise-overdue",
    "feedback-unacted",
    "neglected-priority",
];

/// Warnings as of the period's end: those about the period's entries, and the states
/// (gaps, overdue promises, unacted feedback, neglected priorities) at its end, of the
/// entries of `set` (every entry for an empty set).
pub fn of_period(journal: &Journal, set: BossSet, from: NaiveDate, end: NaiveDate) -> Vec<Warning> {
    let key = |i: usize| {
        let span = journal.entry_span(&journal.entries[i]);
        (span.file.0, span.start)
    };
    let in_period: HashMap<(u32, u32), usize> =
        dated(journal, from, end).map(|i| (key(i), i)).collect();
    let mut everywhere: Option<HashMap<(u32, u32), usize>> = None;
    let mut out = Vec::new();
    // A period's warnings are shown whether settled or not.
    for d in crate::check_shown(journal, end, &[], true).shown {
        if d.severity != Severity::Warning {
            continue;
        }
        let at = (d.span.file.0, d.span.start);
        let state = STATE_CODES.contains(&d.code);
        let entry = match in_period.get(&at) {
            Some(&i) => Some(i),
            None if !state => continue,
            None if set.is_empty() => None,
            None => everywhere
                .get_or_insert_with(|| (0..journal.entries.len()).map(|i| (key(i), i)).collect())
                .get(&at)
                .copied(),
        };
        let ours = match entry {
            Some(i) => belongs(&journal.entries[i], set),
            // A gap with no entry to count from points at the boss line.
            None => set.is_empty() || set.iter().any(|b| journal.boss(b).span == d.span),
        };
        if ours {
            out.push(Warning::new(journal, d));
        }
    }
    out
}

/// Warning codes by how soon they need you: broken promises and gaps first.
const URGENCY: [&str; 14] = [
    "promise-overdue",
    "checkin-gap",
    "update-gap",
    "feedback-unacted",
    "neglected-priority",
    "bypass",
    "repitch",
    "out-of-scope",
    "late-slip",
    "overcommit",
    "problem-without-solution",
    "over-update",
    "verbose-update",
    "unquantified-win",
];

/// The `n` most urgent warnings (by code, then the latest first) and how many there are.
pub fn most_urgent(journal: &Journal, diags: Vec<Diagnostic>, n: usize) -> (Vec<Warning>, usize) {
    let mut warnings: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    let total = warnings.len();
    let urgency = |code: &str| {
        URGENCY
            .iter()
            .position(|c| *c == code)
            .unwrap_or(URGENCY.len())
    };
    warnings.sort_by_key(|d| {
        (
            urgency(d.code),
            std::cmp::Reverse((d.span.file, d.span.start)),
        )
    });
    let top = warnings
        .into_iter()
        .take(n)
        .map(|d| Warning::new(journal, d))
        .collect();
    (top, total)
}
