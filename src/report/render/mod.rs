//! The render layer: every report turns its data into a [`Doc`] of headings, lists, tables and
//! preformatted lines, and one backend per format prints a `Doc` (`term`, `md`). Tables also
//! print as CSV (`csv`). JSON is the report's own data, serialised by serde.

pub mod csv;
pub mod md;
pub mod term;

/// How a run of text is meant to look. The terminal shows it with colour where allowed;
/// Markdown keeps only `Strong` and `Code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Plain,
    Strong,
    Dim,
    Good,
    Warn,
    Bad,
    Code,
    /// A heatmap shade, 0 (no activity) to 4.
    Shade(u8),
    /// A day on leave in a heatmap.
    Away,
}

/// A line of text made of runs, each with its look.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline(pub Vec<(Look, String)>);

impl Inline {
    pub fn new() -> Inline {
        Inline(Vec::new())
    }

    pub fn plain(text: impl Into<String>) -> Inline {
        Inline::new().add(Look::Plain, text)
    }

    pub fn styled(look: Look, text: impl Into<String>) -> Inline {
        Inline::new().add(look, text)
    }

    /// Appends a run (empty runs are dropped).
    pub fn add(mut self, look: Look, text: impl Into<String>) -> Inline {
        let text = text.into();
        if !text.is_empty() {
            self.0.push((look, text));
        }
        self
    }

    pub fn text(self, text: impl Into<String>) -> Inline {
        self.add(Look::Plain, text)
    }

    /// The text without looks.
    pub fn to_plain(&self) -> String {
        self.0.iter().map(|(_, t)| t.as_str()).collect()
    }
}

impl From<&str> for Inline {
    fn from(text: &str) -> Inline {
        Inline::plain(text)
    }
}

impl From<String> for Inline {
    fn from(text: String) -> Inline {
        Inline::plain(text)
    }
}

/// A list item's box, for checklists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    Open,
    Done,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    pub check: Option<Check>,
    pub text: Inline,
    /// Someone's own words under the item, each shown as a quote.
    pub quotes: Vec<String>,
}

/// A table: a header and rows of cells; `numeric` columns are right-aligned in the terminal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Inline>>,
    pub numeric: Vec<usize>,
}

/// One block of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Title(Inline),
    Heading(Inline),
    Subheading(Inline),
    Para(Inline),
    List(Vec<ListItem>),
    Table(Table),
    /// Lines shown as they are (a heatmap): a code block in Markdown.
    Pre(Vec<Inline>),
    /// A trailing remark: an HTML comment in Markdown, a dim line in the terminal.
    Note(String),
}

/// A rendered-to-be report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub fn title(&mut self, text: impl Into<Inline>) {
        self.push(Block::Title(text.into()));
    }

    pub fn heading(&mut self, text: impl Into<Inline>) {
        self.push(Block::Heading(text.into()));
    }

    pub fn subheading(&mut self, text: impl Into<Inline>) {
        self.push(Block::Subheading(text.into()));
    }

    pub fn para(&mut self, text: impl Into<Inline>) {
        self.push(Block::Para(text.into()));
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.push(Block::Note(text.into()));
    }

    /// A plain bulleted list; an empty list becomes `empty` as a dim paragraph.
    pub fn list(&mut self, items: Vec<Inline>, empty: &str) {
        self.checklist(items.into_iter().map(|t| (None, t)).collect(), empty);
    }

    /// A list whose items may carry a box.
    pub fn checklist(&mut self, items: Vec<(Option<Check>, Inline)>, empty: &str) {
        if items.is_empty() {
            self.para(Inline::styled(Look::Dim, empty));
        } else {
            let items = items
                .into_iter()
                .map(|(check, text)| ListItem {
                    check,
                    text,
                    quotes: Vec::new(),
                })
                .collect();
            self.push(Block::List(items));
        }
    }

    /// A list whose items carry quotes; nothing when there are no items.
    pub fn quoted_list(&mut self, items: Vec<(Inline, Vec<String>)>) {
        if !items.is_empty() {
            let items = items
                .into_iter()
                .map(|(text, quotes)| ListItem {
                    check: None,
                    text,
                    quotes,
                })
                .collect();
            self.push(Block::List(items));
        }
    }
}
