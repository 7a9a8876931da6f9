//! Syntax → typed model parts: entries with their fields and body items, bosses, scope, settings.
//! Everything here looks at one node at a time; what needs the whole journal is in `resolve`.

use std::num::NonZeroU32;

use chrono::NaiveDate;

use super::entry::{Boss, Entry, Fields, Informed, Item, ItemForm, MAX_BOSSES};
use super::intern::{FastMap, Names, PersonId, TagId, Tags};
use super::load::{Loaded, NodeRun};
use super::settings::{self, Settings};
use super::values::{self, Detail, Outcome, Rhythm, Status, Tone};
use crate::diag::{Diagnostic, FileId, Span, codes};
use crate::syntax::{
    BodyForm, Clock, DirectiveKind, DirectiveNode, Document, EntryNode, FieldHost, FieldKey, Kind,
    LineKind, Node, Token, TokenKind,
};

/// The names of handles in the order they were met, side by side in one string: resolving
/// reads each name again, and from here rather than from the file, whose text is too large to
/// stay in the cache.
#[derive(Clone, Debug, Default)]
pub struct HandleNames {
    text: String,
    /// Where each name ends in `text`.
    ends: Vec<u32>,
}

impl HandleNames {
    pub fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len() as u32);
    }

    pub fn get(&self, index: u32) -> &str {
        let i = index as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }
}

/// A `^handle` met while lowering, resolved once every entry is known.
#[derive(Clone, Debug)]
pub struct HandleUse {
    /// The entry: its load order while lowering, its index once entries are sorted
    /// ([`super::resolve::sort_entries`]).
    pub entry: u32,
    pub span: Span,
    /// `None` for the header's handle; else the body item it stands in, if any.
    pub item: Option<Option<u32>>,
    /// The handle's name, as an index into [`Lowered::handle_names`].
    pub name: u32,
    /// The entry's kind and date, so that resolving needs not look the entry up.
    pub kind: Kind,
    pub date: NaiveDate,
}

/// What lowering produces, before entries are sorted and handles resolved.
#[derive(Debug, Default)]
pub struct Lowered {
    pub entries: Vec<Entry>,
    /// Each entry's [`when`], in the same order: what entries are sorted by.
    pub when: Vec<u64>,
    pub bosses: Vec<Boss>,
    pub scope: Vec<TagId>,
    pub settings: Settings,
    pub tags: Tags,
    pub people: Names,
    pub tag_refs: Vec<TagId>,
    pub person_refs: Vec<PersonId>,
    pub items: Vec<Item>,
    pub handle_uses: Vec<HandleUse>,
    /// Each handle name met, without its `^`; names compare as written.
    pub handle_names: HandleNames,
    /// The load order of the next entry lowered.
    pub next_seq: u32,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn lower(loaded: &Loaded) -> Lowered {
    lower_with(loaded, crate::threads::worth_splitting)
}

/// [`lower`], with `split` saying from the number of entries whether to lower them on two
/// threads.
pub(super) fn lower_with(loaded: &Loaded, split: fn(usize) -> bool) -> Lowered {
    let nodes = loaded
        .order
        .iter()
        .map(|run| run.nodes.len())
        .sum::<usize>();
    let cut = super::parallel::cut(nodes);
    let census = Census::of(loaded, cut);
    let mut out = Lowered {
        items: Vec::with_capacity(body_items(loaded)),
        ..Lowered::default()
    };
    let mut handles = FastMap::default();
    // Directives are journal-wide wherever they stand: read them all first.
    for &(file, d) in &census.directives {
        cx(&mut out, &mut handles, loaded, file).directive(d);
    }
    check_boss_ranges(&mut out);
    if split(census.entries) {
        super::parallel::lower_split(
            &mut out,
            &mut handles,
            loaded,
            census.entries,
            census.early,
            cut,
        );
    } else {
        out.entries.reserve_exact(census.entries);
        out.when.reserve_exact(census.entries);
        handles.reserve(handle_room(census.entries));
        lower_entries(&mut out, &mut handles, loaded, &loaded.order, |_| {});
    }
    out
}

/// Room for the distinct handle names of `entries` entries, so that the table of names
/// rarely grows: growing rehashes every name, each read back from its place in the text.
pub(super) fn handle_room(entries: usize) -> usize {
    entries / 8
}

/// What lowering needs before it starts, from the directives of each tree: every other node
/// is an entry.
struct Census<'a> {
    entries: usize,
    /// The entries before node number `cut` of the load order.
    early: usize,
    /// In load order.
    directives: Vec<(FileId, &'a DirectiveNode)>,
}

impl<'a> Census<'a> {
    fn of(loaded: &'a Loaded, cut: usize) -> Self {
        let mut directives = Vec::new();
        let (mut nodes, mut before_cut) = (0, 0);
        for run in &loaded.order {
            let doc = &loaded.docs[run.file.0 as usize];
            let from = doc.directives.partition_point(|&d| d < run.nodes.start);
            let to = doc.directives.partition_point(|&d| d < run.nodes.end);
            for &d in &doc.directives[from..to] {
                before_cut += usize::from(nodes + ((d - run.nodes.start) as usize) < cut);
                if let Node::Directive(directive) = &doc.nodes[d as usize] {
                    directives.push((run.file, directive));
                }
            }
            nodes += run.nodes.len();
        }
        Census {
            entries: nodes - directives.len(),
            early: cut.min(nodes) - before_cut,
            directives,
        }
    }
}

/// The number of body items (notes, actions, questions, quotes) in every file.
fn body_items(loaded: &Loaded) -> usize {
    (loaded.docs.iter().flat_map(|d| &d.lines))
        .filter(|l| {
            matches!(
                l.kind,
                LineKind::Body(
                    BodyForm::Note | BodyForm::Action(_) | BodyForm::Question | BodyForm::Quote
                )
            )
        })
        .count()
}

/// A date and time of day as one number that sorts like (date, untimed first, time): the
/// day in the high bits, then [`WHEN_TIME_BITS`] bits for the time of day.
pub fn when(date: NaiveDate, time: Option<Clock>) -> u64 {
    use chrono::Datelike;
    let day = (i64::from(date.num_days_from_ce()) - i64::from(i32::MIN)) as u64;
    day << WHEN_TIME_BITS | time.map_or(0, |t| 1 + u64::from(t.minute_of_day()))
}

/// The low bits of [`when`] that hold the time of day: 1 + the minute, 0 for none.
const WHEN_TIME_BITS: u32 = 11;

/// Lowers the entries among the nodes of `runs` in order, calling `after` after each.
pub(super) fn lower_entries<'a>(
    out: &mut Lowered,
    handles: &mut FastMap<&'a str, u32>,
    loaded: &'a Loaded,
    runs: &[NodeRun],
    mut after: impl FnMut(&mut Lowered),
) {
    for (r, node) in loaded.nodes(runs) {
        if let Node::Entry(e) = node {
            cx(out, handles, loaded, r.file).entry(e);
            after(out);
        }
    }
}

/// A lowering context for one file.
fn cx<'c, 'a>(
    out: &'c mut Lowered,
    handles: &'c mut FastMap<&'a str, u32>,
    loaded: &'a Loaded,
    file: FileId,
) -> Cx<'c, 'a> {
    Cx {
        out,
        handles,
        file,
        doc: &loaded.docs[file.0 as usize],
        text: &loaded.sources.get(file).text,
    }
}

struct Cx<'c, 'a> {
    out: &'c mut Lowered,
    /// Handle names met so far, by text, with their index in `out.handle_names`.
    handles: &'c mut FastMap<&'a str, u32>,
    file: FileId,
    doc: &'a Document,
    text: &'a str,
}

/// How many field keys there are.
const KEYS: usize = FieldKey::ALL.len();

/// Where each field key was first given on an entry or directive.
type Seen = [Option<Span>; KEYS];

/// The key and value of one field, as written.
struct FieldUse<'t> {
    key: FieldKey,
    key_span: Span,
    value: &'t str,
    span: Span,
}

impl<'a> Cx<'_, 'a> {
    fn span(&self, t: &Token) -> Span {
        Span::new(self.file, t.start() as usize, t.end() as usize)
    }

    fn line_span(&self, line: u32) -> Span {
        let l = &self.doc.lines[line as usize];
        Span::new(self.file, l.start as usize, l.end as usize)
    }

    fn err(&mut self, diag: Diagnostic) {
        self.out.diagnostics.push(diag);
    }

    /// The fields of a line: each `FieldKey` token with the `FieldValue` after it.
    fn fields_of(&self, line: u32) -> impl Iterator<Item = FieldUse<'a>> + 'a {
        let (text, file) = (self.text, self.file);
        self.doc.line_fields(line).map(move |(key, k, v)| FieldUse {
            key,
            key_span: Span::new(file, k.start() as usize, k.end() as usize),
            value: &text[v.range()],
            span: Span::new(file, k.start() as usize, v.end() as usize),
        })
    }

    fn directive(&mut self, d: &DirectiveNode) {
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
                            let tag = self
                                .out
                                .tags
                                .intern(&self.text[t.start() as usize + 1..t.end() as usize]);
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
    fn scope_body_line(&mut self, line: u32) {
        let l = self.doc.lines[line as usize];
        let tokens = self.doc.line_tokens(line);
        let stray = super::text::words(self.text, self.doc, &l, line).find(|w| {
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

    fn boss(&mut self, line: u32, tokens: &[Token], body_lines: &[u32]) {
        let Some(person) = tokens.iter().find(|t| t.kind() == TokenKind::Person) else {
            return;
        };
        let id = self.text[person.start() as usize + 1..person.end() as usize].to_lowercase();
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

    fn entry(&mut self, e: &EntryNode) {
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
                        self.handle_use(t, seq, None, e);
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
            tags: (tags_start, tag_end),
            people: (people_start, people_end),
            items: (items_start, self.out.items.len() as u32),
            body_end: e.body.end,
            fields,
        });
    }

    /// Tags, handles, an action's owner and its fields, on one body line.
    fn body_tokens(
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
                TokenKind::Handle => self.handle_use(t, seq, Some(item.map(|i| i as u32)), e),
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
    fn handle_use(&mut self, t: &Token, seq: u32, item: Option<Option<u32>>, e: &EntryNode) {
        let span = self.span(t);
        let next = self.out.handle_names.len() as u32;
        let text = &self.text[t.start() as usize + 1..t.end() as usize];
        let name = *self.handles.entry(text).or_insert(next);
        if name == next {
            self.out.handle_names.push(text);
        }
        self.out.handle_uses.push(HandleUse {
            entry: seq,
            span,
            item,
            name,
            kind: e.kind,
            date: e.date,
        });
    }

    fn tag(&mut self, t: &Token) {
        let tag = self
            .out
            .tags
            .intern(&self.text[t.start() as usize + 1..t.end() as usize]);
        self.out.tag_refs.push(tag);
    }

    fn person(&mut self, t: &Token) -> PersonId {
        PersonId(
            self.out
                .people
                .intern(&self.text[t.start() as usize + 1..t.end() as usize]),
        )
    }

    fn field(&mut self, kind: Kind, f: FieldUse, fields: &mut Fields, seen: &mut Seen) {
        if !f.key.taken_by(FieldHost::Entry(kind)) {
            self.err(not_taken(f.key, f.key_span, &format!("`{kind}`")));
            return;
        }
        if let Some(first) = seen[f.key as usize] {
            self.err(twice(f.key, f.key_span, first));
            return;
        }
        seen[f.key as usize] = Some(f.key_span);
        fields.present |= 1 << f.key as u32;
        let bad = |what: &str| field_error(f.key, f.value, f.span, what);
        let value_span = Span::new(
            self.file,
            f.span.end as usize - f.value.len(),
            f.span.end as usize,
        );
        // Stores a parsed value, or yields the error for a value of the wrong form.
        macro_rules! typed {
            ($slot:expr, $parsed:expr, $expected:expr) => {
                match $parsed {
                    Some(value) => {
                        $slot = Some(value);
                        None
                    }
                    None => Some(bad($expected)),
                }
            };
        }
        let error = match f.key {
            FieldKey::Due => typed!(fields.due, values::parse_date(f.value), "a date YYYY-MM-DD"),
            FieldKey::Until => typed!(
                fields.until,
                values::parse_date(f.value),
                "a date YYYY-MM-DD"
            ),
            FieldKey::Rank => typed!(
                fields.rank,
                values::parse_positive(f.value).and_then(NonZeroU32::new),
                "a whole number ≥ 1"
            ),
            FieldKey::Status if kind == Kind::Done => typed!(
                fields.status,
                Status::parse(f.value).filter(|s| *s == Status::Dropped),
                "only `dropped` on a `done` (without it, the promise was kept)"
            ),
            FieldKey::Status => typed!(
                fields.status,
                Status::parse(f.value),
                "active, done or dropped"
            ),
            FieldKey::Dur => typed!(
                fields.dur,
                values::parse_duration(f.value).and_then(values::Minutes::new),
                "a duration like 30m, 1h or 1h30m"
            ),
            FieldKey::Tone => typed!(
                fields.tone,
                Tone::parse(f.value),
                "positive, negative, mixed or neutral"
            ),
            FieldKey::Outcome => typed!(
                fields.outcome,
                Outcome::parse(f.value),
                "accepted, declined or parked"
            ),
            FieldKey::Informed => {
                let parsed = values::Informed::parse(f.value).map(|i| match i {
                    values::Informed::Person(p) => {
                        Informed::Person(PersonId(self.out.people.intern(&p)))
                    }
                    values::Informed::Yes => Informed::Yes,
                    values::Informed::No => Informed::No,
                });
                typed!(fields.informed, parsed, "@person, yes or no")
            }
            // Free text: any value is valid, and the journal reads it from the tree.
            FieldKey::Impact | FieldKey::Via | FieldKey::Solution => None,
            FieldKey::Allow => match settings::rule_index(f.value) {
                Some(i) => {
                    fields.allow.insert(i);
                    None
                }
                None => Some(settings::unknown_code(
                    codes::FIELD_VALUE,
                    f.value,
                    value_span,
                )),
            },
            FieldKey::Cadence
            | FieldKey::Updates
            | FieldKey::Detail
            | FieldKey::Words
            | FieldKey::Channel
            | FieldKey::Since => None,
        };
        if let Some(diag) = error {
            self.err(diag);
        }
    }

    /// The tokens and fields each kind requires (docs/language.md §4).
    fn required(&mut self, kind: Kind, span: Span, fields: &Fields, has: Has) {
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
struct Has {
    handle: bool,
    tag: bool,
    person: bool,
}

fn not_taken(key: FieldKey, span: Span, host: &str) -> Diagnostic {
    Diagnostic::error(
        codes::FIELD_KIND,
        span,
        format!(
            "{host} does not take `{key}:`; it is taken by {}",
            key.takers()
        ),
    )
}

fn twice(key: FieldKey, span: Span, first: Span) -> Diagnostic {
    Diagnostic::error(
        codes::DUPLICATE_FIELD,
        span,
        format!("`{key}:` is given twice"),
    )
    .with_related(first, "first given here")
}

fn field_error(key: FieldKey, value: &str, span: Span, expected: &str) -> Diagnostic {
    Diagnostic::error(
        codes::FIELD_VALUE,
        span,
        format!("`{key}:{value}` is not valid; `{key}` takes {expected}"),
    )
}

/// Two `boss` directives for one person must not cover the same day.
fn check_boss_ranges(out: &mut Lowered) {
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

#[cfg(test)]
mod tests {
    use super::Census;
    use crate::syntax::Node;

    /// Counted from the directives alone, the census agrees with a walk over every node, at
    /// every cut, in a file that includes another midway and has a directive between entries.
    #[test]
    fn census_counts_as_a_walk_over_the_nodes() {
        let loaded = super::super::load::included_midway();
        let nodes: Vec<&Node> = loaded.nodes(&loaded.order).map(|(_, n)| n).collect();
        assert_eq!(nodes.len(), 9);
        for cut in 0..=nodes.len() {
            let census = Census::of(&loaded, cut);
            let entries =
                |nodes: &[&Node]| nodes.iter().filter(|n| matches!(n, Node::Entry(_))).count();
            assert_eq!(census.entries, entries(&nodes), "cut at {cut}");
            assert_eq!(census.early, entries(&nodes[..cut]), "cut at {cut}");
            let kinds: Vec<_> = census
                .directives
                .iter()
                .map(|(_, d)| d.kind.as_str())
                .collect();
            assert_eq!(kinds, ["include", "set", "scope"], "cut at {cut}");
        }
    }
}
