//! `--format html`: each report as one self-contained page (inline CSS and SVG, no script,
//! no request). Text reaches a page only through [`markup::Markup`], which escapes it with
//! [`escape::escape`]; charts are drawn with the small kit in [`svg`].

pub mod brag_page;
pub mod calendar_chart;
pub mod doc;
pub mod escape;
pub mod heatmap_chart;
pub mod lanes;
pub mod markup;
pub mod page;
pub mod promises_chart;
pub mod report_page;
pub mod share;
pub mod streaks_page;
pub mod svg;
