//! The one place text becomes HTML: every character that could end a text node or an
//! attribute value, or start a tag or an entity, is replaced by its entity. Safe in element
//! content and in double- or single-quoted attribute values (not in unquoted ones, which this
//! module never writes, and not inside `<script>` or `<style>`, which never hold user text).

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities; control characters other
/// than tab, newline and carriage return (invalid in HTML) become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appended to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            escape("Ship billing v2 — 40% faster, über"),
            "Ship billing v2 — 40% faster, über"
        );
        assert_eq!(escape(""), "");
    }

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            escape(r#"<script>alert("x")</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
        );
        assert_eq!(escape("a & b"), "a &amp; b");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("it's"), "it&#39;s");
    }

    #[test]
    fn attribute_values_cannot_be_closed() {
        let value = escape(r#"" onload="x' onerror='y"#);
        assert!(!value.contains('"') && !value.contains('\''));
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(escape("a\u{0}b\u{1b}c\td\n"), "a\u{FFFD}b\u{FFFD}c\td\n");
    }
}
