//! The dashboard's warnings, and how every report words a warning: on hand-made journals
//! whose answers are worked out in the comments.

#[path = "golden/support.rs"]
mod support;

use support::{d, journal};
use upward::report::dashboard::{Options, build};
use upward::report::select;

/// On 2026-03-30: the promise of 03-02 is broken (due 03-10), the check-in gap counts from
/// 03-02, and four one-time warnings: an unquantified win (03-03), a bypass (03-20), a
/// problem without a solution (03-25) and a second unquantified win (03-26).
const JOURNAL: &str = "\
boss @ann Ann
  updates: none
2026-03-02 checkin @ann
2026-03-02 promise ^memo due:2026-03-10 Risk memo for the board
2026-03-03 win Shipped the parser
2026-03-20 escalate @bob Asked Bob about the budget
2026-03-25 problem ^flaky Flaky CI on main
2026-03-26 win Shipped the lexer
";

#[test]
fn the_top_five_are_broken_promises_then_gaps_then_the_newest() {
    let j = journal(JOURNAL);
    let today = d("2026-03-30");
    let bosses = select::bosses(&j, None, today).unwrap();
    let dash = build(&j, today, &Options { bosses });
    let codes: Vec<(&str, u32)> = dash.top_warnings.iter().map(|w| (w.code, w.line)).collect();
    assert_eq!(
        codes,
        [
            ("promise-overdue", 4),
            ("checkin-gap", 3),
            ("unquantified-win", 8),
            ("problem-without-solution", 7),
            ("bypass", 6),
        ]
    );
    assert_eq!(dash.warnings, 6);
}

#[test]
fn warning_lines_name_entries_by_their_text_not_their_handle() {
    let j = journal(JOURNAL);
    let today = d("2026-03-30");
    let bosses = select::bosses(&j, None, today).unwrap();
    let dash = build(&j, today, &Options { bosses });
    let messages: Vec<&str> = dash
        .top_warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        messages[0].starts_with("promise \"Risk memo for the board\" was due 2026-03-10"),
        "{}",
        messages[0]
    );
    assert!(
        messages[3].starts_with("problem \"Flaky CI on main\" of 2026-03-25"),
        "{}",
        messages[3]
    );
    assert!(messages.iter().all(|m| !m.contains('^')), "{messages:?}");
}

#[test]
fn a_priority_is_worded_by_its_title_with_its_key_beside() {
    let j = journal(
        "boss @ann Ann\n  updates: none\n  cadence: none\n2026-03-02 priority #ship @ann Ship billing v2\n",
    );
    let message = "priority #ship (Ship billing v2) of @ann has no aligned work";
    assert_eq!(
        upward::report::warnings::by_text(&j, message),
        "priority Ship billing v2 (#ship) of @ann has no aligned work"
    );
    // Text that only looks like a token stays as written.
    assert_eq!(
        upward::report::warnings::by_text(&j, "x^2 and issue#42 and ^unknown"),
        "x^2 and issue#42 and ^unknown"
    );
}

/// With `set settle 10`, on 2026-03-30 the unquantified win of 03-03 is settled (more than
/// 10 days old); the bypass of 03-20, exactly 10 days old, is not. The dashboard leaves the
/// settled one out and says how many; the broken promise and the gap never settle.
#[test]
fn settled_warnings_are_left_out_and_counted() {
    let j = journal(&format!("set settle 10\n{JOURNAL}"));
    let today = d("2026-03-30");
    let bosses = select::bosses(&j, None, today).unwrap();
    let dash = build(&j, today, &Options { bosses });
    let codes: Vec<&str> = dash.top_warnings.iter().map(|w| w.code).collect();
    assert_eq!(
        codes,
        [
            "promise-overdue",
            "checkin-gap",
            "unquantified-win",
            "problem-without-solution",
            "bypass"
        ]
    );
    assert_eq!(dash.top_warnings[2].line, 9);
    assert_eq!((dash.warnings, dash.settled), (5, 1));
    let md = upward::report::render(&dash, upward::report::Format::Md, None).unwrap();
    assert!(
        md.contains(
            "1 settled warning about past events left out: `upward check --all` shows them."
        ),
        "{md}"
    );
}
