//! Streaks (docs/language.md §7) on hand-made journals whose answers are worked out in the comments, the
//! heatmap, and `upward streaks` on the command line.

#[path = "golden/support.rs"]
mod support;

use chrono::NaiveDate;
use support::{d, golden, journal, journal_file, run, upward};
use upward::model::Journal;
use upward::report::heatmap::{Day, heatmap};
use upward::report::streaks::{Streak, StreakKind, streaks};
use upward::report::{Format, render, select, streaks_doc};

/// (current, longest, at_risk, current_from, current_to) of one streak of the first boss.
type Figures = (u32, u32, bool, Option<&'static str>, Option<&'static str>);

fn streak(j: &Journal, today: &str, kind: StreakKind) -> Option<Streak> {
    let boss = select::find(j, "ann", d(today)).expect("boss");
    streaks(j, d(today), boss, &|_| true)
        .into_iter()
        .find(|s| s.streak == kind)
}

fn figures(j: &Journal, today: &str, kind: StreakKind) -> Figures {
    let s = streak(j, today, kind).expect("streak");
    let date = |d: Option<NaiveDate>| d.map(|d| &*d.to_string().leak());
    (
        s.current,
        s.longest,
        s.at_risk,
        date(s.current_from),
        date(s.current_to),
    )
}

const WEEKLY: &str = "boss @ann Ann Lee\n  cadence: weekly\n  updates: none\n";

#[test]
fn one_missed_week_breaks_the_streak() {
    // W02, W03 met; W04 (Jan 19–25) missed; W05, W06, W07 met.
    let j = journal(&format!(
        "{WEEKLY}2026-01-05 checkin @ann\n2026-01-13 checkin @ann\n2026-01-27 checkin @ann\n\
         2026-02-03 checkin @ann\n2026-02-10 checkin @ann\n"
    ));
    let c = StreakKind::Checkin;
    // Thursday of W07, already met: W05–W07.
    assert_eq!(
        figures(&j, "2026-02-12", c),
        (3, 3, false, Some("2026-01-26"), Some("2026-02-15"))
    );
    // Monday of W08, not met yet: it does not break the streak, and with five working days
    // left for one check-in it is not at risk.
    assert_eq!(
        figures(&j, "2026-02-16", c),
        (3, 3, false, Some("2026-01-26"), Some("2026-02-15"))
    );
    // Wednesday: three working days left, more than the one needed plus one.
    assert!(!figures(&j, "2026-02-18", c).2);
    // Thursday: two working days left (Thursday, Friday), at most one needed plus one.
    assert_eq!(
        figures(&j, "2026-02-19", c),
        (3, 3, true, Some("2026-01-26"), Some("2026-02-15"))
    );
    // W08 went by without a check-in: broken; W09 has its whole week ahead.
    assert_eq!(figures(&j, "2026-02-23", c), (0, 3, false, None, None));
    // `updates: none` turns the update streak off.
    assert!(streak(&j, "2026-02-23", StreakKind::Update).is_none());
}

#[test]
fn an_excused_week_neither_breaks_nor_extends() {
    let base = format!(
        "{WEEKLY}2026-01-05 checkin @ann\n2026-01-13 checkin @ann\n2026-01-27 checkin @ann\n"
    );
    let c = StreakKind::Checkin;
    // Away Mon–Thu of W04: 4 of 7 days, at least half, so W04 is excused: W02, W03, W05.
    let excused = journal(&format!("{base}2026-01-19 away until:2026-01-22\n"));
    assert_eq!(
        figures(&excused, "2026-01-28", c),
        (3, 3, false, Some("2026-01-05"), Some("2026-02-01"))
    );
    // Away Mon–Wed: 3 of 7 days is less than half, so W04 is missed: only W05.
    let short = journal(&format!("{base}2026-01-19 away until:2026-01-21\n"));
    assert_eq!(
        figures(&short, "2026-01-28", c),
        (1, 2, false, Some("2026-01-26"), Some("2026-02-01"))
    );
    // A check-in during the excused week does not extend the streak either.
    let met = journal(&format!(
        "{base}2026-01-19 away until:2026-01-22\n2026-01-23 checkin @ann\n"
    ));
    assert_eq!(figures(&met, "2026-01-28", c).0, 3);
    // An excused current week is not at risk, and a planned leave counts already.
    let planned = journal(&format!("{base}2026-02-02 away until:2026-02-05\n"));
    assert!(!figures(&planned, "2026-02-02", c).2);
    // Leave for another boss does not excuse Ann's week.
    let other = journal(&format!(
        "{base}boss @bob Bob\n2026-01-19 away @bob until:2026-01-25\n"
    ));
    assert_eq!(figures(&other, "2026-01-28", c).0, 1);
}

#[test]
fn iso_week_53_is_one_week_across_the_new_year() {
    // 2026-12-28 to 2027-01-03 is 2026-W53 (keyed by ISO year).
    let text =
        |w53: &str| format!("{WEEKLY}2026-12-21 checkin @ann\n{w53}2027-01-05 checkin @ann\n");
    let c = StreakKind::Checkin;
    let on_saturday = journal(&text("2027-01-02 checkin @ann\n"));
    assert_eq!(
        figures(&on_saturday, "2027-01-06", c),
        (3, 3, false, Some("2026-12-21"), Some("2027-01-10"))
    );
    let missed = journal(&text(""));
    assert_eq!(
        figures(&missed, "2027-01-06", c),
        (1, 1, false, Some("2027-01-04"), Some("2027-01-10"))
    );
    // On New Year's Day the current week is 2026-W53, not 2027-W01 or 2027-W53.
    let s = streak(&missed, "2027-01-01", c).expect("streak");
    assert_eq!(s.now.expect("progress").period, "2026-W53");
    assert!(s.at_risk);
    assert_eq!((s.current, s.current_to), (1, Some(d("2026-12-27"))));
}

#[test]
fn a_boss_change_mid_week() {
    // Ann until Wednesday of W10, Bob from Thursday; each check-in belongs to the boss named.
    let j = journal(
        "boss @ann Ann\n  cadence: weekly\n  until: 2026-03-04\n\
         boss @bob Bob\n  cadence: weekly\n  since: 2026-03-05\n\
         2026-02-23 checkin @ann\n2026-03-02 checkin @ann\n\
         2026-03-06 checkin @bob\n2026-03-10 checkin @bob\n",
    );
    let today = d("2026-03-12");
    assert_eq!(select::active(&j, today).len(), 1);
    let bob = select::find(&j, "@bob", today).expect("bob");
    let s = &streaks(&j, today, bob, &|_| true)[0];
    // Bob's streak starts with his first week, W10: W10 and W11.
    assert_eq!(
        (s.current, s.current_from, s.current_to),
        (2, Some(d("2026-03-02")), Some(d("2026-03-15")))
    );
    // Ann, named with --boss, is counted as of her last day and is never at risk.
    assert_eq!(
        figures(&j, "2026-03-12", StreakKind::Checkin),
        (2, 2, false, Some("2026-02-23"), Some("2026-03-08"))
    );
}

#[test]
fn rhythms_n_per_week_biweekly_and_monthly_asks() {
    // 2/week: W10 has 2, W11 has 1 (not met), W12 has 2.
    let j = journal(
        "boss @ann Ann\n  cadence: 2/week\n  updates: none\n\
         2026-03-02 checkin @ann\n2026-03-05 checkin @ann\n2026-03-10 checkin @ann\n\
         2026-03-16 checkin @ann\n2026-03-17 checkin @ann\n\
         2026-01-20 ask @ann How am I doing?\n2026-02-03 ask @ann And now?\n",
    );
    assert_eq!(
        figures(&j, "2026-03-18", StreakKind::Checkin),
        (1, 1, false, Some("2026-03-16"), Some("2026-03-22"))
    );
    // Asks in January and February; March not asked yet: not broken, and with ten working
    // days left not at risk either.
    assert_eq!(
        figures(&j, "2026-03-18", StreakKind::FeedbackAsk),
        (2, 2, false, Some("2026-01-01"), Some("2026-02-28"))
    );
    // On Monday 30 March two working days are left: at risk.
    assert_eq!(
        figures(&j, "2026-03-30", StreakKind::FeedbackAsk),
        (2, 2, true, Some("2026-01-01"), Some("2026-02-28"))
    );
    // Biweekly blocks start on the Monday of the `since` week: Jan 5, Jan 19, Feb 2.
    let b = journal(
        "boss @ann Ann\n  cadence: biweekly\n  since: 2026-01-07\n\
         2026-01-16 checkin @ann\n2026-01-19 checkin @ann\n2026-02-03 checkin @ann\n",
    );
    assert_eq!(
        figures(&b, "2026-02-10", StreakKind::Checkin),
        (3, 3, false, Some("2026-01-05"), Some("2026-02-15"))
    );
}

#[test]
fn promises_kept_by_the_due_date_in_force() {
    let j = journal(
        "boss @ann Ann\n  cadence: none\n  updates: none\n\
         2026-03-02 promise ^a @ann due:2026-03-05 A\n\
         2026-03-04 done ^a\n\
         2026-03-02 promise ^b @ann due:2026-03-06 B\n\
         2026-03-07 slip ^b due:2026-03-10 a late slip does not move the date\n\
         2026-03-09 done ^b\n\
         2026-03-03 promise ^c @ann due:2026-03-08 C\n\
         2026-03-05 done ^c status:dropped\n\
         2026-03-03 promise ^d @ann due:2026-03-09 D\n\
         2026-03-04 slip ^d due:2026-03-12 on time, so it moves the date\n\
         2026-03-11 done ^d\n\
         2026-03-10 promise ^e @ann due:2026-03-13 E\n\
         2026-03-12 done ^e\n\
         2026-03-10 promise ^f @ann due:2026-03-18 F\n",
    );
    // By due date: a kept (03-05), b late (done 03-09 after 03-06), c dropped (skipped),
    // d kept (03-12), e kept (03-13); f is open and due Wednesday 03-18, beyond the next two
    // working days of Saturday 03-14 (Monday and Tuesday): not at risk.
    assert_eq!(
        figures(&j, "2026-03-14", StreakKind::PromisesKept),
        (2, 2, false, Some("2026-03-12"), Some("2026-03-13"))
    );
    // On Tuesday 03-17 the next two working days reach Wednesday: at risk.
    assert_eq!(
        figures(&j, "2026-03-17", StreakKind::PromisesKept),
        (2, 2, true, Some("2026-03-12"), Some("2026-03-13"))
    );
    // Once f is overdue it breaks the streak.
    assert_eq!(
        figures(&j, "2026-03-19", StreakKind::PromisesKept),
        (0, 2, false, None, None)
    );
    // Only the streaks whose rhythm is not `none`.
    let boss = select::find(&j, "ann", d("2026-03-14")).expect("ann");
    let kinds: Vec<&str> = streaks(&j, d("2026-03-14"), boss, &|_| true)
        .iter()
        .map(|s| s.streak.as_str())
        .collect();
    assert_eq!(kinds, ["feedback-ask", "promises-kept"]);
}

#[test]
fn plans_do_not_count_and_a_filter_leaves_entries_out() {
    let j = journal(&format!(
        "{WEEKLY}2026-01-05 checkin @ann\n2026-01-12 checkin @ann\n2026-01-20 checkin @ann planned\n"
    ));
    // The check-in dated after today is a plan.
    assert_eq!(figures(&j, "2026-01-13", StreakKind::Checkin).0, 2);
    let boss = select::find(&j, "ann", d("2026-01-13")).expect("ann");
    let not_the_fifth = |e: &upward::model::Entry| e.date != d("2026-01-05");
    let s = &streaks(&j, d("2026-01-13"), boss, &not_the_fifth)[0];
    assert_eq!((s.current, s.longest), (1, 1));
}

#[test]
fn heatmap_shades_days_and_marks_leave() {
    let j = journal(&format!(
        "{WEEKLY}2026-03-02 checkin @ann\n2026-03-02 did a\n2026-03-04 did b\n2026-03-04 did c\n\
         2026-03-04 did d\n2026-03-05 away until:2026-03-06\n2026-03-06 did e\n2026-03-09 did f\n"
    ));
    let boss = select::find(&j, "ann", d("2026-03-10")).expect("ann");
    let map = heatmap(&j, d("2026-03-10"), boss, 2, &|_| true);
    assert_eq!(map.from, d("2026-03-02"));
    assert_eq!(map.days.len(), 14);
    assert_eq!(map.days[0], Day::Entries(2));
    assert_eq!(map.days[2], Day::Entries(3));
    assert_eq!(map.days[3], Day::Away);
    assert_eq!(
        map.days[4],
        Day::Entries(1),
        "an entry on a day away shows the entry"
    );
    assert_eq!(map.days[11], Day::Future);
    let lines: Vec<String> = map.lines().iter().map(|l| l.to_plain()).collect();
    let want = [
        "    Mar",
        "Mon ▒ ░ ",
        "Tue · · ",
        "Wed ▓   ",
        "Thu ~   ",
        "Fri ░   ",
        "Sat ·   ",
        "Sun ·   ",
        "    less · ░ ▒ ▓ █ more   ~ away   (entries a day: 0, 1, 2, 3-4, 5+)",
    ];
    assert_eq!(lines, want);
}

#[test]
fn json_is_one_array_of_the_spec_fields() {
    let out = run(&[
        "-f",
        "samples/engineer/journal.up",
        "--today",
        "2026-11-23",
        "streaks",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("json");
    let array = value.as_array().expect("an array");
    assert_eq!(array.len(), 4, "four streaks of the one active boss");
    for s in array {
        let keys: Vec<&str> = s
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut want = [
            "boss",
            "streak",
            "current",
            "longest",
            "at_risk",
            "current_from",
            "current_to",
        ];
        want.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, want);
        assert_eq!(s["boss"], "dev");
        assert!(s["current"].is_u64() && s["longest"].is_u64() && s["at_risk"].is_boolean());
    }
    let kinds: Vec<&str> = array
        .iter()
        .map(|s| s["streak"].as_str().expect("streak"))
        .collect();
    assert_eq!(
        kinds,
        ["checkin", "update", "feedback-ask", "promises-kept"]
    );
}

#[test]
fn golden_streaks_of_the_demo_journal() {
    let base = [
        "-f",
        "samples/engineer/journal.up",
        "--today",
        "2026-11-23",
        "streaks",
    ];
    golden("streaks-demo.txt", &run(&base));
    golden(
        "streaks-demo.md",
        &run(&[&base[..], &["--format", "md"]].concat()),
    );
    golden(
        "streaks-demo.json",
        &run(&[&base[..], &["--format", "json"]].concat()),
    );
    golden(
        "streaks-demo.csv",
        &run(&[&base[..], &["--format", "csv"]].concat()),
    );
    golden(
        "streaks-demo-maria.txt",
        &run(&[
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "streaks",
            "--boss",
            "maria",
            "--weeks",
            "10",
        ]),
    );
}

#[test]
fn renders_through_the_library_the_same_way() {
    let j = journal(&format!("{WEEKLY}2026-03-02 checkin @ann\n"));
    let options = streaks_doc::Options {
        bosses: select::active(&j, d("2026-03-03")),
        weeks: 1,
        counts: &|_| true,
    };
    let report = streaks_doc::build(&j, d("2026-03-03"), &options);
    let csv = render(&report, Format::Csv, None).expect("csv");
    assert_eq!(
        csv,
        "boss,streak,current,longest,at_risk,current_from,current_to\n\
         ann,checkin,1,1,false,2026-03-02,2026-03-08\n\
         ann,feedback-ask,0,0,false,,\n\
         ann,promises-kept,0,0,false,,\n"
    );
}

#[test]
fn unknown_boss_and_strict_are_usage_errors() {
    let (dir, path) = journal_file("boss @ann Ann Lee\nboss @bob\n2026-03-02 checkin @ann\n");
    upward(dir.path())
        .arg("-f")
        .arg(&path)
        .args(["streaks", "--today", "2026-03-03", "--boss", "@zed"])
        .assert()
        .code(2)
        .stderr("error: unknown boss `@zed`; the journal's bosses are @ann (Ann Lee), @bob\n");
    upward(dir.path())
        .arg("-f")
        .arg(&path)
        .args(["streaks", "--today", "2026-03-03", "--boss", "ANN"])
        .assert()
        .success();
    upward(dir.path())
        .arg("-f")
        .arg(&path)
        .args(["streaks", "--strict", "--today", "2026-03-03"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--strict"));
}

#[test]
fn heatmap_weeks_are_bounded() {
    let (dir, path) = journal_file("boss @ann Ann\n2026-03-02 checkin @ann\n");
    for weeks in ["0", "521"] {
        upward(dir.path())
            .arg("-f")
            .arg(&path)
            .args(["streaks", "--today", "2026-03-03", "--weeks", weeks])
            .assert()
            .code(2);
    }
    let out = upward(dir.path())
        .arg("-f")
        .arg(&path)
        .args(["streaks", "--today", "2026-03-03", "--weeks", "520"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let monday = text
        .lines()
        .find(|l| l.starts_with("Mon "))
        .expect("a Monday row");
    assert_eq!(monday.chars().count(), 4 + 2 * 520 - 1);
}
