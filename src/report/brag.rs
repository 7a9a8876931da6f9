//! `upward brag`: wins and initiatives since a date, grouped by priority, quantified impact
//! first, each with its date and its `file:line` as evidence: Markdown for a performance
//! review.
//!
//! Groups follow the priorities of the chosen bosses (all bosses without `--boss`) that
//! stood at any time in the span: active ones by today's rank, then the finished ones by
//! when they were set; work aligned with none comes last. Within a group, items with a
//! number come first, then the rest, each oldest first.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::facts::{self, PriorityRef, belongs, boss_set, dated};
use super::render::csv::Csv;
use super::render::{Doc, Inline, Look};
use super::{Report, to_json};
use crate::model::{BossId, BossSet, ItemForm, Journal, Tone};
use crate::syntax::Kind;

#[derive(Clone, Debug)]
pub struct Options {
    pub since: NaiveDate,
    /// Empty for every boss.
    pub bosses: Vec<BossId>,
    /// Keep entries tagged `#private` (left out by default).
    pub private: bool,
}

/// A year before `today`: the default start.
pub fn default_since(today: NaiveDate) -> NaiveDate {
    today.checked_sub_months(Months::new(12)).unwrap_or(today)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BragItem {
    pub date: NaiveDate,
    pub kind: &'static str,
    pub text: String,
    pub impact: Option<String>,
    pub quantified: bool,
    pub file: String,
    pub line: u32,
}

/// Positive feedback in the span, with the boss's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BragFeedback {
    pub date: NaiveDate,
    pub text: String,
    /// The `>` lines under it, verbatim.
    pub quotes: Vec<String>,
    /// Whose feedback it is (boss ids without `@`).
    pub boss: Vec<String>,
    pub file: String,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BragGroup {
    pub priority: Option<PriorityRef>,
    /// The bosses its items served (ids without `@`, in the order the bosses are declared).
    pub boss: Vec<String>,
    pub items: Vec<BragItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Brag {
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub wins: usize,
    pub initiatives: usize,
    pub quantified: usize,
    /// Promises due in the span that were kept (docs/language.md §4), and all of them that
    /// were kept, late or broken.
    pub promises_kept: usize,
    pub promises_due: usize,
    pub groups: Vec<BragGroup>,
    /// Feedback with `tone:positive`, oldest first.
    pub feedback: Vec<BragFeedback>,
}

pub fn build(journal: &Journal, today: NaiveDate, options: &Options) -> Brag {
    let set = boss_set(&options.bosses);
    let mut standing: Vec<_> = journal
        .priorities
        .iter()
        .filter(|p| p.first_date().is_some_and(|d| d <= today))
        .filter(|p| {
            let at_start = p.state_on(options.since).is_some_and(|s| s.is_active())
                && facts::owned_by(p, set, options.since);
            let changed = |c: &&crate::model::PriorityChange| {
                c.date >= options.since
                    && c.date <= today
                    && belongs(&journal.entries[c.entry as usize], set)
            };
            at_start || p.changes.iter().any(|c| changed(&c))
        })
        .filter_map(|p| p.state_on(today).map(|s| (p, s)))
        .collect();
    standing.sort_by_key(|(p, s)| {
        (
            !s.is_active(),
            s.rank.unwrap_or(u32::MAX),
            p.first_date(),
            p.key.0,
        )
    });
    let keys: Vec<_> = standing.iter().map(|(p, _)| p.key).collect();
    let mut groups: Vec<BragGroup> = standing
        .iter()
        .map(|(p, s)| BragGroup {
            priority: Some(PriorityRef::new(journal, p, &s.title)),
            boss: Vec::new(),
            items: Vec::new(),
        })
        .chain([BragGroup {
            priority: None,
            boss: Vec::new(),
            items: Vec::new(),
        }])
        .collect();
    let mut served = vec![BossSet::default(); groups.len()];
    let (mut wins, mut initiatives, mut quantified) = (0, 0, 0);
    let mut feedback = Vec::new();
    for e in &journal.entries[dated(journal, options.since, today)] {
        // Wins and initiatives, work that carries a number, and praise.
        let praise = e.kind == Kind::Feedback && e.fields.tone == Some(Tone::Positive);
        let shown = match e.kind {
            Kind::Win | Kind::Initiative => true,
            Kind::Did => facts::quantified(journal, e),
            _ => praise,
        };
        if !shown || !belongs(e, set) || (!options.private && private(journal, e)) {
            continue;
        }
        if praise {
            feedback.push(praise_of(journal, e));
            continue;
        }
        let item = BragItem {
            date: e.date,
            kind: e.kind.as_str(),
            text: facts::label(journal, e),
            impact: facts::impact(journal, e),
            quantified: facts::quantified(journal, e),
            file: journal.sources.get(e.file).name.clone(),
            line: e.line + 1,
        };
        wins += usize::from(e.kind == Kind::Win);
        initiatives += usize::from(e.kind == Kind::Initiative);
        quantified += usize::from(item.quantified);
        let group = facts::first_aligned(journal, e, &keys).unwrap_or(keys.len());
        groups[group].items.push(item);
        served[group].0 |= e.bosses.0;
    }
    let (mut promises_kept, mut promises_due) = (0, 0);
    for h in super::commitments::promises(journal, set, today) {
        let standing = journal.verdict(h, today);
        if standing.due.is_none_or(|d| d < options.since || d > today) {
            continue;
        }
        match standing.verdict {
            crate::model::Verdict::Kept => {
                promises_kept += 1;
                promises_due += 1;
            }
            crate::model::Verdict::Late | crate::model::Verdict::Broken => promises_due += 1,
            _ => {}
        }
    }
    for (g, bosses) in groups.iter_mut().zip(served) {
        g.items.sort_by_key(|i| (!i.quantified, i.date));
        g.boss = bosses.iter().map(|b| journal.boss(b).id.clone()).collect();
    }
    groups.retain(|g| !g.items.is_empty());
    Brag {
        since: options.since,
        until: today,
        wins,
        initiatives,
        quantified,
        promises_kept,
        promises_due,
        groups,
        feedback,
    }
}

fn praise_of(journal: &Journal, e: &crate::model::Entry) -> BragFeedback {
    BragFeedback {
        date: e.date,
        text: facts::label(journal, e),
        quotes: journal
            .items_of(e)
            .iter()
            .filter(|i| i.form == ItemForm::Quote)
            .map(|i| facts::item_text(journal, i))
            .collect(),
        boss: e
            .bosses
            .iter()
            .map(|b| journal.boss(b).id.clone())
            .collect(),
        file: journal.sources.get(e.file).name.clone(),
        line: e.line + 1,
    }
}

/// The heading of the feedback part, in every format.
pub const FEEDBACK: &str = "Positive feedback";

fn item(i: &BragItem) -> Inline {
    let mut line = Inline::plain(format!("{} ", i.date));
    if let Some(impact) = &i.impact {
        line = line.add(Look::Strong, impact.clone()).text(" ");
    }
    let kind = if i.kind == "initiative" {
        " (initiative)"
    } else {
        ""
    };
    line.text(format!("{}{kind} ", i.text))
        .add(Look::Code, format!("{}:{}", i.file, i.line))
}

impl Report for Brag {
    fn command(&self) -> &'static str {
        "brag"
    }

    fn html(&self) -> Option<String> {
        Some(super::html::brag_page::page(self))
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        doc.title(format!(
            "Wins and initiatives, {} to {}",
            self.since, self.until
        ));
        // Every `did` shown carries a number; the rest of the numbers are on wins and
        // initiatives.
        let items: usize = self.groups.iter().map(|g| g.items.len()).sum();
        let work = items.saturating_sub(self.wins + self.initiatives);
        let more = match work {
            0 => String::new(),
            1 => ", and 1 more piece of work with a number".to_string(),
            n => format!(", and {n} more pieces of work with a number"),
        };
        doc.para(Inline::plain(format!(
            "{} and {}, {} of them with a number{more}.",
            facts::count(self.wins as i64, "win"),
            facts::count(self.initiatives as i64, "initiative"),
            self.quantified.saturating_sub(work)
        )));
        if self.promises_due > 0 {
            doc.para(Inline::plain(format!(
                "Promises kept on time: {} of {}.",
                self.promises_kept, self.promises_due
            )));
        }
        for g in &self.groups {
            let name = g
                .priority
                .as_ref()
                .map_or("Beyond the priorities".to_string(), PriorityRef::label);
            doc.heading(format!("{name}{}", bosses_with("for", &g.boss)));
            doc.list(g.items.iter().map(item).collect(), "");
        }
        if self.groups.is_empty() {
            doc.para(Inline::styled(Look::Warn, "No win or initiative logged in this span: log each one with its impact as it happens."));
        }
        if !self.feedback.is_empty() {
            doc.heading(FEEDBACK);
            doc.quoted_list(
                self.feedback
                    .iter()
                    .map(|f| {
                        let from = bosses_with("from", &f.boss);
                        let line = Inline::plain(format!("{} {}{from} ", f.date, f.text))
                            .add(Look::Code, format!("{}:{}", f.file, f.line));
                        (line, f.quotes.clone())
                    })
                    .collect(),
            );
        }
        doc
    }

    fn json(&self) -> String {
        to_json(self)
    }

    fn csv(&self) -> Option<Csv> {
        let rows = self
            .groups
            .iter()
            .flat_map(|g| g.items.iter().map(move |i| (g, i)))
            .map(|(g, i)| {
                let p = g.priority.as_ref();
                vec![
                    p.map_or(String::new(), |p| p.key.clone()),
                    p.map_or(String::new(), |p| p.title.clone()),
                    i.date.to_string(),
                    i.kind.to_string(),
                    i.text.clone(),
                    i.impact.clone().unwrap_or_default(),
                    i.quantified.to_string(),
                    i.file.clone(),
                    i.line.to_string(),
                    g.boss.join(" "),
                ]
            })
            .collect();
        Some(Csv {
            header: vec![
                "priority",
                "title",
                "date",
                "kind",
                "text",
                "impact",
                "quantified",
                "file",
                "line",
                "boss",
            ],
            rows,
        })
    }
}

/// Bosses after a heading or a line, with a word: ` — for @maria`, ` — from @maria and
/// @dev`; nothing without a boss.
fn bosses_with(word: &str, bosses: &[String]) -> String {
    let names: Vec<String> = bosses.iter().map(|b| format!("@{b}")).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!(" — {word} {one}"),
        [init @ .., last] => format!(" — {word} {} and {last}", init.join(", ")),
    }
}

/// Whether an entry is tagged `#private` (or a tag under it).
fn private(journal: &Journal, e: &crate::model::Entry) -> bool {
    journal
        .tags
        .get("private")
        .is_some_and(|p| facts::aligned(journal, e, p))
}
