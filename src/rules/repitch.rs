//! `repitch`: pitching a declined idea again before the cooloff has passed.
//!
//! > a `pitch` of a handle whose last `decision` before it was `declined`, dated at most N days
//! > after that decision (N = 30)
//!
//! "Before it" is journal order (date, time, load order), so a decline earlier the same day
//! counts, at 0 days.

use super::context::{Ctx, Out, plural};
use crate::model::{HandleKind, Outcome};
use crate::period::days_between;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    let cooloff = i64::from(cx.number(out.code));
    for h in cx
        .journal
        .handles
        .iter()
        .filter(|h| h.kind == HandleKind::Pitch)
    {
        // Pitches and decisions are both in journal order: walk them together.
        let mut decisions = h
            .decisions
            .iter()
            .copied()
            .filter(|&d| cx.is_past(d))
            .peekable();
        let mut last = None;
        for pitch in h.pitches().filter(|&p| cx.is_past(p)) {
            while let Some(d) = decisions.next_if(|&d| d < pitch) {
                last = Some(d);
            }
            let Some(decision) = last.map(|d| cx.entry(d)) else {
                continue;
            };
            let days = days_between(decision.date, cx.entry(pitch).date);
            if decision.fields.outcome == Some(Outcome::Declined) && days <= cooloff {
                out.warn(
                    pitch,
                    format!(
                        "pitch of ^{} {} after it was declined on {} (cooloff {})",
                        h.name,
                        plural(days, "day"),
                        decision.date,
                        plural(cooloff, "day")
                    ),
                    &[(cx.journal.entry_span(decision), "declined here")],
                );
            }
        }
    }
}
