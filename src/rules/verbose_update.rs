//! `verbose-update`: a status update longer than the boss's word limit.
//!
//! > an `update` with more words than the limit: text words of its description and body, not
//! > counting tags, people, handles, fields and comments (150 / 400)
//!
//! The limit is the boss's `words:`, else `set verbose-update N`, else 150 for a concise boss
//! and 400 for a detailed one. An update to several bosses is held to the smallest of their
//! limits; one with no boss to `set verbose-update N`, else 150.

use super::context::{Ctx, Out};
use crate::model::{Boss, Detail, Entry};
use crate::syntax::Kind;

const CONCISE: u32 = 150;
const DETAILED: u32 = 400;

/// Where a limit comes from.
enum Why<'a> {
    Words(&'a Boss),
    Set,
    Detail(Option<&'a Boss>),
}

/// A boss's limit (or the limit without a boss) and where it comes from.
fn limit<'a>(cx: &Ctx<'_>, code: &str, boss: Option<&'a Boss>) -> (u32, Why<'a>) {
    if let Some((b, n)) = boss.and_then(|b| b.words.map(|n| (b, n))) {
        (n, Why::Words(b))
    } else if cx.journal.settings.number_was_set(code) {
        (cx.number(code), Why::Set)
    } else if boss.is_some_and(|b| b.detail == Detail::Detailed) {
        (DETAILED, Why::Detail(boss))
    } else {
        (CONCISE, Why::Detail(boss))
    }
}

fn describe(why: Why<'_>, code: &str, n: u32) -> String {
    match why {
        Why::Words(b) => format!("words: {n} on @{}", b.id),
        Why::Set => format!("set {code} {n}"),
        Why::Detail(Some(b)) => format!("detail: {} on @{}", b.detail.as_str(), b.id),
        Why::Detail(None) => "the default for concise updates".to_string(),
    }
}

/// At most how many words an entry can hold: words are at least one byte and a separator
/// apart, so half its bytes, rounded up. Spares counting the words of short updates.
fn most_words(cx: &Ctx<'_>, e: &Entry) -> usize {
    let lines = &cx.journal.docs[e.file.0 as usize].lines;
    let header = cx.journal.entry_span(e);
    let end = match e.body().last() {
        Some(last) => lines.get(last as usize).map_or(header.end, |l| l.end),
        None => header.end,
    };
    (end.saturating_sub(header.start) as usize).div_ceil(2)
}

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    for (id, e) in cx.of_kind(Kind::Update) {
        let (max, why) = e
            .bosses
            .iter()
            .map(|b| limit(cx, out.code, Some(cx.boss(b))))
            .min_by_key(|(n, _)| *n)
            .unwrap_or_else(|| limit(cx, out.code, None));
        if most_words(cx, e) <= max as usize {
            continue;
        }
        let words = cx.journal.word_count(e);
        if words > max as usize {
            let why = describe(why, out.code, max);
            out.warn(
                id,
                format!("update of {words} words is over the limit of {max} ({why})"),
                &[],
            );
        }
    }
}
