//! The command-line interface as clap types.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

use super::completions;

const EXAMPLES: &str = "\
Examples:
  upward -f journal.up check           Parse, model and run the rules
  upward check --format json           Diagnostics as one JSON array
  upward -f notes/ check --deny warnings
  upward explain repitch               What a rule means and how to tune it

Journal: -f PATH (repeatable; a file or a directory of *.up files), else $UPWARD_JOURNAL,
else ./journal.up or ./notes/.

Exit codes: 0 clean (or warnings only), 1 errors (or warnings with --deny warnings),
2 usage errors (bad arguments, no journal found).";

/// A plaintext journal toolchain for managing up.
#[derive(Debug, Parser)]
#[command(name = "upward", version, about, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(flatten)]
    pub boss: BossArg,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags every command takes, before or after its name.
#[derive(Debug, Args, Clone, Default)]
pub struct Global {
    /// Journal file or directory (repeatable) [env: UPWARD_JOURNAL]
    #[arg(short = 'f', long = "file", global = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// The date to treat as today, YYYY-MM-DD [env: UPWARD_TODAY; default: the local date]
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Term)]
    pub format: Format,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// `--boss`, from the commands that take it (see [`BossArg`]).
    #[arg(skip)]
    pub boss: Option<String>,
}

/// `--boss`, on the commands that report on a boss (and before any command, for the
/// dashboard); the others do not list it.
#[derive(Debug, Args, Clone, Default)]
pub struct BossArg {
    /// The boss to report on, by @id (default: every active boss, or the first for one-boss reports)
    #[arg(long, value_name = "@ID", add = ArgValueCompleter::new(completions::bosses))]
    pub boss: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Term,
    Md,
    Json,
    Csv,
    /// One self-contained page (report, streaks and brag)
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::syntax::calendar_date(text)
        .ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

pub fn parse_time(text: &str) -> Result<chrono::NaiveTime, String> {
    crate::syntax::clock_time(text)
        .map(crate::syntax::Clock::time)
        .ok_or_else(|| format!("`{text}` is not a time of day; write HH:MM"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse the journal, build the model and run the rules; print diagnostics
    #[command(
        after_help = "Examples:\n  upward check\n  upward check --format json\n  upward check --allow repitch --deny warnings\n  upward check --with myrule"
    )]
    Check(CheckArgs),
    /// Explain a rule: what it means, why it matters, how to tune it
    #[command(
        after_help = "Examples:\n  upward explain            every code, one line each\n  upward explain repitch"
    )]
    Explain(ExplainArgs),
    /// A period's summary: priorities and aligned work, check-ins, updates, feedback, promises, wins
    #[command(
        after_help = "Examples:\n  upward report\n  upward report --period last-week\n  upward report --period 2026-10 --format md\n  upward report --period 2026-10-01..2026-10-31 --format json"
    )]
    Report(ReportArgs),
    /// Check-in, update, feedback-ask and promises-kept streaks, with a calendar heatmap
    #[command(
        after_help = "Examples:\n  upward streaks\n  upward streaks --weeks 52\n  upward streaks --format json\n  upward streaks --strict"
    )]
    Streaks(StreaksArgs),
    /// The next 1:1's agenda: open actions, open points, promises due, open pitches and problems
    #[command(after_help = "Examples:\n  upward agenda\n  upward agenda --boss @maria --format md")]
    Agenda(AgendaArgs),
    /// A status-update draft of what happened since the last update, within the word limit
    #[command(after_help = "Examples:\n  upward draft\n  upward draft --boss @dev > update.md")]
    Draft(DraftArgs),
    /// Wins and initiatives grouped by priority, as Markdown for a performance review
    #[command(
        after_help = "Examples:\n  upward brag --since 2026-01-01\n  upward brag --since 2026-07-01 --format json"
    )]
    Brag(BragArgs),
    /// A 0–100 score per managing-up practice, with the figures behind it
    #[command(after_help = "Examples:\n  upward scorecard\n  upward scorecard --format json")]
    Scorecard(ScorecardArgs),
    /// From git: priority churn, backfilled and edited entries, a timeline
    #[command(
        after_help = "Examples:\n  upward history\n  upward history --since 2026-09-01 --format json"
    )]
    History(HistoryArgs),
    /// Start a notes repository (git init, a starter journal, a pre-commit hook, the merge driver), or add what a clone lacks
    #[command(after_help = "Examples:\n  upward init\n  upward init ~/notes")]
    Init(InitArgs),
    /// Git's merge driver for journals: a three-way merge by entry (set up by `upward init`)
    #[command(
        after_help = "git runs it, as .git/config says:\n  [merge \"upward\"]\n    driver = upward merge %O %A %B %P\n\nExit codes: 0 merged, 1 conflicts (between markers in OURS), 2 could not merge."
    )]
    Merge(MergeArgs),
    /// Commit the journal, pull (rebasing) and push, through your git
    #[command(
        after_help = "Examples:\n  upward sync\n  upward sync --format json\n\nExit codes: 0 synced, 1 stopped (a conflict, a refused commit, a failed pull or push), 2 no repository or no remote."
    )]
    Sync(SyncArgs),
    /// Validate and append one entry, atomically
    #[command(
        after_help = "Examples:\n  upward add did \"Fixed the retry queue #billing\"\n  upward add checkin @maria dur:30m --date 2026-11-23 --commit\n  upward add -e"
    )]
    Add(AddArgs),
    /// Rewrite files in the canonical layout (whitespace only)
    #[command(
        after_help = "Examples:\n  upward fmt\n  upward fmt --check\n  upward fmt -f notes/\n  upward fmt --stdin < journal.up"
    )]
    Fmt(FmtArgs),
    /// Run the language server on stdio
    #[command(after_help = "Editors start it themselves; see the README for each editor's setup.")]
    Lsp(LspArgs),
    /// The whole journal as versioned JSON (the plugin data model)
    #[command(
        after_help = "Examples:\n  upward export > journal.json\n  upward export --redact > shareable.json"
    )]
    Export(ExportArgs),
    /// List the plugins (upward-NAME programs) found on PATH
    Plugins(PluginsArgs),
    /// Print shell completions
    #[command(
        after_help = "Examples:\n  upward completions bash > ~/.local/share/bash-completion/completions/upward\n  upward completions zsh > ~/.zfunc/_upward"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    #[command(
        after_help = "Examples:\n  upward man | man -l -\n  upward man > ~/.local/share/man/man1/upward.1"
    )]
    Man,
    /// Any other name runs `upward-NAME` from PATH as a plugin
    #[command(external_subcommand)]
    External(Vec<OsString>),
}

#[derive(Debug, Args, Clone, Default)]
pub struct CheckArgs {
    /// Silence a rule by its code (repeatable)
    #[arg(long, value_name = "CODE", add = ArgValueCompleter::new(completions::rule_codes))]
    pub allow: Vec<String>,
    /// Treat warnings as errors: `--deny warnings`
    #[arg(long, value_name = "warnings", value_parser = ["warnings"])]
    pub deny: Option<String>,
    /// Also show settled warnings: about past events older than `set settle` days, or resolved
    #[arg(long)]
    pub all: bool,
    /// Run the rule plugin `upward-NAME` and merge its diagnostics (repeatable)
    #[arg(long = "with", value_name = "NAME")]
    pub with: Vec<String>,
    /// Seconds a rule plugin may run
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub plugin_timeout: u64,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ExplainArgs {
    /// A rule code; without it, every code is listed
    #[arg(add = ArgValueCompleter::new(completions::codes))]
    pub code: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct ReportArgs {
    #[command(flatten)]
    pub boss: BossArg,
    /// this-week, last-week, this-month, last-month, YYYY-MM or FROM..TO (YYYY-MM-DD..YYYY-MM-DD)
    #[arg(long, default_value = "this-week", add = ArgValueCompleter::new(completions::periods))]
    pub period: String,
    /// Leave out #private entries and replace people by roles, as `export --redact` does
    #[arg(long)]
    pub redact: bool,
    /// Show #private entries on the HTML page (left out of it by default)
    #[arg(long)]
    pub private: bool,
}

#[derive(Debug, Args, Clone)]
pub struct StreaksArgs {
    #[command(flatten)]
    pub boss: BossArg,
    /// Weeks the heatmap shows (1 to 520)
    #[arg(long, default_value_t = 26, value_parser = clap::value_parser!(u32).range(1..=520))]
    pub weeks: u32,
    /// Count only entries that git shows were not backfilled
    #[arg(long)]
    pub strict: bool,
    /// Leave out #private entries and replace people by roles, as `export --redact` does
    #[arg(long)]
    pub redact: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct AgendaArgs {
    #[command(flatten)]
    pub boss: BossArg,
}

#[derive(Debug, Args, Clone, Default)]
pub struct DraftArgs {
    #[command(flatten)]
    pub boss: BossArg,
}

#[derive(Debug, Args, Clone, Default)]
pub struct BragArgs {
    #[command(flatten)]
    pub boss: BossArg,
    /// First day to include (default: a year before today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Leave out #private entries and replace people by roles, as `export --redact` does
    #[arg(long)]
    pub redact: bool,
    /// Keep entries tagged #private (left out by default)
    #[arg(long)]
    pub private: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ScorecardArgs {
    #[command(flatten)]
    pub boss: BossArg,
    /// First day of the window scored (default: 90 days up to today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct HistoryArgs {
    /// Only commits on or after this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct InitArgs {
    /// Directory to create (default: the current one)
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct MergeArgs {
    /// The common ancestor's version (git's %O)
    pub base: PathBuf,
    /// Our version, replaced by the result (git's %A)
    pub ours: PathBuf,
    /// Their version (git's %B)
    pub theirs: PathBuf,
    /// The file's path in the repository, for messages (git's %P)
    pub path: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct SyncArgs {}

#[derive(Debug, Args, Clone, Default)]
pub struct AddArgs {
    /// The entry's kind (did, checkin, promise, …)
    #[arg(required_unless_present = "edit", add = ArgValueCompleter::new(completions::kinds))]
    pub kind: Option<String>,
    /// The entry's words: text, @people, #tags, ^handles, key:value fields (after `--` when
    /// a word starts with `-`)
    pub words: Vec<String>,
    /// The entry's date (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The entry's time of day, HH:MM
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    pub time: Option<chrono::NaiveTime>,
    /// Append to this file (default: the -f file, else the last file in path order)
    #[arg(long, value_name = "FILE")]
    pub to: Option<PathBuf>,
    /// Commit the file (only that file) after appending
    #[arg(long)]
    pub commit: bool,
    /// Write the entry in $EDITOR from a template
    #[arg(short = 'e', long = "edit")]
    pub edit: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct FmtArgs {
    /// Do not write: exit 1 and print a diff when a file would change
    #[arg(long)]
    pub check: bool,
    /// Format files that have parse errors, leaving the erroneous lines as they are
    #[arg(long)]
    pub force: bool,
    /// Read one file from standard input and write it formatted to standard output (for an
    /// editor's format command); with parse errors it is written back unchanged
    #[arg(long)]
    pub stdin: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct LspArgs {
    /// Accepted for editors that pass it; stdio is the only transport
    #[arg(long, hide = true)]
    pub stdio: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ExportArgs {
    /// Drop #private entries and quotes, replace people by roles, for sharing
    #[arg(long)]
    pub redact: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct PluginsArgs {}

#[derive(Debug, Args, Clone)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

impl Command {
    /// The `--boss` given after the command's name, for the commands that take it.
    pub fn boss(&self) -> Option<&String> {
        match self {
            Command::Report(a) => a.boss.boss.as_ref(),
            Command::Streaks(a) => a.boss.boss.as_ref(),
            Command::Agenda(a) => a.boss.boss.as_ref(),
            Command::Draft(a) => a.boss.boss.as_ref(),
            Command::Brag(a) => a.boss.boss.as_ref(),
            Command::Scorecard(a) => a.boss.boss.as_ref(),
            _ => None,
        }
    }
}
