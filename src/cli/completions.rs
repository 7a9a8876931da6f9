//! `upward completions SHELL`, generated from the CLI definition.

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs, Global};
use super::exit;
use super::output::{self, Failure};

pub fn run(_global: &Global, args: &CompletionsArgs) -> Result<u8, Failure> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "upward", &mut buf);
    output::print(&String::from_utf8_lossy(&buf))?;
    Ok(exit::OK)
}
