//! `--redact` and `#private` for reports: the report's data with the entries that
//! `export --redact` drops taken out (entries tagged `#private`, and every entry about a
//! handle one of them defines) and the priorities only they set, the figures counted again
//! without them, and, when people
//! are redacted too, every person's id and name replaced by their role (`boss-1`,
//! `person-2`) in every string, as `export --redact` does.

use super::brag::{Brag, BragItem};
use super::facts::{EntryRef, PriorityRef};
use super::streaks_doc::StreaksReport;
use super::summary::Summary;
use crate::export::Redaction;

/// A report's data, redacted in place.
pub trait Redact {
    fn redact(&mut self, r: &Redaction);
}

/// Keeps the entries `r` keeps, and rewrites their text.
fn entries(r: &Redaction, list: &mut Vec<EntryRef>) {
    list.retain(|e| !r.hides(&e.file, e.line));
    for e in list {
        entry(r, e);
    }
}

fn entry(r: &Redaction, e: &mut EntryRef) {
    e.text = r.text(&e.text);
    e.file = r.text(&e.file);
}

/// Keeps the items whose entry `r` keeps, and rewrites them.
fn keep<T>(r: &Redaction, list: &mut Vec<T>, at: impl Fn(&mut T) -> &mut EntryRef) {
    list.retain_mut(|item| {
        let e = at(item);
        !r.hides(&e.file, e.line)
    });
    for item in list {
        entry(r, at(item));
    }
}

fn people(r: &Redaction, ids: &mut [String]) {
    for id in ids {
        *id = r.person(id);
    }
}

fn priority(r: &Redaction, p: &mut PriorityRef) {
    p.key = r.text(&p.key);
    p.title = r.text(&p.title);
}

impl Redact for Summary {
    fn redact(&mut self, r: &Redaction) {
        people(r, &mut self.bosses);
        // A priority that only `#private` entries set goes, and its work counts as unaligned
        // unless another priority holds it.
        let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.priorities)
            .into_iter()
            .partition(|p| p.places.iter().all(|(f, l)| r.hides(f, *l)));
        self.priorities = kept;
        for e in gone.into_iter().flat_map(|p| p.work) {
            let held = |k: &EntryRef| k.file == e.file && k.line == e.line;
            let elsewhere = self.priorities.iter().any(|p| p.work.iter().any(held));
            if !elsewhere && !self.unaligned.iter().any(held) {
                self.unaligned.push(e);
            }
        }
        self.unaligned
            .sort_by_key(|e| (e.date, e.file.clone(), e.line));
        entries(r, &mut self.unaligned);
        let mut work = std::collections::HashSet::new();
        for line in &mut self.priorities {
            priority(r, &mut line.priority);
            entries(r, &mut line.work);
            for step in &mut line.lane {
                people(r, &mut step.boss);
            }
            for c in &mut line.changes {
                c.what = r.text(&c.what);
            }
            work.extend(line.work.iter().map(|e| (e.file.clone(), e.line)));
        }
        work.extend(self.unaligned.iter().map(|e| (e.file.clone(), e.line)));
        self.work = work.len();
        for line in &mut self.priorities {
            line.share_percent = (line.work.len() * 100 + self.work / 2)
                .checked_div(self.work)
                .unwrap_or(0) as u32;
        }
        keep(r, &mut self.checkins, |c| &mut c.entry);
        for c in &mut self.checkins {
            people(r, &mut c.boss);
        }
        keep(r, &mut self.updates, |u| &mut u.entry);
        for u in &mut self.updates {
            people(r, &mut u.boss);
            u.via = u.via.as_deref().map(|v| r.text(v));
        }
        for row in &mut self.calendar {
            row.boss = r.person(&row.boss);
        }
        keep(r, &mut self.feedback, |f| &mut f.entry);
        entries(r, &mut self.asks);
        keep(r, &mut self.actions, |a| &mut a.entry);
        for a in &mut self.actions {
            a.owner = a.owner.as_deref().map(|o| r.person(o));
            a.text = r.text(&a.text);
        }
        keep(r, &mut self.promises, |p| &mut p.entry);
        for p in &mut self.promises {
            p.text = r.text(&p.text);
        }
        keep(r, &mut self.wins, |w| &mut w.entry);
        for w in &mut self.wins {
            w.impact = w.impact.as_deref().map(|i| r.text(i));
        }
        self.warnings.retain(|w| !r.hides(&w.file, w.line));
        for w in &mut self.warnings {
            w.message = r.text(&w.message);
            w.file = r.text(&w.file);
        }
    }
}

impl Redact for StreaksReport {
    fn redact(&mut self, r: &Redaction) {
        if !r.hides_people() {
            return;
        }
        for b in &mut self.bosses {
            b.boss = r.text(&b.boss);
            for s in &mut b.streaks {
                s.boss = r.person(&s.boss);
            }
        }
    }
}

fn brag_item(r: &Redaction, i: &mut BragItem) {
    i.text = r.text(&i.text);
    i.impact = i.impact.as_deref().map(|v| r.text(v));
    i.file = r.text(&i.file);
}

impl Redact for Brag {
    fn redact(&mut self, r: &Redaction) {
        for g in &mut self.groups {
            g.items.retain(|i| !r.hides(&i.file, i.line));
            for i in &mut g.items {
                brag_item(r, i);
            }
            if let Some(p) = &mut g.priority {
                priority(r, p);
            }
            people(r, &mut g.boss);
        }
        self.groups.retain(|g| !g.items.is_empty());
        // As `export --redact` does, the boss's own words go when people do.
        self.feedback.retain(|f| !r.hides(&f.file, f.line));
        for f in &mut self.feedback {
            f.text = r.text(&f.text);
            f.file = r.text(&f.file);
            people(r, &mut f.boss);
            if r.hides_people() {
                f.quotes.clear();
            }
        }
        let items = || self.groups.iter().flat_map(|g| &g.items);
        self.wins = items().filter(|i| i.kind == "win").count();
        self.initiatives = items().filter(|i| i.kind == "initiative").count();
        self.quantified = items().filter(|i| i.quantified).count();
    }
}
