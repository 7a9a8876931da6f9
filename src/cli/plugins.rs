//! `upward plugins`.

use super::args::{Global, PluginsArgs};
use super::output::Failure;

pub fn run(_global: &Global, _args: &PluginsArgs) -> Result<u8, Failure> {
    Err(Failure::Usage(
        "`upward plugins` is not available in this build yet".into(),
    ))
}
