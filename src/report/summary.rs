//! `upward report`: a period's summary. Priorities in rank order with their changes in the
//! period, each with its aligned work and its share of all work; work aligned with none;
//! check-ins; updates; feedback received and asked for; open actions (yours and the boss's,
//! with the promises a boss made in `career` talks); promises due, done and overdue; wins; and
//! the period's warnings.
//!
//! Only what happened counts: the period ends at today when it reaches past it, and states
//! (open actions, promises, warnings) are as of that end.

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar;
use super::commitments::{self, Action, Promise};
use super::facts::{self, EntryRef, PriorityRef, belongs, boss_set, dated};
use super::range::DateRange;
use super::warnings::{self, Warning};
use crate::model::Verdict;
use crate::model::{BossId, BossSet, Entry, ItemForm, Journal, Priority, Status};
use crate::period::add_days;
use crate::syntax::{FieldKey, Kind};

#[derive(Clone, Debug)]
pub struct Options {
    pub period: DateRange,
    /// The bosses to report on; empty for every entry.
    pub bosses: Vec<BossId>,
}

/// A priority in the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriorityLine {
    pub priority: PriorityRef,
    pub rank: Option<u32>,
    /// Its status at the end of the period.
    pub status: Status,
    /// Whose priority it is at the end of the period (boss ids without `@`).
    pub boss: Vec<String>,
    /// Its bosses had all left by the end of the period: a former boss's priority, not
    /// active whatever its status (docs/language.md §4).
    pub former: bool,
    pub changes: Vec<Change>,
    /// Its state from the period's start (when it stood then) and after each day that
    /// changed it: what a lane over the period shows.
    pub lane: Vec<LaneStep>,
    /// Where each of its `priority` entries stands (file, 1-based line), all dates: what
    /// `--redact` reads to leave out a priority set only by `#private` entries.
    #[serde(skip)]
    pub places: Vec<(String, u32)>,
    pub work: Vec<EntryRef>,
    /// Its aligned work as a share of all work in the period, in percent (rounded).
    pub share_percent: u32,
}

/// What one `priority` entry changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub date: NaiveDate,
    pub what: String,
}

/// A priority's state from a date on, until the next step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LaneStep {
    pub from: NaiveDate,
    pub rank: Option<u32>,
    pub status: Status,
    /// Whose priority it is (boss ids without `@`).
    pub boss: Vec<String>,
    /// Its bosses have all left: a former boss's priority, not active.
    pub former: bool,
}

impl PriorityLine {
    /// Active at the end of the period: neither done nor dropped, and its boss still there.
    pub fn is_active(&self) -> bool {
        self.status == Status::Active && !self.former
    }

    /// Its status in a word: `active`, `done`, `dropped`, or `former boss` when its boss left
    /// while it was active.
    pub fn status_word(&self) -> &'static str {
        if self.former && self.status == Status::Active {
            "former boss"
        } else {
            self.status.as_str()
        }
    }
}

impl LaneStep {
    /// Active over the step: neither done nor dropped, and its boss still there.
    pub fn is_active(&self) -> bool {
        self.status == Status::Active && !self.former
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checkin {
    pub boss: Vec<String>,
    pub minutes: Option<u32>,
    pub entry: EntryRef,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Update {
    pub boss: Vec<String>,
    pub via: Option<String>,
    pub words: usize,
    pub entry: EntryRef,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Feedback {
    pub tone: Option<&'static str>,
    /// Actions written under it, and how many are still open.
    pub actions: usize,
    pub open_actions: usize,
    pub entry: EntryRef,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Win {
    pub impact: Option<String>,
    pub quantified: bool,
    pub entry: EntryRef,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub period: DateRange,
    pub today: NaiveDate,
    /// The bosses reported on (ids); empty for all.
    pub bosses: Vec<String>,
    /// How many `did`, `initiative` and `win` entries the period holds.
    pub work: usize,
    pub priorities: Vec<PriorityLine>,
    pub unaligned: Vec<EntryRef>,
    pub checkins: Vec<Checkin>,
    pub updates: Vec<Update>,
    /// Each boss's check-in and update periods, met, missed, excused or open.
    pub calendar: Vec<calendar::Row>,
    pub feedback: Vec<Feedback>,
    pub asks: Vec<EntryRef>,
    pub actions: Vec<Action>,
    pub promises: Vec<Promise>,
    pub wins: Vec<Win>,
    pub warnings: Vec<Warning>,
}

fn boss_ids(journal: &Journal, set: BossSet) -> Vec<String> {
    set.iter().map(|b| journal.boss(b).id.clone()).collect()
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Summary {
    let DateRange { from, to, .. } = options.period;
    let end = to.min(today);
    let set = boss_set(&options.bosses);
    let entries = &journal.entries[dated(journal, from, end)];
    let mine = || entries.iter().filter(|e| belongs(e, set));
    let priorities = priorities(journal, set, from, end);
    let keys: Vec<_> = priorities.iter().map(|(p, _)| p.key).collect();
    let work: Vec<_> = mine().filter(|e| facts::is_work(e.kind)).collect();
    let lines = with_work(journal, &priorities, &work);
    let unaligned = work
        .iter()
        .filter(|e| facts::first_aligned(journal, e, &keys).is_none())
        .map(|e| EntryRef::new(journal, e))
        .collect();
    let of = |kind: Kind| mine().filter(move |e| e.kind == kind);
    let checkins = of(Kind::Checkin)
        .map(|e| Checkin {
            boss: boss_ids(journal, e.bosses),
            minutes: e.fields.dur.map(crate::model::values::Minutes::get),
            entry: EntryRef::new(journal, e),
        })
        .collect();
    let updates = of(Kind::Update)
        .map(|e| Update {
            boss: boss_ids(journal, e.bosses),
            via: journal.field_text(e, FieldKey::Via).map(str::to_string),
            words: journal.word_count(e),
            entry: EntryRef::new(journal, e),
        })
        .collect();
    let feedback = of(Kind::Feedback)
        .map(|e| feedback(journal, e, end))
        .collect();
    let wins = of(Kind::Win)
        .map(|e| Win {
            impact: facts::impact(journal, e),
            quantified: facts::quantified(journal, e),
            entry: EntryRef::new(journal, e),
        })
        .collect();
    let in_period = |due: Option<NaiveDate>, done: Option<NaiveDate>, state| {
        let due_in = due.is_some_and(|d| from <= d && d <= to);
        let done_in = done.is_some_and(|d| from <= d && d <= end);
        due_in || done_in || state == Verdict::Broken
    };
    let promises = commitments::promises_where(journal, set, end, in_period);
    Summary {
        period: options.period.clone(),
        today,
        bosses: options
            .bosses
            .iter()
            .map(|&b| journal.boss(b).id.clone())
            .collect(),
        work: work.len(),
        priorities: lines,
        unaligned,
        checkins,
        updates,
        calendar: calendar::build(journal, set, from, end, today),
        feedback,
        asks: of(Kind::Ask).map(|e| EntryRef::new(journal, e)).collect(),
        actions: if from <= today {
            commitments::open_actions(journal, set, end)
        } else {
            Vec::new()
        },
        promises,
        wins,
        warnings: if from <= today {
            warnings::of_period(journal, set, from, end)
        } else {
            Vec::new()
        },
    }
}

/// Each priority with its aligned work and that work's share of all work, active ones by
/// rank, then the rest.
fn with_work(
    journal: &Journal,
    priorities: &[(&Priority, PriorityLine)],
    work: &[&Entry],
) -> Vec<PriorityLine> {
    let mut lines: Vec<PriorityLine> = priorities
        .iter()
        .map(|(p, line)| {
            let aligned: Vec<EntryRef> = work
                .iter()
                .filter(|e| facts::aligned(journal, e, p.key))
                .map(|e| EntryRef::new(journal, e))
                .collect();
            let share = (aligned.len() * 100 + work.len() / 2)
                .checked_div(work.len())
                .unwrap_or(0);
            PriorityLine {
                work: aligned,
                share_percent: share as u32,
                ..line.clone()
            }
        })
        .collect();
    lines.sort_by_key(|l| {
        (
            !l.is_active(),
            l.rank.unwrap_or(u32::MAX),
            l.priority.key.clone(),
        )
    });
    lines
}

/// A feedback entry with how many of its actions are still open at `end`.
fn feedback(journal: &Journal, e: &Entry, end: NaiveDate) -> Feedback {
    let actions: Vec<_> = journal
        .items_of(e)
        .iter()
        .filter(|i| matches!(i.form, ItemForm::Action(_)))
        .collect();
    Feedback {
        tone: e.fields.tone.map(|t| t.as_str()),
        actions: actions.len(),
        open_actions: actions
            .iter()
            .filter(|i| commitments::action_open(journal, i, end))
            .count(),
        entry: EntryRef::new(journal, e),
    }
}

/// The priorities of the bosses active at some time in the period or changed in it, with
/// their state at its end and their changes in it.
fn priorities(
    journal: &Journal,
    set: BossSet,
    from: NaiveDate,
    end: NaiveDate,
) -> Vec<(&Priority, PriorityLine)> {
    let mut out = Vec::new();
    let ours = |p: &Priority| {
        facts::owned_by(p, set, from)
            || p.changes.iter().any(|c| {
                from <= c.date && c.date <= end && belongs(&journal.entries[c.entry as usize], set)
            })
    };
    for p in journal.priorities.iter().filter(|p| ours(p)) {
        let Some(state) = p.state_on(end) else {
            continue;
        };
        let changes: Vec<Change> = p
            .changes
            .iter()
            .filter(|c| from <= c.date && c.date <= end)
            .map(|c| Change {
                date: c.date,
                what: describe(journal, p, c),
            })
            .collect();
        let active_at_start = p.state_on(from).is_some_and(|s| s.is_active());
        if !active_at_start && changes.is_empty() {
            continue;
        }
        let line = PriorityLine {
            priority: PriorityRef::new(journal, p, &state.title),
            rank: state.rank,
            status: state.status,
            boss: boss_ids(journal, state.owners),
            former: state.former,
            changes,
            lane: lane(journal, p, from, end),
            places: p
                .changes
                .iter()
                .map(|c| {
                    let e = &journal.entries[c.entry as usize];
                    (journal.sources.get(e.file).name.clone(), e.line + 1)
                })
                .collect(),
            work: Vec::new(),
            share_percent: 0,
        };
        out.push((p, line));
    }
    out
}

/// A priority's lane from `from` to `end`: its state at `from` (when it stood then), then
/// after each day in the period with a change, and from the day after its bosses' last day.
fn lane(journal: &Journal, p: &Priority, from: NaiveDate, end: NaiveDate) -> Vec<LaneStep> {
    let mut days: Vec<NaiveDate> = vec![from];
    for c in &p.changes {
        days.push(c.date);
        if let Some(u) = c.owners_until {
            days.push(add_days(u, 1));
        }
    }
    days.retain(|&d| from <= d && d <= end);
    days.sort_unstable();
    days.dedup();
    days.into_iter()
        .filter_map(|day| {
            let state = p.state_on(day)?;
            Some(LaneStep {
                from: day,
                rank: state.rank,
                status: state.status,
                boss: boss_ids(journal, state.owners),
                former: state.former,
            })
        })
        .collect()
}

/// What a `priority` entry changed, from the state the day before; one that makes the
/// priority another boss's starts it over (docs/language.md §4), so what it gives is new.
fn describe(journal: &Journal, p: &Priority, c: &crate::model::PriorityChange) -> String {
    let before = p.state_on(add_days(c.date, -1));
    let mut parts = Vec::new();
    match &before {
        None => parts.push("new".to_string()),
        Some(_) if c.takes_over => {
            let ids = boss_ids(journal, c.owners);
            let who: Vec<String> = ids.iter().map(|b| format!("@{b}")).collect();
            parts.push(format!("now {}'s", who.join(" and ")));
        }
        Some(_) => {}
    }
    let was = before.as_ref().filter(|_| !c.takes_over);
    if let Some(r) = c.rank.filter(|&r| was.is_none_or(|s| s.rank != Some(r))) {
        match was.and_then(|s| s.rank) {
            Some(old) => parts.push(format!("rank {old} to {r}")),
            None => parts.push(format!("rank {r}")),
        }
    }
    let status_changed = |s: Status| match was {
        Some(w) => w.status != s,
        None => before.is_some() && s != Status::Active,
    };
    if let Some(s) = c.status.filter(|&s| status_changed(s)) {
        parts.push(if s == Status::Active {
            "active again".into()
        } else {
            s.as_str().to_string()
        });
    }
    if let Some(d) = c.due.filter(|&d| was.is_none_or(|s| s.due != Some(d))) {
        parts.push(format!("due {d}"));
    }
    let title_was = before
        .as_ref()
        .map(|s| s.title.as_str())
        .unwrap_or_default();
    if c.title
        .as_ref()
        .is_some_and(|t| !title_was.is_empty() && title_was != t)
    {
        parts.push("retitled".into());
    }
    if parts.is_empty() {
        "restated".into()
    } else {
        parts.join(", ")
    }
}
