//! `upward draft`: a status-update draft for one boss, in Markdown, in four parts: *Risks*
//! (open promises overdue or due before the next update, open problems), *Asks* (pitches and
//! problems waiting for a decision), *Done* since the last `update` (grouped by priority in
//! rank order, then the rest; never repeating that update) and *Next* (open promises due in
//! the next period of the boss's `updates:` rhythm).
//!
//! The draft never repeats the last update: Done starts after that update in journal order,
//! and leaves out an item whose text the update already holds. Without an earlier update it
//! covers the last 14 days. Over the word limit, Done items go first, those of the
//! lowest-ranked priority first (the group outside the priorities before any priority), and
//! within a group did before initiative, promise done and win, unquantified before
//! quantified, oldest first; then Next items, then Asks. Risks always stay. A trailing
//! comment line says what was left out.

use chrono::NaiveDate;
use serde::Serialize;

use super::Report;
use super::commitments::{self, is_dropped};
use super::facts::{self, EntryRef, PriorityRef, boss_set};
use crate::model::Verdict;
use crate::model::{BossId, Detail, Entry, HandleKind, Journal};
use crate::period::{Period, Unit};
use crate::syntax::{FieldKey, Kind};

/// Days a draft covers when there is no earlier update.
pub const FIRST_DRAFT_DAYS: i64 = 14;

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub boss: BossId,
}

/// One line of the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DraftItem {
    /// `promise` or `problem` (risks); `pitch` or `problem` (asks); `did`, `initiative`,
    /// `done` or `win` (done); `promise` (next).
    pub kind: &'static str,
    /// The line as the draft writes it.
    pub text: String,
    pub words: usize,
    pub entry: EntryRef,
    /// Which part left-out items came from; the same for every item of one list otherwise.
    pub section: Section,
    #[serde(skip)]
    weight: (usize, u8, bool, NaiveDate),
}

/// The four parts of a draft, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Risks,
    Asks,
    Done,
    Next,
}

impl Section {
    pub fn title(self) -> &'static str {
        match self {
            Section::Risks => "Risks",
            Section::Asks => "Asks",
            Section::Done => "Done",
            Section::Next => "Next",
        }
    }
}

/// Done items under one priority, or under none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub priority: Option<PriorityRef>,
    pub items: Vec<DraftItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub boss: String,
    pub name: String,
    pub today: NaiveDate,
    /// The last update this draft follows.
    pub last_update: Option<EntryRef>,
    /// The first day Done covers.
    pub since: NaiveDate,
    /// The first day of the next period of the boss's `updates:` rhythm: an open promise due
    /// before it is a risk.
    pub next_update: NaiveDate,
    /// The last day of that next period: open promises due until then are Next.
    pub next_until: NaiveDate,
    pub limit: u32,
    /// Where the limit comes from: `words: 120 on @dev`.
    pub limit_from: String,
    pub words: usize,
    pub risks: Vec<DraftItem>,
    pub asks: Vec<DraftItem>,
    pub done: Vec<Group>,
    pub next: Vec<DraftItem>,
    /// What the word limit took out, the first taken first.
    pub left_out: Vec<DraftItem>,
    pub markdown: String,
}

/// The boss's word limit and where it comes from (as `verbose-update` reads it).
fn limit(journal: &Journal, boss: BossId) -> (u32, String) {
    let b = journal.boss(boss);
    if let Some(n) = b.words {
        (n, format!("words: {n} on @{}", b.id))
    } else if journal.settings.number_was_set("verbose-update") {
        let n = journal.settings.number("verbose-update").unwrap_or(150);
        (n, format!("set verbose-update {n}"))
    } else if b.detail == Detail::Detailed {
        (400, format!("detail: detailed on @{}", b.id))
    } else {
        (150, format!("detail: concise on @{}", b.id))
    }
}

/// Words as a reader counts them: not `#tags`, `@people` or `^handles`, not bare punctuation.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.trim_start_matches(['(', '*']))
        .filter(|w| !(w.starts_with('#') || w.starts_with('@') || w.starts_with('^')))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Normalised text, to tell whether the last update already said something.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An update's whole text: description and body.
fn update_text(journal: &Journal, e: &Entry) -> String {
    let mut text = journal.text(e);
    for item in journal.items_of(e) {
        text.push(' ');
        text.push_str(&journal.item_text(item));
    }
    plain(&text)
}

/// The Done line for an entry, its kind word and its weight within a group (higher stays).
fn done_line(journal: &Journal, e: &Entry) -> Option<(&'static str, String, u8)> {
    let text = facts::label(journal, e);
    Some(match e.kind {
        Kind::Did => ("did", text, 0),
        Kind::Initiative => ("initiative", format!("Initiative: {text}"), 1),
        Kind::Done if !is_dropped(e) => {
            let h = journal.handle(e.handle?);
            let what = facts::label_of(journal, h.def);
            match h.kind {
                HandleKind::Problem => ("done", format!("Solved: {what}"), 2),
                _ => ("done", format!("Done: {what}"), 2),
            }
        }
        Kind::Win => {
            let impact = facts::impact(journal, e).filter(|i| !text.contains(i.as_str()));
            let impact = impact.map_or(String::new(), |i| format!(" ({i})"));
            ("win", format!("Win: {text}{impact}"), 3)
        }
        _ => return None,
    })
}

fn item(
    journal: &Journal,
    section: Section,
    kind: &'static str,
    text: String,
    e: &Entry,
) -> DraftItem {
    DraftItem {
        kind,
        words: count_words(&text),
        text,
        entry: EntryRef::new(journal, e),
        section,
        weight: (0, 0, false, e.date),
    }
}

/// The period of the boss's update rhythm that holds `today` (weekly for `none`).
fn update_period(journal: &Journal, boss: BossId, today: NaiveDate) -> Period {
    let b = journal.boss(boss);
    let unit = Unit::of(b.updates).unwrap_or(Unit::Week);
    Period::containing(unit, today, b.since)
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Draft {
    let boss = options.boss;
    let bosses = boss_set(&[boss]);
    let b = journal.boss(boss);
    let past = facts::past(journal, today);
    let last = journal.entries[..past]
        .iter()
        .rposition(|e| e.kind == Kind::Update && e.bosses.contains(boss));
    let (start, since) = match last {
        Some(i) => (i + 1, journal.entries[i].date),
        None => {
            let since = facts::plus(today, -FIRST_DRAFT_DAYS);
            (journal.entries.partition_point(|e| e.date < since), since)
        }
    };
    let this_period = update_period(journal, boss, today);
    let next_period = this_period.next();

    // Risks: open promises due before the next update (overdue ones included), open problems.
    let mut risks = Vec::new();
    let mut next = Vec::new();
    let mut promised: Vec<(NaiveDate, &Entry)> = commitments::promises(journal, bosses, today)
        .filter_map(|h| {
            let (due, _, state) = commitments::standing(journal, h, today);
            let open = matches!(state, Verdict::Open | Verdict::Broken);
            due.filter(|_| open)
                .map(|due| (due, &journal.entries[h.def as usize]))
        })
        .collect();
    promised.sort_by_key(|&(due, _)| due);
    for (due, e) in promised {
        let text = facts::label(journal, e);
        if due < next_period.start {
            let when = if due < today {
                format!("overdue since {due}")
            } else {
                format!("due {due}")
            };
            risks.push(item(
                journal,
                Section::Risks,
                "promise",
                format!("{text} ({when})"),
                e,
            ));
        } else if due <= next_period.end {
            next.push(item(
                journal,
                Section::Next,
                "promise",
                format!("{text} (due {due})"),
                e,
            ));
        }
    }
    let undecided = commitments::undecided(journal, bosses, today);
    let mut asks = Vec::new();
    for &(h, e) in &undecided {
        let text = facts::label(journal, e);
        let solution = journal.field_text(e, FieldKey::Solution);
        if h.kind == HandleKind::Problem {
            let risk = match solution {
                Some(s) => format!(
                    "{}. Proposed: {}",
                    text.trim_end_matches('.'),
                    s.trim_end_matches('.')
                ),
                None => format!("{} (no fix proposed yet)", text.trim_end_matches('.')),
            };
            risks.push(item(journal, Section::Risks, "problem", risk, e));
            asks.push(item(
                journal,
                Section::Asks,
                "problem",
                format!("Decision on the fix for: {text}"),
                e,
            ));
        } else {
            asks.push(item(
                journal,
                Section::Asks,
                "pitch",
                format!("Pitch: {text}"),
                e,
            ));
        }
    }

    // Done since the last update, by priority.
    let said = last
        .map(|i| update_text(journal, &journal.entries[i]))
        .unwrap_or_default();
    let priorities = facts::ranked(journal, bosses, today);
    let keys: Vec<_> = priorities.iter().map(|(p, _)| p.key).collect();
    let mut done: Vec<Group> = priorities
        .iter()
        .map(|(p, s)| Group {
            priority: Some(PriorityRef::new(journal, p, &s.title)),
            items: Vec::new(),
        })
        .chain([Group {
            priority: None,
            items: Vec::new(),
        }])
        .collect();
    for e in journal.entries[start.min(past)..past]
        .iter()
        .filter(|e| e.bosses.contains(boss))
    {
        let Some((kind, text, weight)) = done_line(journal, e) else {
            continue;
        };
        let core = plain(&facts::text(journal, e));
        if !said.is_empty() && !core.is_empty() && said.contains(&core) {
            continue;
        }
        let defined = e
            .handle
            .filter(|_| e.kind == Kind::Done)
            .map(|h| &journal.entries[journal.handle(h).def as usize]);
        let group = facts::first_aligned(journal, e, &keys)
            .or_else(|| defined.and_then(|p| facts::first_aligned(journal, p, &keys)))
            .unwrap_or(keys.len());
        let quantified = facts::quantified(journal, e);
        let mut line = item(journal, Section::Done, kind, text, e);
        line.weight = (keys.len() - group, weight, quantified, e.date);
        done[group].items.push(line);
    }
    for g in &mut done {
        g.items.sort_by(|a, b| {
            b.weight
                .1
                .cmp(&a.weight.1)
                .then(a.entry.date.cmp(&b.entry.date))
        });
    }
    let (limit, limit_from) = limit(journal, boss);
    let mut draft = Draft {
        boss: b.id.clone(),
        name: b.display().to_string(),
        today,
        last_update: last.map(|i| EntryRef::new(journal, &journal.entries[i])),
        since,
        next_update: next_period.start,
        next_until: next_period.end,
        limit,
        limit_from,
        words: 0,
        risks,
        asks,
        done,
        next,
        left_out: Vec::new(),
        markdown: String::new(),
    };
    draft.trim();
    draft.done.retain(|g| !g.items.is_empty());
    draft.words = draft.total();
    draft.markdown = super::render::md::render(&draft.doc());
    draft
}

fn heading_words(g: &Group) -> usize {
    g.priority.as_ref().map_or(1, |p| count_words(&p.label()))
}

/// Words of one part: its heading (one word) and its lines; nothing when it is empty.
fn words(items: &[DraftItem]) -> usize {
    if items.is_empty() {
        0
    } else {
        1 + items.iter().map(|i| i.words).sum::<usize>()
    }
}

impl Draft {
    /// Words of the draft: each part's heading and lines, each Done group's heading.
    pub fn total(&self) -> usize {
        self.total_without(&[])
    }

    /// Takes out the least important items until the draft fits: Done items (least
    /// important first), then Next items (the latest due first), then Asks (the latest
    /// raised first). Risks stay.
    fn trim(&mut self) {
        let limit = self.limit as usize;
        let mut order: Vec<(usize, usize)> = self
            .done
            .iter()
            .enumerate()
            .flat_map(|(g, group)| (0..group.items.len()).map(move |i| (g, i)))
            .collect();
        order.sort_by_key(|&(g, i)| self.done[g].items[i].weight);
        let mut gone = vec![Vec::new(); self.done.len()];
        for (g, i) in order {
            if self.total_without(&gone) <= limit {
                break;
            }
            gone[g].push(i);
            self.left_out.push(self.done[g].items[i].clone());
        }
        for (g, mut idx) in gone.into_iter().enumerate() {
            idx.sort_unstable_by(|a, b| b.cmp(a));
            for i in idx {
                self.done[g].items.remove(i);
            }
        }
        for section in [Section::Next, Section::Asks] {
            while self.total() > limit {
                let list = match section {
                    Section::Next => &mut self.next,
                    _ => &mut self.asks,
                };
                match list.pop() {
                    Some(item) => self.left_out.push(item),
                    None => break,
                }
            }
        }
    }

    /// [`Draft::total`] with the Done items at `gone` (by group) taken out.
    fn total_without(&self, gone: &[Vec<usize>]) -> usize {
        let mut done = 0;
        for (g, group) in self.done.iter().enumerate() {
            let out = gone.get(g).map_or(&[][..], Vec::as_slice);
            let kept = (group.items.iter().enumerate()).filter(|(i, _)| !out.contains(i));
            let (n, words) = kept.fold((0, 0), |(n, w), (_, i)| (n + 1, w + i.words));
            if n > 0 {
                done += heading_words(group) + words;
            }
        }
        let done = if done > 0 { done + 1 } else { 0 };
        words(&self.risks) + words(&self.asks) + done + words(&self.next)
    }
}
