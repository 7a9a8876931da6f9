//! `problem-without-solution`: a problem raised without a proposed fix.
//!
//! > a `problem` without a `solution:`

use super::context::{Ctx, Out};
use crate::syntax::{FieldKey, Kind};

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    for (id, e) in cx
        .of_kind(Kind::Problem)
        .filter(|(_, e)| !e.fields.has(FieldKey::Solution))
    {
        let name = e.handle.map_or(String::new(), |h| {
            format!(" ^{}", cx.journal.handle(h).name)
        });
        out.warn(
            id,
            format!(
                "problem{name} of {} proposes no fix: it has no `solution:` field",
                e.date
            ),
            &[],
        );
    }
}
