//! `upward scorecard`: a 0–100 score per managing-up practice over a window (default the
//! last 90 days), with the figures behind each and one line on how to improve the lowest.
//!
//! The window covers every boss active in it (or one); a boss's periods count from the later
//! of the window's start and their first day. Each score is `round(100 × met / counted)`,
//! half up, once: priorities known (bosses with an active priority and work aligned with a
//! priority standing on its date), regular check-ins and updates (met periods of those not
//! excused; the current one counts only once met), feedback (months with an `ask` and
//! feedback acted on), solutions with problems, promises kept (by the one verdict, dropped
//! ones aside), quantified wins, and no oversteps (entries that could overstep without an
//! overstep warning). A practice with nothing to count is left out, not scored.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::commitments;
use super::facts::{self, belongs, boss_set, dated, plus};
use super::rhythm::{PeriodCount, counted_dates, walk};
use crate::model::{BossId, BossSet, Entry, ItemForm, Journal, Rhythm, Tone, Verdict};
use crate::period::{AwayDays, days_between};
use crate::rules::codes::oversteps;
use crate::syntax::{FieldKey, Kind};

/// Days the scorecard looks back by default.
pub const DEFAULT_DAYS: i64 = 90;

#[derive(Clone, Debug)]
pub struct Options {
    pub since: NaiveDate,
    pub bosses: Vec<BossId>,
}

/// The default window's first day.
pub fn default_since(today: NaiveDate) -> NaiveDate {
    plus(today, 1 - DEFAULT_DAYS)
}

/// Named counts, kept in order (serialised as one JSON object).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures(pub Vec<(&'static str, u64)>);

impl Serialize for Figures {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Practice {
    pub practice: &'static str,
    pub score: u32,
    pub figures: Figures,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scorecard {
    pub since: NaiveDate,
    pub today: NaiveDate,
    pub practices: Vec<Practice>,
}

/// `round(100 × met / counted)`, half up, once; `None` when nothing was counted.
pub fn score(met: u64, counted: u64) -> Option<u32> {
    (met * 100 + counted / 2)
        .checked_div(counted)
        .map(|p| p as u32)
}

/// A practice scored `met` of `counted`, with its figures; `None` (left out, not scored)
/// when there is nothing to count.
fn practice(
    name: &'static str,
    (met, counted): (u64, u64),
    figures: &[(&'static str, u64)],
) -> Option<Practice> {
    Some(Practice {
        practice: name,
        score: score(met, counted)?,
        figures: Figures(figures.to_vec()),
    })
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Scorecard {
    let since = options.since.min(today);
    let set = boss_set(&options.bosses);
    let window = dated(journal, since, today);
    let entries: Vec<usize> = window
        .clone()
        .filter(|&i| belongs(&journal.entries[i], set))
        .collect();
    let of = |kind: Kind| {
        entries
            .iter()
            .map(|&i| &journal.entries[i])
            .filter(move |e| e.kind == kind)
    };
    let (checkins, updates, asks) = rhythms(journal, today, since, &options.bosses);
    let practices = [
        priorities_known(journal, today, &options.bosses, &entries),
        periods("regular-check-ins", &checkins),
        periods("regular-updates", &updates),
        feedback(journal, today, &asks, of(Kind::Feedback)),
        share(
            "solutions-with-problems",
            ("problems", "with_solution"),
            of(Kind::Problem),
            |e| e.fields.has(FieldKey::Solution),
        ),
        promises_kept(journal, today, since, set),
        share(
            "quantified-wins",
            ("wins", "quantified"),
            of(Kind::Win),
            |e| facts::quantified(journal, e),
        ),
        no_oversteps(journal, today, &entries),
    ]
    .into_iter()
    .flatten()
    .collect();
    Scorecard {
        since,
        today,
        practices,
    }
}

/// The share of `entries` that pass `good`, with both counts as figures.
fn share<'a>(
    name: &'static str,
    (all, passing): (&'static str, &'static str),
    entries: impl Iterator<Item = &'a Entry>,
    good: impl Fn(&Entry) -> bool,
) -> Option<Practice> {
    let (mut total, mut passed) = (0, 0);
    for e in entries {
        total += 1;
        passed += u64::from(good(e));
    }
    practice(name, (passed, total), &[(all, total), (passing, passed)])
}

/// Months with an `ask` and feedback acted on (neither positive nor neutral, older than
/// `feedback-unacted`'s N days, with every action done), of all months and such feedback.
fn feedback<'a>(
    journal: &Journal,
    today: NaiveDate,
    asks: &[PeriodCount],
    entries: impl Iterator<Item = &'a Entry>,
) -> Option<Practice> {
    let n = i64::from(journal.settings.number("feedback-unacted").unwrap_or(14));
    let (mut feedback, mut acted) = (0, 0);
    let needs_action = |e: &&Entry| {
        !matches!(e.fields.tone, Some(Tone::Positive | Tone::Neutral))
            && days_between(e.date, today) > n
    };
    for e in entries.filter(needs_action) {
        feedback += 1;
        let mut actions = journal
            .items_of(e)
            .iter()
            .filter(|i| matches!(i.form, ItemForm::Action(_)))
            .peekable();
        let any = actions.peek().is_some();
        acted += u64::from(any && actions.all(|i| !commitments::action_open(journal, i, today)));
    }
    let months = asks.iter().filter(|p| !p.excused).count() as u64;
    let asked = asks.iter().filter(|p| !p.excused && p.met()).count() as u64;
    practice(
        "feedback-asked-and-acted-on",
        (asked + acted, months + feedback),
        &[
            ("months", months),
            ("months_with_ask", asked),
            ("feedback", feedback),
            ("feedback_acted_on", acted),
        ],
    )
}

/// Check-in, update and ask periods of the chosen bosses within the window.
fn rhythms(
    journal: &Journal,
    today: NaiveDate,
    since: NaiveDate,
    bosses: &[BossId],
) -> (Vec<PeriodCount>, Vec<PeriodCount>, Vec<PeriodCount>) {
    let mut all: (Vec<PeriodCount>, Vec<PeriodCount>, Vec<PeriodCount>) = Default::default();
    for &b in bosses {
        let boss = journal.boss(b);
        let end = boss.until.map_or(today, |u| u.min(today));
        // From the later of the window's start and the boss's first day.
        let first = boss.since.or_else(|| {
            (journal.entries.iter())
                .find(|e| e.bosses.contains(b))
                .map(|e| e.date)
        });
        let Some(start) = first.map(|f| f.max(since)) else {
            continue;
        };
        if start > end {
            continue;
        }
        let away = AwayDays::of_boss(journal, b);
        let dates = counted_dates(journal, b, end, &|_| true);
        let take = |rhythm: Rhythm, dates: &[NaiveDate], into: &mut Vec<PeriodCount>| {
            let mut periods = walk(dates, rhythm, boss.since, &away, start, end);
            // The current period counts once it is met; until then it is still open.
            if periods
                .last()
                .is_some_and(|p| p.period.end >= today && !p.met())
            {
                periods.pop();
            }
            into.extend(periods);
        };
        take(boss.cadence, &dates[0], &mut all.0);
        take(boss.updates, &dates[1], &mut all.1);
        take(Rhythm::Monthly, &dates[2], &mut all.2);
    }
    all
}

fn periods(name: &'static str, periods: &[PeriodCount]) -> Option<Practice> {
    let excused = periods.iter().filter(|p| p.excused).count() as u64;
    let counted = periods.len() as u64 - excused;
    let met = periods.iter().filter(|p| !p.excused && p.met()).count() as u64;
    practice(
        name,
        (met, counted),
        &[("periods", counted), ("met", met), ("excused", excused)],
    )
}

fn priorities_known(
    journal: &Journal,
    today: NaiveDate,
    bosses: &[BossId],
    entries: &[usize],
) -> Option<Practice> {
    let with = bosses
        .iter()
        .filter(|&&b| {
            let boss = journal.boss(b);
            let day = boss.until.map_or(today, |u| u.min(today));
            !facts::ranked(journal, BossSet::one(b), day).is_empty()
        })
        .count() as u64;
    let (mut work, mut aligned) = (0u64, 0u64);
    for e in entries
        .iter()
        .map(|&i| &journal.entries[i])
        .filter(|e| facts::is_work(e.kind))
    {
        work += 1;
        let standing = journal.priorities.iter().any(|p| {
            facts::aligned(journal, e, p.key)
                && facts::owned_by(p, e.bosses, e.date)
                && p.state_on(e.date).is_some_and(|s| s.is_active())
        });
        aligned += u64::from(standing);
    }
    let bosses_n = bosses.len() as u64;
    // Bosses with a priority and work aligned with one, of all bosses and all work.
    practice(
        "priorities-known",
        (with + aligned, bosses_n + work),
        &[
            ("bosses", bosses_n),
            ("bosses_with_priorities", with),
            ("work", work),
            ("aligned_work", aligned),
        ],
    )
}

fn promises_kept(
    journal: &Journal,
    today: NaiveDate,
    since: NaiveDate,
    set: BossSet,
) -> Option<Practice> {
    let (mut kept, mut late, mut broken, mut dropped) = (0u64, 0u64, 0u64, 0u64);
    for h in commitments::promises(journal, set, today) {
        let standing = journal.verdict(h, today);
        if standing.due.is_none_or(|due| due < since) {
            continue;
        }
        // Each by its one verdict; a promise done late was not kept.
        match standing.verdict {
            Verdict::Kept => kept += 1,
            Verdict::Late => late += 1,
            Verdict::Broken => broken += 1,
            Verdict::Dropped => dropped += 1,
            Verdict::Open => {}
        }
    }
    let judged = kept + late + broken;
    practice(
        "promises-kept",
        (kept, judged),
        &[
            ("due", judged),
            ("kept", kept),
            ("late", late),
            ("broken", broken),
            ("dropped", dropped),
        ],
    )
}

fn no_oversteps(journal: &Journal, today: NaiveDate, entries: &[usize]) -> Option<Practice> {
    let spans: HashSet<(u32, u32)> = entries
        .iter()
        .map(|&i| {
            let span = journal.entry_span(&journal.entries[i]);
            (span.file.0, span.start)
        })
        .collect();
    let oversteps = crate::rules::check(journal, today)
        .into_iter()
        .filter(|d| {
            oversteps().any(|c| c == d.code) && spans.contains(&(d.span.file.0, d.span.start))
        })
        .count() as u64;
    let could = entries
        .iter()
        .filter(|&&i| {
            matches!(
                journal.entries[i].kind,
                Kind::Initiative | Kind::Pitch | Kind::Update | Kind::Escalate | Kind::Promise
            )
        })
        .count() as u64;
    practice(
        "no-oversteps",
        (could - oversteps.min(could), could),
        &[("oversteps", oversteps), ("chances", could)],
    )
}
