//! Periods and leave (docs/language.md §5), shared by the rules and the streaks.
//!
//! > `daily` = calendar days; `weekly` and `N/week` = ISO weeks (Monday to Sunday, keyed by ISO
//! > year: 2027-01-01 is in 2026-W53); `biweekly` = 14-day blocks starting on the Monday of the
//! > boss's `since` week (or 1970-01-05 without `since`); `monthly` and `N/month` = calendar
//! > months. A period is *excused* when away days cover at least half of it.
//!
//! A [`Period`] knows its own [`Unit`], so [`Period::next`] and [`Period::prev`] need no
//! rhythm: biweekly blocks are contiguous once the first one is placed. [`AwayDays`] is one
//! boss's leave as merged date ranges, answering "how many away days between two dates" and
//! "is this period excused" by binary search.

use std::fmt;

use chrono::{Datelike, NaiveDate, TimeDelta};

use crate::model::{BossId, Journal, Rhythm};

/// The first Monday of 1970: where biweekly blocks start for a boss without `since`.
pub const BIWEEKLY_EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 5) {
    Some(d) => d,
    None => panic!("1970-01-05 is a date"),
};

/// `date` moved by `days`, clamped to the calendar's ends instead of overflowing.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(TimeDelta::days(days))
        .unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// The length of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// 14 days from a Monday.
    Fortnight,
    /// A calendar month.
    Month,
}

impl Unit {
    /// The unit of a rhythm; `none` has none.
    pub fn of(rhythm: Rhythm) -> Option<Unit> {
        Some(match rhythm {
            Rhythm::Daily => Unit::Day,
            Rhythm::Weekly | Rhythm::PerWeek(_) => Unit::Week,
            Rhythm::Biweekly => Unit::Fortnight,
            Rhythm::Monthly | Rhythm::PerMonth(_) => Unit::Month,
            Rhythm::None => return None,
        })
    }
}

/// One period: its unit and its first and last day (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub unit: Unit,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The period of `rhythm` that holds `date`; `since` is the boss's first day, which places
/// biweekly blocks. `None` for the rhythm `none`.
pub fn period_of(rhythm: Rhythm, date: NaiveDate, since: Option<NaiveDate>) -> Option<Period> {
    Unit::of(rhythm).map(|unit| Period::containing(unit, date, since))
}

impl Period {
    /// The period of `unit` that holds `date` (`since` places biweekly blocks).
    pub fn containing(unit: Unit, date: NaiveDate, since: Option<NaiveDate>) -> Period {
        let (start, end) = match unit {
            Unit::Day => (date, date),
            Unit::Week => {
                let start = monday_of(date);
                (start, add_days(start, 6))
            }
            Unit::Fortnight => {
                let anchor = since.map_or(BIWEEKLY_EPOCH, monday_of);
                let block = days_between(anchor, date).div_euclid(14);
                let start = add_days(anchor, block * 14);
                (start, add_days(start, 13))
            }
            Unit::Month => {
                let start = date.with_day(1).unwrap_or(date);
                (start, last_of_month(start))
            }
        };
        Period { unit, start, end }
    }

    /// The period right after this one.
    pub fn next(self) -> Period {
        match self.unit {
            Unit::Month => Period::containing(Unit::Month, add_days(self.end, 1), None),
            _ => self.shift(self.days()),
        }
    }

    /// The period right before this one.
    pub fn prev(self) -> Period {
        match self.unit {
            Unit::Month => Period::containing(Unit::Month, add_days(self.start, -1), None),
            _ => self.shift(-self.days()),
        }
    }

    fn shift(self, days: i64) -> Period {
        Period {
            unit: self.unit,
            start: add_days(self.start, days),
            end: add_days(self.end, days),
        }
    }

    /// How many days the period holds.
    pub fn days(self) -> i64 {
        days_between(self.start, self.end) + 1
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// `2026-03-02` for a day, `2026-W10` for an ISO week (keyed by ISO year),
/// `2026-03-02..2026-03-15` for a biweekly block, `2026-03` for a month.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            Unit::Day => write!(f, "{}", self.start),
            Unit::Week => {
                let week = self.start.iso_week();
                write!(f, "{}-W{:02}", week.year(), week.week())
            }
            Unit::Fortnight => write!(f, "{}..{}", self.start, self.end),
            Unit::Month => write!(f, "{}", self.start.format("%Y-%m")),
        }
    }
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    add_days(date, -i64::from(date.weekday().num_days_from_monday()))
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.map_or(NaiveDate::MAX, |n| add_days(n, -1))
}

/// Monday to Friday.
pub fn is_weekday(date: NaiveDate) -> bool {
    date.weekday().num_days_from_monday() < 5
}

/// One boss's away days: merged, sorted, inclusive ranges with running totals, so counts over
/// any date range are a binary search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwayDays {
    ranges: Vec<(NaiveDate, NaiveDate)>,
    /// `before[i]`: away days in `ranges[..i]` (one more element than `ranges`).
    before: Vec<i64>,
}

impl AwayDays {
    /// Leave from inclusive ranges, in any order, overlapping or not.
    pub fn new(ranges: impl IntoIterator<Item = (NaiveDate, NaiveDate)>) -> AwayDays {
        let mut sorted: Vec<(NaiveDate, NaiveDate)> =
            ranges.into_iter().filter(|(a, b)| a <= b).collect();
        sorted.sort_unstable();
        let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(sorted.len());
        for (from, until) in sorted {
            match merged.last_mut() {
                Some(last) if from <= add_days(last.1, 1) => last.1 = last.1.max(until),
                _ => merged.push((from, until)),
            }
        }
        let mut before = Vec::with_capacity(merged.len() + 1);
        before.push(0);
        for &(a, b) in &merged {
            before.push(before[before.len() - 1] + days_between(a, b) + 1);
        }
        AwayDays {
            ranges: merged,
            before,
        }
    }

    /// The leave of `boss`: every `away` for all bosses or naming this one, future ones included.
    pub fn of_boss(journal: &Journal, boss: BossId) -> AwayDays {
        AwayDays::new(
            journal
                .aways
                .iter()
                .filter(|a| a.bosses.is_none_or(|s| s.contains(boss)))
                .map(|a| (a.from, a.until)),
        )
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        let i = self.ranges.partition_point(|r| r.1 < date);
        self.ranges.get(i).is_some_and(|r| r.0 <= date)
    }

    /// Away days strictly before `date`.
    fn before(&self, date: NaiveDate) -> i64 {
        let i = self.ranges.partition_point(|r| r.1 < date);
        let full = self.before.get(i).copied().unwrap_or(0);
        match self.ranges.get(i) {
            Some(&(from, _)) if from < date => full + days_between(from, date),
            _ => full,
        }
    }

    /// Away days from `from` to `to`, both included (0 when `to` is before `from`).
    pub fn count(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return 0;
        }
        self.before(add_days(to, 1)) - self.before(from)
    }

    /// Whether away days cover at least half of `period`.
    pub fn excused(&self, period: Period) -> bool {
        2 * self.count(period.start, period.end) >= period.days()
    }

    /// Working days (Monday to Friday) from `from` to `to`, both included, that are not away.
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        from.iter_days()
            .take_while(|&d| d <= to)
            .filter(|&d| is_weekday(d) && !self.contains(d))
            .count() as i64
    }

    /// The day of the `n`-th working day that is not away, counting from `from` (included);
    /// `n` = 0 is taken as 1.
    pub fn working_day(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut left = n.max(1);
        let mut day = from;
        loop {
            // Leave is skipped a range at a time: it may run for years.
            let i = self.ranges.partition_point(|r| r.1 < day);
            let next = match self.ranges.get(i) {
                Some(&(start, until)) if start <= day => until.succ_opt(),
                _ if is_weekday(day) => {
                    left -= 1;
                    if left == 0 {
                        return day;
                    }
                    day.succ_opt()
                }
                _ => day.succ_opt(),
            };
            match next {
                Some(next) => day = next,
                None => return day,
            }
        }
    }

    /// The `n`-th day that is not away, counting back from `to` (which counts as the first):
    /// the start of a window of `n` non-away days ending on `to`. `n` = 0 is taken as 1.
    pub fn back(&self, to: NaiveDate, n: u32) -> NaiveDate {
        let mut need = i64::from(n.max(1));
        let mut end = to;
        let mut i = self.ranges.partition_point(|r| r.0 <= to);
        while i > 0 {
            let (from, until) = self.ranges[i - 1];
            if until < end {
                let free = days_between(until, end);
                if free >= need {
                    break;
                }
                need -= free;
            }
            end = add_days(from, -1);
            i -= 1;
        }
        add_days(end, 1 - need)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::syntax::calendar_date(s).expect("date")
    }

    #[test]
    fn away_days_count_and_window() {
        let away = AwayDays::new([
            (d("2026-03-12"), d("2026-03-20")),
            (d("2026-03-15"), d("2026-03-29")),
            (d("2026-01-01"), d("2026-01-01")),
        ]);
        assert_eq!(away.count(d("2026-03-12"), d("2026-03-31")), 18);
        assert_eq!(away.count(d("2025-01-01"), d("2026-12-31")), 19);
        assert_eq!(away.count(d("2026-03-13"), d("2026-03-13")), 1);
        assert_eq!(away.count(d("2026-03-30"), d("2026-04-30")), 0);
        assert!(away.contains(d("2026-03-29")));
        assert!(!away.contains(d("2026-03-30")));
        assert_eq!(away.back(d("2026-03-31"), 1), d("2026-03-31"));
        assert_eq!(away.back(d("2026-03-31"), 3), d("2026-03-11"));
        assert_eq!(away.back(d("2026-03-25"), 1), d("2026-03-11"));
        assert_eq!(away.back(d("2026-01-02"), 2), d("2025-12-31"));
    }
}
