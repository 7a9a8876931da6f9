//! Every tuning threshold in one place, each with the measurement that set it. None of them
//! changes what a command prints: they decide when a file is parsed, and a journal's entries
//! lowered, on two threads, how much room vectors get up front, and how the binary's allocator
//! treats large blocks.
//!
//! Figures are from `benches/run.sh`'s generated journals on a 2-core machine (1 M entries:
//! 103 MB, 1.6 M lines), `check --format json`, timed with `benches/compare.sh`: rounds of 15
//! to 31 runs of each build interleaved, a build's figure the median of its runs, and a split's
//! gain the median over rounds of the time without it against the time with it. One round
//! is not enough: on this machine the same build's median moves by 10 % from one round to
//! the next. Every other stage once had a two-thread version too (entry order, resolution,
//! the rules, JSON conversion, appending the parsed halves); none bought 5 %, so they run on
//! one thread. The rules, the last of them, bought a median 2.6 % over 8 rounds (from
//! 0.90× to 1.17×). Timed stage by stage in a 600 ms check, the others could not: entry
//! order takes 33 ms, resolution 70 ms (its split saved 20), JSON 9 ms and appending the
//! parsed halves 15 ms.

/// Files at least this long are parsed in two halves, one per thread. On one thread, `check`
/// at 1 M entries was slower by a median of 19 % over 5 rounds (from 1.06× to 1.29×); below
/// 1 MiB (about 10k entries) the whole check takes a few milliseconds either way.
pub const SPLIT_AT: usize = 1 << 20;

/// Journals of at least this many entries lower their entries on two threads
/// (`model/lower/split.rs`). On one thread, `check` at 1 M entries was slower by a median of
/// 5.1 % over 13 rounds (from 0.98× to 1.18×); at 100 k entries two threads still save about
/// 5 % (86 ms against 91 ms, means of 30 runs); below that, lowering takes a few
/// milliseconds. The price is memory: each half has vectors of its own until the second is
/// appended, 428 MB at the peak against 374 MB at 1 M entries.
pub const LOWER_SPLIT_AT: usize = 100_000;

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
