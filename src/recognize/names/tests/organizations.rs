//! Table tests of the rules that find organizations by what the text says of them.

use super::names;
use crate::model::EntityKind::*;

#[test]
fn a_name_described_as_an_organization_is_one() {
    let table: &[(&str, &str)] = &[
        // A descriptor noun right before the name, singular or bare plural.
        (
            "The ruling came after telecom regulator Zelcom said it would act.",
            "Zelcom",
        ),
        ("Shares in the carmaker Brelmont rose.", "Brelmont"),
        (
            "Bookmakers Drabbles say the singer is the favourite.",
            "Drabbles",
        ),
        (
            "It was made by developers Harnix and publishers Quidos.",
            "Quidos",
        ),
        // In apposition, with capitalized modifiers before the noun.
        (
            "The case of Vorneft, a Russian oil company that nearly merged, was heard.",
            "Vorneft",
        ),
        (
            "Vorlag, the German engineering group, cut 300 jobs.",
            "Vorlag",
        ),
        // What a company has, tied to its name by a preposition.
        ("Shares in Vantrex fell 5% on Monday.", "Vantrex"),
        ("Profits at Hantrel rose sharply last year.", "Hantrel"),
        (
            "On Tuesday Quillex, the troubled lender, said it would cut jobs.",
            "Quillex",
        ),
    ];
    for (text, name) in table {
        let got = names(text);
        assert!(
            got.contains(&((*name).to_owned(), Organization)),
            "{text}: {got:?}"
        );
    }
    // Not descriptions of an organization: a person's job, a noun inside a phrase of
    // its own, a descriptor ending the sentence before, a modified plural.
    let not: &[(&str, &str)] = &[
        ("Drevlin, a company director, resigned.", "Drevlin"),
        (
            "Drevlin, the man behind the Vardby games group, spoke.",
            "Drevlin",
        ),
        ("They sold the firm. Karlsen said it was over.", "Karlsen"),
        (
            "She kept the two wedding bands Karlsen gave her.",
            "Karlsen",
        ),
    ];
    for (text, name) in not {
        let got = names(text);
        assert!(
            !got.contains(&((*name).to_owned(), Organization)),
            "{text}: {got:?}"
        );
    }
    // The plural noun that opens a sentence is no part of the name after it.
    let got = names("Retailers Quorvane and Drabbles reported losses.");
    assert!(
        !got.iter().any(|(n, _)| n.starts_with("Retailers")),
        "{got:?}"
    );
}

#[test]
fn a_name_its_own_clause_calls_it_is_no_person() {
    for (text, name) in [
        ("Drevco said it would cut 300 jobs.", "Drevco"),
        ("Halvex raised its forecast for the year.", "Halvex"),
        ("Telvora said that it had stopped the sale.", "Telvora"),
    ] {
        let got = names(text);
        assert!(
            got.contains(&(name.to_owned(), Organization)),
            "{text}: {got:?}"
        );
    }
    // Not the name's "it": another subject's, a stand-in subject, a plural noun.
    for (text, name) in [
        ("The race for Kelvara entered its final stage.", "Kelvara"),
        ("Drevlin said it would be hard to win.", "Drevlin"),
        ("Critics said it would fail.", "Critics"),
    ] {
        let got = names(text);
        assert!(
            !got.contains(&(name.to_owned(), Organization)),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn parties_institutions_and_fields_before_titles() {
    for (text, name) in [
        ("The Tories say they will vote against it.", "Tories"),
        ("The Lib Dems also oppose the plans.", "Lib Dems"),
        ("He said the Democrats had agreed.", "Democrats"),
        (
            "Peers will debate the bill in the Lords on Thursday.",
            "Lords",
        ),
        // A word named elsewhere in the article is a name before a title too.
        ("Wasps coach Tom Reyes was angry. Wasps lost 10-3.", "Wasps"),
        ("Labour leader Ann Lind spoke.", "Labour"),
    ] {
        let got = names(text);
        assert!(
            got.contains(&(name.to_owned(), Organization)),
            "{text}: {got:?}"
        );
    }
    // A common word opening the sentence before a job title is its field.
    for (text, word) in [
        (
            "Communications director Tom Reyes said the body would act.",
            "Communications",
        ),
        ("Film director Ann Lind was angry.", "Film"),
        (
            "Shadow Home Secretary Tom Reyes said the plan was flawed.",
            "Shadow",
        ),
    ] {
        let got = names(text);
        assert!(!got.iter().any(|(n, _)| n == word), "{text}: {got:?}");
    }
}

#[test]
fn an_institution_name_ends_before_a_date_and_spans_two_joined_words() {
    let table: &[(&str, &[(&str, crate::model::EntityKind)])] = &[
        // "on" before a day or a month starts a date, not the rest of the name.
        (
            "The Vardby Electoral Commission on Thursday said the rules were clear.",
            &[("Vardby Electoral Commission", Organization)],
        ),
        // One common word and an institution closing the run are one name.
        (
            "The Securities and Harbour Commission asked for information.",
            &[("Securities and Harbour Commission", Organization)],
        ),
    ];
    for (text, expected) in table {
        let want: Vec<(String, crate::model::EntityKind)> = expected
            .iter()
            .map(|(n, k)| ((*n).to_owned(), *k))
            .collect();
        assert_eq!(names(text), want, "{text}");
    }
}

#[test]
fn a_party_adjective_alone_names_no_person() {
    for text in [
        "Tory plans to cut immigration are fair, Tom Reyes said.",
        "Ann Lind rejects Tory terror offer",
    ] {
        let found = names(text);
        assert!(
            !found.iter().any(|(n, k)| n == "Tory" && *k == Person),
            "{text}: {found:?}"
        );
    }
}
