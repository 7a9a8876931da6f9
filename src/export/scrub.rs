//! Replacing names in free text: every part of a name, in any case, wherever it stands.
//!
//! A name (or id) is cut into runs of letters. Every run, and every stretch of runs within
//! one word (`O'Brien`, `Brien-Walsh`), is looked for on its own, as is the whole name and
//! each of its words:
//! - with three letters or more it is replaced wherever it appears, also joined to other
//!   characters or inside another word (`#mariachen`, `^seanidea`);
//! - with two letters only where no letter touches it (`Li's`, `#li_notes`, not `deliver`);
//! - a single letter (an initial) is not looked for, unless it is the whole id or name, and
//!   then only as a whole word.
//!
//! The longest match wins at each place; two matches of the same role that touch become one.

use std::collections::HashMap;

/// The fewest letters a part needs to be replaced wherever it appears; one letter fewer and
/// it is replaced only where no letter touches it.
const ANYWHERE: usize = 3;

/// Characters that continue a word, for the whole-word match of a one-letter name.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn same_letter(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// The character a needle is filed under: the first of its lowercase form.
fn key(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Where a needle may match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// Anywhere, inside other words too.
    Anywhere,
    /// Where neither neighbour is a letter.
    Letters,
    /// Where neither neighbour is a letter, digit or `_`.
    Word,
}

impl Reach {
    /// The reach of a part with this many letters; `None` when it is not looked for alone.
    fn of_part(letters: usize) -> Option<Reach> {
        if letters >= ANYWHERE {
            Some(Reach::Anywhere)
        } else if letters + 1 == ANYWHERE {
            Some(Reach::Letters)
        } else {
            None
        }
    }

    /// The reach of a whole id or name, which is always looked for.
    fn of_whole(letters: usize) -> Reach {
        Reach::of_part(letters).unwrap_or(Reach::Word)
    }

    fn bounds(self, before: Option<char>, after: Option<char>) -> bool {
        let apart = |c: Option<char>, joins: fn(char) -> bool| c.is_none_or(|c| !joins(c));
        match self {
            Reach::Anywhere => true,
            Reach::Letters => {
                apart(before, char::is_alphabetic) && apart(after, char::is_alphabetic)
            }
            Reach::Word => apart(before, is_word) && apart(after, is_word),
        }
    }
}

#[derive(Clone, Debug)]
struct Needle {
    chars: Vec<char>,
    role: String,
    reach: Reach,
}

/// A set of names and what each becomes.
#[derive(Clone, Debug, Default)]
pub struct Scrubber {
    /// Longest first, so that `Maria Chen` wins over `Maria`.
    needles: Vec<Needle>,
    /// The needles (indices, longest first) by the lowercase first character.
    by_first: HashMap<char, Vec<usize>>,
}

impl Scrubber {
    /// Every id or name, with its role. The first role given for a piece (compared
    /// case-insensitively) wins.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut needles: Vec<Needle> = Vec::new();
        for (name, role) in pairs {
            for (piece, reach) in pieces(&name) {
                let chars: Vec<char> = piece.chars().collect();
                let known = needles.iter().any(|n| {
                    n.chars.len() == chars.len()
                        && n.chars.iter().zip(&chars).all(|(a, b)| same_letter(*a, *b))
                });
                if !chars.is_empty() && !known {
                    needles.push(Needle {
                        chars,
                        role: role.clone(),
                        reach,
                    });
                }
            }
        }
        needles.sort_by_key(|n| std::cmp::Reverse(n.chars.len()));
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, n) in needles.iter().enumerate() {
            by_first.entry(key(n.chars[0])).or_default().push(i);
        }
        Scrubber { needles, by_first }
    }

    /// `text` with every piece of every name replaced by its role.
    pub fn scrub(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        // The role written last, when nothing has followed it yet.
        let mut last: Option<&str> = None;
        let mut i = 0;
        while i < chars.len() {
            match self.hit(&chars, i) {
                Some(needle) => {
                    if last != Some(needle.role.as_str()) {
                        out.push_str(&needle.role);
                    }
                    last = Some(&needle.role);
                    i += needle.chars.len();
                }
                None => {
                    out.push(chars[i]);
                    last = None;
                    i += 1;
                }
            }
        }
        out
    }

    /// The longest needle that matches `text` at `at`.
    fn hit(&self, text: &[char], at: usize) -> Option<&Needle> {
        let candidates = self.by_first.get(&key(text[at]))?;
        candidates.iter().map(|&n| &self.needles[n]).find(|n| {
            let end = at + n.chars.len();
            end <= text.len()
                && text[at..end]
                    .iter()
                    .zip(&n.chars)
                    .all(|(a, b)| same_letter(*a, *b))
                && n.reach
                    .bounds(at.checked_sub(1).map(|b| text[b]), text.get(end).copied())
        })
    }
}

/// The pieces of an id or name to look for, with where each may match: the whole, each of
/// its words, and within each word every stretch of one or more runs of letters.
fn pieces(name: &str) -> Vec<(&str, Reach)> {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let mut out = vec![(name, Reach::of_whole(letters(name)))];
    for word in name.split_whitespace() {
        out.push((word, Reach::of_whole(letters(word))));
        let runs = runs(word);
        for (i, &(start, _)) in runs.iter().enumerate() {
            for &(_, end) in &runs[i..] {
                let piece = &word[start..end];
                out.extend(Reach::of_part(letters(piece)).map(|reach| (piece, reach)));
            }
        }
    }
    out
}

/// The byte ranges of the runs of letters in `word`.
fn runs(word: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in word.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, word.len()));
    }
    out
}

/// The `@people` of a text, lowercase, by the language's rule: `@` at the start of a word or
/// right after `(`, then letters, digits, `_ . -`, less a trailing `.` or `-`.
pub fn people_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in text.split([' ', '\t']) {
        let Some(rest) = word.trim_start_matches('(').strip_prefix('@') else {
            continue;
        };
        let end = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '-')))
            .map_or(rest.len(), |(i, _)| i);
        let id = rest[..end].trim_end_matches(['.', '-']);
        if !id.is_empty() {
            found.push(id.to_lowercase());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrubber() -> Scrubber {
        Scrubber::new([
            ("maria".to_string(), "boss-1".to_string()),
            ("Maria Chen".to_string(), "boss-1".to_string()),
            ("aoife".to_string(), "boss-2".to_string()),
            ("Aoife O'Brien-Walsh".to_string(), "boss-2".to_string()),
            ("j.li".to_string(), "person-1".to_string()),
            ("k".to_string(), "person-2".to_string()),
        ])
    }

    #[test]
    fn replaces_names_in_any_case_wherever_they_stand() {
        let s = scrubber();
        assert_eq!(s.scrub("Maria Chen said hi"), "boss-1 said hi");
        assert_eq!(
            s.scrub("@maria's call, (MARIA)."),
            "@boss-1's call, (boss-1)."
        );
        assert_eq!(s.scrub("#mariachen #maria_1on1"), "#boss-1 #boss-1_1on1");
        assert_eq!(s.scrub("mariachi and chenille"), "boss-1chi and boss-1ille");
        assert_eq!(s.scrub("Ünïcode stays"), "Ünïcode stays");
    }

    #[test]
    fn every_part_of_a_compound_name_goes() {
        let s = scrubber();
        assert_eq!(
            s.scrub("O'Brien-Walsh, O'Brien, Walsh, Brien-Walsh, brien"),
            "boss-2, boss-2, boss-2, boss-2, boss-2"
        );
    }

    #[test]
    fn two_letters_go_only_untouched_by_letters_and_one_only_as_a_word() {
        let s = scrubber();
        assert_eq!(
            s.scrub("ask @j.li. or Li, deliver"),
            "ask @person-1. or person-1, deliver"
        );
        assert_eq!(s.scrub("#li_x 5li"), "#person-1_x 5person-1");
        assert_eq!(s.scrub("@k ok k8s k"), "@person-2 ok k8s person-2");
        assert_eq!(s.scrub("J. said"), "J. said");
    }

    #[test]
    fn finds_people_like_the_parser() {
        assert_eq!(
            people_in("told (@Maria), @j.li. and bob@example.com @- x"),
            ["maria", "j.li"]
        );
    }
}
