//! Streaks (docs/language.md §7): for each boss, the check-in, update, feedback-ask and promises-kept
//! streaks, with current, longest and at-risk.
//!
//! > A period is met when it has at least N entries of the kind (N from an `N/…` rhythm, else
//! > 1). A streak counts consecutive met periods ending at the current period; an excused
//! > period neither breaks nor extends it; the current period, while not yet met, does not
//! > break it. `at_risk` is true (even when `current` is 0) when the current period is not yet
//! > met and its working days left (Monday to Friday, today included, away days not counted)
//! > are at most the entries it still needs plus one.
//!
//! Periods run from the one holding the boss's first counted entry to the one holding today
//! (or the boss's last day, for a former boss named with `--boss`). An excused period is
//! skipped whether or not it is met, and is never at risk. Promises-kept walks the promises
//! due to the boss (a promise handed over counts for the boss it was handed to) by the due
//! date in force, with the one verdict of [`Journal::verdict`]: kept extends the streak, late
//! and broken break it, dropped and open ones are skipped; it is at risk while an open
//! promise is due within the next [`PROMISE_HORIZON`] working days, today included. `counts`
//! decides which entries count (`--strict` leaves out backfilled ones); for promises it
//! applies to the `done`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{BossId, Entry, HandleKind, Journal, Rhythm, Verdict};
use crate::period::{AwayDays, Unit};

use super::rhythm::{counted_dates, walk};

/// Working days ahead, today included, in which an open promise puts the promises-kept streak
/// at risk.
pub const PROMISE_HORIZON: u32 = 2;

/// The four streaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum StreakKind {
    #[serde(rename = "checkin")]
    Checkin,
    #[serde(rename = "update")]
    Update,
    #[serde(rename = "feedback-ask")]
    FeedbackAsk,
    #[serde(rename = "promises-kept")]
    PromisesKept,
}

impl StreakKind {
    pub const ALL: [StreakKind; 4] = [
        StreakKind::Checkin,
        StreakKind::Update,
        StreakKind::FeedbackAsk,
        StreakKind::PromisesKept,
    ];

    /// The name in JSON and `expect-streak` lines.
    pub fn as_str(self) -> &'static str {
        match self {
            StreakKind::Checkin => "checkin",
            StreakKind::Update => "update",
            StreakKind::FeedbackAsk => "feedback-ask",
            StreakKind::PromisesKept => "promises-kept",
        }
    }

    /// How the dashboard names it with a boss: `check-ins with`, `updates to`.
    pub fn with(self) -> &'static str {
        match self {
            StreakKind::Checkin => "check-ins with",
            StreakKind::Update => "updates to",
            StreakKind::FeedbackAsk => "feedback asked of",
            StreakKind::PromisesKept => "promises kept to",
        }
    }

    /// The name for people.
    pub fn label(self) -> &'static str {
        match self {
            StreakKind::Checkin => "check-ins",
            StreakKind::Update => "updates",
            StreakKind::FeedbackAsk => "feedback asks",
            StreakKind::PromisesKept => "promises kept",
        }
    }
}

/// Where the current period stands (periodic streaks only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// `2026-W13`, `2026-03`, …
    pub period: String,
    pub have: u32,
    pub need: u32,
    pub excused: bool,
}

/// One streak of one boss. The JSON fields are exactly docs/language.md §7's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub boss: String,
    pub streak: StreakKind,
    pub current: u32,
    pub longest: u32,
    pub at_risk: bool,
    pub current_from: Option<NaiveDate>,
    pub current_to: Option<NaiveDate>,
    #[serde(skip)]
    pub longest_from: Option<NaiveDate>,
    #[serde(skip)]
    pub longest_to: Option<NaiveDate>,
    /// What one step is: `week`, `month`, `promise`, …
    #[serde(skip)]
    pub unit: &'static str,
    /// The rhythm, as written after its key (`weekly`, `2/week`, `by due date`).
    #[serde(skip)]
    pub rhythm: String,
    #[serde(skip)]
    pub now: Option<Progress>,
}

/// One step of a streak, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Met: extends the streak; its first and last day.
    Met(NaiveDate, NaiveDate),
    /// Missed: breaks it.
    Missed,
    /// Excused, or the current period not yet met: neither breaks nor extends.
    Skip,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Run {
    count: u32,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

/// The run that ends at the last step, and the longest run.
fn runs(steps: impl IntoIterator<Item = Step>) -> (Run, Run) {
    let (mut current, mut longest) = (Run::default(), Run::default());
    for step in steps {
        match step {
            Step::Met(from, to) => {
                if current.count == 0 {
                    current.from = Some(from);
                }
                current.count += 1;
                current.to = Some(to);
                if current.count > longest.count {
                    longest = current;
                }
            }
            Step::Missed => current = Run::default(),
            Step::Skip => {}
        }
    }
    (current, longest)
}

/// The four streaks of a boss as of `today` (as of their last day, for a former boss).
pub fn streaks(
    journal: &Journal,
    today: NaiveDate,
    boss: BossId,
    counts: &dyn Fn(&Entry) -> bool,
) -> Vec<Streak> {
    let b = journal.boss(boss);
    let as_of = b.until.map_or(today, |u| u.min(today));
    let away = AwayDays::of_boss(journal, boss);
    let dates = counted_dates(journal, boss, as_of, counts);
    let mut out = Vec::new();
    let periodic = [
        (StreakKind::Checkin, b.cadence, &dates[0]),
        (StreakKind::Update, b.updates, &dates[1]),
        (StreakKind::FeedbackAsk, Rhythm::Monthly, &dates[2]),
    ];
    for (kind, rhythm, dates) in periodic {
        if let Some(mut s) = periodic_streak(dates, rhythm, (b.since, b.until), &away, as_of) {
            s.boss = b.id.clone();
            s.streak = kind;
            s.at_risk = s.at_risk && as_of == today;
            out.push(s);
        }
    }
    let mut kept = promises_kept(journal, boss, as_of, &away, counts);
    kept.boss = b.id.clone();
    kept.at_risk = kept.at_risk && as_of == today;
    out.push(kept);
    out
}

/// A streak of periods of `rhythm` for a boss of `(since, until)`; `None` for the rhythm
/// `none`.
fn periodic_streak(
    dates: &[NaiveDate],
    rhythm: Rhythm,
    (since, until): (Option<NaiveDate>, Option<NaiveDate>),
    away: &AwayDays,
    as_of: NaiveDate,
) -> Option<Streak> {
    let unit = Unit::of(rhythm)?;
    let periods = walk(
        dates,
        rhythm,
        since,
        away,
        dates.first().copied().unwrap_or(as_of),
        as_of,
    );
    let now = *periods.last()?;
    let steps = periods
        .iter()
        .enumerate()
        .map(|(i, p)| match (p.excused, p.met()) {
            (true, _) => Step::Skip,
            (false, true) => Step::Met(p.period.start, p.period.end),
            // The current period, not met yet, does not break the streak.
            (false, false) if i + 1 == periods.len() => Step::Skip,
            (false, false) => Step::Missed,
        });
    let (current, longest) = runs(steps);
    // The days the boss still has in the current period, from today.
    let last = until.map_or(now.period.end, |u| u.min(now.period.end));
    let days_left = away.working_days(as_of, last);
    let still_needed = i64::from(now.need.saturating_sub(now.have));
    Some(Streak {
        boss: String::new(),
        streak: StreakKind::Checkin,
        current: current.count,
        longest: longest.count,
        at_risk: !now.excused && !now.met() && days_left <= still_needed + 1,
        current_from: current.from,
        current_to: current.to,
        longest_from: longest.from,
        longest_to: longest.to,
        unit: match unit {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Fortnight => "fortnight",
            Unit::Month => "month",
        },
        rhythm: rhythm.describe(),
        now: Some(Progress {
            period: now.period.to_string(),
            have: now.have,
            need: now.need,
            excused: now.excused,
        }),
    })
}

/// Consecutive promises kept by their due date in force, in due-date order.
fn promises_kept(
    journal: &Journal,
    boss: BossId,
    as_of: NaiveDate,
    away: &AwayDays,
    counts: &dyn Fn(&Entry) -> bool,
) -> Streak {
    let horizon = away.working_day(as_of, PROMISE_HORIZON);
    let mut promises: Vec<(NaiveDate, u32, Step)> = Vec::new();
    let mut at_risk = false;
    for h in &journal.handles {
        let def = &journal.entries[h.def as usize];
        if h.kind != HandleKind::Promise
            || def.date > as_of
            || !journal.promise_bosses(h, as_of).contains(boss)
        {
            continue;
        }
        let standing = journal.verdict_counting(h, as_of, counts);
        let Some(due) = standing.due else {
            continue;
        };
        let step = match standing.verdict {
            Verdict::Kept => Step::Met(due, due),
            Verdict::Late | Verdict::Broken => Step::Missed,
            Verdict::Dropped => Step::Skip,
            Verdict::Open => {
                at_risk |= due <= horizon;
                Step::Skip
            }
        };
        promises.push((due, h.def, step));
    }
    // Promises due the same day count in journal order.
    promises.sort_by_key(|&(due, def, _)| (due, def));
    let (current, longest) = runs(promises.into_iter().map(|(_, _, s)| s));
    Streak {
        boss: String::new(),
        streak: StreakKind::PromisesKept,
        current: current.count,
        longest: longest.count,
        at_risk,
        current_from: current.from,
        current_to: current.to,
        longest_from: longest.from,
        longest_to: longest.to,
        unit: "promise",
        rhythm: "by due date".into(),
        now: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::syntax::calendar_date(s).expect("date")
    }

    #[test]
    fn runs_skip_and_break() {
        let met = Step::Met(d("2026-01-05"), d("2026-01-11"));
        let (current, longest) = runs([met, met, Step::Missed, met, Step::Skip, met, Step::Skip]);
        assert_eq!((current.count, longest.count), (2, 2));
        let (current, longest) = runs([met, met, met, Step::Missed]);
        assert_eq!((current.count, longest.count), (0, 3));
        assert_eq!(current.from, None);
    }
}
