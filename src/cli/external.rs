//! Any other command name: the plugin `upward-NAME` from PATH.

use std::ffi::OsString;

use clap::CommandFactory;

use super::args::{Cli, Global};
use super::journal;
use super::output::Failure;
use crate::plugin::{self, Context, Guard, PluginError};

pub fn run(global: &Global, args: &[OsString]) -> Result<u8, Failure> {
    let Some((name, rest)) = args.split_first() else {
        return Err(unknown(""));
    };
    let name = name.to_string_lossy();
    // Whether such a program exists at all decides between "unknown command" and the rest.
    if let Err(PluginError::NotFound(_) | PluginError::InvalidName(_)) =
        plugin::find(&name, &Guard::new(&[], &[]))
    {
        return Err(unknown(&name));
    }
    let paths = journal::paths(global)?;
    let today = journal::today(global)?;
    let journal = journal::load(global)?;
    let guard = guard(&paths, journal);
    let program = plugin::find(&name, &guard).map_err(usage)?;
    let input = crate::export::to_json(&crate::export::export(journal));
    let ctx = Context {
        journal: paths,
        today,
        path: guard.clean_path(),
    };
    plugin::run(&program, rest, &input, &ctx).map_err(usage)
}

/// The guard for a loaded journal: its `-f` paths and every file it read.
pub(super) fn guard(paths: &[std::path::PathBuf], journal: &crate::model::Journal) -> Guard {
    let files: Vec<_> = journal
        .sources
        .iter()
        .map(|(_, f)| f.path.clone())
        .collect();
    Guard::new(paths, &files)
}

pub(super) fn usage(err: PluginError) -> Failure {
    Failure::Usage(err.to_string())
}

/// The names of the built-in commands, in `--help` order.
pub(super) fn builtins() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

fn unknown(name: &str) -> Failure {
    let builtins = builtins();
    let hint = crate::syntax::names::suggest(name, builtins.iter().map(String::as_str))
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    Failure::Usage(format!(
        "unknown command `{name}`{hint}: it is not built in and no `{}{name}` is on PATH; the commands are {}, and `upward plugins` lists the plugins on PATH",
        plugin::PREFIX,
        builtins.join(", ")
    ))
}
