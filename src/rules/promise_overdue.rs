//! `promise-overdue`: a promise past its due date and not yet done.
//!
//! > a promise's due date (that of its latest `slip`, else its own) is before today and it has
//! > no `done`; it points at the promise
//!
//! A `done status:dropped` closes it too. A `done` dated after today is a plan, not a close.

use super::context::{Ctx, Out, plural};
use super::promises::{done, dues, past_promises};
use crate::period::days_between;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    for h in past_promises(cx).filter(|h| done(cx, h).is_none()) {
        let Some((by, due)) = dues(cx, h).last() else {
            continue;
        };
        if due >= cx.today {
            continue;
        }
        let late = plural(days_between(due, cx.today), "day");
        let slip = (by != h.def).then(|| cx.entry(by));
        let moved = slip.map_or(String::new(), |s| {
            format!(" (moved by the slip of {})", s.date)
        });
        let related: Vec<_> = slip
            .map(|s| (cx.journal.entry_span(s), "due date moved here"))
            .into_iter()
            .collect();
        out.warn(
            h.def,
            format!(
                "promise ^{} was due {due}{moved} and has no done: {late} overdue",
                h.name
            ),
            &related,
        );
    }
}
