//! A calendar heatmap in the style of a contribution graph: weeks as columns (oldest left),
//! weekdays as rows (Monday on top), a shade per day for the boss's entries that day, away
//! days marked, month names above and a legend below.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::facts::{dated, plus};
use super::render::{Inline, Look};
use crate::model::{BossId, Entry, Journal};
use crate::period::{AwayDays, Period, Unit};
use crate::syntax::Kind;

/// One day of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    /// After today.
    Future,
    /// On leave, with no entry.
    Away,
    /// How many entries of the boss that day.
    Entries(u32),
}

/// The last `weeks` ISO weeks up to today's, day by day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Heatmap {
    /// The Monday of the first week.
    pub from: NaiveDate,
    /// Seven days per week, Monday first, oldest week first.
    pub days: Vec<Day>,
}

const GLYPHS: [&str; 5] = ["·", "░", "▒", "▓", "█"];
const AWAY: &str = "~";
const LABELS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const GUTTER: usize = 4;

/// The shade of a count: 0, 1, 2, 3–4, 5 or more.
pub fn level(n: u32) -> u8 {
    match n {
        0 => 0,
        1 => 1,
        2 => 2,
        3 | 4 => 3,
        _ => 4,
    }
}

/// The boss's entries (every kind but `away`) per day over the last `weeks` weeks up to
/// today, or up to the boss's last day for a former boss.
pub fn heatmap(
    journal: &Journal,
    today: NaiveDate,
    boss: BossId,
    weeks: u32,
    counts: &dyn Fn(&Entry) -> bool,
) -> Heatmap {
    let weeks = weeks.max(1);
    let today = journal.boss(boss).until.map_or(today, |u| u.min(today));
    let this_week = Period::containing(Unit::Week, today, None);
    let from = plus(this_week.start, -7 * (i64::from(weeks) - 1));
    let away = AwayDays::of_boss(journal, boss);
    let mut per_day = vec![0u32; weeks as usize * 7];
    for e in &journal.entries[dated(journal, from, today)] {
        if e.kind != Kind::Away && e.bosses.contains(boss) && counts(e) {
            let i = crate::period::days_between(from, e.date) as usize;
            per_day[i] += 1;
        }
    }
    let days = per_day
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let date = plus(from, i as i64);
            if date > today {
                Day::Future
            } else if n == 0 && away.contains(date) {
                Day::Away
            } else {
                Day::Entries(n)
            }
        })
        .collect();
    Heatmap { from, days }
}

impl Heatmap {
    pub fn weeks(&self) -> usize {
        self.days.len() / 7
    }

    /// The map as lines: month names, seven weekday rows, a legend.
    pub fn lines(&self) -> Vec<Inline> {
        let mut lines = vec![Inline::styled(Look::Dim, self.months())];
        for (row, label) in LABELS.iter().enumerate() {
            let mut line = Inline::styled(Look::Dim, format!("{label:<GUTTER$}"));
            for week in 0..self.weeks() {
                line = match self.days[week * 7 + row] {
                    Day::Future => line.text("  "),
                    Day::Away => line.add(Look::Away, AWAY).text(" "),
                    Day::Entries(n) => line
                        .add(Look::Shade(level(n)), GLYPHS[level(n) as usize])
                        .text(" "),
                };
            }
            lines.push(line);
        }
        let mut legend = Inline::styled(Look::Dim, format!("{:GUTTER$}less ", ""));
        for (i, glyph) in GLYPHS.iter().enumerate() {
            legend = legend.add(Look::Shade(i as u8), *glyph).text(" ");
        }
        legend = legend
            .add(Look::Dim, "more   ")
            .add(Look::Away, AWAY)
            .add(Look::Dim, " away   (entries a day: 0, 1, 2, 3-4, 5+)");
        lines.push(legend);
        lines
    }

    /// Month names above the first week that holds the month's first day (and above the
    /// first week, when there is room before the next name).
    fn months(&self) -> String {
        let mut marks: Vec<(usize, String)> = Vec::new();
        for week in 0..self.weeks() {
            let monday = plus(self.from, 7 * week as i64);
            let sunday = plus(monday, 6);
            if sunday.day() <= 7 {
                marks.push((week, sunday.format("%b").to_string()));
            }
        }
        if marks.first().is_none_or(|&(w, _)| w >= 2) {
            marks.insert(0, (0, self.from.format("%b").to_string()));
        }
        let mut line = " ".repeat(GUTTER);
        for (week, name) in marks {
            let at = GUTTER + 2 * week;
            let used = line.chars().count();
            // A name needs a space after the one before it.
            if at == GUTTER || used < at {
                line.push_str(&" ".repeat(at - used.min(at)));
                line.push_str(&name);
            }
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        let levels: Vec<u8> = [0, 1, 2, 3, 4, 5, 40].iter().map(|&n| level(n)).collect();
        assert_eq!(levels, [0, 1, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn months_label_the_week_of_the_first() {
        let from = crate::syntax::calendar_date("2026-09-28").expect("date");
        let map = Heatmap {
            from,
            days: vec![Day::Entries(0); 7 * 6],
        };
        // The week of 2026-09-28 holds 1 October; the week of 2026-10-26 holds 1 November.
        assert_eq!(map.months(), "    Oct     Nov");
    }
}
