//! Property tests: random and mutated input never panics, and parse-then-print gives back
//! the bytes.

use proptest::prelude::*;
use upward::diag::{FileId, render_json, render_term};
use upward::model::Journal;
use upward::source::SourceFile;
use upward::syntax;

/// Pieces that journals are made of, so random input reaches deep into the parser.
const PIECES: &[&str] = &[
    "2026-03-02",
    "2027-01-01",
    "2026-02-30",
    "09:30",
    "25:00",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u{feff}",
    "checkin",
    "update",
    "promise",
    "done",
    "slip",
    "pitch",
    "decision",
    "priority",
    "away",
    "escalate",
    "win",
    "did",
    "initiative",
    "feedback",
    "problem",
    "career",
    "ask",
    "boss",
    "scope",
    "include",
    "set",
    "@ann",
    "@",
    "(@bob),",
    "#billing",
    "#billing/v2.",
    "#",
    "^memo",
    "^",
    "due:2026-03-09",
    "due:",
    "rank:1",
    "status:dropped",
    "outcome:declined",
    "tone:mixed",
    "until:2026-03-20",
    "informed:@ann",
    "allow:repitch",
    "solution: fix",
    "cadence: 2/week",
    "updates: none",
    "words: 3",
    "since: 2026-01-01",
    "- ",
    "[ ] ",
    "[x] ",
    "- [-] ",
    "? ",
    "> ",
    "; comment",
    "# heading",
    "## h",
    "x",
    "café",
    "日本",
    "😀",
    "\0",
    "repitch",
    "off",
    "45",
];

fn journal_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

fn exercise(text: &str) {
    let journal = Journal::from_text("p.up", text);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    let diags = upward::check(&journal, today, &[]);
    let _ = render_term(&diags, &journal.sources, true);
    let _ = render_json(&diags, &journal.sources);
    for e in &journal.entries {
        let _ = journal.text(e);
        let _ = journal.word_count(e);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn structured_input_never_panics_and_prints_back(text in journal_text()) {
        let source = SourceFile::from_text("p.up", &text);
        let (doc, _) = syntax::parse(FileId(0), &source);
        prop_assert_eq!(syntax::print(&doc, source.bytes()), text.as_bytes());
        exercise(&text);
    }

    #[test]
    fn random_bytes_never_panic_and_print_back(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let source = SourceFile::new("p.up", "p.up", bytes.clone());
        let (doc, diags) = syntax::parse(FileId(0), &source);
        prop_assert_eq!(syntax::print(&doc, source.bytes()), bytes);
        for d in diags {
            let p = source.position(d.span.start);
            prop_assert!(p.line >= 1 && p.column >= 1);
        }
    }

    #[test]
    fn mutated_samples_never_panic(
        at in 0usize..20_000,
        len in 0usize..200,
        insert in journal_text(),
    ) {
        let sample = include_str!("../samples/engineer/journal.up");
        let mut start = at.min(sample.len());
        while !sample.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(sample.len());
        while !sample.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &sample[..start], insert, &sample[end..]);
        let source = SourceFile::from_text("p.up", &mutated);
        let (doc, _) = syntax::parse(FileId(0), &source);
        prop_assert_eq!(syntax::print(&doc, source.bytes()), mutated.as_bytes());
        exercise(&mutated);
    }
}
