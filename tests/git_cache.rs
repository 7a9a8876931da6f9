//! The history cache checked against the repository it describes: a cache that is valid JSON
//! but does not fit (fewer lines than the file, an origin that names no commit, a commit the
//! repository does not have or dates differently) is rebuilt, never trusted.

#![cfg(feature = "git")]

mod git_support;

use git_support::{Repo, six_appends};
use serde_json::{Value, json};

const BOSS: &str = "boss @ann Ann\n  cadence: none\n  updates: none";

/// A repository with six commits to `journal.up`, its cold history, and its cache as written.
fn cached_repo() -> (Repo, Value, Value) {
    let r = Repo::new();
    six_appends(&r, BOSS, |i| format!("2026-11-{:02}", i + 10));
    let cold = r.history_json(&[]);
    let cache = read_cache(&r);
    (r, cold, cache)
}

fn read_cache(r: &Repo) -> Value {
    let bytes = std::fs::read(r.file(".git/upward/history-v1.json")).expect("a cache");
    serde_json::from_slice(&bytes).expect("JSON")
}

/// Writes a tampered cache, then checks that history answers as a cold run did and that the
/// cache was rebuilt as the cold run wrote it.
fn tampered_cache_is_rebuilt(tamper: impl FnOnce(&mut Value)) {
    let (r, cold, good) = cached_repo();
    let mut bad = good.clone();
    tamper(&mut bad);
    assert_ne!(bad, good, "the test changes the cache");
    let path = r.file(".git/upward/history-v1.json");
    std::fs::write(&path, bad.to_string()).expect("write");
    assert_eq!(r.history_json(&[]), cold);
    assert_eq!(read_cache(&r), good, "the cache was rebuilt");
}

#[test]
fn a_cache_with_fewer_lines_than_the_file_is_rebuilt() {
    tampered_cache_is_rebuilt(|cache| {
        let runs = cache["files"][0]["runs"].as_array_mut().expect("runs");
        let last = runs.last_mut().expect("a run");
        last[1] = json!(last[1].as_u64().unwrap_or(1).saturating_sub(1));
        if last[1] == 0 {
            runs.pop();
        }
    });
}

#[test]
fn a_cache_with_more_lines_than_the_file_is_rebuilt() {
    tampered_cache_is_rebuilt(|cache| {
        let runs = cache["files"][0]["runs"].as_array_mut().expect("runs");
        let last = runs.last_mut().expect("a run");
        last[1] = json!(last[1].as_u64().unwrap_or(0) + 3);
    });
}

#[test]
fn a_cache_with_a_negative_origin_is_rebuilt() {
    tampered_cache_is_rebuilt(|cache| {
        cache["files"][0]["runs"][1][2] = json!(-7);
    });
}

#[test]
fn a_cache_naming_a_commit_the_repository_lacks_is_rebuilt() {
    tampered_cache_is_rebuilt(|cache| {
        cache["commits"][0][0] = json!("0123456789abcdef0123456789abcdef01234567");
    });
}

#[test]
fn a_cache_dating_a_commit_differently_is_rebuilt() {
    tampered_cache_is_rebuilt(|cache| {
        let time = cache["commits"][0][1].as_i64().expect("a time");
        cache["commits"][0][1] = json!(time - 86_400 * 30);
    });
}
