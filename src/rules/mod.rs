//! The rules of docs/language.md §6: pure functions of the journal and today that return warnings.
//!
//! Each rule lives in its own file as `run(cx, out)`; [`codes::TABLE`] lists them. A rule reads the
//! journal through [`context::Ctx`], which leaves out entries dated after today (plans) and
//! indexes entries by kind, leave by boss and each boss's first entry, so that no rule loops
//! over entries inside a loop over entries. It writes through [`context::Out`], which drops a
//! warning on an entry carrying `allow:CODE`.

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

/// Runs every enabled rule, in the order of [`RULES`]. Entries with `allow:CODE` and codes
/// `set … off` are silenced here; `--allow` is the caller's.
pub fn check(journal: &Journal, today: NaiveDate) -> Vec<Diagnostic> {
    let cx = Ctx::new(journal, today);
    // With room for the model's diagnostics, which `crate::check` adds.
    let room = journal.diagnostics.len();
    let mut all = Vec::with_capacity(room);
    for (rule, run) in runs(journal) {
        all.append(&mut run_one(&cx, rule, run));
    }
    all
}

/// The warnings of one rule over `cx`.
fn run_one(cx: &Ctx<'_>, rule: &Code, run: Run) -> Vec<Diagnostic> {
    let mut out = Out::new(rule.code, cx);
    run(cx, &mut out);
    out.diags
}

/// The warnings of one rule, as [`check`] gives them (none when the rule is `set … off`).
pub fn check_one(journal: &Journal, today: NaiveDate, code: &str) -> Vec<Diagnostic> {
    let Some((rule, run)) = runs(journal).find(|(rule, _)| rule.code == code) else {
        return Vec::new();
    };
    run_one(&Ctx::new(journal, today), rule, run)
}

/// The rules the journal leaves on, in the order of [`RULES`], with what each runs.
fn runs(journal: &Journal) -> impl Iterator<Item = (&'static Code, Run)> {
    (RULES.iter())
        .filter(|rule| journal.settings.enabled(rule.code))
        .filter_map(|rule| Some((rule, rule.run?)))
}
