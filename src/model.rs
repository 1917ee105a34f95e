//! Plain data shared by the stages: articles, spans, dates, entity kinds.
//!
//! Offsets inside the pipeline are byte offsets into the article text, because that
//! is what slicing a `str` needs; [`mint`](crate::mint) turns them into the Unicode
//! code-point offsets that NIF requires when it writes evidence.

use std::fmt;

/// One news article: its text and what the user told us about it.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// A short identifier, unique in a corpus (the file stem by default); it names the
    /// article's IRI and named graph.
    pub id: String,
    /// The full text, as read.
    pub text: String,
    /// The publication date, against which relative dates are resolved.
    pub published: Option<Date>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// Its headline, when given apart from the text.
    pub title: Option<String>,
}

/// A half-open byte range `start..end` of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text under the span.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// The kind of a named thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A human being.
    Person,
    /// A company, regulator, ministry, newspaper, party…
    Organization,
    /// A country, region, city, facility…
    Place,
    /// A named happening (a conference, a summit, an election).
    Event,
}

impl EntityKind {
    /// The lower-case word used in IRIs and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
        }
    }
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2020.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|()| day >= 1 && day <= days_in_month(year, month))
            .map(|()| Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// This date moved by `days`.
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() + days)
    }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A point in time as precise as the text allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    /// A day: `xsd:date`.
    Day(Date),
    /// A month: `xsd:gYearMonth`.
    Month(i32, u32),
    /// A year: `xsd:gYear`.
    Year(i32),
}

impl DateValue {
    /// The lexical form of the XSD value.
    pub fn lexical(self) -> String {
        match self {
            DateValue::Day(d) => d.to_string(),
            DateValue::Month(y, m) => format!("{y:04}-{m:02}"),
            DateValue::Year(y) => format!("{y:04}"),
        }
    }

    /// The day, when the value is one.
    pub fn day(self) -> Option<Date> {
        match self {
            DateValue::Day(d) => Some(d),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2020-11-23",
            "1999-12-31",
            "1900-03-01",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days(d.to_days()), d);
            assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn weekdays_and_arithmetic() {
        let monday = Date::parse("2020-11-23").unwrap();
        assert_eq!(monday.weekday(), 1);
        assert_eq!(monday.add_days(1).to_string(), "2020-11-24");
        assert_eq!(monday.add_days(-23).to_string(), "2020-10-31");
    }

    #[test]
    fn invalid_dates_are_refused() {
        for s in [
            "2021-02-29",
            "2020-13-01",
            "2020-1-1",
            "20-01-01",
            "yesterday",
        ] {
            assert!(Date::parse(s).is_none(), "{s}");
        }
    }
}
