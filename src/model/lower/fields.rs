//! Lowering one field of an entry: its key checked against the kind, its value parsed.

use std::num::NonZeroU32;

use super::{Cx, FieldUse, Seen};
use crate::diag::{Diagnostic, Span, codes};
use crate::model::entry::{Fields, Informed};
use crate::model::intern::PersonId;
use crate::model::settings;
use crate::model::values::{self, Outcome, Status, Tone};
use crate::syntax::{FieldHost, FieldKey, Kind};

impl Cx<'_, '_> {
    pub(super) fn field(&mut self, kind: Kind, f: FieldUse, fields: &mut Fields, seen: &mut Seen) {
        if !f.key.taken_by(FieldHost::Entry(kind)) {
            self.err(not_taken(f.key, f.key_span, &format!("`{kind}`")));
            return;
        }
        if let Some(first) = seen[f.key as usize] {
            self.err(twice(f.key, f.key_span, first));
            return;
        }
        seen[f.key as usize] = Some(f.key_span);
        fields.present |= 1 << f.key as u32;
        let bad = |what: &str| field_error(f.key, f.value, f.span, what);
        let value_span = Span::new(
            self.file,
            f.span.end as usize - f.value.len(),
            f.span.end as usize,
        );
        // Stores a parsed value, or yields the error for a value of the wrong form.
        macro_rules! typed {
            ($slot:expr, $parsed:expr, $expected:expr) => {
                match $parsed {
                    Some(value) => {
                        $slot = Some(value);
                        None
                    }
                    None => Some(bad($expected)),
                }
            };
        }
        let error = match f.key {
            FieldKey::Due => typed!(fields.due, values::parse_date(f.value), "a date YYYY-MM-DD"),
            FieldKey::Until => typed!(
                fields.until,
                values::parse_date(f.value),
                "a date YYYY-MM-DD"
            ),
            FieldKey::Rank => typed!(
                fields.rank,
                values::parse_positive(f.value).and_then(NonZeroU32::new),
                "a whole number ≥ 1"
            ),
            FieldKey::Status if kind == Kind::Done => typed!(
                fields.status,
                Status::parse(f.value).filter(|s| *s == Status::Dropped),
                "only `dropped` on a `done` (without it, the promise was kept)"
            ),
            FieldKey::Status => typed!(
                fields.status,
                Status::parse(f.value),
                "active, done or dropped"
            ),
            FieldKey::Dur => typed!(
                fields.dur,
                values::parse_duration(f.value).and_then(values::Minutes::new),
                "a duration like 30m, 1h or 1h30m"
            ),
            FieldKey::Tone => typed!(
                fields.tone,
                Tone::parse(f.value),
                "positive, negative, mixed or neutral"
            ),
            FieldKey::Outcome => typed!(
                fields.outcome,
                Outcome::parse(f.value),
                "accepted, declined or parked"
            ),
            FieldKey::Informed => {
                let parsed = values::Informed::parse(f.value).map(|i| match i {
                    values::Informed::Person(p) => {
                        Informed::Person(PersonId(self.out.people.intern(&p)))
                    }
                    values::Informed::Yes => Informed::Yes,
                    values::Informed::No => Informed::No,
                });
                typed!(fields.informed, parsed, "@person, yes or no")
            }
            // Free text: any value is valid, and the journal reads it from the tree.
            FieldKey::Impact | FieldKey::Via | FieldKey::Solution => None,
            FieldKey::Allow => match crate::rules::codes::rule_index(f.value) {
                Some(i) => {
                    fields.allow.insert(i);
                    None
                }
                None => Some(settings::unknown_code(
                    codes::FIELD_VALUE,
                    f.value,
                    value_span,
                )),
            },
            FieldKey::Cadence
            | FieldKey::Updates
            | FieldKey::Detail
            | FieldKey::Words
            | FieldKey::Channel
            | FieldKey::Since => None,
        };
        if let Some(diag) = error {
            self.err(diag);
        }
    }
}

pub(super) fn not_taken(key: FieldKey, span: Span, host: &str) -> Diagnostic {
    Diagnostic::error(
        codes::FIELD_KIND,
        span,
        format!(
            "{host} does not take `{key}:`; it is taken by {}",
            key.takers()
        ),
    )
}

pub(super) fn twice(key: FieldKey, span: Span, first: Span) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_FIELD,
        span,
        format!("`{key}:` is given twice"),
    )
    .with_related(first, "first given here")
}

pub(super) fn field_error(key: FieldKey, value: &str, span: Span, expected: &str) -> Diagnostic {
    Diagnostic::error(
        codes::FIELD_VALUE,
        span,
        format!("`{key}:{value}` is not valid; `{key}` takes {expected}"),
    )
}
