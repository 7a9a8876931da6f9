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
