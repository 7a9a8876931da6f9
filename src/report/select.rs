//! Which bosses a report is about: `--boss @id` (or `id`), else every boss active today, or
//! for one-boss reports the first-declared boss active today.

use std::fmt;

use chrono::NaiveDate;

use crate::model::{BossId, Journal};

/// `--boss` named no boss of the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownBoss {
    pub asked: String,
    /// Every boss as `@id (Name)`, in declaration order, each once.
    pub known: Vec<String>,
}

impl fmt::Display for UnknownBoss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.known.is_empty() {
            write!(
                f,
                "unknown boss `@{}`: the journal declares no boss (add a `boss @id Name` line)",
                self.asked
            )
        } else {
            write!(
                f,
                "unknown boss `@{}`; the journal's bosses are {}",
                self.asked,
                self.known.join(", ")
            )
        }
    }
}

/// `Dev Patel (@dev)`, or `@dev` for a boss without a name.
pub fn label(journal: &Journal, boss: BossId) -> String {
    let b = journal.boss(boss);
    if b.name.is_empty() {
        format!("@{}", b.id)
    } else {
        format!("{} (@{})", b.name, b.id)
    }
}

/// The boss a `--boss` value names: `@dev` or `dev`, any case. With several `boss` lines for
/// one person, the one active today, else the latest declared.
pub fn find(journal: &Journal, asked: &str, today: NaiveDate) -> Result<BossId, UnknownBoss> {
    let id = asked.trim().trim_start_matches('@').to_lowercase();
    let matches: Vec<BossId> = journal
        .boss_ids()
        .filter(|&b| journal.boss(b).id == id)
        .collect();
    let active = matches
        .iter()
        .copied()
        .find(|&b| journal.boss(b).active_on(today));
    active.or(matches.last().copied()).ok_or_else(|| {
        let mut known: Vec<String> = Vec::new();
        for b in journal.boss_ids() {
            let l = journal.boss(b);
            let text = if l.name.is_empty() {
                format!("@{}", l.id)
            } else {
                format!("@{} ({})", l.id, l.name)
            };
            if !known.contains(&text) {
                known.push(text);
            }
        }
        UnknownBoss { asked: id, known }
    })
}

/// Bosses active today, in declaration order.
pub fn active(journal: &Journal, today: NaiveDate) -> Vec<BossId> {
    journal
        .boss_ids()
        .filter(|&b| journal.boss(b).active_on(today))
        .collect()
}

/// Bosses active on any day from `from` to `to`, in declaration order.
pub fn active_between(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<BossId> {
    journal
        .boss_ids()
        .filter(|&b| {
            let boss = journal.boss(b);
            boss.since.is_none_or(|s| s <= to) && boss.until.is_none_or(|u| from <= u)
        })
        .collect()
}

/// The named boss, else every boss active today.
pub fn bosses(
    journal: &Journal,
    asked: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<BossId>, UnknownBoss> {
    match asked {
        Some(a) => find(journal, a, today).map(|b| vec![b]),
        None => Ok(active(journal, today)),
    }
}

/// The named boss, else the first-declared boss active today (none without one).
pub fn one(
    journal: &Journal,
    asked: Option<&str>,
    today: NaiveDate,
) -> Result<Option<BossId>, UnknownBoss> {
    match asked {
        Some(a) => find(journal, a, today).map(Some),
        None => Ok(journal.default_boss(today)),
    }
}
