//! The text of `upward explain CODE`, one file per code of [`super::codes::TABLE`] in
//! `explain/`: every rule's, and every error's, which teach how to fix the line instead of
//! how to tune a rule.

/// The explanation of a rule or an error code, or `None` for an unknown code.
pub fn text(code: &str) -> Option<&'static str> {
    super::codes::find(code).map(|c| c.explanation)
}

/// Every code `upward explain` knows: the rules', then the errors'.
pub fn codes() -> impl Iterator<Item = &'static str> {
    super::codes::TABLE.iter().map(|c| c.code)
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
    use crate::rules::codes::{ERRORS, RULES};

    #[test]
    fn every_code_is_explained() {
        for rule in RULES {
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
        for code in ERRORS.iter().map(|c| c.code) {
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
