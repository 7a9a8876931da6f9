//! `upward draft`: a status-update draft for one boss, in Markdown, of what happened since the
//! last `update` to them: work, initiatives, wins, promises done, problems with their
//! solutions, grouped by priority (rank order, then the rest), within the boss's word limit.
//!
//! The draft never repeats the last update: it starts after that update in journal order, and
//! leaves out an item whose text the update already holds. Without an earlier update it
//! covers the last 14 days. Over the limit, the least important items go first: the group
//! outside the priorities before the lowest-ranked priority and so on up, and within a
//! group did before initiative, promise done, win and problem, unquantified before
//! quantified, oldest first. A trailing comment line says what was left out.

use chrono::NaiveDate;
use serde::Serialize;

use super::Report;
use super::commitments::is_dropped;
use super::facts::{self, EntryRef, PriorityRef, boss_set};
use crate::model::{BossId, Detail, Entry, Journal};
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
    pub kind: &'static str,
    /// The line as the draft writes it.
    pub text: String,
    pub words: usize,
    pub entry: EntryRef,
    #[serde(skip)]
    weight: (usize, u8, bool, NaiveDate),
}

/// Items under one priority, or under none.
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
    /// The first day covered.
    pub since: NaiveDate,
    pub limit: u32,
    /// Where the limit comes from: `words: 120 on @dev`.
    pub limit_from: String,
    pub words: usize,
    pub groups: Vec<Group>,
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

/// The draft's line for an entry, its kind word and its weight within a group (higher stays).
fn line(journal: &Journal, e: &Entry) -> Option<(&'static str, String, u8)> {
    let text = facts::label(journal, e);
    Some(match e.kind {
        Kind::Did => ("did", text, 0),
        Kind::Initiative => ("initiative", format!("Initiative: {text}"), 1),
        Kind::Done => {
            let h = journal.handle(e.handle?);
            let promise = facts::label_of(journal, h.def);
            ("done", format!("Done: {promise}"), 2)
        }
        Kind::Win => {
            let impact = facts::impact(journal, e).filter(|i| !text.contains(i.as_str()));
            let impact = impact.map_or(String::new(), |i| format!(" ({i})"));
            ("win", format!("Win: {text}{impact}"), 3)
        }
        Kind::Problem => {
            let solution = journal
                .field_text(e, FieldKey::Solution)
                .map(|s| s.trim_end_matches('.').to_string());
            let solution = solution.map_or(" (no fix proposed yet)".to_string(), |s| {
                format!(". Proposed: {s}")
            });
            (
                "problem",
                format!("Risk: {}{solution}", text.trim_end_matches('.')),
                4,
            )
        }
        _ => return None,
    })
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Draft {
    let boss = options.boss;
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
    let said = last
        .map(|i| update_text(journal, &journal.entries[i]))
        .unwrap_or_default();
    let priorities = facts::ranked(journal, boss_set(&[boss]), today);
    let keys: Vec<_> = priorities.iter().map(|(p, _)| p.key).collect();
    let mut groups: Vec<Group> = priorities
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
        if e.kind == Kind::Done && is_dropped(e) {
            continue;
        }
        let Some((kind, text, weight)) = line(journal, e) else {
            continue;
        };
        let core = plain(&facts::text(journal, e));
        if !said.is_empty() && !core.is_empty() && said.contains(&core) {
            continue;
        }
        let promise = e
            .handle
            .filter(|_| e.kind == Kind::Done)
            .map(|h| &journal.entries[journal.handle(h).def as usize]);
        let group = facts::first_aligned(journal, e, &keys)
            .or_else(|| promise.and_then(|p| facts::first_aligned(journal, p, &keys)))
            .unwrap_or(keys.len());
        let quantified = facts::quantified(journal, e);
        groups[group].items.push(DraftItem {
            kind,
            words: count_words(&text),
            text,
            entry: EntryRef::new(journal, e),
            weight: (keys.len() - group, weight, quantified, e.date),
        });
    }
    for g in &mut groups {
        g.items.sort_by(|a, b| {
            b.weight
                .1
                .cmp(&a.weight.1)
                .then(a.entry.date.cmp(&b.entry.date))
        });
    }
    let (limit, limit_from) = limit(journal, boss);
    let left_out = trim(&mut groups, limit as usize);
    groups.retain(|g| !g.items.is_empty());
    let words = total(&groups);
    let mut draft = Draft {
        boss: b.id.clone(),
        name: b.display().to_string(),
        today,
        last_update: last.map(|i| EntryRef::new(journal, &journal.entries[i])),
        since,
        limit,
        limit_from,
        words,
        groups,
        left_out,
        markdown: String::new(),
    };
    draft.markdown = super::render::md::render(&draft.doc());
    draft
}

fn heading_words(g: &Group) -> usize {
    g.priority.as_ref().map_or(1, |p| count_words(&p.label()))
}

/// Words of the draft: each group's heading and lines.
fn total(groups: &[Group]) -> usize {
    groups
        .iter()
        .filter(|g| !g.items.is_empty())
        .map(|g| heading_words(g) + g.items.iter().map(|i| i.words).sum::<usize>())
        .sum()
}

/// Takes out the least important items until the draft fits; returns them, least important
/// first.
fn trim(groups: &mut [Group], limit: usize) -> Vec<DraftItem> {
    let mut words = total(groups);
    let mut order: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| (0..group.items.len()).map(move |i| (g, i)))
        .collect();
    order.sort_by_key(|&(g, i)| groups[g].items[i].weight);
    let mut out = Vec::new();
    let mut gone = vec![Vec::new(); groups.len()];
    for (g, i) in order {
        if words <= limit {
            break;
        }
        let item = &groups[g].items[i];
        words -= item.words;
        gone[g].push(i);
        if gone[g].len() == groups[g].items.len() {
            words -= heading_words(&groups[g]);
        }
        out.push(item.clone());
    }
    for (g, mut idx) in gone.into_iter().enumerate() {
        idx.sort_unstable_by(|a, b| b.cmp(a));
        for i in idx {
            groups[g].items.remove(i);
        }
    }
    out
}
