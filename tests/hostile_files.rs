//! Journals laid out to trap a loader: directory loops through symlinks, named pipes where a
//! journal file is expected, and include chains thousands of files deep.

use std::path::Path;
use std::process::Command as Process;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

fn upward() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        // A guard against a hang, not a measure of speed: each case ends at once when fixed.
        .timeout(Duration::from_secs(60));
    cmd
}

const ENTRY: &str = "2026-03-02 did Fixed the queue #ops\n";

fn mkfifo(path: &Path) {
    let status = Process::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn two_symlinks_to_a_parent_folder_visit_each_directory_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(notes.join("sub")).expect("mkdir");
    std::fs::write(notes.join("a.up"), ENTRY).expect("write");
    std::fs::write(notes.join("sub/b.up"), ENTRY).expect("write");
    for name in ["up1", "up2"] {
        std::os::unix::fs::symlink("..", notes.join("sub").join(name)).expect("symlink");
    }
    std::os::unix::fs::symlink(&notes, notes.join("again")).expect("symlink");
    upward()
        .arg("-f")
        .arg(&notes)
        .args(["export", "--today", "2026-03-03"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Fixed the queue").count(2));
}

#[test]
fn a_fifo_named_on_the_command_line_is_refused_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("x.up");
    mkfifo(&fifo);
    upward()
        .arg("-f")
        .arg(&fifo)
        .args(["check", "--today", "2026-03-03"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "cannot read journal `{}`: it is a named pipe, not a regular file",
            fifo.display()
        )));
}

#[test]
fn a_fifo_in_a_directory_journal_is_refused_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.up"), ENTRY).expect("write");
    let fifo = dir.path().join("x.up");
    mkfifo(&fifo);
    upward()
        .arg("-f")
        .arg(dir.path())
        .args(["check", "--today", "2026-03-03"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "cannot read journal `{}`: it is a named pipe, not a regular file",
            fifo.display()
        )));
}

#[test]
fn a_fifo_reached_by_include_is_an_error_at_the_include() {
    let dir = tempfile::tempdir().expect("tempdir");
    let main = dir.path().join("main.up");
    std::fs::write(&main, format!("{ENTRY}include x.up\n")).expect("write");
    mkfifo(&dir.path().join("x.up"));
    upward()
        .arg("-f")
        .arg(&main)
        .args(["check", "--today", "2026-03-03"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:2:9: error[include]: cannot include `{}`: it is a named pipe, not a regular file",
            main.display(),
            dir.path().join("x.up").display()
        )));
}

#[test]
fn an_include_chain_ten_thousand_files_deep_loads_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let depth = 10_000;
    for i in 0..depth {
        let next = if i + 1 < depth {
            format!("include {}.up\n", i + 1)
        } else {
            String::new()
        };
        let text = format!("2026-03-02 did Step {i} #ops\n{next}");
        std::fs::write(dir.path().join(format!("{i}.up")), text).expect("write");
    }
    upward()
        .arg("-f")
        .arg(dir.path().join("0.up"))
        .args(["export", "--today", "2026-03-03"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Step 9999"));
}
