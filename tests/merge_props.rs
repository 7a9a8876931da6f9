//! Properties of the merge driver alone: for random base journals and random per-entry edits,
//! removals and additions on each side, the result holds exactly the expected entries, none
//! twice, the base's entries in their base order; and it conflicts exactly where both sides
//! changed one entry, differently.

use proptest::prelude::*;
use upward::merge::merge;

/// What happens to one base entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Kept,
    OursEdits,
    OursRemoves,
    TheirsEdits,
    TheirsRemoves,
    BothEditAlike,
    BothEditOtherwise,
}

fn fate() -> impl Strategy<Value = Fate> {
    prop_oneof![
        6 => Just(Fate::Kept),
        2 => Just(Fate::OursEdits),
        1 => Just(Fate::OursRemoves),
        2 => Just(Fate::TheirsEdits),
        1 => Just(Fate::TheirsRemoves),
        1 => Just(Fate::BothEditAlike),
        1 => Just(Fate::BothEditOtherwise),
    ]
}

const KINDS: [&str; 6] = ["did", "win", "checkin", "update", "ask", "initiative"];

/// An entry's text: an optional blank or comment line above, the header, 0 to 2 body lines.
fn entry(id: usize, date: &str, kind: &str, shape: u8, words: &str) -> String {
    let lead = match shape % 3 {
        0 => "",
        1 => "\n",
        _ => "; about it\n",
    };
    let body: String = (0..(shape / 3) % 3)
        .map(|k| format!("  - note {id}.{k}\n"))
        .collect();
    format!("{lead}{date} {kind} Entry {id}{words}\n{body}")
}

#[derive(Debug, Clone)]
struct Case {
    base: Vec<String>,
    ours: Vec<String>,
    theirs: Vec<String>,
    /// Each entry the result must hold exactly once: kept and changed base entries (in base
    /// order) and every addition.
    shared: Vec<String>,
    added: Vec<String>,
    /// The two versions of each entry changed two ways.
    conflicts: Vec<(String, String)>,
    /// Texts the result must not hold.
    gone: Vec<String>,
}

fn case() -> impl Strategy<Value = Case> {
    let base = prop::collection::vec((fate(), any::<u8>()), 0..14);
    let adds = || prop::collection::vec((any::<usize>(), 1u32..29, any::<u8>()), 0..5);
    let shared_adds = prop::collection::vec((1u32..29, any::<u8>()), 0..3);
    (base, adds(), adds(), shared_adds).prop_map(|(base, ours_add, theirs_add, both_add)| {
        let mut case = Case {
            base: vec!["boss @maria Maria Chen\n  cadence: weekly\n".into()],
            ours: vec![],
            theirs: vec![],
            shared: vec![],
            added: vec![],
            conflicts: vec![],
            gone: vec![],
        };
        case.ours = case.base.clone();
        case.theirs = case.base.clone();
        case.shared = case.base.clone();
        for (id, &(fate, shape)) in base.iter().enumerate() {
            // Unique dates and kinds, so that identity names one entry.
            let date = format!("2026-{:02}-{:02}", 1 + id / 28, 1 + id % 28);
            let kind = KINDS[id % KINDS.len()];
            let text = entry(id, &date, kind, shape, "");
            let ours = entry(id, &date, kind, shape, " edited by ours");
            let theirs = entry(id, &date, kind, shape, " edited by theirs");
            case.base.push(text.clone());
            let (o, t) = match fate {
                Fate::Kept => (Some(&text), Some(&text)),
                Fate::OursEdits => (Some(&ours), Some(&text)),
                Fate::OursRemoves => (None, Some(&text)),
                Fate::TheirsEdits => (Some(&text), Some(&theirs)),
                Fate::TheirsRemoves => (Some(&text), None),
                Fate::BothEditAlike => (Some(&ours), Some(&ours)),
                Fate::BothEditOtherwise => (Some(&ours), Some(&theirs)),
            };
            case.ours.extend(o.cloned());
            case.theirs.extend(t.cloned());
            match fate {
                Fate::BothEditOtherwise => case.conflicts.push((ours.clone(), theirs.clone())),
                _ if o.is_none() || t.is_none() => {}
                _ => case
                    .shared
                    .push(if o != Some(&text) { o } else { t }.unwrap().clone()),
            }
            if fate != Fate::Kept && fate != Fate::BothEditOtherwise {
                case.gone.push(text.clone());
            }
        }
        // Additions are dated in December, so that they never share an identity with a base entry.
        let mut next = 1000;
        let mut add =
            |side: &mut Vec<String>, adds: &[(usize, u32, u8)], added: &mut Vec<String>| {
                for &(at, day, shape) in adds {
                    let date = format!("2026-12-{day:02}");
                    let text = entry(next, &date, KINDS[next % KINDS.len()], shape, " new");
                    next += 1;
                    let at = 1 + at % side.len();
                    side.insert(at, text.clone());
                    added.push(text);
                }
            };
        add(&mut case.ours, &ours_add, &mut case.added);
        add(&mut case.theirs, &theirs_add, &mut case.added);
        for &(day, shape) in &both_add {
            let text = entry(next, &format!("2026-12-{day:02}"), "did", shape, " on both");
            next += 1;
            case.ours.push(text.clone());
            case.theirs.push(text.clone());
            case.added.push(text);
        }
        case
    })
}

/// How many times `chunk` occurs in `text` as whole lines.
fn occurrences(text: &str, chunk: &str) -> usize {
    let text = format!("\n{text}");
    let chunk = format!("\n{}", chunk.trim_start_matches('\n'));
    text.matches(&chunk).count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_result_holds_exactly_the_expected_entries(case in case()) {
        let (base, ours, theirs) = (case.base.concat(), case.ours.concat(), case.theirs.concat());
        let merged = merge(base.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
        let result = String::from_utf8(merged.bytes).unwrap();
        prop_assert_eq!(merged.conflicts.len(), case.conflicts.len(), "{}", result);
        prop_assert_eq!(result.matches("<<<<<<< ours").count(), case.conflicts.len());

        let mut last = 0;
        for chunk in &case.shared {
            prop_assert_eq!(occurrences(&result, chunk), 1, "{:?} in\n{}", chunk, result);
            // Shared entries keep their base order.
            let at = format!("\n{result}").find(&format!("\n{}", chunk.trim_start_matches('\n'))).unwrap();
            prop_assert!(at >= last, "{:?} out of order in\n{}", chunk, result);
            last = at;
        }
        for chunk in &case.added {
            prop_assert_eq!(occurrences(&result, chunk), 1, "{:?} in\n{}", chunk, result);
        }
        for (mine, yours) in &case.conflicts {
            let marked = format!(
                "<<<<<<< ours\n{mine}=======\n{yours}>>>>>>> theirs\n"
            );
            prop_assert_eq!(result.matches(&marked).count(), 1, "{}", result);
        }
        for chunk in &case.gone {
            prop_assert_eq!(occurrences(&result, chunk), 0, "{:?} in\n{}", chunk, result);
        }
        // Nothing else: every line that is not blank or a comment is an expected one's.
        let counted = |text: &str| text.lines().filter(|l| !l.is_empty() && !l.starts_with(';')).count();
        let wanted: usize = case.shared.iter().chain(&case.added).map(|c| counted(c)).sum::<usize>()
            + case.conflicts.iter().map(|(m, y)| counted(m) + counted(y) + 3).sum::<usize>();
        prop_assert_eq!(counted(&result), wanted, "{}", result);
    }

    #[test]
    fn merging_is_the_same_whichever_side_is_ours_when_nothing_conflicts(case in case()) {
        prop_assume!(case.conflicts.is_empty());
        let (base, ours, theirs) = (case.base.concat(), case.ours.concat(), case.theirs.concat());
        let one = merge(base.as_bytes(), ours.as_bytes(), theirs.as_bytes()).unwrap();
        let other = merge(base.as_bytes(), theirs.as_bytes(), ours.as_bytes()).unwrap();
        // The same entries; only new entries of one day may come in another order.
        let sorted = |b: &[u8]| {
            let mut lines: Vec<String> = String::from_utf8_lossy(b).lines().map(String::from).collect();
            lines.sort();
            lines
        };
        prop_assert_eq!(sorted(&one.bytes), sorted(&other.bytes));
    }
}
