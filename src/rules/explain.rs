//! The text of `upward explain CODE`, one file per code in `explain/`: every rule's, and
//! every error's (`diag::codes::ERRORS`), which teach how to fix the line instead of how
//! to tune a rule.

macro_rules! texts {
    ($($code:literal),+ $(,)?) => {
        /// The explanation of a rule or an error code, or `None` for an unknown code.
        pub fn text(code: &str) -> Option<&'static str> {
            match code {
                $($code => Some(include_str!(concat!("explain/", $code, ".md"))),)+
                _ => None,
            }
        }
    };
}

texts!(
    "out-of-scope",
    "repitch",
    "over-update",
    "verbose-update",
    "bypass",
    "overcommit",
    "checkin-gap",
    "update-gap",
    "promise-overdue",
    "late-slip",
    "problem-without-solution",
    "feedback-unacted",
    "neglected-priority",
    "unquantified-win",
    // Errors.
    "encoding",
    "too-long",
    "syntax",
    "date",
    "time",
    "unknown-kind",
    "missing",
    "field-value",
    "field-kind",
    "duplicate-field",
    "handle",
    "orphan-body",
    "indented-entry",
    "include",
    "boss",
    "set",
);

/// Every code `upward explain` knows: the rules', then the errors'.
pub fn codes() -> impl Iterator<Item = &'static str> {
    (crate::model::RULE_CODES.iter().map(|r| r.code))
        .chain(crate::diag::codes::ERRORS.iter().copied())
}

/// The one-line summary of a rule: its explanation's first line after `code: `.
pub fn summary(code: &str) -> &'static str {
    text(code)
        .and_then(|t| t.lines().next())
        .and_then(|l| l.split_once(": ").map(|(_, s)| s))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RULE_CODES;

    #[test]
    fn every_code_is_explained() {
        for rule in RULE_CODES {
            let text = text(rule.code).unwrap_or_else(|| panic!("no text for {}", rule.code));
            assert!(
                text.starts_with(&format!("{}: ", rule.code)),
                "{}",
                rule.code
            );
            assert!(!summary(rule.code).is_empty());
            for section in ["What it means", "Why it matters", "Example", "Tuning"] {
                assert!(text.contains(section), "{} lacks {section}", rule.code);
            }
        }
    }

    #[test]
    fn every_error_code_is_explained_with_a_fix() {
        for &code in crate::diag::codes::ERRORS {
            let text = text(code).unwrap_or_else(|| panic!("no text for {code}"));
            assert!(text.starts_with(&format!("{code}: ")), "{code}");
            assert!(!summary(code).is_empty());
            for section in [
                "What it means",
                "Why it matters",
                "Example",
                "How to fix it",
            ] {
                assert!(text.contains(section), "{code} lacks {section}");
            }
        }
    }
}
