//! The layers stay apart, checked by reading the source: threads start only in
//! `src/threads.rs` (git history, the language server and plugins aside), only `cli` knows
//! clap, only `diag` renders with annotate-snippets, only `git` uses libgit2, only `program`,
//! `plugin` and the editor of `add` run programs, and the rules neither read files, the
//! environment or the clock nor parse.

use std::path::Path;

/// Each line of a `.rs` file under `src/` that contains one of `patterns`, as
/// `src/PATH:LINE: text`, leaving out the files and directories (relative to `src/`) in
/// `allowed`. With `only`, only files under that directory are read.
fn find(patterns: &[&str], allowed: &[&str], only: Option<&str>) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut dirs = vec![root.join(only.unwrap_or(""))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("reads src/") {
            let path = entry.expect("entry").path();
            let rel = path.strip_prefix(&root).expect("under src/");
            if allowed.iter().any(|a| rel.starts_with(a)) {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("reads a source file");
                for (n, line) in text.lines().enumerate() {
                    if patterns.iter().any(|p| line.contains(p)) {
                        found.push(format!("src/{}:{}: {}", rel.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    found.sort();
    found
}

fn assert_none(found: Vec<String>, why: &str) {
    assert!(found.is_empty(), "{why}:\n{}", found.join("\n"));
}

#[test]
fn threads_start_only_in_threads_rs() {
    assert_none(
        find(
            &["thread::scope", "thread::spawn", "scope.spawn"],
            &["threads.rs", "git", "lsp", "plugin"],
            None,
        ),
        "start threads through src/threads.rs",
    );
}

#[test]
fn only_cli_knows_clap() {
    assert_none(find(&["clap"], &["cli"], None), "clap belongs to src/cli/");
}

#[test]
fn only_diag_renders_snippets() {
    assert_none(
        find(&["annotate_snippets"], &["diag"], None),
        "diagnostics are rendered by src/diag/",
    );
}

#[test]
fn only_git_uses_libgit2() {
    assert_none(
        find(&["git2::", "use git2"], &["git"], None),
        "libgit2 belongs to src/git/",
    );
}

#[test]
fn programs_run_from_three_places() {
    assert_none(
        find(
            &["Command::new"],
            &["program.rs", "plugin", "add/editor.rs"],
            None,
        ),
        "run programs through src/program.rs (git), src/plugin/ or the editor of add",
    );
}

/// Rules are functions of the journal and today: no files, environment, clock or parsing.
#[test]
fn rules_are_pure() {
    assert_none(
        find(
            &[
                "std::fs",
                "std::env",
                "std::process",
                "SystemTime",
                "Instant",
                "now()",
                "syntax::parse",
                "load::load",
            ],
            &[],
            Some("rules"),
        ),
        "rules read only the journal and today",
    );
}
