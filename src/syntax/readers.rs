//! What each kind of line holds: an entry header's date, time and kind, a directive's
//! arguments, a body line's marker or field, each read into tokens of the tree.

use chrono::NaiveDate;

use super::body;
use super::header::{self, calendar_date, clock_time, date_shape, time_shape, whole};
use super::lines::{LineError, LineParser, Owner};
use super::names::{DirectiveKind, Kind, suggest};
use super::tree::{BodyForm, DirectiveNode, EntryNode, LineKind, Node, TokenKind};
use super::words::{self, Fields, WordTooLong, is_space, sigil, space_len, trim_end_len};
use crate::diag::{Diagnostic, codes};

impl LineParser {
    pub(super) fn unexpected(&self, at: usize, word: &str) -> LineError {
        let mut err = self.error(
            codes::SYNTAX,
            at,
            at + word.len(),
            format!(
                "expected an entry `YYYY-MM-DD kind …`, a directive, a `# heading` or a `;` comment at the start of a line, found `{}`",
                short(word)
            ),
        );
        let directives = DirectiveKind::ALL.iter().map(|d| d.as_str());
        let kinds = Kind::ALL.iter().map(|k| k.as_str());
        let help = if let Some(d) = suggest(word, directives) {
            format!("did you mean the directive `{d}`?")
        } else if word.starts_with('#') {
            "a heading needs a space after `#`: `# Week 12`".to_string()
        } else if Kind::from_word(word).is_some() || suggest(word, kinds).is_some() {
            "an entry starts with its date: `2026-11-23 did …`".to_string()
        } else {
            "indent the line with a space or a tab to continue the entry above".to_string()
        };
        *err.0 = err.0.with_help(help);
        err
    }

    /// The calendar date of a `YYYY-MM-DD` shape, read again only when it differs from the
    /// last one.
    pub(super) fn calendar_date(&mut self, text: &str) -> Option<NaiveDate> {
        if let Some((last, date)) = self.last_date
            && last == text.as_bytes()
        {
            return Some(date);
        }
        let date = calendar_date(text)?;
        self.last_date = text.as_bytes().try_into().ok().map(|t| (t, date));
        Some(date)
    }

    /// `entry_header = date , [ space , time ] , space , kind , rest ;`
    pub(super) fn header(&mut self, at: usize, s: &str) -> Result<(LineKind, usize), LineError> {
        let Some(date_text) = whole(date_shape, s) else {
            let w = header::word(s).map(|(_, w)| w).unwrap_or("");
            return Err(self.error(
                codes::DATE,
                at,
                at + w.len(),
                format!(
                    "expected a date `YYYY-MM-DD` at the start of the entry, found `{}`",
                    short(w)
                ),
            ));
        };
        let date = self.calendar_date(date_text).ok_or_else(|| {
            self.error(
                codes::DATE,
                at,
                at + 10,
                format!("`{date_text}` is not a calendar date"),
            )
        })?;
        self.push(TokenKind::Date, at, at + 10);
        let mut from = 10 + space_len(&s[10..]);
        let mut time = None;
        if let Some(t) = whole(time_shape, &s[from..]) {
            let t_at = at + from;
            time = Some(clock_time(t).ok_or_else(|| {
                self.error(
                    codes::TIME,
                    t_at,
                    t_at + 5,
                    format!("`{t}` is not a time of day; write `HH:MM` from 00:00 to 23:59"),
                )
            })?);
            self.push(TokenKind::Time, t_at, t_at + 5);
            from += 5;
            from += space_len(&s[from..]);
        }
        let rest = &s[from..];
        let k_at = at + from;
        let kind_word = header::word(rest)
            .ok()
            .map(|(_, w)| w)
            .filter(|w| !w.starts_with(';'));
        let Some(kind_word) = kind_word else {
            return Err(LineError::from(
                Diagnostic::error(
                    codes::MISSING,
                    self.span(k_at, k_at),
                    "an entry needs a kind after its date",
                )
                .with_help("for example `2026-11-23 did Fixed the retry queue`"),
            ));
        };
        let k_end = k_at + kind_word.len();
        let Some(kind) = Kind::from_word(kind_word) else {
            return Err(LineError::from(self.unknown_kind(k_at, kind_word)));
        };
        self.push(TokenKind::Kind, k_at, k_end);
        self.tokenize(k_end, &rest[kind_word.len()..], Fields::Read)?;
        self.doc.nodes.push(Node::Entry(EntryNode {
            line: 0,
            date,
            time,
            kind,
            body: 0..0,
        }));
        Ok((LineKind::Header(kind), k_end))
    }

    fn unknown_kind(&self, at: usize, w: &str) -> Diagnostic {
        let span = self.span(at, at + w.len());
        if header::looks_like_time(w) {
            return Diagnostic::error(
                codes::TIME,
                span,
                format!(
                    "`{w}` is not a time; write hours and minutes with two digits each, like `09:30`"
                ),
            );
        }
        let kinds = Kind::ALL.iter().map(|k| k.as_str());
        match suggest(w, kinds) {
            Some(near) => Diagnostic::error(
                codes::UNKNOWN_KIND,
                span,
                format!("unknown kind `{}`; did you mean `{near}`?", short(w)),
            )
            .with_fix(format!("change to `{near}`"), span, near),
            None => Diagnostic::error(
                codes::UNKNOWN_KIND,
                span,
                format!("unknown kind `{}`", short(w)),
            )
            .with_help(format!(
                "the kinds are {}",
                Kind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Tokenizes `text`, which starts at byte `at`.
    fn tokenize(&mut self, at: usize, text: &str, fields: Fields) -> Result<(), LineError> {
        words::tokenize(text, at, fields, &mut self.doc.tokens).map_err(
            |WordTooLong { start, len }| {
                self.error(
                    codes::TOO_LONG,
                    start,
                    start + len.min(16),
                    format!(
                        "this word is {len} bytes long; upward reads words of at most {} bytes",
                        words::MAX_WORD
                    ),
                )
            },
        )
    }

    /// A trailing comment, from its `;` to the last non-space byte.
    fn comment(&mut self, at: usize, comment: &str) {
        self.push(TokenKind::Comment, at, at + trim_end_len(comment));
    }

    pub(super) fn directive(
        &mut self,
        kind: DirectiveKind,
        at: usize,
        s: &str,
        keyword_len: usize,
    ) -> Result<(LineKind, usize), LineError> {
        let k_end = at + keyword_len;
        self.push(TokenKind::Keyword, at, k_end);
        let from = keyword_len + space_len(&s[keyword_len..]);
        let a = at + from;
        let (args, comment) = split_comment(&s[from..]);
        let args_text = &args[..trim_end_len(args)];
        let usage =
            |this: &Self, message: &str| this.error(codes::MISSING, at, k_end, message.to_string());
        match kind {
            DirectiveKind::Boss => {
                let person = header::word(args).ok().and_then(|(_, w)| {
                    sigil(w).filter(|(k, s, e)| *k == TokenKind::Person && *s == 0 && *e == w.len())
                });
                let Some((_, _, p_end)) = person else {
                    return Err(usage(
                        self,
                        "`boss` needs the boss's @id first: `boss @maria Maria Chen`",
                    ));
                };
                self.push(TokenKind::Person, a, a + p_end);
                let name = &args_text[p_end..];
                let name = &name[space_len(name)..];
                if !name.is_empty() {
                    let n = a + args_text.len() - name.len();
                    self.push(TokenKind::Argument, n, n + name.len());
                }
            }
            DirectiveKind::Scope => {
                if args_text.is_empty() {
                    return Err(usage(
                        self,
                        "`scope` needs at least one #tag: `scope #billing #oncall`",
                    ));
                }
                let mut offset = 0;
                for word in args_text.split(is_space) {
                    let w_at = a + offset;
                    offset += word.len() + 1;
                    if word.is_empty() {
                        continue;
                    }
                    match sigil(word) {
                        Some((TokenKind::Tag, 0, e)) if e == word.len() => {
                            self.push(TokenKind::Tag, w_at, w_at + e)
                        }
                        _ => {
                            return Err(self.error(
                                codes::SYNTAX,
                                w_at,
                                w_at + word.len(),
                                format!("`scope` takes only #tags; `{}` is not a tag", short(word)),
                            ));
                        }
                    }
                }
            }
            DirectiveKind::Include => {
                if args_text.is_empty() {
                    return Err(usage(self, "`include` needs a path: `include 2026/q4.up`"));
                }
                self.push(TokenKind::Argument, a, a + args_text.len());
            }
            DirectiveKind::Set => {
                let parts: Vec<&str> = args_text
                    .split(is_space)
                    .filter(|w| !w.is_empty())
                    .collect();
                if parts.len() != 2 {
                    return Err(usage(
                        self,
                        "`set` takes a rule code and `on`, `off` or a number: `set repitch 45`",
                    ));
                }
                let mut from = 0;
                for part in parts {
                    let p = args_text[from..].find(part).map_or(from, |i| from + i);
                    self.push(TokenKind::Argument, a + p, a + p + part.len());
                    from = p + part.len();
                }
            }
        }
        if let Some(c) = comment {
            self.comment(a + args.len(), c);
        }
        self.doc.directives.push(self.doc.nodes.len() as u32);
        self.doc.nodes.push(Node::Directive(DirectiveNode {
            line: 0,
            kind,
            body: 0..0,
        }));
        Ok((LineKind::Directive(kind), k_end))
    }

    pub(super) fn body_line(
        &mut self,
        at: usize,
        s: &str,
        indent: usize,
    ) -> Result<(LineKind, usize), LineError> {
        if matches!(self.owner, Owner::Nothing) {
            return Err(LineError::from(
                Diagnostic::error(codes::BODY, self.span(at, at + s.len()), "this indented line has no entry or directive above it")
                    .with_help("indented lines belong to the entry above; start an entry at column 0 with its date"),
            ));
        }
        let text = &s[indent..];
        let t_at = at + indent;
        if let Some(len) = header::header_start(text) {
            return Err(LineError::from(
                Diagnostic::error(
                    codes::INDENTED_ENTRY,
                    self.span(t_at, t_at + len),
                    "this indented line reads as an entry header; an entry header starts in column 0",
                )
                .with_help("remove the indentation to make it an entry, or start the line with `- ` to keep it as a note")
                .with_fix("remove the indentation", self.span(at, t_at), ""),
            ));
        }
        let (form, marker) = body::form(text);
        let after_marker = &text[marker..];
        let text_start = t_at + marker + space_len(after_marker);
        match form {
            BodyForm::Field(key) => {
                self.push(TokenKind::FieldKey(key), t_at, t_at + marker);
                let v_from = marker + space_len(after_marker);
                let (value, comment) = split_comment(&text[v_from..]);
                let v = t_at + v_from;
                self.push(TokenKind::FieldValue, v, v + trim_end_len(value));
                if let Some(c) = comment {
                    self.comment(v + value.len(), c);
                }
            }
            _ => {
                if marker > 0 {
                    self.push(TokenKind::Marker, t_at, t_at + marker);
                }
                let fields = match form {
                    BodyForm::Action(_) | BodyForm::Continuation => Fields::Read,
                    _ => Fields::Ignore,
                };
                self.tokenize(t_at + marker, after_marker, fields)?;
            }
        }
        Ok((LineKind::Body(form), text_start))
    }
}

/// Splits off a trailing comment: a `;` at the start of the text or after a space or tab.
fn split_comment(s: &str) -> (&str, Option<&str>) {
    let bytes = s.as_bytes();
    let found = memchr::memchr_iter(b';', bytes)
        .find(|&i| i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t');
    match found {
        Some(i) => (&s[..i], Some(&s[i..])),
        None => (s, None),
    }
}

/// A word cut short for a message.
pub(super) fn short(word: &str) -> String {
    const MAX: usize = 40;
    if word.chars().count() <= MAX {
        word.to_string()
    } else {
        format!("{}…", word.chars().take(MAX).collect::<String>())
    }
}
