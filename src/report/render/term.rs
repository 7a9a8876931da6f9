//! A [`Doc`] for the terminal: colour through `colored` (the output stream strips it where
//! colour is not allowed), tables through comfy-table fitted to the terminal's width.

use colored::{ColoredString, Colorize};
use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ContentArrangement, LineStyle, Table as Grid, TableStyle,
};

use super::{Block, Check, Doc, Inline, Look, Table};

/// Renders a document. `width` is the terminal's width, when the output is a terminal:
/// tables then wrap their cells to fit it.
pub fn render(doc: &Doc, width: Option<u16>) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    for block in &doc.blocks {
        let under_heading = matches!(previous, Some(Block::Title(_) | Block::Heading(_)));
        let opens_section = matches!(block, Block::Title(_) | Block::Heading(_) | Block::Note(_))
            || matches!(block, Block::Subheading(_)) && !under_heading;
        let after_body = matches!(
            previous,
            Some(Block::List(_) | Block::Table(_) | Block::Pre(_))
        );
        if previous.is_some() && (opens_section || after_body) {
            out.push('\n');
        }
        previous = Some(block);
        match block {
            Block::Title(text) => line(&mut out, &format!("{}", inline(text).bold().underline())),
            Block::Heading(text) => line(&mut out, &format!("{}", inline(text).bold())),
            Block::Subheading(text) => line(&mut out, &format!("{}", inline(text).underline())),
            Block::Para(text) => line(&mut out, &inline(text)),
            Block::List(items) => {
                for item in items {
                    let mark = match item.check {
                        None => "-",
                        Some(Check::Open) => "[ ]",
                        Some(Check::Done) => "[x]",
                    };
                    line(&mut out, &format!("  {mark} {}", inline(&item.text)));
                    for quote in &item.quotes {
                        line(&mut out, &format!("      > {quote}"));
                    }
                }
            }
            Block::Table(table) => out.push_str(&grid(table, width)),
            Block::Pre(lines) => {
                for text in lines {
                    line(&mut out, &inline(text));
                }
            }
            Block::Note(text) => line(&mut out, &format!("{}", text.as_str().dimmed())),
        }
    }
    out
}

fn line(out: &mut String, text: &str) {
    out.push_str(text.trim_end());
    out.push('\n');
}

/// The runs of a line, each styled by its look.
pub fn inline(text: &Inline) -> String {
    text.0
        .iter()
        .map(|(look, t)| styled(*look, t).to_string())
        .collect()
}

fn styled(look: Look, text: &str) -> ColoredString {
    match look {
        Look::Plain => text.normal(),
        Look::Strong => text.bold(),
        Look::Dim | Look::Shade(0) => text.dimmed(),
        Look::Good | Look::Shade(1 | 2) => text.green(),
        Look::Shade(_) => text.bright_green().bold(),
        Look::Warn => text.yellow(),
        Look::Bad => text.red(),
        Look::Code => text.cyan(),
        Look::Away => text.blue(),
    }
}

/// No borders, a rule under the header.
const RULED: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));

/// A table with a plain header rule and no borders, wrapped to `width` when known.
fn grid(table: &Table, width: Option<u16>) -> String {
    let mut grid = Grid::new();
    grid.load_style(RULED)
        .force_no_tty()
        .enforce_styling()
        .set_header(table.header.iter().map(Cell::new));
    if let Some(width) = width {
        grid.set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic);
    }
    // The last column stays unstyled, so that no padding hides inside a style at a line's end.
    for row in &table.rows {
        let last = row.len().saturating_sub(1);
        grid.add_row(row.iter().enumerate().map(|(i, text)| {
            if i == last {
                Cell::new(text.to_plain())
            } else {
                cell(text)
            }
        }));
    }
    for &i in &table.numeric {
        if let Some(column) = grid.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut out = String::new();
    for text in grid.lines() {
        line(&mut out, &text);
    }
    out
}

/// A cell takes the colour of its first styled run (a cell has one style).
fn cell(text: &Inline) -> Cell {
    let cell = Cell::new(text.to_plain());
    let look = text.0.iter().map(|(l, _)| *l).find(|l| *l != Look::Plain);
    match look {
        Some(Look::Strong) => cell.add_attribute(Attribute::Bold),
        Some(Look::Dim | Look::Shade(0)) => cell.fg(Color::DarkGrey),
        Some(Look::Good | Look::Shade(_)) => cell.fg(Color::Green),
        Some(Look::Warn) => cell.fg(Color::Yellow),
        Some(Look::Bad) => cell.fg(Color::Red),
        Some(Look::Code) => cell.fg(Color::Cyan),
        Some(Look::Away) => cell.fg(Color::Blue),
        Some(Look::Plain) | None => cell,
    }
}
