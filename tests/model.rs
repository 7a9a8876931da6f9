//! The model: semantic errors with exact positions, boss resolution, handles, priorities over
//! time, leave and includes.

use std::path::PathBuf;

use chrono::NaiveDate;
use upward::model::{BossId, Disk, Journal, Status, load};
use upward::syntax::{FieldKey, Kind};

fn date(s: &str) -> NaiveDate {
    upward::syntax::calendar_date(s).expect("date")
}

fn errors(text: &str) -> Vec<(u32, u32, &'static str)> {
    let journal = Journal::from_text("t.up", text);
    journal
        .diagnostics
        .iter()
        .map(|d| {
            let p = journal.sources.position(d.span);
            (p.line, p.column, d.code)
        })
        .collect()
}

/// An input and the diagnostics it must give, as (line, column, code).
type Case = (&'static str, &'static [(u32, u32, &'static str)]);

#[test]
fn semantic_errors_have_exact_positions() {
    let table: &[Case] = &[
        ("2026-01-01 priority Ship it\n", &[(1, 12, "missing")]),
        (
            "2026-01-01 promise due:2026-02-01 Memo\n",
            &[(1, 12, "missing")],
        ),
        ("2026-01-01 promise ^m Memo\n", &[(1, 12, "missing")]),
        (
            "2026-01-01 pitch ^p X\n2026-01-02 decision ^p\n",
            &[(2, 12, "missing")],
        ),
        ("2026-01-01 escalate Asked\n", &[(1, 12, "missing")]),
        ("2026-01-01 done\n", &[(1, 12, "missing")]),
        (
            "2026-01-01 priority #a rank:0 X\n",
            &[(1, 24, "field-value")],
        ),
        (
            "2026-01-01 priority #a status:paused X\n",
            &[(1, 24, "field-value")],
        ),
        (
            "2026-01-01 priority #a due:soon X\n",
            &[(1, 24, "field-value")],
        ),
        (
            "2026-01-01 pitch ^p X\n2026-01-02 decision ^p outcome:maybe\n",
            &[(2, 24, "field-value")],
        ),
        (
            "2026-01-01 feedback tone:great X\n",
            &[(1, 21, "field-value")],
        ),
        (
            "2026-01-01 escalate @cto informed:maybe X\n",
            &[(1, 26, "field-value")],
        ),
        ("2026-01-01 did allow:repitc X\n", &[(1, 22, "field-value")]),
        (
            "2026-01-01 did X due:2026-01-02\n",
            &[(1, 18, "field-kind")],
        ),
        (
            "2026-01-01 win X impact:2x impact:3x\n",
            &[(1, 28, "duplicate-field")],
        ),
        (
            "2026-01-01 problem ^p X\n  solution: a\n  solution: b\n",
            &[(3, 3, "duplicate-field")],
        ),
        (
            "2026-01-01 did ^a ^b X\n",
            &[(1, 16, "handle"), (1, 19, "handle")],
        ),
        (
            "2026-01-01 did X\n  [ ] ^nope follow up\n",
            &[(2, 7, "handle")],
        ),
        (
            "2026-01-01 did X\n  [ ] send it rank:2\n",
            &[(2, 15, "field-kind")],
        ),
        (
            "2026-01-01 promise ^p due:2026-01-09 P\n2026-01-02 done ^p status:done\n",
            &[(2, 20, "field-value")],
        ),
        (
            "2026-01-05 away until:2026-01-01\n",
            &[(1, 17, "field-value")],
        ),
        (
            "boss @a A\n  cadence: fortnightly\n",
            &[(2, 3, "field-value")],
        ),
        (
            "boss @a A\n  detail: long\n  words: 0\n",
            &[(2, 3, "field-value"), (3, 3, "field-value")],
        ),
        ("boss @a A\n  due: 2026-01-01\n", &[(2, 3, "field-kind")]),
        (
            "boss @a A\n  since: 2026-02-01\n  until: 2026-01-01\n",
            &[(1, 1, "boss")],
        ),
        ("boss @a A\nboss @a A again\n", &[(2, 1, "boss")]),
        ("set repitch 10\nset repitch 20\n", &[(2, 13, "set")]),
        ("set repitch off\nset repitch 20\n", &[(2, 13, "set")]),
        ("set repitc 10\n", &[(1, 5, "set")]),
        ("set bypass 3\n", &[(1, 12, "set")]),
        ("set repitch soon\n", &[(1, 13, "set")]),
        (
            "include x.up\n  body\n",
            &[(1, 9, "include"), (2, 1, "orphan-body")],
        ),
    ];
    for (input, expected) in table {
        let mut got = errors(input);
        got.sort();
        assert_eq!(&got, expected, "input {input:?}");
    }
}

#[test]
fn valid_journals_have_no_errors() {
    for input in [
        "boss @a A\n  until: 2026-12-31\nboss @a A\n  since: 2027-01-01\n",
        "set repitch on\nset repitch 45\n",
        "2026-01-01 promise ^p due:2026-01-09 P\n2026-01-02 done ^p status:dropped\n",
        "2026-01-01 escalate @cto informed:yes X\n2026-01-01 initiative X informed:@a\n",
        "2026-01-01 checkin dur:1h30m\n  bob: will send numbers\n  - due: in a note is text\n",
        "2026-01-02 did ^p same day reference\n2026-01-02 promise ^p due:2026-01-09 P\n",
    ] {
        assert_eq!(errors(input), vec![], "input {input:?}");
    }
}

#[test]
fn boss_resolution_follows_spec_3() {
    let text = "\
boss @maria Maria
  until: 2026-03-31
boss @dev Dev
  since: 2026-04-01
boss @lee Lee
2026-03-01 did default boss
2026-03-02 did for lee @Lee
2026-04-02 did after the change
2026-04-03 did names inactive @maria
2026-03-03 promise ^p due:2026-03-20 P @lee
2026-04-04 done ^p
2026-04-05 escalate @cto went up informed:@lee
2026-04-06 escalate @cto went up
";
    let j = Journal::from_text("t.up", text);
    assert!(j.diagnostics.is_empty(), "{:?}", j.diagnostics);
    let bosses = |d: &str| -> Vec<&str> {
        let e = j.entries.iter().find(|e| e.date == date(d)).expect("entry");
        e.bosses.iter().map(|b| j.boss(b).id.as_str()).collect()
    };
    assert_eq!(bosses("2026-03-01"), ["maria"]);
    assert_eq!(bosses("2026-03-02"), ["lee"]);
    assert_eq!(bosses("2026-04-02"), ["dev"]);
    assert_eq!(bosses("2026-04-03"), ["dev"]);
    assert_eq!(
        bosses("2026-04-04"),
        ["lee"],
        "done belongs to its promise's boss"
    );
    assert_eq!(bosses("2026-04-05"), ["lee"]);
    assert_eq!(bosses("2026-04-06"), ["dev"]);
    assert_eq!(j.default_boss(date("2026-03-31")), Some(BossId(0)));
    assert_eq!(j.default_boss(date("2026-04-01")), Some(BossId(1)));
}

#[test]
fn priorities_change_over_time() {
    let text = "\
2026-01-05 priority #billing rank:1 due:2026-03-01 Ship billing
2026-02-01 priority #billing rank:2
2026-02-10 priority #billing Ship billing v2
2026-03-01 priority #billing status:done
";
    let j = Journal::from_text("t.up", text);
    assert!(j.diagnostics.is_empty());
    let p = &j.priorities[0];
    assert_eq!(j.tag_name(p.key), "billing");
    assert_eq!(p.state_on(date("2026-01-04")), None);
    let jan = p.state_on(date("2026-01-20")).expect("state");
    assert_eq!(
        (jan.rank, jan.status, jan.title.as_str()),
        (Some(1), Status::Active, "Ship billing")
    );
    let feb = p.state_on(date("2026-02-15")).expect("state");
    assert_eq!(
        (feb.rank, feb.due, feb.title.as_str()),
        (Some(2), Some(date("2026-03-01")), "Ship billing v2")
    );
    assert_eq!(
        p.state_on(date("2026-03-01")).expect("state").status,
        Status::Done
    );
}

#[test]
fn entries_sort_by_date_time_and_load_order() {
    let text = "2026-01-02 10:00 did c\n2026-01-02 did b\n2026-01-01 did a\n2026-01-02 09:00 did d\n2026-01-02 did e\n";
    let j = Journal::from_text("t.up", text);
    let order: Vec<String> = j.entries.iter().map(|e| j.text(e)).collect();
    assert_eq!(order, ["a", "b", "e", "d", "c"]);
}

#[test]
fn handles_track_what_happened() {
    let text = "\
2026-01-01 promise ^memo due:2026-01-10 Memo
2026-01-05 slip ^memo due:2026-01-15 waiting
2026-01-14 done ^memo
2026-01-02 pitch ^idea Idea
2026-01-03 decision ^idea outcome:declined
2026-01-20 pitch ^idea Idea again
2026-01-21 checkin
  [ ] ^memo follow up
";
    let j = Journal::from_text("t.up", text);
    assert!(j.diagnostics.is_empty(), "{:?}", j.diagnostics);
    let memo = j.handle(j.handle_named("memo").expect("memo"));
    assert_eq!(memo.slips.len(), 1);
    assert!(memo.done.is_some());
    let idea = j.handle(j.handle_named("idea").expect("idea"));
    assert_eq!(idea.pitch_count(), 2);
    assert_eq!(idea.decisions.len(), 1);
    let checkin = j
        .entries
        .iter()
        .find(|e| e.kind == Kind::Checkin)
        .expect("checkin");
    assert_eq!(j.items_of(checkin)[0].handle, j.handle_named("memo"));
}

#[test]
fn away_ranges_apply_to_one_boss_or_all() {
    let text = "boss @a A\nboss @b B\n2026-01-05 away until:2026-01-09\n2026-02-01 away @b until:2026-02-03\n";
    let j = Journal::from_text("t.up", text);
    assert!(j.is_away(BossId(0), date("2026-01-09")));
    assert!(!j.is_away(BossId(0), date("2026-01-10")));
    assert!(j.is_away(BossId(1), date("2026-02-02")));
    assert!(!j.is_away(BossId(0), date("2026-02-02")));
}

#[test]
fn descriptions_titles_and_word_counts() {
    let text = "2026-01-01 update @a via:email Billing is green #billing ; my note\n  - one two (@bob)\n  [ ] ^x three\n2026-01-01 promise ^x due:2026-01-02 X\n";
    let j = Journal::from_text("t.up", text);
    let update = &j.entries[0];
    assert_eq!(j.text(update), "@a Billing is green #billing");
    assert_eq!(j.word_count(update), 3 + 2 + 1);
}

fn temp_journal(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn load_dir(dir: &std::path::Path, paths: &[&str]) -> Journal {
    let paths: Vec<PathBuf> = paths.iter().map(|p| dir.join(p)).collect();
    Journal::build(load(&paths, &Disk).expect("load"))
}

#[test]
fn includes_load_once_in_order() {
    let dir = temp_journal(&[
        (
            "main.up",
            "2026-01-01 did first\ninclude sub/a.up\n2026-01-01 did last\n",
        ),
        ("sub/a.up", "2026-01-01 did from a\ninclude b.up\n"),
        ("sub/b.up", "2026-01-01 did from b\n"),
    ]);
    let j = load_dir(dir.path(), &["main.up", "sub/b.up", "."]);
    assert!(j.diagnostics.is_empty(), "{:?}", j.diagnostics);
    let order: Vec<String> = j.entries.iter().map(|e| j.text(e)).collect();
    assert_eq!(order, ["first", "from a", "from b", "last"]);
}

#[test]
fn include_cycles_and_missing_files_name_the_chain() {
    let dir = temp_journal(&[
        ("a.up", "include b.up\n2026-01-01 did a\n"),
        ("b.up", "include a.up\ninclude gone.up\n"),
    ]);
    let j = load_dir(dir.path(), &["a.up"]);
    let messages: Vec<&str> = j.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("include cycle: "),
        "{}",
        messages[0]
    );
    assert!(
        messages[0].contains("a.up → ") && messages[0].contains("b.up → "),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("gone.up") && messages[1].contains("no such file"),
        "{}",
        messages[1]
    );
    assert_eq!(j.entries.len(), 1);
}

#[test]
fn directory_walks_skip_dot_names_and_sort_bytewise() {
    let dir = temp_journal(&[
        ("b.up", "2026-01-01 did b\n"),
        ("a/z.up", "2026-01-01 did a/z\n"),
        ("B.up", "2026-01-01 did B\n"),
        (".hidden/x.up", "2026-01-01 did hidden\n"),
        ("notes.txt", "not a journal\n"),
    ]);
    let j = load_dir(dir.path(), &["."]);
    let order: Vec<String> = j.entries.iter().map(|e| j.text(e)).collect();
    assert_eq!(order, ["B", "a/z", "b"]);
}

#[test]
fn free_text_fields_and_handle_spans_are_read_from_the_tree() {
    let j = Journal::from_text(
        "t.up",
        "boss @ann Ann Lee\n\
         2026-03-02 win shipped it impact:12%_fewer_tickets\n\
         2026-03-03 problem ^flaky the build is flaky\n  \
         note: nothing\n  \
         solution: pin the runner\n  \
         solution: a second one\n\
         2026-03-04 update @ann weekly notes via:email\n\
         2026-03-05 did something impact:lots\n\
         2026-03-06 pitch ^a ^b two handles\n",
    );
    let by_kind = |kind: Kind| j.entries.iter().find(|e| e.kind == kind).unwrap();
    let text = |kind, key| j.field_text(by_kind(kind), key);
    assert_eq!(text(Kind::Win, FieldKey::Impact), Some("12%_fewer_tickets"));
    // A field line in the body; the second `solution:` is an error and the first is kept.
    assert_eq!(
        text(Kind::Problem, FieldKey::Solution),
        Some("pin the runner")
    );
    assert_eq!(text(Kind::Update, FieldKey::Via), Some("email"));
    // `did` does not take `impact:`: an error, and no value.
    assert_eq!(text(Kind::Did, FieldKey::Impact), None);
    assert_eq!(text(Kind::Win, FieldKey::Via), None);
    let handle = |kind| j.handle_span(by_kind(kind)).map(|s| j.value(s));
    assert_eq!(handle(Kind::Problem), Some("^flaky"));
    assert_eq!(handle(Kind::Pitch), Some("^a"));
    assert_eq!(handle(Kind::Win), None);
}
