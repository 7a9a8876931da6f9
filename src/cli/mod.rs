//! The command line. Nothing outside this module knows clap.

mod args;
mod check;
mod explain;
mod journal;
mod output;

use std::process::ExitCode;

use clap::Parser;

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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
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

fn run(cli: Cli) -> Result<u8, Failure> {
    let global = cli.global;
    match cli.command.unwrap_or(Command::Check(Default::default())) {
        Command::Check(args) => check::run(&global, &args),
        Command::Explain(args) => explain::run(&global, &args),
    }
}
