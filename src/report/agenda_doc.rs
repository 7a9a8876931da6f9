//! `upward agenda` printed: a checklist for the meeting doc, and one table for CSV.

use chrono::NaiveDate;

use super::agenda::{Agenda, PROMISE_DAYS};
use super::commitments::{Action, PromiseState};
use super::facts::{EntryRef, days_ago};
use super::render::csv::Csv;
use super::render::{Check, Doc, Inline, Look};
use super::{Report, to_json};

/// `(check-in of 2026-11-17)`: where an item was written.
fn source(entry: &EntryRef) -> String {
    let kind = match entry.kind {
        "checkin" => "check-in",
        "career" => "career talk",
        other => other,
    };
    format!("{kind} of {}", entry.date)
}

/// Yours (0), the boss's (1), someone else's (2).
fn owner_group(a: &Action) -> usize {
    match (&a.owner, a.by_boss) {
        (None, _) => 0,
        (Some(_), true) => 1,
        (Some(_), false) => 2,
    }
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
                .filter(|a| owner_group(a) == group)
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
                let due = p.due.map_or(String::new(), |d| d.to_string());
                let (look, state) = match p.state {
                    PromiseState::Overdue => (Look::Bad, "overdue since"),
                    _ => (Look::Warn, "due"),
                };
                Inline::plain(format!("{} ", p.text)).add(look, format!("({state} {due})"))
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
        doc
    }

    fn json(&self) -> String {
        to_json(self)
    }

    fn csv(&self) -> Option<Csv> {
        let date = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        let mut rows = Vec::new();
        for a in &self.actions {
            let owner = a
                .owner
                .as_ref()
                .map_or("you".to_string(), |o| format!("@{o}"));
            rows.push(vec![
                "action".into(),
                owner,
                date(a.due),
                a.text.clone(),
                a.entry.file.clone(),
                a.line.to_string(),
            ]);
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
            rows.push(vec![
                "promise".into(),
                "you".into(),
                date(p.due),
                p.text.clone(),
                p.entry.file.clone(),
                p.entry.line.to_string(),
            ]);
        }
        for u in &self.undecided {
            rows.push(vec![
                u.kind.into(),
                "you".into(),
                String::new(),
                u.text.clone(),
                u.entry.file.clone(),
                u.entry.line.to_string(),
            ]);
        }
        Some(Csv {
            header: vec!["item", "owner", "due", "text", "file", "line"],
            rows,
        })
    }
}
