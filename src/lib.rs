//! upward: a plaintext journal toolchain for managing up.

pub mod diag;
pub mod model;
pub mod source;
pub mod syntax;
pub mod rules;
pub mod cli;
