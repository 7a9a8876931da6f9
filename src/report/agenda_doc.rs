//! `upward agenda` printed: a checklist for the meeting doc, and one table for CSV.

use chrono::NaiveDate;

use super::agenda::{Agenda, Handover, PROMISE_DAYS};
use super::commitments::Action;
use super::facts::{self, EntryRef, days_ago};
use super::render::csv::Csv;
use super::render::{Check, Doc, Inline, Look};
use super::{Report, to_json};
use crate::model::Verdict;

/// `(check-in of 2026-11-17)`: where an item was written.
fn source(entry: &EntryRef) -> String {
    let kind = match entry.kind {
        "checkin" => "check-in",
        "career" => "career talk",
        other => other,
    };
    format!("{kind} of {}", entry.date)
}

fn action_line(a: &Action) -> Inline {
    let mut text = Inline::plain(a.text.clone());
    if let Some(due) = a.due {
        let look = if a.overdue { Look::Bad } else { Look::Warn };
        let word = if a.overdue { "overdue since" } else { "due" };
        text = text.text(" ").add(look, format!("({word} {due})"));
    }
    if a.career_promise {
        text = text.text(" — ").add(Look::Strong, "their promise to you");
    }
    text.add(Look::Dim, format!(" · {}", source(&a.entry)))
}

impl Report for Agenda {
    fn command(&self) -> &'static str {
        "agenda"
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        let who = format!("{} (@{})", self.name, self.boss);
        doc.title(match self.next_checkin {
            Some(date) => format!("Agenda for the 1:1 with {who} on {date}"),
            None => format!("Agenda for the next 1:1 with {who}"),
        });
        doc.heading("Open actions");
        if self.actions.is_empty() {
            doc.para(Inline::styled(
                Look::Dim,
                "Nothing open: every action is done or dropped.",
            ));
        }
        let theirs = format!("{}'s", self.name);
        for (group, name) in ["Yours", theirs.as_str(), "Others'"]
            .into_iter()
            .enumerate()
        {
            let items: Vec<_> = self
                .actions
                .iter()
                .filter(|a| a.owner_group() == group)
                .map(|a| (Some(Check::Open), action_line(a)))
                .collect();
            if !items.is_empty() {
                doc.subheading(name);
                doc.checklist(items, "");
            }
        }
        doc.heading("Points to raise");
        let points = self
            .points
            .iter()
            .map(|p| {
                let when = if p.planned { "planned for" } else { "from the" };
                let from = if p.planned {
                    p.entry.date.to_string()
                } else {
                    source(&p.entry)
                };
                Inline::plain(p.text.clone()).add(Look::Dim, format!(" · {when} {from}"))
            })
            .collect();
        doc.list(points, "No open `?` points.");
        doc.heading(format!(
            "Promises due within {PROMISE_DAYS} days or overdue"
        ));
        let promises = self
            .promises
            .iter()
            .map(|p| {
                let look = match p.state {
                    Verdict::Broken => Look::Bad,
                    _ => Look::Warn,
                };
                Inline::plain(format!("{} ", p.text)).add(look, p.due_note())
            })
            .collect();
        doc.list(promises, "Nothing due in the next two weeks.");
        doc.heading("Waiting for a decision");
        let undecided = self
            .undecided
            .iter()
            .map(|u| {
                let what = if u.kind == "pitch" {
                    "Pitch"
                } else {
                    "Problem"
                };
                let mut line =
                    Inline::styled(Look::Strong, format!("{what}:")).text(format!(" {}", u.text));
                if let Some(solution) = &u.solution {
                    line = line.text(format!(" — proposed: {solution}"));
                }
                let verb = if u.kind == "pitch" {
                    "pitched"
                } else {
                    "raised"
                };
                line.add(Look::Dim, format!(" · {verb} {}", u.entry.date))
            })
            .collect();
        doc.list(undecided, "No pitch or problem is waiting for an answer.");
        if !self.feedback.is_empty() {
            doc.heading("Feedback to act on");
            let items = self.feedback.iter().map(|f| {
                let tone = f.tone.map_or(String::new(), |t| format!("{t} "));
                let state = match (f.actions, f.open_actions) {
                    (0, _) => "no action yet".to_string(),
                    (_, n) => format!("{} open", facts::count(n as i64, "action")),
                };
                Inline::plain(f.text.clone())
                    .add(Look::Warn, format!(" ({state})"))
                    .add(Look::Dim, format!(" · {tone}feedback of {}", f.entry.date))
            });
            doc.list(items.collect(), "");
        }
        if !self.neglected.is_empty() {
            doc.heading("Neglected priorities");
            let items = self.neglected.iter().map(|n| {
                let last = n.last_work.map_or("no aligned work yet".to_string(), |d| {
                    format!("last aligned work on {d}")
                });
                Inline::plain(n.priority.label()).add(Look::Warn, format!(" ({last})"))
            });
            doc.list(items.collect(), "");
        }
        doc.heading("Feedback");
        doc.para(
            match (self.feedback_last_asked, self.days_since_feedback_asked) {
                (Some(date), Some(_)) => Inline::plain(format!(
                    "You last asked for feedback on {date}, {}.",
                    days_ago(date, self.today)
                )),
                _ => Inline::styled(
                    Look::Warn,
                    "You have not asked for feedback yet: ask what you could do better.",
                ),
            },
        );
        if let Some(h) = &self.handover {
            handover(&mut doc, h, &self.boss);
        }
        doc
    }

    fn json(&self) -> String {
        to_json(self)
    }

    fn csv(&self) -> Option<Csv> {
        let mut rows = Vec::new();
        for a in &self.actions {
            rows.push(action_row("action", a));
        }
        for p in &self.points {
            rows.push(vec![
                "point".into(),
                String::new(),
                String::new(),
                p.text.clone(),
                p.entry.file.clone(),
                p.line.to_string(),
            ]);
        }
        for p in &self.promises {
            rows.push(entry_row("promise", "you", p.due, &p.text, &p.entry));
        }
        for u in &self.undecided {
            rows.push(entry_row(u.kind, "you", None, &u.text, &u.entry));
        }
        for f in &self.feedback {
            rows.push(entry_row("feedback", "", None, &f.text, &f.entry));
        }
        for n in &self.neglected {
            rows.push(entry_row(
                "priority",
                "",
                None,
                &n.priority.label(),
                &n.entry,
            ));
        }
        if let Some(h) = &self.handover {
            for a in &h.actions {
                rows.push(action_row("handover-action", a));
            }
            for p in &h.promises {
                let e = &p.promise.entry;
                rows.push(entry_row(
                    "handover-promise",
                    "you",
                    p.promise.due,
                    &p.promise.text,
                    e,
                ));
            }
            for p in &h.priorities {
                rows.push(vec![
                    "handover-priority".into(),
                    format!("@{}", h.from),
                    date(p.due),
                    p.priority.label(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        Some(Csv {
            header: vec!["item", "owner", "due", "text", "file", "line"],
            rows,
        })
    }
}

/// The handover part: what the previous boss left open.
fn handover(doc: &mut Doc, h: &Handover, to: &str) {
    doc.heading(format!(
        "Handover from {} (@{}), boss until {}",
        h.name, h.from, h.until
    ));
    doc.subheading("Their open actions");
    let actions = h
        .actions
        .iter()
        .map(|a| (Some(Check::Open), action_line(a)))
        .collect();
    doc.checklist(actions, "None.");
    doc.subheading(format!("Promises to hand over to @{to}"));
    let promises = h.promises.iter().map(|p| {
        let due = p
            .promise
            .due
            .map_or(String::new(), |d| format!(" (due {d})"));
        Inline::plain(format!("{}{due}", p.promise.text))
            .text(" — write ")
            .add(Look::Code, p.slip.clone())
    });
    doc.list(promises.collect(), "None.");
    doc.subheading("Priorities to confirm");
    let priorities = h.priorities.iter().map(|p| {
        let rank = p.rank.map_or(String::new(), |r| format!("{r}. "));
        let due = p.due.map_or(String::new(), |d| format!(" (due {d})"));
        Inline::plain(format!("{rank}{}{due}", p.priority.label()))
    });
    doc.list(priorities.collect(), "None.");
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or(String::new(), |d| d.to_string())
}

/// A CSV row for an entry-level item.
fn entry_row(
    item: &str,
    owner: &str,
    due: Option<NaiveDate>,
    text: &str,
    entry: &EntryRef,
) -> Vec<String> {
    vec![
        item.into(),
        owner.into(),
        date(due),
        text.into(),
        entry.file.clone(),
        entry.line.to_string(),
    ]
}

/// A CSV row for an action, on its own line.
fn action_row(item: &str, a: &Action) -> Vec<String> {
    let owner = a
        .owner
        .as_ref()
        .map_or("you".to_string(), |o| format!("@{o}"));
    vec![
        item.into(),
        owner,
        date(a.due),
        a.text.clone(),
        a.entry.file.clone(),
        a.line.to_string(),
    ]
}
