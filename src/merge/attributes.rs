//! The driver's registration as text: the `.gitattributes` line that asks for it, and the
//! two `.git/config` values that tell git how to run it.

/// The `.gitattributes` line `upward init` adds.
pub const ATTRIBUTE: &str = "*.up merge=upward";
/// `merge.upward.name`.
pub const NAME: &str = "upward: journal files merged by entry";
/// `merge.upward.driver`.
pub const DRIVER: &str = "upward merge %O %A %B %P";

/// The patterns and attributes of a `.gitattributes` text, comments and blank lines left out.
fn rules(text: &str) -> impl Iterator<Item = (&str, Vec<&str>)> {
    text.lines().filter_map(|line| {
        let mut words = line.split_whitespace();
        let pattern = words.next().filter(|p| !p.starts_with('#'))?;
        Some((pattern, words.collect()))
    })
}

/// Whether the text asks for the upward driver on some files.
pub fn names_driver(text: &str) -> bool {
    rules(text).any(|(_, attrs)| attrs.contains(&"merge=upward"))
}

/// Whether the text already says how to merge journal files (`merge=…`, `-merge`, `!merge`
/// or `merge` on a pattern ending in `.up`): then `init` leaves it as it is.
pub fn decides_journals(text: &str) -> bool {
    rules(text).any(|(pattern, attrs)| {
        pattern.ends_with(".up")
            && attrs.iter().any(|a| {
                let a = a.trim_start_matches(['-', '!']);
                a == "merge" || a.starts_with("merge=")
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gitattributes() {
        assert!(names_driver("*.up text merge=upward\n"));
        assert!(!names_driver("# *.up merge=upward\n*.up text\n"));
        assert!(decides_journals("notes/*.up -merge\n"));
        assert!(decides_journals("*.up merge=union\n"));
        assert!(!decides_journals("*.up text\n*.md merge=union\n"));
    }
}
