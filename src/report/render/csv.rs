//! Tables as CSV (RFC 4180): a header row, then one row per record; a field is quoted when it
//! holds a comma, a quote, a line break or surrounding spaces.

/// A table for CSV: column names and rows of plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Csv {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

pub fn render(csv: &Csv) -> String {
    let mut out = String::new();
    write_row(&mut out, csv.header.iter().copied());
    for row in &csv.rows {
        write_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn write_row<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(field));
    }
    out.push('\n');
}

fn quote(field: &str) -> String {
    let needs =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let csv = Csv {
            header: vec!["a", "b"],
            rows: vec![
                vec!["x, y".into(), "say \"hi\"".into()],
                vec!["1".into(), String::new()],
            ],
        };
        assert_eq!(render(&csv), "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n1,\n");
    }
}
