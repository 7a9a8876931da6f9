//! Commitments as of a date: open actions (yours, the boss's, the promises a boss made in a
//! `career` talk) and promises with the due date in force and where they stand.

use chrono::NaiveDate;
use serde::Serialize;

use super::facts::{EntryRef, belongs, item_text, label, past};
use crate::model::{BossSet, Entry, Handle, HandleKind, Item, ItemForm, Journal, Status, Verdict};
use crate::syntax::{ActionState, Kind};

/// Whether an action is open as of `date`: one naming a promise is open while the promise has
/// no `done` on or before `date`; any other by its box.
pub fn action_open(journal: &Journal, item: &Item, date: NaiveDate) -> bool {
    let promise = item
        .handle
        .map(|h| journal.handle(h))
        .filter(|h| h.kind == HandleKind::Promise);
    match (promise, item.form) {
        (Some(h), _) => done_on(journal, h, date).is_none(),
        (None, ItemForm::Action(state)) => state == ActionState::Open,
        (None, _) => false,
    }
}

/// An open action as reports show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    /// The owner's id without `@`; `null` for you.
    pub owner: Option<String>,
    /// Owned by the boss of the entry it stands in.
    pub by_boss: bool,
    /// Owned by the boss in a `career` talk: the boss's promise to you.
    pub career_promise: bool,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    /// The line of the action itself.
    pub line: u32,
    /// The entry it stands in.
    pub entry: EntryRef,
    /// The promise the action mirrors (it holds the promise's `^handle`).
    #[serde(skip)]
    pub promise: Option<crate::model::HandleId>,
}

impl Action {
    /// Yours (0), the boss's (1), someone else's (2): the order agendas list them in.
    pub fn owner_group(&self) -> usize {
        match (&self.owner, self.by_boss) {
            (None, _) => 0,
            (Some(_), true) => 1,
            (Some(_), false) => 2,
        }
    }
}

/// Every action open as of `date` in entries of `bosses` dated on or before it, oldest first.
pub fn open_actions(journal: &Journal, bosses: BossSet, date: NaiveDate) -> Vec<Action> {
    let mut out = Vec::new();
    for e in &journal.entries[..past(journal, date)] {
        if !belongs(e, bosses) {
            continue;
        }
        for item in journal.items_of(e) {
            let is_action = matches!(item.form, ItemForm::Action(_));
            if !is_action || !action_open(journal, item, date) {
                continue;
            }
            let by_boss = item
                .owner
                .is_some_and(|p| e.bosses.iter().any(|b| journal.boss(b).person == p));
            out.push(Action {
                owner: item.owner.map(|p| journal.person_name(p).to_string()),
                by_boss,
                career_promise: by_boss && e.kind == Kind::Career,
                text: item_text(journal, item),
                due: item.due,
                overdue: item.due.is_some_and(|d| d < date),
                line: journal.sources.position(journal.item_span(item)).line,
                entry: EntryRef::new(journal, e),
                promise: item
                    .handle
                    .filter(|&h| journal.handle(h).kind == HandleKind::Promise),
            });
        }
    }
    out
}

/// The `done` that closes a promise, if it is dated on or before `date`.
pub fn done_on<'a>(journal: &'a Journal, h: &Handle, date: NaiveDate) -> Option<&'a Entry> {
    h.done
        .map(|d| &journal.entries[d as usize])
        .filter(|e| e.date <= date)
}

/// Whether a `done` closes its promise as dropped.
pub fn is_dropped(done: &Entry) -> bool {
    done.fields.status == Some(Status::Dropped)
}

/// A promise as reports show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Promise {
    pub text: String,
    pub due: Option<NaiveDate>,
    /// Its one verdict (docs/language.md §4).
    pub state: Verdict,
    pub done: Option<NaiveDate>,
    pub entry: EntryRef,
}

impl Promise {
    /// How a pending promise's due date reads in a list: `(due 2026-04-24)`, or `(broken,
    /// due 2026-03-27)` once that date has passed, with its verdict's word.
    pub fn due_note(&self) -> String {
        let due = self.due.map_or(String::new(), |d| format!("due {d}"));
        match self.state {
            Verdict::Broken => format!("(broken, {due})"),
            _ => format!("({due})"),
        }
    }
}

/// A promise's state as of `date`, by the due date in force then.
pub fn promise(journal: &Journal, h: &Handle, date: NaiveDate) -> Promise {
    let (due, done, state) = standing(journal, h, date);
    let def = &journal.entries[h.def as usize];
    Promise {
        text: label(journal, def),
        due,
        state,
        done,
        entry: EntryRef::new(journal, def),
    }
}

/// A promise's due date in force, its `done` date and its state, as of `date`: the one
/// verdict of [`Journal::verdict`].
pub fn standing(
    journal: &Journal,
    h: &Handle,
    date: NaiveDate,
) -> (Option<NaiveDate>, Option<NaiveDate>, Verdict) {
    let s = journal.verdict(h, date);
    let done = s.done.map(|d| journal.entries[d as usize].date);
    (s.due, done, s.verdict)
}

/// The promises of `bosses` made on or before `date` whose due date, done date and state
/// pass `keep`, sorted by due date (then journal order).
pub fn promises_where(
    journal: &Journal,
    bosses: BossSet,
    date: NaiveDate,
    keep: impl Fn(Option<NaiveDate>, Option<NaiveDate>, Verdict) -> bool,
) -> Vec<Promise> {
    let mut out: Vec<Promise> = promises(journal, bosses, date)
        .filter(|h| {
            let (due, done, state) = standing(journal, h, date);
            keep(due, done, state)
        })
        .map(|h| promise(journal, h, date))
        .collect();
    out.sort_by_key(|p| p.due);
    out
}

/// Promises due to `bosses` as of `date` (a promise handed over is the new boss's), made on
/// or before `date`, in journal order.
pub fn promises<'a>(
    journal: &'a Journal,
    bosses: BossSet,
    date: NaiveDate,
) -> impl Iterator<Item = &'a Handle> + 'a {
    journal.handles.iter().filter(move |h| {
        let def = &journal.entries[h.def as usize];
        h.kind == HandleKind::Promise
            && def.date <= date
            && (bosses.is_empty() || journal.promise_bosses(h, date).0 & bosses.0 != 0)
    })
}

/// A pitch or problem of `bosses` still waiting for the boss's answer as of `date`: a pitch
/// with no `decision` since it was last pitched, a problem with no `decision` and no `done`
/// since it was raised. Each with the entry that raised it last, in journal order.
pub fn undecided(journal: &Journal, bosses: BossSet, date: NaiveDate) -> Vec<(&Handle, &Entry)> {
    let past = |id: u32| journal.entries[id as usize].date <= date;
    let mut out = Vec::new();
    for h in &journal.handles {
        let raised = match h.kind {
            HandleKind::Promise => continue,
            HandleKind::Pitch => h.pitches().rfind(|&p| past(p)),
            HandleKind::Problem => Some(h.def).filter(|&d| past(d)),
        };
        let Some(raised) = raised.filter(|&r| belongs(&journal.entries[r as usize], bosses)) else {
            continue;
        };
        // Entries are in journal order, so an answer after the raise has a larger id.
        let decided = h.decisions.iter().any(|&d| d > raised && past(d));
        let solved = h.kind == HandleKind::Problem && done_on(journal, h, date).is_some();
        if !decided && !solved {
            out.push((raised, h));
        }
    }
    out.sort_by_key(|&(raised, _)| raised);
    out.into_iter()
        .map(|(raised, h)| (h, &journal.entries[raised as usize]))
        .collect()
}
