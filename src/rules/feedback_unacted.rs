//! `feedback-unacted`: feedback received but not acted on.
//!
//! > a `feedback` that is neither `tone:positive` nor `tone:neutral`, dated more than N days before today, with no
//! > action or an open one (N = 14)
//!
//! Every action in the feedback's body counts, whoever owns it; one that names a promise is
//! open while that promise has no `done`.

use super::context::{Ctx, Out, plural};
use crate::model::{ItemForm, Tone};
use crate::period::days_between;
use crate::syntax::Kind;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    let limit = i64::from(cx.number(out.code));
    for (id, e) in cx.of_kind(Kind::Feedback) {
        let age = days_between(e.date, cx.today);
        if matches!(e.fields.tone, Some(Tone::Positive | Tone::Neutral)) || age <= limit {
            continue;
        }
        let actions = cx
            .journal
            .items_of(e)
            .iter()
            .filter(|i| matches!(i.form, ItemForm::Action(_)));
        let (total, open) = actions.fold((0, 0), |(t, o), i| (t + 1, o + cx.action_open(i) as i64));
        let state = match (total, open) {
            (0, _) => "has no action".to_string(),
            (_, 0) => continue,
            (_, n) => format!("still has {} open", plural(n, "action")),
        };
        let tone = e
            .fields
            .tone
            .map_or(String::new(), |t| format!("{} ", t.as_str()));
        out.warn(
            id,
            format!(
                "{tone}feedback of {} is {} old, more than {}, and {state}",
                e.date,
                plural(age, "day"),
                limit
            ),
            &[],
        );
    }
}
