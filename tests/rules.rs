//! The rules of docs/language.md §6 on small journals: where each fires, the near misses on either side of
//! every boundary, and how it is silenced. Journals are written one line per array element, so
//! a line's number is its index + 1.

use chrono::NaiveDate;
use upward::model::Journal;

/// No line: the rule does not fire.
const NONE: [u32; 0] = [];

fn date(s: &str) -> NaiveDate {
    upward::syntax::calendar_date(s).expect("date")
}

fn journal(lines: &[&str]) -> Journal {
    let journal = Journal::from_text("t.up", &(lines.join("\n") + "\n"));
    assert!(
        !journal.has_errors(),
        "test journal has errors: {:#?}",
        journal.diagnostics
    );
    journal
}

/// Every warning as (line, code), sorted.
fn warnings(lines: &[&str], today: &str) -> Vec<(u32, &'static str)> {
    let journal = journal(lines);
    let mut out: Vec<(u32, &'static str)> = upward::rules::check(&journal, date(today))
        .iter()
        .map(|d| (journal.sources.position(d.span).line, d.code))
        .collect();
    out.sort();
    out
}

/// The lines where `code` fires.
fn fired(code: &str, lines: &[&str], today: &str) -> Vec<u32> {
    warnings(lines, today)
        .into_iter()
        .filter(|(_, c)| *c == code)
        .map(|(l, _)| l)
        .collect()
}

/// The messages of `code` with the lines of their related places.
fn details(code: &str, lines: &[&str], today: &str) -> Vec<(u32, String, Vec<u32>)> {
    let journal = journal(lines);
    upward::rules::check(&journal, date(today))
        .into_iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let line = |s| journal.sources.position(s).line;
            let related = d.related().iter().map(|r| line(r.span)).collect();
            (line(d.span), d.message, related)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// out-of-scope

const SCOPED: &[&str] = &[
    "set checkin-gap off",
    "set update-gap off",
    "set neglected-priority off",
    "boss @ann Ann Lee",
    "scope #platform",
    "scope #oncall",
];

fn scoped<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut lines = SCOPED.to_vec();
    lines.extend_from_slice(extra);
    lines
}

#[test]
fn out_of_scope_fires_on_unannounced_initiatives_outside_scope() {
    let lines = scoped(&[
        "2026-04-02 initiative Tuned the CI cache #platform/ci", // 7
        "2026-04-03 initiative Fixed paging #ONCALL",            // 8
        "2026-04-04 initiative Redesigned the logo #brand",      // 9 fires
        "2026-04-05 initiative Logo again #brand informed:@ann", // 10
        "2026-04-05 initiative Logo, told #brand informed:yes",  // 11
        "2026-04-05 initiative Logo, not told #brand informed:no", // 12 fires
        "2026-04-06 initiative Offsite #private #events",        // 13 fires
        "2026-04-07 initiative Interview notes #private",        // 14
        "2026-04-07 initiative Health notes #private/health",    // 15
        "2026-04-08 did Redesigned the slides #brand",           // 16
        "2026-04-09 initiative A note with no tags",             // 17
        "2026-04-10 initiative Cleaned up #platformer",          // 18 fires
        "2026-04-11 initiative Mixed #brand #platform",          // 19
        "2026-04-12 initiative Tuned the runners #platform-",    // 20
        "2026-04-13 initiative Body tag only",                   // 21 fires
        "  - moved the #brand assets",                           // 22
        "2026-09-01 initiative Planned #brand",                  // 23 future
    ]);
    assert_eq!(
        fired("out-of-scope", &lines, "2026-05-01"),
        [9, 12, 13, 18, 21]
    );
}

#[test]
fn out_of_scope_needs_a_scope() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "2026-04-04 initiative Redesigned the logo #brand",
    ];
    assert_eq!(fired("out-of-scope", &lines, "2026-05-01"), NONE);
}

#[test]
fn out_of_scope_counts_priorities_active_on_the_initiatives_date() {
    let lines = scoped(&[
        "2026-04-01 initiative Before the priority #billing", // 7 fires
        "2026-04-02 priority #billing @ann rank:1 Ship billing", // 8
        "2026-04-02 initiative On its first day #billing/ui", // 9
        "2026-04-09 initiative The day before it is done #billing", // 10
        "2026-04-10 priority #billing status:done",           // 11
        "2026-04-10 initiative The day it is done #billing",  // 12 fires
        "2026-04-11 priority #search/ranking @ann Better ranking", // 13
        "2026-04-12 initiative Parent of a key #search",      // 14 fires
        "2026-04-12 initiative Under a key #search/ranking/model", // 15
        "2026-04-20 priority #billing status:active",         // 16
        "2026-04-20 initiative Active again #billing",        // 17
    ]);
    assert_eq!(fired("out-of-scope", &lines, "2026-05-01"), [7, 12, 14]);
}

#[test]
fn out_of_scope_message_names_the_tags_and_scope() {
    let lines = scoped(&["2026-04-04 initiative Logo #brand #brand #private"]);
    let d = details("out-of-scope", &lines, "2026-05-01");
    assert_eq!(
        d[0].1,
        "initiative tagged #brand is outside your scope (#platform #oncall) and every priority \
         active on 2026-04-04, with no `informed:` field"
    );
}

// ---------------------------------------------------------------------------------------------
// repitch

#[test]
fn repitch_fires_within_the_cooloff_after_a_decline() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",                                  // 3
        "2026-03-01 pitch ^mono Move to a monorepo",          // 4
        "2026-03-02 decision ^mono outcome:declined",         // 5
        "2026-04-01 pitch ^mono Day 30",                      // 6 fires
        "2026-04-02 pitch ^mono Day 31",                      // 7
        "2026-04-03 decision ^mono outcome:declined",         // 8
        "2026-04-03 pitch ^mono Same day, after the decline", // 9 fires
        "2026-04-04 decision ^mono outcome:parked",           // 10
        "2026-04-05 pitch ^mono After a park",                // 11
        "2026-04-06 decision ^mono outcome:declined",         // 12
        "2026-04-07 decision ^mono outcome:accepted",         // 13
        "2026-04-08 pitch ^mono After an accept",             // 14
        "2026-05-01 pitch ^other Another idea",               // 15
        "2026-05-02 decision ^other outcome:declined",        // 16
        "2026-05-03 pitch ^other Planned, not yet",           // 17 future
    ];
    assert_eq!(fired("repitch", &lines, "2026-05-02"), [6, 9]);
    let d = details("repitch", &lines, "2026-05-02");
    assert_eq!(
        d[0],
        (
            6,
            "pitch of ^mono 30 days after it was declined on 2026-03-02 (cooloff 30 days)".into(),
            vec![5]
        )
    );
    assert_eq!(fired("repitch", &lines, "2026-05-03"), [6, 9, 17]);
}

#[test]
fn repitch_cooloff_is_set_by_number() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "set repitch 45",
        "boss @ann Ann Lee",
        "2026-03-01 pitch ^mono Move to a monorepo",  // 5
        "2026-03-02 decision ^mono outcome:declined", // 6
        "2026-04-16 pitch ^mono Day 45",              // 7 fires
        "2026-04-17 decision ^mono outcome:declined", // 8
        "2026-06-02 pitch ^mono Day 46",              // 9
    ];
    assert_eq!(fired("repitch", &lines, "2026-07-01"), [7]);
}

#[test]
fn repitch_ignores_a_decline_dated_after_today() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "2026-03-01 pitch ^mono Move to a monorepo",
        "2026-03-03 decision ^mono outcome:declined",
        "2026-03-04 pitch ^mono Again", // 6
    ];
    assert_eq!(fired("repitch", &lines, "2026-03-04"), [6]);
    assert_eq!(fired("repitch", &lines, "2026-03-02"), NONE);
}

// ---------------------------------------------------------------------------------------------
// over-update

fn updates_boss(rhythm: &str, updates: &[&str]) -> Vec<String> {
    let mut lines = vec![
        "set checkin-gap off".to_string(),
        "set update-gap off".to_string(),
        "boss @ann Ann Lee".to_string(),
        format!("  updates: {rhythm}"),
    ];
    lines.extend(updates.iter().map(|d| format!("{d} update @ann News")));
    lines
}

fn over_updates(rhythm: &str, dates: &[&str], today: &str) -> Vec<u32> {
    let lines = updates_boss(rhythm, dates);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    fired("over-update", &lines, today)
}

#[test]
fn over_update_fires_past_twice_the_rhythm_in_one_period() {
    // Lines 5, 6, …: Monday 2026-03-02 starts ISO week 10.
    let week = [
        "2026-03-01",
        "2026-03-02",
        "2026-03-08",
        "2026-03-09",
        "2026-03-10",
    ];
    assert_eq!(over_updates("weekly", &week, "2026-03-31"), NONE);
    let week = [
        "2026-03-02",
        "2026-03-03",
        "2026-03-08",
        "2026-03-08",
        "2026-03-09",
    ];
    assert_eq!(over_updates("weekly", &week, "2026-03-31"), [7, 8]);
    let two = [
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-07",
    ];
    assert_eq!(over_updates("2/week", &two, "2026-03-31"), [9, 10]);
    let month = ["2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01"];
    assert_eq!(over_updates("monthly", &month, "2026-04-30"), NONE);
    let month = ["2026-03-01", "2026-03-15", "2026-03-31", "2026-04-01"];
    assert_eq!(over_updates("monthly", &month, "2026-04-30"), [7]);
    let month = [
        "2026-03-01",
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-07",
    ];
    assert_eq!(over_updates("3/month", &month, "2026-04-30"), [11]);
    let day = [
        "2026-03-02",
        "2026-03-02",
        "2026-03-03",
        "2026-03-03",
        "2026-03-03",
    ];
    assert_eq!(over_updates("daily", &day, "2026-04-30"), [9]);
    assert_eq!(over_updates("none", &day, "2026-04-30"), NONE);
}

#[test]
fn over_update_counts_iso_week_53_as_one_week() {
    // 2026-12-28 (Monday) to 2027-01-03 (Sunday) is 2026-W53; 2027-01-04 starts 2027-W01.
    let dates = [
        "2026-12-28",
        "2027-01-01",
        "2027-01-03",
        "2027-01-04",
        "2027-01-05",
    ];
    assert_eq!(over_updates("weekly", &dates, "2027-01-31"), [7]);
    let lines = updates_boss("weekly", &dates);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    assert_eq!(
        details("over-update", &lines, "2027-01-31")[0].1,
        "third update to @ann in 2026-W53; Ann Lee expects one a week (updates: weekly)"
    );
}

#[test]
fn over_update_biweekly_blocks_start_on_the_monday_of_since_or_1970_01_05() {
    // Without since, blocks run 2026-02-16..03-01, 2026-03-02..03-15.
    let dates = ["2026-03-01", "2026-03-02", "2026-03-15", "2026-03-16"];
    assert_eq!(over_updates("biweekly", &dates, "2026-04-30"), NONE);
    let dates = ["2026-03-02", "2026-03-09", "2026-03-15"];
    assert_eq!(over_updates("biweekly", &dates, "2026-04-30"), [7]);
    // Since Wednesday 2026-03-11: blocks start Monday 2026-03-09.
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "  updates: biweekly",
        "  since: 2026-03-11",
        "2026-03-11 update @ann A",
        "2026-03-15 update @ann B",
        "2026-03-22 update @ann C", // 8 fires
        "2026-03-23 update @ann D",
        "2026-04-05 update @ann E",
        "2026-04-06 update @ann F",
    ];
    assert_eq!(fired("over-update", &lines, "2026-04-30"), [8]);
}

#[test]
fn over_update_counts_per_boss() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "boss @ben Ben Ito",
        "2026-03-02 update To the default boss", // 5: ann
        "2026-03-03 update @ben To Ben",         // 6: ben
        "2026-03-04 update @ann @ben To both",   // 7: ann 2, ben 2
        "2026-03-05 update @ben To Ben again",   // 8: ben 3 fires
        "2026-03-06 update @cy To someone else", // 9: ann 3 fires
        "2026-03-09 update @ann @ben Next week", // 10
    ];
    assert_eq!(fired("over-update", &lines, "2026-03-31"), [8, 9]);
}

#[test]
fn over_update_restarts_at_a_boss_change() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "  until: 2026-03-04",
        "boss @ben Ben Ito",
        "  since: 2026-03-05",
        "2026-03-02 update A", // 7: ann
        "2026-03-03 update B", // 8: ann
        "2026-03-05 update C", // 9: ben
        "2026-03-06 update D", // 10: ben
        "2026-03-07 update E", // 11: ben 3 fires
    ];
    assert_eq!(fired("over-update", &lines, "2026-03-31"), [11]);
}

#[test]
fn over_update_ignores_plans_and_allowed_updates() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "2026-03-02 update A",
        "2026-03-03 update B",
        "2026-03-04 update C allow:over-update", // 6
        "2026-03-05 update D",                   // 7 fires (fourth)
        "2026-03-06 update E",                   // 8 future
    ];
    assert_eq!(fired("over-update", &lines, "2026-03-05"), [7]);
    assert_eq!(fired("over-update", &lines, "2026-03-06"), [7, 8]);
}

// ---------------------------------------------------------------------------------------------
// verbose-update

fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

fn verbose(boss: &[&str], sets: &[&str], update_words: &[usize]) -> Vec<u32> {
    let mut lines: Vec<String> = vec!["set checkin-gap off".into(), "set update-gap off".into()];
    lines.extend(sets.iter().map(|s| s.to_string()));
    lines.extend(boss.iter().map(|s| s.to_string()));
    let first = lines.len() as u32 + 1;
    lines.extend(
        update_words
            .iter()
            .map(|&n| format!("2026-03-02 update {}", words(n))),
    );
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    fired("verbose-update", &lines, "2026-03-02")
        .into_iter()
        .map(|l| l - first + 1)
        .collect()
}

#[test]
fn verbose_update_limit_comes_from_words_then_set_then_detail() {
    let concise = ["boss @ann Ann Lee"];
    let detailed = ["boss @ann Ann Lee", "  detail: detailed"];
    let words12 = ["boss @ann Ann Lee", "  words: 12", "  detail: detailed"];
    // The result lists which updates (1-based) fire.
    assert_eq!(verbose(&concise, &[], &[150, 151]), [2]);
    assert_eq!(verbose(&detailed, &[], &[400, 401, 151]), [2]);
    assert_eq!(verbose(&words12, &[], &[12, 13]), [2]);
    assert_eq!(
        verbose(&concise, &["set verbose-update 20"], &[20, 21]),
        [2]
    );
    assert_eq!(
        verbose(&detailed, &["set verbose-update 20"], &[20, 21]),
        [2]
    );
    assert_eq!(
        verbose(&words12, &["set verbose-update 20"], &[12, 13]),
        [2]
    );
    assert_eq!(verbose(&[], &[], &[150, 151]), [2]);
    assert_eq!(verbose(&[], &["set verbose-update 5"], &[5, 6]), [2]);
}

#[test]
fn verbose_update_counts_text_words_of_the_description_and_body() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "  words: 5",
        "2026-03-02 update @ann one two three four five #tag @bob via:slack ; six seven",
        "2026-03-03 update @ann one two", // 6 fires
        "  three four",
        "  - five",
        "  [ ] six",
        "  ; a comment with words",
        "2026-03-04 update @ann one two three",
        "  via: email",
        "  - ^memo four five",
        "2026-03-01 promise ^memo due:2026-04-01 Memo",
    ];
    assert_eq!(fired("verbose-update", &lines, "2026-03-31"), [6]);
    assert_eq!(
        details("verbose-update", &lines, "2026-03-31")[0].1,
        "update of 6 words is over the limit of 5 (words: 5 on @ann)"
    );
}

#[test]
fn verbose_update_to_several_bosses_takes_the_smallest_limit() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "  words: 5",
        "boss @ben Ben Ito",
        "  words: 3",
        "2026-03-02 update @ann one two three four",
        "2026-03-02 update @ann @ben one two three four", // 8 fires
        "2026-03-02 update @ben one two three",
    ];
    assert_eq!(fired("verbose-update", &lines, "2026-03-31"), [8]);
}

// ---------------------------------------------------------------------------------------------
// bypass

#[test]
fn bypass_fires_on_escalations_without_informed() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "2026-03-01 escalate @cto Asked for budget", // 4 fires
        "2026-03-02 escalate @cto Hiring informed:@ann",
        "2026-03-03 escalate @cto Travel informed:yes",
        "2026-03-04 escalate @cto Reorg informed:no", // 7 fires
        "2026-03-05 escalate @cto Budget again allow:bypass",
        "2026-03-06 escalate @cto Planned", // 9 future
    ];
    assert_eq!(fired("bypass", &lines, "2026-03-05"), [4, 7]);
    let d = details("bypass", &lines, "2026-03-05");
    assert_eq!(
        d[0].1,
        "escalation to @cto on 2026-03-01 without telling @ann (Ann Lee): it has no `informed:` field"
    );
    // Without any boss declared, it still fires.
    assert_eq!(
        fired("bypass", &["2026-03-01 escalate @cto Asked"], "2026-03-01"),
        [1]
    );
}

// ---------------------------------------------------------------------------------------------
// overcommit

#[test]
fn overcommit_counts_promises_open_on_the_promises_date() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "2026-03-05 promise ^a due:2026-04-01 A",
        "2026-03-06 promise ^b due:2026-04-01 B",
        "2026-03-07 promise ^c due:2026-04-01 C",
        "2026-03-08 done ^a",
        "2026-03-09 promise ^d due:2026-04-01 D",
        "2026-03-10 promise ^e due:2026-04-01 E",
        "2026-03-11 promise ^f due:2026-04-01 F", // 10: 5 open
        "2026-03-11 slip ^f due:2026-05-01",
        "2026-03-12 promise ^g due:2026-04-01 G", // 12: 6 open fires
        "2026-03-13 done ^b status:dropped",
        "2026-03-13 promise ^h due:2026-04-01 H", // 14: 6 open fires
        "2026-03-14 promise ^i due:2026-04-01 I", // 15: closed on its date
        "2026-03-14 done ^i",
        "2026-03-15 done ^c",
        "2026-03-15 done ^d",
        "2026-03-15 promise ^j due:2026-04-01 J", // 19: 5 open
        "2026-03-16 promise ^k due:2026-04-01 K", // 20 future
    ];
    assert_eq!(fired("overcommit", &lines, "2026-03-15"), [12, 14]);
    assert_eq!(
        details("overcommit", &lines, "2026-03-15")[0].1,
        "promise ^g makes 6 promises open on 2026-03-12, more than 5"
    );
    assert_eq!(fired("overcommit", &lines, "2026-03-16"), [12, 14, 20]);
}

#[test]
fn overcommit_fires_only_on_the_promise_past_the_limit_on_one_day() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "set overcommit 2",
        "boss @ann Ann Lee",
        "2026-03-05 promise ^a due:2026-04-01 A",
        "2026-03-05 promise ^b due:2026-04-01 B",
        "2026-03-05 promise ^c due:2026-04-01 C", // 7 fires
        "2026-03-05 promise ^d due:2026-04-01 D", // 8 fires
        "2026-03-05 done ^d",
        "2026-03-06 done ^a",
        "2026-03-06 promise ^e due:2026-04-01 E", // 11: b, c, e
        "2026-03-06 done ^e",
    ];
    assert_eq!(fired("overcommit", &lines, "2026-03-31"), [7]);
}

// ---------------------------------------------------------------------------------------------
// checkin-gap and update-gap

fn gap_journal(boss: &[&str], entries: &[&str]) -> Vec<String> {
    let mut lines = vec!["set update-gap off".to_string()];
    lines.extend(boss.iter().map(|s| s.to_string()));
    lines.extend(entries.iter().map(|s| s.to_string()));
    lines
}

fn checkin_gaps(boss: &[&str], entries: &[&str], today: &str) -> Vec<u32> {
    let lines = gap_journal(boss, entries);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    fired("checkin-gap", &lines, today)
}

#[test]
fn checkin_gap_fires_after_the_cadence_plus_grace() {
    let weekly = ["boss @ann Ann Lee"]; // line 2
    let checkin = ["2026-03-02 checkin @ann"]; // line 3
    assert_eq!(checkin_gaps(&weekly, &checkin, "2026-03-11"), NONE);
    assert_eq!(checkin_gaps(&weekly, &checkin, "2026-03-12"), [3]);
    let cases: &[(&str, &str, &str)] = &[
        ("daily", "2026-03-05", "2026-03-06"),
        ("2/week", "2026-03-07", "2026-03-08"),
        ("biweekly", "2026-03-18", "2026-03-19"),
        ("monthly", "2026-04-04", "2026-04-05"),
        ("3/month", "2026-03-14", "2026-03-15"),
    ];
    for &(cadence, quiet, fires) in cases {
        let boss = [
            "boss @ann Ann Lee".to_string(),
            format!("  cadence: {cadence}"),
        ];
        let boss: Vec<&str> = boss.iter().map(String::as_str).collect();
        let checkin = ["2026-03-02 checkin @ann"]; // line 4
        assert_eq!(checkin_gaps(&boss, &checkin, quiet), NONE, "{cadence}");
        assert_eq!(checkin_gaps(&boss, &checkin, fires), [4], "{cadence}");
    }
    let none = ["boss @ann Ann Lee", "  cadence: none"];
    assert_eq!(checkin_gaps(&none, &checkin, "2027-03-02"), NONE);
}

#[test]
fn checkin_gap_grace_is_set_by_number() {
    let boss = ["boss @ann Ann Lee", "set checkin-gap 5"];
    let checkin = ["2026-03-02 checkin @ann"]; // line 4
    assert_eq!(checkin_gaps(&boss, &checkin, "2026-03-14"), NONE);
    assert_eq!(checkin_gaps(&boss, &checkin, "2026-03-15"), [4]);
}

#[test]
fn checkin_gap_does_not_count_away_days() {
    let boss = ["boss @ann Ann Lee", "boss @ben Ben Ito"];
    let entries = [
        "2026-03-02 checkin @ann", // 4
        "2026-03-02 checkin @ben", // 5
        "2026-03-05 away @ben until:2026-03-08",
        "2026-03-10 away", // one day, for everyone
    ];
    // 2026-03-12: 10 days, 1 away for ann (9 ≤ 9), 5 away for ben.
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-12"), NONE);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-13"), [4]);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-16"), [4]);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-17"), [4, 5]);
    // Leave counts up to today, whether it began before or continues after it.
    let entries = [
        "2026-03-02 checkin @ann",
        "2026-03-12 away until:2026-03-20",
    ];
    let boss = ["boss @ann Ann Lee"];
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-11"), NONE);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-12"), NONE);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-20"), NONE);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-21"), [3]);
}

#[test]
fn checkin_gap_counts_from_since_then_the_first_entry_and_points_at_the_boss_line() {
    let since = ["boss @ann Ann Lee", "  since: 2026-03-02"]; // boss on line 2
    assert_eq!(checkin_gaps(&since, &[], "2026-03-11"), NONE);
    assert_eq!(checkin_gaps(&since, &[], "2026-03-12"), [2]);
    let plain = ["boss @ann Ann Lee"];
    let first = ["2026-03-02 did Something"]; // line 3
    assert_eq!(checkin_gaps(&plain, &first, "2026-03-11"), NONE);
    assert_eq!(checkin_gaps(&plain, &first, "2026-03-12"), [2]);
    assert_eq!(checkin_gaps(&plain, &[], "2030-01-01"), NONE);
    let lines = gap_journal(&plain, &first);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    assert_eq!(
        details("checkin-gap", &lines, "2026-03-12"),
        [(
            2,
            "no check-in with @ann (Ann Lee) since their first entry on 2026-03-02: 10 days \
             exceed 7 + 2 days grace (cadence: weekly)"
                .to_string(),
            vec![3]
        )]
    );
}

#[test]
fn checkin_gap_follows_boss_changes_and_several_bosses() {
    let boss = [
        "boss @ann Ann Lee", // 2
        "  until: 2026-03-15",
        "boss @ben Ben Ito", // 4
        "  since: 2026-03-16",
        "boss @cy Cy Park", // 6
        "  cadence: monthly",
    ];
    let entries = [
        "2026-03-02 checkin",     // 8: ann (default)
        "2026-03-10 checkin @cy", // 9: cy
        "2026-03-27 checkin",     // 10: ben (default now)
    ];
    // On 2026-03-15 ann is still the boss: 13 days.
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-15"), [8]);
    // From 2026-03-16 ann is gone; ben counts from since until his first check-in.
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-25"), NONE);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-26"), [4]);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-04-05"), NONE);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-04-06"), [10]);
    // Cy, monthly: 33 days is not a gap, 34 is.
    assert_eq!(checkin_gaps(&boss, &entries, "2026-04-12"), [10]);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-04-13"), [9, 10]);
}

#[test]
fn checkin_gap_ignores_future_checkins_and_bosses_not_yet_active() {
    let boss = [
        "boss @ann Ann Lee",
        "boss @ben Ben Ito",
        "  since: 2026-06-01",
    ];
    let entries = [
        "2026-03-02 checkin @ann", // 5
        "2026-03-20 checkin @ann", // 6: a plan on 03-12
    ];
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-12"), [5]);
    assert_eq!(checkin_gaps(&boss, &entries, "2026-03-20"), NONE);
}

#[test]
fn checkin_gap_is_silenced_on_the_checkin_it_points_at() {
    let boss = ["boss @ann Ann Lee"];
    let entries = [
        "2026-03-01 checkin @ann",
        "2026-03-02 checkin @ann allow:checkin-gap",
    ];
    assert_eq!(checkin_gaps(&boss, &entries, "2026-04-01"), NONE);
    let entries = [
        "2026-03-01 checkin @ann allow:checkin-gap",
        "2026-03-02 checkin @ann",
    ];
    assert_eq!(checkin_gaps(&boss, &entries, "2026-04-01"), [4]);
}

#[test]
fn update_gap_follows_the_updates_rhythm() {
    let lines = [
        "set checkin-gap off",
        "boss @ann Ann Lee",
        "  updates: 2/week",
        "boss @ben Ben Ito",
        "  updates: none",
        "2026-03-02 update @ann @ben News", // 6
        "2026-03-05 checkin @ann",
    ];
    assert_eq!(fired("update-gap", &lines, "2026-03-07"), NONE);
    assert_eq!(fired("update-gap", &lines, "2026-03-08"), [6]);
    let mut lines_set = vec!["set update-gap 3"];
    lines_set.extend_from_slice(&lines);
    assert_eq!(fired("update-gap", &lines_set, "2026-03-08"), NONE);
    assert_eq!(fired("update-gap", &lines_set, "2026-03-09"), [7]);
    assert_eq!(
        details("update-gap", &lines, "2026-03-08")[0].1,
        "no update to @ann (Ann Lee) since 2026-03-02: 6 days exceed 3.5 + 2 days grace \
         (updates: 2/week)"
    );
}

// ---------------------------------------------------------------------------------------------
// promise-overdue and late-slip

const PROMISES: &[&str] = &[
    "set checkin-gap off",
    "set update-gap off",
    "set overcommit off",
    "boss @ann Ann Lee",
    "2026-06-01 promise ^a due:2026-06-10 A", // 5
    "2026-06-02 promise ^b due:2026-06-10 B", // 6
    "2026-06-09 slip ^b due:2026-06-20 waiting on the vendor", // 7
    "2026-06-19 done ^b",                     // 8
    "2026-06-03 promise ^c due:2026-06-10 C", // 9
    "2026-06-12 slip ^c due:2026-06-25 late notice", // 10 late
    "2026-06-04 promise ^d due:2026-06-10 D", // 11
    "2026-06-10 slip ^d due:2026-06-15 on the due date", // 12
    "2026-06-15 slip ^d due:2026-06-18 on the new due date", // 13
    "2026-06-19 slip ^d due:2026-06-30 after the new due date", // 14 late
    "2026-06-06 promise ^f due:2026-06-10 F", // 15
    "2026-06-10 done ^f status:dropped",      // 16
    "2026-06-07 promise ^g due:2026-06-30 G", // 17
    "2026-06-08 promise ^h due:2026-06-20 H", // 18
    "2026-07-05 done ^h",                     // 19: a plan until 07-05
    "2026-07-01 promise ^i due:2026-07-01 I", // 20
];

#[test]
fn promise_overdue_uses_the_due_date_in_force() {
    assert_eq!(fired("promise-overdue", PROMISES, "2026-06-30"), [5, 9, 18]);
    assert_eq!(
        fired("promise-overdue", PROMISES, "2026-07-01"),
        [5, 9, 11, 17, 18]
    );
    assert_eq!(
        fired("promise-overdue", PROMISES, "2026-07-02"),
        [5, 9, 11, 17, 18, 20]
    );
    assert_eq!(
        fired("promise-overdue", PROMISES, "2026-07-05"),
        [5, 9, 11, 17, 20]
    );
    // Before the slips of ^d: due 2026-06-10 is overdue on 06-11 only if not yet moved.
    assert_eq!(fired("promise-overdue", PROMISES, "2026-06-11"), [5, 9]);
    let d = details("promise-overdue", PROMISES, "2026-06-30");
    assert_eq!(
        d[1],
        (
            9,
            "promise ^c was due 2026-06-25 (moved by the slip of 2026-06-12) and has no done: \
             5 days overdue"
                .to_string(),
            vec![10]
        )
    );
}

#[test]
fn late_slip_fires_after_the_due_date_it_moves() {
    assert_eq!(fired("late-slip", PROMISES, "2026-06-30"), [10, 14]);
    assert_eq!(fired("late-slip", PROMISES, "2026-06-18"), [10]);
    let d = details("late-slip", PROMISES, "2026-06-30");
    assert_eq!(
        d[0],
        (
            10,
            "slip of ^c on 2026-06-12 moves a due date that passed on 2026-06-10 (2 days late)"
                .to_string(),
            vec![9]
        )
    );
    assert_eq!(d[1].2, [11, 13]);
}

// ---------------------------------------------------------------------------------------------
// problem-without-solution, feedback-unacted, unquantified-win

#[test]
fn problem_without_solution_needs_a_solution_field() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "2026-06-05 problem ^flaky CI fails one run in five", // 4 fires
        "2026-06-06 problem ^size The app is 200 MB",
        "  solution: strip debug symbols",
        "2026-06-07 problem ^slow Builds are slow", // 7 fires
        "  - we could cache them",
        "2026-06-08 problem ^noise Alerts are noisy allow:problem-without-solution",
        "2026-06-09 problem ^later Planned", // 10 future
    ];
    assert_eq!(
        fired("problem-without-solution", &lines, "2026-06-08"),
        [4, 7]
    );
}

#[test]
fn feedback_unacted_after_n_days_without_a_closed_action() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",                                         // 3
        "2026-06-01 feedback @ann tone:negative Demos run long",     // 4 fires on 06-16
        "2026-06-01 feedback @ann tone:mixed Good data, weak story", // 5
        "  [x] rewrite the story section",
        "  - [-] drop the appendix",
        "2026-06-01 feedback @ann Docs are thin", // 8 fires
        "  [x] outline the guide",
        "  [ ] write the API guide",
        "2026-06-01 feedback @ann tone:positive Great launch", // 11
        "2026-06-01 feedback @ann tone:neutral Noted the pace", // 12 needs no action
        "  [ ] ^memo send the memo",
        "2026-06-01 promise ^memo due:2026-06-05 Memo",
        "2026-06-20 done ^memo",
        "2026-06-02 feedback @ann tone:negative Too many pings", // 16 fires on 06-17
        "  [ ] @ann will send examples",
    ];
    assert_eq!(fired("feedback-unacted", &lines, "2026-06-15"), NONE);
    assert_eq!(fired("feedback-unacted", &lines, "2026-06-16"), [4, 8]);
    assert_eq!(fired("feedback-unacted", &lines, "2026-06-17"), [4, 8, 16]);
    assert_eq!(fired("feedback-unacted", &lines, "2026-06-20"), [4, 8, 16]);
    let mut with_number = vec!["set feedback-unacted 20"];
    with_number.extend_from_slice(&lines);
    assert_eq!(fired("feedback-unacted", &with_number, "2026-06-21"), NONE);
    assert_eq!(
        fired("feedback-unacted", &with_number, "2026-06-22"),
        [5, 9]
    );
}

#[test]
fn unquantified_win_needs_a_number() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "2026-06-08 win Shipped offline mode #v2 for @bob2", // 3 fires
        "2026-06-09 win Cut cold start impact:3x",
        "2026-06-09 win Cut cold start impact:big", // 5 fires
        "2026-06-10 win Saved $40k a year",
        "2026-06-10 win Saved €5 and £6",
        "2026-06-11 win Shipped the Q4 plan", // 8 fires
        "2026-06-12 win Latency down ~30%",
        "2026-06-12 win Errors -12 and +3",
        "2026-06-12 win Latency down (40%)",
        "2026-06-12 win Costs - down, $ saved, ~ less", // 12 fires
        "2026-06-13 win Shipped it",                    // 13 fires
        "  - 12 customers asked for it",
        "2026-06-14 win Shipped it",
        "  and it cut 12 tickets",
        "2026-06-15 win ^v2 Shipped #2026 with @7 ; 40% faster", // 17 fires
        "2026-06-16 win Shipped it allow:unquantified-win",
        "2026-06-17 win Planned", // 19 future
        "2026-06-01 pitch ^v2 Version 2",
    ];
    assert_eq!(
        fired("unquantified-win", &lines, "2026-06-16"),
        [3, 5, 8, 12, 13, 17]
    );
}

/// A message that names a missing field quotes it and says "field", so it does not read as cut
/// off after a colon.
#[test]
fn messages_quote_the_field_they_miss() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "2026-06-08 win Shipped offline mode",
        "2026-06-08 problem Timeouts",
        "2026-06-08 escalate @cto Reorg informed:no",
    ];
    let message = |code| details(code, &lines, "2026-06-09").remove(0).1;
    assert_eq!(
        message("unquantified-win"),
        "win of 2026-06-08 has no number in its text or its `impact:` field"
    );
    assert_eq!(
        message("problem-without-solution"),
        "problem of 2026-06-08 proposes no fix: it has no `solution:` field"
    );
    assert!(message("bypass").ends_with("it says `informed:no`"));
}

// ---------------------------------------------------------------------------------------------
// neglected-priority

const PRIORITIES: &[&str] = &[
    "set checkin-gap off",
    "set update-gap off",
    "boss @ann Ann Lee",
    "2026-05-01 priority #search @ann rank:1 Faster search", // 4
    "2026-05-01 priority #hiring @ann rank:2 Hire two engineers", // 5
    "2026-06-17 priority #docs @ann rank:3 Better docs",     // 6
    "2026-05-01 priority #billing @ann rank:4 Billing v2",   // 7
    "2026-06-01 priority #billing status:dropped",           // 8
    "2026-06-17 did Tuned the ranker #search/ranking",       // 9
    "2026-05-02 priority #mobile @ann rank:5 Mobile app",    // 10
    "2026-06-05 did Fixed a crash in the mobile app #mobile", // 11
    "2026-06-20 checkin @ann Talked about #hiring",          // 12
    "2026-06-20 did Read about #hiringx and #docs/style",    // 13
    "2026-07-20 win Hired one #hiring",                      // 14 future
];

#[test]
fn neglected_priority_needs_aligned_work_in_the_window() {
    // On 06-30 the window is 06-17..06-30: #mobile's 06-05 is too old, #docs is 13 days old.
    assert_eq!(
        fired("neglected-priority", PRIORITIES, "2026-06-30"),
        [5, 10]
    );
    // On 07-01 #docs is 14 days old (and has work), #search's 06-17 is 15 days back.
    assert_eq!(
        fired("neglected-priority", PRIORITIES, "2026-07-01"),
        [4, 5, 10]
    );
    // On 06-18, #mobile's 06-05 is the 14th day back.
    assert_eq!(fired("neglected-priority", PRIORITIES, "2026-06-18"), [5]);
    assert_eq!(
        fired("neglected-priority", PRIORITIES, "2026-06-19"),
        [5, 10]
    );
    let d = details("neglected-priority", PRIORITIES, "2026-06-30");
    assert_eq!(
        d[1].1,
        "priority #mobile (Mobile app) of @ann (Ann Lee) has no aligned did, initiative, win or \
         update in its last 14 non-away days (since 2026-06-17); the last was on 2026-06-05"
    );
}

#[test]
fn neglected_priority_skips_away_days_and_follows_settings() {
    let mut lines = PRIORITIES.to_vec();
    lines.push("2026-06-10 away until:2026-06-28 Leave"); // 15
    // Window: 06-30, 06-29, then 06-09 back to 05-29.
    assert_eq!(fired("neglected-priority", &lines, "2026-06-30"), [5]);
    let mut lines = vec!["set neglected-priority 30"];
    lines.extend_from_slice(PRIORITIES);
    // 30 days: the window is 06-01..06-30; #hiring is 60 days old.
    assert_eq!(fired("neglected-priority", &lines, "2026-06-30"), [6]);
    let mut lines = PRIORITIES.to_vec();
    lines.push("2026-06-25 priority #hiring allow:neglected-priority"); // 15
    assert_eq!(fired("neglected-priority", &lines, "2026-06-30"), [10]);
}

#[test]
fn neglected_priority_needs_an_active_boss() {
    let lines = [
        "set checkin-gap off",
        "set update-gap off",
        "boss @ann Ann Lee",
        "  until: 2026-06-15",
        "boss @ben Ben Ito",
        "  since: 2026-06-16",
        "2026-05-01 priority #search @ann Faster search", // 7: ann's
        "2026-05-01 priority #hiring @ben Hiring",        // 8: ann's (ben not yet)
        "2026-06-16 priority #docs Docs",                 // 9: ben's
    ];
    assert_eq!(fired("neglected-priority", &lines, "2026-06-14"), [7, 8]);
    assert_eq!(fired("neglected-priority", &lines, "2026-06-30"), [9]);
    let no_boss = ["2026-05-01 priority #search Faster search"];
    assert_eq!(fired("neglected-priority", &no_boss, "2026-06-30"), NONE);
}

// ---------------------------------------------------------------------------------------------
// Silencing: `allow:CODE` on the entry and `set CODE off`, for every rule.

/// For each rule: a journal where it fires on exactly one line, given by the `{}` placeholder
/// where `allow:CODE` can go, and today.
const FIRING: &[(&str, &[&str], &str)] = &[
    (
        "out-of-scope",
        &["scope #ops", "2026-03-02 initiative Logo #brand {}"],
        "2026-03-02",
    ),
    (
        "repitch",
        &[
            "2026-03-01 pitch ^p Idea",
            "2026-03-02 decision ^p outcome:declined",
            "2026-03-03 pitch ^p Idea again {}",
        ],
        "2026-03-03",
    ),
    (
        "over-update",
        &[
            "2026-03-02 update A",
            "2026-03-03 update B",
            "2026-03-04 update C {}",
        ],
        "2026-03-04",
    ),
    (
        "verbose-update",
        &["set verbose-update 2", "2026-03-02 update one two three {}"],
        "2026-03-02",
    ),
    (
        "bypass",
        &["2026-03-02 escalate @cto Budget {}"],
        "2026-03-02",
    ),
    (
        "overcommit",
        &[
            "set overcommit 1",
            "2026-03-02 promise ^a due:2026-04-01 A",
            "2026-03-02 promise ^b due:2026-04-01 B {}",
        ],
        "2026-03-02",
    ),
    ("checkin-gap", &["2026-03-02 checkin @ann {}"], "2026-03-30"),
    (
        "update-gap",
        &["2026-03-02 update @ann News {}"],
        "2026-03-30",
    ),
    (
        "promise-overdue",
        &["2026-03-02 promise ^a due:2026-03-03 A {}"],
        "2026-03-04",
    ),
    (
        "late-slip",
        &[
            "2026-03-02 promise ^a due:2026-03-03 A",
            "2026-03-04 slip ^a due:2026-03-10 {}",
        ],
        "2026-03-04",
    ),
    (
        "problem-without-solution",
        &["2026-03-02 problem ^p Flaky {}"],
        "2026-03-02",
    ),
    (
        "feedback-unacted",
        &["2026-03-02 feedback @ann Slow {}"],
        "2026-03-30",
    ),
    (
        "neglected-priority",
        &["2026-03-02 priority #x @ann Ship x {}"],
        "2026-03-30",
    ),
    (
        "unquantified-win",
        &["2026-03-02 win Shipped {}"],
        "2026-03-02",
    ),
];

#[test]
fn every_rule_is_silenced_by_allow_on_its_entry_and_by_set_off() {
    assert_eq!(FIRING.len(), upward::rules::codes::RULES.len());
    for &(code, body, today) in FIRING {
        let build = |allow: &str, off: bool| {
            let mut lines = vec!["boss @ann Ann Lee".to_string()];
            for other in upward::rules::codes::RULES
                .iter()
                .filter(|r| r.code != code)
            {
                lines.push(format!("set {} off", other.code));
            }
            let set = format!("set {code} ");
            let numbered = body.iter().any(|l| l.starts_with(&set));
            if off && !numbered {
                lines.push(format!("set {code} off"));
            }
            let line = lines.len() as u32 + body.len() as u32;
            lines.extend(body.iter().map(|l| match l.strip_prefix(&set) {
                Some(_) if off => format!("{set}off"),
                _ => l.replace("{}", allow),
            }));
            (lines, line)
        };
        let run = |allow: &str, off: bool| {
            let (lines, line) = build(allow, off);
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            (warnings(&lines, today), line)
        };
        let (got, line) = run("", false);
        assert_eq!(got, [(line, code)], "{code} should fire");
        let (got, _) = run(&format!("allow:{code}"), false);
        assert_eq!(got, [], "{code} should be allowed");
        let (got, _) = run(&format!("allow:{code}"), true);
        assert_eq!(got, [], "{code} should be off");
        let (got, _) = run("", true);
        assert_eq!(got, [], "{code} should be off");
        let other = if code == "bypass" {
            "repitch"
        } else {
            "bypass"
        };
        let (got, line) = run(&format!("allow:{other}"), false);
        assert_eq!(got, [(line, code)], "allow:{other} silences only {other}");
    }
}

/// Every rule ignores entries dated after today: on the eve of every journal above, none fires.
#[test]
fn every_rule_ignores_plans() {
    for &(code, body, _) in FIRING {
        let mut lines = vec!["boss @ann Ann Lee".to_string()];
        lines.extend(body.iter().map(|l| l.replace("{}", "")));
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(warnings(&lines, "2026-03-01"), [], "{code}");
    }
}

/// Errors elsewhere do not stop the rules: every entry that parsed is still checked.
#[test]
fn rules_run_beside_errors() {
    let text = "boss @ann Ann Lee\n\
                2026-03-01 chekin @ann\n\
                2026-03-02 promise ^a Memo\n\
                2026-03-03 escalate @cto Budget\n\
                2026-03-04 win Shipped it\n";
    let journal = Journal::from_text("t.up", text);
    assert!(journal.has_errors());
    let got: Vec<(u32, &str)> = upward::check(&journal, date("2026-03-04"), &[])
        .iter()
        .map(|d| (journal.sources.position(d.span).line, d.code))
        .collect();
    assert_eq!(
        got,
        [
            (2, "unknown-kind"),
            (3, "missing"),
            (4, "bypass"),
            (5, "unquantified-win")
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// A realistic journal: two bosses over five months, a boss change and a leave.

const SCENARIO: &[&str] = &[
    "; Platform team, first half of 2026",                      // 1
    "boss @maria Maria Chen",                                   // 2
    "  cadence: weekly",                                        // 3
    "  updates: weekly",                                        // 4
    "  words: 40",                                              // 5
    "  until: 2026-04-30",                                      // 6
    "boss @victor Victor Hale",                                 // 7
    "  cadence: monthly",                                       // 8
    "  updates: none",                                          // 9
    "boss @ines Ines Duarte",                                   // 10
    "  cadence: biweekly",                                      // 11
    "  updates: 2/week",                                        // 12
    "  since: 2026-05-01",                                      // 13
    "scope #platform #oncall",                                  // 14
    "set repitch 45",                                           // 15
    "",                                                         // 16
    "2026-01-05 priority #platform/ci @maria rank:1 Faster CI", // 17
    "2026-01-05 priority #billing @maria rank:2 Billing v2",    // 18
    "2026-01-06 checkin @maria dur:30m",                        // 19
    "  > Keep me posted weekly on billing.",                    // 20
    "  [ ] ^ci-plan send the CI plan",                          // 21
    "2026-01-06 promise ^ci-plan due:2026-01-09 CI plan",       // 22
    "2026-01-08 did Drafted the CI plan #platform/ci",          // 23
    "2026-01-09 done ^ci-plan",                                 // 24
    "2026-01-09 update @maria CI plan sent, billing scoped #billing", // 25
    "2026-01-12 checkin @maria",                                // 26
    "2026-01-13 pitch ^mono Move to a monorepo",                // 27
    "2026-01-14 decision ^mono outcome:declined",               // 28
    "2026-01-15 feedback @maria tone:mixed Good plan, too long", // 29
    "  [x] cut the plan to one page",                           // 30
    "2026-01-16 update @maria Billing on track #billing",       // 31
    "2026-01-19 checkin @maria",                                // 32
    "2026-01-20 win Cut CI time by 35% #platform/ci",           // 33
    "2026-01-23 update @maria CI faster #platform/ci",          // 34
    "2026-01-26 checkin @maria",                                // 35
    "2026-01-27 initiative Redesigned the team logo #brand",    // 36 out-of-scope
    "2026-01-30 update @maria Billing schema merged #billing",  // 37
    "2026-02-02 checkin @victor Skip-level",                    // 38
    "2026-02-02 checkin @maria",                                // 39
    "2026-02-03 problem ^flaky The test suite fails one run in five", // 40 problem
    "2026-02-06 update @maria Flaky tests found #platform/ci",  // 41
    "2026-02-09 checkin @maria",                                // 42
    "2026-02-10 pitch ^mono A smaller monorepo",                // 43 repitch
    "2026-02-11 escalate @victor Asked for a second billing engineer", // 44 bypass
    "2026-02-13 update @maria Billing migration half way #billing", // 45
    "2026-02-16 away until:2026-02-27 Ski trip",                // 46
    "2026-03-02 checkin @maria",                                // 47
    "2026-03-02 promise ^billing-demo due:2026-03-20 Billing demo", // 48
    "2026-03-03 feedback @maria tone:negative Updates bury the risks", // 49 unacted
    "  [ ] lead with risks",                                    // 50
    "2026-03-04 update @maria Risks first: vendor late. Billing demo on the 20th #billing", // 51
    "2026-03-05 update @maria Vendor replied #billing",         // 52
    "2026-03-06 update @maria Vendor signed #billing",          // 53 over-update
    "2026-03-09 checkin @maria",                                // 54
    "2026-03-13 update @maria Billing demo ready for review, the vendor integration is done, the tax tables are loaded, the invoices render in two seconds, the retry queue drains overnight and the only open risk is the cutover window that we still need to agree with finance #billing", // 55 verbose
    "2026-03-16 checkin @maria", // 56
    "2026-03-23 slip ^billing-demo due:2026-04-03 vendor sandbox down", // 57 late-slip
    "2026-03-23 checkin @maria", // 58
    "2026-03-27 update @maria Demo moved to April 3 #billing", // 59
    "2026-03-30 checkin @maria", // 60
    "2026-04-03 done ^billing-demo", // 61
    "2026-04-03 win Billing demo done", // 62 unquantified
    "2026-04-03 update @maria Demo done #billing", // 63
    "2026-04-06 checkin @maria", // 64
    "2026-04-10 update @maria Prep for handover #billing", // 65
    "2026-04-13 checkin @maria", // 66
    "2026-04-17 update @maria Handover notes #billing", // 67
    "2026-04-20 checkin @maria", // 68
    "2026-04-24 update @maria Last week with Maria #billing", // 69
    "2026-04-27 checkin @maria Goodbye", // 70
    "2026-05-01 priority #reliability @ines rank:1 Fewer incidents", // 71 neglected
    "2026-05-01 priority #billing @ines rank:2", // 72
    "2026-05-04 checkin @ines First 1:1", // 73
    "2026-05-04 promise ^runbook due:2026-05-15 On-call runbook", // 74 overdue
    "2026-05-05 update @ines Hello, billing status #billing", // 75
    "2026-05-07 update @ines Billing cutover planned #billing", // 76
    "2026-05-11 update @ines Cutover done #billing", // 77
    "2026-05-14 update @ines Invoices verified #billing", // 78
    "2026-05-18 checkin @ines",  // 79
    "2026-05-18 update @ines Billing closed out #billing", // 80
    "2026-05-21 update @ines Runbook drafted #oncall", // 81
    "2026-05-25 update @ines Runbook in review #oncall", // 82
    "2026-05-28 update @ines Billing dashboards #billing", // 83
    "2026-06-02 update @ines Billing alerts tuned #billing", // 84
    "2026-06-01 checkin @ines",  // 85
    "2026-06-04 update @ines Quiet week #billing", // 86
    "2026-06-08 update @ines Post-mortem template #oncall", // 87
    "2026-06-11 update @ines Billing costs down 12% #billing", // 88
    "2026-06-15 checkin @ines",  // 89
    "2026-06-14 update @ines On-call load #oncall", // 90 update-gap
    "2026-06-30 checkin @ines Planned", // 91 future
];

#[test]
fn a_realistic_journal_gets_exactly_these_warnings() {
    let got = warnings(SCENARIO, "2026-06-20");
    assert_eq!(
        got,
        [
            (36, "out-of-scope"),
            (38, "checkin-gap"),
            (40, "problem-without-solution"),
            (43, "repitch"),
            (44, "bypass"),
            (49, "feedback-unacted"),
            (53, "over-update"),
            (55, "verbose-update"),
            (57, "late-slip"),
            (62, "unquantified-win"),
            (71, "neglected-priority"),
            (74, "promise-overdue"),
            (90, "update-gap"),
        ]
    );
}
