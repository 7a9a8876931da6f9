//! What promise rules share: past promises, the due dates each has had, and whether it is done.

use chrono::NaiveDate;

use super::context::Ctx;
use crate::model::{EntryId, Handle, HandleKind};

/// Promises made on or before today, in journal order.
pub(super) fn past_promises<'a>(cx: &'a Ctx<'_>) -> impl Iterator<Item = &'a Handle> + 'a {
    cx.journal
        .handles
        .iter()
        .filter(move |h| h.kind == HandleKind::Promise && cx.is_past(h.def))
}

/// The due dates a promise has had, in order, each with the entry that set it: the promise's
/// own `due:`, then every past `slip`'s. The last one is the due date in force.
pub(super) fn dues<'a>(
    cx: &'a Ctx<'_>,
    h: &'a Handle,
) -> impl Iterator<Item = (EntryId, NaiveDate)> + 'a {
    std::iter::once(h.def)
        .chain(h.slips.iter().copied().filter(|&s| cx.is_past(s)))
        .filter_map(|id| cx.entry(id).fields.due.map(|due| (id, due)))
}

/// The `done` that closes a promise (kept or dropped), if it is past.
pub(super) fn done(cx: &Ctx<'_>, h: &Handle) -> Option<EntryId> {
    h.done.filter(|&d| cx.is_past(d))
}
