//! A [`Doc`] as Markdown (CommonMark with GitHub tables and task lists), stable for pasting
//! into a meeting doc, an update or a review.

use super::{Block, Check, Doc, Inline, Look, Table};

pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Title(text) => out.push_str(&format!("# {}\n", inline(text))),
            Block::Heading(text) => out.push_str(&format!("## {}\n", inline(text))),
            Block::Subheading(text) => out.push_str(&format!("### {}\n", inline(text))),
            Block::Para(text) => out.push_str(&format!("{}\n", inline(text))),
            Block::List(items) => {
                for item in items {
                    let mark = match item.check {
                        None => "-",
                        Some(Check::Open) => "- [ ]",
                        Some(Check::Done) => "- [x]",
                    };
                    out.push_str(&format!("{mark} {}\n", inline(&item.text)));
                    for quote in &item.quotes {
                        out.push_str(&format!("  > {quote}\n"));
                    }
                }
            }
            Block::Table(table) => out.push_str(&grid(table)),
            Block::Pre(lines) => {
                out.push_str("```text\n");
                for text in lines {
                    out.push_str(text.to_plain().trim_end());
                    out.push('\n');
                }
                out.push_str("```\n");
            }
            Block::Note(text) => {
                out.push_str(&format!("<!-- {} -->\n", text.replace("--", "- -")));
            }
        }
    }
    out
}

/// Runs as Markdown: `Strong` in `**`, `Code` in backticks, the rest escaped as text.
pub fn inline(text: &Inline) -> String {
    text.0
        .iter()
        .map(|(look, t)| match look {
            Look::Strong => format!("**{}**", escape(t)),
            Look::Code => format!("`{}`", t.replace('`', "'")),
            _ => escape(t),
        })
        .collect()
}

/// Escapes what would turn a journal's words into markup: `*`, backticks, `<`, `\\`, and `_`
/// at the edge of a word (inside a word, as in `snake_case`, it is plain text).
fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let edge = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_none_or(|c| !c.is_alphanumeric())
        };
        let escape = match c {
            '*' | '`' | '<' | '\\' => true,
            '_' => edge(i.checked_sub(1)) || edge(Some(i + 1)),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn grid(table: &Table) -> String {
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::new();
    out.push_str(&format!(
        "| {} |\n",
        table
            .header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let rule: Vec<&str> = (0..table.header.len())
        .map(|i| {
            if table.numeric.contains(&i) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(&inline(c))).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
