//! `streaks --strict` counts only entries that git shows were not backfilled.

#![cfg(feature = "git")]

mod git_support;

use git_support::{Repo, text};

/// The check-in streak of `@maria` as `streaks --format json` reports it.
fn checkin_streak(r: &Repo, strict: bool) -> (u64, u64) {
    let mut cmd = r.upward();
    cmd.args([
        "-f",
        "journal.up",
        "streaks",
        "--format",
        "json",
        "--today",
        "2026-11-25",
    ]);
    if strict {
        cmd.arg("--strict");
    }
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let row = json
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["boss"] == "maria" && r["streak"] == "checkin")
        .expect("check-in streak");
    (
        row["current"].as_u64().expect("current"),
        row["longest"].as_u64().expect("longest"),
    )
}

#[test]
fn backfilled_checkins_do_not_count_under_strict() {
    let r = Repo::new();
    let boss = "boss @maria Maria Chen\n  updates: none";
    let mut lines = vec![boss, "2026-11-02 checkin @maria Week 45"];
    r.commit(&[("journal.up", &text(&lines))], "2026-11-02");
    // Week 46's check-in is written up on 2026-11-16: more than 3 days late.
    lines.push("2026-11-10 checkin @maria Week 46");
    lines.push("2026-11-16 checkin @maria Week 47");
    r.commit(&[("journal.up", &text(&lines))], "2026-11-16");
    lines.push("2026-11-23 checkin @maria Week 48");
    r.commit(&[("journal.up", &text(&lines))], "2026-11-23");

    assert_eq!(checkin_streak(&r, false), (4, 4));
    // Without week 46 the run is broken: weeks 47 and 48 remain, the longest is 2.
    assert_eq!(checkin_streak(&r, true), (2, 2));
}

#[test]
fn strict_outside_a_repository_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("journal.up"),
        "boss @maria Maria\n2026-11-02 checkin @maria\n",
    )
    .expect("write");
    let out = git_support::upward_in(dir.path())
        .args([
            "-f",
            "journal.up",
            "streaks",
            "--strict",
            "--today",
            "2026-11-03",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("streaks --strict"), "{stderr}");
}

/// The reports guide once called `--strict` a usage error while it counted; it must describe
/// what the command does.
#[test]
fn the_reports_guide_describes_strict_as_working() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reports.md"))
        .expect("docs/reports.md");
    assert!(!guide.contains("not available yet"), "stale --strict note");
    assert!(guide.contains("`--strict` counts only entries that git shows were not backfilled"));
}
