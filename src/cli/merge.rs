//! `upward merge BASE OURS THEIRS [PATH]`: git's merge driver for journal files.

use super::args::{Global, MergeArgs};
use super::exit;
use super::output::{self, Failure};
use crate::merge::file::{Outcome, merge_files};

pub fn run(_global: &Global, args: &MergeArgs) -> Result<u8, Failure> {
    let name = args
        .path
        .clone()
        .unwrap_or_else(|| args.ours.display().to_string());
    let outcome = merge_files(&args.base, &args.ours, &args.theirs)
        .map_err(|e| Failure::Usage(format!("{name}: {e}")))?;
    match outcome {
        Outcome::ByEntry(conflicts) => {
            for c in &conflicts {
                output::eprint(&format!(
                    "{name}:{}:1: conflict: `{}` was changed on both sides; keep what you want between the <<<<<<< and >>>>>>> lines\n",
                    c.line, c.header
                ));
            }
            Ok(if conflicts.is_empty() {
                exit::OK
            } else {
                exit::FINDINGS
            })
        }
        Outcome::ByLine {
            version,
            trouble,
            conflicted,
        } => {
            output::eprint(&format!(
                "note: {name}: in {}, {trouble}, so it was merged line by line (git merge-file) instead of by entry\n",
                version.name()
            ));
            Ok(if conflicted { exit::FINDINGS } else { exit::OK })
        }
    }
}
