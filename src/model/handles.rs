//! Handles: each `^name` defined by a promise, pitch or problem, and every use of it checked
//! against its definition.

use chrono::NaiveDate;

use super::Journal;
use super::entry::{EntryId, Handle, HandleId, HandleKind};
use super::lower::{HandleAt, HandleNames, HandleUse};
use crate::diag::{Diagnostic, codes};
use crate::syntax::Kind;

/// What resolving handles gives, before it is written into the journal.
#[derive(Default)]
pub(super) struct FoundHandles {
    pub(super) handles: Vec<Handle>,
    /// The handle of each entry that has one, in the order found (a later one wins).
    pub(super) of_entries: Vec<(EntryId, HandleId)>,
    /// The handle of each body item that refers to one.
    pub(super) of_items: Vec<(u32, HandleId)>,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl Journal {
    /// Defines handles, then resolves every reference to them, in date order: `uses` are
    /// sorted by entry and position ([`super::order::sort_entries`]). `names` holds each handle name that
    /// `uses` refer to by index.
    pub(super) fn find_handles(&self, uses: &[HandleUse], names: &HandleNames) -> FoundHandles {
        let mut found = FoundHandles::default();
        let text = |name: u32| names.get(name);
        // The handle each name defines, and the date of its defining entry.
        let mut index: Vec<Option<(u32, NaiveDate)>> = vec![None; names.len()];
        let defines = |u: &HandleUse| HandleKind::of(u.kind).filter(|_| u.at == HandleAt::Header);
        found
            .handles
            .reserve(uses.iter().filter(|u| defines(u).is_some()).count());
        // Pass 1: definitions (promise, pitch, problem headers).
        for u in uses {
            let id = u.entry;
            let Some(kind) = defines(u) else {
                continue;
            };
            match index[u.name as usize] {
                None => {
                    index[u.name as usize] = Some((found.handles.len() as u32, u.date));
                    found.handles.push(Handle {
                        name: text(u.name).into(),
                        kind,
                        def: id,
                        repitches: Vec::new(),
                        slips: Vec::new(),
                        done: None,
                        decisions: Vec::new(),
                    });
                    found.of_entries.push((id, found.handles.len() as u32 - 1));
                }
                Some((h, _))
                    if found.handles[h as usize].kind == HandleKind::Pitch
                        && kind == HandleKind::Pitch =>
                {
                    found.handles[h as usize].repitches.push(id);
                    found.of_entries.push((id, h));
                }
                Some((h, _)) => {
                    let h = &found.handles[h as usize];
                    let def = &self.entries[h.def as usize];
                    let name = text(u.name);
                    let message = if h.kind == kind {
                        format!(
                            "handle `^{name}` is already defined by the {} of {}",
                            kind.as_str(),
                            def.date
                        )
                    } else {
                        format!(
                            "handle `^{name}` already names a {}; a {} needs a handle of its own",
                            h.kind.as_str(),
                            kind.as_str()
                        )
                    };
                    found.diagnostics.push(
                        Diagnostic::error(codes::HANDLE, u.span, message)
                            .with_related(self.entry_span(def), "defined here"),
                    );
                }
            }
        }
        // Pass 2: references, closes, slips and decisions.
        for u in uses {
            let id = u.entry;
            let (kind, date) = (u.kind, u.date);
            if defines(u).is_some() {
                continue;
            }
            let Some((h, def_date)) = index[u.name as usize] else {
                let name = text(u.name);
                let known = found.handles.iter().map(|h| &*h.name);
                let help = match crate::syntax::names::suggest(name, known) {
                    Some(near) => format!("did you mean `^{near}`?"),
                    None => "a handle is defined by a `promise`, `pitch` or `problem` entry".into(),
                };
                found.diagnostics.push(
                    Diagnostic::error(codes::HANDLE, u.span, format!("unknown handle `^{name}`"))
                        .with_help(help),
                );
                continue;
            };
            let handle = &found.handles[h as usize];
            let needs = match (u.at, kind) {
                (HandleAt::Header, Kind::Done) => {
                    Some(&[HandleKind::Promise, HandleKind::Problem][..])
                }
                (HandleAt::Header, Kind::Slip) => Some(&[HandleKind::Promise][..]),
                (HandleAt::Header, Kind::Decision) => {
                    Some(&[HandleKind::Pitch, HandleKind::Problem][..])
                }
                _ => None,
            };
            let wrong_kind = needs.is_some_and(|kinds| !kinds.contains(&handle.kind));
            if wrong_kind || date < def_date {
                let def = self.entry_span(&self.entries[handle.def as usize]);
                let name = text(u.name);
                let message = if wrong_kind {
                    let what = match needs {
                        Some([_]) => "a promise",
                        Some([HandleKind::Promise, _]) => "a promise or a problem",
                        _ => "a pitch or a problem",
                    };
                    format!(
                        "`{kind}` needs {what}, but `^{name}` names a {}",
                        handle.kind.as_str()
                    )
                } else {
                    format!(
                        "`^{name}` is used on {date}, before the {} that defines it on {def_date}",
                        handle.kind.as_str()
                    )
                };
                found.diagnostics.push(
                    Diagnostic::error(codes::HANDLE, u.span, message)
                        .with_related(def, "defined here"),
                );
                continue;
            }
            match u.at {
                HandleAt::Item(item) => found.of_items.push((item, h)),
                HandleAt::Body => {}
                HandleAt::Header => {
                    found.of_entries.push((id, h));
                    let handle = &mut found.handles[h as usize];
                    match kind {
                        Kind::Done if handle.done.is_none() => handle.done = Some(id),
                        Kind::Slip => handle.slips.push(id),
                        Kind::Decision => handle.decisions.push(id),
                        _ => {}
                    }
                }
            }
        }
        found
    }
}
