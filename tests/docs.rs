//! The docs stay honest. In README.md and every page of docs/: each ```up block parses and
//! builds without errors; each ```text block of mistakes (lines annotated `error: why`) has an
//! error on exactly its annotated lines; and each ```console block, run on the ```up block
//! before it (as `journal.up`), prints exactly what it shows. Every file in samples/ parses
//! and builds without errors.

use std::path::{Path, PathBuf};

use upward::diag::render_term;
use upward::model::{Disk, Journal, load};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every Markdown page of docs/, with their text.
fn documents() -> Vec<(String, String)> {
    let mut names = vec!["README.md".to_string()];
    let mut pages: Vec<String> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    pages.sort();
    names.extend(pages);
    names
        .into_iter()
        .map(|n| {
            let text =
                std::fs::read_to_string(root().join(&n)).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n, text)
        })
        .collect()
}

/// One fenced block: its language, the line its text starts on, and its text.
struct Block {
    lang: String,
    line: usize,
    text: String,
}

/// Every fenced block of a Markdown file, in order.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in markdown.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (&mut current, fence) {
            (None, Some(lang)) => {
                current = Some(Block {
                    lang: lang.trim().to_string(),
                    line: i + 2,
                    text: String::new(),
                })
            }
            (Some(_), Some(_)) => blocks.extend(current.take()),
            (Some(block), None) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

/// The ```up blocks of a Markdown file, with the line each starts on.
fn up_blocks(markdown: &str) -> Vec<(usize, String)> {
    blocks(markdown)
        .into_iter()
        .filter(|b| b.lang == "up")
        .map(|b| (b.line, b.text))
        .collect()
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
    for (doc, text) in documents() {
        for (line, block) in up_blocks(&text) {
            let journal = Journal::from_text(&format!("{doc}:{line}"), &block);
            assert_no_errors(&format!("{doc}, block at line {line}"), &journal);
            count += 1;
        }
    }
    assert!(count >= 10, "expected many examples, found {count}");
}

/// A ```text block of mistakes: each line that ends in `error: why` (after two or more
/// spaces) must give an error, and no other line may. Blocks without such lines are prose.
#[test]
fn mistake_examples_are_errors() {
    let mut count = 0;
    for (doc, text) in documents() {
        for block in blocks(&text).into_iter().filter(|b| b.lang == "text") {
            let lines: Vec<(&str, bool)> = block
                .text
                .lines()
                .map(
                    |l| match l.find("  error:").or_else(|| l.find("\terror:")) {
                        Some(at) => (l[..at].trim_end(), true),
                        None => (l, false),
                    },
                )
                .collect();
            if !lines.iter().any(|(_, wrong)| *wrong) {
                continue;
            }
            let journal_text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
            let journal = Journal::from_text("example.up", &journal_text);
            let error_lines: std::collections::BTreeSet<u32> = journal
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| journal.sources.position(d.span).line)
                .collect();
            for (i, (line, wrong)) in lines.iter().enumerate() {
                let n = i as u32 + 1;
                assert_eq!(
                    error_lines.contains(&n),
                    *wrong,
                    "{doc}, block at line {}: `{line}` {}",
                    block.line,
                    if *wrong {
                        "is shown as a mistake but upward accepts it"
                    } else {
                        "has an error that the docs do not show"
                    }
                );
                count += usize::from(*wrong);
            }
        }
    }
    assert!(count >= 10, "expected many mistakes shown, found {count}");
}

/// Runs each `$ upward …` line of a ```console block in a temporary folder holding the ```up
/// block before it as `journal.up`, and compares what it prints (stdout, then stderr) with the
/// lines that follow it.
#[test]
fn console_examples_print_what_they_show() {
    let mut count = 0;
    for (doc, text) in documents() {
        let mut journal: Option<String> = None;
        for block in blocks(&text) {
            match block.lang.as_str() {
                "up" => journal = Some(block.text.clone()),
                "console" => {
                    let dir = tempfile::tempdir().expect("tempdir");
                    let source = journal.as_deref().unwrap_or_else(|| {
                        panic!(
                            "{doc}: the console block at line {} has no ```up block before it",
                            block.line
                        )
                    });
                    std::fs::write(dir.path().join("journal.up"), source).expect("write");
                    for (command, expected) in console_commands(&block.text) {
                        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
                        let out = assert_cmd::Command::cargo_bin("upward")
                            .expect("binary")
                            .args(&args)
                            .current_dir(dir.path())
                            .env("HOME", dir.path())
                            .env("NO_COLOR", "1")
                            .env_remove("UPWARD_JOURNAL")
                            .env_remove("UPWARD_TODAY")
                            .output()
                            .expect("run");
                        let printed = format!(
                            "{}{}",
                            String::from_utf8_lossy(&out.stdout),
                            String::from_utf8_lossy(&out.stderr)
                        );
                        assert_eq!(
                            printed.trim_end(),
                            expected.trim_end(),
                            "{doc}, console block at line {}: `{command}`",
                            block.line
                        );
                        count += 1;
                    }
                }
                _ => {}
            }
        }
    }
    assert!(count >= 1, "expected console examples, found none");
}

/// The `$ upward …` commands of a console block, each with the text shown after it.
fn console_commands(text: &str) -> Vec<(String, String)> {
    let mut commands: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            assert!(
                command.starts_with("upward "),
                "not an upward command: {command}"
            );
            commands.push((command.to_string(), String::new()));
        } else if let Some((_, expected)) = commands.last_mut() {
            expected.push_str(line);
            expected.push('\n');
        }
    }
    commands
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
