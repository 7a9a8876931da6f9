//! What several reports read from the model: entries and priorities as they are shown, date
//! ranges of entries, whose a priority is, alignment with a priority, and quantified impact.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::text::{Word, WordKind, join};
use crate::model::{BossId, BossSet, Entry, EntryId, Item, Journal, Priority, TagId};
use crate::period::add_days;
use crate::syntax::{FieldKey, Kind, TokenKind};

/// An entry as reports show it: by its text, with where it stands as evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryRef {
    pub date: NaiveDate,
    pub kind: &'static str,
    pub text: String,
    pub file: String,
    pub line: u32,
}

impl EntryRef {
    pub fn new(journal: &Journal, e: &Entry) -> EntryRef {
        EntryRef {
            date: e.date,
            kind: e.kind.as_str(),
            text: text(journal, e),
            file: journal.sources.get(e.file).name.clone(),
            line: e.line + 1,
        }
    }
}

/// A priority as reports show it: its title with its `#key` beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriorityRef {
    pub key: String,
    pub title: String,
}

impl PriorityRef {
    pub fn new(journal: &Journal, p: &Priority, title: &str) -> PriorityRef {
        PriorityRef {
            key: journal.tag_name(p.key).to_string(),
            title: title.to_string(),
        }
    }

    /// `Ship billing v2 (#billing-v2)`, or `#billing-v2` for a priority without a title.
    pub fn label(&self) -> String {
        if self.title.is_empty() {
            format!("#{}", self.key)
        } else {
            format!("{} (#{})", self.title, self.key)
        }
    }
}

/// A set of bosses from a list.
pub fn boss_set(bosses: &[BossId]) -> BossSet {
    let mut set = BossSet::default();
    for &b in bosses {
        set.insert(b);
    }
    set
}

/// Whether an entry belongs to one of `bosses`; an empty set takes every entry.
pub fn belongs(e: &Entry, bosses: BossSet) -> bool {
    bosses.is_empty() || e.bosses.0 & bosses.0 != 0
}

/// Indexes of the entries dated from `from` to `to`, both included.
pub fn dated(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Range<usize> {
    let start = journal.entries.partition_point(|e| e.date < from);
    let end = journal.entries.partition_point(|e| e.date <= to);
    start..end.max(start)
}

/// How many entries are dated on or before `date`: the past as of that day.
pub fn past(journal: &Journal, date: NaiveDate) -> usize {
    journal.entries.partition_point(|e| e.date <= date)
}

use crate::model::text::is_number;

/// An entry's `impact:` value.
pub fn impact(journal: &Journal, e: &Entry) -> Option<String> {
    journal.field_text(e, FieldKey::Impact).map(str::to_string)
}

/// Whether an entry shows a number: in its `impact:` or among its description's plain words.
pub fn quantified(journal: &Journal, e: &Entry) -> bool {
    if journal
        .field_text(e, FieldKey::Impact)
        .is_some_and(is_number)
    {
        return true;
    }
    journal
        .description_words(e)
        .any(|w| w.kind == WordKind::Text && is_number(w.text))
}

/// Whether an entry carries `key` or a tag under it.
pub fn aligned(journal: &Journal, e: &Entry, key: TagId) -> bool {
    journal
        .tags_of(e)
        .iter()
        .any(|&t| journal.tags.is_under(t, key))
}

/// Whether an entry is work: `did`, `initiative` or `win`.
pub fn is_work(kind: Kind) -> bool {
    matches!(kind, Kind::Did | Kind::Initiative | Kind::Win)
}

/// Whose priority it is on `date`: the bosses of its latest entry on or before that date that
/// names or defaults to a boss (docs/language.md §4), empty before its first entry.
pub fn owners_on(p: &Priority, date: NaiveDate) -> BossSet {
    p.state_on(date).map_or(BossSet::default(), |s| s.owners)
}

/// Whether a priority belongs to one of `bosses` on `date` (every priority for an empty set).
pub fn owned_by(p: &Priority, bosses: BossSet, date: NaiveDate) -> bool {
    bosses.is_empty() || owners_on(p, date).0 & bosses.0 != 0
}

/// The priorities of any of `bosses` (all of them when `bosses` is empty) active on `date`
/// (a former boss's are not),
/// in rank order (unranked last, then by key), each with its state.
pub fn ranked(
    journal: &Journal,
    bosses: BossSet,
    date: NaiveDate,
) -> Vec<(&Priority, crate::model::PriorityState)> {
    let mut list: Vec<_> = journal
        .priorities
        .iter()
        .filter(|p| owned_by(p, bosses, date))
        .filter_map(|p| p.state_on(date).map(|s| (p, s)))
        .filter(|(_, s)| s.is_active())
        .collect();
    list.sort_by(|a, b| {
        let rank = |s: &crate::model::PriorityState| s.rank.unwrap_or(u32::MAX);
        rank(&a.1)
            .cmp(&rank(&b.1))
            .then_with(|| journal.tag_name(a.0.key).cmp(journal.tag_name(b.0.key)))
    });
    list
}

/// The first of `priorities` that an entry is aligned with.
pub fn first_aligned(journal: &Journal, e: &Entry, priorities: &[TagId]) -> Option<usize> {
    priorities.iter().position(|&k| aligned(journal, e, k))
}

/// Words as reports show them: without fields and handles, and without the people and tags
/// that stand before the first plain word (they route the entry; the report shows its boss
/// and priority on their own). Words inside the sentence stay as written.
fn shown<'a>(words: impl Iterator<Item = Word<'a>>) -> String {
    let mut started = false;
    join(
        words
            .filter(|w| match w.kind {
                WordKind::Field | WordKind::Token(TokenKind::Handle) => false,
                WordKind::Text => {
                    started = true;
                    true
                }
                WordKind::Token(_) => started,
            })
            .map(|w| w.text),
    )
}

/// An entry's description as reports show it (empty when it has only people, tags, handles
/// and fields).
pub fn text(journal: &Journal, e: &Entry) -> String {
    shown(journal.description_words(e))
}

/// A body item's words as reports show them (its `due:` and owner are shown on their own). An
/// action with nothing but a promise's handle shows the promise's text.
pub fn item_text(journal: &Journal, item: &Item) -> String {
    let text = shown((item.lines.0..=item.lines.1).flat_map(|l| journal.line_words(item.file, l)));
    match item.handle {
        _ if !text.is_empty() => text,
        Some(h) => label_of(journal, journal.handle(h).def),
        None => journal.item_text(item),
    }
}

/// An entry's text, or for one without words `promise of 2026-03-02`: something to show that
/// is never a handle alone.
pub fn label(journal: &Journal, e: &Entry) -> String {
    let text = text(journal, e);
    if text.is_empty() {
        format!("{} of {}", e.kind, e.date)
    } else {
        text
    }
}

/// [`label`] of an entry by id.
pub fn label_of(journal: &Journal, id: EntryId) -> String {
    label(journal, &journal.entries[id as usize])
}

/// Whole days from `from` to `to`, as a count for people: `today`, `1 day`, `12 days`.
pub fn days_ago(from: NaiveDate, to: NaiveDate) -> String {
    match crate::period::days_between(from, to) {
        0 => "today".into(),
        1 => "1 day ago".into(),
        n if n > 1 => format!("{n} days ago"),
        -1 => "tomorrow".into(),
        n => format!("in {} days", -n),
    }
}

/// `date` plus `days`.
pub fn plus(date: NaiveDate, days: i64) -> NaiveDate {
    add_days(date, days)
}

/// `n` with its noun, plural when needed: `1 week`, `3 weeks`.
pub fn count(n: impl Into<i64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
