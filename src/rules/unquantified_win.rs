//! `unquantified-win`: a win without a number to show its impact.
//!
//! > a `win` with no number in its text or `impact:` (a number is a word starting with a
//! > digit, or with one of `$ € £ + - ~` followed by a digit; tags, people and handles do not
//! > count)
//!
//! "Its text" is the description (header and continuation lines), not body notes, as in
//! docs/language.md §4 where an update's words are "its text and body". A leading `(` is skipped, as it is
//! before a tag or person, so `(40%)` holds a number.

use super::context::{Ctx, Out, is_text};
use crate::model::text::is_number;
use crate::syntax::{FieldKey, Kind};

pub(super) fn run(cx: &Ctx<'_>, out: &mut Out<'_>) {
    for (id, e) in cx.of_kind(Kind::Win) {
        let impact = cx
            .journal
            .field_text(e, FieldKey::Impact)
            .is_some_and(is_number);
        let quantified = impact
            || cx
                .journal
                .description_words(e)
                .filter(is_text)
                .any(|w| is_number(w.text));
        if !quantified {
            out.warn(
                id,
                format!(
                    "win of {} has no number in its text or its `impact:` field",
                    e.date
                ),
                &[],
            );
        }
    }
}
