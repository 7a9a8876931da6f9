//! Runs the meaning-preservation property of `fmt` over N generated and mutated journals:
//! `cargo run --release --example fuzz_fmt -- N [FIRST]`. Prints the cases run, the time
//! taken and every failure (case number, input and what broke); exits 1 on a failure.

#[path = "../tests/fmt_fuzz/mod.rs"]
mod fmt_fuzz;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let first: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let started = std::time::Instant::now();
    let mut failures = 0u64;
    for n in first..first + count {
        let bytes = fmt_fuzz::case(n);
        if let Err(why) = fmt_fuzz::check(&bytes) {
            failures += 1;
            if failures <= 20 {
                eprintln!("case {n} {:?}: {why}\n", String::from_utf8_lossy(&bytes));
            }
        }
        if (n - first + 1).is_multiple_of(10_000) {
            eprintln!(
                "{} cases, {failures} failures, {:.1?}",
                n - first + 1,
                started.elapsed()
            );
        }
    }
    println!(
        "{count} cases (from {first}), {failures} failures, in {:.1?}",
        started.elapsed()
    );
    if failures > 0 {
        std::process::exit(1);
    }
}
