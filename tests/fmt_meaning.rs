//! `fmt` keeps meaning: over generated and mutated journals, `check` gives the same
//! diagnostics and `export` the same model before and after, and formatting is idempotent.
//! `cargo run --release --example fuzz_fmt -- N` runs N cases of the same property.

mod fmt_fuzz;

#[test]
fn fmt_keeps_the_meaning_of_generated_and_mutated_journals() {
    let mut failures = Vec::new();
    for n in 0..3000 {
        let bytes = fmt_fuzz::case(n);
        if let Err(why) = fmt_fuzz::check(&bytes) {
            failures.push(format!(
                "case {n} {:?}: {why}",
                String::from_utf8_lossy(&bytes)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, the first:\n{}",
        failures.len(),
        failures.first().map_or("", String::as_str)
    );
}
