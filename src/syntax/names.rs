//! The closed vocabularies of the language: entry kinds, directive keywords and field keys.

use std::fmt;

macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order the language reference lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word as written in a journal.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// Reads the word exactly as written (case-sensitive).
            pub fn from_word(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum! {
    /// The kind of an entry, the word after its date (and time).
    Kind {
        Priority = "priority",
        Checkin = "checkin",
        Update = "update",
        Feedback = "feedback",
        Ask = "ask",
        Did = "did",
        Initiative = "initiative",
        Win = "win",
        Problem = "problem",
        Promise = "promise",
        Done = "done",
        Slip = "slip",
        Pitch = "pitch",
        Decision = "decision",
        Escalate = "escalate",
        Career = "career",
        Away = "away",
    }
}

word_enum! {
    /// A column-0 keyword that starts a directive.
    DirectiveKind {
        Boss = "boss",
        Scope = "scope",
        Include = "include",
        Set = "set",
    }
}

word_enum! {
    /// The closed set of field keys (`key:value`).
    FieldKey {
        Due = "due",
        Rank = "rank",
        Status = "status",
        Dur = "dur",
        Via = "via",
        Tone = "tone",
        Outcome = "outcome",
        Until = "until",
        Impact = "impact",
        Informed = "informed",
        Allow = "allow",
        Solution = "solution",
        Cadence = "cadence",
        Updates = "updates",
        Detail = "detail",
        Words = "words",
        Channel = "channel",
        Since = "since",
    }
}

/// Where a field may stand besides entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldHost {
    Entry(Kind),
    Boss,
    Action,
}

impl FieldKey {
    /// Whether an entry of `kind` (or a boss directive, or an action line) takes this key.
    pub fn taken_by(self, host: FieldHost) -> bool {
        use FieldKey::*;
        use Kind::*;
        match host {
            FieldHost::Boss => matches!(
                self,
                Cadence | Updates | Detail | Words | Channel | Since | Until
            ),
            FieldHost::Action => matches!(self, Due),
            FieldHost::Entry(kind) => match self {
                Due => matches!(kind, Priority | Promise | Slip),
                Rank => kind == Priority,
                Status => matches!(kind, Priority | Done),
                Dur => kind == Checkin,
                Via => kind == Update,
                Tone => kind == Feedback,
                Outcome => kind == Decision,
                Until => kind == Away,
                Impact => kind == Win,
                Informed => matches!(kind, Escalate | Initiative),
                Allow => true,
                Solution => kind == Problem,
                Cadence | Updates | Detail | Words | Channel | Since => false,
            },
        }
    }

    /// A phrase naming what takes this key, for error messages.
    pub fn takers(self) -> String {
        let mut names: Vec<String> = Kind::ALL
            .iter()
            .filter(|k| self.taken_by(FieldHost::Entry(**k)))
            .map(|k| format!("`{k}`"))
            .collect();
        if self == FieldKey::Allow {
            return "every entry".to_string();
        }
        if self.taken_by(FieldHost::Boss) {
            names.push("`boss` directives".to_string());
        }
        if self.taken_by(FieldHost::Action) {
            names.push("actions".to_string());
        }
        match names.len() {
            0 => "nothing".to_string(),
            1 => names.remove(0),
            _ => {
                let last = names.pop().unwrap_or_default();
                format!("{} and {last}", names.join(", "))
            }
        }
    }
}

/// The longest word, in bytes, that a suggestion is looked for: a typo of a kind, a rule code
/// or a handle is short, and measuring a longer word against every candidate is wasted work
/// (the distance takes time in proportion to the product of the two lengths).
pub const SUGGEST_LIMIT: usize = 128;

/// The closest word of `candidates` to `word`, when it is close enough to be a likely typo.
/// A word over [`SUGGEST_LIMIT`] bytes gets none, without a look at the candidates, and a
/// candidate whose length alone puts it too far is skipped without measuring.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > SUGGEST_LIMIT {
        return None;
    }
    let word = word.to_lowercase();
    let chars = word.chars().count();
    let farthest = |c: &str| 2.max(c.len() / 4);
    candidates
        .into_iter()
        .filter(|c| chars.abs_diff(c.chars().count()) <= farthest(c))
        .map(|c| (strsim::damerau_levenshtein(&word, c), c))
        .filter(|(d, c)| *d <= farthest(c) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_kind() {
        let kinds = Kind::ALL.iter().map(|k| k.as_str());
        assert_eq!(suggest("chekin", kinds.clone()), Some("checkin"));
        assert_eq!(suggest("promis", kinds.clone()), Some("promise"));
        assert_eq!(suggest("zzzzzzzz", kinds), None);
    }

    /// Twenty lines of a megabyte-long unknown word once took minutes in the search for a
    /// near keyword: such a word is not measured against any candidate at all.
    #[test]
    fn a_megabyte_unknown_word_is_not_measured_against_candidates() {
        let pulled = std::cell::Cell::new(0);
        let candidates = || {
            Kind::ALL.iter().map(|k| {
                pulled.set(pulled.get() + 1);
                k.as_str()
            })
        };
        let long = "x".repeat(1 << 20);
        assert_eq!(suggest(&long, candidates()), None);
        let just_over = "x".repeat(SUGGEST_LIMIT + 1);
        assert_eq!(suggest(&just_over, candidates()), None);
        assert_eq!(pulled.get(), 0, "no candidate looked at");
        assert_eq!(suggest("chekin", candidates()), Some("checkin"));
        assert_eq!(pulled.get(), Kind::ALL.len());
    }

    #[test]
    fn takers_name_every_kind() {
        assert_eq!(
            FieldKey::Due.takers(),
            "`priority`, `promise`, `slip` and actions"
        );
        assert_eq!(FieldKey::Rank.takers(), "`priority`");
        assert_eq!(FieldKey::Until.takers(), "`away` and `boss` directives");
    }
}
