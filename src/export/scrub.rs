//! Replacing names in free text: whole words, case-insensitively, longest name first.

/// Characters that continue a word: a name matches only where neither neighbour is one.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn same_letter(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// A set of names and what each becomes.
#[derive(Clone, Debug, Default)]
pub struct Scrubber {
    /// Longest first, so that `Maria Chen` wins over `Maria`.
    needles: Vec<(Vec<char>, String)>,
}

impl Scrubber {
    /// The first replacement given for a name (compared case-insensitively) wins.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut needles: Vec<(Vec<char>, String)> = Vec::new();
        for (name, role) in pairs {
            let chars: Vec<char> = name.chars().collect();
            let known = needles.iter().any(|(n, _)| {
                n.len() == chars.len() && n.iter().zip(&chars).all(|(a, b)| same_letter(*a, *b))
            });
            if !chars.is_empty() && !known {
                needles.push((chars, role));
            }
        }
        needles.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        Scrubber { needles }
    }

    /// `text` with every whole-word occurrence of a name replaced.
    pub fn scrub(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let at_start = i == 0 || !is_word(chars[i - 1]);
            let hit = at_start
                .then(|| self.needles.iter().find(|(n, _)| matches_at(&chars, i, n)))
                .flatten();
            match hit {
                Some((needle, role)) => {
                    out.push_str(role);
                    i += needle.len();
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }
}

fn matches_at(text: &[char], at: usize, needle: &[char]) -> bool {
    let end = at + needle.len();
    end <= text.len()
        && text[at..end]
            .iter()
            .zip(needle)
            .all(|(a, b)| same_letter(*a, *b))
        && text.get(end).is_none_or(|c| !is_word(*c))
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
            ("Chen".to_string(), "boss-1".to_string()),
            ("j.li".to_string(), "person-1".to_string()),
        ])
    }

    #[test]
    fn replaces_whole_words_in_any_case() {
        let s = scrubber();
        assert_eq!(s.scrub("Maria Chen said hi"), "boss-1 said hi");
        assert_eq!(
            s.scrub("@maria's call, (MARIA)."),
            "@boss-1's call, (boss-1)."
        );
        assert_eq!(s.scrub("mariachi and chenille"), "mariachi and chenille");
        assert_eq!(s.scrub("ask @j.li."), "ask @person-1.");
        assert_eq!(s.scrub("Ünïcode stays"), "Ünïcode stays");
    }

    #[test]
    fn finds_people_like_the_parser() {
        assert_eq!(
            people_in("told (@Maria), @j.li. and bob@example.com @- x"),
            ["maria", "j.li"]
        );
    }
}
