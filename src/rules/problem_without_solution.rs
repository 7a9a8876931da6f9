//! `problem-without-solution`: a problem raised without a proposed fix.
//!
//! > a `problem` without a `solution:`
//!
//! Such a warning settles with age like every past-event warning, and at once when the problem
//! is closed by a `done` or answered by a `decision` dated on or before today.

use super::context::{Ctx, Out};
use crate::syntax::{FieldKey, Kind};

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    for (id, e) in cx
        .of_kind(Kind::Problem)
        .filter(|(_, e)| !e.fields.has(FieldKey::Solution))
    {
        let handle = e.handle.map(|h| cx.journal.handle(h));
        let name = handle.map_or(String::new(), |h| format!(" ^{}", h.name));
        let resolved = handle.is_some_and(|h| {
            h.done.is_some_and(|d| cx.is_past(d)) || h.decisions.iter().any(|&d| cx.is_past(d))
        });
        out.warn_resolved(
            id,
            format!(
                "problem{name} of {} proposes no fix: it has no `solution:` field",
                e.date
            ),
            &[],
            resolved,
        );
    }
}
