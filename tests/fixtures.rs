//! Fixture journals: every file in tests/fixtures/valid has no errors; every file in
//! tests/fixtures/invalid reports exactly the errors in its `.expected` file (plain rendering).
//! Set UPWARD_BLESS=1 to write missing or changed `.expected` files.

use std::path::{Path, PathBuf};

use upward::diag::{Diagnostic, render_term};
use upward::model::{Journal, load};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "up"))
        .collect();
    files.sort();
    files
}

fn journal(path: &Path) -> Journal {
    // Relative names keep the rendered output independent of the checkout's location.
    let name = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("inside the crate");
    let text = std::fs::read(path).expect("read");
    let overlay = upward::model::Overlay {
        files: vec![(
            name.to_path_buf(),
            String::from_utf8_lossy(&text).into_owned(),
        )],
    };
    Journal::build(load(&[name.to_path_buf()], &overlay).expect("load"))
}

#[test]
fn valid_fixtures_have_no_errors() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("cd");
    let files = fixtures("valid");
    assert!(files.len() >= 3);
    for file in files {
        let j = journal(&file);
        let errors: Vec<&Diagnostic> = j.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(
            errors.is_empty(),
            "{}: {}",
            file.display(),
            render_term(&j.diagnostics, &j.sources, false)
        );
        assert!(!j.entries.is_empty(), "{}", file.display());
    }
}

#[test]
fn invalid_fixtures_report_their_expected_errors() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("cd");
    let bless = std::env::var_os("UPWARD_BLESS").is_some();
    let files = fixtures("invalid");
    assert!(files.len() >= 6);
    for file in files {
        let j = journal(&file);
        let mut errors: Vec<Diagnostic> = j
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        errors.sort_by_key(|d| (d.span.file, d.span.start));
        let got = render_term(&errors, &j.sources, false);
        let expected_path = file.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!(
                "{} is missing; run with UPWARD_BLESS=1",
                expected_path.display()
            )
        });
        assert_eq!(got, want, "{}", file.display());
    }
}
