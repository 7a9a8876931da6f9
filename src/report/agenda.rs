//! `upward agenda`: the next 1:1 with one boss, ready to paste into the meeting doc: open
//! actions (yours and theirs, oldest first), open `?` points (planned entries' too), promises
//! due within 14 days or overdue, pitches and problems still waiting for a decision, and when
//! you last asked for feedback.

use chrono::NaiveDate;
use serde::Serialize;

use super::commitments::{self, Action, Promise, PromiseState};
use super::facts::{self, EntryRef, boss_set, plus};
use crate::model::{BossId, EntryId, HandleKind, ItemForm, Journal};
use crate::syntax::{FieldKey, Kind};

/// Days ahead for promises on the agenda.
pub const PROMISE_DAYS: i64 = 14;

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub boss: BossId,
}

/// An open `?` point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Point {
    pub text: String,
    /// The point's own line.
    pub line: u32,
    /// Written in a planned entry (dated after today).
    pub planned: bool,
    pub entry: EntryRef,
}

/// A pitch or problem with no decision since it was last raised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Undecided {
    pub kind: &'static str,
    pub text: String,
    pub solution: Option<String>,
    /// How many times the idea was pitched.
    pub pitches: usize,
    pub entry: EntryRef,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Agenda {
    pub boss: String,
    pub name: String,
    pub today: NaiveDate,
    /// The first planned check-in with this boss.
    pub next_checkin: Option<NaiveDate>,
    pub actions: Vec<Action>,
    pub points: Vec<Point>,
    pub promises: Vec<Promise>,
    pub undecided: Vec<Undecided>,
    pub feedback_last_asked: Option<NaiveDate>,
    pub days_since_feedback_asked: Option<i64>,
}

impl Agenda {
    /// How many items the agenda holds.
    pub fn len(&self) -> usize {
        self.actions.len() + self.points.len() + self.promises.len() + self.undecided.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Agenda {
    let boss = options.boss;
    let bosses = boss_set(&[boss]);
    let mine = |id: EntryId| journal.entries[id as usize].bosses.contains(boss);
    let past = |id: EntryId| journal.entries[id as usize].date <= today;
    let b = journal.boss(boss);
    let mut points = Vec::new();
    let mut next_checkin = None;
    let mut last_ask = None;
    for e in journal.entries.iter().filter(|e| e.bosses.contains(boss)) {
        let planned = e.date > today;
        if planned && e.kind == Kind::Checkin && next_checkin.is_none() {
            next_checkin = Some(e.date);
        }
        if !planned && e.kind == Kind::Ask {
            last_ask = Some(e.date);
        }
        for item in journal
            .items_of(e)
            .iter()
            .filter(|i| i.form == ItemForm::Question)
        {
            points.push(Point {
                text: facts::item_text(journal, item),
                line: journal.sources.position(journal.item_span(item)).line,
                planned,
                entry: EntryRef::new(journal, e),
            });
        }
    }
    let horizon = plus(today, PROMISE_DAYS);
    let open = |due: Option<NaiveDate>, _, state| {
        matches!(state, PromiseState::Open | PromiseState::Overdue)
            && due.is_some_and(|d| d <= horizon)
    };
    let promises = commitments::promises_where(journal, bosses, today, open);
    let mut undecided = Vec::new();
    for h in &journal.handles {
        let raised = match h.kind {
            HandleKind::Promise => continue,
            HandleKind::Pitch => h.pitches().rfind(|&p| past(p)),
            HandleKind::Problem => Some(h.def).filter(|&d| past(d)),
        };
        let Some(raised) = raised.filter(|&r| mine(r)) else {
            continue;
        };
        // Entries are in journal order, so a decision after the raise has a larger id.
        let decided = h
            .decisions
            .iter()
            .any(|&d| d > raised && journal.entries[d as usize].date <= today);
        if !decided {
            let e = &journal.entries[raised as usize];
            undecided.push(Undecided {
                kind: h.kind.as_str(),
                text: facts::label(journal, e),
                solution: journal
                    .field_text(e, FieldKey::Solution)
                    .map(str::to_string),
                pitches: h.pitch_count(),
                entry: EntryRef::new(journal, e),
            });
        }
    }
    Agenda {
        boss: b.id.clone(),
        name: b.display().to_string(),
        today,
        next_checkin,
        actions: commitments::open_actions(journal, bosses, today),
        points,
        promises,
        undecided,
        feedback_last_asked: last_ask,
        days_since_feedback_asked: last_ask.map(|d| crate::period::days_between(d, today)),
    }
}
