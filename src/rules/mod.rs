//! The rules of docs/language.md §6: pure functions of the journal and today that return warnings.
//!
//! Each rule lives in its own file as `run(cx, out)`; [`RULES`] lists them. A rule reads the
//! journal through [`context::Ctx`], which leaves out entries dated after today (plans) and
//! indexes entries by kind, leave by boss and each boss's first entry, so that no rule loops
//! over entries inside a loop over entries. It writes through [`context::Out`], which drops a
//! warning on an entry carrying `allow:CODE`.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::model::Journal;

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

use context::{Ctx, Out};

/// One rule: its code, what it runs, and whether it is one of the slow ones.
struct Rule {
    code: &'static str,
    run: fn(&Ctx<'_>, &mut Out<'_>),
    /// It takes longest on a large journal: it reads the words of every entry of a common kind,
    /// or warns thousands of times. Slow rules start first, so that two threads end together.
    slow: bool,
}

/// Every rule, in the order of docs/language.md §6.
const RULES: &[Rule] = &[
    Rule {
        code: "out-of-scope",
        run: out_of_scope::run,
        slow: true,
    },
    Rule {
        code: "repitch",
        run: repitch::run,
        slow: false,
    },
    Rule {
        code: "over-update",
        run: over_update::run,
        slow: true,
    },
    Rule {
        code: "verbose-update",
        run: verbose_update::run,
        slow: false,
    },
    Rule {
        code: "bypass",
        run: bypass::run,
        slow: false,
    },
    Rule {
        code: "overcommit",
        run: overcommit::run,
        slow: false,
    },
    Rule {
        code: "checkin-gap",
        run: checkin_gap::run,
        slow: false,
    },
    Rule {
        code: "update-gap",
        run: update_gap::run,
        slow: false,
    },
    Rule {
        code: "promise-overdue",
        run: promise_overdue::run,
        slow: false,
    },
    Rule {
        code: "late-slip",
        run: late_slip::run,
        slow: false,
    },
    Rule {
        code: "problem-without-solution",
        run: problem_without_solution::run,
        slow: false,
    },
    Rule {
        code: "feedback-unacted",
        run: feedback_unacted::run,
        slow: true,
    },
    Rule {
        code: "neglected-priority",
        run: neglected_priority::run,
        slow: false,
    },
    Rule {
        code: "unquantified-win",
        run: unquantified_win::run,
        slow: true,
    },
];

/// Runs every enabled rule. Entries with `allow:CODE` and codes `set … off` are silenced here;
/// `--allow` is the caller's.
pub fn check(journal: &Journal, today: NaiveDate) -> Vec<Diagnostic> {
    let split = crate::threads::worth_splitting(journal.entries.len());
    check_with(journal, today, split)
}

/// The warnings of one rule, as [`check`] gives them (none when the rule is `set … off`).
pub fn check_one(journal: &Journal, today: NaiveDate, code: &str) -> Vec<Diagnostic> {
    let Some(rule) = RULES
        .iter()
        .find(|r| r.code == code && journal.settings.enabled(r.code))
    else {
        return Vec::new();
    };
    let cx = Ctx::new(journal, today);
    let mut out = Out::new(rule.code, &cx);
    (rule.run)(&cx, &mut out);
    out.diags
}

/// [`check`], on two threads when `split`.
fn check_with(journal: &Journal, today: NaiveDate, split: bool) -> Vec<Diagnostic> {
    let cx = Ctx::new(journal, today);
    let mut rules: Vec<(usize, &Rule)> = (RULES.iter().enumerate())
        .filter(|(_, rule)| journal.settings.enabled(rule.code))
        .collect();
    rules.sort_by_key(|(_, rule)| !rule.slow);
    // Rules are independent. Each thread takes the next rule not yet taken, slow ones first, so
    // that a slow rule on one thread does not leave the other idle; warnings are joined in rule
    // order.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(index, rule)) = rules.get(i) else {
                return done;
            };
            let mut out = Out::new(rule.code, &cx);
            (rule.run)(&cx, &mut out);
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
    use super::RULES;
    use crate::model::RULE_CODES;

    #[test]
    fn every_rule_code_has_a_rule() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let known: Vec<&str> = RULE_CODES.iter().map(|r| r.code).collect();
        assert_eq!(codes, known);
    }

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
