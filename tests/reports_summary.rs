//! `upward report` on a hand-made journal with a boss change in the middle of the week; the
//! answers are worked out in the comments.

#[path = "golden/support.rs"]
mod support;

use support::{d, journal, run};
use upward::model::Verdict;
use upward::report::range::parse_period;
use upward::report::summary::{Options, Summary, build};
use upward::report::{Format, render, select};

const HANDOVER: &str = "\
boss @ann Ann
  until: 2026-03-11
boss @bob Bob
  since: 2026-03-12
2026-03-02 priority #api @ann rank:1 Ship the API
2026-03-02 priority #docs @ann rank:2 Write the docs
2026-03-09 checkin @ann dur:30m Last 1:1 with Ann
  [ ] send Ann the notes
2026-03-09 did #api Built the endpoint
2026-03-10 did #ops Fixed the pager
2026-03-10 update @ann Endpoint built
2026-03-10 promise ^spec @ann due:2026-03-13 API spec
2026-03-12 priority #api @bob rank:1 Ship the public API
2026-03-12 priority #docs @bob status:dropped
2026-03-12 checkin @bob dur:1h First 1:1 with Bob
  [ ] @bob share the roadmap due:2026-03-13
2026-03-12 promise ^deck @bob due:2026-03-13 Roadmap deck
2026-03-13 win #api impact:2x Latency halved
2026-03-13 done ^spec
2026-03-13 feedback @bob tone:negative Too much detail
  [x] shorten the update
2026-03-14 ask @bob What should I stop doing?
2026-03-16 did #api Next week's work
";

fn report(boss: Option<&str>) -> Summary {
    let j = journal(HANDOVER);
    let today = d("2026-03-16");
    let bosses = boss
        .map(|b| vec![select::find(&j, b, today).expect("boss")])
        .unwrap_or_default();
    let period = parse_period("last-week", today).expect("period");
    build(&j, today, &Options { period, bosses })
}

/// The summary of `period` for every boss.
fn every_boss(j: &upward::model::Journal, period: &str, today: chrono::NaiveDate) -> Summary {
    let period = parse_period(period, today).expect("period");
    build(
        j,
        today,
        &Options {
            period,
            bosses: Vec::new(),
        },
    )
}

#[test]
fn last_week_across_a_boss_change() {
    let r = report(None);
    assert_eq!(
        (r.period.label.as_str(), r.period.from, r.period.to),
        ("2026-W11", d("2026-03-09"), d("2026-03-15"))
    );
    // Work: two did and one win; next week's did is outside the period.
    assert_eq!(r.work, 3);
    // #api, restated by Bob (his from then on) and retitled, rank 1, has 2 of the 3 work
    // entries (67%); #docs was restated by Bob as dropped in the period, with no work.
    let lines: Vec<(&str, &str, &str, usize, u32)> = r
        .priorities
        .iter()
        .map(|p| {
            let change = p.changes.first().map_or("", |c| c.what.as_str());
            (
                p.priority.key.as_str(),
                p.priority.title.as_str(),
                change,
                p.work.len(),
                p.share_percent,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "api",
                "Ship the public API",
                "now @bob's, rank 1, retitled",
                2,
                67
            ),
            ("docs", "Write the docs", "now @bob's, dropped", 0, 0),
        ]
    );
    let unaligned: Vec<&str> = r.unaligned.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(unaligned, ["Fixed the pager"]);
    let checkins: Vec<(&str, Option<u32>)> = r
        .checkins
        .iter()
        .map(|c| (c.boss[0].as_str(), c.minutes))
        .collect();
    assert_eq!(checkins, [("ann", Some(30)), ("bob", Some(60))]);
    assert_eq!((r.updates.len(), r.updates[0].words), (1, 2));
    assert_eq!(
        (
            r.feedback[0].tone,
            r.feedback[0].actions,
            r.feedback[0].open_actions
        ),
        (Some("negative"), 1, 0)
    );
    assert_eq!(r.asks[0].text, "What should I stop doing?");
    // Open at the end of the period: yours to Ann, and Bob's, overdue.
    let actions: Vec<(Option<&str>, &str, bool)> = r
        .actions
        .iter()
        .map(|a| (a.owner.as_deref(), a.text.as_str(), a.overdue))
        .collect();
    assert_eq!(
        actions,
        [
            (None, "send Ann the notes", false),
            (Some("bob"), "share the roadmap", true)
        ]
    );
    let promises: Vec<(&str, Verdict)> = r
        .promises
        .iter()
        .map(|p| (p.text.as_str(), p.state))
        .collect();
    assert_eq!(
        promises,
        [
            ("API spec", Verdict::Kept),
            ("Roadmap deck", Verdict::Broken)
        ]
    );
    // Every format names the verdict by its word (docs/language.md §4), never "overdue".
    let json = render(&r, Format::Json, None).expect("json");
    assert!(json.contains("\"state\": \"broken\""), "{json}");
    let csv = render(&r, Format::Csv, None).expect("csv");
    assert!(csv.contains(",Roadmap deck,broken,"), "{csv}");
    let term = render(&r, Format::Term, None).expect("term");
    assert!(
        term.contains("Roadmap deck (due 2026-03-13): broken"),
        "{term}"
    );
    assert_eq!(
        (
            r.wins.len(),
            r.wins[0].impact.as_deref(),
            r.wins[0].quantified
        ),
        (1, Some("2x"), true)
    );
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["promise-overdue"]);
    assert_eq!(r.warnings[0].line, 17);
}

#[test]
fn one_boss_of_the_two() {
    // Bob's entries only: the win (the default boss on its date is Bob), his check-in,
    // feedback, ask and promise; both priorities changed under him in the period.
    let r = report(Some("@bob"));
    assert_eq!(r.bosses, ["bob"]);
    assert_eq!(r.work, 1);
    assert_eq!(r.priorities.len(), 2);
    assert_eq!(r.priorities[0].share_percent, 100);
    assert_eq!(r.checkins.len(), 1);
    assert!(r.updates.is_empty());
    let promises: Vec<&str> = r.promises.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(promises, ["Roadmap deck"]);
    let text = render(&r, Format::Term, None).expect("term");
    assert!(
        text.starts_with("Report 2026-W11 for @bob: 2026-03-09 to 2026-03-15\n"),
        "{text}"
    );
    assert!(
        text.contains("1. Ship the public API (#api) — 100% of the work (1 of 1)"),
        "{text}"
    );
}

#[test]
fn periods() {
    let today = d("2026-11-23");
    let p =
        |t: &str| parse_period(t, today).map(|r| (r.label, r.from.to_string(), r.to.to_string()));
    assert_eq!(
        p("this-week"),
        Ok(("2026-W48".into(), "2026-11-23".into(), "2026-11-29".into()))
    );
    assert_eq!(
        p("last-week"),
        Ok(("2026-W47".into(), "2026-11-16".into(), "2026-11-22".into()))
    );
    assert_eq!(
        p("this-month"),
        Ok(("2026-11".into(), "2026-11-01".into(), "2026-11-30".into()))
    );
    assert_eq!(
        p("last-month"),
        Ok(("2026-10".into(), "2026-10-01".into(), "2026-10-31".into()))
    );
    assert_eq!(
        p("2027-02"),
        Ok(("2027-02".into(), "2027-02-01".into(), "2027-02-28".into()))
    );
    assert_eq!(
        p("2026-12-28..2027-01-03"),
        Ok((
            "2026-12-28 to 2027-01-03".into(),
            "2026-12-28".into(),
            "2027-01-03".into()
        ))
    );
    // ISO week 53: the week of 2027-01-01 is 2026-W53.
    let w53 = parse_period("this-week", d("2027-01-01")).expect("week");
    assert_eq!(
        (w53.label.as_str(), w53.from, w53.to),
        ("2026-W53", d("2026-12-28"), d("2027-01-03"))
    );
    for bad in [
        "yesterday",
        "2026-13",
        "2026-11-30..2026-11-01",
        "2026-1",
        "2026-02-30..2026-03-01",
    ] {
        assert!(p(bad).is_err(), "{bad}");
    }
}

#[test]
fn report_json_shape_and_usage_errors() {
    let out = run(&[
        "-f",
        "samples/engineer/journal.up",
        "--today",
        "2026-11-23",
        "report",
        "--period",
        "2026-10",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    for key in [
        "period",
        "today",
        "bosses",
        "work",
        "priorities",
        "unaligned",
        "checkins",
        "updates",
        "feedback",
        "asks",
        "actions",
        "promises",
        "wins",
        "warnings",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let p = &v["priorities"][0];
    for key in [
        "priority",
        "rank",
        "status",
        "changes",
        "work",
        "share_percent",
    ] {
        assert!(p.get(key).is_some(), "priority misses {key}");
    }
    assert_eq!(p["priority"]["key"], "invoicing");
    let home = tempfile::tempdir().expect("tempdir");
    support::upward(home.path())
        .args([
            "-f",
            "samples/engineer/journal.up",
            "report",
            "--period",
            "soon",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`soon` is not a period"));
}

/// A former boss's priorities are not active after her last day (docs/language.md §4): a
/// report after the change lists the one Bob did not restate without a rank, marked as Ann's,
/// so no two priorities show the same rank; one Bob restated is his, from his line on.
#[test]
fn a_former_boss_priorities_are_marked_and_not_ranked() {
    let j = journal(
        "\
boss @ann Ann
  until: 2026-03-11
boss @bob Bob
  since: 2026-03-12
2026-03-02 priority #api @ann rank:1 Ship the API
2026-03-02 priority #ops @ann rank:2 Calmer pager
2026-03-02 priority #docs @ann rank:3 Write the docs
2026-03-12 priority #api @bob rank:1 Ship the public API
2026-03-12 priority #sec @bob rank:2 Pass the audit
2026-03-17 did #ops Fixed the pager
",
    );
    let today = d("2026-03-20");
    let r = every_boss(&j, "this-week", today);
    let lines: Vec<(&str, Option<u32>, bool, &[String])> = r
        .priorities
        .iter()
        .map(|p| (p.priority.key.as_str(), p.rank, p.former, &p.boss[..]))
        .collect();
    let bob = ["bob".to_string()];
    // The week after the change: a priority is listed when active at the period's start or
    // changed in it, and Ann's stopped being active on 03-11, work on #ops or not.
    assert_eq!(
        lines,
        [
            ("api", Some(1), false, &bob[..]),
            ("sec", Some(2), false, &bob[..])
        ]
    );
    // Over the fortnight of the change, Ann's two stood at its start: they are listed after
    // Bob's (by their old rank), marked as hers, with no rank shown.
    let r = every_boss(&j, "2026-03-09..2026-03-20", today);
    let lines: Vec<(&str, Option<u32>, bool)> = r
        .priorities
        .iter()
        .map(|p| (p.priority.key.as_str(), p.rank, p.former))
        .collect();
    assert_eq!(
        lines,
        [
            ("api", Some(1), false),
            ("sec", Some(2), false),
            ("ops", Some(2), true),
            ("docs", Some(3), true),
        ]
    );
    let text = render(&r, Format::Term, None).expect("term");
    assert!(text.contains("1. Ship the public API (#api)"), "{text}");
    assert!(text.contains("2. Pass the audit (#sec)"), "{text}");
    assert!(
        text.contains("Write the docs (#docs) [former boss @ann]"),
        "{text}"
    );
    assert!(
        text.contains("Calmer pager (#ops) [former boss @ann]"),
        "{text}"
    );
    assert!(!text.contains("3. "), "{text}");
    let json = render(&r, Format::Json, None).expect("json");
    assert!(json.contains("\"former\": true"), "{json}");
}

/// Ranks shown are the boss's own: an unranked priority shows no number, so with ranks 1 and 3
/// it is not shown as a second "3." (docs/reports.md).
#[test]
fn an_unranked_priority_shows_no_number() {
    let j = journal(
        "\
boss @ann Ann
2026-03-02 priority #api @ann rank:1 Ship the API
2026-03-02 priority #sec @ann rank:3 Pass the audit
2026-03-02 priority #ops @ann Calmer pager
",
    );
    let today = d("2026-03-20");
    let r = every_boss(&j, "this-week", today);
    let text = render(&r, Format::Term, None).expect("term");
    assert!(text.contains("\n1. Ship the API (#api)"), "{text}");
    assert!(text.contains("\n3. Pass the audit (#sec)"), "{text}");
    assert!(text.contains("\nCalmer pager (#ops)"), "{text}");
    assert_eq!(text.matches("3. ").count(), 1, "{text}");
}
