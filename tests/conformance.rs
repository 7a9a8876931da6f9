//! Runs every annotated journal in `tests/conformance/` and compares the diagnostics with
//! its `; expect:` annotations, and the streaks with its `; expect-streak:` lines. The same
//! runs over an outside suite written in the same form, when one sits beside the repository
//! at `../shared/conformance/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use upward::diag::Severity;
use upward::model::{Disk, Journal, load};

/// (line, severity, code or None for "any error")
type Expected = BTreeMap<u32, Vec<(Severity, Option<String>)>>;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `*.up` files of `dir`, sorted.
fn journals_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "up"))
        .collect();
    files.sort();
    files
}

/// Checks every file and fails with all the differences at once.
fn check_all(files: &[PathBuf]) {
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            check_file(f)
                .err()
                .map(|e| format!("{}:\n{e}", f.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn expectations(text: &str) -> (Option<String>, Expected) {
    let mut today = None;
    let mut expected = Expected::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(t) = line.strip_prefix("; today:") {
            today = Some(t.trim().to_string());
        }
        let Some((_, spec)) = line.split_once("; expect:") else {
            continue;
        };
        for item in spec.split(',') {
            let mut words = item.split_whitespace();
            let severity = match words.next() {
                Some("error") => Severity::Error,
                Some("warning") => Severity::Warning,
                other => panic!("line {}: bad expectation {other:?}", i + 1),
            };
            expected
                .entry(i as u32 + 1)
                .or_default()
                .push((severity, words.next().map(str::to_string)));
        }
    }
    (today, expected)
}

fn check_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (today, expected) = expectations(&text);
    let today = today.ok_or("no `; today:` line")?;
    let today = upward::syntax::calendar_date(&today).ok_or("bad today")?;
    let loaded = load(&[path.to_path_buf()], &Disk).map_err(|e| e.to_string())?;
    let journal = Journal::build(loaded);
    let mut problems = streak_problems(&text, &journal, today);
    let diags = upward::check(&journal, today, &[]);
    let mut actual: BTreeMap<u32, Vec<(Severity, String, String)>> = BTreeMap::new();
    for d in &diags {
        let pos = journal.sources.position(d.span);
        actual.entry(pos.line).or_default().push((
            d.severity,
            d.code.to_string(),
            d.message.clone(),
        ));
    }
    let lines: std::collections::BTreeSet<u32> =
        expected.keys().chain(actual.keys()).copied().collect();
    for line in lines {
        let mut want = expected.get(&line).cloned().unwrap_or_default();
        let got = actual.get(&line).cloned().unwrap_or_default();
        let mut unmatched = Vec::new();
        for g in &got {
            let exact = want
                .iter()
                .position(|(s, c)| *s == g.0 && c.as_deref() == Some(g.1.as_str()));
            let any = want
                .iter()
                .position(|(s, c)| *s == g.0 && g.0 == Severity::Error && c.is_none());
            match exact.or(any) {
                Some(i) => {
                    want.remove(i);
                }
                None => unmatched.push(g),
            }
        }
        for g in unmatched {
            problems.push(format!("line {line}: unexpected {}[{}]: {}", g.0, g.1, g.2));
        }
        for (s, c) in want {
            problems.push(format!(
                "line {line}: missing {s}[{}]",
                c.unwrap_or_default()
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// `; expect-streak: BOSS STREAK current=N longest=N at_risk=true|false` lines compared with
/// what `upward streaks --format json` prints for the same today.
fn streak_problems(text: &str, journal: &Journal, today: chrono::NaiveDate) -> Vec<String> {
    use upward::report::{Report, select, streaks_doc};
    let options = streaks_doc::Options {
        bosses: select::active(journal, today),
        weeks: 1,
        counts: &|_| true,
    };
    let json = streaks_doc::build(journal, today, &options).json();
    let streaks: Vec<serde_json::Value> = serde_json::from_str(&json).expect("streaks JSON");
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some((_, spec)) = line.split_once("; expect-streak:") else {
            continue;
        };
        let words: Vec<&str> = spec.split_whitespace().collect();
        let [boss, streak, figures @ ..] = &words[..] else {
            problems.push(format!("line {}: bad expect-streak", i + 1));
            continue;
        };
        let found = streaks
            .iter()
            .find(|s| s["boss"] == *boss && s["streak"] == *streak);
        let Some(found) = found else {
            problems.push(format!("line {}: no {streak} streak for {boss}", i + 1));
            continue;
        };
        for figure in figures {
            let (key, want) = figure.split_once('=').expect("key=value");
            let got = found[key].to_string();
            if got != want {
                problems.push(format!(
                    "line {}: {boss} {streak} {key} is {got}, expected {want}",
                    i + 1
                ));
            }
        }
    }
    problems
}

#[test]
fn every_conformance_journal_matches_its_annotations() {
    let files = journals_in(&root().join("tests/conformance"));
    assert!(
        files.len() >= 15,
        "expected the conformance journals, found {}",
        files.len()
    );
    check_all(&files);
}

#[test]
fn the_outside_conformance_suite_matches_when_present() {
    let dir = root().join("../shared/conformance");
    if !dir.is_dir() {
        println!("skipped: no outside conformance suite at {}", dir.display());
        return;
    }
    check_all(&journals_in(&dir));
}
