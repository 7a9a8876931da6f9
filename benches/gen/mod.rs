//! A deterministic generator of realistic upward journals, for benchmarks and tests.
//!
//! [`journal`] writes exactly `entries` dated entries after a realistic preamble: three
//! bosses (a boss change half way through, with `until:` and `since:`, and a skip-level),
//! two `scope` lines and three `set` lines. Entries advance over time, about five per
//! working day and few at weekends, and end a few days before 2026-11-23, so that a
//! `check --today 2026-11-23` sees every entry as past. All 17 kinds appear, mostly `did`,
//! `checkin`, `update`, `win` and `initiative`; every `^handle` is unique, defined before it
//! is referenced, and only fields a kind takes are written, so the journal has no errors
//! (warnings are expected, as in a real journal). About 100 bytes per entry on average.
//!
//! The same `(entries, seed)` always gives the same text: the PRNG is splitmix64 and the
//! generator reads no clock or environment.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// splitmix64: small, fast and good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; `n` must be at least 1.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `p` times in a hundred.
    pub fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A journal of exactly `entries` entries; the same arguments always give the same text.
pub fn journal(entries: usize, seed: u64) -> String {
    Gen::new(entries, seed).run()
}

/// The last day that holds entries (before the benchmarks' `--today 2026-11-23`).
const END: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
/// The earliest first day, so that every date stays a four-digit year.
const EARLIEST: NaiveDate = NaiveDate::from_ymd_opt(1000, 1, 6).unwrap();
/// Entries per week on average: about five each working day.
const PER_WEEK: usize = 25;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    Did,
    Checkin,
    Update,
    Win,
    Initiative,
    Priority,
    Promise,
    Done,
    Slip,
    Pitch,
    Decision,
    Problem,
    Feedback,
    Ask,
    Escalate,
    Career,
    Away,
}

/// How often each kind is written, per thousand entries (before fallbacks).
const WEIGHTS: &[(K, usize)] = &[
    (K::Did, 300),
    (K::Checkin, 110),
    (K::Update, 110),
    (K::Win, 70),
    (K::Initiative, 70),
    (K::Priority, 20),
    (K::Promise, 60),
    (K::Done, 45),
    (K::Slip, 12),
    (K::Pitch, 25),
    (K::Decision, 22),
    (K::Problem, 35),
    (K::Feedback, 40),
    (K::Ask, 35),
    (K::Escalate, 8),
    (K::Career, 10),
    (K::Away, 3),
];

const SCOPE_TAGS: &[&str] = &["billing", "invoicing", "dunning", "ledger", "oncall", "tax"];
const SUB_TAGS: &[&str] = &[
    "billing/v2",
    "invoicing/eu",
    "dunning/retries",
    "ledger/drift",
    "oncall/alerts",
    "tax/vendor",
];
const OTHER_TAGS: &[&str] = &["docs", "hiring", "security", "perf", "private"];
const PRIORITY_KEYS: &[&str] = &[
    "invoicing",
    "dunning",
    "oncall",
    "ledger",
    "tax",
    "billing/v2",
    "invoicing/eu",
    "ledger/drift",
];
const PRIORITY_TITLES: &[&str] = &[
    "Invoicing v2 live for EU customers",
    "Recover more failed card payments",
    "Quieter billing on-call",
    "Ledger drift to zero",
    "Pick a tax vendor for next year",
    "Billing v2 for every plan",
    "EU invoices on the new renderer",
    "Replayable ledger drift reports",
];
const PEOPLE: &[&str] = &["aisha", "wei", "priya", "tomas", "lena", "jo"];
const VERBS: &[&str] = &[
    "Fixed",
    "Shipped",
    "Reviewed",
    "Rewrote",
    "Profiled",
    "Documented",
    "Cleaned up",
    "Tested",
    "Deployed",
    "Debugged",
    "Measured",
    "Automated",
    "Migrated",
    "Simplified",
];
const THINGS: &[&str] = &[
    "the retry queue",
    "the invoice renderer",
    "the tax adapter",
    "the dunning emails",
    "the ledger export",
    "the alert thresholds",
    "credit notes",
    "the webhook handler",
    "the card updater",
    "the refund path",
    "FX rounding",
    "the nightly drift check",
    "the billing runbook",
    "payment retries",
    "the cutover script",
    "proration",
];
/// A number's text goes between the two halves.
const RESULTS: &[(&str, &str)] = &[
    ("", " invoices checked"),
    ("", "% fewer pages"),
    ("p99 down to ", "ms"),
    ("", " tests added"),
    ("", " alerts retuned"),
    ("saves ", " hours a week"),
    ("", " tickets closed"),
    ("drift down to 0.0", "%"),
    ("$", "k a month recovered"),
];
const NOTES: &[&str] = &[
    "walked through the risk list",
    "agreed the cutover date",
    "wants numbers before narrative",
    "went over the quarter plan together",
    "the retry schedule is the lever, not the email copy",
    "asked how she likes news: short, risk first",
    "reviewed last week's incidents",
    "talked about hiring for the team",
];
const QUESTIONS: &[&str] = &[
    "who owns the FX rounding bug, us or Payments",
    "can we borrow someone from SRE for the cutover",
    "weekly drift report, or only when it moves",
    "keep the alert audit on my plate or hand it over",
    "does the launch date still hold",
    "what would make next quarter a great one",
];
const QUOTES: &[&str] = &[
    "Lead with the answer, then the numbers.",
    "Tell me what is on fire before I find it.",
    "Good idea, wrong quarter. Bring it back with numbers.",
    "Keep the Friday update to three lines.",
    "Come to me first. I would have backed you.",
    "If it can move a date, tell me straight away.",
];
const ACTIONS: &[&str] = &[
    "send the risk memo",
    "write the rollout plan",
    "share last quarter's incident list",
    "pull retry outcomes by decline code",
    "draft the plan on one page",
    "list every open thread with an owner",
    "rerun the dry run with credit notes",
    "cut the update to three lines plus a link",
];
const HANDLE_WORDS: &[&str] = &[
    "risk-memo",
    "rollout-plan",
    "drift-report",
    "tax-spike",
    "oncall-review",
    "q-plan",
    "retry-budget",
    "ledger-events",
    "invoice-preview",
    "handover-doc",
    "fx-rounding",
    "vendor-lockin",
    "dunning-dash",
    "alert-audit",
];
const PITCHES: &[&str] = &[
    "Move the billing ledger to event sourcing so drift can be replayed",
    "Let customers preview next month's invoice before it is issued",
    "A per-customer retry budget, so one bad merchant can't page us",
    "Put a thin adapter in front of the tax vendor",
    "Run the dunning emails from the billing service",
];
const PROBLEMS: &[&str] = &[
    "Tax vendor API times out on 2% of invoice runs",
    "EUR to GBP invoices round per line, totals drift by a cent",
    "Our tax code is wired to one vendor's API shape",
    "Refunds skip the ledger on retries",
    "The on-call rota has one person for two services",
];
const SOLUTIONS: &[&str] = &[
    "round once on the total and put the residual on the last line",
    "retry with backoff and cap the run at ten minutes",
    "put an adapter in front of the vendor, two weeks of work",
    "write refunds through the same ledger path as charges",
    "pair the rota with Payments until we hire",
];
const FEEDBACK: &[&str] = &[
    "Design doc strong, rollout section thin",
    "Updates run long, she reads them on her phone",
    "Wants the top risk in the first line of the update",
    "Cutover notes were clear, the slip should have come earlier",
    "Best handover doc she has seen on this team",
];
const ASKS: &[&str] = &[
    "How do you want risks flagged, in the update or straight to you?",
    "What would you tell my next manager about me?",
    "Is the weekly update still the right length for you?",
    "What do you want from me this month?",
];
const CAREER: &[&str] = &[
    "Growth talk: staff engineer path",
    "Mid-year review, what to stretch on",
    "Promotion case, what is missing",
];
const COMMENTS: &[&str] = &[
    "; with Wei's OK",
    "; told her Thursday, not Friday",
    "; not public yet",
    "; follow up next week",
];
const CHANNELS: &[&str] = &["slack", "email", "doc"];
const TONES: &[&str] = &["positive", "mixed", "negative", "neutral"];
const DURATIONS: &[&str] = &["30m", "45m", "1h", "25m", "1h15m"];

#[derive(Debug)]
struct Promise {
    name: String,
    due: NaiveDate,
}

#[derive(Debug)]
struct Gen {
    rng: Rng,
    out: String,
    entries: usize,
    seed: u64,
    remaining: usize,
    start: NaiveDate,
    /// The first day of the second boss.
    switch: NaiveDate,
    day: NaiveDate,
    /// `day` as `YYYY-MM-DD`.
    date: String,
    next_handle: usize,
    open_promises: Vec<Promise>,
    /// Promises already closed, for actions that point at them.
    closed_promises: Vec<String>,
    /// Pitches (true) and problems (false) without a decision yet.
    undecided: Vec<(String, bool)>,
    /// Pitches last declined, that may be pitched again.
    declined: Vec<String>,
    /// Priority keys defined so far.
    priorities: Vec<usize>,
}

impl Gen {
    fn new(entries: usize, seed: u64) -> Gen {
        let max_days = (END - EARLIEST).num_days() as usize + 1;
        // About PER_WEEK entries a week, capped so that dates keep four-digit years.
        let days = (entries * 7).div_ceil(PER_WEEK).clamp(1, max_days);
        let start = END - Days::new(days as u64 - 1);
        let switch = start + Days::new((days as u64 / 2).max(1));
        Gen {
            rng: Rng::new(seed),
            out: String::with_capacity(entries * 104 + 2048),
            entries,
            seed,
            remaining: entries,
            start,
            switch,
            day: start,
            date: start.to_string(),
            next_handle: 0,
            open_promises: Vec::new(),
            closed_promises: Vec::new(),
            undecided: Vec::new(),
            declined: Vec::new(),
            priorities: Vec::new(),
        }
    }

    fn run(mut self) -> String {
        self.preamble();
        let mut month = 0;
        while self.remaining > 0 {
            self.date = self.day.to_string();
            if self.day.month() != month || self.day == self.start {
                month = self.day.month();
                let _ = writeln!(
                    self.out,
                    "\n# {} {}\n",
                    self.day.format("%B"),
                    self.day.year()
                );
            } else if self.day.weekday() == Weekday::Mon && !self.out.ends_with("\n\n") {
                self.out.push('\n');
            }
            let count = self.count_today();
            let mut next = self.day + Days::new(1);
            for _ in 0..count {
                self.remaining -= 1;
                if let Some(back) = self.entry() {
                    next = back;
                    break;
                }
            }
            if self.rng.percent(1) {
                self.out
                    .push_str("; no 1:1 this week: she was in planning all week\n");
            }
            self.day = next;
        }
        self.out
    }

    fn preamble(&mut self) {
        let (start, switch) = (self.start, self.switch);
        let last = switch - Days::new(1);
        let _ = write!(
            self.out,
            "; A generated upward journal: {} entries, seed {}, from {start} to {END}.\n\
             ; Made by benches/gen for benchmarks and tests; a boss change on {switch}.\n\
             \n\
             boss @maria Maria Chen            ; engineering manager, Billing\n\
             \x20 cadence: weekly\n\
             \x20 updates: weekly\n\
             \x20 detail: detailed\n\
             \x20 words: 250\n\
             \x20 channel: slack DM, Friday afternoon\n\
             \x20 since: {start}\n\
             \x20 until: {last}               ; moved to Payments Platform\n\
             \x20 - likes a written agenda the evening before the 1:1\n\
             \n\
             boss @dev Dev Patel               ; took over Billing\n\
             \x20 cadence: weekly\n\
             \x20 updates: 2/week\n\
             \x20 detail: concise\n\
             \x20 words: 150\n\
             \x20 channel: email, Friday before noon\n\
             \x20 since: {switch}\n\
             \n\
             boss @sam Sam Okafor              ; skip-level\n\
             \x20 cadence: monthly\n\
             \x20 updates: none\n\
             \n\
             scope #billing #invoicing #dunning #ledger\n\
             scope #oncall #tax                ; several scope lines add up\n\
             set repitch 45\n\
             set neglected-priority 21\n\
             set overcommit 8\n",
            self.entries, self.seed
        );
    }

    /// How many entries to write on `self.day`, so that the last one lands on END.
    fn count_today(&mut self) -> usize {
        let left_days = (END - self.day).num_days().max(0) as usize + 1;
        if left_days == 1 {
            return self.remaining;
        }
        if matches!(self.day.weekday(), Weekday::Sat | Weekday::Sun) {
            return usize::from(self.rng.percent(15)).min(self.remaining);
        }
        let mean = self.remaining as f64 / left_days as f64 * 7.0 / 5.0;
        let lo = ((mean * 0.5).floor() as usize).max(1);
        let hi = ((mean * 1.5).ceil() as usize).max(lo);
        self.rng.range(lo, hi).min(self.remaining)
    }

    /// The boss most entries of today are about.
    fn boss(&mut self) -> &'static str {
        if self.rng.percent(8) {
            "sam"
        } else if self.day < self.switch {
            "maria"
        } else {
            "dev"
        }
    }

    fn tag(&mut self) -> &'static str {
        match self.rng.below(10) {
            0..=5 => self.rng.pick(SCOPE_TAGS),
            6..=8 => self.rng.pick(SUB_TAGS),
            _ => self.rng.pick(OTHER_TAGS),
        }
    }

    fn handle(&mut self) -> String {
        self.next_handle += 1;
        let word = self.rng.pick(HANDLE_WORDS);
        format!("{word}-{:x}", self.next_handle)
    }

    fn later(&mut self, from: NaiveDate, lo: usize, hi: usize) -> NaiveDate {
        from + Days::new(self.rng.range(lo, hi) as u64)
    }

    fn header(&mut self, time: Option<&str>, kind: &str) {
        self.out.push_str(&self.date);
        if let Some(time) = time {
            self.out.push(' ');
            self.out.push_str(time);
        }
        self.out.push(' ');
        self.out.push_str(kind);
    }

    fn word(&mut self, text: &str) {
        self.out.push(' ');
        self.out.push_str(text);
    }

    fn tags(&mut self, n: usize) {
        for _ in 0..n {
            let t = self.tag();
            self.out.push_str(" #");
            self.out.push_str(t);
        }
    }

    fn result(&mut self) {
        let (before, after) = RESULTS[self.rng.below(RESULTS.len())];
        let n = if after.starts_with('%') {
            self.rng.range(2, 95)
        } else {
            self.rng.range(2, 480)
        };
        let _ = write!(self.out, "{before}{n}{after}");
    }

    fn end_line(&mut self) {
        if self.rng.percent(4) {
            let c = self.rng.pick(COMMENTS);
            self.out.push_str("  ");
            self.out.push_str(c);
        }
        self.out.push('\n');
    }

    fn body(&mut self, prefix: &str, text: &str) {
        self.out.push_str("  ");
        self.out.push_str(prefix);
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn pick_kind(&mut self) -> K {
        let total: usize = WEIGHTS.iter().map(|w| w.1).sum();
        let mut n = self.rng.below(total);
        for &(kind, weight) in WEIGHTS {
            if n < weight {
                return kind;
            }
            n -= weight;
        }
        K::Did
    }

    /// Writes one entry; returns the day to go on from after a leave.
    fn entry(&mut self) -> Option<NaiveDate> {
        let mut kind = self.pick_kind();
        // Fall back to a plain entry where the journal has nothing to refer to yet.
        kind = match kind {
            K::Done | K::Slip if self.open_promises.is_empty() => K::Did,
            K::Promise if self.open_promises.len() >= 7 => K::Done,
            K::Decision if self.undecided.is_empty() => K::Ask,
            K::Away if (END - self.day).num_days() < 30 => K::Did,
            k => k,
        };
        match kind {
            K::Did => self.did(),
            K::Checkin => self.checkin(),
            K::Update => self.update(),
            K::Win => self.win(),
            K::Initiative => self.initiative(),
            K::Priority => self.priority(),
            K::Promise => self.promise(),
            K::Done => self.done(),
            K::Slip => self.slip(),
            K::Pitch => self.pitch(),
            K::Decision => self.decision(),
            K::Problem => self.problem(),
            K::Feedback => self.feedback(),
            K::Ask => self.ask(),
            K::Escalate => self.escalate(),
            K::Career => self.career(),
            K::Away => return self.away(),
        }
        None
    }

    fn did(&mut self) {
        let time = self.rng.percent(10).then_some("11:00");
        self.header(time, "did");
        let n = 1 + usize::from(self.rng.percent(20));
        self.tags(n);
        let verb = self.rng.pick(VERBS);
        let thing = self.rng.pick(THINGS);
        self.word(verb);
        self.word(thing);
        if self.rng.percent(15) {
            let p = self.rng.pick(PEOPLE);
            self.out.push_str(" with @");
            self.out.push_str(p);
        }
        if self.rng.percent(70) {
            self.out.push_str(", ");
            self.result();
        }
        self.end_line();
        if self.rng.percent(8) {
            let note = self.rng.pick(NOTES);
            self.body("- ", note);
        }
    }

    fn checkin(&mut self) {
        let boss = self.boss();
        let time = self.rng.pick(&["09:30", "10:00", "14:00"]);
        self.header(Some(time), "checkin @");
        self.out.push_str(boss);
        let dur = self.rng.pick(DURATIONS);
        self.word("dur:");
        self.out.push_str(dur);
        if self.rng.percent(30) {
            self.word("Weekly 1:1");
        }
        self.end_line();
        for _ in 0..self.rng.range(1, 4) {
            match self.rng.below(7) {
                0 | 1 => {
                    let note = self.rng.pick(NOTES);
                    self.body("- ", note);
                    if self.rng.percent(10) {
                        self.body("  ", "and the second half of that thought");
                    }
                }
                2 => {
                    let q = self.rng.pick(QUOTES);
                    self.body("> ", q);
                }
                3 => {
                    let q = self.rng.pick(QUESTIONS);
                    self.body("? ", q);
                }
                4 => {
                    let a = self.rng.pick(ACTIONS);
                    let mark = self.rng.pick(&["[x] ", "[ ] ", "- [x] ", "[X] ", "[-] "]);
                    self.body(mark, a);
                }
                5 => {
                    let a = self.rng.pick(ACTIONS);
                    let due = self.later(self.day, 3, 14);
                    let _ = writeln!(self.out, "  [ ] @{boss} {a} due:{due}");
                }
                _ => {
                    let a = self.rng.pick(ACTIONS);
                    if let Some(p) = self.open_promises.last() {
                        let _ = writeln!(self.out, "  [ ] ^{} {a}", p.name);
                    } else if let Some(p) = self.closed_promises.last() {
                        let _ = writeln!(self.out, "  [x] ^{p} {a}");
                    } else {
                        self.body("[ ] ", a);
                    }
                }
            }
        }
    }

    fn update(&mut self) {
        let boss = self.boss();
        self.header(Some("16:00"), "update @");
        self.out.push_str(boss);
        let via = self.rng.pick(CHANNELS);
        self.word("via:");
        self.out.push_str(via);
        let n = 1 + usize::from(self.rng.percent(50));
        self.tags(n);
        let verb = self.rng.pick(VERBS);
        let thing = self.rng.pick(THINGS);
        let week = self.day.iso_week().week();
        let _ = write!(self.out, " Week {week}: {verb} {thing}, ");
        self.result();
        self.out.push('.');
        self.end_line();
        if self.rng.percent(30) {
            let thing = self.rng.pick(THINGS);
            let _ = writeln!(self.out, "  - next week: {thing}");
        }
    }

    fn win(&mut self) {
        self.header(None, "win");
        self.tags(1);
        match self.rng.below(10) {
            0..=5 => {
                let n = self.rng.range(1, 90);
                let sign = self.rng.pick(&["+", "-"]);
                let _ = write!(self.out, " impact:{sign}{n}%");
            }
            6 => self.word("allow:unquantified-win"),
            _ => {}
        }
        let verb = self.rng.pick(&["Shipped", "Finished", "Launched"]);
        let thing = self.rng.pick(THINGS);
        let _ = write!(self.out, " {verb} {thing}: ");
        self.result();
        self.end_line();
    }

    fn initiative(&mut self) {
        self.header(None, "initiative");
        self.tags(1);
        if self.rng.percent(30) {
            let who = if self.day < self.switch {
                "maria"
            } else {
                "dev"
            };
            let _ = write!(self.out, " informed:@{who}");
        }
        let verb = self.rng.pick(VERBS);
        let thing = self.rng.pick(THINGS);
        let _ = write!(self.out, " {verb} {thing} before anyone asked");
        self.end_line();
        if self.rng.percent(30) {
            self.body("- ", "nobody asked for it, but it was the next question");
        }
    }

    fn priority(&mut self) {
        let boss = if self.day < self.switch {
            "maria"
        } else {
            "dev"
        };
        let key = self.rng.below(PRIORITY_KEYS.len());
        let known = self.priorities.contains(&key);
        self.header(None, "priority #");
        self.out.push_str(PRIORITY_KEYS[key]);
        self.out.push_str(" @");
        self.out.push_str(boss);
        if known && self.rng.percent(40) {
            let status = self.rng.pick(&["done", "dropped", "active"]);
            self.word("status:");
            self.out.push_str(status);
        } else {
            let rank = self.rng.range(1, 5);
            let _ = write!(self.out, " rank:{rank}");
            if self.rng.percent(50) {
                let due = self.later(self.day, 30, 120);
                let _ = write!(self.out, " due:{due}");
            }
            self.word(PRIORITY_TITLES[key]);
        }
        if !known {
            self.priorities.push(key);
        }
        self.end_line();
    }

    fn promise(&mut self) {
        let boss = self.boss();
        let name = self.handle();
        let due = self.later(self.day, 3, 21);
        let a = self.rng.pick(ACTIONS);
        self.header(None, "promise ^");
        let _ = write!(self.out, "{name} @{boss} due:{due} {a}");
        self.end_line();
        self.open_promises.push(Promise { name, due });
    }

    fn done(&mut self) {
        let i = self.rng.below(self.open_promises.len());
        let p = self.open_promises.swap_remove(i);
        self.header(None, "done ^");
        self.out.push_str(&p.name);
        if self.rng.percent(8) {
            self.out
                .push_str(" status:dropped Superseded by the wider review");
        } else if self.rng.percent(30) {
            self.out.push_str(" Sent a day early");
        }
        self.end_line();
        if self.closed_promises.len() >= 16 {
            self.closed_promises.remove(0);
        }
        self.closed_promises.push(p.name);
    }

    fn slip(&mut self) {
        let i = self.rng.below(self.open_promises.len());
        let from = self.open_promises[i].due.max(self.day);
        let due = self.later(from, 5, 14);
        self.open_promises[i].due = due;
        self.header(None, "slip ^");
        let _ = write!(
            self.out,
            "{} due:{due} Waiting on numbers from Finance",
            self.open_promises[i].name
        );
        self.end_line();
    }

    fn pitch(&mut self) {
        let boss = self.boss();
        let again = !self.declined.is_empty() && self.rng.percent(20);
        let name = if again {
            let i = self.rng.below(self.declined.len());
            self.declined.swap_remove(i)
        } else {
            self.handle()
        };
        let tag = self.rng.pick(SCOPE_TAGS);
        let text = self.rng.pick(PITCHES);
        self.header(None, "pitch ^");
        let _ = write!(self.out, "{name} @{boss} #{tag} {text}");
        if again {
            self.out.push_str(", again");
        }
        self.end_line();
        if self.rng.percent(40) {
            self.out.push_str("  - about six weeks of team time\n");
        }
        self.undecided.push((name, true));
    }

    fn decision(&mut self) {
        let i = self.rng.below(self.undecided.len());
        let (name, pitch) = self.undecided.swap_remove(i);
        let outcome = self
            .rng
            .pick(&["accepted", "accepted", "declined", "parked"]);
        self.header(None, "decision ^");
        let _ = write!(self.out, "{name} outcome:{outcome}");
        if self.rng.percent(50) {
            self.out.push_str(" After the cutover");
        }
        self.end_line();
        if self.rng.percent(30) {
            let q = self.rng.pick(QUOTES);
            self.body("> ", q);
        }
        match outcome {
            "declined" if pitch && self.declined.len() < 32 => self.declined.push(name),
            "parked" => self.undecided.push((name, pitch)),
            _ => {}
        }
    }

    fn problem(&mut self) {
        let name = self.handle();
        let tag = self.tag();
        let text = self.rng.pick(PROBLEMS);
        self.header(None, "problem ^");
        let _ = write!(self.out, "{name} #{tag} {text}");
        self.end_line();
        if self.rng.percent(90) {
            let s = self.rng.pick(SOLUTIONS);
            self.body("solution: ", s);
        }
        if self.rng.percent(40) {
            let n = self.rng.range(12, 400);
            let _ = writeln!(self.out, "  - {n} invoices affected last month");
        }
        if self.undecided.len() < 64 {
            self.undecided.push((name, false));
        }
    }

    fn feedback(&mut self) {
        let boss = self.boss();
        let tone = self.rng.pick(TONES);
        let text = self.rng.pick(FEEDBACK);
        self.header(None, "feedback @");
        let _ = write!(self.out, "{boss} tone:{tone} {text}");
        self.end_line();
        if self.rng.percent(50) {
            let q = self.rng.pick(QUOTES);
            self.body("> ", q);
        }
        if tone != "positive" {
            let first = self.rng.below(ACTIONS.len());
            for n in 0..self.rng.range(1, 2) {
                let a = ACTIONS[(first + n) % ACTIONS.len()];
                match self.rng.below(3) {
                    0 => self.body("[x] ", a),
                    1 => self.body("- [ ] ", a),
                    _ => {
                        let due = self.later(self.day, 7, 21);
                        let _ = writeln!(self.out, "  [ ] {a} due:{due}");
                    }
                }
            }
        }
    }

    fn ask(&mut self) {
        let boss = self.boss();
        let q = self.rng.pick(ASKS);
        self.header(None, "ask @");
        let _ = write!(self.out, "{boss} {q}");
        self.end_line();
        if self.rng.percent(60) {
            let q = self.rng.pick(QUOTES);
            self.body("> ", q);
        }
    }

    fn escalate(&mut self) {
        let who = if self.day < self.switch {
            "maria"
        } else {
            "dev"
        };
        self.header(None, "escalate @priya");
        if self.rng.percent(85) {
            let _ = write!(self.out, " informed:@{who}");
        }
        self.out
            .push_str(" Asked whether the vendor contract sits with us or with Finance");
        self.end_line();
    }

    fn career(&mut self) {
        let boss = if self.day < self.switch {
            "maria"
        } else {
            "dev"
        };
        let text = self.rng.pick(CAREER);
        self.header(Some("14:00"), "career @");
        let _ = write!(self.out, "{boss} {text}");
        self.end_line();
        self.body(
            "- ",
            "staff path: cross-team scope and written strategy, not more tickets",
        );
        let due = self.later(self.day, 7, 30);
        let _ = writeln!(
            self.out,
            "  [ ] @{boss} share the staff-level rubric due:{due}"
        );
        self.body("[x] ", "pick one cross-team project for the quarter");
    }

    fn away(&mut self) -> Option<NaiveDate> {
        let until = self.later(self.day, 2, 9);
        self.header(None, "away");
        if self.rng.percent(30) {
            // The boss's own leave: the journal goes on.
            let boss = if self.day < self.switch {
                "maria"
            } else {
                "dev"
            };
            let _ = writeln!(self.out, " @{boss} until:{until} At the leadership offsite");
            return None;
        }
        let _ = writeln!(self.out, " until:{until} Family week, Aisha on call");
        Some(until + Days::new(1))
    }
}
