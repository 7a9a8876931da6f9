//! A small SVG kit for the pages' charts: scales (numbers, days, bands), shapes that carry
//! their own `<title>` (what a pointer or a screen reader shows), text, and a date axis.
//! Colours come from CSS classes, so that the light, dark and print styles decide them.

use chrono::{Datelike, NaiveDate};

use super::markup::Markup;
use crate::period::{add_days, days_between};

/// A number with at most one decimal, as SVG coordinates are written.
pub fn num(v: f64) -> String {
    let rounded = (v * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// A linear map from a domain onto a range of coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Days from `from` to `to` (both included) onto `x0..x1`: each day a slot of equal width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Days {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub x0: f64,
    pub x1: f64,
}

impl Days {
    fn count(&self) -> f64 {
        (days_between(self.from, self.to) + 1).max(1) as f64
    }

    /// Where `date` starts (clamped to the scale).
    pub fn at(&self, date: NaiveDate) -> f64 {
        let d = days_between(self.from, date).clamp(0, self.count() as i64) as f64;
        self.x0 + d * self.day()
    }

    /// The middle of `date`'s slot.
    pub fn mid(&self, date: NaiveDate) -> f64 {
        self.at(date) + self.day() / 2.0
    }

    /// Where `date` ends: the start of the next day.
    pub fn end(&self, date: NaiveDate) -> f64 {
        self.at(add_days(date, 1))
    }

    pub fn day(&self) -> f64 {
        (self.x1 - self.x0) / self.count()
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// `n` equal bands over `x0..x1`, with a gap between them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bands {
    pub n: usize,
    pub x0: f64,
    pub x1: f64,
    /// The gap as a share of a band's step (0 to 1).
    pub gap: f64,
}

impl Bands {
    fn step(&self) -> f64 {
        (self.x1 - self.x0) / self.n.max(1) as f64
    }

    pub fn start(&self, i: usize) -> f64 {
        self.x0 + i as f64 * self.step() + self.step() * self.gap / 2.0
    }

    pub fn width(&self) -> f64 {
        self.step() * (1.0 - self.gap)
    }

    pub fn mid(&self, i: usize) -> f64 {
        self.start(i) + self.width() / 2.0
    }
}

/// An SVG picture under construction, `width` × `height` user units.
#[derive(Clone, Debug)]
pub struct Svg {
    pub width: f64,
    pub height: f64,
    body: Markup,
}

impl Svg {
    pub fn new(width: f64, height: f64) -> Svg {
        Svg {
            width,
            height,
            body: Markup::new(),
        }
    }

    /// A rectangle; `tip` (when not empty) is its `<title>`.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, class: &str, tip: &str) {
        let attrs = [
            ("x", num(x)),
            ("y", num(y)),
            ("width", num(w.max(0.0))),
            ("height", num(h.max(0.0))),
        ];
        self.shape("rect", &attrs, class, tip);
    }

    /// A circle.
    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, class: &str, tip: &str) {
        let attrs = [("cx", num(cx)), ("cy", num(cy)), ("r", num(r))];
        self.shape("circle", &attrs, class, tip);
    }

    /// A diamond of half-width `r` around a point: a marker of a change or a due date.
    pub fn diamond(&mut self, cx: f64, cy: f64, r: f64, class: &str, tip: &str) {
        let d = format!(
            "M{} {}L{} {}L{} {}L{} {}Z",
            num(cx),
            num(cy - r),
            num(cx + r),
            num(cy),
            num(cx),
            num(cy + r),
            num(cx - r),
            num(cy)
        );
        self.shape("path", &[("d", d)], class, tip);
    }

    /// A straight line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        let attrs = [
            ("x1", num(x1)),
            ("y1", num(y1)),
            ("x2", num(x2)),
            ("y2", num(y2)),
        ];
        self.shape("line", &attrs, class, "");
    }

    /// Text at a point; `anchor` is `start`, `middle` or `end`.
    pub fn text(&mut self, x: f64, y: f64, anchor: &'static str, class: &str, text: &str) {
        self.body.element(
            "text",
            &[
                ("x", &num(x)),
                ("y", &num(y)),
                ("text-anchor", anchor),
                ("class", class),
            ],
            text,
        );
    }

    fn shape(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, String)],
        class: &str,
        tip: &str,
    ) {
        let mut all: Vec<(&'static str, &str)> =
            attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if !class.is_empty() {
            all.push(("class", class));
        }
        if tip.is_empty() {
            self.body.void(tag, &all);
        } else {
            self.body
                .open(tag, &all)
                .element("title", &[], tip)
                .close(tag);
        }
        self.body.nl();
    }

    /// The finished `<svg>`, scaling to its container's width, labelled for screen readers.
    pub fn finish(self, label: &str, class: &str) -> Markup {
        self.finish_with(label, class, false)
    }

    /// [`Svg::finish`] at its own size (one unit a pixel), shrinking only on a narrow screen.
    pub fn finish_sized(self, label: &str, class: &str) -> Markup {
        self.finish_with(label, class, true)
    }

    fn finish_with(self, label: &str, class: &str, sized: bool) -> Markup {
        let view = format!("0 0 {} {}", num(self.width), num(self.height));
        let (width, height) = (num(self.width), num(self.height));
        let mut attrs = vec![
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", view.as_str()),
            ("class", class),
            ("role", "img"),
            ("aria-label", label),
        ];
        if sized {
            attrs.extend([("width", width.as_str()), ("height", height.as_str())]);
        }
        let mut m = Markup::new();
        m.open("svg", &attrs)
            .element("title", &[], label)
            .nl()
            .push(&self.body)
            .close("svg")
            .nl();
        m
    }
}

/// Gridlines and date labels for a day scale between `top` and `bottom`: every day when the
/// span is up to three weeks, every Monday up to 16 weeks, every month's first day up to two
/// years, else every year's; labels go below `bottom`.
pub fn date_axis(svg: &mut Svg, days: &Days, top: f64, bottom: f64) {
    let span = days_between(days.from, days.to);
    let mut d = days.from;
    let mut labelled_at = f64::NEG_INFINITY;
    while d <= days.to {
        let label = match span {
            0..=21 => Some(d.format("%a %-d")),
            22..=112 => (d.weekday() == chrono::Weekday::Mon).then(|| d.format("%-d %b")),
            113..=730 => (d.day() == 1).then(|| d.format("%b %Y")),
            _ => (d.ordinal() == 1).then(|| d.format("%Y")),
        };
        if let Some(label) = label.map(|l| l.to_string()) {
            let x = days.at(d);
            svg.line(x, top, x, bottom, "grid");
            // Labels need about 44 units; a crowded one is left out, its gridline stays.
            if x - labelled_at >= 44.0 {
                svg.text(x, bottom + 14.0, "middle", "tick", &label);
                labelled_at = x;
            }
        }
        d = add_days(d, 1);
    }
}

/// Text cut to `max` characters with an ellipsis, for labels whose full text is in a title.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::syntax::calendar_date(s).expect("date")
    }

    #[test]
    fn numbers_have_one_decimal_at_most() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
    }

    #[test]
    fn scales_map_their_ends() {
        let l = Linear {
            domain: (0.0, 10.0),
            range: (100.0, 0.0),
        };
        assert_eq!((l.at(0.0), l.at(5.0), l.at(10.0)), (100.0, 50.0, 0.0));
        let days = Days {
            from: d("2026-11-01"),
            to: d("2026-11-10"),
            x0: 0.0,
            x1: 100.0,
        };
        assert_eq!(days.at(d("2026-11-01")), 0.0);
        assert_eq!(days.end(d("2026-11-10")), 100.0);
        assert_eq!(days.at(d("2026-10-01")), 0.0);
        let bands = Bands {
            n: 4,
            x0: 0.0,
            x1: 100.0,
            gap: 0.2,
        };
        assert_eq!((bands.start(1), bands.width()), (27.5, 20.0));
    }

    #[test]
    fn shapes_carry_escaped_titles() {
        let mut svg = Svg::new(10.0, 10.0);
        svg.rect(0.0, 0.0, 5.0, 5.0, "bar", "<x>");
        let out = svg.finish("A & B", "chart");
        assert!(out.as_str().contains("<title>&lt;x&gt;</title>"));
        assert!(out.as_str().contains("aria-label=\"A &amp; B\""));
    }

    #[test]
    fn clipped_labels() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
