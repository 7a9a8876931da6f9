//! `upward streaks`: the streaks of each boss as a table with a heatmap, as JSON (one array,
//! docs/language.md §7) and as CSV.

use chrono::NaiveDate;

use super::heatmap::{Heatmap, heatmap};
use super::render::csv::Csv;
use super::render::{Block, Doc, Inline, Look, Table};
use super::select::label;
use super::streaks::{Streak, StreakKind, streaks};
use super::{Report, facts::count, to_json};
use crate::model::{BossId, Entry, Journal};

/// What `streaks` shows.
#[derive(Clone)]
pub struct Options<'a> {
    pub bosses: Vec<BossId>,
    /// Weeks of heatmap.
    pub weeks: u32,
    /// Which entries count (all, or those git shows were not backfilled).
    pub counts: &'a dyn Fn(&Entry) -> bool,
}

impl std::fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("bosses", &self.bosses)
            .field("weeks", &self.weeks)
            .finish_non_exhaustive()
    }
}

/// One boss's streaks and heatmap.
#[derive(Clone, Debug)]
pub struct BossStreaks {
    pub boss: String,
    /// The boss's last day, when it is before today.
    pub until: Option<NaiveDate>,
    pub streaks: Vec<Streak>,
    pub heatmap: Heatmap,
}

/// The streaks of the chosen bosses.
#[derive(Clone, Debug)]
pub struct StreaksReport {
    pub today: NaiveDate,
    pub bosses: Vec<BossStreaks>,
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options<'_>) -> StreaksReport {
    let bosses = options
        .bosses
        .iter()
        .map(|&b| BossStreaks {
            boss: label(journal, b),
            until: journal.boss(b).until.filter(|&u| u < today),
            streaks: streaks(journal, today, b, options.counts),
            heatmap: heatmap(journal, today, b, options.weeks, options.counts),
        })
        .collect();
    StreaksReport { today, bosses }
}

impl StreaksReport {
    /// Every streak, boss by boss: what JSON and CSV print.
    pub fn all(&self) -> impl Iterator<Item = &Streak> {
        self.bosses.iter().flat_map(|b| b.streaks.iter())
    }
}

/// `3 weeks`, `1 promise`.
pub fn amount(s: &Streak, n: u32) -> String {
    count(n, s.unit)
}

/// The current run's dates: `2026-10-05 to 2026-11-22`, or `-`.
fn run_dates(s: &Streak) -> String {
    match (s.current_from, s.current_to) {
        (Some(from), Some(to)) if from == to => from.to_string(),
        (Some(from), Some(to)) => format!("{from} to {to}"),
        _ => "-".into(),
    }
}

/// What is at stake now: `yes: 2026-W48 has 0 of 1`, `excused (away)`, `no`.
fn risk(s: &Streak) -> Inline {
    match (&s.now, s.at_risk) {
        (Some(now), _) if now.excused => {
            Inline::styled(Look::Dim, format!("no: {} excused (away)", now.period))
        }
        (Some(now), true) => Inline::styled(
            Look::Warn,
            format!("yes: {} has {} of {}", now.period, now.have, now.need),
        ),
        (None, true) => Inline::styled(Look::Warn, "yes: a promise is due within two working days"),
        _ => Inline::styled(Look::Good, "no"),
    }
}

/// The streak table, as the terminal and the HTML page show it.
pub fn streak_table(streaks: &[Streak]) -> Table {
    let rows = streaks
        .iter()
        .map(|s| {
            let current = Inline::styled(
                if s.current > 0 {
                    Look::Strong
                } else {
                    Look::Plain
                },
                amount(s, s.current),
            );
            vec![
                Inline::plain(format!("{} ({})", s.streak.label(), s.rhythm)),
                current,
                Inline::plain(amount(s, s.longest)),
                risk(s),
                Inline::plain(run_dates(s)),
            ]
        })
        .collect();
    Table {
        header: ["streak", "current", "longest", "at risk", "current run"]
            .map(String::from)
            .to_vec(),
        rows,
        numeric: vec![1, 2],
    }
}

impl Report for StreaksReport {
    fn command(&self) -> &'static str {
        "streaks"
    }

    fn html(&self) -> Option<String> {
        Some(super::html::streaks_page::page(self))
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        doc.title(format!("Streaks on {}", self.today));
        if self.bosses.is_empty() {
            doc.para(Inline::styled(
                Look::Dim,
                "No boss is active today: declare one with a `boss @id Name` line.",
            ));
        }
        for b in &self.bosses {
            doc.heading(b.boss.as_str());
            if let Some(until) = b.until {
                doc.para(Inline::styled(
                    Look::Dim,
                    format!("Counted up to {until}, their last day as your boss."),
                ));
            }
            doc.push(Block::Table(streak_table(&b.streaks)));
            doc.push(Block::Pre(b.heatmap.lines()));
        }
        doc
    }

    fn json(&self) -> String {
        to_json(&self.all().collect::<Vec<_>>())
    }

    fn csv(&self) -> Option<Csv> {
        let date = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        Some(Csv {
            header: vec![
                "boss",
                "streak",
                "current",
                "longest",
                "at_risk",
                "current_from",
                "current_to",
            ],
            rows: self
                .all()
                .map(|s| {
                    vec![
                        s.boss.clone(),
                        s.streak.as_str().to_string(),
                        s.current.to_string(),
                        s.longest.to_string(),
                        s.at_risk.to_string(),
                        date(s.current_from),
                        date(s.current_to),
                    ]
                })
                .collect(),
        })
    }
}

/// A streak of one boss by kind.
pub fn find(report: &StreaksReport, boss: &str, kind: StreakKind) -> Option<Streak> {
    report
        .all()
        .find(|s| s.boss == boss && s.streak == kind)
        .cloned()
}
