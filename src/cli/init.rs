//! `upward init [DIR]`: a notes repository with a starter journal, a pre-commit hook and the
//! merge driver. It never overwrites a file: what exists is kept and reported, so in a clone
//! it adds only what is missing (a clone lacks `.git/config`'s part of the driver).

use std::path::{Path, PathBuf};

use super::args::{Global, InitArgs};
use super::exit;
use super::output::{self, Failure};

pub fn run(_global: &Global, args: &InitArgs) -> Result<u8, Failure> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).map_err(|e| {
        Failure::Usage(format!(
            "cannot create `{}`: {}",
            dir.display(),
            crate::model::load::plain_io(&e)
        ))
    })?;
    let mut lines = Vec::new();
    let hooks = repository(&dir, &mut lines)?;
    let started = create(
        &dir.join("journal.up"),
        crate::add::STARTER,
        false,
        &mut lines,
    )?;
    attributes(&dir.join(".gitattributes"), &mut lines)?;
    if let Some(hooks) = hooks {
        std::fs::create_dir_all(&hooks).map_err(|e| io(&hooks, &e))?;
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("upward"));
        create(&hooks.join("pre-commit"), &hook(&exe), true, &mut lines)?;
        register(&dir, &mut lines)?;
    }
    let journal = dir.join("journal.up");
    lines.push(if started {
        format!(
            "next: edit {} (every example in it is commented out), or `upward add did \"…\"`",
            journal.display()
        )
    } else {
        format!(
            "next: `upward -f {} check`, or `upward add did \"…\"`",
            journal.display()
        )
    });
    output::print(&(lines.join("\n") + "\n"))?;
    Ok(exit::OK)
}

#[cfg(feature = "git")]
fn repository(dir: &Path, lines: &mut Vec<String>) -> Result<Option<PathBuf>, Failure> {
    use crate::git::RepoState;
    let (state, hooks) = crate::git::init_repo(dir)
        .map_err(|e| Failure::Usage(format!("cannot start a git repository: {e}")))?;
    lines.push(match state {
        RepoState::Created(git_dir) => {
            format!("initialised a git repository in {}", git_dir.display())
        }
        RepoState::Existing(top) => format!("using the git repository at {}", top.display()),
    });
    Ok(Some(hooks))
}

#[cfg(not(feature = "git"))]
fn repository(_dir: &Path, lines: &mut Vec<String>) -> Result<Option<PathBuf>, Failure> {
    lines.push(
        "git support is not built into this upward: run `git init` yourself; no pre-commit hook was written"
            .into(),
    );
    Ok(None)
}

/// `.gitattributes`: created with the merge driver, or given its line when it does not say
/// yet how journals merge. Nothing in it is changed.
fn attributes(path: &Path, lines: &mut Vec<String>) -> Result<(), Failure> {
    use crate::merge::attributes::{ATTRIBUTE, decides_journals};
    let Ok(old) = std::fs::read_to_string(path) else {
        return create(path, &format!("*.up text\n{ATTRIBUTE}\n"), false, lines).map(|_| ());
    };
    if decides_journals(&old) {
        lines.push(format!("kept {} (it already exists)", path.display()));
        return Ok(());
    }
    let separator = if old.is_empty() || old.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    crate::write::write_atomic(path, format!("{old}{separator}{ATTRIBUTE}\n").as_bytes())
        .map_err(|e| io(path, &e))?;
    lines.push(format!("added `{ATTRIBUTE}` to {}", path.display()));
    Ok(())
}

/// The merge driver in `.git/config`, where git does not know it yet.
#[cfg(feature = "git")]
fn register(dir: &Path, lines: &mut Vec<String>) -> Result<(), Failure> {
    let set = crate::git::driver::register(dir)
        .map_err(|e| Failure::Usage(format!("cannot register the merge driver: {e}")))?;
    lines.push(if set.is_empty() {
        "kept the merge driver `upward` in git's configuration (it is already there)".into()
    } else {
        format!(
            "registered the merge driver in .git/config: {}",
            set.join(", ")
        )
    });
    Ok(())
}

#[cfg(not(feature = "git"))]
fn register(_dir: &Path, _lines: &mut Vec<String>) -> Result<(), Failure> {
    Ok(())
}

#[cfg(feature = "git")]
fn hook(exe: &Path) -> String {
    crate::git::hook_script(exe)
}

#[cfg(not(feature = "git"))]
fn hook(_exe: &Path) -> String {
    String::new()
}

/// Writes a new file, never replacing one; says what it did. True when it wrote the file.
fn create(
    path: &Path,
    text: &str,
    executable: bool,
    lines: &mut Vec<String>,
) -> Result<bool, Failure> {
    let created =
        crate::write::create_new(path, text.as_bytes(), executable).map_err(|e| io(path, &e))?;
    lines.push(if created {
        format!("created {}", path.display())
    } else {
        format!("kept {} (it already exists)", path.display())
    });
    Ok(created)
}

fn io(path: &Path, err: &std::io::Error) -> Failure {
    Failure::Usage(format!(
        "cannot write `{}`: {}",
        path.display(),
        crate::model::load::plain_io(err)
    ))
}
