//! Interned names: people and tags compare case-insensitively, so they are stored lowercased once.

use std::collections::HashMap;

/// A `HashMap` with a fast hash for the model's own tables (names, handles, keys): journals
/// are the user's own files, so resistance to crafted collisions is not needed; speed on short
/// keys is.
pub(crate) type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// A person, by interned id (without `@`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonId(pub u32);

/// A tag, by interned name (without `#`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagId(pub u32);

/// Lowercases only when needed, so the common all-lowercase ASCII name costs no allocation.
fn fold(name: &str) -> std::borrow::Cow<'_, str> {
    if name
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(name.to_lowercase())
    }
}

/// A table of names, each stored once.
#[derive(Clone, Debug, Default)]
pub struct Names {
    index: FastMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Names {
    pub fn intern(&mut self, name: &str) -> u32 {
        let name = fold(name);
        if let Some(&id) = self.index.get(name.as_ref()) {
            return id;
        }
        self.push(&name)
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(fold(name).as_ref()).copied()
    }

    /// Adds a name already folded, returning its id.
    fn push(&mut self, name: &str) -> u32 {
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.index.insert(name.into(), id);
        id
    }

    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Tags with their nesting: `billing/v2` is under `billing`.
#[derive(Clone, Debug, Default)]
pub struct Tags {
    names: Names,
    parent: Vec<Option<TagId>>,
}

impl Tags {
    pub fn intern(&mut self, name: &str) -> TagId {
        if let Some(id) = self.names.get(name) {
            return TagId(id);
        }
        // Parents first, so that `parent` stays aligned with the ids.
        let parent = name.rfind('/').map(|i| self.intern(&name[..i]));
        let id = self.names.intern(name);
        self.parent.push(parent);
        TagId(id)
    }

    pub fn get(&self, name: &str) -> Option<TagId> {
        self.names.get(name).map(TagId)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn name(&self, id: TagId) -> &str {
        self.names.name(id.0)
    }

    /// True when `tag` is `key` or nested under it.
    pub fn is_under(&self, tag: TagId, key: TagId) -> bool {
        let mut current = Some(tag);
        while let Some(t) = current {
            if t == key {
                return true;
            }
            current = self.parent.get(t.0 as usize).copied().flatten();
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_nest_and_fold_case() {
        let mut tags = Tags::default();
        let v2 = tags.intern("Billing/V2");
        let billing = tags.get("billing").unwrap();
        assert!(tags.is_under(v2, billing));
        assert!(!tags.is_under(billing, v2));
        assert_eq!(tags.intern("billing/v2"), v2);
        assert_eq!(tags.name(v2), "billing/v2");
        let other = tags.intern("billingx");
        assert!(!tags.is_under(other, billing));
    }
}
