//! `brag --format html`: the brag document as a page to print for a performance review. It
//! says what the Markdown says (the brag's own document), with each priority starting a new
//! printed page (A4 or Letter: the page's margins fit both) and the evidence as `file:line`.

use super::doc::{block, sections, title};
use super::markup::Markup;
use super::page::Page;
use crate::report::Report;
use crate::report::brag::{self, Brag};

pub fn page(brag: &Brag) -> String {
    let doc = brag.doc();
    let heading = title(&doc).unwrap_or_else(|| "Wins and initiatives".into());
    let mut page = Page::new(
        &heading,
        "For a performance review: each item with its date and the file:line it is written at",
    );
    let (intro, sections) = sections(&doc);
    let mut lead = Markup::new();
    for b in intro {
        lead.push(&block(b));
    }
    page.push(&lead);
    for (i, (heading, blocks)) in sections.iter().enumerate() {
        let mut content = Markup::new();
        for b in blocks {
            content.push(&block(b));
        }
        // Each priority starts a printed page; the feedback follows the last one.
        let feedback = heading == brag::FEEDBACK;
        let class = if i == 0 || feedback {
            ""
        } else {
            "break-before"
        };
        let id = if feedback {
            "feedback".to_string()
        } else {
            format!("group-{}", i + 1)
        };
        page.section_with(&id, heading, &content, class);
    }
    page.finish("brag", &format!("upward brag, {}", brag.until))
}
