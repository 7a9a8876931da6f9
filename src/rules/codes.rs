//! Every code `check` can print, in one table: what kind it is, the default of the number
//! `set CODE N` tunes, whether its warnings settle, and its explanation. The model reads it for
//! `set` and `allow:`, the rules for what to run, `upward explain` for its text; nothing else
//! lists codes.

use super::context::{Ctx, Out};
use super::{
    bypass, checkin_gap, feedback_unacted, late_slip, neglected_priority, out_of_scope,
    over_update, overcommit, problem_without_solution, promise_overdue, repitch, unquantified_win,
    update_gap, verbose_update,
};

/// What a code is (docs/language.md §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A rule of "respect boundaries": an entry that oversteps.
    Overstep,
    /// A rule of "manage up actively": something not done.
    Gap,
    /// A breach of the language: it cannot be silenced.
    Error,
}

/// What a rule runs.
pub(crate) type Run = fn(&Ctx<'_>, &mut Out<'_>);

/// One code of the table.
#[derive(Clone, Copy)]
pub struct Code {
    pub code: &'static str,
    pub kind: Kind,
    /// The default of the rule's one number, for a rule that has one.
    pub number: Option<u32>,
    /// Its warnings judge one past event and settle once the event is old enough; the other
    /// rules describe the present (docs/language.md §6).
    pub settles: bool,
    /// The text of `upward explain CODE`, from `explain/CODE.md`.
    pub explanation: &'static str,
    /// `None` for an error.
    pub(crate) run: Option<Run>,
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Code")
            .field("code", &self.code)
            .field("kind", &self.kind)
            .field("number", &self.number)
            .finish_non_exhaustive()
    }
}

/// A row: `code!(CODE, Kind, number, settles, run)` for a rule, `code!(CODE)` for an error.
macro_rules! code {
    ($code:literal, $kind:ident, $number:expr, $settles:expr, $run:path) => {
        Code {
            code: $code,
            kind: Kind::$kind,
            number: $number,
            settles: $settles,
            explanation: include_str!(concat!("explain/", $code, ".md")),
            run: Some($run),
        }
    };
    ($code:literal) => {
        Code {
            code: $code,
            kind: Kind::Error,
            number: None,
            settles: false,
            explanation: include_str!(concat!("explain/", $code, ".md")),
            run: None,
        }
    };
}

const SETTLES: bool = true;
const STATE: bool = false;

/// Every code, rules first in the order of docs/language.md §6 (the order `check` runs them
/// and `upward explain` lists them), then the errors.
#[rustfmt::skip]
pub const TABLE: &[Code] = &[
    code!("out-of-scope", Overstep, None, SETTLES, out_of_scope::run),
    code!("repitch", Overstep, Some(30), SETTLES, repitch::run),
    code!("over-update", Overstep, None, SETTLES, over_update::run),
    code!("verbose-update", Overstep, Some(150), SETTLES, verbose_update::run),
    code!("bypass", Overstep, None, SETTLES, bypass::run),
    code!("overcommit", Overstep, Some(5), SETTLES, overcommit::run),
    code!("checkin-gap", Gap, Some(2), STATE, checkin_gap::run),
    code!("update-gap", Gap, Some(2), STATE, update_gap::run),
    code!("promise-overdue", Gap, None, STATE, promise_overdue::run),
    code!("late-slip", Gap, None, SETTLES, late_slip::run),
    code!("problem-without-solution", Gap, None, SETTLES, problem_without_solution::run),
    code!("feedback-unacted", Gap, Some(14), STATE, feedback_unacted::run),
    code!("neglected-priority", Gap, Some(14), STATE, neglected_priority::run),
    code!("unquantified-win", Gap, None, SETTLES, unquantified_win::run),
    code!("encoding"),
    code!("too-long"),
    code!("syntax"),
    code!("date"),
    code!("time"),
    code!("unknown-kind"),
    code!("missing"),
    code!("field-value"),
    code!("field-kind"),
    code!("duplicate-field"),
    code!("handle"),
    code!("orphan-body"),
    code!("indented-entry"),
    code!("include"),
    code!("boss"),
    code!("set"),
];

/// How many rules [`TABLE`] starts with.
const RULE_COUNT: usize = {
    let mut n = 0;
    while n < TABLE.len() && !matches!(TABLE[n].kind, Kind::Error) {
        n += 1;
    }
    // Rules come first: every later row is an error, and a rule has a function to run.
    let mut i = 0;
    while i < TABLE.len() {
        assert!(matches!(TABLE[i].kind, Kind::Error) == (i >= n));
        assert!(TABLE[i].run.is_some() == (i < n));
        i += 1;
    }
    // `CodeSet` keeps one bit per rule.
    assert!(n <= 16);
    n
};

/// The rules: the codes `set` and `allow:` take, each with its index (the bit of `CodeSet`).
pub const RULES: &[Code] = TABLE.split_at(RULE_COUNT).0;

/// The error codes.
pub const ERRORS: &[Code] = TABLE.split_at(RULE_COUNT).1;

/// A code's row.
pub fn find(code: &str) -> Option<&'static Code> {
    TABLE.iter().find(|c| c.code == code)
}

/// The index of a rule's code in [`RULES`].
pub fn rule_index(code: &str) -> Option<usize> {
    RULES.iter().position(|r| r.code == code)
}

/// The overstep rules (docs/language.md §6 "respect boundaries").
pub fn oversteps() -> impl Iterator<Item = &'static str> {
    (RULES.iter())
        .filter(|r| r.kind == Kind::Overstep)
        .map(|r| r.code)
}

/// Whether a code's warnings judge one past event and settle with age.
pub fn settles(code: &str) -> bool {
    find(code).is_some_and(|c| c.settles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once() {
        for (i, c) in TABLE.iter().enumerate() {
            assert!(
                TABLE[..i].iter().all(|d| d.code != c.code),
                "{} twice",
                c.code
            );
        }
    }

    /// The constants the parser and the model report errors with are the table's errors
    /// (`io`, a file that cannot be read, has no line to explain).
    #[test]
    fn the_error_constants_are_the_tables_errors() {
        use crate::diag::codes::*;
        let constants = [
            ENCODING,
            TOO_LONG,
            SYNTAX,
            DATE,
            TIME,
            UNKNOWN_KIND,
            MISSING,
            FIELD_VALUE,
            FIELD_KIND,
            DUPLICATE_FIELD,
            HANDLE,
            BODY,
            INDENTED_ENTRY,
            INCLUDE,
            BOSS,
            SET,
        ];
        let mut errors: Vec<&str> = ERRORS.iter().map(|c| c.code).collect();
        let mut constants = constants.to_vec();
        errors.sort_unstable();
        constants.sort_unstable();
        assert_eq!(errors, constants);
    }

    #[test]
    fn oversteps_are_the_six_of_respect_boundaries() {
        let oversteps: Vec<&str> = oversteps().collect();
        assert_eq!(
            oversteps,
            [
                "out-of-scope",
                "repitch",
                "over-update",
                "verbose-update",
                "bypass",
                "overcommit"
            ]
        );
    }
}
