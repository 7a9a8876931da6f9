//! `upward sync`: commit the journal, pull with rebase and push, through the user's git.

use std::path::{Path, PathBuf};

use super::args::{Format, Global, SyncArgs};
use super::output::{self, Failure};
use super::{exit, journal};
use crate::sync::{Report, sync};

pub fn run(global: &Global, _args: &SyncArgs) -> Result<u8, Failure> {
    let dir = journal::paths(global)
        .ok()
        .and_then(|paths| paths.into_iter().next())
        .map(|p| directory(&p))
        .unwrap_or_else(|| PathBuf::from("."));
    match sync(&dir) {
        Ok(report) => {
            match global.format {
                Format::Json => {
                    let text = serde_json::to_string(&report).unwrap_or_default();
                    output::print_data(&(text + "\n"))?;
                }
                _ => output::print(&render(&report))?,
            }
            Ok(exit::OK)
        }
        Err(stop) if stop.is_setup() => Err(Failure::Usage(stop.to_string())),
        Err(stop) => {
            output::error_line(&stop.to_string());
            Ok(exit::FINDINGS)
        }
    }
}

/// The directory whose repository holds the journal at `path`.
fn directory(path: &Path) -> PathBuf {
    if path.is_dir() {
        return path.to_path_buf();
    }
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn render(r: &Report) -> String {
    let entries = |n: usize| format!("{n} {}", if n == 1 { "entry" } else { "entries" });
    let mut out = String::new();
    if r.committed {
        out.push_str("committed the journal's changes (upward: sync)\n");
    }
    if r.came_in == 0 && !r.pushed {
        out.push_str(&format!("{}: already up to date\n", r.remote));
    } else {
        out.push_str(&format!(
            "synced with {}: {} in, {} out\n",
            r.remote,
            entries(r.came_in),
            entries(r.went_out)
        ));
    }
    out
}
