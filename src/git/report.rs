//! `upward history`'s report: priority churn, backfilled and edited entries, a timeline; and
//! the backfilled set that `streaks --strict` uses.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::GitError;
use super::analyse::{Analysis, analyse};
use super::blame::UNKNOWN;
use super::churn;
use super::walk::CommitMeta;
use crate::diag::FileId;
use crate::model::{Entry, Journal};

/// Days between an entry's date and its first commit beyond which it is backfilled.
pub const BACKFILL_DAYS: i64 = 3;

/// The report. Its JSON is exactly docs/language.md §8's: `{priorities, backfilled, edited}`; the
/// timeline, entry texts and notes are for the terminal.
#[derive(Debug, Serialize)]
pub struct HistoryReport {
    pub priorities: Vec<PriorityChurn>,
    pub backfilled: Vec<BackfilledEntry>,
    pub edited: Vec<EditedEntry>,
    #[serde(skip)]
    pub timeline: Vec<Week>,
    #[serde(skip)]
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PriorityChurn {
    /// The priority's key, without `#`.
    pub key: String,
    #[serde(skip)]
    pub title: String,
    pub changes: Vec<ChurnChange>,
}

#[derive(Debug, Serialize)]
pub struct ChurnChange {
    /// The date of the priority entry that makes the change.
    pub date: NaiveDate,
    pub commit: String,
    pub summary: String,
    #[serde(skip)]
    pub committed: NaiveDate,
}

#[derive(Debug, Serialize)]
pub struct BackfilledEntry {
    pub file: String,
    pub line: u32,
    pub date: NaiveDate,
    /// The author date of the first commit.
    pub committed: NaiveDate,
    pub commit: String,
    #[serde(skip)]
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct EditedEntry {
    pub file: String,
    pub line: u32,
    pub date: NaiveDate,
    pub commit: String,
    #[serde(skip)]
    pub committed: NaiveDate,
    #[serde(skip)]
    pub text: String,
}

/// One ISO week of the timeline: journal commits, entries they added, edits they made, and
/// how many of the added entries were backfilled.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Week {
    pub week: String,
    pub commits: usize,
    pub added: usize,
    pub edits: usize,
    pub backfilled: usize,
}

/// True when an entry first committed by `first` is backfilled.
fn is_backfilled(entry_date: NaiveDate, first: Option<&CommitMeta>) -> bool {
    first.is_some_and(|c| (c.date() - entry_date).num_days() > BACKFILL_DAYS)
}

/// Builds the report; `since` keeps only commits authored on or after that date.
pub fn report(journal: &Journal, analysis: &Analysis, since: Option<NaiveDate>) -> HistoryReport {
    let commit = |c: u32| (c != UNKNOWN).then(|| analysis.commit(c)).flatten();
    let kept = |c: &CommitMeta| since.is_none_or(|s| c.date() >= s);
    let place = |e: &Entry| {
        let file = journal.sources.get(e.file).name.clone();
        (file, e.line + 1)
    };
    let mut backfilled = Vec::new();
    let mut edited = Vec::new();
    let mut weeks: BTreeMap<(i32, u32), (HashSet<u32>, Week)> = BTreeMap::new();
    let mut timeline_events: Vec<(u32, u8)> = Vec::new();
    for (i, e) in journal.entries.iter().enumerate() {
        let Some(h) = &analysis.entries[i] else {
            continue;
        };
        let (file, line) = place(e);
        if let Some(c) = commit(h.first).filter(|c| kept(c)) {
            let late = is_backfilled(e.date, Some(c));
            timeline_events.push((h.first, if late { 2 } else { 1 }));
            if late {
                backfilled.push(BackfilledEntry {
                    file: file.clone(),
                    line,
                    date: e.date,
                    committed: c.date(),
                    commit: c.id.to_string(),
                    text: journal.text(e),
                });
            }
        }
        for change in &h.changes {
            let Some(c) = commit(change.commit).filter(|c| kept(c)) else {
                continue;
            };
            timeline_events.push((change.commit, 0));
            edited.push(EditedEntry {
                file: file.clone(),
                line,
                date: e.date,
                commit: c.id.to_string(),
                committed: c.date(),
                text: journal.text(e),
            });
        }
    }
    for (id, kind) in timeline_events {
        let Some(c) = commit(id) else { continue };
        let d = c.date().iso_week();
        let slot = weeks.entry((d.year(), d.week())).or_default();
        slot.1.week = format!("{}-W{:02}", d.year(), d.week());
        if slot.0.insert(id) {
            slot.1.commits += 1;
        }
        match kind {
            0 => slot.1.edits += 1,
            1 => slot.1.added += 1,
            _ => {
                slot.1.added += 1;
                slot.1.backfilled += 1;
            }
        }
    }
    edited.sort_by(|a, b| (&a.file, a.line, a.committed).cmp(&(&b.file, b.line, b.committed)));
    HistoryReport {
        priorities: churn::churn(journal, analysis, since),
        backfilled,
        edited,
        timeline: weeks.into_values().map(|(_, w)| w).collect(),
        notes: analysis.notes.clone(),
    }
}

/// The backfilled entries of a journal (for `streaks --strict`): entries whose first commit's
/// author date is more than [`BACKFILL_DAYS`] days after their date.
#[derive(Debug, Default, Clone)]
pub struct Backfilled {
    entries: HashSet<(FileId, u32)>,
}

impl Backfilled {
    /// True when the entry was backfilled. Entries not committed yet are not.
    pub fn contains(&self, e: &Entry) -> bool {
        self.entries.contains(&(e.file, e.line))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Reads git for `journal` (using the history cache) and returns its backfilled entries.
pub fn backfilled(journal: &Journal) -> Result<Backfilled, GitError> {
    let analysis = analyse(journal, false)?;
    let entries = journal
        .entries
        .iter()
        .zip(&analysis.entries)
        .filter_map(|(e, h)| {
            let first = h.as_ref()?.first;
            let c = (first != UNKNOWN).then(|| analysis.commit(first)).flatten();
            is_backfilled(e.date, c).then_some((e.file, e.line))
        })
        .collect();
    Ok(Backfilled { entries })
}
