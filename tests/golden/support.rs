//! What the report tests share: running the binary without the user's environment, journals
//! in temp dirs, and golden files under tests/golden/ (set UPWARD_BLESS=1 to write them).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use upward::model::Journal;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the crate root with a temp HOME and no upward or colour variables.
pub fn upward(home: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.current_dir(root())
        .env("HOME", home)
        .env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs the binary and returns its stdout, failing on a non-zero exit.
pub fn run(args: &[&str]) -> String {
    let home = tempfile::tempdir().expect("tempdir");
    let out = upward(home.path()).args(args).output().expect("run upward");
    assert!(
        out.status.success(),
        "upward {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A journal file in a temp dir.
pub fn journal_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal.up");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// An in-memory journal that must have no errors.
pub fn journal(text: &str) -> Journal {
    let j = Journal::from_text("t.up", text);
    let errors: Vec<_> = j.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "journal has errors: {errors:?}");
    j
}

pub fn d(s: &str) -> NaiveDate {
    upward::syntax::calendar_date(s).expect("date")
}

/// Compares `actual` with tests/golden/NAME, or writes it under UPWARD_BLESS=1.
pub fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPWARD_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPWARD_BLESS=1", path.display()));
    if want != actual {
        let diff = similar::TextDiff::from_lines(&want, actual)
            .unified_diff()
            .header("expected", "actual")
            .to_string();
        panic!("{name} differs from its golden file (UPWARD_BLESS=1 rewrites it):\n{diff}");
    }
}

/// Text without ANSI colour sequences (`ESC [ … m`), as a non-terminal stream prints it.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
