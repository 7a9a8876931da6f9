//! The command-line interface as clap types.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Term,
    Md,
    Json,
    Csv,
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse the journal, build the model and run the rules; print diagnostics
    #[command(
        after_help = "Examples:\n  upward check\n  upward check --format json\n  upward check --allow repitch --deny warnings"
    )]
    Check(CheckArgs),
    /// Explain a rule: what it means, why it matters, how to tune it
    #[command(
        after_help = "Examples:\n  upward explain            every code, one line each\n  upward explain repitch"
    )]
    Explain(ExplainArgs),
}

#[derive(Debug, Args, Clone, Default)]
pub struct CheckArgs {
    /// Silence a rule by its code (repeatable)
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    /// Treat warnings as errors: `--deny warnings`
    #[arg(long, value_name = "warnings", value_parser = ["warnings"])]
    pub deny: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ExplainArgs {
    /// A rule code; without it, every code is listed
    pub code: Option<String>,
}
