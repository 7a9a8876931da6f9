//! `upward init`: the repository, the starter journal, `.gitattributes` and the pre-commit
//! hook, which refuses a commit whose staged journal has errors.

#![cfg(feature = "git")]

mod git_support;

use git_support::{git, upward_in};
use predicates::prelude::*;

#[test]
fn init_creates_a_repository_journal_attributes_and_hook() {
    let home = tempfile::tempdir().unwrap();
    upward_in(home.path())
        .args(["init", "notes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("initialised a git repository in"))
        .stdout(predicate::str::contains("created notes/journal.up"))
        .stdout(predicate::str::contains("created notes/.gitattributes"))
        .stdout(predicate::str::contains("pre-commit"));
    let notes = home.path().join("notes");
    assert!(git2::Repository::open(&notes).is_ok());
    assert_eq!(
        std::fs::read_to_string(notes.join("journal.up")).unwrap(),
        upward::add::STARTER
    );
    assert_eq!(
        std::fs::read_to_string(notes.join(".gitattributes")).unwrap(),
        "*.up text\n*.up merge=upward\n"
    );
    let config = git2::Repository::open(&notes).unwrap().config().unwrap();
    assert_eq!(
        config.get_string("merge.upward.driver").unwrap(),
        "upward merge %O %A %B %P"
    );
    assert!(config.get_string("merge.upward.name").is_ok());
    let hook = notes.join(".git/hooks/pre-commit");
    let script = std::fs::read_to_string(&hook).unwrap();
    assert!(script.starts_with("#!/bin/sh\n"));
    assert!(script.contains("check"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&hook).unwrap().permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "the hook is executable");
    }
    // The starter journal checks clean.
    upward_in(&notes)
        .args(["check", "--today", "2026-11-23"])
        .assert()
        .success();
}

#[test]
fn init_never_overwrites_and_reuses_a_repository() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    git2::Repository::init(dir).unwrap();
    std::fs::write(dir.join("journal.up"), "2026-11-01 did Mine\n").unwrap();
    upward_in(dir)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("using the git repository at"))
        .stdout(predicate::str::contains(
            "kept ./journal.up (it already exists)",
        ))
        .stdout(predicate::str::contains("created ./.gitattributes"))
        // A kept journal is the user's own: its examples are not "commented out".
        .stdout(predicate::str::contains("commented out").not())
        .stdout(predicate::str::contains(
            "next: `upward -f ./journal.up check`",
        ));
    assert_eq!(
        std::fs::read_to_string(dir.join("journal.up")).unwrap(),
        "2026-11-01 did Mine\n"
    );
    upward_in(dir)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("kept ./.gitattributes"))
        .stdout(predicate::str::contains("pre-commit (it already exists)"));
}

#[test]
fn the_hook_refuses_a_broken_journal_and_accepts_a_fixed_one() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("notes");
    upward_in(home.path())
        .args(["init", "notes"])
        .assert()
        .success();
    let Some(_) = git(&dir) else {
        return; // the hook runs under the git program; without it there is nothing to run
    };
    let run = |args: &[&str]| git(&dir).unwrap().args(args).output().unwrap();
    assert!(run(&["add", "-A"]).status.success());
    let first = run(&["commit", "-q", "-m", "start"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );

    let journal = dir.join("journal.up");
    let good = std::fs::read_to_string(&journal).unwrap();
    std::fs::write(
        &journal,
        format!(
            "{good}2026-11-20 did rank:2 Not a priority\n2026-11-19 win Shipped it\n2026-11-19 problem Timeouts\n"
        ),
    )
    .unwrap();
    assert!(run(&["add", "journal.up"]).status.success());
    let refused = run(&["commit", "-q", "-m", "broken"]);
    assert!(
        !refused.status.success(),
        "the hook let a broken journal through"
    );
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("error[field-kind]: `did` does not take `rank:`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("pre-commit: the staged journal has errors"),
        "{stderr}"
    );
    // Errors in full, warnings as one line with their count.
    assert!(stderr.contains("2026-11-20 did rank:2"), "{stderr}");
    assert!(!stderr.contains("warning["), "{stderr}");
    assert!(
        stderr.contains(" warnings (`upward check` shows them)"),
        "{stderr}"
    );

    // The staged version counts, not the work tree: a fix that is not staged changes nothing.
    std::fs::write(&journal, format!("{good}2026-11-20 did Fixed the queue\n")).unwrap();
    assert!(
        !run(&["commit", "-q", "-m", "unstaged fix"])
            .status
            .success()
    );
    assert!(run(&["add", "journal.up"]).status.success());
    let accepted = run(&["commit", "-q", "-m", "fixed"]);
    assert!(
        accepted.status.success(),
        "{}",
        String::from_utf8_lossy(&accepted.stderr)
    );
}

#[test]
fn init_in_a_clone_adds_the_driver_and_overwrites_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    git2::Repository::init(dir).unwrap();
    std::fs::write(dir.join("journal.up"), "2026-11-01 did Mine\n").unwrap();
    // A note in a clone whose .gitattributes asks for the driver that git lacks: once.
    std::fs::write(dir.join(".gitattributes"), "*.up text merge=upward").unwrap();
    let out = upward_in(dir)
        .args(["check", "--today", "2026-11-23"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("run `upward init` in").count(),
        1,
        "{stderr}"
    );
    std::fs::write(dir.join(".gitattributes"), "*.up text").unwrap();

    upward_in(dir)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "added `*.up merge=upward` to ./.gitattributes",
        ))
        .stdout(predicate::str::contains(
            "registered the merge driver in .git/config",
        ));
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitattributes")).unwrap(),
        "*.up text\n*.up merge=upward\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("journal.up")).unwrap(),
        "2026-11-01 did Mine\n"
    );
    upward_in(dir)
        .args(["check", "--today", "2026-11-23"])
        .assert()
        .success()
        .stderr(predicate::str::contains("upward init").not());

    // Run again, it finds everything in place; a driver configured otherwise is kept.
    let repo = git2::Repository::open(dir).unwrap();
    repo.config()
        .unwrap()
        .set_str("merge.upward.driver", "/opt/upward merge %O %A %B %P")
        .unwrap();
    upward_in(dir)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("kept ./.gitattributes"))
        .stdout(predicate::str::contains("kept the merge driver"));
    assert_eq!(
        repo.config()
            .unwrap()
            .get_string("merge.upward.driver")
            .unwrap(),
        "/opt/upward merge %O %A %B %P"
    );
}

#[test]
fn init_keeps_gitattributes_that_already_say_how_journals_merge() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    git2::Repository::init(dir).unwrap();
    std::fs::write(dir.join(".gitattributes"), "*.up merge=text\n").unwrap();
    upward_in(dir)
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("kept ./.gitattributes"));
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitattributes")).unwrap(),
        "*.up merge=text\n"
    );
}
