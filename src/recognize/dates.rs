//! Date expressions, resolved against the publication date.
//!
//! Absolute dates ("10 November 2020", "Nov. 10, 2020", "March 2005") resolve on
//! their own. Relative ones ("on Monday", "this morning", "earlier this month",
//! "November 10", "last year") need the publication date; without it they are left
//! out rather than guessed. News reports mostly look back, so a bare weekday or month
//! is the latest one on or before publication, unless the sentence looks ahead
//! ("next", "will").

use crate::analyze::tree::Tree;
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
pub(crate) fn find_dates(
    doc: &Document<'_>,
    tree: &Tree<'_>,
    published: Option<Date>,
) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        match date_at(doc, tree, i, published) {
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
    // "Nov." — take the abbreviation's full stop along (not the one that ends "… in
    // May.": a month written in full is no abbreviation).
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let abbreviated = (m as usize)
        .checked_sub(1)
        .and_then(|k| FULL.get(k))
        .is_some_and(|full| w.len() < full.len());
    let end = if doc.is(i + 1, ".") && !doc.tokens[i + 1].space_before && abbreviated {
        i + 2
    } else {
        i + 1
    };
    Some((m, end))
}

/// Whether the text around token `i` looks ahead in time: the tense of the clause the
/// date belongs to where the tree tells it, else whether the sentence says "will".
fn looks_ahead(doc: &Document<'_>, tree: &Tree<'_>, i: usize) -> bool {
    match clause_time(tree, i) {
        Some(time) => time == Time::Ahead,
        None => sentence_says_will(doc, i),
    }
}

fn sentence_says_will(doc: &Document<'_>, i: usize) -> bool {
    let s = &doc.sentences[doc.sentence_of(i)];
    s.tokens.clone().any(|j| {
        let w = doc.word(j);
        w.eq_ignore_ascii_case("will")
            || w.eq_ignore_ascii_case("’ll")
            || w.eq_ignore_ascii_case("'ll")
    })
}

/// Which way a clause looks from the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Time {
    /// Done or reported as done: "He spoke on Friday", "has met them on Friday".
    Past,
    /// The future, or the present of a plan or a timetable: "will speak on Friday",
    /// "is meeting them on Friday", "The final is on Sunday", "Harvo face Vantor on
    /// Saturday", "plans to visit on Friday".
    Ahead,
}

/// The time of the clause that the date at token `i` belongs to, from the tense of the
/// predicate it hangs on: a date bare of its year or week ("on Friday", "on 10 May")
/// is the one before publication in a past clause ("said on Friday that it will cut
/// jobs") and the one after it in a future or present one. `None` where the tense does
/// not say (a modal such as "would", an infinitive under a past verb: "agreed to meet
/// on Friday").
fn clause_time(tree: &Tree<'_>, i: usize) -> Option<Time> {
    let mut v = tree.words_in(i..i + 1).next()?;
    // "set for Friday", "delayed until Friday": a date a plan aims at may lie ahead
    // of a past clause.
    let aim = |w: usize| tree.has_child_lemma(w, "case", &["for", "until", "till", "by", "before"]);
    if aim(v) || tree.head(v).is_some_and(aim) {
        return None;
    }
    let date = v;
    for _ in 0..8 {
        if is_predicate(tree, v) {
            // "said on 10 May that it will close": a date before the "that" of a
            // clause is outside it, however the parser hung it.
            let clause_opens_after = tree.children_with(v, &["mark"]).iter().any(|&m| m > date);
            return match tree.head(v) {
                Some(h) if clause_opens_after => tense(tree, h, 0),
                _ => tense(tree, v, 0),
            };
        }
        v = tree.head(v)?;
    }
    None
}

/// Whether word `w` heads a clause: a verb, or a word with a copula, an auxiliary or
/// a subject ("Sunday" in "The final is on Sunday").
fn is_predicate(tree: &Tree<'_>, w: usize) -> bool {
    tree.upos(w) == "VERB"
        || !tree
            .children_with(w, &["cop", "aux", "aux:pass", "nsubj", "nsubj:pass"])
            .is_empty()
}

fn tense(tree: &Tree<'_>, v: usize, depth: usize) -> Option<Time> {
    let auxiliaries = tree.children_with(v, &["aux", "aux:pass", "cop"]);
    // "to meet", "to be held": a base form, with or without its auxiliaries.
    let mut infinitive = tree.xpos(v) == "VB";
    for &a in &auxiliaries {
        match (tree.lemma(a), tree.xpos(a)) {
            ("will" | "shall", _) => return Some(Time::Ahead),
            (_, "VB") => infinitive = true,
            // The perfect reports what was done ("has met", "had met").
            ("have", _) | (_, "VBD") => return Some(Time::Past),
            (_, "VBZ" | "VBP") => return Some(Time::Ahead),
            (_, "MD") => return None,
            _ => {}
        }
    }
    match tree.xpos(v) {
        _ if infinitive => {
            // "plans to visit on Friday", "is going to visit", "is due to be held":
            // an infinitive looks ahead from the clause that governs it.
            let governor = tree.head(v).filter(|_| depth < 3)?;
            match tense(tree, governor, depth + 1)? {
                Time::Ahead => Some(Time::Ahead),
                Time::Past => None,
            }
        }
        "VBD" | "VBN" => Some(Time::Past),
        "VBZ" | "VBP" => Some(Time::Ahead),
        _ => None,
    }
}

fn date_at(
    doc: &Document<'_>,
    tree: &Tree<'_>,
    i: usize,
    published: Option<Date>,
) -> Option<DateMention> {
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
            let date = nearest_day_of_month(published?, month, day, looks_ahead(doc, tree, i))?;
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
            let date = nearest_day_of_month(published?, month, day, looks_ahead(doc, tree, i))?;
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
            let ahead = prev == "next" || (prev != "last" && looks_ahead(doc, tree, i));
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
        let ahead = prev == "next" || (prev != "last" && looks_ahead(doc, tree, i));
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
    use crate::analyze::{analyze, models};

    fn dates(text: &str, published: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        let analysis = analyze(&doc, models());
        find_dates(&doc, &Tree::new(&doc, &analysis), Date::parse(published))
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
            // A month written in full keeps no full stop: it ends the sentence.
            ("He was sacked in June.", pub_monday, &[("June", "2020-06")]),
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
        check(table);
    }

    /// A bare weekday or day of the month lies before publication in a past clause and
    /// after it in a future or present one, whatever else the sentence says.
    #[test]
    fn the_tense_of_its_clause_gives_a_date_its_direction() {
        let pub_monday = "2020-11-23";
        let table: &[Row] = &[
            (
                "The firm said on Friday that it will cut 500 jobs.",
                pub_monday,
                &[("Friday", "2020-11-20")],
            ),
            (
                "The talks, which ended on Friday, will resume in spring.",
                pub_monday,
                &[("Friday", "2020-11-20")],
            ),
            (
                "The company said on November 10 that it will close the plant.",
                pub_monday,
                &[("November 10", "2020-11-10")],
            ),
            (
                "The committee is meeting on Friday.",
                pub_monday,
                &[("Friday", "2020-11-27")],
            ),
            (
                "The final is on Sunday.",
                pub_monday,
                &[("Sunday", "2020-11-29")],
            ),
            (
                "Ministers plan to visit the site on Friday.",
                pub_monday,
                &[("Friday", "2020-11-27")],
            ),
            (
                "The vote is due to be held on Thursday.",
                pub_monday,
                &[("Thursday", "2020-11-26")],
            ),
            (
                "They agreed on Friday to meet again.",
                pub_monday,
                &[("Friday", "2020-11-20")],
            ),
            (
                "The plant will close on November 10.",
                pub_monday,
                &[("November 10", "2021-11-10")],
            ),
        ];
        check(table);
    }

    type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    fn check(table: &[Row]) {
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
        let analysis = analyze(&doc, models());
        let found = find_dates(&doc, &Tree::new(&doc, &analysis), None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value.lexical(), "2020-11-10");
    }
}
