//! Writes a `git fast-import` stream of a journal's history, for the history benchmark
//! (`benches/history/run.sh`): COMMITS commits on `refs/heads/main`, each appending the next
//! entries of a generated journal (`benches/gen`) to `journal.up`, so that it grows to about
//! BYTES. About one commit in a hundred also edits an earlier entry (its draft header gets its
//! final words), and about one in twenty is committed five days late (a backfill).
//!
//! ```text
//! cargo run --release --example gen_history_repo -- [COMMITS] [BYTES] > stream
//! git init -q repo && git -C repo fast-import --quiet < stream
//! ```
//!
//! The same arguments always give the same stream (commit dates included).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveTime};

#[path = "../benches/gen/mod.rs"]
mod journal_gen;

use journal_gen::Rng;

const USAGE: &str = "usage: gen_history_repo [COMMITS] [BYTES]   (defaults 10000, 2000000)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let number = |i: usize, default: usize| -> Option<usize> {
        args.get(i)
            .map_or(Some(default), |a| a.replace('_', "").parse().ok())
    };
    let (Some(commits), Some(bytes)) = (number(0, 10_000), number(1, 2_000_000)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let history = History::new(commits.max(1), bytes);
    let out = std::io::stdout().lock();
    match history.write(&mut BufWriter::with_capacity(1 << 20, out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_history_repo: {e}");
            ExitCode::FAILURE
        }
    }
}

struct History {
    preamble: String,
    /// Each entry's final text and its date.
    blocks: Vec<(String, NaiveDate)>,
    /// The commit (1-based) that fixes an entry's draft header; before it the entry is a draft.
    fixed_at: Vec<usize>,
    /// How many entries commit `k` holds.
    upto: Vec<usize>,
    late: Vec<bool>,
}

impl History {
    fn new(commits: usize, bytes: usize) -> History {
        // benches/gen writes about 100 bytes per entry.
        let text = journal_gen::journal(bytes / 100 + 1, 7);
        let mut preamble = String::new();
        let mut blocks: Vec<(String, NaiveDate)> = Vec::new();
        for line in text.split_inclusive('\n') {
            let date = line
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            match (date, blocks.last_mut()) {
                (Some(d), _) => blocks.push((line.to_string(), d)),
                (None, Some(last)) => last.0.push_str(line),
                (None, None) => preamble.push_str(line),
            }
        }
        let mut rng = Rng::new(11);
        let n = blocks.len();
        let upto: Vec<usize> = (0..=commits).map(|k| k * n / commits).collect();
        let mut fixed_at = vec![0; n];
        let mut late = vec![false; commits + 1];
        for k in 2..=commits {
            late[k] = rng.percent(5);
            if rng.percent(1) && upto[k - 1] > 0 {
                let i = rng.below(upto[k - 1]);
                if fixed_at[i] == 0 && blocks[i].0.lines().next().is_some_and(|l| l.len() > 30) {
                    fixed_at[i] = k;
                }
            }
        }
        History {
            preamble,
            blocks,
            fixed_at,
            upto,
            late,
        }
    }

    /// The header of an entry before its fix: its last word left out.
    fn draft(block: &str) -> String {
        let (first, rest) = block.split_once('\n').unwrap_or((block, ""));
        let cut = first.rfind(' ').unwrap_or(first.len());
        format!("{}\n{rest}", &first[..cut])
    }

    fn version(&self, k: usize) -> String {
        let mut text = self.preamble.clone();
        for (i, (block, _)) in self.blocks[..self.upto[k]].iter().enumerate() {
            if self.fixed_at[i] > k {
                text.push_str(&History::draft(block));
            } else {
                text.push_str(block);
            }
        }
        text
    }

    fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let commits = self.upto.len() - 1;
        let mut time = 0i64;
        for k in 1..=commits {
            let newest = self.upto[k].checked_sub(1).map(|i| self.blocks[i].1);
            let day = newest.unwrap_or(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default());
            let evening = day.and_time(NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default());
            let mut when = evening.and_utc().timestamp();
            if self.late[k] {
                when += 5 * 86_400;
            }
            time = when.max(time + 60);
            let fixes = self.fixed_at.iter().filter(|&&f| f == k).count();
            let message = if fixes > 0 {
                format!("Journal: entries to {day}, one entry reworded")
            } else {
                format!("Journal: entries to {day}")
            };
            let content = self.version(k);
            writeln!(out, "commit refs/heads/main\nmark :{k}")?;
            for who in ["author", "committer"] {
                writeln!(out, "{who} Bench <bench@example.com> {time} +0000")?;
            }
            writeln!(out, "data {}\n{message}", message.len())?;
            if k > 1 {
                writeln!(out, "from :{}", k - 1)?;
            }
            writeln!(out, "M 100644 inline journal.up\ndata {}", content.len())?;
            out.write_all(content.as_bytes())?;
            writeln!(out)?;
        }
        out.flush()
    }
}
