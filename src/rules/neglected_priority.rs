//! `neglected-priority`: a boss's priority with no recent work aligned to it.
//!
//! > as of today, an active priority of an active boss, at least N days old, with no aligned
//! > `did`/`initiative`/`win`/`update` (one with its key or a tag under it) in its last N
//! > non-away days (N = 14)
//!
//! The window counts back N days from today, today included, skipping the boss's away days;
//! with several active bosses, the longest of their windows. "Old" is counted, in calendar
//! days, from the entry that made the priority its boss's: its first, or a later one naming
//! (or defaulting to) another boss (docs/language.md §4). The warning points at that entry;
//! `allow:neglected-priority` on it or a later entry of the priority silences it.

use chrono::NaiveDate;

use super::context::{Ctx, Out, ancestors, plural, who};
use crate::model::{BossId, TagId};
use crate::period::days_between;
use crate::syntax::Kind;

/// The kinds of entries that count as work on a priority.
const ALIGNED: [Kind; 4] = [Kind::Did, Kind::Initiative, Kind::Win, Kind::Update];

/// For every tag (by id), the latest past aligned entry carrying it or a tag under it.
fn latest_work(cx: &Ctx<'_>) -> Vec<Option<NaiveDate>> {
    // One pass in journal order, so the last date seen for a tag is its latest.
    let mut by_tag: Vec<Option<NaiveDate>> = Vec::new();
    for e in cx.past().iter().filter(|e| ALIGNED.contains(&e.kind)) {
        for &t in cx.journal.tags_of(e) {
            let i = t.0 as usize;
            if i >= by_tag.len() {
                by_tag.resize(i + 1, None);
            }
            by_tag[i] = Some(e.date);
        }
    }
    let mut under = by_tag.clone();
    for (i, date) in by_tag.iter().enumerate() {
        let Some(date) = *date else { continue };
        for a in ancestors(cx.journal, TagId(i as u32)).skip(1) {
            if let Some(slot) = under.get_mut(a.0 as usize) {
                *slot = (*slot).max(Some(date));
            }
        }
    }
    under
}

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    let n = cx.number(out.code);
    let mut latest = None;
    for p in &cx.journal.priorities {
        let Some(state) = p.state_on(cx.today).filter(|s| s.is_active()) else {
            continue;
        };
        let active: Vec<BossId> = state
            .owners
            .iter()
            .filter(|&b| cx.boss(b).active_on(cx.today))
            .collect();
        let Some(start) = active.iter().map(|&b| cx.away(b).back(cx.today, n)).min() else {
            continue;
        };
        if days_between(state.since, cx.today) < i64::from(n) {
            continue;
        }
        let latest = latest.get_or_insert_with(|| latest_work(cx));
        let last = latest.get(p.key.0 as usize).copied().flatten();
        if last.is_some_and(|d| d >= start) {
            continue;
        }
        let allowed = p
            .changes
            .iter()
            .filter(|c| c.entry >= state.since_entry)
            .any(|c| cx.is_past(c.entry) && out.allowed(c.entry));
        if allowed {
            continue;
        }
        let title = if state.title.is_empty() {
            String::new()
        } else {
            format!(" ({})", state.title)
        };
        let owner = active
            .iter()
            .map(|&b| who(cx.boss(b)))
            .collect::<Vec<_>>()
            .join(", ");
        let last = last.map_or(String::new(), |d| format!("; the last was on {d}"));
        out.warn(
            state.since_entry,
            format!(
                "priority #{}{title} of {owner} has no aligned did, initiative, win or update in its last {} (since {start}){last}",
                cx.journal.tag_name(p.key),
                plural(i64::from(n), "non-away day"),
            ),
            &[],
        );
    }
}
