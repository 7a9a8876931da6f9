//! `checkin-gap`: too long since your last check-in with a boss.
//!
//! > for an active boss, today minus the last `checkin` (or minus `since`, else the boss's
//! > first entry) exceeds the `cadence` length plus N grace days, away days not counted (N = 2)

use super::context::{Ctx, Out};
use super::gap::{self, Gap};
use crate::syntax::Kind;

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    let gap = Gap {
        kind: Kind::Checkin,
        noun: "check-in with",
        key: "cadence",
        rhythm: |boss| boss.cadence,
    };
    gap::run(cx, out, &gap);
}
