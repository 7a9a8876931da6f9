//! What `checkin-gap` and `update-gap` share: too long since the last entry of a kind.
//!
//! > for an active boss, today minus the last `checkin` (or minus `since`, else the boss's
//! > first entry) exceeds the `cadence` length plus N grace days, away days not counted
//!
//! The gap counts the days after the last entry up to today, less the boss's away days among
//! them, and fires when it is longer than the rhythm's length (1, 7, 14 or 31 days, divided by
//! N for `N/…`) plus N grace days. It points at the last entry, which may carry `allow:CODE`;
//! with none, at the `boss` line (and, when counted from the boss's first entry, at that too).

use super::context::{Ctx, Out, days_number, plural, rhythm_field, who};
use crate::model::{Boss, EntryId, Rhythm};
use crate::period::{add_days, days_between};
use crate::syntax::Kind;

/// One gap rule: the kind it counts and the boss's rhythm for it.
pub(super) struct Gap {
    pub kind: Kind,
    /// `check-in with`, `update to`: what the message says is missing.
    pub noun: &'static str,
    /// The boss field that sets the rhythm.
    pub key: &'static str,
    pub rhythm: fn(&Boss) -> Rhythm,
}

/// The latest past entry of `kind` for every boss.
fn latest(cx: &Ctx<'_>, kind: Kind) -> Vec<Option<EntryId>> {
    let mut last = vec![None; cx.journal.bosses.len()];
    let mut missing = last.len();
    for (id, e) in cx.of_kind(kind).rev() {
        if missing == 0 {
            break;
        }
        for b in e.bosses.iter() {
            if last[b.0 as usize].is_none() {
                last[b.0 as usize] = Some(id);
                missing -= 1;
            }
        }
    }
    last
}

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>, gap: &Gap) {
    let grace = cx.number(out.code);
    let last = latest(cx, gap.kind);
    for b in cx.active_bosses() {
        let boss = cx.boss(b);
        let rhythm = (gap.rhythm)(boss);
        let Some(length) = rhythm.gap_days() else {
            continue;
        };
        // Where the gap is counted from: (date, the entry it points at, how to say it).
        let (from, at, since) = match (last[b.0 as usize], boss.since, cx.first_entry(b)) {
            (Some(id), _, _) => (cx.entry(id).date, Some(id), ""),
            (None, Some(since), _) => (since, None, " they became your boss on"),
            (None, None, Some(first)) => (cx.entry(first).date, None, " their first entry on"),
            (None, None, None) => continue,
        };
        let away = cx.away(b).count(add_days(from, 1), cx.today);
        let days = days_between(from, cx.today) - away;
        if days as f64 <= length + f64::from(grace) {
            continue;
        }
        let not_counting = if away > 0 {
            format!(", not counting {away} away,")
        } else {
            String::new()
        };
        let message = format!(
            "no {} {} since{since} {from}: {}{not_counting} exceed {} + {} grace ({})",
            gap.noun,
            who(boss),
            plural(days, "day"),
            days_number(length),
            plural(i64::from(grace), "day"),
            rhythm_field(gap.key, rhythm)
        );
        match at {
            Some(id) => out.warn(id, message, &[]),
            None => {
                let first = cx.first_entry(b).filter(|_| boss.since.is_none());
                let related: Vec<_> = first
                    .map(|f| {
                        (
                            cx.journal.entry_span(cx.entry(f)),
                            "counted from this entry",
                        )
                    })
                    .into_iter()
                    .collect();
                out.warn_at(boss.span, message, &related);
            }
        }
    }
}
