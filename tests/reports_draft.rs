//! `upward draft` on hand-made journals whose answers are worked out in the comments.

#[path = "golden/support.rs"]
mod support;

use support::{d, journal};
use upward::report::draft::{Options, build, count_words};
use upward::report::{Format, render, select};

fn draft(text: &str, today: &str) -> upward::report::draft::Draft {
    let j = journal(text);
    let boss = select::find(&j, "ann", d(today)).expect("ann");
    build(&j, d(today), &Options { boss })
}

/// Headings count one word each ("Alpha", "Beta", "Also"; the `#key` is not a word).
/// Alpha: 1 + "Risk: Flaky CI. Proposed: retry once" 6 + "Wrote the lexer tests" 4 = 11.
/// Beta: 1 + "Win: Faster builds (+10%)" 4 + "Initiative: Wrote a style guide" 5 = 10.
/// Also: 1 + "Cleaned the desk" 3 = 4. Total 25 against a limit of 20.
/// Trim the least important first: the group outside the priorities (25 - 3 - 1 = 21), then
/// in Beta, the lower-ranked priority, the initiative before the win (21 - 5 = 16 ≤ 20).
const TRIM: &str = "\
boss @ann Ann
  words: 20
2026-03-02 priority #a @ann rank:1 Alpha
2026-03-02 priority #b @ann rank:2 Beta
2026-03-03 update @ann Old news: shipped the parser
2026-03-03 did #a Shipped the parser
2026-03-04 did #a Wrote the lexer tests
2026-03-04 win #b impact:+10% Faster builds
2026-03-05 did Cleaned the desk
2026-03-05 problem ^flaky #a Flaky CI
  solution: retry once
2026-03-06 initiative #b Wrote a style guide
2026-03-08 did #a Planned for later
";

#[test]
fn a_draft_trims_the_least_important_to_the_word_limit() {
    let draft = draft(TRIM, "2026-03-07");
    assert_eq!((draft.limit, draft.words), (20, 16));
    assert_eq!(draft.since, d("2026-03-03"));
    let groups: Vec<(Option<&str>, Vec<&str>)> = draft
        .groups
        .iter()
        .map(|g| {
            let items = g.items.iter().map(|i| i.text.as_str()).collect();
            (g.priority.as_ref().map(|p| p.key.as_str()), items)
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                Some("a"),
                vec![
                    "Risk: Flaky CI. Proposed: retry once",
                    "Wrote the lexer tests"
                ]
            ),
            (Some("b"), vec!["Win: Faster builds (+10%)"]),
        ]
    );
    let left: Vec<&str> = draft
        .left_out
        .iter()
        .map(|i| i.entry.text.as_str())
        .collect();
    assert_eq!(left, ["Cleaned the desk", "Wrote a style guide"]);
    let md = render(&draft, Format::Md, None).expect("md");
    assert_eq!(
        md,
        "**Alpha** (#a)\n\n\
         - Risk: Flaky CI. Proposed: retry once\n\
         - Wrote the lexer tests\n\n\
         **Beta** (#b)\n\n\
         - Win: Faster builds (+10%)\n\n\
         <!-- draft for @ann since the update of 2026-03-03: 16 of 20 words (words: 20 on @ann); \
         left out to fit: did 2026-03-05 \"Cleaned the desk\"; initiative 2026-03-06 \"Wrote a style guide\" -->\n"
    );
    assert_eq!(draft.markdown, md);
    // The Markdown's words, comment aside, are what the draft counts.
    let body: usize = md
        .lines()
        .filter(|l| !l.starts_with("<!--"))
        .map(count_words)
        .sum();
    assert_eq!(body, 16);
}

#[test]
fn a_draft_never_repeats_the_last_update() {
    // "Shipped the parser" is in the update; the plan dated after today is not news yet.
    let draft = draft(
        &TRIM.replace("  words: 20\n", "  words: 200\n"),
        "2026-03-07",
    );
    let texts: Vec<&str> = draft
        .groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.entry.text.as_str()))
        .collect();
    assert!(!texts.contains(&"Shipped the parser"), "{texts:?}");
    assert!(!texts.contains(&"Planned for later"), "{texts:?}");
    assert_eq!(texts.len(), 5);
    assert!(draft.left_out.is_empty());
}

#[test]
fn without_an_update_a_draft_covers_two_weeks_and_the_default_limit() {
    let draft = draft(
        "boss @ann Ann\n  detail: detailed\n2026-03-01 did Too old\n2026-03-10 did Recent work\n2026-03-12 done ^p\n\
         2026-03-02 promise ^p @ann due:2026-03-20 The memo\n",
        "2026-03-16",
    );
    assert_eq!(draft.last_update, None);
    assert_eq!(draft.since, d("2026-03-02"));
    assert_eq!(
        (draft.limit, draft.limit_from.as_str()),
        (400, "detail: detailed on @ann")
    );
    let texts: Vec<&str> = draft.groups[0]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(texts, ["Done: The memo", "Recent work"]);
}

#[test]
fn count_words_skips_tokens_and_punctuation() {
    assert_eq!(
        count_words("- Shipped #billing v2 for @ann — 40% faster ^x"),
        5
    );
    assert_eq!(count_words("**Alpha** (#a)"), 1);
}
