//! What streaks and the scorecard count: a boss's entries per period of a rhythm.

use chrono::NaiveDate;

use crate::model::{BossId, Entry, Journal, Rhythm};
use crate::period::{AwayDays, Period, Unit};
use crate::syntax::Kind;

/// The dates of the boss's check-ins, updates and asks up to `as_of`, each list sorted.
pub fn counted_dates(
    journal: &Journal,
    boss: BossId,
    as_of: NaiveDate,
    counts: &dyn Fn(&Entry) -> bool,
) -> [Vec<NaiveDate>; 3] {
    let mut dates: [Vec<NaiveDate>; 3] = Default::default();
    let end = super::facts::past(journal, as_of);
    for e in &journal.entries[..end] {
        let slot = match e.kind {
            Kind::Checkin => 0,
            Kind::Update => 1,
            Kind::Ask => 2,
            _ => continue,
        };
        if e.bosses.contains(boss) && counts(e) {
            dates[slot].push(e.date);
        }
    }
    dates
}

/// One period of a rhythm and how many entries it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodCount {
    pub period: Period,
    pub have: u32,
    pub need: u32,
    pub excused: bool,
}

impl PeriodCount {
    pub fn met(&self) -> bool {
        self.have >= self.need
    }
}

/// The periods of `rhythm` from the one holding `first` to the one holding `last`, each with
/// how many of `dates` (sorted) fall in it; empty for the rhythm `none`.
pub fn walk(
    dates: &[NaiveDate],
    rhythm: Rhythm,
    since: Option<NaiveDate>,
    away: &AwayDays,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<PeriodCount> {
    let Some(unit) = Unit::of(rhythm) else {
        return Vec::new();
    };
    let end = Period::containing(unit, last, since);
    let mut period = Period::containing(unit, first.min(last), since);
    let mut next = dates.partition_point(|&d| d < period.start);
    let mut out = Vec::new();
    loop {
        let mut have = 0;
        while next < dates.len() && dates[next] <= period.end {
            have += 1;
            next += 1;
        }
        out.push(PeriodCount {
            period,
            have,
            need: rhythm.count(),
            excused: away.excused(period),
        });
        if period.start >= end.start {
            return out;
        }
        period = period.next();
    }
}
