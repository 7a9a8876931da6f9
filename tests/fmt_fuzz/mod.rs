//! Generated and mutated journals, and the property `fmt` must keep on each: the same
//! `check` diagnostics (codes, severities, messages and lines) and the same `export` model
//! before and after, and formatting twice gives what formatting once gives. Shared by the
//! test suite (`tests/fmt_meaning.rs`, a few thousand cases) and `examples/fuzz_fmt.rs`
//! (as many as asked).

use upward::diag::FileId;
use upward::formatter;
use upward::model::Journal;
use upward::source::SourceFile;

/// A small deterministic generator (xorshift64*): case `n` is the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SPACES: &[&str] = &[" ", " ", " ", "  ", "\t", " \t ", "   "];
const DATES: &[&str] = &[
    "2026-03-02",
    "2026-03-09",
    "2026-02-27",
    "2025-12-31",
    "2026-02-30",
];
const KINDS: &[&str] = &[
    "did",
    "win",
    "checkin",
    "update",
    "feedback",
    "promise",
    "done",
    "pitch",
    "decision",
    "priority",
    "problem",
    "slip",
    "away",
    "escalate",
    "initiative",
    "ask",
    "chekin",
];
const WORDS: &[&str] = &[
    "Shipped",
    "the",
    "queue",
    "(@maria),",
    "@maria",
    "@dev",
    "#billing",
    "#billing/v2.",
    "^memo",
    "^plan",
    "due:2026-03-20",
    "rank:2",
    "tone:mixed",
    "impact:-40%",
    "a;b",
    "x^2",
    "10:30",
    "café",
    "日本",
    "😀",
    "bob@example.com",
    "foo:bar",
    "informed:@maria",
    "allow:repitch",
    "status:done",
    "dur:30m",
    "outcome:parked",
    "until:2026-03-12",
    "via:slack",
    "[",
    "]",
    "[ ]",
    "[x]",
    "-",
    "?",
    ">",
    "#",
    "# ",
    ";",
    "\u{feff}",
    "due:",
];
const MARKERS: &[&str] = &[
    "- ",
    "-\t",
    "[ ] ",
    "- [x] ",
    "-  [-]\t",
    "? ",
    "> ",
    "",
    "[  ] ",
    "- [  ] ",
    "-  [\t] ",
    "[\t]",
    "solution: ",
    "due: ",
    "due:\t2026-03-05 ",
    "cadence: ",
    "- [ ]",
    "[X] ",
];
const INDENTS: &[&str] = &["  ", "\t", "    ", " \t", "      ", " "];
const OTHERS: &[&str] = &[
    "",
    "  ",
    "\t",
    "; a comment  line",
    "  ;\tindented comment",
    "# Week  12",
    "## Billing",
    "# ",
    "#",
    "#  ",
    "##",
    "boss @maria Maria  Chen",
    "boss\t@dev Dev Patel   ; new boss",
    "boss @sam",
    "  cadence: weekly",
    "  cadence:  2/week",
    "  updates: friday",
    "scope  #billing\t#oncall",
    "set  repitch   45",
    "set  nosuch 3",
    "\u{feff}x  y",
    "2026-03-02\tdid",
    "include  missing.up",
];
const ENDINGS: &[&str] = &[
    "\n", "\n", "\n", "\r\n", "\r\n", "\r", "\r\r\n", " \n", "\t\r\n",
];

fn words(rng: &mut Rng, out: &mut String) {
    for _ in 0..rng.below(7) {
        out.push_str(rng.pick(SPACES));
        out.push_str(rng.pick(WORDS));
    }
}

fn comment(rng: &mut Rng, out: &mut String) {
    if rng.chance(20) {
        out.push_str(rng.pick(SPACES));
        out.push_str(if rng.chance(50) {
            ";  a note ; more"
        } else {
            ";"
        });
    }
}

fn line(rng: &mut Rng, out: &mut String) {
    match rng.below(10) {
        0..=2 => {
            out.push_str(rng.pick(DATES));
            if rng.chance(30) {
                out.push_str(rng.pick(SPACES));
                out.push_str(rng.pick(&["09:30", "14:00", "25:00"]));
            }
            out.push_str(rng.pick(SPACES));
            out.push_str(rng.pick(KINDS));
            words(rng, out);
        }
        3..=6 => {
            out.push_str(rng.pick(INDENTS));
            out.push_str(rng.pick(MARKERS));
            words(rng, out);
        }
        _ => out.push_str(rng.pick(OTHERS)),
    }
    comment(rng, out);
}

/// A journal of up to 40 lines of every form, with random spacing and line endings.
pub fn journal(rng: &mut Rng) -> Vec<u8> {
    let mut out = String::new();
    if rng.chance(10) {
        out.push('\u{feff}');
    }
    let uniform = rng.chance(70).then(|| rng.pick(&["\n", "\r\n"]));
    for _ in 0..rng.below(40) {
        line(rng, &mut out);
        out.push_str(uniform.unwrap_or_else(|| rng.pick(ENDINGS)));
    }
    if rng.chance(20) {
        line(rng, &mut out);
    }
    out.into_bytes()
}

const SNIPPETS: &[&[u8]] = &[
    b" ",
    b"\t",
    b"\r",
    b"\n",
    b"\r\n",
    b"[",
    b"]",
    b"#",
    b"# ",
    b";",
    b"-",
    b"- ",
    b"?",
    b"\xef\xbb\xbf",
    b"@",
    b"^",
    b":",
    b"\0",
    b"\xff",
    b"\xc3",
    b"  ",
    b"2026-03-04 did ",
    b"x",
    b"due:",
    b"(",
    b".",
];

/// `bytes` with a few random edits: snippets inserted, bytes removed, lines repeated.
pub fn mutate(rng: &mut Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 | 1 => {
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
                bytes.splice(at..at, snippet.iter().copied());
            }
            2 => {
                let end = (at + 1 + rng.below(4)).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            _ => {
                let start = bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |i| at + i + 1);
                let copy = bytes[start..end].to_vec();
                bytes.splice(start..start, copy);
            }
        }
    }
    bytes
}

/// Case `n`: a generated journal, mutated in two cases out of three.
pub fn case(n: u64) -> Vec<u8> {
    let mut rng = Rng::new(n);
    let bytes = journal(&mut rng);
    if rng.chance(66) {
        mutate(&mut rng, bytes)
    } else {
        bytes
    }
}

fn format(bytes: &[u8], force: bool) -> Option<Vec<u8>> {
    let source = SourceFile::new("p.up", "p.up", bytes.to_vec());
    formatter::format_file(FileId(0), &source, force).ok()
}

/// For each line of `bytes` (split at LF, as the parser splits), how many lines that are not
/// blank come before it, and whether it is blank: what `fmt` keeps of a line's place, since
/// it only ever removes and adds blank lines.
fn places(bytes: &[u8]) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut solid = 0;
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    for (i, &line) in lines.iter().enumerate() {
        // A `\r` before a line feed is part of the line ending; the last line has none.
        let line = match line.strip_suffix(b"\r") {
            Some(l) if i + 1 < lines.len() => l,
            _ => line,
        };
        let line = if out.is_empty() {
            line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
        } else {
            line
        };
        let blank = line.iter().all(|&b| b == b' ' || b == b'\t');
        out.push((solid, blank));
        if !blank {
            solid += 1;
        }
    }
    out
}

fn place(places: &[(usize, bool)], line: u64) -> String {
    let (solid, blank) = places
        .get((line as usize).saturating_sub(1))
        .copied()
        .unwrap_or((usize::MAX, true));
    if blank {
        format!("blank after {solid}")
    } else {
        format!("line {solid}")
    }
}

/// The meaning of `bytes`, with every line number replaced by its place: the diagnostics of
/// `check` and the `export` model.
fn meaning(bytes: &[u8]) -> String {
    let places = places(bytes);
    let text = String::from_utf8_lossy(bytes);
    let journal = Journal::from_text("p.up", &text);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default();
    let mut out = String::new();
    for d in upward::check(&journal, today, &[]) {
        let line = journal.sources.position(d.span).line;
        out.push_str(&format!(
            "{} {} {} {:?}\n",
            place(&places, u64::from(line)),
            d.severity,
            d.code,
            d.message
        ));
    }
    let mut model = serde_json::to_value(upward::export::export(&journal)).unwrap_or_default();
    relabel(&mut model, &places);
    out.push_str(&model.to_string());
    out
}

fn relabel(value: &mut serde_json::Value, places: &[(usize, bool)]) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match (key.as_str(), v.as_u64()) {
                    ("line", Some(n)) => *v = serde_json::Value::String(place(places, n)),
                    _ => relabel(v, places),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| relabel(v, places)),
        _ => {}
    }
}

/// Checks the property on `bytes`, plain and with `--force`; returns what broke.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let before = meaning(bytes);
    for force in [false, true] {
        let Some(once) = format(bytes, force) else {
            if force {
                return Err("--force refused".into());
            }
            continue;
        };
        let twice = format(&once, true).unwrap_or_default();
        if twice != once {
            return Err(format!(
                "not idempotent (force {force}):\n once {:?}\ntwice {:?}",
                String::from_utf8_lossy(&once),
                String::from_utf8_lossy(&twice)
            ));
        }
        let after = meaning(&once);
        if after != before {
            return Err(format!(
                "meaning changed (force {force}):\nformatted {:?}\n{}",
                String::from_utf8_lossy(&once),
                first_difference(&before, &after)
            ));
        }
    }
    Ok(())
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let from = a[..at].char_indices().rev().nth(120).map_or(0, |(i, _)| i);
    let tail = |s: &str| {
        s.get(from..)
            .unwrap_or("")
            .chars()
            .take(300)
            .collect::<String>()
    };
    format!("before …{}\n after …{}", tail(a), tail(b))
}
