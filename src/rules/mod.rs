//! The rules of docs/language.md §6: pure functions of the journal and today that return warnings.
//!
//! Each rule lives in its own file as `run(cx, out)`; [`codes::TABLE`] lists them. A rule reads the
//! journal through [`context::Ctx`], which leaves out entries dated after today (plans) and
//! indexes entries by kind, leave by boss and each boss's first entry, so that no rule loops
//! over entries inside a loop over entries. It writes through [`context::Out`], which drops a
//! warning on an entry carrying `allow:CODE`.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::model::Journal;

pub mod codes;
pub mod explain;

mod context;
mod gap;
mod promises;

mod bypass;
mod checkin_gap;
mod feedback_unacted;
mod late_slip;
mod neglected_priority;
mod out_of_scope;
mod over_update;
mod overcommit;
mod problem_without_solution;
mod promise_overdue;
mod repitch;
mod unquantified_win;
mod update_gap;
mod verbose_update;

use codes::{Code, RULES, Run};
use context::{Ctx, Out};

/// Runs every enabled rule. Entries with `allow:CODE` and codes `set … off` are silenced here;
/// `--allow` is the caller's.
pub fn check(journal: &Journal, today: NaiveDate) -> Vec<Diagnostic> {
    let split = crate::threads::worth_splitting(journal.entries.len());
    check_with(journal, today, split)
}

/// The warnings of one rule, as [`check`] gives them (none when the rule is `set … off`).
pub fn check_one(journal: &Journal, today: NaiveDate, code: &str) -> Vec<Diagnostic> {
    let Some((rule, run)) = runs(journal).find(|(rule, _)| rule.code == code) else {
        return Vec::new();
    };
    let cx = Ctx::new(journal, today);
    let mut out = Out::new(rule.code, &cx);
    (run.run)(&cx, &mut out);
    out.diags
}

/// The rules the journal leaves on, in the order of [`RULES`].
fn runs(journal: &Journal) -> impl Iterator<Item = (&'static Code, Run)> {
    (RULES.iter())
        .filter(|rule| journal.settings.enabled(rule.code))
        .filter_map(|rule| Some((rule, rule.run?)))
}

/// [`check`], on two threads when `split`.
fn check_with(journal: &Journal, today: NaiveDate, split: bool) -> Vec<Diagnostic> {
    let cx = Ctx::new(journal, today);
    let mut rules: Vec<(usize, (&Code, Run))> = runs(journal).enumerate().collect();
    rules.sort_by_key(|(_, (_, run))| !run.slow);
    // Rules are independent. Each thread takes the next rule not yet taken, slow ones first, so
    // that a slow rule on one thread does not leave the other idle; warnings are joined in rule
    // order.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(index, (rule, run))) = rules.get(i) else {
                return done;
            };
            let mut out = Out::new(rule.code, &cx);
            (run.run)(&cx, &mut out);
            done.push((index, out.diags));
        }
    };
    let mut done = if split {
        let (mut done, other) = crate::threads::both(true, work, work);
        done.extend(other);
        done
    } else {
        work()
    };
    done.sort_unstable_by_key(|&(i, _)| i);
    // With room for the model's diagnostics, which `crate::check` adds.
    let found = done.iter().map(|(_, diags)| diags.len()).sum::<usize>();
    let mut all = Vec::with_capacity(found + journal.diagnostics.len());
    for (_, diags) in done {
        all.extend(diags);
    }
    all
}

#[cfg(test)]
mod tests {
    /// Rules run on two threads give the same warnings, in the same order, as on one.
    #[test]
    fn split_checking_matches_one_thread() {
        let text = crate::generator::journal(3000, 11);
        let journal = crate::model::Journal::from_text("big.up", &text);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let one = super::check_with(&journal, today, false);
        let two = super::check_with(&journal, today, true);
        let codes: std::collections::BTreeSet<&str> = one.iter().map(|d| d.code).collect();
        assert!(codes.len() >= 4, "too few rules fire to compare: {codes:?}");
        assert_eq!(one, two);
    }
}
