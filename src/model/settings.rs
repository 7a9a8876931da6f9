//! What `set CODE off|on|N` and `set settle N|off` say; the codes are those of
//! [`crate::rules::codes`].

use std::collections::HashMap;

use crate::diag::{Diagnostic, Span, codes};
use crate::rules::codes::{RULES, rule_index};

/// The name `set` takes for the age at which past-event warnings settle.
pub const SETTLE: &str = "settle";

/// Days after which a past-event warning settles, unless the journal says otherwise.
pub const SETTLE_DEFAULT: u32 = 30;

/// A set of rule codes, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeSet(u16);

impl CodeSet {
    pub fn insert(&mut self, index: usize) {
        self.0 |= 1 << index;
    }

    pub fn contains(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }

    pub fn contains_code(self, code: &str) -> bool {
        rule_index(code).is_some_and(|i| self.contains(i))
    }
}

/// What `set` lines say, journal-wide.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    off: CodeSet,
    numbers: HashMap<usize, u32>,
    seen: HashMap<usize, (Setting, Span)>,
    /// `set settle`: `None` until set.
    settle: Option<(Setting, Span)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Setting {
    Off,
    On,
    Number(u32),
}

impl Settings {
    pub fn enabled(&self, code: &str) -> bool {
        rule_index(code).is_some_and(|i| !self.off.contains(i))
    }

    /// The rule's number as set in the journal, else its default.
    pub fn number(&self, code: &str) -> Option<u32> {
        let i = rule_index(code)?;
        self.numbers.get(&i).copied().or(RULES[i].number)
    }

    /// Whether the journal set the rule's number itself.
    pub fn number_was_set(&self, code: &str) -> bool {
        rule_index(code).is_some_and(|i| self.numbers.contains_key(&i))
    }

    /// The age in days past which a past-event warning settles; `None` with `set settle off`.
    pub fn settle(&self) -> Option<u32> {
        match self.settle {
            None | Some((Setting::On, _)) => Some(SETTLE_DEFAULT),
            Some((Setting::Number(n), _)) => Some(n),
            Some((Setting::Off, _)) => None,
        }
    }

    /// Applies `set CODE VALUE` (spans of the code and the value).
    pub fn apply(
        &mut self,
        code: &str,
        code_span: Span,
        value: &str,
        value_span: Span,
    ) -> Result<(), Diagnostic> {
        if code == SETTLE {
            let setting = parse(code, value, value_span)?;
            if let Some((earlier, span)) = self.settle
                && !agree(earlier, setting)
            {
                return Err(twice(code, value_span, span));
            }
            // `on` agrees with a number and keeps it.
            if self.settle.is_none() || setting != Setting::On {
                self.settle = Some((setting, value_span));
            }
            return Ok(());
        }
        let index = rule_index(code).ok_or_else(|| unknown_code(codes::SET, code, code_span))?;
        let setting = parse(code, value, value_span)?;
        if let Setting::Number(_) = setting
            && RULES[index].number.is_none()
        {
            return Err(Diagnostic::error(
                codes::SET,
                value_span,
                format!("`{code}` takes no number; write `set {code} on` or `set {code} off`"),
            ));
        }
        if let Some(&(earlier, span)) = self.seen.get(&index)
            && !agree(earlier, setting)
        {
            return Err(twice(code, value_span, span));
        }
        self.seen.entry(index).or_insert((setting, value_span));
        match setting {
            Setting::Off => self.off.insert(index),
            Setting::On => {}
            Setting::Number(n) => {
                self.numbers.insert(index, n);
            }
        }
        Ok(())
    }
}

/// `off`, `on` or a whole number ≥ 1, as the value of `set CODE`.
fn parse(code: &str, value: &str, span: Span) -> Result<Setting, Diagnostic> {
    Ok(match value {
        "off" => Setting::Off,
        "on" => Setting::On,
        _ => Setting::Number(crate::model::values::parse_positive(value).ok_or_else(|| {
            Diagnostic::error(
                codes::SET,
                span,
                format!(
                    "`{value}` is not a value for `set {code}`; write `on`, `off` or a whole number ≥ 1"
                ),
            )
        })?),
    })
}

/// Whether two `set` lines for one code say the same: `on` agrees with any number.
fn agree(a: Setting, b: Setting) -> bool {
    match (a, b) {
        (Setting::Off, Setting::Off) => true,
        (Setting::Off, _) | (_, Setting::Off) => false,
        (Setting::Number(a), Setting::Number(b)) => a == b,
        _ => true,
    }
}

fn twice(code: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::error(
        codes::SET,
        span,
        format!("`set {code}` is given two different values"),
    )
    .with_related(first, "first set here")
}

/// The error for a code that is not a rule's, with the nearest code suggested.
pub fn unknown_code(class: &'static str, code: &str, span: Span) -> Diagnostic {
    let near = crate::syntax::names::suggest(code, RULES.iter().map(|r| r.code));
    let message = match near {
        Some(near) => format!("unknown rule code `{code}`; did you mean `{near}`?"),
        None => format!("unknown rule code `{code}`"),
    };
    let diag =
        Diagnostic::error(class, span, message).with_help("`upward explain` lists every code");
    match near {
        Some(near) => diag.with_fix(format!("change to `{near}`"), span, near),
        None => diag,
    }
}
