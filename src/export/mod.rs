//! The journal as a versioned JSON model, for plugins and sharing (docs/export.md).

mod build;
mod model;
mod redact;
mod scrub;

pub use build::export;
pub use model::{Boss, Entry, Export, Fields, Item, Priority, PriorityChange, VERSION};
pub use redact::{PRIVATE, Redaction, redact};
pub use scrub::Scrubber;

/// The model as pretty-printed JSON, ending with a newline.
pub fn to_json(export: &Export) -> String {
    // Serialising these plain structs cannot fail: every map key is a string.
    let mut text = serde_json::to_string_pretty(export).unwrap_or_default();
    text.push('\n');
    text
}
