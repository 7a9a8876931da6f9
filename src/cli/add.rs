//! `upward add`: validate and append one entry, atomically; `--commit` commits that file.

use std::path::{Path, PathBuf};

use super::args::{AddArgs, Format, Global};
use super::output::{self, Failure};
use super::{exit, journal};
use crate::add::{self, AddError, editor};
use crate::diag::render_term;
use crate::model::Journal;

pub fn run(global: &Global, args: &AddArgs) -> Result<u8, Failure> {
    if args.commit && !cfg!(feature = "git") {
        return Err(Failure::Usage(
            "--commit needs git support, which this build of upward leaves out".into(),
        ));
    }
    let today = journal::today(global)?;
    let date = args.date.unwrap_or(today);
    let paths = match journal::paths(global) {
        Ok(paths) => paths,
        Err(_) if args.to.is_some() => Vec::new(),
        Err(e) => return Err(e),
    };
    let current = load(&paths)?;
    let target = target(args, &paths, &current)?;
    let mut draft = None;
    let entry = if args.edit {
        let first = match &args.kind {
            Some(kind) => add::entry_line(date, args.time, kind, &args.words)
                .map_err(|e| Failure::Usage(e.to_string()))?,
            None => format!("{} ", date.format("%Y-%m-%d")),
        };
        let template = add::template(&first);
        let d = editor::edit(&template, &std::env::temp_dir()).map_err(Failure::Usage)?;
        // Closed without writing: the template as it was is nothing to add.
        let edited = if d.text == template { "" } else { &d.text };
        match add::from_edited(edited) {
            Ok(Some(entry)) => {
                draft = Some(d);
                entry
            }
            Ok(None) => {
                d.discard();
                output::eprint("nothing to add; the journal is unchanged\n");
                return Ok(exit::OK);
            }
            Err(e) => return Err(kept(e.to_string(), &d.path)),
        }
    } else {
        let kind = args.kind.as_deref().unwrap_or_default();
        add::entry_line(date, args.time, kind, &args.words)
            .map_err(|e| Failure::Usage(e.to_string()))?
    };
    let draft_path = draft.as_ref().map(|d| d.path.clone());
    let commit = Commit::prepare(args.commit, &target, &entry)?;
    let result = add::append_entry(&paths, &target, &entry, today, |bytes| commit.run(bytes));
    match result {
        Ok(added) => {
            if let Some(d) = draft {
                d.discard();
            }
            report(global, &target, &entry, &added, commit.done(), &current)
        }
        Err(AddError::Refused(journal, diags)) => {
            output::eprint(&render_term(&diags, &journal.sources, true));
            let mut message = format!(
                "the entry was not added: it would bring {} into the journal; `{}` is unchanged",
                plural(diags.len(), "error"),
                target.display()
            );
            if let Some(p) = &draft_path {
                message.push_str(&format!(" (your entry is kept in `{}`)", p.display()));
            }
            output::error_line(&message);
            Ok(exit::FINDINGS)
        }
        Err(AddError::Io(message)) => match &draft_path {
            Some(p) => Err(kept(message, p)),
            None => Err(Failure::Usage(message)),
        },
        Err(e @ AddError::After(_)) => {
            output::error_line(&e.to_string());
            Ok(exit::FINDINGS)
        }
    }
}

fn kept(message: String, draft: &Path) -> Failure {
    Failure::Usage(format!(
        "{message} (your entry is kept in `{}`)",
        draft.display()
    ))
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The journal as it is, to choose the default file and to tell whether `--to` is part of it.
fn load(paths: &[PathBuf]) -> Result<Journal, Failure> {
    if paths.is_empty() {
        return Ok(Journal::default());
    }
    super::journal::load_paths(paths)
}

fn target(args: &AddArgs, paths: &[PathBuf], current: &Journal) -> Result<PathBuf, Failure> {
    let target = match &args.to {
        Some(to) => to.clone(),
        None => add::default_target(paths, current).ok_or_else(|| {
            Failure::Usage("the journal has no file to add to; pass `--to FILE`".into())
        })?,
    };
    if target.is_dir() {
        return Err(Failure::Usage(format!(
            "`{}` is a directory; pass `--to FILE` to name a journal file",
            target.display()
        )));
    }
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir
        && !dir.is_dir()
    {
        return Err(Failure::Usage(format!(
            "cannot add to `{}`: directory `{}` does not exist",
            target.display(),
            dir.display()
        )));
    }
    Ok(target)
}

/// `upward: KIND DATE`, from the entry's header line.
#[cfg(feature = "git")]
fn message(entry: &str) -> String {
    let mut words = entry.split_whitespace();
    let date = words.next().unwrap_or_default();
    let mut kind = words.next().unwrap_or_default();
    if kind.len() == 5 && kind.as_bytes()[2] == b':' {
        kind = words.next().unwrap_or_default();
    }
    format!("upward: {kind} {date}\n\n{entry}\n")
}

/// The optional commit after the append, prepared before it.
struct Commit {
    #[cfg(feature = "git")]
    inner: Option<(crate::git::FileCommit, String)>,
    done: std::cell::Cell<Option<String>>,
}

impl Commit {
    #[cfg(feature = "git")]
    fn prepare(wanted: bool, target: &Path, entry: &str) -> Result<Commit, Failure> {
        let inner = if wanted {
            let commit = crate::git::FileCommit::open(target)
                .map_err(|e| Failure::Usage(format!("cannot commit: {e}")))?;
            Some((commit, message(entry)))
        } else {
            None
        };
        Ok(Commit {
            inner,
            done: std::cell::Cell::new(None),
        })
    }

    #[cfg(not(feature = "git"))]
    fn prepare(_wanted: bool, _target: &Path, _entry: &str) -> Result<Commit, Failure> {
        Ok(Commit {
            done: std::cell::Cell::new(None),
        })
    }

    fn run(&self, bytes: &[u8]) -> Result<(), String> {
        #[cfg(feature = "git")]
        if let Some((commit, message)) = &self.inner {
            let id = commit
                .commit(bytes, message)
                .map_err(|e| format!("it was not committed: {e}"))?;
            self.done.set(Some(id.to_string()));
        }
        let _ = bytes;
        Ok(())
    }

    fn done(&self) -> Option<String> {
        self.done.take()
    }
}

#[derive(serde::Serialize)]
struct AddedJson<'a> {
    file: String,
    line: usize,
    entry: &'a str,
    commit: Option<String>,
    warnings: Vec<crate::diag::JsonDiagnostic>,
}

fn report(
    global: &Global,
    target: &Path,
    entry: &str,
    added: &add::Added,
    commit: Option<String>,
    current: &Journal,
) -> Result<u8, Failure> {
    let file = target.display().to_string();
    if global.format == Format::Json {
        let json = AddedJson {
            file,
            line: added.line,
            entry,
            commit,
            warnings: crate::diag::to_json(&added.warnings, &added.journal.sources),
        };
        let text = serde_json::to_string_pretty(&json).unwrap_or_default();
        output::print_data(&(text + "\n"))?;
        return Ok(exit::OK);
    }
    let first = entry.lines().next().unwrap_or_default();
    let mut out = format!("added to {file}:{}: {first}\n", added.line);
    if let Some(id) = commit {
        out.push_str(&format!("committed {}\n", &id[..id.len().min(12)]));
    }
    output::print(&out)?;
    if !added.warnings.is_empty() {
        output::eprint(&render_term(&added.warnings, &added.journal.sources, true));
    }
    let canonical = add::canonical(target);
    let in_journal = current.sources.is_empty()
        || current
            .sources
            .iter()
            .any(|(_, f)| add::canonical(&f.path) == canonical);
    if !in_journal {
        output::eprint(&format!(
            "note: `{file}` is not part of the journal (-f, UPWARD_JOURNAL); it was checked together with it\n"
        ));
    }
    Ok(exit::OK)
}
