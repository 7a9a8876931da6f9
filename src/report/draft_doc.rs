//! `upward draft` printed: the Markdown of the draft (in the terminal too), with a trailing
//! comment line on its length and what was left out.

use super::draft::{Draft, DraftItem, Section};
use super::render::{Doc, Inline, Look};
use super::{Report, to_json};

fn list(doc: &mut Doc, items: &[DraftItem]) {
    doc.list(
        items
            .iter()
            .map(|i| Inline::plain(i.text.clone()))
            .collect(),
        "",
    );
}

impl Report for Draft {
    fn command(&self) -> &'static str {
        "draft"
    }

    fn term_is_markdown(&self) -> bool {
        true
    }

    fn doc(&self) -> Doc {
        let mut doc = Doc::new();
        for (section, items) in [(Section::Risks, &self.risks), (Section::Asks, &self.asks)] {
            if !items.is_empty() {
                doc.heading(section.title());
                list(&mut doc, items);
            }
        }
        if !self.done.is_empty() {
            doc.heading(Section::Done.title());
        }
        for g in &self.done {
            doc.para(match &g.priority {
                Some(p) if p.title.is_empty() => {
                    Inline::styled(Look::Strong, format!("#{}", p.key))
                }
                Some(p) => {
                    Inline::styled(Look::Strong, p.title.clone()).text(format!(" (#{})", p.key))
                }
                None => Inline::styled(Look::Strong, "Also"),
            });
            list(&mut doc, &g.items);
        }
        if !self.next.is_empty() {
            doc.heading(Section::Next.title());
            list(&mut doc, &self.next);
        }
        let nothing = self.risks.is_empty()
            && self.asks.is_empty()
            && self.done.is_empty()
            && self.next.is_empty();
        if nothing && self.left_out.is_empty() {
            doc.para(Inline::plain("Nothing new since the last update."));
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
                .map(|i| format!("{} {} \"{}\"", i.kind, i.entry.date, short(&i.text)))
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
