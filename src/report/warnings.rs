//! Rule warnings as reports show them: those of a period (for `report`) and the most urgent
//! ones (for the dashboard).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::facts::{belongs, dated, label_of};
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
            message: by_text(journal, &d.message),
            file: journal.sources.get(d.span.file).name.clone(),
            line: pos.line,
            column: pos.column,
        }
    }
}

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
        // A warning that does not settle describes a state as of a day (a gap, an overdue
        // promise), not one entry's fault.
        let state = !crate::rules::codes::settles(d.code);
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

/// How soon a warning needs you: broken promises (0), then gaps (1), then the rest (2).
fn tier(code: &str) -> u8 {
    match code {
        "promise-overdue" => 0,
        "checkin-gap" | "update-gap" => 1,
        _ => 2,
    }
}

/// The `n` most urgent warnings and how many there are: broken promises first, then gaps,
/// then the rest; within each, the newest first (by the date of the entry it points at, then
/// the latest written).
pub fn most_urgent(journal: &Journal, diags: Vec<Diagnostic>, n: usize) -> (Vec<Warning>, usize) {
    let mut warnings: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    let total = warnings.len();
    let at: std::collections::HashSet<(u32, u32)> = warnings
        .iter()
        .map(|d| (d.span.file.0, d.span.start))
        .collect();
    let mut dates: HashMap<(u32, u32), NaiveDate> = HashMap::with_capacity(at.len());
    for e in &journal.entries {
        let span = journal.entry_span(e);
        let key = (span.file.0, span.start);
        if at.contains(&key) {
            dates.insert(key, e.date);
        }
    }
    warnings.sort_by_key(|d| {
        let date = dates.get(&(d.span.file.0, d.span.start)).copied();
        (
            tier(d.code),
            std::cmp::Reverse((date, d.span.file, d.span.start)),
        )
    });
    let top = warnings
        .into_iter()
        .take(n)
        .map(|d| Warning::new(journal, d))
        .collect();
    (top, total)
}

/// A rule's message as reports word it: each `^handle` replaced by its entry's text in
/// quotes, and a priority `#key (Title)` written `Title (#key)`. `check` keeps the handles:
/// its caret already points at the line.
pub fn by_text(journal: &Journal, message: &str) -> String {
    if !message.contains(['^', '#']) {
        return message.to_string();
    }
    let mut out = String::with_capacity(message.len() + 32);
    let mut rest = message;
    while let Some(at) = rest.find(['^', '#']) {
        let starts_word = at == 0 || rest[..at].ends_with([' ', '(']);
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let name_len = rest[1..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '/')))
            .map_or(rest.len() - 1, |n| n);
        let name = rest[1..1 + name_len].trim_end_matches(['-', '/']);
        let after = &rest[1 + name.len()..];
        let replaced = match (starts_word, rest.as_bytes()[0]) {
            (true, b'^') => journal.handle_named(name).map(|h| {
                (
                    format!("\"{}\"", label_of(journal, journal.handle(h).def)),
                    after,
                )
            }),
            (true, _) => priority_titled(journal, name, after),
            _ => None,
        };
        match replaced {
            Some((text, after)) => {
                out.push_str(&text);
                rest = after;
            }
            None => {
                out.push_str(&rest[..1 + name.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `Title (#key)` and the text after ` (Title)`, when `#key` is a priority's and a
/// parenthesised title follows it.
fn priority_titled<'a>(journal: &Journal, key: &str, after: &'a str) -> Option<(String, &'a str)> {
    let tag = journal.tags.get(key)?;
    journal.priorities.iter().find(|p| p.key == tag)?;
    let inner = after.strip_prefix(" (")?;
    let close = inner.find(')')?;
    let title = &inner[..close];
    Some((format!("{title} (#{key})"), &inner[close + 1..]))
}
