//! The text of `upward explain CODE`, one file per rule in `explain/`.

macro_rules! texts {
    ($($code:literal),+ $(,)?) => {
        /// The explanation of a rule, or `None` for an unknown code.
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
);

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
}
