//! `streaks`' calendar heatmap: weeks as columns (oldest left), weekdays as rows (Monday on
//! top), a shade per day for the boss's entries that day, away days marked, month names
//! above; every cell has a title, and a table lists the counts week by week.

use chrono::Datelike;

use super::markup::{Markup, table};
use super::page::{figure, legend};
use super::svg::Svg;
use crate::report::facts::plus;
use crate::report::heatmap::{Day, Heatmap, level};

const CELL: f64 = 14.0;
const STEP: f64 = 17.0;
const LEFT: f64 = 34.0;
const TOP: f64 = 18.0;
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn describe(day: Day) -> String {
    match day {
        Day::Future => "later".into(),
        Day::Away => "away".into(),
        Day::Entries(1) => "1 entry".into(),
        Day::Entries(n) => format!("{n} entries"),
    }
}

/// The heatmap of one boss, its legend and its table.
pub fn heatmap(map: &Heatmap, whose: &str) -> Markup {
    let weeks = map.weeks();
    let mut svg = Svg::new(LEFT + STEP * weeks as f64 + 4.0, TOP + STEP * 7.0 + 4.0);
    for (row, name) in WEEKDAYS.iter().enumerate().filter(|(r, _)| r % 2 == 0) {
        svg.text(
            LEFT - 6.0,
            TOP + STEP * row as f64 + 11.0,
            "end",
            "tick",
            name,
        );
    }
    let mut last_label = -10.0;
    for week in 0..weeks {
        let monday = plus(map.from, 7 * week as i64);
        let x = LEFT + STEP * week as f64;
        let first_of_month = plus(monday, 6).day() <= 7;
        if (first_of_month || week == 0) && x - last_label >= 3.0 * STEP {
            svg.text(
                x,
                TOP - 6.0,
                "start",
                "tick",
                &plus(monday, 6).format("%b").to_string(),
            );
            last_label = x;
        }
        for (row, weekday) in WEEKDAYS.iter().enumerate() {
            let day = map.days[week * 7 + row];
            let date = plus(monday, row as i64);
            let class = match day {
                Day::Future => "future".to_string(),
                Day::Away => "away".to_string(),
                Day::Entries(n) => format!("s{}", level(n)),
            };
            let tip = format!("{date} ({weekday}): {}", describe(day));
            svg.rect(x, TOP + STEP * row as f64, CELL, CELL, &class, &tip);
        }
    }
    let rows: Vec<Vec<Markup>> = (0..weeks)
        .map(|week| {
            let monday = plus(map.from, 7 * week as i64);
            let mut row = vec![Markup::of(&monday.to_string())];
            row.extend((0..7).map(|d| {
                Markup::of(&match map.days[week * 7 + d] {
                    Day::Future => String::new(),
                    Day::Away => "away".into(),
                    Day::Entries(n) => n.to_string(),
                })
            }));
            row
        })
        .collect();
    let mut header = vec!["Week of"];
    header.extend(WEEKDAYS);
    let label = format!("Entries per day for {whose}, over the last {weeks} weeks");
    let key = legend(&[
        ("s0", "none".into()),
        ("s1", "1".into()),
        ("s2", "2".into()),
        ("s3", "3–4".into()),
        ("s4", "5 or more entries a day".into()),
        ("away", "away".into()),
    ]);
    figure(
        &svg.finish_sized(&label, "heatmap"),
        &key,
        table(&format!("Entries per day for {whose}"), &header, &rows),
    )
}
