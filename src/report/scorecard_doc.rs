//! `upward scorecard` printed: a table of scores with their figures and one line on how to
//! improve the lowest; JSON is the array of practices.

use super::render::csv::Csv;
use super::render::{Block, Doc, Inline, Look, Table};
use super::scorecard::{Figures, Practice, Scorecard};
use super::{Report, to_json};

/// The practice's name for people.
pub fn title(practice: &str) -> &'static str {
    match practice {
        "priorities-known" => "Priorities known",
        "regular-check-ins" => "Regular check-ins",
        "regular-updates" => "Regular updates",
        "feedback-asked-and-acted-on" => "Feedback asked and acted on",
        "solutions-with-problems" => "Solutions with problems",
        "promises-kept" => "Promises kept",
        "quantified-wins" => "Quantified wins",
        _ => "No oversteps",
    }
}

/// One line on how to do better at a practice.
pub fn advice(practice: &str) -> &'static str {
    match practice {
        "priorities-known" => {
            "Ask your boss for their top priorities in order, write each as `priority #key rank:N`, and tag your work with the one it serves."
        }
        "regular-check-ins" => {
            "Put a recurring 1:1 on both calendars at your cadence, and bring a written agenda (`upward agenda`)."
        }
        "regular-updates" => {
            "Send a short update on a fixed day, before you are asked: risk first, a few numbers, done (`upward draft`)."
        }
        "feedback-asked-and-acted-on" => {
            "Ask for feedback once a month, and write under each piece of feedback the action you take on it."
        }
        "solutions-with-problems" => {
            "Bring a proposed fix with every problem you raise (a `solution:` line under the problem)."
        }
        "promises-kept" => {
            "Promise less, and slip a date before it passes, not after: your boss can plan around early news."
        }
        "quantified-wins" => {
            "Put a number on every win (time, money, incidents, latency) with `impact:`, so your value is easy to show."
        }
        _ => {
            "Tell your boss before you go above them or outside your role (`informed:`), and keep updates within their word limit."
        }
    }
}

impl Scorecard {
    /// The practice with the lowest score (the first, on a tie).
    pub fn lowest(&self) -> Option<&Practice> {
        self.practices.iter().min_by_key(|p| p.score)
    }
}

fn figures_text(f: &Figures) -> String {
    f.0.iter()
        .map(|(k, v)| format!("{} {v}", k.replace('_', " ")))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Report for Scorecard {
    fn command(&self) -> &'static str {
        "scorecard"
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        doc.title(format!("Scorecard, {} to {}", self.since, self.today));
        let rows = self
            .practices
            .iter()
            .map(|p| {
                let look = match p.score {
                    80.. => Look::Good,
                    50..80 => Look::Warn,
                    _ => Look::Bad,
                };
                vec![
                    Inline::plain(title(p.practice)),
                    Inline::styled(look, p.score.to_string()),
                    Inline::plain(figures_text(&p.figures)),
                ]
            })
            .collect();
        doc.push(Block::Table(Table {
            header: vec!["practice".into(), "score".into(), "figures".into()],
            rows,
            numeric: vec![1],
        }));
        if let Some(low) = self.lowest() {
            doc.para(
                Inline::styled(
                    Look::Strong,
                    format!("To improve {}:", title(low.practice).to_lowercase()),
                )
                .text(format!(" {}", advice(low.practice))),
            );
        }
        doc
    }

    fn json(&self) -> String {
        to_json(&self.practices)
    }

    fn csv(&self) -> Option<Csv> {
        Some(Csv {
            header: vec!["practice", "score", "figures"],
            rows: self
                .practices
                .iter()
                .map(|p| {
                    vec![
                        p.practice.to_string(),
                        p.score.to_string(),
                        figures_text(&p.figures),
                    ]
                })
                .collect(),
        })
    }
}
