//! The export model, version 1: the shape `upward export` prints and plugins read.
//! docs/export.md describes every field; docs/export.schema.json pins the shape. Fields are
//! only ever added within a version, never renamed or removed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The model's version. It changes only when a field changes meaning or goes away.
pub const VERSION: u32 = 1;

/// The whole journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub version: u32,
    /// `boss` directives, in declaration order.
    pub bosses: Vec<Boss>,
    /// Scope tags, without `#`, in the order declared.
    pub scope: Vec<String>,
    /// Priorities by key, in the order first defined, each with its changes.
    pub priorities: Vec<Priority>,
    /// Entries by (date, time, load order); entries without a time first within a day.
    pub entries: Vec<Entry>,
}

/// One `boss` directive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boss {
    /// Lowercase, without `@`.
    pub id: String,
    pub name: String,
    /// `daily`, `weekly`, `biweekly`, `monthly`, `N/week`, `N/month` or `none`.
    pub cadence: String,
    pub updates: String,
    /// `concise` or `detailed`.
    pub detail: String,
    /// The update length limit when the directive sets one.
    pub words: Option<u32>,
    pub channel: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub file: String,
    pub line: u32,
}

/// A priority and every change made to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    /// The key tag, without `#`.
    pub key: String,
    /// Ids of the bosses whose priority it is after its last change (docs/language.md §4).
    pub bosses: Vec<String>,
    /// One per `priority` entry of this key, by date.
    pub changes: Vec<PriorityChange>,
}

/// What one `priority` entry changes from its date on; `null` means unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityChange {
    pub date: NaiveDate,
    /// Ids of the bosses of this `priority` entry.
    pub bosses: Vec<String>,
    pub rank: Option<u32>,
    pub status: Option<String>,
    pub due: Option<NaiveDate>,
    pub title: Option<String>,
    pub file: String,
    pub line: u32,
}

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub kind: String,
    pub date: NaiveDate,
    /// `HH:MM`, or `null` for an entry without a time.
    pub time: Option<String>,
    /// Ids of the bosses the entry belongs to (docs/language.md §3).
    pub bosses: Vec<String>,
    /// The description: header and continuation lines, without fields and comments.
    pub text: String,
    /// Tags of the header and body, without `#`, lowercase, each once.
    pub tags: Vec<String>,
    /// People named in the header outside field values, without `@`, lowercase.
    pub people: Vec<String>,
    /// The header's `^handle`, without `^`.
    pub handle: Option<String>,
    pub fields: Fields,
    /// Body notes, actions, questions and quotes, in order.
    pub items: Vec<Item>,
    pub file: String,
    pub line: u32,
}

/// The entry's fields, typed. A field the entry does not carry is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dur: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
    /// `@id`, `yes` or `no`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solution: Option<String>,
    /// Rule codes silenced on this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
}

/// A body item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// `note`, `action`, `question` or `quote`.
    pub form: String,
    /// An action's `open`, `done` or `dropped`; `null` for other forms.
    pub state: Option<String>,
    /// An action's owner, without `@`; `null` means you.
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// A `^handle` the item refers to, without `^`.
    pub handle: Option<String>,
    /// The item's words with its continuation lines, without marker, fields and comments.
    pub text: String,
    pub line: u32,
}
