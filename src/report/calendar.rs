//! The check-in and update calendar of a period: for each boss active in it, each period of
//! their `cadence` and `updates:` rhythm that the period reaches, marked met, missed, excused
//! (docs/language.md §5) or open (the current period, not met yet).

use chrono::NaiveDate;
use serde::Serialize;

use super::rhythm::{counted_dates, walk};
use crate::model::{BossSet, Journal};
use crate::period::AwayDays;

/// How one period of a rhythm went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Met,
    Missed,
    Excused,
    /// The period holding today, not met yet.
    Open,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Met => "met",
            Mark::Missed => "missed",
            Mark::Excused => "excused",
            Mark::Open => "open",
        }
    }
}

/// One period of a rhythm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// `2026-W41`, `2026-10`, …
    pub period: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub have: u32,
    pub need: u32,
    pub mark: Mark,
}

/// One boss's periods of one rhythm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The boss's id without `@`.
    pub boss: String,
    /// `checkin` or `update`.
    pub kind: &'static str,
    /// The rhythm as written (`weekly`, `2/week`).
    pub rhythm: String,
    pub cells: Vec<Cell>,
}

/// The rows of the bosses of `set` (every boss for an empty set) active at some time from
/// `from` to `end` (the period's last day, or today when that is earlier); a rhythm of
/// `none` has no row.
pub fn build(
    journal: &Journal,
    set: BossSet,
    from: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for id in journal.boss_ids() {
        let b = journal.boss(id);
        let first = b.since.map_or(from, |s| s.max(from));
        let last = b.until.map_or(end, |u| u.min(end));
        if !(set.is_empty() || set.contains(id)) || first > last {
            continue;
        }
        let away = AwayDays::of_boss(journal, id);
        let dates = counted_dates(journal, id, last, &|_| true);
        for (kind, rhythm, dates) in [
            ("checkin", b.cadence, &dates[0]),
            ("update", b.updates, &dates[1]),
        ] {
            let cells: Vec<Cell> = walk(dates, rhythm, b.since, &away, first, last)
                .into_iter()
                .map(|p| Cell {
                    period: p.period.to_string(),
                    from: p.period.start,
                    to: p.period.end,
                    have: p.have,
                    need: p.need,
                    mark: match (p.excused, p.met()) {
                        (true, _) => Mark::Excused,
                        (false, true) => Mark::Met,
                        (false, false) if p.period.end >= today => Mark::Open,
                        (false, false) => Mark::Missed,
                    },
                })
                .collect();
            if !cells.is_empty() {
                rows.push(Row {
                    boss: b.id.clone(),
                    kind,
                    rhythm: rhythm.describe(),
                    cells,
                });
            }
        }
    }
    rows
}
