//! Periods and leave of docs/language.md §5 (`upward::period`), as the rules and the streaks use them.

use chrono::NaiveDate;
use upward::model::{BossId, Journal, Rhythm};
use upward::period::{AwayDays, BIWEEKLY_EPOCH, Period, Unit, period_of};

fn date(s: &str) -> NaiveDate {
    upward::syntax::calendar_date(s).expect("date")
}

fn period(rhythm: Rhythm, day: &str, since: Option<&str>) -> (String, String, String) {
    let p = period_of(rhythm, date(day), since.map(date)).expect("a rhythm with periods");
    (p.start.to_string(), p.end.to_string(), p.to_string())
}

fn triple(start: &str, end: &str, label: &str) -> (String, String, String) {
    (start.into(), end.into(), label.into())
}

#[test]
fn each_rhythm_has_its_period() {
    let day = "2026-03-11"; // a Wednesday
    assert_eq!(
        period(Rhythm::Daily, day, None),
        triple("2026-03-11", "2026-03-11", "2026-03-11")
    );
    for weekly in [Rhythm::Weekly, Rhythm::PerWeek(3)] {
        assert_eq!(
            period(weekly, day, None),
            triple("2026-03-09", "2026-03-15", "2026-W11")
        );
    }
    for monthly in [Rhythm::Monthly, Rhythm::PerMonth(2)] {
        assert_eq!(
            period(monthly, day, None),
            triple("2026-03-01", "2026-03-31", "2026-03")
        );
    }
    assert_eq!(
        period(Rhythm::Biweekly, day, None),
        triple("2026-03-02", "2026-03-15", "2026-03-02..2026-03-15")
    );
    assert_eq!(period_of(Rhythm::None, date(day), None), None);
    assert_eq!(Unit::of(Rhythm::None), None);
}

#[test]
fn iso_weeks_are_keyed_by_iso_year() {
    for day in ["2026-12-28", "2027-01-01", "2027-01-03"] {
        assert_eq!(
            period(Rhythm::Weekly, day, None),
            triple("2026-12-28", "2027-01-03", "2026-W53")
        );
    }
    assert_eq!(period(Rhythm::Weekly, "2027-01-04", None).2, "2027-W01");
    // 2024-12-30 (Monday) starts 2025-W01.
    assert_eq!(period(Rhythm::Weekly, "2024-12-31", None).2, "2025-W01");
    assert_eq!(period(Rhythm::Weekly, "2026-01-05", None).2, "2026-W02");
}

#[test]
fn biweekly_blocks_start_on_the_monday_of_since_or_the_epoch() {
    assert_eq!(BIWEEKLY_EPOCH, date("1970-01-05"));
    assert_eq!(
        period(Rhythm::Biweekly, "1970-01-05", None),
        triple("1970-01-05", "1970-01-18", "1970-01-05..1970-01-18")
    );
    // Before the epoch, blocks continue backwards.
    assert_eq!(period(Rhythm::Biweekly, "1970-01-04", None).0, "1969-12-22");
    assert_eq!(period(Rhythm::Biweekly, "2026-03-01", None).0, "2026-02-16");
    // Since a Wednesday: blocks start on that week's Monday, in both directions.
    let since = Some("2026-03-11");
    assert_eq!(
        period(Rhythm::Biweekly, "2026-03-11", since).0,
        "2026-03-09"
    );
    assert_eq!(
        period(Rhythm::Biweekly, "2026-03-22", since).0,
        "2026-03-09"
    );
    assert_eq!(
        period(Rhythm::Biweekly, "2026-03-23", since).0,
        "2026-03-23"
    );
    assert_eq!(
        period(Rhythm::Biweekly, "2026-03-08", since).0,
        "2026-02-23"
    );
    // Since a Monday or a Sunday.
    assert_eq!(
        period(Rhythm::Biweekly, "2026-03-20", Some("2026-03-16")).0,
        "2026-03-16"
    );
    assert_eq!(
        period(Rhythm::Biweekly, "2026-03-20", Some("2026-03-15")).0,
        "2026-03-09"
    );
}

#[test]
fn next_and_prev_walk_contiguous_periods() {
    let p = |r, d| period_of(r, date(d), None).expect("period");
    let month = p(Rhythm::Monthly, "2028-01-31");
    assert_eq!(month.next(), p(Rhythm::Monthly, "2028-02-10"));
    assert_eq!(month.next().end, date("2028-02-29"));
    assert_eq!(month.prev(), p(Rhythm::Monthly, "2027-12-01"));
    assert_eq!(month.next().prev(), month);
    let week = p(Rhythm::Weekly, "2026-12-30");
    assert_eq!(week.next().to_string(), "2027-W01");
    assert_eq!(week.prev().to_string(), "2026-W52");
    let block = period_of(
        Rhythm::Biweekly,
        date("2026-03-11"),
        Some(date("2026-03-11")),
    )
    .expect("period");
    assert_eq!(block.next().start, date("2026-03-23"));
    assert_eq!(block.prev().end, date("2026-03-08"));
    let day = p(Rhythm::Daily, "2026-12-31");
    assert_eq!(day.next().start, date("2027-01-01"));
    assert_eq!(day.days(), 1);
    assert_eq!(week.days(), 7);
    assert_eq!(block.days(), 14);
    assert_eq!(p(Rhythm::Monthly, "2026-02-01").days(), 28);
    assert!(week.contains(date("2027-01-03")));
    assert!(!week.contains(date("2027-01-04")));
    assert_eq!(
        Period::containing(Unit::Week, date("2026-03-11"), None),
        p(Rhythm::PerWeek(2), "2026-03-15")
    );
}

#[test]
fn a_period_is_excused_when_away_days_cover_at_least_half() {
    let week = period_of(Rhythm::Weekly, date("2026-03-09"), None).expect("week");
    let away = |from: &str, until: &str| AwayDays::new([(date(from), date(until))]);
    // Seven days: four cover at least half, three do not.
    assert!(away("2026-03-12", "2026-03-15").excused(week));
    assert!(away("2026-03-06", "2026-03-12").excused(week));
    assert!(!away("2026-03-13", "2026-03-15").excused(week));
    assert!(!away("2026-03-01", "2026-03-08").excused(week));
    // Fourteen days: seven is half.
    let block = period_of(Rhythm::Biweekly, date("2026-03-02"), None).expect("block");
    assert!(away("2026-03-09", "2026-03-15").excused(block));
    assert!(!away("2026-03-10", "2026-03-15").excused(block));
    // A day is excused by itself.
    let day = period_of(Rhythm::Daily, date("2026-03-02"), None).expect("day");
    assert!(away("2026-03-02", "2026-03-02").excused(day));
    assert!(!AwayDays::default().excused(day));
}

#[test]
fn away_days_merge_overlaps_and_count_ranges() {
    let away = AwayDays::new([
        (date("2026-03-20"), date("2026-03-25")),
        (date("2026-03-10"), date("2026-03-12")),
        (date("2026-03-11"), date("2026-03-14")),
        (date("2026-03-15"), date("2026-03-15")),
    ]);
    assert_eq!(away.count(date("2026-03-01"), date("2026-03-31")), 12);
    assert_eq!(away.count(date("2026-03-12"), date("2026-03-21")), 6);
    assert_eq!(away.count(date("2026-03-16"), date("2026-03-19")), 0);
    assert_eq!(away.count(date("2026-03-21"), date("2026-03-20")), 0);
    assert!(away.contains(date("2026-03-15")));
    assert!(!away.contains(date("2026-03-16")));
    // Counting back 3 non-away days from 03-26: 03-26, 03-19, 03-18.
    assert_eq!(away.back(date("2026-03-26"), 3), date("2026-03-18"));
    assert_eq!(away.back(date("2026-03-22"), 1), date("2026-03-19"));
    assert_eq!(away.back(date("2026-03-22"), 5), date("2026-03-09"));
}

#[test]
fn away_days_of_a_boss_are_their_own_leave_and_everyones() {
    let journal = Journal::from_text(
        "t.up",
        "boss @ann Ann Lee\nboss @ben Ben Ito\n\
         2026-03-02 away until:2026-03-03\n\
         2026-03-10 away @ben until:2026-03-12\n\
         2027-01-01 away @ann Planned\n",
    );
    assert!(!journal.has_errors(), "{:?}", journal.diagnostics);
    let (ann, ben) = (BossId(0), BossId(1));
    let year = |a: &AwayDays| a.count(date("2026-01-01"), date("2027-12-31"));
    assert_eq!(year(&AwayDays::of_boss(&journal, ann)), 3);
    assert_eq!(year(&AwayDays::of_boss(&journal, ben)), 5);
}
