//! Every report command on the sample journals, in every format it has, compared with golden
//! files in tests/golden/ (UPWARD_BLESS=1 rewrites them after a deliberate change).

#[path = "golden/support.rs"]
mod support;

use support::{golden, root, run, upward};

/// (golden name, arguments after `-f JOURNAL --today DATE`)
const COMMANDS: &[(&str, &[&str])] = &[
    ("dashboard", &[]),
    ("agenda", &["agenda"]),
    ("report-last-week", &["report", "--period", "last-week"]),
    ("report-month", &["report", "--period", "this-month"]),
    ("draft", &["draft"]),
    ("brag", &["brag"]),
    ("scorecard", &["scorecard"]),
];

fn formats(command: &str) -> &'static [&'static str] {
    match command {
        "dashboard" | "draft" => &["term", "md", "json"],
        _ => &["term", "md", "json", "csv"],
    }
}

fn check(journal: &str, today: &str, prefix: &str) {
    for (name, args) in COMMANDS {
        for format in formats(name) {
            let mut all = vec!["-f", journal, "--today", today, "--format", format];
            all.extend_from_slice(args);
            let ext = if *format == "term" { "txt" } else { format };
            golden(&format!("{prefix}-{name}.{ext}"), &run(&all));
        }
    }
}

#[test]
fn demo_journal() {
    check("samples/engineer/journal.up", "2026-11-23", "demo");
}

#[test]
fn demo_journal_on_earlier_days() {
    // The Friday before an update is due, and Maria's last week, named with --boss.
    golden(
        "demo-draft-2026-11-18.md",
        &run(&[
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-18",
            "draft",
            "--format",
            "md",
        ]),
    );
    golden(
        "demo-agenda-maria.md",
        &run(&[
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-09-30",
            "--boss",
            "@maria",
            "agenda",
            "--format",
            "md",
        ]),
    );
    golden(
        "demo-report-handover.txt",
        &run(&[
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "report",
            "--period",
            "2026-09-28..2026-10-11",
        ]),
    );
}

#[test]
fn team_journal() {
    check("samples/pm", "2026-11-23", "team");
}

#[test]
fn reports_without_csv_say_so() {
    let home = tempfile::tempdir().expect("tempdir");
    upward(home.path())
        .args([
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "draft",
            "--format",
            "csv",
        ])
        .assert()
        .code(2)
        .stderr("error: `upward draft` has no csv format; use --format term, md or json\n");
}

#[test]
fn every_report_takes_file_today_and_boss() {
    let home = tempfile::tempdir().expect("tempdir");
    for command in ["streaks", "agenda", "report", "draft", "brag", "scorecard"] {
        upward(home.path())
            .args([
                command,
                "-f",
                "samples/engineer/journal.up",
                "--today",
                "2026-11-23",
                "--boss",
                "dev",
            ])
            .assert()
            .success();
        upward(home.path())
            .args([command, "-f", "samples/engineer/journal.up", "--today", "2026-11-23", "--boss", "@nobody"])
            .assert()
            .code(2)
            .stderr("error: unknown boss `@nobody`; the journal's bosses are @maria (Maria Chen), @dev (Dev Patel)\n");
    }
    upward(home.path())
        .args([
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "--boss",
            "nobody",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_journal_with_errors_still_reports_and_says_so() {
    let (dir, path) =
        support::journal_file("boss @ann Ann\n2026-03-02 chekin @ann\n2026-03-03 checkin @ann\n");
    upward(dir.path())
        .arg("-f")
        .arg(&path)
        .args(["--today", "2026-03-04", "streaks", "--format", "json"])
        .assert()
        .success()
        .stderr(predicates::str::contains("the journal has 1 error"));
    let _ = root();
}

#[test]
fn colour_only_when_asked() {
    let home = tempfile::tempdir().expect("tempdir");
    let plain = upward(home.path())
        .args([
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "streaks",
        ])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let coloured = upward(home.path())
        .env_remove("NO_COLOR")
        .args([
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "--color",
            "always",
            "streaks",
        ])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\x1b'));
}

#[test]
fn the_dashboard_has_no_csv() {
    let home = tempfile::tempdir().expect("tempdir");
    upward(home.path())
        .args([
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "--format",
            "csv",
        ])
        .assert()
        .code(2)
        .stderr("error: `upward` has no csv format; use --format term, md or json\n");
}
