//! One verdict per promise (docs/language.md §4), the same in every command: its due date in
//! force, whether it was kept, and which boss it is due to.
//!
//! > A promise's *due date in force* is that of its latest `slip` dated on or before the due
//! > date that slip moves (a *late* slip does not move it), else its own. Its verdict: *kept*
//! > when done on or before the due date in force; *late* when done after it; *broken* while
//! > not done after it; *dropped* when closed with `status:dropped`; else *open*.
//!
//! The due date a slip moves is the one in force before it, so once a due date in force has
//! passed no later slip moves it: a promise broken or late stays so.

use chrono::NaiveDate;
use serde::Serialize;

use super::{BossSet, Entry, EntryId, Handle, Journal, Status};

/// How a promise stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Done on or before the due date in force.
    Kept,
    /// Done after the due date in force.
    Late,
    /// Not done, and the due date in force has passed.
    Broken,
    /// Closed with `done status:dropped`.
    Dropped,
    /// Not done, not yet past due.
    Open,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Kept => "kept",
            Verdict::Late => "late",
            Verdict::Broken => "broken",
            Verdict::Dropped => "dropped",
            Verdict::Open => "open",
        }
    }

    /// Whether the promise is still to be done: open or broken.
    pub fn is_pending(self) -> bool {
        matches!(self, Verdict::Open | Verdict::Broken)
    }
}

/// A promise as it stands on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The due date in force (late slips do not move it); `None` for a promise written
    /// without one.
    pub due: Option<NaiveDate>,
    /// The `done` that closed it, dated on or before the date asked about.
    pub done: Option<EntryId>,
    pub verdict: Verdict,
}

impl Journal {
    /// A promise's due date in force as of `as_of`: slips dated after it are not yet made.
    pub fn due_in_force(&self, h: &Handle, as_of: NaiveDate) -> Option<NaiveDate> {
        let mut due = self.entries[h.def as usize].fields.due;
        for &s in &h.slips {
            let slip = &self.entries[s as usize];
            if slip.date > as_of {
                break;
            }
            if due.is_none_or(|d| slip.date <= d) {
                due = slip.fields.due.or(due);
            }
        }
        due
    }

    /// The due date the boss now expects: that of the latest slip on or before `as_of`, late
    /// or not, else the promise's own (what `promise-overdue` follows).
    pub fn due_expected(&self, h: &Handle, as_of: NaiveDate) -> Option<NaiveDate> {
        h.slips
            .iter()
            .map(|&s| &self.entries[s as usize])
            .take_while(|s| s.date <= as_of)
            .filter_map(|s| s.fields.due)
            .last()
            .or(self.entries[h.def as usize].fields.due)
    }

    /// A promise's verdict as of `as_of`.
    pub fn verdict(&self, h: &Handle, as_of: NaiveDate) -> Standing {
        self.verdict_counting(h, as_of, &|_| true)
    }

    /// [`Journal::verdict`], with `counts` deciding whether its `done` counts (`streaks
    /// --strict` leaves out a backfilled one).
    pub fn verdict_counting(
        &self,
        h: &Handle,
        as_of: NaiveDate,
        counts: &dyn Fn(&Entry) -> bool,
    ) -> Standing {
        let due = self.due_in_force(h, as_of);
        let done = h.done.filter(|&d| {
            let e = &self.entries[d as usize];
            e.date <= as_of && counts(e)
        });
        let verdict = match done.map(|d| &self.entries[d as usize]) {
            Some(d) if d.fields.status == Some(Status::Dropped) => Verdict::Dropped,
            Some(d) if due.is_some_and(|due| d.date > due) => Verdict::Late,
            Some(_) => Verdict::Kept,
            None if due.is_some_and(|due| due < as_of) => Verdict::Broken,
            None => Verdict::Open,
        };
        Standing { due, done, verdict }
    }

    /// The boss a promise is due to as of `as_of`: the boss of its latest slip on or before
    /// that date (a slip naming an active boss hands the promise over), else its own.
    pub fn promise_bosses(&self, h: &Handle, as_of: NaiveDate) -> BossSet {
        h.slips
            .iter()
            .map(|&s| &self.entries[s as usize])
            .take_while(|s| s.date <= as_of)
            .last()
            .unwrap_or(&self.entries[h.def as usize])
            .bosses
    }
}

#[cfg(test)]
mod tests {
    use super::Verdict;
    use crate::model::Journal;

    fn date(s: &str) -> chrono::NaiveDate {
        crate::syntax::calendar_date(s).expect("date")
    }

    fn verdicts(text: &str, today: &str) -> Vec<(String, Verdict, Option<chrono::NaiveDate>)> {
        let j = Journal::from_text("v.up", text);
        assert!(!j.has_errors(), "{:?}", j.diagnostics);
        j.handles
            .iter()
            .map(|h| {
                let s = j.verdict(h, date(today));
                (h.name.to_string(), s.verdict, s.due)
            })
            .collect()
    }

    #[test]
    fn each_verdict_by_the_due_date_in_force() {
        let text = "boss @a\n\
            2026-03-02 promise ^kept due:2026-03-06 A\n\
            2026-03-06 done ^kept\n\
            2026-03-02 promise ^late due:2026-03-06 B\n\
            2026-03-09 slip ^late due:2026-03-13 after the date\n\
            2026-03-10 done ^late\n\
            2026-03-02 promise ^moved due:2026-03-06 C\n\
            2026-03-05 slip ^moved due:2026-03-13 in time\n\
            2026-03-10 done ^moved\n\
            2026-03-02 promise ^broken due:2026-03-06 D\n\
            2026-03-02 promise ^dropped due:2026-03-06 E\n\
            2026-03-09 done ^dropped status:dropped\n\
            2026-03-02 promise ^open due:2026-03-20 F\n\
            2026-03-02 promise ^today due:2026-03-16 G\n";
        let d = |s| Some(date(s));
        assert_eq!(
            verdicts(text, "2026-03-16"),
            [
                ("kept".into(), Verdict::Kept, d("2026-03-06")),
                ("late".into(), Verdict::Late, d("2026-03-06")),
                ("moved".into(), Verdict::Kept, d("2026-03-13")),
                ("broken".into(), Verdict::Broken, d("2026-03-06")),
                ("dropped".into(), Verdict::Dropped, d("2026-03-06")),
                ("open".into(), Verdict::Open, d("2026-03-20")),
                ("today".into(), Verdict::Open, d("2026-03-16")),
            ]
        );
    }

    /// After a late slip, a later slip cannot move the date back into force.
    #[test]
    fn a_passed_due_date_stays_in_force() {
        let text = "boss @a\n\
            2026-03-02 promise ^p due:2026-03-06 A\n\
            2026-03-09 slip ^p due:2026-03-13 late\n\
            2026-03-11 slip ^p due:2026-03-20 before the late date\n\
            2026-03-18 done ^p\n";
        let j = Journal::from_text("v.up", text);
        let h = &j.handles[0];
        assert_eq!(j.verdict(h, date("2026-03-30")).verdict, Verdict::Late);
        assert_eq!(
            j.due_expected(h, date("2026-03-30")),
            Some(date("2026-03-20"))
        );
        assert_eq!(
            j.due_expected(h, date("2026-03-10")),
            Some(date("2026-03-13"))
        );
    }

    #[test]
    fn a_slip_naming_an_active_boss_hands_the_promise_over() {
        let text = "boss @lena\n  until: 2026-03-31\nboss @omar\n  since: 2026-04-01\n\
            2026-03-20 promise ^c due:2026-04-08 Runbook\n\
            2026-04-02 slip ^c @omar due:2026-04-09 Omar takes it\n\
            2026-04-07 done ^c\n";
        let j = Journal::from_text("v.up", text);
        let h = &j.handles[0];
        let name = |set: crate::model::BossSet| {
            set.iter().map(|b| j.boss(b).id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(name(j.promise_bosses(h, date("2026-03-31"))), ["lena"]);
        assert_eq!(name(j.promise_bosses(h, date("2026-04-02"))), ["omar"]);
        let done = h.done.expect("done");
        assert_eq!(name(j.entries[done as usize].bosses), ["omar"]);
        assert_eq!(j.verdict(h, date("2026-04-16")).verdict, Verdict::Kept);
    }
}
