//! The command line. Nothing outside this module knows clap.

mod add;
mod agenda;
mod args;
mod brag;
mod check;
mod completions;
mod dashboard;
mod draft;
mod explain;
mod export;
mod external;
mod fmt;
mod formats;
mod history;
mod init;
mod journal;
mod lsp;
mod man;
mod merge;
mod output;
mod plugins;
mod report;
mod scorecard;
mod streaks;
mod sync;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

pub use args::{Cli, Command, Format, Global};
pub use output::Failure;

/// Exit codes, as documented in the README.
pub mod exit {
    /// Success: no errors (warnings allowed unless `--deny warnings`).
    pub const OK: u8 = 0;
    /// The journal has errors (or warnings under `--deny warnings`).
    pub const FINDINGS: u8 = 1;
    /// Usage: bad arguments, no journal found, an unreadable `-f` path.
    pub const USAGE: u8 = 2;
}

pub fn main() -> ExitCode {
    completions::answer_shell();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let err = without_version_tip(err);
            let code = if err.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    output::init_color(cli.global.color);
    let result = run(cli);
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::BrokenPipe) => ExitCode::from(exit::OK),
        Err(Failure::Usage(message)) => {
            output::error_line(&message);
            ExitCode::from(exit::USAGE)
        }
        Err(Failure::Io(err)) => {
            output::error_line(&format!("cannot write output: {err}"));
            ExitCode::from(exit::FINDINGS)
        }
    }
}

/// clap offers `--version` for any unknown flag that looks like it (`--verbose`), which is
/// never what was meant: such an error keeps its message and drops the tip.
fn without_version_tip(err: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let tip = err.get(ContextKind::SuggestedArg);
    if err.kind() != ErrorKind::UnknownArgument
        || !matches!(tip, Some(ContextValue::String(s)) if s == "--version")
    {
        return err;
    }
    let mut plain = clap::Error::new(ErrorKind::UnknownArgument).with_cmd(&Cli::command());
    for (kind, value) in err.context() {
        if !matches!(kind, ContextKind::SuggestedArg | ContextKind::Usage) {
            plain.insert(kind, value.clone());
        }
    }
    plain
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let mut global = cli.global;
    global.boss = cli
        .command
        .as_ref()
        .and_then(Command::boss)
        .or(cli.boss.boss.as_ref())
        .cloned();
    formats::accept(cli.command.as_ref(), global.format)?;
    let Some(command) = cli.command else {
        return dashboard::run(&global);
    };
    match command {
        Command::Check(args) => check::run(&global, &args),
        Command::Explain(args) => explain::run(&global, &args),
        Command::Report(args) => report::run(&global, &args),
        Command::Streaks(args) => streaks::run(&global, &args),
        Command::Agenda(args) => agenda::run(&global, &args),
        Command::Draft(args) => draft::run(&global, &args),
        Command::Brag(args) => brag::run(&global, &args),
        Command::Scorecard(args) => scorecard::run(&global, &args),
        Command::History(args) => history::run(&global, &args),
        Command::Init(args) => init::run(&global, &args),
        Command::Merge(args) => merge::run(&global, &args),
        Command::Sync(args) => sync::run(&global, &args),
        Command::Add(args) => add::run(&global, &args),
        Command::Fmt(args) => fmt::run(&global, &args),
        Command::Lsp(args) => lsp::run(&global, &args),
        Command::Export(args) => export::run(&global, &args),
        Command::Plugins(args) => plugins::run(&global, &args),
        Command::Completions(args) => completions::run(&global, &args),
        Command::Man => man::run(),
        Command::External(args) => external::run(&global, &args),
    }
}
