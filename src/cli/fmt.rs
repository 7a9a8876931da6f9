//! `upward fmt`: rewrite the journal's files in the canonical layout, or show what would change.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use colored::Colorize;
use serde::Serialize;

use super::args::{FmtArgs, Format, Global};
use super::output::{self, Failure};
use super::{exit, journal};
use crate::diag::{self, FileId, JsonDiagnostic};
use crate::formatter;
use crate::source::{SourceFile, Sources};

/// What happened to one file, as `--format json` prints it.
#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    /// `unchanged`, `formatted`, `would-change` (with `--check`), `refused` (parse errors) or
    /// `outside` (reached by `include` but not a `*.up` file in the journal's folders).
    status: &'static str,
    errors: Vec<JsonDiagnostic>,
}

pub fn run(global: &Global, args: &FmtArgs) -> Result<u8, Failure> {
    if args.stdin {
        return filter(args.force);
    }
    let journal = journal::load(global)?;
    let trees = trees(&journal::paths(global)?);
    let json = global.format == Format::Json;
    let mut reports = Vec::new();
    let mut code = exit::OK;
    for (id, source) in journal.sources.iter() {
        let mut report = FileReport {
            file: source.name.clone(),
            status: "unchanged",
            errors: Vec::new(),
        };
        if !inside(&source.path, &trees) {
            report.status = "outside";
            if !json {
                output::eprint(&format!(
                    "note: `{}` is not a `*.up` file in the journal's folders, so fmt leaves it alone\n",
                    source.name
                ));
            }
            reports.push(report);
            continue;
        }
        match formatter::format_file(id, source, args.force) {
            Err(errors) => {
                code = exit::FINDINGS;
                report.status = "refused";
                if !json {
                    output::eprint(&diag::render_term(&errors, &journal.sources, true));
                    output::error_line(&format!(
                        "`{}` has {} parse error{} and was left unchanged; fix {} or run `upward fmt --force`",
                        source.name,
                        errors.len(),
                        if errors.len() == 1 { "" } else { "s" },
                        if errors.len() == 1 { "it" } else { "them" },
                    ));
                }
                report.errors = diag::to_json(&errors, &journal.sources);
            }
            Ok(new) if new == source.bytes() => {}
            Ok(new) if args.check => {
                code = exit::FINDINGS;
                report.status = "would-change";
                if !json {
                    output::print(&diff(&source.name, source.bytes(), &new))?;
                }
            }
            Ok(new) => {
                if rewrite(id, source, new, args.force)? {
                    report.status = "formatted";
                }
            }
        }
        reports.push(report);
    }
    if json {
        let text = serde_json::to_string_pretty(&reports)
            .map_err(|e| Failure::Usage(format!("cannot write JSON: {e}")))?;
        output::print_data(&(text + "\n"))?;
    }
    Ok(code)
}

/// The folders `fmt` may write in: each journal directory, and the folder of each journal
/// file (where the files it includes normally live), canonical.
fn trees(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .filter_map(|p| {
            if p.is_dir() {
                Some(p)
            } else {
                p.parent().map(Path::to_path_buf)
            }
        })
        .collect()
}

/// Whether `fmt` may rewrite `path`: a `*.up` file whose real path lies in one of `trees`.
/// Anything else an `include` reaches (a Makefile, a file in another folder) is left alone.
fn inside(path: &Path, trees: &[PathBuf]) -> bool {
    path.extension().is_some_and(|e| e == "up")
        && std::fs::canonicalize(path).is_ok_and(|real| {
            real.extension().is_some_and(|e| e == "up") && trees.iter().any(|t| real.starts_with(t))
        })
}

/// `--stdin`: standard input to standard output. A buffer with parse errors is written back as
/// it came (an editor replaces its text with what it gets), and the errors go to stderr.
fn filter(force: bool) -> Result<u8, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
    let mut sources = Sources::default();
    let id = sources.add(SourceFile::new("<stdin>", "<stdin>", bytes));
    let source = sources.get(id);
    let (out, code) = match formatter::format_file(id, source, force) {
        Ok(out) => (out, exit::OK),
        Err(errors) => {
            output::eprint(&diag::render_term(&errors, &sources, true));
            (source.bytes().to_vec(), exit::FINDINGS)
        }
    };
    // Raw bytes: the text is the user's, not styled output to strip.
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&out)?;
    stdout.flush()?;
    Ok(code)
}

/// Writes the new layout in place. The file is read again under its lock: if it changed since
/// it was loaded, what is on disk now is formatted instead, so nothing written meanwhile is lost.
fn rewrite(id: FileId, source: &SourceFile, new: Vec<u8>, force: bool) -> Result<bool, Failure> {
    let done = formatter::rewrite_locked(&source.path, |now| {
        if now == source.bytes() {
            return Some(new);
        }
        let fresh = SourceFile::new(source.name.clone(), &source.path, now.to_vec());
        formatter::format_file(id, &fresh, force).ok()
    })
    .map_err(|e| {
        Failure::Usage(format!(
            "cannot rewrite `{}`: {}",
            source.name,
            crate::model::load::plain_io(&e)
        ))
    })?;
    if done.links_split {
        output::eprint(&format!(
            "note: `{}` had other hard links; they keep the old text, and only this name has the new\n",
            source.name
        ));
    }
    Ok(done.changed)
}

/// A unified diff of the file against its new layout, coloured where colour is allowed.
fn diff(name: &str, old: &[u8], new: &[u8]) -> String {
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    let text = similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
        .unified_diff()
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let styled = if line.starts_with("---") || line.starts_with("+++") {
            line.bold().to_string()
        } else if line.starts_with("@@") {
            line.cyan().to_string()
        } else if line.starts_with('-') {
            line.red().to_string()
        } else if line.starts_with('+') {
            line.green().to_string()
        } else {
            line.to_string()
        };
        out.push_str(&styled);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
