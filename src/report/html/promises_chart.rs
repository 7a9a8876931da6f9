//! `report`'s promises on a timeline: a row per promise from the day it was made to its due
//! date in force (◆), with a dot on the day it was done, coloured by its verdict (kept,
//! late, broken, dropped, open); the report's period is shaded.

use chrono::NaiveDate;

use super::markup::{Markup, at, table};
use super::page::{figure, legend};
use super::svg::{Days, Svg, clip, date_axis};
use crate::model::Verdict;
use crate::report::commitments::Promise;
use crate::report::summary::Summary;

const WIDTH: f64 = 1000.0;
const LABEL: f64 = 250.0;
const ROW: f64 = 26.0;
const TOP: f64 = 8.0;

/// The verdicts in the order they are shown.
pub const VERDICTS: [Verdict; 5] = [
    Verdict::Kept,
    Verdict::Late,
    Verdict::Broken,
    Verdict::Dropped,
    Verdict::Open,
];

fn span(s: &Summary) -> (NaiveDate, NaiveDate) {
    let mut from = s.period.from;
    let mut to = s.period.to;
    for p in &s.promises {
        from = from.min(p.entry.date);
        for d in [p.due, p.done].into_iter().flatten() {
            to = to.max(d);
            from = from.min(d);
        }
    }
    (from, to)
}

fn tip(p: &Promise) -> String {
    let due = p.due.map_or("no due date".into(), |d| format!("due {d}"));
    let done = p.done.map_or(String::new(), |d| format!(", done {d}"));
    format!(
        "{} (made {}, {due}{done}): {}",
        p.text,
        p.entry.date,
        p.state.as_str()
    )
}

/// The timeline, its legend and its table; a note when the period has no promise.
pub fn promises(s: &Summary) -> Markup {
    let mut m = Markup::new();
    if s.promises.is_empty() {
        m.element(
            "p",
            &[("class", "note")],
            "No promise was due, done or overdue in this period.",
        );
        return m;
    }
    let (from, to) = span(s);
    let days = Days {
        from,
        to,
        x0: LABEL + 10.0,
        x1: WIDTH - 10.0,
    };
    let bottom = TOP + ROW * s.promises.len() as f64;
    let mut svg = Svg::new(WIDTH, bottom + 24.0);
    let (p0, p1) = (days.at(s.period.from), days.end(s.period.to));
    svg.rect(
        p0,
        TOP - 4.0,
        p1 - p0,
        bottom - TOP + 4.0,
        "track",
        &format!("the period, {}", s.period.label),
    );
    date_axis(&mut svg, &days, TOP - 4.0, bottom);
    for (i, p) in s.promises.iter().enumerate() {
        let y = TOP + ROW * i as f64 + ROW / 2.0;
        let class = p.state.as_str();
        let tip = tip(p);
        svg.text(LABEL, y + 4.5, "end", "", &clip(&p.text, 34));
        let made = days.mid(p.entry.date);
        let end = [p.due, p.done]
            .into_iter()
            .flatten()
            .max()
            .map_or(made, |d| days.mid(d));
        svg.line(made, y, end, y, "span");
        svg.circle(
            made,
            y,
            3.0,
            "change",
            &format!("made {}: {}", p.entry.date, p.text),
        );
        if let Some(due) = p.due {
            let marker = if p.state == Verdict::Open {
                "pending"
            } else {
                class
            };
            svg.diamond(days.mid(due), y, 7.0, marker, &tip);
        }
        if let Some(done) = p.done {
            svg.circle(days.mid(done), y, 5.5, class, &tip);
        }
    }
    if days.contains(s.today) {
        let x = days.end(s.today);
        svg.line(x, TOP - 4.0, x, bottom, "today");
    }
    let counts: Vec<(&str, String)> = VERDICTS
        .iter()
        .map(|v| {
            let n = s.promises.iter().filter(|p| p.state == *v).count();
            (v.as_str(), format!("{} ({n})", v.as_str()))
        })
        .collect();
    let rows: Vec<Vec<Markup>> = s
        .promises
        .iter()
        .map(|p| {
            let v = p.state.as_str();
            let mut verdict = Markup::new();
            verdict.element("span", &[("class", &format!("verdict {v}"))], v);
            vec![
                Markup::of(&p.text),
                Markup::of(&p.entry.date.to_string()),
                Markup::of(&p.due.map_or(String::new(), |d| d.to_string())),
                Markup::of(&p.done.map_or(String::new(), |d| d.to_string())),
                verdict,
                at(&p.entry.file, p.entry.line),
            ]
        })
        .collect();
    let label = format!(
        "Promises due, done or overdue in {}, by verdict, on a timeline",
        s.period.label
    );
    let mut key = legend(&counts);
    key.push(&legend(&[
        ("", "● made".into()),
        ("", "◆ due date in force (hollow while open), ● done".into()),
    ]));
    m.push(&figure(
        &svg.finish(&label, "promises"),
        &key,
        table(
            "Promises, when each was made, due and done, and its verdict",
            &["Promise", "Made", "Due", "Done", "Verdict", "Where"],
            &rows,
        ),
    ));
    m
}
