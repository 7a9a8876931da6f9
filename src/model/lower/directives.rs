//! Lowering the directives: `boss` with its fields, `scope`, `set`, and `include`'s empty body.

use super::fields::{field_error, not_taken, twice};
use super::{Cx, KEYS, Lowered, Seen};
use crate::diag::{Diagnostic, Span, codes};
use crate::model::entry::{Boss, MAX_BOSSES};
use crate::model::intern::PersonId;
use crate::model::values::{self, Detail, Rhythm};
use crate::syntax::{
    BodyForm, DirectiveKind, DirectiveNode, FieldHost, FieldKey, LineKind, Token, TokenKind,
};

impl Cx<'_, '_> {
    pub(super) fn directive(&mut self, d: &DirectiveNode) {
        let tokens = self.doc.line_tokens(d.line);
        let body_lines: Vec<u32> = (d.body.start..d.body.end)
            .filter(|i| matches!(self.doc.lines[*i as usize].kind, LineKind::Body(_)))
            .collect();
        match d.kind {
            DirectiveKind::Boss => self.boss(d.line, tokens, &body_lines),
            DirectiveKind::Scope => {
                for &line in &body_lines {
                    self.scope_body_line(line);
                }
                for line in std::iter::once(d.line).chain(body_lines.iter().copied()) {
                    for t in self.doc.line_tokens(line) {
                        if t.kind() == TokenKind::Tag {
                            let tag = self.out.tags.intern(&self.text[t.name_range()]);
                            self.out.scope.push(tag);
                        }
                    }
                }
            }
            DirectiveKind::Include | DirectiveKind::Set => {
                if let Some(&first) = body_lines.first() {
                    let span = self.line_span(first);
                    self.err(Diagnostic::error(
                        codes::BODY,
                        span,
                        format!("`{}` takes no indented lines", d.kind),
                    ));
                }
                if d.kind == DirectiveKind::Set {
                    let args: Vec<&Token> = tokens
                        .iter()
                        .filter(|t| t.kind() == TokenKind::Argument)
                        .collect();
                    if let [code, value] = args[..] {
                        let (cs, vs) = (self.span(code), self.span(value));
                        let (c, v) = (&self.text[code.range()], &self.text[value.range()]);
                        if let Err(diag) = self.out.settings.apply(c, cs, v, vs) {
                            self.err(diag);
                        }
                    }
                }
            }
        }
    }

    /// A `scope` body line lists more tags, and nothing else.
    pub(super) fn scope_body_line(&mut self, line: u32) {
        let l = self.doc.lines[line as usize];
        let tokens = self.doc.line_tokens(line);
        let stray = super::super::text::words(self.text, self.doc, &l, line).find(|w| {
            !tokens.iter().any(|t| {
                t.kind() == TokenKind::Tag
                    && t.start() as usize == w.start
                    && t.range().len() == w.text.len()
            })
        });
        if let Some(w) = stray {
            let span = Span::new(self.file, w.start, w.start + w.text.len());
            self.err(Diagnostic::error(
                codes::SYNTAX,
                span,
                format!("`scope` takes only #tags; `{}` is not a tag", w.text),
            ));
        }
    }

    pub(super) fn boss(&mut self, line: u32, tokens: &[Token], body_lines: &[u32]) {
        let Some(person) = tokens.iter().find(|t| t.kind() == TokenKind::Person) else {
            return;
        };
        let id = self.text[person.name_range()].to_lowercase();
        let name = tokens
            .iter()
            .find(|t| t.kind() == TokenKind::Argument)
            .map_or(String::new(), |t| self.text[t.range()].to_string());
        let span = self.line_span(line);
        if self.out.bosses.len() >= MAX_BOSSES {
            self.err(Diagnostic::error(
                codes::BOSS,
                span,
                format!("a journal holds at most {MAX_BOSSES} `boss` directives"),
            ));
            return;
        }
        let mut boss = Boss {
            person: PersonId(self.out.people.intern(&id)),
            id,
            name,
            cadence: Rhythm::Weekly,
            updates: Rhythm::Weekly,
            detail: Detail::Concise,
            words: None,
            channel: None,
            since: None,
            until: None,
            span,
        };
        let mut seen: Seen = [None; KEYS];
        let mut in_note = false;
        for &l in body_lines {
            let form = self.doc.lines[l as usize].kind;
            in_note = match form {
                LineKind::Body(BodyForm::Note) => true,
                LineKind::Body(BodyForm::Continuation) => in_note,
                _ => false,
            };
            if !in_note && !matches!(form, LineKind::Body(BodyForm::Field(_))) {
                let span = self.line_span(l);
                self.err(Diagnostic::error(
                    codes::BODY,
                    span,
                    "a `boss` body holds only its fields (cadence:, updates:, detail:, words:, channel:, since:, until:) and `- notes`",
                ));
            }
            for f in self.fields_of(l) {
                if !f.key.taken_by(FieldHost::Boss) {
                    self.err(not_taken(f.key, f.key_span, "a `boss` directive"));
                    continue;
                }
                if let Some(first) = seen[f.key as usize] {
                    self.err(twice(f.key, f.key_span, first));
                    continue;
                }
                seen[f.key as usize] = Some(f.key_span);
                let bad = |what: &str| field_error(f.key, f.value, f.span, what);
                match f.key {
                    FieldKey::Cadence | FieldKey::Updates => match Rhythm::parse(f.value) {
                        Some(r) if f.key == FieldKey::Cadence => boss.cadence = r,
                        Some(r) => boss.updates = r,
                        None => self.err(bad(
                            "daily, weekly, biweekly, monthly, N/week, N/month or none",
                        )),
                    },
                    FieldKey::Detail => match Detail::parse(f.value) {
                        Some(d) => boss.detail = d,
                        None => self.err(bad("concise or detailed")),
                    },
                    FieldKey::Words => match values::parse_positive(f.value) {
                        Some(n) => boss.words = Some(n),
                        None => self.err(bad("a whole number ≥ 1")),
                    },
                    FieldKey::Channel => boss.channel = Some(f.value.to_string()),
                    FieldKey::Since | FieldKey::Until => match values::parse_date(f.value) {
                        Some(d) if f.key == FieldKey::Since => boss.since = Some(d),
                        Some(d) => boss.until = Some(d),
                        None => self.err(bad("a date YYYY-MM-DD")),
                    },
                    _ => {}
                }
            }
        }
        if let (Some(since), Some(until)) = (boss.since, boss.until)
            && until < since
        {
            self.err(Diagnostic::error(
                codes::BOSS,
                span,
                format!("`until: {until}` is before `since: {since}`"),
            ));
        }
        self.out.bosses.push(boss);
    }
}

/// Two `boss` directives for one person must not cover the same day.
pub(super) fn check_boss_ranges(out: &mut Lowered) {
    let mut errors = Vec::new();
    for (i, b) in out.bosses.iter().enumerate() {
        for a in &out.bosses[..i] {
            if a.person != b.person {
                continue;
            }
            let starts_before_end = a.until.is_none_or(|u| b.since.is_none_or(|s| s <= u));
            let ends_after_start = b.until.is_none_or(|u| a.since.is_none_or(|s| s <= u));
            if starts_before_end && ends_after_start {
                errors.push(
                    Diagnostic::error(
                        codes::BOSS,
                        b.span,
                        format!("@{} is declared as a boss twice for overlapping dates; give each `boss` line its own `since:`/`until:`", b.id),
                    )
                    .with_related(a.span, "first declared here"),
                );
                break;
            }
        }
    }
    out.diagnostics.extend(errors);
}
