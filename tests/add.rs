//! `upward add`: the entry it writes, refusals that change nothing, line endings, the file it
//! picks, concurrent adds, the editor flow, and the starter journal of `upward init`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use upward::model::{Disk, Journal, load};

const TODAY: &str = "2026-11-23";
const BASE: &str = "boss @maria Maria Chen\n  cadence: none\n  updates: none\n\n2026-11-02 promise ^memo due:2026-11-30 Risk memo\n";

fn upward(home: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env_remove("NO_COLOR")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_AUTHOR_DATE", "@1795000000 +0000")
        .env("GIT_COMMITTER_DATE", "@1795000000 +0000")
        .current_dir(home);
    cmd
}

fn journal(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal.up");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

fn errors(path: &Path) -> Vec<String> {
    let journal = Journal::build(load(&[path.to_path_buf()], &Disk).expect("load"));
    journal
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn appends_an_entry_dated_today() {
    let (dir, path) = journal(BASE);
    upward(dir.path())
        .args([
            "add",
            "did",
            "Fixed the retry queue #billing",
            "--today",
            TODAY,
        ])
        .assert()
        .success()
        .stdout("added to journal.up:6: 2026-11-23 did Fixed the retry queue #billing\n");
    assert_eq!(
        read(&path),
        format!("{BASE}2026-11-23 did Fixed the retry queue #billing\n")
    );
}

#[test]
fn takes_words_fields_date_and_time_in_any_order() {
    let (dir, path) = journal(BASE);
    upward(dir.path())
        .args([
            "add",
            "checkin",
            "--date",
            "2026-11-20",
            "@maria",
            "dur:30m",
        ])
        .args(["--time", "09:30", "--today", TODAY, "Weekly", "1:1"])
        .assert()
        .success();
    assert!(read(&path).ends_with("\n2026-11-20 09:30 checkin @maria dur:30m Weekly 1:1\n"));
    assert!(errors(&path).is_empty());
}

#[test]
fn refused_entries_leave_the_file_byte_identical() {
    let (dir, path) = journal(BASE);
    let before = std::fs::read(&path).unwrap();
    // A field the kind does not take: the diagnostic points into the entry as it would be.
    upward(dir.path())
        .args(["add", "did", "rank:2", "Fixed it", "--today", TODAY])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "journal.up:6:16: error[field-kind]: `did` does not take `rank:`",
        ))
        .stderr(predicate::str::contains("the entry was not added"));
    // A second promise with the same handle.
    upward(dir.path())
        .args([
            "add",
            "promise",
            "^memo",
            "due:2026-12-01",
            "Again",
            "--today",
            TODAY,
        ])
        .assert()
        .code(1);
    // A kind that does not exist.
    upward(dir.path())
        .args(["add", "chekin", "@maria", "--today", TODAY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `checkin`?"));
    // A done for an unknown handle.
    upward(dir.path())
        .args(["add", "done", "^nothing", "--today", TODAY])
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // A refused entry for a new file leaves no file behind.
    upward(dir.path())
        .args([
            "add", "did", "rank:2", "x", "--to", "new.up", "--today", TODAY,
        ])
        .assert()
        .code(1);
    assert!(!dir.path().join("new.up").exists());
}

#[test]
fn errors_already_in_the_journal_do_not_block_an_add() {
    let (dir, path) = journal(&format!("{BASE}2026-11-03 did rank:1 old mistake\n"));
    upward(dir.path())
        .args(["add", "did", "New work", "--today", TODAY])
        .assert()
        .success();
    assert!(read(&path).ends_with("old mistake\n2026-11-23 did New work\n"));
}

#[test]
fn json_output_names_the_file_line_and_warnings() {
    let (dir, _path) = journal(BASE);
    let out = upward(dir.path())
        .args([
            "add",
            "win",
            "Shipped it",
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["file"], "journal.up");
    assert_eq!(json["line"], 6);
    assert_eq!(json["entry"], "2026-11-23 win Shipped it");
    assert_eq!(json["commit"], serde_json::Value::Null);
    assert_eq!(json["warnings"][0]["code"], "unquantified-win");
}

#[test]
fn keeps_crlf_and_a_missing_final_newline() {
    let (dir, path) = journal("2026-11-02 did a\r\n2026-11-03 did b");
    upward(dir.path())
        .args(["add", "did", "c", "--today", TODAY])
        .assert()
        .success();
    assert_eq!(
        read(&path),
        "2026-11-02 did a\r\n2026-11-03 did b\r\n2026-11-23 did c"
    );
}

#[test]
fn warnings_are_shown_and_the_entry_is_added() {
    let (dir, path) = journal(BASE);
    upward(dir.path())
        .args(["add", "win", "Shipped the thing", "--today", TODAY])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning[unquantified-win]"));
    assert!(read(&path).ends_with("2026-11-23 win Shipped the thing\n"));
}

#[test]
fn goes_to_the_last_file_in_path_order_or_to() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(notes.join("2026")).unwrap();
    std::fs::write(notes.join("2025.up"), BASE).unwrap();
    std::fs::write(notes.join("2026/01.up"), "2026-01-05 did a\n").unwrap();
    std::fs::write(notes.join("2026/02.up"), "2026-02-02 did b\n").unwrap();
    upward(dir.path())
        .args(["add", "did", "c", "--today", TODAY])
        .assert()
        .success();
    assert_eq!(
        read(&notes.join("2026/02.up")),
        "2026-02-02 did b\n2026-11-23 did c\n"
    );
    upward(dir.path())
        .args([
            "add",
            "did",
            "d",
            "--to",
            "notes/2026/03.up",
            "--today",
            TODAY,
        ])
        .assert()
        .success();
    assert_eq!(read(&notes.join("2026/03.up")), "2026-11-23 did d\n");
    // A handle defined in another file of the journal is known.
    upward(dir.path())
        .args(["add", "done", "^memo", "--today", TODAY])
        .assert()
        .success();
}

#[test]
fn forty_concurrent_adds_are_all_kept() {
    let (dir, path) = journal(BASE);
    let children: Vec<_> = (0..40)
        .map(|i| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin!("upward"))
                .current_dir(dir.path())
                .env_remove("UPWARD_JOURNAL")
                .env("HOME", dir.path())
                .args(["add", "did", &format!("Parallel entry number {i} #load")])
                .args(["--today", TODAY])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = read(&path);
    for i in 0..40 {
        let line = format!("2026-11-23 did Parallel entry number {i} #load\n");
        assert_eq!(text.matches(&line).count(), 1, "entry {i} in\n{text}");
    }
    assert!(text.starts_with(BASE));
    assert_eq!(text.lines().count(), BASE.lines().count() + 40);
    assert!(errors(&path).is_empty());
}

#[cfg(unix)]
fn editor(dir: &Path, script: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("fake-editor");
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn the_editor_writes_an_entry_with_a_body() {
    let (dir, path) = journal(BASE);
    // The editor gets the template's path as its last argument, after its own words.
    let fake = editor(
        dir.path(),
        r#"[ "$1" = "--wait" ] || exit 3
printf '2026-11-20 checkin @maria dur:30m\n  - talked about the memo\n  ? headcount\n' > "$2""#,
    );
    upward(dir.path())
        .env("EDITOR", format!("{} --wait", fake.display()))
        .args(["add", "-e", "--today", TODAY])
        .assert()
        .success();
    assert!(read(&path).ends_with(
        "Risk memo\n2026-11-20 checkin @maria dur:30m\n  - talked about the memo\n  ? headcount\n"
    ));
}

#[cfg(unix)]
#[test]
fn an_empty_edit_adds_nothing_and_a_bad_one_keeps_the_draft() {
    let (dir, path) = journal(BASE);
    let empty = editor(dir.path(), r#"printf '; nothing\n' > "$1""#);
    upward(dir.path())
        .env("EDITOR", &empty)
        .args(["add", "-e", "did", "--today", TODAY])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to add"));
    assert_eq!(read(&path), BASE);
    // Closed without writing anything, with or without a kind given: nothing is added.
    let untouched = editor(dir.path(), "true");
    for kind in [&[][..], &["did"][..]] {
        upward(dir.path())
            .env("EDITOR", &untouched)
            .args(["add", "-e", "--today", TODAY])
            .args(kind)
            .assert()
            .success()
            .stderr("nothing to add; the journal is unchanged\n");
        assert_eq!(read(&path), BASE);
    }
    let bad = editor(dir.path(), r#"printf '2026-11-20 did rank:1 x\n' > "$1""#);
    upward(dir.path())
        .env("EDITOR", &bad)
        .env("TMPDIR", dir.path())
        .args(["add", "-e", "--today", TODAY])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("your entry is kept in"));
    assert_eq!(read(&path), BASE);
}

#[test]
fn the_starter_journal_and_its_examples_are_clean() {
    let starter = upward::add::STARTER;
    let journal = Journal::from_text("starter.up", starter);
    assert!(!journal.has_errors());
    assert!(
        journal.entries.is_empty(),
        "the starter's examples are comments"
    );
    // Uncommented, the examples are a journal without errors, with every kind.
    let examples: String = starter
        .lines()
        .filter(|l| !l.starts_with(";;"))
        .map(|l| format!("{}\n", l.strip_prefix("; ").unwrap_or(l)))
        .collect();
    let journal = Journal::from_text("examples.up", &examples);
    let messages: Vec<_> = journal.diagnostics.iter().map(|d| &d.message).collect();
    assert!(!journal.has_errors(), "{messages:?}");
    for kind in upward::syntax::Kind::ALL {
        assert!(
            journal.entries.iter().any(|e| e.kind == *kind),
            "no example of `{kind}`"
        );
    }
}

#[cfg(feature = "git")]
#[test]
fn commit_commits_only_that_file_and_leaves_it_clean() {
    let (dir, path) = journal(BASE);
    let repo = git2::Repository::init(dir.path()).unwrap();
    std::fs::write(dir.path().join("other.txt"), "staged\n").unwrap();
    let mut index = repo.index().unwrap();
    index.add_path(Path::new("journal.up")).unwrap();
    index.write().unwrap();
    let sig =
        git2::Signature::new("Test", "t@example.com", &git2::Time::new(1_790_000_000, 0)).unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    repo.commit(Some("HEAD"), &sig, &sig, "start", &tree, &[])
        .unwrap();
    index.add_path(Path::new("other.txt")).unwrap();
    index.write().unwrap();

    upward(dir.path())
        .args(["add", "did", "Committed work", "--today", TODAY, "--commit"])
        .assert()
        .success()
        .stdout(predicate::str::contains("committed "));
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(head.summary().unwrap(), Some("upward: did 2026-11-23"));
    assert_eq!(head.author().when().seconds(), 1_795_000_000);
    let tree = head.tree().unwrap();
    assert!(
        tree.get_name("other.txt").is_none(),
        "only the journal is committed"
    );
    let blob = repo
        .find_blob(tree.get_name("journal.up").unwrap().id())
        .unwrap();
    assert_eq!(blob.content(), std::fs::read(&path).unwrap().as_slice());
    let statuses = repo.statuses(None).unwrap();
    let dirty: Vec<_> = statuses
        .iter()
        .filter(|s| s.path().ok() != Some("other.txt"))
        .map(|s| (s.path().ok().map(str::to_string), s.status()))
        .collect();
    assert!(dirty.is_empty(), "{dirty:?}");
}

#[cfg(feature = "git")]
#[test]
fn commit_outside_a_repository_changes_nothing() {
    let (dir, path) = journal(BASE);
    upward(dir.path())
        .args(["add", "did", "x", "--today", TODAY, "--commit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not in a git repository"));
    assert_eq!(read(&path), BASE);
}
