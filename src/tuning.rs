//! Every tuning threshold in one place, each with the measurement that set it. None of them
//! changes what a command prints: they decide when a file is parsed, and a journal's entries
//! lowered and checked, on two threads, how much room vectors get up front, and how the
//! binary's allocator treats large blocks.
//!
//! Figures are from `benches/run.sh`'s generated journals on a 2-core machine (1 M entries:
//! 103 MB, 1.6 M lines), `check --format json`, medians of interleaved runs.
//! Every other stage once had a two-thread version too (entry order, resolution, JSON
//! conversion, appending the parsed halves); run on one thread instead, none of them made
//! `check` at 1 M entries 5 % slower in two rounds of 12 to 15 runs each, so they were
//! dropped. Lowering and the rules, first dropped on the same evidence, were measured again
//! in longer interleaved rounds and kept (see [`ENTRIES_SPLIT_AT`]).

/// Files at least this long are parsed in two halves, one per thread. Parsing the 1 M-entry
/// journal on one thread made `check` 5.4 % and 8.7 % slower in two rounds (15 and 12 runs);
/// below 1 MiB (about 10k entries) the whole check takes a few milliseconds either way.
pub const SPLIT_AT: usize = 1 << 20;

/// Journals of at least this many entries lower their entries (`model/lower/split.rs`) and
/// run their rules (`rules/split.rs`) on two threads. With the rules on one thread, `check`
/// at 1 M entries took 1.11 s against 1.00 s (medians of 7 interleaved runs); with lowering
/// on one thread, 905 ms against 809 ms (medians of 15). At this size lowering on two threads
/// still saves about 5 % (86 ms against 91 ms, means of 30 runs); below it, each stage takes a
/// few milliseconds.
pub const ENTRIES_SPLIT_AT: usize = 100_000;

/// Diagnostics converted to JSON per chunk: a large journal's tens of thousands are never all
/// converted at once, and chunks this size write as fast as one array.
pub const CHUNK: usize = 2048;

/// Bytes per line, token and tree node that the parser reserves room for, fewer than the
/// generated journals hold (63 bytes a line) so that journals of shorter lines fit too: too
/// little room costs a copy of the vector, too much only address space never touched.
pub const BYTES_PER_LINE: usize = 48;
pub const BYTES_PER_TOKEN: usize = 16;
pub const BYTES_PER_NODE: usize = 80;

/// Entries per distinct handle name, for the room the table of handle names gets up front:
/// growing it rehashes every name, each read back from the text. The 1 M-entry generated
/// journal has 109,497 distinct names, one per 9 entries.
pub const ENTRIES_PER_HANDLE: usize = 8;

/// Blocks from this size up are advised to be backed by huge pages; smaller ones rarely span
/// a whole 2 MiB page. With the advice, `check` at 1 M entries takes 512 times fewer page
/// faults for its large vectors.
pub const LARGE_BLOCK: usize = 4 << 20;
