//! `streaks --format html`: for each boss, the streak table (as the terminal shows it) and
//! the calendar heatmap.

use super::doc::table;
use super::heatmap_chart::heatmap;
use super::markup::Markup;
use super::page::Page;
use crate::report::streaks_doc::{StreaksReport, streak_table};

pub fn page(report: &StreaksReport) -> String {
    let mut page = Page::new(
        &format!("Streaks on {}", report.today),
        "Check-ins, updates, feedback asks and promises kept, boss by boss",
    );
    if report.bosses.is_empty() {
        let mut m = Markup::new();
        m.element(
            "p",
            &[("class", "note")],
            "No boss is active today: declare one with a `boss @id Name` line.",
        );
        page.push(&m);
    }
    for (i, b) in report.bosses.iter().enumerate() {
        let mut m = Markup::new();
        if let Some(until) = b.until {
            m.element(
                "p",
                &[("class", "note")],
                &format!("Counted up to {until}, their last day as your boss."),
            );
        }
        m.push(&table(
            &format!("Streaks with {}", b.boss),
            &streak_table(&b.streaks),
        ));
        m.element("h3", &[], "Entries per day");
        m.push(&heatmap(&b.heatmap, &b.boss));
        page.section(&format!("boss-{}", i + 1), &b.boss, &m);
    }
    page.finish("streaks", &format!("upward streaks, {}", report.today))
}
