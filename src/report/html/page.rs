//! The page every HTML report is: a self-contained HTML5 document with its style sheet inline
//! (light, dark, phone and print), a content security policy that forbids every request, a
//! header, sections and a footer.

use super::markup::Markup;

/// The style sheet of every page.
const STYLE: &str = include_str!("page.css");

/// No script, no request of any kind: styles and images only from the page itself.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// A page under construction.
#[derive(Clone, Debug)]
pub struct Page {
    title: String,
    body: Markup,
}

impl Page {
    /// A page with its `<h1>` and a line below it.
    pub fn new(title: &str, subtitle: &str) -> Page {
        let mut body = Markup::new();
        body.open("header", &[("class", "top")])
            .open("h1", &[])
            .push(&unbroken_dates(title))
            .close("h1")
            .element("p", &[], subtitle)
            .close("header")
            .nl();
        Page {
            title: title.to_string(),
            body,
        }
    }

    /// Appends markup to the body.
    pub fn push(&mut self, m: &Markup) {
        self.body.push(m);
    }

    /// A section with an `<h2>` (its `id` names the section for links and tests).
    pub fn section(&mut self, id: &str, heading: &str, content: &Markup) {
        self.section_with(id, heading, content, "");
    }

    /// [`Page::section`] with a class (`break-before` starts it on a new printed page).
    pub fn section_with(&mut self, id: &str, heading: &str, content: &Markup, class: &str) {
        let head = format!("{id}-h");
        let mut attrs = vec![("id", id), ("aria-labelledby", head.as_str())];
        if !class.is_empty() {
            attrs.push(("class", class));
        }
        self.body
            .open("section", &attrs)
            .element("h2", &[("id", &head)], heading)
            .nl()
            .push(content)
            .close("section")
            .nl();
    }

    /// The whole document; `kind` is the body's class (`report`, `streaks`, `brag`).
    pub fn finish(self, kind: &str, footer: &str) -> String {
        let mut m = Markup::new();
        m.open("html", &[("lang", "en")])
            .nl()
            .open("head", &[])
            .nl()
            .void("meta", &[("charset", "utf-8")])
            .nl()
            .void(
                "meta",
                &[
                    ("name", "viewport"),
                    ("content", "width=device-width, initial-scale=1"),
                ],
            )
            .nl()
            .void(
                "meta",
                &[
                    ("http-equiv", "Content-Security-Policy"),
                    ("content", POLICY),
                ],
            )
            .nl()
            .void(
                "meta",
                &[("name", "color-scheme"), ("content", "light dark")],
            )
            .nl()
            .void("meta", &[("name", "generator"), ("content", "upward")])
            .nl()
            .element("title", &[], &self.title)
            .nl();
        let mut out = String::from("<!DOCTYPE html>\n");
        out.push_str(m.as_str());
        // The style sheet is the program's own constant, not text from a journal.
        out.push_str("<style>\n");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n");
        let mut body = Markup::new();
        body.open("body", &[("class", kind)])
            .nl()
            .open("main", &[])
            .push(&self.body)
            .open("footer", &[])
            .element("p", &[], footer)
            .close("footer")
            .close("main")
            .nl()
            .close("body")
            .nl()
            .close("html")
            .nl();
        out.push_str(body.as_str());
        out
    }
}

/// A figure: a chart with its legend and its text equivalent.
pub fn figure(chart: &Markup, legend: &Markup, table: Markup) -> Markup {
    let mut m = Markup::new();
    m.open("figure", &[])
        .wrap("div", &[("class", "chart")], chart)
        .push(legend)
        .close("figure")
        .nl()
        .push(&super::markup::as_table(table));
    m
}

/// A legend: a swatch of each class with its name (no swatch for an empty class).
pub fn legend(items: &[(&str, String)]) -> Markup {
    let mut m = Markup::new();
    m.open("ul", &[("class", "legend")]);
    for (class, name) in items {
        m.open("li", &[]);
        if !class.is_empty() {
            m.element("span", &[("class", class), ("aria-hidden", "true")], "");
        }
        m.text(name).close("li");
    }
    m.close("ul").nl();
    m
}

/// Headline figures: `<ul class="figures">` of (number, what).
pub fn figures(items: &[(String, &str)]) -> Markup {
    let mut m = Markup::new();
    m.open("ul", &[("class", "figures")]);
    for (n, what) in items {
        m.open("li", &[])
            .element("b", &[], n)
            .text(what)
            .close("li");
    }
    m.close("ul").nl();
    m
}

/// `text` with each `YYYY-MM-DD` in a span that never breaks across lines (a browser may
/// otherwise break a date at its hyphens: `2026-` at a line's end, `11-23` on the next).
fn unbroken_dates(text: &str) -> Markup {
    let mut m = Markup::new();
    let bytes = text.as_bytes();
    let is_date = |at: usize| {
        bytes.get(at..at + 10).is_some_and(|d| {
            d.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
        })
    };
    let (mut from, mut at) = (0, 0);
    while at < bytes.len() {
        if is_date(at) {
            m.text(&text[from..at]);
            m.element("span", &[("class", "nobr")], &text[at..at + 10]);
            at += 10;
            from = at;
        } else {
            at += 1;
        }
    }
    m.text(&text[from..]);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_a_title_never_break() {
        let m = unbroken_dates("Wins, 2025-11-23 to 2026-11-23 (é 12-34)");
        let html = m.into_string();
        assert_eq!(
            html,
            "Wins, <span class=\"nobr\">2025-11-23</span> to <span class=\"nobr\">2026-11-23</span> (é 12-34)"
        );
    }
}
