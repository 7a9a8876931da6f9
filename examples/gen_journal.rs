//! Writes a generated journal for benchmarks, and optionally a ledger-cli file of the same
//! size for a speed comparison.
//!
//! ```text
//! cargo run --release --example gen_journal -- ENTRIES OUT.up [--ledger OUT.ledger] [--seed N]
//! ```

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Datelike as _;

#[path = "../benches/gen/mod.rs"]
mod journal_gen;

use journal_gen::Rng;

const USAGE: &str = "usage: gen_journal ENTRIES OUT.up [--ledger OUT.ledger] [--seed N]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_journal: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut ledger: Option<PathBuf> = None;
    let mut seed = 1u64;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--ledger" => ledger = Some(args.next().ok_or("--ledger needs a path")?.into()),
            "--seed" => {
                let value = args.next().ok_or("--seed needs a number")?;
                seed = value.parse().map_err(|_| format!("bad seed `{value}`"))?;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => positional.push(arg),
        }
    }
    let [entries, out] = &positional[..] else {
        return Err("expected ENTRIES and OUT.up".into());
    };
    let entries: usize = entries
        .replace('_', "")
        .parse()
        .map_err(|_| format!("bad entry count `{entries}`"))?;
    let text = journal_gen::journal(entries, seed);
    std::fs::write(out, &text).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("{out}: {entries} entries, {} bytes", text.len());
    if let Some(path) = ledger {
        let text = ledger_file(entries, seed);
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!(
            "{}: {entries} transactions, {} bytes",
            path.display(),
            text.len()
        );
    }
    Ok(())
}

/// Payees with the expense account they post to and a typical amount in cents.
const PAYEES: &[(&str, &str, u64)] = &[
    ("Whole Foods Market", "Expenses:Food:Groceries", 8_500),
    ("Trader Joe's", "Expenses:Food:Groceries", 5_200),
    ("Blue Bottle Coffee", "Expenses:Food:Coffee", 650),
    ("Chipotle", "Expenses:Food:Dining", 1_400),
    ("Shell", "Expenses:Transport:Fuel", 4_800),
    ("City Transit", "Expenses:Transport:Transit", 275),
    (
        "Pacific Gas & Electric",
        "Expenses:Utilities:Electric",
        9_600,
    ),
    ("Comcast", "Expenses:Utilities:Internet", 7_999),
    ("Netflix", "Expenses:Subscriptions", 1_549),
    ("Amazon", "Expenses:Shopping", 3_700),
    ("Walgreens", "Expenses:Health:Pharmacy", 2_100),
    ("REI", "Expenses:Sports", 6_400),
];
const FUNDING: &[&str] = &["Assets:Checking", "Liabilities:Visa", "Liabilities:Amex"];

/// A ledger-cli journal of `count` dated transactions with two postings each: mostly
/// expenses paid from checking or a credit card, a salary twice a month, rent monthly.
fn ledger_file(count: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0x1ED6E5);
    let mut out = String::with_capacity(count * 90 + 256);
    out.push_str("; A generated ledger-cli journal for speed comparisons with upward.\n\n");
    // Eight transactions a day on average, from 2000 on (ledger wants years from 1400).
    let mut day = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let mut written = 0;
    while written < count {
        let today = day.format("%Y/%m/%d").to_string();
        let n = rng.range(4, 12).min(count - written);
        for i in 0..n {
            let cleared = if rng.percent(80) { "* " } else { "" };
            let (payee, account, amount) = if i == 0 && day.day0() == 0 {
                ("Landlord", "Expenses:Housing:Rent", 250_000)
            } else if (i == 1 && day.day0() == 0) || (i == 0 && day.day0() == 14) {
                ("Acme Corp", "Income:Salary", 420_000)
            } else {
                PAYEES[rng.below(PAYEES.len())]
            };
            let cents = amount / 2 + rng.below(amount as usize) as u64;
            let (from, sign) = if account.starts_with("Income") {
                ("Assets:Checking", "-")
            } else if account.ends_with("Rent") {
                ("Assets:Checking", "")
            } else {
                (rng.pick(FUNDING), "")
            };
            let _ = write!(
                out,
                "{today} {cleared}{payee}\n    {account:<36}{sign}${}.{:02}\n    {from}\n\n",
                cents / 100,
                cents % 100
            );
        }
        written += n;
        day = day.succ_opt().unwrap();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::journal_gen::journal;
    use upward::model::Journal;

    fn errors(text: &str) -> Vec<String> {
        let j = Journal::from_text("gen.up", text);
        j.diagnostics
            .iter()
            .filter(|d| d.is_error())
            .take(10)
            .map(|d| {
                let at = d.span.start as usize;
                let line = text[..at].matches('\n').count() + 1;
                format!("line {line}: {} {}", d.code, d.message)
            })
            .collect()
    }

    #[test]
    fn five_thousand_entries_have_no_errors() {
        let text = journal(5_000, 42);
        assert_eq!(errors(&text), Vec::<String>::new());
        let j = Journal::from_text("gen.up", &text);
        assert_eq!(j.entries.len(), 5_000);
        assert_eq!(j.bosses.len(), 3);
        let mut kinds: Vec<_> = j.entries.iter().map(|e| e.kind).collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), 17, "every kind appears: {kinds:?}");
        let per_entry = text.len() / 5_000;
        assert!(
            (80..=130).contains(&per_entry),
            "{per_entry} bytes per entry"
        );
    }

    #[test]
    fn any_size_and_seed_has_no_errors() {
        for (entries, seed) in [
            (0, 1),
            (1, 2),
            (2, 3),
            (7, 4),
            (60, 5),
            (999, 6),
            (2_500, 7),
        ] {
            let text = journal(entries, seed);
            assert_eq!(errors(&text), Vec::<String>::new(), "{entries} entries");
            let j = Journal::from_text("gen.up", &text);
            assert_eq!(j.entries.len(), entries);
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(journal(500, 9), journal(500, 9));
        assert_ne!(journal(500, 9), journal(500, 10));
    }
}
