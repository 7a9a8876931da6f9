use std::process::ExitCode;

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
mod huge_pages;

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: huge_pages::HugePages = huge_pages::HugePages;

fn main() -> ExitCode {
    upward::cli::main()
}
