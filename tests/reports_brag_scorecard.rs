//! `upward brag` and `upward scorecard` on hand-made journals whose answers are worked out in
//! the comments.

#[path = "golden/support.rs"]
mod support;

use support::{d, journal, run};
use upward::report::{Format, brag, render, scorecard, select};

const BRAG: &str = "\
boss @ann Ann
2026-01-05 priority #api @ann rank:2 Ship the API
2026-01-05 priority #perf @ann rank:1 Make it fast
2026-02-01 win #perf impact:-40% Latency down
2026-01-10 win #perf Faster builds
2026-03-01 initiative #perf/cache Added a cache, 3x hit rate
2026-02-10 initiative #api Wrote the SDK
2026-02-15 win Helped hiring
2026-02-20 did #perf Not a win
2025-12-01 win #api Too early
";

#[test]
fn brag_groups_by_priority_with_numbers_first() {
    let j = journal(BRAG);
    let options = brag::Options {
        since: d("2026-01-01"),
        bosses: Vec::new(),
    };
    let b = brag::build(&j, d("2026-03-10"), &options);
    assert_eq!((b.wins, b.initiatives, b.quantified), (3, 2, 2));
    let md = render(&b, Format::Md, None).expect("md");
    assert_eq!(
        md,
        "# Wins and initiatives, 2026-01-01 to 2026-03-10\n\n\
         3 wins and 2 initiatives; 2 of them with a number.\n\n\
         ## Make it fast (#perf)\n\n\
         - 2026-02-01 **-40%** Latency down `t.up:4`\n\
         - 2026-03-01 Added a cache, 3x hit rate (initiative) `t.up:6`\n\
         - 2026-01-10 Faster builds `t.up:5`\n\n\
         ## Ship the API (#api)\n\n\
         - 2026-02-10 Wrote the SDK (initiative) `t.up:7`\n\n\
         ## Beyond the priorities\n\n\
         - 2026-02-15 Helped hiring `t.up:8`\n"
    );
    let csv = render(&b, Format::Csv, None).expect("csv");
    assert_eq!(
        csv.lines().nth(1),
        Some("perf,Make it fast,2026-02-01,win,Latency down,-40%,true,t.up,4")
    );
    assert_eq!(brag::default_since(d("2026-03-10")), d("2025-03-10"));
}

/// Window 2026-02-02 to 2026-03-01 (a Sunday, in W09):
/// - priorities known: 1 of 1 bosses; 3 of 4 work entries aligned = 75
/// - check-ins: W06, W07, W09 met, W08 missed = 3 of 4 = 75
/// - updates: W06, W07 met, W08 missed; W09 not met yet and still open = 2 of 3 = 67
/// - feedback: February asked (March still open) = 100; the feedback acted on = 100 → 100
/// - problems: 1 of 2 with a solution = 50
/// - promises: ^a kept, ^b broken = 50
/// - wins: 1 of 2 quantified = 50
/// - oversteps: one bypass among 2 updates, 1 escalation and 2 promises = 100 - 20 = 80
const SCORES: &str = "\
boss @ann Ann
  cadence: weekly
  updates: weekly
2026-02-02 priority #api @ann rank:1 Ship the API
2026-02-02 checkin @ann
2026-02-09 checkin @ann
2026-02-23 checkin @ann
2026-02-06 update @ann Week one
2026-02-13 update @ann Week two
2026-02-03 did #api Built it
2026-02-04 did #ops Paged
2026-02-05 win #api impact:+10% Faster
2026-02-06 win #api Nicer
2026-02-07 problem #api Flaky
  solution: retry
2026-02-08 problem #api Slow
2026-02-02 promise ^a @ann due:2026-02-10 A
2026-02-09 done ^a
2026-02-02 promise ^b @ann due:2026-02-12 B
2026-02-03 feedback @ann tone:negative Too long
  [x] cut it
2026-02-04 ask @ann How am I doing?
2026-02-10 escalate @vp Went over
";

#[test]
fn scorecard_scores_each_practice() {
    let j = journal(SCORES);
    let today = d("2026-03-01");
    let options = scorecard::Options {
        since: d("2026-02-02"),
        bosses: select::active(&j, today),
    };
    let card = scorecard::build(&j, today, &options);
    let scores: Vec<(&str, u32)> = card
        .practices
        .iter()
        .map(|p| (p.practice, p.score))
        .collect();
    assert_eq!(
        scores,
        [
            ("priorities-known", 75),
            ("regular-check-ins", 75),
            ("regular-updates", 67),
            ("feedback-asked-and-acted-on", 100),
            ("solutions-with-problems", 50),
            ("promises-kept", 50),
            ("quantified-wins", 50),
            ("no-oversteps", 80),
        ]
    );
    assert_eq!(
        card.lowest().map(|p| p.practice),
        Some("solutions-with-problems")
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(&card, Format::Json, None).expect("json")).expect("parse");
    let first = &json[0];
    assert_eq!(first["practice"], "priorities-known");
    assert_eq!(first["score"], 75);
    assert_eq!(
        first["figures"],
        serde_json::json!({"bosses": 1, "bosses_with_priorities": 1, "work": 4, "aligned_work": 3})
    );
    let keys: Vec<&String> = json[7].as_object().expect("object").keys().collect();
    assert_eq!(
        keys.len(),
        3,
        "each practice is exactly {{practice, score, figures}}"
    );
    let term = render(&card, Format::Term, None).expect("term");
    assert!(
        term.contains("To improve solutions with problems: Bring a proposed fix"),
        "{term}"
    );
}

#[test]
fn scorecard_and_brag_on_the_command_line() {
    let out = run(&[
        "-f",
        "samples/engineer/journal.up",
        "--today",
        "2026-11-23",
        "scorecard",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let names: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["practice"].as_str().expect("name"))
        .collect();
    assert_eq!(names.len(), 8);
    for p in v.as_array().expect("array") {
        let score = p["score"].as_u64().expect("score");
        assert!(score <= 100);
        assert!(p["figures"].is_object());
    }
    let out = run(&[
        "-f",
        "samples/engineer/journal.up",
        "--today",
        "2026-11-23",
        "brag",
        "--since",
        "2026-10-01",
        "--boss",
        "dev",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    for key in [
        "since",
        "until",
        "wins",
        "initiatives",
        "quantified",
        "groups",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let item = &v["groups"][0]["items"][0];
    for key in [
        "date",
        "kind",
        "text",
        "impact",
        "quantified",
        "file",
        "line",
    ] {
        assert!(item.get(key).is_some(), "item misses {key}");
    }
}

#[test]
fn terminal_tables_fit_the_width() {
    let j = journal(SCORES);
    let today = d("2026-03-01");
    let options = scorecard::Options {
        since: d("2026-02-02"),
        bosses: select::active(&j, today),
    };
    let card = scorecard::build(&j, today, &options);
    let wide = support::strip_ansi(&render(&card, Format::Term, None).expect("term"));
    assert!(wide.lines().any(|l| l.chars().count() > 60));
    let narrow = support::strip_ansi(&render(&card, Format::Term, Some(60)).expect("term"));
    let table: Vec<&str> = narrow
        .lines()
        .skip(2)
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(table.len() > 9, "cells wrap onto more lines:\n{narrow}");
    for line in table {
        assert!(line.chars().count() <= 60, "{line:?} is wider than 60");
    }
}
