//! The command line: exit codes, journal discovery, global flags, JSON and human output,
//! colour, broken pipes.

use assert_cmd::Command;
use predicates::prelude::*;

fn upward() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn journal(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal.up");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

const CLEAN: &str =
    "boss @ann Ann\n  cadence: none\n  updates: none\n2026-03-02 did Fixed the queue #ops\n";
const BROKEN: &str = "2026-03-02 chekin @ann\n2026-02-30 did x\n";

#[test]
fn clean_journal_exits_zero_with_no_output() {
    let (_dir, path) = journal(CLEAN);
    upward()
        .arg("-f")
        .arg(&path)
        .args(["check", "--today", "2026-03-03"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn errors_exit_one_with_rustc_style_output() {
    let (_dir, path) = journal(BROKEN);
    let name = path.display().to_string();
    upward()
        .args(["check", "--today", "2026-03-03", "-f"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{name}:1:12: error[unknown-kind]: unknown kind `chekin`; did you mean `checkin`?\n"
        )))
        .stdout(predicate::str::contains("1 | 2026-03-02 chekin @ann\n"))
        .stdout(predicate::str::contains("  |            ^^^^^^"))
        .stdout(predicate::str::contains(format!(
            "{name}:2:1: error[date]: `2026-02-30` is not a calendar date"
        )))
        .stdout(predicate::str::contains("\x1b[").not())
        .stderr(predicate::str::contains("2 errors, 0 warnings"));
}

#[test]
fn json_output_is_one_array_with_one_based_positions() {
    let (_dir, path) = journal(BROKEN);
    let out = upward()
        .arg("-f")
        .arg(&path)
        .args(["--format", "json", "check", "--today", "2026-03-03"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &json.as_array().expect("array")[0];
    assert_eq!(first["file"], path.display().to_string());
    assert_eq!(first["line"], 1);
    assert_eq!(first["column"], 12);
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "unknown-kind");
    assert_eq!(
        first["message"],
        "unknown kind `chekin`; did you mean `checkin`?"
    );
    assert_eq!(json.as_array().expect("array").len(), 2);
}

#[test]
fn csv_output_has_a_header_and_quoted_messages() {
    let (_dir, path) = journal(BROKEN);
    upward()
        .arg("-f")
        .arg(&path)
        .args(["check", "--today", "2026-03-03", "--format", "csv"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "file,line,column,severity,code,message\n",
        ))
        .stdout(predicate::str::contains(
            ",1,12,error,unknown-kind,\"unknown kind `chekin`; did you mean `checkin`?\"",
        ));
}

#[test]
fn usage_errors_exit_two() {
    let (_dir, path) = journal(CLEAN);
    upward().arg("--no-such-flag").assert().code(2);
    upward()
        .arg("-f")
        .arg(&path)
        .args(["check", "--today", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a date"));
    upward()
        .arg("-f")
        .arg(&path)
        .args(["check", "--allow", "repitc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `repitch`?"));
    upward()
        .args(["-f", "/nonexistent/journal.up", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read journal"));
}

#[test]
fn no_journal_found_says_how_to_point_at_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    upward()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no journal found: pass `-f FILE`"))
        .stderr(predicate::str::contains("start one with `upward init`"));
}

#[test]
fn journal_discovery_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir");
    std::fs::write(dir.path().join("notes/a.up"), "2026-01-01 chekin\n").expect("write");
    // ./notes/ when there is no ./journal.up
    upward()
        .current_dir(dir.path())
        .args(["check", "--today", "2026-01-02"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("notes/a.up:1:12"));
    // ./journal.up before ./notes/
    std::fs::write(dir.path().join("journal.up"), CLEAN).expect("write");
    upward()
        .current_dir(dir.path())
        .args(["check", "--today", "2026-03-03"])
        .assert()
        .success();
    // UPWARD_JOURNAL before both
    upward()
        .current_dir(dir.path())
        .env("UPWARD_JOURNAL", dir.path().join("notes"))
        .args(["check", "--today", "2026-01-02"])
        .assert()
        .code(1);
    // -f before everything
    upward()
        .current_dir(dir.path())
        .env("UPWARD_JOURNAL", dir.path().join("notes"))
        .args(["check", "--today", "2026-03-03", "-f", "journal.up"])
        .assert()
        .success();
}

#[test]
fn today_comes_from_the_environment_when_not_given() {
    let (_dir, path) = journal(CLEAN);
    upward()
        .arg("-f")
        .arg(&path)
        .env("UPWARD_TODAY", "2026-13-01")
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("UPWARD_TODAY"));
}

#[test]
fn colour_only_when_allowed() {
    let (_dir, path) = journal(BROKEN);
    let run = |args: &[&str], env: Option<(&str, &str)>| {
        let mut cmd = upward();
        cmd.arg("-f")
            .arg(&path)
            .args(["check", "--today", "2026-03-03"])
            .args(args);
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().expect("run").stdout).expect("utf8")
    };
    assert!(run(&["--color", "always"], None).contains("\x1b["));
    assert!(!run(&["--color", "never"], None).contains("\x1b["));
    assert!(
        !run(&[], None).contains("\x1b["),
        "a pipe is not a terminal"
    );
    assert!(!run(&[], Some(("NO_COLOR", "1"))).contains("\x1b["));
}

#[test]
fn warnings_pass_unless_denied() {
    let text = "boss @ann Ann\n  cadence: none\n  updates: none\n2026-03-02 escalate @cto Asked for budget\n";
    let (_dir, path) = journal(text);
    upward()
        .arg("-f")
        .arg(&path)
        .args(["check", "--today", "2026-03-03"])
        .assert()
        .success()
        .stdout(predicate::str::contains("warning[bypass]"));
    upward()
        .arg("-f")
        .arg(&path)
        .args(["check", "--today", "2026-03-03", "--deny", "warnings"])
        .assert()
        .code(1);
    upward()
        .arg("-f")
        .arg(&path)
        .args([
            "check",
            "--today",
            "2026-03-03",
            "--deny",
            "warnings",
            "--allow",
            "bypass",
        ])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let mut text = String::from("boss @ann Ann\n");
    for day in 0..2000 {
        let d = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Days::new(day);
        text.push_str(&format!("{d} chekin @ann\n"));
    }
    let (_dir, path) = journal(&text);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("upward"))
        .arg("-f")
        .arg(&path)
        .args(["check", "--today", "2026-03-03"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn help_has_examples_and_exit_codes() {
    upward()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("Exit codes:"));
    upward()
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--deny"));
}

#[test]
fn explain_lists_and_explains_codes() {
    upward()
        .arg("explain")
        .assert()
        .success()
        .stdout(predicate::str::contains("repitch"))
        .stdout(predicate::str::contains("unquantified-win"));
    upward()
        .args(["explain", "repitch"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Why it matters"));
    upward()
        .args(["explain", "repitc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `repitch`?"));
}

/// A command given a format it does not produce refuses it (exit 2) and names the ones it
/// has, rather than printing another format.
#[test]
fn a_format_a_command_lacks_is_refused_with_the_ones_it_has() {
    let (_dir, path) = journal(CLEAN);
    for (args, has) in [
        (&["check", "--format", "md"][..], "term, json or csv"),
        (&["history", "--format", "csv"][..], "term or json"),
        (&["history", "--format", "md"][..], "term or json"),
        (&["plugins", "--format", "md"][..], "term, json or csv"),
        (&["explain", "--format", "csv"][..], "term or json"),
        (&["export", "--format", "md"][..], "term or json"),
    ] {
        let format = args[2];
        upward()
            .arg("-f")
            .arg(&path)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: `upward {}` has no {format} format; use --format {has}\n",
                args[0]
            ));
    }
}

/// `--verbose` does not exist, and `--version` is not what was meant: no tip.
#[test]
fn an_unknown_flag_is_not_offered_version() {
    upward()
        .args(["check", "--verbose"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unexpected argument '--verbose'"))
        .stderr(predicate::str::contains("--version").not());
    // Other tips stay.
    upward()
        .args(["check", "--formt", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'--format'"));
}

/// A `--since` after today would print a span that runs backwards.
#[test]
fn since_after_today_is_refused() {
    let (_dir, path) = journal(CLEAN);
    for command in ["brag", "scorecard"] {
        upward()
            .arg("-f")
            .arg(&path)
            .args([command, "--since", "2026-04-01", "--today", "2026-03-03"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                "error: `--since 2026-04-01` is after today (2026-03-03); give a date on or before it\n",
            );
    }
}

/// `--boss` is listed only where it means something, and is still taken before the command.
#[test]
fn boss_is_a_flag_of_the_reports_only() {
    upward()
        .args(["add", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--boss").not());
    upward()
        .args(["agenda", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--boss"));
    let (_dir, path) = journal(CLEAN);
    for args in [
        &["--boss", "@ann", "report"][..],
        &["report", "--boss", "@ann"][..],
    ] {
        upward()
            .arg("-f")
            .arg(&path)
            .args(args)
            .args(["--today", "2026-03-03"])
            .assert()
            .success()
            .stdout(predicate::str::contains("for @ann"));
    }
    upward()
        .args(["add", "--boss", "@ann", "did", "x"])
        .assert()
        .code(2);
}

/// A period with priorities and no work has no share of the work to show.
#[test]
fn a_period_without_work_says_so() {
    let (_dir, path) = journal(
        "boss @ann Ann\n  cadence: none\n  updates: none\n2026-03-02 priority #ops Keep it up\n",
    );
    upward()
        .arg("-f")
        .arg(&path)
        .args(["report", "--period", "2026-03", "--today", "2026-03-03"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 of 0").not())
        .stdout(predicate::str::contains("all work served").not())
        .stdout(predicate::str::contains("No work logged this period."));
}

/// A directory without any journal file is no journal: exit 2, as for a missing file.
#[test]
fn a_directory_without_journal_files_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.txt"), "not a journal\n").expect("write");
    let shown = dir.path().display().to_string();
    upward()
        .arg("-f")
        .arg(dir.path())
        .args(["check", "--today", "2026-03-03"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: no journal found in `{shown}`: it holds no *.up file; pass a file, or start one with `upward init {shown}`\n"
        ));
}

/// On a journal with errors, the note on stderr says what the report does with them: an
/// unreadable line counts for nothing, an entry with a wrong field counts without it.
#[test]
fn a_report_on_errors_does_what_its_note_says() {
    let (_dir, path) = journal(
        "boss @a Ann\n  cadence: weekly\n  updates: none\n\
         2026-03-02 did Fixed it rank:2\n\
         2026-03-03 checkin @a dur:half-hour\n\
         2026-03-03 chekin @a Lost\n",
    );
    let out = upward()
        .arg("-f")
        .arg(&path)
        .args(["report", "--period", "2026-03", "--today", "2026-03-05"])
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "note: the journal has 3 errors: a line that cannot be read counts for nothing here, \
         and an entry with a wrong or missing field counts without it; run `upward check` to see them\n"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = json.to_string();
    assert!(text.contains("\"Fixed it\""), "{text}");
    assert!(!text.contains("rank"), "{text}");
    assert!(!text.contains("Lost"), "{text}");
    assert_eq!(json["checkins"].as_array().map(Vec::len), Some(1), "{text}");
}

/// `explain` teaches every error code `check` prints, not only the rules': each code in the
/// invalid fixtures' expected output has a text with an example and a fix.
#[test]
fn explain_knows_every_error_code_check_prints() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut codes = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "expected") {
            let text = std::fs::read_to_string(&path).expect("read");
            for part in text.split("error[").skip(1) {
                codes.insert(part.split(']').next().unwrap_or_default().to_string());
            }
        }
    }
    assert!(codes.len() >= 8, "{codes:?}");
    for code in &codes {
        upward()
            .args(["explain", code])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(format!("{code}: ")))
            .stdout(predicate::str::contains("How to fix it"));
    }
    upward()
        .arg("explain")
        .assert()
        .success()
        .stdout(predicate::str::contains("unknown-kind "))
        .stdout(predicate::str::contains("repitch "));
}

/// A win of 2026-05-01 is 60 days old on 2026-06-30: its warning has settled. One of
/// 2026-06-20 has not.
const SETTLING: &str = "boss @ann Ann\n  cadence: none\n  updates: none\n\
    2026-05-01 win Shipped the old thing\n2026-06-20 win Shipped the new thing\n";

#[test]
fn check_leaves_settled_warnings_out_and_says_how_many() {
    let (_dir, path) = journal(SETTLING);
    let json = |args: &[&str]| {
        let out = upward()
            .arg("-f")
            .arg(&path)
            .args(["check", "--today", "2026-06-30", "--format", "json"])
            .args(args)
            .output()
            .expect("run");
        let lines: Vec<u64> = serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout)
            .expect("json")
            .iter()
            .map(|d| d["line"].as_u64().expect("line"))
            .collect();
        (lines, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (shown, note) = json(&[]);
    assert_eq!(shown, [5]);
    assert!(
        note.contains("1 settled warning left out; `upward check --all` shows them"),
        "{note}"
    );
    let (all, note) = json(&["--all"]);
    assert_eq!(all, [4, 5]);
    assert!(!note.contains("settled"), "{note}");
    // --deny warnings counts only what is shown.
    let mut old_only = SETTLING.lines().take(4).collect::<Vec<_>>().join("\n");
    old_only.push('\n');
    let (_dir2, old) = journal(&old_only);
    upward()
        .arg("-f")
        .arg(&old)
        .args(["check", "--today", "2026-06-30", "--deny", "warnings"])
        .assert()
        .success()
        .stdout("");
    upward()
        .arg("-f")
        .arg(&old)
        .args([
            "check",
            "--today",
            "2026-06-30",
            "--deny",
            "warnings",
            "--all",
        ])
        .assert()
        .code(1);
}
