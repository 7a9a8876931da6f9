//! Lowering one entry: its header's tags, people and handle, its body items, and the tokens
//! and fields each kind requires.

use super::fields::field_error;
use super::{Cx, HandleAt, HandleUse, KEYS, Seen, when};
use crate::diag::{Diagnostic, Span, codes};
use crate::model::entry::{Entry, Fields, Item, ItemForm, Run};
use crate::model::intern::PersonId;
use crate::model::values;
use crate::syntax::{BodyForm, EntryNode, FieldKey, Kind, LineKind, Token, TokenKind};

impl Cx<'_, '_> {
    pub(super) fn entry(&mut self, e: &EntryNode) {
        let seq = self.out.next_seq;
        self.out.next_seq += 1;
        let header = self.doc.line_tokens(e.line);
        let kind_span = header
            .iter()
            .find(|t| t.kind() == TokenKind::Kind)
            .map_or(self.line_span(e.line), |t| self.span(t));
        let tags_start = self.out.tag_refs.len() as u32;
        let people_start = self.out.person_refs.len() as u32;
        let items_start = self.out.items.len() as u32;
        let mut fields = Fields::default();
        let mut seen: Seen = [None; KEYS];
        let mut handle_span = None;
        for t in header {
            match t.kind() {
                TokenKind::Tag => self.tag(t),
                TokenKind::Person => {
                    let p = self.person(t);
                    self.out.person_refs.push(p);
                }
                TokenKind::Handle => {
                    let span = self.span(t);
                    if handle_span.is_some() {
                        self.err(Diagnostic::error(
                            codes::HANDLE,
                            span,
                            "a header holds at most one ^handle",
                        ));
                    } else {
                        handle_span = Some(span);
                        self.handle_use(t, seq, HandleAt::Header, e);
                    }
                }
                _ => {}
            }
        }
        let header_tags = self.out.tag_refs.len() as u32 - tags_start;
        for f in self.fields_of(e.line) {
            self.field(e.kind, f, &mut fields, &mut seen);
        }
        let mut current: Option<usize> = None;
        for i in e.body.start..e.body.end {
            let LineKind::Body(form) = self.doc.lines[i as usize].kind else {
                continue;
            };
            let item_form = match form {
                BodyForm::Field(_) => {
                    for f in self.fields_of(i) {
                        self.field(e.kind, f, &mut fields, &mut seen);
                    }
                    continue;
                }
                BodyForm::Continuation => {
                    match current {
                        Some(item) => self.out.items[item].lines.1 = i,
                        None => {
                            for f in self.fields_of(i) {
                                self.field(e.kind, f, &mut fields, &mut seen);
                            }
                        }
                    }
                    self.body_tokens(e, i, seq, current, false);
                    continue;
                }
                BodyForm::Note => ItemForm::Note,
                BodyForm::Action(state) => ItemForm::Action(state),
                BodyForm::Question => ItemForm::Question,
                BodyForm::Quote => ItemForm::Quote,
            };
            let index = self.out.items.len();
            self.out.items.push(Item {
                form: item_form,
                file: self.file,
                lines: (i, i),
                owner: None,
                due: None,
                handle: None,
            });
            current = Some(index);
            self.body_tokens(e, i, seq, current, matches!(item_form, ItemForm::Action(_)));
        }
        let (tag_end, people_end) = (
            self.out.tag_refs.len() as u32,
            self.out.person_refs.len() as u32,
        );
        let has = Has {
            handle: handle_span.is_some(),
            tag: header_tags > 0,
            person: people_end > people_start,
        };
        self.required(e.kind, kind_span, &fields, has);
        if e.kind == Kind::Away
            && let Some(until) = fields.until.filter(|u| *u < e.date)
        {
            let span = seen[FieldKey::Until as usize].unwrap_or(kind_span);
            self.err(Diagnostic::error(
                codes::FIELD_VALUE,
                span,
                format!("`until:{until}` is before the entry's date {}", e.date),
            ));
            fields.until = None;
        }
        self.out.when.push(when(e.date, e.time));
        self.out.entries.push(Entry {
            file: self.file,
            line: e.line,
            date: e.date,
            time: e.time,
            kind: e.kind,
            bosses: Default::default(),
            handle: None,
            tags: Run::new(tags_start, tag_end),
            people: Run::new(people_start, people_end),
            items: Run::new(items_start, self.out.items.len() as u32),
            body_end: e.body.end,
            fields,
        });
    }

    /// Tags, handles, an action's owner and its fields, on one body line.
    pub(super) fn body_tokens(
        &mut self,
        e: &EntryNode,
        line: u32,
        seq: u32,
        item: Option<usize>,
        action: bool,
    ) {
        let tokens = self.doc.line_tokens(line);
        let text_start = self.doc.lines[line as usize].text_start;
        let is_item_line = item.is_some_and(|i| self.out.items[i].lines.0 == line);
        for (n, t) in tokens.iter().enumerate() {
            match t.kind() {
                TokenKind::Tag => self.tag(t),
                TokenKind::Handle => {
                    let at = item.map_or(HandleAt::Body, |i| HandleAt::Item(i as u32));
                    self.handle_use(t, seq, at, e)
                }
                TokenKind::Person if action && is_item_line && t.start() == text_start => {
                    let p = self.person(t);
                    if let Some(i) = item {
                        self.out.items[i].owner = Some(p);
                    }
                }
                TokenKind::FieldKey(key) if action => {
                    let key_span = self.span(t);
                    let Some(v) = tokens.get(n + 1) else { continue };
                    let value = &self.text[v.range()];
                    if key != FieldKey::Due {
                        self.err(Diagnostic::error(
                            codes::FIELD_KIND,
                            key_span,
                            format!("an action takes only `due:`, not `{key}:`"),
                        ));
                    } else if let (Some(date), Some(i)) = (values::parse_date(value), item) {
                        if self.out.items[i].due.is_some() {
                            self.err(Diagnostic::error(
                                codes::DUPLICATE_FIELD,
                                key_span,
                                "`due:` is given twice on this action",
                            ));
                        }
                        self.out.items[i].due = Some(date);
                    } else {
                        let span = Span::new(self.file, t.start() as usize, v.end() as usize);
                        self.err(field_error(key, value, span, "a date YYYY-MM-DD"));
                    }
                }
                _ => {}
            }
        }
    }

    /// Records a `^handle` for `resolve`, naming it by the index of its text.
    pub(super) fn handle_use(&mut self, t: &Token, seq: u32, at: HandleAt, e: &EntryNode) {
        let span = self.span(t);
        let name = super::handle_name(
            &mut self.out.handle_names,
            self.handles,
            &self.text[t.name_range()],
        );
        self.out.handle_uses.push(HandleUse {
            entry: seq,
            span,
            at,
            name,
            kind: e.kind,
            date: e.date,
        });
    }

    pub(super) fn tag(&mut self, t: &Token) {
        let tag = self.out.tags.intern(&self.text[t.name_range()]);
        self.out.tag_refs.push(tag);
    }

    pub(super) fn person(&mut self, t: &Token) -> PersonId {
        PersonId(self.out.people.intern(&self.text[t.name_range()]))
    }

    /// The tokens and fields each kind requires (docs/language.md §4).
    pub(super) fn required(&mut self, kind: Kind, span: Span, fields: &Fields, has: Has) {
        let mut missing = Vec::new();
        let needs_handle = matches!(
            kind,
            Kind::Promise | Kind::Done | Kind::Slip | Kind::Pitch | Kind::Decision
        );
        if needs_handle && !has.handle {
            missing.push("a ^handle");
        }
        if matches!(kind, Kind::Promise | Kind::Slip) && !fields.has(FieldKey::Due) {
            missing.push("`due:YYYY-MM-DD`");
        }
        if kind == Kind::Decision && !fields.has(FieldKey::Outcome) {
            missing.push("`outcome:accepted|declined|parked`");
        }
        if kind == Kind::Priority && !has.tag {
            missing.push("a #tag (its first tag is the priority's key)");
        }
        if kind == Kind::Escalate && !has.person {
            missing.push("the @person you went to");
        }
        if missing.is_empty() {
            return;
        }
        let example = match kind {
            Kind::Promise => "2026-11-03 promise ^risk-memo due:2026-11-05 Risk memo",
            Kind::Done => "2026-11-05 done ^risk-memo",
            Kind::Slip => "2026-11-05 slip ^risk-memo due:2026-11-12 waiting on numbers",
            Kind::Pitch => "2026-11-07 pitch ^event-sourcing Move billing to event sourcing",
            Kind::Decision => "2026-11-09 decision ^event-sourcing outcome:declined",
            Kind::Priority => "2026-11-02 priority #billing-v2 rank:1 Ship billing v2",
            _ => "2026-11-10 escalate @cto Asked for budget informed:@maria",
        };
        let list = match missing.len() {
            1 => missing[0].to_string(),
            _ => format!(
                "{} and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        self.err(
            Diagnostic::error(codes::MISSING, span, format!("this `{kind}` needs {list}"))
                .with_help(format!("for example `{example}`")),
        );
    }
}

/// Which tokens a header holds, for the required-token check.
pub(super) struct Has {
    handle: bool,
    tag: bool,
    person: bool,
}
