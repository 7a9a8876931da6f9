//! `upward add -e`: the entry is written in the user's editor, started without a shell.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A file the user wrote an entry in. It is kept when the entry is not added, so no typed
/// word is lost; [`Draft::discard`] removes it once the entry is in the journal.
#[derive(Debug)]
pub struct Draft {
    pub path: PathBuf,
    pub text: String,
}

impl Draft {
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The editor command: `$EDITOR`, else `$VISUAL`, else `vi`, split on whitespace (so
/// `EDITOR="code --wait"` works); the words are never given to a shell.
pub fn editor_command() -> Vec<String> {
    ["EDITOR", "VISUAL"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// Writes `template` to a new file in `dir`, opens the editor on it and waits; returns what
/// the user saved.
pub fn edit(template: &str, dir: &Path) -> Result<Draft, String> {
    let path = new_draft_path(dir)?;
    std::fs::write(&path, template)
        .map_err(|e| format!("cannot write `{}`: {}", path.display(), plain(&e)))?;
    let command = editor_command();
    let status = Command::new(&command[0])
        .args(&command[1..])
        .arg(&path)
        .status()
        .map_err(|e| {
            let _ = std::fs::remove_file(&path);
            format!("cannot start the editor `{}`: {}", command[0], plain(&e))
        })?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read `{}`: {}", path.display(), plain(&e)))?;
    if !status.success() {
        return Err(format!(
            "the editor `{}` exited with an error; nothing was added (your text is in `{}`)",
            command[0],
            path.display()
        ));
    }
    Ok(Draft { path, text })
}

/// `upward-entry-PID-N.up` in `dir`, created new so two editors never share a file.
fn new_draft_path(dir: &Path) -> Result<PathBuf, String> {
    let pid = std::process::id();
    for n in 0..1000 {
        let path = dir.join(format!("upward-entry-{pid}-{n}.up"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(format!(
                    "cannot create a draft in `{}`: {}",
                    dir.display(),
                    plain(&e)
                ));
            }
        }
    }
    Err(format!("cannot create a draft in `{}`", dir.display()))
}

fn plain(err: &std::io::Error) -> String {
    crate::model::load::plain_io(err)
}
