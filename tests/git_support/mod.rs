//! Real repositories in temporary directories, with fixed commit dates, for the git tests.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use git2::{Oid, Repository, Signature, Time};

/// A repository in a temporary directory whose commits are made from whole file sets.
pub struct Repo {
    pub dir: tempfile::TempDir,
    pub repo: Repository,
}

/// Noon UTC of a `YYYY-MM-DD` date, as a commit time.
pub fn noon(date: &str) -> Time {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
    Time::new(day.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp(), 0)
}

impl Repo {
    pub fn new() -> Repo {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = Repository::init(dir.path()).expect("init");
        Repo { dir, repo }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Commits `files` (the whole tree, flat names) dated `date`, on top of `parents`
    /// (HEAD's commit when `None`), moving HEAD's branch when `update_head`.
    pub fn commit_with(
        &self,
        files: &[(&str, &str)],
        date: &str,
        message: &str,
        parents: Option<&[Oid]>,
        update_head: bool,
    ) -> Oid {
        let mut builder = self.repo.treebuilder(None).unwrap();
        for (name, text) in files {
            let blob = self.repo.blob(text.as_bytes()).unwrap();
            builder.insert(name, blob, 0o100644).unwrap();
        }
        let tree = self.repo.find_tree(builder.write().unwrap()).unwrap();
        let sig = Signature::new("Test", "test@example.com", &noon(date)).unwrap();
        let parent_ids: Vec<Oid> = match parents {
            Some(p) => p.to_vec(),
            None => self
                .repo
                .head()
                .ok()
                .and_then(|h| h.target())
                .into_iter()
                .collect(),
        };
        let parents: Vec<git2::Commit> = parent_ids
            .iter()
            .map(|id| self.repo.find_commit(*id).unwrap())
            .collect();
        let refs: Vec<&git2::Commit> = parents.iter().collect();
        let update = update_head.then_some("HEAD");
        self.repo
            .commit(update, &sig, &sig, message, &tree, &refs)
            .unwrap()
    }

    /// Commits `files` on HEAD and writes them to the work tree.
    pub fn commit(&self, files: &[(&str, &str)], date: &str) -> Oid {
        let id = self.commit_with(files, date, &format!("journal {date}"), None, true);
        self.checkout(files);
        id
    }

    /// Writes the files to the work tree (the journal `upward` reads).
    pub fn checkout(&self, files: &[(&str, &str)]) {
        for (name, text) in files {
            std::fs::write(self.path().join(name), text).unwrap();
        }
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    /// `upward` with a private HOME and no system git configuration, in the repository.
    pub fn upward(&self) -> Command {
        upward_in(self.path())
    }

    /// `upward -f journal.up history --format json`, parsed.
    pub fn history_json(&self, extra: &[&str]) -> serde_json::Value {
        let out = self
            .upward()
            .args(["-f", "journal.up", "history", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

/// Commits `journal.up` six times, each commit adding one entry (`2026-11-0N did Entry N`)
/// below `boss`; `date(n)` is the date of the n-th commit. Returns the file's last lines.
pub fn six_appends(r: &Repo, boss: &str, date: impl Fn(u32) -> String) -> Vec<String> {
    let mut lines = vec![boss.to_string()];
    for i in 1..=6 {
        lines.push(format!("2026-11-0{i} did Entry {i}"));
        let joined: Vec<&str> = lines.iter().map(String::as_str).collect();
        r.commit(&[("journal.up", &text(&joined))], &date(i));
    }
    lines
}

pub fn upward_in(dir: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.current_dir(dir)
        .env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1");
    cmd
}

/// A journal text from lines.
pub fn text(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// The git program, when it is installed, with a private HOME and no system configuration.
pub fn git(dir: &Path) -> Option<std::process::Command> {
    let ok = std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then(|| {
        let mut cmd = std::process::Command::new("git");
        cmd.current_dir(dir)
            .env("HOME", dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com");
        cmd
    })
}

/// `(file, line, date, commit)` of the JSON array `key` of a history report.
pub fn rows(json: &serde_json::Value, key: &str) -> BTreeMap<u64, (String, String)> {
    json[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                (
                    r["date"].as_str().unwrap().to_string(),
                    r["commit"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}
