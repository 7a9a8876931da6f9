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
        private: false,
    };
    let b = brag::build(&j, d("2026-03-10"), &options);
    assert_eq!((b.wins, b.initiatives, b.quantified), (3, 2, 2));
    let md = render(&b, Format::Md, None).expect("md");
    assert_eq!(
        md,
        "# Wins and initiatives, 2026-01-01 to 2026-03-10\n\n\
         3 wins and 2 initiatives, 2 of them with a number.\n\n\
         ## Make it fast (#perf) — for @ann\n\n\
         - 2026-02-01 **-40%** Latency down `t.up:4`\n\
         - 2026-03-01 Added a cache, 3x hit rate (initiative) `t.up:6`\n\
         - 2026-01-10 Faster builds `t.up:5`\n\n\
         ## Ship the API (#api) — for @ann\n\n\
         - 2026-02-10 Wrote the SDK (initiative) `t.up:7`\n\n\
         ## Beyond the priorities — for @ann\n\n\
         - 2026-02-15 Helped hiring `t.up:8`\n"
    );
    let csv = render(&b, Format::Csv, None).expect("csv");
    assert_eq!(
        csv.lines().nth(1),
        Some("perf,Make it fast,2026-02-01,win,Latency down,-40%,true,t.up,4,ann")
    );
    assert_eq!(brag::default_since(d("2026-03-10")), d("2025-03-10"));
}

/// Window 2026-02-02 to 2026-03-01 (a Sunday, in W09):
/// - priorities known: 1 of 1 bosses and 3 of 4 work entries aligned: 4 of 5 = 80
/// - check-ins: W06, W07, W09 met, W08 missed = 3 of 4 = 75
/// - updates: W06, W07 met, W08 missed; W09 not met yet and still open = 2 of 3 = 67
/// - feedback: February asked (March still open), the feedback acted on: 2 of 2 = 100
/// - problems: 1 of 2 with a solution = 50
/// - promises: ^a kept, ^b broken = 50
/// - wins: 1 of 2 quantified = 50
/// - oversteps: one bypass among 2 updates, 1 escalation and 2 promises: 4 of 5 = 80
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
            ("priorities-known", 80),
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
    assert_eq!(first["score"], 80);
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

/// Maria leaves on 03-15, Dev starts on 03-16; the window is 03-01 to Sunday 03-29.
/// Maria's periods count from 03-01 (later than her first entry, 02-02): W09 missed, W10 and
/// W11 met. Dev's from his first day: W12 and W13 met. 4 of 5 = 80. Neither boss has a
/// priority (0 of 2 bosses, no work) = 0. Nothing else has anything to count (no updates
/// rhythm, no month closed, no problems, promises, wins or entries that could overstep), so
/// the other practices are left out, not scored.
const TWO_BOSSES: &str = "\
boss @maria Maria
  until: 2026-03-15
  updates: none
boss @dev Dev
  since: 2026-03-16
  updates: none
2026-02-02 checkin @maria
2026-03-02 checkin @maria
2026-03-09 checkin @maria
2026-03-16 checkin @dev
2026-03-23 checkin @dev
";

#[test]
fn a_scorecard_window_spans_every_boss_active_in_it() {
    let j = journal(TWO_BOSSES);
    let today = d("2026-03-29");
    let since = d("2026-03-01");
    let bosses = select::active_between(&j, since, today);
    assert_eq!(bosses.len(), 2);
    let card = scorecard::build(&j, today, &scorecard::Options { since, bosses });
    let scores: Vec<(&str, u32)> = card
        .practices
        .iter()
        .map(|p| (p.practice, p.score))
        .collect();
    assert_eq!(scores, [("priorities-known", 0), ("regular-check-ins", 80)]);
    assert_eq!(
        card.practices[1].figures.0,
        [("periods", 5), ("met", 4), ("excused", 0)]
    );
    // With one boss: Dev's two weeks.
    let dev = select::find(&j, "dev", today).unwrap();
    let card = scorecard::build(
        &j,
        today,
        &scorecard::Options {
            since,
            bosses: vec![dev],
        },
    );
    assert_eq!(card.practices[1].score, 100);
    assert_eq!(card.practices[1].figures.0[0], ("periods", 2));
    // On the command line, without --boss, both bosses count.
    let (_dir, path) = support::journal_file(TWO_BOSSES);
    let out = run(&[
        "-f",
        path.to_str().unwrap(),
        "--today",
        "2026-03-29",
        "scorecard",
        "--since",
        "2026-03-01",
        "--format",
        "csv",
    ]);
    assert_eq!(
        out,
        "practice,score,figures\n\
         priorities-known,0,\"bosses 2, bosses with priorities 0, work 0, aligned work 0\"\n\
         regular-check-ins,80,\"periods 5, met 4, excused 0\"\n"
    );
}

/// Each score is round(100 × met / counted), half up, once; nothing counted is no score.
#[test]
fn a_score_rounds_half_up_once() {
    assert_eq!(scorecard::score(1, 8), Some(13));
    assert_eq!(scorecard::score(5, 8), Some(63));
    assert_eq!(scorecard::score(2, 3), Some(67));
    assert_eq!(scorecard::score(1, 3), Some(33));
    assert_eq!(scorecard::score(0, 0), None);
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

/// `did` entries with a number are brag items, `#private` ones only with `private`; of the
/// three promises due in the span, ^a was kept, ^b done late and ^c broken: 1 of 3.
#[test]
fn brag_holds_quantified_work_leaves_private_out_and_counts_promises_kept() {
    let j = journal(
        "boss @ann Ann\n\
         2026-02-01 did Cut the build from 12 to 4 minutes\n\
         2026-02-02 did Tidied the wiki\n\
         2026-02-03 win #private Got the offer, +20%\n\
         2026-02-04 promise ^a @ann due:2026-02-10 A\n\
         2026-02-09 done ^a\n\
         2026-02-04 promise ^b @ann due:2026-02-10 B\n\
         2026-02-12 done ^b\n\
         2026-02-04 promise ^c @ann due:2026-02-10 C\n",
    );
    let today = d("2026-03-01");
    let mut options = brag::Options {
        since: d("2026-01-01"),
        bosses: Vec::new(),
        private: false,
    };
    let b = brag::build(&j, today, &options);
    let texts: Vec<&str> = b
        .groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.text.as_str()))
        .collect();
    assert_eq!(texts, ["Cut the build from 12 to 4 minutes"]);
    assert_eq!((b.promises_kept, b.promises_due), (1, 3));
    let md = render(&b, Format::Md, None).expect("md");
    assert!(md.contains("Promises kept on time: 1 of 3.\n"), "{md}");
    options.private = true;
    let b = brag::build(&j, today, &options);
    assert_eq!(b.groups.iter().map(|g| g.items.len()).sum::<usize>(), 2);
}

/// The scorecard names each promise by its one verdict (docs/language.md §4): of ^a kept, ^b
/// done late, ^c broken and ^d dropped, 1 of 3 judged were kept (33), and late and broken
/// are counted apart.
#[test]
fn scorecard_counts_late_and_broken_promises_apart() {
    let j = journal(
        "boss @ann Ann\n\
         2026-02-04 promise ^a @ann due:2026-02-10 A\n\
         2026-02-09 done ^a\n\
         2026-02-04 promise ^b @ann due:2026-02-10 B\n\
         2026-02-12 done ^b\n\
         2026-02-04 promise ^c @ann due:2026-02-10 C\n\
         2026-02-04 promise ^d @ann due:2026-02-10 D\n\
         2026-02-05 done ^d status:dropped\n",
    );
    let today = d("2026-03-01");
    let options = scorecard::Options {
        since: d("2026-02-01"),
        bosses: select::active(&j, today),
    };
    let card = scorecard::build(&j, today, &options);
    let json = render(&card, Format::Json, None).expect("json");
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let promises = value
        .as_array()
        .expect("array")
        .iter()
        .find(|p| p["practice"] == "promises-kept")
        .expect("promises-kept");
    assert_eq!(promises["score"], 33);
    assert_eq!(
        promises["figures"],
        serde_json::json!({"due": 3, "kept": 1, "late": 1, "broken": 1, "dropped": 1})
    );
}

/// Each brag group says which boss its work served (docs/reports.md): #api passed from Ann to
/// Bob and holds work for both; the work beyond the priorities served Bob alone. Positive
/// feedback comes with the boss's own words; `#private` stays out.
#[test]
fn brag_groups_say_which_boss_they_served() {
    let j = journal(
        "boss @ann Ann\n  until: 2026-03-11\n\
         boss @bob Bob\n  since: 2026-03-12\n\
         2026-03-02 priority #api @ann rank:1 Ship the API\n\
         2026-03-12 priority #api @bob rank:1 Ship the public API\n\
         2026-03-05 win #api impact:2x Latency halved\n\
         2026-03-16 initiative #api Wrote the SDK\n\
         2026-03-17 win Helped hiring, 3 engineers\n\
         2026-03-18 feedback @bob tone:positive The SDK landed well\n\
         \x20 > Great SDK, the partners love it.\n\
         2026-03-19 feedback @bob tone:positive #private Said I should apply for staff\n\
         2026-03-19 feedback @bob tone:negative Too long\n",
    );
    let options = brag::Options {
        since: d("2026-01-01"),
        bosses: Vec::new(),
        private: false,
    };
    let b = brag::build(&j, d("2026-03-20"), &options);
    let groups: Vec<(Option<&str>, Vec<&str>)> = b
        .groups
        .iter()
        .map(|g| {
            let key = g.priority.as_ref().map(|p| p.key.as_str());
            (key, g.boss.iter().map(String::as_str).collect())
        })
        .collect();
    assert_eq!(
        groups,
        [(Some("api"), vec!["ann", "bob"]), (None, vec!["bob"])]
    );
    let md = render(&b, Format::Md, None).expect("md");
    assert!(
        md.contains("## Ship the public API (#api) — for @ann and @bob\n"),
        "{md}"
    );
    assert!(md.contains("## Beyond the priorities — for @bob\n"), "{md}");
    assert!(md.contains("The SDK landed well — from @bob"), "{md}");
    assert!(md.contains("> Great SDK, the partners love it."), "{md}");
    assert!(!md.contains("staff") && !md.contains("Too long"), "{md}");
    let csv = render(&b, Format::Csv, None).expect("csv");
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.ends_with(",line,boss")),
        "{csv}"
    );
    assert!(csv.contains(",t.up,7,ann bob\n"), "{csv}");
}
