//! The docs stay honest: every ```up block in README.md and docs/language.md, and every file
//! in samples/, parses and builds without errors.

use std::path::{Path, PathBuf};

use upward::diag::render_term;
use upward::model::{Disk, Journal, load};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The ```up blocks of a Markdown file, with the line each starts on.
fn up_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match &mut current {
            None if line.trim_start() == "```up" => current = Some((i + 2, String::new())),
            Some(_) if line.trim_start().starts_with("```") => blocks.extend(current.take()),
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    blocks
}

fn assert_no_errors(what: &str, journal: &Journal) {
    let errors: Vec<_> = journal
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    assert!(
        errors.is_empty(),
        "{what}:\n{}",
        render_term(&errors, &journal.sources, false)
    );
}

#[test]
fn markdown_examples_have_no_errors() {
    let mut count = 0;
    for doc in ["README.md", "docs/language.md"] {
        let text =
            std::fs::read_to_string(root().join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}"));
        for (line, block) in up_blocks(&text) {
            let journal = Journal::from_text(&format!("{doc}:{line}"), &block);
            assert_no_errors(&format!("{doc}, block at line {line}"), &journal);
            count += 1;
        }
    }
    assert!(count >= 10, "expected many examples, found {count}");
}

#[test]
fn samples_have_no_errors() {
    let samples = root().join("samples");
    let paths: Vec<PathBuf> = vec![
        samples.join("engineer"),
        samples.join("pm"),
        samples.join("pm/journal.up"),
    ];
    for path in paths {
        let journal = Journal::build(load(std::slice::from_ref(&path), &Disk).expect("load"));
        assert_no_errors(&path.display().to_string(), &journal);
        assert!(
            journal.entries.len() > 40,
            "{} has {} entries",
            path.display(),
            journal.entries.len()
        );
    }
}
