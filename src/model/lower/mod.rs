//! Syntax → typed model parts: entries with their fields and body items, bosses, scope, settings.
//! Everything here looks at one node at a time; what needs the whole journal is in `resolve`.

use chrono::NaiveDate;

use super::entry::{Boss, Entry, Item};
use super::intern::{FastMap, Names, PersonId, TagId, Tags};
use super::load::{Loaded, NodeRun};
use super::settings::Settings;
use crate::diag::{Diagnostic, FileId, Span};
use crate::syntax::{
    BodyForm, Clock, DirectiveNode, Document, FieldKey, Kind, LineKind, Node, Token,
};

mod directives;
use directives::check_boss_ranges;
mod entries;
mod fields;
mod split;

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
    /// ([`super::order::sort_entries`]).
    pub entry: u32,
    pub span: Span,
    /// Where on the entry the handle is written.
    pub at: HandleAt,
    /// The handle's name, as an index into [`Lowered::handle_names`].
    pub name: u32,
    /// The entry's kind and date, so that resolving needs not look the entry up.
    pub kind: Kind,
    pub date: NaiveDate,
}

/// Where on its entry a `^handle` is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandleAt {
    /// The header: the handle the entry defines, closes, moves or decides.
    Header,
    /// A body item (by its index in the journal's items), which refers to the handle.
    Item(u32),
    /// A body line before any item, which only refers to the handle.
    Body,
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
    let (mut out, mut handles, entries) = lower_directives(loaded);
    if entries >= crate::tuning::LOWER_SPLIT_AT && crate::threads::second_core() {
        split::lower_entries(&mut out, &mut handles, loaded, split::middle(&loaded.order));
    } else {
        lower_entries(&mut out, &mut handles, loaded, &loaded.order);
    }
    out
}

/// Lowers every directive, which is journal-wide wherever it stands, and makes room for the
/// entries: the lowering so far, the handle names met, and the number of entries to come.
fn lower_directives(loaded: &Loaded) -> (Lowered, FastMap<&str, u32>, usize) {
    let census = Census::of(loaded);
    let mut out = Lowered::with_room(census.entries, body_items(loaded));
    let mut handles = FastMap::default();
    for &(file, d) in &census.directives {
        cx(&mut out, &mut handles, loaded, file).directive(d);
    }
    check_boss_ranges(&mut out);
    handles.reserve(handle_room(census.entries));
    (out, handles, census.entries)
}

impl Lowered {
    /// Nothing lowered yet, with room for `entries` entries and `items` body items.
    fn with_room(entries: usize, items: usize) -> Self {
        Lowered {
            entries: Vec::with_capacity(entries),
            when: Vec::with_capacity(entries),
            items: Vec::with_capacity(items),
            ..Lowered::default()
        }
    }
}

/// Lowers the entries among the nodes of `runs`, in order.
fn lower_entries<'a>(
    out: &mut Lowered,
    handles: &mut FastMap<&'a str, u32>,
    loaded: &'a Loaded,
    runs: &[NodeRun],
) {
    for (r, node) in loaded.nodes(runs) {
        if let Node::Entry(e) = node {
            cx(out, handles, loaded, r.file).entry(e);
        }
    }
}

/// The number of `name` among the handle names met, which it becomes when it is new.
fn handle_name<'a>(
    names: &mut HandleNames,
    handles: &mut FastMap<&'a str, u32>,
    name: &'a str,
) -> u32 {
    let next = names.len() as u32;
    let number = *handles.entry(name).or_insert(next);
    if number == next {
        names.push(name);
    }
    number
}

/// Room for the distinct handle names of `entries` entries, so that the table of names
/// rarely grows: growing rehashes every name, each read back from its place in the text.
fn handle_room(entries: usize) -> usize {
    entries / crate::tuning::ENTRIES_PER_HANDLE
}

/// What lowering needs before it starts, from the directives of each tree: every other node
/// is an entry.
struct Census<'a> {
    entries: usize,
    /// In load order.
    directives: Vec<(FileId, &'a DirectiveNode)>,
}

impl<'a> Census<'a> {
    fn of(loaded: &'a Loaded) -> Self {
        let mut directives = Vec::new();
        let mut nodes = 0;
        for run in &loaded.order {
            let doc = &loaded.docs[run.file.0 as usize];
            let from = doc.directives.partition_point(|&d| d < run.nodes.start);
            let to = doc.directives.partition_point(|&d| d < run.nodes.end);
            for &d in &doc.directives[from..to] {
                if let Node::Directive(directive) = &doc.nodes[d as usize] {
                    directives.push((run.file, directive));
                }
            }
            nodes += run.nodes.len();
        }
        Census {
            entries: nodes - directives.len(),
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
}

#[cfg(test)]
mod tests {
    use super::Census;
    use crate::syntax::Node;

    /// Counted from the directives alone, the census agrees with a walk over every node, in a
    /// file that includes another midway and has a directive between entries.
    #[test]
    fn census_counts_as_a_walk_over_the_nodes() {
        let loaded = super::super::load::included_midway();
        let nodes: Vec<&Node> = loaded.nodes(&loaded.order).map(|(_, n)| n).collect();
        assert_eq!(nodes.len(), 9);
        let census = Census::of(&loaded);
        let entries = nodes.iter().filter(|n| matches!(n, Node::Entry(_))).count();
        assert_eq!(census.entries, entries);
        let kinds: Vec<_> = (census.directives.iter())
            .map(|(_, d)| d.kind.as_str())
            .collect();
        assert_eq!(kinds, ["include", "set", "scope"]);
    }
}
