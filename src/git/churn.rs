//! Priority churn: each commit that created a `priority` entry, or changed one's rank,
//! status, due date or title on its header line.

use chrono::NaiveDate;

use super::analyse::Analysis;
use super::blame::UNKNOWN;
use super::report::{ChurnChange, PriorityChurn};
use crate::model::{Entry, Journal, Status};

/// What a priority header sets: rank, status, due and title.
#[derive(Debug, Default, PartialEq, Eq)]
struct Sets {
    rank: Option<u32>,
    status: Option<Status>,
    due: Option<NaiveDate>,
    title: String,
}

fn sets_of(journal: &Journal, e: &Entry) -> Sets {
    Sets {
        rank: e.fields.rank.map(std::num::NonZeroU32::get),
        status: e.fields.status,
        due: e.fields.due,
        title: journal.title(e),
    }
}

/// Reads one header line on its own.
fn sets_of_line(text: &str) -> Option<Sets> {
    let j = Journal::from_text("history.up", &format!("{text}\n"));
    j.entries.first().map(|e| sets_of(&j, e))
}

fn describe(s: &Sets) -> String {
    let mut parts = Vec::new();
    if let Some(r) = s.rank {
        parts.push(format!("rank {r}"));
    }
    if let Some(st) = s.status {
        parts.push(format!("status {}", st.as_str()));
    }
    if let Some(d) = s.due {
        parts.push(format!("due {d}"));
    }
    if !s.title.is_empty() {
        parts.push(format!("“{}”", s.title));
    }
    parts.join(", ")
}

fn describe_change(old: &Sets, new: &Sets) -> Option<String> {
    let show = |v: Option<String>| v.unwrap_or_else(|| "none".into());
    let mut parts = Vec::new();
    if old.rank != new.rank {
        parts.push(format!(
            "rank {} → {}",
            show(old.rank.map(|r| r.to_string())),
            show(new.rank.map(|r| r.to_string()))
        ));
    }
    if old.status != new.status {
        let s = |x: Option<Status>| show(x.map(|s| s.as_str().to_string()));
        parts.push(format!("status {} → {}", s(old.status), s(new.status)));
    }
    if old.due != new.due {
        let d = |x: Option<NaiveDate>| show(x.map(|d| d.to_string()));
        parts.push(format!("due {} → {}", d(old.due), d(new.due)));
    }
    if old.title != new.title {
        parts.push(format!("title “{}” → “{}”", old.title, new.title));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Each commit that created a priority entry or changed one's rank, status, due or title on
/// its header line.
pub fn churn(
    journal: &Journal,
    analysis: &Analysis,
    since: Option<NaiveDate>,
) -> Vec<PriorityChurn> {
    let mut out = Vec::new();
    for p in &journal.priorities {
        let mut changes = Vec::new();
        for (n, change) in p.changes.iter().enumerate() {
            let e = &journal.entries[change.entry as usize];
            let Some(h) = &analysis.entries[change.entry as usize] else {
                continue;
            };
            let edits: Vec<_> = h.changes.iter().filter(|c| c.old.is_some()).collect();
            let created = edits
                .first()
                .and_then(|c| c.old.as_deref().and_then(sets_of_line))
                .unwrap_or_else(|| sets_of(journal, e));
            let verb = if n == 0 { "created" } else { "changed" };
            let mut push = |commit: u32, summary: String| {
                if let Some(c) = (commit != UNKNOWN)
                    .then(|| analysis.commit(commit))
                    .flatten()
                    && since.is_none_or(|s| c.date() >= s)
                {
                    changes.push(ChurnChange {
                        date: e.date,
                        commit: c.id.to_string(),
                        summary,
                        committed: c.date(),
                    });
                }
            };
            push(h.first, format!("{verb}: {}", describe(&created)));
            for edit in edits {
                let (Some(old), Some(new)) = (
                    edit.old.as_deref().and_then(sets_of_line),
                    edit.new.as_deref().and_then(sets_of_line),
                ) else {
                    continue;
                };
                if let Some(what) = describe_change(&old, &new) {
                    push(edit.commit, format!("edited the {} entry: {what}", e.date));
                }
            }
        }
        changes.sort_by_key(|c| (c.committed, c.date));
        if changes.is_empty() {
            continue;
        }
        let title = p
            .state_on(NaiveDate::MAX)
            .map(|s| s.title)
            .unwrap_or_default();
        out.push(PriorityChurn {
            key: journal.tag_name(p.key).to_string(),
            title,
            changes,
        });
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}
