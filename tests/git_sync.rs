//! `upward sync` and the merge driver with the real git program: two clones of one bare
//! remote, each in a temporary directory with a private HOME and no system configuration.

#![cfg(feature = "git")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A bare remote and two machines' clones of it, `a` (which started the notes) and `b`.
struct Machines {
    root: tempfile::TempDir,
}

const JOURNAL: &str = "\
boss @maria Maria Chen
  cadence: weekly

2026-11-02 priority #billing @maria rank:1 Ship billing v2
2026-11-03 checkin @maria dur:30m
  - walked through the risk list
  [ ] send the risk memo
2026-11-04 did Fixed the retry queue #billing
2026-11-05 did Reviewed the schema #billing
  - two comments
2026-11-06 update @maria via:slack Billing on track
";

impl Machines {
    /// `a` runs `upward init`, adds the remote and syncs `journal`; `b` clones and runs
    /// `upward init`.
    fn new(journal: &str) -> Machines {
        let m = Machines {
            root: tempfile::tempdir().unwrap(),
        };
        m.git_ok(m.root.path(), &["init", "--quiet", "--bare", "remote.git"]);
        m.upward_ok(m.root.path(), &["init", "a"]);
        std::fs::write(m.dir("a").join("journal.up"), journal).unwrap();
        m.git_ok(&m.dir("a"), &["remote", "add", "origin", "../remote.git"]);
        m.upward_ok(&m.dir("a"), &["sync"]);
        m.git_ok(m.root.path(), &["clone", "--quiet", "remote.git", "b"]);
        m.upward_ok(&m.dir("b"), &["init"]);
        m
    }

    fn dir(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    fn env(&self, cmd: &mut Command) {
        let bin = Path::new(assert_cmd::cargo::cargo_bin!("upward"))
            .parent()
            .unwrap()
            .to_path_buf();
        let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .unwrap();
        cmd.env("HOME", self.root.path())
            .env("PATH", path)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .env("GIT_EDITOR", "true")
            .env("NO_COLOR", "1")
            .env_remove("UPWARD_JOURNAL")
            .env_remove("UPWARD_TODAY");
    }

    fn git(&self, dir: &Path, args: &[&str]) -> Output {
        let mut cmd = Command::new("git");
        cmd.current_dir(dir).args(args);
        self.env(&mut cmd);
        cmd.output().expect("the git program")
    }

    fn git_ok(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git(dir, args);
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    }

    fn upward(&self, dir: &Path, args: &[&str]) -> Output {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
        cmd.current_dir(dir).args(args);
        self.env(&mut cmd);
        cmd.output().unwrap()
    }

    fn upward_ok(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.upward(dir, args);
        assert!(
            out.status.success(),
            "upward {args:?}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    fn sync(&self, name: &str) -> String {
        self.upward_ok(&self.dir(name), &["sync"])
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir(name).join("journal.up")).unwrap()
    }

    /// Rewrites machine `name`'s journal with `change` (no commit: sync commits).
    fn edit(&self, name: &str, change: impl FnOnce(String) -> String) {
        let path = self.dir(name).join("journal.up");
        let old = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, change(old)).unwrap();
    }

    fn rebasing(&self, name: &str) -> bool {
        self.dir(name).join(".git/rebase-merge").exists()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn append(more: &'static str) -> impl FnOnce(String) -> String {
    move |old| old + more
}

#[test]
fn two_machines_append_edit_and_delete_then_end_byte_identical() {
    let m = Machines::new(JOURNAL);
    m.edit("a", |j| {
        j.replace("Fixed the retry queue", "Fixed the retry queue (3 bugs)")
            .replace("2026-11-06 update @maria via:slack Billing on track\n", "")
            + "2026-11-09 win #billing impact:-40% Invoice latency down 40%\n  - measured over a week\n  - p95 too\n"
    });
    m.edit("b", |j| {
        j.replace("  [ ] send the risk memo", "  [x] send the risk memo")
            .replace("2026-11-05 did Reviewed the schema #billing\n  - two comments\n", "")
            + "2026-11-08 did Drafted the migration #billing\n  - with rollback\n2026-11-10 ask @maria How was the demo?\n"
    });
    let a_out = m.sync("a");
    assert!(a_out.contains("0 entries in, 2 entries out"), "{a_out}");
    let b_out = m.sync("b");
    assert!(b_out.contains("2 entries in, 3 entries out"), "{b_out}");
    let a_out = m.sync("a");
    assert!(a_out.contains("3 entries in, 0 entries out"), "{a_out}");
    let expected = "\
boss @maria Maria Chen
  cadence: weekly

2026-11-02 priority #billing @maria rank:1 Ship billing v2
2026-11-03 checkin @maria dur:30m
  - walked through the risk list
  [x] send the risk memo
2026-11-04 did Fixed the retry queue (3 bugs) #billing
2026-11-08 did Drafted the migration #billing
  - with rollback
2026-11-09 win #billing impact:-40% Invoice latency down 40%
  - measured over a week
  - p95 too
2026-11-10 ask @maria How was the demo?
";
    assert_eq!(m.read("a"), expected);
    assert_eq!(
        std::fs::read(m.dir("a").join("journal.up")).unwrap(),
        std::fs::read(m.dir("b").join("journal.up")).unwrap()
    );
    assert_eq!(
        m.git_ok(&m.dir("a"), &["rev-parse", "HEAD"]),
        m.git_ok(&m.dir("b"), &["rev-parse", "HEAD"])
    );
    assert!(m.sync("b").contains("already up to date"));
}

#[test]
fn appends_with_bodies_stay_whole_and_the_rebase_uses_the_driver() {
    let m = Machines::new(JOURNAL);
    let a = "2026-11-07 checkin @maria dur:45m\n  - budget\n  ? headcount\n  > Ship it.\n";
    let b = "2026-11-07 did Paired on invoices #billing\n  - two fixes\n  [ ] write it up\n";
    m.edit("a", append(a));
    m.edit("b", append(b));
    m.sync("a");
    m.sync("b");
    m.sync("a");
    assert_eq!(m.read("a"), format!("{JOURNAL}{a}{b}"));
    assert_eq!(m.read("b"), m.read("a"));

    // The same two appends, rebased by git alone (the driver's registration removed), conflict.
    m.git_ok(&m.dir("b"), &["config", "--remove-section", "merge.upward"]);
    m.edit("a", append("2026-11-12 did One\n"));
    m.edit("b", append("2026-11-12 did Two\n"));
    m.sync("a");
    let out = m.upward(&m.dir("b"), &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(m.read("b").contains("<<<<<<<"));
    m.git_ok(&m.dir("b"), &["rebase", "--abort"]);
}

#[test]
fn an_entry_added_on_both_sides_appears_once() {
    let m = Machines::new(JOURNAL);
    let both = "2026-11-07 win #billing Closed 12 tickets\n  - all of them\n";
    m.edit("a", append(both));
    m.edit("b", |j| j + both + "2026-11-08 did Something else\n");
    m.sync("a");
    m.sync("b");
    m.sync("a");
    assert_eq!(
        m.read("a"),
        format!("{JOURNAL}{both}2026-11-08 did Something else\n")
    );
    assert_eq!(m.read("b"), m.read("a"));
}

#[test]
fn an_edit_on_one_side_beside_an_append_on_the_other_merges() {
    let m = Machines::new(JOURNAL);
    m.edit("a", |j| {
        j.replace("Billing on track", "Billing on track, one risk")
    });
    m.edit("b", append("2026-11-07 did Next to the update\n"));
    m.sync("a");
    m.sync("b");
    m.sync("a");
    let expected = JOURNAL.replace("Billing on track", "Billing on track, one risk")
        + "2026-11-07 did Next to the update\n";
    assert_eq!(m.read("a"), expected);
    assert_eq!(m.read("b"), expected);
}

#[test]
fn one_entry_edited_two_ways_conflicts_around_it_alone() {
    let m = Machines::new(JOURNAL);
    m.edit("a", |j| {
        j.replace("Reviewed the schema", "Reviewed the schema twice") + "2026-11-07 did From a\n"
    });
    m.edit("b", |j| {
        j.replace("Reviewed the schema", "Reviewed the schema once")
            .replace("Fixed the retry queue", "Fixed the retry queue fast")
            + "2026-11-08 did From b\n  - with a body\n"
    });
    m.sync("a");
    let out = m.upward(&m.dir("b"), &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("sync stopped at a conflict: journal.up"),
        "{stderr}"
    );
    assert!(stderr.contains("git rebase --continue"), "{stderr}");
    assert!(m.rebasing("b"), "the rebase is left in progress");
    let again = m.upward(&m.dir("b"), &["sync"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("a rebase is in progress"));
    let conflicted = JOURNAL
        .replace("Fixed the retry queue", "Fixed the retry queue fast")
        .replace(
            "2026-11-05 did Reviewed the schema #billing\n  - two comments\n",
            "<<<<<<< ours\n2026-11-05 did Reviewed the schema twice #billing\n  - two comments\n=======\n\
             2026-11-05 did Reviewed the schema once #billing\n  - two comments\n>>>>>>> theirs\n",
        )
        + "2026-11-07 did From a\n2026-11-08 did From b\n  - with a body\n";
    assert_eq!(m.read("b"), conflicted);

    // Finishing as the message says.
    m.edit("b", |j| {
        j.replace("<<<<<<< ours\n", "")
            .replace(
                "=======\n2026-11-05 did Reviewed the schema once #billing\n  - two comments\n>>>>>>> theirs\n",
                "",
            )
    });
    m.git_ok(&m.dir("b"), &["add", "journal.up"]);
    m.git_ok(&m.dir("b"), &["rebase", "--continue"]);
    m.sync("b");
    m.sync("a");
    assert_eq!(m.read("a"), m.read("b"));
    assert!(m.read("a").contains("Reviewed the schema twice"));
    assert!(m.read("a").contains("Fixed the retry queue fast"));
}

#[test]
fn sync_refuses_outside_a_repository_and_without_a_remote() {
    let m = Machines::new(JOURNAL);
    let lone = m.dir("lone");
    std::fs::create_dir(&lone).unwrap();
    std::fs::write(lone.join("journal.up"), JOURNAL).unwrap();
    let out = m.upward(&lone, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is not in a git repository"));

    m.git_ok(&lone, &["init", "--quiet"]);
    let out = m.upward(&lone, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("has no remote to sync with: add one with `git remote add origin URL`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_refused_commit_or_an_unreachable_remote_stops_with_the_work_committed_or_kept() {
    let m = Machines::new(JOURNAL);
    // The pre-commit hook refuses a journal with errors: nothing is committed.
    m.edit("a", append("2026-11-07 did rank:2 Not a priority\n"));
    let out = m.upward(&m.dir("a"), &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("git did not commit the journal's changes"));
    assert!(!m.git_ok(&m.dir("a"), &["status", "--porcelain"]).is_empty());

    m.edit("a", |j| j.replace("rank:2 ", ""));
    std::fs::rename(m.dir("remote.git"), m.dir("gone.git")).unwrap();
    let out = m.upward(&m.dir("a"), &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("`git pull --rebase` failed"));
    assert!(m.git_ok(&m.dir("a"), &["status", "--porcelain"]).is_empty());
    std::fs::rename(m.dir("gone.git"), m.dir("remote.git")).unwrap();
    assert!(m.sync("a").contains("0 entries in, 1 entry out"));
}

#[test]
fn sync_prints_json() {
    let m = Machines::new(JOURNAL);
    m.edit("b", append("2026-11-07 did One\n"));
    let out = m.upward_ok(&m.dir("b"), &["sync", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json["remote"].as_str().unwrap().starts_with("origin/"));
    assert_eq!(json["committed"], true);
    assert_eq!(
        (json["in"].as_u64(), json["out"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(json["pushed"], true);
}

/// `upward merge BASE OURS THEIRS PATH` on three files, as git runs it.
fn merge_files(base: &str, ours: &str, theirs: &str) -> (Output, String) {
    let m = Machines {
        root: tempfile::tempdir().unwrap(),
    };
    for (name, text) in [("base", base), ("ours", ours), ("theirs", theirs)] {
        std::fs::write(m.dir(name), text).unwrap();
    }
    let out = m.upward(
        m.root.path(),
        &["merge", "base", "ours", "theirs", "notes/journal.up"],
    );
    (out, std::fs::read_to_string(m.dir("ours")).unwrap())
}

#[test]
fn the_driver_reports_conflicts_by_line_and_falls_back_to_git_merge_file() {
    let base = "2026-11-01 did A\n2026-11-02 did B\n";
    let (out, result) = merge_files(
        base,
        "2026-11-01 did A\n2026-11-02 did B, ours\n",
        "2026-11-01 did A\n2026-11-02 did B, theirs\n2026-11-03 did C\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "notes/journal.up:2:1: conflict: `2026-11-02 did B` was changed on both sides; keep what you want between the <<<<<<< and >>>>>>> lines\n"
    );
    assert!(
        result.ends_with(">>>>>>> theirs\n2026-11-03 did C\n"),
        "{result}"
    );

    // An indented line with no entry above it: git's line merge, which conflicts on two
    // appends at one place, and a note that says why.
    let base = "  stray\n2026-11-01 did A\n";
    let (out, result) = merge_files(
        base,
        &format!("{base}2026-11-02 did B\n"),
        &format!("{base}2026-11-03 did C\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("note: notes/journal.up: in the common ancestor, line 1 is indented but has no entry above it, so it was merged line by line"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        result.contains(
            "<<<<<<< ours\n2026-11-02 did B\n=======\n2026-11-03 did C\n>>>>>>> theirs\n"
        ),
        "{result}"
    );
    let (out, result) = merge_files(base, &format!("{base}2026-11-02 did B\n"), base);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(result, format!("{base}2026-11-02 did B\n"));
}

#[test]
fn a_plain_git_merge_uses_the_driver_too() {
    let m = Machines::new(JOURNAL);
    let b = m.dir("b");
    m.git_ok(&b, &["switch", "--quiet", "-c", "side"]);
    m.edit("b", append("2026-11-08 did On the side\n  - body\n"));
    m.git_ok(&b, &["commit", "--quiet", "-am", "side"]);
    m.git_ok(&b, &["switch", "--quiet", "-"]);
    m.edit("b", |j| {
        j.replace("Fixed the retry queue", "Fixed the retry queue twice")
            + "2026-11-07 did On main\n"
    });
    m.git_ok(&b, &["commit", "--quiet", "-am", "main"]);
    m.git_ok(&b, &["merge", "--quiet", "--no-edit", "side"]);
    assert_eq!(
        m.read("b"),
        JOURNAL.replace("Fixed the retry queue", "Fixed the retry queue twice")
            + "2026-11-07 did On main\n2026-11-08 did On the side\n  - body\n"
    );
}
