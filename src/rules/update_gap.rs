//! `update-gap`: too long since your last status update to a boss.
//!
//! > likewise for `update` and `updates:` (N = 2)

use super::context::{Ctx, Out};
use super::gap::{self, Gap};
use crate::syntax::Kind;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    let gap = Gap {
        kind: Kind::Update,
        noun: "update to",
        key: "updates",
        rhythm: |boss| boss.updates,
    };
    gap::run(cx, out, &gap);
}
