//! `upward agenda` on a hand-made journal whose answer is worked out in the comments.

#[path = "golden/support.rs"]
mod support;

use support::{d, journal, run};
use upward::report::agenda::{Options, build};
use upward::report::commitments::PromiseState;
use upward::report::{Format, render, select};

const JOURNAL: &str = "\
boss @ann Ann Lee
boss @bob Bob
2026-03-02 checkin @ann
  [ ] send the notes
  [x] a done thing
  [-] a dropped thing
  [ ] @ann review the doc due:2026-03-04
  [ ] @carl fix the build
  [ ] ^memo write the memo
  ? who owns billing
  - a note
2026-03-02 promise ^memo @ann due:2026-03-20 Risk memo
2026-03-03 checkin @bob
  ? a point for Bob
2026-03-04 promise ^late @ann due:2026-03-06 Late thing
2026-03-04 promise ^far @ann due:2026-03-30 Far thing
2026-03-05 promise ^kept @ann due:2026-03-09 Kept thing
2026-03-06 done ^kept
2026-03-05 career @ann Growth talk
  [ ] @ann introduce me to the VP due:2026-03-31
2026-03-05 ask @ann How am I doing?
2026-03-06 pitch ^idea @ann An idea
2026-03-07 problem ^bug @ann A bug
  solution: fix it
2026-03-08 pitch ^old @ann Old idea
2026-03-09 decision ^old outcome:declined
2026-03-12 checkin @ann
  ? a planned point
  [ ] a planned action
";

#[test]
fn agenda_holds_what_is_open_for_that_boss() {
    let j = journal(JOURNAL);
    let today = d("2026-03-10");
    let ann = select::find(&j, "@ann", today).expect("ann");
    let a = build(&j, today, &Options { boss: ann });
    assert_eq!(a.next_checkin, Some(d("2026-03-12")));
    // Open actions, oldest first: done, dropped and planned ones are not on it; the one naming
    // ^memo is open while the promise is.
    let actions: Vec<(Option<&str>, &str, bool, bool)> = a
        .actions
        .iter()
        .map(|x| {
            (
                x.owner.as_deref(),
                x.text.as_str(),
                x.overdue,
                x.career_promise,
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            (None, "send the notes", false, false),
            (Some("ann"), "review the doc", true, false),
            (Some("carl"), "fix the build", false, false),
            (None, "write the memo", false, false),
            (Some("ann"), "introduce me to the VP", false, true),
        ]
    );
    assert!(a.actions[1].by_boss && !a.actions[2].by_boss);
    // Every `?` of Ann's entries, planned ones too; not Bob's.
    let points: Vec<(&str, bool)> = a
        .points
        .iter()
        .map(|p| (p.text.as_str(), p.planned))
        .collect();
    assert_eq!(
        points,
        [("who owns billing", false), ("a planned point", true)]
    );
    // Due within 14 days (by 2026-03-24) or overdue, by due date; kept and far ones are not.
    let promises: Vec<(&str, PromiseState)> = a
        .promises
        .iter()
        .map(|p| (p.text.as_str(), p.state))
        .collect();
    assert_eq!(
        promises,
        [
            ("Late thing", PromiseState::Overdue),
            ("Risk memo", PromiseState::Open)
        ]
    );
    // The declined pitch has its answer; the other pitch and the problem wait for one.
    let undecided: Vec<(&str, &str, Option<&str>)> = a
        .undecided
        .iter()
        .map(|u| (u.kind, u.text.as_str(), u.solution.as_deref()))
        .collect();
    assert_eq!(
        undecided,
        [
            ("pitch", "An idea", None),
            ("problem", "A bug", Some("fix it"))
        ]
    );
    assert_eq!(a.feedback_last_asked, Some(d("2026-03-05")));
    assert_eq!(a.days_since_feedback_asked, Some(5));
    assert_eq!(a.len(), 11);
    // Markdown is a checklist ready for a meeting doc.
    let md = render(&a, Format::Md, None).expect("md");
    assert!(md.starts_with("# Agenda for the 1:1 with Ann Lee (@ann) on 2026-03-12\n"));
    assert!(
        md.contains("- [ ] send the notes · check-in of 2026-03-02\n"),
        "{md}"
    );
    assert!(
        md.contains("- [ ] review the doc (overdue since 2026-03-04) · check-in of 2026-03-02\n"),
        "{md}"
    );
    assert!(
        md.contains("- Late thing (overdue since 2026-03-06)\n"),
        "{md}"
    );
    assert!(
        md.contains("You last asked for feedback on 2026-03-05, 5 days ago.\n"),
        "{md}"
    );
}

#[test]
fn a_boss_without_entries_gets_an_empty_agenda() {
    let j = journal("boss @ann Ann\n");
    let today = d("2026-03-10");
    let a = build(
        &j,
        today,
        &Options {
            boss: select::find(&j, "ann", today).expect("ann"),
        },
    );
    assert!(a.is_empty());
    let term = render(&a, Format::Term, None).expect("term");
    assert!(
        term.contains("Agenda for the next 1:1 with Ann (@ann)"),
        "{term}"
    );
    assert!(
        term.contains("You have not asked for feedback yet"),
        "{term}"
    );
}

#[test]
fn agenda_json_and_csv_shapes() {
    let out = run(&[
        "-f",
        "samples/engineer/journal.up",
        "--today",
        "2026-11-23",
        "agenda",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    for key in [
        "boss",
        "name",
        "today",
        "next_checkin",
        "actions",
        "points",
        "promises",
        "undecided",
        "feedback_last_asked",
        "days_since_feedback_asked",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let action = &v["actions"][0];
    for key in [
        "owner",
        "by_boss",
        "career_promise",
        "text",
        "due",
        "overdue",
        "line",
        "entry",
    ] {
        assert!(action.get(key).is_some(), "action misses {key}");
    }
    for key in ["date", "kind", "text", "file", "line"] {
        assert!(action["entry"].get(key).is_some(), "entry misses {key}");
    }
    let csv = run(&[
        "-f",
        "samples/engineer/journal.up",
        "--today",
        "2026-11-23",
        "agenda",
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with("item,owner,due,text,file,line\naction,you,,send the first weekly drift report,samples/engineer/journal.up,"));
}

#[test]
fn an_entry_without_words_is_shown_by_kind_and_date_never_by_handle_alone() {
    let j = journal(
        "boss @ann Ann\n2026-03-02 pitch ^bare @ann\n2026-03-03 checkin @ann\n  [ ] ^memo\n\
         2026-03-03 promise ^memo @ann due:2026-03-09\n",
    );
    let today = d("2026-03-04");
    let a = build(
        &j,
        today,
        &Options {
            boss: select::find(&j, "ann", today).expect("ann"),
        },
    );
    assert_eq!(a.undecided[0].text, "pitch of 2026-03-02");
    assert_eq!(a.actions[0].text, "promise of 2026-03-03");
    assert_eq!(a.promises[0].text, "promise of 2026-03-03");
}
