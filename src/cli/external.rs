//! Any other command name: the plugin `upward-NAME` from PATH.

use super::args::Global;
use super::output::Failure;

pub fn run(_global: &Global, args: &[std::ffi::OsString]) -> Result<u8, Failure> {
    let name = args
        .first()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_default();
    Err(Failure::Usage(format!(
        "unknown command `{name}`; `upward --help` lists the commands"
    )))
}
