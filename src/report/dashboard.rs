//! `upward` alone: today at a glance. Streaks at risk, the top warnings, how many items each
//! boss's next 1:1 agenda holds, promises due this week (and overdue ones), and the commands
//! that show more.

use chrono::NaiveDate;
use serde::Serialize;

use super::agenda;
use super::commitments::{self, Promise};
use super::facts::{self, boss_set};
use super::render::{Doc, Inline, Look};
use super::select::label;
use super::streaks::{Streak, streaks};
use super::warnings::{self, Warning};
use super::{Report, to_json};
use crate::diag::Severity;
use crate::model::Verdict;
use crate::model::{BossId, Journal};
use crate::period::{Period, Unit};

/// How many warnings the dashboard shows.
pub const TOP: usize = 5;

#[derive(Clone, Debug)]
pub struct Options {
    pub bosses: Vec<BossId>,
}

/// The next 1:1 with one boss.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextCheckin {
    pub boss: String,
    pub date: Option<NaiveDate>,
    pub agenda_items: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub errors: usize,
    pub at_risk: Vec<Streak>,
    pub warnings: usize,
    /// Settled warnings left out of `warnings` (docs/language.md §6).
    pub settled: usize,
    pub top_warnings: Vec<Warning>,
    pub next_checkins: Vec<NextCheckin>,
    /// Open promises due by the end of this week, overdue ones included.
    pub promises_due: Vec<Promise>,
    #[serde(skip)]
    labels: Vec<String>,
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Dashboard {
    let checked = crate::check_shown(journal, today, &[], false);
    let all = checked.shown;
    let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
    let (top_warnings, total) = warnings::most_urgent(journal, all, TOP);
    let at_risk = options
        .bosses
        .iter()
        .flat_map(|&b| streaks(journal, today, b, &|_| true))
        .filter(|s| s.at_risk)
        .collect();
    let next_checkins = options
        .bosses
        .iter()
        .map(|&b| {
            let a = agenda::build(journal, today, &agenda::Options { boss: b });
            NextCheckin {
                boss: a.boss.clone(),
                date: a.next_checkin,
                agenda_items: a.len(),
            }
        })
        .collect();
    let week_end = Period::containing(Unit::Week, today, None).end;
    let open = |due: Option<NaiveDate>, _, state| {
        matches!(state, Verdict::Open | Verdict::Broken) && due.is_some_and(|d| d <= week_end)
    };
    let promises_due = commitments::promises_where(journal, boss_set(&options.bosses), today, open);
    Dashboard {
        today,
        errors,
        at_risk,
        warnings: total,
        settled: checked.settled,
        top_warnings,
        next_checkins,
        promises_due,
        labels: options.bosses.iter().map(|&b| label(journal, b)).collect(),
    }
}

impl Report for Dashboard {
    fn command(&self) -> &'static str {
        ""
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        let whom = if self.labels.is_empty() {
            "no active boss".to_string()
        } else {
            self.labels.join(", ")
        };
        doc.title(format!("Today, {}: {whom}", self.today));
        if self.errors > 0 {
            doc.para(Inline::styled(
                Look::Bad,
                format!(
                    "The journal has {}: run `upward check` to fix them.",
                    facts::count(self.errors as i64, "error")
                ),
            ));
        }
        doc.heading("Streaks at risk");
        let risks = self.at_risk.iter().map(|s| {
            let now = s.now.as_ref().map_or(
                "a promise is due within two working days".to_string(),
                |n| format!("{} has {} of {}", n.period, n.have, n.need),
            );
            Inline::plain(format!("{} @{}: ", s.streak.with(), s.boss))
                .add(Look::Warn, now)
                .add(
                    Look::Dim,
                    format!(" (current streak: {})", facts::count(s.current, s.unit)),
                )
        });
        doc.list(risks.collect(), "None: every streak is safe for now.");
        doc.heading(format!(
            "Top warnings ({} of {})",
            self.top_warnings.len(),
            self.warnings
        ));
        let warnings = self.top_warnings.iter().map(|w| {
            Inline::styled(Look::Warn, w.code)
                .text(format!(": {} ", w.message))
                .add(Look::Dim, format!("({}:{})", w.file, w.line))
        });
        doc.list(warnings.collect(), "None.");
        if self.settled > 0 {
            let settled = facts::count(self.settled as i64, "settled warning");
            doc.para(
                Inline::styled(Look::Dim, format!("{settled} about past events left out: "))
                    .add(Look::Code, "upward check --all")
                    .add(Look::Dim, " shows them."),
            );
        }
        doc.heading("Next 1:1");
        let next = self.next_checkins.iter().map(|n| {
            let when = n
                .date
                .map_or("not planned yet".to_string(), |d| d.to_string());
            Inline::plain(format!("@{}, {when}: ", n.boss)).add(
                Look::Strong,
                facts::count(n.agenda_items as i64, "agenda item"),
            )
        });
        doc.list(next.collect(), "No active boss.");
        doc.heading("Promises due this week");
        let promises = self.promises_due.iter().map(|p| {
            let look = if p.state == Verdict::Broken {
                Look::Bad
            } else {
                Look::Warn
            };
            Inline::plain(format!("{} ", p.text)).add(look, p.due_note())
        });
        doc.list(promises.collect(), "None due this week.");
        doc.para(Inline::styled(
            Look::Dim,
            "More: upward agenda · upward streaks · upward report · upward draft · upward check",
        ));
        doc
    }

    fn json(&self) -> String {
        to_json(self)
    }
}
