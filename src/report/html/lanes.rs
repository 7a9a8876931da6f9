//! `report`'s priority lanes: one lane per priority over the period, coloured while it is
//! active and faded once done or dropped, with its rank and boss written in, a diamond at
//! each change and a bar where it passed to another boss.

use chrono::NaiveDate;

use super::markup::{Markup, table};
use super::page::figure;
use super::svg::{Days, Svg, clip, date_axis};
use crate::model::Status;
use crate::period::add_days;
use crate::report::summary::{LaneStep, PriorityLine, Summary};

const WIDTH: f64 = 1000.0;
const LABEL: f64 = 250.0;
const LANE: f64 = 38.0;
const BAR: f64 = 22.0;
const TOP: f64 = 8.0;

/// The class of the priority at `i` in the list: its colour.
pub fn colour(i: usize) -> String {
    format!("p{}", i % 8)
}

/// `@maria`, `@maria @dev`, or `no boss`.
pub fn bosses(ids: &[String]) -> String {
    if ids.is_empty() {
        "no boss".into()
    } else {
        ids.iter()
            .map(|b| format!("@{b}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn step_text(step: &LaneStep) -> String {
    let rank = step
        .rank
        .map_or("unranked".to_string(), |r| format!("rank {r}"));
    match step.status {
        _ if step.former => format!("former boss · {}", bosses(&step.boss)),
        Status::Active => format!("{rank} · {}", bosses(&step.boss)),
        other => format!("{} · {}", other.as_str(), bosses(&step.boss)),
    }
}

/// The lanes, their legend and their table.
pub fn lanes(s: &Summary) -> Markup {
    let end = s.period.to.min(s.today);
    let days = Days {
        from: s.period.from,
        to: s.period.to,
        x0: LABEL + 10.0,
        x1: WIDTH - 10.0,
    };
    let bottom = TOP + LANE * s.priorities.len() as f64;
    let mut svg = Svg::new(WIDTH, bottom + 24.0);
    date_axis(&mut svg, &days, TOP - 4.0, bottom);
    for (i, p) in s.priorities.iter().enumerate() {
        lane(&mut svg, &days, i, p, end, TOP + LANE * i as f64);
    }
    if s.today < s.period.to && days.contains(s.today) {
        let x = days.end(s.today);
        svg.line(x, TOP - 4.0, x, bottom, "today");
        // Left of the line near the right edge, so that the word is not cut.
        if x > WIDTH - 60.0 {
            svg.text(x - 3.0, TOP + 6.0, "end", "small", "today");
        } else {
            svg.text(x + 3.0, TOP + 6.0, "start", "small", "today");
        }
    }
    let label = format!(
        "Priorities over {}: {} lanes, with rank and status changes and the boss of each",
        s.period.label,
        s.priorities.len()
    );
    let rows: Vec<Vec<Markup>> = s
        .priorities
        .iter()
        .map(|p| {
            let changes: Vec<String> = p
                .changes
                .iter()
                .map(|c| format!("{}: {}", c.date, c.what))
                .collect();
            let boss: Vec<String> = p.lane.iter().map(|l| bosses(&l.boss)).collect();
            let mut boss_dedup = boss.clone();
            boss_dedup.dedup();
            vec![
                Markup::of(&p.priority.label()),
                Markup::of(&boss_dedup.join(" then ")),
                Markup::of(&p.rank.map_or(String::new(), |r| r.to_string())),
                Markup::of(p.status_word()),
                Markup::of(&format!("{}%", p.share_percent)),
                Markup::of(&changes.join("; ")),
            ]
        })
        .collect();
    let table = table(
        "Priorities, their boss, rank and status at the end of the period, and their changes",
        &[
            "Priority",
            "Boss",
            "Rank",
            "Status",
            "Share of work",
            "Changes",
        ],
        &rows,
    );
    let legend = super::page::legend(&[
        ("", "◆ a change of rank, status, due date or title".into()),
        ("", "▮ passed to another boss".into()),
    ]);
    figure(&svg.finish(&label, "lanes"), &legend, table)
}

fn lane(svg: &mut Svg, days: &Days, i: usize, p: &PriorityLine, end: NaiveDate, y: f64) {
    let name = p.priority.label();
    let bar_y = y + (LANE - BAR) / 2.0;
    svg.text(LABEL, bar_y + BAR / 2.0 + 4.5, "end", "", &clip(&name, 34));
    svg.rect(
        days.x0,
        bar_y,
        days.x1 - days.x0,
        BAR,
        "track",
        &format!("{name}: {} at the end of the period", p.status_word()),
    );
    for (k, step) in p.lane.iter().enumerate() {
        let last = p
            .lane
            .get(k + 1)
            .map_or(end, |next| add_days(next.from, -1));
        if last < step.from {
            continue;
        }
        let (x, x_end) = (days.at(step.from), days.end(last));
        let class = if step.is_active() {
            colour(i)
        } else {
            format!("{} ended", colour(i))
        };
        let text = step_text(step);
        let tip = format!("{name}: {text}, {} to {last}", step.from);
        svg.rect(x, bar_y, x_end - x, BAR, &class, &tip);
        if (x_end - x) > text.chars().count() as f64 * 6.2 + 8.0 {
            let on = if step.is_active() { "in" } else { "in-ended" };
            svg.text(x + 5.0, bar_y + BAR / 2.0 + 4.0, "start", on, &text);
        }
        let previous = k.checked_sub(1).and_then(|j| p.lane.get(j));
        if let Some(before) = previous.filter(|b| b.boss != step.boss) {
            let tip = format!(
                "{}: {name} passed from {} to {}",
                step.from,
                bosses(&before.boss),
                bosses(&step.boss)
            );
            svg.rect(x - 2.0, bar_y - 5.0, 4.0, BAR + 10.0, "boss", &tip);
        }
    }
    for c in p.changes.iter().filter(|c| days.contains(c.date)) {
        let tip = format!("{}: {} — {}", c.date, name, c.what);
        svg.diamond(days.at(c.date), bar_y, 6.0, "change", &tip);
    }
}
