//! The rules on two threads, for a large journal (`crate::tuning::ENTRIES_SPLIT_AT`). Rules are
//! independent: each thread takes the next rule not yet taken, and the warnings are joined in
//! rule order, so the list is the one [`super::check`] gives on one thread.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::codes::{Code, Run};
use super::context::Ctx;
use crate::diag::Diagnostic;

/// Every rule of `rules` run over `cx`, on two threads; `room` is extra capacity to leave.
pub(super) fn run_all(
    cx: &Ctx<'_>,
    rules: &[(&'static Code, Run)],
    room: usize,
) -> Vec<Diagnostic> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(rule, run)) = rules.get(i) else {
                return done;
            };
            done.push((i, super::run_one(cx, rule, run)));
        }
    };
    let (mut done, other) = crate::threads::both(true, work, work);
    done.extend(other);
    done.sort_unstable_by_key(|&(i, _)| i);
    let found = done.iter().map(|(_, diags)| diags.len()).sum::<usize>();
    let mut all = Vec::with_capacity(found + room);
    for (_, diags) in done {
        all.extend(diags);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Journal;

    /// On two threads the rules give the same warnings, in the same order, as on one.
    #[test]
    fn two_threads_give_the_one_thread_list() {
        let text = include_str!("../../samples/engineer/journal.up");
        let journal = Journal::from_text("journal.up", text);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        let cx = Ctx::new(&journal, today);
        let rules: Vec<(&Code, Run)> = super::super::runs(&journal).collect();
        let one: Vec<Diagnostic> = rules
            .iter()
            .flat_map(|&(rule, run)| super::super::run_one(&cx, rule, run))
            .collect();
        assert!(one.len() > 3, "the sample has warnings");
        let two = run_all(&cx, &rules, 0);
        let key = |d: &Diagnostic| (d.code, d.span, d.message.clone());
        assert_eq!(
            one.iter().map(key).collect::<Vec<_>>(),
            two.iter().map(key).collect::<Vec<_>>()
        );
    }
}
