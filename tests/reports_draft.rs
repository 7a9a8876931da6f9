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

/// On Saturday 2026-03-07, with a weekly update, the next update falls in the week of 03-09.
/// Headings count one word each ("Risks", "Alpha", "Also"; the `#key` is not a word).
/// Risks: 1 + "Flaky CI. Proposed: retry once" 5 = 6.
/// Asks: 1 + "Decision on the fix for: Flaky CI" 7 = 8.
/// Done: 1, then Alpha: 1 + "Wrote the lexer tests" 4 = 5; Beta: 1 + "Win: Faster builds
/// (+10%)" 4 + "Initiative: Wrote a style guide" 5 = 10; Also: 1 + "Cleaned the desk" 3 = 4.
/// Total 6 + 8 + 1 + 5 + 10 + 4 = 34 against a limit of 20.
/// Trim Done items of the lowest-ranked priority first: the group outside the priorities
/// (34 - 4 = 30), then Beta, the initiative before the win (30 - 5 = 25, then 25 - 4 - 1 =
/// 20 ≤ 20). Risks and Asks stay.
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

fn texts(items: &[upward::report::draft::DraftItem]) -> Vec<&str> {
    items.iter().map(|i| i.text.as_str()).collect()
}

#[test]
fn a_draft_trims_done_items_of_the_lowest_ranked_priorities_first() {
    let draft = draft(TRIM, "2026-03-07");
    assert_eq!((draft.limit, draft.words), (20, 20));
    assert_eq!(draft.since, d("2026-03-03"));
    assert_eq!(texts(&draft.risks), ["Flaky CI. Proposed: retry once"]);
    assert_eq!(texts(&draft.asks), ["Decision on the fix for: Flaky CI"]);
    let groups: Vec<(Option<&str>, Vec<&str>)> = draft
        .done
        .iter()
        .map(|g| (g.priority.as_ref().map(|p| p.key.as_str()), texts(&g.items)))
        .collect();
    assert_eq!(groups, [(Some("a"), vec!["Wrote the lexer tests"])]);
    assert_eq!(
        texts(&draft.left_out),
        [
            "Cleaned the desk",
            "Initiative: Wrote a style guide",
            "Win: Faster builds (+10%)"
        ]
    );
    let md = render(&draft, Format::Md, None).expect("md");
    assert_eq!(
        md,
        "## Risks\n\n\
         - Flaky CI. Proposed: retry once\n\n\
         ## Asks\n\n\
         - Decision on the fix for: Flaky CI\n\n\
         ## Done\n\n\
         **Alpha** (#a)\n\n\
         - Wrote the lexer tests\n\n\
         <!-- draft for @ann since the update of 2026-03-03: 20 of 20 words (words: 20 on @ann); \
         left out to fit: did 2026-03-05 \"Cleaned the desk\"; initiative 2026-03-06 \"Initiative: Wrote a style guide\"; \
         win 2026-03-04 \"Win: Faster builds (+10%)\" -->\n"
    );
    assert_eq!(draft.markdown, md);
    // The terminal prints the same Markdown.
    assert_eq!(render(&draft, Format::Term, Some(80)).expect("term"), md);
    // The Markdown's words, comment aside, are what the draft counts.
    let body: usize = md
        .lines()
        .filter(|l| !l.starts_with("<!--"))
        .map(count_words)
        .sum();
    assert_eq!(body, 20);
}

/// A limit the Risks alone pass: every other item goes, the Risks stay.
#[test]
fn trimming_never_drops_a_risk() {
    let draft = draft(&TRIM.replace("  words: 20\n", "  words: 3\n"), "2026-03-07");
    assert_eq!(texts(&draft.risks), ["Flaky CI. Proposed: retry once"]);
    assert!(draft.asks.is_empty() && draft.done.is_empty() && draft.next.is_empty());
    assert_eq!(draft.words, 6);
    assert_eq!(draft.left_out.len(), 5);
}

/// Risks: the broken promise and the one due this week; Next: the one due next week; the
/// one due later is in neither. Asks: the pitch with no decision.
#[test]
fn risks_asks_and_next_come_from_promises_and_pitches() {
    let draft = draft(
        "boss @ann Ann\n\
         2026-03-02 promise ^a @ann due:2026-03-05 The memo\n\
         2026-03-02 promise ^b @ann due:2026-03-13 The budget\n\
         2026-03-02 promise ^c @ann due:2026-03-18 The plan\n\
         2026-03-02 promise ^d @ann due:2026-03-30 The review\n\
         2026-03-03 pitch ^idea @ann Move to event sourcing\n\
         2026-03-04 pitch ^old @ann Rewrite it in Rust\n\
         2026-03-05 decision ^old outcome:declined\n",
        "2026-03-10",
    );
    assert_eq!(
        texts(&draft.risks),
        [
            "The memo (overdue since 2026-03-05)",
            "The budget (due 2026-03-13)"
        ]
    );
    assert_eq!(texts(&draft.asks), ["Pitch: Move to event sourcing"]);
    assert_eq!(texts(&draft.next), ["The plan (due 2026-03-18)"]);
    assert_eq!(
        (draft.next_update, draft.next_until),
        (d("2026-03-16"), d("2026-03-22"))
    );
}

/// `words: 8` and three items since the last update: all three are left out, and the draft
/// neither claims there is nothing new nor names an item by an empty text.
#[test]
fn a_draft_trimmed_to_nothing_names_what_it_left_out() {
    let draft = draft(
        "boss @ann Ann\n  words: 8\n\
         2026-03-02 promise ^memo @ann due:2026-03-20 The risk memo\n\
         2026-03-03 update @ann Last week\n\
         2026-03-04 did Wrote the lexer tests for the parser\n\
         2026-03-05 done ^memo\n\
         2026-03-06 win impact:+10% Faster builds across the whole team\n",
        "2026-03-07",
    );
    assert!(draft.done.is_empty());
    assert_eq!(
        texts(&draft.left_out),
        [
            "Wrote the lexer tests for the parser",
            "Done: The risk memo",
            "Win: Faster builds across the whole team (+10%)"
        ]
    );
    assert!(
        !draft.markdown.contains("Nothing new"),
        "{}",
        draft.markdown
    );
    assert!(!draft.markdown.contains("\"\""), "{}", draft.markdown);
    assert!(
        draft
            .markdown
            .contains("done 2026-03-05 \"Done: The risk memo\""),
        "{}",
        draft.markdown
    );
}

#[test]
fn a_draft_never_repeats_the_last_update() {
    // "Shipped the parser" is in the update; the plan dated after today is not news yet.
    let draft = draft(
        &TRIM.replace("  words: 20\n", "  words: 200\n"),
        "2026-03-07",
    );
    let texts: Vec<&str> = draft
        .done
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.entry.text.as_str()))
        .collect();
    assert!(!texts.contains(&"Shipped the parser"), "{texts:?}");
    assert!(!texts.contains(&"Planned for later"), "{texts:?}");
    assert_eq!(texts.len(), 4);
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
    let texts: Vec<&str> = draft.done[0]
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
