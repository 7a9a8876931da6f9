//! `out-of-scope`: an unannounced initiative outside your role and your boss's priorities.
//!
//! > a `scope` is declared and an `initiative` without `informed:` has tags other than
//! > `#private`, none of which is in scope, under a scope tag, or the key of (or under) a
//! > priority active on its date
//!
//! `informed:no` counts as no `informed:` (as for `bypass`); tags under `#private` are
//! private too.

use std::collections::HashMap;

use super::context::{Ctx, Out, StatusLine, ancestors};
use crate::model::{Informed, Journal, TagId};
use crate::syntax::Kind;

/// `#a #b/c`
fn tag_list(journal: &Journal, tags: &[TagId]) -> String {
    let names: Vec<String> = tags
        .iter()
        .map(|&t| format!("#{}", journal.tag_name(t)))
        .collect();
    names.join(" ")
}

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    let journal = cx.journal;
    if journal.scope.is_empty() {
        return;
    }
    let private = journal.tags.get("private");
    let by_key: HashMap<TagId, StatusLine> = journal
        .priorities
        .iter()
        .filter_map(|p| Some((p.key, StatusLine::of(p)?)))
        .collect();
    for (id, e) in cx.of_kind(Kind::Initiative) {
        let informed = match e.fields.informed {
            None => "no `informed:` field",
            Some(Informed::No) => "`informed:no`",
            Some(_) => continue,
        };
        let mut tags: Vec<TagId> = Vec::new();
        for &t in journal.tags_of(e) {
            if private.is_none_or(|p| !journal.tags.is_under(t, p)) && !tags.contains(&t) {
                tags.push(t);
            }
        }
        let aligned = |t: TagId| {
            ancestors(journal, t).any(|a| {
                journal.scope.contains(&a) || by_key.get(&a).is_some_and(|p| p.active_on(e.date))
            })
        };
        if tags.is_empty() || tags.iter().any(|&t| aligned(t)) {
            continue;
        }
        out.warn(
            id,
            format!(
                "initiative tagged {} is outside your scope ({}) and every priority active on {}, with {informed}",
                tag_list(journal, &tags),
                tag_list(journal, &journal.scope),
                e.date
            ),
            &[],
        );
    }
}
