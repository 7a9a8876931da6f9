//! Plugins: `upward NAME` runs `upward-NAME` from PATH with the export JSON on stdin and the
//! journal, today and version in its environment; its exit status becomes upward's. Rule
//! plugins merge into `check`; a failing one is one error and check goes on. Nothing runs
//! from inside the journal. The test plugins are sh scripts, so this file is Unix-only.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const JOURNAL: &str = "\
boss @ann Ann Lee
  cadence: none
  updates: none
2026-03-02 did Fixed the queue #ops
2026-03-06 promise ^report @ann due:2026-03-13 Send the ops report
";

/// A temp dir with the journal in `j/` (where upward runs), and `bin/` for plugins and
/// `home/` beside it, outside the journal's folder.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("tempdir");
        for sub in ["bin", "home", "j"] {
            std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        }
        std::fs::write(dir.path().join("j/journal.up"), JOURNAL).expect("journal");
        Setup { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn journal(&self) -> PathBuf {
        self.path("j/journal.up")
    }

    /// Creates the folder `rel` (and its parents) and returns it.
    fn mkdir(&self, rel: &str) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(&path).expect("mkdir");
        path
    }

    /// Writes an executable sh script `bin/upward-NAME` (or at `rel` when it holds a `/`).
    fn plugin(&self, name: &str, body: &str) -> PathBuf {
        let path = if name.contains('/') {
            self.path(name)
        } else {
            self.path(&format!("bin/upward-{name}"))
        };
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write plugin");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    /// `upward` with PATH = `dirs` then the system's, a private HOME, and no colour.
    fn upward_with_path(&self, dirs: &[&Path]) -> Command {
        let system = std::env::var_os("PATH").unwrap_or_default();
        let mut all: Vec<PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
        all.extend(std::env::split_paths(&system));
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
        cmd.env("PATH", std::env::join_paths(all).expect("PATH"))
            .env("HOME", self.path("home"))
            .env("NO_COLOR", "1")
            .env_remove("UPWARD_JOURNAL")
            .env_remove("UPWARD_TODAY")
            .current_dir(self.path("j"));
        cmd
    }

    /// `upward` with exactly this PATH (entries may be relative or empty).
    fn upward_with_raw_path(&self, entries: &[&str]) -> Command {
        let mut cmd = self.upward();
        cmd.env("PATH", entries.join(":"));
        cmd
    }

    fn upward(&self) -> Command {
        self.upward_with_path(&[&self.path("bin")])
    }
}

#[test]
fn a_plugin_gets_the_export_its_arguments_and_environment_and_its_status_is_upwards() {
    let s = Setup::new();
    s.plugin(
        "echo",
        "cat > \"$HOME/stdin.json\"\n\
         for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$HOME/args\"\n\
         printf '%s\\n%s\\n%s\\n' \"$UPWARD_JOURNAL\" \"$UPWARD_TODAY\" \"$UPWARD_VERSION\" > \"$HOME/env\"\n\
         echo plugin-output\n\
         exit 7",
    );
    s.upward()
        .arg("-f")
        .arg(s.journal())
        .args([
            "--today",
            "2026-03-10",
            "echo",
            "--flag",
            "-f",
            "x",
            "two words",
        ])
        .assert()
        .code(7)
        .stdout("plugin-output\n");
    let args = std::fs::read_to_string(s.path("home/args")).expect("args");
    assert_eq!(args, "--flag\n-f\nx\ntwo words\n");
    let env = std::fs::read_to_string(s.path("home/env")).expect("env");
    let lines: Vec<&str> = env.lines().collect();
    assert_eq!(
        Path::new(lines[0]),
        std::path::absolute(s.journal()).expect("abs")
    );
    assert_eq!(lines[1], "2026-03-10");
    assert_eq!(lines[2], env!("CARGO_PKG_VERSION"));
    let input: Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("home/stdin.json")).expect("stdin"))
            .expect("stdin is JSON");
    assert_eq!(input["version"], 1);
    assert_eq!(input["bosses"][0]["id"], "ann");
    assert_eq!(input["entries"][1]["handle"], "report");
}

#[test]
fn the_journal_paths_are_joined_with_the_path_separator() {
    let s = Setup::new();
    std::fs::write(s.path("j/more.up"), "2026-03-03 did More #ops\n").expect("write");
    s.plugin("env", "cat > /dev/null\nprintf '%s' \"$UPWARD_JOURNAL\"");
    let out = s
        .upward()
        .args([
            "-f",
            "journal.up",
            "-f",
            "more.up",
            "--today",
            "2026-03-10",
            "env",
        ])
        .output()
        .expect("run");
    assert!(out.status.success());
    let value = String::from_utf8(out.stdout).expect("utf-8");
    let paths: Vec<PathBuf> = std::env::split_paths(&value).collect();
    assert_eq!(paths, [s.journal(), s.path("j/more.up")]);
}

#[test]
fn a_plugin_that_does_not_read_stdin_still_runs_and_succeeds() {
    let s = Setup::new();
    // A journal bigger than a pipe's buffer, and a plugin that never reads it.
    let mut big = JOURNAL.to_string();
    for i in 0..3000 {
        big.push_str(&format!("2026-03-02 did Entry number {i} of many #ops\n"));
    }
    std::fs::write(s.journal(), big).expect("write");
    s.plugin("quiet", "echo done");
    s.upward()
        .args(["-f", "journal.up", "--today", "2026-03-10", "quiet"])
        .timeout(Duration::from_secs(30))
        .assert()
        .success()
        .stdout("done\n");
}

#[test]
fn an_unknown_name_is_a_usage_error_listing_the_commands() {
    let s = Setup::new();
    s.upward()
        .args(["-f", "journal.up", "chekc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown command `chekc`"))
        .stderr(predicate::str::contains("did you mean `check`?"))
        .stderr(predicate::str::contains("upward-chekc"))
        .stderr(predicate::str::contains("check, explain, report"))
        .stderr(predicate::str::contains("export"))
        .stderr(predicate::str::contains("upward plugins"));
}

#[test]
fn an_unknown_name_needs_no_journal() {
    let s = Setup::new();
    std::fs::remove_file(s.journal()).expect("rm");
    s.upward()
        .arg("nosuchthing")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown command `nosuchthing`"));
}

#[test]
fn a_name_that_is_a_path_is_refused() {
    let s = Setup::new();
    s.upward()
        .args(["-f", "journal.up", "../bin/x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown command"));
}

#[test]
fn a_plugin_inside_a_journal_directory_never_runs() {
    let s = Setup::new();
    let notes = s.mkdir("notes");
    std::fs::write(s.path("notes/a.up"), JOURNAL).expect("write");
    let marker = s.path("home/ran");
    let body = format!("touch {}", marker.display());
    s.plugin("notes/upward-evil", &body);
    let sub = s.mkdir("notes/sub");
    s.plugin("notes/sub/upward-deep", &body);
    for name in ["evil", "deep"] {
        s.upward_with_path(&[&notes, &sub])
            .arg("-f")
            .arg(&notes)
            .arg(name)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refusing to run"))
            .stderr(predicate::str::contains("lies in the journal"));
    }
    // Beside a journal file, and through a link from a PATH directory.
    s.plugin("j/upward-beside", &body);
    s.upward_with_path(&[&s.path("j")])
        .args(["-f", "journal.up", "beside"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to run"));
    std::os::unix::fs::symlink(s.path("notes/upward-evil"), s.path("bin/upward-linked"))
        .expect("symlink");
    s.upward()
        .arg("-f")
        .arg(&notes)
        .arg("linked")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to run"));
    s.upward()
        .arg("-f")
        .arg(&notes)
        .args(["check", "--with", "linked"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[plugin]: plugin `upward-linked` was not run: it lies in the journal",
        ));
    assert!(!marker.exists(), "a plugin in the journal ran");
}

/// Runs `upward NAME` and asserts it was refused with one line naming the program.
fn assert_refused(mut cmd: Command, name: &str) {
    let out = cmd.output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: refusing to run `")
            && stderr.contains(&format!("upward-{name}`")),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one sentence: {stderr}");
}

#[test]
fn a_plugin_anywhere_in_the_folder_of_a_journal_file_never_runs() {
    let s = Setup::new();
    let marker = s.path("home/ran");
    let body = format!("touch {}", marker.display());
    let bin = s.mkdir("j/bin");
    let deep = s.mkdir("j/notes/a/b");
    s.plugin("j/bin/upward-x", &body);
    s.plugin("j/notes/a/b/upward-y", &body);
    for (name, dir) in [("x", &bin), ("y", &deep)] {
        let mut cmd = s.upward_with_path(&[dir]);
        cmd.args(["-f", "journal.up", name]);
        assert_refused(cmd, name);
        // Named by an absolute path, found through a relative entry, or through discovery.
        let mut cmd = s.upward_with_path(&[dir]);
        cmd.arg("-f").arg(s.journal()).arg(name);
        assert_refused(cmd, name);
        let mut cmd = s.upward_with_path(&[dir]);
        cmd.arg(name);
        assert_refused(cmd, name);
    }
    let mut cmd = s.upward_with_raw_path(&["bin", "/usr/bin", "/bin"]);
    cmd.args(["-f", "journal.up", "x"]);
    assert_refused(cmd, "x");
    // A journal directory's whole tree, named through UPWARD_JOURNAL.
    let notes = s.mkdir("notes/bin");
    std::fs::write(s.path("notes/a.up"), JOURNAL).expect("write");
    s.plugin("notes/bin/upward-z", &body);
    let mut cmd = s.upward_with_path(&[&notes]);
    cmd.env("UPWARD_JOURNAL", s.path("notes")).arg("z");
    assert_refused(cmd, "z");
    s.upward_with_path(&[&bin])
        .args(["-f", "journal.up", "check", "--with", "x"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[plugin]: plugin `upward-x` was not run: it lies in the journal",
        ));
    assert!(!marker.exists(), "a plugin in the journal ran");
}

#[test]
fn a_plugin_found_through_a_relative_path_entry_never_runs() {
    let s = Setup::new();
    let marker = s.path("home/ran");
    let body = format!("touch {}", marker.display());
    // The journal is elsewhere; upward runs in a folder of tools reached only relatively.
    s.mkdir("tools/bin");
    s.plugin("tools/upward-dot", &body);
    s.plugin("tools/upward-empty", &body);
    s.plugin("tools/bin/upward-rel", &body);
    for (entries, name) in [
        ([".", "/usr/bin", "/bin"], "dot"),
        (["", "/usr/bin", "/bin"], "empty"),
        (["bin", "/usr/bin", "/bin"], "rel"),
    ] {
        let mut cmd = s.upward_with_raw_path(&entries);
        cmd.current_dir(s.path("tools"))
            .arg("-f")
            .arg(s.journal())
            .arg(name);
        assert_refused(cmd, name);
    }
    assert!(
        !marker.exists(),
        "a plugin found through a relative entry ran"
    );
}

#[test]
fn a_refused_program_does_not_hide_an_allowed_one_later_on_path() {
    let s = Setup::new();
    s.mkdir("j/bin");
    s.plugin("j/bin/upward-same", "echo journal");
    s.plugin("same", "echo outside");
    let bin = s.path("bin").display().to_string();
    s.upward_with_raw_path(&["bin", &bin, "/usr/bin", "/bin"])
        .args(["-f", "journal.up", "same"])
        .assert()
        .success()
        .stdout("outside\n");
}

#[test]
fn the_path_a_plugin_gets_has_no_relative_entries_and_none_in_the_journal() {
    let s = Setup::new();
    // `helper` in the journal's folder would hijack a plugin that runs `helper` (as a
    // `#!/usr/bin/env python3` plugin runs `python3`) if PATH still led there.
    let marker = s.path("home/hijacked");
    std::fs::write(
        s.path("j/helper"),
        format!("#!/bin/sh\ntouch {}\necho hijacked\n", marker.display()),
    )
    .expect("write");
    std::fs::set_permissions(s.path("j/helper"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    s.mkdir("j/bin");
    s.mkdir("tools");
    std::fs::write(s.path("tools/helper"), "#!/bin/sh\necho safe\n").expect("write");
    std::fs::set_permissions(
        s.path("tools/helper"),
        std::fs::Permissions::from_mode(0o755),
    )
    .expect("chmod");
    s.plugin(
        "show",
        "cat > /dev/null\nprintf '%s\\n' \"$PATH\" > \"$HOME/path\"\nhelper",
    );
    let j = s.path("j").display().to_string();
    let j_bin = s.path("j/bin").display().to_string();
    let bin = s.path("bin").display().to_string();
    let tools = s.path("tools").display().to_string();
    s.upward_with_raw_path(&[".", "", "bin", &j, &j_bin, &bin, &tools, "/usr/bin", "/bin"])
        .args(["-f", "journal.up", "show"])
        .assert()
        .success()
        .stdout("safe\n");
    assert!(!marker.exists(), "a program in the journal's folder ran");
    let path = std::fs::read_to_string(s.path("home/path")).expect("path");
    let entries: Vec<&str> = path.trim_end().split(':').collect();
    assert_eq!(entries, [&*bin, &*tools, "/usr/bin", "/bin"]);
    // The same for a rule plugin.
    s.plugin(
        "rule",
        "cat > /dev/null\nprintf '%s\\n' \"$PATH\" > \"$HOME/path\"\necho '[]'",
    );
    s.upward_with_raw_path(&[".", "bin", &j_bin, &bin, "/usr/bin", "/bin"])
        .args([
            "-f",
            "journal.up",
            "--today",
            "2026-03-10",
            "check",
            "--with",
            "rule",
        ])
        .assert()
        .success();
    let path = std::fs::read_to_string(s.path("home/path")).expect("path");
    assert_eq!(path.trim_end(), format!("{bin}:/usr/bin:/bin"));
}

#[test]
fn plugins_marks_programs_in_the_journal_or_on_relative_entries_as_refused() {
    let s = Setup::new();
    s.mkdir("j/bin");
    s.plugin("j/bin/upward-inner", "exit 0");
    s.plugin("j/upward-dot", "exit 0");
    s.plugin("fine", "exit 0");
    let bin = s.path("bin").display().to_string();
    let j_bin = s.path("j/bin").display().to_string();
    let out = s
        .upward_with_raw_path(&[".", &j_bin, &bin])
        .args(["-f", "journal.up", "plugins", "--format", "json"])
        .output()
        .expect("run");
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    let status = |name: &str| {
        rows.as_array()
            .expect("array")
            .iter()
            .find(|r| r["name"] == name)
            .map(|r| r["status"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(status("inner").as_deref(), Some("refused"));
    assert_eq!(status("dot").as_deref(), Some("refused"));
    assert_eq!(status("fine").as_deref(), Some("ok"));
}

#[test]
fn plugins_lists_what_is_on_path() {
    let s = Setup::new();
    s.plugin("zeta", "exit 0");
    s.plugin("alpha", "exit 0");
    s.plugin("check", "exit 0");
    std::fs::write(s.path("bin/upward-notexec"), "#!/bin/sh\n").expect("write");
    s.upward()
        .args(["-f", "journal.up", "plugins"])
        .assert()
        .success()
        .stdout(predicate::str::contains("alpha"))
        .stdout(predicate::str::contains("zeta"))
        .stdout(predicate::str::contains(
            "the built-in command of that name wins",
        ))
        .stdout(predicate::str::contains("notexec").not());
    let out = s
        .upward()
        .args(["-f", "journal.up", "plugins", "--format", "json"])
        .output()
        .expect("run");
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    let ours: Vec<(String, String)> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| {
            r["path"]
                .as_str()
                .is_some_and(|p| p.starts_with(&*s.path("bin").to_string_lossy()))
        })
        .map(|r| {
            (
                r["name"].as_str().unwrap_or("").into(),
                r["status"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        ours,
        [
            ("alpha".to_string(), "ok".to_string()),
            ("check".to_string(), "builtin".to_string()),
            ("zeta".to_string(), "ok".to_string()),
        ]
    );
}

const RULES: &str = r#"cat > /dev/null
[ "$1" = check ] || exit 9
cat <<'JSON'
[{"file": "journal.up", "line": 4, "column": 12, "severity": "warning", "code": "ops-tag", "message": "ops again"},
 {"file": "journal.up", "line": 5, "column": 1, "severity": "error", "code": "house-rule", "message": "no promises in March", "help": "wait for April"}]
JSON"#;

#[test]
fn check_with_merges_a_rule_plugins_diagnostics() {
    let s = Setup::new();
    s.plugin("rules", RULES);
    s.upward()
        .args([
            "-f",
            "journal.up",
            "--today",
            "2026-03-10",
            "check",
            "--with",
            "rules",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "journal.up:4:12: warning[ops-tag]: ops again\n",
        ))
        .stdout(predicate::str::contains(
            "journal.up:5:1: error[house-rule]: no promises in March\n  help: wait for April\n",
        ))
        .stderr(predicate::str::contains("1 error, 1 warning"));
    let out = s
        .upward()
        .args([
            "-f",
            "journal.up",
            "--today",
            "2026-03-10",
            "check",
            "--with",
            "rules",
        ])
        .args(["--format", "json"])
        .output()
        .expect("run");
    let diags: Value = serde_json::from_slice(&out.stdout).expect("json");
    let codes: Vec<&str> = diags
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["ops-tag", "house-rule"]);
}

#[test]
fn a_rule_plugins_warnings_fail_only_under_deny_warnings() {
    let s = Setup::new();
    s.plugin(
        "warn",
        "cat > /dev/null\necho '[{\"file\":\"journal.up\",\"line\":4,\"column\":1,\"severity\":\"warning\",\"code\":\"w\",\"message\":\"m\"}]'",
    );
    let base = [
        "-f",
        "journal.up",
        "--today",
        "2026-03-10",
        "check",
        "--with",
        "warn",
    ];
    s.upward().args(base).assert().success();
    s.upward()
        .args(base)
        .args(["--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn a_failing_rule_plugin_is_one_error_and_check_goes_on() {
    let s = Setup::new();
    s.plugin("rules", RULES);
    s.plugin(
        "crash",
        "cat > /dev/null\necho 'Traceback: boom' >&2\nexit 3",
    );
    s.plugin("garbage", "cat > /dev/null\necho 'hello, not json'");
    s.plugin("slow", "exec sleep 30");
    let started = Instant::now();
    let out = s
        .upward()
        .args(["-f", "journal.up", "--today", "2026-03-10", "check"])
        .args(["--with", "crash", "--with", "garbage", "--with", "slow"])
        .args([
            "--with",
            "missing",
            "--with",
            "rules",
            "--plugin-timeout",
            "1",
        ])
        .timeout(Duration::from_secs(25))
        .output()
        .expect("run");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "the timeout did not stop it"
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "error[plugin]: plugin `upward-crash` exited with status 3\n",
        "error[plugin]: plugin `upward-garbage` printed invalid JSON",
        "error[plugin]: plugin `upward-slow` ran past its time (1 s) and was stopped",
        "error[plugin]: plugin `upward-missing` is not on PATH\n",
        "journal.up:4:12: warning[ops-tag]: ops again",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert_eq!(stdout.matches("error[plugin]").count(), 4, "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Traceback: boom"));
}

#[test]
fn a_slow_plugin_with_a_lingering_child_still_times_out() {
    let s = Setup::new();
    // The shell exits at once but leaves `sleep` holding its stdout (not the test's stderr).
    s.plugin(
        "linger",
        "cat > /dev/null\nsleep 30 2>/dev/null &\necho '[]'",
    );
    let started = Instant::now();
    s.upward()
        .args([
            "-f",
            "journal.up",
            "--today",
            "2026-03-10",
            "check",
            "--with",
            "linger",
        ])
        .args(["--plugin-timeout", "1"])
        .timeout(Duration::from_secs(25))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ran past its time (1 s)"));
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn a_plugin_failure_in_json_has_no_position() {
    let s = Setup::new();
    let out = s
        .upward()
        .args([
            "-f",
            "journal.up",
            "--today",
            "2026-03-10",
            "check",
            "--with",
            "missing",
        ])
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let diags: Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &diags[0];
    assert_eq!(d["file"], "");
    assert_eq!(d["line"], 0);
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "plugin");
    assert_eq!(d["message"], "plugin `upward-missing` is not on PATH");
}

fn python3() -> bool {
    std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_sample_plugins_work_on_the_demo() {
    if !python3() {
        eprintln!("skipped: the sample plugins need python3");
        return;
    }
    let s = Setup::new();
    let samples = root().join("samples/plugins");
    let demo = root().join("samples/engineer/journal.up");
    let out = s
        .upward_with_path(&[&samples])
        .arg("-f")
        .arg(&demo)
        .args([
            "--today",
            "2026-11-23",
            "weekly-csv",
            "--since",
            "2026-11-16",
        ])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "week,priority,entries\n2026-W47,invoicing,1\n2026-W47,ledger,1\n2026-W47,oncall,1\n"
    );

    let out = s
        .upward_with_path(&[&samples])
        .current_dir(root())
        .args([
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "check",
        ])
        .args(["--with", "no-fridays", "--format", "json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let diags: Value = serde_json::from_slice(&out.stdout).expect("json");
    let fridays: Vec<&Value> = diags
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == "no-fridays")
        .collect();
    assert_eq!(fridays.len(), 11);
    assert_eq!(fridays[0]["line"], 44);
    assert_eq!(fridays[0]["column"], 41);
    assert!(
        fridays[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("^rollout-plan is due on a Friday (2026-08-14)"))
    );

    // On its own it prints lines and exits 1.
    s.upward_with_path(&[&samples])
        .current_dir(root())
        .args([
            "-f",
            "samples/engineer/journal.up",
            "--today",
            "2026-11-23",
            "no-fridays",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "samples/engineer/journal.up:44:41: warning[no-fridays]: ^rollout-plan is due on a Friday",
        ));
}
