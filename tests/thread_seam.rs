//! Threads start in one place: `src/threads.rs`, which every stage that splits its work goes
//! through. Only git history, the language server and plugins keep threads of their own.

use std::path::Path;

/// Directories and files allowed to start threads themselves.
const ALLOWED: &[&str] = &["threads.rs", "git", "lsp", "plugin"];

fn scan(dir: &Path, root: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("reads src/") {
        let path = entry.expect("entry").path();
        let rel = path.strip_prefix(root).expect("under src/");
        let first = rel.components().next().expect("a component");
        if ALLOWED.iter().any(|a| first.as_os_str() == *a) {
            continue;
        }
        if path.is_dir() {
            scan(&path, root, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("reads a source file");
            for (n, line) in text.lines().enumerate() {
                if ["thread::scope", "thread::spawn", "scope.spawn"]
                    .iter()
                    .any(|pat| line.contains(pat))
                {
                    found.push(format!("src/{}:{}: {}", rel.display(), n + 1, line.trim()));
                }
            }
        }
    }
}

#[test]
fn threads_start_only_in_threads_rs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    scan(&root, &root, &mut found);
    assert!(
        found.is_empty(),
        "start threads through src/threads.rs:\n{}",
        found.join("\n")
    );
}
