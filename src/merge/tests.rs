//! The merge on small journals: each case is base, ours, theirs and the expected result.

use super::merge;

fn run(base: &str, ours: &str, theirs: &str) -> (String, usize) {
    let m = merge(base.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
    (String::from_utf8(m.bytes).unwrap(), m.conflicts.len())
}

const BASE: &str = "boss @m M\n\n2026-11-01 did A\n2026-11-02 did B\n  - note\n";

#[test]
fn appends_on_both_sides_are_placed_by_date() {
    let ours = format!("{BASE}2026-11-05 did E\n  - body of E\n");
    let theirs = format!("{BASE}2026-11-03 09:00 did C\n2026-11-06 did F\n");
    let (got, conflicts) = run(BASE, &ours, &theirs);
    assert_eq!(conflicts, 0);
    assert_eq!(
        got,
        format!(
            "{BASE}2026-11-03 09:00 did C\n2026-11-05 did E\n  - body of E\n2026-11-06 did F\n"
        )
    );
}

#[test]
fn an_entry_added_on_both_sides_appears_once() {
    let ours = format!("{BASE}2026-11-03 did C\n2026-11-04 did D\n");
    let theirs = format!("{BASE}2026-11-03 did C\n");
    assert_eq!(run(BASE, &ours, &theirs), (ours.clone(), 0));
}

#[test]
fn an_edit_beside_an_append_merges() {
    let ours = BASE.replace("did A", "did A, reworded");
    let theirs = format!("{BASE}2026-11-03 did C\n");
    let (got, conflicts) = run(BASE, &ours, &theirs);
    assert_eq!(conflicts, 0);
    assert_eq!(got, format!("{ours}2026-11-03 did C\n"));
}

#[test]
fn neighbouring_edits_and_removals_go_through() {
    let ours = BASE.replace("did A", "did A2");
    let theirs = BASE.replace("  - note\n", "  - note\n  [x] done\n");
    let (got, conflicts) = run(BASE, &ours, &theirs);
    assert_eq!(conflicts, 0);
    assert_eq!(got, theirs.replace("did A", "did A2"));
    let removed = BASE.replace("2026-11-01 did A\n", "");
    assert_eq!(
        run(BASE, &removed, &theirs).0,
        theirs.replace("2026-11-01 did A\n", "")
    );
}

#[test]
fn one_entry_changed_two_ways_is_the_only_conflict() {
    let ours = format!("{}2026-11-09 did Z\n", BASE.replace("did B", "did B1"));
    let theirs = format!("{}2026-11-08 did Y\n", BASE.replace("did B", "did B2"));
    let (got, conflicts) = run(BASE, &ours, &theirs);
    assert_eq!(conflicts, 1);
    assert_eq!(
        got,
        "boss @m M\n\n2026-11-01 did A\n<<<<<<< ours\n2026-11-02 did B1\n  - note\n=======\n\
         2026-11-02 did B2\n  - note\n>>>>>>> theirs\n2026-11-08 did Y\n2026-11-09 did Z\n"
    );
    let m = merge(BASE.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
    assert_eq!(m.conflicts[0].line, 4);
    assert_eq!(m.conflicts[0].header, "2026-11-02 did B");
}

#[test]
fn changed_on_one_side_and_removed_on_the_other_conflicts() {
    let ours = BASE.replace("did A", "did A2");
    let theirs = BASE.replace("2026-11-01 did A\n", "");
    let (got, conflicts) = run(BASE, &ours, &theirs);
    assert_eq!(conflicts, 1);
    assert!(
        got.contains("<<<<<<< ours\n\n2026-11-01 did A2\n=======\n>>>>>>> theirs\n\n2026-11-02"),
        "{got}"
    );
}

#[test]
fn line_endings_bom_and_a_missing_final_newline_are_kept() {
    let base = "\u{feff}2026-11-01 did A\r\n2026-11-02 did B";
    let ours = "\u{feff}2026-11-01 did A\r\n2026-11-02 did B\r\n2026-11-04 did D";
    let theirs = "\u{feff}2026-11-01 did A, edited\r\n2026-11-02 did B";
    assert_eq!(
        run(base, ours, theirs).0,
        "\u{feff}2026-11-01 did A, edited\r\n2026-11-02 did B\r\n2026-11-04 did D"
    );
    // Both append to a file without a final newline: the line before each is ended.
    let ours = "2026-11-01 did A\n2026-11-03 did C";
    let theirs = "2026-11-01 did A\n2026-11-02 did B";
    assert_eq!(
        run("2026-11-01 did A", ours, theirs).0,
        "2026-11-01 did A\n2026-11-02 did B\n2026-11-03 did C"
    );
}

#[test]
fn trouble_is_left_to_the_line_merge() {
    let err = merge(b"2026-11-01 did A\n", b"  orphan\n", b"x\n").unwrap_err();
    assert_eq!(err.0, super::Version::Ours);
    assert_eq!(err.1.line, 1);
}
