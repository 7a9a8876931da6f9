//! `export --redact` scrubs every part of every known name and id: case-insensitively, inside
//! tags, handles, field values and free text, and also where a name is joined to other
//! characters (`#maria_1on1`, `#mariachen`, `^seanidea`). Checked on the cases that once
//! leaked and on generated names hidden in generated words.

use proptest::prelude::*;
use serde_json::Value;
use upward::export::{export, redact};
use upward::model::Journal;

/// The fields that hold words from the journal; the rest are dates, enumerations and numbers.
const NOT_TEXT: &[&str] = &[
    "kind", "form", "status", "cadence", "updates", "detail", "date", "due", "tone", "outcome",
    "since", "until", "version",
];

/// Every string the redacted export holds that came from the journal's words, lowercase,
/// with the roles (`boss-1`, `person-2`) taken out.
fn redacted_words(text: &str) -> String {
    let journal = Journal::from_text("j.up", text);
    assert!(
        !journal.has_errors(),
        "the test journal is valid: {:?}\n{text}",
        journal.diagnostics
    );
    let value = serde_json::to_value(redact(&export(&journal))).expect("json");
    let mut out = String::new();
    strings(&value, &mut out);
    without_roles(&out.to_lowercase())
}

fn strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !NOT_TEXT.contains(&k.as_str()))
            .for_each(|(_, v)| strings(v, out)),
        _ => {}
    }
}

/// `text` with every `boss-N` and `person-N` replaced by a space.
fn without_roles(text: &str) -> String {
    let mut out = text.to_string();
    for role in ["boss-", "person-"] {
        while let Some(at) = out.find(role) {
            let digits = out[at + role.len()..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(out.len(), |n| at + role.len() + n);
            out.replace_range(at..digits, " ");
        }
    }
    out
}

/// Whether `part` stands in `text` as a whole run of letters.
fn as_letter_run(text: &str, part: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| w == part)
}

const LEAKS: &str = "\
boss @maria Maria Chen
  channel: maria_slack
boss @aoife Aoife O'Brien-Walsh
  since: 2026-06-01
2026-05-04 checkin @maria #maria_1on1 Talked roadmap, then #maria2026 and #mariachen
  - O'Brien-Walsh agreed; O'Brien and Walsh and Brien are her names, so is AOIFE
  [ ] @sam.k send the numbers to Sam
2026-05-05 promise ^seanidea @sean due:2026-05-20 Write up Sean's idea for Sam
2026-05-06 update @maria via:maria_slack Sent the weekly to Maria
2026-05-07 win #ops impact:+20% Queue faster thanks to sam and SEAN, said Chen
2026-06-02 priority #walsh-plan @aoife rank:1 The plan Aoife set
";

#[test]
fn names_joined_to_other_characters_leave_no_part() {
    let words = redacted_words(LEAKS);
    for part in [
        "maria", "chen", "aoife", "o'brien", "brien", "walsh", "sam", "sean",
    ] {
        assert!(!words.contains(part), "`{part}` survived:\n{words}");
    }
    // What is not a name stays.
    for kept in ["roadmap", "1on1", "_slack", "idea", "numbers", "weekly"] {
        assert!(words.contains(kept), "`{kept}` was lost:\n{words}");
    }
}

#[test]
fn joined_names_read_as_their_roles() {
    let journal = Journal::from_text("j.up", LEAKS);
    let out = redact(&export(&journal));
    let checkin = &out.entries[0];
    assert_eq!(checkin.tags, ["boss-1_1on1", "boss-12026", "boss-1"]);
    let promise = &out.entries[1];
    assert_eq!(promise.handle.as_deref(), Some("person-2idea"));
    let update = &out.entries[2];
    assert_eq!(update.fields.via.as_deref(), Some("boss-1_slack"));
    assert_eq!(out.bosses[0].channel.as_deref(), Some("boss-1_slack"));
    assert_eq!(
        checkin.items[0].text.split(';').next(),
        Some("boss-2 agreed")
    );
}

#[test]
fn short_parts_go_only_as_whole_words_and_initials_stay() {
    let text = "\
boss @jo Jo Li
2026-05-04 checkin @jo Li and jo said the delivery of #li-notes is on; J. Li agreed
";
    let words = redacted_words(text);
    assert!(!as_letter_run(&words, "li"), "{words}");
    assert!(!as_letter_run(&words, "jo"), "{words}");
    assert!(words.contains("delivery"), "{words}");
    assert!(words.contains("j."), "an initial alone stays: {words}");
}

/// A generated name: one to three words, each of letters joined by `'` or `-`.
fn name() -> impl Strategy<Value = String> {
    let part = "[A-Z][a-z]{2,7}|[A-Z][a-z]|Ø[a-z]{2,4}|[a-z]é[a-z]{2,4}";
    let word = prop::collection::vec(part, 1..=2).prop_flat_map(|parts| {
        prop::sample::select(vec!["-", "'"]).prop_map(move |sep| parts.join(sep))
    });
    prop::collection::vec(word, 1..=3).prop_map(|words| words.join(" "))
}

/// Letters, digits and `_` to join to a name, possibly none.
fn glue() -> impl Strategy<Value = String> {
    "[a-z0-9_]{0,4}"
}

/// A name in a random mix of cases.
fn recase(name: &str, mask: u64) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            if mask >> (i % 64) & 1 == 1 {
                c.to_uppercase().collect::<String>()
            } else {
                c.to_lowercase().collect()
            }
        })
        .collect()
}

/// The parts of a name: its runs of letters.
fn parts(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphabetic())
        .filter(|p| !p.is_empty())
        .map(str::to_lowercase)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_part_of_a_known_name_or_id_survives(
        boss in name(),
        person in "[a-z]{3,6}",
        initial in "[a-z]",
        pre in glue(),
        post in glue(),
        mask in any::<u64>(),
    ) {
        let boss_id: String = parts(&boss).concat();
        let first = &parts(&boss)[0];
        let surname = parts(&boss).last().cloned().unwrap_or_default();
        let person_id = format!("{person}.{initial}");
        let cased = recase(&boss, mask);
        let text = format!(
            "\
boss @{boss_id} {boss}
2026-05-04 checkin @{boss_id} #t{pre}{first}{post} Talked with {cased}
  - {surname}'s idea, and ({person}) {cased_person} will help, via @{person_id}
2026-05-05 promise ^{pre}{person}{post} @{boss_id} due:2026-05-20 Send {first} the numbers
2026-05-06 update @{boss_id} via:{pre}{surname}{post} Sent the weekly
2026-05-07 win #{first}{post} impact:{pre}{person} Done for {upper}
",
            cased_person = recase(&person, mask.rotate_left(7)),
            upper = surname.to_uppercase(),
        );
        let words = redacted_words(&text);
        for part in parts(&boss).into_iter().chain([person.clone()]) {
            let count = part.chars().count();
            if count >= 3 {
                prop_assert!(!words.contains(&part), "`{}` survived:\n{}\n{}", part, text, words);
            } else if count == 2 {
                prop_assert!(!as_letter_run(&words, &part), "`{}` survived:\n{}\n{}", part, text, words);
            }
        }
    }
}
