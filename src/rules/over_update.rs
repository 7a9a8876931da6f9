//! `over-update`: more status updates to one boss than their rhythm asks for.
//!
//! > an `update` to one boss that is past twice the expected count in one period of their
//! > `updates:` rhythm (the third in a week for `weekly`, the fifth for `2/week`)
//!
//! Every update past the limit fires. A boss with `updates: none` expects no rhythm, so this
//! rule leaves them alone.

use super::context::{Ctx, Out, expectation, ordinal, rhythm_field};
use crate::period::{Period, Unit};
use crate::syntax::Kind;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    // Per boss: the period of their latest update so far and how many updates it holds.
    let mut seen: Vec<Option<(Period, usize)>> = vec![None; cx.journal.bosses.len()];
    for (id, e) in cx.of_kind(Kind::Update) {
        for b in e.bosses.iter() {
            let boss = cx.boss(b);
            let Some(unit) = Unit::of(boss.updates) else {
                continue;
            };
            let slot = &mut seen[b.0 as usize];
            let (period, count) = match slot {
                Some((period, n)) if period.contains(e.date) => {
                    *n += 1;
                    (*period, *n)
                }
                _ => {
                    let period = Period::containing(unit, e.date, boss.since);
                    *slot = Some((period, 1));
                    (period, 1)
                }
            };
            let limit = 2 * boss.updates.count() as usize;
            if count > limit {
                out.warn(
                    id,
                    format!(
                        "{} update to @{} in {period}; {} expects {} ({})",
                        ordinal(count),
                        boss.id,
                        boss.display(),
                        expectation(boss.updates),
                        rhythm_field("updates", boss.updates)
                    ),
                    &[],
                );
            }
        }
    }
}
