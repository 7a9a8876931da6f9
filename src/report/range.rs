//! The dates a report covers: `this-week`, `last-week`, `this-month`, `last-month`, `YYYY-MM`
//! or `FROM..TO`, both ends included.

use chrono::NaiveDate;
use serde::Serialize;

use crate::period::{Period, Unit, add_days};

/// The dates a report covers, both included, and how to call them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// `this-week`, `last-week`, `this-month`, `last-month`, `YYYY-MM` or `FROM..TO`.
pub fn parse_period(text: &str, today: NaiveDate) -> Result<DateRange, String> {
    let week = |d| Period::containing(Unit::Week, d, None);
    let month = |d| Period::containing(Unit::Month, d, None);
    let period = match text {
        "this-week" => week(today),
        "last-week" => week(add_days(today, -7)),
        "this-month" => month(today),
        "last-month" => month(today).prev(),
        _ => {
            if let Some((from, to)) = text.split_once("..") {
                let date = |s: &str| crate::syntax::calendar_date(s.trim());
                let (Some(from), Some(to)) = (date(from), date(to)) else {
                    return Err(bad_period(text));
                };
                if to < from {
                    return Err(format!("period `{text}` ends before it starts"));
                }
                return Ok(DateRange {
                    label: format!("{from} to {to}"),
                    from,
                    to,
                });
            }
            let first = crate::syntax::calendar_date(&format!("{text}-01"));
            match first.filter(|_| text.len() == 7) {
                Some(first) => month(first),
                None => return Err(bad_period(text)),
            }
        }
    };
    Ok(DateRange {
        label: period.to_string(),
        from: period.start,
        to: period.end,
    })
}

fn bad_period(text: &str) -> String {
    format!(
        "`{text}` is not a period; write this-week, last-week, this-month, last-month, YYYY-MM or FROM..TO (YYYY-MM-DD..YYYY-MM-DD)"
    )
}
