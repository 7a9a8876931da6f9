//! `upward agenda`: the next 1:1 with one boss, ready to paste into the meeting doc: open
//! actions (yours, then theirs, then others', each oldest first; an action that mirrors a
//! promise shows once, as the promise), open `?` points (planned entries' too), promises due
//! within 14 days or overdue, pitches and problems still waiting for a decision, feedback not
//! yet acted on, neglected priorities, and when you last asked for feedback. For a boss who
//! started within the last 30 days, a handover part: the previous boss's open actions, the
//! promises still due to them (to hand over with `slip ^h @new`) and their priorities active
//! on their last day that the new boss has not restated (to confirm).

use chrono::NaiveDate;
use serde::Serialize;

use super::commitments::{self, Action, Promise};
use super::facts::{self, EntryRef, PriorityRef, boss_set, plus};
use crate::model::Verdict;
use crate::model::{BossId, BossSet, HandleId, ItemForm, Journal, Tone};
use crate::period::days_between;
use crate::syntax::{FieldKey, Kind};

/// Days ahead for promises on the agenda.
pub const PROMISE_DAYS: i64 = 14;

/// How long after a boss's `since` the agenda holds a handover part.
pub const HANDOVER_DAYS: i64 = 30;

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

/// Feedback (neither positive nor neutral) with no action yet, or with one still open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unacted {
    pub tone: Option<&'static str>,
    pub text: String,
    pub actions: usize,
    pub open_actions: usize,
    pub entry: EntryRef,
}

/// An active priority with no recent aligned work (as `neglected-priority` finds it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Neglected {
    pub priority: PriorityRef,
    pub rank: Option<u32>,
    /// The latest aligned did, initiative, win or update, if any.
    pub last_work: Option<NaiveDate>,
    pub entry: EntryRef,
}

/// A promise still due to the previous boss, with the line that hands it over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HandOver {
    #[serde(flatten)]
    pub promise: Promise,
    /// The journal line that hands it to the new boss: `slip ^h @new due:DATE`.
    pub slip: String,
}

/// A priority of the previous boss, active on their last day, for the new boss to confirm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToConfirm {
    pub priority: PriorityRef,
    pub rank: Option<u32>,
    pub due: Option<NaiveDate>,
}

/// What a boss change leaves to settle with the new boss.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Handover {
    /// The previous boss's id, without `@`.
    pub from: String,
    pub name: String,
    /// The previous boss's last day.
    pub until: NaiveDate,
    pub actions: Vec<Action>,
    pub promises: Vec<HandOver>,
    pub priorities: Vec<ToConfirm>,
}

impl Handover {
    pub fn len(&self) -> usize {
        self.actions.len() + self.promises.len() + self.priorities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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
    pub feedback: Vec<Unacted>,
    pub neglected: Vec<Neglected>,
    pub feedback_last_asked: Option<NaiveDate>,
    pub days_since_feedback_asked: Option<i64>,
    pub handover: Option<Handover>,
}

impl Agenda {
    /// How many items the agenda holds.
    pub fn len(&self) -> usize {
        self.actions.len()
            + self.points.len()
            + self.promises.len()
            + self.undecided.len()
            + self.feedback.len()
            + self.neglected.len()
            + self.handover.as_ref().map_or(0, Handover::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Open actions of `bosses`' entries as of `today`, yours first, then the boss's, then
/// others', each oldest first; without those that mirror a promise. Returns the mirrored
/// promises too.
fn actions(journal: &Journal, bosses: BossSet, today: NaiveDate) -> (Vec<Action>, Vec<HandleId>) {
    let (mirrors, mut actions): (Vec<Action>, Vec<Action>) =
        commitments::open_actions(journal, bosses, today)
            .into_iter()
            .partition(|a| a.promise.is_some());
    actions.sort_by_key(Action::owner_group);
    (actions, mirrors.iter().filter_map(|a| a.promise).collect())
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Agenda {
    let boss = options.boss;
    let bosses = boss_set(&[boss]);
    let b = journal.boss(boss);
    let mut points = Vec::new();
    let mut next_checkin = None;
    let mut last_ask = None;
    let mut feedback = Vec::new();
    for e in journal.entries.iter().filter(|e| e.bosses.contains(boss)) {
        let planned = e.date > today;
        if planned && e.kind == Kind::Checkin && next_checkin.is_none() {
            next_checkin = Some(e.date);
        }
        if !planned && e.kind == Kind::Ask {
            last_ask = Some(e.date);
        }
        if !planned && e.kind == Kind::Feedback {
            feedback.extend(unacted(journal, e, today));
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
    let (actions, mirrored) = actions(journal, bosses, today);
    let horizon = plus(today, PROMISE_DAYS);
    let mut promises: Vec<Promise> = commitments::promises(journal, bosses, today)
        .filter_map(|h| {
            let p = commitments::promise(journal, h, today);
            let pending = matches!(p.state, Verdict::Open | Verdict::Broken);
            let soon = p.due.is_some_and(|d| d <= horizon);
            let mirror = mirrored.iter().any(|&m| std::ptr::eq(journal.handle(m), h));
            (pending && (soon || mirror)).then_some(p)
        })
        .collect();
    promises.sort_by_key(|p| p.due);
    let undecided = commitments::undecided(journal, bosses, today)
        .into_iter()
        .map(|(h, e)| Undecided {
            kind: h.kind.as_str(),
            text: facts::label(journal, e),
            solution: journal
                .field_text(e, FieldKey::Solution)
                .map(str::to_string),
            pitches: h.pitch_count(),
            entry: EntryRef::new(journal, e),
        })
        .collect();
    Agenda {
        boss: b.id.clone(),
        name: b.display().to_string(),
        today,
        next_checkin,
        actions,
        points,
        promises,
        undecided,
        feedback,
        neglected: neglected(journal, bosses, today),
        feedback_last_asked: last_ask,
        days_since_feedback_asked: last_ask.map(|d| days_between(d, today)),
        handover: handover(journal, boss, today),
    }
}

/// A feedback entry as the agenda shows it, when it still waits for an action: neither
/// `tone:positive` nor `tone:neutral`, with no action or an open one.
fn unacted(journal: &Journal, e: &crate::model::Entry, today: NaiveDate) -> Option<Unacted> {
    if matches!(e.fields.tone, Some(Tone::Positive | Tone::Neutral)) {
        return None;
    }
    let (mut actions, mut open) = (0, 0);
    for item in journal.items_of(e) {
        if matches!(item.form, ItemForm::Action(_)) {
            actions += 1;
            open += usize::from(commitments::action_open(journal, item, today));
        }
    }
    (actions == 0 || open > 0).then(|| Unacted {
        tone: e.fields.tone.map(|t| t.as_str()),
        text: facts::label(journal, e),
        actions,
        open_actions: open,
        entry: EntryRef::new(journal, e),
    })
}

/// The boss's priorities that `neglected-priority` warns about today, in rank order.
fn neglected(journal: &Journal, bosses: BossSet, today: NaiveDate) -> Vec<Neglected> {
    let warned = crate::rules::check_one(journal, today, "neglected-priority");
    if warned.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (p, state) in facts::ranked(journal, bosses, today) {
        let at = p.changes.iter().map(|c| c.entry).find(|&id| {
            let span = journal.entry_span(&journal.entries[id as usize]);
            warned
                .iter()
                .any(|d| (d.span.file, d.span.start) == (span.file, span.start))
        });
        let Some(at) = at else { continue };
        let last_work = journal.entries[..facts::past(journal, today)]
            .iter()
            .rev()
            .find(|e| {
                matches!(
                    e.kind,
                    Kind::Did | Kind::Initiative | Kind::Win | Kind::Update
                ) && facts::aligned(journal, e, p.key)
            })
            .map(|e| e.date);
        out.push(Neglected {
            priority: PriorityRef::new(journal, p, &state.title),
            rank: state.rank,
            last_work,
            entry: EntryRef::new(journal, &journal.entries[at as usize]),
        });
    }
    out
}

/// The handover part, for a boss whose `since` is at most [`HANDOVER_DAYS`] before today:
/// what the boss who left last before that day left open.
fn handover(journal: &Journal, boss: BossId, today: NaiveDate) -> Option<Handover> {
    let b = journal.boss(boss);
    let since = b
        .since
        .filter(|&s| s <= today && days_between(s, today) <= HANDOVER_DAYS)?;
    let previous = journal
        .boss_ids()
        .filter(|&p| p != boss)
        .filter_map(|p| journal.boss(p).until.map(|u| (u, p)))
        .filter(|&(u, _)| u < since)
        .max()?;
    let (until, prev) = previous;
    let from = boss_set(&[prev]);
    let (actions, _) = actions(journal, from, today);
    let promises = commitments::promises(journal, from, today)
        .filter_map(|h| {
            let p = commitments::promise(journal, h, today);
            let pending = matches!(p.state, Verdict::Open | Verdict::Broken);
            let due = p
                .due
                .map_or(String::new(), |d| format!(" due:{}", d.max(today)));
            pending.then(|| HandOver {
                slip: format!("{today} slip ^{} @{}{due}", h.name, b.id),
                promise: p,
            })
        })
        .collect();
    let priorities = facts::ranked(journal, from, until)
        .into_iter()
        .filter(|(p, _)| !facts::owned_by(p, boss_set(&[boss]), today))
        .map(|(p, s)| ToConfirm {
            priority: PriorityRef::new(journal, p, &s.title),
            rank: s.rank,
            due: s.due,
        })
        .collect();
    let prev_boss = journal.boss(prev);
    Some(Handover {
        from: prev_boss.id.clone(),
        name: prev_boss.display().to_string(),
        until,
        actions,
        promises,
        priorities,
    })
}
