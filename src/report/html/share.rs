//! `report`'s share of work by week: one stacked bar per ISO week (per month for a period
//! longer than 26 weeks), each piece of work (`did`, `initiative`, `win`) under the first
//! priority of the list it is aligned with, and unaligned work on top; the bar's height is
//! the week's whole, its figure the count.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::lanes::colour;
use super::markup::{Markup, table};
use super::page::{figure, legend};
use super::svg::{Bands, Linear, Svg, num};
use crate::period::{Period, Unit};
use crate::report::summary::Summary;

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 48.0;
const TOP: f64 = 22.0;
const HEIGHT: f64 = 200.0;

/// Weeks a period may have before its bars are months.
const MAX_WEEKS: i64 = 26;

/// One week's (or month's) counts: per priority (in list order), then unaligned.
struct Week {
    period: Period,
    counts: Vec<u32>,
}

impl Week {
    fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

fn weeks(s: &Summary) -> Vec<Week> {
    let end = s.period.to.min(s.today).max(s.period.from);
    let slots = s.priorities.len() + 1;
    let mut weeks = Vec::new();
    let unit = if crate::period::days_between(s.period.from, end) < 7 * MAX_WEEKS {
        Unit::Week
    } else {
        Unit::Month
    };
    let mut period = Period::containing(unit, s.period.from, None);
    loop {
        weeks.push(Week {
            period,
            counts: vec![0; slots],
        });
        if period.end >= end {
            break;
        }
        period = period.next();
    }
    // Each piece of work once, under the first priority listing it.
    let mut slot_of: HashMap<(&str, u32), (usize, NaiveDate)> = HashMap::new();
    for (i, p) in s.priorities.iter().enumerate() {
        for e in &p.work {
            slot_of
                .entry((e.file.as_str(), e.line))
                .or_insert((i, e.date));
        }
    }
    for e in &s.unaligned {
        slot_of
            .entry((e.file.as_str(), e.line))
            .or_insert((slots - 1, e.date));
    }
    for (slot, date) in slot_of.into_values() {
        if let Some(w) = weeks.iter_mut().find(|w| w.period.contains(date)) {
            w.counts[slot] += 1;
        }
    }
    weeks
}

fn name(s: &Summary, slot: usize) -> String {
    s.priorities
        .get(slot)
        .map_or("unaligned".to_string(), |p| p.priority.label())
}

fn class(s: &Summary, slot: usize) -> String {
    if slot < s.priorities.len() {
        colour(slot)
    } else {
        "unaligned".into()
    }
}

/// The chart, its legend and its table.
pub fn share(s: &Summary) -> Markup {
    let weeks = weeks(s);
    // A bar is at most 90 units wide, so that a short period does not draw a wall.
    let bands = Bands {
        n: weeks.len(),
        x0: LEFT,
        x1: (LEFT + 90.0 * weeks.len() as f64).min(WIDTH - 8.0),
        gap: 0.3,
    };
    let y = Linear {
        domain: (0.0, 100.0),
        range: (TOP + HEIGHT, TOP),
    };
    let mut svg = Svg::new(WIDTH, TOP + HEIGHT + 24.0);
    for pct in [0.0, 50.0, 100.0] {
        svg.line(LEFT, y.at(pct), bands.x1, y.at(pct), "grid");
        svg.text(
            LEFT - 6.0,
            y.at(pct) + 4.0,
            "end",
            "tick",
            &format!("{}%", num(pct)),
        );
    }
    for (i, w) in weeks.iter().enumerate() {
        let total = w.total();
        let week = w.period.to_string();
        let mut base = 0.0;
        for (slot, &n) in w.counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            let pct = f64::from(n) * 100.0 / f64::from(total);
            let tip = format!(
                "{week}: {}, {n} of {total} ({}%)",
                name(s, slot),
                num(pct.round())
            );
            let (top, bottom) = (y.at(base + pct), y.at(base));
            svg.rect(
                bands.start(i),
                top,
                bands.width(),
                bottom - top,
                &class(s, slot),
                &tip,
            );
            base += pct;
        }
        if total == 0 {
            svg.rect(
                bands.start(i),
                TOP,
                bands.width(),
                HEIGHT,
                "track",
                &format!("{week}: no work logged"),
            );
        }
        if bands.width() >= 16.0 {
            svg.text(
                bands.mid(i),
                TOP - 7.0,
                "middle",
                "small",
                &total.to_string(),
            );
        }
        let label = match (w.period.unit, weeks.len()) {
            (Unit::Month, _) if i == 0 || w.period.start.month0() == 0 => {
                w.period.start.format("%b %Y").to_string()
            }
            (Unit::Month, _) => w.period.start.format("%b").to_string(),
            (_, n) if n > 10 => format!("W{}", &week[week.len() - 2..]),
            _ => w.period.start.format("%-d %b").to_string(),
        };
        // About 21 labels fit; the others are left out, their bars keep their titles.
        if i % weeks.len().div_ceil(21) == 0 {
            svg.text(bands.mid(i), TOP + HEIGHT + 15.0, "middle", "tick", &label);
        }
    }
    let slots = s.priorities.len() + 1;
    let keys: Vec<(String, String)> = (0..slots)
        .map(|slot| (class(s, slot), name(s, slot)))
        .collect();
    let legend_items: Vec<(&str, String)> =
        keys.iter().map(|(c, n)| (c.as_str(), n.clone())).collect();
    let mut header: Vec<String> = vec!["Week".into()];
    header.extend(s.priorities.iter().map(|p| format!("#{}", p.priority.key)));
    header.extend(["unaligned".into(), "all work".into()]);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<Markup>> = weeks
        .iter()
        .map(|w| {
            let mut row = vec![Markup::of(&w.period.to_string())];
            row.extend(w.counts.iter().map(|n| Markup::of(&n.to_string())));
            row.push(Markup::of(&w.total().to_string()));
            row
        })
        .collect();
    let label = format!(
        "Share of work aligned with each priority, week by week, over {}",
        s.period.label
    );
    figure(
        &svg.finish(&label, "share"),
        &legend(&legend_items),
        table(
            "Work per week: each piece counted once, under the first priority it is aligned with",
            &header,
            &rows,
        ),
    )
}
