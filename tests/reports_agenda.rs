//! `upward agenda` on a hand-made journal whose answer is worked out in the comments.

#[path = "golden/support.rs"]
mod support;

use support::{d, journal, run};
use upward::model::Verdict;
use upward::report::agenda::{Options, build};
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
    // Open actions, yours, then Ann's, then others', each oldest first: done, dropped and
    // planned ones are not on it; the one naming ^memo shows once, as the promise.
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
            (Some("ann"), "introduce me to the VP", false, true),
            (Some("carl"), "fix the build", false, false),
        ]
    );
    assert!(a.actions[1].by_boss && !a.actions[3].by_boss);
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
    let promises: Vec<(&str, Verdict)> = a
        .promises
        .iter()
        .map(|p| (p.text.as_str(), p.state))
        .collect();
    assert_eq!(
        promises,
        [
            ("Late thing", Verdict::Broken),
            ("Risk memo", Verdict::Open)
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
    assert_eq!(a.len(), 10);
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
        md.contains("- Late thing (broken, due 2026-03-06)\n"),
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
    // Your actions before the boss's, as in the other formats.
    let owners: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("action,"))
        .map(|l| l.split(',').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(owners, ["you", "you", "@dev", "@dev"], "{csv}");
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
    // The action holding only ^memo is the promise, listed once.
    assert!(a.actions.is_empty());
    assert_eq!(a.promises[0].text, "promise of 2026-03-03");
}

/// The action naming ^memo mirrors a promise due in 30 days: it shows once, as the promise,
/// even beyond the 14 days.
#[test]
fn an_action_mirroring_a_promise_appears_once_as_the_promise() {
    let j = journal(
        "boss @ann Ann\n\
         2026-03-02 checkin @ann\n  [ ] ^memo write the memo\n  [ ] book the room\n\
         2026-03-02 promise ^memo @ann due:2026-04-01 Risk memo\n",
    );
    let today = d("2026-03-03");
    let a = build(
        &j,
        today,
        &Options {
            boss: select::find(&j, "ann", today).unwrap(),
        },
    );
    let actions: Vec<&str> = a.actions.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(actions, ["book the room"]);
    let promises: Vec<&str> = a.promises.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(promises, ["Risk memo"]);
}

/// On 2026-03-25: #docs is 23 days old with no aligned work (neglected after 14); #ship had
/// work on 03-20. Feedback: the negative one of 03-03 has no action, the mixed one of 03-04
/// an open one; neutral, positive and acted-on feedback are not listed.
#[test]
fn unacted_feedback_and_neglected_priorities_are_on_the_agenda() {
    let j = journal(
        "boss @ann Ann\n  cadence: none\n  updates: none\n\
         2026-03-02 priority #ship @ann rank:1 Ship it\n\
         2026-03-02 priority #docs @ann rank:2 Write docs\n\
         2026-03-03 feedback @ann tone:negative Too slow on reviews\n\
         2026-03-04 feedback @ann tone:mixed Good demo, late notes\n  [ ] send notes the same day\n\
         2026-03-05 feedback @ann tone:neutral Prefers email\n\
         2026-03-06 feedback @ann tone:positive Great launch\n\
         2026-03-07 feedback @ann tone:negative Missed the standup\n  [x] set two alarms\n\
         2026-03-20 did #ship Shipped the beta\n",
    );
    let today = d("2026-03-25");
    let a = build(
        &j,
        today,
        &Options {
            boss: select::find(&j, "ann", today).unwrap(),
        },
    );
    let feedback: Vec<(&str, usize, usize)> = a
        .feedback
        .iter()
        .map(|f| (f.text.as_str(), f.actions, f.open_actions))
        .collect();
    assert_eq!(
        feedback,
        [
            ("Too slow on reviews", 0, 0),
            ("Good demo, late notes", 1, 1)
        ]
    );
    let neglected: Vec<(String, Option<u32>)> = a
        .neglected
        .iter()
        .map(|n| (n.priority.label(), n.rank))
        .collect();
    assert_eq!(neglected, [("Write docs (#docs)".to_string(), Some(2))]);
    let md = render(&a, Format::Md, None).expect("md");
    assert!(md.contains("## Feedback to act on\n"), "{md}");
    assert!(
        md.contains("- Write docs (#docs) (no aligned work yet)\n"),
        "{md}"
    );
    let csv = render(&a, Format::Csv, None).expect("csv");
    assert!(
        csv.contains("\nfeedback,,,Too slow on reviews,t.up,6\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\npriority,,,Write docs (#docs),t.up,5\n"),
        "{csv}"
    );
}

/// Dev starts on 04-01; on 04-06 the agenda holds a handover from Maria: her open actions,
/// the promise still due to her (^plan was handed to Dev by its slip), and her priority #docs
/// (#ship Dev restated on 04-02).
const HANDOVER: &str = "\
boss @maria Maria
  until: 2026-03-31
boss @dev Dev
  since: 2026-04-01
2026-03-02 priority #ship @maria rank:1 Ship it
2026-03-02 priority #docs @maria rank:2 Write docs
2026-03-03 checkin @maria
  [ ] send Maria the deck
  [ ] @maria sign the budget
2026-03-10 promise ^memo @maria due:2026-04-24 Risk memo
2026-03-11 promise ^plan @maria due:2026-04-10 Q2 plan
2026-04-02 priority #ship @dev rank:1 Ship it
2026-04-03 slip ^plan @dev due:2026-04-17 Dev owns it now
";

#[test]
fn a_new_boss_gets_a_handover_part() {
    let j = journal(HANDOVER);
    let today = d("2026-04-06");
    let dev = select::find(&j, "dev", today).unwrap();
    let a = build(&j, today, &Options { boss: dev });
    let h = a.handover.as_ref().expect("a handover part");
    assert_eq!((h.from.as_str(), h.until), ("maria", d("2026-03-31")));
    let actions: Vec<(Option<&str>, &str)> = h
        .actions
        .iter()
        .map(|x| (x.owner.as_deref(), x.text.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            (None, "send Maria the deck"),
            (Some("maria"), "sign the budget")
        ]
    );
    let promises: Vec<(&str, &str)> = h
        .promises
        .iter()
        .map(|p| (p.promise.text.as_str(), p.slip.as_str()))
        .collect();
    assert_eq!(
        promises,
        [("Risk memo", "2026-04-06 slip ^memo @dev due:2026-04-24")]
    );
    let priorities: Vec<String> = h.priorities.iter().map(|p| p.priority.label()).collect();
    assert_eq!(priorities, ["Write docs (#docs)"]);
    // The handed-over promise is Dev's now.
    let mine: Vec<&str> = a.promises.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(mine, ["Q2 plan"]);
    let md = render(&a, Format::Md, None).expect("md");
    assert!(
        md.contains("## Handover from Maria (@maria), boss until 2026-03-31\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "- Risk memo (due 2026-04-24) — write `2026-04-06 slip ^memo @dev due:2026-04-24`\n"
        ),
        "{md}"
    );
    // 31 days after Dev's first day, the part is gone.
    let later = d("2026-05-02");
    assert!(build(&j, later, &Options { boss: dev }).handover.is_none());
}
