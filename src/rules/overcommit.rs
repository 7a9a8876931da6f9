//! `overcommit`: more open promises than you can realistically keep.
//!
//! > a `promise` that makes more than N promises open on its date, itself included (N = 5)
//!
//! The promises open on a promise's date are those made up to it in journal order (itself
//! included) and not closed by a `done` (kept or dropped) dated on or before that date. A
//! `slip` changes nothing: a moved promise is still open. Promises to every boss count, since
//! they all draw on your time. A promise that is itself closed on its own date makes nothing
//! open, so it never fires.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::context::{Ctx, Out};
use super::promises::{done, past_promises};

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    let limit = cx.number(out.code) as usize;
    let mut made = 0;
    let mut closed = 0;
    // Close dates of the promises made so far and not yet counted as closed, earliest first.
    let mut closing = BinaryHeap::new();
    for h in past_promises(cx) {
        let date = cx.entry(h.def).date;
        made += 1;
        let close = done(cx, h).map(|d| cx.entry(d).date);
        if let Some(close) = close {
            closing.push(Reverse(close));
        }
        while closing.peek().is_some_and(|&Reverse(c)| c <= date) {
            closing.pop();
            closed += 1;
        }
        let open = made - closed;
        if open > limit && close.is_none_or(|c| c > date) {
            out.warn(
                h.def,
                format!(
                    "promise ^{} makes {open} promises open on {date}, more than {limit}",
                    h.name
                ),
                &[],
            );
        }
    }
}
