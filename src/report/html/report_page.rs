//! `report --format html`: the period's page. Headline figures, the priority lanes, the
//! share of work by week, the work itself, the check-in and update calendar, the promises
//! by verdict, the wins and the period's warnings with their file:line.

use super::calendar_chart::calendar;
use super::lanes::lanes;
use super::markup::{Markup, at, table};
use super::page::{Page, figures};
use super::promises_chart::promises;
use super::share::share;
use crate::model::Verdict;
use crate::report::summary::Summary;

pub fn page(s: &Summary) -> String {
    let bosses = if s.bosses.is_empty() {
        "every boss".to_string()
    } else {
        super::lanes::bosses(&s.bosses)
    };
    let mut page = Page::new(
        &format!("Report {}", s.period.label),
        &format!(
            "{} to {}, for {bosses}, as of {}",
            s.period.from, s.period.to, s.today
        ),
    );
    let aligned = s.work - s.unaligned.len();
    let kept = s
        .promises
        .iter()
        .filter(|p| p.state == Verdict::Kept)
        .count();
    let judged = s
        .promises
        .iter()
        .filter(|p| matches!(p.state, Verdict::Kept | Verdict::Late | Verdict::Broken))
        .count();
    page.push(&figures(&[
        (s.work.to_string(), "pieces of work"),
        (
            (aligned * 100 + s.work / 2)
                .checked_div(s.work)
                .map_or("–".into(), |p| format!("{p}%")),
            "aligned with a priority",
        ),
        (s.checkins.len().to_string(), "check-ins"),
        (s.updates.len().to_string(), "updates"),
        (format!("{kept} of {judged}"), "promises kept"),
        (s.wins.len().to_string(), "wins"),
        (s.warnings.len().to_string(), "warnings"),
    ]));
    if s.priorities.is_empty() {
        page.section(
            "priorities",
            "Priorities",
            &note("No priority stood in this period."),
        );
    } else {
        page.section("priorities", "Priorities", &lanes(s));
        page.section("share", "Where the work went", &share(s));
        page.section("work", "The work, priority by priority", &work(s));
    }
    page.section("calendar", "Check-ins and updates", &calendar(s));
    page.section("promises", "Promises", &promises(s));
    page.section("wins", "Wins", &wins(s));
    page.section("warnings", "Warnings", &warnings(s));
    page.finish("report", &format!("upward report, {}", s.today))
}

fn note(text: &str) -> Markup {
    let mut m = Markup::new();
    m.element("p", &[("class", "note")], text);
    m
}

/// Each priority's aligned work, then the unaligned work, each entry with its date and place.
fn work(s: &Summary) -> Markup {
    let mut m = Markup::new();
    let groups = s
        .priorities
        .iter()
        .map(|p| (p.priority.label(), &p.work))
        .chain([("Outside the priorities".to_string(), &s.unaligned)]);
    for (name, entries) in groups.filter(|(_, e)| !e.is_empty()) {
        m.element("h3", &[], &name)
            .open("ul", &[("class", "entries")])
            .nl();
        for e in entries {
            m.open("li", &[])
                .element("span", &[("class", "date")], &e.date.to_string())
                .text(" ")
                .text(&e.text)
                .text(" ")
                .push(&at(&e.file, e.line))
                .close("li")
                .nl();
        }
        m.close("ul").nl();
    }
    if m.is_empty() {
        return note("No work logged in this period.");
    }
    m
}

fn wins(s: &Summary) -> Markup {
    if s.wins.is_empty() {
        return note("No win logged in this period.");
    }
    let mut m = Markup::new();
    m.open("ul", &[("class", "entries")]).nl();
    for w in &s.wins {
        m.open("li", &[])
            .element("span", &[("class", "date")], &w.entry.date.to_string())
            .text(" ");
        if let Some(impact) = &w.impact {
            m.element("span", &[("class", "impact")], impact).text(" ");
        }
        m.text(&w.entry.text).text(" ");
        if !w.quantified {
            m.element("span", &[("class", "tag")], "add a number")
                .text(" ");
        }
        m.push(&at(&w.entry.file, w.entry.line)).close("li").nl();
    }
    m.close("ul").nl();
    m
}

fn warnings(s: &Summary) -> Markup {
    if s.warnings.is_empty() {
        return note("No warning in this period.");
    }
    let rows: Vec<Vec<Markup>> = s
        .warnings
        .iter()
        .map(|w| {
            vec![
                Markup::of(w.code),
                Markup::of(&w.message),
                at(&w.file, w.line),
            ]
        })
        .collect();
    table(
        "The period's warnings, where each points",
        &["Rule", "Warning", "Where"],
        &rows,
    )
}
