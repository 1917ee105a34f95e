//! One row per English construction the relation rules claim to read, in sentences
//! written for these tests, plus rows where they must not fire.

use crate::model::{Article, Date};
use crate::pipeline::{Extraction, extract};

mod actions;
mod links_events;
mod statements;

pub(super) fn run(text: &str) -> Extraction {
    extract(&Article {
        id: "t".into(),
        text: text.into(),
        published: Date::parse("2021-03-15"),
        ..Article::default()
    })
}

fn label(x: &Extraction, e: usize) -> String {
    x.entities[e].label.clone()
}

fn roles(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let x = run(text);
    x.facts
        .roles
        .iter()
        .map(|r| {
            (
                label(&x, r.person),
                r.title.clone(),
                r.at.map(|a| label(&x, a)),
            )
        })
        .collect()
}

pub(super) fn statements(text: &str) -> Vec<(String, &'static str, String)> {
    let x = run(text);
    x.facts
        .statements
        .iter()
        .map(|s| {
            (
                label(&x, s.speaker),
                if s.direct { "direct" } else { "indirect" },
                s.text.clone(),
            )
        })
        .collect()
}

pub(super) fn actions(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let x = run(text);
    x.facts
        .events
        .iter()
        .filter(|e| e.trigger.is_some())
        .map(|e| {
            (
                e.agent.map(|a| label(&x, a)).unwrap_or_default(),
                e.trigger.clone().unwrap_or_default(),
                e.affected.map(|a| label(&x, a)),
                e.date.map(|d| d.lexical()),
            )
        })
        .collect()
}

/// The links of an extraction as (from, kind, to) labels.
fn links(x: &Extraction) -> Vec<(String, String, String)> {
    x.facts
        .links
        .iter()
        .map(|l| (label(x, l.from), format!("{:?}", l.kind), label(x, l.to)))
        .collect()
}

/// Asserts that each (from, kind, to) link was read.
fn assert_links(x: &Extraction, wanted: &[(&str, &str, &str)]) {
    let links = links(x);
    for want in wanted {
        let want = (s(want.0), s(want.1), s(want.2));
        assert!(links.contains(&want), "missing {want:?} in {links:?}");
    }
}

fn s(v: &str) -> String {
    v.to_owned()
}

#[test]
fn roles_from_premodifiers_appositions_and_possessives() {
    type Row<'a> = (&'a str, &'a [(&'a str, Option<&'a str>, Option<&'a str>)]);
    let table: &[Row] = &[
        (
            "Zintrex CEO Maria Olsen spoke.",
            &[("Maria Olsen", Some("CEO"), Some("Zintrex"))],
        ),
        // A nationality inside the title is its scope, not the employer.
        (
            "Harvo Group senior European economist Nina Olsen said rates would rise.",
            &[("Nina Olsen", Some("economist"), Some("Harvo Group"))],
        ),
        // A past post keeps the word that says so, as written.
        (
            "Zintrex collapsed. Former Zintrex boss Tom Reyes is on trial.",
            &[("Tom Reyes", Some("former boss"), Some("Zintrex"))],
        ),
        (
            "Vantor said its then chief executive, Nina Olsen, had resigned.",
            &[("Nina Olsen", Some("then chief executive"), None)],
        ),
        // A verb before a title is no part of it, nor a title the tagger reads as a verb.
        (
            "Vantor brought striker Tom Reyes in from Vardby.",
            &[("Tom Reyes", Some("striker"), None)],
        ),
        ("Vantor wants to coach Tom Reyes next year.", &[]),
        // A country before a profession it does not employ is a nationality.
        (
            "US actor Tom Reyes spoke.",
            &[("Tom Reyes", Some("actor"), None)],
        ),
        (
            "Norwegian economist Nina Olsen of Harvo Bank spoke.",
            &[("Nina Olsen", Some("economist"), Some("Harvo Bank"))],
        ),
        (
            "England footballer Tom Reyes retired.",
            &[("Tom Reyes", Some("footballer"), Some("England"))],
        ),
        // … but a nationality adjective before a player is where the player is from.
        (
            "Norwegian striker Tom Reyes scored twice.",
            &[("Tom Reyes", Some("striker"), None)],
        ),
        (
            "Norwegian Prime Minister Erna Solberg spoke.",
            &[("Erna Solberg", Some("Prime Minister"), Some("Norway"))],
        ),
        (
            "It hired Bo Xilai, president of the logistics company Harvo Freight Group.",
            &[("Bo Xilai", Some("president"), Some("Harvo Freight Group"))],
        ),
        (
            "Tom Reyes, Zintrex's chief executive, left.",
            &[("Tom Reyes", Some("chief executive"), Some("Zintrex"))],
        ),
        (
            "Yesterday marine biology expert Ana Lopes spoke.",
            &[("Ana Lopes", Some("marine biology expert"), None)],
        ),
        (
            "Nina Olsen, a well-known civil rights activist, died on Friday.",
            &[("Nina Olsen", Some("civil rights activist"), None)],
        ),
        (
            "Zintrex Group's chief executive, Tom Reyes, resigned.",
            &[("Tom Reyes", Some("chief executive"), Some("Zintrex Group"))],
        ),
        (
            "Mourners included actress Ruby Lane.",
            &[("Ruby Lane", Some("actress"), None)],
        ),
        ("“Tom Reyes was my hero,” she said.", &[]),
        (
            "Kestrel Capital's Nina Park agreed.",
            &[("Nina Park", None, Some("Kestrel Capital"))],
        ),
        (
            "Energy analyst Tom Reyes of Brantwell Vossberg says so.",
            &[("Tom Reyes", Some("analyst"), Some("Brantwell Vossberg"))],
        ),
        (
            "Ohio Gov. Tom Reyes signed it.",
            &[("Tom Reyes", Some("Gov."), Some("Ohio"))],
        ),
        (
            "The rules changed, said Nina Park, a Zintrex spokeswoman.",
            &[("Nina Park", Some("spokeswoman"), Some("Zintrex"))],
        ),
        (
            "Tom Reyes, an executive with Harvo Systems, agreed.",
            &[("Tom Reyes", Some("executive"), Some("Harvo Systems"))],
        ),
        (
            "The data came from Tom Reyes, an ecologist at Vardby University.",
            &[("Tom Reyes", Some("ecologist"), Some("Vardby University"))],
        ),
        (
            "Police held the chairman of the Vardby Opposition Front, Tom Reyes.",
            &[(
                "Tom Reyes",
                Some("chairman"),
                Some("Vardby Opposition Front"),
            )],
        ),
        (
            "Ana Lopes, who heads the Vardby Institute, agreed.",
            &[("Ana Lopes", Some("head"), Some("Vardby Institute"))],
        ),
        (
            "It cited the Harbour Foundation, founded in 1977 by Nina Olsen.",
            &[("Nina Olsen", Some("founder"), Some("Harbour Foundation"))],
        ),
        (
            "Tom Reyes, 58, was acting comptroller at Vardby University.",
            &[("Tom Reyes", Some("comptroller"), Some("Vardby University"))],
        ),
        (
            "Nina Olsen is a professor of physics at Vardby University.",
            &[("Nina Olsen", Some("professor"), Some("Vardby University"))],
        ),
        (
            "Wang Li at the Harvo Institute found a gene.",
            &[("Wang Li", None, Some("Harvo Institute"))],
        ),
        (
            "Tom Reyes, the Oslo attorney representing Zintrex, said no.",
            &[("Tom Reyes", Some("attorney"), Some("Oslo"))],
        ),
        (
            "Tom Reyes, vice president and columnist for The Vardby Times, said no.",
            &[
                ("Tom Reyes", Some("vice president"), None),
                ("Tom Reyes", Some("columnist"), Some("Vardby Times")),
            ],
        ),
        ("The executive pay rose.", &[]),
    ];
    for (text, expected) in table {
        let want: Vec<(String, Option<String>, Option<String>)> = expected
            .iter()
            .map(|(p, t, a)| (s(p), t.map(s), a.map(s)))
            .collect();
        assert_eq!(roles(text), want, "{text}");
    }
}
