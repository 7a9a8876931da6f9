//! `upward draft` printed: the Markdown of the draft (also in the terminal), with a trailing
//! comment line on its length and what was left out.

use super::draft::Draft;
use super::render::{Doc, Inline, Look};
use super::{Report, to_json};

impl Report for Draft {
    fn command(&self) -> &'static str {
        "draft"
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        for g in &self.groups {
            doc.para(match &g.priority {
                Some(p) if p.title.is_empty() => {
                    Inline::styled(Look::Strong, format!("#{}", p.key))
                }
                Some(p) => {
                    Inline::styled(Look::Strong, p.title.clone()).text(format!(" (#{})", p.key))
                }
                None => Inline::styled(Look::Strong, "Also"),
            });
            doc.list(
                g.items
                    .iter()
                    .map(|i| Inline::plain(i.text.clone()))
                    .collect(),
                "",
            );
        }
        if self.groups.is_empty() {
            doc.para(Inline::styled(
                Look::Dim,
                "Nothing new since the last update.",
            ));
        }
        let after = match &self.last_update {
            Some(u) => format!("since the update of {}", u.date),
            None => format!("since {} (no earlier update)", self.since),
        };
        let mut note = format!(
            "draft for @{} {after}: {} of {} words ({})",
            self.boss, self.words, self.limit, self.limit_from
        );
        if !self.left_out.is_empty() {
            let items: Vec<String> = self
                .left_out
                .iter()
                .map(|i| format!("{} {} \"{}\"", i.kind, i.entry.date, short(&i.entry.text)))
                .collect();
            note.push_str(&format!("; left out to fit: {}", items.join("; ")));
        }
        doc.note(note);
        doc
    }

    fn json(&self) -> String {
        to_json(self)
    }
}

/// The first eight words of a text, with `…` when there are more.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{}…", words[..8].join(" "))
    }
}
