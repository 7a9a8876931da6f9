//! Table-driven parser tests: input → diagnostics and tokens with exact lines and columns.

use upward::diag::FileId;
use upward::source::SourceFile;
use upward::syntax::{self, LineKind, TokenKind};

/// Parses `text` and returns each diagnostic as (line, column, code).
fn diagnostics(text: &str) -> Vec<(u32, u32, &'static str)> {
    let source = SourceFile::from_text("t.up", text);
    let (_, diags) = syntax::parse(FileId(0), &source);
    diags
        .iter()
        .map(|d| {
            let p = source.position(d.span.start);
            (p.line, p.column, d.code)
        })
        .collect()
}

/// Parses `text` and returns every token as (line, column, kind, text).
fn tokens(text: &str) -> Vec<(u32, u32, TokenKind, String)> {
    let source = SourceFile::from_text("t.up", text);
    let (doc, diags) = syntax::parse(FileId(0), &source);
    assert!(diags.is_empty(), "unexpected diagnostics: {diags:?}");
    doc.tokens
        .iter()
        .map(|t| {
            let p = source.position(t.start());
            (
                p.line,
                p.column,
                t.kind(),
                source.text[t.range()].to_string(),
            )
        })
        .collect()
}

/// An input and the diagnostics it must give, as (line, column, code).
type Case = (&'static str, &'static [(u32, u32, &'static str)]);

#[test]
fn syntax_errors_have_exact_positions() {
    let table: &[Case] = &[
        ("2026-02-30 did x\n", &[(1, 1, "date")]),
        ("2026-2-01 did x\n", &[(1, 1, "date")]),
        ("2026-04-13 25:00 checkin\n", &[(1, 12, "time")]),
        ("2026-04-11 chekin @ann\n", &[(1, 12, "unknown-kind")]),
        ("2026-04-11\n", &[(1, 11, "missing")]),
        ("2026-04-11   ; only a comment\n", &[(1, 14, "missing")]),
        (
            "  orphan body\n2026-01-01 did x\n",
            &[(1, 1, "orphan-body")],
        ),
        ("bos @ann Ann\n", &[(1, 1, "syntax")]),
        // A carriage return not right before a line feed: lines end with LF or CRLF only.
        ("2026-01-01 did x\r\r\n", &[(1, 17, "encoding")]),
        (
            "2026-01-01 did x\ry\r\n2026-01-02 did z\r\n",
            &[(1, 17, "encoding")],
        ),
        ("2026-01-01 did x\r", &[(1, 17, "encoding")]),
        ("2026-01-01 did x\r\n", &[]),
        ("#billing\n", &[(1, 1, "syntax")]),
        ("boss Ann\n", &[(1, 1, "missing")]),
        ("scope #a b\n", &[(1, 10, "syntax")]),
        ("set repitch\n", &[(1, 1, "missing")]),
        ("include\n", &[(1, 1, "missing")]),
        // Errors do not stop the parse: each bad line gives one diagnostic.
        (
            "x\n2026-01-01 did ok\ny\n2026-13-01 did\n",
            &[(1, 1, "syntax"), (3, 1, "syntax"), (4, 1, "date")],
        ),
        // A bad header's body is skipped without further errors.
        (
            "2026-01-01 chekin\n  - note\n  [ ] action\n",
            &[(1, 12, "unknown-kind")],
        ),
        // Columns count characters: tabs as one, multibyte letters as one, the BOM as none.
        ("\u{feff}2026-01-01 chekin\n", &[(1, 12, "unknown-kind")]),
        (
            "2026-01-01 did ok\n\tx\u{e9}\u{e9} ok\nzz\n",
            &[(3, 1, "syntax")],
        ),
        (
            "2026-01-01 did caf\u{e9}\r\n2026-01-02 dd\r\n",
            &[(2, 12, "unknown-kind")],
        ),
        ("2026-01-01 did a\nb\0c\n", &[(2, 2, "encoding")]),
    ];
    for (input, expected) in table {
        assert_eq!(&diagnostics(input), expected, "input {input:?}");
    }
}

#[test]
fn tokens_have_exact_positions() {
    use TokenKind::*;
    let got = tokens(
        "2026-11-03 09:30 checkin @maria dur:30m #billing-v2. ; note\n  [ ] @bob ^risk-memo send\n",
    );
    let want: Vec<(u32, u32, TokenKind, String)> = vec![
        (1, 1, Date, "2026-11-03".into()),
        (1, 12, Time, "09:30".into()),
        (1, 18, Kind, "checkin".into()),
        (1, 26, Person, "@maria".into()),
        (
            1,
            33,
            FieldKey(upward::syntax::FieldKey::Dur),
            "dur:".into(),
        ),
        (1, 37, FieldValue, "30m".into()),
        (1, 41, Tag, "#billing-v2".into()),
        (1, 54, Comment, "; note".into()),
        (2, 3, Marker, "[ ]".into()),
        (2, 7, Person, "@bob".into()),
        (2, 12, Handle, "^risk-memo".into()),
    ];
    assert_eq!(got, want);
}

#[test]
fn line_kinds() {
    let text = "; c\n# Week\n## Sub\nboss @a A\n  cadence: weekly\n\n2026-01-01 did x\n  - n\n  [x] a\n  ? q\n  > b\n  more\n\t; indented comment\n";
    let source = SourceFile::from_text("t.up", text);
    let (doc, diags) = syntax::parse(FileId(0), &source);
    assert!(diags.is_empty());
    let kinds: Vec<String> = doc.lines.iter().map(|l| format!("{:?}", l.kind)).collect();
    assert_eq!(
        kinds,
        [
            "Comment",
            "Heading",
            "Heading",
            "Directive(Boss)",
            "Body(Field(Cadence))",
            "Blank",
            "Header(Did)",
            "Body(Note)",
            "Body(Action(Done))",
            "Body(Question)",
            "Body(Quote)",
            "Body(Continuation)",
            "Comment",
        ]
    );
    assert_eq!(doc.nodes.len(), 2);
    assert_eq!(doc.nodes[1].body(), 7..12);
    assert!(doc.lines.iter().all(|l| l.kind != LineKind::Invalid));
}

#[test]
fn printing_gives_back_the_bytes() {
    for text in [
        "",
        "\n",
        "\u{feff}2026-01-01 did x\r\n  - y\r\n",
        "no newline at the end",
        "2026-01-01 did x   \t; c\n\n\n  \t\n",
        "x\n  orphan\n2026-99-99 bad\n",
    ] {
        let source = SourceFile::from_text("t.up", text);
        let (doc, _) = syntax::parse(FileId(0), &source);
        assert_eq!(
            syntax::print(&doc, source.bytes()),
            text.as_bytes(),
            "{text:?}"
        );
    }
    let raw = b"2026-01-01 did \xff\xfe\n2026-01-02 did ok\n".to_vec();
    let source = SourceFile::new("t.up", "t.up", raw.clone());
    let (doc, diags) = syntax::parse(FileId(0), &source);
    assert_eq!(syntax::print(&doc, source.bytes()), raw);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "encoding");
    assert_eq!(source.position(diags[0].span.start).column, 16);
}

#[test]
fn huge_lines_and_words_are_one_error_each() {
    let long_line = format!(
        "2026-01-01 did {}\n2026-01-02 did ok\n",
        "word ".repeat(2_200_000)
    );
    let diags = diagnostics(&long_line);
    assert_eq!(diags, vec![(1, 1, "too-long")]);
    let long_word = format!(
        "2026-01-01 did @{}\n2026-01-02 did ok\n",
        "a".repeat(100_000)
    );
    assert_eq!(diagnostics(&long_word), vec![(1, 16, "too-long")]);
}

/// A handle's lowercase letters may be of any script: `^café` is one handle, not `^caf`
/// followed by text; `^Café` starts with an uppercase letter and is text.
#[test]
fn handles_take_non_ascii_lowercase_letters() {
    let handles = |text: &str| -> Vec<String> {
        tokens(text)
            .into_iter()
            .filter(|t| t.2 == TokenKind::Handle)
            .map(|t| t.3)
            .collect()
    };
    assert_eq!(handles("2026-01-01 pitch ^café A café corner\n"), ["^café"]);
    assert_eq!(handles("2026-01-01 pitch ^ключ-2 Key\n"), ["^ключ-2"]);
    assert!(handles("2026-01-01 did ^Café corner\n").is_empty());
    // The model finds it by its whole name.
    let j = upward::model::Journal::from_text(
        "t.up",
        "2026-01-01 pitch ^café A corner\n2026-01-05 decision ^café outcome:accepted\n",
    );
    assert!(!j.has_errors(), "{:#?}", j.diagnostics);
    assert!(j.handle_named("café").is_some());
}
