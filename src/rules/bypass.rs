//! `bypass`: going over your boss's head without telling them.
//!
//! > an `escalate` without `informed:` (or with `informed:no`)

use super::context::{Ctx, Out, who};
use crate::model::Informed;
use crate::syntax::Kind;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    for (id, e) in cx.of_kind(Kind::Escalate) {
        let how = match e.fields.informed {
            None => "it has no `informed:` field",
            Some(Informed::No) => "it says `informed:no`",
            Some(_) => continue,
        };
        let to = cx.journal.people_of(e).first().map_or(String::new(), |&p| {
            format!(" to @{}", cx.journal.person_name(p))
        });
        let boss = e
            .bosses
            .iter()
            .next()
            .map_or("your boss".to_string(), |b| who(cx.boss(b)));
        out.warn(
            id,
            format!("escalation{to} on {} without telling {boss}: {how}", e.date),
            &[],
        );
    }
}
