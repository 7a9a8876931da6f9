//! Typed field values and how they are read.

use std::num::NonZeroU32;

use chrono::NaiveDate;
use serde::Serialize;

use crate::syntax::calendar_date;

/// A check-in or update rhythm (docs/language.md §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rhythm {
    Daily,
    Weekly,
    Biweekly,
    Monthly,
    PerWeek(u32),
    PerMonth(u32),
    None,
}

impl Rhythm {
    pub fn parse(text: &str) -> Option<Rhythm> {
        Some(match text {
            "daily" => Rhythm::Daily,
            "weekly" => Rhythm::Weekly,
            "biweekly" => Rhythm::Biweekly,
            "monthly" => Rhythm::Monthly,
            "none" => Rhythm::None,
            _ => {
                let (n, unit) = text.split_once('/')?;
                let n: u32 = n.parse().ok().filter(|n| *n >= 1)?;
                match unit {
                    "week" => Rhythm::PerWeek(n),
                    "month" => Rhythm::PerMonth(n),
                    _ => return None,
                }
            }
        })
    }

    /// How many entries a period needs to be met.
    pub fn count(self) -> u32 {
        match self {
            Rhythm::PerWeek(n) | Rhythm::PerMonth(n) => n,
            Rhythm::None => 0,
            _ => 1,
        }
    }

    /// The rhythm's length in days for gap rules: 1, 7, 14 or 31, divided by N for `N/…`.
    pub fn gap_days(self) -> Option<f64> {
        Some(match self {
            Rhythm::Daily => 1.0,
            Rhythm::Weekly => 7.0,
            Rhythm::Biweekly => 14.0,
            Rhythm::Monthly => 31.0,
            Rhythm::PerWeek(n) => 7.0 / n as f64,
            Rhythm::PerMonth(n) => 31.0 / n as f64,
            Rhythm::None => return None,
        })
    }

    pub fn describe(self) -> String {
        match self {
            Rhythm::Daily => "daily".into(),
            Rhythm::Weekly => "weekly".into(),
            Rhythm::Biweekly => "biweekly".into(),
            Rhythm::Monthly => "monthly".into(),
            Rhythm::PerWeek(n) => format!("{n}/week"),
            Rhythm::PerMonth(n) => format!("{n}/month"),
            Rhythm::None => "none".into(),
        }
    }
}

macro_rules! value_enum {
    ($name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($word => Some($name::$variant),)+ _ => None }
            }

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }
    };
}

value_enum!(Status { Active = "active", Done = "done", Dropped = "dropped" });
value_enum!(Tone { Positive = "positive", Negative = "negative", Mixed = "mixed", Neutral = "neutral" });
value_enum!(Outcome { Accepted = "accepted", Declined = "declined", Parked = "parked" });
value_enum!(Detail { Concise = "concise", Detailed = "detailed" });

/// `informed:` — who knew about an escalation or initiative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Informed {
    Person(String),
    Yes,
    No,
}

impl Informed {
    pub fn parse(text: &str) -> Option<Informed> {
        match text {
            "yes" => Some(Informed::Yes),
            "no" => Some(Informed::No),
            _ => {
                let id = text.strip_prefix('@')?;
                let valid = !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
                valid.then(|| Informed::Person(id.to_lowercase()))
            }
        }
    }
}

/// `dur:` — `Nh`, `Nm` or `NhMm`, in minutes.
/// A duration in whole minutes, in four bytes even when optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Minutes(NonZeroU32);

impl Minutes {
    pub fn new(minutes: u32) -> Option<Self> {
        minutes
            .checked_add(1)
            .and_then(NonZeroU32::new)
            .map(Minutes)
    }

    pub fn get(self) -> u32 {
        self.0.get() - 1
    }
}

pub fn parse_duration(text: &str) -> Option<u32> {
    let (hours, rest) = match text.split_once('h') {
        Some((h, rest)) => (h.parse::<u32>().ok()?, rest),
        None => (0, text),
    };
    let minutes = match rest {
        "" if text.ends_with('h') => 0,
        "" => return None,
        m => m.strip_suffix('m')?.parse::<u32>().ok()?,
    };
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits_only(&text.replace(['h', 'm'], "")) {
        return None;
    }
    hours.checked_mul(60)?.checked_add(minutes)
}

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    calendar_date(text)
}

/// A positive integer.
pub fn parse_positive(text: &str) -> Option<u32> {
    text.parse::<u32>()
        .ok()
        .filter(|n| *n >= 1 && text.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rhythms() {
        assert_eq!(Rhythm::parse("2/week"), Some(Rhythm::PerWeek(2)));
        assert_eq!(Rhythm::parse("3/month"), Some(Rhythm::PerMonth(3)));
        assert_eq!(Rhythm::parse("0/week"), None);
        assert_eq!(Rhythm::parse("fortnightly"), None);
        assert_eq!(Rhythm::PerWeek(2).gap_days(), Some(3.5));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30m"), Some(30));
        assert_eq!(parse_duration("1h"), Some(60));
        assert_eq!(parse_duration("1h30m"), Some(90));
        for bad in ["half-hour", "1h30", "h", "m", "30", "1.5h", "-1h", "+30m"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn positive_integers() {
        assert_eq!(parse_positive("3"), Some(3));
        assert_eq!(parse_positive("0"), None);
        assert_eq!(parse_positive("+3"), None);
        assert_eq!(parse_positive("x"), None);
    }
}
