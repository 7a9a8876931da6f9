//! `upward fmt`: the canonical layout keeps every non-space character and the meaning of the
//! journal, is idempotent, and the command rewrites, checks and refuses as documented.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use proptest::prelude::*;
use upward::diag::FileId;
use upward::formatter;
use upward::model::Journal;
use upward::rules::codes::RULES;
use upward::source::SourceFile;
use upward::syntax::FieldKey;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.up` file of the samples and the fixtures.
fn corpus() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "up") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("samples"), &mut out);
    walk(&root().join("tests/fixtures"), &mut out);
    out.sort();
    assert!(out.len() >= 10, "found only {out:?}");
    out
}

/// Formats bytes, keeping lines in error (as `--force` does).
fn format(name: &str, bytes: &[u8]) -> Vec<u8> {
    let source = SourceFile::new(name, name, bytes.to_vec());
    match formatter::format_file(FileId(0), &source, true) {
        Ok(out) => out,
        Err(errors) => panic!("{name}: refused with --force: {errors:?}"),
    }
}

fn non_space(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The meaning of a journal, without byte positions (which formatting moves): entries with
/// their typed fields, texts, tags, people and items, bosses, handles, priorities, leave,
/// scope, settings, and every diagnostic.
fn fingerprint(j: &Journal) -> String {
    let mut out = String::new();
    let names = |ids: &mut dyn Iterator<Item = String>| ids.collect::<Vec<_>>().join(",");
    for e in &j.entries {
        let f = &e.fields;
        let value = |key| j.field_text(e, key).map(str::to_string);
        let _ = writeln!(
            out,
            "{} {:?} {} {:?} handle={:?} due={:?} rank={:?} status={:?} dur={:?} tone={:?} \
             outcome={:?} until={:?} informed={:?} impact={:?} via={:?} solution={:?} allow={:?} \
             present={} text={:?} title={:?} words={} tags=[{}] people=[{}]",
            e.date,
            e.time,
            e.kind,
            e.bosses,
            e.handle.map(|h| j.handle(h).name.clone()),
            f.due,
            f.rank,
            f.status,
            f.dur,
            f.tone,
            f.outcome,
            f.until,
            f.informed,
            value(FieldKey::Impact),
            value(FieldKey::Via),
            value(FieldKey::Solution),
            f.allow,
            f.present,
            j.text(e),
            j.title(e),
            j.word_count(e),
            names(&mut j.tags_of(e).iter().map(|t| j.tag_name(*t).to_string())),
            names(&mut j.people_of(e).iter().map(|p| j.person_name(*p).to_string())),
        );
        for item in j.items_of(e) {
            let _ = writeln!(
                out,
                "  {:?} owner={:?} due={:?} handle={:?} text={:?}",
                item.form,
                item.owner.map(|p| j.person_name(p).to_string()),
                item.due,
                item.handle.map(|h| j.handle(h).name.clone()),
                j.item_text(item)
            );
        }
    }
    for b in &j.bosses {
        let _ = writeln!(
            out,
            "boss {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            b.id, b.name, b.cadence, b.updates, b.detail, b.words, b.channel, b.since, b.until
        );
    }
    for h in &j.handles {
        let _ = writeln!(
            out,
            "handle {} {:?} {} {:?} {:?} {:?} {:?}",
            h.name,
            h.kind,
            h.def,
            h.pitches().collect::<Vec<_>>(),
            h.slips,
            h.done,
            h.decisions
        );
    }
    for p in &j.priorities {
        let _ = writeln!(
            out,
            "priority {} {:?} {:?}",
            j.tag_name(p.key),
            p.bosses,
            p.changes
        );
    }
    let _ = writeln!(out, "aways {:?}", j.aways);
    let scope: Vec<&str> = j.scope.iter().map(|t| j.tag_name(*t)).collect();
    let _ = writeln!(out, "scope {scope:?}");
    for rule in RULES {
        let _ = writeln!(
            out,
            "set {} {} {:?}",
            rule.code,
            j.settings.enabled(rule.code),
            j.settings.number(rule.code)
        );
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    for d in upward::check(j, today, &[]) {
        let related: Vec<&str> = d.related().iter().map(|r| r.message.as_str()).collect();
        let _ = writeln!(
            out,
            "{} {} {:?} {related:?} {:?}",
            d.severity,
            d.code,
            d.message,
            d.help()
        );
    }
    out
}

fn journal_of(name: &Path, bytes: &[u8]) -> Journal {
    Journal::from_text(&name.display().to_string(), &String::from_utf8_lossy(bytes))
}

#[test]
fn every_sample_and_fixture_keeps_its_words_its_meaning_and_is_idempotent() {
    for path in corpus() {
        let before = std::fs::read(&path).expect("read");
        let name = path.display().to_string();
        let once = format(&name, &before);
        assert_eq!(
            non_space(&before),
            non_space(&once),
            "{name}: a non-space character changed"
        );
        assert_eq!(
            String::from_utf8_lossy(&format(&name, &once)),
            String::from_utf8_lossy(&once),
            "{name}: formatting twice differs from once"
        );
        if before.iter().all(|&b| b != 0) && std::str::from_utf8(&before).is_ok() {
            assert_eq!(
                fingerprint(&journal_of(&path, &before)),
                fingerprint(&journal_of(&path, &once)),
                "{name}: the model or its diagnostics changed"
            );
        }
    }
}

#[test]
fn the_demo_is_already_in_canonical_layout_after_one_pass() {
    let path = root().join("samples/engineer/journal.up");
    let once = format("demo.up", &std::fs::read(&path).expect("read"));
    let text = String::from_utf8_lossy(&once);
    assert!(text.ends_with("\n") && !text.ends_with("\n\n"));
    assert!(!text.contains("\n\n\n"));
    assert!(text.lines().all(|l| l == l.trim_end()));
    assert!(text.contains("\nboss @maria Maria Chen  ; engineering manager, Billing\n"));
}

// ---------------------------------------------------------------------------------------------
// Property: random journals → fmt → the same model, the same diagnostics, idempotent.

fn space() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", "  ", "\t", " \t ", "   "])
}

fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Shipped",
        "the",
        "queue",
        "(@maria),",
        "@dev",
        "#billing",
        "#billing/v2.",
        "^memo",
        "^plan",
        "due:2026-03-20",
        "rank:2",
        "tone:mixed",
        "impact:-40%",
        "a;b",
        "x^2",
        "10:30",
        "café",
        "日本",
        "😀",
        "bob@example.com",
        "foo:bar",
        "informed:@maria",
        "allow:repitch",
        "40%",
        "$12k",
    ])
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec((space(), word()), 0..6)
        .prop_map(|ws| ws.into_iter().map(|(s, w)| format!("{s}{w}")).collect())
}

fn comment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        1 => space().prop_map(|s| format!("{s};  a note ; more")),
    ]
}

fn header() -> impl Strategy<Value = String> {
    let kinds: Vec<&'static str> = upward::syntax::Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    (
        prop::sample::select(vec!["2026-03-02", "2026-03-09", "2026-02-27", "2025-12-31"]),
        prop::option::of((
            space(),
            prop::sample::select(vec!["09:30", "14:00", "00:00"]),
        )),
        space(),
        prop::sample::select(kinds),
        words(),
        comment(),
    )
        .prop_map(|(date, time, s, kind, words, comment)| {
            let time = time.map_or(String::new(), |(s, t)| format!("{s}{t}"));
            format!("{date}{time}{s}{kind}{words}{comment}")
        })
}

fn body() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["  ", "\t", "    ", " \t", "      "]),
        prop::sample::select(vec![
            "- ",
            "-\t",
            "[ ] ",
            "- [x] ",
            "-  [-]\t",
            "? ",
            "> ",
            "",
            "solution:",
            "due: ",
        ]),
        words(),
        comment(),
    )
        .prop_map(|(indent, marker, words, comment)| format!("{indent}{marker}{words}{comment}"))
}

fn other() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "  ",
        "; a comment  line",
        "  ;\tindented comment",
        "# Week  12",
        "## Billing",
        "boss @maria Maria  Chen",
        "boss\t@dev Dev Patel   ; new boss",
        "scope  #billing\t#oncall",
        "set  repitch   45",
    ])
    .prop_map(str::to_string)
}

fn journal_text() -> impl Strategy<Value = String> {
    (
        header(),
        prop::collection::vec(prop_oneof![3 => header(), 4 => body(), 2 => other()], 0..30),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(first, lines, crlf, final_newline)| {
            let newline = if crlf { "\r\n" } else { "\n" };
            let mut text = std::iter::once(first)
                .chain(lines)
                .collect::<Vec<_>>()
                .join(newline);
            if final_newline {
                text.push_str(newline);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_journals_keep_their_meaning_and_format_once(text in journal_text()) {
        let once = match formatter::format_text("p.up", &text) {
            Ok(out) => out,
            Err(errors) => return Err(TestCaseError::fail(format!("refused: {errors:?}"))),
        };
        let twice = formatter::format_text("p.up", &once);
        prop_assert_eq!(twice.as_deref().ok(), Some(once.as_str()));
        prop_assert_eq!(non_space(text.as_bytes()), non_space(once.as_bytes()));
        prop_assert_eq!(
            fingerprint(&Journal::from_text("p.up", &text)),
            fingerprint(&Journal::from_text("p.up", &once))
        );
        let crlf = text.find('\n').is_some_and(|i| text[..i].ends_with('\r'));
        prop_assert_eq!(once.contains("\r\n"), crlf && !once.is_empty());
    }
}

/// Pieces of valid and broken lines, for `--force` on anything.
fn rough_text() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&'static [u8]> = vec![
        b"2026-03-02",
        b"2026-02-30",
        b"09:30",
        b"25:00",
        b" ",
        b"\t",
        b"\n",
        b"\r\n",
        b"\r",
        b"did",
        b"chekin",
        b"boss",
        b"set",
        b"@ann",
        b"#tag",
        b"^h",
        b"due:2026-03-09",
        b"- ",
        b"[ ] ",
        b"? ",
        b"; c",
        b"# h",
        b"x",
        b"\0",
        b"\xff",
        b"\xc3\xa9",
    ];
    // A BOM only where it is one: at the start.
    let bom: &'static [u8] = b"\xef\xbb\xbf";
    (
        prop::sample::select(vec![&b""[..], bom]),
        prop::collection::vec(prop::sample::select(pieces), 0..80),
    )
        .prop_map(|(bom, v)| [bom.to_vec(), v.concat()].concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn forced_formatting_of_anything_keeps_its_characters_and_formats_once(bytes in rough_text()) {
        let once = format("p.up", &bytes);
        prop_assert_eq!(non_space(&bytes), non_space(&once));
        let twice = format("p.up", &once);
        prop_assert_eq!(String::from_utf8_lossy(&twice), String::from_utf8_lossy(&once));
    }
}

// ---------------------------------------------------------------------------------------------
// The command.

fn upward() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env("NO_COLOR", "1");
    cmd
}

const MESSY: &str = "2026-03-02   did  Fixed the queue   #ops ; two days\n\n\n\n2026-03-03 checkin @ann\n\t- walked   through it\n\t\tand more\n";
const TIDY: &str = "2026-03-02 did Fixed the queue #ops  ; two days\n\n2026-03-03 checkin @ann\n  - walked through it\n    and more\n";

fn temp_journal(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal.up");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

#[test]
fn check_prints_a_diff_exits_one_and_writes_nothing() {
    let (_dir, path) = temp_journal(MESSY);
    upward()
        .arg("-f")
        .arg(&path)
        .args(["fmt", "--check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "-2026-03-02   did  Fixed the queue   #ops ; two days\n",
        ))
        .stdout(predicate::str::contains(
            "+2026-03-02 did Fixed the queue #ops  ; two days\n",
        ))
        .stdout(predicate::str::contains("+++ b/"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), MESSY);
}

#[test]
fn fmt_rewrites_in_place_and_then_has_nothing_to_do() {
    let (dir, path) = temp_journal(MESSY);
    upward()
        .arg("-f")
        .arg(&path)
        .arg("fmt")
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), TIDY);
    upward()
        .arg("-f")
        .arg(&path)
        .args(["fmt", "--check"])
        .assert()
        .success()
        .stdout("");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        names,
        vec!["journal.up"],
        "no temporary file is left behind"
    );
}

#[test]
fn a_file_with_parse_errors_is_refused_unless_forced() {
    let text = "2026-03-02  chekin   @ann\n2026-03-03   did  x\n";
    let (_dir, path) = temp_journal(text);
    upward()
        .arg("-f")
        .arg(&path)
        .arg("fmt")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown kind `chekin`"))
        .stderr(predicate::str::contains("left unchanged"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    upward()
        .arg("-f")
        .arg(&path)
        .args(["fmt", "--force"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "2026-03-02  chekin   @ann\n2026-03-03 did x\n"
    );
}

#[test]
fn crlf_bom_and_included_files_are_formatted_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let main = dir.path().join("journal.up");
    std::fs::write(&main, "\u{feff}include  q1.up\r\n2026-03-02  did x\r\n").expect("write");
    std::fs::write(dir.path().join("q1.up"), "2026-01-05 did   y\n\n\n").expect("write");
    upward().arg("-f").arg(&main).arg("fmt").assert().success();
    assert_eq!(
        std::fs::read_to_string(&main).expect("read"),
        "\u{feff}include q1.up\r\n2026-03-02 did x\r\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("q1.up")).expect("read"),
        "2026-01-05 did y\n"
    );
}

#[test]
fn json_reports_each_file() {
    let (_dir, path) = temp_journal("2026-03-02 chekin x\n");
    let out = upward()
        .arg("-f")
        .arg(&path)
        .args(["fmt", "--check", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(value[0]["status"], "refused");
    assert_eq!(value[0]["errors"][0]["code"], "unknown-kind");
    assert_eq!(value[0]["errors"][0]["line"], 1);
}

#[test]
fn the_sample_directory_formats_to_the_same_journal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let team = dir.path().join("team");
    std::fs::create_dir_all(team.join("2026")).expect("mkdir");
    for file in ["journal.up", "2026/q3.up", "2026/q4.up"] {
        std::fs::copy(root().join("samples/pm").join(file), team.join(file)).expect("copy");
    }
    let load = || {
        let loaded =
            upward::model::load(&[team.join("journal.up")], &upward::model::Disk).expect("load");
        fingerprint(&Journal::build(loaded))
    };
    let before = load();
    upward().arg("-f").arg(&team).arg("fmt").assert().success();
    assert_eq!(before, load());
    upward()
        .arg("-f")
        .arg(&team)
        .args(["fmt", "--check"])
        .assert()
        .success();
}

#[test]
fn stdin_to_stdout_for_editors() {
    upward()
        .args(["fmt", "--stdin"])
        .write_stdin(MESSY)
        .assert()
        .success()
        .stdout(TIDY);
    let broken = "2026-03-02  chekin   @ann\n";
    upward()
        .args(["fmt", "--stdin"])
        .write_stdin(broken)
        .assert()
        .code(1)
        .stdout(broken)
        .stderr(predicate::str::contains(
            "<stdin>:1:13: error[unknown-kind]",
        ));
}

/// The block of `lang` that follows the line `marker` in docs/editors.md.
fn doc_block(doc: &str, marker: &str, lang: &str) -> String {
    let after = doc
        .split_once(marker)
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no `{marker}` in docs/editors.md"));
    let fence = format!("```{lang}\n");
    let start = after.find(&fence).expect("a code block") + fence.len();
    let end = after[start..].find("```").expect("its end") + start;
    after[start..end].to_string()
}

#[test]
fn the_docs_example_is_what_fmt_does() {
    let doc = std::fs::read_to_string(root().join("docs/editors.md")).expect("docs/editors.md");
    let before = doc_block(&doc, "\nBefore:\n", "text");
    let after = doc_block(&doc, "\nAfter `upward fmt`:\n", "up");
    assert_eq!(
        formatter::format_text("doc.up", &before).ok(),
        Some(after.clone())
    );
    let journal = Journal::from_text("doc.up", &after);
    assert!(!journal.has_errors());
}

#[test]
fn only_up_files_inside_the_journal_are_rewritten_even_with_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(notes.join("2026")).expect("mkdir");
    std::fs::create_dir_all(&outside).expect("mkdir");
    let main = notes.join("journal.up");
    std::fs::write(
        &main,
        "include  2026/q1.up\ninclude ../outside/Makefile\ninclude ../outside/other.up\n2026-03-02  did x\n",
    )
    .expect("write");
    let makefile = "all:\n\tcargo   build\n";
    let other = "2026-01-07   did   z\n";
    std::fs::write(notes.join("2026/q1.up"), "2026-01-05 did   y\n").expect("write");
    std::fs::write(outside.join("Makefile"), makefile).expect("write");
    std::fs::write(outside.join("other.up"), other).expect("write");
    for force in [false, true] {
        let mut cmd = upward();
        cmd.arg("-f").arg(&main).arg("fmt");
        if force {
            cmd.arg("--force");
        }
        let out = cmd.output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            std::fs::read_to_string(outside.join("Makefile")).expect("read"),
            makefile
        );
        assert_eq!(
            std::fs::read_to_string(outside.join("other.up")).expect("read"),
            other
        );
        for name in ["Makefile", "other.up"] {
            let notes: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
            assert_eq!(notes.len(), 1, "one line about {name}: {stderr}");
            assert!(notes[0].starts_with("note: "), "{stderr}");
        }
    }
    assert_eq!(
        std::fs::read_to_string(&main).expect("read"),
        "include 2026/q1.up\ninclude ../outside/Makefile\ninclude ../outside/other.up\n2026-03-02 did x\n"
    );
    assert_eq!(
        std::fs::read_to_string(notes.join("2026/q1.up")).expect("read"),
        "2026-01-05 did y\n"
    );
}

/// A quote is someone's words: the text after `> ` keeps its runs of spaces.
#[test]
fn a_quote_is_kept_as_written() {
    let text = "2026-03-02   checkin @ann\n    >   Ship it   first,  then  polish.  \n";
    assert_eq!(
        String::from_utf8(format("q.up", text.as_bytes())).expect("utf-8"),
        "2026-03-02 checkin @ann\n  >   Ship it   first,  then  polish.\n"
    );
}

/// The bundled samples are already formatted: `fmt --check` passes on every folder of them.
#[test]
fn every_sample_folder_passes_fmt_check() {
    let samples = root().join("samples");
    let mut checked = 0;
    for entry in std::fs::read_dir(&samples).expect("samples") {
        let dir = entry.expect("entry").path();
        let holds_journal = upward::model::load::walk(&dir).is_ok_and(|f| !f.is_empty());
        if !dir.is_dir() || !holds_journal {
            continue;
        }
        let out = upward()
            .arg("-f")
            .arg(&dir)
            .args(["fmt", "--check"])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{} is not formatted:\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stdout)
        );
        checked += 1;
    }
    assert!(checked >= 2, "found {checked} sample folders");
}
