//! Table tests of what pronouns and descriptions stand for.

use crate::relate::tests::{actions, statements};

/// The agents of the actions of `text` with their triggers.
fn agents(text: &str) -> Vec<(String, String)> {
    actions(text)
        .into_iter()
        .map(|(agent, trigger, _, _)| (agent, trigger))
        .collect()
}

fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter()
        .map(|&(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

#[test]
fn the_company_is_the_firm_the_text_is_about() {
    let x = statements(
        "Vantor Records said two albums, one by Harvo Group, had been delayed. \
         \"Our sales were lower than we expected,\" the company added.",
    );
    let direct: Vec<_> = x.iter().filter(|s| s.1 == "direct").collect();
    assert_eq!(direct.len(), 1, "{x:?}");
    assert_eq!(direct[0].0, "Vantor Records", "{x:?}");
}

#[test]
fn it_and_they_stand_for_the_subject_before_them() {
    let table: &[(&str, &[(&str, &str)])] = &[
        // The clause before was about the company.
        (
            "Trelmark Holdings sued the regulator in May. It hired a new lawyer.",
            &[("Trelmark Holdings", "sue"), ("Trelmark Holdings", "hire")],
        ),
        // A place as "it".
        (
            "While Norway signed the treaty in 2001, it ratified the text in 2010.",
            &[("Norway", "sign"), ("Norway", "ratify")],
        ),
        // A plural passed over for "it".
        (
            "Trelmark Holdings warned that yields were falling as it cut its prices.",
            &[("Trelmark Holdings", "cut")],
        ),
        // The pronoun before, followed back.
        (
            "Trelmark Holdings opened a plant. It hired 300 staff and it bought a mill.",
            &[
                ("Trelmark Holdings", "open"),
                ("Trelmark Holdings", "hire"),
                ("Trelmark Holdings", "buy"),
            ],
        ),
    ];
    for (text, wanted) in table {
        assert_eq!(agents(text), pairs(wanted), "{text}");
    }
}

#[test]
fn they_after_people_or_things_is_no_organization() {
    // "they" is the players, and the stunts: not the club or the party named before.
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "Trelmark Holdings hired two engineers. The young engineers worked hard \
             before they left the region.",
            &[("Trelmark Holdings", "hire")],
        ),
        (
            "The stunts about the Green Party may not have pleased everyone, but they \
             forced the Green Party to react.",
            &[],
        ),
        // A coordination is none of its members.
        (
            "Paramount, Norbex and Trelmark said they were backing the format.",
            &[],
        ),
    ];
    for (text, wanted) in table {
        assert_eq!(agents(text), pairs(wanted), "{text}");
    }
    let said = statements("The young players were tired. They said the pitch was poor.");
    assert!(said.is_empty(), "{said:?}");
}

#[test]
fn he_and_she_follow_the_subjects_before_them() {
    let x = statements(
        "Tom Reyes was expelled from the party in May. He denied a report that he had \
         met Carl Olsen of Vardby Radio. Speaking in Oslo, he said the party was wrong.",
    );
    assert_eq!(x.len(), 1, "{x:?}");
    assert_eq!(x[0].0, "Tom Reyes");
    // The possessor of the noun the pronoun's clause completes.
    let table: &[(&str, &[(&str, &str)])] = &[(
        "Carl Olsen sued Tom Reyes over his admission that he paid the bribes.",
        &[("Carl Olsen", "sue"), ("Tom Reyes", "pay")],
    )];
    for (text, wanted) in table {
        assert_eq!(agents(text), pairs(wanted), "{text}");
    }
    // A subject named after its title ("director Tom Reyes", the title read as the
    // head) is the subject, not a name in its object.
    let x = statements(
        "Tom Lind was held for two years.\n\nBut Vardby Trials Abroad director Tom Reyes \
         said there were similarities between Mr Lind's account and others.\n\nHe \
         said: \"The pattern is the same.\"",
    );
    assert!(x.iter().all(|s| s.0 == "Tom Reyes"), "{x:?}");
    // A sentence opening with a description of a person ("The 66-year-old", "The
    // Norwegian", "The coach") is about the last person who was a subject, and so
    // is the "he" after it — not the last person named.
    for description in ["The 66-year-old", "The Norwegian", "The coach"] {
        let x = statements(&format!(
            "Norway coach Tom Reyes is furious after being fined for his remarks about \
             Mark Lopes. {description} criticised the punishment. \"I am not guilty,\" \
             he said."
        ));
        assert_eq!(x.len(), 1, "{x:?}");
        assert_eq!(x[0].0, "Tom Reyes", "{description}");
    }
    // A sentence ending "…, argued Mr Reyes." is his: a "he" after it is Reyes.
    let x = statements(
        "It was no use Mr Lind claiming the pledges were safe as he had made one on \
         Tuesday, argued Mr Reyes.\n\nPointing to the figures, he added: \"Everyone \
         knows taxes will rise.\"",
    );
    let direct: Vec<_> = x.iter().filter(|s| s.1 == "direct").collect();
    assert!(
        !direct.is_empty() && direct.iter().all(|s| s.0 == "Reyes"),
        "{x:?}"
    );
    // Who speaks is not the subject of the words he reports.
    let x = statements(
        "Tom Reyes denied the charges in court on Monday. Mr Lind \"made the accounting \
         decisions,\" he told the court.",
    );
    assert!(x.iter().all(|s| s.0 == "Tom Reyes"), "{x:?}");
}

#[test]
fn he_in_a_new_sentence_is_who_spoke_or_acted_in_the_one_before() {
    // Who spoke in the sentence before comes first, then the subject of its main
    // clause — not the last person named or a subject inside what was said.
    let table: &[(&str, &str)] = &[
        (
            "Harvo chief executive Tom Reyes spoke first.\n\n\"Nina Olsen has done well,\" \
             the chief executive said.\n\nHe went on to accuse Carl Lind of giving with one \
             hand.\n\nHe said the talks had failed.",
            "Tom Reyes",
        ),
        (
            "Vardby coach Tom Reyes has played down reports that Carl Lind will return.\n\n\
             \"He has been responding well,\" he said.",
            "Tom Reyes",
        ),
        (
            "Nina Olsen spoke. Vantor chairman Tom Reyes said Carl Lind was one of his \
             heroes.\n\n\"I was influenced by him,\" he said.",
            "Tom Reyes",
        ),
    ];
    for (text, speaker) in table {
        let x = statements(text);
        assert!(!x.is_empty(), "{text}");
        assert_eq!(
            x.last().map(|s| s.0.as_str()),
            Some(*speaker),
            "{text}: {x:?}"
        );
    }
}

#[test]
fn a_bare_quotation_is_by_who_framed_it_and_he_looks_past_it() {
    // A verb that frames words (criticised, accused, recalled) gives the bare
    // quotation after it its speaker — its subject, not the one it names after it —
    // and a "he" after a sentence that is all quotation looks past it.
    let x = statements(
        "Tom Reyes spoke first.\n\nHe went on to accuse Carl Lind of lying.\n\n\
         \"We can all see the problem.\"\n\nHe said the plan was wrong.",
    );
    assert_eq!(x.len(), 2, "{x:?}");
    assert!(x.iter().all(|s| s.0 == "Tom Reyes"), "{x:?}");
    let x = statements(
        "Nina Olsen defended the budget. Vantor chairman Tom Reyes criticised the plans.\n\n\
         \"If you want good services you do not cut pensions.\"",
    );
    assert_eq!(x.len(), 1, "{x:?}");
    assert_eq!(x[0].0, "Tom Reyes", "{x:?}");
}

#[test]
fn he_after_a_sentence_about_his_thing_is_its_owner() {
    let table: &[(&str, &[(&str, &str)])] = &[
        // The owner of the subject is the centre, not the agent named last.
        (
            "Erik Dahl studied law in Oslo. His first attempt to enter parliament was \
             thwarted by the party spokesman Tom Reyes. But in 1983, he won the seat of Vardby.",
            &[
                ("Erik Dahl", "study"),
                ("Tom Reyes", "thwart"),
                ("Erik Dahl", "win"),
            ],
        ),
        // An owner named outright.
        (
            "Erik Dahl's bid for the club was blocked by Tom Reyes. In May, he sold his shares.",
            &[("Tom Reyes", "block"), ("Erik Dahl", "sell")],
        ),
        // Not when the owner is of the other sex.
        (
            "Nina Olsen's bid for the club was blocked by Tom Reyes. In May, he sold his shares.",
            &[("Tom Reyes", "block"), ("Tom Reyes", "sell")],
        ),
        // Nor when the subject has no owner.
        (
            "Erik Dahl studied law in Oslo. The first bid was blocked by Tom Reyes. In May, \
             he sold his shares.",
            &[
                ("Erik Dahl", "study"),
                ("Tom Reyes", "block"),
                ("Tom Reyes", "sell"),
            ],
        ),
    ];
    for (text, wanted) in table {
        assert_eq!(agents(text), pairs(wanted), "{text}");
    }
}
