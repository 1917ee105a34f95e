//! Date expressions, resolved against the publication date.
//!
//! Absolute dates ("10 November 2020", "Nov. 10, 2020", "March 2005") resolve on
//! their own. Relative ones ("on Monday", "this morning", "earlier this month",
//! "November 10", "last year") need the publication date; without it they are left
//! out rather than guessed. News reports mostly look back, so a bare weekday or month
//! is the latest one on or before publication, unless the sentence looks ahead
//! ("next", "will").

use crate::lexicon::lexicons;
use crate::model::{Date, DateValue};
use crate::segment::{Document, TokenKind};
use std::ops::Range;

/// A date expression and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The tokens of the expression ("on" and "in" excluded).
    pub tokens: Range<usize>,
    /// The resolved value.
    pub value: DateValue,
    /// Whether it is a time of day on the publication date ("this morning"), which
    /// says when something started rather than merely that it happened.
    pub rule: &'static str,
}

/// Finds and resolves the date expressions of a document.
pub fn find_dates(doc: &Document<'_>, published: Option<Date>) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        match date_at(doc, i, published) {
            Some(d) => {
                i = d.tokens.end;
                found.push(d);
            }
            None => i += 1,
        }
    }
    found
}

fn year_at(doc: &Document<'_>, i: usize) -> Option<i32> {
    if i >= doc.tokens.len() || doc.tokens[i].kind != TokenKind::Number {
        return None;
    }
    let w = doc.word(i);
    (w.len() == 4)
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

fn day_at(doc: &Document<'_>, i: usize) -> Option<u32> {
    if i >= doc.tokens.len() {
        return None;
    }
    let w = doc.word(i);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn month_at(doc: &Document<'_>, i: usize) -> Option<(u32, usize)> {
    if i >= doc.tokens.len() || doc.tokens[i].kind != TokenKind::Word {
        return None;
    }
    let w = doc.word(i);
    // Month names are capitalized; "may" and "march" in lower case are verbs.
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let m = lexicons().month(w)?;
    // "Nov." — take the abbreviation's full stop along.
    let end = if doc.is(i + 1, ".") && !doc.tokens[i + 1].space_before && w.len() <= 4 {
        i + 2
    } else {
        i + 1
    };
    Some((m, end))
}

/// Whether the sentence around token `i` looks ahead in time.
fn looks_ahead(doc: &Document<'_>, i: usize) -> bool {
    let s = &doc.sentences[doc.sentence_of(i)];
    s.tokens.clone().any(|j| {
        let w = doc.word(j);
        w.eq_ignore_ascii_case("will")
            || w.eq_ignore_ascii_case("’ll")
            || w.eq_ignore_ascii_case("'ll")
    })
}

fn date_at(doc: &Document<'_>, i: usize, published: Option<Date>) -> Option<DateMention> {
    let lex = lexicons();
    let w = doc.lower(i);
    let prev = if i > 0 { doc.lower(i - 1) } else { "" };
    let mention = |end: usize, value: DateValue, rule: &'static str| {
        Some(DateMention {
            tokens: i..end,
            value,
            rule,
        })
    };
    // 10 November (2020)
    if let Some(day) = day_at(doc, i) {
        if let Some((month, end)) = month_at(doc, i + 1) {
            if let Some(year) = year_at(doc, end) {
                return mention(
                    end + 1,
                    DateValue::Day(Date::new(year, month, day)?),
                    "date:day-month-year",
                );
            }
            let date = nearest_day_of_month(published?, month, day, looks_ahead(doc, i))?;
            return mention(end, DateValue::Day(date), "date:day-month");
        }
        return None;
    }
    // November 10(, 2020) | November 2020 | (in) November
    if let Some((month, end)) = month_at(doc, i) {
        if let Some(day) = day_at(doc, end) {
            let after = if doc.is(end + 1, ",") {
                end + 2
            } else {
                end + 1
            };
            if let Some(year) = year_at(doc, after) {
                return mention(
                    after + 1,
                    DateValue::Day(Date::new(year, month, day)?),
                    "date:month-day-year",
                );
            }
            let date = nearest_day_of_month(published?, month, day, looks_ahead(doc, i))?;
            return mention(end + 1, DateValue::Day(date), "date:month-day");
        }
        if let Some(year) = year_at(doc, end) {
            return mention(end + 1, DateValue::Month(year, month), "date:month-year");
        }
        // A bare month needs a preposition or determiner, or "May" is just a name.
        if matches!(
            prev,
            "in" | "since"
                | "until"
                | "by"
                | "from"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "during"
                | "before"
                | "after"
        ) {
            let p = published?;
            let ahead = prev == "next" || (prev != "last" && looks_ahead(doc, i));
            let year = if ahead {
                if month > p.month { p.year } else { p.year + 1 }
            } else if prev == "last" {
                if month < p.month { p.year } else { p.year - 1 }
            } else if month <= p.month {
                p.year
            } else {
                p.year - 1
            };
            return mention(end, DateValue::Month(year, month), "date:month");
        }
        return None;
    }
    // (on) Monday
    if let Some(weekday) = lex.weekday(w) {
        if !doc.word(i).chars().next().is_some_and(char::is_uppercase) || w.len() < 6 {
            return None;
        }
        let p = published?;
        let ahead = prev == "next" || (prev != "last" && looks_ahead(doc, i));
        let today = i64::from(p.weekday());
        let target = i64::from(weekday);
        let offset = if ahead {
            (target - today).rem_euclid(7)
        } else if prev == "last" {
            -((today - target - 1).rem_euclid(7) + 1)
        } else {
            -(today - target).rem_euclid(7)
        };
        return mention(i + 1, DateValue::Day(p.add_days(offset)), "date:weekday");
    }
    // in 2004
    if let Some(year) = year_at(doc, i) {
        if matches!(
            prev,
            "in" | "since" | "until" | "by" | "of" | "during" | "early" | "late" | "mid"
        ) {
            return mention(i + 1, DateValue::Year(year), "date:year");
        }
        return None;
    }
    let next = |k: usize| doc.lower(i + k);
    let p = published;
    match w {
        "today" | "tonight" => mention(i + 1, DateValue::Day(p?), "date:today"),
        "yesterday" => mention(i + 1, DateValue::Day(p?.add_days(-1)), "date:yesterday"),
        "tomorrow" => mention(i + 1, DateValue::Day(p?.add_days(1)), "date:tomorrow"),
        "this" | "earlier" | "later" | "last" | "next" => {
            // earlier/later this month|year
            let (skip, unit) = if matches!(w, "earlier" | "later") && next(1) == "this" {
                (2, next(2))
            } else {
                (1, next(1))
            };
            let relative = if skip == 2 { "this" } else { w };
            let p = p?;
            let value = match (relative, unit) {
                ("this", "morning" | "afternoon" | "evening") => DateValue::Day(p),
                ("this", "month") => DateValue::Month(p.year, p.month),
                ("last", "month") => {
                    let d = Date::new(p.year, p.month, 1)?.add_days(-1);
                    DateValue::Month(d.year, d.month)
                }
                ("next", "month") => {
                    let d = Date::new(
                        p.year,
                        p.month,
                        crate::model::days_in_month(p.year, p.month),
                    )?
                    .add_days(1);
                    DateValue::Month(d.year, d.month)
                }
                ("this", "year") => DateValue::Year(p.year),
                ("last", "year") => DateValue::Year(p.year - 1),
                ("next", "year") => DateValue::Year(p.year + 1),
                ("last", "night") => DateValue::Day(p.add_days(-1)),
                _ => return None,
            };
            let rule = if matches!(unit, "morning" | "afternoon" | "evening") {
                "date:time-of-day"
            } else {
                "date:relative"
            };
            mention(i + skip + 1, value, rule)
        }
        _ => None,
    }
}

/// The date with this month and day nearest to `published` in the direction the text
/// looks: on or before it for past reports (within the last year), after it otherwise.
fn nearest_day_of_month(published: Date, month: u32, day: u32, ahead: bool) -> Option<Date> {
    let this_year = Date::new(published.year, month, day);
    if ahead {
        return match this_year {
            Some(d) if d >= published => Some(d),
            _ => Date::new(published.year + 1, month, day),
        };
    }
    match this_year {
        // A date a few days after publication is still read as this year's.
        Some(d) if d.to_days() <= published.to_days() + 7 => Some(d),
        _ => Date::new(published.year - 1, month, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        find_dates(&doc, Date::parse(published))
            .into_iter()
            .map(|d| {
                (
                    doc.slice(d.tokens.start, d.tokens.end).to_owned(),
                    d.value.lexical(),
                )
            })
            .collect()
    }

    #[test]
    fn resolves_dates_against_publication() {
        let pub_monday = "2020-11-23";
        type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let table: &[Row] = &[
            (
                "He spoke on Monday.",
                pub_monday,
                &[("Monday", "2020-11-23")],
            ),
            (
                "He spoke on Friday.",
                pub_monday,
                &[("Friday", "2020-11-20")],
            ),
            (
                "He will speak on Friday.",
                pub_monday,
                &[("Friday", "2020-11-27")],
            ),
            (
                "On November 10, it fell.",
                pub_monday,
                &[("November 10", "2020-11-10")],
            ),
            (
                "On Nov. 10, 2019, it fell.",
                pub_monday,
                &[("Nov. 10, 2019", "2019-11-10")],
            ),
            (
                "the 11 September 2001 attacks",
                pub_monday,
                &[("11 September 2001", "2001-09-11")],
            ),
            (
                "Earlier this month, it fell.",
                pub_monday,
                &[("Earlier this month", "2020-11")],
            ),
            (
                "It opened this morning.",
                pub_monday,
                &[("this morning", "2020-11-23")],
            ),
            (
                "It fell yesterday.",
                pub_monday,
                &[("yesterday", "2020-11-22")],
            ),
            (
                "Profits rose last year.",
                pub_monday,
                &[("last year", "2019")],
            ),
            (
                "In December, it rose.",
                pub_monday,
                &[("December", "2019-12")],
            ),
            (
                "results to March 2005",
                pub_monday,
                &[("March 2005", "2005-03")],
            ),
            ("May said no.", pub_monday, &[]),
        ];
        for (text, published, expected) in table {
            let got = dates(text, published);
            let want: Vec<(String, String)> = expected
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        let doc = Document::new("On Monday, earlier this month, on 10 November 2020.");
        let found = find_dates(&doc, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value.lexical(), "2020-11-10");
    }
}
