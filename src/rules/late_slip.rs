//! `late-slip`: moving a promise's due date only after it has passed.
//!
//! > a `slip` dated after the due date that it moves
//!
//! The due date it moves is the one in force just before it: that of the slip before it, else
//! the promise's own. The warning also points at the promise.

use chrono::NaiveDate;

use super::context::{Ctx, Out, plural};
use super::promises::{dues, past_promises};
use crate::model::EntryId;
use crate::period::days_between;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    for h in past_promises(cx) {
        let mut before: Option<(EntryId, NaiveDate)> = None;
        for (by, due) in dues(cx, h) {
            let slip = cx.entry(by);
            if let Some((set_by, moved)) = before.filter(|&(_, moved)| slip.date > moved) {
                let mut related = vec![(
                    cx.journal.entry_span(cx.entry(h.def)),
                    "the promise it moves",
                )];
                if set_by != h.def {
                    related.push((
                        cx.journal.entry_span(cx.entry(set_by)),
                        "that due date was set here",
                    ));
                }
                out.warn(
                    by,
                    format!(
                        "slip of ^{} on {} moves a due date that passed on {moved} ({} late)",
                        h.name,
                        slip.date,
                        plural(days_between(moved, slip.date), "day")
                    ),
                    &related,
                );
            }
            before = Some((by, due));
        }
    }
}
