//! Shell completions and the man page come from the CLI definition, so they know every
//! command.

use assert_cmd::Command;
use predicates::prelude::*;

fn upward() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env("NO_COLOR", "1");
    cmd
}

const COMMANDS: &[&str] = &[
    "check",
    "explain",
    "report",
    "streaks",
    "agenda",
    "draft",
    "brag",
    "scorecard",
    "history",
    "init",
    "add",
    "fmt",
    "lsp",
    "export",
    "plugins",
    "completions",
];

#[test]
fn every_shell_gets_a_script_that_knows_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = upward()
            .args(["completions", shell])
            .output()
            .expect("run upward");
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).expect("utf-8");
        assert!(script.contains("upward"), "{shell}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} lacks `{command}`");
        }
        assert!(script.contains("redact"), "{shell} lacks export's flags");
        assert!(
            script.contains("plugin-timeout"),
            "{shell} lacks check's flags"
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    upward()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tcsh"));
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let out = upward().arg("man").output().expect("run upward");
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).expect("utf-8");
    assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
    assert!(
        page.contains(".TH upward 1"),
        "{}",
        &page[..page.len().min(400)]
    );
    assert!(page.contains(".SH NAME"));
    assert!(page.contains(".SH SYNOPSIS"));
    for command in COMMANDS {
        assert!(page.contains(command), "the man page lacks `{command}`");
    }
}

/// `man` is a listed command; its page points at no other page, and its examples keep their
/// lines (no-fill mode), so roff does not join them.
#[test]
fn the_man_page_is_listed_and_self_contained() {
    upward()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("  man "));
    upward()
        .arg("no-such-command")
        .env("PATH", "")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(", man,"));
    let out = upward().arg("man").output().expect("run upward");
    let page = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!page.contains("(1)"), "a page that does not exist is named");
    assert!(page.contains(".SH COMMANDS\n.TP\n\\fBupward check\\fR\n"));
    assert!(page.contains(".nf\n  upward check\n  upward check \\-\\-format json\n"));
    assert!(page.contains(".SH EXAMPLES\n.PP\n.nf\n  upward \\-f journal.up check"));
}

/// What the shell gets while the user types `words` (the last one being completed), as fish
/// asks for it: one `value<TAB>help` line per candidate.
fn typed(dir: &std::path::Path, words: &[&str]) -> Vec<String> {
    let out = upward()
        .current_dir(dir)
        .env("COMPLETE", "fish")
        .arg("--")
        .args(words)
        .output()
        .expect("run upward");
    assert!(out.status.success(), "{words:?}");
    assert!(out.stderr.is_empty(), "{words:?} printed an error");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

fn values(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect()
}

/// The journal-aware completions read the journal named by `-f`, or the one found as usual.
#[test]
fn completions_offer_the_journals_bosses_months_kinds_and_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("journal.up"),
        "boss @ana Ana Ruiz\n\
         boss @bo Bo Lind\n\
         2026-01-12 did Wrote the runbook\n\
         2026-03-02 checkin @bo\n",
    )
    .expect("write journal");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.up");
    let journal = journal.to_str().expect("utf-8 path");

    let bosses = typed(dir.path(), &["upward", "report", "--boss", ""]);
    assert_eq!(bosses, ["@ana\tAna Ruiz", "@bo\tBo Lind"]);
    let named = typed(
        elsewhere.path(),
        &["upward", "-f", journal, "agenda", "--boss", "@b"],
    );
    assert_eq!(values(&named), ["@bo"]);
    assert!(typed(elsewhere.path(), &["upward", "report", "--boss", ""]).is_empty());

    let periods = typed(dir.path(), &["upward", "report", "--period", ""]);
    assert_eq!(
        values(&periods),
        [
            "this-week",
            "last-week",
            "this-month",
            "last-month",
            "2026-03",
            "2026-01"
        ]
    );

    let kinds = typed(dir.path(), &["upward", "add", "p"]);
    assert_eq!(values(&kinds), ["priority", "problem", "promise", "pitch"]);

    let allow = typed(dir.path(), &["upward", "check", "--allow", "re"]);
    assert_eq!(values(&allow), ["repitch"]);
    assert!(
        allow[0].contains("\tre-pitching a declined idea"),
        "{allow:?}"
    );
    let explain = typed(dir.path(), &["upward", "explain", "ind"]);
    assert_eq!(values(&explain), ["indented-entry"]);
    assert!(typed(dir.path(), &["upward", "check", "--allow", "ind"]).is_empty());
}

/// The shell's startup line gets a script that calls upward back.
#[test]
fn the_registration_script_calls_upward_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    for shell in ["bash", "zsh", "fish"] {
        let out = upward()
            .current_dir(dir.path())
            .env("COMPLETE", shell)
            .output()
            .expect("run upward");
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            script.contains("COMPLETE=") || script.contains("COMPLETE\""),
            "{shell}: {script}"
        );
        assert!(script.contains("upward"), "{shell}");
    }
}
