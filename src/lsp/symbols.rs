//! Document symbols: the file's directives and entries, each named by its date and kind.

use std::collections::HashMap;

use lsp_types as lsp;

use super::convert;
use super::documents::Analysis;
use crate::syntax::{DirectiveKind, Node};

pub fn symbols(a: &Analysis) -> Vec<lsp::DocumentSymbol> {
    let j = &a.journal;
    let source = a.source();
    let doc = a.doc();
    let entries: HashMap<u32, &crate::model::Entry> = j
        .entries
        .iter()
        .filter(|e| e.file == a.file)
        .map(|e| (e.line, e))
        .collect();
    let mut out = Vec::new();
    for node in &doc.nodes {
        let header = &doc.lines[node.line() as usize];
        let last = node
            .body()
            .end
            .checked_sub(1)
            .filter(|&l| l > node.line())
            .map_or(header, |l| &doc.lines[l as usize]);
        let line_text = source.text[header.content()].trim_end();
        let (name, detail, kind) = match node {
            Node::Entry(e) => {
                let time = e.time.map_or(String::new(), |t| format!(" {t}"));
                let detail = entries.get(&node.line()).map(|entry| j.text(entry));
                (
                    format!("{}{time} {}", e.date, e.kind),
                    detail,
                    lsp::SymbolKind::EVENT,
                )
            }
            Node::Directive(d) => {
                let kind = match d.kind {
                    DirectiveKind::Boss => lsp::SymbolKind::CLASS,
                    DirectiveKind::Scope => lsp::SymbolKind::NAMESPACE,
                    DirectiveKind::Include => lsp::SymbolKind::FILE,
                    DirectiveKind::Set => lsp::SymbolKind::CONSTANT,
                };
                let name = line_text.split(" ;").next().unwrap_or(line_text).trim_end();
                (name.to_string(), None, kind)
            }
        };
        #[allow(deprecated)]
        out.push(lsp::DocumentSymbol {
            name,
            detail: detail.filter(|d| !d.is_empty()),
            kind,
            tags: None,
            deprecated: None,
            range: convert::range(source, header.start as usize, last.end as usize),
            selection_range: convert::range(source, header.start as usize, header.end as usize),
            children: None,
        });
    }
    out
}
