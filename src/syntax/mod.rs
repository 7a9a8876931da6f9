//! Text → lossless syntax tree. No I/O; the only meaning read here is the shape of each line.

mod body;
mod halves;
mod header;
mod lines;
pub mod names;
mod print;
mod readers;
pub mod tree;
pub mod words;

pub use body::form as body_form;
pub use header::{Clock, calendar_date, clock_time};
pub use lines::{MAX_LINE, parse};
pub use names::{DirectiveKind, FieldHost, FieldKey, Kind};
pub use print::print;
pub use tree::*;
