//! `export --redact`: a copy of the model that can be shared. Entries tagged `#private` go
//! (with their bodies, and every entry and item about a handle they define), `>` quotes go,
//! and every person becomes a role: `boss-1`, `boss-2` … for bosses in declaration order,
//! `person-1` … for everyone else in order of appearance. Every part of every id and name is
//! replaced in every string, not only in the fields that hold people (`scrub.rs` says how).

use std::collections::{HashMap, HashSet};

use super::model::{Entry, Export, Item};
use super::scrub::{Scrubber, people_in};

/// The tag that marks an entry as private; tags under it count too.
pub const PRIVATE: &str = "private";

/// What redaction takes out and rewrites, learnt from the whole journal: the places of the
/// entries it drops, and (unless it keeps people) every person's role.
#[derive(Debug)]
pub struct Redaction {
    dropped: HashSet<(String, u32)>,
    /// `None` when people are kept (only `#private` entries go).
    roles: Option<Roles>,
}

impl Redaction {
    /// `export --redact`: `#private` entries go and people become roles.
    pub fn new(export: &Export) -> Redaction {
        let mut r = Redaction::private_only(export);
        // Roles are numbered over the kept entries first, then the dropped ones.
        let (kept, dropped): (Vec<&Entry>, Vec<&Entry>) = export
            .entries
            .iter()
            .partition(|e| !r.hides(&e.file, e.line));
        r.roles = Some(Roles::new(export, kept.into_iter().chain(dropped)));
        r
    }

    /// Only `#private` entries go (with every entry about a handle they define); people stay.
    pub fn private_only(export: &Export) -> Redaction {
        let private_handles = private_handles(export);
        let dropped = export
            .entries
            .iter()
            .filter(|e| {
                is_private(e)
                    || e.handle
                        .as_deref()
                        .is_some_and(|h| private_handles.contains(h))
            })
            .map(|e| (e.file.clone(), e.line))
            .collect();
        Redaction {
            dropped,
            roles: None,
        }
    }

    /// Whether the entry whose header is at `file:line` (1-based) is dropped.
    pub fn hides(&self, file: &str, line: u32) -> bool {
        self.dropped.contains(&(file.to_string(), line))
    }

    /// Free text with every person's id and name replaced by their role.
    pub fn text(&self, text: &str) -> String {
        match &self.roles {
            Some(roles) => roles.scrub(text),
            None => text.to_string(),
        }
    }

    /// A person's role, by id (without `@`).
    pub fn person(&self, id: &str) -> String {
        match &self.roles {
            Some(roles) => roles.role(id),
            None => id.to_string(),
        }
    }

    /// Whether people become roles.
    pub fn hides_people(&self) -> bool {
        self.roles.is_some()
    }
}

/// The redacted copy of `export`. Pure: the same input always gives the same output.
pub fn redact(export: &Export) -> Export {
    let r = Redaction::new(export);
    let dropped = |e: &Entry| r.hides(&e.file, e.line);
    let private_handles = private_handles(export);
    let secret = |handle: &Option<String>| {
        handle
            .as_deref()
            .is_some_and(|h| private_handles.contains(h))
    };
    let mut out = Export {
        version: export.version,
        bosses: export.bosses.clone(),
        scope: export.scope.clone(),
        priorities: export.priorities.clone(),
        entries: export
            .entries
            .iter()
            .filter(|e| !dropped(e))
            .cloned()
            .collect(),
    };
    for p in &mut out.priorities {
        p.changes.retain(|c| !r.hides(&c.file, c.line));
    }
    out.priorities.retain(|p| !p.changes.is_empty());
    for e in &mut out.entries {
        e.items.retain(|i| i.form != "quote" && !secret(&i.handle));
    }
    if let Some(roles) = &r.roles {
        roles.apply(&mut out);
    }
    out
}

/// The handles that `#private` promises, pitches and problems define.
fn private_handles(export: &Export) -> HashSet<&str> {
    export
        .entries
        .iter()
        .filter(|e| is_private(e) && matches!(e.kind.as_str(), "promise" | "pitch" | "problem"))
        .filter_map(|e| e.handle.as_deref())
        .collect()
}

fn is_private(e: &Entry) -> bool {
    e.tags.iter().any(|t| {
        t == PRIVATE
            || t.strip_prefix(PRIVATE)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// Every person's role, and the scrubber that writes roles over ids and names.
#[derive(Debug)]
struct Roles {
    by_id: HashMap<String, String>,
    scrubber: Scrubber,
}

impl Roles {
    fn new<'a>(export: &Export, entries: impl Iterator<Item = &'a Entry>) -> Roles {
        let mut order: Vec<(String, String)> = Vec::new();
        for b in &export.bosses {
            add(&mut order, &b.id, "boss");
        }
        for e in entries {
            for id in everyone_named_in(e) {
                add(&mut order, &id, "person");
            }
        }
        let by_id: HashMap<String, String> = order.iter().cloned().collect();
        // Ids first, so that a piece shared by an id and a name keeps the id's role; the
        // scrubber cuts each into its parts.
        let mut names = order.clone();
        for b in &export.bosses {
            let role = by_id.get(&b.id.to_lowercase()).cloned().unwrap_or_default();
            names.push((b.name.clone(), role));
        }
        Roles {
            by_id,
            scrubber: Scrubber::new(names),
        }
    }

    fn role(&self, id: &str) -> String {
        self.by_id
            .get(&id.to_lowercase())
            .cloned()
            .unwrap_or_else(|| self.scrub(id))
    }

    fn scrub(&self, text: &str) -> String {
        self.scrubber.scrub(text)
    }

    fn roles(&self, ids: &mut Vec<String>) {
        let mut seen = Vec::new();
        for id in ids.drain(..) {
            let role = self.role(&id);
            if !seen.contains(&role) {
                seen.push(role);
            }
        }
        *ids = seen;
    }

    fn scrub_all(&self, texts: &mut [String]) {
        for t in texts {
            *t = self.scrub(t);
        }
    }

    fn scrub_opt(&self, text: &mut Option<String>) {
        if let Some(t) = text {
            *t = self.scrub(t);
        }
    }

    fn apply(&self, out: &mut Export) {
        for b in &mut out.bosses {
            b.id = self.role(&b.id);
            b.name = b.id.clone();
            self.scrub_opt(&mut b.channel);
            b.file = self.scrub(&b.file);
        }
        self.scrub_all(&mut out.scope);
        for p in &mut out.priorities {
            p.key = self.scrub(&p.key);
            self.roles(&mut p.bosses);
            for c in &mut p.changes {
                self.roles(&mut c.bosses);
                self.scrub_opt(&mut c.title);
                c.file = self.scrub(&c.file);
            }
        }
        for e in &mut out.entries {
            self.entry(e);
        }
    }

    fn entry(&self, e: &mut Entry) {
        self.roles(&mut e.bosses);
        self.roles(&mut e.people);
        e.text = self.scrub(&e.text);
        self.scrub_all(&mut e.tags);
        self.scrub_opt(&mut e.handle);
        let f = &mut e.fields;
        for text in [&mut f.via, &mut f.impact, &mut f.informed, &mut f.solution] {
            self.scrub_opt(text);
        }
        e.file = self.scrub(&e.file);
        for item in &mut e.items {
            self.item(item);
        }
    }

    fn item(&self, item: &mut Item) {
        item.owner = item.owner.as_deref().map(|o| self.role(o));
        self.scrub_opt(&mut item.handle);
        item.text = self.scrub(&item.text);
    }
}

/// Gives `id` the next role of its kind (`boss-N`, `person-N`) unless it has one.
fn add(order: &mut Vec<(String, String)>, id: &str, prefix: &str) {
    let id = id.to_lowercase();
    if !id.is_empty() && !order.iter().any(|(known, _)| *known == id) {
        let n = order.iter().filter(|(_, r)| r.starts_with(prefix)).count() + 1;
        order.push((id, format!("{prefix}-{n}")));
    }
}

/// Everyone an entry names: its people, its items' owners, and any `@person` in its words
/// and field values (`informed:@x`).
fn everyone_named_in(e: &Entry) -> Vec<String> {
    let mut ids = e.people.clone();
    let f = &e.fields;
    for text in [&f.informed, &f.via, &f.impact, &f.solution]
        .into_iter()
        .flatten()
    {
        ids.extend(people_in(text));
    }
    ids.extend(people_in(&e.text));
    for item in &e.items {
        ids.extend(item.owner.clone());
        ids.extend(people_in(&item.text));
    }
    ids
}
