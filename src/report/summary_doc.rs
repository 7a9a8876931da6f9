//! `upward report` printed: sections for people, one flat table for CSV.

use super::commitments::Action;
use super::facts::{EntryRef, count};
use super::render::csv::Csv;
use super::render::{Check, Doc, Inline, Look};
use super::summary::Summary;
use super::{Report, to_json};
use crate::model::Status;
use crate::model::Verdict;

/// `text · 2026-11-17`.
fn dated(e: &EntryRef) -> Inline {
    Inline::plain(e.text.clone()).add(Look::Dim, format!(" · {}", e.date))
}

fn bosses(ids: &[String]) -> String {
    ids.iter()
        .map(|b| format!("@{b}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The hint on a former boss's priority: `former boss @maria`.
fn former_boss(ids: &[String]) -> String {
    match ids.len() {
        0 => "former boss".into(),
        1 => format!("former boss {}", bosses(ids)),
        _ => format!("former bosses {}", bosses(ids)),
    }
}

fn action(a: &Action) -> (Option<Check>, Inline) {
    let owner = match (&a.owner, a.career_promise) {
        (None, _) => String::new(),
        (Some(o), true) => format!("@{o}, promised in a career talk: "),
        (Some(o), false) => format!("@{o}: "),
    };
    let mut line = Inline::plain(format!("{owner}{}", a.text));
    if let Some(due) = a.due {
        let look = if a.overdue { Look::Bad } else { Look::Warn };
        line = line.text(" ").add(look, format!("(due {due})"));
    }
    (
        Some(Check::Open),
        line.add(Look::Dim, format!(" · {}", a.entry.date)),
    )
}

impl Report for Summary {
    fn command(&self) -> &'static str {
        "report"
    }

    fn html(&self) -> Option<String> {
        Some(super::html::report_page::page(self))
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        let p = &self.period;
        let whose = if self.bosses.is_empty() {
            String::new()
        } else {
            format!(" for {}", bosses(&self.bosses))
        };
        let dates = format!("{} to {}", p.from, p.to);
        if p.label == dates {
            doc.title(format!("Report {dates}{whose}"));
        } else {
            doc.title(format!("Report {}{whose}: {dates}", p.label));
        }
        if p.from > self.today {
            doc.para(Inline::styled(
                Look::Dim,
                "This period has not started yet.",
            ));
            return doc;
        }
        doc.heading("Priorities");
        if self.priorities.is_empty() {
            doc.para(Inline::styled(Look::Warn, "No priority is known for this period: ask your boss what matters most, and write it down as `priority #key`."));
        }
        for line in &self.priorities {
            // Active priorities by rank; a finished one shows its status instead, and a former
            // boss's says whose it was.
            let active = line.is_active();
            // An unranked one shows no number: a position could repeat another's rank.
            let rank = match line.rank {
                Some(r) if active => format!("{r}. "),
                _ => String::new(),
            };
            let status = if active {
                String::new()
            } else if line.status == Status::Active {
                format!(" [{}]", former_boss(&line.boss))
            } else {
                format!(" [{}]", line.status.as_str())
            };
            // With no work at all, a share of it means nothing.
            let share = if self.work == 0 {
                String::new()
            } else {
                format!(
                    " — {}% of the work ({} of {})",
                    line.share_percent,
                    line.work.len(),
                    self.work
                )
            };
            doc.subheading(
                Inline::plain(format!("{rank}{}{status}", line.priority.label()))
                    .add(Look::Dim, share),
            );
            let mut items: Vec<Inline> = line
                .changes
                .iter()
                .map(|c| Inline::styled(Look::Code, format!("{}: {}", c.date, c.what)))
                .collect();
            items.extend(line.work.iter().map(dated));
            doc.list(items, "No aligned work this period.");
        }
        doc.heading("Work outside the priorities");
        doc.list(
            self.unaligned.iter().map(dated).collect(),
            if self.work == 0 {
                "No work logged this period."
            } else {
                "None: all work served a priority."
            },
        );
        doc.heading("Check-ins");
        let checkins = self.checkins.iter().map(|c| {
            let minutes = c.minutes.map_or(String::new(), |m| format!(", {m} min"));
            Inline::plain(format!(
                "{} with {}{minutes}",
                c.entry.date,
                bosses(&c.boss)
            ))
            .text(if c.entry.text.is_empty() {
                String::new()
            } else {
                format!(": {}", c.entry.text)
            })
        });
        doc.list(checkins.collect(), "No check-in this period.");
        doc.heading("Updates");
        let updates = self.updates.iter().map(|u| {
            let via = u
                .via
                .as_ref()
                .map_or(String::new(), |v| format!(" via {v}"));
            Inline::plain(format!(
                "{} to {}{via}, {}: ",
                u.entry.date,
                bosses(&u.boss),
                count(u.words as i64, "word")
            ))
            .text(u.entry.text.clone())
        });
        doc.list(updates.collect(), "No update sent this period.");
        doc.heading("Feedback");
        doc.subheading("Received");
        let feedback = self.feedback.iter().map(|f| {
            let tone = f.tone.map_or(String::new(), |t| format!(" ({t})"));
            let acted = match (f.actions, f.open_actions) {
                (0, _) => Inline::styled(Look::Warn, " · no action yet"),
                (n, 0) => Inline::styled(
                    Look::Good,
                    format!(" · acted on ({})", count(n as i64, "action")),
                ),
                (_, open) => Inline::styled(
                    Look::Warn,
                    format!(" · {} open", count(open as i64, "action")),
                ),
            };
            let mut line = Inline::plain(format!("{}{tone}: {}", f.entry.date, f.entry.text));
            line.0.extend(acted.0);
            line
        });
        doc.list(feedback.collect(), "No feedback received this period.");
        doc.subheading("Asked");
        doc.list(
            self.asks.iter().map(dated).collect(),
            "You did not ask for feedback this period.",
        );
        doc.heading("Open actions");
        doc.checklist(self.actions.iter().map(action).collect(), "Nothing open.");
        doc.heading("Promises");
        let promises = self.promises.iter().map(|p| {
            let due = p.due.map_or(String::new(), |d| d.to_string());
            let (look, state) = match p.state {
                Verdict::Kept => (
                    Look::Good,
                    format!(
                        "kept, done {}",
                        p.done.map_or(String::new(), |d| d.to_string())
                    ),
                ),
                Verdict::Late => (
                    Look::Bad,
                    format!(
                        "done late on {}",
                        p.done.map_or(String::new(), |d| d.to_string())
                    ),
                ),
                Verdict::Dropped => (Look::Dim, "dropped".to_string()),
                Verdict::Broken => (Look::Bad, "broken".to_string()),
                Verdict::Open => (Look::Warn, "open".to_string()),
            };
            Inline::plain(format!("{} (due {due}): ", p.text)).add(look, state)
        });
        doc.list(promises.collect(), "No promise due or done this period.");
        doc.heading("Wins");
        let wins = self.wins.iter().map(|w| {
            let impact = w
                .impact
                .as_ref()
                .map_or(String::new(), |i| format!(" [{i}]"));
            let line = Inline::plain(format!("{}{impact}", w.entry.text))
                .add(Look::Dim, format!(" · {}", w.entry.date));
            if w.quantified {
                line
            } else {
                line.add(Look::Warn, " · add a number")
            }
        });
        doc.list(wins.collect(), "No win logged this period.");
        doc.heading("Warnings");
        let warnings = self.warnings.iter().map(|w| {
            Inline::styled(Look::Warn, w.code)
                .text(format!(": {} ", w.message))
                .add(Look::Dim, format!("({}:{})", w.file, w.line))
        });
        doc.list(warnings.collect(), "None.");
        doc
    }

    fn json(&self) -> String {
        to_json(self)
    }

    fn csv(&self) -> Option<Csv> {
        let mut rows = Vec::new();
        // One row per item: its entry's date, kind, file and line; `text` and `line` are the
        // item's own for actions.
        let mut row =
            |section: &str, e: &EntryRef, priority: &str, text: &str, detail: String, line: u32| {
                rows.push(vec![
                    section.to_string(),
                    e.date.to_string(),
                    e.kind.to_string(),
                    priority.to_string(),
                    text.to_string(),
                    detail,
                    e.file.clone(),
                    line.to_string(),
                ]);
            };
        let mut entry = |section: &str, e: &EntryRef, priority: &str, detail: String| {
            row(section, e, priority, &e.text, detail, e.line);
        };
        for p in &self.priorities {
            for w in &p.work {
                entry("work", w, &p.priority.key, String::new());
            }
        }
        for w in &self.unaligned {
            entry("work", w, "", String::new());
        }
        for c in &self.checkins {
            entry(
                "checkin",
                &c.entry,
                "",
                c.minutes.map_or(String::new(), |m| format!("{m}m")),
            );
        }
        for u in &self.updates {
            entry("update", &u.entry, "", format!("{} words", u.words));
        }
        for f in &self.feedback {
            entry("feedback", &f.entry, "", f.tone.unwrap_or("").to_string());
        }
        for a in &self.asks {
            entry("ask", a, "", String::new());
        }
        for p in &self.promises {
            entry("promise", &p.entry, "", p.state.as_str().to_string());
        }
        for w in &self.wins {
            entry("win", &w.entry, "", w.impact.clone().unwrap_or_default());
        }
        for a in &self.actions {
            let owner = a
                .owner
                .as_ref()
                .map_or("you".to_string(), |o| format!("@{o}"));
            let due = a.due.map_or(String::new(), |d| format!(" due {d}"));
            row(
                "action",
                &a.entry,
                "",
                &a.text,
                format!("{owner}{due}"),
                a.line,
            );
        }
        Some(Csv {
            header: vec![
                "section", "date", "kind", "priority", "text", "detail", "file", "line",
            ],
            rows,
        })
    }
}
