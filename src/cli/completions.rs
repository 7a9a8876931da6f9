//! Shell completions. `upward completions SHELL` prints a script generated from the CLI
//! definition: commands and flags only. The journal-aware completions are answered by the
//! binary itself while the user types (`source <(COMPLETE=bash upward)`, see docs/editors.md):
//! `--boss` offers the journal's bosses, `--period` the period words and the months the
//! journal covers, `add` the entry kinds, `explain` and `--allow` the codes.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;

use super::args::{Cli, CompletionsArgs, Global};
use super::exit;
use super::journal;
use super::output::{self, Failure};
use crate::model::Journal;
use crate::rules::codes::{Kind as CodeKind, TABLE};
use crate::syntax::Kind;

pub fn run(_global: &Global, args: &CompletionsArgs) -> Result<u8, Failure> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "upward", &mut buf);
    output::print(&String::from_utf8_lossy(&buf))?;
    Ok(exit::OK)
}

/// When a shell asks for completions (`COMPLETE=SHELL` is set), answers and exits; otherwise
/// returns at once.
pub fn answer_shell() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .bin("upward")
        .complete();
}

/// `--boss`: the journal's bosses, as `@id` with their names.
pub fn bosses(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(journal) = journal_being_typed() else {
        return Vec::new();
    };
    let candidates = journal
        .bosses
        .iter()
        .map(|b| (format!("@{}", b.id), b.name.clone()));
    matching(current, candidates)
}

/// `--period`: the period words, then every month the journal's entries fall in, newest first.
pub fn periods(current: &OsStr) -> Vec<CompletionCandidate> {
    let words = [
        ("this-week", "this ISO week"),
        ("last-week", "the ISO week before"),
        ("this-month", "this calendar month"),
        ("last-month", "the calendar month before"),
    ]
    .map(|(w, h)| (w.to_string(), h.to_string()));
    let months: BTreeSet<String> = journal_being_typed()
        .map(|j| {
            j.entries
                .iter()
                .map(|e| e.date.format("%Y-%m").to_string())
                .collect()
        })
        .unwrap_or_default();
    let months = months
        .into_iter()
        .rev()
        .map(|m| (m, "a month the journal covers".to_string()));
    matching(current, words.into_iter().chain(months))
}

/// `add KIND`: the entry kinds.
pub fn kinds(current: &OsStr) -> Vec<CompletionCandidate> {
    let kinds = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), String::new()));
    matching(current, kinds)
}

/// `explain CODE`: every code, with its summary.
pub fn codes(current: &OsStr) -> Vec<CompletionCandidate> {
    code_candidates(current, |_| true)
}

/// `--allow CODE`: the rules' codes (an error cannot be silenced).
pub fn rule_codes(current: &OsStr) -> Vec<CompletionCandidate> {
    code_candidates(current, |kind| kind != CodeKind::Error)
}

fn code_candidates(current: &OsStr, keep: impl Fn(CodeKind) -> bool) -> Vec<CompletionCandidate> {
    let codes = TABLE.iter().filter(|c| keep(c.kind)).map(|c| {
        let summary = crate::rules::explain::summary(c.code);
        (c.code.to_string(), summary.to_string())
    });
    matching(current, codes)
}

/// The candidates that start with what is typed so far, each with its help when it has one.
fn matching(
    current: &OsStr,
    candidates: impl Iterator<Item = (String, String)>,
) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    candidates
        .filter(|(value, _)| value.starts_with(&*typed))
        .map(|(value, help)| {
            let candidate = CompletionCandidate::new(value);
            if help.is_empty() {
                candidate
            } else {
                candidate.help(Some(help.into()))
            }
        })
        .collect()
}

/// The journal of the command line being completed: its `-f`/`--file` paths, else the usual
/// search (`UPWARD_JOURNAL`, `./journal.up`, `./notes/`). `None` when there is none or it
/// cannot be read: a completion never prints an error.
fn journal_being_typed() -> Option<Journal> {
    let global = Global {
        files: files_typed(std::env::args_os().skip(1).collect()),
        ..Global::default()
    };
    let paths = journal::paths(&global).ok()?;
    journal::load_paths(&paths).ok()
}

/// The values of `-f PATH`, `-fPATH`, `--file PATH` and `--file=PATH` among the words.
fn files_typed(words: Vec<std::ffi::OsString>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        let word = word.to_string_lossy().into_owned();
        if word == "-f" || word == "--file" {
            files.extend(words.next().map(PathBuf::from));
        } else if let Some(path) = word.strip_prefix("--file=") {
            files.push(PathBuf::from(path));
        } else if let Some(path) = word.strip_prefix("-f").filter(|p| !p.is_empty()) {
            files.push(PathBuf::from(path));
        }
    }
    files.retain(|p| !p.as_os_str().is_empty());
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(candidates: Vec<CompletionCandidate>) -> Vec<String> {
        candidates
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn files_are_read_from_every_spelling_of_the_flag() {
        let words = [
            "upward", "-f", "a.up", "-fb", "--file", "c", "--file=d", "report",
        ];
        let files = files_typed(words.iter().map(Into::into).collect());
        let expect: Vec<PathBuf> = ["a.up", "b", "c", "d"].iter().map(PathBuf::from).collect();
        assert_eq!(files, expect);
    }

    #[test]
    fn allow_offers_rules_only_and_explain_offers_errors_too() {
        let allow = values(rule_codes(OsStr::new("")));
        let explain = codes(OsStr::new("")).len();
        assert!(allow.iter().any(|c| c == "repitch"));
        assert!(!allow.iter().any(|c| c == "indented-entry"));
        assert!(explain > allow.len());
    }

    #[test]
    fn only_candidates_starting_with_the_typed_text_are_offered() {
        let kinds = values(kinds(OsStr::new("p")));
        assert_eq!(kinds, ["priority", "problem", "promise", "pitch"]);
    }
}
