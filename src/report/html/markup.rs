//! Markup built only from constant tag and attribute names and escaped text, so that no
//! text from a journal reaches the page unescaped: the one way in is [`Markup::text`] (and
//! attribute values), both through [`escape`].

use super::escape::escape_into;

/// A piece of HTML or SVG, well formed by construction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    /// Escaped text alone.
    pub fn of(text: &str) -> Markup {
        let mut m = Markup::new();
        m.text(text);
        m
    }

    /// Appends escaped text.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape_into(&mut self.0, text);
        self
    }

    /// Appends other markup.
    pub fn push(&mut self, other: &Markup) -> &mut Markup {
        self.0.push_str(&other.0);
        self
    }

    /// `<tag a="v" …>`; attribute values are escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Markup {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `<tag …>markup</tag>`.
    pub fn wrap(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        inner: &Markup,
    ) -> &mut Markup {
        self.open(tag, attrs).push(inner).close(tag)
    }

    /// A void element (`<meta …>`); in SVG, a self-closed one (`<rect …/>`).
    pub fn void(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Markup {
        self.open(tag, attrs);
        if !matches!(tag, "meta" | "br" | "hr") {
            self.0.pop();
            self.0.push_str("/>");
        }
        self
    }

    /// A newline, to keep the page readable as text.
    pub fn nl(&mut self) -> &mut Markup {
        self.0.push('\n');
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A table with a caption, a header row and rows of cells; a cell that is a number (or
/// `n%`) is aligned right.
pub fn table(caption: &str, header: &[&str], rows: &[Vec<Markup>]) -> Markup {
    let mut m = Markup::new();
    m.open("div", &[("class", "scroll")])
        .open("table", &[])
        .element("caption", &[], caption)
        .open("thead", &[])
        .open("tr", &[]);
    for h in header {
        m.element("th", &[("scope", "col")], h);
    }
    m.close("tr").close("thead").open("tbody", &[]).nl();
    for row in rows {
        m.open("tr", &[]);
        for cell in row {
            let numeric = is_figure(cell.as_str());
            m.wrap("td", if numeric { &[("class", "num")] } else { &[] }, cell);
        }
        m.close("tr").nl();
    }
    m.close("tbody").close("table").close("div").nl();
    m
}

fn is_figure(text: &str) -> bool {
    let digits = text.strip_suffix('%').unwrap_or(text);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Where an entry stands, as evidence: `<code class="at">file:line</code>`.
pub fn at(file: &str, line: u32) -> Markup {
    let mut m = Markup::new();
    m.element("code", &[("class", "at")], &format!("{file}:{line}"));
    m
}

/// A chart's text equivalent, folded under the chart: `<details>` with a summary line.
pub fn as_table(table: Markup) -> Markup {
    let mut m = Markup::new();
    m.open("details", &[("class", "data")])
        .element("summary", &[], "The figures as a table")
        .push(&table)
        .close("details")
        .nl();
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::new();
        m.element("p", &[("title", "a\"b")], "<b>&");
        assert_eq!(m.as_str(), "<p title=\"a&quot;b\">&lt;b&gt;&amp;</p>");
    }

    #[test]
    fn void_elements() {
        let mut m = Markup::new();
        m.void("meta", &[("charset", "utf-8")])
            .void("rect", &[("x", "1")]);
        assert_eq!(m.as_str(), "<meta charset=\"utf-8\"><rect x=\"1\"/>");
    }

    #[test]
    fn figures_align_right() {
        let t = table(
            "c",
            &["a", "b"],
            &[vec![Markup::of("x"), Markup::of("12%")]],
        );
        assert!(t.as_str().contains("<td>x</td><td class=\"num\">12%</td>"));
    }
}
