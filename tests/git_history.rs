//! `upward history` on real repositories with fixed commit dates: priority churn, backfilled
//! and edited entries, merges, branches, renames, uncommitted changes, shallow clones, the
//! cache, and a journal outside any repository.

#![cfg(feature = "git")]

mod git_support;

use git_support::{Repo, git, rows, six_appends, text, upward_in};
use predicates::prelude::*;

const BOSS: &str = "boss @maria Maria Chen";

fn id(oid: git2::Oid) -> String {
    oid.to_string()
}

#[test]
fn churn_backfilled_and_edited_on_a_linear_history() {
    let r = Repo::new();
    let mut lines = vec![
        BOSS,
        "2026-11-02 priority #billing @maria rank:1 due:2026-12-15 Ship billing v2",
        "2026-11-02 did Mapped the templates #billing",
    ];
    let c1 = r.commit(&[("journal.up", &text(&lines))], "2026-11-02");
    lines.extend(["2026-11-03 checkin @maria", "  [ ] send the memo"]);
    r.commit(&[("journal.up", &text(&lines))], "2026-11-03");
    lines.push("2026-11-04 did Late entry #billing");
    let c3 = r.commit(&[("journal.up", &text(&lines))], "2026-11-10");
    lines[1] = "2026-11-02 priority #billing @maria rank:2 due:2026-12-15 Ship billing v2";
    lines[4] = "  [x] send the memo";
    let c4 = r.commit(&[("journal.up", &text(&lines))], "2026-11-11");
    lines.push("2026-11-12 priority #billing status:done");
    let c5 = r.commit(&[("journal.up", &text(&lines))], "2026-11-12");

    let json = r.history_json(&[]);
    let backfilled = &json["backfilled"];
    assert_eq!(backfilled.as_array().unwrap().len(), 1);
    assert_eq!(backfilled[0]["file"], "journal.up");
    assert_eq!(backfilled[0]["line"], 6);
    assert_eq!(backfilled[0]["date"], "2026-11-04");
    assert_eq!(backfilled[0]["committed"], "2026-11-10");
    assert_eq!(backfilled[0]["commit"], id(c3));

    let edited = rows(&json, "edited");
    assert_eq!(edited.len(), 2, "{json}");
    assert_eq!(edited[&2], ("2026-11-02".into(), id(c4)));
    assert_eq!(edited[&4], ("2026-11-03".into(), id(c4)));

    let churn = &json["priorities"][0];
    assert_eq!(churn["key"], "billing");
    let changes = churn["changes"].as_array().unwrap();
    let summary: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["commit"].as_str().unwrap(),
                c["summary"].as_str().unwrap(),
            )
        })
        .collect();
    let (c1, c4, c5) = (id(c1), id(c4), id(c5));
    assert_eq!(
        summary,
        vec![
            (
                c1.as_str(),
                "created: rank 1, due 2026-12-15, “Ship billing v2”"
            ),
            (c4.as_str(), "edited the 2026-11-02 entry: rank 1 → 2"),
            (c5.as_str(), "changed: status done"),
        ]
    );
    assert_eq!(changes[2]["date"], "2026-11-12");

    // --since keeps only commits from that date on.
    let json = r.history_json(&["--since", "2026-11-11"]);
    assert!(json["backfilled"].as_array().unwrap().is_empty());
    assert_eq!(json["edited"].as_array().unwrap().len(), 2);
    assert_eq!(
        json["priorities"][0]["changes"].as_array().unwrap().len(),
        2
    );

    // The terminal report names entries by their text and priorities by title and key.
    r.upward()
        .args(["-f", "journal.up", "history"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ship billing v2 #billing"))
        // A change shows the entry's date and the commit's, each labelled.
        .stdout(predicate::str::contains(format!(
            "    dated 2026-11-02  committed 2026-11-11  {}  edited the 2026-11-02 entry: rank 1 → 2\n",
            &c4[..8]
        )))
        .stdout(predicate::str::contains(
            "journal.up:6  2026-11-04 Late entry #billing  committed 2026-11-10 (6 days later",
        ))
        .stdout(predicate::str::contains("Timeline"));
}

#[test]
fn merges_attribute_lines_to_the_branch_that_wrote_them() {
    let r = Repo::new();
    let base = text(&[BOSS, "2026-11-02 did Base #billing"]);
    let c1 = r.commit(&[("journal.up", &base)], "2026-11-02");
    let side_text = format!("{base}2026-11-01 did Side entry, written late\n");
    let side = r.commit_with(
        &[("journal.up", &side_text)],
        "2026-11-06",
        "side",
        Some(&[c1]),
        false,
    );
    let main_text = format!("{base}2026-11-05 did Main entry\n");
    let main = r.commit(&[("journal.up", &main_text)], "2026-11-05");
    let merged =
        format!("{base}2026-11-05 did Main entry\n2026-11-01 did Side entry, written late\n");
    let m = r.commit_with(
        &[("journal.up", &merged)],
        "2026-11-07",
        "merge",
        Some(&[main, side]),
        true,
    );
    r.checkout(&[("journal.up", &merged)]);
    let json = r.history_json(&[]);
    let backfilled = rows(&json, "backfilled");
    assert_eq!(backfilled.len(), 1, "{json}");
    assert_eq!(backfilled[&4], ("2026-11-01".into(), id(side)));
    assert!(json["edited"].as_array().unwrap().is_empty(), "{json}");
    assert_ne!(id(m), id(side));
}

#[test]
fn only_heads_history_counts() {
    let r = Repo::new();
    let journal = text(&[BOSS, "2026-11-02 did Work #billing"]);
    let c1 = r.commit(&[("journal.up", &journal)], "2026-11-02");
    // Another branch rewrites the entry; HEAD never sees that commit.
    let other = text(&[BOSS, "2026-11-02 did Work, reworded #billing"]);
    let branch = r.commit_with(
        &[("journal.up", &other)],
        "2026-11-09",
        "other",
        Some(&[c1]),
        false,
    );
    r.repo
        .reference("refs/heads/other", branch, true, "test")
        .unwrap();
    let json = r.history_json(&[]);
    assert!(json["edited"].as_array().unwrap().is_empty(), "{json}");
    assert!(json["backfilled"].as_array().unwrap().is_empty(), "{json}");
}

#[test]
fn uncommitted_changes_are_ignored_with_a_note() {
    let r = Repo::new();
    let committed = text(&[BOSS, "2026-11-01 did Old entry"]);
    r.commit(&[("journal.up", &committed)], "2026-11-09");
    // The work tree inserts an entry above and rewords the committed one.
    let work = text(&[
        BOSS,
        "2026-11-08 did Not committed yet",
        "2026-11-01 did Old entry, reworded",
    ]);
    r.checkout(&[("journal.up", &work)]);
    let out = r
        .upward()
        .args(["-f", "journal.up", "history", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`journal.up` has uncommitted changes; they are ignored"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The committed entry keeps its history, at its line in the work tree.
    let backfilled = rows(&json, "backfilled");
    assert_eq!(backfilled.keys().copied().collect::<Vec<_>>(), vec![3]);
    assert!(json["edited"].as_array().unwrap().is_empty());
}

#[test]
fn renames_are_followed() {
    let r = Repo::new();
    let first = text(&[BOSS, "2026-11-01 did Before the rename"]);
    let c1 = r.commit(&[("old-name.up", &first)], "2026-11-01");
    let second = format!("{first}2026-11-10 did After the rename\n");
    r.commit(&[("journal.up", &second)], "2026-11-10");
    let json = r.history_json(&[]);
    // Without following the rename, the first entry would look committed on 2026-11-10.
    assert!(json["backfilled"].as_array().unwrap().is_empty(), "{json}");
    assert!(json["edited"].as_array().unwrap().is_empty(), "{json}");
    let _ = c1;
}

#[test]
fn crlf_journals_and_a_file_without_a_final_newline() {
    let r = Repo::new();
    r.commit(
        &[("journal.up", "2026-11-01 did A\r\n2026-11-02 did B")],
        "2026-11-02",
    );
    let c2 = r.commit(
        &[(
            "journal.up",
            "2026-11-01 did A\r\n2026-11-02 did B\r\n2026-11-03 did C\r\n",
        )],
        "2026-11-09",
    );
    let json = r.history_json(&[]);
    let backfilled = rows(&json, "backfilled");
    assert_eq!(backfilled.len(), 1, "{json}");
    assert_eq!(backfilled[&3], ("2026-11-03".into(), id(c2)));
    assert!(json["edited"].as_array().unwrap().is_empty(), "{json}");
}

/// A long append-only history with two edits and some late commits: every entry's first
/// commit comes out right, through the prefix checks and the diffs at the edits.
#[test]
fn long_histories_attribute_every_entry() {
    let r = Repo::new();
    let mut lines: Vec<String> = vec![BOSS.to_string()];
    let mut commits = Vec::new();
    let day = |i: usize| {
        (chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i as u64))
            .to_string()
    };
    for i in 0..120 {
        lines.push(format!("{} did Entry number {i} with some words", day(i)));
        if i == 80 {
            lines[31] = format!("{} did Entry number 30, reworded", day(30));
        }
        // An entry reworded three commits after it was written: the versions in between
        // are not prefixes of HEAD, though the ones before them are.
        if i == 100 {
            lines[98] = format!("{} did Entry number 97, reworded", day(97));
        }
        let late = i % 10 == 7;
        let when = day(if late { i + 5 } else { i });
        let joined: Vec<&str> = lines.iter().map(String::as_str).collect();
        commits.push(r.commit(&[("journal.up", &text(&joined))], &when));
    }
    let json = r.history_json(&[]);
    let backfilled = rows(&json, "backfilled");
    let expected: Vec<u64> = (0..120u64).filter(|i| i % 10 == 7).map(|i| i + 2).collect();
    assert_eq!(backfilled.keys().copied().collect::<Vec<_>>(), expected);
    for (line, (_, commit)) in &backfilled {
        assert_eq!(commit, &id(commits[(*line - 2) as usize]));
    }
    let edited = rows(&json, "edited");
    assert_eq!(edited.len(), 2, "{json}");
    assert_eq!(edited[&32].1, id(commits[80]));
    assert_eq!(edited[&99].1, id(commits[100]));
}

#[test]
fn the_cache_gives_the_same_answers_and_survives_rewrites() {
    let r = Repo::new();
    let mut lines = six_appends(&r, BOSS, |i| format!("2026-11-{:02}", i + 3 * (i % 2)));
    let cold = r.history_json(&[]);
    assert!(r.file(".git/upward/history-v1.json").exists());
    assert_eq!(r.history_json(&[]), cold, "a cached run answers the same");

    // New commits: an edit and an append; the incremental answer equals a full walk's.
    lines[2] = "2026-11-02 did Entry 2, reworded".into();
    lines.push("2026-11-01 did Entry 7, very late".into());
    let joined: Vec<&str> = lines.iter().map(String::as_str).collect();
    r.commit(&[("journal.up", &text(&joined))], "2026-11-20");
    let incremental = r.history_json(&[]);
    std::fs::remove_dir_all(r.file(".git/upward")).unwrap();
    assert_eq!(r.history_json(&[]), incremental);
    assert_eq!(rows(&incremental, "edited").len(), 1);

    // A rewritten history: HEAD moves to a commit that does not descend from the cached one.
    let head = r.repo.head().unwrap().peel_to_commit().unwrap();
    let first = head.parent(0).unwrap().parent(0).unwrap().id();
    let rewritten = text(&[BOSS, "2026-11-15 did Only entry"]);
    let new = r.commit_with(
        &[("journal.up", &rewritten)],
        "2026-11-21",
        "rewrite",
        Some(&[first]),
        false,
    );
    r.repo
        .reference("refs/heads/master", new, true, "test")
        .unwrap();
    r.repo.set_head("refs/heads/master").unwrap();
    r.checkout(&[("journal.up", &rewritten)]);
    let after = r.history_json(&[]);
    std::fs::remove_dir_all(r.file(".git/upward")).unwrap();
    assert_eq!(r.history_json(&[]), after);
    assert_eq!(rows(&after, "backfilled")[&2].1, id(new));

    // A damaged cache is ignored.
    std::fs::write(r.file(".git/upward/history-v1.json"), "{not json").unwrap();
    assert_eq!(r.history_json(&[]), after);
}

#[test]
fn a_journal_outside_any_repository_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journal.up"), "2026-11-01 did x\n").unwrap();
    upward_in(dir.path())
        .args(["-f", "journal.up", "history"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "`journal.up` is not in a git repository",
        ));
}

#[test]
fn a_repository_without_commits_has_no_history() {
    let r = Repo::new();
    r.checkout(&[("journal.up", "2026-11-01 did x\n")]);
    r.upward()
        .args(["-f", "journal.up", "history", "--format", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no commits yet"));
}

#[test]
fn shallow_clones_leave_old_entries_unattributed() {
    let r = Repo::new();
    let mut lines = vec![BOSS.to_string()];
    for (i, when) in ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-20"]
        .iter()
        .enumerate()
    {
        lines.push(format!("2026-11-0{} did Entry {i}", i + 1));
        let joined: Vec<&str> = lines.iter().map(String::as_str).collect();
        r.commit(&[("journal.up", &text(&joined))], when);
    }
    let Some(mut clone) = git(r.path()) else {
        return;
    };
    let url = format!("file://{}", r.path().display());
    let status = clone
        .args(["clone", "-q", "--depth", "2", &url, "shallow"])
        .status()
        .unwrap();
    assert!(status.success());
    let shallow = r.path().join("shallow");
    let out = upward_in(&shallow)
        .args(["-f", "journal.up", "history", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("shallow clone"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Only the last commit's entry is known to be late; older ones are not attributed.
    assert_eq!(
        rows(&json, "backfilled")
            .keys()
            .copied()
            .collect::<Vec<_>>(),
        vec![5]
    );
}

#[test]
fn backfilled_entries_for_strict_streaks() {
    let r = Repo::new();
    let journal = text(&[BOSS, "2026-11-01 did On time", "2026-11-02 did Late"]);
    r.commit(
        &[("journal.up", &text(&[BOSS, "2026-11-01 did On time"]))],
        "2026-11-01",
    );
    r.commit(&[("journal.up", &journal)], "2026-11-09");
    let path = r.file("journal.up");
    let journal =
        upward::model::Journal::build(upward::model::load(&[path], &upward::model::Disk).unwrap());
    let backfilled = upward::git::backfilled(&journal).unwrap();
    let late: Vec<String> = journal
        .entries
        .iter()
        .filter(|e| backfilled.contains(e))
        .map(|e| journal.text(e))
        .collect();
    assert_eq!(late, vec!["Late".to_string()]);
}
