//! A report's [`Doc`] (headings, paragraphs, lists, tables) as HTML: what a page shows where
//! it needs no chart, so that the page says what the terminal and Markdown say.

use super::markup::Markup;
use crate::report::render::{Block, Check, Doc, Inline, Look, Table};

/// A run of looks as spans: strong text, code (a `file:line`), and classes for the rest.
pub fn inline(text: &Inline) -> Markup {
    let mut m = Markup::new();
    for (look, run) in &text.0 {
        match look {
            Look::Plain => {
                m.text(run);
            }
            Look::Strong => {
                m.element("strong", &[], run);
            }
            Look::Code => {
                m.element("code", &[("class", "at")], run);
            }
            Look::Dim | Look::Away | Look::Shade(_) => {
                m.element("span", &[("class", "muted")], run);
            }
            Look::Good => {
                m.element("span", &[("class", "good")], run);
            }
            Look::Warn => {
                m.element("span", &[("class", "warn")], run);
            }
            Look::Bad => {
                m.element("span", &[("class", "bad")], run);
            }
        }
    }
    m
}

/// A table with a caption; `numeric` columns are aligned right.
pub fn table(caption: &str, t: &Table) -> Markup {
    let mut m = Markup::new();
    m.open("div", &[("class", "scroll")])
        .open("table", &[])
        .element("caption", &[], caption)
        .open("thead", &[])
        .open("tr", &[]);
    for h in &t.header {
        m.element("th", &[("scope", "col")], h);
    }
    m.close("tr").close("thead").open("tbody", &[]).nl();
    for row in &t.rows {
        m.open("tr", &[]);
        for (i, cell) in row.iter().enumerate() {
            let class: &[(&'static str, &str)] = if t.numeric.contains(&i) {
                &[("class", "num")]
            } else {
                &[]
            };
            m.wrap("td", class, &inline(cell));
        }
        m.close("tr").nl();
    }
    m.close("tbody").close("table").close("div").nl();
    m
}

/// One block (a title or heading is left to the page, which makes sections of them).
pub fn block(b: &Block) -> Markup {
    let mut m = Markup::new();
    match b {
        Block::Title(t) | Block::Heading(t) => {
            m.wrap("h2", &[], &inline(t));
        }
        Block::Subheading(t) => {
            m.wrap("h3", &[], &inline(t));
        }
        Block::Para(t) => {
            m.wrap("p", &[], &inline(t));
        }
        Block::Note(t) => {
            m.element("p", &[("class", "note")], t);
        }
        Block::List(items) => {
            m.open("ul", &[("class", "entries")]).nl();
            for item in items {
                m.open("li", &[]);
                match item.check {
                    Some(Check::Open) => m.text("☐ "),
                    Some(Check::Done) => m.text("☑ "),
                    None => &mut m,
                };
                m.push(&inline(&item.text));
                for quote in &item.quotes {
                    m.element("blockquote", &[], quote);
                }
                m.close("li").nl();
            }
            m.close("ul");
        }
        Block::Table(t) => {
            m.push(&table("", t));
        }
        Block::Pre(lines) => {
            m.open("pre", &[]);
            for line in lines {
                m.push(&inline(line)).nl();
            }
            m.close("pre");
        }
    }
    m.nl();
    m
}

/// A document cut at its headings: the blocks before the first heading, then each heading's
/// text with its blocks.
pub fn sections(doc: &Doc) -> (Vec<&Block>, Vec<(String, Vec<&Block>)>) {
    let mut intro = Vec::new();
    let mut sections: Vec<(String, Vec<&Block>)> = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Title(_) => {}
            Block::Heading(t) => sections.push((t.to_plain(), Vec::new())),
            other => match sections.last_mut() {
                Some((_, blocks)) => blocks.push(other),
                None => intro.push(other),
            },
        }
    }
    (intro, sections)
}

/// The document's title, if it has one.
pub fn title(doc: &Doc) -> Option<String> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(t.to_plain()),
        _ => None,
    })
}
