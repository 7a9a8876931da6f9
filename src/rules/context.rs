//! What every rule reads: the journal as of today, indexed once, and where warnings go.

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Span};
use crate::model::text::{Word, WordKind};
use crate::model::{
    Boss, BossId, Entry, EntryId, HandleKind, Item, ItemForm, Journal, Priority, Rhythm, Status,
    TagId,
};
use crate::period::AwayDays;
use crate::syntax::{ActionState, Kind};

/// The journal as the rules see it on `today`: entries dated after today are plans and are
/// left out (leave and priorities are read from the model, where future ones still count).
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub journal: &'a Journal,
    pub today: NaiveDate,
    /// Entries dated on or before today: a prefix of the sorted entries.
    past: usize,
    /// The past entries of each kind, in journal order.
    by_kind: Vec<&'a [EntryId]>,
    away: OnceLock<Vec<AwayDays>>,
    first_entry: OnceLock<Vec<Option<EntryId>>>,
}

impl<'a> Ctx<'a> {
    pub fn new(journal: &'a Journal, today: NaiveDate) -> Ctx<'a> {
        let past = journal.entries.partition_point(|e| e.date <= today);
        let by_kind = (Kind::ALL.iter())
            .map(|&kind| {
                let ids = journal.of_kind(kind);
                &ids[..ids.partition_point(|&id| (id as usize) < past)]
            })
            .collect();
        Ctx {
            journal,
            today,
            past,
            by_kind,
            away: OnceLock::new(),
            first_entry: OnceLock::new(),
        }
    }

    pub fn entry(&self, id: EntryId) -> &'a Entry {
        &self.journal.entries[id as usize]
    }

    /// The past entries, in journal order.
    pub fn past(&self) -> &'a [Entry] {
        &self.journal.entries[..self.past]
    }

    /// Whether an entry is past (dated on or before today), not a plan.
    pub fn is_past(&self, id: EntryId) -> bool {
        (id as usize) < self.past
    }

    /// The past entries of one kind, in journal order.
    pub fn of_kind(
        &self,
        kind: Kind,
    ) -> impl DoubleEndedIterator<Item = (EntryId, &'a Entry)> + '_ {
        self.by_kind[kind as usize]
            .iter()
            .map(|&id| (id, self.entry(id)))
    }

    /// A rule's number: `set CODE N`, else its default.
    pub fn number(&self, code: &str) -> u32 {
        self.journal.settings.number(code).unwrap_or(0)
    }

    pub fn boss(&self, id: BossId) -> &'a Boss {
        self.journal.boss(id)
    }

    /// Bosses active today.
    pub fn active_bosses(&self) -> impl Iterator<Item = BossId> + '_ {
        self.journal
            .boss_ids()
            .filter(|&b| self.boss(b).active_on(self.today))
    }

    /// A boss's leave (every `away`, future ones included).
    pub fn away(&self, boss: BossId) -> &AwayDays {
        let all = self.away.get_or_init(|| {
            self.journal
                .boss_ids()
                .map(|b| AwayDays::of_boss(self.journal, b))
                .collect()
        });
        &all[boss.0 as usize]
    }

    /// A boss's first past entry.
    pub fn first_entry(&self, boss: BossId) -> Option<EntryId> {
        self.first_entry.get_or_init(|| {
            let mut first = vec![None; self.journal.bosses.len()];
            let mut missing = first.len();
            for (id, e) in self.past().iter().enumerate() {
                for b in e.bosses.iter() {
                    let slot = &mut first[b.0 as usize];
                    if slot.is_none() {
                        *slot = Some(id as EntryId);
                        missing -= 1;
                    }
                }
                if missing == 0 {
                    break;
                }
            }
            first
        })[boss.0 as usize]
    }

    /// Whether an action is open today: an action naming a promise is open exactly while the
    /// promise has no past `done`; any other action by its box.
    pub fn action_open(&self, item: &Item) -> bool {
        let ItemForm::Action(state) = item.form else {
            return false;
        };
        match item.handle.map(|h| self.journal.handle(h)) {
            Some(h) if h.kind == HandleKind::Promise => !h.done.is_some_and(|d| self.is_past(d)),
            _ => state == ActionState::Open,
        }
    }
}

/// A tag and every tag it is nested under: `#a/b/c`, `#a/b`, `#a`.
pub(crate) fn ancestors(journal: &Journal, tag: TagId) -> impl Iterator<Item = TagId> + '_ {
    let name = journal.tags.name(tag);
    let cuts = name.rmatch_indices('/').map(|(i, _)| i);
    std::iter::once(tag).chain(cuts.filter_map(|i| journal.tags.get(&name[..i])))
}

/// A priority's activity over time, for answering "is it active on this date" by binary
/// search (docs/language.md §4: until done or dropped, or until its boss's last day; an entry
/// that makes it another boss's starts it over).
#[derive(Debug)]
pub(crate) struct StatusLine {
    first: NaiveDate,
    /// Every `status:` it was given, and active again from each entry that made it another
    /// boss's, in journal order.
    changes: Vec<(NaiveDate, Status)>,
    /// From each of its entries, its bosses' last day (`None`: no end).
    owners: Vec<(NaiveDate, Option<NaiveDate>)>,
}

impl StatusLine {
    pub fn of(p: &Priority) -> Option<StatusLine> {
        let mut changes = Vec::new();
        let mut owners = Vec::new();
        for c in &p.changes {
            owners.push((c.date, c.owners_until));
            match c.status {
                Some(s) => changes.push((c.date, s)),
                None if c.takes_over => changes.push((c.date, Status::Active)),
                None => {}
            }
        }
        Some(StatusLine {
            first: p.first_date()?,
            changes,
            owners,
        })
    }

    /// Whether it is active on `date`: on or after its first entry, its latest `status:` (or
    /// change of boss) on or before the date leaves it active, and its bosses have not left.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        if date < self.first {
            return false;
        }
        let latest = |n: usize| n.checked_sub(1);
        let status = latest(self.changes.partition_point(|c| c.0 <= date))
            .map_or(Status::Active, |i| self.changes[i].1);
        let until =
            latest(self.owners.partition_point(|o| o.0 <= date)).and_then(|i| self.owners[i].1);
        status == Status::Active && until.is_none_or(|u| date <= u)
    }
}

/// Plain text words only (not tags, people, handles or fields).
pub(crate) fn is_text(w: &Word<'_>) -> bool {
    w.kind == WordKind::Text
}

/// Where one rule's warnings go; a warning on an entry with `allow:CODE` is dropped here, and
/// one about a past event old enough to have settled is marked so.
#[derive(Debug)]
pub(crate) struct Out<'a> {
    pub code: &'static str,
    journal: &'a Journal,
    /// For a rule whose warnings settle: entries dated before this day have settled.
    settle_before: Option<NaiveDate>,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Out<'a> {
    pub fn new(code: &'static str, cx: &Ctx<'a>) -> Out<'a> {
        let settle_before = (super::codes::settles(code))
            .then(|| cx.journal.settings.settle())
            .flatten()
            .and_then(|n| cx.today.checked_sub_days(chrono::Days::new(u64::from(n))));
        Out {
            code,
            journal: cx.journal,
            settle_before,
            diags: Vec::new(),
        }
    }

    /// Whether the entry carries `allow:CODE` for this rule.
    pub fn allowed(&self, id: EntryId) -> bool {
        self.journal.entries[id as usize]
            .fields
            .allow
            .contains_code(self.code)
    }

    /// A warning on an entry's header, unless the entry allows the code; settled when the
    /// rule's warnings settle and the entry is more than `set settle` days old.
    pub fn warn(&mut self, id: EntryId, message: String, related: &[(Span, &str)]) {
        self.warn_resolved(id, message, related, false);
    }

    /// [`Out::warn`], settled at once when `resolved` (a problem closed by `done` or decided).
    pub fn warn_resolved(
        &mut self,
        id: EntryId,
        message: String,
        related: &[(Span, &str)],
        resolved: bool,
    ) {
        if self.allowed(id) {
            return;
        }
        let e = &self.journal.entries[id as usize];
        let old = self.settle_before.is_some_and(|before| e.date < before);
        let diag = self.diagnostic(self.journal.entry_span(e), message, related);
        self.diags.push(if old || resolved {
            diag.settled()
        } else {
            diag
        });
    }

    /// A warning at a place that cannot carry `allow:` (a `boss` line).
    pub fn warn_at(&mut self, span: Span, message: String, related: &[(Span, &str)]) {
        let diag = self.diagnostic(span, message, related);
        self.diags.push(diag);
    }

    fn diagnostic(&self, span: Span, message: String, related: &[(Span, &str)]) -> Diagnostic {
        related.iter().fold(
            Diagnostic::warning(self.code, span, message),
            |d, &(span, note)| d.with_related(span, note),
        )
    }
}

/// `@ann (Ann Lee)`, or `@ann` for a boss without a name.
pub(crate) fn who(boss: &Boss) -> String {
    if boss.name.is_empty() {
        format!("@{}", boss.id)
    } else {
        format!("@{} ({})", boss.id, boss.name)
    }
}

/// `rhythm` as written after its key, e.g. `updates: 2/week`.
pub(crate) fn rhythm_field(key: &str, rhythm: Rhythm) -> String {
    format!("{key}: {}", rhythm.describe())
}

/// `1st`-style ordinals in words where they read better: `third`, `fifth`, `12th`.
pub(crate) fn ordinal(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match n {
        1..=10 => WORDS[n - 1].to_string(),
        _ => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
    }
}

/// Small counts in words: `one`, `two`, … `ten`, then digits.
pub(crate) fn cardinal(n: u32) -> String {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match n {
        1..=10 => WORDS[n as usize - 1].to_string(),
        _ => n.to_string(),
    }
}

/// `n` with its noun, plural when needed: `1 day`, `3 days`.
pub(crate) fn plural(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A day count that may be fractional (`3.5`), without a trailing `.0`.
pub(crate) fn days_number(days: f64) -> String {
    let text = format!("{days:.1}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// How many entries a rhythm asks for, in words: `one a week`, `two a month`.
pub(crate) fn expectation(rhythm: Rhythm) -> String {
    let per = match rhythm {
        Rhythm::Daily => "a day",
        Rhythm::Weekly | Rhythm::PerWeek(_) => "a week",
        Rhythm::Biweekly => "every two weeks",
        Rhythm::Monthly | Rhythm::PerMonth(_) => "a month",
        Rhythm::None => return "none".to_string(),
    };
    format!("{} {per}", cardinal(rhythm.count()))
}
