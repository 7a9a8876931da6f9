//! `report`'s check-in and update calendar: a row per boss and rhythm, a cell per period,
//! coloured and marked met (✓), missed (✗), excused (~) or open (…).

use super::markup::{Markup, table};
use super::page::{figure, legend};
use super::svg::{Days, Svg, date_axis};
use crate::report::calendar::{Cell, Mark, Row};
use crate::report::summary::Summary;

const WIDTH: f64 = 1000.0;
const LABEL: f64 = 250.0;
const ROW: f64 = 30.0;
const TOP: f64 = 6.0;

fn glyph(mark: Mark) -> &'static str {
    match mark {
        Mark::Met => "✓",
        Mark::Missed => "✗",
        Mark::Excused => "~",
        Mark::Open => "…",
    }
}

fn class(mark: Mark) -> &'static str {
    match mark {
        Mark::Open => "pending",
        other => other.as_str(),
    }
}

fn what(row: &Row) -> String {
    match row.kind {
        "checkin" => format!("check-ins with @{} ({})", row.boss, row.rhythm),
        _ => format!("updates to @{} ({})", row.boss, row.rhythm),
    }
}

fn tip(row: &Row, c: &Cell) -> String {
    format!(
        "{} {}: {} of {}, {}",
        c.period,
        what(row),
        c.have,
        c.need,
        c.mark.as_str()
    )
}

/// The calendar, its legend and its table; a note when no boss has a rhythm in the period.
pub fn calendar(s: &Summary) -> Markup {
    if s.calendar.is_empty() {
        let mut m = Markup::new();
        m.element(
            "p",
            &[("class", "note")],
            "No boss with a check-in cadence or an update rhythm in this period.",
        );
        return m;
    }
    let days = Days {
        from: s.period.from,
        to: s.period.to,
        x0: LABEL + 10.0,
        x1: WIDTH - 10.0,
    };
    let bottom = TOP + ROW * s.calendar.len() as f64;
    let mut svg = Svg::new(WIDTH, bottom + 24.0);
    date_axis(&mut svg, &days, TOP - 2.0, bottom);
    for (i, row) in s.calendar.iter().enumerate() {
        let y = TOP + ROW * i as f64 + 4.0;
        let h = ROW - 8.0;
        svg.text(LABEL, y + h / 2.0 + 4.5, "end", "", &what(row));
        for c in &row.cells {
            let (x0, x1) = (days.at(c.from.max(days.from)), days.end(c.to.min(days.to)));
            let w = (x1 - x0 - 2.0).max(1.0);
            svg.rect(x0 + 1.0, y, w, h, class(c.mark), &tip(row, c));
            if w >= 12.0 {
                let text_class = if c.mark == Mark::Open { "small" } else { "in" };
                svg.text(
                    x0 + 1.0 + w / 2.0,
                    y + h / 2.0 + 4.0,
                    "middle",
                    text_class,
                    glyph(c.mark),
                );
            }
        }
    }
    let rows: Vec<Vec<Markup>> = s
        .calendar
        .iter()
        .flat_map(|row| {
            row.cells.iter().map(move |c| {
                vec![
                    Markup::of(&format!("@{}", row.boss)),
                    Markup::of(if row.kind == "checkin" {
                        "check-in"
                    } else {
                        "update"
                    }),
                    Markup::of(&c.period),
                    Markup::of(&c.have.to_string()),
                    Markup::of(&c.need.to_string()),
                    Markup::of(c.mark.as_str()),
                ]
            })
        })
        .collect();
    let count = |mark: Mark| {
        s.calendar
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.mark == mark)
            .count()
    };
    let legend = legend(&[
        ("met", format!("✓ met ({})", count(Mark::Met))),
        ("missed", format!("✗ missed ({})", count(Mark::Missed))),
        (
            "excused",
            format!(
                "~ excused: away half the period or more ({})",
                count(Mark::Excused)
            ),
        ),
        (
            "pending",
            format!("… open: the current period ({})", count(Mark::Open)),
        ),
    ]);
    let label = format!(
        "Check-ins and updates over {}, period by period",
        s.period.label
    );
    figure(
        &svg.finish(&label, "calendar"),
        &legend,
        table(
            "Check-ins and updates per period: how many were logged and how many the rhythm asks",
            &["Boss", "Kind", "Period", "Logged", "Asked", "Mark"],
            &rows,
        ),
    )
}
